"""Every finding of the open form, grouped by severity with counts; activating one jumps
to its record and field. A warning's written explanation is edited here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from client.core.forms.model import SEVERITIES
from client.core.i18n import tr
from client.core.validation.findings import Finding, sort_findings
from client.gui import accessibility, finding_actions, texts
from client.gui.form_session import FormSession

Index = QModelIndex | QPersistentModelIndex
_GROUP = 0  # internalId of a severity group row; a finding's is its group's row + 1


class FindingsModel(QAbstractItemModel):
    """Two levels: severity groups (with counts), then findings sorted by line."""

    def __init__(self, session: FormSession, lang: str) -> None:
        super().__init__(session)
        self.session = session
        self.lang = lang
        self.groups: list[tuple[str, list[Finding]]] = []
        # A questionnaire lists a question's findings once the question is visited.
        self.held_back: Callable[[Finding], bool] | None = None

    def reload(self) -> None:
        self.beginResetModel()
        by_severity: dict[str, list[Finding]] = {s: [] for s in SEVERITIES}
        for finding in sort_findings(self.session.findings()):
            if self.held_back is not None and self.held_back(finding):
                continue
            by_severity[finding.severity].append(finding)
        self.groups = [(s, items) for s, items in by_severity.items() if items]
        self.endResetModel()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                QCoreApplication.translate("FindingsModel", "Finding"),
                QCoreApplication.translate("FindingsModel", "Line"),
                QCoreApplication.translate("FindingsModel", "Field"),
                QCoreApplication.translate("FindingsModel", "Control"),
            ][section]
        return None

    def finding(self, index: Index) -> Finding | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self.groups[index.internalId() - 1][1][index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            severity, items = self.groups[index.row()]
            if index.column() != 0:
                return None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{texts.severity_name(severity, plural=True)} ({len(items)})"
            if role == Qt.ItemDataRole.DecorationRole:
                return texts.severity_icon(severity)
            return None
        finding = self.groups[index.internalId() - 1][1][index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            # The icon shows the severity; a screen reader hears it first.
            text = self.data(index, Qt.ItemDataRole.DisplayRole)
            return f"{texts.severity_name(finding.severity)}: {text}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                text = finding.message(self.lang)
                if finding.severity == "WARNING":
                    explained = self.session.explanations.get(finding.ref, "").strip()
                    mark = (
                        QCoreApplication.translate("FindingsModel", "Explained")
                        if explained
                        else QCoreApplication.translate("FindingsModel", "Needs explanation")
                    )
                    text = f"[{mark}] {text}"
                return text
            if column == 1:
                return "" if finding.line is None else str(finding.line)
            if column == 2:
                if finding.field and self.session.form.has_field(finding.field):
                    field = self.session.form.field(finding.field)
                    return (
                        field.name
                        if self.session.records is not None
                        else tr(field.label, self.lang)
                    )
                return finding.field or ""
            return finding.control
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return texts.severity_icon(finding.severity)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return finding.message(self.lang)
        return None


class FindingsPanel(QWidget):
    activated = Signal(object)  # Finding

    def __init__(self, session: FormSession, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.readiness = QLabel(self)
        self.readiness.setWordWrap(True)
        self.readiness_icon = QLabel(self)
        accessibility.mark_status(self.summary)
        self._announced: tuple[str, str] | None = None  # readiness state, counts
        self.model = FindingsModel(session, lang)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAccessibleName(QCoreApplication.translate("FindingsPanel", "Findings"))
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        digit = self.fontMetrics().horizontalAdvance("0")
        for column, width in ((1, 8), (2, 24), (3, 12)):
            header.resizeSection(column, digit * width)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.setColumnHidden(1, session.records is None)  # questionnaires have no lines

        self.explain_label = QLabel(
            QCoreApplication.translate("FindingsPanel", "E&xplanation of the warning:"), self
        )
        self.explanation = QPlainTextEdit(self)
        self.explanation.setTabChangesFocus(True)
        self.explanation.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.explanation.setPlaceholderText(
            QCoreApplication.translate(
                "FindingsPanel", "Why the value is right although the control warns"
            )
        )
        self.explain_label.setBuddy(self.explanation)
        self.explanation.setAccessibleName(
            QCoreApplication.translate("FindingsPanel", "Explanation of the warning")
        )
        self.explanation.textChanged.connect(self._explanation_typed)
        self._explaining: Finding | None = None
        self._explain_timer = QTimer(self, singleShot=True, interval=300)
        self._explain_timer.timeout.connect(self.commit_explanation)

        top = QHBoxLayout()
        top.addWidget(self.readiness_icon)
        top.addWidget(self.readiness, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(self._explain_row())
        layout.addWidget(self.explanation)
        self._show_explanation(None)

        session.findings_changed.connect(self.reload)
        session.explanations_changed.connect(self._explanations_changed)
        self.reload()

    def _explain_row(self) -> QHBoxLayout:
        """The explanation's label, and "Set to 0" for a netto amount's warning (SSB's own
        remedy, see client.gui.finding_actions)."""
        self.fix_button = QPushButton(QCoreApplication.translate("FindingsPanel", "Set to &0"))
        self.fix_button.setToolTip(
            QCoreApplication.translate(
                "FindingsPanel",
                "Set the negative amount to 0, as SSB would; the explanation is kept",
            )
        )
        self.fix_button.clicked.connect(self.fix_current)
        self._fixable: Finding | None = None
        row = QHBoxLayout()
        row.addWidget(self.explain_label, 1)
        row.addWidget(self.fix_button)
        return row

    def reload(self) -> None:
        current = self._explaining
        self.model.reload()
        self.view.expandAll()
        self._update_header()
        if current is not None:
            self._reselect(current)

    def _reselect(self, finding: Finding) -> None:
        for g, (_, items) in enumerate(self.model.groups):
            for r, other in enumerate(items):
                if other.ref == finding.ref:
                    index = self.model.index(r, 0, self.model.index(g, 0))
                    self.view.setCurrentIndex(index)
                    return
        self._show_explanation(None)

    def _update_header(self) -> None:
        if self.session.validating:
            self.summary.setText(QCoreApplication.translate("FindingsPanel", "Checking…"))
        else:
            self.summary.setText(texts.counts_text(self.session.summary()))
        readiness = self.session.readiness()
        state = "draft" if self.session.validating else readiness.status
        if state == "errors":
            text = QCoreApplication.translate(
                "FindingsPanel", "Not ready: correct the errors before the form can be submitted."
            )
        elif state == "unexplained":
            text = QCoreApplication.translate(
                "FindingsPanel",
                "Not ready: %n warning(s) need a written explanation.",
                "",
                len(readiness.unexplained),
            )
        elif state == "ready":
            text = QCoreApplication.translate("FindingsPanel", "Ready to submit.")
        else:
            text = QCoreApplication.translate("FindingsPanel", "Checking…")
        size = self.fontMetrics().height()
        self.readiness_icon.setPixmap(texts.state_icon(state).pixmap(size, size))
        self.readiness.setText(text)
        self.readiness.setAccessibleName(text)
        self._announce(state, text)

    def _announce(self, state: str, readiness: str) -> None:
        """After a check: the counts when they change, and the readiness when it changes
        (assertive when the form stops being ready). Typing only re-announces once the
        user pauses, and only what changed."""
        if state == "draft":
            return
        counts = texts.counts_text(self.session.summary())
        before = self._announced
        if before == (state, counts):
            return  # checked again, nothing new to say
        self._announced = (state, counts)
        message = counts if before is not None and before[0] == state else f"{readiness} {counts}"
        lost_ready = before is not None and before[0] == "ready" and state != "ready"
        accessibility.announcer().update(
            f"findings:{id(self.session)}", self.view, message, assertive=lost_ready
        )

    def _explanations_changed(self) -> None:
        model = self.model
        for g, (_, items) in enumerate(model.groups):
            parent = model.index(g, 0)
            last = model.index(len(items) - 1, 0, parent)
            model.dataChanged.emit(model.index(0, 0, parent), last)
        self._update_header()

    def _activated(self, index: QModelIndex) -> None:
        finding = self.model.finding(index)
        if finding is not None:
            self.activated.emit(finding)

    def _current_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        self.commit_explanation()
        self._show_explanation(self.model.finding(current))

    def _show_explanation(self, finding: Finding | None) -> None:
        self._explaining = (
            finding if finding is not None and finding.severity == "WARNING" else None
        )
        enabled = self._explaining is not None
        self.explanation.blockSignals(True)
        self.explanation.setPlainText(
            self.session.explanations.get(finding.ref, "") if enabled and finding else ""
        )
        self.explanation.blockSignals(False)
        self.explanation.setEnabled(enabled)
        self.explain_label.setEnabled(enabled)
        field = finding_actions.zero_field(self.session.form, finding)
        self._fixable = finding if field is not None else None
        self.fix_button.setVisible(field is not None)

    def fix_current(self) -> None:
        """"Set to 0" on the chosen finding: the explanation typed so far is saved first."""
        finding = self._fixable
        if finding is not None:
            self.commit_explanation()
            finding_actions.set_to_zero(self.session, finding)

    def select(self, finding: Finding) -> None:
        self._reselect(finding)

    def _explanation_typed(self) -> None:
        self._explain_timer.start()

    def commit_explanation(self) -> None:
        self._explain_timer.stop()
        if self._explaining is not None:
            self.session.set_explanation(self._explaining.ref, self.explanation.toPlainText())
