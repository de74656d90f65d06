"""A table view whose first columns stay put when it scrolls sideways (Qt's "frozen
column" pattern): a second view over the same model and selection, laid over the left
edge, showing only those columns and scrolling vertically with the main view."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class FrozenTableView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumns")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the main view keeps the focus
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Both views scroll by pixels, so one scroll bar's value means the same in the other.
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        self.frozen.setStyleSheet("QTableView#frozenColumns { border: none; }")
        self.viewport().stackUnder(self.frozen)
        self.count = 0
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.verticalHeader().sectionResized.connect(self._row_resized)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.horizontalHeader().sortIndicatorChanged.connect(self._sync_to_frozen)
        self.frozen.clicked.connect(self.clicked)
        self.frozen.doubleClicked.connect(self.doubleClicked)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self._apply_hidden)

    def freeze(self, count: int) -> None:
        """Keep the first `count` columns on the left."""
        self.count = count
        self.frozen.setSelectionBehavior(self.selectionBehavior())
        self.frozen.setSelectionMode(self.selectionMode())
        self.frozen.setAlternatingRowColors(self.alternatingRowColors())
        self.frozen.verticalHeader().setDefaultSectionSize(
            self.verticalHeader().defaultSectionSize()
        )
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # The frozen header sorts through the main view, so the model sorts once a click.
        self.frozen.setSortingEnabled(False)
        frozen_header = self.frozen.horizontalHeader()
        frozen_header.setSectionsClickable(self.isSortingEnabled())
        frozen_header.setSortIndicatorShown(self.isSortingEnabled())
        if self.isSortingEnabled():
            frozen_header.sectionClicked.connect(self._frozen_header_clicked)
        self._apply_hidden()
        self.frozen.show()
        self._update_geometry()

    def _apply_hidden(self) -> None:
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.frozen.setColumnHidden(column, column >= self.count)
            if column < self.count:
                self.frozen.setColumnWidth(column, self.columnWidth(column))
        header = self.horizontalHeader()
        self.frozen.horizontalHeader().setSortIndicator(
            header.sortIndicatorSection(), header.sortIndicatorOrder()
        )
        self.frozen.horizontalHeader().setSortIndicatorShown(header.isSortIndicatorShown())

    def _sync_to_frozen(self, section: int, order: Qt.SortOrder) -> None:
        header = self.frozen.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(section, order)
        header.blockSignals(False)
        header.viewport().update()

    def _frozen_header_clicked(self, section: int) -> None:
        header = self.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        order = ascending
        if header.sortIndicatorSection() == section and header.sortIndicatorOrder() == ascending:
            order = Qt.SortOrder.DescendingOrder
        # As a click on the main header does (sortByColumn would sort twice in Qt 6).
        header.setSortIndicator(section, order)

    def frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(self.count))

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.count:
            self.frozen.setColumnWidth(column, new)
            self._update_geometry()

    def _row_resized(self, row: int, _old: int, new: int) -> None:
        self.frozen.setRowHeight(row, new)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_geometry()

    def _update_geometry(self) -> None:
        frame = self.frameWidth()
        header = self.verticalHeader()
        left = (header.width() if header.isVisible() else 0) + frame
        self.frozen.setGeometry(
            left,
            frame,
            self.frozen_width(),
            self.viewport().height() + self.horizontalHeader().height(),
        )

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        current = super().moveCursor(action, modifiers)
        # Moving left into a cell hidden under the frozen columns: scroll it into sight.
        if (
            action == QAbstractItemView.CursorAction.MoveLeft
            and current.column() >= self.count
            and self.visualRect(current).topLeft().x() < self.frozen_width()
        ):
            bar = self.horizontalScrollBar()
            new = bar.value() + self.visualRect(current).topLeft().x() - self.frozen_width()
            bar.setValue(new)
        return current

    def scrollTo(
        self,
        index: QModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        if index.column() >= self.count:
            super().scrollTo(index, hint)
        elif index.isValid():
            # Frozen columns are always visible: scroll only vertically.
            column = self.horizontalScrollBar().value()
            super().scrollTo(index, hint)
            self.horizontalScrollBar().setValue(column)
