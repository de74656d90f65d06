"""Where the window's file dialogs start: never in the program's working directory
(on Windows the install folder or System32 when started from the Start menu), but in
the user's Documents, and then in the folder chosen last."""

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from client.gui.asker import QtAsker


def test_file_dialogs_start_in_documents_then_where_the_user_was(monkeypatch, tmp_path):
    asked: list[str] = []

    def save(parent, title, start, filters):
        asked.append(start)
        return str(tmp_path / "arkiv" / "7_2026_utskrift.pdf"), filters

    def open_(parent, title, start, filters):
        asked.append(start)
        return "", filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_)
    (tmp_path / "arkiv").mkdir()
    monkeypatch.chdir(tmp_path)  # the working directory, as an installed program gets it
    asker = QtAsker(lambda: None, lambda: "nb")

    asker.save_file("Lagre", "PDF (*.pdf)", "7_2026_186700_utskrift.pdf")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not documents or not Path(documents).is_dir():
        documents = str(Path.home())
    assert Path(asked[0]) == Path(documents) / "7_2026_186700_utskrift.pdf"
    assert Path(asked[0]).parent != Path(os.getcwd())

    # Then where the user saved last, for saving and for opening.
    asker.save_file("Lagre", "JSON (*.json)", "svar.json")
    assert Path(asked[1]) == tmp_path / "arkiv" / "svar.json"
    asker.open_file("Åpne", "JSON (*.json)")
    assert Path(asked[2]) == tmp_path / "arkiv"
    # A suggestion with its own folder is kept as it is.
    asker.save_file("Lagre", "PDF (*.pdf)", str(tmp_path / "annet" / "x.pdf"))
    assert Path(asked[3]) == tmp_path / "annet" / "x.pdf"
