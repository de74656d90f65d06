"""Starting a questionnaire from last year's answers, and printing a filled form to PDF
before it is submitted (issue 10, points 4 and 6, in the window)."""

import io
import json

from pypdf import PdfReader
from PySide6.QtCore import Qt

from client.core.documents import FormDocument
from client.core.resources import resources_dir
from tests.gui.conftest import YEAR, open_form, settle

EXAMPLES = resources_dir() / "examples"


def last_years_draft(ctx, extra=None):
    """Skjema 12 for last year as a draft in the user's data folder, as the window leaves it."""
    form = ctx.catalog.load("12", YEAR - 1)
    answers = json.loads((EXAMPLES / f"12_{YEAR}_460100.json").read_text("utf-8"))
    answers["KOMMUNE_NR"] = "1234"
    answers["VEDTAK_DATO"] = "2024-01-15"
    answers["INDEKSREGULERT_DATO"] = "2025-01-01"
    # An answer to no question of this year's form, as an older definition could leave.
    document = FormDocument(form, answers={**answers, **(extra or {})}, region="123400")
    ctx.workspace.save_draft(document)
    return answers


def test_prefill_from_last_year(qtbot, window, ctx):
    last = last_years_draft(ctx, extra={"SATS_GAMMEL_ORDNING": 9100})
    page = open_form(qtbot, window, "12")
    session = window.session
    pane = page.pane
    rows = pane.view.rows
    # Offered, since last year's answers exist and this year's form is empty.
    assert pane.offer is not None and pane.offer.isVisibleTo(page)
    assert str(YEAR - 1) in pane.offer.text.text()
    pane.offer.accept.click()
    settle(qtbot, session)
    assert not pane.offer.isVisibleTo(page)
    assert session.answers["SATS_ENSLIG"] == last["SATS_ENSLIG"]
    assert session.answers["VEDTAK_DATO"] == "2024-01-15"
    assert rows["SATS_ENSLIG"].editor.edit.text() == "8\u00a0350"
    # Every answer taken from last year is marked, in words and for screen readers.
    assert rows["SATS_ENSLIG"].origin.text() == f"Som i {YEAR - 1}"
    assert rows["SATS_ENSLIG"].origin.isVisibleTo(page)
    assert f"Som i {YEAR - 1}" in rows["SATS_ENSLIG"].editor.edit.accessibleDescription()
    # An answer the user changes says what it was.
    edit = rows["SATS_ENSLIG"].editor.edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "8600")
    settle(qtbot, session)
    assert rows["SATS_ENSLIG"].origin.text() == (
        f"Endret fra {YEAR - 1} (i fjor: 8\u00a0350)"
    )
    # Last year's answer that this year's form has no question for is named, not lost.
    assert pane.dropped.isVisibleTo(page)
    assert "SATS_GAMMEL_ORDNING: 9100" in pane.dropped.text()
    assert "1 svar fra" in pane.dropped.text()
    # The whole prefill is one undo step (after the edit's own).
    session.undo.undo()
    session.undo.undo()
    assert session.answers == {"KOMMUNE_NR": "1234"}  # as opened: the unit's number


def test_prefill_from_last_years_signed_submission_in_the_archive(qtbot, window, ctx):
    """Without last year's draft, the archive's signed submission (not encrypted) is used."""
    import zipfile

    from client.core.prefill import FORM_DATA_ENTRY
    from client.core.submission.archive import ensure_archive

    answers = json.loads((EXAMPLES / f"12_{YEAR}_460100.json").read_text("utf-8"))
    folder = ensure_archive(ctx.workspace.data_dir)
    with zipfile.ZipFile(folder / f"123400_12_{YEAR - 1}_20250120T101500Z.asice", "w") as zf:
        zf.writestr("mimetype", "application/vnd.etsi.asic-e+zip")
        zf.writestr(FORM_DATA_ENTRY, json.dumps({"format": "x", "answers": answers}))
    page = open_form(qtbot, window, "12")
    assert page.pane.offer is not None
    page.pane.offer.accept.click()
    settle(qtbot, window.session)
    assert window.session.answers["SATS_PAR"] == answers["SATS_PAR"]


def test_no_offer_without_last_years_answers(qtbot, window):
    page = open_form(qtbot, window, "12")
    assert page.pane.offer is None
    assert not page.pane.dropped.isVisibleTo(page)


