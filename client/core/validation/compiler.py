"""Compiles a form's declarative controls into Python functions, once per form.

Conditions and values of controls.json become Python expressions over local
variables, and all record-level controls of a form share one loop, so a field
is sliced, and a number or a date read, once per record however many controls
use it. Only code this module writes is compiled: names and constants from the
definition never become source text; they are bound as values in the
function's namespace. Every operator here has its meaning in one place.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from client.core.errors import FormDefinitionError
from client.core.forms.model import FieldDef, FormDefinition
from client.core.i18n import Text
from client.core.validation.runtime import RUNTIME, is_strict_date, to_date

if TYPE_CHECKING:
    import jsonschema

PARAMS = ("P_reportingYear", "P_kommunenummer", "P_bydel")

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _check_ddmmyyyy(value: object) -> bool:
    return not isinstance(value, str) or to_date(value, "ddMMyyyy") is not None


def _check_ddmmyy(value: object) -> bool:
    return not isinstance(value, str) or to_date(value, "ddMMyy") is not None


def _check_iso_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _ISO_DATE.fullmatch(value):
        return False
    return is_strict_date(value[8:10] + value[5:7] + value[0:4], "ddMMyyyy")


@cache
def format_checker() -> jsonschema.FormatChecker:
    """jsonschema's format checker with SSB's date formats. Made on first use: importing
    jsonschema is a twentieth of a second that a record form's fast checks do not need."""
    import jsonschema

    checker = jsonschema.FormatChecker()
    checker.checks("ssb-date-ddMMyyyy")(_check_ddmmyyyy)
    checker.checks("ssb-date-ddMMyy")(_check_ddmmyy)
    checker.checks("date")(_check_iso_date)
    return checker


def schema_validator(schema: dict[str, Any]) -> jsonschema.protocols.Validator:
    """A Draft 2020-12 validator for `schema` that knows SSB's date formats."""
    import jsonschema

    return jsonschema.Draft202012Validator(schema, format_checker=format_checker())


_COMPARE = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
# Keywords of a property's schema the fast path understands; others go to jsonschema.
_FAST_KEYWORDS = {
    "type", "title", "description", "$comment", "enum", "const", "pattern", "format",
    "maxLength", "minLength", "examples", "default",
}  # fmt: skip
_RECORD_KEYWORDS = {
    "$schema", "$id", "title", "description", "type", "properties", "required",
    "additionalProperties", "allOf",
}  # fmt: skip


class DefinitionProblem(Exception):
    """Raised while compiling; the caller adds the file and path."""


