"""Record forms: import with planted errors, findings, jumping, fixing, explaining, editing."""

import pytest

from client.core.atrest import MAGIC
from client.core.forms.catalog import FormCatalog
from client.core.records.fixedwidth import read_record_file, write_record_file
from client.core.records.recordset import RecordSet
from client.gui.widgets import ComboEditor, RadioEditor, RecordDateEditor
from synthetic import clean_records, plant_errors
from tests.gui.conftest import YEAR, draft_text, open_form, settle

REGION = "123400"


@pytest.fixture(scope="module")
def form():
    return FormCatalog().load("11F", YEAR)


def write_file(path, form, records):
    write_record_file(path, RecordSet.from_records(form, records))
    return path


def import_records(qtbot, window, path):
    page = open_form(qtbot, window, "11F")
    operation = page.import_file(path)
    qtbot.waitUntil(
        lambda: window.session.records is not None and len(window.session.records) > 0,
        timeout=20000,
    )
    operation.wait(10)
    settle(qtbot, window.session)
    return page


def test_import_with_planted_errors_jump_fix(qtbot, window, form, tmp_path):
    records = plant_errors(list(clean_records(form, 100, REGION)), form, every=10)
    records[20]["KJONN"] = "3"  # an error we fix through the editor
    page = import_records(qtbot, window, write_file(tmp_path / "in.txt", form, records))
    session = window.session
    assert len(session.records) == 100
    counts = session.summary()
    assert counts["ERROR"] > 0
    panel = page.findings
    assert panel.model.rowCount() >= 1  # severity groups
    assert "Feil:" in panel.summary.text()

    finding = next(f for f in session.findings() if f.line == 21 and f.field == "KJONN")
    panel.activated.emit(finding)
    editor = page.records.editor
    assert editor.index == 20
    row = editor.rows["KJONN"]
    assert isinstance(row.editor, RadioEditor)
    assert row.marker.isVisibleTo(page) and row.marker_icon.isVisibleTo(page)
    assert finding.message("nb") in row.marker.text()
    assert window.focusWidget() in row.editor.inputs()

    row.editor.buttons["2"].click()
    settle(qtbot, session)
    assert session.records.value(20, "KJONN") == "2"
    assert not any(f.line == 21 and f.field == "KJONN" for f in session.findings())
    assert not row.marker.isVisibleTo(page)

    session.undo.undo()
    settle(qtbot, session)
    assert any(f.line == 21 and f.field == "KJONN" for f in session.findings())


def test_explaining_the_only_warning_makes_the_form_ready(qtbot, window, form, tmp_path):
    records = list(clean_records(form, 30, REGION))
    records[4]["FODSELSDATO"] = "3102" + records[4]["FODSELSDATO"][4:]  # K-DATO warning
    page = import_records(qtbot, window, write_file(tmp_path / "in.txt", form, records))
    session = window.session
    assert session.readiness().status == "unexplained", session.findings()
    (warning,) = session.findings()
    assert warning.severity == "WARNING"
    assert "forklaring" in page.findings.readiness.text()

    panel = page.findings
    panel.select(warning)
    assert panel.explanation.isEnabled()
    panel.explanation.setFocus()
    qtbot.keyClicks(panel.explanation, "Født på skuddårsdag, rettes i fagsystemet")
    panel.commit_explanation()
    assert session.explanations == {warning.ref: "Født på skuddårsdag, rettes i fagsystemet"}
    assert session.readiness().status == "ready"
    assert "Klart til innsending" in panel.readiness.text()
    session.save_now()
    draft = draft_text(window.ctx.workspace, "11F")
    assert "skuddårsdag" in draft
    assert window.ctx.workspace.draft_path("11F", YEAR).read_bytes().startswith(MAGIC)

    # A record inserted above moves the explanation along with its record.
    page.records.select_record(0)
    page.records.add_record()
    settle(qtbot, session)
    (moved,) = [
        f for f in session.findings() if f.control == warning.control and f.field == warning.field
    ]
    assert moved.line == warning.line + 1
    assert session.explanations == {moved.ref: "Født på skuddårsdag, rettes i fagsystemet"}
    assert "KOMMUNE_NR" not in {f.field for f in session.findings_for(1)}  # copied from above
    session.undo.undo()
    assert session.explanations == {warning.ref: "Født på skuddårsdag, rettes i fagsystemet"}


def test_editor_widgets_and_record_actions(qtbot, window, form, tmp_path):
    page = import_records(
        qtbot, window, write_file(tmp_path / "in.txt", form, list(clean_records(form, 5, REGION)))
    )
    session = window.session
    rows = page.records.editor
    page.records.select_record(1)
    assert isinstance(rows.rows["FODSELSDATO"].editor, RecordDateEditor)
    assert isinstance(rows.rows["EKTSTAT"].editor, RadioEditor | ComboEditor)
    date_edit = rows.rows["FODSELSDATO"].editor.edit
    assert date_edit.text().count(".") == 2  # shown as dd.mm.åååå
    journal = session.records.value(1, "PERSON_JOURNALNR")

    page.records.copy_record()
    settle(qtbot, session)
    assert len(session.records) == 6
    assert session.records.value(2, "PERSON_JOURNALNR") == journal
    assert any(f.field == "PERSON_JOURNALNR" for f in session.findings())  # a duplicate now
    page.records.delete_records()
    settle(qtbot, session)
    assert len(session.records) == 5
    assert session.findings() == []

    page.records.search.setText(journal)
    page.records._apply_filter()
    assert page.records.model.rowCount() == 1
    page.records.search.clear()
    page.records.only_findings.setChecked(True)
    assert page.records.model.rowCount() == 0

    out = tmp_path / "out.txt"
    page.export_file(out)
    assert read_record_file(out, form).lines == session.records.lines


def test_models_pass_qt_model_tester(qtbot, window, form, tmp_path, qtmodeltester):
    records = plant_errors(list(clean_records(form, 60, REGION)), form, every=7)
    page = import_records(qtbot, window, write_file(tmp_path / "in.txt", form, records))
    qtmodeltester.check(page.records.model)
    qtmodeltester.check(page.findings.model)
    page.records.only_findings.setChecked(True)
    qtmodeltester.check(page.records.model)
    qtmodeltester.check(window.overview.model)


def test_wrong_file_is_explained(qtbot, window, tmp_path, ctx):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    page = open_form(qtbot, window, "11F")
    page.import_file(bad)
    qtbot.waitUntil(lambda: bool(ctx.asker.texts("warn")), timeout=10000)
    assert "ikke en tekstfil" in ctx.asker.texts("warn")[-1]
