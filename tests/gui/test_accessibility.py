"""WCAG 2.1 AA, kept by walking every window and dialog the client has, in bokmål.

The walk itself (tests/gui/a11y.py) knows nothing of this client: it reads names and
descriptions through Qt's accessibility interfaces, presses Tab for real, and finds error
messages by what they say. The forms walked are whatever the catalog has for the year,
so a new form or window is checked without anyone adding it here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from client.core.forms.catalog import FormCatalog
from client.core.resources import resources_dir
from client.gui import accessibility, texts
from client.gui.about import AboutDialog
from client.gui.asker import QtAsker
from client.gui.certificates import CertificateDialog
from client.gui.record_model import STATUS_COLUMN
from client.gui.setup_dialog import SetupDialog
from client.gui.translations import install_language
from client.gui.widgets import RecordDateEditor
from tests.gui import a11y
from tests.gui.conftest import REGION_UNIT, YEAR, open_form, settle
from tests.gui.test_submit import fill_skjema_12

CATALOG = FormCatalog()
FORMS = [item.form_id for item in CATALOG.forms_for_year(YEAR)]
RECORD_FORMS = [f for f in FORMS if CATALOG.load(f, YEAR).is_record_form]
QUESTIONNAIRES = [f for f in FORMS if f not in RECORD_FORMS]


def assert_accessible(window: QWidget) -> None:
    problems = a11y.check_window(window)
    assert not problems, "\n".join(problems)


def visible_errors(window: QWidget) -> list[QLabel]:
    return [label for label in a11y.error_labels(window) if label.text().strip()]


@pytest.fixture
def announced(qtbot):
    said: list[str] = []
    announcer = accessibility.announcer()
    announcer.reset()
    announcer.announced.connect(lambda text, _: said.append(text))
    yield said
    announcer.reset()
    announcer.announced.disconnect()


# --- the walker finds what it is meant to find ------------------------------------------


def test_the_walk_catches_each_kind_of_failure(qtbot):
    """A window built wrong on purpose: a nameless field, a field Tab cannot leave, a
    Tab order that jumps back up, and an error message in a label of its own."""
    install_language("nb")
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    nameless = QLineEdit(window)
    date = QDateEdit(window)
    date.setSpecialValueText(" ")
    date.setMinimumDate(date.date())  # the blank date: its sections keep Tab
    date.setAccessibleName("Dato")
    top, bottom = QPushButton("Øverst", window), QPushButton("Nederst", window)
    error = QLabel("Feil: Datoen mangler.", window)
    for widget in (nameless, top, bottom, date, error):
        layout.addWidget(widget)
    QWidget.setTabOrder(nameless, bottom)
    QWidget.setTabOrder(bottom, top)
    window.show()
    qtbot.waitExposed(window)

    problems = "\n".join(a11y.check_window(window))
    assert "no accessible name: QLineEdit" in problems
    assert "Tab is trapped in QDateEdit('Dato')" in problems
    assert "Tab goes back from QPushButton('Nederst') to QPushButton('Øverst')" in problems
    assert "'Feil: Datoen mangler.' is tied to no field" in problems

    accessibility.tie_error(error, [date])
    assert "Datoen mangler." in "\n".join(a11y.untied_errors(window))
    date.setAccessibleDescription("Feil: Datoen mangler.")
    assert not a11y.untied_errors(window)


def test_the_walk_checks_every_tab(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    tabs = QTabWidget(window)
    QVBoxLayout(window).addWidget(tabs)
    first, second = QLineEdit(), QLineEdit()
    first.setAccessibleName("Navn")
    tabs.addTab(first, "&Første")
    tabs.addTab(second, "&Andre")  # nameless, and not shown until its tab is chosen
    window.show()
    qtbot.waitExposed(window)
    problems = a11y.check_window(window)
    assert problems == ["[tab Andre] no accessible name: QLineEdit('')"], problems
    assert tabs.currentIndex() == 0


def test_the_walk_treats_a_radio_group_as_one_stop(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    before = QLineEdit(window)
    before.setAccessibleName("Før")
    radios = [QRadioButton(text, window) for text in ("Ja", "Nei", "Vet ikke")]
    after = QCheckBox("Etter", window)
    for widget in (before, *radios, after):
        layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    walk = a11y.walk_tab(window)
    assert not walk.problems(), walk.problems()
    assert sum(isinstance(w, QRadioButton) for w in walk.stops) == 1


# --- every window and dialog --------------------------------------------------------------


def test_overview(qtbot, window):
    assert window.overview.model.rowCount() == len(FORMS)
    assert_accessible(window)


@pytest.mark.parametrize("form_id", RECORD_FORMS)
def test_record_form_with_findings(qtbot, window, form_id):
    page = open_form(qtbot, window, form_id)
    session = window.session
    examples = sorted((resources_dir() / "examples").glob(f"{form_id}_{YEAR}_*.txt"))
    if examples:
        # The example is Bergen's, the window's unit another: import it all the same.
        window.ctx.asker.choices = [1]  # Importer likevel (0: switch the unit)
        operation = page.import_file(examples[0])
        qtbot.waitUntil(lambda: bool(session.records), timeout=20000)
        operation.wait(10)
    page.records.add_record()  # a blank record: every mandatory field has an error
    settle(qtbot, session)
    with_findings = sorted(session.indexes_with_findings())
    assert with_findings
    page.records.select_record(with_findings[-1])
    qtbot.wait(20)
    assert visible_errors(window), "the walk must see error messages to check them"
    assert_accessible(window)

    # The same record's cells in the table tell which value is wrong, in every role.
    model = page.records.model
    row = page.records.table.currentIndex().row()
    finding = next(f for f in session.findings_for(with_findings[-1]) if f.field in model.fields)
    cell = model.index(row, 2 + model.fields.index(finding.field))
    description = model.data(cell, Qt.ItemDataRole.AccessibleDescriptionRole)
    assert finding.message("nb") in description
    assert description.startswith(("Feil:", "Advarsel:", "Kritisk feil:"))
    assert model.data(cell, Qt.ItemDataRole.DecorationRole) is not None
    assert finding.message("nb") in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(row, STATUS_COLUMN), Qt.ItemDataRole.AccessibleTextRole)


@pytest.mark.parametrize("form_id", QUESTIONNAIRES)
def test_questionnaire_blank_and_with_findings(qtbot, window, form_id):
    open_form(qtbot, window, form_id)
    settle(qtbot, window.session)
    assert window.session.summary()["ERROR"] > 0  # a blank questionnaire is not ready
    assert_accessible(window)  # the walk visits every question (and Tab leaves each)
    settle(qtbot, window.session)
    qtbot.wait(20)
    assert visible_errors(window)
    assert_accessible(window)


def test_setup_dialog_errors_are_tied_to_their_fields(qtbot, window, announced):
    dialog = SetupDialog(None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_accessible(dialog)
    dialog.kommunenummer.setText("0301")  # Oslo: the district appears
    dialog.orgnr.setText("123456789")  # fails mod 11
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.problem.text().startswith("⚠")
    assert "mod 11" in dialog.orgnr.accessibleDescription()
    assert dialog.kommunenummer.accessibleDescription() == ""
    assert any("mod 11" in text for text in announced)
    assert_accessible(dialog)

    dialog.orgnr.setText(REGION_UNIT.orgnr)
    dialog.accept()
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert dialog.orgnr.accessibleDescription() == ""


def test_certificate_dialog_without_and_with_a_key(qtbot, window, ctx):
    dialog = CertificateDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_accessible(dialog)
    ctx.key_store.create_self_signed(REGION_UNIT.orgnr, REGION_UNIT.name, replace=False)
    dialog.refresh()
    assert_accessible(dialog)


def test_submission_import_and_about_dialogs(qtbot, window, ctx):
    asker = QtAsker(lambda: window, lambda: "nb")
    choice = asker.choice_box("Signeringssertifikat", "Ingen sertifikat ennå.", ["Importer", "Lag"])
    offer, _ = asker.offer_box("Skjemaet er signert", "Kvittering: /tmp/k.pdf", "Åpne kvittering")
    secret = asker.secret_box("Passord", "Passordet til signeringsnøkkelen:")
    about = AboutDialog([CATALOG.load(f, YEAR) for f in FORMS], "nb", window)
    page = open_form(qtbot, window, RECORD_FORMS[0])
    progress = page._import_progress(Path("fil.txt"))
    for dialog in (choice, secret, offer, about, progress):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert_accessible(dialog)
        dialog.close()


def test_the_passphrase_dialog_returns_what_was_typed(qtbot, window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QInputDialog

    asker = QtAsker(lambda: window, lambda: "nb")

    def type_and_accept() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QInputDialog)
        box.setTextValue("hemmelig")
        box.accept()

    QTimer.singleShot(50, type_and_accept)
    assert asker._ask_secret("Passord", "Passordet:") == ("hemmelig", True)


# --- the points of issue 15 one by one ------------------------------------------------------


def test_help_is_out_of_the_tab_chain_and_reached_with_f1(qtbot, window, ctx):
    page = open_form(qtbot, window, QUESTIONNAIRES[0])
    view = page.questionnaire
    row = next(r for r in view.rows.values() if not r.help_button.isHidden())
    assert row.help_button.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert row.help_button.accessibleName().endswith(row.question)
    stops = a11y.walk_tab(window).stops
    assert row.help_button not in stops
    target = row.editor.focus_widget()
    assert "F1" in target.accessibleDescription()
    target.setFocus()
    QApplication.processEvents()
    QTest.keyClick(target, Qt.Key.Key_F1)
    assert any(title == row.question for kind, title, _ in ctx.asker.said if kind == "inform")


def test_names_and_roles(qtbot, window):
    page = open_form(qtbot, window, "11F")
    assert page.questionnaire is None
    editor = page.records.editor
    date_rows = [r for r in editor.rows.values() if isinstance(r.editor, RecordDateEditor)]
    assert date_rows
    for row in date_rows:
        assert row.editor.edit.accessibleName() == row.question  # no stale ": value"
        assert row.editor.button.accessibleName() == f"Åpne kalender: {row.question}"
    page.records.add_record()
    settle(qtbot, window.session)
    findings = page.findings
    group = findings.model.index(0, 0)
    first = findings.model.index(0, 0, group)
    spoken = findings.model.data(first, Qt.ItemDataRole.AccessibleTextRole)
    finding = findings.model.finding(first)
    assert spoken.startswith("Feil: ") and finding.message("nb") in spoken
    window.close_form()
    open_form(qtbot, window, QUESTIONNAIRES[0])
    interface = QAccessible.queryAccessibleInterface(window.page.questionnaire)
    assert interface.text(QAccessible.Text.Name) == "Spørsmål"


def test_what_matters_is_announced_once(qtbot, window, announced, tmp_path):
    page = open_form(qtbot, window, "11F")
    session = window.session
    accessibility.announcer().flush()
    announced.clear()
    examples = sorted((resources_dir() / "examples").glob(f"11F_{YEAR}_*.txt"))
    window.ctx.asker.choices = [1]  # the example is Bergen's: import it all the same
    operation = page.import_file(examples[0])
    qtbot.waitUntil(lambda: bool(session.records), timeout=20000)
    operation.wait(10)
    settle(qtbot, session)
    assert f"{len(session.records)} poster lest fra {examples[0].name}." in announced
    accessibility.announcer().flush()
    counts = texts.counts_text(session.summary())
    assert any(text.startswith("Ikke klart") and text.endswith(counts) for text in announced)
    qtbot.waitUntil(lambda: "Utkastet er lagret" in announced, timeout=5000)

    # Typing a value key by key: each key is checked, but one message is said once the
    # user pauses, with the counts as they stand then.
    announced.clear()
    before = session.summary()
    for typed in ("1", "12", "123", "1234"):  # the unit's kommunenummer, fixing an error
        session.set_value(0, "KOMMUNE_NR", typed)
        settle(qtbot, session)
    assert session.summary() != before
    assert not [text for text in announced if "Feil" in text]  # not while typing
    qtbot.waitUntil(lambda: any("Feil" in text for text in announced), timeout=3000)
    qtbot.wait(accessibility.QUIET_MS + 200)
    counts = [text for text in announced if "Feil" in text]
    assert counts == [texts.counts_text(session.summary())]
    session.save_now()
    accessibility.announcer().flush()
    assert "Utkastet er lagret" not in announced  # four saves, said once a minute at most


def test_readiness_is_announced_when_it_changes(qtbot, window, announced):
    fill_skjema_12(qtbot, window)
    accessibility.announcer().flush()
    assert any(text.startswith("Klart til innsending.") for text in announced), announced
    announced.clear()
    window.page.findings.reload()  # checked again, nothing changed: nothing said
    accessibility.announcer().flush()
    assert announced == []
    window.session.set_answer("VEDTAK_DATO", None)  # not ready any more
    settle(qtbot, window.session)
    accessibility.announcer().flush()
    assert any(text.startswith("Ikke klar") for text in announced), announced


def test_announcement_reaches_qt_accessibility(qtbot):
    """The message goes out as Qt's announcement event (what AT-SPI and UI Automation
    relay); the event carries the text and the politeness."""
    from PySide6.QtGui import QAccessibleAnnouncementEvent

    widget = QWidget()
    qtbot.addWidget(widget)
    event = QAccessibleAnnouncementEvent(widget, "Klar til innsending.")
    assert event.message() == "Klar til innsending."
    assert event.type() == QAccessible.Event.Announcement
    accessibility.announcer().say(widget, "Klar til innsending.", assertive=True)
