"""The small dialog behind "Sett felt" and "Søk og erstatt": a field (by its short label
and SSB's name) and one or two values."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from client.core.forms.model import FormDefinition


class FieldValueDialog(QDialog):
    def __init__(
        self,
        form: FormDefinition,
        fields: list[str],
        lang: str,
        title: str,
        intro: str,
        replace: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.field = QComboBox(self)
        for name in fields:
            f = form.field(name)
            self.field.addItem(f"{f.short_label(lang)} ({name})", name)
        self.find = QLineEdit(self)
        self.value = QLineEdit(self)
        self.whole = QCheckBox(
            QCoreApplication.translate("FieldValueDialog", "&Whole value only"), self
        )
        layout = QFormLayout(self)
        text = QLabel(intro, self)
        text.setWordWrap(True)
        layout.addRow(text)
        layout.addRow(QCoreApplication.translate("FieldValueDialog", "&Field:"), self.field)
        if replace:
            layout.addRow(QCoreApplication.translate("FieldValueDialog", "F&ind:"), self.find)
            layout.addRow(
                QCoreApplication.translate("FieldValueDialog", "&Replace with:"), self.value
            )
            layout.addRow(self.whole)
        else:
            layout.addRow(QCoreApplication.translate("FieldValueDialog", "&Value:"), self.value)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.resize(520, self.sizeHint().height())
