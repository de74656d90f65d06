"""Synthetic, realistic records for tests, examples and benchmarks.

Every identity number is generated (checksum-valid, born on a made-up day);
no record describes a real person. Clean records pass every control of the
2025/2026 layouts; `plant_errors` adds the data problems SSB meets.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from client.core.forms.model import FormDefinition
from client.core.identity import synthetic_duf, synthetic_fnr

MONTH_SUFFIXES = ("JAN", "FEB", "MARS", "APRIL", "MAI", "JUNI", "JULI", "AUG", "SEPT", "OKT", "NOV",
                  "DES")
# (VKLO, TRYGDESIT, ARBSIT) combinations that agree with controls 15-24B.
LIVELIHOOD_11F = [
    ("1", "12", "01"), ("1", "12", "02"), ("2", "12", "05"), ("2", "12", "06"), ("3", "04", "04"),
    ("3", "11", "07"), ("3", "01", "02"), ("3", "02", "07"), ("4", "12", "03"), ("5", "12", "07"),
    ("5", "12", "04"), ("5", "10", "03"), ("6", "12", "09"), ("7", "12", "04"), ("8", "12", "10"),
    ("9", "12", "04"),
]


def date_text(date: dt.date, pattern: str) -> str:
    return date.strftime("%d%m%Y" if pattern == "ddMMyyyy" else "%d%m%y")


def generated_fnr(year: int, age: int, n: int = 0, *, dnr: bool = False) -> str:
    """A valid number for someone `age` in `year` (age = year - birth year, as SSB counts)."""
    born = dt.date(year - age, 1 + n % 12, 1 + (n * 7) % 28)
    return synthetic_fnr(born, n, dnr=dnr)


def resolve(value: Any, form: FormDefinition, field: str, year: int) -> str:
    """Turn a generator spec of the SSB case format into a field value."""
    if not isinstance(value, dict):
        return value
    ((kind, spec),) = value.items()
    if kind == "$fnr":
        return generated_fnr(year, spec["age"], spec.get("n", 0))
    if kind == "$dnr":
        return generated_fnr(year, spec["age"], spec.get("n", 0), dnr=True)
    if kind == "$duf":
        return synthetic_duf(spec.get("n", 0))
    if kind == "$date":
        column = form.field(field).column
        assert column is not None and column.date_pattern is not None
        date = dt.date(year + spec.get("year_offset", 0), spec.get("month", 1), spec.get("day", 1))
        return date_text(date, column.date_pattern)
    raise ValueError(f"unknown generator {kind}")


def _pattern(form: FormDefinition, name: str) -> str:
    column = form.field(name).column
    assert column is not None and column.date_pattern is not None
    return column.date_pattern


def clean_record(form: FormDefinition, index: int, region: str = "123400",
                 rng: random.Random | None = None) -> dict[str, str]:
    """A record that passes every control of `form` (11F or 11CF, 2025/2026 layouts)."""
    rng = rng or random.Random(index)
    year = form.year
    kommune, bydel = region[:4], region[4:6]
    age = rng.randint(20, 66)
    # A distinct (birth day, n) per index keeps every number in the file unique.
    born = dt.date(year - age, 1, 1) + dt.timedelta(days=index % 365)
    fnr = synthetic_fnr(born, index // 365)
    values: dict[str, str] = {
        "KOMMUNE_NR": kommune,
        "VERSION": f"{year % 100:02d}",
        "BYDELSNR": bydel if kommune == "0301" else "",
        "PERSON_JOURNALNR": f"J{index + 1:07d}",
        "PERSON_FODSELSNR": fnr,
        "KJONN": rng.choice("12"),
        "EKTSTAT": rng.choice("12345"),
        "SAKSBEHANDLER": f"SB{index % 40:03d}",
    }
    if form.has_field("FODSELSDATO"):
        values["FODSELSDATO"] = date_text(born, _pattern(form, "FODSELSDATO"))
    children = rng.random() < 0.3
    values["BU18"] = "1" if children else "2"
    values["ANTBU18"] = str(rng.randint(1, 4)) if children else ""
    first = rng.randint(1, 12)
    last = rng.randint(first, 12)
    months = range(first, last + 1)
    for m in months:
        values[f"STMND_{m}"] = f"{m:02d}"
    if form.form_id == "11F":
        _fill_11f(values, form, rng, months)
    elif form.form_id == "11CF":
        _fill_11cf(values, form, rng, months)
    return values


def _fill_11f(values: dict[str, str], form: FormDefinition, rng: random.Random,
              months: range) -> None:
    vklo, trygd, arbsit = rng.choice(LIVELIHOOD_11F)
    values.update(VKLO=vklo, TRYGDESIT=trygd, ARBSIT=arbsit)
    bidrag = laan = 0
    for m in months:
        amount = rng.randint(800, 16000)
        values[f"BIDRAG_{MONTH_SUFFIXES[m - 1]}"] = str(amount)
        bidrag += amount
        if rng.random() < 0.1:
            loan = rng.randint(500, 5000)
            values[f"LAAN_{MONTH_SUFFIXES[m - 1]}"] = str(loan)
            laan += loan
    values["BIDRAG"] = str(bidrag)
    values["LAAN"] = str(laan)
    values.update(
        GITT_OKONOMIRAD=rng.choice("12"),
        FAAT_INDIVIDUELL_PLAN=rng.choice("122"),
        BOSIT=rng.choice("123456"),
        VILKARSAMEKT="2",
    )
    if rng.random() < 0.4:
        values["VILKARSOSLOV"] = "1"
        start = dt.date(form.year, months[0], 1)
        end = dt.date(form.year, months[-1], 28)
        values["UTBETDATO"] = date_text(start, _pattern(form, "UTBETDATO"))
        values["UTBETTOMDATO"] = date_text(end, _pattern(form, "UTBETTOMDATO"))
        name, code = rng.choice([("VILKARARBEID", "16"), ("VILKARSAMT", "08"),
                                 ("VILKARJOBBLOG", "06")])
        values[name] = code
    else:
        values["VILKARSOSLOV"] = "2"


def _fill_11cf(values: dict[str, str], form: FormDefinition, rng: random.Random,
               months: range) -> None:
    year = form.year
    registered = dt.date(year - 1, rng.randint(1, 12), rng.randint(1, 28))
    decided = registered + dt.timedelta(days=rng.randint(5, 40))
    begun = decided + dt.timedelta(days=rng.randint(1, 30))
    for name, date in (("REG_DATO", registered), ("VEDTAK_DATO", decided), ("BEGYNT_DATO", begun)):
        values[name] = date_text(date, _pattern(form, name))
    values.update(KVP_KOMM="2", KVP_MED_ASTONAD="2")
    values["KVP_STONAD"] = str(sum(rng.randint(15000, 25000) for _ in months))
    if rng.random() < 0.25:
        values["STATUS"] = "3"
        ended = dt.date(year, months[-1], rng.randint(1, 28))
        values["AVSL_DATO"] = date_text(ended, _pattern(form, "AVSL_DATO"))
        values["AVSL_ORDINAERTARB"] = "01"
        values["AVSL_VIKTIGSTE_INNTEKT"] = "01"
    else:
        values["STATUS"] = "1"


def clean_records(form: FormDefinition, count: int, region: str = "123400",
                  seed: int = 1) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    for index in range(count):
        yield clean_record(form, index, region, rng)


def plant_errors(records: list[dict[str, str]], form: FormDefinition, every: int = 50,
                 seed: int = 2) -> list[dict[str, str]]:
    """Plant the problems SSB's working group describes, one in every `every` records:
    negative amounts, amounts over the control limit, duplicates, invalid numbers,
    wrong codes, monthly sums that don't add up, impossible dates."""
    rng = random.Random(seed)
    out = [dict(r) for r in records]
    for i in range(0, len(out), every):
        record = out[i]
        kind = rng.randrange(7)
        if kind == 0 and i > 0:
            record["PERSON_FODSELSNR"] = out[i - 1]["PERSON_FODSELSNR"]
        elif kind == 1:
            record["PERSON_FODSELSNR"] = record["PERSON_FODSELSNR"][:10] + (
                "0" if record["PERSON_FODSELSNR"][10] != "0" else "1")
        elif kind == 2:
            record["KJONN"] = "3"
        elif kind == 3 and form.form_id == "11F":
            record["BIDRAG"] = "1200000"
        elif kind == 4 and form.form_id == "11F":
            record["BIDRAG"] = "-500"
        elif kind == 5 and i > 0:
            record["PERSON_JOURNALNR"] = out[i - 1]["PERSON_JOURNALNR"]
        elif kind == 6 and form.has_field("FODSELSDATO"):
            record["FODSELSDATO"] = "3102" + record["FODSELSDATO"][4:]
        else:
            record["EKTSTAT"] = "9"
    return out
