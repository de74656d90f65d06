r"""What the windowed program says when it has no console to print to.

On Windows `kostra-klient.exe` is a windowed program: it has no console, so `sys.stdout`
and `sys.stderr` are None and whatever argparse prints for `--version`, `--help` or a
wrong argument is lost, while `start /wait` in a deployment script still gets the exit
code. Here that text is written to %TEMP%\kostra-klient-output.txt (beside the
self-test's kostra-klient-selftest.txt), and shown in a message box when someone can see
it: an interactive desktop, not a service or a scheduled task under SYSTEM, where a box
nobody can close would hang the script that started the program.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from client.core.i18n import Text, tr

OUTPUT_NAME = "kostra-klient-output.txt"
START_FAILED: Text = {
    "nb": "KOSTRA-klienten kunne ikke starte.",
    "nn": "KOSTRA-klienten kunne ikkje starte.",
    "en": "KOSTRA-klienten could not start.",
}

# (title, text, detail, error) -> None; the Qt message box unless a test gives another.
ShowBox = Callable[[str, str, str, bool], None]


def has_console() -> bool:
    """False for the windowed program on Windows (and pythonw), whose streams are None."""
    return sys.stdout is not None and sys.stderr is not None


def output_path() -> Path:
    return Path(tempfile.gettempdir()) / OUTPUT_NAME


def capture_exit(run: Callable[[], object]) -> tuple[object, int | None, str]:
    """Call `run` (an argparse parse) with stdout and stderr collected; returns its result,
    the exit code if it tried to exit (None if not), and what it printed."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        try:
            return run(), None, buffer.getvalue()
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
            return None, code, buffer.getvalue()


def report(
    text: str,
    code: int,
    lang: str,
    *,
    heading: Text | None = None,
    show_box: ShowBox | None = None,
) -> Path | None:
    """Write `text` (what would have been printed; `code` the exit code it goes with) to
    %TEMP%\\kostra-klient-output.txt and show it in a box when someone can see one.
    Returns the file written, or None when it could not be written."""
    heading_text = tr(heading or _TEXT["error" if code else "info"], lang)
    path: Path | None = output_path()
    try:
        path.write_text(f"{heading_text}\n\n{text.rstrip()}\n", encoding="utf-8")  # type: ignore[union-attr]
    except OSError:
        path = None
    if show_box is None and interactive():
        show_box = qt_message_box
    if show_box is not None:
        detail = tr(_TEXT["written"], lang).format(path=path) if path else ""
        show_box("KOSTRA-klienten", f"{heading_text}\n\n{text.rstrip()}", detail, code != 0)
    return path


def interactive() -> bool:
    """Whether a message box would be seen: a visible window station on Windows (not a
    service's or SYSTEM's), a display elsewhere; never on Qt's offscreen platform."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        return False
    if sys.platform == "win32":
        return _visible_window_station()
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _visible_window_station() -> bool:
    import ctypes
    from ctypes import wintypes

    class UserObjectFlags(ctypes.Structure):
        _fields_ = (("fInherit", wintypes.BOOL), ("fReserved", wintypes.BOOL),
                    ("dwFlags", wintypes.DWORD))

    uoi_flags, wsf_visible = 1, 1
    user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
    user32.GetProcessWindowStation.restype = wintypes.HANDLE
    user32.GetUserObjectInformationW.argtypes = (
        wintypes.HANDLE, ctypes.c_int, ctypes.c_void_p, wintypes.DWORD,
        ctypes.POINTER(wintypes.DWORD),
    )
    station = user32.GetProcessWindowStation()
    flags = UserObjectFlags()
    needed = wintypes.DWORD()
    if not station or not user32.GetUserObjectInformationW(
            station, uoi_flags, ctypes.byref(flags), ctypes.sizeof(flags), ctypes.byref(needed)):
        return False  # when in doubt, no box: a hidden one would hang a deployment script
    return bool(flags.dwFlags & wsf_visible)


def qt_message_box(title: str, text: str, detail: str, error: bool) -> None:
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(["kostra-klient"])  # noqa: F841
    box = QMessageBox(QMessageBox.Icon.Critical if error else QMessageBox.Icon.Information,
                      title, text)
    # argparse lines up the options in columns: a fixed-width font keeps them lined up.
    font: QFont = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    box.setFont(font)
    if detail:
        box.setInformativeText(detail)
    box.exec()


_TEXT: dict[str, Text] = {
    "error": {
        "nb": "KOSTRA-klienten ble ikke startet: kommandolinjen er feil.",
        "nn": "KOSTRA-klienten vart ikkje starta: kommandolinja er feil.",
        "en": "KOSTRA-klienten did not start: the command line is wrong.",
    },
    "info": {"nb": "KOSTRA-klienten", "nn": "KOSTRA-klienten", "en": "KOSTRA-klienten"},
    "written": {
        "nb": "Også skrevet til {path}.",
        "nn": "Også skrive til {path}.",
        "en": "Also written to {path}.",
    },
}
