"""The desktop client's files: settings, drafts per year and form, set-aside, status, writer."""

import datetime as dt
import json
import threading

import pytest

from client.core.documents import FormDocument
from client.core.drafts import load_draft
from client.core.forms.catalog import FormCatalog
from client.core.identity import synthetic_orgnr
from client.core.records.recordset import RecordSet
from client.core.workspace import (
    DraftWriter,
    FormStatus,
    ReportingUnit,
    Settings,
    Workspace,
    explanations_for_lines,
    remap_explanations,
    snapshot,
)
from synthetic import clean_records

FIXED = dt.datetime(2026, 3, 1, 12, 30, 5, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def form():
    return FormCatalog().load("11F", 2026)


@pytest.fixture
def workspace(tmp_path):
    return Workspace(tmp_path / "data", tmp_path / "config", clock=lambda: FIXED)


def test_environment_overrides_platform_folders(tmp_path):
    ws = Workspace.from_environment({"KOSTRA_DATA_DIR": str(tmp_path)})
    assert ws.data_dir == tmp_path
    assert ws.config_dir == tmp_path / "config"
    ws = Workspace.from_environment(
        {"KOSTRA_DATA_DIR": str(tmp_path / "d"), "KOSTRA_CONFIG_DIR": str(tmp_path / "c")}
    )
    assert ws.config_dir == tmp_path / "c"


def test_settings_round_trip_and_unknown_keys_kept(workspace):
    settings, notice = workspace.load_settings()
    assert notice is None
    assert settings.unit is None
    assert settings.language == "nb"
    unit = ReportingUnit("0301", "Oslo", synthetic_orgnr(3), "05")
    settings = Settings(unit=unit, language="nn", submit_dir="/srv/kostra", extra={"future": 1})
    workspace.save_settings(settings)
    again, notice = workspace.load_settings()
    assert notice is None
    assert again.unit == unit
    assert again.unit.region == "030105"
    assert again.language == "nn"
    assert again.submit_dir == "/srv/kostra"
    assert again.extra == {"future": 1}


def test_corrupt_settings_are_set_aside(workspace):
    workspace.config_dir.mkdir(parents=True)
    workspace.settings_path.write_text("{not json")
    settings, notice = workspace.load_settings()
    assert settings.unit is None
    assert notice is not None
    aside = workspace.config_dir / "settings.unreadable-20260301T123005.json"
    assert aside.read_text() == "{not json"
    assert str(aside) in notice.message("nb")


def test_reporting_unit_problems():
    assert ReportingUnit("4601", "Bergen", synthetic_orgnr(1)).problems() == []
    bad = ReportingUnit("46", " ", "123456789", "1")
    assert bad.problems() == ["kommunenummer", "name", "bydel", "orgnr"]


def test_draft_per_year_and_form(workspace, form):
    document = FormDocument(form, records=RecordSet.from_records(form, clean_records(form, 3)))
    document.explanations["30:2:BIDRAG"] = "Stor familie"
    path = workspace.save_draft(document)
    assert path == workspace.data_dir / "drafts" / "2026" / "11F.json"
    opened = workspace.open_draft(form)
    assert opened.notice is None
    assert opened.document.records.lines == document.records.lines
    assert opened.document.explanations == {"30:2:BIDRAG": "Stor familie"}


def test_unreadable_draft_is_set_aside_never_overwritten(workspace, form):
    path = workspace.draft_path("11F", 2026)
    path.parent.mkdir(parents=True)
    older = path.with_name("11F.unreadable-20260301T123005.json")
    older.write_text("first broken draft")
    path.write_text('{"format": "kostra-klienten/draft", "formatVer')
    opened = workspace.open_draft(form)
    assert opened.document is None
    assert not opened.blocked
    assert opened.set_aside == path.with_name("11F.unreadable-20260301T123005-1.json")
    assert opened.set_aside.read_text().endswith("formatVer")
    assert older.read_text() == "first broken draft"
    assert not path.exists()
    assert "lagt til side" in opened.notice.message("nb")


def test_draft_of_a_newer_client_is_left_alone(workspace, form):
    path = workspace.draft_path("11F", 2026)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"format": "kostra-klienten/draft", "formatVersion": 99}))
    opened = workspace.open_draft(form)
    assert opened.blocked
    assert opened.document is None
    assert path.exists()


def test_status(workspace, form):
    assert workspace.status_of("11F", 2026).state == "not_started"
    workspace.save_draft(FormDocument.empty(form))
    assert workspace.status_of("11F", 2026).state == "draft"
    workspace.write_status(2026, "11F", FormStatus("errors", {"ERROR": 2}, 10))
    workspace.write_status(2026, "11CF", FormStatus("signed"))
    assert workspace.status_of("11F", 2026) == FormStatus("errors", {"ERROR": 2}, 10)
    assert workspace.status_of("11CF", 2026).state == "signed"


def test_remap_explanations_on_insert_and_delete():
    refs = {"30:1:BIDRAG": "a", "30:5:BIDRAG": "b", "K-DATO:6:FODSELSDATO": "c", "K-12:-:X": "d"}
    inserted = remap_explanations(refs, 5, 2)
    assert inserted == {
        "30:1:BIDRAG": "a", "30:7:BIDRAG": "b", "K-DATO:8:FODSELSDATO": "c", "K-12:-:X": "d",
    }
    deleted = remap_explanations(refs, 5, -1)
    assert deleted == {"30:1:BIDRAG": "a", "K-DATO:5:FODSELSDATO": "c", "K-12:-:X": "d"}
    assert explanations_for_lines(refs, 5, 1) == {"30:5:BIDRAG": "b"}


def test_snapshot_is_independent(form):
    document = FormDocument(form, records=RecordSet.from_records(form, clean_records(form, 2)))
    copy = snapshot(document)
    other = "2" if document.records.value(0, "KJONN") == "1" else "1"
    document.records.set_value(0, "KJONN", other)
    document.explanations["x:1:y"] = "z"
    assert copy.records.lines[0] != document.records.lines[0]
    assert copy.explanations == {}


def test_writer_coalesces_and_flush_writes_the_last(workspace, form):
    saved = []
    gate = threading.Event()

    def on_saved(document):
        gate.wait(5)
        saved.append(len(document.records))

    writer = DraftWriter(workspace, on_saved=on_saved)
    records = RecordSet(form)
    document = FormDocument(form, records=records)
    for values in clean_records(form, 5):
        records.append(values)
        writer.submit(snapshot(document))
    gate.set()
    assert writer.flush(timeout=10)
    writer.close()
    assert saved[-1] == 5
    assert len(saved) <= 5
    assert len(load_draft(workspace.draft_path("11F", 2026), form).records) == 5
