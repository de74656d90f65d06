"""Drafts: saved at every change, restored after the client is killed, unreadable ones set aside."""

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from client.core.workspace import Workspace
from client.gui.app import create_context, create_window
from client.gui.asker import ScriptedAsker
from tests.gui.conftest import REGION_UNIT, YEAR, draft_text, open_form, settle

ROOT = Path(__file__).resolve().parents[2]

DRIVER = textwrap.dedent("""
    import datetime as dt, sys, time
    from pathlib import Path
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from client.gui.app import create_context, create_window
    from client.gui.asker import ScriptedAsker

    app = QApplication([])
    data = Path(sys.argv[1])
    # No credential store in this process: the drafts' key is kept under a passphrase,
    # which the test types again after the kill.
    import keyring
    from keyring.backends import fail
    keyring.set_keyring(fail.Keyring())
    from client.core.atrest import decrypt
    ctx = create_context(data, asker=ScriptedAsker(passphrases=["langt nok passord"]))
    ctx.today = lambda: dt.date(2026, 6, 1)
    window = create_window(ctx)
    window.show()
    window.open_form("12")
    while window.page is None:
        app.processEvents(); time.sleep(0.01)
    rows = window.page.questionnaire.rows
    rows["BOUTGIFT_TAK"].editor.buttons["1"].click()
    QTest.keyClicks(rows["BOUTGIFT_TAK_BELOP"].editor.edit, "9876")
    draft = ctx.workspace.draft_path("12", 2026)
    key = ctx.workspace.draft_keys.key()
    while not (draft.exists() and b"9876" in decrypt(key, draft.read_bytes(), "")):
        app.processEvents(); time.sleep(0.01)
    print("SAVED", flush=True)
    app.exec()  # keeps running, mid-edit, until killed
""")


def test_killed_mid_edit_the_draft_is_restored(qtbot, tmp_path):
    data = tmp_path / "data"
    workspace = Workspace(data, data / "config")
    settings, _ = workspace.load_settings()
    settings.unit = REGION_UNIT
    workspace.save_settings(settings)
    script = tmp_path / "driver.py"
    script.write_text(DRIVER)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, str(script), str(data)],
        stdout=subprocess.PIPE,
        env=env,
        cwd=ROOT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        line = ""
        while "SAVED" not in line and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                break
        assert "SAVED" in line
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    assert process.returncode == -signal.SIGKILL

    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # restored by the suite's memory_keyring fixture
    ctx = create_context(data, asker=ScriptedAsker(passphrases=["langt nok passord"]))
    assert ctx.settings.open_form == "12"  # the form open when it was killed
    import datetime as dt

    ctx.today = lambda: dt.date(YEAR, 6, 1)
    window = create_window(ctx)
    qtbot.addWidget(window)
    window.show()
    window.start()  # reopens the form that was open
    qtbot.waitUntil(lambda: window.page is not None, timeout=15000)
    assert window.session.answers == {
        "KOMMUNE_NR": "1234", "BOUTGIFT_TAK": "1", "BOUTGIFT_TAK_BELOP": 9876}
    row = window.page.questionnaire.rows["BOUTGIFT_TAK_BELOP"]
    assert row.editor.value() == 9876
    assert not row.isHidden()
    window.close()


def test_corrupt_draft_is_set_aside_and_the_form_opens_empty(qtbot, window, ctx):
    path = ctx.workspace.draft_path("11F", YEAR)
    path.parent.mkdir(parents=True)
    path.write_text('{"format": "kostra-klienten/draft", "records": [')
    open_form(qtbot, window, "11F")
    warnings = ctx.asker.texts("warn")
    assert warnings
    assert "lagt til side" in warnings[-1]
    aside = list(path.parent.glob("11F.unreadable-*.json"))
    assert len(aside) == 1
    assert aside[0].read_text().endswith('"records": [')
    assert len(window.session.records) == 0


def test_close_and_reopen_keeps_edits_and_explanations(qtbot, window, ctx):
    page = open_form(qtbot, window, "12")
    page.questionnaire.rows["BOUTGIFT_TAK"].editor.buttons["2"].click()
    settle(qtbot, window.session)
    window.close_form()
    saved = json.loads(draft_text(ctx.workspace, "12"))
    assert saved["answers"] == {"KOMMUNE_NR": "1234", "BOUTGIFT_TAK": "2"}
    status = ctx.workspace.status_of("12", YEAR)
    assert status.state == "errors"
    assert (
        window.overview.model.entries[
            [e.form_id for e in window.overview.model.entries].index("12")
        ].status.state
        == "errors"
    )
    page = open_form(qtbot, window, "12")
    assert page.questionnaire.rows["BOUTGIFT_TAK"].editor.value() == "2"
