"""The window's frame: year, reporting unit, languages, testers, About, translations."""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from client import __version__
from client.core.forms.catalog import FormCatalog
from client.core.identity import synthetic_orgnr
from client.gui import widgets
from client.gui.setup_dialog import SetupDialog
from tests.gui.conftest import YEAR, assert_compiled, open_form

TRANSLATIONS = Path(__file__).resolve().parents[2] / "client" / "gui" / "translations"


def test_opens_on_the_current_year_with_every_form(window):
    assert window.year == YEAR
    ids = [e.form_id for e in window.overview.model.entries]
    assert ids == [f.form_id for f in FormCatalog().forms_for_year(YEAR)]
    assert {e.status.state for e in window.overview.model.entries} == {"not_started"}
    assert window.menuBar().actions()[0].text() == "&Fil"


def test_switch_year(window):
    index = window.year_combo.findData(2025)
    window.year_combo.setCurrentIndex(index)
    assert window.year == 2025
    assert "2025" in window.overview.heading.text()


def test_setup_dialog_checks_the_organisation_number(qtbot):
    dialog = SetupDialog(None)
    qtbot.addWidget(dialog)
    dialog.kommunenummer.setText("0301")
    assert dialog.bydel.isVisibleTo(dialog)
    assert dialog.name.text() == "Oslo - Oslove"  # SSB's name, from the list of kommuner
    dialog.bydel.setCurrentIndex(dialog.bydel.findData("05"))
    dialog.orgnr.setText("123456789")
    dialog.accept()
    assert dialog.result() != SetupDialog.DialogCode.Accepted
    assert "mod 11" in dialog.problem.text()
    dialog.orgnr.setText(synthetic_orgnr(4))
    dialog.accept()
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert dialog.unit().region == "030105"


def test_unit_is_stored_in_settings(window, ctx):
    from client.core.workspace import ReportingUnit

    window.set_unit(ReportingUnit("4601", "Bergen", synthetic_orgnr(2)))
    settings, _ = ctx.workspace.load_settings()
    assert settings.unit.kommunenummer == "4601"
    assert "Bergen" in window.unit_label.text()


def test_languages(qtbot, window, ctx):
    open_form(qtbot, window, "12")
    window.set_language("en")
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.page is not None  # the open form stays open
    question = window.page.questionnaire.rows["VEDTAK_DATO"].question
    assert question.startswith("When were")
    window.set_language("nn")
    assert window.page.findings.readiness.text().startswith("Ikkje klart")
    assert ctx.workspace.load_settings()[0].language == "nn"


def test_about_names_client_and_definition_versions(window):
    text = window.about_text()
    assert __version__ in text
    form = FormCatalog().load("11F", YEAR)
    assert form.version in text
    assert form.sha256 in text


@pytest.mark.parametrize(
    ("form_id", "name", "mode", "expected"),
    [
        ("11F", "BIDRAG", "record", widgets.AmountEditor),
        ("11F", "KJONN", "record", widgets.RadioEditor),
        ("11F", "STMND_1", "record", widgets.CheckboxEditor),
        ("11F", "FODSELSDATO", "record", widgets.RecordDateEditor),
        ("11F", "PERSON_JOURNALNR", "record", widgets.TextEditor),
        ("12", "VEDTAK_DATO", "answer", widgets.DateEditor),
        ("12", "UTGIFTER_I_SATS", "answer", widgets.CheckboxesEditor),
        ("12", "YTELSER_ANNET", "answer", widgets.TextAreaEditor),
    ],
)
def test_testers_rank_the_right_editor(form_id, name, mode, expected):
    field = FormCatalog().load(form_id, YEAR).field(name)
    assert widgets.editor_class(field, mode) is expected


def test_amount_beats_integer_by_rank_alone():
    field = FormCatalog().load("12", YEAR).field("BOUTGIFT_TAK_BELOP")
    from dataclasses import replace

    assert widgets.editor_class(replace(field, widget=None), "answer") is widgets.AmountEditor
    plain = replace(field, widget=None, name="ANTALL")
    assert widgets.editor_class(plain, "answer") is widgets.IntegerEditor


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_translations_are_complete(lang):
    ts = TRANSLATIONS / f"kostra_{lang}.ts"
    qm = TRANSLATIONS / f"kostra_{lang}.qm"
    assert_compiled(ts, qm)
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        assert translation.get("type") not in ("unfinished", "obsolete"), source
        texts = [t.text for t in translation.findall("numerusform")] or [translation.text]
        for text in texts:
            assert text, source
            for placeholder in ("%1", "%2"):
                assert (placeholder in source) == (placeholder in text), (source, text)
            assert source.count("&") == text.count("&"), (source, text)


def test_signals_and_slots_keep_their_references(window):
    """PySide6 6.12.0 (pinned out in pyproject.toml) lost a reference to None on every slot
    call and one to True on every emit, and crashed the window after some thousand events."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        ping = Signal()

    calls = []
    probe = Probe()
    probe.ping.connect(lambda: calls.append(1))
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(500):
        probe.ping.emit()
    assert len(calls) == 500
    # A leaking binding loses one per call (500 here); other live objects move a few.
    assert sys.getrefcount(True) > before[0] - 50
    assert sys.getrefcount(None) > before[1] - 50


def test_the_window_shows_before_keys_forms_and_reports_are_loaded(tmp_path):
    """Start-up stays lazy (README, "Speed and memory"): the window, its overview and the
    drafts' key store come up without cryptography (signing and the drafts' key itself),
    jsonschema and the form classes (opening a form), reportlab (receipts and reports)
    or the Oslo dialog. Opening a form still fetches the drafts' key on the UI thread
    (test_drafts)."""
    import os
    import subprocess

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from client.core.identity import synthetic_orgnr\n"
        "from client.core.workspace import ReportingUnit\n"
        "from client.gui.app import create_context, create_window\n"
        "app = QApplication([])\n"
        f"ctx = create_context(Path({str(tmp_path / 'data')!r}), 'nb')\n"
        "ctx.settings.unit = ReportingUnit('0301', 'Oslo', synthetic_orgnr(1), '05')\n"
        "window = create_window(ctx)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "assert window.overview.model.entries and window.bydel_action.isVisible()\n"
        "heavy = ('cryptography', 'jsonschema', 'reportlab', 'client.core.forms.model',\n"
        "         'client.gui.bydeler')\n"
        "print(sorted({m.split('.')[0] if not m.startswith('client') else m\n"
        "              for m in sys.modules if m.startswith(heavy)}))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[2], env=env, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
