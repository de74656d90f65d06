"""The window opening a questionnaire beside another form's odd draft (a draft written by
hand or by another program): it starts clean, with only the unit's kommunenummer."""

from __future__ import annotations

import pytest

from client.core.documents import FormDocument
from client.core.forms.catalog import FormCatalog
from tests.gui.conftest import YEAR, open_form, settle


@pytest.mark.parametrize("odd", [
    {"ANSVARLIG": ["Kari"], "EPOST": {"x": 1}, "TELEFON": True},
    {"ANSVARLIG": "K" * 1_000_000, "EPOST": "kari@testkommune.no", "TELEFON": "55560000"},
])
def test_a_questionnaire_starts_without_another_drafts_odd_contact(qtbot, window, ctx, odd):
    other = FormDocument(FormCatalog().load("7", YEAR), answers={"KOMMUNE_NR": "1234", **odd},
                         region="123400")
    ctx.workspace.save_draft(other)
    open_form(qtbot, window, "7B")
    settle(qtbot, window.session)
    assert window.session.answers == {"KOMMUNE_NR": "1234"}
    status = window.statusBar().currentMessage()
    assert "rapporteringsenheten" in status and "skjema 7" not in status
    contact = {"ANSVARLIG", "EPOST", "TELEFON"}
    wrong_kind = [f for f in window.session.findings()
                  if f.field in contact and "feil slag" in f.message("nb")]
    assert wrong_kind == []
