"""Qt's own dialogs (the file dialog of Skriv ut / Eksporter svar, message-box buttons) in
the window's language: Qt ships nynorsk only, so bokmål showed «Lagra», «Filnamn»,
«Storleik», and both showed English «Look in:» and «Files of type:»."""

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from client.gui.translations import FOLDER, install_language
from tests.gui.conftest import assert_compiled

tr = QCoreApplication.translate


@pytest.fixture(autouse=True)
def _back_to_bokmal():
    yield
    install_language("nb")


def test_bokmal_file_dialog_and_buttons(qtbot):
    install_language("nb")
    assert tr("QFileDialog", "&Look in:") == "&Se i:"
    assert tr("QFileDialog", "File &name:") == "Fil&navn:"
    assert tr("QFileDialog", "&Save") == "&Lagre"
    assert tr("QFileSystemModel", "Size") == "Størrelse"
    assert tr("QPlatformTheme", "Save") == "Lagre"
    assert tr("QPlatformTheme", "Open") == "Åpne"
    # Qt's own file dialog, as the window shows it where no native one is used (Linux).
    dialog = QFileDialog(None, "Lagre", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Se i:", "Fil&navn:", "Fil&type:"} <= labels
    assert "&Lagre" in {button.text() for button in dialog.findChildren(QPushButton)}


def test_nynorsk_keeps_qts_own_and_fills_its_gaps(qtbot):
    install_language("nn")
    assert tr("QPlatformTheme", "Save") == "Lagra"
    assert tr("QFileDialog", "File &name:") == "Fil&namn:"
    assert tr("QFileDialog", "&Look in:") == "&Sjå i:"
    assert tr("QFileDialog", "Files of &type:") == "Fil&type:"


def test_english_is_qts_source(qtbot):
    install_language("en")
    assert tr("QFileDialog", "&Look in:") == "&Look in:"
    assert tr("QPlatformTheme", "Save") == "Save"


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_compiled_file_is_current(lang):
    ts, qm = FOLDER / f"kostra_qt_{lang}.ts", FOLDER / f"kostra_qt_{lang}.qm"
    assert_compiled(ts, qm)
