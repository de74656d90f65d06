"""Last year beside this year, in a record form's window.

When the form is opened, last year's signed submission of the same form and unit is
looked up in the archive of submissions (client.core.submission.archive.last_year) and,
when there is one, compared at once on a worker thread: both years' figures show in a
small table, and the K- findings of the form's last-year controls join the findings
panel, where their warnings need an explanation like any other. "Choose file…" compares
with another of last year's files (an SSB file, a draft or a submission). The core does
the work (client.core.baseline); this only asks and shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from client.core.errors import UserError
from client.core.i18n import tr
from client.gui import operations

if TYPE_CHECKING:
    from client.core.baseline import Comparison, LastYear
    from client.core.validation.findings import Finding
    from client.gui.context import AppContext
    from client.gui.form_session import FormSession


def last_year_panel(
    ctx: AppContext, session: FormSession, layout: QVBoxLayout, parent: QWidget, after: QWidget
) -> LastYearPanel | None:
    """The panel for a record form, added to `layout` and to the Tab order right after
    `after` (it is made after the widgets below it); None for a questionnaire."""
    if not session.form.is_record_form:
        return None
    panel = LastYearPanel(ctx, session, parent)
    layout.addWidget(panel)
    previous = after
    for widget in (panel.compare_button, panel.choose_button, panel.table):
        QWidget.setTabOrder(previous, widget)
        previous = widget
    return panel


class LastYearPanel(QWidget):
    """The figures of both years and the buttons that (re)compare them."""

    def __init__(
        self, ctx: AppContext, session: FormSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.session = ctx, session
        self.operation: operations.Operation | None = None
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.compare_button = QPushButton(
            QCoreApplication.translate("LastYear", "Compare with &last year"), self
        )
        self.compare_button.clicked.connect(self.compare)
        self.choose_button = QPushButton(
            QCoreApplication.translate("LastYear", "Last year's fi&le…"), self
        )
        self.choose_button.clicked.connect(self.choose_file)
        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(
            QCoreApplication.translate("LastYear", "This year's and last year's figures")
        )
        self.table.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(self.compare_button)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.path: Path | None = self._archived()
        self._again = False  # records were replaced while comparing: compare once more
        self._show_source()
        session.records_reset.connect(self._records_replaced)
        if self.path is not None:
            QTimer.singleShot(0, self.compare)  # found by itself: compare without asking

    def _records_replaced(self) -> None:
        if self.operation is not None:
            self._again = True
        elif self.session.last_year is not None:
            self.compare()

    def _archived(self) -> Path | None:
        from client.core.submission.archive import last_year

        form = self.session.form
        found = last_year(
            self.ctx.workspace.data_dir, self.session.context.region, form.form_id, form.year
        )
        return found.path if found is not None else None

    def _show_source(self, problem: str | None = None) -> None:
        if problem is not None:
            text = problem
        elif self.path is None:
            text = QCoreApplication.translate(
                "LastYear",
                "No submission from last year in the archive. Choose last year's file to "
                "compare the figures.",
            )
        else:
            text = QCoreApplication.translate("LastYear", "Last year: %1").replace(
                "%1", self.path.name
            )
        self.source.setText(text)
        self.source.setAccessibleName(text)
        self.compare_button.setEnabled(self.path is not None and self.operation is None)

    def choose_file(self) -> operations.Operation | None:
        path = self.ctx.asker.open_file(
            QCoreApplication.translate("LastYear", "Last year's file"),
            QCoreApplication.translate(
                "LastYear", "SSB files, drafts and submissions (*.txt *.dat *.json *.asice);;*"
            ),
        )
        if path is None:
            return None
        self.path = Path(path)
        return self.compare()

    def compare(self) -> operations.Operation | None:
        """Read last year's file and compare on a worker thread; the findings and the
        figures show when it is done. Returns the operation (tests wait on it)."""
        if self.path is None or self.operation is not None or self.session.records is None:
            return None
        from client.core.baseline import compare, load_last_year
        from client.core.records.recordset import RecordSet

        path, session, catalog = self.path, self.session, self.ctx.catalog
        form, validator, context, records = (
            session.form, session.validator, session.context, session.records
        )
        # The worker compares a copy of the lines; an edit meanwhile is compared again
        # before the form is signed (FormSession.refresh_last_year).
        copy = RecordSet(form, records.lines, records.source, file_lines=records.file_lines)

        known = session.last_year if session.last_year is not None else None
        if known is not None and known.path != str(path):
            known = None  # another file was chosen: read it

        def work(_: operations.Progress) -> tuple[LastYear, list[Comparison], list[Finding]]:
            last = known or load_last_year(path, form.form_id, form.year, catalog)
            return (last, *compare(validator, copy, last, context))

        def done(result: tuple[LastYear, list[Comparison], list[Finding]]) -> None:
            self.operation = None
            last, comparisons, findings = result
            session.set_last_year(last, findings)
            self._show_figures(comparisons, last)
            self._show_source()
            if self._again:
                self._again = False
                self.compare()

        def failed(error: BaseException) -> None:
            self.operation = None
            self._again = False
            if isinstance(error, UserError):
                self._show_source(error.message(self.ctx.lang))
                return
            raise error

        self.operation = operations.run(work, done, failed, self)
        self._show_source()
        return self.operation

    def _show_figures(self, comparisons: list[Comparison], last: LastYear) -> None:
        lang = self.ctx.lang
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("LastYear", "Figure"),
                str(self.session.form.year),
                str(last.form.year),
                QCoreApplication.translate("LastYear", "Change"),
            ]
        )
        self.table.setRowCount(len(comparisons))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, c in enumerate(comparisons):
            cells = [
                tr(c.label, lang),
                c.this_year.display(),
                c.last_year.display() if c.last_year else "–",
                tr(c.change_text(), lang),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(right)
                self.table.setItem(r, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(len(comparisons)))
        self.table.setFixedHeight(height)
        self.table.setVisible(bool(comparisons))

    def findings(self) -> list[Finding]:
        return list(self.session.baseline_findings)
