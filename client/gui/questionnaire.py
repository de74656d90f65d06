"""A questionnaire drawn from its definition: questions shown or hidden as the core's
visible_fields says, answers forwarded to the FormSession.

QuestionnairePane puts a bar above the questions: check the whole form, import and
export the answers as JSON, and (client.gui.questionnaire_files) save or print the form.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from client.core.validation.findings import SEVERITY_RANK
from client.gui.form_session import FormSession
from client.gui.form_view import SectionedForm
from client.gui.question_row import QuestionRow

if TYPE_CHECKING:
    from client.gui.context import AppContext


def _blank(value: Any) -> bool:
    return value is None or value in ("", [], {})


class QuestionnaireView(SectionedForm):
    def __init__(self, session: FormSession, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(session.form, "answer", lang, parent)
        self.session = session
        self.edited.connect(self._edited)
        session.answers_changed.connect(self.load)
        session.findings_changed.connect(self.refresh_findings)
        session.explanations_changed.connect(self.refresh_findings)
        self._loaded_once = False
        self.last_year: Any = None  # prefill_view.LastYear once started from last year
        for row in self.rows.values():
            row.leaving.connect(session.validate_now)
        self.load()
        self.refresh_findings()

    def _edited(self, name: str, value: Any) -> None:
        """An answer, and the totals computed from it, as one undo step: the totals
        travel in the answers (drafts, files, the submission)."""
        from client.core.forms.answers import apply_computed, computed_fields

        totals = computed_fields(self.form)
        if not totals:
            self.session.set_answer(name, value)
            return
        answers = dict(self.session.answers)
        if value is None or value in ([], ""):
            answers.pop(name, None)
        else:
            answers[name] = value
        computed = apply_computed(self.form, answers)
        changed = [
            n for n in dict.fromkeys([name, *computed, *self.session.answers])
            if computed.get(n) != self.session.answers.get(n)
        ]
        if len(changed) <= 1:
            self.session.set_answer(name, value)
            return
        self.session.undo.beginMacro(self.rows[name].question if name in self.rows else name)
        try:
            for changed_name in changed:
                self.session.set_answer(changed_name, computed.get(changed_name))
        finally:
            self.session.undo.endMacro()

    def show_finding(self, finding: Any) -> None:
        """Go to the question (and for a table, the cell) that a finding is about."""
        row = self.focus_field(finding.field)
        cell = getattr(row.editor, "focus_cell", None) if row is not None else None
        if cell is not None:
            cell(getattr(finding, "row", None), getattr(finding, "column", None))

    def load(self) -> None:
        """Show the session's answers (after undo, import, or on opening) and who is
        visible. An answer that came from outside the question (a draft, a file, undo,
        last year) counts as visited: its findings show at once."""
        from client.core.forms.answers import apply_computed
        from client.core.forms.visibility import visible_fields

        # Totals are shown as computed even where the stored answers lack them (answers
        # set by a script or an older draft); edits and imports store them too.
        answers = apply_computed(self.form, self.session.answers)
        shown = visible_fields(self.form, answers)
        for name, row in self.rows.items():
            value = answers.get(name)
            if row.editor.value() != answers.get(name, row.editor._blank()):
                row.editor.set_value(value)
                if not _blank(value):
                    row.mark_visited()
            elif not self._loaded_once and not _blank(value):
                row.mark_visited()
            row.setHidden(name not in shown)
        self._loaded_once = True
        for box in self.boxes.values():
            box.setHidden(all(r.isHidden() for r in box.findChildren(QuestionRow)))
        if self.last_year is not None:
            self._show_origins(answers)

    def mark_origins(self, last_year: Any) -> None:
        """Mark the questions answered from last year (and, as they are edited, those
        whose answer now differs from last year's)."""
        self.last_year = last_year
        from client.core.forms.answers import apply_computed

        self._show_origins(apply_computed(self.form, self.session.answers))

    def _show_origins(self, answers: dict[str, Any]) -> None:
        from client.gui.prefill_view import origin_text

        for name, row in self.rows.items():
            row.set_origin(
                origin_text(self.form, name, answers.get(name), self.last_year, self.lang)
            )

    def refresh_findings(self) -> None:
        self.show_findings(self.session.findings(), self.session.explanations)

    def held_back(self, finding: Any) -> bool:
        """A finding not shown yet: its question has not been visited."""
        row = self.rows.get(finding.field or "")
        return row is not None and not row.visited

    def focus_field(self, name: str | None) -> QuestionRow | None:
        row = self.rows.get(name or "")
        if row is not None:
            row.mark_visited()
        return super().focus_field(name)

    def check_all(self) -> int:
        """Show every question's findings (the user asked to check the whole form) and go
        to the first question with the worst of them. Returns how many findings there are."""
        self.session.validate_now()
        for row in self.rows.values():
            row.mark_visited(everything=True)
        findings = [f for f in self.session.findings() if f.field in self.rows]
        if findings:
            worst = min(SEVERITY_RANK[f.severity] for f in findings)
            order = list(self.rows)
            first = min(
                (f for f in findings if SEVERITY_RANK[f.severity] == worst),
                key=lambda f: order.index(f.field),
            )
            self.focus_field(first.field)
        return len(self.session.findings())


class QuestionnairePane(QWidget):
    """The questions with their bar of actions above."""

    def __init__(
        self, ctx: AppContext, session: FormSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.check_button = QPushButton(
            QCoreApplication.translate("Questionnaire", "&Check the whole form"), self
        )
        self.check_button.setToolTip(
            QCoreApplication.translate(
                "Questionnaire", "Show the findings of every question, also those not visited"
            )
        )
        self.check_button.clicked.connect(lambda _=False: self.check_all())
        self.result = QLabel(self)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setWordWrap(True)
        self.import_button = QPushButton(
            QCoreApplication.translate("Questionnaire", "&Import answers…"), self
        )
        self.import_button.clicked.connect(lambda _=False: self.import_answers())
        self.export_button = QPushButton(
            QCoreApplication.translate("Questionnaire", "Exp&ort answers…"), self
        )
        self.export_button.clicked.connect(lambda _=False: self.export_answers())
        self.prefill_button = QPushButton(
            QCoreApplication.translate("Questionnaire", "Start f&rom last year…"), self
        )
        self.prefill_button.setToolTip(
            QCoreApplication.translate(
                "Questionnaire", "Fill in the form from last year's answers (a draft or a file)"
            )
        )
        self.prefill_button.clicked.connect(lambda _=False: self.start_from_last_year())
        self.print_button = QPushButton(
            QCoreApplication.translate("Questionnaire", "&Print or save as PDF…"), self
        )
        self.print_button.setToolTip(
            QCoreApplication.translate(
                "Questionnaire",
                "Writes the filled form with its findings to a PDF, to keep or print before "
                "it is submitted",
            )
        )
        self.print_button.clicked.connect(lambda _=False: self.print_form())
        self.last_year: Any = None
        self.offer: QWidget | None = None
        from client.gui.cross_forms import CrossFormChecker

        self.cross = CrossFormChecker(ctx, session, self)
        from client.gui.prefill_view import DroppedNote, OfferBar, last_year_source

        self.dropped = DroppedNote(self)
        if not session.has_own_answers() and last_year_source(self) is not None:
            self.offer = OfferBar(session.form.year - 1, self)
            self.offer.accept.clicked.connect(lambda _=False: self.start_from_last_year())
            self.offer.decline.clicked.connect(lambda _=False: self.hide_offer())
        # Tab goes along the bar as it is laid out, then to the offer and the questions
        # (made last: Tab follows creation order, and the bar stands above them).
        bar = (
            self.check_button,
            self.prefill_button,
            self.import_button,
            self.export_button,
            self.print_button,
        )
        for before, after in itertools.pairwise(bar):
            QWidget.setTabOrder(before, after)
        self.view = QuestionnaireView(session, ctx.lang, self)

        self.bar = QHBoxLayout()
        self.bar.setContentsMargins(0, 0, 0, 0)
        self.bar.addWidget(self.check_button)
        self.bar.addWidget(self.result, 1)
        self.bar.addWidget(self.prefill_button)
        self.bar.addWidget(self.import_button)
        self.bar.addWidget(self.export_button)
        self.bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.bar)
        if self.offer is not None:
            layout.addWidget(self.offer)
        layout.addWidget(self.dropped)
        layout.addWidget(self.view, 1)
        self._checked = False
        session.findings_changed.connect(self._update_result)
        self._keep_last_years_marks()

    def _keep_last_years_marks(self) -> None:
        """A view rebuilt in another language shows last year's marks as before."""
        if self.session.last_year is not None:
            self.last_year = self.session.last_year
            self.show_dropped()
            self.view.mark_origins(self.last_year)

    def attach(self, panel: Any) -> None:
        """List in the findings panel only what the questions show: a finding of a
        question not visited yet waits, and the bar says how many wait."""
        panel.model.held_back = self.view.held_back
        for row in self.view.rows.values():
            row.visited_changed.connect(panel.reload)
            row.visited_changed.connect(self._update_result)
        panel.reload()
        self._update_result()

    def _update_result(self) -> None:
        findings = self.session.findings()
        waiting = sum(1 for f in findings if self.view.held_back(f))
        if waiting:
            text = QCoreApplication.translate(
                "Questionnaire",
                "%n finding(s) of questions not visited yet are not shown; "
                "Check the whole form shows them.", "", waiting,
            )
        elif findings:
            count = len(findings)
            text = QCoreApplication.translate(
                "Questionnaire", "%n finding(s): see the questions marked and the list below.",
                "", count,
            )
        elif self._checked:
            text = QCoreApplication.translate("Questionnaire", "No findings.")
        else:
            text = ""
        self.result.setText(text)

    def check_all(self) -> int:
        self._checked = True
        count = self.view.check_all()
        self._update_result()
        from client.gui.accessibility import announcer

        announcer().say(self, self.result.text())  # focus goes to the first finding
        return count

    def start_from_last_year(self, path: Any = None) -> bool:
        from client.gui import prefill_view

        return prefill_view.start_from_last_year(self, path)

    def hide_offer(self) -> None:
        if self.offer is not None:
            self.offer.hide()

    def show_dropped(self) -> None:
        from client.gui.prefill_view import dropped_text

        text = dropped_text(self.session.form, self.last_year) if self.last_year else ""
        self.dropped.setText(text)
        self.dropped.setVisible(bool(text))

    def print_form(self, path: Any = None) -> bool:
        from client.gui import questionnaire_files

        return questionnaire_files.print_form(self, path)

    def import_answers(self, path: Any = None) -> bool:
        from client.gui import questionnaire_files

        return questionnaire_files.import_answers(self, path)

    def export_answers(self, path: Any = None) -> bool:
        from client.gui import questionnaire_files

        return questionnaire_files.export_answers(self, path)
