"""KOSTRA-klienten: offline reporting of KOSTRA social-services statistics to SSB."""

__version__ = "0.1.0"
