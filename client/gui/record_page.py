"""A record form's workspace: the record table with search and filter, buttons to add,
copy and delete records, and the editor of the selected record."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from client.core.errors import UserError
from client.core.forms.model import SEVERITIES
from client.core.i18n import format_int
from client.core.validation.findings import Finding
from client.gui import texts
from client.gui.form_session import FormSession
from client.gui.frozen_table import FrozenTableView
from client.gui.question_row import QuestionRow
from client.gui.record_editor import RecordEditor
from client.gui.record_model import RecordTableModel


class RecordPage(QSplitter):
    def __init__(self, session: FormSession, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.session = session
        self.lang = lang
        self.last_merge = None
        left = QWidget(self)
        self.search = QLineEdit(left)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            QCoreApplication.translate(
                "RecordPage", "Journal number, caseworker or national identity number"
            )
        )
        search_label = QLabel(QCoreApplication.translate("RecordPage", "Se&arch:"), left)
        search_label.setBuddy(self.search)
        self.search.setAccessibleName(QCoreApplication.translate("RecordPage", "Search records"))
        self.only_findings = QCheckBox(
            QCoreApplication.translate("RecordPage", "Only records with findin&gs"), left
        )
        self.model = RecordTableModel(session, lang)
        self._build_filters(left)
        self.table = self._build_table(left)
        self.count_label = QLabel(left)
        self._build_rest(left, search_label, lang)

    def _build_filters(self, left: QWidget) -> None:
        """Severity, control and caseworker: each a list of what the form has now."""
        every = QCoreApplication.translate("RecordPage", "All")
        self.severity_filter = QComboBox(left)
        self.severity_filter.addItem(every, None)
        for severity in SEVERITIES:
            self.severity_filter.addItem(
                texts.severity_icon(severity), texts.severity_name(severity, plural=True), severity
            )
        self.control_filter = QComboBox(left)
        self.control_filter.addItem(every, None)
        self.caseworker_filter = QComboBox(left)
        self.caseworker_filter.addItem(every, None)
        self.caseworker_filter.setEnabled(bool(self.session.form.identity.caseworker))
        labels = (
            (QCoreApplication.translate("RecordPage", "Se&verity:"), self.severity_filter),
            (QCoreApplication.translate("RecordPage", "C&ontrol:"), self.control_filter),
            (QCoreApplication.translate("RecordPage", "Case&worker:"), self.caseworker_filter),
        )
        self.filter_row = QHBoxLayout()
        for text, combo in labels:
            label = QLabel(text, left)
            label.setBuddy(combo)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setAccessibleName(text.replace("&", "").rstrip(":"))
            self.filter_row.addWidget(label)
            self.filter_row.addWidget(combo)
            combo.currentIndexChanged.connect(self._apply_filter)
        self.filter_row.addStretch(1)

    def _refresh_filter_choices(self) -> None:
        """Offer the controls that found something and the caseworkers in the records,
        keeping the current choice."""
        controls = sorted({f.control for f in self.session.findings()})
        self._fill(self.control_filter, [(c, c) for c in controls])
        name = self.session.form.identity.caseworker
        records = self.session.records
        if name and records is not None:
            column = self.session.form.field(name).column
            assert column is not None
            a, b = column.start, column.end
            workers = sorted({line[a:b].strip() for line in records.lines})
            blank = QCoreApplication.translate("RecordPage", "(blank)")
            self._fill(self.caseworker_filter, [(w or blank, w) for w in workers])

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        wanted = [(combo.itemText(0), None), *items]
        if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == wanted:
            return
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, value in items:
            combo.addItem(text, value)
        at = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(at, 0))
        combo.blockSignals(False)
        if at < 0 and current is not None:
            self._apply_filter()  # the chosen value is gone: show all again

    def _build_table(self, left: QWidget) -> FrozenTableView:
        session = self.session
        self.table = FrozenTableView(left)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(QCoreApplication.translate("RecordPage", "Records"))
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        horizontal = self.table.horizontalHeader()
        # Fixed widths: sizing to contents would read all 20 000 rows.
        horizontal.setDefaultSectionSize(self.fontMetrics().horizontalAdvance("0") * 12)
        digit = self.fontMetrics().horizontalAdvance("0")
        horizontal.resizeSection(0, digit * 7)
        horizontal.resizeSection(
            1,
            self.fontMetrics().horizontalAdvance(
                self.model.headerData(1, Qt.Orientation.Horizontal)
            )
            + digit * 6,
        )
        for column, name in enumerate(self.model.fields, start=2):
            field = session.form.field(name)
            size = field.column.size if field.column else 10
            # From the definition, not the data: header name or the field's width.
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = max(self.fontMetrics().horizontalAdvance(title) // digit + 3, size + 2)
            horizontal.resizeSection(column, digit * min(width, 26))
        horizontal.setSortIndicatorShown(True)
        horizontal.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.freeze(self.model.frozen_columns)
        return self.table

    def _build_many_menu(self, left: QWidget) -> None:
        self.many_button = QToolButton(left)
        self.many_button.setText(QCoreApplication.translate("RecordPage", "&Many lines"))
        self.many_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.many_button)
        self.set_field_action = menu.addAction(
            QCoreApplication.translate("RecordPage", "Set a field on the selected lines…"),
            self.ask_set_field,
        )
        self.replace_action = menu.addAction(
            QCoreApplication.translate("RecordPage", "Find and replace in a column…"),
            self.ask_find_replace,
        )
        self.paste_action = menu.addAction(
            QCoreApplication.translate("RecordPage", "Paste rows from a spreadsheet"),
            self.paste_from_clipboard,
        )
        self.paste_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.paste_action)
        self.merge_action = menu.addAction(
            QCoreApplication.translate("RecordPage", "Merge the two selected lines"),
            self.merge_selected,
        )
        self.many_button.setMenu(menu)

    def _build_rest(self, left: QWidget, search_label: QLabel, lang: str) -> None:
        session = self.session

        self.add_button = QPushButton(QCoreApplication.translate("RecordPage", "&New record"), left)
        self.copy_button = QPushButton(
            QCoreApplication.translate("RecordPage", "&Copy record"), left
        )
        self.delete_button = QPushButton(
            QCoreApplication.translate("RecordPage", "&Delete record"), left
        )
        self._build_many_menu(left)
        self.add_button.clicked.connect(self.add_record)
        self.copy_button.clicked.connect(self.copy_record)
        self.delete_button.clicked.connect(self.delete_records)

        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.copy_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addWidget(self.many_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        self.filter_row.insertWidget(0, self.only_findings)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.editor = RecordEditor(session, lang, self)
        self.editor.setAccessibleName(QCoreApplication.translate("RecordPage", "Record editor"))
        self.addWidget(left)
        self.addWidget(self.editor)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.next_hit)
        session.findings_changed.connect(self._refresh_filter_choices)
        session.records_reset.connect(self._refresh_filter_choices)
        self._refresh_filter_choices()
        self.only_findings.toggled.connect(self._apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._after_reset)
        self._after_reset()

    # --- selection ---------------------------------------------------------------------

    def current_record(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record_at(index.row())

    def select_record(self, record: int) -> bool:
        row = self.model.row_of(record)
        if row is None and self.model.filtered:
            # The wanted record is filtered out: show everything rather than nothing.
            self.clear_filters()
            row = self.model.row_of(record)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        record = self.model.record_at(current.row()) if current.isValid() else None
        if not (self.model.only_order_changed and record == self.editor.index):
            self.editor.show_record(record)
        self._update_buttons()

    def _after_reset(self) -> None:
        records = self.session.records
        total = len(records) if records is not None else 0
        shown = self.model.rowCount()
        if shown == total:
            text = QCoreApplication.translate("RecordPage", "Records: %Ln", "", total)
        else:
            text = (
                QCoreApplication.translate("RecordPage", "%1 of %2 records")
                .replace("%1", format_int(shown))
                .replace("%2", format_int(total))
            )
        self.count_label.setText(text)
        if self.editor.index is not None:
            row = self.model.row_of(self.editor.index)
            if row is not None:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            else:
                self.editor.show_record(None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.current_record() is not None
        self.copy_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.set_field_action.setEnabled(has)
        self.merge_action.setEnabled(len(self.selected_records()) == 2)

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(
            self.search.text(),
            self.only_findings.isChecked(),
            self.severity_filter.currentData(),
            self.control_filter.currentData(),
            self.caseworker_filter.currentData(),
        )

    def clear_filters(self) -> None:
        for widget in (
            self.search,
            self.only_findings,
            self.severity_filter,
            self.control_filter,
            self.caseworker_filter,
        ):
            widget.blockSignals(True)
        self.search.clear()
        self.only_findings.setChecked(False)
        for combo in (self.severity_filter, self.control_filter, self.caseworker_filter):
            combo.setCurrentIndex(0)
        for widget in (
            self.search,
            self.only_findings,
            self.severity_filter,
            self.control_filter,
            self.caseworker_filter,
        ):
            widget.blockSignals(False)
        self._apply_filter()

    def next_hit(self) -> None:
        """Enter in Søk: filter at once, then select the next matching line after the
        current one (from the top again after the last), keeping the focus in Søk."""
        if self._search_timer.isActive() or self.model.search_text != self.search.text().strip():
            self._apply_filter()
        count = self.model.rowCount()
        if not count:
            return
        current = self.table.currentIndex()
        row = 0 if not current.isValid() else (current.row() + 1) % count
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    # --- actions ------------------------------------------------------------------------

    def add_record(self) -> None:
        records = self.session.records
        assert records is not None
        current = self.current_record()
        at = len(records) if current is None else current + 1
        values = {}
        # A new record belongs to the same municipality and year as the others.
        for name in ("KOMMUNE_NR", "VERSION", "BYDELSNR"):
            if self.session.form.has_field(name) and len(records):
                values[name] = records.value(at - 1, name)
        self.editor.index = at
        self.session.add_record(at, values)
        self.select_record(at)
        first = self.session.form.identity.journal
        if first:
            self.editor.focus_field(first)

    def copy_record(self) -> None:
        current = self.current_record()
        if current is not None:
            self.editor.index = current + 1
            self.select_record(self.session.copy_record(current))

    def delete_records(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        records = [self.model.record_at(r) for r in rows]
        if not records and self.current_record() is not None:
            records = [self.current_record()]
        if records:
            self.editor.index = None
            self.session.delete_records(records)
            self.select_record(min(records[0], len(self.session.records or ()) - 1))

    # --- many lines at once (client.core.records.bulk works them out) -------------------

    def selected_records(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return sorted(self.model.record_at(r) for r in rows)

    def _warn(self, error: UserError) -> None:
        QMessageBox.warning(
            self, QCoreApplication.translate("RecordPage", "Many lines"), error.message(self.lang)
        )

    def set_field_on_selected(self, name: str, value: str) -> int:
        """The same value in one field of every selected line; returns how many changed."""
        from client.core.records import bulk

        records = self.session.records
        assert records is not None
        chosen = self.selected_records() or (
            [self.current_record()] if self.current_record() is not None else []
        )
        changes = bulk.set_field(records, chosen, name, value)
        count = len(changes)
        text = QCoreApplication.translate("RecordPage", "Set %1 on %n line(s)", "", count)
        return self.session.set_values(changes, text.replace("%1", name))

    def find_replace(self, name: str, find: str, replace: str, whole: bool = False) -> int:
        """In one column of the lines shown (the filter applies); returns how many changed."""
        from client.core.records import bulk

        records = self.session.records
        assert records is not None
        shown = [self.model.record_at(r) for r in range(self.model.rowCount())]
        changes = bulk.find_replace(records, name, find, replace, shown, whole)
        text = QCoreApplication.translate("RecordPage", "Replace in %1").replace("%1", name)
        return self.session.set_values(changes, text)

    def paste_rows(self, text: str) -> int:
        """Rows copied from a spreadsheet become new lines after the current one."""
        from client.core.records import bulk

        records = self.session.records
        assert records is not None
        pasted = bulk.parse_pasted(self.session.form, text, self.model.fields, self.lang)
        current = self.current_record()
        at = len(records) if current is None else current + 1
        self.editor.index = None
        self.session.insert_records(at, pasted.records)
        self.select_record(at)
        return len(pasted.records)

    def merge_selected(self) -> bool:
        """Two selected lines of the same person (SSB's 05A and 05B ask for it) as one:
        amounts added, blanks filled from the other line, differences named."""
        from client.core.records import bulk

        chosen = self.selected_records()
        records = self.session.records
        if len(chosen) != 2 or records is None:
            return False
        keep, drop = chosen
        merged = bulk.merge_records(
            self.session.form, records.record(keep), records.record(drop)
        )
        text = (
            QCoreApplication.translate("RecordPage", "Merge lines %1 and %2")
            .replace("%1", str(keep + 1))
            .replace("%2", str(drop + 1))
        )
        self.editor.index = None
        self.session.merge_records(keep, drop, merged.values, text)
        self.select_record(keep)
        self.last_merge = merged
        if merged.conflicts:
            names = ", ".join(
                self.session.form.field(n).short_label(self.lang) for n in merged.conflicts
            )
            self.count_label.setText(
                QCoreApplication.translate(
                    "RecordPage", "Merged; check these, which differed: %1"
                ).replace("%1", names)
            )
        return True

    def ask_set_field(self) -> None:
        from client.gui.bulk_dialog import FieldValueDialog

        count = len(self.selected_records())
        dialog = FieldValueDialog(
            self.session.form,
            self.model.fields,
            self.lang,
            QCoreApplication.translate("RecordPage", "Set a field"),
            QCoreApplication.translate(
                "RecordPage", "The value goes into the field on the %n selected line(s).", "",
                count,
            ),
            replace=False,
            parent=self,
        )
        if dialog.exec():
            try:
                self.set_field_on_selected(dialog.field.currentData(), dialog.value.text())
            except UserError as error:
                self._warn(error)

    def ask_find_replace(self) -> None:
        from client.gui.bulk_dialog import FieldValueDialog

        shown = self.model.rowCount()
        dialog = FieldValueDialog(
            self.session.form,
            self.model.fields,
            self.lang,
            QCoreApplication.translate("RecordPage", "Find and replace"),
            QCoreApplication.translate(
                "RecordPage", "Replaces in one column of the %n line(s) shown.", "", shown
            ),
            replace=True,
            parent=self,
        )
        if dialog.exec():
            try:
                self.find_replace(
                    dialog.field.currentData(),
                    dialog.find.text(),
                    dialog.value.text(),
                    dialog.whole.isChecked(),
                )
            except UserError as error:
                self._warn(error)

    def paste_from_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text()
        try:
            self.paste_rows(text)
        except UserError as error:
            self._warn(error)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def show_finding(self, finding: Finding) -> QuestionRow | None:
        """Select the finding's record, open it in the editor and focus the field."""
        if finding.line is None:
            return None
        self.select_record(finding.line - 1)
        return self.editor.focus_field(finding.field)
