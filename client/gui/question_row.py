"""One question as the user sees it: the question text, its editor, a help button, and
its findings written out beside it (icon + text, never colour alone).

A questionnaire's row shows its findings only once it has been visited (focus has left
it, its answer came from a file, a draft or last year, or the user asked to check the
whole form), so an empty form is not a wall of red; a message that goes, goes at once,
but a new one waits until the user leaves the question. One line under each question is
kept for its message, and a message that goes while the mouse is over the form leaves
its space until the mouse leaves, so nothing jumps under the pointer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QToolButton,
    QWidget,
)

from client.core.forms.model import FieldDef, FormDefinition
from client.core.i18n import tr
from client.core.validation.findings import SEVERITY_RANK, Finding
from client.gui import accessibility, texts
from client.gui.widgets import FieldEditor, Mode, create_editor, guard_wheel

Message = Callable[[Finding], str]


class QuestionRow(QWidget):
    help_requested = Signal(object)  # FieldDef
    visited_changed = Signal()
    leaving = Signal()  # focus left the question: findings should be current before showing

    def __init__(
        self,
        field: FieldDef,
        mode: Mode,
        lang: str,
        parent: QWidget | None = None,
        form: FormDefinition | None = None,
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.lang = lang
        self.mode = mode
        self.question = tr(field.label, lang)
        self.editor: FieldEditor = create_editor(
            field, mode, lang, self, year=form.year if form else None, form=form
        )
        text = self.question + (" *" if field.mandatory else "")
        if mode == "record":
            text += f"  ({field.name})"
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setBuddy(self.editor.focus_widget())
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.help_button = self._help_button()
        self._make_labels()
        # A record's fields show their findings at once (they come from a file) and keep no
        # empty line; a question reserves one line for its message.
        self.reserve = mode == "answer"
        self.visited = mode == "record"
        if self.reserve:
            self.marker.setMinimumHeight(self._line)
        else:
            self.marker.hide()
            self.marker_icon.hide()
        self.hold_height = False  # set by the form while the mouse is over it

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setVerticalSpacing(2)
        layout.addWidget(self.label, 0, 0, 1, 2)
        layout.addWidget(self.help_button, 0, 2, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.origin, 1, 0, 1, 3)
        layout.addWidget(self.editor, 2, 0, 1, 3)
        layout.addWidget(self.marker_icon, 3, 0, 1, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.marker, 3, 1, 1, 2)
        layout.setColumnStretch(1, 100)
        layout.setColumnStretch(0, 0)

        for widget in self.editor.inputs():
            guard_wheel(widget)
            widget.installEventFilter(self)
        accessibility.tie_error(self.marker, self.editor.inputs())
        self._shown: list[tuple[str, str, str, str]] = []
        self._latest: tuple[list[Finding], dict[str, str], Message] | None = None
        self._name_inputs()
        self._describe([])

    def _help_button(self) -> QToolButton:
        button = QToolButton(self)
        button.setText("?")
        button.setAccessibleName(
            QCoreApplication.translate("QuestionRow", "Help: %1").replace("%1", self.question)
        )
        button.setToolTip(QCoreApplication.translate("QuestionRow", "Help (F1)"))
        # Out of the Tab chain: 80 extra stops in 11F would bury the fields. The keyboard
        # reaches help with F1 on the question, and the description says so.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: self.help_requested.emit(self.field))
        button.setVisible(bool(tr(self.field.help, self.lang)))
        return button

    def _name_inputs(self) -> None:
        """The question names every part of its editor; a choice adds its own text, and a
        part the editor named itself (a calendar button, in the Tab chain or not) says
        which question it serves."""
        named = [b for b in self.editor.findChildren(QToolButton) if b.accessibleName()]
        for button in named:
            if self.question not in button.accessibleName():
                button.setAccessibleName(f"{button.accessibleName()}: {self.question}")
        for widget in self.editor.inputs():
            if isinstance(widget, (QCheckBox, QRadioButton)) and widget.text():
                widget.setAccessibleName(f"{self.question}: {widget.text()}")
            elif widget not in named:
                widget.setAccessibleName(self.question)

    def _make_labels(self) -> None:
        self.origin = QLabel(self)  # "As in 2025" after starting from last year's answers
        self.origin.setTextFormat(Qt.TextFormat.PlainText)
        italic = self.origin.font()
        italic.setItalic(True)
        self.origin.setFont(italic)
        self.origin.hide()
        self.marker = QLabel(self)
        self.marker.setWordWrap(True)
        self.marker.setTextFormat(Qt.TextFormat.PlainText)
        self.marker_icon = QLabel(self)
        self._line = self.fontMetrics().lineSpacing()
        self.marker_icon.setFixedSize(self._line, self._line)

    # --- visiting -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            # Decided once focus has landed: moving to another part of the same question
            # (the next radio button) is no visit.
            QApplication.postEvent(self, QEvent(QEvent.Type.User))
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.User:
            if not self.has_focus():
                self.leaving.emit()
                self.mark_visited()
            return True
        return super().event(event)

    def has_focus(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and (focused is self or self.isAncestorOf(focused))

    def mark_visited(self, everything: bool = False) -> None:
        """Show this question's findings from now on (and the ones waiting now);
        `everything` also while the user is on it (they asked to check the form)."""
        first = not self.visited
        self.visited = True
        if self._latest is not None:
            self._apply(*self._latest, everything=everything)
        if first:
            self.visited_changed.emit()

    def set_origin(self, text: str) -> None:
        """Where the answer came from (last year), said beside the question."""
        if text == self.origin.text():
            return
        self.origin.setText(text)
        self.origin.setVisible(bool(text))
        self._describe(self._messages)

    # --- findings -----------------------------------------------------------------------

    def _describe(self, messages: list[str]) -> None:
        self._messages = messages
        required = (
            QCoreApplication.translate("QuestionRow", "Required.") if self.field.mandatory else ""
        )
        help_hint = (
            QCoreApplication.translate("QuestionRow", "Press F1 for help.")
            if tr(self.field.help, self.lang)
            else ""
        )
        origin = self.origin.text()
        description = " ".join(
            [required, origin + "." if origin else "", *messages, help_hint]
        ).strip()
        for widget in self.editor.inputs():
            widget.setAccessibleDescription(description)
            widget.setWhatsThis(tr(self.field.help, self.lang))

    def set_findings(
        self,
        findings: list[Finding],
        explanations: dict[str, str],
        message: Message,
    ) -> None:
        self._latest = (findings, explanations, message)
        self._apply(findings, explanations, message)

    def pending(self) -> list[Finding]:
        """The question's findings, whether shown yet or not."""
        return list(self._latest[0]) if self._latest else []

    def _apply(
        self,
        findings: list[Finding],
        explanations: dict[str, str],
        message: Message,
        everything: bool = False,
    ) -> None:
        if not self.visited:
            findings = []
        elif self.mode == "answer" and not everything and self.has_focus():
            # While the user is on the question, what was said may go, nothing new comes
            # (not even a new wording of it: «3» is no date while typing 31.12.2025).
            said = {(ref, text) for ref, _, text, _ in self._shown}
            findings = [f for f in findings if (f.ref, message(f)) in said]
        signature = [(f.ref, f.severity, message(f), explanations.get(f.ref, ""))
                     for f in findings]
        if signature == self._shown:
            return  # unchanged: most keystrokes change no finding
        self.editor.mark(findings)
        before = self.marker.height() if self._shown else 0
        self._shown = signature
        if not findings:
            self.marker.clear()
            self.marker_icon.clear()
            if not self.reserve:
                self.marker.hide()
                self.marker_icon.hide()
            self._hold(before)
            self._describe([])
            return
        worst = min(findings, key=lambda f: SEVERITY_RANK[f.severity]).severity
        lines = []
        for finding in findings:
            line = f"{texts.severity_name(finding.severity)}: {message(finding)}"
            explained = explanations.get(finding.ref, "").strip()
            if explained:
                line += "\n" + QCoreApplication.translate("QuestionRow", "Explanation: %1").replace(
                    "%1", explained
                )
            lines.append(line)
        self.marker_icon.setPixmap(texts.severity_icon(worst).pixmap(self._line, self._line))
        self.marker.setText("\n".join(lines))
        self.marker_icon.show()
        self.marker.show()
        self._hold(before)
        self._describe(lines)

    def _hold(self, before: int) -> None:
        """Keep the message's old height while the mouse is over the form."""
        if self.reserve and self.hold_height and before > self._line:
            self.marker.setMinimumHeight(max(before, self.marker.minimumHeight()))

    def release_height(self) -> None:
        if self.reserve and self.marker.minimumHeight() != self._line:
            self.marker.setMinimumHeight(self._line)

    def focus(self) -> None:
        self.editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
