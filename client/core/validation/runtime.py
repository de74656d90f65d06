"""Small functions the compiled controls call: reading numbers, dates and ages the way SSB does."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from client.core.identity import (
    age_in_year,
    is_valid_duf,
    is_valid_fnr,
    is_valid_fnr_or_placeholder,
    lenient_date,
)

_SIGNED_INT = re.compile(r"[+-]?[0-9]+")


def to_int(raw: str) -> int | None:
    """A whole number as SSB reads one (trimmed, optional sign), or None."""
    text = raw.strip()
    if text.isdigit() and text.isascii():
        return int(text)
    if _SIGNED_INT.fullmatch(text):
        return int(text)
    return None


def _date_parts(raw: str, pattern: str) -> tuple[int, int, int] | None:
    if len(raw) != len(pattern) or not (raw.isascii() and raw.isdigit()):
        return None
    day, month = int(raw[0:2]), int(raw[2:4])
    year = int(raw[4:]) + (2000 if pattern == "ddMMyy" else 0)
    return day, month, year


# A file's dates are a few hundred distinct days read over and over (every record has
# several): remembering them is cheaper than parsing. Bounded, whatever the input.
@lru_cache(maxsize=4096)
def to_date(raw: str, pattern: str) -> dt.date | None:
    """A date as SSB's program reads it: a day past the month's end becomes the last day."""
    parts = _date_parts(raw, pattern)
    return None if parts is None else lenient_date(*parts)


@lru_cache(maxsize=4096)
def is_strict_date(raw: str, pattern: str) -> bool:
    """True when the text names a day that exists (31022025 does not)."""
    parts = _date_parts(raw, pattern)
    if parts is None:
        return False
    day, month, year = parts
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def age(raw: str, year: int) -> int | None:
    return age_in_year(raw, year)


def valid_fnr(raw: str) -> bool:
    return is_valid_fnr(raw.strip())


def valid_fnr_or_placeholder(raw: str, year: int) -> bool:
    return is_valid_fnr_or_placeholder(raw, year)


def valid_duf(raw: str) -> bool:
    return is_valid_duf(raw)


def year_with_century(value: int | None) -> int | None:
    """SSB's two-digit years: 1-99 mean 2001-2099."""
    if value is None:
        return None
    return 2000 + value if 1 <= value <= 99 else value


def year_of(value: dt.date | None) -> int | None:
    return None if value is None else value.year


# --- questionnaire answers (JSON values) --------------------------------------------


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | dict):
        return not value
    return False


def answer_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def answer_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return to_int(value)
    return None


def answer_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def answer_contains(value: Any, code: str) -> bool:
    return isinstance(value, list) and code in value


RUNTIME = {
    "_int": to_int,
    "_date": to_date,
    "_strict": is_strict_date,
    "_age": age,
    "_fnr": valid_fnr,
    "_fnr_ph": valid_fnr_or_placeholder,
    "_duf": valid_duf,
    "_ywc": year_with_century,
    "_year": year_of,
    "_blank": is_blank,
    "_atext": answer_text,
    "_aint": answer_int,
    "_adate": answer_date,
    "_contains": answer_contains,
}