class CodeGen:
    """Writes the Python source for one generated function.

    `prologue` holds the per-record local variables in first-use order; every
    derived value (a trimmed text, a number, a date, an age) is computed once.
    """

    def __init__(self, form: FormDefinition, namespace: dict[str, Any]) -> None:
        self.form = form
        self.record = form.is_record_form
        self.namespace = namespace
        self.prologue: dict[str, str] = {}
        self._temps = itertools.count()

    # --- names and constants ---------------------------------------------------------

    def const(self, value: Any) -> str:
        for name, existing in self.namespace.items():
            if name.startswith("C_") and type(existing) is type(value) and existing == value:
                return name
        name = f"C_{len(self.namespace)}"
        self.namespace[name] = value
        return name

    def _field(self, name: str) -> tuple[int, FieldDef]:
        found = self.form.any_field(name)
        if found is None:
            raise DefinitionProblem(f"unknown field {name!r}")
        return found

    def _local(self, var: str, source: str) -> str:
        self.prologue.setdefault(var, source)
        return var

    def raw(self, name: str) -> str:
        index, field = self._field(name)
        if self.record:
            assert field.column is not None
            return self._local(f"f{index}", f"line[{field.column.start}:{field.column.end}]")
        return self._local(f"f{index}", f"line.get({self.const(name)})")

    def text(self, name: str) -> str:
        index, _ = self._field(name)
        raw = self.raw(name)
        return self._local(f"t{index}", f"{raw}.strip()" if self.record else f"_atext({raw})")

    def int_(self, name: str) -> str:
        index, _ = self._field(name)
        if not self.record:
            return self._local(f"i{index}", f"_aint({self.raw(name)})")
        # Most amounts are blank or plain digits: those are read inline, without a call
        # per field and record; anything else (a sign, a stray character) goes to _int.
        text = self.text(name)
        return self._local(
            f"i{index}",
            f"(int({text}) if {text}.isdigit() and {text}.isascii() else _int({text})) "
            f"if {text} else None",
        )

    def date(self, name: str) -> str:
        index, field = self._field(name)
        raw = self.raw(name)
        if self.record:
            if field.column is None or field.column.date_pattern is None:
                raise DefinitionProblem(f"{name} is not a date field")
            pattern = self.const(field.column.date_pattern)
            return self._local(f"d{index}", f"_date({raw}, {pattern})")
        return self._local(f"d{index}", f"_adate({raw})")

    def age(self, name: str) -> str:
        index, _ = self._field(name)
        raw = self.raw(name)
        return self._local(f"a{index}", f"_age({raw}, P_reportingYear)")

    def codes(self, name: str) -> str:
        _, field = self._field(name)
        if not field.codes:
            raise DefinitionProblem(f"{name} has no code list")
        return self.const(frozenset(code.code for code in field.codes))

    def temp(self) -> str:
        return f"_v{next(self._temps)}"

    # --- conditions ------------------------------------------------------------------

    def cond(self, node: dict[str, Any]) -> str:
        ((op, arg),) = node.items()
        if op == "all":
            return "(" + " and ".join(self.cond(c) for c in arg) + ")"
        if op == "any":
            return "(" + " or ".join(self.cond(c) for c in arg) + ")"
        if op == "not":
            return f"(not {self.cond(arg)})"
        if op in _COMPARE:
            (left, left_null), (right, right_null) = self.value(arg[0]), self.value(arg[1])
            return self._null_safe([(left, left_null), (right, right_null)],
                                   lambda a, b: f"{a} {_COMPARE[op]} {b}")
        if op == "in":
            value, nullable = self.value(arg[0])
            return f"({value} in {self.const(frozenset(arg[1]))})"
        if op == "blank":
            return f"(not {self.text(arg)})" if self.record else f"_blank({self.raw(arg)})"
        if op == "missing":
            value, nullable = self.value(arg)
            return f"({value} is None)" if nullable else "False"
        if op == "inCodes":
            return self._in_codes(arg)
        if op == "anyInCodes":
            return "(" + " or ".join(self._in_codes(name) for name in arg) + ")"
        if op == "contains":
            return f"_contains({self.raw(arg[0])}, {self.const(arg[1])})"
        if op == "minusSign":
            return f"('-' in {self.raw(arg)})" if self.record else f"('-' in str({self.raw(arg)}))"
        if op == "validFnr":
            return f"_fnr({self.raw(arg)})"
        if op == "validFnrOrPlaceholder":
            return f"_fnr_ph({self.raw(arg)}, P_reportingYear)"
        if op == "validDuf":
            return f"_duf({self.raw(arg)})"
        if op == "isDate":
            return f"({self.date(arg)} is not None)"
        if op == "isStrictDate":
            if not self.record:
                return f"({self.date(arg)} is not None)"
            _, field = self._field(arg)
            assert field.column is not None and field.column.date_pattern is not None
            return f"_strict({self.raw(arg)}, {self.const(field.column.date_pattern)})"
        raise DefinitionProblem(f"unknown condition {op!r}")  # pragma: no cover - metaschema

    def _in_codes(self, name: str) -> str:
        return f"({self.raw(name)} in {self.codes(name)})"

    def _null_safe(
        self, operands: list[tuple[str, bool]], build: Callable[..., str]
    ) -> str:
        """`build` over the operands; False (or None for values) when a nullable one is None."""
        guards, names = [], []
        for source, nullable in operands:
            if nullable:
                temp = self.temp()
                guards.append(f"({temp} := {source}) is not None")
                names.append(temp)
            else:
                names.append(source)
        expression = build(*names)
        if not guards:
            return f"({expression})"
        return "(" + " and ".join([*guards, f"({expression})"]) + ")"

    # --- values: (source, may be None) -------------------------------------------------

    def value(self, node: Any) -> tuple[str, bool]:
        if node is None or (isinstance(node, str | int) and not isinstance(node, bool)):
            return self.const(node), node is None
        ((op, arg),) = node.items()
        if op == "field":
            return self.raw(arg), not self.record
        if op == "text":
            return self.text(arg), False
        if op == "int":
            var = self.int_(arg)
            return f"({var} if {var} is not None else 0)", False
        if op == "intOrNull":
            return self.int_(arg), True
        if op == "age":
            return self.age(arg), True
        if op == "date":
            return self.date(arg), True
        if op == "year":
            inner, nullable = self.value(arg)
            return f"_year({inner})", True
        if op == "yearWithCentury":
            inner, nullable = self.value(arg)
            return f"_ywc({inner})", nullable
        if op == "param":
            return f"P_{arg}", False
        if op in ("sum", "minus"):
            parts = [self.value(a) for a in arg]
            joiner = " + " if op == "sum" else " - "
            nullable = any(n for _, n in parts)
            if not nullable:
                return "(" + joiner.join(p for p, _ in parts) + ")", False
            guards, names = [], []
            for part, part_nullable in parts:
                if part_nullable:
                    temp = self.temp()
                    guards.append(f"({temp} := {part}) is not None")
                    names.append(temp)
                else:
                    names.append(part)
            condition = " and ".join(guards)
            return f"(({joiner.join(names)}) if ({condition}) else None)", True
        if op == "coalesce":
            parts = [self.value(a) for a in arg]
            source = parts[-1][0]
            for part, nullable in reversed(parts[:-1]):
                if nullable:
                    temp = self.temp()
                    source = f"({temp} if ({temp} := {part}) is not None else {source})"
                else:
                    source = part
            return source, parts[-1][1]
        if op == "sumColumn":
            table, column = arg
            return f"_sum_column({self.raw(table)}, {self.const(column)})", False
        if op == "countRows":
            return f"_count_rows({self.raw(arg)})", False
        if op in ("ref", "refSource"):
            try:
                reference = self.form.reference(arg)
            except KeyError:
                raise DefinitionProblem(f"unknown reference {arg!r}") from None
            if op == "refSource":
                return self.const(reference.source), False
            return self.const(reference.value), reference.value is None
        if op == "codeLabel":
            _index, field = self._field(arg)
            labels = self.const({c.code: c.label for c in field.codes})
            raw = self.raw(arg)
            return f"_code_label({labels}, {raw})", False
        raise DefinitionProblem(f"unknown value {op!r}")  # pragma: no cover - metaschema


