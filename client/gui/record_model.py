"""The record table: a QAbstractTableModel over indexes into the core's RecordSet.

Rows hold record indexes only; cell text is sliced from the fixed-width line when
Qt asks for it, so 20 000 records cost one list of ints. Filtering (records with
findings, a search) rebuilds that list and nothing else.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from client.core.forms.model import SEVERITIES
from client.core.i18n import tr
from client.core.validation.findings import SEVERITY_RANK
from client.gui import texts
from client.gui.form_session import FormSession

Index = QModelIndex | QPersistentModelIndex
STATUS_COLUMN = 1
_CELL_FINDING_ROLES = (
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)


class RecordTableModel(QAbstractTableModel):
    def __init__(self, session: FormSession, lang: str) -> None:
        super().__init__(session)
        self.session = session
        self.lang = lang
        form = session.form
        identity = [form.identity.journal, form.identity.caseworker, *form.identity.person]
        first = [n for n in identity if n]
        self.fields = first + [f.name for f in form.fields if f.name not in first]
        self.search_fields = first
        self._rows: list[int] | None = None  # None: every record, in order
        self._search = ""
        self._only_findings = False
        session.records_changed.connect(self._records_changed)
        session.records_reset.connect(self.refilter)
        session.findings_changed.connect(self._findings_changed)

    # --- shape ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self.session.records is None:
            return 0
        return len(self.session.records) if self._rows is None else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(self.fields)

    def record_at(self, row: int) -> int:
        return row if self._rows is None else self._rows[row]

    def row_of(self, record: int) -> int | None:
        if self._rows is None:
            assert self.session.records is not None
            return record if 0 <= record < len(self.session.records) else None
        try:
            return self._rows.index(record)
        except ValueError:
            return None

    # --- cells ------------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            # The row header is hidden, but Qt's accessible table still lists a header
            # cell in every row: give it the line number rather than nothing.
            if role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.AccessibleTextRole,
            ) and 0 <= section < self.rowCount():
                return str(self.record_at(section) + 1)
            return None
        if section == 0:
            title = QCoreApplication.translate("RecordTableModel", "Line")
            tip = QCoreApplication.translate("RecordTableModel", "Line number in the file")
        elif section == STATUS_COLUMN:
            title = QCoreApplication.translate("RecordTableModel", "Findings")
            tip = title
        else:
            field = self.session.form.field(self.fields[section - 2])
            title, tip = field.name, tr(field.label, self.lang)
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return tip
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        records = self.session.records
        assert records is not None
        record = self.record_at(index.row())
        column = index.column()
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(record + 1)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if column == STATUS_COLUMN:
            return self._status(record, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            line = records.lines[record]
            field = self.session.form.field(self.fields[column - 2])
            column_def = field.column
            assert column_def is not None
            return line[column_def.start : column_def.end].strip()
        if role in _CELL_FINDING_ROLES:
            return self._cell_findings(record, self.fields[column - 2], role)
        return None

    def _cell_findings(self, record: int, name: str, role: int) -> Any:
        """The cell that holds the error says so: icon, tooltip, and the accessible
        description a screen reader reads after the value (never colour alone)."""
        findings = [f for f in self.session.findings_for(record) if f.field == name]
        if not findings:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            worst = min(findings, key=lambda f: SEVERITY_RANK[f.severity]).severity
            return texts.severity_icon(worst)
        return "\n".join(
            f"{texts.severity_name(f.severity)}: {f.message(self.lang)}" for f in findings
        )

    def _status(self, record: int, role: int) -> Any:
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        findings = self.session.findings_for(record)
        if not findings:
            if role == Qt.ItemDataRole.DisplayRole:
                return ""
            return None
        worst = min(findings, key=lambda f: SEVERITY_RANK[f.severity]).severity
        if role == Qt.ItemDataRole.DecorationRole:
            return texts.severity_icon(worst)
        counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
        if role == Qt.ItemDataRole.DisplayRole:
            return str(len(findings))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                f"{texts.severity_name(f.severity)}: {f.message(self.lang)}" for f in findings
            )
        return texts.counts_text(counts)

    # --- changes ----------------------------------------------------------------------

    def _records_changed(self, indexes: set[int]) -> None:
        last = self.columnCount() - 1
        for record in indexes:
            row = self.row_of(record)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _findings_changed(self) -> None:
        if self._only_findings:
            self.refilter()
        elif self.rowCount():
            # Every column: a field's cell shows its own finding too.
            last = self.columnCount() - 1
            first = self.index(0, STATUS_COLUMN)
            self.dataChanged.emit(first, self.index(self.rowCount() - 1, last))

    def set_filter(self, search: str, only_findings: bool) -> None:
        self._search = search.strip().lower()
        self._only_findings = only_findings
        self.refilter()

    def refilter(self) -> None:
        self.beginResetModel()
        self._rows = self._matching()
        self.endResetModel()

    def _matching(self) -> list[int] | None:
        records = self.session.records
        if records is None or (not self._search and not self._only_findings):
            return None
        candidates: list[int] = (
            sorted(self.session.indexes_with_findings())
            if self._only_findings
            else list(range(len(records)))
        )
        if not self._search:
            return [i for i in candidates if i < len(records)]
        needle = self._search
        slices = []
        for name in self.search_fields:
            column = self.session.form.field(name).column
            assert column is not None
            slices.append((column.start, column.end))
        lines = records.lines
        return [
            i
            for i in candidates
            if i < len(lines) and any(needle in lines[i][a:b].lower() for a, b in slices)
        ]
