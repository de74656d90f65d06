"""Cross-form warnings in the window: skjema 7 against the year's 11F draft."""

import json

from client.core.documents import load_document
from client.core.resources import resources_dir
from tests.gui.conftest import YEAR, open_form, settle

EXAMPLES = resources_dir() / "examples"


def test_skjema_7_is_compared_with_the_years_11f_records(qtbot, window, ctx):
    f11 = ctx.catalog.load("11F", YEAR)
    records = load_document(EXAMPLES / f"11F_{YEAR}_460100.txt", f11)
    records.region = "123400"
    ctx.workspace.save_draft(records)
    counselled = sum(
        1 for i in range(len(records.records))
        if records.records.value(i, "GITT_OKONOMIRAD") == "1"
    )
    page = open_form(qtbot, window, "7")
    session = window.session
    page.pane.import_answers(EXAMPLES / f"7_{YEAR}_460100.json")
    session.set_answer("KOMMUNE_NR", session.context.kommunenummer)
    page.pane.cross.wait()
    settle(qtbot, session)
    cross = [f for f in session.findings() if f.control == "K-7-OKRAD-11F"]
    assert len(cross) == 1 and cross[0].severity == "WARNING"
    said = cross[0].message("nb")
    assert str(counselled) in said and "820" in said  # both figures
    assert session.readiness().status == "unexplained", [f.message() for f in session.findings()]
    # Answering as the records say takes the warning away (checked off the UI thread).
    edit = page.questionnaire.rows["OKRAD_MED_SOSHJELP"].editor.edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, str(counselled))
    settle(qtbot, session)
    page.pane.cross.wait()
    settle(qtbot, session)
    assert not [f for f in session.findings() if f.control == "K-7-OKRAD-11F"]


def test_without_the_years_11f_there_is_no_cross_form_warning(qtbot, window):
    page = open_form(qtbot, window, "7")
    session = window.session
    page.pane.import_answers(EXAMPLES / f"7_{YEAR}_460100.json")
    page.pane.cross.wait()
    settle(qtbot, session)
    assert not page.pane.cross.active
    assert not [f for f in session.findings() if f.control.endswith("-11F")]
    assert json.dumps(session.answers)  # the form itself is untouched
