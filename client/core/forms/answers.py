"""A questionnaire's answers as the core shapes them: computed totals, table rows, rows
pasted from a spreadsheet. The window and the command line call these; nothing here
knows a particular form (everything comes from the definition).

Answers are a JSON object: a question's answer under its name; a table (a repeating
group, ui.json widget "table") as a list of row objects keyed by column name; a computed
total (ui.json "computed") as an integer the client fills in and carries in the answers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from client.core.forms.model import FieldDef, FormDefinition
from client.core.i18n import Text, tr
from client.core.validation.compiler import (
    BASE_NAMESPACE,
    PARAMS,
    CodeGen,
    DefinitionProblem,
    build_function,
    definition_error,
    prologue_lines,
)

Compute = Callable[[Mapping[str, Any]], Any]


def _compile_value(form: FormDefinition, node: Any, name: str, where: str) -> Compute:
    namespace = dict(BASE_NAMESPACE)
    gen = CodeGen(form, namespace)
    try:
        source, _ = gen.value(node)
    except DefinitionProblem as problem:
        raise definition_error(form, where, problem, file="ui.json") from None
    body = [*prologue_lines(gen, "    "), f"    return {source}"]
    function = build_function(
        f"computed_{name}", "line, " + ", ".join(PARAMS), gen, body, namespace
    )
    return lambda answers: function(answers, *([None] * len(PARAMS)))


def _computations(form: FormDefinition) -> dict[tuple[str | None, str], Compute]:
    """(table or None, name) -> function, compiled once per loaded form."""
    cached = form.__dict__.get("_computed_cache")
    if cached is None:
        cached = {}
        for field in form.fields:
            if field.computed is not None:
                cached[(None, field.name)] = _compile_value(
                    form, field.computed, field.name, f"$.fields.{field.name}.computed"
                )
            for column in field.columns:
                if column.computed is not None:
                    cached[(field.name, column.name)] = _compile_value(
                        form, column.computed, column.name,
                        f"$.fields.{field.name}.columns.{column.name}.computed",
                    )
        object.__setattr__(form, "_computed_cache", cached)
    return cached


def check(form: FormDefinition) -> None:
    """Compile every computed value, so a broken one is refused when the form loads."""
    _computations(form)


def computed_fields(form: FormDefinition) -> list[str]:
    """Names of the read-only totals (questions and table columns)."""
    return [name for _, name in _computations(form)]


def _as_int(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def apply_computed(form: FormDefinition, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers with every computed total filled in: first each table row's computed
    cells, then the form's totals (which may sum a table's columns). A total whose inputs
    are all missing is left out rather than given as 0, so an empty form stays empty."""
    out = dict(answers)
    computations = _computations(form)
    if not computations:
        return out
    for field in form.tables:
        rows = out.get(field.name)
        row_computed = [c for c in field.columns if (field.name, c.name) in computations]
        if not row_computed or not isinstance(rows, list):
            continue
        new_rows = []
        for row in rows:
            if not isinstance(row, dict):
                new_rows.append(row)
                continue
            cells = dict(row)
            for column in row_computed:
                value = _as_int(computations[(field.name, column.name)]({**out, **cells}))
                if value is None:
                    cells.pop(column.name, None)
                else:
                    cells[column.name] = value
            new_rows.append(cells)
        out[field.name] = new_rows
    for field in form.fields:
        compute = computations.get((None, field.name))
        if compute is None:
            continue
        if not _inputs_given(form, field, out):
            out.pop(field.name, None)
            continue
        value = _as_int(compute(out))
        if value is None:
            out.pop(field.name, None)
        else:
            out[field.name] = value
    return out


