"""Tables (repeating groups), computed totals and "nothing to report" in the window, on
a small test form (tests/data/table_form) installed in the test's data folder."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from client.gui.table_editor import ComputedEditor, TableEditor
from tests.gui.conftest import YEAR, open_form, settle

FORM_DIR = Path(__file__).resolve().parents[1] / "data" / "table_form" / str(YEAR) / "T"
NBSP = "\u00a0"


@pytest.fixture
def table_page(qtbot, ctx, window):
    shutil.copytree(FORM_DIR, ctx.workspace.data_dir / "forms" / str(YEAR) / "T")
    return open_form(qtbot, window, "T")


def test_table_and_total_editors(table_page):
    rows = table_page.questionnaire.rows
    assert isinstance(rows["SENTRE"].editor, TableEditor)
    assert isinstance(rows["UTGIFT_TOTALT"].editor, ComputedEditor)
    table = rows["SENTRE"].editor.table
    headers = [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
    assert headers == ["Senter *", "Drift *", "Utgift (kr) *", "Avtale fra"]
    assert not table.tabKeyNavigation()  # Tab leaves the table


def test_add_copy_and_remove_rows(qtbot, window, table_page):
    session = window.session
    editor = table_page.questionnaire.rows["SENTRE"].editor
    table = editor.table
    editor.add_button.click()
    assert table.rowCount() == 1 and table.currentRow() == 0
    # Type the cells as a user does: the editor opens on a key, Enter commits.
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClicks(table.viewport().focusWidget() or table, "")
    table.editItem(table.item(0, 0))
    qtbot.keyClicks(QApplication.focusWidget(), "Krisesenteret i Vest")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    table.setCurrentCell(0, 2)
    table.editItem(table.item(0, 2))
    qtbot.keyClicks(QApplication.focusWidget(), "1250000")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    table.setCurrentCell(0, 1)
    table.editItem(table.item(0, 1))
    combo = QApplication.focusWidget()
    combo.setCurrentIndex(combo.findData("2"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    settle(qtbot, session)
    assert session.answers["SENTRE"] == [
        {"NAVN": "Krisesenteret i Vest", "UTGIFT": 1250000, "DRIFT": "2"}
    ]
    assert table.item(0, 2).text() == f"1{NBSP}250{NBSP}000"
    assert table.item(0, 1).text() == "Interkommunalt"

    table.setCurrentCell(0, 0)
    editor.copy_button.click()
    assert table.rowCount() == 2 and table.currentRow() == 1
    assert session.answers["SENTRE"][1] == session.answers["SENTRE"][0]
    editor.add_button.click()
    assert table.rowCount() == 3
    table.setCurrentCell(0, 0)
    editor.remove_button.click()
    assert table.rowCount() == 2
    assert len(session.answers["SENTRE"]) == 2
    # Each change is one undo step.
    session.undo.undo()
    assert len(session.answers["SENTRE"]) == 3 and table.rowCount() == 3
    # At most maxItems rows: adding stops there.
    for _ in range(5):
        editor.add_button.click()
    assert table.rowCount() == 5
    assert not editor.add_button.isEnabled() and not editor.paste_button.isEnabled()
    assert "høyst 5" in editor.count.text()
    # Removing every row leaves the table unanswered, not an empty list.
    table.selectAll()
    editor.remove_button.click()
    assert "SENTRE" not in session.answers


def test_paste_rows_from_a_spreadsheet(qtbot, window, table_page):
    session = window.session
    page = table_page
    editor = page.questionnaire.rows["SENTRE"].editor
    text = (
        "Senter\tDrift\tUtgift (kr)\tAvtale fra\n"
        "Krisesenteret i Vest\tInterkommunalt\t1 250 000\t01.01.2026\n"
        "Bergen krisesenter\t1\t300000\t15.03.2026\n"
    )
    QGuiApplication.clipboard().setText(text)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, session)
    assert session.answers["SENTRE"] == [
        {"NAVN": "Krisesenteret i Vest", "DRIFT": "2", "UTGIFT": 1250000, "FRA": "2026-01-01"},
        {"NAVN": "Bergen krisesenter", "DRIFT": "1", "UTGIFT": 300000, "FRA": "2026-03-15"},
    ]
    assert editor.table.item(1, 3).text() == "15.03.2026"
    assert "2 rader limt inn" in editor.paste_note.text()
    assert "kunne ikke leses" not in editor.paste_note.text()
    # The total is computed and shown read-only.
    total = page.questionnaire.rows["UTGIFT_TOTALT"].editor
    assert total.edit.text() == f"1{NBSP}550{NBSP}000"
    assert total.edit.isReadOnly()
    assert session.answers["UTGIFT_TOTALT"] == 1550000
    # One undo step takes the paste back, total and all.
    session.undo.undo()
    assert "SENTRE" not in session.answers and "UTGIFT_TOTALT" not in session.answers
    assert editor.table.rowCount() == 0 and total.edit.text() == ""


def test_paste_with_bad_cells_says_which_and_keeps_the_rest(qtbot, window, table_page):
    session = window.session
    editor = table_page.questionnaire.rows["SENTRE"].editor
    editor.add_row({"NAVN": "Allerede her", "DRIFT": "1", "UTGIFT": 5})
    added, problems = editor.paste(
        "Senter A\tegen\t12a\t31.02.2026\nSenter B\t2\t1 000\t\n"
    )
    settle(qtbot, session)
    assert added == 2
    note = editor.paste_note.text()
    assert len(problems) == 3
    assert "3 celler kunne ikke leses" in note
    # Rows are numbered as in the table (the pasted rows follow the one already there).
    assert "Rad 2, Drift: «egen» er ikke et av svaralternativene." in note
    assert "Rad 2, Utgift (kr): «12a» er ikke et heltall." in note
    assert "Rad 2, Avtale fra: «31.02.2026» er ikke en dato (dd.mm.åååå)." in note
    rows = session.answers["SENTRE"]
    assert rows[1] == {"NAVN": "Senter A"}  # bad cells are left blank, named above
    assert rows[2] == {"NAVN": "Senter B", "DRIFT": "2", "UTGIFT": 1000}
    # A clipboard without rows is said plainly and changes nothing.
    before = list(session.answers["SENTRE"])
    assert editor.paste("") == (0, [])
    assert "ingen rader" in editor.paste_note.text()
    assert session.answers["SENTRE"] == before


def test_cell_findings_are_marked_and_reached(qtbot, window, table_page):
    session = window.session
    page = table_page
    editor = page.questionnaire.rows["SENTRE"].editor
    editor.paste("Senter A\t1\t\nSenter B\t\t200\n")
    page.pane.check_all()
    settle(qtbot, session)
    missing = [f for f in session.findings() if f.field == "SENTRE"]
    assert {(f.row, f.column) for f in missing} >= {(1, "UTGIFT"), (2, "DRIFT")}
    item = editor.table.item(0, 2)
    assert not item.icon().isNull()
    assert "ikke besvart" in item.toolTip()
    assert "ikke besvart" in item.data(Qt.ItemDataRole.AccessibleTextRole)
    assert editor.table.item(0, 0).icon().isNull()
    # Activating the finding goes to its cell.
    finding = next(f for f in missing if (f.row, f.column) == (2, "DRIFT"))
    page.findings.activated.emit(finding)
    assert (editor.table.currentRow(), editor.table.currentColumn()) == (1, 1)


def test_nothing_to_report_hides_the_section(qtbot, window, table_page):
    session = window.session
    rows = table_page.questionnaire.rows
    rows["VOKSNE"].editor.edit.setFocus()
    qtbot.keyClicks(rows["VOKSNE"].editor.edit, "12")
    qtbot.keyClicks(rows["BARN"].editor.edit, "4")
    settle(qtbot, session)
    assert rows["TOTALT"].editor.edit.text() == "16"
    assert session.answers["TOTALT"] == 16
    rows["INGEN"].editor.box.click()
    settle(qtbot, session)
    assert all(rows[n].isHidden() for n in ("VOKSNE", "BARN", "TOTALT"))
    assert not rows["INGEN"].isHidden()
    assert not any(f.field in ("VOKSNE", "BARN") for f in session.findings())


def test_paste_beyond_the_tables_limit_and_clear_cells(qtbot, window, table_page):
    session = window.session
    editor = table_page.questionnaire.rows["SENTRE"].editor
    text = "".join(f"Senter {n}\t1\t{n}00\n" for n in range(1, 8))
    added, problems = editor.paste(text)
    assert (added, problems) == (5, [])
    assert len(session.answers["SENTRE"]) == 5
    assert "2 rader fikk ikke plass: tabellen har plass til 5." in editor.paste_note.text()
    # Delete clears the chosen cells (not the computed total, not the row).
    editor.table.setFocus()
    editor.table.setCurrentCell(0, 2)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    settle(qtbot, session)
    assert session.answers["SENTRE"][0] == {"NAVN": "Senter 1", "DRIFT": "1"}
    assert session.answers["UTGIFT_TOTALT"] == 200 + 300 + 400 + 500


def test_add_and_copy_row_by_keyboard_put_the_cursor_in_the_new_row(qtbot, window, table_page):
    """A keyboard user presses Legg til rad (Space) and types: the typing goes into the new
    row, not onto the button (Shift+Tab back into the table was needed)."""
    editor = table_page.questionnaire.rows["SENTRE"].editor
    window.activateWindow()
    editor.add_button.setFocus()
    qtbot.waitUntil(editor.add_button.hasFocus)
    qtbot.keyClick(editor.add_button, Qt.Key.Key_Space)
    assert editor.table.rowCount() == 1
    qtbot.waitUntil(editor.table.hasFocus)
    assert (editor.table.currentRow(), editor.table.currentColumn()) == (0, 0)
    qtbot.keyClicks(editor.table, "S")  # the first key opens the cell's editor
    qtbot.keyClicks(QApplication.focusWidget(), "enter Nord")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle(qtbot, window.session)
    assert window.session.answers["SENTRE"] == [{"NAVN": "Senter Nord"}]
    editor.copy_button.setFocus()
    qtbot.keyClick(editor.copy_button, Qt.Key.Key_Space)
    assert editor.table.rowCount() == 2
    qtbot.waitUntil(editor.table.hasFocus)
    assert editor.table.currentRow() == 1


def test_paste_after_legg_til_rad_fills_the_empty_row(qtbot, window, table_page):
    """Legg til rad, then Ctrl+V: the rows go into the empty row just added, not after it
    (an empty first row was left behind, with "required" errors for each of its cells)."""
    session = window.session
    editor = table_page.questionnaire.rows["SENTRE"].editor
    editor.add_row({"NAVN": "Senter Sør"})
    editor.add_row()
    editor.add_row()
    text = "Senter Vest\t1\t100\t\nSenter Nord\t2\tx\t\n"
    added, problems = editor.paste(text)
    settle(qtbot, session)
    assert added == 2
    assert [r.get("NAVN") for r in session.answers["SENTRE"]] == [
        "Senter Sør", "Senter Vest", "Senter Nord",
    ]
    # The unreadable cell is named by its row as the table now numbers it.
    assert [p.row for p in problems] == [3]
    assert "Rad 3" in editor.paste_note.text()
    # A paste that reads no row leaves the empty rows alone.
    editor.add_row()
    editor.paste("\n\n")
    assert editor.table.rowCount() == 4


def test_a_paste_note_goes_when_the_table_is_replaced(qtbot, window, table_page):
    """The note under the table about the last paste ("Rad 1, Drift: … kunne ikke leses")
    went on standing after an import or undo had replaced the rows it spoke of."""
    session = window.session
    editor = table_page.questionnaire.rows["SENTRE"].editor
    editor.paste("Senter Vest\tukjent drift\t100\t\n")
    settle(qtbot, session)
    assert editor.paste_note.isVisibleTo(editor)
    session.undo.undo()
    settle(qtbot, session)
    assert editor.table.rowCount() == 0
    assert not editor.paste_note.isVisibleTo(editor)
    # Also when new answers come in (an import, last year's answers).
    editor.paste("Senter Vest\tukjent drift\t100\t\n")
    settle(qtbot, session)
    session.set_answer("SENTRE", [{"NAVN": "Senter Nord", "DRIFT": "1", "UTGIFT": 5}])
    settle(qtbot, session)
    assert not editor.paste_note.isVisibleTo(editor)
