"""Every finding of the open form, grouped by control with counts ("03 Kommunenummer:
20 000"), the general field-definition finding (002) folded into the specific control's;
activating one jumps to its record and field. Beside the list, the chosen finding in full
(wrapped) and, for a warning, its written explanation, which can be given to every line
of the control at once. F8 and Shift+F8 (bound by the form page) step through them."""

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
    QScrollArea,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from client.core.i18n import format_int, tr
from client.core.validation.findings import Finding
from client.core.validation.grouping import ControlGroup, duplicate_lines, group_by_control
from client.gui import accessibility, finding_actions, texts
from client.gui.form_session import FormSession

Index = QModelIndex | QPersistentModelIndex
_GROUP = 0  # internalId of a control group row; a finding's is its group's row + 1
# Up to this many findings, every group opens at once; above, groups open on demand.
EXPAND_ALL_LIMIT = 300


class FindingsModel(QAbstractItemModel):
    """Two levels: control groups (with counts), then that control's findings by line."""

    def __init__(self, session: FormSession, lang: str) -> None:
        super().__init__(session)
        self.session = session
        self.lang = lang
        self.groups: list[ControlGroup] = []
        self.total = 0
        # A questionnaire lists a question's findings once the question is visited.
        self.held_back: Callable[[Finding], bool] | None = None

    def reload(self) -> None:
        self.beginResetModel()
        findings = self.session.findings()
        if self.held_back is not None:
            held_back = self.held_back
            findings = [f for f in findings if not held_back(f)]
        self.groups = group_by_control(findings, self.session.form)
        self.total = sum(len(g.findings) for g in self.groups)
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
            return len(self.groups[parent.row()].findings)
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
        return self.groups[index.internalId() - 1].findings[index.row()]

    def group(self, index: Index) -> ControlGroup | None:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self.groups[index.row()]
        return self.groups[index.internalId() - 1]

    def group_text(self, group: ControlGroup) -> str:
        count = len(group.findings)
        if self.session.records is not None:
            lines = group.lines  # a plain name: lupdate reads only those as a plural's count
            what = QCoreApplication.translate("FindingsModel", "Records: %Ln", "", lines)
            if count != group.lines:
                what += QCoreApplication.translate("FindingsModel", ", %1 findings").replace(
                    "%1", format_int(count)
                )
        else:
            what = QCoreApplication.translate("FindingsModel", "%Ln finding(s)", "", count)
        if group.merged:
            what += " " + (
                QCoreApplication.translate("FindingsModel", "(control %1 said the same: %2)")
                .replace("%1", group.merged_from)
                .replace("%2", format_int(group.merged))
            )
        return f"{group.label(self.lang)}: {what}"

    def finding_text(self, finding: Finding) -> str:
        text = finding.message(self.lang)
        others = duplicate_lines(finding)
        if others:
            text += " " + QCoreApplication.translate(
                "FindingsModel", "(also on line %1)"
            ).replace("%1", ", ".join(str(n) for n in others))
        if finding.severity == "WARNING":
            explained = self.session.explanations.get(finding.ref, "").strip()
            if explained:
                mark = QCoreApplication.translate("FindingsModel", "Explained")
            elif self.session.unconfirmed_explanation(finding.ref):
                mark = QCoreApplication.translate("FindingsModel", "Confirm the explanation")
            else:
                mark = QCoreApplication.translate("FindingsModel", "Needs explanation")
            text = f"[{mark}] {text}"
        return text

    def field_text(self, finding: Finding) -> str:
        if finding.field and self.session.form.has_field(finding.field):
            field = self.session.form.field(finding.field)
            if self.session.records is not None:
                return f"{field.short_label(self.lang)} ({field.name})"
            return tr(field.label, self.lang)
        return finding.field or ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            group = self.groups[index.row()]
            if index.column() != 0:
                return None
            if role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.AccessibleTextRole,
                Qt.ItemDataRole.ToolTipRole,
            ):
                text = self.group_text(group)
                if role != Qt.ItemDataRole.DisplayRole:
                    text = f"{texts.severity_name(group.severity)}: {text}"
                return text
            if role == Qt.ItemDataRole.DecorationRole:
                return texts.severity_icon(group.severity)
            return None
        finding = self.groups[index.internalId() - 1].findings[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            # The icon shows the severity; a screen reader hears it first.
            return f"{texts.severity_name(finding.severity)}: {self.finding_text(finding)}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return self.finding_text(finding)
            if column == 1:
                return "" if finding.line is None else str(finding.line)
            if column == 2:
                return self.field_text(finding)
            return finding.control
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return texts.severity_icon(finding.severity)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return finding.message(self.lang)
        return None

    def locate(self, ref: str) -> QModelIndex:
        for g, group in enumerate(self.groups):
            for r, other in enumerate(group.findings):
                if other.ref == ref:
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()

    def flat(self) -> list[tuple[int, int]]:
        return [(g, r) for g, group in enumerate(self.groups) for r in range(len(group.findings))]


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
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setChildrenCollapsible(False)
        self.view = QTreeView(self.split)
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)  # 20 000 rows lay out at once
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAccessibleName(QCoreApplication.translate("FindingsPanel", "Findings"))
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)
        self.view.expanded.connect(self._remember_expanded)
        self.view.collapsed.connect(self._remember_collapsed)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        digit = self.fontMetrics().horizontalAdvance("0")
        for column, width in ((1, 7), (2, 22), (3, 7)):
            header.resizeSection(column, digit * width)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.setColumnHidden(1, session.records is None)  # questionnaires have no lines
        self._expanded: set[str] = set()
        self._collapsed: set[str] = set()
        self._build_detail()

        top = QHBoxLayout()
        top.addWidget(self.readiness_icon)
        top.addWidget(self.readiness, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.split, 1)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self._show_explanation(None)

        session.findings_changed.connect(self.reload)
        session.explanations_changed.connect(self._explanations_changed)
        self.reload()

    def _build_detail(self) -> None:
        detail = QWidget(self.split)
        self.detail = QLabel(detail)
        self.detail.setWordWrap(True)  # the whole message, however long
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(detail)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(
            QCoreApplication.translate("FindingsPanel", "The chosen finding in full")
        )
        self.explain_label = QLabel(
            QCoreApplication.translate("FindingsPanel", "E&xplanation of the warning:"), detail
        )
        self.explanation = QPlainTextEdit(detail)
        self.explanation.setTabChangesFocus(True)
        self.explanation.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
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
        self.stale = QLabel(
            QCoreApplication.translate(
                "FindingsPanel",
                "A value the control reads has changed since this warning was explained. "
                "Check the explanation and confirm it, or write a new one.",
            ),
            detail,
        )
        self.stale.setWordWrap(True)
        self.confirm = QPushButton(
            QCoreApplication.translate("FindingsPanel", "&Confirm the explanation"), detail
        )
        self.confirm.clicked.connect(self.confirm_explanation)
        self.explain_all = QPushButton(detail)
        self.explain_all.clicked.connect(self.explain_all_of_control)
        self._explaining: Finding | None = None
        self._stale = False
        self._explain_timer = QTimer(self, singleShot=True, interval=300)
        self._explain_timer.timeout.connect(self.commit_explanation)
        box = QVBoxLayout(detail)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(scroll, 1)
        box.addLayout(self._explain_row())
        box.addWidget(self.stale)
        box.addWidget(self.explanation)
        row = QHBoxLayout()
        row.addWidget(self.confirm)
        row.addWidget(self.explain_all, 1)
        box.addLayout(row)

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
        many = self.model.total > EXPAND_ALL_LIMIT
        for g, group in enumerate(self.model.groups):
            if group.control in self._collapsed:
                continue
            if not many or group.control in self._expanded:
                self.view.setExpanded(self.model.index(g, 0), True)
        self._update_header()
        if current is not None:
            self._reselect(current)
        else:
            self._show_detail(None)

    def _remember_expanded(self, index: QModelIndex) -> None:
        group = self.model.group(index)
        if group is not None:
            self._expanded.add(group.control)
            self._collapsed.discard(group.control)

    def _remember_collapsed(self, index: QModelIndex) -> None:
        group = self.model.group(index)
        if group is not None:
            self._collapsed.add(group.control)
            self._expanded.discard(group.control)

    def _reselect(self, finding: Finding) -> None:
        index = self.model.locate(finding.ref)
        if index.isValid():
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
        elif state == "ready" and self.session.is_empty():
            state = "draft"
            text = QCoreApplication.translate(
                "FindingsPanel", "Not ready: the form is empty."
            )
        elif state == "ready" and self.session.status().state == "signed":
            state = "signed"
            text = QCoreApplication.translate(
                "FindingsPanel", "Signed %1. A change calls for a new submission."
            ).replace("%1", texts.signed_time(self.session.status().signed_at))
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
        for g, group in enumerate(model.groups):
            parent = model.index(g, 0)
            last = model.index(len(group.findings) - 1, 0, parent)
            model.dataChanged.emit(model.index(0, 0, parent), last)
        self._update_header()
        self._update_explain_all()

    def _activated(self, index: QModelIndex) -> None:
        finding = self.model.finding(index)
        if finding is not None:
            self.activated.emit(finding)

    def _current_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        self.commit_explanation()
        finding = self.model.finding(current)
        self._show_explanation(finding)
        self._show_detail(current)

    def _show_detail(self, index: QModelIndex | None) -> None:
        if index is None or not index.isValid():
            self.detail.setText(
                QCoreApplication.translate(
                    "FindingsPanel",
                    "Choose a finding to read it in full. Enter goes to its line and "
                    "field; F8 and Shift+F8 go to the next and previous finding.",
                )
            )
            return
        group = self.model.group(index)
        finding = self.model.finding(index)
        assert group is not None
        if finding is None:
            self.detail.setText(
                f"{texts.severity_name(group.severity)} – {self.model.group_text(group)}"
            )
            return
        parts = [
            f"{texts.severity_name(finding.severity)} – {group.label(self.lang)}",
            self.model.finding_text(finding),
        ]
        where = []
        if finding.line is not None:
            where.append(
                QCoreApplication.translate("FindingsPanel", "Line %1").replace(
                    "%1", str(finding.line)
                )
            )
        if finding.field:
            where.append(self.model.field_text(finding))
        if finding.journal:
            where.append(
                QCoreApplication.translate("FindingsPanel", "journal %1").replace(
                    "%1", finding.journal
                )
            )
        if where:
            parts.append(", ".join(where))
        self.detail.setText("\n\n".join(parts))

    def _show_explanation(self, finding: Finding | None) -> None:
        self._explaining = (
            finding if finding is not None and finding.severity == "WARNING" else None
        )
        enabled = self._explaining is not None
        text = self.session.explanations.get(finding.ref, "") if enabled and finding else ""
        stale = (
            self.session.unconfirmed_explanation(finding.ref)
            if enabled and finding and not text
            else None
        )
        self.explanation.blockSignals(True)
        self.explanation.setPlainText(text or stale or "")
        self.explanation.blockSignals(False)
        self._stale = stale is not None
        self.stale.setVisible(self._stale)
        self.confirm.setVisible(self._stale)
        self.explanation.setEnabled(enabled)
        self.explain_label.setEnabled(enabled)
        field = finding_actions.zero_field(self.session.form, finding)
        self._fixable = finding if field is not None else None
        self.fix_button.setVisible(field is not None)
        self._update_explain_all()

    def _group_warnings(self) -> list[Finding]:
        finding = self._explaining
        if finding is None:
            return []
        group = next((g for g in self.model.groups if g.control == finding.control), None)
        return [f for f in group.findings if f.severity == "WARNING"] if group else []

    def _update_explain_all(self) -> None:
        warnings = self._group_warnings()
        text = self.explanation.toPlainText().strip()
        explanations = self.session.explanations
        others = [f for f in warnings if explanations.get(f.ref, "").strip() != text]
        label = QCoreApplication.translate(
            "FindingsPanel", "Use this explanation for all %1 lines of control %2"
        )
        control = self._explaining.control if self._explaining else ""
        self.explain_all.setText(
            label.replace("%1", format_int(len(warnings))).replace("%2", control)
        )
        self.explain_all.setVisible(len(warnings) > 1)
        self.explain_all.setEnabled(bool(text) and bool(others))

    def explain_all_of_control(self) -> int:
        """Give the typed explanation to every warning of the chosen finding's control
        that has none or another (one undo step). Each line still stands on its own in
        the submission. Returns how many were explained."""
        self.commit_explanation()
        text = self.explanation.toPlainText()
        if not text.strip():
            return 0
        refs = {f.ref: text for f in self._group_warnings()}
        self.session.set_explanations(refs)
        return len(refs)

    def fix_current(self) -> None:
        """"Set to 0" on the chosen finding: the explanation typed so far is saved first."""
        finding = self._fixable
        if finding is not None:
            self.commit_explanation()
            finding_actions.set_to_zero(self.session, finding)

    def select(self, finding: Finding) -> None:
        self._reselect(finding)

    def step(self, delta: int) -> Finding | None:
        """F8 / Shift+F8: the next or previous finding in the list's order (wrapping),
        selected here and shown in its record and field."""
        flat = self.model.flat()
        if not flat:
            return None
        current = self.view.currentIndex()
        position = -1 if delta > 0 else 0
        if current.isValid():
            finding = self.model.finding(current)
            group = current.row() if finding is None else current.internalId() - 1
            row = 0 if finding is None else current.row()
            if (group, row) in flat:
                position = flat.index((group, row))
                if finding is None and delta > 0:
                    position -= 1  # on a group: its first finding is next
        g, r = flat[(position + delta) % len(flat)]
        parent = self.model.index(g, 0)
        self.view.setExpanded(parent, True)
        index = self.model.index(r, 0, parent)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        finding = self.model.finding(index)
        if finding is not None:
            self.activated.emit(finding)
        return finding

    def _explanation_typed(self) -> None:
        self._explain_timer.start()
        self._update_explain_all()

    def confirm_explanation(self) -> None:
        """The explanation, as it stands in the box, counts again."""
        self._explain_timer.stop()
        if self._explaining is not None:
            self.session.confirm_explanation(
                self._explaining.ref, self.explanation.toPlainText()
            )
            self._show_explanation(self._explaining)

    def commit_explanation(self) -> None:
        self._explain_timer.stop()
        if self._explaining is None:
            return
        text = self.explanation.toPlainText()
        if self._stale and text == self.session.unconfirmed_explanation(self._explaining.ref):
            return  # shown for confirming, not yet confirmed
        self.session.set_explanation(self._explaining.ref, text)
