"""`kostra kkp`: SSB's control program's arguments, stdin, JSON shape and exit codes.

The cases are the shapes of SSB's own rule tests (tests/ssb_cases/): each is written as
a fixed-width file, fed to `kostra kkp` on stdin and to `kostra validate --json`, and the
two must agree — the same findings of SSB's controls, and exit codes that mean the same.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from test_ssb_cases import CASES_DIR, build_lines

import client.cli.kkp as kkp_cli
import client.cli.validate as validate_cli
from client.cli import main
from client.core.forms.catalog import FormCatalog
from client.core.validation.engine import FormValidator

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "11F_2026_460100.txt"
SSB_SUMMARY_KEYS = {
    "region", "name", "programVersion", "reportStartedAt", "reportCompletedAt",
    "reportGenerationTime", "scheme", "year", "numberOfControls", "severity", "numFatal",
    "numErrors", "numWarnings", "numInfo", "numOk",
}
SSB_ENTRY_KEYS = {
    "severity", "caseworker", "journalId", "individId", "contextId", "ruleName",
    "messageText", "lineNumbers",
}
YEAR = 2026


_real_load = FormCatalog.load
_load = cache(lambda form_id, year: _real_load(FormCatalog(), form_id, year))
_validators: dict[int, FormValidator] = {}


@pytest.fixture(autouse=True)
def _compiled_once(monkeypatch):
    """Each run loads and compiles the form as a user's run does; across the many runs of
    this module the real objects are kept, so the cases run in seconds."""
    monkeypatch.setattr(FormCatalog, "load", lambda self, form_id, year: _load(form_id, year))
    validators = _validators

    def compiled(form):
        if id(form) not in validators:
            validators[id(form)] = FormValidator(form)
        return validators[id(form)]
    monkeypatch.setattr(kkp_cli, "FormValidator", compiled)
    monkeypatch.setattr(validate_cli, "FormValidator", compiled)


def run_in_process(argv: list[str], stdin: bytes = b"") -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8")
    old_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="iso-8859-1")
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(err):
            code = main(argv)
            stdout.flush()
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


def kkp(data: bytes, *extra: str, form: str = "11F", region: str = "123400",
        year: int = YEAR) -> tuple[int, dict]:
    code, out, err = run_in_process(
        ["kkp", "-s", form, "-y", str(year), "-r", region, "-n", "Testkommune", "-f", "JSON",
         *extra], data)
    assert not err, err
    return code, json.loads(out.decode("iso-8859-1"))


def _cases() -> list:
    """Of each of SSB's rule tests: the first case that fires and the first that does not."""
    params = []
    for path in sorted(CASES_DIR.glob("*/*.json")):
        doc = json.loads(path.read_text("utf-8"))
        if YEAR not in doc.get("years", [2025, 2026]):
            continue
        forms = doc.get("forms", [path.parent.name] if path.parent.name != "common"
                        else ["11F", "11CF"])
        picked = [next((c for c in doc["cases"] if c["expect"]), None),
                  next((c for c in doc["cases"] if not c["expect"]), None)]
        for case in filter(None, picked):
            for form_id in forms:
                params.append(pytest.param(doc, case, form_id,
                                           id=f"{form_id}-{path.stem}-{case['name']}"))
    return params


