"""One open form: its document, live findings, explanations, undo history and draft saving.

The views only draw and forward edits here; every change goes through an undo
command that calls the `_apply_*` methods, which change the core's document,
schedule revalidation (debounced) and hand a snapshot to the draft writer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from client.core.documents import FormDocument
from client.core.explanations import affected, control_inputs
from client.core.forms.model import FormDefinition
from client.core.readiness import Readiness, assess
from client.core.records.recordset import RecordSet
from client.core.validation.engine import FormValidator, ValidationContext, ValidationSession
from client.core.validation.findings import Finding, sort_findings, summarize
from client.core.workspace import (
    DraftWriter,
    FormStatus,
    Workspace,
    explanations_for_lines,
    remap_explanations,
    snapshot,
)
from client.gui import commands, operations

if TYPE_CHECKING:
    from client.core.baseline import Comparison, LastYear

VALIDATE_DELAY_MS = 120
# Writing a 20 000-record draft costs the writer thread ~0.4 s of Python (and the UI
# thread some of the GIL): a burst of typing is saved once, this long after its last
# key. Small documents are saved at every change. Closing flushes either way.
SAVE_DELAY_MS = 400
SAVE_AT_ONCE_LIMIT = 2000
# Below this many records a full revalidation after insert/delete is quick enough
# to do on the UI thread; above, it runs on a worker thread.
SYNC_REBUILD_LIMIT = 2000


def _keys(findings: Iterable[Finding]) -> list[tuple[str, str, str | None, str]]:
    return sorted((f.name, f.control, f.field, f.message()) for f in findings)


class FormSession(QObject):
    findings_changed = Signal()
    records_changed = Signal(object)  # set of record indexes whose values changed
    records_reset = Signal()  # records inserted, deleted or replaced
    answers_changed = Signal()
    explanations_changed = Signal()
    saved = Signal()
    save_failed = Signal(object)  # UserError

    def __init__(
        self,
        workspace: Workspace,
        document: FormDocument,
        context: ValidationContext,
        validator: FormValidator | None = None,
        session: ValidationSession | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.document = document
        # Set by a questionnaire started from last year's answers (prefill_view.LastYear):
        # its marks outlive a rebuilt view (another language) while the form is open.
        self.last_year: Any = None
        self.form: FormDefinition = document.form
        self.context = context
        self.validator = validator or FormValidator(self.form)
        self.undo = QUndoStack(self)
        self._session = session
        self._answer_findings: list[Finding] = []
        # Our cross-form warnings (client.gui.cross_forms), computed apart: they read
        # another form's records, which is too slow for every keystroke.
        self._cross_findings: list[Finding] = []
        self._dirty: set[int] = set()
        self._generation = 0  # counts structural changes, to drop stale rebuilds
        self._rebuild: operations.Operation | None = None
        self.validating = False
        self._has_changes = False
        self._findings_cache: list[Finding] | None = None
        # Last year's delivery (client.gui.last_year) and its K- findings, beside the form's
        # own controls; compared again before a submission, so what is signed is current.
        self.last_year: LastYear | None = None
        self.baseline_findings: list[Finding] = []
        # Questions filled in on opening from the unit and the other forms
        # (client.core.forms.starting): not the caseworker's own answers.
        self.started: dict[str, Any] = {}
        self._status = FormStatus("draft")
        self._signed = False  # signed, and not changed since
        self._signed_at: dt.datetime | None = None
        self._control_inputs = control_inputs(self.form)
        self._timer = QTimer(self, singleShot=True, interval=VALIDATE_DELAY_MS)
        self._timer.timeout.connect(self.validate_now)
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._submit_save)
        self._writer = DraftWriter(
            workspace, on_saved=self._on_saved, on_error=self.save_failed.emit
        )
        if self.records is not None and self._session is None:
            self._session = ValidationSession(self.validator, self.records, context)
        if self.records is None:
            self._validate_answers()
        # Signed before (and not changed since): the form still says when.
        recorded = workspace.read_status(self.form.year).get(self.form.form_id)
        if recorded is not None and recorded.state == "signed":
            self._signed, self._signed_at = True, recorded.signed_at
        self._update_status()

    # --- what the views read ------------------------------------------------------------

    @property
    def records(self) -> RecordSet | None:
        return self.document.records

    @property
    def answers(self) -> dict[str, Any]:
        assert self.document.answers is not None
        return self.document.answers

    def has_own_answers(self) -> bool:
        """Whether the caseworker has answered anything beyond what opening filled in."""
        answers = self.answers or {}
        return any(name not in self.started or self.started[name] != value
                   for name, value in answers.items())

    @property
    def explanations(self) -> dict[str, str]:
        return self.document.explanations

    def findings(self) -> list[Finding]:
        # Several views ask after each validation; listing 20 000 records' findings once
        # is enough.
        if self._findings_cache is None:
            if self._session is not None:
                self._findings_cache = self._session.findings()
            else:
                self._findings_cache = list(self._answer_findings)
            if self.baseline_findings:
                self._findings_cache = sort_findings(
                    [*self._findings_cache, *self.baseline_findings]
                )
        return self._findings_cache

    def findings_for(self, index: int | None) -> list[Finding]:
        if self._session is None:
            return list(self._answer_findings)
        if index is None or self.validating or index >= len(self._session.records):
            return []
        return self._session.findings_for(index)

    def summary(self) -> dict[str, int]:
        if self._session is not None:
            counts = dict(self._session.summary)
            for finding in self.baseline_findings:
                counts[finding.severity] = counts.get(finding.severity, 0) + 1
            return {s: counts.get(s, 0) for s in ("FATAL", "ERROR", "WARNING", "INFO")}
        return summarize(self._answer_findings)

    def set_last_year(
        self, last: LastYear | None, findings: list[Finding] | None = None
    ) -> list[Comparison]:
        """Compare with last year's delivery (None: stop comparing), unless `findings` are
        the comparison's, made on a worker thread; returns both years' figures. The K-
        findings join the form's and need explanations like any warning."""
        self.last_year = last
        comparisons: list[Comparison] = []
        if findings is None:
            findings = []
            if last is not None and self.records is not None:
                from client.core.baseline import compare

                comparisons, findings = compare(self.validator, self.records, last, self.context)
        self.set_baseline_findings(findings)
        return comparisons

    def refresh_last_year(self) -> None:
        """Compare again with the records as they are now (before signing)."""
        if self.last_year is not None:
            self.set_last_year(self.last_year)

    def set_baseline_findings(self, findings: list[Finding]) -> None:
        self.baseline_findings = list(findings)
        self._findings_cache = None
        self._update_status()
        self.findings_changed.emit()

    def readiness(self) -> Readiness:
        return assess(self.findings(), self.explanations)

    def is_empty(self) -> bool:
        """Nothing to submit yet: no records, or no answer."""
        if self.records is not None:
            # SSB's nil delivery ("nothing to report") is a delivery, not an empty form.
            return len(self.records) == 0 and not self.records.nil_marker
        return not self.has_own_answers()

    def indexes_with_findings(self) -> set[int]:
        return {f.line - 1 for f in self.findings() if f.line is not None}

    def status(self) -> FormStatus:
        return self._status

    # --- edits (through undo commands) ----------------------------------------------------

    def set_value(self, index: int, name: str, value: str) -> None:
        assert self.records is not None
        old = self.records.value(index, name)
        if old != value.strip():
            self.undo.push(commands.SetValue(self, index, name, old, value))

    def set_answer(self, name: str, value: Any) -> None:
        old = self.answers.get(name)
        if old != value:
            self.undo.push(commands.SetAnswer(self, name, old, value))

    def set_explanation(self, ref: str, text: str) -> None:
        old = self.explanations.get(ref, "")
        if old != text:
            self.undo.push(commands.SetExplanation(self, ref, old, text))

    def set_explanations(self, new: dict[str, str]) -> None:
        """Explain many warnings in one step (e.g. every line of one control)."""
        changed = {r: t for r, t in new.items() if self.explanations.get(r, "") != t}
        if changed:
            self.undo.push(commands.SetExplanations(self, changed))

    def set_values(self, changes: Iterable[tuple[int, str, str]], text: str) -> int:
        """Set many values in one undo step; returns how many changed."""
        assert self.records is not None
        records = self.records
        real = [
            (i, name, records.value(i, name), value)
            for i, name, value in changes
            if records.value(i, name) != value.strip()
        ]
        if real:
            self.undo.push(commands.SetValues(self, real, text))
        return len(real)

    def insert_records(self, at: int, values: list[dict[str, str]]) -> None:
        """New records (pasted rows) at `at`, one undo step."""
        assert self.records is not None
        lines = [self.records.line_for(v) for v in values]
        if lines:
            self.undo.push(commands.InsertRecords(self, at, lines))

    def merge_records(self, keep: int, drop: int, values: dict[str, str], text: str) -> None:
        """Two lines of one person as one: `keep` takes the merged values, `drop` goes
        (one undo step)."""
        assert self.records is not None
        names = [f.name for f in self.form.fields]
        self.undo.beginMacro(text)
        self.set_values([(keep, n, values.get(n, "")) for n in names], text)
        self.delete_records([drop])
        self.undo.endMacro()

    def add_record(self, at: int, values: dict[str, str] | None = None) -> int:
        assert self.records is not None
        line = self.records.line_for(values or {})
        self.undo.push(commands.InsertRecords(self, at, [line]))
        return at

    def copy_record(self, index: int) -> int:
        assert self.records is not None
        self.undo.push(
            commands.InsertRecords(self, index + 1, [self.records.lines[index]], copy=True)
        )
        return index + 1

    def delete_records(self, indexes: Iterable[int]) -> None:
        indexes = sorted(set(indexes))
        if indexes:
            self.undo.push(commands.DeleteRecords(self, indexes))

    def replace_records(self, records: RecordSet, session: ValidationSession | None) -> None:
        """After an import: the file's records replace the draft's (one undo step)."""
        self.undo.push(commands.ReplaceRecords(self, records, session))

    # --- applying (called by the commands) ------------------------------------------------

    def _apply_value(self, index: int, name: str, value: str) -> dict[str, str]:
        assert self.records is not None
        self.records.set_value(index, name, value)
        moved = self._inputs_changed(index + 1, name)
        self._dirty.add(index)
        self.records_changed.emit({index})
        self._changed()
        return moved

    def _apply_answer(self, name: str, value: Any) -> dict[str, str]:
        moved = self._inputs_changed(None, name)
        if value is None or value in ([], ""):
            self.answers.pop(name, None)
        else:
            self.answers[name] = value
        self.answers_changed.emit()
        self._changed()
        return moved

    def _inputs_changed(self, line: int | None, name: str) -> dict[str, str]:
        """A value a warning's control reads has changed: its explanation waits for
        confirmation (the text is kept). Returns the explanations moved, so that undoing
        the edit can give them back as they were."""
        if not self.explanations:
            return {}
        refs = affected(self._control_inputs, self.explanations, line, name)
        moved = {}
        for ref in refs:
            moved[ref] = self.document.unconfirmed[ref] = self.explanations.pop(ref)
        if refs:
            self.explanations_changed.emit()
        return moved

    def _reconfirm(self, moved: dict[str, str]) -> None:
        """Undo of an edit: the explanations it set aside count again, unless the user
        has since written another."""
        back = False
        for ref, text in moved.items():
            if self.document.unconfirmed.get(ref) == text and ref not in self.explanations:
                del self.document.unconfirmed[ref]
                self.explanations[ref] = text
                back = True
        if back:
            self.explanations_changed.emit()
            self._update_status()
            self._save()

    def unconfirmed_explanation(self, ref: str) -> str | None:
        return self.document.unconfirmed.get(ref)

    def confirm_explanation(self, ref: str, text: str | None = None) -> None:
        """The user has looked again: the (possibly edited) explanation counts again."""
        kept = self.document.unconfirmed.get(ref, "")
        self.set_explanation(ref, kept if text is None else text)

    def _apply_explanation(self, ref: str, text: str) -> None:
        self._signed = False
        if text.strip():
            self.document.unconfirmed.pop(ref, None)
        if text.strip():
            self.explanations[ref] = text
        else:
            self.explanations.pop(ref, None)
        self.explanations_changed.emit()
        self._update_status()
        self._save()

    def _apply_values(self, changes: list[tuple[int, str, str]]) -> dict[str, str]:
        assert self.records is not None
        touched = set()
        moved: dict[str, str] = {}
        for index, name, value in changes:
            self.records.set_value(index, name, value)
            moved.update(self._inputs_changed(index + 1, name))
            touched.add(index)
        self._dirty |= touched
        self.records_changed.emit(touched)
        self._changed()
        return moved

    def _apply_explanations(self, texts: dict[str, str]) -> None:
        self._signed = False
        for ref, text in texts.items():
            if text.strip():
                self.document.unconfirmed.pop(ref, None)
        for ref, text in texts.items():
            if text.strip():
                self.explanations[ref] = text
            else:
                self.explanations.pop(ref, None)
        self.explanations_changed.emit()
        self._update_status()
        self._save()

    def _apply_insert(self, at: int, lines: list[str]) -> None:
        assert self.records is not None
        for offset, line in enumerate(lines):
            self.records.insert(at + offset, line)
        self._remap(at + 1, len(lines))
        self._structure_changed()

    def _apply_delete(self, indexes: list[int]) -> tuple[list[str], dict[str, str]]:
        """Delete records (ascending indexes); returns their lines and explanations."""
        assert self.records is not None
        lines = [self.records.lines[i] for i in indexes]
        removed: dict[str, str] = {}
        for i in reversed(indexes):
            removed.update(explanations_for_lines(self.explanations, i + 1, 1))
            self.records.delete(i)
            self._remap(i + 1, -1)
        self._structure_changed()
        return lines, removed

    def _apply_reinsert(
        self, indexes: list[int], lines: list[str], explanations: dict[str, str]
    ) -> None:
        assert self.records is not None
        for i, line in zip(indexes, lines, strict=True):
            self.records.insert(i, line)
            self._remap(i + 1, 1)
        self.explanations.update(explanations)
        self._structure_changed()

    def _apply_replace(
        self, records: RecordSet, explanations: dict[str, str], session: ValidationSession | None
    ) -> None:
        self.document.records = records
        self.document.explanations.clear()
        self.document.explanations.update(explanations)
        self.document.unconfirmed.clear()
        if session is not None and session.records is records:
            self._generation += 1
            self._session = session
            self._dirty.clear()
            self.validating = False
            self.records_reset.emit()
            self._after_validation()
            self._save()
        else:
            self._structure_changed()

    def _remap(self, first_line: int, delta: int) -> None:
        for kept in (self.explanations, self.document.unconfirmed):
            remapped = remap_explanations(kept, first_line, delta)
            kept.clear()
            kept.update(remapped)

    # --- validation -------------------------------------------------------------------

    def _changed(self) -> None:
        self._timer.start()
        self._save()

    def validate_now(self) -> None:
        """Run the pending revalidation at once (the debounce timer calls this)."""
        self._timer.stop()
        if self.records is None:
            self._validate_answers()
        elif not self.validating and self._session is not None:
            session = self._session
            dirty = [i for i in sorted(self._dirty) if i < len(self.records)]
            self._dirty.clear()
            before = {i: _keys(session.findings_for(i)) for i in dirty}
            touched: set[int] = set()
            for index in dirty:
                touched |= session.update(index)
            if dirty and touched == set(dirty) and all(
                before[i] == _keys(session.findings_for(i)) for i in dirty
            ):
                return  # typing that changes no finding redraws nothing
            if touched:
                self.records_changed.emit(touched)
        self._after_validation()

    def _validate_answers(self) -> None:
        from client.core.forms.visibility import prune_hidden

        shown = prune_hidden(self.form, self.answers)
        self._answer_findings = sort_findings(
            self.validator.validate(shown, self.context) + self._cross_findings
        )

    def set_cross_findings(self, findings: list[Finding]) -> None:
        """The questionnaire's cross-form warnings, as last computed against the year's
        other forms; they count like any other finding (and need explaining)."""
        if _keys(findings) == _keys(self._cross_findings):
            return
        self._cross_findings = list(findings)
        self._validate_answers()
        self._after_validation()

    def _after_validation(self) -> None:
        self._findings_cache = None
        self._update_status()
        self.findings_changed.emit()

    def _structure_changed(self) -> None:
        """Records were inserted or deleted: line numbers moved, duplicates may have
        changed, so everything is revalidated."""
        assert self.records is not None and self._session is not None
        self._generation += 1
        self._save()
        # The views are told after the findings match the new lines (or while they are
        # marked as being checked): a view that asked before read a stale record index.
        if len(self.records) <= SYNC_REBUILD_LIMIT:
            self._session.records = self.records
            self._session.rebuild()
            self._dirty.clear()
            self.validating = False
            self.records_reset.emit()
            self._after_validation()
            return
        self.validating = True
        self.records_reset.emit()
        self.findings_changed.emit()
        generation = self._generation
        lines = list(self.records.lines)
        form, source, validator, context = (
            self.form,
            self.records.source,
            self.validator,
            self.context,
        )

        def rebuild(_: operations.Progress) -> ValidationSession:
            return ValidationSession(validator, RecordSet(form, lines, source), context)

        def adopt(session: ValidationSession) -> None:
            if generation != self._generation or self.records is None:
                return  # another insert/delete came meanwhile; its rebuild will adopt
            session.records = self.records  # the same lines; edits since are in _dirty
            self._session = session
            self.validating = False
            self.validate_now()

        self._rebuild = operations.run(rebuild, adopt, self._rebuild_failed, self)

    def _rebuild_failed(self, error: BaseException) -> None:
        self.validating = False
        raise error

    def wait_for_validation(self, timeout: float = 30.0) -> None:
        """For tests and the self-test: finish pending validation work."""
        if self._rebuild is not None:
            self._rebuild.wait(timeout)
        self.validate_now()

    def _update_status(self) -> None:
        counts = self.summary()
        readiness = self.readiness()
        state = readiness.status if not self.validating else "draft"
        records = len(self.records) if self.records is not None else None
        if self.is_empty():
            state = "draft"  # an empty form is never "ready to submit"
        if state == "ready" and self._signed:
            self._status = FormStatus(
                "signed", {k: v for k, v in counts.items() if v}, records, self._signed_at
            )
            return
        self._status = FormStatus(state, {k: v for k, v in counts.items() if v}, records)

    # --- saving -------------------------------------------------------------------------

    def _save(self) -> None:
        self._has_changes = True
        self._signed = False  # any change after signing calls for a new submission
        if self.records is not None and len(self.records) > SAVE_AT_ONCE_LIMIT:
            self._save_timer.start()
        else:
            self._submit_save()

    def _submit_save(self) -> None:
        self._save_timer.stop()
        self._writer.submit(snapshot(self.document))

    def _on_saved(self, _: FormDocument) -> None:
        # On the writer thread: the status file goes with the draft, off the UI thread.
        self.workspace.write_status(self.form.year, self.form.form_id, self._status)
        self.saved.emit()

    def mark_signed(self, at: dt.datetime | None = None, nothing_to_report: bool = False) -> None:
        when = at or self.workspace.clock()
        self._signed = True
        self._signed_at = when
        self._status = FormStatus(
            "signed",
            {} if nothing_to_report else self._status.counts,
            0 if nothing_to_report else self._status.records,
            when,
            nothing_to_report=nothing_to_report,
        )
        self.workspace.write_status(self.form.year, self.form.form_id, self._status)
        # Closing must not write "ready" over it; an edit after signing sets this again.
        self._has_changes = False

    def save_now(self) -> None:
        self._submit_save()
        self._writer.flush(timeout=30)

    def close(self) -> None:
        """Flush the last change to disk; call when the form is closed or the app quits."""
        if self._timer.isActive():
            self.validate_now()
        if self._rebuild is not None:
            self._rebuild.wait(30)
        if self._save_timer.isActive():
            self._submit_save()
        self._writer.close()
        if self._has_changes:
            self._update_status()
            self.workspace.write_status(self.form.year, self.form.form_id, self._status)
