"""Signed submission to SSB: keys, the ASiC-E container, CAdES signature, PDF receipt, verification.

Import the submodules directly (`client.core.submission.submit`, `.keys`,
`.verify`); this package imports nothing heavy, so `kostra validate` stays fast.
"""
