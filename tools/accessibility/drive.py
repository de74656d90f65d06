"""Drive the desktop window as a user would, for a screen reader to listen (see run.sh).

Opens skjema 12 and a record form, moves focus and presses Tab, checks the whole form,
fills it in until it is ready, and shows the setup dialog's error, with a pause between
steps so the screen reader has time to speak. Prints each step with a timestamp, to be
read beside the screen reader's log. Synthetic data only, in a temporary data folder.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from client.core.identity import synthetic_orgnr  # noqa: E402
from client.core.resources import resources_dir  # noqa: E402
from client.core.workspace import ReportingUnit  # noqa: E402
from client.gui.app import create_context, create_window  # noqa: E402
from client.gui.asker import ScriptedAsker  # noqa: E402

STEPS: list[tuple[int, str, Callable[[], object]]] = []


def log(text: str) -> None:
    print(f"{dt.datetime.now():%H:%M:%S.%f} DRIVER {text}", flush=True)


def step(delay_ms: int, what: str) -> Callable[[Callable[[], object]], Callable[[], object]]:
    def register(action: Callable[[], object]) -> Callable[[], object]:
        STEPS.append((delay_ms, what, action))
        return action

    return register


def tab() -> None:
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def questionnaire_steps(win) -> None:
    def rows() -> dict:
        return win.page.questionnaire.rows

    def fill() -> None:
        # The bundled example's answers, as if typed; the date through its calendar.
        example = resources_dir() / "examples" / "12_2026_460100.json"
        answers = json.loads(example.read_text("utf-8"))
        rows()["VEDTAK_DATO"].editor.pick(QDate.fromString(answers["VEDTAK_DATO"], "yyyy-MM-dd"))
        for name, value in answers.items():
            if name != "VEDTAK_DATO":
                win.session.set_answer(name, value)

    step(4000, "open skjema 12")(lambda: win.open_form("12"))
    step(4000, "focus the first question")(
        lambda: rows()["VEDTAK_DATO"].editor.focus_widget().setFocus()
    )
    step(3000, "Tab")(tab)
    step(3000, "Tab")(tab)
    step(3000, "check the whole form")(lambda: win.page.pane.check_all())  # noqa: PLW0108
    step(4000, "answer every question (ready)")(fill)
    step(5000, "focus the findings")(lambda: win.page.findings.view.setFocus())  # noqa: PLW0108


def record_steps(win) -> None:
    example = sorted((resources_dir() / "examples").glob("11F_2026_*.txt"))[0]

    def focus_table() -> None:
        page = win.page.records
        page.select_record(3)
        page.table.setFocus()

    def focus_cell() -> None:
        table = win.page.records.table
        model = table.model()
        table.setCurrentIndex(model.index(3, 2 + model.fields.index("KOMMUNE_NR")))

    step(3000, "open 11F")(lambda: win.open_form("11F"))
    step(4000, f"import {example.name}")(lambda: win.page.import_file(example))
    step(6000, "focus the record table (line 4)")(focus_table)
    step(3000, "move to the KOMMUNE_NR cell")(focus_cell)
    step(3000, "focus the birth date")(
        lambda: win.page.records.editor.rows["FODSELSDATO"].focus()  # noqa: PLW0108
    )
    step(3000, "Tab")(tab)


def setup_steps(win, app: QApplication) -> None:
    def setup_error() -> None:
        from client.gui.setup_dialog import SetupDialog

        dialog = SetupDialog(None, win)
        dialog.show()
        dialog.kommunenummer.setText("4601")
        dialog.name.setText("Bergen")
        dialog.orgnr.setText("123456789")
        dialog.accept()
        QTimer.singleShot(4000, dialog.close)

    def quit_app() -> None:
        win.close()
        app.quit()

    step(3000, "setup dialog: OK with a wrong organisation number")(setup_error)
    step(6000, "quit")(quit_app)


def run(i: int = 0) -> None:
    if i >= len(STEPS):
        return
    delay, what, action = STEPS[i]

    def go() -> None:
        log(what)
        try:
            action()
        except Exception as error:  # the log says which step failed; the rest go on
            log(f"step failed: {error!r}")
        run(i + 1)

    QTimer.singleShot(delay, go)


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("KOSTRA-klienten")
    ctx = create_context(Path(tempfile.mkdtemp(prefix="kostra-a11y-")), "nb", ScriptedAsker())
    ctx.settings.unit = ReportingUnit("1234", "Testkommune", synthetic_orgnr(1))  # type: ignore[attr-defined]
    ctx.today = lambda: dt.date(2026, 6, 1)  # type: ignore[attr-defined]
    win = create_window(ctx)
    win.resize(1200, 800)  # type: ignore[attr-defined]
    win.show()  # type: ignore[attr-defined]
    win.activateWindow()  # type: ignore[attr-defined]
    questionnaire_steps(win)
    record_steps(win)
    setup_steps(win, app)
    run()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
