"""A questionnaire (skjema 12) drawn from its definition: questions shown or hidden as
the core's visible_fields says, answers forwarded to the FormSession."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from client.gui.form_session import FormSession
from client.gui.form_view import SectionedForm
from client.gui.question_row import QuestionRow


class QuestionnaireView(SectionedForm):
    def __init__(self, session: FormSession, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(session.form, "answer", lang, parent)
        self.session = session
        self.edited.connect(self._edited)
        session.answers_changed.connect(self.load)
        session.findings_changed.connect(self.refresh_findings)
        session.explanations_changed.connect(self.refresh_findings)
        self.load()
        self.refresh_findings()

    def _edited(self, name: str, value: Any) -> None:
        self.session.set_answer(name, value)

    def load(self) -> None:
        """Show the session's answers (after undo, or on opening) and who is visible."""
        from client.core.forms.visibility import visible_fields

        answers = self.session.answers
        shown = visible_fields(self.form, answers)
        for name, row in self.rows.items():
            if row.editor.value() != answers.get(name, row.editor._blank()):
                row.editor.set_value(answers.get(name))
            row.setHidden(name not in shown)
        for box in self.boxes.values():
            box.setHidden(all(r.isHidden() for r in box.findChildren(QuestionRow)))

    def refresh_findings(self) -> None:
        self.show_findings(self.session.findings(), self.session.explanations)
