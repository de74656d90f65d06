"""What stops a form from being submitted, one item a line (as `kostra submit` lists it),
with a way to go to each: Enter, a double-click or "Gå til" shows its record and field.
Not modal, so the user can fix one item and come back to the list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from client.core.readiness import Readiness
from client.core.validation.findings import Finding
from client.gui import texts


class BlockedDialog(QDialog):
    go_to = Signal(object)  # Finding

    def __init__(
        self, readiness: Readiness, describe: object, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("BlockedDialog", "Not ready to submit"))
        blocking, unexplained = len(readiness.blocking), len(readiness.unexplained)
        head = QLabel(self)
        head.setWordWrap(True)
        parts = []
        if blocking:
            parts.append(
                QCoreApplication.translate(
                    "BlockedDialog", "%n error(s) must be corrected", "", blocking
                )
            )
        if unexplained:
            parts.append(
                QCoreApplication.translate(
                    "BlockedDialog", "%n warning(s) need a written explanation", "", unexplained
                )
            )
        head.setText(
            QCoreApplication.translate("BlockedDialog", "The form cannot be submitted yet: %1.")
            .replace("%1", "; ".join(parts))
        )
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(
            QCoreApplication.translate("BlockedDialog", "What blocks the submission")
        )
        self.findings: list[Finding] = [*readiness.blocking, *readiness.unexplained]
        for finding in self.findings:
            item = QListWidgetItem(texts.severity_icon(finding.severity), describe(finding))  # type: ignore[operator]
            self.list.addItem(item)
        self.list.itemActivated.connect(self._activated)
        if self.findings:
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.go_button = QPushButton(QCoreApplication.translate("BlockedDialog", "&Go to"), self)
        buttons.addButton(self.go_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.go_button.clicked.connect(lambda: self._activated(self.list.currentItem()))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def _activated(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.go_to.emit(self.findings[self.list.row(item)])
