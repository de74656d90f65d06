"""The compiled fast field checks say what jsonschema says.

The engine does not run jsonschema on records: compiler.record_schema_checks and
compiler.property_failures turn the record schema into plain Python tests over
the fixed-width line. These properties put generated values into the columns of
an otherwise unchanged record, validate it with FormValidator, and compare the
findings of the schema controls with jsonschema's verdict on the same record as
the schema sees it (RecordSet.record: trimmed values, blank fields absent).
"""

from __future__ import annotations

import copy
import dataclasses
import json
import random
from functools import cache
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from client.core.forms.catalog import FormCatalog
from client.core.forms.model import Control, FieldDef, FormDefinition
from client.core.records.recordset import RecordSet
from client.core.validation.compiler import _FAST_KEYWORDS, format_checker
from client.core.validation.engine import FormValidator, ValidationContext
from client.core.validation.findings import Finding
from synthetic import clean_record

CATALOG = FormCatalog()
FORMS = [
    (item.form_id, item.year)
    for item in sorted(CATALOG.installed(), key=lambda i: (i.form_id, i.year))
    if item.form_id in ("11F", "11CF") and item.year >= 2025
]
REGION = "123400"
# Besides digits and letters: signs, Norwegian letters, and inner blanks (kept by trimming).
ALPHABET = "0123456789 +-.aZæØ"


VARIANT = "11F-variant"


@cache
def load(form_id: str, year: int) -> FormDefinition:
    if form_id != VARIANT:
        return CATALOG.load(form_id, year)
    return _variant(CATALOG.load("11F", year))


def _variant(form: FormDefinition) -> FormDefinition:
    """11F with schema keywords its definition does not use, so that their fast checks
    meet values that fail them: maxLength below the column width (in the real forms it
    always equals the width, so it cannot fail), minLength, const, and keywords the fast
    path leaves to jsonschema."""
    schema = copy.deepcopy(form.schema)
    for i, field in enumerate(form.fields):
        assert field.column is not None
        prop = schema["properties"][field.name]
        size = field.column.size
        if size >= 3:
            prop["maxLength"] = size - 1
            prop["minLength"] = 2
        if len(prop.get("enum", ())) == 1:
            prop["const"] = prop.pop("enum")[0]
        if i % 7 == 3:
            prop["not"] = {"const": "00"}  # not a fast keyword: checked by jsonschema
    return dataclasses.replace(form, form_id=VARIANT, schema=schema)


@cache
def validator_for(form_id: str, year: int) -> FormValidator:
    return FormValidator(load(form_id, year))


@cache
def record_schema_validator(form_id: str, year: int) -> jsonschema.Draft202012Validator:
    schema = load(form_id, year).schema
    return jsonschema.Draft202012Validator(schema, format_checker=format_checker())


@cache
def property_validator(form_id: str, year: int, name: str) -> jsonschema.Draft202012Validator:
    prop = load(form_id, year).schema["properties"][name]
    return jsonschema.Draft202012Validator(prop, format_checker=format_checker())


@cache
def base_line(form_id: str, year: int) -> str:
    form = load(form_id, year)
    return RecordSet.from_records(form, [clean_record(form, 0, REGION)]).lines[0]


def record_schema_control(form: FormDefinition) -> Control | None:
    """The schema control without a field: SSB's field-definition control ("002" of 11F).
    11CF has none; its fields are checked by their own schema controls only."""
    controls = [c for c in form.controls if c.kind == "schema" and c.field is None]
    assert len(controls) <= 1
    return controls[0] if controls else None


def field_schema_controls(form: FormDefinition) -> list[Control]:
    return [c for c in form.controls if c.kind == "schema" and c.field is not None]


def put(form: FormDefinition, line: str, name: str, raw: str) -> str:
    """`raw` as the exact content of the field's column (padded with blanks)."""
    column = form.field(name).column
    assert column is not None
    assert len(raw) <= column.size
    return line[: column.start] + raw.ljust(column.size) + line[column.end :]


def field_values(field: FieldDef) -> st.SearchStrategy[str]:
    """Column contents for one field: its codes, other codes, digits, other text, blanks,
    dates (valid, impossible, unreadable), aligned left, right or anywhere in the column."""
    assert field.column is not None
    size = field.column.size
    codes = [c.code for c in field.codes] + list(field.schema.get("enum", ()))
    dates = st.builds(
        lambda d, m, y, width: f"{d:02d}{m:02d}{y:04d}"[: width],
        st.integers(0, 39), st.integers(0, 13), st.integers(1899, 2100),
        st.sampled_from([8, 6, 7]),
    ) | st.sampled_from(["31022025", "29022024", "29022025", "31042026", "00012026",
                         "01132026", "310225", "290224", "01012026"])
    inner = st.one_of(
        st.sampled_from(codes) if codes else st.nothing(),
        st.text(alphabet="0123456789", min_size=1, max_size=size),
        st.text(alphabet=ALPHABET, max_size=size),
        st.integers(-(10 ** (size - 1)) + 1, 10**size - 1).map(str),
        dates,
        st.just(""),
        st.just(" " * size),
    ).map(lambda value: value[:size])
    return st.builds(
        lambda value, offset: (" " * min(offset, size - len(value)) + value)[:size],
        inner,
        st.integers(0, size) | st.just(size),
    )


def schema_instance(form: FormDefinition, line: str) -> dict[str, str]:
    return RecordSet(form, [line]).record(0)


