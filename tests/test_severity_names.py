"""Issue 13, point 8: every command and report names a severity the same way (SSB's FEIL,
ADVARSEL, KRITISK, INFO in Norwegian), from the one table in the core."""

from __future__ import annotations

import re

import pytest

from client.cli import main
from client.core.forms.catalog import FormCatalog
from client.core.readiness import assess
from client.core.records.fixedwidth import write_record_file
from client.core.records.recordset import RecordSet
from client.core.submission.errors import SubmissionBlocked
from client.core.validation.findings import SEVERITY_LABELS, Finding
from synthetic import clean_records, plant_errors

REGION = "123400"
RAW = re.compile(r"\b(FATAL|ERROR|WARNING)\b")


def run(capsys, *args: str) -> str:
    main(list(args))
    out, err = capsys.readouterr()
    return out + err


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    form = FormCatalog().load("11F", 2026)
    records = plant_errors(list(clean_records(form, 60, REGION)), form, every=7)
    path = tmp_path_factory.mktemp("sev") / "11F_2026.txt"
    write_record_file(path, RecordSet.from_records(form, records))
    return path


def test_validate_text_and_html_name_severities_alike(capsys, planted):
    args = (str(planted), "--form", "11F", "--year", "2026", "--region", REGION)
    text = run(capsys, "validate", *args)
    html = run(capsys, "validate", *args, "--format", "html")
    assert "FEIL" in text
    shown = set(re.findall(r'class="sev sev-\w+">([^<]+)<', html))
    assert shown and shown <= {tr["nb"] for tr in SEVERITY_LABELS.values()}


@pytest.mark.parametrize(("lang", "expected"), [("nb", "ADVARSEL"), ("nn", "ÅTVARING"),
                                                ("en", "WARNING")])
def test_forms_controls_names_severities_in_the_language(capsys, lang, expected):
    out = run(capsys, "forms", "--controls", "--form", "11F", "--year", "2026", "--lang", lang)
    assert f" {expected} " in out
    if lang != "en":
        assert not RAW.search(out)


def test_the_blocked_list_names_each_finding_s_severity():
    findings = [
        Finding("03", "kommune", "FATAL", 4, "KOMMUNE_NR", {"nb": "Feil kommune."}),
        Finding("10", "bidrag", "ERROR", 7, "BIDRAG", {"nb": "Mangler bidrag."}),
    ]
    message = SubmissionBlocked(assess(findings, {})).message("nb")
    assert "  KRITISK linje 4, KOMMUNE_NR, kontroll 03" in message
    assert "  FEIL linje 7, BIDRAG, kontroll 10" in message
