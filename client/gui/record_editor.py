"""The editor of one record, drawn from the form's definition; edits go to the FormSession."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from client.core.validation.grouping import general_controls, merge_general
from client.gui.form_session import FormSession
from client.gui.form_view import SectionedForm


class RecordEditor(SectionedForm):
    def __init__(self, session: FormSession, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(session.form, "record", lang, parent)
        self.session = session
        self.index: int | None = None
        self._general = general_controls(session.form)
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
        if index is not None:
            self.scroll_to_first_finding()

    def scroll_to_first_finding(self) -> str | None:
        """Bring the record's first finding (in the form's order of fields) into sight,
        without taking the focus; returns its field."""
        fields = {f.field for f in self.session.findings_for(self.index) if f.field}
        for name, row in self.rows.items():
            if name in fields and not row.isHidden():
                self.ensureWidgetVisible(row, 20, 40)
                return name
        self.verticalScrollBar().setValue(0)
        return None

    def _edited(self, name: str, value: Any) -> None:
        if self.index is not None:
            self.session.set_value(self.index, name, str(value))

    def _records_changed(self, indexes: set[int]) -> None:
        if self.index in indexes:
            self.show_record(self.index)

    def refresh_findings(self) -> None:
        # As in the findings list: SSB's general 002 is folded into the specific control.
        shown, _ = merge_general(self.session.findings_for(self.index), self._general)
        self.show_findings(shown, self.session.explanations)
