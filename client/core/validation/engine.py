"""The one generic engine that runs any form's controls, as compiled by compiler.py.

A FormValidator is built once per form definition and reused. `validate` gives
every finding of a record set or a questionnaire's answers;
`ValidationSession` keeps the findings of a record set current as single
records change, which is what the desktop client does on every keystroke.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from client.core.errors import UserError
from client.core.forms.model import Control, FieldDef, FormDefinition
from client.core.i18n import LANGUAGES, Text, tr
from client.core.records.recordset import RecordSet
from client.core.validation.compiler import (
    BASE_NAMESPACE,
    PARAMS,
    CodeGen,
    DefinitionProblem,
    build_function,
    definition_error,
    prologue_lines,
    property_failures,
    record_schema_checks,
    schema_validator,
)
from client.core.validation.findings import Finding, summarize

if TYPE_CHECKING:
    import jsonschema

    from client.core.validation.parallel import RecordWorkers

_REGION = re.compile(r"[0-9]{4}([0-9]{2}|  )?")
_BAD_REGION = {
    "nb": "Region «{region}» er ugyldig. Oppgi kommunenummer (4 sifre) og bydel (2 sifre, "
    "00 når kommunen ikke har bydeler), for eksempel 030101 eller 460100.",
    "nn": "Region «{region}» er ugyldig. Oppgi kommunenummer (4 siffer) og bydel (2 siffer, "
    "00 når kommunen ikkje har bydelar), til dømes 030101 eller 460100.",
    "en": "Region «{region}» is invalid. Give the municipality number (4 digits) and district "
    "(2 digits, 00 when the municipality has none), for example 030101 or 460100.",
}
_ARGS = "line, " + ", ".join(PARAMS)
# A control character inside a record: SSB's program counts it as a character, but a
# line break splits the record in two and a TAB shifts every field after it.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")
_CHARACTER_NAMES = {"\t": "TAB", "\n": "LF", "\r": "CR", "\x00": "NUL", "\x0b": "VT", "\x0c": "FF"}
_OTHERS_SHOWN = 5


@dataclass(frozen=True)
class ValidationContext:
    """What a validation needs besides the data: who reports, for which year."""

    reporting_year: int
    kommunenummer: str
    bydel: str = "00"
    # "Skal ikke rapportere" is ticked (SSB's `-a 0`): the delivery must be the nil file.
    nothing_to_report: bool = False

    @classmethod
    def from_region(
        cls, region: str, reporting_year: int, *, nothing_to_report: bool = False
    ) -> ValidationContext:
        """`region` as SSB's program takes it: kommunenummer + bydel ("030101", "460100")."""
        region = region.strip() if len(region.strip()) == 4 else region
        if not _REGION.fullmatch(region):
            raise UserError(_BAD_REGION, region=region)
        return cls(reporting_year, region[:4], region[4:6] or "00", nothing_to_report)

    @property
    def region(self) -> str:
        return self.kommunenummer + self.bydel

    def args(self) -> tuple[Any, ...]:
        return (self.reporting_year, self.kommunenummer, self.bydel)


@dataclass
class _CompiledControl:
    control: Control
    index: int
    params: Callable[..., dict[str, Any]] | None = None
    pick_message: Callable[..., int] | None = None
    unique_key: Callable[..., tuple[str, ...] | None] | None = None


