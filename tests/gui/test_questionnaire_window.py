"""The questionnaire window as people expect it (issue 10, point 5): dates typed or
picked, amounts grouped, messages after a visit, a character counter, Tab through the
questions, no jumping layout, answers to and from JSON."""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication

from client.core.documents import load_document
from client.core.errors import UserError
from client.core.resources import resources_dir
from tests.gui.conftest import open_form, settle

NBSP = "\u00a0"


def next_row(rows, name):
    """The question shown after `name`."""
    names = [n for n, row in rows.items() if not row.isHidden()]
    return rows[names[names.index(name) + 1]]


def leave(qtbot, row, page):
    """Move focus out of a question, as Tab or a click elsewhere does."""
    page.pane.check_button.setFocus()
    qtbot.wait(20)


def test_type_a_date(qtbot, window):
    page = open_form(qtbot, window, "12")
    session = window.session
    row = page.questionnaire.rows["VEDTAK_DATO"]
    edit = row.editor.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "15.01.2025")
    assert edit.text() == "15.01.2025"
    assert session.answers["VEDTAK_DATO"] == "2025-01-15"

    # Digits only, or without leading zeros: shown the usual way once the field is left.
    edit.clear()
    qtbot.keyClicks(edit, "03012025")
    assert session.answers["VEDTAK_DATO"] == "2025-01-03"
    leave(qtbot, row, page)
    assert edit.text() == "03.01.2025"

    # A date that does not exist is kept as typed; the message says so after the visit.
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "31.02.2025")
    settle(qtbot, session)
    assert session.answers["VEDTAK_DATO"] == "31.02.2025"
    assert not row.marker.text()  # not while typing in it
    leave(qtbot, row, page)
    settle(qtbot, session)
    assert "31.02.2025" in row.marker.text() and "finnes" in row.marker.text()
    assert edit.text() == "31.02.2025"


def test_calendar_opens_in_the_reporting_year_and_picks(qtbot, window):
    page = open_form(qtbot, window, "12")
    editor = page.questionnaire.rows["VEDTAK_DATO"].editor
    seen = {}

    def in_calendar():
        seen["year"] = editor.calendar.yearShown()
        seen["visible"] = editor.calendar.isVisible()
        editor.calendar.clicked.emit(QDate(2026, 3, 5))

    editor.edit.setFocus()
    QTimer.singleShot(200, in_calendar)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert seen == {"year": 2026, "visible": True}
    assert editor.edit.text() == "05.03.2026"
    assert window.session.answers["VEDTAK_DATO"] == "2026-03-05"
    # The button beside the field is no Tab stop and says what it does.
    assert editor.button.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert "kalender" in editor.button.toolTip().lower()
    assert editor.button.accessibleName().startswith("Åpne kalender: Når ble kommunens")


def test_amounts_grouped_as_typed(qtbot, window):
    page = open_form(qtbot, window, "12")
    session = window.session
    rows = page.questionnaire.rows
    rows["BOUTGIFT_TAK"].editor.buttons["1"].click()
    edit = rows["BOUTGIFT_TAK_BELOP"].editor.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "1234567")
    assert edit.text() == f"1{NBSP}234{NBSP}567"
    assert edit.cursorPosition() == len(edit.text())
    assert session.answers["BOUTGIFT_TAK_BELOP"] == 1234567
    # Typing in the middle keeps the cursor among the same digits.
    edit.setCursorPosition(1)
    qtbot.keyClicks(edit, "0")
    assert edit.text() == f"10{NBSP}234{NBSP}567"
    assert edit.cursorPosition() == 2
    # Backspace just after a group's space takes the digit before it.
    edit.setCursorPosition(3)  # after "10 "
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == f"1{NBSP}234{NBSP}567"
    assert session.answers["BOUTGIFT_TAK_BELOP"] == 1234567
    # A draft's amount is shown grouped too.
    session.undo.undo()
    session.undo.redo()
    assert edit.text() == f"1{NBSP}234{NBSP}567"


def test_character_counter_on_limited_text(qtbot, window):
    page = open_form(qtbot, window, "12")
    rows = page.questionnaire.rows
    rows["YTELSER_UTENFOR"].editor.boxes["99"].click()
    editor = rows["YTELSER_ANNET"].editor
    assert editor.counter.isVisibleTo(page)
    assert editor.counter.text() == "0 av 200 tegn"
    qtbot.keyClicks(editor.edit, "Grunnstønad")
    assert editor.counter.text() == "11 av 200 tegn"
    assert not editor.counter.font().bold()
    editor.edit.setPlainText("x" * 250)  # pasted: cut at the limit, which the counter says
    assert editor.counter.text() == "200 av 200 tegn"
    assert editor.counter.font().bold()
    assert window.session.answers["YTELSER_ANNET"] == "x" * 200


