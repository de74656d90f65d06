"""Walks a window as a keyboard or screen-reader user meets it (WCAG 2.1 AA checks).

Generic on purpose: it knows nothing of the client's windows, only Qt's, so a window or
dialog added later is checked by the same three rules without anyone remembering:

- names (4.1.2): every interactive widget a user can see has a non-empty accessible name,
  as assistive technology reads it through Qt's accessibility interface, or a buddy label;
- keyboard (2.1.1, 2.4.3): Tab, pressed for real from the first widget, reaches every
  focusable widget and comes back to the first, in reading order (a radio group is one
  stop: Qt stops only on its checked button);
- errors (3.3.1): every visible error message is in the accessible description of the
  field it concerns. Error labels are found by what they say (a severity word or a
  warning sign at the start), so one that was never tied to its field fails too.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTabBar,
    QTabWidget,
    QWidget,
)

from client.gui import accessibility

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QTabBar,
)


def shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isEnabled()


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName() or "").strip()


def accessible_description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    text = interface.text(QAccessible.Text.Description) if interface is not None else ""
    return text or widget.accessibleDescription() or ""


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "None"
    text = accessible_name(widget) or widget.objectName()
    return f"{type(widget).__name__}({text!r})"


def interactive_widgets(window: QWidget) -> list[QWidget]:
    out = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not shown(widget, window):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(
            widget, QAbstractButton
        ):
            continue  # a scroll area that is only a frame, a header
        if _inside_item_view(widget) or widget.window() is not window:
            continue
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # the line edit inside a date editor speaks through its owner
        out.append(widget)
    return out


def _inside_item_view(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return True  # its header, its scroll bars, an open cell editor
        parent = parent.parentWidget()
    return False


def missing_names(window: QWidget) -> list[str]:
    buddies = {
        id(label.buddy())
        for label in window.findChildren(QLabel)
        if label.buddy() is not None and label.text().strip()
    }
    return [
        describe(w)
        for w in interactive_widgets(window)
        if not accessible_name(w) and id(w) not in buddies
    ]


def empty_cells(window: QWidget, rows: int = 5) -> list[str]:
    """Header cells (row and column) of each visible item view that say nothing, in the
    first rows, as the view's accessible table lists them."""
    out = []
    for view in window.findChildren(QAbstractItemView):
        if not shown(view, window) or view.model() is None or view.window() is not window:
            continue
        table = QAccessible.queryAccessibleInterface(view)
        if table is None:
            continue
        columns = view.model().columnCount()
        limit = min(table.childCount(), (rows + 1) * (columns + 1) + 1)
        for k in range(limit):
            child = table.child(k)
            if child is None or child.role() not in (
                QAccessible.Role.RowHeader,
                QAccessible.Role.ColumnHeader,
            ):
                continue
            if not child.text(QAccessible.Text.Name).strip():
                out.append(f"{describe(view)}: empty {child.role().name} cell #{k}")
    return out


def _group_key(widget: QWidget) -> object:
    """Radio buttons of one exclusive group are one Tab stop."""
    if isinstance(widget, QRadioButton):
        group: QButtonGroup | None = widget.group()
        if group is not None and group.exclusive():
            return ("group", id(group))
        if widget.autoExclusive():
            return ("group", id(widget.parentWidget()))
    return ("widget", id(widget))


@dataclass
class TabWalk:
    stops: list[QWidget]
    trapped: QWidget | None  # a widget that kept Tab (pressed many times) to itself
    missed: list[QWidget]
    backward: list[tuple[QWidget, QWidget]] = field(default_factory=list)

    def problems(self) -> list[str]:
        out = []
        if self.trapped is not None:
            out.append(f"Tab is trapped in {describe(self.trapped)}")
        out += [f"Tab never reaches {describe(w)}" for w in self.missed]
        out += [
            f"Tab goes back from {describe(a)} to {describe(b)} (reading order)"
            for a, b in self.backward
        ]
        return out


def focusable(window: QWidget) -> list[QWidget]:
    """What Tab must reach: visible, enabled widgets that accept Tab focus, as Qt's own
    focus chain lists them (the chain decides the order, not this list)."""
    out = []
    widget = window.nextInFocusChain()
    while widget is not window and widget is not None:
        if (
            takes_tab(widget)
            and shown(widget, window)
            and widget.window() is window
            and not (widget.focusProxy() is not None)
            and not _inside_item_view(widget)
        ):
            out.append(widget)
        widget = widget.nextInFocusChain()
    return out