class FormValidator:
    """All controls of one form, compiled once."""

    def __init__(self, form: FormDefinition) -> None:
        self.form = form
        # Helper processes for a large file's record controls (parallel.py): set by the
        # command line, never by the window.
        self.workers: RecordWorkers | None = None
        self.namespace: dict[str, Any] = dict(BASE_NAMESPACE)
        self.compiled: list[_CompiledControl] = []
        self.length_control: _CompiledControl | None = None
        self.nil_control: _CompiledControl | None = None
        self.cross_file_controls: list[_CompiledControl] = []
        self.last_year_controls: list[_CompiledControl] = []
        self.unique_controls: list[_CompiledControl] = []
        # Rules with "table": one compiled loop per table, run on each row merged over the
        # answers (a row's columns and the form's questions, as the definition names them).
        self._row_checks: dict[str, list[str]] = {}
        self._row_runs: dict[str, Callable[..., None]] = {}
        self._row_gens: dict[str, CodeGen] = {}
        self._whole_schema_validator: jsonschema.protocols.Validator | None = None
        self._fields = {f.name: f for f in form.fields}
        self._code_lists = {
            f.name: {lang: ", ".join(c.display(lang) for c in f.codes) for lang in LANGUAGES}
            for f in form.fields
            if f.codes
        }
        self._compile()

    # --- compiling -------------------------------------------------------------------

    def _compile(self) -> None:
        loop = CodeGen(self.form, self.namespace)
        checks: list[str] = []
        for index, control in enumerate(self.form.controls):
            where = f"$.controls[{index}]"
            compiled = _CompiledControl(control, index)
            self.compiled.append(compiled)
            try:
                self._compile_messages(compiled)
                if control.kind == "recordLength":
                    if not self.form.is_record_form:
                        raise DefinitionProblem("recordLength applies to record forms only")
                    self.length_control = compiled
                elif control.kind == "nilDelivery":
                    if not self.form.is_record_form:
                        raise DefinitionProblem("nilDelivery applies to record forms only")
                    self.nil_control = compiled
                elif control.kind == "unique":
                    self._compile_unique(compiled)
                    self.unique_controls.append(compiled)
                elif control.kind == "rule" and "table" in control.spec:
                    table = control.spec["table"]
                    gen = self._row_gens.setdefault(table, CodeGen(self.form, self.namespace))
                    self._row_checks.setdefault(table, []).extend(self._rule_check(gen, compiled))
                elif control.kind == "acrossFiles":
                    self._compile_unique(compiled)
                    self.cross_file_controls.append(compiled)
                elif control.kind in ("lastYearFigure", "lastYearAmount"):
                    self.last_year_controls.append(compiled)  # run by client.core.baseline
                elif control.kind == "rule":
                    checks += self._rule_check(loop, compiled)
                elif control.kind == "crossForm":
                    pass  # run by client.core.validation.crossforms, given the other form
                elif control.kind == "schema":
                    checks += self._schema_check(loop, compiled)
            except DefinitionProblem as problem:
                raise definition_error(self.form, where, problem) from problem
        body = ["    for i, line in enumerate(lines, base):"]
        body += prologue_lines(loop, "        ")
        body += checks or ["        pass"]
        self._run = build_function(
            "run_controls", "lines, base, out, " + ", ".join(PARAMS), loop, body, self.namespace
        )
        for table, table_checks in self._row_checks.items():
            gen = self._row_gens[table]
            body = ["    for i, line in enumerate(lines, base):"]
            body += prologue_lines(gen, "        ")
            body += table_checks
            self._row_runs[table] = build_function(
                f"run_rows_{table}", "lines, base, out, " + ", ".join(PARAMS), gen, body,
                self.namespace,
            )

    def _rule_check(self, gen: CodeGen, compiled: _CompiledControl) -> list[str]:
        spec = compiled.control.spec
        require = gen.cond(spec["require"])
        test = f"not {require}"
        if "when" in spec:
            test = f"{gen.cond(spec['when'])} and {test}"
        return [f"        if {test}:", f"            out.append(({compiled.index}, i, None))"]

    def _schema_check(self, gen: CodeGen, compiled: _CompiledControl) -> list[str]:
        control = compiled.control
        lines = []
        if control.field is None:
            if not self.form.is_record_form:
                # Questionnaires are small: jsonschema itself checks them (see _questionnaire).
                self._whole_schema_validator = schema_validator(self.form.schema)
                return [
                    f"        if not {gen.const(self._whole_schema_validator)}.is_valid(line):",
                    f"            out.append(({compiled.index}, i, '*'))",
                ]
            for failure, name, keyword in record_schema_checks(gen, self.form.schema, {}):
                lines += [
                    f"        if {failure}:",
                    f"            out.append(({compiled.index}, i, ({gen.const(name)}, "
                    f"{gen.const(keyword)})))",
                ]
            return lines
        name = control.field
        prop = self.form.schema["properties"][name]
        text = gen.text(name) if self.form.is_record_form else None
        failures = property_failures(gen, name, prop, {}) if self.form.is_record_form else []
        blank = f"not {text}" if text else f"_blank({gen.raw(name)})"
        conditions = [f"({blank})"] if control.spec.get("required") else []
        conditions += [f"(not ({blank}) and {f})" for f, _ in failures]
        if not conditions:
            raise DefinitionProblem(f"the schema of {name} says nothing to check")
        lines += [
            f"        if {' or '.join(conditions)}:",
            f"            out.append(({compiled.index}, i, None))",
        ]
        return lines

    def _compile_unique(self, compiled: _CompiledControl) -> None:
        spec = compiled.control.spec
        gen = CodeGen(self.form, self.namespace)
        key = "(" + "".join(f"{gen.raw(name)}, " for name in spec["key"]) + ")"
        body = []
        test = gen.cond(spec["filter"]) if "filter" in spec else None
        body += prologue_lines(gen, "    ")
        if test:
            body += [f"    if not {test}:", "        return None"]
        body += [f"    return {key}"]
        compiled.unique_key = build_function(
            f"unique_{compiled.index}", _ARGS, gen, body, self.namespace
        )

    def _compile_messages(self, compiled: _CompiledControl) -> None:
        spec = compiled.control.spec
        params = spec.get("params", {})
        if params:
            gen = CodeGen(self.form, self.namespace)
            items = [f"{gen.const(name)}: {gen.value(node)[0]}" for name, node in params.items()]
            body = [*prologue_lines(gen, "    "), "    return {" + ", ".join(items) + "}"]
            compiled.params = build_function(
                f"params_{compiled.index}", _ARGS, gen, body, self.namespace
            )
        variants = spec.get("messages", ())
        if any("when" in v for v in variants):
            gen = CodeGen(self.form, self.namespace)
            tests = [
                (i, gen.cond(v["when"])) for i, v in enumerate(variants) if "when" in v
            ]
            body = prologue_lines(gen, "    ")
            for i, test in tests:
                body += [f"    if {test}:", f"        return {i}"]
            fallback = next((i for i, v in enumerate(variants) if "when" not in v), 0)
            body += [f"    return {fallback}"]
            compiled.pick_message = build_function(
                f"message_{compiled.index}", _ARGS, gen, body, self.namespace
            )

    # --- running ---------------------------------------------------------------------

    def validate(
        self, data: RecordSet | Mapping[str, Any], context: ValidationContext
    ) -> list[Finding]:
        """Every finding, in the order of the form's controls per record."""
        if isinstance(data, RecordSet):
            session = ValidationSession(self, data, context)
            return session.findings()
        from client.core.forms.answers import checked_answers

        answers = checked_answers(self.form, data)
        return self._questionnaire(answers, context)

    def nil_delivery_finding(
        self, records: RecordSet, context: ValidationContext
    ) -> Finding | None:
        """Control 000 as SSB's program runs it before every other control: a file of
        exactly one character is the nil delivery, right only when "nothing to report" is
        ticked. Returns its FATAL finding, or None when the delivery is as declared."""
        compiled = self.nil_control
        if compiled is None or records.nil_marker != (not context.nothing_to_report):
            return None
        key = "whenReporting" if records.nil_marker else "whenNothingToReport"
        params = self._builtin_params(None, None, context)
        return Finding(
            control=compiled.control.id,
            name=compiled.control.name,
            severity=compiled.control.severity,
            line=None,
            field=None,
            text=compiled.control.spec[key],
            params=params,
            origin=compiled.control.origin,
        )

    def length_failures(self, lines: Iterable[str]) -> list[int]:
        """Lines 001 reports: the wrong length, or a control character inside."""
        expected = self.form.record_length
        search = _CONTROL_CHARACTER.search
        return [i for i, line in enumerate(lines) if len(line) != expected or search(line)]

    def is_malformed(self, line: str) -> bool:
        return len(line) != self.form.record_length or bool(_CONTROL_CHARACTER.search(line))

    def length_finding(
        self, line: str, line_number: int, context: ValidationContext
    ) -> Finding:
        """Control 001's finding for a malformed line: its length, or the control
        character it holds (whose length may well be right)."""
        compiled = self.length_control
        assert compiled is not None
        bad = _CONTROL_CHARACTER.search(line)
        text = compiled.control.spec.get("controlCharacterMessage") if bad else None
        more: dict[str, Any] = {"length": len(line), "expected": self.form.record_length}
        if bad and text:
            char = bad.group()
            more["character"] = _CHARACTER_NAMES.get(char, f"\\x{ord(char):02x}")
            more["position"] = bad.start() + 1
        return self.make_finding(compiled, line, line_number, context, more=more, text=text)

    def run_record_controls(
        self, lines: list[str], base: int, context: ValidationContext
    ) -> list[tuple[int, int, Any]]:
        if self.workers is not None and self.workers.wanted(len(lines)):
            return self.workers.run(lines, base, context)
        return self.run_serial(lines, base, context.args())

    def run_serial(
        self, lines: list[str], base: int, args: tuple[Any, ...]
    ) -> list[tuple[int, int, Any]]:
        """(control index, line index + base, detail) for each record control that fails."""
        out: list[tuple[int, int, Any]] = []
        self._run(lines, base, out, *args)
        return out

    def _questionnaire(self, answers: dict[str, Any], context: ValidationContext) -> list[Finding]:
        raw = self.run_record_controls([answers], 0, context)
        findings = []
        explained: set[int] = set()
        for index, _, extra in raw:
            compiled = self.compiled[index]
            if extra == "*":
                # The fast checks flag each failing property; jsonschema explains them all at once.
                if index not in explained:
                    explained.add(index)
                    findings += self._explain_answers(compiled, answers, context)
            else:
                findings.append(self.make_finding(compiled, answers, None, context))
        for table, run in self._row_runs.items():
            rows = answers.get(table)
            if not isinstance(rows, list):
                continue
            merged = [{**answers, **row} for row in rows if isinstance(row, dict)]
            out: list[tuple[int, int, Any]] = []
            run(merged, 0, out, *context.args())
            for index, i, _ in out:
                compiled = self.compiled[index]
                finding = self.make_finding(
                    compiled, merged[i], None, context, more={"row": i + 1}
                )
                findings.append(
                    replace(finding, field=table, row=i + 1, column=compiled.control.field)
                )
        return findings

    def _explain_answers(
        self, compiled: _CompiledControl, answers: dict[str, Any], context: ValidationContext
    ) -> list[Finding]:
        """jsonschema's errors, each moved to the field it concerns, as findings."""
        assert self._whole_schema_validator is not None
        findings = []
        # jsonschema gives one "required" error per missing property, each naming them all.
        seen: set[tuple[Any, ...]] = set()
        for error in self._whole_schema_validator.iter_errors(answers):
            path = list(error.absolute_path)
            if len(path) >= 2 and isinstance(path[1], int) and self.form.has_field(str(path[0])):
                # A row missing several cells gives one error per cell, each naming them all.
                columns: list[str | None] = [None]
                if error.validator == "required" and isinstance(error.instance, dict):
                    columns = [n for n in error.validator_value if n not in error.instance]
                for column in columns:
                    finding = self._explain_cell(compiled, answers, context, error, path, column)
                    if finding is not None and finding.ref not in seen:
                        seen.add(finding.ref)
                        findings.append(finding)
                continue
            if error.validator == "required":
                names = [n for n in error.validator_value if n not in error.instance] or [None]
                keyword = "required"
            elif error.validator == "additionalProperties":
                names = sorted(set(error.instance) - set(self._fields)) or [None]
                keyword = "additionalProperties"
            else:
                names = [str(error.absolute_path[0])] if error.absolute_path else [None]
                keyword = str(error.validator)
            for name in names:
                if (name, keyword) in seen:
                    continue
                seen.add((name, keyword))
                findings.append(
                    self.make_finding(compiled, answers, None, context, (name, keyword))
                )
        return findings

    def _explain_cell(
        self,
        compiled: _CompiledControl,
        answers: dict[str, Any],
        context: ValidationContext,
        error: Any,
        path: list[Any],
        missing: str | None = None,
    ) -> Finding | None:
        """A table's cell (or a row's missing cell) that fails the schema, located by row."""
        table, row = str(path[0]), int(path[1])
        field = self._fields[table]
        row_answers = answers[table][row] if isinstance(answers.get(table), list) else {}
        if not isinstance(row_answers, dict):
            row_answers = {}
        keyword = str(error.validator)
        if keyword == "required":
            column = missing
        elif keyword == "additionalProperties" and isinstance(error.instance, dict):
            known = {c.name for c in field.columns}
            unknown = sorted(str(k) for k in error.instance if k not in known)
            column = unknown[0] if unknown else None
        elif len(path) >= 3:
            column = str(path[2])
        else:
            column = None
        messages = compiled.control.spec["failureMessages"]
        text = messages.get(keyword) or messages["other"]
        params = self._builtin_params(None, answers, context)
        row_word = {lang: "row" if lang == "en" else "rad" for lang in LANGUAGES}
        # The row at least, so a row that is not a row of answers (a number, a list) is found.
        label: Any = {lang: f"{tr(field.label, lang)}, {row_word[lang]} {row + 1}"
                      for lang in LANGUAGES}
        cell = answers[table][row] if isinstance(answers.get(table), list) else None
        if column is None and len(path) == 2 and not isinstance(cell, dict):
            params_value = "" if cell is None else json.dumps(cell, ensure_ascii=False)[:80]
        else:
            params_value = None
        if column is not None:
            try:
                col = field.table_column(column)
            except KeyError:
                col = None
            if col is None:  # a column the table does not have
                label = {lang: f"{table}, {row_word[lang]} {row + 1}: {column}"
                         for lang in LANGUAGES}
            if col is not None:
                label = {
                    lang: f"{tr(field.label, lang)}, rad {row + 1}: {tr(col.label, lang)}"
                    if lang != "en"
                    else f"{tr(field.label, lang)}, row {row + 1}: {tr(col.label, lang)}"
                    for lang in LANGUAGES
                }
                value = row_answers.get(column)
                params["value"] = "" if value is None else str(value)
                if col.codes:
                    params["codes"] = {
                        lang: ", ".join(c.display(lang) for c in col.codes) for lang in LANGUAGES
                    }
        params.update({"field": label if keyword == "additionalProperties" else table,
                       "label": label, "row": row + 1})
        if params_value is not None:
            params["value"] = params_value
        params.setdefault("value", "")
        control = compiled.control
        return Finding(
            control=control.id,
            name=control.name,
            severity=control.severity,
            line=None,
            field=table,
            text=text,
            params=params,
            origin=control.origin,
            row=row + 1,
            column=column,
        )

    # --- findings --------------------------------------------------------------------

    def make_finding(
        self,
        compiled: _CompiledControl,
        line: Any,
        line_number: int | None,
        context: ValidationContext,
        extra: tuple[str | None, str] | None = None,
        more: Mapping[str, Any] | None = None,
        text: Text | None = None,
    ) -> Finding:
        control = compiled.control
        field_name = control.field
        if text is not None:
            pass
        elif extra is not None:
            field_name, keyword = extra
            messages = control.spec["failureMessages"]
            text = messages.get(keyword) or messages["other"]
        else:
            variant = 0
            if compiled.pick_message is not None:
                variant = compiled.pick_message(line, *context.args())
            text = control.spec["messages"][variant]["text"]
        params = self._builtin_params(field_name, line, context)
        journal = caseworker = None
        if self.form.is_record_form and isinstance(line, str):
            identity = self.form.identity
            journal = self._text(identity.journal, line) if identity.journal else None
            caseworker = self._text(identity.caseworker, line) if identity.caseworker else None
            params["journal"] = journal
        if compiled.params is not None:
            params.update(compiled.params(line, *context.args()))
        if more:
            params.update(more)
        return Finding(
            control=control.id,
            name=control.name,
            severity=control.severity,
            line=line_number,
            field=field_name,
            text=text,
            params=params,
            origin=control.origin,
            journal=journal,
            caseworker=caseworker,
        )

    def _text(self, name: str, line: str) -> str:
        column = self._fields[name].column
        assert column is not None
        return line[column.start : column.end].strip()

    def _builtin_params(
        self, name: str | None, line: Any, context: ValidationContext
    ) -> dict[str, Any]:
        params: dict[str, Any] = {
            "reportingYear": context.reporting_year,
            "kommunenummer": context.kommunenummer,
        }
        if name is None:
            return params
        found = self.form.any_field(name)
        if found is None:  # an answer to no question of the form
            params["field"] = params["label"] = name
            params["value"] = ""
            return params
        field = found[1]
        params["field"] = name
        params["label"] = field.label
        if field.column is not None and isinstance(line, str):
            value = line[field.column.start : field.column.end].strip()
            params["from"] = field.column.first_position
            params["to"] = field.column.last_position
            if field.column.date_pattern:
                params["dateFormat"] = _date_format(field.column.date_pattern)
        else:
            answer = line.get(name) if isinstance(line, dict) else None
            value = ", ".join(map(str, answer)) if isinstance(answer, list) else (
                "" if answer is None else str(answer))
        params["value"] = mask(field, value)
        if field.column is None and field.type in _EXPECTED:
            # What a questionnaire's answer must be, so "wrong kind" names the right kind.
            params.setdefault("expected", _EXPECTED[field.type])
        if name in self._code_lists:
            params["codes"] = self._code_lists[name]
        elif field.codes:
            params["codes"] = {
                lang: ", ".join(c.display(lang) for c in field.codes) for lang in LANGUAGES
            }
        return params


