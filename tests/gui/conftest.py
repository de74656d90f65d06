"""Desktop-window fixtures: a temporary data folder, a scripted asker, a window on 2026,
and an in-memory keyring (no GUI test ever reaches the real one)."""

import datetime as dt
from pathlib import Path

import pytest
from test_submission_support import memory_keyring_fixture  # noqa: F401 - memory_keyring

from client.core.identity import synthetic_orgnr
from client.core.workspace import ReportingUnit
from client.gui.app import create_context, create_window
from client.gui.asker import ScriptedAsker

YEAR = 2026
REGION_UNIT = ReportingUnit("1234", "Testkommune", synthetic_orgnr(1))


@pytest.fixture(autouse=True)
def _no_real_keyring(memory_keyring):
    """Every window test runs on the submission tests' in-memory keyring backend: the key
    store's passphrases never reach the OS credential store."""
    return memory_keyring


@pytest.fixture
def ctx(tmp_path):
    context = create_context(tmp_path / "data", lang="nb", asker=ScriptedAsker())
    context.settings.unit = REGION_UNIT
    context.today = lambda: dt.date(YEAR, 6, 1)
    return context


@pytest.fixture
def window(qtbot, ctx):
    win = create_window(ctx)
    qtbot.addWidget(win)
    win.resize(1280, 860)
    win.show()
    yield win
    win.close()


def open_form(qtbot, window, form_id):
    window.open_form(form_id)
    qtbot.waitUntil(lambda: window.page is not None and window.session is not None, timeout=15000)
    return window.page


def settle(qtbot, session):
    """Let debounced validation run now and queued signals arrive."""
    session.wait_for_validation()
    qtbot.wait(10)


def draft_text(workspace, form_id: str, year: int = YEAR) -> str:
    """A draft's JSON as the window saved it (encrypted at rest: decrypted with the
    workspace's key)."""
    from client.core.atrest import decrypt, is_encrypted

    raw = workspace.draft_path(form_id, year).read_bytes()
    if is_encrypted(raw):
        raw = decrypt(workspace.draft_keys.key(), raw, form_id)
    return raw.decode("utf-8")


def assert_compiled(ts: Path, qm: Path) -> None:
    """The committed .qm is exactly what lrelease makes of the .ts (file times say nothing
    in a fresh clone, where git writes the files in any order)."""
    import subprocess
    import sys
    import tempfile

    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / qm.name
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(fresh)], check=True)
        stale = f"{qm.name} is not {ts.name} compiled: run tools/update_translations.py"
        assert fresh.read_bytes() == qm.read_bytes(), stale
