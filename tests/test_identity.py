"""Identity numbers: the fast birth year agrees with the full birth date everywhere."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from client.core.identity import (
    PLACEHOLDER_SUFFIXES,
    age_in_year,
    birth_date,
    birth_year,
    synthetic_fnr,
)

DIGITS = st.text(alphabet="0123456789", min_size=11, max_size=11)
PLACEHOLDERS = st.builds(lambda head, tail: head + tail,
                         st.text(alphabet="0123456789", min_size=6, max_size=6),
                         st.sampled_from(sorted(PLACEHOLDER_SUFFIXES)))
ODD = st.text(alphabet="0123456789 -x\u0663\u00b2", min_size=0, max_size=13)


@settings(max_examples=3000, deadline=None)
@given(value=st.one_of(DIGITS, PLACEHOLDERS, ODD), year=st.integers(2020, 2030))
def test_birth_year_is_the_year_of_the_birth_date(value, year):
    date = birth_date(value, year)
    assert birth_year(value, year) == (None if date is None else date.year)


def test_ages_of_synthetic_numbers_across_the_centuries():
    for born in (dt.date(1860, 5, 17), dt.date(1940, 2, 29), dt.date(1999, 12, 31),
                 dt.date(2004, 1, 1), dt.date(2025, 6, 30)):
        for dnr in (False, True):
            number = synthetic_fnr(born, dnr=dnr)
            assert age_in_year(number, 2026) == 2026 - born.year, (born, dnr)
