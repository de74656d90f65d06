"""An open form: its title and state, the records or questions, and the findings panel.

Also the form's file actions (import, export) and "Submit", which only asks and shows:
the signing, the container and the receipt are client.core.submission's.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from client.core.errors import UserError
from client.core.forms.model import FieldDef
from client.core.i18n import tr
from client.core.reports.compare import RunDiff, compare_findings
from client.core.validation.findings import Finding
from client.gui import operations, texts
from client.gui.findings_panel import FindingsPanel
from client.gui.form_session import FormSession
from client.gui.last_year import last_year_panel
from client.gui.nil_delivery import nothing_button
from client.gui.questionnaire import QuestionnairePane, QuestionnaireView
from client.gui.record_page import RecordPage
from client.gui.statistics_tab import StatisticsTab

if TYPE_CHECKING:
    from cryptography.x509 import Certificate

    from client.core.documents import FormDocument
    from client.core.readiness import Readiness
    from client.core.submission.keys import Signer
    from client.core.submission.submit import SubmissionResult
    from client.core.validation.engine import ValidationContext
    from client.gui.blocked_dialog import BlockedDialog
    from client.gui.context import AppContext

PROGRESS_AFTER_MS = 300  # small files finish before a progress dialog would flash up


class FormPage(QWidget):
    close_requested = Signal()
    # Another kommune's file (ForeignData, the file's Path): the window offers to switch
    # the unit to that kommune and import the file there.
    switch_unit_requested = Signal(object, object)
    # A record form's tabs: its records and their statistics (issue 14).
    tabs: QTabWidget | None = None
    statistics_tab: StatisticsTab | None = None
    records: RecordPage | None = None

    @property
    def import_diff(self) -> QLabel:
        """The line that says how the findings changed after a re-import (issue 14)."""
        label = self.__dict__.get("_import_diff")
        if label is None:
            label = self.__dict__["_import_diff"] = QLabel(self, wordWrap=True, visible=False)
        return label

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
        self.nothing_button = nothing_button(self)  # record forms only (None otherwise)
        self.submit_button = QPushButton(QCoreApplication.translate("FormPage", "Sub&mit…"), self)
        self.submit_button.clicked.connect(self.submit)

        if form.is_record_form:
            content: QWidget = self._record_tabs(session, lang)
            self.questionnaire: QuestionnaireView | None = None
            self.pane: QuestionnairePane | None = None
            self.records.editor.help_requested.connect(self.show_help)
        else:
            self.records = None
            self.pane = QuestionnairePane(ctx, session, self)
            self.questionnaire = self.pane.view
            self.questionnaire.help_requested.connect(self.show_help)
            content = self.pane
        self.findings = FindingsPanel(session, lang, self)
        self.findings.activated.connect(self.show_finding)
        self._bind_finding_keys()
        if self.pane is not None:
            self.pane.attach(self.findings)

        split = self.split = self._build_split(content)

        layout = QVBoxLayout(self)
        layout.addLayout(self._head())
        layout.addWidget(self.description)
        # What changed since the previous import ("12 rettet, 3 nye"); hidden until then.
        layout.addWidget(self.import_diff)
        # Record forms: last year's figures beside this year's (client.gui.last_year).
        self.last_year = last_year_panel(ctx, session, layout, self, self.submit_button)
        layout.addWidget(split, 1)
        self._operation: operations.Operation | None = None
        self.blocked: BlockedDialog | None = None

    def _head(self) -> QHBoxLayout:
        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        if self.nothing_button is not None:
            head.addWidget(self.nothing_button)
        head.addWidget(self.submit_button)
        return head

    def _record_tabs(self, session: FormSession, lang: str) -> QTabWidget:
        """Records and their statistics (issue 14) side by side as tabs; the tab widget
        is made first so that its tab bar comes first in the Tab order."""
        self.tabs = QTabWidget(self)
        self.records = RecordPage(session, lang, self.tabs)
        self.statistics_tab = StatisticsTab(session, lang, self.tabs)
        self.tabs.addTab(self.records, QCoreApplication.translate("FormPage", "&Records"))
        self.tabs.addTab(self.statistics_tab, QCoreApplication.translate("FormPage", "S&tatistics"))
        return self.tabs

    def _build_split(self, content: QWidget) -> QSplitter:
        """The form above, its findings below; the user drags the line between them."""
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(content)
        split.addWidget(self.findings)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        split.setSizes([650, 350])
        return split

    def _bind_finding_keys(self) -> None:
        """F8 / Shift+F8 step through the findings from anywhere in the form."""
        for key, delta in (("F8", 1), ("Shift+F8", -1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=delta: self.findings.step(d))

    def splitters(self) -> dict[str, QSplitter]:
        """The splitters whose positions the window remembers, by name."""
        out = {"form": self.split, "findings": self.findings.split}
        if self.records is not None:
            out["records"] = self.records
        return out

    # --- findings and help --------------------------------------------------------------

    def show_finding(self, finding: Finding) -> None:
        if self.tabs is not None and self.records is not None:
            self.tabs.setCurrentWidget(self.records)
        if self.records is not None:
            self.records.show_finding(finding)
        elif self.questionnaire is not None:
            self.questionnaire.show_finding(finding)

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
        """Read an SSB file into the form (replacing its records, one undo step), or a
        questionnaire's answers from JSON."""
        if self.records is None:
            if self.pane is not None:
                self.pane.import_answers(path)
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
        count = len(records) if records is not None else 0  # a plain name: lupdate's plural
        if (
            count
            and not self.ctx.asker.confirm(
                QCoreApplication.translate("FormPage", "Import file"),
                QCoreApplication.translate(
                    "FormPage",
                    "The draft's records (%n) will be replaced by the file's "
                    "records. You can undo this with Ctrl+Z. Continue?",
                    "",
                    count,
                ),
            )
        ):
            return None
        session = self.session
        catalog = self.ctx.catalog
        dialog = self._import_progress(path)

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
            if operation.progress.cancelled or not self._accept_foreign_data(result.records, path):
                return
            self._adopt_import(result, path.name,
                               had_records=records is not None and len(records) > 0)

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
                if progress.stage == "check" and progress.total:
                    # A large file's check reports its parts; Cancel stops it between them.
                    dialog.setMaximum(100)
                    dialog.setValue(int(100 * progress.done / progress.total))
                else:
                    dialog.setMaximum(0)  # busy: parsing reports no steps

        timer.timeout.connect(tick)
        timer.start()
        return operation

    def _accept_foreign_data(self, records: object, path: Path) -> bool:
        """Records mostly for another kommune are named once, with the choice to switch
        the unit to that kommune and import them there, to import them all the same, or
        to cancel."""
        from client.core.kommuner import foreign_choices, foreign_data, foreign_data_text

        context = self.session.context
        year = self.session.form.year
        foreign = foreign_data(records, context.kommunenummer, year)  # type: ignore[arg-type]
        if foreign is None:
            return True
        lang = self.ctx.lang
        text = tr(foreign_data_text(foreign, context.kommunenummer, year), lang)
        choices = foreign_choices(foreign, context.kommunenummer, year)
        options = [key for key in ("switch", "import") if key in choices]
        choice = self.ctx.asker.choose(
            QCoreApplication.translate("FormPage", "Import file"),
            text + "\n\n" + tr(choices["hint"], lang),
            [tr(choices[key], lang) for key in options],  # and Cancel
        )
        if choice is None:
            return False
        if options[choice] == "switch":
            self.switch_unit_requested.emit(foreign, path)
            return False  # not here: under the other unit, if the user goes on
        return True

    def _import_progress(self, path: Path) -> QProgressDialog:
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
        return dialog

    def _announce_import(self, count: int, name: str) -> None:
        from client.gui.accessibility import announcer

        # The findings panel announces the counts; this says what the import did.
        announcer().say(
            self,
            QCoreApplication.translate("FormPage", "Records read from %1: %n.", "", count).replace(
                "%1", name
            ),
        )

    def _adopt_import(self, result: Any, name: str, *, had_records: bool) -> None:
        session = self.session
        before = session.findings() if had_records else None
        session.replace_records(result.records, result.session)
        session.explanations.update(result.explanations)
        self._announce_import(len(result.records), name)
        if before is not None:
            self.show_import_diff(compare_findings(before, session.findings(), self.ctx.lang))

    def show_import_diff(self, diff: RunDiff) -> None:
        """After a re-import: how the findings changed since the records it replaced."""
        text = QCoreApplication.translate(
            "FormPage", "Since the previous import: %1 fixed, %2 new, %3 remaining.")
        for i, n in enumerate((len(diff.fixed), len(diff.new), len(diff.remaining)), start=1):
            text = text.replace(f"%{i}", str(n))
        self.import_diff.setText(text)
        self.import_diff.setAccessibleName(text)
        self.import_diff.show()
        from client.gui.accessibility import announcer

        announcer().say(self, text)

    def export_file(self, path: Path | None = None) -> None:
        records = self.session.records
        if records is None:
            if self.pane is not None:
                self.pane.export_answers(path)
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
        written = len(records)  # a plain name: lupdate reads only those as a plural's count
        self.ctx.asker.inform(
            QCoreApplication.translate("FormPage", "Export file"),
            QCoreApplication.translate(
                "FormPage", "Records written to %1: %n.", "", written
            ).replace("%1", str(path)),
        )

    def export_caseworker_list(self, path: Path | None = None) -> Path | None:
        """Findings grouped by saksbehandler, as CSV, printable HTML or PDF, for the
        coordinator to hand out (client.core.caseworker_lists; never a fødselsnummer)."""
        from client.core import caseworker_lists
        from client.core.fileio import atomic_write_bytes

        form = self.session.form
        title = QCoreApplication.translate("FormPage", "Findings per caseworker")
        if path is None:
            path = self.ctx.asker.save_file(
                title,
                QCoreApplication.translate(
                    "FormPage",
                    "Web page for printing (*.html);;PDF for printing (*.pdf);;Spreadsheet (*.csv)",
                ),
                f"{form.form_id}_{form.year}_funn_per_saksbehandler.html",
            )
        if path is None:
            return None
        self.session.validate_now()
        findings = self.session.findings()
        unit = self.ctx.settings.unit
        name = f"{unit.name} ({unit.kommunenummer})" if unit else self.session.context.region
        suffix = path.suffix.lower()
        if suffix == ".csv":
            data = caseworker_lists.to_csv(findings, form, self.ctx.lang).encode("utf-8")
        elif suffix == ".pdf":
            data = caseworker_lists.to_pdf(findings, form, name, self.ctx.lang)
        else:
            if suffix not in (".html", ".htm"):
                path = path.with_suffix(".html")
            data = caseworker_lists.to_html(findings, form, name, self.ctx.lang).encode("utf-8")
        try:
            atomic_write_bytes(path, data)
        except OSError as error:
            self.ctx.asker.warn(
                title,
                QCoreApplication.translate("FormPage", "Could not write %1: %2")
                .replace("%1", str(path))
                .replace("%2", error.strerror or str(error)),
            )
            return None
        self.ctx.asker.inform(
            title, QCoreApplication.translate("FormPage", "Written to %1.").replace("%1", str(path))
        )
        return path

    # --- submission: the GUI asks and shows; client.core.submission signs and writes ----

    def submit(self) -> operations.Operation | None:
        """Check the form, make sure there is a signing key, choose a folder, unlock the key
        (on this thread: it may ask for the passphrase), and write the signed container and
        its receipt on a worker thread. Returns the running operation (tests wait on it)."""
        if self._operation is not None:
            return None
        title = QCoreApplication.translate("FormPage", "Submit")
        if self.pane is not None:
            self.pane.cross.wait()  # the cross-form warnings are part of what is checked
        self.session.validate_now()
        self.session.refresh_last_year()  # last year's K- controls on the records as they are
        if self.session.is_empty():
            self.ctx.asker.warn(
                title,
                QCoreApplication.translate(
                    "FormPage",
                    "The form is empty: import the case system's file or fill in the form "
                    "before it is submitted.",
                ),
            )
            return None
        readiness = self.session.readiness()
        if not readiness.ready:
            if self.pane is not None:
                self.pane.check_all()
            self.show_blocked(readiness)
            return None
        from client.gui import certificates

        info = certificates.ensure_signing_key(self.ctx)
        if info is None or not self._orgnr_agrees(title, info.orgnr):
            return None
        out_dir = self._choose_folder()
        if out_dir is None:
            return None
        store = self.ctx.key_store
        try:
            signer = store.signer()
            recipient = store.ssb_certificate()
        except UserError as error:
            self.ctx.asker.warn(title, error.message(self.ctx.lang))
            return None
        return self._sign_and_write(signer, recipient, out_dir, info.self_signed)

    def show_blocked(self, readiness: Readiness) -> BlockedDialog:
        """List exactly what blocks the submission, each item a way to its field."""
        from client.gui.blocked_dialog import BlockedDialog

        if self.blocked is not None:
            self.blocked.close()
            self.blocked.deleteLater()
        self.blocked = BlockedDialog(readiness, self._describe, self)
        self.blocked.go_to.connect(self._go_to_blocking)
        self.blocked.show()
        return self.blocked

    def _describe(self, finding: Finding) -> str:
        model = self.findings.model
        where = []
        if finding.line is not None:
            where.append(
                QCoreApplication.translate("FormPage", "Line %1").replace("%1", str(finding.line))
            )
        if finding.journal:
            where.append(
                QCoreApplication.translate("FormPage", "journal %1").replace("%1", finding.journal)
            )
        if finding.field:
            where.append(model.field_text(finding))
        head = f"{texts.severity_name(finding.severity)} {finding.control}"
        place = ", ".join(where)
        return f"{head} – {place}: {model.finding_text(finding)}" if place else (
            f"{head}: {model.finding_text(finding)}"
        )

    def _go_to_blocking(self, finding: Finding) -> None:
        self.findings.select(finding)
        self.show_finding(finding)
        self.window().activateWindow()

    def submit_nothing_to_report(self) -> operations.Operation | None:
        from client.gui.nil_delivery import submit_nothing_to_report

        return submit_nothing_to_report(self)

    def _orgnr_agrees(self, title: str, orgnr: str | None) -> bool:
        unit = self.ctx.settings.unit
        if unit is None or orgnr is None or orgnr == unit.orgnr:
            return True
        return self.ctx.asker.confirm(
            title,
            QCoreApplication.translate(
                "FormPage",
                "The signing certificate belongs to organisation number %1, but the "
                "reporting unit has %2. Sign with this certificate anyway?",
            )
            .replace("%1", orgnr)
            .replace("%2", unit.orgnr),
        )

    def _choose_folder(self) -> Path | None:
        """Where the container and receipt go: asked each time, starting in the folder
        used last (remembered in the settings), else "Innsendinger" in the user's data
        folder (Documents may be closed to unsigned programs on Windows)."""
        from client.core.submission.archive import ensure_archive

        remembered = self.ctx.settings.submit_dir
        start = Path(remembered) if remembered else ensure_archive(self.ctx.workspace.data_dir)
        folder = self.ctx.asker.open_folder(
            QCoreApplication.translate(
                "FormPage", "Folder for the submission file and the receipt"
            ),
            start,
        )
        if folder is None:
            return None
        if str(folder) != remembered:
            self.ctx.settings.submit_dir = str(folder)
            # A settings file that cannot be written loses only next time's suggestion.
            with contextlib.suppress(UserError):
                self.ctx.save_settings()
        return folder

    def _sign_and_write(
        self,
        signer: Signer,
        recipient: Certificate | None,
        out_dir: Path,
        self_signed: bool,
        nil: tuple[FormDocument, ValidationContext] | None = None,
    ) -> operations.Operation:
        """Sign on a worker thread: the form as it is, or with `nil` SSB's nil delivery
        (client.gui.nil_delivery). A copy goes into the archive in the data folder."""
        from client.core.submission.archive import earlier
        from client.core.submission.submit import submit as submit_document
        from client.core.workspace import snapshot

        title = QCoreApplication.translate("FormPage", "Submit")
        session = self.session
        session.save_now()
        # The worker signs a copy; the modal busy dialog keeps the form from changing meanwhile.
        document, context = nil or (snapshot(session.document), session.context)
        validator, lang, clock = session.validator, self.ctx.lang, self.ctx.clock
        data_dir = self.ctx.workspace.data_dir
        form = session.form
        before = earlier(out_dir, data_dir, context.region, form.form_id, form.year)
        # Last year's delivery, as the window compared with it: its K- controls run again
        # on the copy that is signed.
        last_year = None if nil else session.last_year
        # What is signed is what the window checked: the same year's other forms.
        others = self.pane.cross.others if self.pane is not None else None

        def work(_: operations.Progress) -> SubmissionResult:
            return submit_document(
                document,
                context,
                signer,
                out_dir,
                recipient=recipient,
                lang=lang,
                clock=clock,
                validator=validator,
                others=others,
                replaces=(before.name, before.sha256) if before else None,
                data_dir=data_dir,
                last_year=last_year,
            )

        busy = QProgressDialog(
            QCoreApplication.translate("FormPage", "Signing and writing the submission file…"),
            "",
            0,
            0,
            self,
        )
        busy.setWindowTitle(title)
        busy.setCancelButton(None)  # signing is not interruptible; it takes seconds at most
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(PROGRESS_AFTER_MS)
        self.submit_button.setEnabled(False)
        if self.nothing_button is not None:
            self.nothing_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)

        def finish() -> None:
            busy.close()
            busy.deleteLater()
            self.unsetCursor()
            self.submit_button.setEnabled(True)
            if self.nothing_button is not None:
                self.nothing_button.setEnabled(True)
            self._operation = None

        def done(result: SubmissionResult) -> None:
            finish()
            session.mark_signed(result.signed_at, nothing_to_report=nil is not None)
            self.findings.reload()
            self._show_submitted(result, self_signed)

        def failed(error: BaseException) -> None:
            finish()
            if isinstance(error, UserError):
                self.ctx.asker.warn(title, error.message(self.ctx.lang))
                return
            raise error

        self._operation = operations.run(work, done, failed, self)
        return self._operation

    def _show_submitted(self, result: SubmissionResult, self_signed: bool) -> None:
        form = self.session.form.display_title(self.ctx.lang)
        if result.encrypted:
            head = QCoreApplication.translate(
                "FormPage", "Form %1 is signed, and its data files are encrypted to SSB."
            )
        else:
            head = QCoreApplication.translate("FormPage", "Form %1 is signed.")
        lines = [
            head.replace("%1", form),
            "",
            QCoreApplication.translate("FormPage", "Submission file:"),
            str(result.container),
            "",
            QCoreApplication.translate("FormPage", "Receipt:"),
            str(result.receipt),
        ]
        if self_signed:
            lines += [
                "",
                QCoreApplication.translate(
                    "FormPage",
                    "Signed with a test certificate: SSB accepts only the municipality's "
                    "enterprise certificate.",
                ),
            ]
        delivery = self.session.form.delivery
        if delivery is not None:
            lines += ["", QCoreApplication.translate("FormPage", "How it reaches SSB:")]
            lines.append(tr(delivery.route, self.ctx.lang))
            if delivery.address:
                lines.append(delivery.address)
        actions = [
            QCoreApplication.translate("FormPage", "&Open receipt"),
            QCoreApplication.translate("FormPage", "Open &folder"),
        ]
        while True:
            chosen = self.ctx.asker.actions(
                QCoreApplication.translate("FormPage", "Form signed"), "\n".join(lines), actions
            )
            if chosen is None:
                return
            path = result.receipt if chosen == 0 else result.container.parent
            if not open_path(path):
                self._cannot_open(path, is_pdf=chosen == 0)
                return

    def _cannot_open(self, path: Path, is_pdf: bool) -> None:
        if is_pdf:
            text = QCoreApplication.translate(
                "FormPage",
                "No program for PDF files was found on this computer, so the receipt could "
                "not be opened. It is saved as %1. Install a PDF reader (or ask IT to), or "
                "open the file from another computer.",
            )
        else:
            text = QCoreApplication.translate(
                "FormPage", "The folder could not be opened. The files are in %1."
            )
        self.ctx.asker.warn(
            QCoreApplication.translate("FormPage", "Form signed"), text.replace("%1", str(path))
        )


def open_path(path: Path) -> bool:
    """Open a file or folder with the desktop's program for it; False when there is none.
    (Tests replace this: a test must not start a PDF reader.)"""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
