"""A questionnaire drawn from its definition: questions shown or hidden as the core's
visible_fields says, answers forwarded to the FormSession.

QuestionnairePane puts a bar above the questions: check the whole form, import and
export the answers as JSON, and (client.gui.questionnaire_files) save or print the form.
"""

from __future__ import annotations

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
        for row in self.rows.values():
            row.leaving.connect(session.validate_now)
        self.load()
        self.refresh_findings()

    def _edited(self, name: str, value: Any) -> None:
        self.session.set_answer(name, value)

    def load(self) -> None:
        """Show the session's answers (after undo, import, or on opening) and who is
        visible. An answer that came from outside the question (a draft, a file, undo,
        last year) counts as visited: its findings show at once."""
        from client.core.forms.visibility import visible_fields

        answers = self.session.answers
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

    def refresh_findings(self) -> None:
        self.show_findings(self.session.findings(), self.session.explanations)

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
        self.check_button.clicked.connect(self.check_all)
        self.result = QLabel(self)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.import_button = QPushButton(
            QCoreApplication.translate("Questionnaire", "&Import answers…"), self
        )
        self.import_button.clicked.connect(lambda _=False: self.import_answers())
        self.export_button = QPushButton(
            QCoreApplication.translate("Questionnaire", "E&xport answers…"), self
        )
        self.export_button.clicked.connect(lambda _=False: self.export_answers())
        # After the bar's buttons: Tab follows creation order, and the bar stands above.
        self.view = QuestionnaireView(session, ctx.lang, self)

        self.bar = QHBoxLayout()
        self.bar.setContentsMargins(0, 0, 0, 0)
        self.bar.addWidget(self.check_button)
        self.bar.addWidget(self.result, 1)
        self.bar.addWidget(self.import_button)
        self.bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.bar)
        layout.addWidget(self.view, 1)
        session.findings_changed.connect(self._clear_result)

    def _clear_result(self) -> None:
        if self.result.text() and not self.session.findings():
            self.result.clear()

    def check_all(self) -> int:
        count = self.view.check_all()
        if count:
            text = QCoreApplication.translate(
                "Questionnaire", "%n finding(s): see the questions marked and the list below.",
                "", count,
            )
        else:
            text = QCoreApplication.translate("Questionnaire", "No findings.")
        self.result.setText(text)
        from client.gui.accessibility import announcer

        announcer().say(self, text)  # focus moves to the first question with a finding
        return count

    def import_answers(self, path: Any = None) -> bool:
        from client.gui import questionnaire_files

        return questionnaire_files.import_answers(self, path)

    def export_answers(self, path: Any = None) -> bool:
        from client.gui import questionnaire_files

        return questionnaire_files.export_answers(self, path)
