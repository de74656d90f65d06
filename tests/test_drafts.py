"""The draft format: a faithful round trip, and drafts that cannot be read are refused
with a reason the caller can act on (set aside, never overwritten)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from client.core.documents import FormDocument, load_document
from client.core.drafts import DraftError, document_to_bytes, load_draft, save_draft
from client.core.forms.catalog import FormCatalog
from client.core.readiness import assess
from client.core.records.recordset import RecordSet
from client.core.validation.engine import FormValidator, ValidationContext
from synthetic import clean_records, plant_errors

ROOT = Path(__file__).resolve().parents[1]
CATALOG = FormCatalog([ROOT / "forms"])
F11 = CATALOG.load("11F", 2026)
F12 = CATALOG.load("12", 2026)


def _document() -> FormDocument:
    records = RecordSet.from_records(F11, plant_errors(list(clean_records(F11, 40)), F11, 9))
    records.lines.append(records.lines[0][:100])  # a line of the wrong length survives too
    return FormDocument(F11, records=records, explanations={"30:10:BIDRAG": "Stor familie."},
                        region="123400")


def test_record_draft_round_trip(tmp_path):
    document = _document()
    path = tmp_path / "draft.json"
    save_draft(path, document)
    again = load_draft(path, F11)
    assert again.records is not None and document.records is not None
    assert again.records.lines == document.records.lines
    assert again.explanations == document.explanations
    assert again.region == "123400"
    assert document_to_bytes(again) .split(b'"savedAt"')[0] == document_to_bytes(
        document).split(b'"savedAt"')[0]


def test_questionnaire_draft_round_trip(tmp_path):
    answers = json.loads((ROOT / "tests" / "data" / "skjema12_answers.json").read_text("utf-8"))
    path = tmp_path / "12.json"
    save_draft(path, FormDocument(F12, answers=answers, explanations={"x": "y"}))
    again = load_draft(path, F12)
    assert again.answers == answers and again.explanations == {"x": "y"}


def test_a_draft_validates_like_its_records(tmp_path):
    document = _document()
    document.records.lines.pop()  # only whole records
    path = tmp_path / "draft.json"
    save_draft(path, document)
    context = ValidationContext.from_region("123400", 2026)
    validator = FormValidator(F11)
    from_draft = load_document(path, F11)
    assert [f.ref for f in validator.validate(from_draft.data, context)] == [
        f.ref for f in validator.validate(document.records, context)]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{\"format\": \"kostra-klienten/draft\", \"formatVersion\": 1, \"form\": \"11F\"",
         "corrupt"),
        (b"\xff\xfe garbage", "corrupt"),
        (b"[]", "corrupt"),
        (json.dumps({"format": "kostra-klienten/draft", "formatVersion": 99, "form": "11F",
                     "year": 2026}).encode(), "newer"),
        (json.dumps({"format": "kostra-klienten/draft", "formatVersion": 1, "form": "11F",
                     "year": 2025, "records": []}).encode(), "other_form"),
        (json.dumps({"format": "kostra-klienten/draft", "formatVersion": 1, "form": "11F",
                     "year": 2026, "records": [{"NO_SUCH_FIELD": "1"}]}).encode(), "corrupt"),
        (json.dumps({"format": "kostra-klienten/draft", "formatVersion": 1, "form": "11F",
                     "year": 2026, "records": [{"BIDRAG": "123456789"}]}).encode(), "corrupt"),
        (json.dumps({"format": "kostra-klienten/draft", "formatVersion": 1, "form": "11F",
                     "year": 2026, "records": [], "source": {"encoding": "ebcdic"}}).encode(),
         "corrupt"),
    ],
    ids=["truncated", "not-utf8", "not-an-object", "newer", "other-year", "unknown-field",
         "too-long", "unknown-encoding"],
)
def test_unreadable_drafts_are_refused_and_left_alone(tmp_path, content, reason):
    path = tmp_path / "draft.json"
    path.write_bytes(content)
    with pytest.raises(DraftError) as info:
        load_draft(path, F11)
    assert info.value.reason == reason
    assert "urørt" in info.value.message() or "untouched" in info.value.message("en")
    assert path.read_bytes() == content


def test_a_draft_is_written_atomically(tmp_path):
    """Killed mid-save, the previous draft is still whole: a child process saves in a loop
    and is killed; what is left always parses."""
    path = tmp_path / "draft.json"
    save_draft(path, _document())
    script = f"""
import sys
sys.path.insert(0, {str(ROOT / "tests")!r})
from client.core.drafts import save_draft
from client.core.documents import FormDocument
from client.core.forms.catalog import FormCatalog
from client.core.records.recordset import RecordSet
from synthetic import clean_records
form = FormCatalog().load("11F", 2026)
records = RecordSet.from_records(form, clean_records(form, 3000))
print("ready", flush=True)
while True:
    save_draft({str(path)!r}, FormDocument(form, records=records))
"""
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(0.5)
    finally:
        child.kill()
        child.wait()
    loaded = load_draft(path, F11)
    assert loaded.records is not None and len(loaded.records) in (41, 3000)


def test_readiness_needs_no_errors_and_every_warning_explained():
    context = ValidationContext.from_region("460100", 2026)
    answers = json.loads((ROOT / "tests" / "data" / "skjema12_answers.json").read_text("utf-8"))
    answers["VEDTAK_DATO"] = "2021-03-01"
    findings = FormValidator(F12).validate(answers, context)
    readiness = assess(findings, {})
    assert readiness.status == "unexplained"
    (warning,) = readiness.unexplained
    assert warning.ref == "K-12-VEDTAK:-:VEDTAK_DATO"
    assert assess(findings, {warning.ref: "   "}).status == "unexplained"
    assert assess(findings, {warning.ref: "Nye satser vedtas i januar."}).ready
    answers["BOUTGIFT_TAK"] = "1"
    answers.pop("BOUTGIFT_TAK_BELOP")
    blocked = assess(FormValidator(F12).validate(answers, context),
                     {warning.ref: "Nye satser vedtas i januar."})
    assert blocked.status == "errors"
    assert [f.field for f in blocked.blocking] == ["BOUTGIFT_TAK_BELOP"]
