"""Issue 12: a file whose records are another kommune's is named once on import, with the
choice to switch the reporting unit to that kommune (and import the file there), to import
it all the same, or to cancel."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from client.core.atrest import decrypt, is_encrypted
from client.core.documents import FormDocument
from client.core.forms.catalog import FormCatalog
from client.core.identity import synthetic_orgnr
from client.core.kommuner import foreign_data
from client.core.records.recordset import RecordSet
from client.core.workspace import ReportingUnit
from client.gui.setup_dialog import SetupDialog
from synthetic import clean_record, clean_records
from tests.gui.conftest import REGION_UNIT, YEAR, open_form, settle
from tests.gui.test_records import import_records, write_file

OSLO_01 = ReportingUnit("0301", "Oslo - Oslove", "958935420", "01")  # orgnr from the list


@pytest.fixture
def form():
    return FormCatalog().load("11F", YEAR)


@pytest.fixture
def own(qtbot, window, form, tmp_path):
    """The unit's 11F open with 5 records of its own, saved in its draft."""
    window.ctx.workspace.unit = REGION_UNIT.region  # as the app starts with a unit set
    import_records(
        qtbot,
        window,
        write_file(tmp_path / "own.txt", form, list(clean_records(form, 5, REGION_UNIT.region))),
    )
    window.session.save_now()
    return window.page


def draft_of(workspace, region: str) -> str | None:
    """The decrypted 11F draft of a unit, or None when it has none."""
    path = workspace.data_dir / "drafts" / str(YEAR) / region / "11F.json"
    if not path.is_file():
        return None
    raw = path.read_bytes()
    return (decrypt(workspace.draft_keys.key(), raw, "11F") if is_encrypted(raw) else raw).decode()


def on_setup_dialog(window, answer: Callable[[SetupDialog], None], seen: list) -> None:
    """Answers the setup dialog once it shows (it runs modally, in its own event loop);
    what it showed goes into `seen`. The poll ends with the dialog or the test's window."""

    def poll() -> None:
        dialog = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, SetupDialog) and w.isVisible()
            ),
            None,
        )
        if dialog is None:
            QTimer.singleShot(20, window, poll)
            return
        seen.append(
            {
                "unit": dialog.unit(),
                "bydel_shown": dialog.bydel.isVisibleTo(dialog),
                "focus": dialog.focusWidget(),
                "dialog": dialog,
                "intro": " ".join(label.text() for label in dialog.findChildren(QLabel)),
            }
        )
        answer(dialog)

    QTimer.singleShot(0, window, poll)


def oslo_file(tmp_path, form, count: int = 12, bydel: str = "01"):
    return write_file(
        tmp_path / "oslo.txt", form, list(clean_records(form, count, f"0301{bydel}", seed=7))
    )


def wait_import(qtbot, page, path):
    operation = page.import_file(path)
    qtbot.waitUntil(lambda: page._operation is None, timeout=20000)
    operation.wait(10)
    qtbot.wait(20)


def test_switch_opens_the_form_under_the_other_kommune_and_imports_there(
    qtbot, window, ctx, form, own, tmp_path
):
    before = draft_of(ctx.workspace, REGION_UNIT.region)
    assert before is not None and len(json.loads(before)["lines"]) == 5
    ctx.asker.choices = [0]  # Bytt til 0301 Oslo - Oslove
    seen: list = []
    on_setup_dialog(window, lambda d: d.accept(), seen)
    wait_import(qtbot, own, oslo_file(tmp_path, form))

    (text,) = ctx.asker.texts("choose")
    assert "12 av 12 poster gjelder kommune 0301 Oslo - Oslove, ikke 1234" in text
    assert "Bytt til 0301 Oslo - Oslove\nImporter likevel" in text  # the switch first
    assert "(utkastet for 1234 blir som det er)" in text
    (shown,) = seen
    assert shown["unit"] == OSLO_01  # number, name and orgnr from the list, the file's bydel
    assert shown["bydel_shown"]
    assert "Postene i filen gjelder 0301 Oslo - Oslove" in shown["intro"]  # why it asks

    qtbot.waitUntil(
        lambda: (
            window.session is not None
            and window.session.context.region == "030101"
            and window.session.records is not None
            and len(window.session.records) == 12
        ),
        timeout=20000,
    )
    settle(qtbot, window.session)
    assert ctx.settings.unit == OSLO_01
    assert ctx.workspace.load_settings()[0].unit == OSLO_01  # saved, as Settings does
    assert ctx.workspace.unit == "030101"
    assert window.page is not own and window.page.session is window.session
    assert window.unit_label.text().startswith("0301 Oslo - Oslove, bydel 01")
    assert not [f for f in window.session.findings() if f.control == "03"]
    window.close_form()
    assert draft_of(ctx.workspace, REGION_UNIT.region) == before  # the old unit's draft
    lines = json.loads(draft_of(ctx.workspace, "030101"))["lines"]  # the new unit's draft
    assert len(lines) == 12 and all(line.startswith("0301") for line in lines)


