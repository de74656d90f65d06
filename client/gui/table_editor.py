"""A repeating group (a table question) as an editable table, and a computed total.

The table's answer is a list of row objects keyed by column name (client.core.forms.
answers); this editor only shows and edits it: add, copy and remove rows, paste rows from
a spreadsheet (the core reads the tab-separated text and names the cells it could not
read), and marks the cells that have findings (icon and text, never colour alone).
Computed cells and totals are read-only: the core computes them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from client.core.i18n import format_int, tr
from client.gui import texts
from client.gui.widgets import FieldEditor, Mode, date_placeholder, group_digits, parse_date

if TYPE_CHECKING:
    from client.core.forms.model import FieldDef
    from client.core.validation.findings import Finding

Index = QModelIndex | QPersistentModelIndex
VISIBLE_ROWS_MIN = 3  # an empty table still shows room for a few rows


def cell_text(column: FieldDef, value: Any, lang: str) -> str:
    """A cell's answer as it is shown (and edited)."""
    if value is None or value == "":
        return ""
    if column.codes:
        label = column.code_label(str(value), lang)
        return label if label is not None else f"«{value}»"
    if column.type == "date" and isinstance(value, str):
        date = parse_date(value)
        return date.toString("dd.MM.yyyy") if date.isValid() else value
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return format_int(value)
    return str(value)


def cell_value(column: FieldDef, text: str) -> Any:
    """What the user typed in a cell, as the answer holds it. Text that does not fit the
    column is kept as typed, so the findings can say what is wrong with it."""
    text = text.strip()
    if not text:
        return None
    if column.type == "integer":
        raw = text.replace("\u00a0", "").replace(" ", "")
        try:
            return int(raw)
        except ValueError:
            return text
    if column.type == "date":
        date = parse_date(text)
        return date.toString("yyyy-MM-dd") if date.isValid() else text
    return text


class _CellDelegate(QStyledItemDelegate):
    """Editors per column: a list of choices for coded columns, a line edit otherwise."""

    def __init__(self, editor: TableEditor) -> None:
        super().__init__(editor.table)
        self.owner = editor

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        column = self.owner.columns[index.column()]
        if column.codes:
            combo = QComboBox(parent)
            combo.addItem("", "")
            for code in column.codes:
                combo.addItem(tr(code.label, self.owner.lang), code.code)
            return combo
        edit = QLineEdit(parent)
        if column.type == "date":
            edit.setPlaceholderText(date_placeholder())
        if column.max_length:
            edit.setMaxLength(column.max_length)
        if column.type == "integer":
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return edit

    def setEditorData(self, widget: QWidget, index: Index) -> None:
        value = self.owner.cell(index.row(), index.column())
        if isinstance(widget, QComboBox):
            found = widget.findData("" if value is None else str(value))
            widget.setCurrentIndex(max(found, 0))
        elif isinstance(widget, QLineEdit):
            column = self.owner.columns[index.column()]
            text = cell_text(column, value, self.owner.lang)
            widget.setText(text.replace("\u00a0", "") if column.type == "integer" else text)

    def setModelData(self, widget: QWidget, model: Any, index: Index) -> None:
        column = self.owner.columns[index.column()]
        if isinstance(widget, QComboBox):
            value = widget.currentData() or None
        else:
            value = cell_value(column, widget.text())  # type: ignore[attr-defined]
        self.owner.set_cell(index.row(), index.column(), value)