def test_prefill_from_a_file_that_cannot_be_read(qtbot, window, ctx, tmp_path):
    page = open_form(qtbot, window, "12")
    session = window.session
    session.set_answer("TELEFON", "55 56 00 00")
    bad = tmp_path / "fjor.json"
    bad.write_text("{ikke json", "utf-8")
    assert page.pane.start_from_last_year(bad) is False
    said = ctx.asker.texts("warn")[-1]
    assert "fjor.json" in said and "kan ikke leses" in said
    assert session.answers == {"KOMMUNE_NR": "1234", "TELEFON": "55 56 00 00"}  # nothing lost
    broken = tmp_path / "fjor.asice"
    broken.write_bytes(b"PK\x03\x04 not a container")
    assert page.pane.start_from_last_year(broken) is False
    assert "fjor.asice" in ctx.asker.texts("warn")[-1]
    assert session.answers == {"KOMMUNE_NR": "1234", "TELEFON": "55 56 00 00"}
    # Without last year's draft the button asks for a file; cancelling changes nothing.
    page.pane.prefill_button.click()
    assert session.answers == {"KOMMUNE_NR": "1234", "TELEFON": "55 56 00 00"}


def test_print_a_filled_form_to_pdf(qtbot, window, ctx, tmp_path):
    page = open_form(qtbot, window, "7B")
    session = window.session
    page.pane.import_answers(EXAMPLES / f"7B_{YEAR}_460100.json")
    settle(qtbot, session)
    out = tmp_path / "7B-utskrift.pdf"
    assert page.pane.print_form(out) is True
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Bergen krisesenter" in text  # a table's cell
    assert "39" in text and "750" in text  # the computed total, 39 750 000
    assert "ikke en kvittering" in ctx.asker.texts("offer")[-1]
    # A folder that cannot be written: said, and no file.
    missing = tmp_path / "mangler" / "x.pdf"
    assert page.pane.print_form(missing) is False
    assert "x.pdf" in ctx.asker.texts("warn")[-1]
    assert not missing.exists()


def test_a_computed_total_can_be_read_but_not_typed_over(qtbot, window):
    page = open_form(qtbot, window, "7B")
    session = window.session
    page.pane.import_answers(EXAMPLES / f"7B_{YEAR}_460100.json")
    total = page.questionnaire.rows["UTGIFT_TOTALT"].editor
    assert total.edit.isReadOnly()
    # Reachable by Tab, so a screen reader user hears it, but typing changes nothing.
    assert total.edit.focusPolicy() & Qt.FocusPolicy.TabFocus
    total.edit.setFocus()
    qtbot.keyClicks(total.edit, "5")
    assert total.edit.text() == "39\u00a0750\u00a0000"
    assert session.answers["UTGIFT_TOTALT"] == 39750000


def test_last_years_marks_stay_when_the_language_changes(qtbot, window, ctx):
    """Språk → English rebuilt the form without its «As in 2025» marks and the note on
    last year's answers that had no question (the marks should last while it is open)."""
    last_years_draft(ctx, extra={"SATS_GAMMEL_ORDNING": 9100})
    page = open_form(qtbot, window, "12")
    page.pane.offer.accept.click()
    settle(qtbot, window.session)
    window.set_language("en")
    pane = window.page.pane
    row = pane.view.rows["SATS_ENSLIG"]
    assert row.origin.text() == f"As in {YEAR - 1}"
    assert row.origin.isVisibleTo(window.page)
    assert "SATS_GAMMEL_ORDNING" in pane.dropped.text() and pane.dropped.isVisibleTo(pane)
    assert pane.offer is None


def test_a_new_questionnaire_starts_with_the_units_number_and_the_contact_person(
        qtbot, window, ctx):
    """Skjema 7's contact person, given first, is 7B's too; the kommunenummer is the unit's.
    The status line says so, and the questions show it."""
    open_form(qtbot, window, "7")
    session = window.session
    assert session.answers["KOMMUNE_NR"] == "1234"
    for name, value in (("ANSVARLIG", "Kari Nordmann"), ("EPOST", "kari@testkommune.no"),
                        ("TELEFON", "12 34 56 78")):
        session.set_answer(name, value)
    window.close_form()  # saves the draft

    page = open_form(qtbot, window, "7B")
    answers = window.session.answers
    assert (answers["KOMMUNE_NR"], answers["ANSVARLIG"], answers["TELEFON"]) == (
        "1234", "Kari Nordmann", "12 34 56 78")
    assert page.questionnaire.rows["EPOST"].editor.edit.text() == "kari@testkommune.no"
    status = window.statusBar().currentMessage()
    assert "rapporteringsenheten" in status and "skjema 7" in status
    window.grab().save("/tmp/starting_answers_7b.png")
