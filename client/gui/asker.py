"""The one seam through which the window asks or tells the user something.

Window code calls `ctx.asker`, never QMessageBox or QFileDialog directly, so tests
pass a scripted asker instead of clicking dialogs. QtAsker also satisfies the
submission core's AskUser protocol (passphrase, notice).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from client.core.i18n import Text, tr


class Asker(Protocol):
    def inform(self, title: str, text: str) -> None: ...
    def warn(self, title: str, text: str) -> None: ...
    def confirm(self, title: str, text: str) -> bool: ...
    def open_file(self, title: str, filters: str) -> Path | None: ...
    def open_files(self, title: str, filters: str) -> list[Path]: ...
    def save_file(self, title: str, filters: str, suggested: str) -> Path | None: ...
    def open_folder(self, title: str, start: Path) -> Path | None: ...
    def choose(self, title: str, text: str, options: Sequence[str]) -> int | None: ...
    def offer(self, title: str, text: str, action: str) -> bool: ...
    def actions(self, title: str, text: str, actions: Sequence[str]) -> int | None: ...
    def passphrase(self, request: Any) -> str | None: ...
    def notice(self, message: Text) -> None: ...


class QtAsker:
    """Dialogs parented to the main window (`parent` is looked up when needed)."""

    def __init__(self, parent: Callable[[], QWidget | None], lang: Callable[[], str]) -> None:
        self._parent = parent
        self._lang = lang
        self._last_folder: Path | None = None  # where a file was chosen last (this session)

    def _folder(self) -> Path:
        """Where a file dialog starts: the folder used last, else the user's Documents,
        never the working directory (an installed program's folder, or System32)."""
        if self._last_folder is not None and self._last_folder.is_dir():
            return self._last_folder
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _chosen(self, name: str) -> Path | None:
        if not name:
            return None
        self._last_folder = Path(name).parent
        return Path(name)

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self._parent(), title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self._parent(), title, text)

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self._parent(), title, text)
        return answer == QMessageBox.StandardButton.Yes

    def open_file(self, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent(), title, str(self._folder()), filters
        )
        return self._chosen(name)

    def open_files(self, title: str, filters: str) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(self._parent(), title, "", filters)
        return [Path(name) for name in names]

    def save_file(self, title: str, filters: str, suggested: str) -> Path | None:
        start = Path(suggested)
        if not start.is_absolute():
            start = self._folder() / start
        name, _ = QFileDialog.getSaveFileName(self._parent(), title, str(start), filters)
        return self._chosen(name)

    def open_folder(self, title: str, start: Path) -> Path | None:
        name = QFileDialog.getExistingDirectory(self._parent(), title, str(start))
        return Path(name) if name else None

    def choice_box(self, title: str, text: str, options: Sequence[str]) -> QMessageBox:
        """A question with one button per option and Cancel, the first option the default
        (built apart, to be looked at)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self._parent())
        buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
        box.addButton(QMessageBox.StandardButton.Cancel)
        if buttons:
            box.setDefaultButton(buttons[0])
        return box

    def choose(self, title: str, text: str, options: Sequence[str]) -> int | None:
        box = self.choice_box(title, text, options)
        box.exec()
        clicked = box.clickedButton()
        buttons = [
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        ]
        return buttons.index(clicked) if clicked in buttons else None

    def offer_box(self, title: str, text: str, action: str) -> tuple[QMessageBox, QPushButton]:
        """A message with one extra button (such as "Open receipt") next to OK."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self._parent())
        button = box.addButton(action, QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return box, button

    def offer(self, title: str, text: str, action: str) -> bool:
        box, button = self.offer_box(title, text, action)
        box.exec()
        return box.clickedButton() is button

    def actions_box(
        self, title: str, text: str, actions: Sequence[str]
    ) -> tuple[QMessageBox, list[QPushButton]]:
        """A message with several action buttons (open the receipt, open the folder) and
        Close; an action leaves the message open until Close."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self._parent())
        buttons = [box.addButton(a, QMessageBox.ButtonRole.ActionRole) for a in actions]
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(QMessageBox.StandardButton.Close)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return box, buttons

    def actions(self, title: str, text: str, actions: Sequence[str]) -> int | None:
        box, buttons = self.actions_box(title, text, actions)
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def passphrase(self, request: Any) -> str | None:
        title = QCoreApplication.translate("Asker", "Passphrase")
        prompt = tr(request.prompt, self._lang())
        while True:
            text, ok = self._ask_secret(title, prompt)
            if not ok:
                return None
            if getattr(request, "purpose", "") != "new":
                return text
            # A new passphrase is typed twice: a typo would lock the key for good.
            again, ok = self._ask_secret(
                title, QCoreApplication.translate("Asker", "Type the same passphrase again")
            )
            if not ok:
                return None
            if again == text:
                return text
            self.warn(
                title,
                QCoreApplication.translate(
                    "Asker", "The two passphrases were not the same. Try again."
                ),
            )

    def secret_box(self, title: str, prompt: str) -> QInputDialog:
        """The passphrase dialog (built apart, so the accessibility test walks it)."""
        box = QInputDialog(self._parent())
        box.setWindowTitle(title)
        box.setLabelText(prompt)
        box.setTextEchoMode(QLineEdit.EchoMode.Password)
        return box

    def _ask_secret(self, title: str, prompt: str) -> tuple[str, bool]:
        box = self.secret_box(title, prompt)
        ok = box.exec() == QInputDialog.DialogCode.Accepted
        text = box.textValue()
        box.deleteLater()
        return text, ok

    def notice(self, message: Text) -> None:
        self.inform(
            QCoreApplication.translate("Asker", "KOSTRA-klienten"), tr(message, self._lang())
        )


@dataclass
class ScriptedAsker:
    """For tests and headless runs: records what was said, answers from a script."""

    confirm_answer: bool = True
    files: list[Path] = field(default_factory=list)
    file_lists: list[list[Path]] = field(default_factory=list)  # for open_files, in turn
    passphrases: list[str | None] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)
    choices: list[int | None] = field(default_factory=list)
    offer_answer: bool = False
    action_answers: list[int | None] = field(default_factory=list)
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

    def open_files(self, title: str, filters: str) -> list[Path]:
        return self.file_lists.pop(0) if self.file_lists else []

    def save_file(self, title: str, filters: str, suggested: str) -> Path | None:
        return self.files.pop(0) if self.files else None

    def open_folder(self, title: str, start: Path) -> Path | None:
        self.said.append(("folder", title, str(start)))
        return self.folders.pop(0) if self.folders else None

    def choose(self, title: str, text: str, options: Sequence[str]) -> int | None:
        self.said.append(("choose", title, text + "\n" + "\n".join(options)))
        return self.choices.pop(0) if self.choices else None

    def offer(self, title: str, text: str, action: str) -> bool:
        self.said.append(("offer", title, text))
        return self.offer_answer

    def actions(self, title: str, text: str, actions: Sequence[str]) -> int | None:
        self.said.append(("actions", title, text + "\n" + "\n".join(actions)))
        return self.action_answers.pop(0) if self.action_answers else None

    def passphrase(self, request: Any) -> str | None:
        self.said.append(("passphrase", request.purpose, tr(request.prompt)))
        return self.passphrases.pop(0) if self.passphrases else None

    def notice(self, message: Text) -> None:
        self.said.append(("notice", "", tr(message)))

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _, text in self.said if kind is None or k == kind]