class TableEditor(FieldEditor):
    """A table question: one line per row of the answer, one column per column."""

    rows_pasted = Signal(int, object)  # rows added, list of PasteProblem

    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, mode, lang, parent)
        self.columns: list[FieldDef] = list(field.columns)
        self.rows: list[dict[str, Any]] = []
        self.dropped = 0  # rows of the last paste that did not fit
        self._cell_findings: dict[tuple[int, str], list[Finding]] = {}
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setHorizontalHeaderLabels(
            [tr(c.label, lang) + (" *" if c.mandatory else "") for c in self.columns]
        )
        self.table.setItemDelegate(_CellDelegate(self))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for number, column in enumerate(self.columns):
            if column.type in ("integer", "date") or column.codes:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._item_changed)
        self.table.installEventFilter(self)
        self.table.setToolTip(
            QCoreApplication.translate(
                "TableEditor",
                "Type in a cell to answer; Ctrl+V pastes rows copied from a spreadsheet",
            )
        )

        self.add_button = QPushButton(QCoreApplication.translate("TableEditor", "Add row"), self)
        self.copy_button = QPushButton(
            QCoreApplication.translate("TableEditor", "Copy row"), self
        )
        self.remove_button = QPushButton(
            QCoreApplication.translate("TableEditor", "Remove row"), self
        )
        self.paste_button = QPushButton(
            QCoreApplication.translate("TableEditor", "Paste rows"), self
        )
        self.paste_button.setToolTip(
            QCoreApplication.translate(
                "TableEditor",
                "Adds the rows copied from a spreadsheet (columns in the table's order)",
            )
        )
        # From a button the cursor goes into the new row, so typing fills it in.
        self.add_button.clicked.connect(lambda _=False: self._into_table(self.add_row()))
        self.copy_button.clicked.connect(lambda _=False: self._into_table(self.copy_row()))
        self.remove_button.clicked.connect(lambda _=False: self.remove_rows())
        self.paste_button.clicked.connect(lambda _=False: self.paste())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.count = QLabel(self)
        self.paste_note = QLabel(self)  # what the last paste did, and the cells it could not read
        self.paste_note.setWordWrap(True)
        self.paste_note.setTextFormat(Qt.TextFormat.PlainText)
        self.paste_note.hide()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.copy_button, self.remove_button, self.paste_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.paste_note)
        self._rebuild()

    # --- the answer -----------------------------------------------------------------------

    def value(self) -> Any:
        rows = [dict(r) for r in self.rows]
        return rows or None

    def _show(self, value: Any) -> None:
        rows = value if isinstance(value, list) else []
        self.rows = [dict(r) if isinstance(r, dict) else {} for r in rows]
        # Rows from outside (undo, an import, last year): the last paste's note is stale.
        self.paste_note.hide()
        self._rebuild()

    def cell(self, row: int, column: int) -> Any:
        return self.rows[row].get(self.columns[column].name)

    def set_cell(self, row: int, column: int, value: Any) -> None:
        name = self.columns[column].name
        if self.rows[row].get(name) == value:
            return
        if value is None:
            self.rows[row].pop(name, None)
        else:
            self.rows[row][name] = value
        self._refresh_row(row)
        self._emit()

    # --- rows -------------------------------------------------------------------------------

    @property
    def full(self) -> bool:
        return self.field.max_rows is not None and len(self.rows) >= self.field.max_rows

    def add_row(self, values: dict[str, Any] | None = None) -> int:
        self.paste_note.hide()
        if self.full:
            return -1
        self.rows.append(dict(values or {}))
        self._rebuild()
        at = len(self.rows) - 1
        self._emit()
        self._go_to(at)
        return at

    def copy_row(self, row: int | None = None) -> int:
        self.paste_note.hide()
        row = self._current_row() if row is None else row
        if row is None or self.full:
            return -1
        editable = {c.name for c in self.columns if not c.read_only}
        copy = {k: v for k, v in self.rows[row].items() if k in editable}
        self.rows.insert(row + 1, copy)
        self._rebuild()
        self._emit()
        self._go_to(row + 1)
        return row + 1

    def remove_rows(self, rows: list[int] | None = None) -> None:
        self.paste_note.hide()
        if rows is None:
            rows = sorted({index.row() for index in self.table.selectedIndexes()})
            current = self._current_row()
            if not rows and current is not None:
                rows = [current]
        if not rows:
            return
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self.rows):
                del self.rows[row]
        self._rebuild()
        self._emit()
        if self.rows:
            self._go_to(min(rows[0], len(self.rows) - 1))

    def paste(self, text: str | None = None) -> tuple[int, list[Any]]:
        """Add the rows in `text` (the clipboard's by default). Returns how many rows were
        added and the cells that could not be read (left blank, each with a message)."""
        from client.core.forms.answers import rows_from_text

        if text is None:
            text = QGuiApplication.clipboard().text()
        if not text.strip() or self.form is None:
            self.paste_note.setText(
                QCoreApplication.translate(
                    "TableEditor",
                    "The clipboard has no rows to paste. Copy the rows in the spreadsheet "
                    "(without the heading or with it) and try again.",
                )
            )
            self.paste_note.show()
            self.rows_pasted.emit(0, [])
            return 0, []
        rows, problems = rows_from_text(self.form, self.field.name, text)
        # The core stops at the table's limit; count what it left out, so it can be said.
        lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
        heading = bool(lines[0].strip()) and not rows_from_text(
            self.form, self.field.name, lines[0]
        )[0]
        given = len(lines) - int(heading)
        if rows:
            # Rows just added and left empty (Legg til rad, then Ctrl+V) take the paste.
            editable = [c.name for c in self.columns if not c.read_only]
            while self.rows and all(self.rows[-1].get(n) in (None, "") for n in editable):
                self.rows.pop()
        offset = len(self.rows)
        room = None if self.field.max_rows is None else max(self.field.max_rows - offset, 0)
        dropped = max(given - len(rows), 0)
        if room is not None and len(rows) > room:
            dropped += len(rows) - room
            rows = rows[:room]
            problems = [p for p in problems if p.row <= room]
        # Problems name the row as it will be numbered in the table.
        problems = [replace(p, row=p.row + offset) for p in problems]
        if rows:
            self.rows.extend(rows)
            self._rebuild()
            self._emit()
            self._go_to(offset)
        self.dropped = dropped
        labels = {c.name: tr(c.label, self.lang) for c in self.columns}
        problems = [replace(p, column=labels.get(p.column, p.column)) for p in problems]
        self._say_pasted(len(rows), problems, dropped)
        self.rows_pasted.emit(len(rows), problems)
        return len(rows), problems

    def _say_pasted(self, added: int, problems: list[Any], dropped: int) -> None:
        lines = [QCoreApplication.translate("TableEditor", "%n row(s) pasted.", "", added)]
        if dropped:
            lines.append(
                QCoreApplication.translate(
                    "TableEditor", "%n row(s) did not fit: the table has room for %1.", "",
                    dropped,
                ).replace("%1", str(self.field.max_rows))
            )
        if problems:
            count = len(problems)
            lines.append(
                QCoreApplication.translate(
                    "TableEditor",
                    "%n cell(s) could not be read and were left blank; correct them in the "
                    "table:", "", count,
                )
            )
            lines += [p.message(self.lang) for p in problems[:10]]
            if count > 10:
                lines.append("…")
        text = "\n".join(lines)
        if problems or dropped:
            text = f"{texts.severity_name('WARNING')}: {text}"
        self.paste_note.setText(text)
        self.paste_note.show()

    # --- drawing ------------------------------------------------------------------------

    def _rebuild(self) -> None:
        current = self._current_row(), self.table.currentColumn()
        self._loading = True
        try:
            self.table.setRowCount(len(self.rows))
            for row in range(len(self.rows)):
                self._refresh_row(row)
        finally:
            self._loading = False
        self._fit_height()
        self._update_buttons()
        row, column = current
        if row is not None and self.rows:
            self.table.setCurrentCell(min(row, len(self.rows) - 1), max(column, 0))

    def _refresh_row(self, row: int) -> None:
        was_loading = self._loading
        self._loading = True
        try:
            for number, column in enumerate(self.columns):
                value = self.rows[row].get(column.name)
                item = self.table.item(row, number)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, number, item)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if column.type == "boolean":
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                    item.setCheckState(
                        Qt.CheckState.Checked if value is True else Qt.CheckState.Unchecked
                    )
                elif not column.read_only:
                    flags |= Qt.ItemFlag.ItemIsEditable
                item.setFlags(flags)
                item.setText(cell_text(column, value, self.lang))
                if column.type == "integer":
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column.read_only:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self._mark_item(item, row, column)
        finally:
            self._loading = was_loading

    def _mark_item(self, item: QTableWidgetItem, row: int, column: FieldDef) -> None:
        findings = self._cell_findings.get((row + 1, column.name), [])
        heading = tr(column.label, self.lang)
        if findings:
            from client.core.validation.findings import SEVERITY_RANK

            worst = min(findings, key=lambda f: SEVERITY_RANK[f.severity]).severity
            item.setIcon(texts.severity_icon(worst))
            said = "\n".join(
                f"{texts.severity_name(f.severity)}: {f.message(self.lang)}" for f in findings
            )
            item.setToolTip(said)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{heading}: {item.text()}. {said}",
            )
        else:
            item.setIcon(QIcon())
            item.setToolTip("")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{heading}: {item.text()}")

    def _fit_height(self) -> None:
        header = self.table.horizontalHeader().sizeHint().height()
        shown = max(len(self.rows), VISIBLE_ROWS_MIN)
        row_height = self.table.verticalHeader().defaultSectionSize()
        scroll = self.table.horizontalScrollBar().sizeHint().height()
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(header + shown * row_height + frame + scroll)

    def _update_buttons(self) -> None:
        has_row = self._current_row() is not None
        self.add_button.setEnabled(not self.full)
        self.paste_button.setEnabled(not self.full)
        self.copy_button.setEnabled(has_row and not self.full)
        self.remove_button.setEnabled(has_row)
        count = len(self.rows)
        text = QCoreApplication.translate("TableEditor", "%n row(s)", "", count)
        if self.field.max_rows is not None:
            text = QCoreApplication.translate("TableEditor", "%1 (at most %2)").replace(
                "%1", text
            ).replace("%2", str(self.field.max_rows))
        self.count.setText(text)

    def _current_row(self) -> int | None:
        row = self.table.currentRow()
        return row if 0 <= row < len(self.rows) else None

    def _go_to(self, row: int) -> None:
        first = next((n for n, c in enumerate(self.columns) if not c.read_only), 0)
        self.table.setCurrentCell(row, first)
        self._update_buttons()

    def _into_table(self, row: int) -> None:
        if row >= 0:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        column = self.columns[item.column()]
        if column.type == "boolean":
            self.set_cell(item.row(), item.column(), item.checkState() == Qt.CheckState.Checked)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste()
                return True
            if event.key() == Qt.Key.Key_Delete and self.table.state() != (
                QAbstractItemView.State.EditingState
            ):
                for index in self.table.selectedIndexes():
                    if not self.columns[index.column()].read_only:
                        self.set_cell(index.row(), index.column(), None)
                return True
        return super().eventFilter(watched, event)

    # --- findings -----------------------------------------------------------------------

    def mark(self, findings: list[Finding]) -> None:
        """Mark the cells that the shown findings are about."""
        cells: dict[tuple[int, str], list[Finding]] = {}
        for finding in findings:
            row, column = getattr(finding, "row", None), getattr(finding, "column", None)
            if row is not None and column is not None:
                cells.setdefault((row, column), []).append(finding)
        if cells == self._cell_findings:
            return
        touched = {r for r, _ in cells} | {r for r, _ in self._cell_findings}
        self._cell_findings = cells
        for row in touched:
            if 1 <= row <= len(self.rows):
                self._refresh_row(row - 1)

    def focus_widget(self) -> QWidget:
        return self.table

    def inputs(self) -> list[QWidget]:
        return [self.table, self.add_button, self.copy_button, self.remove_button,
                self.paste_button]

    def focus_cell(self, row: int | None, column: str | None) -> None:
        if row is None or not 1 <= row <= len(self.rows):
            return
        number = next((n for n, c in enumerate(self.columns) if c.name == column), 0)
        self.table.setCurrentCell(row - 1, number)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)


class ComputedEditor(FieldEditor):
    """A total the core computes from other answers: shown read-only, digits grouped."""

    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, mode, lang, parent)
        self.edit = QLineEdit(self)
        self.edit.setReadOnly(True)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 18)
        self.note = QLabel(
            QCoreApplication.translate("TableEditor", "Computed from the answers above"), self
        )
        font = self.note.font()
        font.setItalic(True)
        self.note.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._value: Any = None

    def value(self) -> Any:
        return self._value

    def _show(self, value: Any) -> None:
        self._value = value
        self.edit.setText(group_digits("" if value is None else str(value)))

    def focus_widget(self) -> QWidget:
        return self.edit
