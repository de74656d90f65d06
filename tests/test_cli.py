"""`kostra validate` and `kostra forms` as a user runs them: whole processes, exit codes,
one JSON object, messages instead of tracebacks, and no personal numbers in output."""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from client.core.forms.catalog import FormCatalog
from client.core.records.fixedwidth import write_record_file
from client.core.records.recordset import RecordSet
from synthetic import clean_records, plant_errors

ROOT = Path(__file__).resolve().parents[1]
CATALOG = FormCatalog([ROOT / "forms"])
F11 = CATALOG.load("11F", 2026)
F11CF = CATALOG.load("11CF", 2026)
REGION = "123400"


def kostra(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "client", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def write(path: Path, form, records) -> Path:
    write_record_file(path, RecordSet.from_records(form, records))
    return path


@pytest.fixture(scope="module")
def clean_file(tmp_path_factory) -> Path:
    return write(tmp_path_factory.mktemp("clean") / "11F.txt", F11,
                 list(clean_records(F11, 60, REGION)))


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> tuple[Path, list[dict[str, str]]]:
    records = plant_errors(list(clean_records(F11, 120, REGION)), F11, every=7)
    return write(tmp_path_factory.mktemp("planted") / "11F.txt", F11, records), records


def validate(path: Path, *extra: str, form: str = "11F", region: str = REGION):
    return kostra("validate", str(path), "--form", form, "--year", "2026", "--region", region,
                  *extra)


def test_a_clean_file_exits_0_with_one_json_object(clean_file):
    result = validate(clean_file, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)  # exactly one JSON document, nothing else on stdout
    assert report == {
        "form": "11F",
        "year": 2026,
        "region": REGION,
        "records": 60,
        "encoding": "ASCII",
        "findings": [],
        "summary": {"FATAL": 0, "ERROR": 0, "WARNING": 0, "INFO": 0},
    }


def test_planted_errors_exit_1_and_each_finding_has_its_line(planted):
    path, records = planted
    result = validate(path, "--json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    findings = report["findings"]
    assert set(findings[0]) == {
        "control", "severity", "line", "field", "message", "journal", "caseworker"}
    assert report["summary"]["ERROR"] == sum(f["severity"] == "ERROR" for f in findings) > 0
    # A duplicate fødselsnummer is reported once for each line involved.
    duplicates = {f["line"] for f in findings if f["control"] == "05A"}
    numbers = [r["PERSON_FODSELSNR"] for r in records]
    expected = {i + 1 for i, n in enumerate(numbers) if numbers.count(n) > 1}
    assert duplicates == expected and len(expected) >= 2
    # Every planted record (every 7th) has a finding on its line; the only other lines
    # flagged are the records a planted duplicate copied its number from.
    flagged = {f["line"] for f in findings}
    planted_lines = {i + 1 for i in range(1, len(records)) if i % 7 == 0}
    assert planted_lines <= flagged
    assert flagged <= planted_lines | {line - 1 for line in planted_lines} | {1}


def test_no_personal_number_ever_reaches_the_output(planted):
    path, records = planted
    out = validate(path).stdout + validate(path, "--json").stdout
    for record in records:
        assert record["PERSON_FODSELSNR"] not in out
    assert re.search(r"(?<!\d)\d{11}(?!\d)", out) is None  # no 11-digit number at all


def test_the_text_report_is_grouped_by_record_with_journal_and_caseworker(planted):
    path, records = planted
    result = validate(path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    heading = next(line for line in lines if line.startswith("Linje 8 "))
    assert records[7]["PERSON_JOURNALNR"] in heading
    assert records[7]["SAKSBEHANDLER"] in heading
    assert re.search(r"Sum: 0 kritiske, \d+ feil", result.stdout)
    english = validate(path, "--lang", "en") if False else kostra(
        "--lang", "en", "validate", str(path), "--form", "11F", "--year", "2026",
        "--region", REGION)
    assert "Line 8 · journal no." in english.stdout


def test_python_m_client_and_the_console_script_agree(clean_file):
    script = Path(sys.executable).with_name("kostra")
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    result = subprocess.run([str(script), "validate", str(clean_file), "--form", "11F",
                             "--year", "2026", "--region", REGION, "--json"],
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads(validate(clean_file, "--json").stdout)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binære"),
        (codecs.BOM_UTF16_LE + "0301 hei".encode("utf-16-le"), "UTF-16"),
        (b"x\n" * 1_000_000, "1000000 linjer"),
    ],
    ids=["binary", "utf16", "million-lines"],
)
def test_unreadable_input_exits_2_with_a_message(tmp_path, content, expected):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = validate(path)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""


def test_a_200_mb_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(200 * 1024 * 1024)
    # VmHWM is this process's own peak (ru_maxrss would include what the parent had
    # when it forked, i.e. pytest's memory).
    code = (
        "import re, sys; from client.cli import main; rc = main(sys.argv[1:]); "
        "status = open('/proc/self/status').read(); "
        "print(re.search(r'VmHWM:\\s+(\\d+)', status).group(1), file=sys.stderr); sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "validate", str(path), "--form", "11F", "--year", "2026",
         "--region", REGION],
        capture_output=True, text=True, cwd=ROOT, check=False, timeout=120,
    )
    assert result.returncode == 2
    assert "200 MB" in result.stderr
    peak_kb = int(result.stderr.strip().splitlines()[-1])
    assert peak_kb < 150 * 1024  # the file was never read into memory


def test_a_file_of_another_form_is_named(tmp_path):
    path = write(tmp_path / "11CF.txt", F11CF, list(clean_records(F11CF, 5, REGION)))
    result = validate(path)
    assert result.returncode == 2
    assert "11CF" in result.stderr and "338" in result.stderr


def test_lines_of_the_wrong_length_give_the_fatal_record_length_finding(tmp_path, clean_file):
    lines = clean_file.read_text("ascii").splitlines()
    lines[3] = lines[3][:-5]
    lines[9] = lines[9] + "XX"
    path = tmp_path / "short.txt"
    path.write_text("\n".join(lines) + "\n", "ascii")
    result = validate(path, "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [(f["control"], f["severity"], f["line"]) for f in report["findings"]] == [
        ("001", "FATAL", 4), ("001", "FATAL", 10)]
    assert "333" in report["findings"][0]["message"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["validate", "missing.txt", "--form", "11F", "--year", "2026", "--region", REGION],
         "Finner ikke filen"),
        (["validate", "x", "--form", "99Z", "--year", "2026", "--region", REGION],
         "ikke installert"),
        (["validate", "x", "--form", "11F", "--year", "1999", "--region", REGION],
         "ikke installert"),
        (["validate", "x", "--form", "11F", "--year", "2026", "--region", "03a1"],
         "Region «03a1» er ugyldig"),
        (["validate", "x", "--form", "11F"], "--region"),
        (["frobnicate"], "er ikke et av valgene"),
    ],
)
def test_usage_errors_exit_2(args, expected):
    result = kostra(*args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_forms_lists_years_and_our_own_controls_apart():
    result = kostra("forms", "--controls", "--form", "11F", "--year", "2026")
    assert result.returncode == 0
    ssb, ours = result.stdout.split("Klientens egne kontroller")
    assert "K-DATO" in ours and "K-DATO" not in ssb
    assert " 30 " in ssb and " 03 " in ssb
    listing = json.loads(kostra("forms", "--json").stdout)
    assert {(f["form"], f["year"]) for f in listing} >= {
        ("11F", 2024), ("11F", 2025), ("11F", 2026), ("11CF", 2025), ("12", 2026),
        ("7", 2025), ("7B", 2025), ("12", 2025), ("7", 2026), ("7B", 2026)}


def test_one_broken_installed_form_is_named_and_hides_no_other(tmp_path):
    broken = tmp_path / "data" / "forms" / "2027" / "11F"
    broken.mkdir(parents=True)
    (broken / "form.json").write_text('{"id": "11F",', "utf-8")
    result = kostra("forms", "--json", env={"KOSTRA_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 2  # a definition that cannot be read, as for any input
    assert "Skjema 11F 2027 kan ikke brukes" in result.stderr and "form.json" in result.stderr
    assert "Traceback" not in result.stderr
    listed = {(f["form"], f["year"]) for f in json.loads(result.stdout)}
    assert ("11F", 2026) in listed and ("12", 2026) in listed and ("11F", 2027) not in listed
    text = kostra("forms", env={"KOSTRA_DATA_DIR": str(tmp_path / "data")})
    assert text.returncode == 2 and "11F   Økonomisk sosialhjelp" in text.stdout


def test_questionnaire_answers_validate_the_same_way(tmp_path):
    good = ROOT / "resources" / "examples" / "12_2026_460100.json"
    result = kostra("validate", str(good), "--form", "12", "--year", "2026", "--region",
                    "460100", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["findings"] == []
    bad = tmp_path / "12.json"
    # The full form (26 questions since issue 10): the example with four answers changed.
    answers = json.loads(good.read_text("utf-8"))
    for name in ("YTELSER_ANNET", "BOUTGIFT_TAK_BELOP"):
        answers.pop(name)
    answers.update({"VEDTAK_DATO": "2020-06-01", "INDEKSREGULERT": "2",
                    "YTELSER_UTENFOR": ["99"], "BOUTGIFT_TAK": "1"})
    bad.write_text(json.dumps(answers), "utf-8")
    report = json.loads(kostra("validate", str(bad), "--form", "12", "--year", "2026",
                               "--region", "460100", "--json").stdout)
    got = {(f["control"], f["severity"], f["field"]) for f in report["findings"]}
    assert got == {
        ("K-12-VEDTAK", "WARNING", "VEDTAK_DATO"),
        ("K-12-ANNET", "ERROR", "YTELSER_ANNET"),
        ("K-12-SKJEMA", "ERROR", "BOUTGIFT_TAK_BELOP"),
    }
    assert all(f["line"] is None for f in report["findings"])
    (tmp_path / "not.json").write_text("{ not json", "utf-8")
    broken = kostra("validate", str(tmp_path / "not.json"), "--form", "12", "--year", "2026",
                    "--region", "460100")
    assert broken.returncode == 2 and "ikke en svarfil" in broken.stderr


def test_the_bundled_example_runs_as_readme_says():
    result = kostra("validate", "resources/examples/11F_2026_460100.txt", "--form", "11F",
                    "--year", "2026", "--region", "460100")
    assert result.returncode == 1  # the example carries planted errors to look at
    assert "K-DATO" in result.stdout and "05A" in result.stdout


def test_lang_is_accepted_before_and_after_the_command(clean_file):
    after = validate(clean_file, "--lang", "en")
    before = kostra("--lang", "nn", "validate", str(clean_file), "--form", "11F", "--year",
                    "2026", "--region", REGION)
    assert after.stdout.startswith("Form 11F Financial social assistance")
    assert before.stdout.startswith("Skjema 11F")
    assert "Ingen funn: fila består alle kontrollane." in before.stdout


def test_validate_a_questionnaire_with_the_years_11f_runs_the_cross_form_controls(tmp_path):
    form = FormCatalog([ROOT / "forms"]).load("11F", 2026)
    records = clean_records(form, 30, "460100")  # the same municipality's 11F
    path = write(tmp_path / "11f.txt", form, records)
    example = ROOT / "resources" / "examples" / "7_2026_460100.json"
    args = ("validate", str(example), "--form", "7", "--year", "2026", "--region", "460100")
    alone = json.loads(kostra(*args, "--json").stdout)
    assert alone["findings"] == []
    result = kostra(*args, "--with", f"11F={path}", "--json")
    assert result.returncode == 0, result.stderr  # a warning never blocks
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["control"] == "K-7-OKRAD-11F" and finding["severity"] == "WARNING"
    assert "820" in finding["message"] and "11F" in finding["message"]
    bad = kostra(*args, "--with", "11F")
    assert bad.returncode == 2 and "--with 11F=" in bad.stderr and "Traceback" not in bad.stderr