def checked_answers(form: FormDefinition, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers as they are validated, signed and printed: without the answers to hidden
    questions (a section ticked "nothing to report", a follow-up its condition hides) and
    with every computed total worked out afresh from the answers, never taken as given."""
    from client.core.forms.visibility import prune_hidden

    return apply_computed(form, prune_hidden(form, answers))


@dataclass(frozen=True)
class Recomputed:
    """A computed total the answers gave otherwise than the client works it out: the
    client's value is what is validated and signed; the given one is only reported."""

    field: str  # the question, or the table's column
    given: Any
    computed: Any
    table: str | None = None
    row: int | None = None  # 1-based, for a table's computed column


def recomputed(form: FormDefinition, answers: Mapping[str, Any]) -> list[Recomputed]:
    """Every computed total given in `answers` that differs from the client's own."""
    checked = checked_answers(form, answers)
    out: list[Recomputed] = []
    for field in form.fields:
        if field.computed is not None and field.name in checked and field.name in answers \
                and answers[field.name] != checked[field.name]:
            out.append(Recomputed(field.name, answers[field.name], checked[field.name]))
        computed_columns = [c.name for c in field.columns if c.computed is not None]
        given_rows, checked_rows = answers.get(field.name), checked.get(field.name)
        if not computed_columns or not isinstance(given_rows, list) or not isinstance(
                checked_rows, list):
            continue
        for i, (given, mine) in enumerate(zip(given_rows, checked_rows, strict=False)):
            if not isinstance(given, dict) or not isinstance(mine, dict):
                continue
            for name in computed_columns:
                if name in given and given[name] != mine.get(name):
                    out.append(Recomputed(name, given[name], mine.get(name), field.name, i + 1))
    return out


def hidden_answers(form: FormDefinition, answers: Mapping[str, Any]) -> list[str]:
    """Questions answered in `answers` that are hidden by the other answers (a section
    ticked "nothing to report", a follow-up its condition hides): neither validated nor
    signed, so the user is told rather than left to think they were sent."""
    from client.core.forms.visibility import prune_hidden

    kept = prune_hidden(form, answers)
    return [name for name in answers if name not in kept
            and answers[name] not in (None, "", [])]


def _inputs_given(form: FormDefinition, field: FieldDef, answers: Mapping[str, Any]) -> bool:
    from client.core.forms.loader import referenced_fields

    names = {name for name, _ in referenced_fields(field.computed, "$")}
    return any(answers.get(name) not in (None, "", []) for name in names if name != field.name)


# --- tables -------------------------------------------------------------------------------


def table_rows(answers: Mapping[str, Any], table: str) -> list[dict[str, Any]]:
    rows = answers.get(table)
    return [dict(r) for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def empty_row(form: FormDefinition, table: str) -> dict[str, Any]:
    """A new row: no cell answered (computed cells are filled by apply_computed)."""
    if not form.field(table).is_table:
        raise ValueError(f"{table} is not a table")
    return {}


def with_rows(
    answers: Mapping[str, Any], table: str, rows: list[dict[str, Any]]
) -> dict[str, Any]:
    """The answers with the table's rows replaced; an empty table is left out."""
    out = dict(answers)
    if rows:
        out[table] = [dict(r) for r in rows]
    else:
        out.pop(table, None)
    return out


@dataclass(frozen=True)
class PasteProblem:
    """A pasted cell that could not be read: 1-based row and the column's name."""

    row: int
    column: str
    text: str
    reason: Text

    def message(self, lang: str = "nb") -> str:
        return tr(self.reason, lang).format(row=self.row, column=self.column, text=self.text)


_NOT_NUMBER = {
    "nb": "Rad {row}, {column}: «{text}» er ikke et heltall.",
    "nn": "Rad {row}, {column}: «{text}» er ikkje eit heiltal.",
    "en": "Row {row}, {column}: «{text}» is not a whole number.",
}
_NOT_DATE = {
    "nb": "Rad {row}, {column}: «{text}» er ikke en dato (dd.mm.åååå).",
    "nn": "Rad {row}, {column}: «{text}» er ikkje ein dato (dd.mm.åååå).",
    "en": "Row {row}, {column}: «{text}» is not a date (dd.mm.yyyy).",
}
_NOT_CODE = {
    "nb": "Rad {row}, {column}: «{text}» er ikke et av svaralternativene.",
    "nn": "Rad {row}, {column}: «{text}» er ikkje eitt av svaralternativa.",
    "en": "Row {row}, {column}: «{text}» is not one of the choices.",
}
_NUMBER = re.compile(r"-?[0-9]+")
_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")


def _cell(column: FieldDef, text: str) -> tuple[Any, Text | None]:
    text = text.strip()
    if not text:
        return None, None
    if column.type == "integer":
        compact = re.sub(r"[\s\u00a0\u202f]", "", text)
        compact = re.sub(r"(,|\.)0+$", "", compact)  # "12,00" from a spreadsheet
        if _NUMBER.fullmatch(compact):
            return int(compact), None
        return None, _NOT_NUMBER
    if column.type == "date":
        match = _DATE.fullmatch(text)
        if match:
            try:
                day, month, year = (int(g) for g in match.groups())
                return dt.date(year, month, day).isoformat(), None
            except ValueError:
                return None, _NOT_DATE
        try:
            return dt.date.fromisoformat(text).isoformat(), None
        except ValueError:
            return None, _NOT_DATE
    if column.type == "boolean":
        lowered = text.lower()
        if lowered in ("ja", "yes", "true", "1", "x"):
            return True, None
        if lowered in ("nei", "no", "false", "0"):
            return False, None
        return None, _NOT_CODE
    if column.codes:
        for code in column.codes:
            if text == code.code or any(
                text.lower() == label.lower() for label in code.label.values()
            ):
                return code.code, None
        return None, _NOT_CODE
    return text, None


def rows_from_text(
    form: FormDefinition, table: str, text: str
) -> tuple[list[dict[str, Any]], list[PasteProblem]]:
    """Rows pasted from a spreadsheet (tab-separated lines, cells in the table's column
    order, computed columns skipped). A first line that repeats the column labels or
    names is a heading and is skipped. Cells that cannot be read are left blank and
    named in the problems, so nothing pasted is silently changed."""
    field = form.field(table)
    columns = [c for c in field.columns if c.computed is None]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    rows: list[dict[str, Any]] = []
    problems: list[PasteProblem] = []
    for index, line in enumerate(lines):
        cells = line.split("\t")
        if index == 0 and _is_heading(columns, cells):
            continue
        row: dict[str, Any] = {}
        for column, cell in zip(columns, cells, strict=False):
            value, problem = _cell(column, cell)
            if problem is not None:
                problems.append(PasteProblem(len(rows) + 1, column.name, cell.strip(), problem))
            elif value is not None:
                row[column.name] = value
        rows.append(row)
    if field.max_rows is not None:
        rows = rows[: field.max_rows]
    return rows, problems


def _is_heading(columns: list[FieldDef], cells: list[str]) -> bool:
    names = {c.name.lower() for c in columns}
    labels = {label.lower() for c in columns for label in c.label.values()}
    first = cells[0].strip().lower() if cells else ""
    return bool(first) and (first in names or first in labels)


def display_value(field: FieldDef, value: Any, lang: str = "nb") -> str:
    """An answer as a person reads it: codes by their labels, dates as dd.mm.åååå,
    amounts with digit grouping, yes/no for a boolean; empty for no answer."""
    from client.core.i18n import format_int

    if value is None or value in ("", []):
        return ""
    if isinstance(value, bool):
        yes_no = {"nb": ("Ja", "Nei"), "nn": ("Ja", "Nei"), "en": ("Yes", "No")}
        yes, no = yes_no.get(lang, yes_no["nb"])
        return yes if value else no
    if isinstance(value, list) and not field.is_table:
        return "; ".join(display_value(field, item, lang) for item in value)
    if field.codes:
        label = field.code_label(str(value), lang)
        if label is not None:
            return f"{label} ({value})"
    if field.type == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            return value
    if isinstance(value, int):
        return format_int(value)
    if isinstance(value, float):
        return str(value).replace(".", ",") if lang != "en" else str(value)
    return str(value)
