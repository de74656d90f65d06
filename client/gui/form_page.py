"""An open form: its title and state, the records or questions, and the findings panel.

Also the form's file actions (import, export) and the isolated hook to the
submission core.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from client.core.errors import UserError
from client.core.forms.model import FieldDef
from client.core.i18n import tr
from client.core.validation.findings import Finding
from client.gui import operations
from client.gui.findings_panel import FindingsPanel
from client.gui.form_session import FormSession
from client.gui.questionnaire import QuestionnaireView
from client.gui.record_page import RecordPage

if TYPE_CHECKING:
    from client.gui.context import AppContext

PROGRESS_AFTER_MS = 300  # small files finish before a progress dialog would flash up


class FormPage(QWidget):
    close_requested = Signal()

    def __init__(
        self, ctx: AppContext, session: FormSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        form = session.form
        lang = ctx.lang
        self.back_button = QPushButton(
            QCoreApplication.translate("FormPage", "&Back to overview"), self
        )
        self.back_button.clicked.connect(self.close_requested)
        self.title = QLabel(form.display_title(lang), self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleName(form.display_title(lang))
        self.description = QLabel(tr(form.description, lang), self)
        self.description.setWordWrap(True)
        self.submit_button = QPushButton(QCoreApplication.translate("FormPage", "Sub&mit…"), self)
        self.submit_button.clicked.connect(self.submit)

        if form.is_record_form:
            self.records: RecordPage | None = RecordPage(session, lang, self)
            self.questionnaire: QuestionnaireView | None = None
            content: QWidget = self.records
            self.records.editor.help_requested.connect(self.show_help)
        else:
            self.records = None
            self.questionnaire = QuestionnaireView(session, lang, self)
            self.questionnaire.help_requested.connect(self.show_help)
            content = self.questionnaire
        self.findings = FindingsPanel(session, lang, self)
        self.findings.activated.connect(self.show_finding)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(content)
        split.addWidget(self.findings)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        split.setSizes([650, 350])

        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.description)
        layout.addWidget(split, 1)
        self._operation: operations.Operation | None = None

    # --- findings and help --------------------------------------------------------------

    def show_finding(self, finding: Finding) -> None:
        if self.records is not None:
            self.records.show_finding(finding)
        elif self.questionnaire is not None:
            self.questionnaire.focus_field(finding.field)

    def current_field(self) -> FieldDef | None:
        view = self.records.editor if self.records is not None else self.questionnaire
        return view.field_of_focus() if view is not None else None

    def show_help(self, field: FieldDef | None = None) -> None:
        field = field or self.current_field()
        if field is None:
            text = QCoreApplication.translate(
                "FormPage", "Move to a question and press F1 for help with it."
            )
            self.ctx.asker.inform(QCoreApplication.translate("FormPage", "Help"), text)
            return
        lang = self.ctx.lang
        help_text = tr(field.help, lang) or QCoreApplication.translate(
            "FormPage", "There is no help text for this question."
        )
        codes = "\n".join(c.display(lang) for c in field.codes)
        body = help_text + (f"\n\n{codes}" if codes and self.records is not None else "")
        self.ctx.asker.inform(tr(field.label, lang), body)

    # --- files --------------------------------------------------------------------------

    def import_file(self, path: Path | None = None) -> operations.Operation | None:
        """Read an SSB file into the form (replacing its records, one undo step)."""
        if self.records is None:
            return None
        from client.gui import importer

        records = self.session.records
        if path is None:
            path = self.ctx.asker.open_file(
                QCoreApplication.translate("FormPage", "Import file"),
                QCoreApplication.translate("FormPage", "SSB files (*.txt *.dat *.*)"),
            )
        if path is None:
            return None
        if (
            records is not None
            and len(records)
            and not self.ctx.asker.confirm(
                QCoreApplication.translate("FormPage", "Import file"),
                QCoreApplication.translate(
                    "FormPage",
                    "The %n record(s) in the draft will be replaced by the file's "
                    "records. You can undo this with Ctrl+Z. Continue?",
                    "",
                    len(records),
                ),
            )
        ):
            return None
        session = self.session
        catalog = self.ctx.catalog
        dialog = QProgressDialog(
            QCoreApplication.translate("FormPage", "Reading %1…").replace("%1", path.name),
            QCoreApplication.translate("FormPage", "Cancel"),
            0,
            100,
            self,
        )
        dialog.setWindowTitle(QCoreApplication.translate("FormPage", "Import file"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def work(progress: operations.Progress) -> importer.Imported:
            return importer.import_file(
                path, session.form, catalog, session.validator, session.context, progress
            )

        timer = QTimer(self, interval=100)

        def finish() -> None:
            timer.stop()
            dialog.canceled.disconnect()  # closing the dialog emits canceled
            dialog.close()
            dialog.deleteLater()
            self._operation = None

        def done(result: importer.Imported) -> None:
            finish()
            if operation.progress.cancelled:
                return
            session.replace_records(result.records, result.session)
            for ref, text in result.explanations.items():
                session.explanations[ref] = text

        def failed(error: BaseException) -> None:
            finish()
            if isinstance(error, operations.Cancelled):
                return
            if isinstance(error, UserError):
                self.ctx.asker.warn(
                    QCoreApplication.translate("FormPage", "Import file"),
                    error.message(self.ctx.lang),
                )
                return
            raise error

        operation = operations.run(work, done, failed, self)
        self._operation = operation
        dialog.canceled.connect(operation.progress.cancel)

        def tick() -> None:
            progress = operation.progress
            if progress.stage == "read" and progress.total:
                dialog.setMaximum(100)
                dialog.setValue(int(100 * progress.done / progress.total))
            elif progress.stage in ("parse", "check"):
                dialog.setLabelText(
                    QCoreApplication.translate("FormPage", "Checking %1…").replace("%1", path.name)
                )
                dialog.setMaximum(0)  # busy: the controls report no steps

        timer.timeout.connect(tick)
        timer.start()
        return operation

    def export_file(self, path: Path | None = None) -> None:
        records = self.session.records
        if records is None:
            return
        form = self.session.form
        if path is None:
            suggested = f"{form.form_id}_{form.year}_{self.session.context.region}.txt"
            path = self.ctx.asker.save_file(
                QCoreApplication.translate("FormPage", "Export file"),
                QCoreApplication.translate("FormPage", "SSB files (*.txt *.dat)"),
                suggested,
            )
        if path is None:
            return
        from client.core.records.fixedwidth import write_record_file

        try:
            write_record_file(path, records)
        except UserError as error:
            self.ctx.asker.warn(
                QCoreApplication.translate("FormPage", "Export file"), error.message(self.ctx.lang)
            )
            return
        self.ctx.asker.inform(
            QCoreApplication.translate("FormPage", "Export file"),
            QCoreApplication.translate(
                "FormPage", "%n record(s) written to %1.", "", len(records)
            ).replace("%1", str(path)),
        )

    # --- submission (connected to client.core.submission later) --------------------------

    def submit(self) -> None:
        """The one place that reaches the submission core; it is imported lazily and the
        user is told plainly when it is not there yet."""
        title = QCoreApplication.translate("FormPage", "Submit")
        self.session.validate_now()
        readiness = self.session.readiness()
        if not readiness.ready:
            self.ctx.asker.warn(
                title,
                QCoreApplication.translate(
                    "FormPage",
                    "The form is not ready: correct every error and explain every "
                    "warning first (see the findings below).",
                ),
            )
            return
        try:
            from client.core.submission import submit as submission
        except ImportError:
            submission = None
        entry = getattr(submission, "submit_document", None)
        if entry is None:
            self.ctx.asker.inform(
                title,
                QCoreApplication.translate(
                    "FormPage",
                    "Submission from the window is not available in this version. "
                    "The draft is saved and can be submitted with the command line "
                    "(kostra submit).",
                ),
            )
            return
        self.session.save_now()
        try:
            entry(self.session.document, asker=self.ctx.asker)
        except UserError as error:
            self.ctx.asker.warn(title, error.message(self.ctx.lang))
            return
        self.session.mark_signed()
