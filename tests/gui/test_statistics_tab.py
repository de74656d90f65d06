"""The Statistikk tab (the core's statistics as charts and tables) and the comparison
shown after a re-import ("3 rettet, 1 nye")."""

import re

import pytest
from PySide6.QtWidgets import QGroupBox, QLabel, QTableWidget, QWidget

from client.core.forms.catalog import FormCatalog
from client.core.statistics import compute_statistics
from client.gui.statistics_tab import ChartView
from synthetic import clean_records
from tests.gui.conftest import YEAR
from tests.gui.test_records import import_records, write_file

REGION = "123400"


@pytest.fixture(scope="module")
def form():
    return FormCatalog().load("11F", YEAR)


def test_statistics_tab_shows_the_cores_figures_as_charts_and_tables(qtbot, window, form,
                                                                     tmp_path):
    records = list(clean_records(form, 120, REGION))
    page = import_records(qtbot, window, write_file(tmp_path / "in.txt", form, records))
    tab = page.statistics_tab
    assert tab is not None and page.tabs is not None
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.statistics is not None, timeout=5000)
    expected = compute_statistics(form, window.session.records)
    assert tab.statistics == expected
    boxes = tab.widget().findChildren(QGroupBox)
    assert [b.title() for b in boxes] == [s.title["nb"] for s in expected.sections]
    # Every section's table holds its figures; every section with a chart has one.
    for box, section in zip(boxes, expected.sections, strict=True):
        table = box.findChild(QTableWidget)
        values = [table.item(r, table.columnCount() - 1).text().replace("\u00a0", "")
                  for r in range(table.rowCount())]
        assert values == [str(row.value) for row in section.rows]
        charts = box.findChildren(ChartView)
        assert len(charts) == (0 if section.chart is None else 1)
        for chart in charts:
            assert chart.renderer.isValid() and chart.height() > 50
    # No personal number anywhere in the tab: texts, tooltips, accessible names.
    numbers = {r["PERSON_FODSELSNR"] for r in records}
    shown = []
    for widget in tab.findChildren(QWidget):
        shown += [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel | QGroupBox):
            shown.append(widget.text() if isinstance(widget, QLabel) else widget.title())
    for table in tab.findChildren(QTableWidget):
        shown += [table.item(r, c).text() for r in range(table.rowCount())
                  for c in range(table.columnCount())]
    text = "\n".join(shown)
    assert not any(n in text for n in numbers) and not re.search(r"\d{11}", text)
    tab.resize(1100, 2400)
    tab.widget().grab().save(str(tmp_path / "statistikk.png"))  # looked at while developing

    # An edit marks the figures stale; they are worked out again.
    window.session.set_value(0, "BIDRAG", "999999")
    qtbot.waitUntil(lambda: tab.statistics is not None
                    and tab.statistics.section("sums").rows[1].value
                    == expected.section("sums").rows[1].value
                    - int(records[0]["BIDRAG"]) + 999999, timeout=5000)


def test_last_year_beside_this_year_in_the_tab(qtbot, window, form, tmp_path):
    page = import_records(qtbot, window, write_file(tmp_path / "in.txt", form,
                                                    list(clean_records(form, 40, REGION))))
    last_form = FormCatalog().load("11F", YEAR - 1)
    from client.core.records.recordset import RecordSet
    last = compute_statistics(last_form, RecordSet.from_records(
        last_form, clean_records(last_form, 30, REGION, seed=4)))
    tab = page.statistics_tab
    page.tabs.setCurrentWidget(tab)
    tab.set_last_year(last)
    tab.refresh()
    table = tab.widget().findChildren(QGroupBox)[2].findChild(QTableWidget)  # age
    assert table.columnCount() == 3
    assert table.horizontalHeaderItem(1).text().endswith(str(YEAR - 1))
    assert sum(int(table.item(r, 1).text()) for r in range(table.rowCount())) == 30
    assert sum(int(table.item(r, 2).text()) for r in range(table.rowCount())) == 40


def test_reimport_says_what_was_fixed_and_what_is_new(qtbot, window, form, tmp_path):
    clean = list(clean_records(form, 60, REGION))
    first = [dict(r) for r in clean]
    for i in (3, 10, 20):
        first[i]["KJONN"] = "3"
    page = import_records(qtbot, window, write_file(tmp_path / "a.txt", form, first))
    assert page.import_diff.isHidden()
    session = window.session
    second = [dict(r) for r in clean]
    second[20]["KJONN"] = "3"  # remains
    second[30]["EKTSTAT"] = "9"  # new
    operation = page.import_file(write_file(tmp_path / "b.txt", form, second))
    operation.wait(10)
    qtbot.waitUntil(page.import_diff.isVisible, timeout=20000)
    before = [f for f in session.findings() if f.line == 31]
    assert before, "the new finding is there"
    text = page.import_diff.text()
    fixed = 2 * 2  # two records' KJONN: control 002 (code list) and 08 each
    assert f"{fixed} rettet" in text and "nye" in text and "gjenstår" in text
    page.grab().save(str(tmp_path / "etter-import.png"))
