"""Every installed form loads and keeps its invariants; broken definitions are refused
with the file and JSON path; a new year's form is files, not code."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from client.core.errors import FormDefinitionError
from client.core.forms import checkcache, loader
from client.core.forms.catalog import FormCatalog
from client.core.forms.loader import FORM_FILES, load_form, referenced_fields
from client.core.i18n import LANGUAGES
from client.core.records.recordset import RecordSet
from client.core.validation.engine import FormValidator, ValidationContext
from synthetic import clean_records

FORMS = Path(__file__).resolve().parents[1] / "forms"
INSTALLED = FormCatalog([FORMS]).installed()


def test_the_required_forms_are_installed():
    have = {(f.form_id, f.year) for f in INSTALLED}
    for year in (2024, 2025, 2026):
        assert {("11F", year), ("11CF", year)} <= have
    assert ("12", 2026) in have


@pytest.mark.parametrize("item", INSTALLED, ids=lambda f: f"{f.form_id}-{f.year}")
def test_every_form_loads_and_keeps_its_invariants(item):
    form = load_form(item.directory)
    names = [f.name for f in form.fields]
    assert len(names) == len(set(names))
    # Every field sits in exactly one section.
    placed = [n for s in form.sections for n in s.fields]
    assert sorted(placed) == sorted(names)
    if form.is_record_form:
        position = 0
        for field in form.fields:
            assert field.column is not None
            assert field.column.start == position, field.name
            position = field.column.end
        assert position == form.record_length
    # Controls name fields that exist, and speak all three languages.
    controls = json.loads((item.directory / "controls.json").read_text("utf-8"))["controls"]
    for index, control in enumerate(controls):
        # A cross-form control's "other" names the other form's fields (checked when it runs
        # against that form); a table's rule names its columns.
        own = {k: v for k, v in control.items() if k != "other"}
        for name, _ in referenced_fields(own, f"$.controls[{index}]"):
            assert form.any_field(name) is not None, (control["name"], name)
        for message in control.get("messages", []):
            assert set(message["text"]) >= set(LANGUAGES)
    for control in form.controls:
        assert set(control.title) >= set(LANGUAGES)
        assert control.is_ours == control.id.startswith("K-"), control.id
    # Every question has a bokmål label; codes have labels.
    for field in form.fields:
        assert field.label.get("nb"), field.name
        for code in field.codes:
            assert code.label.get("nb"), (field.name, code.code)
    FormValidator(form)  # every control compiles


def _copy_form(tmp_path: Path, form_id: str = "11F", year: int = 2026) -> Path:
    target = tmp_path / "forms" / str(year) / form_id
    shutil.copytree(FORMS / str(year) / form_id, target)
    return target


def _edit(path: Path, change) -> None:
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


BROKEN = [
    # (file, change, expected JSON path in the message)
    ("form.json", lambda d: d.update(kind="survey"), "$.kind"),
    ("form.json", lambda d: d.pop("title"), "$"),
    ("layout.json", lambda d: d["fields"][1].update(size=d["fields"][1]["size"] + 1),
     "$.fields[2]"),
    ("layout.json", lambda d: d.update(recordLength=d["recordLength"] + 1), "$.recordLength"),
    ("ui.json", lambda d: d["fields"]["KJONN"].pop("label"), "$.fields.KJONN"),
    ("ui.json", lambda d: d["fields"]["KJONN"]["codes"].update({"7": {"nb": "Sju"}}),
     "$.fields.KJONN.codes.7"),
    ("controls.json", lambda d: d["controls"][5].update(severity="SEVERE"),
     "$.controls[5].severity"),
    ("controls.json", lambda d: d["controls"][5].update(id="thirty"), "$.controls[5].id"),
    ("schema.json", lambda d: d["properties"]["KJONN"].update(type="strung"),
     "$.properties.KJONN.type"),
]


@pytest.mark.parametrize(("file", "change", "where"), BROKEN)
def test_a_broken_definition_is_refused_naming_file_and_path(tmp_path, file, change, where):
    directory = _copy_form(tmp_path)
    _edit(directory / file, change)
    with pytest.raises(FormDefinitionError) as info:
        load_form(directory)
    error = info.value
    assert error.file.endswith(file)
    assert error.path.startswith(where), error.message()
    assert file in error.message() and error.path in error.message()


def test_a_control_naming_an_unknown_field_is_refused(tmp_path):
    directory = _copy_form(tmp_path)
    rule = next(i for i, c in enumerate(
        json.loads((directory / "controls.json").read_text("utf-8"))["controls"])
        if c["id"] == "30")

    def change(d):
        d["controls"][rule]["require"]["le"][0]["sum"][0] = {"int": "BIDRAG_TYPO"}

    _edit(directory / "controls.json", change)
    with pytest.raises(FormDefinitionError) as info:
        load_form(directory)
    assert "BIDRAG_TYPO" in info.value.message()
    assert info.value.path.startswith(f"$.controls[{rule}]")


def test_a_broken_visibility_condition_is_refused(tmp_path):
    directory = _copy_form(tmp_path, "12")
    _edit(directory / "ui.json", lambda d: d["fields"]["BOUTGIFT_TAK_BELOP"].update(
        visibleWhen={"eq": [{"field": "NO_SUCH_QUESTION"}, "1"]}))
    with pytest.raises(FormDefinitionError) as info:
        load_form(directory)
    assert info.value.file.endswith("ui.json")
    assert "NO_SUCH_QUESTION" in info.value.message()


def test_invalid_json_is_refused_with_the_line(tmp_path):
    directory = _copy_form(tmp_path)
    (directory / "controls.json").write_text('{"controls": [\n  {"id": "01",,}\n]}', "utf-8")
    with pytest.raises(FormDefinitionError) as info:
        load_form(directory)
    assert info.value.file.endswith("controls.json")
    assert "2" in info.value.message()  # the line of the syntax error


def test_next_years_form_is_files_not_code(tmp_path):
    """A copy of 2026 as 2027, with one field and one control changed, loads and validates
    with no code change."""
    source = FORMS / "2026" / "11F"
    target = tmp_path / "forms" / "2027" / "11F"
    shutil.copytree(source, target)
    _edit(target / "form.json", lambda d: d.update(
        year=2027, version="2027.1.0",
        deadline={**d["deadline"], "date": "2028-01-15", "corrections": "2028-04-15"}))

    # One field changed: KJONN gets a third code.
    def three_codes(d):
        d["properties"]["KJONN"]["enum"].append("3")

    _edit(target / "schema.json", three_codes)
    _edit(target / "ui.json", lambda d: d["fields"]["KJONN"]["codes"].update(
        {"3": {"nb": "Annet", "nn": "Anna", "en": "Other"}}))

    # One control changed: control 30's limit goes down to 800 000 kr.
    def lower_limit(d):
        control = next(c for c in d["controls"] if c["id"] == "30")
        control["require"]["le"][1] = 800_000
        control["params"]["limit"] = 800_000
        # Control 08 (kjønn) must accept the new code as well.
        control08 = next(c for c in d["controls"] if c["id"] == "08")
        text = json.dumps(control08).replace('["1", "2"]', '["1", "2", "3"]')
        control08.clear()
        control08.update(json.loads(text))

    _edit(target / "controls.json", lower_limit)

    catalog = FormCatalog([FORMS, tmp_path / "forms"])
    assert 2027 in catalog.years()
    form = catalog.load("11F", 2027)
    assert form.field("KJONN").code_label("3") == "Annet"

    region = "123400"
    records = [dict(r, VERSION="27") for r in clean_records(catalog.load("11F", 2026), 3, region)]
    records[0]["KJONN"] = "3"
    records[1]["BIDRAG"], records[1]["LAAN"] = "850000", ""
    for month in [k for k in records[1] if k.startswith(("BIDRAG_", "LAAN_"))]:
        records[1][month] = ""
    records[1]["BIDRAG_JAN"] = "850000"
    recordset = RecordSet.from_records(form, records)
    findings = FormValidator(form).validate(recordset, ValidationContext.from_region(region, 2027))
    by_line = {(f.line, f.control) for f in findings}
    assert not any(line == 1 for line, _ in by_line), findings  # the new code is valid
    assert (2, "30") in by_line  # the lower limit holds
    # …while 2026's definition is untouched by the copy.
    old = catalog.load("11F", 2026)
    old_findings = FormValidator(old).validate(
        RecordSet.from_records(old, [dict(r, VERSION="26") for r in records]),
        ValidationContext.from_region(region, 2026),
    )
    assert (2, "30") not in {(f.line, f.control) for f in old_findings}
    assert any(f.line == 1 and f.field == "KJONN" for f in old_findings)


def test_forms_are_listed_in_ssbs_numeric_order():
    catalog = FormCatalog([Path(__file__).resolve().parents[1] / "forms"])
    assert [f.form_id for f in catalog.forms_for_year(2026)] == ["7", "7B", "11CF", "11F", "12"]


# --- remembered checks (client/core/forms/checkcache.py) ---------------------------------


@pytest.fixture
def form_check_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(checkcache.ENV_CACHE_DIR, str(folder))
    checkcache.cache_dir.cache_clear()
    yield folder / "form-checks"
    checkcache.cache_dir.cache_clear()


def test_a_passed_check_is_remembered_and_not_run_again(tmp_path, form_check_cache, monkeypatch):
    directory = _copy_form(tmp_path)
    load_form(directory)
    # One marker per checked file: form, schema, layout, ui, controls and reference.
    assert len(list(form_check_cache.iterdir())) == len(
        [name for name in FORM_FILES if (directory / name).exists()])

    def refuse(*args):
        raise AssertionError("checked again although nothing changed")

    monkeypatch.setattr(loader, "_check_against", refuse)
    monkeypatch.setattr(jsonschema.Draft202012Validator, "check_schema", refuse)
    assert load_form(directory).form_id == "11F"


@pytest.mark.parametrize(("file", "change", "where"), BROKEN)
def test_a_remembered_pass_never_passes_a_changed_file(tmp_path, form_check_cache, file, change,
                                                       where):
    directory = _copy_form(tmp_path)
    load_form(directory)  # every file passes and is remembered
    _edit(directory / file, change)
    with pytest.raises(FormDefinitionError) as info:
        load_form(directory)
    assert info.value.path.startswith(where)
    with pytest.raises(FormDefinitionError):  # a failure is never remembered
        load_form(directory)


def test_a_changed_metaschema_checks_every_file_again(tmp_path, form_check_cache, monkeypatch):
    directory = _copy_form(tmp_path)
    load_form(directory)
    before = set(form_check_cache.iterdir())
    monkeypatch.setattr(loader, "_metaschema_bytes", lambda: b"a newer metaschema")
    load_form(directory)
    assert len(set(form_check_cache.iterdir()) - before) == len(before)


def test_a_cache_folder_that_cannot_be_written_only_means_checking(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", "utf-8")
    monkeypatch.setenv(checkcache.ENV_CACHE_DIR, str(blocker))
    checkcache.cache_dir.cache_clear()
    try:
        directory = _copy_form(tmp_path)
        assert load_form(directory).form_id == "11F"
        _edit(directory / "form.json", lambda d: d.update(kind="survey"))
        with pytest.raises(FormDefinitionError):
            load_form(directory)
    finally:
        checkcache.cache_dir.cache_clear()
