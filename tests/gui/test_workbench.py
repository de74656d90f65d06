"""Issue 13: the record table (short labels, frozen columns, sorting, filters, Enter in
Søk), the findings list (grouped by control, 002 folded in, duplicates' other lines, F8),
and explaining many warnings at once."""

import pytest
from PySide6.QtCore import Qt

from client.core.forms.catalog import FormCatalog
from client.core.records.fixedwidth import write_record_file
from client.core.records.recordset import RecordSet
from synthetic import clean_records
from tests.gui.conftest import YEAR, open_form, settle

REGION = "123400"


@pytest.fixture(scope="module")
def form():
    return FormCatalog().load("11F", YEAR)


def load(qtbot, window, tmp_path, form, records):
    path = tmp_path / "in.txt"
    write_record_file(path, RecordSet.from_records(form, records))
    page = open_form(qtbot, window, "11F")
    operation = page.import_file(path)
    qtbot.waitUntil(lambda: bool(window.session.records), timeout=20000)
    operation.wait(10)
    settle(qtbot, window.session)
    return page


def test_table_labels_frozen_sort_filter_search(qtbot, window, form, tmp_path):
    records = list(clean_records(form, 30, REGION))
    for i, record in enumerate(records):
        record["SAKSBEHANDLER"] = "ANNE" if i % 3 == 0 else "BJØRN"
        record["BIDRAG"] = str([900, 15000, 2000][i % 3])
    records[4]["BIDRAG"] = "2000"  # ties keep file order
    records[7]["KJONN"] = "3"  # an error on line 8
    page = load(qtbot, window, tmp_path, form, records)
    table = page.records.table
    model = page.records.model

    # Short Norwegian labels, SSB's name and the question in the tooltip.
    headers = {
        model.headerData(c, Qt.Orientation.Horizontal): model.headerData(
            c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
        )
        for c in range(model.columnCount())
    }
    assert "Journalnr." in headers and "Saksbehandler" in headers and "Bidrag" in headers
    assert headers["Bidrag"].startswith("BIDRAG: Hva fikk mottakeren")
    assert not any(name == "PERSON_JOURNALNR" for name in headers)

    # Linje, Funn, journalnummer and saksbehandler stay visible when scrolled sideways.
    assert table.count == 4
    frozen = [c for c in range(model.columnCount()) if not table.frozen.isColumnHidden(c)]
    assert frozen == [0, 1, 2, 3]
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Journalnr."
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    assert table.frozen.isVisible() and table.frozen.geometry().width() == table.frozen_width()

    # Stable sort by amount, as numbers.
    column = model.fields.index("BIDRAG") + 2
    table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    order = [model.record_at(r) for r in range(model.rowCount())]
    amounts = [int(window.session.records.value(i, "BIDRAG")) for i in order]
    assert amounts == sorted(amounts)
    twos = [i for i in order if window.session.records.value(i, "BIDRAG") == "2000"]
    assert twos == sorted(twos) and 4 in twos  # equal amounts keep file order
    table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert int(window.session.records.value(model.record_at(0), "BIDRAG")) == 15000
    # Selecting a record keeps working through the sorted proxy.
    assert page.records.select_record(7)
    assert page.records.current_record() == 7 and page.records.editor.index == 7

    # Filters: caseworker, severity, control.
    records_page = page.records
    at = records_page.caseworker_filter.findData("ANNE")
    records_page.caseworker_filter.setCurrentIndex(at)
    assert model.rowCount() == 10
    records_page.caseworker_filter.setCurrentIndex(0)
    records_page.severity_filter.setCurrentIndex(records_page.severity_filter.findData("ERROR"))
    assert [model.record_at(r) for r in range(model.rowCount())] == [7]
    records_page.severity_filter.setCurrentIndex(0)
    controls = [
        records_page.control_filter.itemData(i)
        for i in range(1, records_page.control_filter.count())
    ]
    assert "08" in controls
    records_page.control_filter.setCurrentIndex(records_page.control_filter.findData("08"))
    assert model.rowCount() == 1
    records_page.clear_filters()
    assert model.rowCount() == 30

    # Enter in Søk selects the next hit, from the top again after the last.
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    records_page.search.setText("BJØRN")
    qtbot.keyClick(records_page.search, Qt.Key.Key_Return)
    first = records_page.current_record()
    qtbot.keyClick(records_page.search, Qt.Key.Key_Return)
    second = records_page.current_record()
    assert first == 1 and second == 2
    assert window.session.records.value(second, "SAKSBEHANDLER") == "BJØRN"


