"""Filling in skjema 12: widgets from the definition, conditional questions, findings."""

import json
from pathlib import Path

from PySide6.QtCore import Qt

from client.gui.widgets import (
    AmountEditor,
    CheckboxesEditor,
    DateEditor,
    RadioEditor,
    TextAreaEditor,
)
from tests.gui.conftest import open_form, settle

ROOT = Path(__file__).resolve().parents[2]


def test_fill_in_skjema_12(qtbot, window, ctx):
    page = open_form(qtbot, window, "12")
    view = page.questionnaire
    session = window.session
    rows = view.rows
    assert isinstance(rows["VEDTAK_DATO"].editor, DateEditor)
    assert isinstance(rows["UTGIFTER_I_SATS"].editor, CheckboxesEditor)
    assert isinstance(rows["BOUTGIFT_TAK"].editor, RadioEditor)
    assert isinstance(rows["BOUTGIFT_TAK_BELOP"].editor, AmountEditor)
    assert isinstance(rows["YTELSER_ANNET"].editor, TextAreaEditor)
    # Conditional questions start hidden.
    assert rows["BOUTGIFT_TAK_BELOP"].isHidden()
    assert rows["YTELSER_ANNET"].isHidden()
    settle(qtbot, session)
    assert session.readiness().status == "errors"

    # Skjema 12 has 23 questions since issue 10; the ones this test does not type are
    # answered as in the example, through the session.
    example = json.loads((ROOT / "resources" / "examples" / "12_2026_460100.json").read_text())
    typed = {"VEDTAK_DATO", "UTGIFTER_I_SATS", "YTELSER_UTENFOR", "YTELSER_ANNET",
             "BOUTGIFT_TAK", "BOUTGIFT_TAK_BELOP"}
    rest = {k: v for k, v in example.items() if k not in typed}
    rest["KOMMUNE_NR"] = session.context.kommunenummer  # the window's reporting unit
    for name, value in rest.items():
        session.set_answer(name, value)

    date = rows["VEDTAK_DATO"].editor.edit
    date.setFocus()
    qtbot.keyClicks(date, "15.01.2025")
    box = rows["UTGIFTER_I_SATS"].editor.boxes["01"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # by keyboard
    rows["UTGIFTER_I_SATS"].editor.boxes["02"].click()
    rows["YTELSER_UTENFOR"].editor.boxes["99"].click()
    assert not rows["YTELSER_ANNET"].isHidden()
    qtbot.keyClicks(rows["YTELSER_ANNET"].editor.edit, "Grunnstønad")
    rows["BOUTGIFT_TAK"].editor.buttons["1"].click()
    assert not rows["BOUTGIFT_TAK_BELOP"].isHidden()
    amount = rows["BOUTGIFT_TAK_BELOP"].editor.edit
    amount.setFocus()
    qtbot.keyClicks(amount, "11500")
    rows["VEDTAK_DATO"].editor.edit.setFocus()  # leaving the field shows digit grouping
    assert amount.text() == "11\u00a0500"
    settle(qtbot, session)

    assert session.answers == {
        **rest,
        "VEDTAK_DATO": "2025-01-15",
        "UTGIFTER_I_SATS": ["01", "02"],
        "YTELSER_UTENFOR": ["99"],
        "YTELSER_ANNET": "Grunnstønad",
        "BOUTGIFT_TAK": "1",
        "BOUTGIFT_TAK_BELOP": 11500,
    }
    assert session.findings() == []
    assert session.readiness().status == "ready"
    assert "Klart til innsending" in page.findings.readiness.text()

    # Hiding a question keeps its answer in the draft but leaves it out of the checks.
    rows["BOUTGIFT_TAK"].editor.buttons["2"].click()
    assert rows["BOUTGIFT_TAK_BELOP"].isHidden()
    settle(qtbot, session)
    assert session.findings() == []

    # Undo brings the amount question back.
    session.undo.undo()
    assert not rows["BOUTGIFT_TAK_BELOP"].isHidden()
    assert rows["BOUTGIFT_TAK"].editor.value() == "1"


def test_missing_answer_is_marked_at_the_question_with_text(qtbot, window):
    page = open_form(qtbot, window, "12")
    settle(qtbot, window.session)
    row = page.questionnaire.rows["VEDTAK_DATO"]
    assert not row.marker.text()  # not visited yet: no wall of red on an empty form
    page.pane.check_all()
    assert row.marker.isVisibleTo(page)
    assert row.marker.text().startswith("Feil:")
    assert "Feil:" in row.editor.focus_widget().accessibleDescription()
    # Activating the finding focuses the question's widget.
    finding = next(f for f in window.session.findings() if f.field == "VEDTAK_DATO")
    page.findings.activated.emit(finding)
    qtbot.waitUntil(
        lambda: row.editor.edit.hasFocus() or window.focusWidget() is row.editor.edit, timeout=3000
    )


def test_every_input_has_its_question_as_accessible_name(qtbot, window):
    page = open_form(qtbot, window, "12")
    for row in page.questionnaire.rows.values():
        for widget in row.editor.inputs():
            assert widget.accessibleName().startswith(row.question)


def test_help_for_a_question(qtbot, window, ctx):
    page = open_form(qtbot, window, "12")
    row = page.questionnaire.rows["VEDTAK_DATO"]
    row.help_button.click()
    title, text = ctx.asker.said[-1][1:]
    assert title == row.question
    assert "indeksreguleres" in text
    row.focus()
    page.show_help()  # what F1 does
    assert ctx.asker.said[-1][1] == row.question


def test_skjema_7_and_7b_open_with_tables_and_totals_shown(qtbot, window):
    from client.gui.table_editor import ComputedEditor, TableEditor
    from client.gui.widgets import NumberEditor

    for form_id in ("7", "7B"):
        page = open_form(qtbot, window, form_id)
        session = window.session
        example = json.loads(
            (ROOT / "resources" / "examples" / f"{form_id}_2026_460100.json").read_text())
        example["KOMMUNE_NR"] = session.context.kommunenummer
        table = "PERSONELL" if form_id == "7" else "KRISESENTRE"
        total = "PERSONELL_ANSATTE" if form_id == "7" else "UTGIFT_TOTALT"
        for name, value in example.items():
            if name != total:
                session.set_answer(name, value)
        settle(qtbot, session)
        rows = page.questionnaire.rows
        assert isinstance(rows[table].editor, TableEditor)
        assert isinstance(rows[total].editor, ComputedEditor)
        assert rows[total].editor.edit.text()  # the total is shown, computed
        cells = [
            item.text()
            for item in rows[table].editor.table.findItems("", Qt.MatchFlag.MatchContains)
        ]
        assert session.findings() == [], [f.message() for f in session.findings()]
        if form_id == "7":
            assert isinstance(rows["OKRAD_ARSVERK"].editor, NumberEditor)
            assert any("Vernepleier" in text for text in cells)
        else:
            assert "Bergen krisesenter" in cells
