"""Issue 13, point 7: the overview's counts stay current after a change of unit
(Innstillinger → Rapporteringsenhet): each unit's drafts are its own."""

from __future__ import annotations

from client.core.forms.catalog import FormCatalog
from client.core.identity import synthetic_orgnr
from client.core.workspace import ReportingUnit
from synthetic import clean_records, plant_errors
from tests.gui.conftest import REGION_UNIT, YEAR, settle
from tests.gui.test_records import import_records, write_file

OTHER = ReportingUnit("4601", "Bergen", synthetic_orgnr(2))


def entry(window, form_id: str):
    return next(e for e in window.overview.model.entries if e.form_id == form_id)


def shown(window, form_id: str) -> tuple[str, ...]:
    model = window.overview.model
    row = [e.form_id for e in model.entries].index(form_id)
    return tuple(str(model.index(row, c).data() or "") for c in range(model.columnCount()))


def test_counts_follow_the_unit(qtbot, window, tmp_path):
    window.ctx.workspace.unit = REGION_UNIT.region  # as the app starts with a unit set
    form = FormCatalog().load("11F", YEAR)
    records = plant_errors(list(clean_records(form, 40, "123400")), form, every=8)
    import_records(qtbot, window, write_file(tmp_path / "in.txt", form, records))
    window.close_form()
    own = shown(window, "11F")
    assert entry(window, "11F").status.records == 40
    assert "40" in own

    window.set_unit(OTHER)
    settle_if_open(qtbot, window)
    assert entry(window, "11F").status.records in (None, 0)
    assert shown(window, "11F") != own

    window.set_unit(REGION_UNIT)
    settle_if_open(qtbot, window)
    assert entry(window, "11F").status.records == 40
    assert shown(window, "11F") == own


def test_counts_follow_the_unit_with_the_form_open(qtbot, window, tmp_path):
    window.ctx.workspace.unit = REGION_UNIT.region  # as the app starts with a unit set
    form = FormCatalog().load("11F", YEAR)
    records = plant_errors(list(clean_records(form, 40, "123400")), form, every=8)
    import_records(qtbot, window, write_file(tmp_path / "in.txt", form, records))
    window.set_unit(OTHER)
    settle_if_open(qtbot, window)
    assert entry(window, "11F").status.records in (None, 0)
    window.set_unit(REGION_UNIT)
    settle_if_open(qtbot, window)
    assert entry(window, "11F").status.records == 40


def settle_if_open(qtbot, window) -> None:
    if window.session is not None:
        settle(qtbot, window.session)
    qtbot.wait(50)
