"""Prefill from last year's answers, and our cross-form plausibility controls (K-7-OKRAD-11F,
K-12-SATS-11F) against synthetic 11F records."""

from __future__ import annotations

import json
from pathlib import Path

from test_submission_support import document_11f

from client.core.forms.catalog import FormCatalog
from client.core.prefill import last_year_answers, prefill
from client.core.records.recordset import RecordSet
from client.core.validation.crossforms import cross_findings
from client.core.validation.engine import ValidationContext

ROOT = Path(__file__).resolve().parents[1]
CATALOG = FormCatalog([ROOT / "forms"])
CONTEXT = ValidationContext.from_region("460100", 2026)


def example(form_id: str) -> dict:
    return json.loads((ROOT / "resources" / "examples" / f"{form_id}_2026_460100.json").read_text())


def with_values(records: RecordSet, count: int, **values: str) -> RecordSet:
    """The records with the first `count` given these field values (the rest blanked)."""
    form = records.form
    lines = []
    for i, original in enumerate(records.lines):
        line = original
        for name, value in values.items():
            column = form.field(name).column
            text = value if i < count else " " * column.size
            line = line[: column.start] + text.ljust(column.size) + line[column.end:]
        lines.append(line)
    return RecordSet(form, lines)


def test_prefill_carries_answers_and_names_those_the_new_form_lacks(tmp_path):
    form = CATALOG.load("12", 2026)
    old = {**example("12"), "BOUTGIFT_TAK_BELOP": 11000,
           "YTELSER_UTENFOR": ["01", "07"],  # 07 is not offered any more
           "SATSER_GAMMEL": 1234}  # a question the new form does not have
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps({"format": "kostra-klienten/draft", "answers": old}))
    result = prefill(form, last_year_answers(draft))
    assert result.answers["BOUTGIFT_TAK_BELOP"] == 11000
    assert "BOUTGIFT_TAK_BELOP" in result.carried
    assert result.answers["YTELSER_UTENFOR"] == ["01"] and "YTELSER_UTENFOR" in result.changed
    assert "07" in result.notes["YTELSER_UTENFOR"]
    assert result.dropped == {"SATSER_GAMMEL": 1234}  # named, never silently dropped
    assert "SATSER_GAMMEL" not in result.answers


def test_prefill_keeps_table_rows_and_recomputes_totals():
    form = CATALOG.load("7", 2026)
    old = example("7")
    old["PERSONELL"][0]["GAMMEL_KOLONNE"] = 3
    old["PERSONELL_ANSATTE"] = 1  # a stale total
    result = prefill(form, old)
    first = result.answers["PERSONELL"][0]
    assert first == {"KATEGORI": "01", "ANSATTE": 140, "VIDEREUTDANNET": 38}
    assert "PERSONELL" in result.changed and "GAMMEL_KOLONNE" in result.notes["PERSONELL"]
    assert result.answers["PERSONELL_ANSATTE"] == 171


def test_financial_counselling_against_11f_warns_with_both_figures():
    form = CATALOG.load("7", 2026)
    records = document_11f(60, warning_line=None).records
    records = with_values(records, 40, GITT_OKONOMIRAD="1")
    answers = {**example("7"), "OKRAD_MED_SOSHJELP": 42}
    assert cross_findings(form, answers, {"11F": records}, CONTEXT) == []  # 42 is about 40
    answers["OKRAD_MED_SOSHJELP"] = 820
    (finding,) = cross_findings(form, answers, {"11F": records}, CONTEXT)
    assert (finding.control, finding.severity) == ("K-7-OKRAD-11F", "WARNING")
    text = finding.message("nb")
    assert "820" in text and " 40 " in text and "11F" in text
    assert cross_findings(form, answers, {}, CONTEXT) == []  # no 11F in the client: silent