def jsonschema_verdict(form: FormDefinition, line: str) -> set[tuple[str, str]]:
    """(field, keyword) of every error jsonschema finds in the record."""
    out: set[tuple[str, str]] = set()
    instance = schema_instance(form, line)
    for error in record_schema_validator(form.form_id, form.year).iter_errors(instance):
        if error.validator == "required":
            out.update((name, "required") for name in error.validator_value
                       if name not in error.instance)
        else:
            assert error.absolute_path, f"an error of the whole record: {error.message}"
            out.add((str(error.absolute_path[0]), str(error.validator)))
    return out


def findings_of(form: FormDefinition, line: str) -> list[Finding]:
    validator = validator_for(form.form_id, form.year)
    context = ValidationContext.from_region(REGION, form.year)
    findings = validator.validate(RecordSet(form, [line]), context)
    # The line keeps its length, so the record-length control never hides the others.
    assert all(f.control != validator.length_control.control.id for f in findings
               if validator.length_control)
    return findings


def _key(text: dict[str, str]) -> str:
    return json.dumps(text, sort_keys=True, ensure_ascii=False)


def check_record(form: FormDefinition, line: str) -> None:
    check_field_controls(form, line)
    control = record_schema_control(form)
    if control is None:
        return
    messages = control.spec["failureMessages"]
    expected = jsonschema_verdict(form, line)
    reported = [f for f in findings_of(form, line) if f.control == control.id]
    # Which fields are reported...
    assert {f.field for f in reported} == {name for name, _ in expected}, schema_instance(
        form, line)
    # ... and with the message for the keyword jsonschema names (the general one when the
    # property has keywords the fast path leaves to jsonschema: it gives no keyword then).
    fast = {name for name, prop in form.schema["properties"].items()
            if not set(prop) - _FAST_KEYWORDS and prop.get("type", "string") == "string"}
    assert {(f.field, _key(f.text)) for f in reported} == {
        (name, _key(messages.get(keyword if name in fast or keyword == "required" else "other")
                    or messages["other"]))
        for name, keyword in expected
    }, schema_instance(form, line)


def check_field_controls(form: FormDefinition, line: str) -> None:
    """Each field's own schema control (SSB's code controls: "08" KJONN, ...) reports its
    field iff it is blank and the control requires it, or jsonschema rejects the value."""
    instance = schema_instance(form, line)
    reported = {(f.control, f.field) for f in findings_of(form, line)}
    for control in field_schema_controls(form):
        name = control.field
        assert name is not None
        if name in instance:
            fails = not property_validator(form.form_id, form.year, name).is_valid(instance[name])
        else:
            fails = bool(control.spec.get("required"))
        assert ((control.id, name) in reported) == fails, (control.id, name, instance.get(name))


@pytest.mark.parametrize(("form_id", "year"), [*FORMS, (VARIANT, 2026)])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_checks_agree_with_jsonschema(form_id: str, year: int, data: st.DataObject) -> None:
    form = load(form_id, year)
    line = base_line(form_id, year)
    names = data.draw(st.lists(st.sampled_from([f.name for f in form.fields]), min_size=1,
                               max_size=3, unique=True), label="fields")
    for name in names:
        raw = data.draw(field_values(form.field(name)), label=name)
        line = put(form, line, name, raw)
    check_record(form, line)


def _edge_values(field: FieldDef) -> list[str]:
    assert field.column is not None
    size = field.column.size
    codes = [c.code for c in field.codes]
    values = ["", " " * size, "0", "9" * size, "-1", "+1", "1 2", "X", "æ", "00"]
    values += codes + [f" {c}" for c in codes] + [c.rjust(size) for c in codes]
    values += ["01012026", "31022025", "29022024", "29022025", "00012026", "3102202", "310225"]
    values += ["1" * size, "1" * (size - 1), "a" * size]
    return [v for v in values if len(v) <= size]


@pytest.mark.parametrize(("form_id", "year"), [*FORMS, (VARIANT, 2026)])
def test_every_field_with_edge_values(form_id: str, year: int) -> None:
    """Every field of the form, each with the same hand-picked edge values."""
    form = load(form_id, year)
    line = base_line(form_id, year)
    for field in form.fields:
        for raw in _edge_values(field):
            check_record(form, put(form, line, field.name, raw))


@pytest.mark.parametrize(("form_id", "year"), [f for f in FORMS if f[0] == "11F"])
def test_conditional_required_is_honoured(form_id: str, year: int) -> None:
    """If/then in the record schema (a field mandatory when another has a value), with the
    deciding field set and not, and the dependent field blank and filled."""
    form = CATALOG.load(form_id, year)
    clauses: list[dict[str, Any]] = form.schema.get("allOf", [])
    if not clauses:
        pytest.skip("no conditional requirements in this form")
    line = base_line(form_id, year)
    rng = random.Random(5)
    for clause in clauses:
        ((deciding, test),) = clause["if"]["properties"].items()
        value = test.get("const") or rng.choice(test["enum"])
        size = form.field(deciding).column.size  # type: ignore[union-attr]
        for trigger in (value, "", "9" * size):
            for target in clause["then"]["required"]:
                target_size = form.field(target).column.size  # type: ignore[union-attr]
                for filled in ("", "01"[:target_size], "X"):
                    record = put(form, put(form, line, deciding, trigger), target, filled)
                    check_record(form, record)
