"""Skjema 7, 7B and 12 on the questionnaire engine: tables, computed totals, per-row and
cross-question rules, reference figures, nothing to report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from client.core.errors import FormDefinitionError
from client.core.forms.answers import apply_computed, display_value, rows_from_text
from client.core.forms.catalog import FormCatalog
from client.core.forms.loader import load_form
from client.core.forms.visibility import visible_fields
from client.core.validation.engine import FormValidator, ValidationContext

ROOT = Path(__file__).resolve().parents[1]
CATALOG = FormCatalog([ROOT / "forms"])
CONTEXT = ValidationContext.from_region("460100", 2026)


def example(form_id: str) -> dict:
    return json.loads((ROOT / "resources" / "examples" / f"{form_id}_2026_460100.json").read_text())


def findings(form_id: str, answers: dict, year: int = 2026):
    form = CATALOG.load(form_id, year)
    return FormValidator(form).validate(answers, ValidationContext.from_region("460100", year))


@pytest.mark.parametrize("form_id", ["7", "7B", "12"])
@pytest.mark.parametrize("year", [2025, 2026])
def test_each_form_loads_in_three_languages_with_its_source(form_id, year):
    form = CATALOG.load(form_id, year)
    assert "http" in form.source or "Referat" in form.source
    assert "../" not in form.source and "/work/" not in form.source
    for field in form.fields:
        assert set(field.label) == {"nb", "nn", "en"}, field.name
        for column in field.columns:
            assert set(column.label) == {"nb", "nn", "en"}, column.name
    for control in form.controls:
        for message in control.spec.get("messages", ()):
            assert set(message["text"]) == {"nb", "nn", "en"}


def test_skjema_12_is_in_full():
    form = CATALOG.load("12", 2026)
    assert len(form.fields) >= 15
    names = {f.name for f in form.fields}
    assert {"SATS_ENSLIG", "SATS_PAR", "SATS_BARN_0_5", "SATS_BARN_6_10", "SATS_BARN_11_17",
            "INDEKSREGULERT", "BOUTGIFT_TAK_4"} <= names


@pytest.mark.parametrize("form_id", ["7", "7B", "12"])
def test_the_examples_are_clean(form_id):
    assert findings(form_id, example(form_id)) == []


def test_a_table_cell_is_located_by_row_and_column():
    answers = example("7B")
    answers["KRISESENTRE"][1] = {"NAVN": "X", "DRIFT": "7", "UTGIFT": -3}
    found = {(f.control, f.field, f.row, f.column) for f in findings("7B", answers)}
    assert ("K-7B-SKJEMA", "KRISESENTRE", 2, "DRIFT") in found
    assert ("K-7B-SKJEMA", "KRISESENTRE", 2, "UTGIFT") in found
    answers["KRISESENTRE"][1] = {"DRIFT": "1", "UTGIFT": 50000}
    (missing,) = [f for f in findings("7B", answers) if f.row == 2]
    assert (missing.column, missing.ref) == ("NAVN", "K-7B-SKJEMA:-:KRISESENTRE[2].NAVN")
    assert "rad 2" in missing.message("nb") and "row 2" in missing.message("en")


def test_a_row_missing_several_cells_names_each_once():
    answers = example("7B")
    answers["KRISESENTRE"][1] = {"UTGIFT": 50000}
    missing = [f for f in findings("7B", answers) if f.row == 2]
    assert sorted(f.column for f in missing) == ["DRIFT", "NAVN"]
    assert len({f.ref for f in missing}) == len(missing)


def test_a_rule_runs_on_every_row():
    answers = example("7")
    answers["PERSONELL"][2]["VIDEREUTDANNET"] = 30  # more than the 9 staff of row 3
    (finding,) = findings("7", answers)
    where = (finding.control, finding.row, finding.column)
    assert where == ("K-7-VIDEREUTDANNET", 3, "VIDEREUTDANNET")
    assert "Rad 3" in finding.message("nb") and "30" in finding.message("nb")


def test_a_row_warning_shows_the_row_and_its_name():
    answers = example("7B")
    answers["KRISESENTRE"][0]["UTGIFT"] = 385  # thousands, not kroner
    (finding,) = findings("7B", answers)
    assert finding.severity == "WARNING" and finding.row == 1
    assert "Bergen krisesenter" in finding.message("nb")


def test_computed_totals_are_filled_in_and_carried():
    form = CATALOG.load("7", 2026)
    answers = example("7")
    for name in ("OKRAD_TOTALT", "PERSONELL_ANSATTE", "PERSONELL_VIDEREUTDANNET"):
        answers.pop(name)
        assert form.field(name).read_only
    filled = apply_computed(form, answers)
    assert (filled["OKRAD_TOTALT"], filled["PERSONELL_ANSATTE"]) == (1235, 171)
    assert "OKRAD_TOTALT" not in answers  # the caller's answers are untouched
    assert apply_computed(form, {}) == {}  # an empty form stays empty
    # A stale total in the answers is replaced, not reported.
    assert findings("7", {**example("7"), "OKRAD_TOTALT": 1}) == []


def test_parts_must_add_up_to_the_total():
    answers = {**example("7B"), "OVERNATTINGER_TOTALT": 15000}
    (finding,) = findings("7B", answers)
    assert finding.control == "K-7B-OVERNATTINGER" and finding.severity == "ERROR"
    assert "15\u00a0000" in finding.message("nb") and "15\u00a0600" in finding.message("nb")


def test_a_date_after_the_reporting_year():
    answers = {**example("7B"), "PLAN_VEDTATT_DATO": "2027-02-01"}
    assert {f.control for f in findings("7B", answers)} == {"K-7B-DATO-PLAN-VEDTATT-DATO"}
    answers = {**example("7B"), "PLAN_UTLOP_DATO": "2025-06-30"}
    assert {f.control for f in findings("7B", answers)} == {"K-7B-PLAN-UTLOPT"}


def test_nothing_to_report_hides_the_section_and_needs_no_answers():
    form = CATALOG.load("7B", 2026)
    answers = example("7B")
    for name in ("OVERNATTINGER_VOKSNE", "OVERNATTINGER_BARN", "OVERNATTINGER_TOTALT",
                 "DAGBRUKERE", "BARN_BEBOERE"):
        answers.pop(name)
    assert {f.field for f in findings("7B", answers)} >= {"OVERNATTINGER_TOTALT", "DAGBRUKERE"}
    answers["BRUKERE_INGEN"] = True
    assert "DAGBRUKERE" not in visible_fields(form, answers)
    assert findings("7B", answers) == []
    section = next(s for s in form.sections if s.id == "brukere")
    assert section.nothing_to_report == "BRUKERE_INGEN"


def test_kommunenummer_must_be_the_reporting_units():
    (finding,) = findings("12", {**example("12"), "KOMMUNE_NR": "0301"})
    assert finding.control == "K-12-KOMMUNE" and "4601" in finding.message("nb")


def test_guideline_rates_are_data_missing_until_known_and_then_warn(tmp_path):
    form = CATALOG.load("12", 2026)
    for household in ("ENSLIG", "PAR", "BARN_0_5"):
        reference = form.reference(f"STATLIG_{household}")
        assert reference.value is None and "ikke funnet" in reference.source
    low = {**example("12"), "SATS_ENSLIG": 5000}
    assert not any(f.control.startswith("K-12-STATLIG") for f in findings("12", low))
    # The same form with the figures filled in, as next year's data would be.
    folder = tmp_path / "2026" / "12"
    shutil.copytree(form.directory, folder)
    doc = json.loads((folder / "reference.json").read_text())
    doc["values"]["STATLIG_ENSLIG"].update(
        value=7850, status="published", source="Rundskriv A-1/2024, 2024")
    (folder / "reference.json").write_text(json.dumps(doc))
    filled = load_form(folder)
    (finding,) = FormValidator(filled).validate(low, CONTEXT)
    assert (finding.control, finding.severity) == ("K-12-STATLIG-ENSLIG", "WARNING")
    text = finding.message("nb")
    assert "5000" in text
    assert "7850" in text and "Rundskriv A-1/2024" in text


def test_a_reference_marked_missing_must_have_no_value(tmp_path):
    folder = tmp_path / "2026" / "12"
    shutil.copytree(CATALOG.load("12", 2026).directory, folder)
    doc = json.loads((folder / "reference.json").read_text())
    doc["values"]["STATLIG_PAR"]["value"] = 12000  # a figure without a published source
    (folder / "reference.json").write_text(json.dumps(doc))
    with pytest.raises(FormDefinitionError, match=r"reference\.json"):
        load_form(folder)


def test_a_control_naming_an_unknown_table_or_reference_is_refused(tmp_path):
    folder = tmp_path / "2026" / "7B"
    shutil.copytree(CATALOG.load("7B", 2026).directory, folder)
    doc = json.loads((folder / "controls.json").read_text())
    doc["controls"][-2]["table"] = "NOSUCH"
    (folder / "controls.json").write_text(json.dumps(doc))
    with pytest.raises(FormDefinitionError, match="NOSUCH"):
        load_form(folder)


def test_rows_pasted_from_a_spreadsheet():
    form = CATALOG.load("7B", 2026)
    text = ("Krisesenter\tDrift\tKommunens utgifter (kr)\n"
            "Bergen krisesenter\t2\t38 500 000\n"
            "Sogn krisesenter\tKommunens eget\t1\u00a0250\u00a0000,00\n"
            "Feil\t9\tmange\n")
    rows, problems = rows_from_text(form, "KRISESENTRE", text)
    assert rows[0] == {"NAVN": "Bergen krisesenter", "DRIFT": "2", "UTGIFT": 38500000}
    assert rows[1] == {"NAVN": "Sogn krisesenter", "DRIFT": "1", "UTGIFT": 1250000}
    assert rows[2] == {"NAVN": "Feil"}
    assert [(p.row, p.column) for p in problems] == [(3, "DRIFT"), (3, "UTGIFT")]
    assert "mange" in problems[1].message("nb")


def test_answers_are_shown_as_people_read_them():
    form = CATALOG.load("12", 2026)
    assert display_value(form.field("VEDTAK_DATO"), "2025-01-15") == "15.01.2025"
    assert display_value(form.field("BOUTGIFT_TAK"), "1", "en") == "Yes (1)"
    assert display_value(form.field("SATS_ENSLIG"), 8350) == "8\u00a0350"


def _broken(tmp_path, form_id: str, file: str, change) -> Path:
    folder = tmp_path / "2026" / form_id
    shutil.copytree(CATALOG.load(form_id, 2026).directory, folder)
    doc = json.loads((folder / file).read_text())
    change(doc)
    (folder / file).write_text(json.dumps(doc))
    return folder


@pytest.mark.parametrize(("file", "change", "says"), [
    ("ui.json", lambda d: d["fields"]["PERSONELL"]["columns"].pop("ANSATTE"),
     "ANSATTE has no label"),
    ("ui.json", lambda d: d["fields"]["PERSONELL"]["columns"].update(
        APEN_DAGER={"label": {"nb": "x"}}), "names no property"),
    ("ui.json", lambda d: d["sections"][-2].update(nothingToReport="RUS_VEDTAK"),
     "must be a boolean question"),
    ("ui.json", lambda d: d["fields"]["OKRAD_TOTALT"].update(computed={"int": "NOSUCH"}),
     "unknown field 'NOSUCH'"),
    ("controls.json", lambda d: d["controls"][2].update(field="APEN_DAGER"),
     "must be a column of PERSONELL"),
])
def test_a_broken_questionnaire_definition_is_refused_with_file_and_place(
        tmp_path, file, change, says):
    folder = _broken(tmp_path, "7", file, change)
    with pytest.raises(FormDefinitionError) as refused:
        load_form(folder)
    assert says in refused.value.message("en") and file in refused.value.message("en")


def test_a_computed_total_takes_part_in_a_control():
    answers = {**example("7"), "OKRAD_SAKER": 1000}  # fewer cases than the 1 235 people
    (finding,) = findings("7", answers)
    assert (finding.control, finding.severity) == ("K-7-OKRAD-SAKER", "WARNING")
    assert "1000" in finding.message("nb") and "1235" in finding.message("nb")


@pytest.mark.parametrize("form_id", ["7", "7B", "12"])
@pytest.mark.parametrize("year", [2025, 2026])
def test_a_question_whose_message_points_to_its_help_has_help(form_id, year):
    """A wrongly written answer says «see the help text for how to write it»: the question
    must have that help (the e-mail question had none, so the message led nowhere)."""
    form = CATALOG.load(form_id, year)
    for field in form.fields:
        if "pattern" in field.schema:
            assert set(field.help) == {"nb", "nn", "en"}, f"{form_id} {year} {field.name}"
            assert all(text.strip() for text in field.help.values()), field.name


@pytest.mark.parametrize("form_id", ["7", "7B", "12"])
@pytest.mark.parametrize("year", [2025, 2026])
def test_an_answer_of_the_wrong_kind_names_the_kind_the_question_wants(form_id, year):
    """A number given for the name of the person responsible is told "a text", not "write
    a number or choose" (the message of 7 and 7B said so until 2 December 2026)."""
    from client.core.validation.engine import FormValidator, ValidationContext

    form = FormCatalog().load(form_id, year)
    findings = FormValidator(form).validate(
        {"KOMMUNE_NR": "1234", "ANSVARLIG": 42}, ValidationContext.from_region("123400", year))
    (wrong,) = [f for f in findings if f.field == "ANSVARLIG"]
    assert "Svaret skal være en tekst" in wrong.message("nb")
    assert "The answer must be a text" in wrong.message("en")
