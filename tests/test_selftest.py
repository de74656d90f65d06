"""The installation self-test from source: `kostra selftest`, `kostra-klient --selftest`, and
that a broken installation fails it, naming the check. (tools/build_bundle.sh and CI run
the same self-test on the frozen bundle.)"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail, null
from test_submission_support import MemoryKeyring

from client import selftest as selftest_module
from client.selftest import (
    CHECKS,
    EXPECTED,
    WindowPlatform,
    check_credentials,
    check_data_folder,
    check_timezone,
    choose_platform,
    run_checks,
    selftest,
)

ROOT = Path(__file__).resolve().parents[1]
NAMES_NB = ["datamappe", "skjema", "eksempler", "utgiver", "sertifikat", "innsending",
            "kvittering", "verifisering", "tidssone", "passordlager"]


def run(*args: str, env_extra: dict[str, str] | None = None, tmp: Path):
    env = dict(os.environ, KOSTRA_DATA_DIR=str(tmp / "data"), **(env_extra or {}))
    for name in ("KOSTRA_FORMS_DIR", "KOSTRA_RESOURCES_DIR", "QT_QPA_PLATFORM"):
        if name not in (env_extra or {}):
            env.pop(name, None)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=tmp,
                          env={**env, "PYTHONPATH": str(ROOT)}, timeout=180, check=False)


@pytest.fixture
def backend():
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def test_every_bundled_example_has_known_findings():
    examples = {p.name for p in (ROOT / "resources" / "examples").iterdir()}
    assert examples == set(EXPECTED)
    assert EXPECTED["12_2026_460100.json"][2] == {}  # the clean one
    assert all(EXPECTED[name][2] for name in examples if name.startswith("11"))  # planted errors


def test_the_checks_pass_in_process_one_line_each(tmp_path, monkeypatch, backend):
    monkeypatch.setenv("KOSTRA_DATA_DIR", str(tmp_path / "data"))
    backend(MemoryKeyring())
    out = io.StringIO()
    assert selftest(window=False, out=out) == 0, out.getvalue()
    lines = out.getvalue().splitlines()
    assert len(lines) == len(CHECKS) + 2  # and the command line's helper-process check
    assert [line.split()[1] for line in lines[:-1]] == [*NAMES_NB, "kjerner"]
    assert all(line.startswith("OK") for line in lines[:-1])
    assert lines[-1].startswith("Selvtest bestått: alle 11 kontroller OK")
    assert f"{tmp_path / 'data'} (valgt med KOSTRA_DATA_DIR; lages ved første lagring)" in lines[0]
    assert not (tmp_path / "data").exists()  # nothing written outside its temporary folder


def test_kostra_selftest_and_the_window_selftest_pass(tmp_path):
    cli = run("-m", "client", "--lang", "en", "selftest", tmp=tmp_path)
    assert cli.returncode == 0, cli.stdout + cli.stderr
    assert "OK    verification" in cli.stdout and "window" not in cli.stdout
    assert "OK    cores" in cli.stdout  # a helper process checks as the program itself does
    assert "Self-test passed: all 11 checks OK" in cli.stdout

    gui = run("-m", "client.gui", "--selftest", "--offscreen", tmp=tmp_path)
    assert gui.returncode == 0, gui.stdout + gui.stderr
    lines = gui.stdout.splitlines()
    assert [line.split()[1] for line in lines[:-1]] == [*NAMES_NB, "vindu"]
    assert "(offscreen, fusion)" in lines[-2]  # asked for
    assert "signert og kryptert" in gui.stdout and "kvittering.pdf skrevet" in gui.stdout
    assert lines[-1].startswith("Selvtest bestått: alle 11 kontroller OK")


def test_the_window_selftest_uses_the_display_and_fails_when_its_platform_cannot_load(tmp_path):
    headless = run("-m", "client.gui", "--selftest", "--lang", "en",
                   env_extra={"DISPLAY": "", "WAYLAND_DISPLAY": ""}, tmp=tmp_path)
    assert headless.returncode == 0, headless.stdout + headless.stderr
    assert "(offscreen: no display, fusion)" in headless.stdout  # said, not hidden

    # A display that is not there: the check asks Qt for xcb, gets the offscreen
    # fall-back, and fails with a line instead of Qt aborting the program.
    broken = run("-m", "client.gui", "--selftest", "--lang", "en",
                 env_extra={"DISPLAY": ":4242", "WAYLAND_DISPLAY": ""}, tmp=tmp_path)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    window = broken.stdout.splitlines()[-2]
    assert window.startswith("FAIL  window")
    assert 'the Qt platform "xcb" could not be loaded (Qt used "offscreen")' in window
    assert "Self-test failed: 1 of 11 checks failed (window)" in broken.stdout
    assert "Traceback" not in broken.stdout + broken.stderr


def test_the_platform_is_the_native_one_unless_offscreen_is_asked_for():
    assert choose_platform(False, {}, "win32") == WindowPlatform("windows", "native")
    assert choose_platform(False, {}, "win32").requested == "windows;offscreen"
    assert choose_platform(True, {}, "win32") == WindowPlatform("offscreen", "asked")
    assert choose_platform(True, {}, "win32").requested == "offscreen"
    assert choose_platform(False, {}, "darwin").expected == "cocoa"
    assert choose_platform(False, {"DISPLAY": ":0"}, "linux") == WindowPlatform("xcb", "native")
    assert choose_platform(False, {"WAYLAND_DISPLAY": "w"}, "linux").expected == "wayland"
    assert choose_platform(False, {}, "linux") == WindowPlatform("offscreen", "no_display")
    assert choose_platform(False, {"QT_QPA_PLATFORM": "minimal"}, "win32") == \
        WindowPlatform("minimal", "environment")
    assert choose_platform(False, {"QT_QPA_PLATFORM": "windows:darkmode=2"}, "win32") == \
        WindowPlatform("windows", "environment")


def test_a_changed_example_fails_the_selftest_naming_the_check(tmp_path):
    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", resources)
    example = resources / "examples" / "11CF_2026_460100.txt"
    lines = example.read_bytes().splitlines(keepends=True)
    example.write_bytes(b"".join(lines + lines[:1]))  # one more duplicate than expected

    result = run("-m", "client", "selftest", env_extra={"KOSTRA_RESOURCES_DIR": str(resources)},
                 tmp=tmp_path)
    assert result.returncode == 1
    failed = [line for line in result.stdout.splitlines() if line.startswith("FEIL")]
    assert len(failed) == 1 and failed[0].split()[1] == "eksempler"
    assert "11CF_2026_460100.txt" in failed[0]
    assert "Selvtest feilet: 1 av 11 kontroller feilet (eksempler)" in result.stdout


def test_an_installation_without_forms_fails_and_skips_what_depends_on_them(tmp_path):
    (tmp_path / "empty").mkdir()
    empty = {"KOSTRA_FORMS_DIR": str(tmp_path / "empty")}
    result = run("-m", "client", "selftest", env_extra=empty, tmp=tmp_path)
    assert result.returncode == 1
    lines = {line.split()[1]: line for line in result.stdout.splitlines()[:-1]}
    assert lines["skjema"].startswith("FEIL") and "ingen skjema er installert" in lines["skjema"]
    assert lines["eksempler"].startswith("FEIL") and "ikke kjørt" in lines["eksempler"]
    assert lines["utgiver"].startswith("OK") and lines["sertifikat"].startswith("OK")
    assert "Traceback" not in result.stdout + result.stderr


def one(check, name: str, lang: str = "en") -> str:
    out = io.StringIO()
    run_checks([(name, check)], lang, out)
    return out.getvalue().splitlines()[0]


def test_the_credential_store_check_stores_reads_back_and_removes_a_secret(backend):
    memory = MemoryKeyring()
    backend(memory)
    line = one(check_credentials, "credentials")
    assert line.startswith("OK    credentials")
    assert "a throwaway secret stored, read back and deleted" in line and "MemoryKeyring" in line
    assert memory.passwords == {}  # nothing left behind


class Garbling(MemoryKeyring):
    priority = 0  # keyring collects every backend class; never let it choose this one
    def get_password(self, service, username):
        found = super().get_password(service, username)
        return None if found is None else found[::-1]


@pytest.mark.parametrize(("store", "says"), [
    (fail.Keyring(), "the operating system's credential store cannot be used"),
    (null.Keyring(), "the operating system's credential store cannot be used"),
    (Garbling(), "does not keep secrets"),
])
def test_where_the_platform_has_a_credential_store_a_broken_one_fails(
        backend, monkeypatch, store, says):
    monkeypatch.setattr(selftest_module, "STORE_REQUIRED", True)  # Windows, macOS
    backend(store)
    line = one(check_credentials, "credentials")
    assert line.startswith("FAIL  credentials") and says in line


def test_without_a_credential_store_on_linux_the_check_says_what_the_user_meets(
        backend, monkeypatch):
    monkeypatch.setattr(selftest_module, "STORE_REQUIRED", False)
    backend(fail.Keyring())
    line = one(check_credentials, "credentials", "nb")
    assert line.startswith("OK    passordlager")
    assert "blir spurt om nøkkelens passord hver gang" in line


def test_a_missing_norwegian_time_zone_fails_the_selftest(monkeypatch):
    import zoneinfo

    assert one(check_timezone, "timezone").startswith("OK    time zone")
    # No system time-zone database and no tzdata package, as on Windows without tzdata.
    monkeypatch.setitem(sys.modules, "tzdata", None)
    zoneinfo.reset_tzpath(to=[])
    zoneinfo.ZoneInfo.clear_cache()
    try:
        line = one(check_timezone, "timezone")
    finally:
        zoneinfo.reset_tzpath()
        zoneinfo.ZoneInfo.clear_cache()
    assert line.startswith("FAIL  time zone")
    assert "Europe/Oslo is missing (no tzdata); the receipt would show UTC" in line


def test_the_data_folder_check_names_it_policy_and_a_broken_policy(tmp_path, monkeypatch):
    from client.core import datadir

    monkeypatch.delenv("KOSTRA_DATA_DIR")
    where = r"HKLM\Software\Policies\KOSTRA-klienten\DataDir"
    monkeypatch.setattr(datadir, "read_registry_policy",
                        lambda: datadir.PolicySetting(str(tmp_path), where))
    line = one(check_data_folder, "data_folder")
    assert line.startswith("OK    data folder")
    assert f"{tmp_path} (IT's setting {where}; exists)" in line

    monkeypatch.setattr(datadir, "read_registry_policy",
                        lambda: datadir.PolicySetting("%NOSUCHVAR%\\K", where))
    line = one(check_data_folder, "data_folder")
    assert line.startswith("FAIL  data folder") and "NOSUCHVAR is not set" in line
