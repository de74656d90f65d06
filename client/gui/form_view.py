"""The questions of a form laid out by its sections (ui.json), one QuestionRow each.

Shared by the questionnaire view and the record editor; both only draw values and
findings and forward edits.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QGroupBox, QScrollArea, QVBoxLayout, QWidget

from client.core.forms.model import FieldDef, FormDefinition
from client.core.i18n import tr
from client.core.validation.findings import Finding
from client.gui.question_row import QuestionRow
from client.gui.widgets import Mode


class SectionedForm(QScrollArea):
    edited = Signal(str, object)  # field name, value
    help_requested = Signal(object)  # FieldDef

    def __init__(
        self, form: FormDefinition, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.form = form
        self.lang = lang
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The scroll area takes focus (arrow keys scroll it), so it needs a name.
        self.setAccessibleName(QCoreApplication.translate("SectionedForm", "Questions"))
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.rows: dict[str, QuestionRow] = {}
        self.boxes: dict[str, QGroupBox] = {}
        previous: QWidget | None = None
        for section in form.sections:
            box = QGroupBox(tr(section.title, lang), body)
            box_layout = QVBoxLayout(box)
            for name in section.fields:
                row = QuestionRow(form.field(name), mode, lang, box, form=form)
                row.editor.edited.connect(lambda value, n=name: self.edited.emit(n, value))
                row.help_requested.connect(self.help_requested)
                box_layout.addWidget(row)
                self.rows[name] = row
                # Tab follows the questions in reading order, section by section.
                for widget in row.editor.inputs():
                    if previous is not None:
                        QWidget.setTabOrder(previous, widget)
                    previous = widget
            self.boxes[section.id] = box
            layout.addWidget(box)
        layout.addStretch(1)
        self.setWidget(body)
        self.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A message that goes keeps its space while the mouse is over the form, so the
        # question under the pointer does not move; the space is given back on leaving.
        if watched is self.viewport() and event.type() in (QEvent.Type.Enter, QEvent.Type.Leave):
            inside = event.type() == QEvent.Type.Enter
            for row in self.rows.values():
                row.hold_height = inside
                if not inside:
                    row.release_height()
        return super().eventFilter(watched, event)

    def show_findings(self, findings: list[Finding], explanations: dict[str, str]) -> None:
        by_field: dict[str | None, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_field[finding.field].append(finding)
        for name, row in self.rows.items():
            row.set_findings(by_field.get(name, []), explanations, self._message)

    def _message(self, finding: Finding) -> str:
        return finding.message(self.lang)

    def focus_field(self, name: str | None) -> QuestionRow | None:
        row = self.rows.get(name or "")
        if row is None or row.isHidden():
            return None
        self.ensureWidgetVisible(row, 20, 40)
        row.focus()
        return row

    def row_with_focus(self) -> QuestionRow | None:
        focused = self.focusWidget() or self.window().focusWidget()
        while focused is not None:
            if isinstance(focused, QuestionRow):
                return focused
            focused = focused.parentWidget()
        return None

    def field_of_focus(self) -> FieldDef | None:
        row = self.row_with_focus()
        return row.field if row else None


def keyboard_focusable(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