def test_no_wall_of_red_and_messages_after_a_visit(qtbot, window):
    page = open_form(qtbot, window, "12")
    session = window.session
    settle(qtbot, session)
    rows = page.questionnaire.rows
    assert len(session.findings()) >= 4  # the form knows what is missing
    assert all(not row.marker.text() for row in rows.values())
    # The list below holds them back too, and the bar says how many wait.
    assert page.findings.model.groups == []
    assert f"{len(session.findings())} funn for spørsmål du ikke har vært innom" in (
        page.pane.result.text()
    )
    # Visiting a question and leaving it unanswered shows its message, there and below.
    date = rows["VEDTAK_DATO"]
    date.editor.edit.setFocus()
    qtbot.keyClick(date.editor.edit, Qt.Key.Key_Tab)
    qtbot.wait(20)
    assert date.marker.text().startswith("Feil:")
    assert not rows["BOUTGIFT_TAK"].marker.text()
    listed = [f for group in page.findings.model.groups for f in group.findings]
    assert [f.field for f in listed] == ["VEDTAK_DATO"]
    # Checking the whole form shows every message and goes to the first question.
    count = page.pane.check_all()
    assert count == len(session.findings())
    shown = [name for name, row in rows.items() if row.marker.text()]
    assert set(shown) == {f.field for f in session.findings()}
    assert page.pane.result.text().startswith(f"{count} funn: se spørsmålene")
    assert sum(len(group.findings) for group in page.findings.model.groups) == count
    first_error = next(
        row for name, row in rows.items()
        if any(f.field == name and f.severity == "ERROR" for f in session.findings())
    )
    assert first_error.isAncestorOf(QApplication.focusWidget())