def test_cancelling_the_dialog_changes_nothing(qtbot, window, ctx, form, own, tmp_path):
    before = draft_of(ctx.workspace, REGION_UNIT.region)
    session = window.session
    ctx.asker.choices = [0]
    seen: list = []
    on_setup_dialog(window, lambda d: d.reject(), seen)
    wait_import(qtbot, own, oslo_file(tmp_path, form))
    qtbot.wait(100)
    assert len(seen) == 1
    assert ctx.settings.unit == REGION_UNIT and ctx.workspace.unit == REGION_UNIT.region
    assert window.session is session and window.page is own and len(session.records) == 5
    assert draft_of(ctx.workspace, "030101") is None
    assert draft_of(ctx.workspace, REGION_UNIT.region) == before


def test_import_all_the_same_still_imports_under_the_unit(qtbot, window, ctx, form, own, tmp_path):
    ctx.asker.choices = [1]  # Importer likevel
    wait_import(qtbot, own, oslo_file(tmp_path, form))
    qtbot.waitUntil(lambda: len(window.session.records) == 12, timeout=10000)
    settle(qtbot, window.session)
    assert not window.findChildren(SetupDialog) and ctx.settings.unit == REGION_UNIT
    assert window.session.context.region == REGION_UNIT.region
    assert len([f for f in window.session.findings() if f.control == "03"]) >= 12


def test_cancel_still_imports_nothing(qtbot, window, ctx, form, own, tmp_path):
    ctx.asker.choices = [None]  # Avbryt
    wait_import(qtbot, own, oslo_file(tmp_path, form))
    qtbot.wait(100)
    assert not window.findChildren(SetupDialog) and ctx.settings.unit == REGION_UNIT
    assert window.page is own and len(window.session.records) == 5


def test_the_new_units_draft_asks_before_its_records_are_replaced(
    qtbot, window, ctx, form, tmp_path
):
    workspace = ctx.workspace
    workspace.unit = REGION_UNIT.region
    own = open_form(qtbot, window, "11F")  # empty: only the new unit's draft has records
    document = FormDocument(
        form, records=RecordSet.from_records(form, list(clean_records(form, 3, "030101")))
    )
    document.region = "030101"
    workspace.unit = "030101"
    workspace.save_draft(document)
    workspace.unit = REGION_UNIT.region
    ctx.asker.choices = [0]
    ctx.asker.confirm_answer = False  # keep the Oslo draft's records
    on_setup_dialog(window, lambda d: d.accept(), [])
    wait_import(qtbot, own, oslo_file(tmp_path, form))
    qtbot.waitUntil(
        lambda: window.session is not None and window.session.context.region == "030101",
        timeout=20000,
    )
    qtbot.waitUntil(lambda: len(ctx.asker.texts("confirm")) == 1, timeout=10000)
    qtbot.wait(100)
    assert ctx.asker.texts("confirm")[0].startswith("De 3 postene i utkastet blir erstattet")
    assert len(window.session.records) == 3  # kept: the user said no


def test_oslo_data_of_several_bydeler_leaves_the_bydel_to_choose(qtbot, form, tmp_path):
    records = [clean_record(form, i, f"03010{1 + i % 2}") for i in range(6)]
    foreign = foreign_data(RecordSet.from_records(form, records), "1234", YEAR)
    assert foreign is not None and foreign.bydel is None
    one = foreign_data(RecordSet.from_records(form, records[::2]), "1234", YEAR)
    assert one is not None and one.bydel == "01"

    dialog = SetupDialog(ReportingUnit("0301", "Oslo - Oslove", "958935420", "00"))
    qtbot.addWidget(dialog)
    assert dialog.bydel.currentIndex() == -1 and dialog.focusWidget() is dialog.bydel
    dialog.accept()
    assert dialog.result() != SetupDialog.DialogCode.Accepted
    assert dialog.problem.text() == "⚠ Velg bydel."
    dialog.bydel.setCurrentIndex(dialog.bydel.findData("02"))
    dialog.accept()
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert dialog.unit().region == "030102"


def test_a_kommune_without_an_orgnr_in_the_list_asks_for_it(
    qtbot, window, ctx, form, own, tmp_path
):
    ctx.asker.choices = [0]
    seen: list = []

    def fill_in(dialog: SetupDialog) -> None:
        dialog.accept()  # refused: no organisasjonsnummer yet
        seen.append(dialog.problem.text())
        dialog.orgnr.setText(synthetic_orgnr(4))
        dialog.accept()

    on_setup_dialog(window, fill_in, seen)
    path = write_file(tmp_path / "kinn.txt", form, list(clean_records(form, 8, "460200")))
    wait_import(qtbot, own, path)
    qtbot.waitUntil(
        lambda: (
            window.session is not None
            and window.session.context.region == "460200"
            and window.session.records is not None
            and len(window.session.records) == 8
        ),
        timeout=20000,
    )
    shown, problem = seen
    assert shown["unit"].orgnr == "" and shown["unit"].name == "Kinn"
    assert shown["focus"] is shown["dialog"].orgnr and not shown["bydel_shown"]
    assert "organisasjonsnummer" in problem.lower()
    assert ctx.settings.unit == ReportingUnit("4602", "Kinn", synthetic_orgnr(4))