@pytest.mark.parametrize(("doc", "case", "form_id"), _cases())
def test_kkp_agrees_with_validate_on_ssb_cases(doc, case, form_id, tmp_path):
    lines, region = build_lines(doc, case, form_id, YEAR)
    data = ("\n".join(lines) + "\n").encode("iso-8859-1") if lines else b""
    path = tmp_path / "uttrekk.txt"
    path.write_bytes(data)
    code, report = kkp(data, form=form_id, region=region)
    v_code, v_out, v_err = run_in_process(
        ["validate", str(path), "--form", form_id, "--year", str(YEAR), "--region", region,
         "--json"])

    summary, entries = report["validationSummary"], report["reportEntries"]
    assert set(summary) == SSB_SUMMARY_KEYS
    assert all(set(e) == SSB_ENTRY_KEYS for e in entries)
    if not lines:  # nothing to check: SSB's program calls that an error
        assert code == 2 and summary["numberOfControls"] == 0
        return
    assert v_code in (0, 1), v_err  # stderr may carry notes about the region
    validated = json.loads(v_out)
    ssb_findings = [f for f in validated["findings"] if not f["control"].startswith("K-")]
    # The same findings: control, severity, line and message.
    ours = Counter((f["control"], f["severity"], f["line"], f["message"]) for f in ssb_findings)
    theirs = Counter(
        (re.match(r"Kontroll (\S+) : ", e["ruleName"]).group(1), e["severity"],
         e["lineNumbers"][0] if e["lineNumbers"] else None, e["messageText"])
        for e in entries)
    assert theirs == ours
    # The control under test fires on exactly the lines SSB's test expects.
    fired = sorted(e["lineNumbers"][0] for e in entries
                   if e["ruleName"].startswith(f"Kontroll {doc['control']} : ")
                   and (doc.get("field") is None or any(
                       f["line"] == e["lineNumbers"][0] and f["field"] == doc["field"]
                       for f in ssb_findings)))
    if doc.get("field") is None:
        assert fired == sorted(e["line"] for e in case["expect"])
    # Exit codes mean the same: SSB's 2 (errors) is validate's 1; 0/1 both pass validate.
    worst = {f["severity"] for f in ssb_findings}
    expected = 2 if worst & {"FATAL", "ERROR"} else 1 if "WARNING" in worst else 0
    assert code == expected == summary["severity"]
    assert v_code == (1 if code == 2 else v_code) and (v_code == 1) == (code == 2)
    # No person number in the report, only its mask.
    assert all(e["individId"] in ("", "*" * 11) for e in entries)
    assert not re.search(rb"\d{11}", json.dumps(report).encode())


def test_kkp_counts_per_severity_and_numOk():
    code, report = kkp(b" ", "-a", "0")
    summary = report["validationSummary"]
    assert code == 0 and summary["severity"] == 0
    assert summary["numOk"] == 1 and report["reportEntries"][0]["severity"] == "OK"
    code, report = kkp(b" \n")  # says "recipients", delivers the lone space
    assert code == 2 and report["validationSummary"]["numFatal"] == 1
    assert report["reportEntries"][0]["ruleName"].startswith("Kontroll 000 ")


def test_kkp_unknown_scheme_is_fatal_with_ssb_rule_name():
    code, report = kkp(b"x\n", form="15F")
    assert code == 2
    (entry,) = report["reportEntries"]
    assert entry["severity"] == "FATAL" and entry["ruleName"] == "Ukjent skjema"
    assert "15F" in entry["messageText"]


def test_kkp_unreadable_input_is_a_fatal_entry_not_a_traceback():
    code, report = kkp(b"\xff\xfe1\x002\x00\n")  # UTF-16
    assert code == 2
    assert report["reportEntries"][0]["severity"] == "FATAL"
    assert "UTF-16" in report["reportEntries"][0]["messageText"]


def test_kkp_usage_errors_and_charsets():
    code, _out, err = run_in_process(["kkp", "-y", "2026", "-r", "460100"], b"")
    assert code == 2 and "-s" in err
    code, _out, err = run_in_process(["kkp", "-s", "11F", "-y", "2026", "-r", "460100",
                                      "-c", "UTF-16"], b"")
    assert code == 255 and "UTF-16" in err
    code, _out, err = run_in_process(["kkp", "-s", "11F", "-y", "2026", "-r", "460100",
                                      "-f", "XML"], b"")
    assert code == 2 and "XML" in err
    code, _out, err = run_in_process(["kkp", "-s", "11F", "-y", "2026", "-r", "12"], b"")
    assert code == 2 and err


def test_kkp_as_a_process_latin1_json_and_html():
    """A vendor's script: the real process, stdin from the file, ISO-8859-1 out."""
    data = EXAMPLE.read_bytes()
    for fmt in ("JSON", "HTML"):
        result = subprocess.run(
            [sys.executable, "-m", "client", "kkp", "-s", "11F", "-y", "2026", "-r", "460100",
             "-n", "Bergen kommune", "-u", "964338531", "-f", fmt],
            input=data, capture_output=True, cwd=ROOT, timeout=120, check=False)
        assert result.returncode == 2, result.stderr  # the example has planted errors
        assert not re.search(rb"(?<!\d)\d{11}(?!\d)", result.stdout)
        text = result.stdout.decode("iso-8859-1")
        if fmt == "JSON":
            report = json.loads(text)
            assert report["validationSummary"]["numErrors"] > 0
            assert "Fødselsnummer" in text  # Latin-1 bytes, not escapes
        else:
            assert '<meta charset="iso-8859-1">' in text and "Kontrollrapport" in text
            # SSB shows statistics only when nothing is worse than a warning.
            assert "Statistikkrapport" not in text
