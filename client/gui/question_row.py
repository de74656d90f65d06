"""One question as the user sees it: the question text, its editor, a help button, and
its findings written out beside it (icon + text, never colour alone)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QRadioButton, QToolButton, QWidget

from client.core.forms.model import FieldDef
from client.core.i18n import tr
from client.core.validation.findings import SEVERITY_RANK, Finding
from client.gui import accessibility, texts
from client.gui.widgets import FieldEditor, Mode, create_editor, guard_wheel


class QuestionRow(QWidget):
    help_requested = Signal(object)  # FieldDef

    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.lang = lang
        self.question = tr(field.label, lang)
        self.editor: FieldEditor = create_editor(field, mode, lang, self)
        text = self.question + (" *" if field.mandatory else "")
        if mode == "record":
            text += f"  ({field.name})"
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setBuddy(self.editor.focus_widget())
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.help_button = QToolButton(self)
        self.help_button.setText("?")
        self.help_button.setAccessibleName(
            QCoreApplication.translate("QuestionRow", "Help: %1").replace("%1", self.question)
        )
        self.help_button.setToolTip(QCoreApplication.translate("QuestionRow", "Help (F1)"))
        # Out of the Tab chain: 80 extra stops in 11F would bury the fields. The keyboard
        # reaches help with F1 on the question, and the description says so.
        self.help_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.help_button.clicked.connect(lambda: self.help_requested.emit(self.field))
        self.help_button.setVisible(bool(tr(field.help, lang)))
        self.marker = QLabel(self)
        self.marker.setWordWrap(True)
        self.marker.setTextFormat(Qt.TextFormat.PlainText)
        self.marker.hide()
        self.marker_icon = QLabel(self)
        self.marker_icon.hide()

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setColumnStretch(0, 1)
        layout.addWidget(self.label, 0, 0, 1, 2)
        layout.addWidget(self.help_button, 0, 2, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.editor, 1, 0, 1, 3)
        layout.addWidget(self.marker_icon, 2, 0, 1, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.marker, 2, 1, 1, 2)
        layout.setColumnStretch(1, 100)
        layout.setColumnStretch(0, 0)

        for widget in self.editor.inputs():
            guard_wheel(widget)
        accessibility.tie_error(self.marker, self.editor.inputs())
        self._shown: list[tuple[str, str, str, str]] = []
        self._name_inputs()
        self._describe([])

    def _name_inputs(self) -> None:
        """The question names every part of its editor; a choice adds its own text, and a
        part the editor named itself (a calendar button) says which question it serves."""
        for widget in self.editor.inputs():
            own = widget.accessibleName()
            if isinstance(widget, (QCheckBox, QRadioButton)) and widget.text():
                name = f"{self.question}: {widget.text()}"
            elif own and widget is not self.editor.focus_widget():
                name = f"{own}: {self.question}"
            else:
                name = self.question
            widget.setAccessibleName(name)

    def _describe(self, messages: list[str]) -> None:
        required = (
            QCoreApplication.translate("QuestionRow", "Required.") if self.field.mandatory else ""
        )
        help_hint = (
            QCoreApplication.translate("QuestionRow", "Press F1 for help.")
            if tr(self.field.help, self.lang)
            else ""
        )
        description = " ".join([required, *messages, help_hint]).strip()
        for widget in self.editor.inputs():
            widget.setAccessibleDescription(description)
            widget.setWhatsThis(tr(self.field.help, self.lang))

    def set_findings(
        self,
        findings: list[Finding],
        explanations: dict[str, str],
        message: Callable[[Finding], str],
    ) -> None:
        signature = [(f.ref, f.severity, message(f), explanations.get(f.ref, ""))
                     for f in findings]
        if signature == self._shown:
            return  # unchanged: most keystrokes change no finding
        self._shown = signature
        if not findings:
            self.marker.hide()
            self.marker_icon.hide()
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
        size = self.fontMetrics().height()
        self.marker_icon.setPixmap(texts.severity_icon(worst).pixmap(size, size))
        self.marker.setText("\n".join(lines))
        self.marker_icon.show()
        self.marker.show()
        self._describe(lines)

    def focus(self) -> None:
        self.editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