def test_findings_grouped_merged_duplicates_f8(qtbot, window, form, tmp_path):
    records = list(clean_records(form, 12, REGION))
    records[2]["KJONN"] = "3"  # 08 and the general 002 on the same field
    records[5]["KJONN"] = "3"
    records[9]["PERSON_JOURNALNR"] = records[3]["PERSON_JOURNALNR"]  # 05B on lines 4, 10
    page = load(qtbot, window, tmp_path, form, records)
    panel = page.findings
    session = window.session
    assert any(f.control == "002" for f in session.findings())  # still there for SSB
    controls = [g.control for g in panel.model.groups]
    assert "002" not in controls and "08" in controls
    group = next(g for g in panel.model.groups if g.control == "08")
    assert len(group.findings) == 2 and group.merged == 2
    text = panel.model.data(panel.model.index(controls.index("08"), 0))
    assert text.startswith("08 Kjønn: 2 poster") and "002" in text

    duplicate = next(g for g in panel.model.groups if g.control == "05B")
    on_four = next(f for f in duplicate.findings if f.line == 4)
    assert "(også linje 10)" in panel.model.finding_text(on_four)

    # F8 from the start goes to the first finding, and on; Shift+F8 back.
    first = panel.step(1)
    assert first is not None and page.records.editor.index == first.line - 1
    second = panel.step(1)
    assert panel.step(-1) == first and second != first
    page.records.table.setFocus()
    qtbot.keyClick(page.records.table, Qt.Key.Key_F8)
    assert panel.model.finding(panel.view.currentIndex()) == second
    # The full message is readable beside the list, wrapped.
    assert second.message("nb") in panel.detail.text() and panel.detail.wordWrap()

    # Selecting a record scrolls its editor to the record's first finding.
    editor = page.records.editor
    editor.verticalScrollBar().setValue(0)
    page.records.select_record(2)
    assert editor.scroll_to_first_finding() == "KJONN"


def test_explain_all_lines_of_a_control(qtbot, window, form, tmp_path):
    records = list(clean_records(form, 10, REGION))
    for i in (1, 4, 6):
        records[i]["BIDRAG"] = "1500000"  # control 30 warns above 1 000 000 kr
    page = load(qtbot, window, tmp_path, form, records)
    session = window.session
    panel = page.findings
    warnings = [f for f in session.findings() if f.control == "30"]
    assert len(warnings) == 3
    panel.select(warnings[0])
    panel.explanation.setPlainText("Engangsutbetaling etter brann.")
    assert panel.explain_all.isVisible() or not panel.isVisible()
    assert panel.explain_all.isEnabled()
    assert panel.explain_all_of_control() == 3
    settle(qtbot, session)
    for finding in warnings:  # each line keeps its own explanation
        assert session.explanations[finding.ref] == "Engangsutbetaling etter brann."
    assert not [f for f in session.readiness().unexplained if f.control == "30"]
    session.undo.undo()
    assert sum(1 for f in warnings if f.ref in session.explanations) == 1


def test_an_empty_record_form_is_not_ready(qtbot, window, ctx):
    page = open_form(qtbot, window, "11F")
    settle(qtbot, window.session)
    assert window.session.findings() == []
    assert "tomt" in page.findings.readiness.text()
    assert window.session.status().state == "draft"
    assert page.submit() is None
    assert "tomt" in ctx.asker.texts("warn")[-1]


