"""The overview shows each form's deadline (form data): days left, or late in red."""

import datetime as dt

from PySide6.QtCore import Qt

from client.core.deadlines import Deadline
from client.gui.overview import OverviewModel
from tests.gui.conftest import YEAR


def _row(window, form_id):
    model = window.overview.model
    row = [e.form_id for e in model.entries].index(form_id)
    return model, row


def test_overview_shows_days_left_and_marks_a_late_form(window, monkeypatch):
    model, row = _row(window, "11F")
    column = OverviewModel.HEADERS.index("Deadline")
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Frist"
    deadline = model.entries[row].deadline
    assert deadline == Deadline(dt.date(YEAR + 1, 1, 15), dt.date(YEAR + 1, 4, 15),
                                deadline.source)
    assert "ssb.no" in deadline.source
    # The questionnaire is due a month later than the record forms.
    model12, row12 = _row(window, "12")
    assert model12.entries[row12].deadline.due == dt.date(YEAR + 1, 2, 15)

    monkeypatch.setattr(OverviewModel, "today", staticmethod(lambda: dt.date(YEAR + 1, 1, 5)))
    index = model.index(row, column)
    assert model.data(index) == f"10 dager igjen (frist 15.01.{YEAR + 1})"
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) is None

    monkeypatch.setattr(OverviewModel, "today", staticmethod(lambda: dt.date(YEAR + 1, 1, 18)))
    assert model.data(index).startswith("For sent: fristen var 15.01.")
    assert "3 dager siden" in model.data(index)
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) is not None


def test_deadline_texts():
    d = Deadline(dt.date(2027, 1, 15), dt.date(2027, 4, 15), "x")
    assert d.describe(dt.date(2027, 1, 14), "en") == "1 day left (due 15.01.2027)"
    assert d.describe(dt.date(2027, 1, 15)) == "Frist i dag (15.01.2027)"
    assert "er ute" in d.describe(dt.date(2027, 5, 1))
    assert d.days_left(dt.date(2027, 1, 20)) == -5 and d.is_late(dt.date(2027, 1, 20))
