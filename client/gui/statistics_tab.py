"""The Statistikk tab of a record form: the statistics report the HTML report and the
receipt show, as charts and tables, from the core's statistics module.

The charts are the core's reportlab drawings rendered to SVG and painted by QtSvg: the
window draws nothing by hand. Only counts and sums are shown; tooltips name the
section, never a record. The figures are worked out when the tab is shown after the
records changed, not on every keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from client.core.i18n import format_int, tr
from client.core.reports.charts import section_drawing, to_svg
from client.core.statistics import Section, Statistics, compute_statistics, paired_rows
from client.gui.form_session import FormSession

REFRESH_DELAY_MS = 400
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ChartView(QWidget):
    """One SVG chart, scaled to the width it gets with its aspect ratio kept."""

    def __init__(self, svg: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")), self)
        self.setToolTip(title)
        self.setAccessibleName(title)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _ratio(self) -> float:
        box = self.renderer.viewBoxF()
        return box.height() / box.width() if box.width() else 0.5

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(width * self._ratio())

    def sizeHint(self) -> QSize:
        box = self.renderer.viewBoxF()
        return QSize(int(box.width() * 1.4), int(box.height() * 1.4))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)  # the chart's paper
        width = self.width()
        height = min(self.height(), int(width * self._ratio()))
        self.renderer.render(painter, QRectF(0, 0, height / self._ratio(), height))
        painter.end()


class StatisticsTab(QScrollArea):
    def __init__(self, session: FormSession, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.last_year: Statistics | None = None
        self.statistics: Statistics | None = None
        self._dirty = True
        self.setWidgetResizable(True)
        self.setAccessibleName(QCoreApplication.translate("StatisticsTab", "Statistics"))
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        session.records_reset.connect(self.mark_dirty)
        session.records_changed.connect(self.mark_dirty)
        self._build_empty()

    def _build_empty(self) -> None:
        body = QWidget(self)
        QVBoxLayout(body)
        self.setWidget(body)

    def set_last_year(self, statistics: Statistics | None) -> None:
        """Last year's statistics, shown beside this year's (tables and charts)."""
        self.last_year = statistics
        self.mark_dirty()

    def mark_dirty(self, *_: object) -> None:
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        records = self.session.records
        if records is None:
            return
        self._dirty = False
        self.statistics = compute_statistics(self.session.form, records)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        stats = self.statistics
        if stats is None:
            layout.addWidget(QLabel(QCoreApplication.translate(
                "StatisticsTab", "This form has no statistics."), body))
        else:
            intro = QLabel(QCoreApplication.translate(
                "StatisticsTab", "%1 records in %2. The same figures are in the HTML report "
                "and on the receipt.").replace("%1", format_int(stats.records)).replace(
                    "%2", str(stats.year)), body)
            intro.setWordWrap(True)
            layout.addWidget(intro)
            for i, section in enumerate(stats.sections):
                layout.addWidget(self._section_box(section, i, body))
        layout.addStretch(1)
        self.setWidget(body)
        # Widgets made now join the end of the window's Tab chain, after the findings
        # panel below: put the tables back where they stand, right after this area.
        previous: QWidget = self
        for table in body.findChildren(QTableWidget):
            QWidget.setTabOrder(previous, table)
            previous = table

    def _section_box(self, section: Section, index: int, parent: QWidget) -> QGroupBox:
        title = tr(section.title, self.lang)
        box = QGroupBox(title, parent)
        row = QHBoxLayout(box)
        year = self.statistics.year if self.statistics else 0
        drawing = section_drawing(section, self.last_year, year=year, lang=self.lang)
        if drawing is not None:
            row.addWidget(ChartView(to_svg(drawing, title, f"{section.id}-{index}"), title, box),
                          3)
        row.addWidget(self._table(section, box), 2)
        return box

    def _table(self, section: Section, parent: QWidget) -> QTableWidget:
        rows = paired_rows(section, self.last_year)
        with_last = self.last_year is not None
        year = self.statistics.year if self.statistics else 0
        measure = (QCoreApplication.translate("StatisticsTab", "Kroner") if section.is_amount
                   else QCoreApplication.translate("StatisticsTab", "Count"))
        headers = [QCoreApplication.translate("StatisticsTab", "Group")]
        if with_last:
            headers.append(f"{measure} {year - 1}")
        headers.append(f"{measure} {year}")
        table = QTableWidget(len(rows), len(headers), parent)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        table.setAccessibleName(tr(section.title, self.lang))
        for r, row in enumerate(rows):
            values = [tr(row.label, self.lang)]
            if with_last:
                values.append("–" if row.last is None else format_int(row.last))
            values.append(format_int(row.value))
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(RIGHT)
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        height = table.horizontalHeader().height() + sum(
            table.rowHeight(r) for r in range(len(rows))) + 4
        table.setMinimumHeight(min(height, 360))
        table.setMaximumHeight(height)
        return table
