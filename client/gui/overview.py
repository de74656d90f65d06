"""The overview of a reporting year: every installed form with its state and findings."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from client.core.deadlines import Deadline, read_deadline
from client.core.i18n import format_int, tr
from client.core.workspace import FormStatus, Workspace
from client.gui import texts

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class FormEntry:
    form_id: str
    year: int
    title: dict[str, str]
    status: FormStatus
    deadline: Deadline | None = None


def read_title(directory: Path) -> dict[str, str]:
    """form.json's title without loading the whole definition (startup stays light)."""
    try:
        data = json.loads((directory / "form.json").read_text("utf-8"))
        title = data.get("title")
        return title if isinstance(title, dict) else {"nb": directory.name}
    except (OSError, ValueError):
        return {"nb": directory.name}


class OverviewModel(QAbstractTableModel):
    HEADERS = ("Form", "Name", "Status", "Errors", "Warnings", "Records", "Deadline")

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.entries: list[FormEntry] = []

    def set_entries(self, entries: list[FormEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            # Hidden, but Qt's accessible table lists a row header cell in every row.
            if role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.AccessibleTextRole,
            ) and 0 <= section < len(self.entries):
                return self.entries[section].form_id
            return None
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                QCoreApplication.translate("OverviewModel", "Form"),
                QCoreApplication.translate("OverviewModel", "Name"),
                QCoreApplication.translate("OverviewModel", "Status"),
                QCoreApplication.translate("OverviewModel", "Errors"),
                QCoreApplication.translate("OverviewModel", "Warnings"),
                QCoreApplication.translate("OverviewModel", "Records"),
                QCoreApplication.translate("OverviewModel", "Deadline"),
            ][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        status = entry.status
        counts = status.counts
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return entry.form_id
            if column == 1:
                return tr(entry.title, self.lang)
            if column == 2:
                return texts.status_name(status.state, status.nothing_to_report)
            known = status.state not in ("not_started", "draft") or counts
            if column == 3:
                return str(counts.get("FATAL", 0) + counts.get("ERROR", 0)) if known else ""
            if column == 4:
                return str(counts.get("WARNING", 0)) if known else ""
            if column == 5:
                return format_int(status.records) if status.records is not None else ""
            if column == 6:
                return self._deadline_text(entry)
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and self._is_late(entry):
            from PySide6.QtGui import QColor

            return QColor("#b00020")  # a late form stands out
        if role == Qt.ItemDataRole.DecorationRole and column == 2:
            return texts.state_icon(status.state)
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= column <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


    def _deadline_text(self, entry: FormEntry) -> str:
        """Days left, or how late; nothing once the form is signed."""
        if entry.deadline is None or entry.status.state == "signed":
            return ""
        return entry.deadline.describe(self.today(), self.lang)

    def _is_late(self, entry: FormEntry) -> bool:
        return (
            entry.deadline is not None
            and entry.status.state != "signed"
            and entry.deadline.is_late(self.today())
        )

    @staticmethod
    def today() -> dt.date:
        return dt.date.today()


class OverviewPage(QWidget):
    open_requested = Signal(str)  # form id

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel(
            QCoreApplication.translate(
                "OverviewPage", "Choose a form and press Enter (or double-click) to open it."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.model = OverviewModel(lang, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(QCoreApplication.translate("OverviewPage", "Forms"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few rows only
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)

    def show_year(self, year: int | None, entries: list[FormEntry], unit: str) -> None:
        if year is None:
            self.heading.setText(QCoreApplication.translate("OverviewPage", "No forms installed"))
        else:
            self.heading.setText(
                QCoreApplication.translate("OverviewPage", "Forms for %1").replace("%1", str(year))
                + (f" – {unit}" if unit else "")
            )
        self.model.set_entries(entries)
        if entries and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.entries[index.row()].form_id)


def entries_for(forms: list[tuple[str, int, Path]], workspace: Workspace) -> list[FormEntry]:
    out = []
    for form_id, year, directory in forms:
        status = workspace.status_of(form_id, year)
        out.append(
            FormEntry(form_id, year, read_title(directory), status, read_deadline(directory))
        )
    return out
