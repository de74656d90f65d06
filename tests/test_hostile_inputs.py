"""Careless and hostile input to what issues 10, 11 and 16 added, as a user meets it through
`kostra`: each case gets a message saying what is wrong and what to do, exit code 2 for
input that cannot be used, no traceback, nothing half-written, and what is signed is
exactly what was checked."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from test_submission_support import self_signed_signer_parts

from client.cli import main
from client.core.documents import FormDocument
from client.core.forms.catalog import FormCatalog
from client.core.submission.keys import Signer
from client.core.submission.submit import submit
from client.core.validation.engine import FormValidator, ValidationContext

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "resources" / "examples"
CATALOG = FormCatalog([ROOT / "forms"])
REGION = "460100"


def example(form_id: str) -> dict:
    return json.loads((EXAMPLES / f"{form_id}_2026_{REGION}.json").read_text("utf-8"))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Intern feil" not in err, err
    return code, out, err


def signed_form_data(container: Path) -> dict:
    with zipfile.ZipFile(container) as archive:
        return json.loads(archive.read("skjema.json"))


# --- what is signed is what was checked ------------------------------------------------


def test_answers_in_a_section_ticked_nothing_to_report_are_not_signed(tmp_path):
    """Skjema 7 with «no decisions» ticked but a number of decisions still in the file: the
    validation ignores the hidden answer, so the signature must not carry it either."""
    form = CATALOG.load("7", 2026)
    answers = {**example("7"), "RUS_INGEN": True, "RUS_VEDTAK": 64}
    context = ValidationContext.from_region(REGION, 2026)
    assert FormValidator(form).validate(answers, context) == []
    cert, key = self_signed_signer_parts()
    result = submit(FormDocument(form, answers=answers, region=REGION), context,
                    Signer(cert, key), tmp_path)
    signed = signed_form_data(result.container)["answers"]
    assert signed["RUS_INGEN"] is True and "RUS_VEDTAK" not in signed


def test_a_supplied_total_that_disagrees_with_the_rows_is_recomputed_where_it_is_signed(tmp_path):
    form = CATALOG.load("7", 2026)
    answers = {**example("7"), "OKRAD_TOTALT": 99999, "PERSONELL_ANSATTE": 5}
    context = ValidationContext.from_region(REGION, 2026)
    cert, key = self_signed_signer_parts()
    result = submit(FormDocument(form, answers=answers, region=REGION), context,
                    Signer(cert, key), tmp_path)
    signed = signed_form_data(result.container)["answers"]
    assert signed["OKRAD_TOTALT"] == 820 + 415 and signed["PERSONELL_ANSATTE"] == 171
