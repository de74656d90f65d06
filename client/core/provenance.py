"""Whose and which year's a record file is, from the records themselves.

A file given beside the one being checked (last year's with --last-year, the year's 11F
with --with) is only worth comparing with when it is the same municipality's and of the
right year. Layouts do not tell: 2025's and 2026's 11F have the same record length. The
records do: form.json's identity names the field with the kommunenummer and the one with
the reporting year (SSB's VERSION, its last two digits), so nothing here knows a form.
"""

from __future__ import annotations

from collections import Counter

from client.core.errors import InputFileError
from client.core.i18n import Text
from client.core.records.recordset import RecordSet

_TEXT: dict[str, Text] = {
    "last_year_kommune": {
        "nb": "Fjorårets fil {path} gjelder kommune {found}, ikke {kommune}. Velg kommunens "
        "eget uttrekk fra i fjor.",
        "nn": "Fjorårsfila {path} gjeld kommune {found}, ikkje {kommune}. Vel kommunen sitt "
        "eige uttrekk frå i fjor.",
        "en": "Last year's file {path} is for municipality {found}, not {kommune}. Choose the "
        "municipality's own extract from last year.",
    },
    "last_year_year": {
        "nb": "Fjorårets fil {path} gjelder {found} (årgangen i postene), men den skal være fra "
        "et år før {year}. Velg uttrekket for {last}.",
        "nn": "Fjorårsfila {path} gjeld {found} (årgangen i postane), men ho skal vere frå "
        "eit år før {year}. Vel uttrekket for {last}.",
        "en": "Last year's file {path} is for {found} (the year in its records), but it must be "
        "from a year before {year}. Choose the extract for {last}.",
    },
    "other_kommune": {
        "nb": "{path} (skjema {form}) gjelder kommune {found}, ikke {kommune}. Velg kommunens "
        "egen fil for skjema {form} {year}.",
        "nn": "{path} (skjema {form}) gjeld kommune {found}, ikkje {kommune}. Vel kommunen si "
        "eiga fil for skjema {form} {year}.",
        "en": "{path} (form {form}) is for municipality {found}, not {kommune}. Choose the "
        "municipality's own file for form {form} {year}.",
    },
    "other_year": {
        "nb": "{path} (skjema {form}) gjelder {found} (årgangen i postene), ikke {year}. Velg "
        "årets fil for skjema {form}.",
        "nn": "{path} (skjema {form}) gjeld {found} (årgangen i postane), ikkje {year}. Vel "
        "årets fil for skjema {form}.",
        "en": "{path} (form {form}) is for {found} (the year in its records), not {year}. "
        "Choose this year's file for form {form}.",
    },
}


def _most_common(records: RecordSet, name: str | None) -> str | None:
    form = records.form
    if name is None or not form.has_field(name):
        return None
    column = form.field(name).column
    if column is None:
        return None
    values = Counter(line[column.start:column.end].strip() for line in records.lines)
    values.pop("", None)
    return values.most_common(1)[0][0] if values else None


def kommuner(records: RecordSet) -> set[str]:
    """Every kommunenummer in the records (empty when the form does not say which field)."""
    name = records.form.identity.kommune
    if name is None or not records.form.has_field(name):
        return set()
    column = records.form.field(name).column
    assert column is not None
    return {line[column.start:column.end].strip() for line in records.lines} - {""}


def year_of(records: RecordSet, near: int) -> int | None:
    """The reporting year most of the records give, as four digits (two digits read as the
    year nearest `near`); None when the form or the records do not say."""
    text = _most_common(records, records.form.identity.year)
    if text is None or not text.isdigit():
        return None
    if len(text) >= 4:
        return int(text)
    modulus = 10 ** len(text)
    base = near - near % modulus + int(text)
    return min((base - modulus, base, base + modulus), key=lambda y: abs(y - near))


def _kommune_problem(records: RecordSet, kommunenummer: str | None) -> str | None:
    """The records' main kommunenummer when none of them is `kommunenummer`."""
    if not kommunenummer or not len(records):
        return None
    found = kommuner(records)
    if not found or kommunenummer in found:
        return None
    return _most_common(records, records.form.identity.kommune)


def check_last_year(
    records: RecordSet, shown: str, *, year: int, kommunenummer: str | None
) -> None:
    """Refuse last year's records when they are of another municipality, or of `year`
    itself or later (this year's file given twice, or a file of a later year)."""
    found = year_of(records, year - 1)
    if found is not None and found >= year:
        raise InputFileError(_TEXT["last_year_year"], path=shown, found=found, year=year,
                             last=year - 1)
    other = _kommune_problem(records, kommunenummer)
    if other is not None:
        raise InputFileError(_TEXT["last_year_kommune"], path=shown, found=other,
                             kommune=kommunenummer)


def check_same_year(
    records: RecordSet, shown: str, *, year: int, kommunenummer: str | None
) -> None:
    """Refuse another form's records for the cross-form controls when they are of another
    year or another municipality than the form they are compared with."""
    form_id = records.form.form_id
    found = year_of(records, year)
    if found is not None and found != year:
        raise InputFileError(_TEXT["other_year"], path=shown, form=form_id, found=found,
                             year=year)
    other = _kommune_problem(records, kommunenummer)
    if other is not None:
        raise InputFileError(_TEXT["other_kommune"], path=shown, form=form_id, found=other,
                             kommune=kommunenummer, year=year)
