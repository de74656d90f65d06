"""Texts in the three languages the client speaks: bokmål (default), nynorsk and English."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("nb", "nn", "en")
DEFAULT_LANGUAGE = "nb"

# A translatable text as stored in form definitions: {"nb": ..., "nn": ..., "en": ...}.
Text = Mapping[str, str]


def tr(text: Text | str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """The text in `lang`, falling back to bokmål (every definition has bokmål)."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(lang) or text.get(DEFAULT_LANGUAGE) or next(iter(text.values()), "")


def format_int(value: int) -> str:
    """Norwegian digit grouping with a (non-breaking) space: 1 000 000."""
    sign = "-" if value < 0 else ""
    digits = f"{abs(value):,}".replace(",", "\u00a0")
    return sign + digits