def walk_tab(window: QWidget, *, presses_per_widget: int = 6) -> TabWalk:
    """Press Tab from the first focusable widget until focus comes back to it."""
    from PySide6.QtTest import QTest  # keys as a user presses them

    window.activateWindow()
    window.raise_()
    QApplication.processEvents()
    expected = focusable(window)
    if not expected:
        return TabWalk([], None, [])
    first = expected[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    start = QApplication.focusWidget()
    stops: list[QWidget] = [start] if start is not None else []
    limit = presses_per_widget * len(expected) + 20
    trapped: QWidget | None = None
    same = 0
    for _ in range(limit):
        current = QApplication.focusWidget()
        if current is None:
            break
        QTest.keyClick(current, Qt.Key.Key_Tab)
        QApplication.processEvents()
        after = QApplication.focusWidget()
        if after is start:
            break
        if after is current:
            same += 1
            if same >= presses_per_widget:
                trapped = current
                break
            continue  # a date editor moves through day, month, year first
        same = 0
        if after is not None and after not in stops:
            stops.append(after)
    else:
        trapped = QApplication.focusWidget()
    reached = {_group_key(w) for w in stops}
    missed = [w for w in expected if _group_key(w) not in reached]
    seen: set[object] = set()
    missed_unique = []
    for w in missed:
        key = _group_key(w)
        if key not in seen:
            seen.add(key)
            missed_unique.append(w)
    backward = [(a, b) for a, b in itertools.pairwise(stops) if goes_back(a, b)]
    return TabWalk(stops, trapped, missed_unique, backward)


def _ancestors(widget: QWidget) -> list[QWidget]:
    chain = [widget]
    while (parent := chain[-1].parentWidget()) is not None:
        chain.append(parent)
    return chain


def goes_back(a: QWidget, b: QWidget) -> bool:
    """Whether b comes before a in reading order (top to bottom, left to right), compared
    where they part in the widget tree, so a scrolled form and the panel below it compare
    as the two boxes they are."""
    chain_a, chain_b = _ancestors(a), _ancestors(b)
    if a in chain_b or b in chain_a:
        return False  # a container and what it holds
    common = next(w for w in chain_a if w in chain_b)
    child_a = chain_a[chain_a.index(common) - 1]
    child_b = chain_b[chain_b.index(common) - 1]
    ra, rb = _box(child_a), _box(child_b)
    overlap_x = ra.left() < rb.right() and rb.left() < ra.right()
    overlap_y = ra.top() < rb.bottom() and rb.top() < ra.bottom()
    if rb.bottom() <= ra.top() + 2 and overlap_x:
        return True  # above, in the same column
    return overlap_y and rb.right() <= ra.left() + 2  # left of it, on the same line


def _box(widget: QWidget) -> QRect:
    return widget.geometry()


# --- errors ---------------------------------------------------------------------------


def error_labels(window: QWidget) -> list[QLabel]:
    markers = accessibility.error_markers()
    out = []
    for label in window.findChildren(QLabel):
        text = label.text().strip()
        if not text or not label.isVisibleTo(window) or accessibility.is_status(label):
            continue
        if accessibility.fields_of_error(label) is not None or text.startswith(markers):
            out.append(label)
    return out


def untied_errors(window: QWidget) -> list[str]:
    """Visible error messages missing from their fields' accessible descriptions."""
    problems = []
    for label in error_labels(window):
        fields = accessibility.fields_of_error(label)
        if not fields:
            problems.append(f"error {label.text()!r} is tied to no field")
            continue
        for widget in fields:
            if not widget.isVisibleTo(window):
                continue
            description = accessible_description(widget)
            for line in label.text().replace("⚠", "").splitlines():
                if line.strip() and line.strip() not in description:
                    problems.append(
                        f"{describe(widget)}: description {description!r} lacks {line.strip()!r}"
                    )
    return problems


def check_window(window: QWidget) -> list[str]:
    """Every problem the three rules find in `window`, as readable lines; a window with
    tabs is checked on each of its tabs (a tab added later is walked too)."""
    problems = _check_as_shown(window)
    for tabs in window.findChildren(QTabWidget):
        if not shown(tabs, window) or tabs.window() is not window:
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            if index == current or not tabs.isTabEnabled(index):
                continue
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            title = tabs.tabText(index).replace("&", "")
            problems += [f"[tab {title}] {p}" for p in _check_as_shown(window)]
        tabs.setCurrentIndex(current)
    return problems


def _check_as_shown(window: QWidget) -> list[str]:
    problems = [f"no accessible name: {w}" for w in missing_names(window)]
    problems += empty_cells(window)
    problems += walk_tab(window).problems()
    problems += untied_errors(window)
    return problems