def test_signed_with_time_delivery_route_folder_and_no_pdf_viewer(
    qtbot, window, ctx, tmp_path, monkeypatch
):
    import datetime as dt

    from client.gui import form_page
    from tests.gui.test_submit import fill_skjema_12, run_submit, status_in_overview

    opened = []
    monkeypatch.setattr(form_page, "open_path", lambda path: opened.append(path) or False)
    ctx.clock = lambda: dt.datetime(2026, 12, 2, 13, 5, tzinfo=dt.UTC)
    page = fill_skjema_12(qtbot, window)
    out = tmp_path / "ut"
    out.mkdir()
    ctx.asker.choices = [1]  # create a test certificate
    ctx.asker.folders = [out]
    ctx.asker.action_answers = [1]  # "Open folder", which this system cannot
    run_submit(qtbot, page)
    (message,) = ctx.asker.texts("actions")
    assert "KOSTRA-portal" in message
    assert "https://www.ssb.no/innrapportering/kostra-innrapportering" in message
    assert "Åpne &mappen" in message and "&Åpne kvitteringen" in message
    assert opened == [out]
    assert "Filene ligger i" in ctx.asker.texts("warn")[-1]
    # Signed, with the time in Norwegian time, in the panel and in the overview.
    assert "Signert 02.12.2026 kl. 14:05" in page.findings.readiness.text()
    window.close_form()
    assert status_in_overview(window, "12") == "signed"
    entry = next(e for e in window.overview.model.entries if e.form_id == "12")
    row = window.overview.model.entries.index(entry)
    assert window.overview.model.data(window.overview.model.index(row, 2)) == (
        "Signert 02.12.2026 kl. 14:05"
    )
    # Reopened, it still says so; the receipt with no PDF reader says what to do.
    page = open_form(qtbot, window, "12")
    assert "Signert 02.12.2026" in page.findings.readiness.text()
    page._cannot_open(out / "x_kvittering.pdf", is_pdf=True)
    assert "PDF-leser" in ctx.asker.texts("warn")[-1]


