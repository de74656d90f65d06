"""Norwegian identity numbers: fødselsnummer, d-nummer, DUF-nummer, organisasjonsnummer.

The rules follow what SSB's control program accepts, so the client's verdict
matches SSB's: a fødselsnummer is valid when both mod-11 check digits agree,
and a few placeholder suffixes (00100, 00200, 99999) that SSB lets through for
people without a full number count as valid as long as the date part reads.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

_ELEVEN_DIGITS = re.compile(r"\d{11}")
_TWELVE_DIGITS = re.compile(r"\d{12}")
_NINE_DIGITS = re.compile(r"\d{9}")

_WEIGHTS_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_WEIGHTS_DUF = (4, 6, 3, 2, 4, 6, 3, 2, 7, 5)
_WEIGHTS_ORGNR = (3, 2, 7, 6, 5, 4, 3, 2)

# Suffixes SSB accepts in place of individual number + check digits.
PLACEHOLDER_SUFFIXES = frozenset({"00100", "00200", "99999"})


def _mod11_check_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    """The check digit for `digits`, or None when no valid digit exists (remainder 1)."""
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


@functools.lru_cache(maxsize=4096)
def is_valid_fnr(value: str) -> bool:
    """True when `value` is 11 digits with both check digits right (fødselsnummer or d-nummer).

    Written out rather than with _mod11_check_digit: every record's number is checked by
    several controls, and this is a large share of validating a whole country's file (the
    cache serves the repeated checks of one record)."""
    if len(value) != 11 or not value.isdecimal():
        return False
    d = [int(c) for c in value]
    r1 = (3 * d[0] + 7 * d[1] + 6 * d[2] + d[3] + 8 * d[4] + 9 * d[5] + 4 * d[6] + 5 * d[7]
          + 2 * d[8]) % 11
    if (11 - r1) % 11 != d[9]:  # remainder 1 gives 10, which no digit equals
        return False
    r2 = (5 * d[0] + 4 * d[1] + 3 * d[2] + 2 * d[3] + 7 * d[4] + 6 * d[5] + 5 * d[6] + 4 * d[7]
          + 3 * d[8] + 2 * d[9]) % 11
    return (11 - r2) % 11 == d[10]


def is_valid_fnr_or_placeholder(value: str, reporting_year: int) -> bool:
    """SSB's wider test: a valid number, or a readable date followed by a placeholder suffix."""
    if not _ELEVEN_DIGITS.fullmatch(value):
        return False
    if is_valid_fnr(value):
        return True
    return value[-5:] in PLACEHOLDER_SUFFIXES and birth_date(value, reporting_year) is not None


def _date_from_ddmmyy(ddmmyy: str) -> dt.date | None:
    """Read ddMMyy the way SSB's date reading does: two-digit years in 2000-2099,
    and a day past the month's end clamped to the last day (SSB's lenient reading)."""
    day, month, year = int(ddmmyy[:2]), int(ddmmyy[2:4]), 2000 + int(ddmmyy[4:6])
    return lenient_date(day, month, year)


def lenient_date(day: int, month: int, year: int) -> dt.date | None:
    """A date the way SSB reads one: day 1-31 and month 1-12 are required, and a day
    past the end of the month becomes the month's last day (31.02 -> 28.02)."""
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= year <= 9999):
        return None
    while True:
        try:
            return dt.date(year, month, day)
        except ValueError:
            day -= 1


def birth_date(value: str, reporting_year: int) -> dt.date | None:
    """The birth date encoded in a fødselsnummer or d-nummer, or None when it can't be read.

    The century comes from the individual number, as for real numbers; d-numbers
    (first digit + 4) and synthetic test numbers (month + 80) are read too.
    """
    if not _ELEVEN_DIGITS.fullmatch(value):
        return None
    if value[-5:] in PLACEHOLDER_SUFFIXES:
        date = _date_from_ddmmyy(value[:6])
        if date is None:
            return None
        # A placeholder carries no century; a date after next year must be last century.
        if date > dt.date(reporting_year + 1, 12, 31):
            return _replace_year(date, date.year - 100)
        return date
    first = int(value[0])
    day_digits = str(first - 4 if first > 3 else first) + value[1]
    third = int(value[2])
    month_digits = str(third - 8 if third >= 8 else third) + value[3]
    date = _date_from_ddmmyy(day_digits + month_digits + value[4:6])
    if date is None:
        return None
    individual = int(value[6:9])
    yy = int(value[4:6])
    if 500 <= individual <= 999 and yy <= 39:
        century_shift = 0  # born 2000-2039
    elif 500 <= individual <= 749 and yy >= 54:
        century_shift = 200  # born 1854-1899
    elif individual <= 499 or 900 <= individual <= 999:
        century_shift = 100  # born 1900-1999
    else:
        century_shift = 0
    return _replace_year(date, date.year - century_shift)


def _replace_year(date: dt.date, year: int) -> dt.date:
    try:
        return date.replace(year=year)
    except ValueError:  # 29 February in a year that has none
        return date.replace(year=year, day=28)


