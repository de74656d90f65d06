"""A questionnaire's cross-form warnings in the window (our K- controls that compare, say,
skjema 7's people given financial counselling with 11F's records).

The year's other forms come from the user's drafts (client.core.validation.crossforms.
year_records), read once on a worker thread when the questionnaire opens. The check
aggregates over the other form's records (about 0.1 s at 20 000 records), so it runs on a
worker too, and only when an answer the controls read has changed; its findings join the
session's like any other, so a warning needs an explanation before the form is ready and
the submission checks exactly the same (FormPage passes `others` to the core's submit).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from client.gui import operations

if TYPE_CHECKING:
    from client.core.records.recordset import RecordSet
    from client.gui.context import AppContext
    from client.gui.form_session import FormSession


class CrossFormChecker(QObject):
    def __init__(
        self, ctx: AppContext, session: FormSession, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        from client.core.forms.loader import referenced_fields
        from client.core.validation.crossforms import cross_controls

        self.session = session
        self.others: dict[str, RecordSet] = {}
        self._controls = cross_controls(session.form)
        self._reads = sorted({
            name for control in self._controls
            for name, _ in referenced_fields(control.spec["this"], "$")
        })
        self._key: str | None = None
        self._running: operations.Operation | None = None
        self._again = False
        if not self._controls or session.records is not None:
            return
        workspace, catalog, form = ctx.workspace, ctx.catalog, session.form

        def load(_: operations.Progress) -> dict[str, RecordSet]:
            from client.core.validation.crossforms import year_records

            return year_records(workspace, catalog, form)

        self._running = operations.run(load, self._loaded, self._failed, self)

    @property
    def active(self) -> bool:
        return bool(self.others)

    def _loaded(self, others: dict[str, RecordSet]) -> None:
        self._running = None
        self.others = others
        if others:
            self.session.answers_changed.connect(self.check)
            self.check()

    def _failed(self, error: BaseException) -> None:
        # The other form's draft could not be used: no cross-form warnings, as when the
        # form is not in the client at all (opening that form says what is wrong with it).
        self._running = None

    def _current_key(self) -> str:
        from client.core.forms.answers import apply_computed

        answers = apply_computed(self.session.form, self.session.answers)
        return json.dumps([answers.get(name) for name in self._reads], default=str)

    def check(self) -> None:
        """Recompute when an answer the controls read has changed (one run at a time)."""
        if not self.others:
            return
        key = self._current_key()
        if key == self._key:
            return
        if self._running is not None:
            self._again = True
            return
        self._key = key
        form, answers = self.session.form, dict(self.session.answers)
        others, context = self.others, self.session.context

        def work(_: operations.Progress) -> list[Any]:
            from client.core.validation.crossforms import cross_findings

            return cross_findings(form, answers, others, context)

        self._running = operations.run(work, self._checked, self._failed_check, self)

    def _checked(self, findings: list[Any]) -> None:
        self._running = None
        self.session.set_cross_findings(findings)
        if self._again:
            self._again = False
            self.check()

    def _failed_check(self, error: BaseException) -> None:
        self._running = None
        raise error

    def wait(self, timeout: float = 30.0) -> None:
        """For tests: let the pending load or check finish and deliver."""
        from PySide6.QtCore import QCoreApplication

        while self._running is not None:
            self._running.wait(timeout)
            QCoreApplication.processEvents()