def test_many_lines_set_replace_paste_merge(qtbot, window, form, tmp_path):
    from PySide6.QtCore import QItemSelectionModel

    records = list(clean_records(form, 8, REGION))
    records[5]["PERSON_JOURNALNR"] = records[2]["PERSON_JOURNALNR"]  # 05B: the same person
    records[5]["PERSON_FODSELSNR"] = records[2]["PERSON_FODSELSNR"]
    records[2]["BIDRAG"], records[5]["BIDRAG"] = "10000", "2500"
    records[5]["SAKSBEHANDLER"] = "ANNEN"
    page = load(qtbot, window, tmp_path, form, records)
    session = window.session
    rp = page.records

    def select(*indexes):
        selection = rp.table.selectionModel()
        selection.clear()
        for i in indexes:
            selection.select(
                rp.model.index(rp.model.row_of(i), 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )

    # A field on the selected lines, one undo step.
    select(0, 1, 3)
    assert rp.set_field_on_selected("KOMMUNE_NR", "0301") == 3
    settle(qtbot, session)
    assert [session.records.value(i, "KOMMUNE_NR") for i in range(5)] == [
        "0301", "0301", "1234", "0301", "1234"
    ]
    assert any(f.control == "03" and f.line == 1 for f in session.findings())
    session.undo.undo()
    assert session.records.value(0, "KOMMUNE_NR") == "1234"

    # Find and replace in one column.
    assert rp.find_replace("SAKSBEHANDLER", "SB00", "NAV-") == 7
    assert session.records.value(0, "SAKSBEHANDLER") == "NAV-0"
    assert rp.find_replace("SAKSBEHANDLER", "ANNEN", "SB005", whole=True) == 1

    # Merge two lines of one person: amounts added, the other line gone, undoable.
    settle(qtbot, session)
    assert any(f.control == "05B" for f in session.findings())
    select(2, 5)
    assert rp.merge_action.isEnabled()
    assert rp.merge_selected()
    settle(qtbot, session)
    assert len(session.records) == 7
    assert session.records.value(2, "BIDRAG") == "12500"
    assert "BIDRAG" in rp.last_merge.summed
    assert not any(f.control in ("05A", "05B") for f in session.findings())
    session.undo.undo()
    settle(qtbot, session)
    assert len(session.records) == 8 and session.records.value(2, "BIDRAG") == "10000"

    # Paste rows from a spreadsheet, with a header row of short labels.
    text = "Journalnr.\tSaksbehandler\tKommune\nNY1\tSB9\t1234\nNY2\tSB9\t1234\n"
    rp.table.selectionModel().clear()
    rp.select_record(7)
    assert rp.paste_rows(text) == 2
    settle(qtbot, session)
    assert len(session.records) == 10
    assert session.records.value(8, "PERSON_JOURNALNR") == "NY1"
    assert session.records.value(9, "KOMMUNE_NR") == "1234"
    # Bad pasted input says what is wrong and changes nothing.
    from client.core.errors import UserError

    with pytest.raises(UserError) as error:
        rp.paste_rows("Journalnr.\nALTFORLANGTJOURNALNUMMER\n")
    assert "plass til 8 tegn" in error.value.message("nb")
    assert len(session.records) == 10


def test_explanation_needs_confirming_when_its_input_changes(qtbot, window, form, tmp_path):
    records = list(clean_records(form, 6, REGION))
    records[2]["BIDRAG"] = "1500000"  # control 30 warns on line 3
    page = load(qtbot, window, tmp_path, form, records)
    session = window.session
    panel = page.findings
    warning = next(f for f in session.findings() if f.control == "30")
    session.set_explanation(warning.ref, "Engangsutbetaling etter brann.")
    settle(qtbot, session)
    assert warning not in session.readiness().unexplained

    # Another field on the line, which control 30 does not read: still explained.
    session.set_value(2, "SAKSBEHANDLER", "NY")
    settle(qtbot, session)
    assert session.explanations.get(warning.ref)

    # The amount it reads changes (still over the limit): kept as text, to be confirmed.
    session.set_value(2, "BIDRAG", "1400000")
    settle(qtbot, session)
    assert warning.ref not in session.explanations
    assert session.unconfirmed_explanation(warning.ref) == "Engangsutbetaling etter brann."
    assert any(f.ref == warning.ref for f in session.readiness().unexplained)
    panel.select(next(f for f in session.findings() if f.ref == warning.ref))
    assert panel.confirm.isVisibleTo(panel) and panel.stale.isVisibleTo(panel)
    assert panel.explanation.toPlainText() == "Engangsutbetaling etter brann."
    assert panel.model.finding_text(warning).startswith("[Bekreft forklaringen]")
    panel.commit_explanation()  # merely showing it confirms nothing
    assert warning.ref not in session.explanations
    panel.confirm.click()
    settle(qtbot, session)
    assert session.explanations[warning.ref] == "Engangsutbetaling etter brann."
    assert session.unconfirmed_explanation(warning.ref) is None
    assert not panel.confirm.isVisibleTo(panel)

    # The draft keeps an unconfirmed explanation's text.
    from client.core.drafts import document_from_json, document_to_json

    session.set_value(2, "BIDRAG", "1300000")
    data = document_to_json(session.document)
    assert data["unconfirmedExplanations"] == {warning.ref: "Engangsutbetaling etter brann."}
    again = document_from_json(data, form, "utkast")
    assert again.unconfirmed == {warning.ref: "Engangsutbetaling etter brann."}


def test_findings_per_caseworker_html_and_csv(qtbot, window, form, tmp_path, ctx):
    import shutil
    import subprocess

    records = list(clean_records(form, 9, REGION))
    for i, record in enumerate(records):
        record["SAKSBEHANDLER"] = ["ANNE", "BJØRN", "CECILIE"][i % 3]
    records[0]["KJONN"] = "3"
    records[4]["KJONN"] = "3"
    records[4]["PERSON_FODSELSNR"] = "12345678901"  # invalid: its message names the field
    page = load(qtbot, window, tmp_path, form, records)
    numbers = [r["PERSON_FODSELSNR"] for r in records]

    csv_path = page.export_caseworker_list(tmp_path / "liste.csv")
    text = csv_path.read_text("utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("Saksbehandler;Journalnummer;Linje;Felt")
    assert [line.split(";")[0] for line in lines[1:]] == sorted(
        line.split(";")[0] for line in lines[1:]
    )
    assert any(line.startswith("ANNE;J0000001;1;") for line in lines)
    assert any(line.startswith("BJØRN;J0000005;5;") for line in lines)
    assert not any(number in text for number in numbers)

    html_path = page.export_caseworker_list(tmp_path / "liste.html")
    html = html_path.read_text("utf-8")
    assert "<h2>Saksbehandler ANNE" in html and "<h2>Saksbehandler BJØRN" in html
    assert not any(number in html for number in numbers)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:  # what the coordinator prints: the browser reads it as a page
        out = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             f"--user-data-dir={tmp_path / 'chromium'}", "--dump-dom", html_path.as_uri()],
            capture_output=True, text=True, timeout=180, check=False,
        )
        assert "Saksbehandler ANNE" in out.stdout and "J0000005" in out.stdout


