"""SSB's own test cases for the 11F and 11CF controls, run through the whole pipeline.

The cases are data (tests/ssb_cases/, format in its README): each is written
as a fixed-width file, read back, validated with every control of the form,
and the findings of the control under test are compared with SSB's verdict.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from client.core.forms.catalog import FormCatalog
from client.core.records.fixedwidth import parse_record_bytes
from client.core.records.recordset import RecordSet
from client.core.validation.engine import FormValidator, ValidationContext
from synthetic import clean_record, resolve

CASES_DIR = Path(__file__).parent / "ssb_cases"
CATALOG = FormCatalog()
_VALIDATORS: dict[tuple[str, int], FormValidator] = {}


def validator_for(form_id: str, year: int) -> FormValidator:
    key = (form_id, year)
    if key not in _VALIDATORS:
        _VALIDATORS[key] = FormValidator(CATALOG.load(form_id, year))
    return _VALIDATORS[key]


def _collect() -> list:
    params = []
    for path in sorted(CASES_DIR.glob("*/*.json")):
        doc = json.loads(path.read_text("utf-8"))
        default_forms = [path.parent.name] if path.parent.name != "common" else ["11F", "11CF"]
        for case in doc["cases"]:
            for form_id in doc.get("forms", default_forms):
                for year in doc.get("years", [2025, 2026]):
                    case_id = f"{form_id}-{year}-{doc['control']}-{path.stem}-{case['name']}"
                    params.append(pytest.param(doc, case, form_id, year, id=case_id))
    return params


def build_lines(doc: dict, case: dict, form_id: str, year: int) -> tuple[list[str], str]:
    validator = validator_for(form_id, year)
    form = validator.form
    region = case.get("region", "123400")
    if "lines" in case:
        return case["lines"], region
    recordset = RecordSet(form)
    for n, overrides in enumerate(case["records"], start=1):
        if case.get("base") == "clean":
            values = clean_record(form, n, region)
        else:
            values = {
                "KOMMUNE_NR": region[:4],
                "VERSION": f"{year % 100:02d}",
                "PERSON_JOURNALNR": f"J{n}",
                "SAKSBEHANDLER": "Sara",
            }
        for name, value in overrides.items():
            values[name] = resolve(value, form, name, year)
        line = []
        for field in form.fields:
            assert field.column is not None
            raw = values.get(field.name, "")
            assert len(raw) <= field.column.size, f"{field.name}: {raw!r} is too wide"
            # Values are raw field contents: keep their own alignment, pad to the width.
            line.append(raw.ljust(field.column.size))
        recordset.lines.append("".join(line))
    return recordset.lines, region


@pytest.mark.parametrize(("doc", "case", "form_id", "year"), _collect())
def test_ssb_case(doc: dict, case: dict, form_id: str, year: int) -> None:
    validator = validator_for(form_id, year)
    lines, region = build_lines(doc, case, form_id, year)
    if lines:
        data = ("\n".join(lines) + "\n").encode("iso-8859-1")
        records = parse_record_bytes(data, validator.form, "case")
    else:
        records = RecordSet(validator.form)
    assert records.lines == lines  # the reader keeps every line as written
    findings = validator.validate(records, ValidationContext.from_region(region, year))
    mine = [
        f
        for f in findings
        if f.control == doc["control"] and (doc.get("field") is None or f.field == doc["field"])
    ]
    expected = case["expect"]
    assert sorted(f.line for f in mine) == sorted(e["line"] for e in expected), [
        (f.line, f.field, f.message()) for f in mine
    ]
    for e in expected:
        finding = next(f for f in mine if f.line == e["line"])
        # Our messages group digits (1 000 001); SSB's values are compared without grouping.
        message = finding.message().replace("\u00a0", "")
        for text in e.get("message_contains", ()):
            assert text in message, (text, finding.message())
        if "severity" in e:
            assert finding.severity == e["severity"]


def test_every_ported_control_exists_in_its_form() -> None:
    """A case file for a control the form lacks would pass without testing anything."""
    for path in CASES_DIR.glob("*/*.json"):
        doc = json.loads(path.read_text("utf-8"))
        default_forms = [path.parent.name] if path.parent.name != "common" else ["11F", "11CF"]
        for form_id in doc.get("forms", default_forms):
            for year in doc.get("years", [2025, 2026]):
                ids = {c.id for c in validator_for(form_id, year).form.controls}
                assert doc["control"] in ids, (path.name, form_id, year)
