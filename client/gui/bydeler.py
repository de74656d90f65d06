"""Oslo's bydel files checked together, from the window.

Each of Oslo's bydeler delivers its own file, and a person helped in several bydeler is
in each of them; SSB counts such a person once. The dialog lets an Oslo user choose
every bydel file of a record form, checks each file as one file and then all together
on a worker thread (client.core.crossfile.check_files), and lists each file's counts and
every person found in more than one file by the files and lines, never by the number.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from client.core.errors import UserError
from client.core.i18n import format_int
from client.core.workspace import OSLO
from client.gui import operations, texts

if TYPE_CHECKING:
    from client.core.crossfile import CrossFileFinding, FileVerdict
    from client.core.forms.model import FormDefinition
    from client.gui.context import AppContext

Result = tuple[list["FileVerdict"], list["CrossFileFinding"]]


class BydelCheckDialog(QDialog):
    """Choose the files, check them together, and show what was found."""

    def __init__(
        self, ctx: AppContext, forms: list[FormDefinition], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.forms = [f for f in forms if f.is_record_form]
        self.operation: operations.Operation | None = None
        self.setWindowTitle(
            QCoreApplication.translate("BydelCheck", "Check the bydel files together")
        )
        intro = QLabel(
            QCoreApplication.translate(
                "BydelCheck",
                "Choose every bydel's file of the form. Each file is checked by itself, then all "
                "together: a person in more than one file is counted once by SSB.",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.form_combo = QComboBox(self)
        for form in self.forms:
            self.form_combo.addItem(form.display_title(ctx.lang))
        form_label = QLabel(QCoreApplication.translate("BydelCheck", "&Form:"), self)
        form_label.setBuddy(self.form_combo)
        self.choose_button = QPushButton(
            QCoreApplication.translate("BydelCheck", "&Choose files and check…"), self
        )
        self.choose_button.clicked.connect(self.choose_and_check)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.files = QTableWidget(0, 4, self)
        self.files.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("BydelCheck", "File"),
                QCoreApplication.translate("BydelCheck", "Records"),
                texts.severity_name("ERROR", plural=True),
                texts.severity_name("WARNING", plural=True),
            ]
        )
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.verticalHeader().setVisible(False)
        self.files.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.files.setAccessibleName(QCoreApplication.translate("BydelCheck", "Each file"))
        self.across_label = QLabel(
            QCoreApplication.translate("BydelCheck", "People in more than one file:"), self
        )
        self.across = QListWidget(self)
        self.across.setWordWrap(True)
        self.across_label.setBuddy(self.across)
        self.across.setAccessibleName(self.across_label.text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(form_label)
        row.addWidget(self.form_combo, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.files, 1)
        layout.addWidget(self.across_label)
        layout.addWidget(self.across, 1)
        layout.addWidget(buttons)
        self.resize(900, 600)

    def choose_and_check(self) -> operations.Operation | None:
        paths = self.ctx.asker.open_files(
            QCoreApplication.translate("BydelCheck", "The bydel files"),
            QCoreApplication.translate("BydelCheck", "SSB files (*.txt *.dat *.*)"),
        )
        if not paths:
            return None
        if len(paths) < 2:
            self.status.setText(
                QCoreApplication.translate(
                    "BydelCheck", "Choose at least two files to check them together."
                )
            )
            return None
        return self.check(paths)

    def check(self, paths: list[Path]) -> operations.Operation | None:
        """Check `paths` on a worker thread. Returns the operation (tests wait on it)."""
        if self.operation is not None or not self.forms:
            return None
        from client.core.crossfile import check_files
        from client.core.validation.engine import ValidationContext

        form = self.forms[self.form_combo.currentIndex()]
        unit = self.ctx.settings.unit
        # The whole municipality: each file has its own bydel in its records.
        kommune = unit.kommunenummer if unit is not None else OSLO
        context = ValidationContext.from_region(kommune + "00", form.year)

        def work(progress: operations.Progress) -> Result:
            return check_files(form, paths, context, on_file=progress.report)

        def done(result: Result) -> None:
            self.operation = None
            self.choose_button.setEnabled(True)
            self._show(*result)

        def failed(error: BaseException) -> None:
            self.operation = None
            self.choose_button.setEnabled(True)
            if isinstance(error, UserError):
                self.status.setText(error.message(self.ctx.lang))
                return
            raise error

        self.choose_button.setEnabled(False)
        count = len(paths)
        self.status.setText(
            QCoreApplication.translate("BydelCheck", "Checking %n file(s)…", "", count)
        )
        self.operation = operations.run(work, done, failed, self)
        return self.operation

    def _show(self, verdicts: list[FileVerdict], across: list[CrossFileFinding]) -> None:
        self.files.setRowCount(len(verdicts))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, verdict in enumerate(verdicts):
            summary = verdict.summary
            cells = [
                Path(verdict.path).name,
                format_int(verdict.records),
                str(summary.get("FATAL", 0) + summary.get("ERROR", 0)),
                str(summary.get("WARNING", 0)),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(right)
                else:
                    item.setToolTip(verdict.path)
                self.files.setItem(r, column, item)
        self.across.clear()
        lang = self.ctx.lang
        for finding in across:
            self.across.addItem(f"{finding.control}: {finding.message(lang)}")
        people = len(across)
        if people:
            text = QCoreApplication.translate(
                "BydelCheck",
                "%n person(s) are in more than one file. SSB counts each of them once for "
                "the municipality.",
                "",
                people,
            )
        else:
            text = QCoreApplication.translate("BydelCheck", "Nobody is in more than one file.")
        self.status.setText(text)


def record_forms(ctx: AppContext, year: int | None) -> list[FormDefinition]:
    """The year's record forms that load (a broken one is the overview's to report)."""
    forms = []
    for item in ctx.catalog.forms_for_year(year) if year is not None else []:
        try:
            form = ctx.catalog.load(item.form_id, item.year)
        except UserError:
            continue
        if form.is_record_form:
            forms.append(form)
    return forms


def check_bydel_files(ctx: AppContext, year: int | None, parent: QWidget) -> BydelCheckDialog:
    """Open the dialog (the main window's File menu, for an Oslo unit)."""
    dialog = BydelCheckDialog(ctx, record_forms(ctx, year), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
