"""The About box: the client's version and every loaded form definition's version and digest."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from client import __version__
from client.core.forms.model import FormDefinition
from client.core.i18n import tr


def about_text(forms: list[FormDefinition], lang: str) -> str:
    lines = [
        QCoreApplication.translate("About", "KOSTRA-klienten %1").replace("%1", __version__),
        "",
        QCoreApplication.translate("About", "Form definitions:"),
    ]
    for form in sorted(forms, key=lambda f: (f.year, f.form_id)):
        lines.append(f"{form.form_id} {form.year} – {tr(form.title, lang)}")
        lines.append(
            QCoreApplication.translate("About", "  version %1, SHA-256 %2")
            .replace("%1", form.version)
            .replace("%2", form.sha256)
        )
    return "\n".join(lines)


class AboutDialog(QDialog):
    def __init__(
        self, forms: list[FormDefinition], lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("About", "About KOSTRA-klienten"))
        heading = QLabel(
            QCoreApplication.translate(
                "About",
                "Checks and submits KOSTRA social-services statistics to Statistics Norway.",
            ),
            self,
        )
        heading.setWordWrap(True)
        self.details = QPlainTextEdit(about_text(forms, lang), self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(QCoreApplication.translate("About", "Versions"))
        self.details.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 90)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
