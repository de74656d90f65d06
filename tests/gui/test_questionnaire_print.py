"""Skriv ut eller lagre som PDF: the printout a caseworker keeps or shows a colleague
before submitting says each finding in the window's language, with the explanation
written for a warning (it said «WARNING K-7-…» in a bokmål printout and left the
explanation out)."""

import io

from pypdf import PdfReader

from tests.gui.conftest import open_form, settle


def _text(path) -> str:
    pages = PdfReader(io.BytesIO(path.read_bytes())).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_the_printout_has_each_findings_severity_in_norwegian_and_the_explanation(
    qtbot, window, tmp_path
):
    open_form(qtbot, window, "7")
    session = window.session
    session.set_answer("OKRAD_SAKER", 40)
    session.set_answer("OKRAD_MED_SOSHJELP", 12)
    session.set_answer("OKRAD_UTEN_SOSHJELP", 1234)
    settle(qtbot, session)
    warning = next(f for f in session.findings() if f.control == "K-7-OKRAD-SAKER")
    session.set_explanation(warning.ref, "Mange fikk kort rådgivning i en felles sak.")
    settle(qtbot, session)
    out = tmp_path / "7-utskrift.pdf"
    assert window.page.pane.print_form(out) is True
    text = _text(out)
    assert "WARNING" not in text and "ERROR" not in text
    assert "Advarsel K-7-OKRAD-SAKER" in text
    assert "Feil K-7-SKJEMA" in text  # unanswered questions of the new form
    assert "Forklaring: Mange fikk kort rådgivning i en felles sak." in text