_EXPECTED: dict[str, Text] = {
    "date": {"nb": "en dato (ÅÅÅÅ-MM-DD)", "nn": "ein dato (ÅÅÅÅ-MM-DD)",
             "en": "a date (YYYY-MM-DD)"},
    "integer": {"nb": "et heltall", "nn": "eit heiltal", "en": "a whole number"},
    "amount": {"nb": "et beløp i hele kroner", "nn": "eit beløp i heile kroner",
               "en": "an amount in whole kroner"},
    "choice": {"nb": "ett av alternativene", "nn": "eitt av alternativa",
               "en": "one of the options"},
    "multichoice": {"nb": "en liste med alternativer", "nn": "ei liste med alternativ",
                    "en": "a list of options"},
    "boolean": {"nb": "ja eller nei", "nn": "ja eller nei", "en": "yes or no"},
    "text": {"nb": "en tekst", "nn": "ein tekst", "en": "a text"},
    "string": {"nb": "en tekst", "nn": "ein tekst", "en": "a text"},
}


def _date_format(pattern: str) -> dict[str, str]:
    """A layout's date pattern (ddMMyyyy) as the user reads it: DDMMÅÅÅÅ, DDMMYYYY."""
    year = pattern.count("y")
    return {"nb": "DDMM" + "Å" * year, "nn": "DDMM" + "Å" * year, "en": "DDMM" + "Y" * year}


