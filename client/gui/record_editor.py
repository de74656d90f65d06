"""The editor of one record, drawn from the form's definition; edits go to the FormSession."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from client.gui.form_session import FormSession
from client.gui.form_view import SectionedForm


class RecordEditor(SectionedForm):
    def __init__(self, session: FormSession, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(session.form, "record", lang, parent)
        self.session = session
        self.index: int | None = None
        self.edited.connect(self._edited)
        session.records_changed.connect(self._records_changed)
        session.findings_changed.connect(self.refresh_findings)
        session.explanations_changed.connect(self.refresh_findings)
        self.setEnabled(False)

    def show_record(self, index: int | None) -> None:
        records = self.session.records
        if index is not None and (records is None or not 0 <= index < len(records)):
            index = None
        self.index = index
        self.setEnabled(index is not None)
        for name, row in self.rows.items():
            value = records.value(index, name) if index is not None and records else ""
            if row.editor.value() != value or index is None:
                row.editor.set_value(value)
        self.refresh_findings()

    def _edited(self, name: str, value: Any) -> None:
        if self.index is not None:
            self.session.set_value(self.index, name, str(value))

    def _records_changed(self, indexes: set[int]) -> None:
        if self.index in indexes:
            self.show_record(self.index)

    def refresh_findings(self) -> None:
        self.show_findings(self.session.findings_for(self.index), self.session.explanations)
