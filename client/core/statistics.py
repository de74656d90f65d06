"""The statistics of a record form: sums, recipients per month, age and amount bands,
duration and the long-term share, as form.json's "statistics" declares them.

One module feeds every place that shows them: the PDF receipt, the HTML report, the
window's Statistikk tab and `kostra kkp`'s statistics report. Only counts and sums leave
this module; no record, journal number or personal number does.

A section is one of:
- `sums`: one total per row, each a sum of fields (kroner);
- `perField`: for each field, how many records have it filled in (recipients per month);
- `bands`: records counted by the band their value falls in, the rest under `other`;
- `share`: records whose value is at least `min`, against the rest (long-term recipients).
A record's value is a sum of fields, how many of some fields are filled in, or its age
in the reporting year (reporting year minus birth year, as SSB counts it) read from the
first field that gives a birth date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from client.core.forms.model import FormDefinition
from client.core.i18n import Text, tr
from client.core.identity import birth_year
from client.core.records.recordset import RecordSet
from client.core.validation.runtime import to_date


@dataclass(frozen=True)
class Row:
    key: str  # stable across years, to set last year beside this year
    label: Text
    value: int


@dataclass(frozen=True)
class Section:
    id: str
    kind: str  # "sums", "perField", "bands", "share"
    title: Text
    chart: str | None  # "bar", "share" or None (a table only)
    rows: tuple[Row, ...]

    @property
    def is_amount(self) -> bool:
        return self.kind == "sums"

    @property
    def total(self) -> int:
        return sum(row.value for row in self.rows)

    def share(self) -> float | None:
        """For a share section: the first row's part of the whole, 0–1."""
        total = self.total
        return self.rows[0].value / total if self.kind == "share" and total else None

    def value_of(self, key: str) -> int | None:
        for row in self.rows:
            if row.key == key:
                return row.value
        return None


@dataclass(frozen=True)
class Statistics:
    form_id: str
    year: int
    records: int
    unit: Text
    sections: tuple[Section, ...]

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def to_json(self, lang: str = "nb") -> dict[str, Any]:
        return {
            "form": self.form_id,
            "year": self.year,
            "records": self.records,
            "sections": [
                {
                    "id": s.id,
                    "kind": s.kind,
                    "title": tr(s.title, lang),
                    "rows": [{"key": r.key, "label": tr(r.label, lang), "value": r.value}
                             for r in s.rows],
                }
                for s in self.sections
            ],
        }


@dataclass(frozen=True)
class PairedRow:
    key: str
    label: Text
    value: int
    last: int | None  # last year's value, None when last year is not given or lacks the row


def paired_rows(section: Section, last: Statistics | None) -> list[PairedRow]:
    """This year's rows with last year's values beside them (matched by section and key)."""
    earlier = last.section(section.id) if last is not None else None
    return [
        PairedRow(row.key, row.label, row.value,
                  earlier.value_of(row.key) if earlier is not None else None)
        for row in section.rows
    ]


# --- Totals: the few figures form.json's "totals" declares, for the submission and receipt


@dataclass(frozen=True)
class Total:
    """One declared total: a count or a sum, or (countFilled) a count per field."""

    id: str
    label: Text
    value: int | None
    items: tuple[tuple[Text, int], ...] = ()

    def to_json(self, lang: str = "nb") -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "label": tr(self.label, lang)}
        if self.value is not None:
            out["value"] = self.value
        if self.items:
            out["items"] = [{"label": tr(label, lang), "value": v} for label, v in self.items]
        return out


def compute_totals(form: FormDefinition, data: RecordSet | dict[str, Any]) -> list[Total]:
    """The totals form.json declares, over records (record forms) or answers."""
    totals = []
    for spec in form.totals:
        value: int | None = None
        items: tuple[tuple[Text, int], ...] = ()
        if spec.get("count") == "records":
            value = len(data) if isinstance(data, RecordSet) else None
        elif "sum" in spec:
            value = sum(_field_sum(form, data, name) for name in spec["sum"])
        elif "countFilled" in spec:
            items = tuple(
                (_field_label(form, name), _field_count(form, data, name))
                for name in spec["countFilled"]
            )
        totals.append(Total(spec["id"], spec["label"], value, items))
    return totals


def _field_sum(form: FormDefinition, data: RecordSet | dict[str, Any], name: str) -> int:
    if isinstance(data, RecordSet):
        column = form.field(name).column
        assert column is not None
        start, end = column.start, column.end
        return sum(_integer(line[start:end].strip()) for line in data.lines)
    value = data.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _field_count(form: FormDefinition, data: RecordSet | dict[str, Any], name: str) -> int:
    if isinstance(data, RecordSet):
        column = form.field(name).column
        assert column is not None
        start, end = column.start, column.end
        return sum(1 for line in data.lines if line[start:end].strip())
    return 1 if data.get(name) not in (None, "", []) else 0


# --- The statistics report


def has_statistics(form: FormDefinition) -> bool:
    return form.is_record_form and bool(form.statistics)