def mask(field: FieldDef, value: str) -> str:
    """Personal identifiers never appear in messages: only their length shows."""
    if field.personal and value:
        return "•" * len(value)
    return value


# Lines per part when a check's progress is followed (about 0.1 s of work each).
PROGRESS_PART = 4000


class ValidationSession:
    """Findings of a record set kept current as records change one at a time.

    Record-level findings are kept per record and the keys of the uniqueness
    controls in an index, so an edit revalidates one record and the few
    records that share its old or new key, not the whole set.
    """

    def __init__(
        self,
        validator: FormValidator,
        records: RecordSet,
        context: ValidationContext,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """`on_progress(done, total)` is called between parts of the first check of a
        large set: the window shows how far it has come, and an exception raised there
        (the user's Cancel) stops the check."""
        self.validator = validator
        self.records = records
        self.context = context
        self._on_progress = on_progress
        try:
            self.rebuild()
        finally:
            self._on_progress = None

    def rebuild(self) -> None:
        """Revalidate everything (after import, insertions or deletions)."""
        validator, lines = self.validator, self.records.lines
        self._bad_length = (
            set(validator.length_failures(lines)) if validator.length_control else set()
        )
        self._per_record: list[list[Finding]] = [[] for _ in lines]
        # Record controls run only on well-formed lines: a line 001 reports is not a
        # record, and keeping every control's verdict on 499 000 garbage lines would
        # cost gigabytes for findings nobody is shown.
        bad = self._bad_length
        good = [i for i in range(len(lines)) if i not in bad] if bad else None
        checked = lines if good is None else [lines[i] for i in good]
        for index, at, extra in self._record_controls(checked):
            compiled = validator.compiled[index]
            i = at if good is None else good[at]
            self._per_record[i].append(
                validator.make_finding(
                    compiled, lines[i], self.records.line_number(i), self.context, extra
                )
            )
        del checked
        self._keys: list[list[tuple[str, ...] | None]] = []
        self._groups: list[dict[tuple[str, ...], list[int]]] = []
        self._unique: list[dict[int, Finding]] = []
        args = self.context.args()
        for compiled in validator.unique_controls:
            assert compiled.unique_key is not None
            key_of = compiled.unique_key
            keys = [
                None if i in bad else key_of(line, *args) for i, line in enumerate(lines)
            ]
            groups: dict[tuple[str, ...], list[int]] = {}
            for i, key in enumerate(keys):
                if key is not None:
                    groups.setdefault(key, []).append(i)
            self._keys.append(keys)
            self._groups.append(groups)
            found: dict[int, Finding] = {}
            for members in groups.values():
                if len(members) > 1:
                    for i in members:
                        found[i] = self._unique_finding(compiled, i, members)
            self._unique.append(found)
        self._recount()

    def _record_controls(self, lines: list[str]) -> list[tuple[int, int, Any]]:
        """The record controls over `lines`, in parts when someone follows the progress;
        the parts give exactly what one run gives."""
        report = self._on_progress
        if report is None or len(lines) <= PROGRESS_PART:
            return self.validator.run_record_controls(lines, 0, self.context)
        out: list[tuple[int, int, Any]] = []
        for start in range(0, len(lines), PROGRESS_PART):
            report(start, len(lines))
            part = lines[start : start + PROGRESS_PART]
            out += self.validator.run_record_controls(part, start, self.context)
        report(len(lines), len(lines))
        return out

    def _unique_finding(self, compiled: _CompiledControl, i: int, members: list[int]) -> Finding:
        journal = self.validator.form.identity.journal
        # Name a few of the others, not thousands: a group can be large (every blank
        # journal number shares one key), and each member's message would list them all.
        shown = [j for j in members[: _OTHERS_SHOWN + 1] if j != i][:_OTHERS_SHOWN]
        others = ", ".join(
            (self.records.value(j, journal) or "–") if journal
            else str(self.records.line_number(j))
            for j in shown
        )
        hidden = len(members) - 1 - len(shown)
        if hidden > 0:
            others += f" (+{hidden})"
        return self.validator.make_finding(
            compiled,
            self.records.lines[i],
            self.records.line_number(i),
            self.context,
            # The other lines themselves, for the window to name and go to.
            more={
                "count": len(members),
                "others": others,
                "other_lines": tuple(j + 1 for j in shown),
            },
        )

    def _recount(self) -> None:
        nil_verdict = self.context.nothing_to_report or (
            self.validator.nil_delivery_finding(self.records, self.context) is not None
        )
        if self._bad_length and not nil_verdict:
            # Only 001 is shown then; count without building a finding per line.
            assert self.validator.length_control is not None
            severity = self.validator.length_control.control.severity
            self._summary = Counter(summarize(()))
            self._summary[severity] = len(self._bad_length)
            return
        self._summary = Counter(summarize(self._all()))

    def _length_findings(self) -> list[Finding]:
        lines = self.records.lines
        return [
            self.validator.length_finding(lines[i], self.records.line_number(i), self.context)
            for i in sorted(self._bad_length)
        ]

    def _all(self) -> list[Finding]:
        nil = self.validator.nil_delivery_finding(self.records, self.context)
        if nil is not None or self.context.nothing_to_report:
            # As in SSB's program: control 000 runs first and, when it has a verdict (the
            # nil delivery accepted or refused), no other control runs.
            return [nil] if nil is not None else []
        if self._bad_length:
            # As in SSB's program: while a record has the wrong length, nothing else is checked.
            return self._length_findings()
        findings: list[Finding] = []
        for i, record_findings in enumerate(self._per_record):
            findings += record_findings
            for found in self._unique:
                finding = found.get(i)
                if finding is not None:
                    findings.append(finding)
        return findings

    def findings(self) -> list[Finding]:
        return self._all()

    def findings_for(self, index: int) -> list[Finding]:
        if self.context.nothing_to_report or self.records.nil_marker:
            return []
        if self._bad_length:
            line = self.records.line_number(index)
            return [f for f in self._length_findings() if f.line == line]
        out = list(self._per_record[index])
        out += [found[index] for found in self._unique if index in found]
        return out

    @property
    def summary(self) -> dict[str, int]:
        return dict(self._summary)

    def update(self, index: int) -> set[int]:
        """Record `index` changed: revalidate it and the records sharing its old or new
        keys. Returns the indexes whose findings may have changed."""
        validator, lines, args = self.validator, self.records.lines, self.context.args()
        line = lines[index]
        malformed = validator.length_control is not None and validator.is_malformed(line)
        new_keys = [
            None if malformed else c.unique_key(line, *args)  # type: ignore[misc]
            for c in validator.unique_controls
        ]
        # Everything whose findings can change is counted out before anything changes.
        touched = {index}
        for u, new in enumerate(new_keys):
            old = self._keys[u][index]
            for key in (old, new):
                if key is not None:
                    touched.update(self._groups[u].get(key, ()))
        length_was_bad = bool(self._bad_length)
        before = self._count_for(touched)
        if malformed:
            self._bad_length.add(index)
        else:
            self._bad_length.discard(index)
        self._per_record[index] = [] if malformed else [
            validator.make_finding(
                validator.compiled[c], line, self.records.line_number(index), self.context, extra
            )
            for c, _, extra in validator.run_record_controls([line], index, self.context)
        ]
        for u, compiled in enumerate(validator.unique_controls):
            old, new = self._keys[u][index], new_keys[u]
            groups, found = self._groups[u], self._unique[u]
            if old == new:
                # Same group, but this record's journal or caseworker may have changed, and
                # the group's messages name them.
                members = groups.get(new, []) if new is not None else []
                if len(members) > 1 and self._identity_changed(found.get(index), line):
                    for i in members:
                        found[i] = self._unique_finding(compiled, i, members)
                continue
            self._keys[u][index] = new
            affected: list[list[int]] = []
            if old is not None:
                members = groups[old]
                members.remove(index)
                if not members:
                    del groups[old]
                affected.append(members)
            if new is not None:
                members = groups.setdefault(new, [])
                members.append(index)
                members.sort()
                affected.append(members)
            found.pop(index, None)
            for members in affected:
                for i in members:
                    found.pop(i, None)
                if len(members) > 1:
                    for i in members:
                        found[i] = self._unique_finding(compiled, i, members)
        if self.context.nothing_to_report or self.records.nil_marker:
            self._recount()
            return set(range(len(lines)))
        if length_was_bad != bool(self._bad_length):
            # A wrong-length line hides or reveals every other finding (as in SSB's program).
            self._recount()
            return set(range(len(lines)))
        if self._bad_length:
            self._recount()
            return touched
        after = self._count_for(touched)
        self._summary.subtract(before)
        self._summary.update(after)
        return touched

    def _identity_changed(self, finding: Finding | None, line: str) -> bool:
        if finding is None:
            return False
        identity = self.validator.form.identity
        journal = self.validator._text(identity.journal, line) if identity.journal else None
        caseworker = (
            self.validator._text(identity.caseworker, line) if identity.caseworker else None
        )
        return (finding.journal, finding.caseworker) != (journal, caseworker)

    def _count_for(self, indexes: set[int]) -> Counter[str]:
        counts: Counter[str] = Counter()
        if self._bad_length:
            counts["_length"] = 1
            return counts
        for i in indexes:
            counts.update(f.severity for f in self._per_record[i])
            counts.update(found[i].severity for found in self._unique if i in found)
        return counts