def test_platform_plugin_failure_is_explained_in_norwegian(tmp_path, monkeypatch):
    import ctypes.util
    import os
    import subprocess
    import sys

    from client.gui import platform_check

    # Which packages to install is worked out from the libraries that are missing.
    monkeypatch.setattr(
        ctypes.util, "find_library", lambda name: None if name == "xcb-icccm" else name
    )
    text = platform_check.norwegian_message("xcb")
    assert "kan ikke åpne vinduet" in text
    if sys.platform.startswith("linux"):
        assert "sudo apt-get install libxcb-icccm4\n" in text
    monkeypatch.undo()

    # The real thing: an X display that is not there.
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=":97", WAYLAND_DISPLAY="")
    result = subprocess.run(
        [sys.executable, "-m", "client.gui", "--data-dir", str(tmp_path / "data")],
        capture_output=True, text=True, timeout=60, env=env, check=False,
    )
    assert result.returncode != 0
    assert "KOSTRA-klienten kan ikke åpne vinduet" in result.stderr
    assert "Traceback" not in result.stderr


def test_ctrl_y_redoes_and_the_overview_has_the_focus(qtbot, window):
    from PySide6.QtGui import QKeySequence

    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()
    window.start()
    qtbot.waitUntil(window.overview.table.hasFocus, timeout=5000)


def test_restart_comes_back_to_the_record_size_and_splitters(qtbot, window, form, tmp_path, ctx):
    import datetime as dt

    from client.gui.app import create_context, create_window
    from client.gui.asker import ScriptedAsker

    page = load(qtbot, window, tmp_path, form, list(clean_records(form, 10, REGION)))
    page.records.select_record(6)
    window.resize(760, 540)  # fits the offscreen screen
    qtbot.wait(10)
    size = (window.width(), window.height())
    page.split.setSizes([300, 200])
    sizes = page.split.sizes()
    window.close()

    again = create_context(ctx.workspace.data_dir, lang="nb", asker=ScriptedAsker())
    again.today = lambda: dt.date(YEAR, 6, 1)
    again.workspace.unit = ctx.workspace.unit  # the drafts' folder, as the fixture left it
    second = create_window(again)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == size != (1200, 800)
    second.start()
    qtbot.waitUntil(lambda: second.page is not None and second.session is not None, timeout=15000)
    assert second.page.records.current_record() == 6
    assert second.page.records.editor.index == 6
    assert second.page.split.sizes() == sizes
    second.close()


def test_findings_per_caseworker_as_pdf(qtbot, window, form, tmp_path):
    from pypdf import PdfReader

    records = list(clean_records(form, 6, REGION))
    for i, record in enumerate(records):
        record["SAKSBEHANDLER"] = ["ANNE", "BJØRN"][i % 2]
    records[0]["KJONN"] = "3"
    records[1]["KJONN"] = "3"
    page = load(qtbot, window, tmp_path, form, records)
    numbers = [r["PERSON_FODSELSNR"] for r in records]
    path = page.export_caseworker_list(tmp_path / "liste.pdf")
    assert path == tmp_path / "liste.pdf"
    reader = PdfReader(str(path))
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) >= 2  # each caseworker starts a page of their own
    assert "Saksbehandler ANNE" in pages[0] and "J0000001" in pages[0]
    assert "Saksbehandler BJØRN" in pages[1] and "J0000002" in pages[1]
    assert "FEIL" in pages[0]  # severities named as in every command
    assert not any(number in "".join(pages) for number in numbers)
