"""A large file's first check reports its progress in parts, and can be stopped between
them (the window's Cancel); the parts find exactly what one run finds."""

from __future__ import annotations

import pytest

import synthetic
from client.core.forms.catalog import FormCatalog
from client.core.records.fixedwidth import write_record_file
from client.core.records.recordset import RecordSet
from client.core.validation.engine import (
    PROGRESS_PART,
    FormValidator,
    ValidationContext,
    ValidationSession,
)

REGION = "123400"
FORM = FormCatalog().load("11F", 2026)
CONTEXT = ValidationContext.from_region(REGION, 2026)


@pytest.fixture(scope="module")
def records():
    rows = synthetic.plant_errors(
        list(synthetic.clean_records(FORM, 2 * PROGRESS_PART + 300, REGION)), FORM, every=9)
    return RecordSet.from_records(FORM, rows)


def test_the_parts_find_what_one_run_finds_and_report_each_step(records):
    validator = FormValidator(FORM)
    seen: list[tuple[int, int]] = []
    followed = ValidationSession(validator, records, CONTEXT,
                                 on_progress=lambda done, total: seen.append((done, total)))
    alone = ValidationSession(validator, records, CONTEXT)
    assert followed.findings() == alone.findings()
    total = len(records)
    assert seen == [(0, total), (PROGRESS_PART, total), (2 * PROGRESS_PART, total),
                    (total, total)]


class Stop(Exception):
    pass


def test_an_exception_from_the_progress_stops_the_check(records):
    calls = []

    def cancel_on_second(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 2:
            raise Stop

    with pytest.raises(Stop):
        ValidationSession(FormValidator(FORM), records, CONTEXT, on_progress=cancel_on_second)
    assert calls == [0, PROGRESS_PART]


def test_the_windows_import_stops_at_cancel_during_the_check(tmp_path, records):
    """client.gui.importer: Cancel pressed while a large file is being checked (here at
    the first part's end) ends the import with Cancelled; nothing is adopted."""
    from client.gui import importer, operations

    path = tmp_path / "stor.txt"
    write_record_file(path, records)

    class CancelWhileChecking(operations.Progress):
        def report(self, done: int, total: int, stage: str | None = None) -> None:
            if stage == "check" and done > 0:
                self.cancel()
            super().report(done, total, stage)

    progress = CancelWhileChecking()
    with pytest.raises(operations.Cancelled):
        importer.import_file(path, FORM, FormCatalog(), FormValidator(FORM), CONTEXT, progress)
    assert progress.stage == "check" and progress.done == PROGRESS_PART
