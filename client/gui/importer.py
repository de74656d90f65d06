"""Opening a form's data off the UI thread: an SSB file to import, or the saved draft.

Plain functions taking a Progress: they read, parse and validate, and never touch
a widget. The window runs them through client.gui.operations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from client.core.documents import FormDocument, load_document
from client.core.errors import UserError
from client.core.forms.catalog import FormCatalog
from client.core.forms.model import FormDefinition
from client.core.forms.starting import Started
from client.core.records.fixedwidth import MAX_FILE_BYTES, parse_record_bytes, too_big
from client.core.records.recordset import RecordSet
from client.core.validation.engine import FormValidator, ValidationContext, ValidationSession
from client.core.workspace import OpenedDraft, Workspace
from client.gui.operations import Progress

CHUNK = 1 << 20


@dataclass
class Imported:
    records: RecordSet
    session: ValidationSession
    explanations: dict[str, str]


@dataclass
class Opened:
    opened: OpenedDraft
    document: FormDocument
    validator: FormValidator
    session: ValidationSession | None
    # What a questionnaire was started with from the unit and the other forms.
    started: Started | None = None


class _LazyLengths(dict):
    """The core asks `known_lengths.get(length)` only when every line has the same wrong
    length; the other forms are loaded then, not on every import."""

    def __init__(self, catalog: FormCatalog, form: FormDefinition) -> None:
        super().__init__()
        self._source: tuple[FormCatalog, FormDefinition] | None = (catalog, form)

    def get(self, key: Any, default: Any = None) -> Any:
        if self._source is not None:
            self.update(other_record_lengths(*self._source))
            self._source = None
        return super().get(key, default)


def other_record_lengths(catalog: FormCatalog, form: FormDefinition) -> dict[int, str]:
    """Record lengths of the other installed record forms, so a file of the wrong form is
    named as such (as `kostra validate` does)."""
    lengths: dict[int, str] = {}
    for item in catalog.installed():
        if (item.form_id, item.year) == (form.form_id, form.year):
            continue
        try:
            other = catalog.load(item.form_id, item.year)
        except Exception:
            continue
        if other.record_length and other.record_length != form.record_length:
            lengths.setdefault(other.record_length, f"skjema {other.form_id} {other.year}")
    return lengths


def import_file(
    path: Path,
    form: FormDefinition,
    catalog: FormCatalog,
    validator: FormValidator,
    context: ValidationContext,
    progress: Progress,
) -> Imported:
    """Read in chunks (so Cancel works and progress shows), parse, validate."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        document = load_document(path, form)
        assert document.records is not None
        records, explanations = document.records, dict(document.explanations)
    else:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        if size > MAX_FILE_BYTES:
            load_document(path, form)  # raises the core's message about the size
        chunks: list[bytes] = []
        done = 0
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(CHUNK):
                    chunks.append(chunk)
                    done += len(chunk)
                    if done > MAX_FILE_BYTES:  # a device or a pipe never says its size
                        raise too_big(path, form.form_id)
                    progress.report(done, max(size, done), "read")
        except OSError:
            load_document(path, form)  # the core words missing/unreadable files
            raise
        progress.report(0, 0, "parse")
        known = _LazyLengths(catalog, form)
        records = parse_record_bytes(b"".join(chunks), form, str(path), known)
        # The window names records by their row; a file's empty lines are gone from it.
        records.renumber()
        explanations = {}
    progress.report(0, 0, "check")
    session = ValidationSession(validator, records, context, on_progress=_checking(progress))
    progress.report(1, 1, "done")
    return Imported(records, session, explanations)


def open_form(
    workspace: Workspace,
    form: FormDefinition,
    region: str,
    context: ValidationContext,
    progress: Progress,
    catalog: FormCatalog | None = None,
) -> Opened:
    """The form's draft (or an empty document) with its findings. A questionnaire's blank
    kommunenummer and contact part are filled in (client.core.forms.starting) from the
    unit and, given `catalog`, from the year's other questionnaires."""
    validator = FormValidator(form)
    progress.report(0, 0, "read")
    opened = workspace.open_draft(form)
    document = opened.document or FormDocument.empty(form, region)
    document.region = region
    session = None
    started = None
    if document.records is not None:
        progress.report(0, 0, "check")
        session = ValidationSession(validator, document.records, context,
                                    on_progress=_checking(progress))
    elif document.answers is not None and not opened.blocked:
        from client.core.forms.starting import start_answers

        others = _other_answers(workspace, catalog, form) if catalog is not None else {}
        result = start_answers(form, document.answers, context.kommunenummer, others)
        document.answers.clear()
        document.answers.update(result.answers)
        started = result
    return Opened(opened, document, validator, session, started)


def _checking(progress: Progress) -> Callable[[int, int], None]:
    """How far the check has come, for the dialog; Cancel raises there and stops it."""

    def report(done: int, total: int) -> None:
        progress.report(done, total, "check")

    return report


def _other_answers(workspace: Workspace, catalog: FormCatalog,
                   form: FormDefinition) -> dict[str, dict[str, Any]]:
    """The same year's other questionnaires' answers, from the unit's drafts. A draft
    that cannot be read is left out here, and left alone: opening that form says why."""
    from client.core.drafts import DraftError, load_draft

    out: dict[str, dict[str, Any]] = {}
    for item in catalog.forms_for_year(form.year):
        if item.form_id == form.form_id or not workspace.has_draft(item.form_id, form.year):
            continue
        try:
            other = catalog.load(item.form_id, form.year)
            if other.is_record_form:
                continue
            document = load_draft(workspace.draft_path(item.form_id, form.year), other,
                                  workspace.draft_keys)
        except (DraftError, UserError, OSError):
            continue
        if document.answers is not None:
            out[item.form_id] = document.answers
    return out
