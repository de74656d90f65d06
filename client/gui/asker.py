"""The one seam through which the window asks or tells the user something.

Window code calls `ctx.asker`, never QMessageBox or QFileDialog directly, so tests
pass a scripted asker instead of clicking dialogs. QtAsker also satisfies the
submission core's AskUser protocol (passphrase, notice).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from client.core.i18n import Text, tr


class Asker(Protocol):
    def inform(self, title: str, text: str) -> None: ...
    def warn(self, title: str, text: str) -> None: ...
    def confirm(self, title: str, text: str) -> bool: ...
    def open_file(self, title: str, filters: str) -> Path | None: ...
    def save_file(self, title: str, filters: str, suggested: str) -> Path | None: ...
    def passphrase(self, request: Any) -> str | None: ...
    def notice(self, message: Text) -> None: ...


class QtAsker:
    """Dialogs parented to the main window (`parent` is looked up when needed)."""

    def __init__(self, parent: Callable[[], QWidget | None], lang: Callable[[], str]) -> None:
        self._parent = parent
        self._lang = lang

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self._parent(), title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self._parent(), title, text)

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self._parent(), title, text)
        return answer == QMessageBox.StandardButton.Yes

    def open_file(self, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self._parent(), title, "", filters)
        return Path(name) if name else None

    def save_file(self, title: str, filters: str, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self._parent(), title, suggested, filters)
        return Path(name) if name else None

    def passphrase(self, request: Any) -> str | None:
        title = QCoreApplication.translate("Asker", "Passphrase")
        text, ok = QInputDialog.getText(
            self._parent(), title, tr(request.prompt, self._lang()), QLineEdit.EchoMode.Password
        )
        return text if ok else None

    def notice(self, message: Text) -> None:
        self.inform(
            QCoreApplication.translate("Asker", "KOSTRA-klienten"), tr(message, self._lang())
        )


@dataclass
class ScriptedAsker:
    """For tests and headless runs: records what was said, answers from a script."""

    confirm_answer: bool = True
    files: list[Path] = field(default_factory=list)
    passphrases: list[str] = field(default_factory=list)
    said: list[tuple[str, str, str]] = field(default_factory=list)

    def inform(self, title: str, text: str) -> None:
        self.said.append(("inform", title, text))

    def warn(self, title: str, text: str) -> None:
        self.said.append(("warn", title, text))

    def confirm(self, title: str, text: str) -> bool:
        self.said.append(("confirm", title, text))
        return self.confirm_answer

    def open_file(self, title: str, filters: str) -> Path | None:
        return self.files.pop(0) if self.files else None

    def save_file(self, title: str, filters: str, suggested: str) -> Path | None:
        return self.files.pop(0) if self.files else None

    def passphrase(self, request: Any) -> str | None:
        return self.passphrases.pop(0) if self.passphrases else None

    def notice(self, message: Text) -> None:
        self.said.append(("notice", "", tr(message)))

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _, text in self.said if kind is None or k == kind]
