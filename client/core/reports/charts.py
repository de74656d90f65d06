"""Charts of the statistics, drawn with reportlab's graphics: one Drawing per section,
rendered to SVG for the HTML report and placed as vector graphics in the PDF receipt.

A chart shows only counts per category (month, band) — no record, journal number or
personal number, and no tooltips. With last year's figures, each category has two bars:
last year (grey) beside this year (blue); a share chart shows both years' shares.
"""

from __future__ import annotations

import re

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from client.core.i18n import tr
from client.core.statistics import Section, Statistics, paired_rows

THIS_YEAR = colors.HexColor("#1f5fa8")
LAST_YEAR = colors.HexColor("#9aa5b1")
FONT = "Helvetica"


def _format(value: float) -> str:
    return f"{int(value):,}".replace(",", " ")


def section_drawing(
    section: Section,
    last: Statistics | None = None,
    *,
    year: int,
    lang: str = "nb",
    width: float = 330,
    height: float = 170,
    font: str = FONT,
) -> Drawing | None:
    """The chart of one section, or None for a section without one. `font`: a font
    reportlab knows (the receipt embeds its own; SVG names Helvetica)."""
    if section.chart is None:
        return None
    rows = paired_rows(section, last)
    with_last = last is not None
    if section.chart == "share":
        return _share_drawing(section, last, year=year, lang=lang, width=width, font=font)
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    legend_room = 16 if with_last else 0
    chart.x, chart.y = 42, 38
    chart.width, chart.height = width - 52, height - 52 - legend_room
    series = [[row.value for row in rows]]
    if with_last:
        series.insert(0, [row.last or 0 for row in rows])
    chart.data = series
    chart.categoryAxis.categoryNames = [_short(tr(row.label, lang)) for row in rows]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    names = chart.categoryAxis.categoryNames
    many = len(rows) > 7 or sum(len(n) + 2 for n in names) * 4.5 > chart.width
    chart.categoryAxis.labels.angle = 45 if many else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if many else "n"
    chart.categoryAxis.labels.dy = -2
    chart.valueAxis.valueMin = 0
    top = max((v for s in series for v in s), default=0)
    chart.valueAxis.valueMax = max(top * 1.25, 4)
    chart.valueAxis.rangeRound = "ceiling"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = _format
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dde2e8")
    chart.barSpacing = 1
    chart.groupSpacing = 6
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = LAST_YEAR if with_last else THIS_YEAR
    if with_last:
        chart.bars[1].fillColor = THIS_YEAR
    chart.barLabelFormat = _format
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6 if with_last or many else 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    if with_last:
        drawing.add(_legend(year, width, height - 10, font))
    return drawing


def _short(label: str) -> str:
    return label if len(label) <= 16 else label[:15] + "…"


def _legend(year: int, width: float, y: float, font: str) -> Legend:
    legend = Legend()
    legend.x, legend.y = width - 150, y
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 60
    legend.fontName = font
    legend.fontSize = 7
    legend.boxAnchor = "nw"
    legend.dx = legend.dy = 7
    legend.colorNamePairs = [(LAST_YEAR, str(year - 1)), (THIS_YEAR, str(year))]
    return legend


def _share_drawing(section: Section, last: Statistics | None, *, year: int, lang: str,
                   width: float, font: str) -> Drawing:
    """One horizontal bar per year: the share (per cent) of the section's first row."""
    years = [(str(year), section.share())]
    earlier = last.section(section.id) if last is not None else None
    if earlier is not None:
        years.insert(0, (str(year - 1), earlier.share()))
    height = 40 + 22 * len(years)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 48, 26
    chart.width, chart.height = width - 90, 22 * len(years)
    chart.data = [[round(100 * (share or 0), 1) for _label, share in years]]
    chart.categoryAxis.categoryNames = [label for label, _share in years]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d %%"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dde2e8")
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = THIS_YEAR
    if earlier is not None:
        chart.bars[(0, 0)].fillColor = LAST_YEAR
    chart.barLabelFormat = lambda v: f"{v:.1f} %".replace(".", "," if lang != "en" else ".")
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 4
    drawing.add(chart)
    drawing.add(String(48, height - 10, tr(section.rows[0].label, lang), fontName=font,
                       fontSize=8))
    return drawing


_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)


def to_svg(drawing: Drawing, title: str, chart_id: str) -> str:
    """Inline SVG (no XML prologue) that scales with the page, with an accessible title.

    The clip path reportlab adds (the drawing's own bounds) is left out: it clips nothing,
    QtSvg (SVG Tiny) would paint it as a black box, and its id would repeat on a page of
    several charts. `chart_id` makes the group's id unique on the page."""
    svg = _PROLOGUE.sub("", renderSVG.drawToString(drawing), count=1)
    svg = re.sub(r'<svg width="[^"]*" height="[^"]*"', '<svg role="img" class="chart"', svg,
                 count=1)
    svg = svg.replace("<title>...</title>", f"<title>{_escape(title)}</title>", 1)
    svg = svg.replace("<desc>...</desc>", "", 1)
    svg = re.sub(r"<clipPath id=\"clip\">.*?</clipPath>", "", svg, count=1, flags=re.S)
    svg = svg.replace(' style="clip-path: url(#clip)"', "")
    return svg.replace('id="group"', f'id="chart-{chart_id}"')


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
