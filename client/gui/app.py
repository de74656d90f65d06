"""`kostra-klient`: start the desktop window.

Kept light: only QtWidgets and the workspace are imported before the window
shows; the form definitions, the validation engine and the record views load
when a form is opened. `create_window` is what tests, the benchmark and a later
`--selftest` use to build the same window without the event loop.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from client import __version__
from client.core.errors import UserError
from client.gui.noconsole import START_FAILED, capture_exit, has_console, report

EXIT_START_FAILED = 2  # as for a wrong argument: the window never opened


def _language_asked(argv: Sequence[str]) -> str:
    """--lang from the command line before it is parsed (for messages about parsing it)."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg[7:]
        if (arg == "--lang" or arg.startswith("--lang=")) and value in ("nb", "nn", "en"):
            return value
    return "nb"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kostra-klient", description="KOSTRA-klienten")
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="folder for drafts and settings "
        "(default: the user's data folder; also KOSTRA_DATA_DIR)",
    )
    parser.add_argument("--lang", choices=("nb", "nn", "en"), help="language of the interface")
    parser.add_argument("--year", type=int, help="reporting year to open on")
    parser.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"kostra-klient {__version__}")
    return parser.parse_args(argv)


def create_context(
    data_dir: Path | None = None,
    lang: str | None = None,
    asker: object | None = None,
    forms_roots: list[Path] | None = None,
) -> object:
    """The AppContext: workspace, settings (a notice if they had to be set aside), asker."""
    from client.core.workspace import Workspace
    from client.gui.context import AppContext

    if data_dir is not None:
        from client.core.datadir import DataFolder

        workspace = Workspace(data_dir, data_dir / "config")
        workspace.data_origin = DataFolder(Path(data_dir), "command line", "--data-dir")
    else:
        workspace = Workspace.from_environment()
    settings, notice = workspace.load_settings()
    workspace.unit = settings.unit.region if settings.unit else None
    workspace.remove_stale_temp_files()  # a crash's leftovers may hold personal data
    if lang is not None:
        settings.language = lang
    ctx = AppContext(
        workspace=workspace,
        asker=asker,
        settings=settings,  # type: ignore[arg-type]
        forms_roots=forms_roots,
    )
    ctx.startup_notice = notice  # type: ignore[attr-defined]
    workspace.draft_keys = ctx.draft_keys()  # type: ignore[attr-defined]
    return ctx


def create_window(ctx: object, year: int | None = None) -> object:
    """The main window for `ctx`, with the interface language installed."""
    from client.gui.asker import QtAsker
    from client.gui.main_window import MainWindow
    from client.gui.translations import install_language

    install_language(ctx.settings.language)  # type: ignore[attr-defined]
    # Drafts are written and large record sets checked on worker threads, in Python: a
    # short switch interval hands the GIL back to the UI thread within 1 ms, not 5.
    sys.setswitchinterval(0.001)
    window: MainWindow | None = None
    if ctx.asker is None:  # type: ignore[attr-defined]
        ctx.asker = QtAsker(lambda: window, lambda: ctx.settings.language)  # type: ignore[attr-defined]
    window = MainWindow(ctx, year)  # type: ignore[arg-type]
    notice = getattr(ctx, "startup_notice", None)
    if notice is not None:
        ctx.asker.warn("KOSTRA-klienten", notice.message(ctx.settings.language))  # type: ignore[attr-defined]
    offer_to_delete_signed_drafts(ctx)
    return window


def offer_to_delete_signed_drafts(ctx: Any) -> list[Path]:
    """With the setting deleteSignedDraftsAfterDays, offer to delete the drafts of forms
    signed that many days ago (the submission and receipt are the record; the draft only
    keeps personal data). Returns the drafts deleted."""
    from client.core.i18n import tr
    from client.core.workspace import DELETE_SIGNED_OFFER

    days = ctx.settings.delete_signed_after_days
    if days is None:
        return []
    due = ctx.workspace.signed_drafts_due(days)
    if not due:
        return []
    lang = ctx.settings.language
    forms = ", ".join(f"{form_id} {year}" for year, form_id, _ in due)
    text = tr(DELETE_SIGNED_OFFER, lang).format(days=days, forms=forms)
    if not ctx.asker.confirm("KOSTRA-klienten", text):
        return []
    for year, form_id, _ in due:
        ctx.workspace.delete_draft(form_id, year)
    return [path for _, _, path in due]
def _set_icon(app: object) -> None:
    """The programs' icon on every window and in the taskbar (the exe carries it too)."""
    from PySide6.QtGui import QIcon

    from client.core.resources import resources_dir

    path = resources_dir() / "icons" / "kostra-klient.ico"
    if path.is_file():
        app.setWindowIcon(QIcon(str(path)))  # type: ignore[attr-defined]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--selftest" in argv:
        from client.selftest import main as selftest

        return selftest(argv)
    lang = _language_asked(argv)
    if has_console():
        args = parse_args(argv)  # argparse prints and exits by itself
    else:
        # The windowed program on Windows: --version, --help and a wrong argument would
        # print to nothing; say it in a file and a box, and exit with argparse's code.
        parsed, code, printed = capture_exit(lambda: parse_args(argv))
        if code is not None:
            report(printed, code, lang)
            return code
        args = parsed  # type: ignore[assignment]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("KOSTRA-klienten")
    app.setApplicationVersion(__version__)
    _set_icon(app)
    try:
        ctx = create_context(args.data_dir, args.lang)
    except UserError as error:  # IT's data-folder policy cannot be used
        message = error.message(args.lang or lang)
        if has_console():
            print(message, file=sys.stderr)
        report(message, EXIT_START_FAILED, args.lang or lang, heading=START_FAILED)
        return EXIT_START_FAILED
    window = create_window(ctx, args.year)
    window.show()  # type: ignore[attr-defined]
    if args.exit_when_ready:
        # For the start-up benchmark: the first pass of the event loop after show().
        def ready() -> None:
            print("ready", flush=True)
            window.close()  # type: ignore[attr-defined]
            app.quit()

        QTimer.singleShot(0, ready)
    else:
        window.start()  # type: ignore[attr-defined]
    return app.exec()