def test_the_single_adult_rate_against_11f_amounts():
    form = CATALOG.load("12", 2026)
    base = document_11f(30, warning_line=None).records
    months = {f"STMND_{m}": f"{m:02d}" for m in range(1, 13)}
    long_term = with_values(base, 30, VKLO="5", BU18="2", EKTSTAT="1", **months)

    def bidrag(amount: str) -> RecordSet:
        return with_values(long_term, 30, BIDRAG=amount.rjust(7, "0"))

    answers = example("12")  # 8 350 kr a month
    assert cross_findings(form, answers, {"11F": bidrag("96000")}, CONTEXT) == []
    (finding,) = cross_findings(form, answers, {"11F": bidrag("24000")}, CONTEXT)
    assert finding.control == "K-12-SATS-11F" and finding.severity == "WARNING"
    assert "8350" in finding.message("nb") and "2000" in finding.message("nb")


def test_prefill_from_a_signed_submission(tmp_path):
    from test_submission_support import self_signed_signer_parts

    from client.core.documents import FormDocument
    from client.core.submission.keys import Signer
    from client.core.submission.submit import submit

    last = CATALOG.load("7B", 2025)
    answers = {**example("7B"), "PLAN_UTLOP_DATO": "2026-12-31"}
    cert, key = self_signed_signer_parts()
    result = submit(FormDocument(last, answers=answers, region="460100"),
                    ValidationContext.from_region("460100", 2025), Signer(cert, key), tmp_path)
    started = prefill(CATALOG.load("7B", 2026), last_year_answers(result.container))
    assert started.answers["KRISESENTRE"] == answers["KRISESENTRE"]
    assert started.answers["UTGIFT_TOTALT"] == 39750000
    assert started.dropped == {}


def test_the_window_hooks_read_the_years_drafts(tmp_path):
    from client.core.documents import FormDocument
    from client.core.prefill import from_last_years_draft
    from client.core.validation.crossforms import year_records
    from client.core.workspace import Workspace

    workspace = Workspace(tmp_path / "data", tmp_path / "config")
    form7 = CATALOG.load("7", 2026)
    assert year_records(workspace, CATALOG, form7) == {}
    assert from_last_years_draft(workspace, CATALOG, form7) is None
    records = with_values(document_11f(20, warning_line=None).records, 20, GITT_OKONOMIRAD="1")
    workspace.save_draft(FormDocument(records.form, records=records, region="460100"))
    found = year_records(workspace, CATALOG, form7)
    assert len(found["11F"]) == 20
    (finding,) = cross_findings(form7, example("7"), found, CONTEXT)
    assert finding.control == "K-7-OKRAD-11F"
    workspace.save_draft(FormDocument(CATALOG.load("7", 2025), answers=example("7")))
    started = from_last_years_draft(workspace, CATALOG, form7)
    assert started is not None and started.answers["PERSONELL_ANSATTE"] == 171
    # A draft that cannot be read offers nothing and is left where it is.
    broken = workspace.draft_path("7", 2025)
    broken.write_text("{ not json")
    assert from_last_years_draft(workspace, CATALOG, form7) is None
    assert broken.read_text() == "{ not json"


def test_a_cross_form_warning_must_be_explained_before_submitting(tmp_path):
    import pytest
    from test_submission_support import self_signed_signer_parts

    from client.core.documents import FormDocument
    from client.core.submission.errors import SubmissionBlocked
    from client.core.submission.keys import Signer
    from client.core.submission.submit import submit

    form = CATALOG.load("7", 2026)
    records = with_values(document_11f(20, warning_line=None).records, 20, GITT_OKONOMIRAD="1")
    document = FormDocument(form, answers=example("7"), region="460100")
    cert, key = self_signed_signer_parts()
    with pytest.raises(SubmissionBlocked):
        submit(document, CONTEXT, Signer(cert, key), tmp_path, others={"11F": records})
    assert list(tmp_path.iterdir()) == []
    document.explanations["K-7-OKRAD-11F:-:OKRAD_MED_SOSHJELP"] = "Interkommunal ordning."
    result = submit(document, CONTEXT, Signer(cert, key), tmp_path, others={"11F": records})
    assert result.container.exists()
    assert [f.control for f in result.findings] == ["K-7-OKRAD-11F"]
