"""The record table: a source model over the core's RecordSet, and a proxy that filters
and sorts it.

The source has one row per record in file order and slices cell text from the
fixed-width line when Qt asks for it, so 20 000 records cost nothing until drawn. Column
headers are the form's short labels (ui.json `short`), with SSB's field name and the full
question as tooltip. The proxy holds one list of record indexes: filtering (search,
records with findings, severity, control, caseworker) and sorting (stable, by the field's
meaning: amounts as numbers, dates by year) rebuild that list in one pass of Python's
sort, instead of QSortFilterProxyModel's comparisons that would call back into Python
hundreds of thousands of times.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from client.core.forms.model import SEVERITIES
from client.core.records.sorting import sorted_by, sorted_indexes
from client.core.validation.findings import SEVERITY_RANK
from client.gui import texts
from client.gui.form_session import FormSession

Index = QModelIndex | QPersistentModelIndex
LINE_COLUMN = 0
STATUS_COLUMN = 1
FIRST_FIELD_COLUMN = 2
_CELL_FINDING_ROLES = (
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)


class RecordSourceModel(QAbstractTableModel):
    """Every record, in file order."""

    def __init__(self, session: FormSession, lang: str) -> None:
        super().__init__(session)
        self.session = session
        self.lang = lang
        form = session.form
        identity = [form.identity.journal, form.identity.caseworker]
        first = [n for n in identity if n]
        self.frozen_fields = first  # stay on the left when the table scrolls sideways
        person = [n for n in form.identity.person if n]
        self.search_fields = first + person
        self.fields = first + [f.name for f in form.fields if f.name not in first]
        session.records_changed.connect(self._records_changed)
        session.records_reset.connect(self._reset)
        session.findings_changed.connect(self._findings_changed)

    @property
    def frozen_columns(self) -> int:
        return FIRST_FIELD_COLUMN + len(self.frozen_fields)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self.session.records is None:
            return 0
        return len(self.session.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_FIELD_COLUMN + len(self.fields)

    def field_of(self, column: int) -> str | None:
        return self.fields[column - FIRST_FIELD_COLUMN] if column >= FIRST_FIELD_COLUMN else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == LINE_COLUMN:
            title = QCoreApplication.translate("RecordTableModel", "Line")
            tip = QCoreApplication.translate("RecordTableModel", "Line number in the file")
        elif section == STATUS_COLUMN:
            title = QCoreApplication.translate("RecordTableModel", "Findings")
            tip = title
        else:
            field = self.session.form.field(self.fields[section - FIRST_FIELD_COLUMN])
            from client.core.i18n import tr

            title = field.short_label(self.lang)
            tip = f"{field.name}: {tr(field.label, self.lang)}"
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return tip
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, record: int, column: int, role: int) -> Any:
        records = self.session.records
        assert records is not None
        if column == LINE_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(record + 1)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if column == STATUS_COLUMN:
            return self._status(record, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            field = self.session.form.field(self.fields[column - FIRST_FIELD_COLUMN])
            column_def = field.column
            assert column_def is not None
            return records.lines[record][column_def.start : column_def.end].strip()
        if role in _CELL_FINDING_ROLES:
            return self._cell_findings(record, self.fields[column - FIRST_FIELD_COLUMN], role)
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

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _records_changed(self, indexes: set[int]) -> None:
        last = self.columnCount() - 1
        total = self.rowCount()
        for record in indexes:
            if 0 <= record < total:
                self.dataChanged.emit(self.index(record, 0), self.index(record, last))

    def _findings_changed(self) -> None:
        if self.rowCount():
            # Every column: a field's cell shows its own finding too.
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, STATUS_COLUMN), last)


class RecordTableModel(QAbstractProxyModel):
    """The rows the table shows: the source's records filtered, then sorted (stably, so
    equal values keep file order). Sorting is kept while editing; a row does not jump
    away under the caret until the user sorts again or the records change."""

    def __init__(self, session: FormSession, lang: str) -> None:
        super().__init__(session)
        self.session = session
        self.source = RecordSourceModel(session, lang)
        self.setSourceModel(self.source)
        self.fields = self.source.fields
        self.search_fields = self.source.search_fields
        self._rows: list[int] = []
        self._pos: dict[int, int] | None = None  # None: every record, in order
        self._search = self._search_raw = ""
        self._only_findings = False
        self._severity: str | None = None
        self._control: str | None = None
        self._caseworker: str | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self.only_order_changed = False
        self.source.modelReset.connect(self.refilter)
        self.source.dataChanged.connect(self._source_changed)
        session.findings_changed.connect(self._findings_changed)
        self.refilter()

    # --- shape and mapping ------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._rows)):
            return QModelIndex()
        if not 0 <= column < self.source.columnCount():
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.source.columnCount()

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._rows)

    def mapToSource(self, proxy: Index) -> QModelIndex:
        if not proxy.isValid() or proxy.row() >= len(self._rows):
            return QModelIndex()
        return self.source.index(self._rows[proxy.row()], proxy.column())

    def mapFromSource(self, source: Index) -> QModelIndex:
        if not source.isValid():
            return QModelIndex()
        row = self.row_of(source.row())
        return QModelIndex() if row is None else self.createIndex(row, source.column())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self.source.cell(self._rows[index.row()], index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            # The row header is hidden, but Qt's accessible table still lists a header
            # cell in every row: give it the line number rather than nothing.
            if role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.AccessibleTextRole,
            ) and 0 <= section < len(self._rows):
                return str(self._rows[section] + 1)
            return None
        return self.source.headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def record_at(self, row: int) -> int:
        return self._rows[row]

    def row_of(self, record: int) -> int | None:
        if self._pos is None:
            return record if 0 <= record < len(self._rows) else None
        return self._pos.get(record)

    @property
    def frozen_columns(self) -> int:
        return self.source.frozen_columns

    # --- filtering and sorting ----------------------------------------------------------

    def set_filter(
        self,
        search: str,
        only_findings: bool,
        severity: str | None = None,
        control: str | None = None,
        caseworker: str | None = None,
    ) -> None:
        self._search_raw = search.strip()
        self._search = self._search_raw.lower()
        self._only_findings = only_findings
        self._severity = severity
        self._control = control
        self._caseworker = caseworker
        self.refilter()

    @property
    def search_text(self) -> str:
        return self._search_raw

    @property
    def filtered(self) -> bool:
        return bool(
            self._search
            or self._only_findings
            or self._severity
            or self._control
            or self._caseworker is not None
        )

    @property
    def _by_findings(self) -> bool:
        return bool(self._only_findings or self._severity or self._control)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column
        self._sort_order = order
        self.only_order_changed = True  # the same records: the editor need not redraw
        try:
            self.refilter()
        finally:
            self.only_order_changed = False

    def sort_column(self) -> int:
        return self._sort_column

    def refilter(self) -> None:
        self.beginResetModel()
        self._rows = self._ordered(self._matching())
        in_order = self._sort_column <= LINE_COLUMN and not self.filtered and (
            self._sort_order == Qt.SortOrder.AscendingOrder
        )
        self._pos = None if in_order else {r: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def _matching(self) -> list[int]:
        records = self.session.records
        if records is None:
            return []
        total = len(records)
        candidates: list[int] | range = range(total)
        if self._by_findings:
            wanted = set()
            for f in self.session.findings():
                if f.line is None or not 0 < f.line <= total:
                    continue
                if self._severity and f.severity != self._severity:
                    continue
                if self._control and f.control != self._control:
                    continue
                wanted.add(f.line - 1)
            candidates = sorted(wanted)
        lines = records.lines
        caseworker = self.session.form.identity.caseworker
        if self._caseworker is not None and caseworker:
            column = self.session.form.field(caseworker).column
            assert column is not None
            a, b, value = column.start, column.end, self._caseworker
            candidates = [i for i in candidates if lines[i][a:b].strip() == value]
        if self._search:
            needle = self._search
            slices = []
            for name in self.search_fields:
                column = self.session.form.field(name).column
                assert column is not None
                slices.append((column.start, column.end))
            candidates = [
                i for i in candidates if any(needle in lines[i][a:b].lower() for a, b in slices)
            ]
        return list(candidates)

    def _ordered(self, rows: list[int]) -> list[int]:
        column, descending = self._sort_column, self._sort_order == Qt.SortOrder.DescendingOrder
        records = self.session.records
        if column < 0 or records is None:
            return rows
        if column == LINE_COLUMN:
            return rows[::-1] if descending else rows
        if column == STATUS_COLUMN:
            worst: dict[int, tuple[int, int]] = {}
            for f in self.session.findings():
                if f.line is not None:
                    rank, count = worst.get(f.line - 1, (len(SEVERITIES), 0))
                    worst[f.line - 1] = (min(rank, SEVERITY_RANK[f.severity]), count - 1)
            none = (len(SEVERITIES), 0)
            # Ascending puts the worst first: that is what a caseworker sorts for.
            return sorted_by(rows, lambda i: worst.get(i, none), descending)
        field = self.session.form.field(self.fields[column - FIRST_FIELD_COLUMN])
        return sorted_indexes(records.lines, rows, field, descending)

    # --- changes ----------------------------------------------------------------------

    def _source_changed(self, top: QModelIndex, bottom: QModelIndex, roles: Any = ()) -> None:
        if not self._rows:
            return
        last = self.columnCount() - 1
        if top.row() == bottom.row():
            row = self.row_of(top.row())
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            return
        self.dataChanged.emit(
            self.index(0, top.column()), self.index(len(self._rows) - 1, bottom.column())
        )

    def _findings_changed(self) -> None:
        if self._by_findings:
            self.refilter()