def _code_label(labels: dict[str, Text], raw: Any) -> Text | str:
    code = raw.strip() if isinstance(raw, str) else raw
    label = labels.get(code)
    if label is None:
        return str(code)
    return {lang: f"{code} {text}" for lang, text in label.items()}


def _sum_column(rows: Any, column: str) -> int:
    """A table's column summed over its rows; blank or unreadable cells count 0 (the
    schema control reports them)."""
    if not isinstance(rows, list):
        return 0
    total = 0
    for row in rows:
        value = row.get(column) if isinstance(row, dict) else None
        if isinstance(value, int) and not isinstance(value, bool):
            total += value
    return total


def _count_rows(rows: Any) -> int:
    return len(rows) if isinstance(rows, list) else 0


BASE_NAMESPACE: dict[str, Any] = {
    **RUNTIME, "_code_label": _code_label, "_sum_column": _sum_column, "_count_rows": _count_rows,
}


def build_function(
    name: str, args: str, gen: CodeGen, body: list[str], namespace: dict[str, Any]
) -> Callable[..., Any]:
    """Assemble and compile one function: signature, prologue (per record), body."""
    lines = [f"def {name}({args}):"]
    lines += body
    source = "\n".join(lines) + "\n"
    code = compile(source, f"<controls of {gen.form.form_id} {gen.form.year}: {name}>", "exec")
    scope: dict[str, Any] = {}
    exec(code, namespace, scope)
    function = scope[name]
    function.__source__ = source  # type: ignore[attr-defined]
    return function


def prologue_lines(gen: CodeGen, indent: str) -> list[str]:
    return [f"{indent}{var} = {source}" for var, source in gen.prologue.items()]


