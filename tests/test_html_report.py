"""The HTML report: `kostra validate --format html` and --compare as a user runs them, and
the report opened in a real headless browser (Chromium from Debian): rendered to a PNG
and printed to PDF on A4, read back."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_cli import kostra

from client.core.forms.catalog import FormCatalog
from client.core.records.fixedwidth import write_record_file
from client.core.records.recordset import RecordSet
from client.core.reports.html import ReportData, render_html
from client.core.statistics import compute_statistics
from client.core.validation.engine import FormValidator, ValidationContext
from client.core.validation.findings import sort_findings
from synthetic import clean_records, plant_errors

CATALOG = FormCatalog()
F26 = CATALOG.load("11F", 2026)
F25 = CATALOG.load("11F", 2025)
REGION = "123400"
ELEVEN_DIGITS = re.compile(r"(?<!\d)(?<!\d[.,])\d{11}(?!\d)(?![.,]\d)")


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("Chromium is missing on CI: .ci/run installs it (apt-get install chromium)")
    pytest.skip("Chromium is not installed here (apt-get install chromium); CI runs this test")
    raise AssertionError  # unreachable: skip raises


def run_browser(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    # --no-sandbox: tests may run as root in a container, where the sandbox cannot start.
    return subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-dev-shm-usage", f"--user-data-dir={cwd / 'profile'}", *args],
        capture_output=True, text=True, cwd=cwd, timeout=120, check=False)


@pytest.fixture(scope="module")
def planted_file(tmp_path_factory) -> Path:
    records = plant_errors(list(clean_records(F26, 150, REGION)), F26, every=9)
    path = tmp_path_factory.mktemp("report") / "11F_2026.txt"
    write_record_file(path, RecordSet.from_records(F26, records))
    return path


def report_with_last_year(tmp_path: Path) -> Path:
    records = RecordSet.from_records(
        F26, plant_errors(list(clean_records(F26, 150, REGION)), F26, every=9))
    last = RecordSet.from_records(F25, clean_records(F25, 120, REGION, seed=5))
    findings = sort_findings(FormValidator(F26).validate(
        records, ValidationContext.from_region(REGION, 2026)))
    page = render_html(ReportData(
        form=F26, region=REGION, findings=findings, generated=dt.datetime(2026, 3, 1, 12, 0),
        unit_name="Testkommune", source_name="11F_2026.txt", encoding="ISO-8859-1",
        records=len(records), statistics=compute_statistics(F26, records),
        last_year=compute_statistics(F25, last), controls_run=len(records) * 50), "nb")
    path = tmp_path / "rapport.html"
    path.write_text(page, "utf-8")
    return path


def test_report_in_a_real_browser_png_and_a4_pdf(tmp_path):
    report = report_with_last_year(tmp_path)
    html = report.read_text("utf-8")
    # Self-contained: nothing fetched from anywhere.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "<script" not in html and "@import" not in html
    assert not ELEVEN_DIGITS.search(html)

    # What the browser made of it: the parsed DOM has every chart and both years.
    dom = run_browser("--dump-dom", report.as_uri(), cwd=tmp_path)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert dom.stdout.count("<svg") == 5  # months, age, amount, duration, long-term share
    for text in ("Oppsummering per kontroll", "Funn per saksbehandler og journal",
                 "Statistikkrapport", "Antall 2025", "Antall 2026", "Endring"):
        assert text in dom.stdout, text

    png = tmp_path / "rapport.png"
    shot = run_browser(f"--screenshot={png}", "--window-size=1000,3000", report.as_uri(),
                       cwd=tmp_path)
    assert shot.returncode == 0 and png.stat().st_size > 20_000, shot.stderr[-2000:]
    keep = os.environ.get("KOSTRA_KEEP_SCREENSHOT")  # to look at it: a path outside the repo
    if keep:
        shutil.copy(png, keep)

    pdf = tmp_path / "rapport.pdf"
    printed = run_browser(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", report.as_uri(),
                          cwd=tmp_path)
    assert printed.returncode == 0 and pdf.exists(), printed.stderr[-2000:]
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 2
    for page in reader.pages:  # @page size: A4 (595 × 842 points)
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, (width, height)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Statistikkrapport" in text and "Langtidsmottakere" in text
    assert not ELEVEN_DIGITS.search(text)


def test_validate_format_html_and_json_agree(planted_file):
    html = kostra("validate", str(planted_file), "--form", "11F", "--year", "2026",
                  "--region", REGION, "--format", "html")
    js = kostra("validate", str(planted_file), "--form", "11F", "--year", "2026",
                "--region", REGION, "--format", "json")
    assert html.returncode == js.returncode == 1
    report = json.loads(js.stdout)
    assert html.stdout.startswith("<!DOCTYPE html>")
    # Every finding's caseworker has a section, every journal a row.
    for finding in report["findings"]:
        if finding["caseworker"]:
            assert f"Saksbehandler: {finding['caseworker']}" in html.stdout
        if finding["journal"]:
            assert f"<td>{finding['journal']}</td>" in html.stdout
    assert not ELEVEN_DIGITS.search(html.stdout)


def test_a_fodselsnummer_typed_into_the_caseworker_field_is_masked(tmp_path):
    records = list(clean_records(F26, 5, REGION))
    fnr = records[1]["PERSON_FODSELSNR"]
    records[2]["SAKSBEHANDLER"] = fnr[:10]  # the field holds 10 characters
    records[3]["PERSON_JOURNALNR"] = fnr[:8]
    path = tmp_path / f"uttrekk_{fnr}.txt"
    write_record_file(path, RecordSet.from_records(F26, records))
    result = kostra("validate", str(path), "--form", "11F", "--year", "2026",
                    "--region", REGION, "--format", "html")
    assert fnr not in result.stdout and "•" * 11 in result.stdout  # the file name, masked


def test_compare_with_an_earlier_run(planted_file, tmp_path):
    earlier = tmp_path / "forrige.json"
    first = kostra("validate", str(planted_file), "--form", "11F", "--year", "2026",
                   "--region", REGION, "--json")
    doc = json.loads(first.stdout)
    removed = doc["findings"].pop(0)  # as if it had been new since then
    doc["findings"].append({"control": "08", "severity": "ERROR", "line": 999,
                            "field": "KJONN", "message": "fixed since", "journal": "JGONE",
                            "caseworker": "SB001"})
    earlier.write_text(json.dumps(doc), "utf-8")
    for fmt, check in (("json", None), ("text", "1 rettet, 1 nye"), ("html", "1 rettet, 1 nye")):
        result = kostra("validate", str(planted_file), "--form", "11F", "--year", "2026",
                        "--region", REGION, "--format", fmt, "--compare", str(earlier))
        assert result.returncode == 1, result.stderr
        if fmt == "json":
            counts = json.loads(result.stdout)["compare"]
            assert counts["counts"] == {"fixed": 1, "new": 1,
                                        "remaining": len(doc["findings"]) - 1}
            assert counts["new"][0]["control"] == removed["control"]
            assert counts["fixed"][0]["journal"] == "JGONE"
        else:
            assert check in result.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", "utf-8")
    result = kostra("validate", str(planted_file), "--form", "11F", "--year", "2026",
                    "--region", REGION, "--compare", str(bad))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "bad.json" in result.stderr and "JSON" in result.stderr


def test_last_year_option_puts_last_years_statistics_beside_this_year(planted_file, tmp_path):
    last = tmp_path / "11F_2025.txt"
    write_record_file(last, RecordSet.from_records(F25, clean_records(F25, 90, REGION, seed=3)))
    result = kostra("validate", str(planted_file), "--form", "11F", "--year", "2026",
                    "--region", REGION, "--format", "html", "--last-year", str(last))
    assert result.returncode == 1, result.stderr
    page = result.stdout
    assert "Antall 2025" in page and "Antall 2026" in page and "Endring" in page
    # The age table's 2025 column sums to last year's 90 records.
    age = page[page.index("etter alder"):]
    age = age[:age.index("</table>")]
    cells = re.findall(r'<td class="num">([^<]*)</td>', age)
    assert sum(int(c.replace("\u00a0", "")) for c in cells[0::3]) == 90
