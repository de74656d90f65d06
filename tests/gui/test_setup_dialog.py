"""Issue 13, point 7: the setup dialog fills in the kommune's name from its number (the
shipped list of kommuner) and grows so that its whole message shows."""

from __future__ import annotations

from client.gui.setup_dialog import SetupDialog


def test_the_name_follows_the_number_but_a_typed_name_stays(qtbot):
    dialog = SetupDialog(None)
    qtbot.addWidget(dialog)
    dialog.kommunenummer.setText("4601")
    assert dialog.name.text() == "Bergen"
    dialog.kommunenummer.setText("5501")
    assert dialog.name.text() == "Tromsø"  # filled in before, so it follows the number
    dialog.kommunenummer.setText("9999")  # no such kommune: no stale name left behind
    assert dialog.name.text() == ""
    dialog.name.setText("Vår kommune")
    dialog.kommunenummer.setText("4601")
    assert dialog.name.text() == "Vår kommune"  # the user's own text is kept


def test_the_dialog_grows_to_show_its_whole_message(qtbot):
    dialog = SetupDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(360, dialog.minimumSizeHint().height())
    qtbot.wait(10)
    dialog.kommunenummer.setText("12")
    dialog.orgnr.setText("123456789")
    dialog.accept()
    qtbot.wait(10)
    label = dialog.problem
    assert "mod 11" in label.text()
    assert label.height() >= label.heightForWidth(label.width())
    assert label.geometry().bottom() < dialog.height()