def compute_statistics(form: FormDefinition, records: RecordSet) -> Statistics | None:
    """The form's statistics over `records`; None for a form that declares none."""
    spec = form.statistics
    if not form.is_record_form or not spec:
        return None
    lines = records.lines
    values: dict[str, list[int | None]] = {}  # one list per value expression, computed once
    filled: dict[tuple[str, ...], tuple[list[int | None], list[int]]] = {}

    def count_filled(names: Sequence[str]) -> tuple[list[int | None], list[int]]:
        # One pass gives both how many of the fields each record fills (duration) and how
        # many records fill each field (per month).
        key = tuple(names)
        if key not in filled:
            filled[key] = _count_filled(_slices(form, names), lines)
        return filled[key]

    def per_record(expression: dict[str, Any]) -> list[int | None]:
        if "countFilled" in expression:
            return count_filled(expression["countFilled"])[0]
        key = repr(sorted(expression.items()))
        if key not in values:
            values[key] = _evaluate(form, lines, expression)
        return values[key]

    sections = []
    for section in spec["sections"]:
        kind = section["kind"]
        if kind == "sums":
            rows = tuple(
                Row(row["id"], row["label"],
                    sum(v or 0 for v in per_record({"sum": row["sum"]})))
                for row in section["rows"]
            )
        elif kind == "perField":
            counts = count_filled(section["countFilled"])[1]
            rows = tuple(Row(name, _field_label(form, name), n)
                         for name, n in zip(section["countFilled"], counts, strict=True))
        elif kind == "bands":
            rows = _banded(per_record(section["value"]), section["bands"], section["other"])
        else:  # share
            cut = section["min"]
            over = sum(1 for v in per_record(section["value"]) if v is not None and v >= cut)
            rows = (Row("atLeast", section["label"], over),
                    Row("below", section["rest"], len(lines) - over))
        sections.append(Section(section["id"], kind, section["title"], section.get("chart"),
                                rows))
    return Statistics(form.form_id, form.year, len(lines), spec["unit"], tuple(sections))


def _banded(values: Sequence[int | None], bands: Sequence[dict[str, Any]],
            other: Text) -> tuple[Row, ...]:
    counts = [0] * (len(bands) + 1)
    limits = [(b.get("min"), b.get("max")) for b in bands]
    band_of: dict[int | None, int] = {}  # ages and months repeat: look each value up once
    for value in values:
        index = band_of.get(value)
        if index is None:
            index = len(bands)
            if value is not None:
                for i, (lo, hi) in enumerate(limits):
                    if (lo is None or value >= lo) and (hi is None or value <= hi):
                        index = i
                        break
            band_of[value] = index
        counts[index] += 1
    rows = [Row(f"band{i}:{tr(b['label'])}", b["label"], counts[i]) for i, b in enumerate(bands)]
    rows.append(Row("other", other, counts[-1]))
    return tuple(rows)


def _field_label(form: FormDefinition, name: str) -> Text:
    """A field named by its one code's label ("Januar" for STMND_1), else by its name."""
    codes = form.field(name).codes
    return codes[0].label if len(codes) == 1 else {"nb": name}


def _slices(form: FormDefinition, names: Sequence[str]) -> list[tuple[int, int]]:
    out = []
    for name in names:
        column = form.field(name).column
        assert column is not None
        out.append((column.start, column.end))
    return out


def _integer(text: str) -> int:
    try:
        return int(text) if text else 0
    except ValueError:  # the controls report such a value; a statistic must not fail on it
        return 0


def _count_filled(cols: Sequence[tuple[int, int]],
                  lines: Sequence[str]) -> tuple[list[int | None], list[int]]:
    per_field = [0] * len(cols)
    per_record: list[int | None] = []
    indexed = list(enumerate(cols))
    for line in lines:
        n = 0
        for i, (a, b) in indexed:
            if line[a:b].strip():
                per_field[i] += 1
                n += 1
        per_record.append(n)
    return per_record, per_field


def _evaluate(form: FormDefinition, lines: Sequence[str],
              expression: dict[str, Any]) -> list[int | None]:
    if "sum" in expression:
        cols = _slices(form, expression["sum"])
        if len(cols) == 1:
            ((a, b),) = cols
            return [_integer(line[a:b].strip()) for line in lines]
        return [sum(_integer(line[a:b].strip()) for a, b in cols) for line in lines]
    readers = [_birth_reader(form, name) for name in expression["age"]]
    year = form.year
    out: list[int | None] = []
    for line in lines:
        age = None
        for read in readers:
            born = read(line)
            if born is not None:
                age = year - born
                break
        out.append(age)
    return out


def _birth_reader(form: FormDefinition, name: str) -> Callable[[str], int | None]:
    """A function from a line to the birth year in field `name`, or None."""
    field = form.field(name)
    column = field.column
    assert column is not None
    a, b = column.start, column.end
    year = form.year
    if field.type != "date":  # a fødselsnummer or d-nummer
        def from_number(line: str) -> int | None:
            return birth_year(line[a:b].strip(), year)
        return from_number
    pattern = column.date_pattern or "ddMMyyyy"

    def from_date(line: str) -> int | None:
        date = to_date(line[a:b], pattern)
        return date.year if date is not None else None
    return from_date
