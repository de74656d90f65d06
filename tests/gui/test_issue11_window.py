"""Issue 11 in the window: nothing to report, "Set to 0" on a netto amount, the archive."""

import zipfile

import pytest
from pypdf import PdfReader

from client.core.forms.catalog import FormCatalog
from client.core.records.fixedwidth import write_record_file
from client.core.records.recordset import RecordSet
from client.core.submission.archive import archive_dir
from client.core.submission.verify import verify_file
from synthetic import clean_records
from tests.gui.conftest import REGION_UNIT, YEAR, open_form, settle

REGION = REGION_UNIT.region


@pytest.fixture(scope="module")
def form():
    return FormCatalog().load("11F", YEAR)


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


def wait_done(qtbot, page, operation):
    assert operation is not None
    operation.wait(60)
    qtbot.waitUntil(lambda: page._operation is None, timeout=10000)


def test_nothing_to_report_signs_the_one_space_file_and_the_overview_says_so(
    qtbot, window, ctx, tmp_path, form
):
    records = list(clean_records(form, 3, REGION))
    path = tmp_path / "in.txt"
    write_record_file(path, RecordSet.from_records(form, records))
    page = import_records(qtbot, window, path)
    assert page.nothing_button is not None and page.nothing_button.isVisible()
    out = tmp_path / "ut"
    out.mkdir()
    asker = ctx.asker
    asker.choices = [1]  # no key yet: a test certificate
    asker.folders = [out]
    wait_done(qtbot, page, page.submit_nothing_to_report())
    (question,) = asker.texts("confirm")[-1:]
    assert "3 poster" in question and "utkastet" in question  # the draft's records stay
    assert not asker.texts("warn"), asker.texts("warn")
    (container,) = out.glob("*.asice")
    assert verify_file(container).valid
    with zipfile.ZipFile(container) as archive:
        (data,) = [n for n in archive.namelist() if n.endswith(".txt")]
        assert archive.read(data) == b" "
    (receipt,) = out.glob("*.pdf")
    assert "Ingenting å rapportere" in "".join(p.extract_text() for p in PdfReader(receipt).pages)
    assert len(window.session.records) == 3  # the draft is untouched
    # A copy of both files is kept in the archive in the data folder.
    kept = archive_dir(ctx.workspace.data_dir)
    assert (kept / container.name).read_bytes() == container.read_bytes()
    assert (kept / receipt.name).is_file()

    window.close_form()
    entry = next(e for e in window.overview.model.entries if e.form_id == "11F")
    assert entry.status.state == "signed" and entry.status.nothing_to_report
    row = window.overview.model.entries.index(entry)
    shown = window.overview.model.data(window.overview.model.index(row, 2))
    assert shown == "Signert: ingenting å rapportere"


def test_no_nothing_to_report_for_a_questionnaire(qtbot, window):
    page = open_form(qtbot, window, "12")
    assert page.nothing_button is None
    assert page.submit_nothing_to_report() is None


def test_declining_nothing_to_report_writes_nothing(qtbot, window, ctx, tmp_path):
    page = open_form(qtbot, window, "11CF")
    ctx.asker.confirm_answer = False
    assert page.submit_nothing_to_report() is None
    assert not list(archive_dir(ctx.workspace.data_dir).glob("*.asice"))


def test_set_to_zero_on_a_netto_amount_keeps_the_explanation(qtbot, window, form, tmp_path):
    records = list(clean_records(form, 5, REGION))
    records[2]["BIDRAG"] = "-1500"
    path = tmp_path / "in.txt"
    write_record_file(path, RecordSet.from_records(form, records))
    page = import_records(qtbot, window, path)
    session, panel = window.session, page.findings
    netto = next(f for f in session.findings() if f.control == "K-NETTO")
    assert netto.line == 3 and netto.field == "BIDRAG"
    other = next((f for f in session.findings() if f.control != "K-NETTO"), None)
    if other is not None:
        panel.select(other)
        assert not panel.fix_button.isVisibleTo(panel)
    panel.select(netto)
    assert panel.fix_button.isVisibleTo(panel)
    panel.explanation.setPlainText("Tilbakebetalt forskudd")  # typed, not yet committed
    panel.fix_button.click()
    settle(qtbot, session)
    assert session.records.value(2, "BIDRAG") == "0"
    assert not [f for f in session.findings() if f.control == "K-NETTO"]
    assert session.explanations[netto.ref] == "Tilbakebetalt forskudd"
    session.undo.undo()  # the amount comes back, and with it the explained warning
    settle(qtbot, session)
    assert session.records.value(2, "BIDRAG") == "-1500"
    back = next(f for f in session.findings() if f.control == "K-NETTO")
    assert back.ref == netto.ref and session.explanations[back.ref] == "Tilbakebetalt forskudd"
