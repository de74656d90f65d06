"""The main window: reporting year and unit at the top, the year's overview or an open
form below, menus for files, editing, language, settings and help."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from client.core.errors import UserError
from client.gui import window_state
from client.gui.overview import OverviewPage, entries_for

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent  # its class (and QEvent's) loads at the first close

    from client.core.kommuner import ForeignData
    from client.core.workspace import ReportingUnit
    from client.gui.context import AppContext
    from client.gui.form_page import FormPage
    from client.gui.form_session import FormSession
    from client.gui.operations import Operation

SAVED_ANNOUNCE_INTERVAL_S = 60.0
LANGUAGE_NAMES = {"nb": "Norsk (bokmål)", "nn": "Norsk (nynorsk)", "en": "English"}


class MainWindow(QMainWindow):
    form_opened = Signal(object)  # FormPage

    def __init__(self, ctx: AppContext, year: int | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.session: FormSession | None = None
        self.page: FormPage | None = None
        self._opening: Operation | None = None
        self.year = year
        self.setWindowTitle("KOSTRA-klienten")
        self._build()
        self.resize(1200, 800)
        window_state.restore_geometry(self, ctx.settings.extra)
        self._state_timer = QTimer(self, singleShot=True, interval=1000)
        self._state_timer.timeout.connect(self._save_settings)

    # --- building (again after a change of language) -----------------------------------

    def _build(self) -> None:
        self.year_label = QLabel(QCoreApplication.translate("MainWindow", "Reporting &year:"))
        self.year_combo = QComboBox()
        self.year_label.setBuddy(self.year_combo)
        self.year_combo.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Reporting year")
        )
        self.unit_label = QLabel()
        self.unit_button = QPushButton(QCoreApplication.translate("MainWindow", "Change &unit…"))
        self.unit_button.clicked.connect(lambda _=False: self.ask_unit())
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year_combo)
        top.addSpacing(24)
        top.addWidget(self.unit_label, 1)
        top.addWidget(self.unit_button)

        self.overview = OverviewPage(self.ctx.lang)
        self.overview.open_requested.connect(self.open_form)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.overview)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._fill_years()
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        self._show_unit()
        self.refresh_overview()
        if self.session is not None:
            self._show_page(self.session)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        self.import_action = self._action(
            QCoreApplication.translate("MainWindow", "&Import file…"),
            self._import,
            QKeySequence.StandardKey.Open,
        )
        self.export_action = self._action(
            QCoreApplication.translate("MainWindow", "&Export file…"),
            self._export,
            QKeySequence.StandardKey.SaveAs,
        )
        self.submit_action = self._action(
            QCoreApplication.translate("MainWindow", "Sub&mit…"), self._submit
        )
        self.caseworker_list_action = self._action(
            QCoreApplication.translate("MainWindow", "Findings per &caseworker…"),
            lambda: self.page.export_caseworker_list() if self.page is not None else None,
        )
        self.close_form_action = self._action(
            QCoreApplication.translate("MainWindow", "&Close form"),
            self.close_form,
            QKeySequence.StandardKey.Close,
        )
        # Oslo only (client.gui.bydeler): every bydel's file checked together.
        self.bydel_action = self._action(
            QCoreApplication.translate("MainWindow", "Check &bydel files together…"),
            self.check_bydel_files,
        )
        file_menu.addActions(
            [
                self.import_action,
                self.export_action,
                self.caseworker_list_action,
                self.submit_action,
            ]
        )
        file_menu.addAction(self.bydel_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_form_action)
        file_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "&Quit"),
                self.close,
                QKeySequence.StandardKey.Quit,
            )
        )

        edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
        self.undo_action = self._action(
            QCoreApplication.translate("MainWindow", "&Undo"),
            self._undo,
            QKeySequence.StandardKey.Undo,
        )
        self.redo_action = self._action(
            QCoreApplication.translate("MainWindow", "&Redo"),
            self._redo,
            QKeySequence.StandardKey.Redo,
        )
        # Ctrl+Y is redo on every platform (Linux's standard is only Ctrl+Shift+Z).
        redo_keys = [QKeySequence("Ctrl+Y")]
        redo_keys += [
            k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
            if k != redo_keys[0]
        ]
        self.redo_action.setShortcuts(redo_keys)
        self.find_action = self._action(
            QCoreApplication.translate("MainWindow", "&Find record"),
            self._find,
            QKeySequence.StandardKey.Find,
        )
        self.new_record_action = self._action(
            QCoreApplication.translate("MainWindow", "&New record"), self._new_record, "Ctrl+N"
        )
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.new_record_action, self.find_action])

        view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
        group = QActionGroup(self)
        for code, name in LANGUAGE_NAMES.items():
            action = self._action(name, lambda c=code: self.set_language(c))
            action.setCheckable(True)
            action.setChecked(code == self.ctx.lang)
            group.addAction(action)
            view_menu.addAction(action)

        settings_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Settings"))
        settings_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "&Reporting unit…"), self.ask_unit
            )
        )
        settings_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "&Certificate…"), self.show_certificates
            )
        )
        settings_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "Install &form pack…"),
                self.install_form_pack,
            )
        )

        help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        self.help_action = self._action(
            QCoreApplication.translate("MainWindow", "&Help for this question"),
            self._help,
            QKeySequence.StandardKey.HelpContents,
        )
        help_menu.addAction(self.help_action)
        help_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "&About KOSTRA-klienten"), self.about
            )
        )
        self._update_actions()

    def _update_actions(self) -> None:
        session = self.session
        is_records = session is not None and session.records is not None
        for action in (self.new_record_action, self.find_action, self.caseworker_list_action):
            action.setEnabled(is_records)
        # A questionnaire imports and exports its answers as JSON.
        self.import_action.setEnabled(session is not None)
        self.export_action.setEnabled(session is not None)
        self.submit_action.setEnabled(session is not None)
        self.close_form_action.setEnabled(session is not None)
        self.undo_action.setEnabled(session is not None and session.undo.canUndo())
        self.redo_action.setEnabled(session is not None and session.undo.canRedo())

    # --- year and unit -----------------------------------------------------------------

    def _fill_years(self) -> None:
        years = self.ctx.catalog.years()
        if self.year is None or self.year not in years:
            self.year = self.ctx.catalog.current_year(self.ctx.today()) or (
                years[-1] if years else None
            )
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in reversed(years):
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(self.year)))
        self.year_combo.blockSignals(False)

    def _year_chosen(self) -> None:
        year = self.year_combo.currentData()
        if year == self.year:
            return
        self.close_form()
        self.year = year
        self.refresh_overview()

    def _show_unit(self) -> None:
        unit = self.ctx.settings.unit
        # The unit, not client.gui.bydeler: the dialog's module loads when it is opened.
        self.bydel_action.setVisible(unit is not None and unit.is_oslo)
        if unit is None:
            self.unit_label.setText(
                QCoreApplication.translate("MainWindow", "No reporting unit chosen yet")
            )
            return
        text = f"{unit.kommunenummer} {unit.name}"
        if unit.bydel != "00":
            text += QCoreApplication.translate("MainWindow", ", district %1").replace(
                "%1", unit.bydel
            )
        text += QCoreApplication.translate("MainWindow", " (org. no. %1)").replace("%1", unit.orgnr)
        self.unit_label.setText(text)

    def ask_unit(
        self,
        suggested: ReportingUnit | None = None,
        intro: str | None = None,
        then: Callable[[FormPage], object] | None = None,
    ) -> bool:
        """The setup dialog, filled in with `suggested` (else the unit as it is); on OK the
        unit is set, and `then` runs on the open form once it shows under the new unit."""
        from client.gui.setup_dialog import SetupDialog

        dialog = SetupDialog(suggested or self.ctx.settings.unit, self, intro)
        if dialog.exec() != SetupDialog.DialogCode.Accepted:
            return False
        self.set_unit(dialog.unit(), then)
        return True

    def set_unit(self, unit: object, then: Callable[[FormPage], object] | None = None) -> None:
        from client.core.workspace import ReportingUnit

        assert isinstance(unit, ReportingUnit)
        changed = (
            self.ctx.settings.unit is not None and self.ctx.settings.unit.region != unit.region
        )
        self.ctx.settings.unit = unit
        self._save_settings()
        self._show_unit()
        if changed and self.session is not None:
            form_id = self.session.form.form_id
            self.close_form()  # saves the draft under the unit it belongs to
            self.ctx.workspace.unit = unit.region
            self.open_form(form_id, then)  # the region is part of every check
        elif then is not None and self.page is not None:
            then(self.page)
        self.ctx.workspace.unit = unit.region  # drafts are kept per unit
        self.refresh_overview()

    def switch_unit(self, foreign: ForeignData, path: Path) -> bool:
        """Another kommune's file: switch the unit to that kommune, the setup dialog filled
        in from the list of kommuner (the user adds what the list lacks: an
        organisasjonsnummer, Oslo's bydel), then import the file under the new unit. The
        old unit's draft is saved as it was; nothing changes when the dialog is cancelled."""
        from client.core.kommuner import kommune_list
        from client.core.workspace import ReportingUnit

        kommuner = kommune_list(self.year) if self.year is not None else None
        kommune = kommuner.get(foreign.kommunenummer) if kommuner else None
        suggested = ReportingUnit(
            foreign.kommunenummer,
            foreign.name or "",
            (kommune.orgnr if kommune else None) or "",
            foreign.bydel or "00",  # Oslo: the one bydel the file names, or the user chooses
        )
        old = self.ctx.settings.unit
        intro = QCoreApplication.translate(
            "MainWindow",
            "The file's records are for %1. Check the reporting unit, fill in what is missing "
            "and press OK: the form then opens under this unit and the file is imported "
            "there. The draft of %2 stays as it is.",
        )
        intro = intro.replace("%1", foreign.label).replace(
            "%2", f"{old.kommunenummer} {old.name}" if old else ""
        )
        return self.ask_unit(suggested, intro, lambda page: page.import_file(path))

    def _save_settings(self) -> None:
        try:
            self.ctx.save_settings()
        except UserError as error:
            self.ctx.asker.warn("KOSTRA-klienten", error.message(self.ctx.lang))

    def refresh_overview(self) -> None:
        forms = self.ctx.catalog.forms_for_year(self.year) if self.year is not None else []
        entries = entries_for([(f.form_id, f.year, f.directory) for f in forms], self.ctx.workspace)
        unit = self.ctx.settings.unit
        self.overview.show_year(self.year, entries, unit.name if unit else "")

    # --- forms -------------------------------------------------------------------------

    def open_form(
        self, form_id: str, then: Callable[[FormPage], object] | None = None
    ) -> Operation | None:
        """Open a form (its draft, or an empty one) off the UI thread; the form page
        appears when the draft is read and checked, and `then` runs on it."""
        if self.year is None:
            return None
        if self.ctx.settings.unit is None and not self.ask_unit():
            return None
        if self.session is not None:
            self.close_form()
        from client.core.validation.engine import ValidationContext
        from client.gui import importer, operations

        unit = self.ctx.settings.unit
        assert unit is not None
        try:
            form = self.ctx.catalog.load(form_id, self.year)
            context = ValidationContext.from_region(unit.region, self.year)
            if self.ctx.workspace.draft_keys is not None:
                # The drafts' key, here on the UI thread: without a credential store it
                # asks for a passphrase, which the reading and saving threads cannot.
                self.ctx.workspace.draft_keys.key()
        except UserError as error:
            self.ctx.asker.warn("KOSTRA-klienten", error.message(self.ctx.lang))
            return None
        workspace, catalog = self.ctx.workspace, self.ctx.catalog
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Opening %1…").replace(
                "%1", form.display_title(self.ctx.lang)
            )
        )
        self.setCursor(Qt.CursorShape.BusyCursor)

        def work(progress: operations.Progress) -> importer.Opened:
            return importer.open_form(workspace, form, unit.region, context, progress, catalog)

        def done(result: importer.Opened) -> None:
            self._opening = None
            self.unsetCursor()
            self.statusBar().clearMessage()
            notice = result.opened.notice
            if notice is not None:
                self.ctx.asker.warn(
                    QCoreApplication.translate("MainWindow", "Draft"), notice.message(self.ctx.lang)
                )
            if result.opened.blocked:
                return
            self._start_session(result, context)
            if result.started is not None and result.started.filled:
                self._say_started(result.started.note())
            if then is not None and self.page is not None:
                then(self.page)

        def failed(error: BaseException) -> None:
            self._opening = None
            self.unsetCursor()
            self.statusBar().clearMessage()
            if isinstance(error, UserError):
                self.ctx.asker.warn("KOSTRA-klienten", error.message(self.ctx.lang))
                return
            raise error

        self._opening = operations.run(work, done, failed, self)
        return self._opening

    def _say_started(self, text: object) -> None:
        """What a questionnaire was started with (kommunenummer, contact person), said in
        the status line and to a screen reader."""
        from client.core.i18n import tr
        from client.gui.accessibility import announcer

        message = tr(text, self.ctx.lang)  # type: ignore[arg-type]
        self.statusBar().showMessage(message, 15000)
        announcer().say(self, message)

    def wait_for_open(self, timeout: float = 30.0) -> None:
        if self._opening is not None:
            self._opening.wait(timeout)

    def _start_session(self, result: object, context: object) -> None:
        from client.gui.form_session import FormSession

        session = FormSession(
            self.ctx.workspace,
            result.document,
            context,  # type: ignore[attr-defined]
            result.validator,
            result.session,
            self,
        )  # type: ignore[attr-defined]
        started = getattr(result, "started", None)
        if started is not None:
            session.started = {name: started.answers[name] for name in started.filled}
        session.undo.canUndoChanged.connect(self._update_actions)
        session.undo.canRedoChanged.connect(self._update_actions)
        session.saved.connect(self._saved)
        session.save_failed.connect(self._save_failed)
        self.session = session
        self.ctx.settings.open_form = session.form.form_id
        self.ctx.settings.year = self.year
        self._save_settings()
        self._show_page(session)

    def _show_page(self, session: FormSession) -> None:
        from client.gui.form_page import FormPage

        if self.page is not None:
            self.stack.removeWidget(self.page)
            self.page.deleteLater()
        self.page = FormPage(self.ctx, session, self.stack)
        self.page.close_requested.connect(self.close_form)
        self.page.switch_unit_requested.connect(self.switch_unit)
        extra = self.ctx.settings.extra
        window_state.restore_splitters(self.page.splitters(), extra)
        if self.page.records is not None:
            records = self.page.records
            record = window_state.saved_record(extra, session.form.form_id, session.form.year)
            if record is not None and session.records is not None and record < len(
                session.records
            ):
                records.select_record(record)
            records.table.selectionModel().currentRowChanged.connect(self._record_changed)
        self.stack.addWidget(self.page)
        self.stack.setCurrentWidget(self.page)
        self.setWindowTitle(f"{session.form.display_title(self.ctx.lang)} – KOSTRA-klienten")
        self._update_actions()
        self.form_opened.emit(self.page)

    def close_form(self) -> None:
        if self.session is None:
            return
        self.remember_window()
        if self.page is not None:
            self.page.findings.commit_explanation()
        self.session.close()
        self.session.deleteLater()
        self.session = None
        if self.page is not None:
            self.stack.removeWidget(self.page)
            self.page.deleteLater()
            self.page = None
        self.stack.setCurrentWidget(self.overview)
        self.setWindowTitle("KOSTRA-klienten")
        self.ctx.settings.open_form = None
        self._save_settings()
        self._update_actions()
        self.refresh_overview()
        self.overview.table.setFocus()

    def _saved(self) -> None:
        text = QCoreApplication.translate("MainWindow", "Draft saved")
        self.statusBar().showMessage(text, 3000)
        from client.gui.accessibility import announcer

        # Every edit is saved; a screen reader hears it once a minute at most.
        announcer().update("saved", self, text, min_interval=SAVED_ANNOUNCE_INTERVAL_S)

    def _save_failed(self, error: UserError) -> None:
        self.statusBar().showMessage(error.message(self.ctx.lang))
        self.ctx.asker.warn(
            QCoreApplication.translate("MainWindow", "Draft not saved"),
            error.message(self.ctx.lang),
        )

    # --- menu actions ------------------------------------------------------------------

    def _import(self) -> None:
        if self.page is not None:
            self.page.import_file()

    def _export(self) -> None:
        if self.page is not None:
            self.page.export_file()

    def _submit(self) -> None:
        if self.page is not None:
            self.page.submit()

    def _undo(self) -> None:
        if self.session is not None:
            self.session.undo.undo()

    def _redo(self) -> None:
        if self.session is not None:
            self.session.undo.redo()

    def _find(self) -> None:
        if self.page is not None and self.page.records is not None:
            self.page.records.focus_search()

    def _new_record(self) -> None:
        if self.page is not None and self.page.records is not None:
            self.page.records.add_record()

    def _help(self) -> None:
        if self.page is not None:
            self.page.show_help()
        else:
            self.ctx.asker.inform(
                QCoreApplication.translate("MainWindow", "Help"),
                QCoreApplication.translate(
                    "MainWindow",
                    "Choose the reporting year at the top and open a form from "
                    "the list. In a form, press F1 on a question for help with it.",
                ),
            )

    def about_text(self) -> str:
        from client.gui.about import about_text

        return about_text(self._loaded_forms(), self.ctx.lang)

    def _loaded_forms(self) -> list:
        forms = []
        for item in self.ctx.catalog.installed():
            try:
                forms.append(self.ctx.catalog.load(item.form_id, item.year))
            except UserError:
                continue
        return forms

    def install_form_pack(self) -> None:
        """Next year's forms from a signed form pack: the core checks the publisher's
        signature and installs atomically; the window only asks for the file and reports."""
        from client.core.formpacks import install_pack

        title = QCoreApplication.translate("MainWindow", "Install form pack")
        path = self.ctx.asker.open_file(
            title, QCoreApplication.translate("MainWindow", "Form packs (*.zip)")
        )
        if path is None:
            return
        roots = self.ctx.forms_roots
        try:
            result = install_pack(
                path,
                forms_root=self.ctx.workspace.data_dir / "forms",
                bundled_root=roots[0] if roots else None,
            )
        except UserError as error:
            self.ctx.asker.warn(title, error.message(self.ctx.lang))
            return
        # The catalog caches what it found; the new year must show in the year list.
        self.ctx._catalog = None
        self._fill_years()
        self.refresh_overview()
        self.ctx.asker.inform(title, result.message(self.ctx.lang))

    def check_bydel_files(self) -> object:
        from client.gui.bydeler import check_bydel_files

        return check_bydel_files(self.ctx, self.year, self)

    def show_certificates(self) -> None:
        from client.gui.certificates import CertificateDialog

        CertificateDialog(self.ctx, self).exec()

    def about(self) -> None:
        from client.gui.about import AboutDialog

        AboutDialog(self._loaded_forms(), self.ctx.lang, self).exec()

    def set_language(self, lang: str) -> None:
        from client.gui.translations import install_language

        if lang == self.ctx.lang:
            return
        if self.page is not None:
            self.page.findings.commit_explanation()
        self.ctx.settings.language = lang
        self._save_settings()
        install_language(lang)
        # Rebuild every view in the new language; the open form's session (data, undo
        # history, findings) stays as it is.
        old_central = self.centralWidget()
        self.page = None
        self._build()
        old_central.deleteLater()

    # --- start and stop ----------------------------------------------------------------

    def _record_changed(self, *_: object) -> None:
        # Remembered at once (a crash keeps it), written with the settings a moment later.
        if self.page is None or self.page.records is None or self.session is None:
            return
        form = self.session.form
        window_state.save_record(
            self.ctx.settings.extra, form.form_id, form.year, self.page.records.current_record()
        )
        self._state_timer.start()

    def remember_window(self) -> None:
        window_state.save_geometry(self, self.ctx.settings.extra)
        if self.page is not None:
            window_state.save_splitters(self.page.splitters(), self.ctx.settings.extra)

    def start(self) -> None:
        """After the window is shown: ask for the unit at first start, reopen the form
        that was open when the client last stopped (its draft has every change)."""
        if self.ctx.settings.unit is None:
            QTimer.singleShot(0, self.ask_unit)
            return
        form_id = self.ctx.settings.open_form
        if form_id and self.ctx.settings.year == self.year:
            self.open_form(form_id)
        else:
            self.overview.table.setFocus()  # the list of forms, not the year box

    def closeEvent(self, event: QCloseEvent) -> None:
        open_form = self.session.form.form_id if self.session is not None else None
        self.remember_window()
        if self.session is not None:
            if self.page is not None:
                self.page.findings.commit_explanation()
            self.session.close()
            self.session = None
        self.ctx.settings.open_form = open_form
        self._save_settings()
        event.accept()