# --- JSON Schema, fast path -------------------------------------------------------------


def property_failures(
    gen: CodeGen, name: str, prop: dict[str, Any], namespace: dict[str, Any]
) -> list[tuple[str, str]]:
    """(failure condition, keyword) pairs for a non-blank value of a record field.

    Each mirrors what jsonschema says of the trimmed value under the property's
    schema; a property using keywords outside this set is checked by jsonschema.
    """
    text = gen.text(name)
    if set(prop) - _FAST_KEYWORDS or prop.get("type", "string") != "string":
        validator = schema_validator(prop)
        return [(f"(not {gen.const(validator)}.is_valid({text}))", "other")]
    checks = []
    if "const" in prop:
        checks.append((f"({text} != {gen.const(prop['const'])})", "const"))
    if "enum" in prop:
        checks.append((f"({text} not in {gen.const(frozenset(prop['enum']))})", "enum"))
    if "pattern" in prop:
        regex = gen.const(re.compile(prop["pattern"]))
        checks.append((f"({regex}.search({text}) is None)", "pattern"))
    if "maxLength" in prop:
        checks.append((f"(len({text}) > {gen.const(prop['maxLength'])})", "maxLength"))
    if "minLength" in prop:
        checks.append((f"(len({text}) < {gen.const(prop['minLength'])})", "minLength"))
    if "format" in prop:
        fmt = prop["format"]
        if fmt.startswith("ssb-date-"):
            pattern = gen.const(fmt.removeprefix("ssb-date-"))
            checks.append((f"(_date({text}, {pattern}) is None)", "format"))
        elif fmt in format_checker().checkers:
            checker = gen.const(format_checker())
            checks.append((f"(not {checker}.conforms({text}, {gen.const(fmt)}))", "format"))
    return checks


def record_schema_checks(
    gen: CodeGen, schema: dict[str, Any], namespace: dict[str, Any]
) -> list[tuple[str, str, str]]:
    """(failure condition, field, keyword) for the whole record schema, in field order."""
    unsupported = set(schema) - _RECORD_KEYWORDS
    if unsupported:
        raise DefinitionProblem(
            f"record schema keywords {sorted(unsupported)} are not supported; "
            "describe record-level rules as controls"
        )
    required = set(schema.get("required", ()))
    conditional: dict[str, list[str]] = {}
    for i, clause in enumerate(schema.get("allOf", ())):
        conditional_required(gen, clause, i, conditional)
    checks = []
    for field in gen.form.fields:
        prop = schema["properties"][field.name]
        text = gen.text(field.name)
        if field.name in required:
            checks.append((f"(not {text})", field.name, "required"))
        for when in conditional.get(field.name, ()):
            checks.append((f"(not {text} and {when})", field.name, "required"))
        for failure, keyword in property_failures(gen, field.name, prop, namespace):
            checks.append((f"({text} and {failure})", field.name, keyword))
    return checks


def conditional_required(
    gen: CodeGen, clause: dict[str, Any], index: int, out: dict[str, list[str]]
) -> None:
    """Understands `if: {properties: {F: {const: v}}, required: [F]} then: {required: [...]}`,
    the JSON Schema way of saying "mandatory when F is v"."""
    if set(clause) != {"if", "then"} or set(clause["then"]) != {"required"}:
        raise DefinitionProblem(f"allOf[{index}]: only if/then with 'required' is supported")
    condition = clause["if"]
    props = condition.get("properties", {})
    if set(condition) - {"properties", "required"} or len(props) != 1:
        raise DefinitionProblem(f"allOf[{index}].if: name one property with const or enum")
    ((name, test),) = props.items()
    text = gen.text(name)
    if "const" in test:
        when = f"({text} == {gen.const(test['const'])})"
    elif "enum" in test:
        when = f"({text} in {gen.const(frozenset(test['enum']))})"
    else:
        raise DefinitionProblem(f"allOf[{index}].if.properties.{name}: use const or enum")
    for target in clause["then"]["required"]:
        out.setdefault(target, []).append(when)


def definition_error(
    form: FormDefinition, where: str, problem: DefinitionProblem, file: str = "controls.json"
) -> Exception:
    return FormDefinitionError(str(form.directory / file), where, str(problem))