def birth_year(value: str, reporting_year: int) -> int | None:
    """The year of `birth_date(value, reporting_year)`, without making the date.

    Every record's age is read this way (a control, and the statistics), so the rules of
    birth_date are followed in arithmetic: SSB's lenient reading asks only for day 1-31
    and month 1-12, and a placeholder's date lies after next year exactly when its year
    does. A property test holds the two functions to the same answer."""
    if not _ELEVEN_DIGITS.fullmatch(value):
        return None
    yy = int(value[4:6])
    if value[-5:] in PLACEHOLDER_SUFFIXES:
        day, month = int(value[0:2]), int(value[2:4])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return 1900 + yy if 2000 + yy > reporting_year + 1 else 2000 + yy
    first, third = int(value[0]), int(value[2])
    day = (first - 4 if first > 3 else first) * 10 + int(value[1])
    month = (third - 8 if third >= 8 else third) * 10 + int(value[3])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    individual = int(value[6:9])
    if 500 <= individual <= 999 and yy <= 39:
        return 2000 + yy
    if 500 <= individual <= 749 and yy >= 54:
        return 1800 + yy
    if individual <= 499 or 900 <= individual <= 999:
        return 1900 + yy
    return 2000 + yy


def age_in_year(value: str, reporting_year: int) -> int | None:
    """Age as SSB counts it: reporting year minus birth year, or None when unreadable."""
    year = birth_year(value, reporting_year)
    return None if year is None else reporting_year - year


def is_valid_duf(value: str) -> bool:
    """A DUF-nummer is 12 digits whose last two are the weighted digit sum mod 11."""
    if not _TWELVE_DIGITS.fullmatch(value):
        return False
    check = sum(int(d) * w for d, w in zip(value[:10], _WEIGHTS_DUF, strict=True)) % 11
    return f"{check:02d}" == value[10:]


def is_valid_orgnr(value: str) -> bool:
    """An organisasjonsnummer is 9 digits with a mod-11 check digit."""
    if not _NINE_DIGITS.fullmatch(value):
        return False
    weighted = sum(int(d) * w for d, w in zip(value[:8], _WEIGHTS_ORGNR, strict=True))
    remainder = weighted % 11
    check = 0 if remainder == 0 else 11 - remainder
    return check != 10 and check == int(value[8])


# --- Synthetic numbers -------------------------------------------------------------
# Tests, examples and benchmarks use these; no number from a real person is ever stored.


def synthetic_fnr(born: dt.date, n: int = 0, *, dnr: bool = False) -> str:
    """A checksum-valid fødselsnummer (or d-nummer) for `born`; `n` picks among several."""
    if 1900 <= born.year <= 1999:
        individual_range = range(0, 500)
    elif 2000 <= born.year <= 2039:
        individual_range = range(500, 1000)
    elif 1854 <= born.year <= 1899:
        individual_range = range(500, 750)
    else:
        raise ValueError(f"no individual numbers for birth year {born.year}")
    day = born.day + 40 if dnr else born.day
    date_part = f"{day:02d}{born.month:02d}{born.year % 100:02d}"
    valid = _valid_numbers(date_part, individual_range.start, individual_range.stop)
    if valid:
        # Distinct n (below the ~400 valid numbers a day has) give distinct numbers.
        return valid[n % len(valid)]
    raise ValueError(f"no valid number for {born}")  # pragma: no cover


@functools.lru_cache(maxsize=4096)
def _valid_numbers(date_part: str, first: int, stop: int) -> tuple[str, ...]:
    """Every valid number of one birth date (generating test files asks for many a day)."""
    # The date's share of both weighted sums is computed once, not per individual number.
    date_k1 = sum(int(d) * w for d, w in zip(date_part, _WEIGHTS_K1[:6], strict=True))
    date_k2 = sum(int(d) * w for d, w in zip(date_part, _WEIGHTS_K2[:6], strict=True))
    a1, b1, c1 = _WEIGHTS_K1[6:9]
    a2, b2, c2, w_k1 = _WEIGHTS_K2[6:10]
    valid = []
    for individual in range(first, stop):
        i1, i2, i3 = individual // 100, individual // 10 % 10, individual % 10
        k1 = _check_digit(date_k1 + i1 * a1 + i2 * b1 + i3 * c1)
        if k1 is None:
            continue
        k2 = _check_digit(date_k2 + i1 * a2 + i2 * b2 + i3 * c2 + k1 * w_k1)
        if k2 is not None:
            valid.append(f"{date_part}{individual:03d}{k1}{k2}")
    return tuple(valid)


def _check_digit(weighted: int) -> int | None:
    remainder = weighted % 11
    if remainder == 0:
        return 0
    return None if remainder == 1 else 11 - remainder


def synthetic_duf(n: int = 0) -> str:
    """A valid 12-digit DUF-nummer; `n` picks among them."""
    for offset in range(1000):
        head = f"{2000 + (n * 7919 + offset) % 8000:04d}{(n * 104729 + offset) % 1000000:06d}"
        check = sum(int(d) * w for d, w in zip(head, _WEIGHTS_DUF, strict=True)) % 11
        if check < 100:
            return f"{head}{check:02d}"
    raise ValueError("no DUF number found")  # pragma: no cover


def synthetic_orgnr(n: int = 0) -> str:
    """A valid organisasjonsnummer starting with 9 (the range used for municipalities)."""
    for offset in range(1000):
        head = f"9{(n * 7331 + offset) % 10_000_000:07d}"
        weighted = sum(int(d) * w for d, w in zip(head, _WEIGHTS_ORGNR, strict=True))
        remainder = weighted % 11
        check = 0 if remainder == 0 else 11 - remainder
        if check != 10:
            return f"{head}{check}"
    raise ValueError("no organisation number found")  # pragma: no cover
