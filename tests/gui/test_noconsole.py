r"""The windowed program without a console (kostra-klient.exe on Windows): --version, --help,
a wrong argument and a start that cannot go ahead are written to
%TEMP%\kostra-klient-output.txt, shown in a box where someone can see one, and end with
the exit code `start /wait` hands a deployment script.

"No console" is made as Windows makes it: sys.stdout and sys.stderr are None."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from client.gui import noconsole
from client.gui.noconsole import OUTPUT_NAME, qt_message_box, report

ROOT = Path(__file__).resolve().parents[2]
WINDOWED = "import sys; sys.stdout = sys.stderr = None\n"


def windowed(tmp_path: Path, *args: str, before: str = "", env: dict | None = None):
    """Run `kostra-klient ARGS` as the windowed program runs: no stdout, no stderr."""
    code = WINDOWED + before + f"from client.gui.app import main\nsys.exit(main({list(args)!r}))\n"
    environ = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(tmp_path), TEMP=str(tmp_path),
                   TMP=str(tmp_path), QT_QPA_PLATFORM="offscreen", **(env or {}))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=environ, cwd=tmp_path, timeout=120, check=False)
    output = tmp_path / OUTPUT_NAME
    return result.returncode, output.read_text("utf-8") if output.exists() else None, result


def test_version_and_help_are_written_with_exit_code_0(tmp_path):
    code, text, result = windowed(tmp_path, "--version")
    assert code == 0 and result.stdout == result.stderr == ""
    assert text is not None and "kostra-klient 0.1.0" in text

    code, text, _ = windowed(tmp_path, "--help")
    assert code == 0
    assert "--data-dir" in text and "--lang" in text and "usage: kostra-klient" in text


def test_a_wrong_argument_says_so_and_exits_2_without_opening_the_window(tmp_path):
    code, text, _ = windowed(tmp_path, "--yaer", "2025")
    assert code == 2
    assert text.startswith("KOSTRA-klienten ble ikke startet: kommandolinjen er feil.")
    assert "unrecognized arguments: --yaer 2025" in text

    code, text, _ = windowed(tmp_path, "--lang", "en", "--year", "neste")
    assert code == 2
    assert text.startswith("KOSTRA-klienten did not start: the command line is wrong.")
    assert "invalid int value: 'neste'" in text


def test_a_data_folder_policy_that_cannot_be_used_stops_the_start_with_a_message(tmp_path):
    inject = ("from client.core import datadir\n"
              "datadir.read_registry_policy = lambda: datadir.PolicySetting("
              "'%NOSUCHVAR%\\\\KOSTRA', r'HKLM\\Software\\Policies\\KOSTRA-klienten\\DataDir')\n")
    code, text, _ = windowed(tmp_path, before=inject, env={"KOSTRA_DATA_DIR": ""})
    assert code == 2
    assert text.startswith("KOSTRA-klienten kunne ikke starte.")
    assert "miljøvariabelen NOSUCHVAR er ikke satt" in text and "DataDir" in text


def test_with_a_console_argparse_prints_as_usual(tmp_path):
    result = subprocess.run([sys.executable, "-m", "client.gui", "--version"], text=True,
                            capture_output=True, cwd=tmp_path, timeout=60, check=False,
                            env=dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(tmp_path)))
    assert result.returncode == 0 and result.stdout.strip() == "kostra-klient 0.1.0"
    assert not (tmp_path / OUTPUT_NAME).exists()


def test_a_box_is_shown_only_where_someone_can_see_it(tmp_path, monkeypatch):
    monkeypatch.setattr(noconsole, "output_path", lambda: tmp_path / OUTPUT_NAME)
    shown = []
    path = report("usage: kostra-klient …", 2, "nn",
                  show_box=lambda *args: shown.append(args))
    assert path == tmp_path / OUTPUT_NAME
    title, text, detail, error = shown[0]
    assert title == "KOSTRA-klienten" and error
    assert text.startswith("KOSTRA-klienten vart ikkje starta") and "usage:" in text
    assert detail == f"Også skrive til {path}."

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not noconsole.interactive()
    if sys.platform != "win32":
        monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
        monkeypatch.setenv("DISPLAY", ":0")
        assert noconsole.interactive()
        monkeypatch.delenv("DISPLAY")
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        assert not noconsole.interactive()


def test_the_qt_box_shows_the_text_and_where_it_was_written(qtbot):
    seen = {}

    def read_and_close():
        box = QApplication.activeModalWidget()
        seen.update(text=box.text(), info=box.informativeText(), icon=box.icon())
        box.accept()

    QTimer.singleShot(50, read_and_close)
    qt_message_box("KOSTRA-klienten", "KOSTRA-klienten ble ikke startet: kommandolinjen er "
                   "feil.\n\nusage: kostra-klient [-h]", "Også skrevet til C:\\Temp\\x.txt.", True)
    assert seen["icon"] == QMessageBox.Icon.Critical
    assert "usage: kostra-klient [-h]" in seen["text"]
    assert seen["info"] == "Også skrevet til C:\\Temp\\x.txt."