def test_tab_moves_from_the_blank_date_to_the_next_question(qtbot, window):
    page = open_form(qtbot, window, "12")
    rows = page.questionnaire.rows
    date = rows["VEDTAK_DATO"].editor.edit
    date.setFocus()
    qtbot.keyClick(date, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is next_row(rows, "VEDTAK_DATO").editor.inputs()[0]
    # Walking on with Tab reaches every visible question, in order.
    reached = []
    first = next(row for row in rows.values() if not row.isHidden())
    first.focus()
    for _ in range(150):
        focused = QApplication.focusWidget()
        for name, row in rows.items():
            if row.isAncestorOf(focused) and name not in reached:
                reached.append(name)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    visible = [name for name, row in rows.items() if not row.isHidden()]
    assert reached[: len(visible)] == visible or sorted(reached) == sorted(visible)
    assert set(visible) <= set(reached)


def test_a_message_does_not_move_the_questions_below(qtbot, window):
    page = open_form(qtbot, window, "12")
    session = window.session
    rows = page.questionnaire.rows
    below = next_row(rows, "VEDTAK_DATO")
    top = below.mapTo(page, below.rect().topLeft()).y()
    date = rows["VEDTAK_DATO"]
    date.editor.edit.setFocus()
    leave(qtbot, date, page)
    settle(qtbot, session)
    qtbot.wait(50)
    assert date.marker.text()
    assert below.mapTo(page, below.rect().topLeft()).y() == top
    # And it does not move back when the message goes.
    date.editor.pick(QDate(2025, 1, 15))
    settle(qtbot, session)
    qtbot.wait(50)
    assert not date.marker.text()
    assert below.mapTo(page, below.rect().topLeft()).y() == top


def test_a_longer_message_keeps_its_space_while_the_mouse_is_over_the_form(qtbot, window):
    page = open_form(qtbot, window, "12")
    session = window.session
    view = page.questionnaire
    row = view.rows["VEDTAK_DATO"]
    below = next_row(view.rows, "VEDTAK_DATO")
    row.editor.pick(QDate(2019, 1, 15))  # decided long ago: a warning to explain
    row.mark_visited()
    settle(qtbot, session)
    warning = next(f for f in session.findings() if f.field == "VEDTAK_DATO")
    session.set_explanation(warning.ref, "Satsene ble regulert\nuten nytt vedtak.")
    qtbot.wait(20)
    assert "Forklaring" in row.marker.text()
    high = row.marker.height()
    assert high > row._line
    y_before = below.mapTo(page, below.rect().topLeft()).y()

    QApplication.sendEvent(view.viewport(), _event("Enter"))
    row.editor.pick(QDate(2025, 1, 15))  # the warning goes while the pointer is over the form
    settle(qtbot, session)
    qtbot.wait(20)
    assert not row.marker.text()
    assert below.mapTo(page, below.rect().topLeft()).y() == y_before
    QApplication.sendEvent(view.viewport(), _event("Leave"))
    qtbot.wait(20)
    assert row.marker.minimumHeight() == row._line
    assert below.mapTo(page, below.rect().topLeft()).y() < y_before


def _event(kind):
    from PySide6.QtCore import QEvent

    return QEvent(getattr(QEvent.Type, kind))


def test_export_and_import_answers_as_json(qtbot, window, ctx, tmp_path):
    page = open_form(qtbot, window, "12")
    session = window.session
    example = resources_dir() / "examples" / "12_2026_460100.json"
    expected = json.loads(example.read_text("utf-8"))

    ctx.asker.files.append(example)
    window.import_action.trigger()  # Fil → Importer fil … reads answers for a questionnaire
    settle(qtbot, session)
    assert session.answers == expected
    assert page.questionnaire.rows["VEDTAK_DATO"].editor.edit.text()
    assert "lest fra" in ctx.asker.texts("inform")[-1]
    # Imported answers count as visited: their findings (if any) show at once.
    assert all(row.visited for name, row in page.questionnaire.rows.items() if name in expected)

    out = tmp_path / "svar.json"
    ctx.asker.files.append(out)
    window.export_action.trigger()
    assert json.loads(out.read_text("utf-8")) == expected
    # What the window writes, the command line reads.
    assert load_document(out, session.form).answers == expected

    # One undo step takes the whole import back.
    session.undo.undo()
    assert session.answers == {"KOMMUNE_NR": "1234"}  # as opened: the unit's number


def test_import_refuses_a_bad_file_with_the_cores_message(qtbot, window, ctx, tmp_path):
    page = open_form(qtbot, window, "12")
    session = window.session
    session.set_answer("BOUTGIFT_TAK", "2")
    for name, content in (
        ("ikke-json.json", "VEDTAK_DATO=2025-01-15"),
        ("feil-felt.json", '{"VEDTAK_DATO": "2025-01-15", "UKJENT_FELT": 1}'),
        ("liste.json", "[1, 2]"),
    ):
        path = tmp_path / name
        path.write_text(content, "utf-8")
        try:
            load_document(path, session.form)
        except UserError as error:
            expected = error.message("nb")
        assert page.pane.import_answers(path) is False
        assert ctx.asker.texts("warn")[-1] == expected
        assert session.answers == {"KOMMUNE_NR": "1234", "BOUTGIFT_TAK": "2"}  # nothing lost


def test_export_to_a_folder_that_cannot_be_written(qtbot, window, ctx, tmp_path):
    page = open_form(qtbot, window, "12")
    window.session.set_answer("BOUTGIFT_TAK", "2")
    target = tmp_path / "finnes-ikke" / "svar.json"
    assert page.pane.export_answers(target) is False
    assert "svar.json" in ctx.asker.texts("warn")[-1]
    assert not Path(target).exists()


def test_a_short_answer_looks_short(qtbot, window):
    page = open_form(qtbot, window, "12")
    rows = page.questionnaire.rows
    digit = rows["KOMMUNE_NR"].fontMetrics().horizontalAdvance("0")
    # Kommunenummer is four digits (its pattern), so its field is not as wide as an e-mail's.
    assert rows["KOMMUNE_NR"].editor.edit.maximumWidth() <= digit * 8
    assert rows["EPOST"].editor.edit.maximumWidth() > digit * 40


def _mnemonics(window) -> dict[str, list[str]]:
    """Alt+letter → the visible buttons, labels with a buddy and menu-bar entries that
    claim it. Two claims make Qt only move focus between them: Alt+K no longer checks."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    def letter(text: str) -> str | None:
        at = text.replace("&&", "").find("&")
        return text.replace("&&", "")[at + 1].lower() if at >= 0 else None

    claims: dict[str, list[str]] = {}
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [b.text() for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    texts += [lab.text() for lab in window.findChildren(QLabel)
              if lab.buddy() is not None and lab.isVisibleTo(window)]
    for text in texts:
        key = letter(text)
        if key:
            claims.setdefault(key, []).append(text)
    return claims


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("form_id", ["7", "12"])
def test_alt_letters_on_a_questionnaire_are_unique(qtbot, window, lang, form_id):
    window.set_language(lang)
    open_form(qtbot, window, form_id)
    clashes = {k: v for k, v in _mnemonics(window).items() if len(v) > 1}
    assert not clashes


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_alt_letters_are_unique_with_last_years_offer(qtbot, window, ctx, lang):
    """The offer to start from last year (&Start …) took Alt+S from the Språk menu."""
    from tests.gui.test_questionnaire_prefill import last_years_draft

    last_years_draft(ctx)
    window.set_language(lang)
    page = open_form(qtbot, window, "12")
    assert page.pane.offer is not None and page.pane.offer.isVisibleTo(window)
    clashes = {k: v for k, v in _mnemonics(window).items() if len(v) > 1}
    assert not clashes
