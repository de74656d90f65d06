"""Changes to many records at once, worked out here and applied by the caller (the window
makes each one undo step): a value on chosen lines, find and replace in one column,
rows pasted from a spreadsheet, and two lines of one person merged into one.

Every function returns (index, field, new value) changes or new records; none changes the
record set itself, so the window and the CLI apply them the same way."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from client.core.errors import UserError
from client.core.forms.model import FieldDef, FormDefinition
from client.core.i18n import tr
from client.core.records.recordset import RecordSet

Change = tuple[int, str, str]  # record index, field name, new value

_TOO_LONG = {
    "nb": "«{label}» har plass til {size} tegn, men «{value}» har {length}.",
    "nn": "«{label}» har plass til {size} teikn, men «{value}» har {length}.",
    "en": "«{label}» holds {size} characters, but «{value}» has {length}.",
}
_NO_ROWS = {
    "nb": "Utklippstavlen har ingen rader å lime inn. Kopier radene i regnearket (med eller "
    "uten overskriftsrad) og prøv igjen.",
    "nn": "Utklippstavla har ingen rader å lime inn. Kopier radene i reknearket (med eller "
    "utan overskriftsrad) og prøv igjen.",
    "en": "The clipboard has no rows to paste. Copy the rows in the spreadsheet (with or "
    "without a header row) and try again.",
}
_TOO_MANY_COLUMNS = {
    "nb": "Rad {row} har {count} kolonner, men skjemaet har {fields} felt. Kopier bare "
    "kolonnene for skjemaet, i tabellens rekkefølge, eller ta med overskriftsraden.",
    "nn": "Rad {row} har {count} kolonnar, men skjemaet har {fields} felt. Kopier berre "
    "kolonnane for skjemaet, i rekkjefølgja i tabellen, eller ta med overskriftsrada.",
    "en": "Row {row} has {count} columns, but the form has {fields} fields. Copy only the "
    "form's columns, in the table's order, or include the header row.",
}
# A pasted block larger than this is a file, and belongs in Import.
MAX_PASTED_ROWS = 50_000


def _check_fits(f: FieldDef, value: str, lang: str = "nb") -> None:
    assert f.column is not None
    if len(value.strip()) > f.column.size:
        raise UserError(
            _TOO_LONG,
            label=tr(f.label, lang) if len(tr(f.label, lang)) < 40 else f.name,
            size=f.column.size,
            value=value.strip(),
            length=len(value.strip()),
        )


def set_field(
    records: RecordSet, indexes: Iterable[int], name: str, value: str
) -> list[Change]:
    """The same value in one field of the chosen records (e.g. KOMMUNE_NR)."""
    f = records.form.field(name)
    _check_fits(f, value)
    value = value.strip()
    return [(i, name, value) for i in sorted(set(indexes)) if records.value(i, name) != value]


def find_replace(
    records: RecordSet,
    name: str,
    find: str,
    replace: str,
    indexes: Iterable[int] | None = None,
    whole: bool = False,
) -> list[Change]:
    """Replace `find` by `replace` in one column: the whole value when `whole`, else every
    occurrence within it. `indexes` limits it to some records (default: all)."""
    f = records.form.field(name)
    changes = []
    rows = range(len(records)) if indexes is None else sorted(set(indexes))
    for i in rows:
        old = records.value(i, name)
        if whole:
            new = replace if old == find.strip() else old
        elif find:
            new = old.replace(find, replace)
        else:
            new = old
        if new != old:
            _check_fits(f, new)
            changes.append((i, name, new.strip()))
    return changes


@dataclass(frozen=True)
class Pasted:
    records: list[dict[str, str]]
    columns: list[str]  # the fields the pasted columns went into
    ignored: list[str] = field(default_factory=list)  # header cells that named no field


def parse_pasted(
    form: FormDefinition, text: str, column_order: Sequence[str], lang: str = "nb"
) -> Pasted:
    """Rows copied from a spreadsheet (tab-separated, as Excel and LibreOffice put them on
    the clipboard). A first row that names fields (SSB's names or the table's short
    labels, in any language) says which column is which; without one, the columns are
    taken in the table's order (`column_order`)."""
    rows = [r for r in csv.reader(io.StringIO(text), delimiter="\t") if any(c.strip() for c in r)]
    if not rows:
        raise UserError(_NO_ROWS)
    if len(rows) > MAX_PASTED_ROWS:
        rows = rows[: MAX_PASTED_ROWS + 1]
    names: dict[str, str] = {}
    for f in form.fields:
        names[f.name.lower()] = f.name
        for text_by_lang in (f.short, f.label):
            for value in text_by_lang.values():
                names.setdefault(value.strip().lower(), f.name)
    header = [names.get(c.strip().lower()) for c in rows[0]]
    ignored: list[str] = []
    if sum(1 for h in header if h) >= max(1, len(rows[0]) // 2):
        columns = header
        ignored = [c for c, h in zip(rows[0], header, strict=True) if not h and c.strip()]
        body = rows[1:]
    else:
        columns = list(column_order)
        body = rows
    out = []
    for number, row in enumerate(body, start=1):
        if len(row) > len(columns) and any(c.strip() for c in row[len(columns) :]):
            raise UserError(
                _TOO_MANY_COLUMNS, row=number, count=len(row), fields=len(columns)
            )
        record = {}
        for name, cell in zip(columns, row, strict=False):
            if name and cell.strip():
                _check_fits(form.field(name), cell, lang)
                record[name] = cell.strip()
        out.append(record)
    return Pasted(out, [c for c in columns if c], ignored)


@dataclass(frozen=True)
class Merged:
    values: dict[str, str]  # the merged record
    summed: list[str]  # amount fields added together
    conflicts: list[str]  # fields where the two differ; the first line's value was kept


def merge_records(form: FormDefinition, first: dict[str, str], second: dict[str, str]) -> Merged:
    """Two lines of the same person (SSB's 05A/05B ask to "slå sammen linjene") as one:
    amounts (fields shown as kroner) are added, a field blank in the first line takes the
    second's value, and where both are filled and differ the first line's value stays and
    the field is named, for the user to check."""
    values: dict[str, str] = {}
    summed: list[str] = []
    conflicts: list[str] = []
    for f in form.fields:
        a, b = first.get(f.name, "").strip(), second.get(f.name, "").strip()
        if f.widget == "amount" and a and b and a.lstrip("-").isdigit() and b.lstrip("-").isdigit():
            total = str(int(a) + int(b))
            _check_fits(f, total)
            values[f.name] = total
            summed.append(f.name)
        elif a and b and a != b:
            values[f.name] = a
            conflicts.append(f.name)
        elif a or b:
            values[f.name] = a or b
    return Merged(values, summed, conflicts)
