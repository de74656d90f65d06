"""A large file's record controls on several cores give exactly what one core gives."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import synthetic
from client.core.forms.catalog import FormCatalog
from client.core.forms.loader import load_form
from client.core.records.fixedwidth import write_record_file
from client.core.records.recordset import RecordSet
from client.core.validation.engine import FormValidator, ValidationContext
from client.core.validation.parallel import MIN_LINES_FORK, RecordWorkers

ROOT = Path(__file__).resolve().parents[1]
REGION = "460100"


@pytest.fixture(scope="module")
def form():
    return FormCatalog().load("11F", 2026)


@pytest.fixture(scope="module")
def records(form):
    rows = synthetic.plant_errors(list(synthetic.clean_records(form, 1200, REGION)), form,
                                  every=7)
    return RecordSet.from_records(form, rows)


def test_helpers_find_exactly_what_one_process_finds(form, records):
    validator = FormValidator(form)
    context = ValidationContext.from_region(REGION, form.year)
    alone = validator.validate(records, context)
    assert len({f.control for f in alone}) > 5  # the planted problems are there to find
    with RecordWorkers(validator, helpers=2, min_lines=1) as workers:
        validator.workers = workers
        shared = validator.validate(records, context)
        assert not workers.fell_back
    assert shared == alone


def test_a_spawned_helper_loads_the_form_itself_and_agrees(form, records):
    """As on Windows and macOS, where the helper is a new process, not a fork."""
    validator = FormValidator(form)
    context = ValidationContext.from_region(REGION, form.year)
    lines = list(records.lines[:300])
    alone = validator.run_serial(lines, 5, context.args())
    with RecordWorkers(validator, helpers=1, min_lines=1, start_method="spawn") as workers:
        shared = workers.run(lines, 5, context)
        assert not workers.fell_back
    assert shared == alone


def test_a_helper_that_cannot_start_costs_time_not_the_verdict(tmp_path, form, records):
    directory = tmp_path / "forms" / "2026" / "11F"
    shutil.copytree(form.directory, directory)
    copy = load_form(directory)
    validator = FormValidator(copy)
    shutil.rmtree(directory)  # a spawned helper finds no form to load
    context = ValidationContext.from_region(REGION, copy.year)
    lines = list(records.lines[:300])
    with RecordWorkers(validator, helpers=1, min_lines=1, start_method="spawn") as workers:
        shared = workers.run(lines, 0, context)
        assert workers.fell_back
        assert workers.run(lines, 0, context) == shared  # and stays on this core after
    assert shared == validator.run_serial(lines, 0, context.args())


def test_small_files_and_no_spare_core_stay_in_this_process(form):
    validator = FormValidator(form)
    assert not RecordWorkers(validator, helpers=1).wanted(MIN_LINES_FORK - 1)
    assert not RecordWorkers(validator, helpers=0, min_lines=1).wanted(10**6)


def test_kostra_helpers_caps_the_helpers(monkeypatch, form):
    monkeypatch.setenv("KOSTRA_HELPERS", "0")
    assert RecordWorkers(FormValidator(form)).helpers == 0


def test_the_command_line_reports_the_same_with_and_without_helpers(tmp_path, form):
    rows = synthetic.plant_errors(
        list(synthetic.clean_records(form, MIN_LINES_FORK + 500, REGION)), form, every=40)
    path = tmp_path / "large.txt"
    write_record_file(path, RecordSet.from_records(form, rows))
    command = [sys.executable, "-m", "client", "validate", str(path), "--form", "11F",
               "--year", "2026", "--region", REGION, "--json"]
    reports = []
    for helpers in ("0", "1"):
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False,
                                env={**os.environ, "KOSTRA_HELPERS": helpers}, timeout=300)
        assert result.returncode == 1, result.stderr  # errors were planted
        report = json.loads(result.stdout)
        reports.append(report)
    assert reports[0] == reports[1]
    assert len(reports[0]["findings"]) > 100
