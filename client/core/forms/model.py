"""The form definition as the rest of the client sees it: frozen, checked, language-aware."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from client.core.i18n import Text, tr

FormKind = Literal["record", "questionnaire"]
Severity = Literal["FATAL", "ERROR", "WARNING", "INFO"]
SEVERITIES: tuple[Severity, ...] = ("FATAL", "ERROR", "WARNING", "INFO")


@dataclass(frozen=True)
class Code:
    code: str
    label: Text

    def display(self, lang: str = "nb") -> str:
        return f"{self.code} = {tr(self.label, lang)}"


@dataclass(frozen=True)
class Column:
    """Where a field sits in SSB's fixed-width record (0-based start, exclusive end)."""

    start: int
    size: int
    date_pattern: str | None = None

    @property
    def end(self) -> int:
        return self.start + self.size

    @property
    def first_position(self) -> int:
        """1-based first column, as SSB's file descriptions count."""
        return self.start + 1

    @property
    def last_position(self) -> int:
        return self.end


@dataclass(frozen=True)
class FieldDef:
    """One question of a questionnaire or one field of a record."""

    name: str
    type: str  # "string", "integer", "amount", "date", "choice", "multichoice", "boolean", "text"
    label: Text
    help: Text
    mandatory: bool
    codes: tuple[Code, ...] = ()
    column: Column | None = None
    personal: bool = False  # a personal identifier: never shown in messages or logs
    max_length: int | None = None
    widget: str | None = None
    visible_when: Any = None  # a condition of the expression language, for questionnaires
    schema: dict[str, Any] = field(default_factory=dict)
    short: Text = field(default_factory=dict)  # a column header; the label when absent
    # A repeating group (type "table"): its columns, each a FieldDef whose `table` names it.
    columns: tuple[FieldDef, ...] = ()
    table: str | None = None  # for a column: the table it belongs to
    # A computed total (ui.json "computed"): a value of the controls' vocabulary over the
    # answers. Shown read-only; the core fills it in (client.core.forms.answers).
    computed: Any = None
    max_rows: int | None = None  # for a table: schema's maxItems

    @property
    def is_table(self) -> bool:
        return self.type == "table"

    @property
    def read_only(self) -> bool:
        return self.computed is not None

    def short_label(self, lang: str = "nb") -> str:
        return tr(self.short, lang) if self.short else tr(self.label, lang)

    def table_column(self, name: str) -> FieldDef:
        for item in self.columns:
            if item.name == name:
                return item
        raise KeyError(name)

    def code_label(self, code: str, lang: str = "nb") -> str | None:
        for item in self.codes:
            if item.code == code:
                return tr(item.label, lang)
        return None


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    fields: tuple[str, ...]
    # A boolean question of the section ("nothing to report", where SSB allows it): when
    # it is true, the section's other questions are hidden and need no answer.
    nothing_to_report: str | None = None


@dataclass(frozen=True)
class Reference:
    """A figure a control compares with (reference.json), with where it comes from.
    `value` is None when the figure is not known: controls that need it stay silent."""

    name: str
    label: Text
    value: int | None
    unit: str
    source: str
    note: str = ""


@dataclass(frozen=True)
class Control:
    """One control as declared in controls.json; the engine compiles it."""

    id: str  # SSB's number as SSB writes it ("30", "05A"), or ours ("K-DATO")
    name: str  # unique within the form
    kind: str  # "nilDelivery", "recordLength", "schema", "rule", "unique", "acrossFiles",
    # "lastYearFigure", "lastYearAmount"
    severity: Severity
    title: Text
    origin: str  # "SSB" or "client"
    field: str | None
    spec: dict[str, Any]  # the declaration as written, for the engine

    @property
    def is_ours(self) -> bool:
        return self.origin != "SSB"


@dataclass(frozen=True)
class RecordIdentity:
    """Which fields identify a record to a caseworker (journal, caseworker, person), and
    which say whose and which year's the record is (kommune, year): a file of another
    municipality or year given as last year's or as the year's other form is recognised."""

    journal: str | None = None
    caseworker: str | None = None
    person: tuple[str, ...] = ()
    kommune: str | None = None  # the record's kommunenummer (ties data to the reporting unit)
    bydel: str | None = None  # the record's bydel, where the kommune has them (Oslo)
    year: str | None = None  # the field with the reporting year (SSB's VERSION)
    contact: tuple[str, ...] = ()  # a questionnaire's contact part (client.core.forms.starting)


@dataclass(frozen=True)
class Delivery:
    """How the signed files reach SSB for this form and year (form.json `delivery`)."""

    route: Text
    address: str | None = None


@dataclass(frozen=True)
class FormDefinition:
    form_id: str
    year: int
    version: str
    kind: FormKind
    title: Text
    description: Text
    fields: tuple[FieldDef, ...]
    sections: tuple[Section, ...]
    controls: tuple[Control, ...]
    schema: dict[str, Any]
    record_length: int | None
    identity: RecordIdentity
    totals: tuple[dict[str, Any], ...]
    directory: Path
    sha256: str
    delivery: Delivery | None = None
    source: str = ""
    references: tuple[Reference, ...] = ()
    # The statistics report (form.json "statistics"), read by client.core.statistics.
    statistics: dict[str, Any] | None = None

    def reference(self, name: str) -> Reference:
        for item in self.references:
            if item.name == name:
                return item
        raise KeyError(name)

    def field(self, name: str) -> FieldDef:
        return self._by_name[name]

    def has_field(self, name: str) -> bool:
        return name in self._by_name

    @property
    def _by_name(self) -> dict[str, FieldDef]:
        cached = self.__dict__.get("_by_name_cache")
        if cached is None:
            cached = {f.name: f for f in self.fields}
            object.__setattr__(self, "_by_name_cache", cached)
        return cached

    def field_index(self, name: str) -> int:
        return list(self._by_name).index(name)

    @property
    def tables(self) -> tuple[FieldDef, ...]:
        return tuple(f for f in self.fields if f.is_table)

    def any_field(self, name: str) -> tuple[int, FieldDef] | None:
        """A question or a table's column by name, with a number unique in the form (the
        compiler names its variables by it). Column names are unique across the form."""
        cached = self.__dict__.get("_any_cache")
        if cached is None:
            cached = {f.name: (i, f) for i, f in enumerate(self.fields)}
            n = len(self.fields)
            for table in self.fields:
                for column in table.columns:
                    cached[column.name] = (n, column)
                    n += 1
            object.__setattr__(self, "_any_cache", cached)
        return cached.get(name)

    @property
    def is_record_form(self) -> bool:
        return self.kind == "record"

    def display_title(self, lang: str = "nb") -> str:
        return f"{self.form_id} {tr(self.title, lang)} ({self.year})"
