"""Skjema 12: conditional questions, the two-year rule, and answers to hidden questions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from client.core.forms.catalog import FormCatalog
from client.core.forms.visibility import prune_hidden, visible_fields
from client.core.validation.engine import FormValidator, ValidationContext

ROOT = Path(__file__).resolve().parents[1]
F12 = FormCatalog([ROOT / "forms"]).load("12", 2026)
GOOD = json.loads((ROOT / "tests" / "data" / "skjema12_answers.json").read_text("utf-8"))


def check(**changes):
    answers = {**GOOD, **changes}
    answers = {k: v for k, v in answers.items() if v is not None}
    found = FormValidator(F12).validate(answers, ValidationContext.from_region("460100", 2026))
    return {(f.control, f.severity, f.field) for f in found}


def test_the_example_is_clean():
    assert check() == set()


def test_the_form_has_every_kind_of_question():
    kinds = {f.name: (f.type, f.widget) for f in F12.fields}
    assert kinds["VEDTAK_DATO"] == ("date", "date")
    assert kinds["UTGIFTER_I_SATS"][0] == "multichoice"
    assert kinds["BOUTGIFT_TAK_BELOP"] == ("integer", "amount")
    assert kinds["YTELSER_ANNET"][0] == "string" and F12.field("YTELSER_ANNET").max_length == 200
    for field in F12.fields:
        assert set(field.label) == {"nb", "nn", "en"}


@pytest.mark.parametrize(("decided", "warns"), [
    ("2026-01-01", False), ("2024-01-01", False), ("2023-12-31", True), ("2019-06-30", True)])
def test_rates_older_than_two_years_give_a_warning(decided, warns):
    assert (("K-12-VEDTAK", "WARNING", "VEDTAK_DATO") in check(VEDTAK_DATO=decided)) is warns


def test_a_decision_after_the_reporting_year_is_questioned():
    assert ("K-12-VEDTAK-ETTER", "WARNING", "VEDTAK_DATO") in check(VEDTAK_DATO="2027-01-10")


@pytest.mark.parametrize("bad", ["2025-02-30", "15.01.2025", "", 20250115])
def test_a_date_that_is_not_one_is_an_error(bad):
    assert ("K-12-SKJEMA", "ERROR", "VEDTAK_DATO") in check(VEDTAK_DATO=bad)


def test_other_needs_its_text_and_none_excludes_the_rest():
    assert ("K-12-ANNET", "ERROR", "YTELSER_ANNET") in check(YTELSER_ANNET="  ")
    assert ("K-12-INGEN", "ERROR", "YTELSER_UTENFOR") in check(YTELSER_UTENFOR=["00", "01"])
    assert check(YTELSER_UTENFOR=["00"], YTELSER_ANNET=None) == set()
    assert ("K-12-SKJEMA", "ERROR", "UTGIFTER_I_SATS") in check(UTGIFTER_I_SATS=[])


def test_the_housing_limit_amount_is_asked_only_after_yes():
    assert "BOUTGIFT_TAK_BELOP" in visible_fields(F12, GOOD)
    assert "BOUTGIFT_TAK_BELOP" not in visible_fields(F12, {**GOOD, "BOUTGIFT_TAK": "2"})
    assert ("K-12-SKJEMA", "ERROR", "BOUTGIFT_TAK_BELOP") in check(BOUTGIFT_TAK_BELOP=None)
    assert ("K-12-SKJEMA", "ERROR", "BOUTGIFT_TAK_BELOP") in check(BOUTGIFT_TAK_BELOP=0)
    assert ("K-12-TAK", "WARNING", "BOUTGIFT_TAK_BELOP") in check(BOUTGIFT_TAK_BELOP=95000)


def test_answers_to_hidden_questions_are_kept_but_not_checked():
    answers = {**GOOD, "BOUTGIFT_TAK": "2", "BOUTGIFT_TAK_BELOP": -5,
               "YTELSER_UTENFOR": ["01"], "YTELSER_ANNET": "x" * 500}
    assert check(**answers) == set()
    pruned = prune_hidden(F12, answers)
    assert "BOUTGIFT_TAK_BELOP" not in pruned and "YTELSER_ANNET" not in pruned
    assert answers["BOUTGIFT_TAK_BELOP"] == -5  # the caller's answers are untouched


def test_messages_name_the_question_in_each_language():
    answers = {**GOOD}
    answers.pop("BOUTGIFT_TAK")
    context = ValidationContext.from_region("460100", 2026)
    (finding,) = FormValidator(F12).validate(answers, context)
    assert "øvre grense" in finding.message("nb")
    assert "buutgifter" in finding.message("nn")
    assert "upper limit" in finding.message("en")
