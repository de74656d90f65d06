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

from client.selftest import CHECKS, EXPECTED, selftest

ROOT = Path(__file__).resolve().parents[1]
NAMES_NB = ["skjema", "eksempler", "utgiver", "sertifikat", "innsending", "kvittering",
            "verifisering"]


def run(*args: str, env_extra: dict[str, str] | None = None, tmp: Path):
    env = dict(os.environ, KOSTRA_DATA_DIR=str(tmp / "data"), **(env_extra or {}))
    for name in ("KOSTRA_FORMS_DIR", "KOSTRA_RESOURCES_DIR", "QT_QPA_PLATFORM"):
        if name not in (env_extra or {}):
            env.pop(name, None)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=tmp,
                          env={**env, "PYTHONPATH": str(ROOT)}, timeout=180, check=False)


def test_every_bundled_example_has_known_findings():
    examples = {p.name for p in (ROOT / "resources" / "examples").iterdir()}
    assert examples == set(EXPECTED)
    assert EXPECTED["12_2026_460100.json"][2] == {}  # the clean one
    assert all(EXPECTED[name][2] for name in examples if name.startswith("11"))  # planted errors


def test_the_checks_pass_in_process_one_line_each(tmp_path, monkeypatch):
    monkeypatch.setenv("KOSTRA_DATA_DIR", str(tmp_path / "data"))
    out = io.StringIO()
    assert selftest(window=False, out=out) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == len(CHECKS) + 1
    assert [line.split()[1] for line in lines[:-1]] == NAMES_NB
    assert all(line.startswith("OK") for line in lines[:-1])
    assert lines[-1].startswith("Selvtest bestått: alle 7 kontroller OK")
    assert not (tmp_path / "data").exists()  # nothing written outside its temporary folder


def test_kostra_selftest_and_the_window_selftest_pass(tmp_path):
    cli = run("-m", "client", "--lang", "en", "selftest", tmp=tmp_path)
    assert cli.returncode == 0, cli.stdout + cli.stderr
    assert "OK    verification" in cli.stdout and "window" not in cli.stdout
    assert "Self-test passed: all 7 checks OK" in cli.stdout

    gui = run("-m", "client.gui", "--selftest", tmp=tmp_path)
    assert gui.returncode == 0, gui.stdout + gui.stderr
    lines = gui.stdout.splitlines()
    assert [line.split()[1] for line in lines[:-1]] == [*NAMES_NB, "vindu"]
    assert "(offscreen)" in lines[-2]  # the self-test chose the offscreen platform itself
    assert "signert og kryptert" in gui.stdout and "kvittering.pdf skrevet" in gui.stdout
    assert lines[-1].startswith("Selvtest bestått: alle 8 kontroller OK")


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
    assert "Selvtest feilet: 1 av 7 kontroller feilet (eksempler)" in result.stdout


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
