"""Submitting from the window: a test certificate made through the dialog, the container and
receipt in the chosen folder, the Certificate dialog; and nothing written when the form has
errors or the passphrase is cancelled."""

import json
from pathlib import Path

from PySide6.QtCore import QDate
from test_submission_support import pem, ssb_test_certificate

from client.core.submission.keys import format_fingerprint
from client.core.submission.verify import verify_file
from client.gui.certificates import CertificateDialog
from tests.gui.conftest import REGION_UNIT, open_form, settle

ROOT = Path(__file__).resolve().parents[2]


def fill_skjema_12(qtbot, window):
    page = open_form(qtbot, window, "12")
    rows = page.questionnaire.rows
    # Skjema 12 is in full since issue 10: the questions not clicked below are answered as
    # in the example, through the session.
    example = json.loads((ROOT / "resources" / "examples" / "12_2026_460100.json").read_text())
    clicked = {"VEDTAK_DATO", "UTGIFTER_I_SATS", "YTELSER_UTENFOR", "YTELSER_ANNET",
               "BOUTGIFT_TAK", "BOUTGIFT_TAK_BELOP", "BOUTGIFT_TAK_2", "BOUTGIFT_TAK_3",
               "BOUTGIFT_TAK_4"}
    for name, value in example.items():
        if name not in clicked:
            window.session.set_answer(name, value)
    window.session.set_answer("KOMMUNE_NR", window.session.context.kommunenummer)
    rows["VEDTAK_DATO"].editor.pick(QDate(2025, 1, 15))
    rows["UTGIFTER_I_SATS"].editor.boxes["01"].click()
    rows["YTELSER_UTENFOR"].editor.boxes["01"].click()
    rows["BOUTGIFT_TAK"].editor.buttons["2"].click()
    settle(qtbot, window.session)
    assert window.session.readiness().ready, window.session.findings()
    return page


def run_submit(qtbot, page):
    operation = page.submit()
    assert operation is not None
    operation.wait(60)
    qtbot.waitUntil(lambda: page._operation is None, timeout=10000)


def status_in_overview(window, form_id):
    return next(e for e in window.overview.model.entries if e.form_id == form_id).status.state


def test_submit_with_a_test_certificate_made_on_the_way(qtbot, window, ctx, tmp_path):
    page = fill_skjema_12(qtbot, window)
    out = tmp_path / "ut"
    out.mkdir()
    asker = ctx.asker
    asker.choices = [1]  # no key yet: "Create test certificate"
    asker.folders = [out]
    run_submit(qtbot, page)

    asker_said = asker.texts()
    assert any("virksomhetssertifikat" in text for text in asker.texts("choose"))
    assert not asker.texts("warn"), asker.texts("warn")
    assert not asker.texts("passphrase")  # the keyring knows it
    containers = sorted(out.glob("*.asice"))
    receipts = sorted(out.glob("*_kvittering.pdf"))
    assert len(containers) == 1 and len(receipts) == 1, sorted(out.iterdir())
    assert containers[0].name.startswith(f"{REGION_UNIT.region}_12_2026_")
    result = verify_file(containers[0])
    assert result.valid, result.problems
    assert result.facts["orgnr"] == REGION_UNIT.orgnr
    assert result.self_signed
    (message,) = asker.texts("offer")
    assert str(containers[0]) in message and str(receipts[0]) in message
    assert "testsertifikat" in message, asker_said
    assert ctx.settings.submit_dir == str(out)
    assert ctx.workspace.load_settings()[0].submit_dir == str(out)
    assert (ctx.workspace.data_dir / "keys" / "signing-key.json").is_file()

    window.close_form()
    assert status_in_overview(window, "12") == "signed"

    # Next time the key is there: no question about it, and the folder is offered again.
    page = open_form(qtbot, window, "12")
    asker.folders = [out]
    asker.said.clear()
    qtbot.wait(1100)  # container names carry the second
    run_submit(qtbot, page)
    assert not asker.texts("choose")
    assert ("folder", asker.said[0][1], str(out)) in asker.said
    assert len(list(out.glob("*.asice"))) == 2


def test_a_form_with_errors_cannot_be_submitted_and_nothing_is_written(
    qtbot, window, ctx, tmp_path
):
    page = open_form(qtbot, window, "12")
    settle(qtbot, window.session)
    out = tmp_path / "ut"
    out.mkdir()
    ctx.asker.choices = [1]
    ctx.asker.folders = [out]
    assert page.submit() is None
    (warning,) = ctx.asker.texts("warn")
    assert "ikke klart" in warning
    assert list(out.iterdir()) == []
    assert not (ctx.workspace.data_dir / "keys").exists()  # not even a key was made
    assert ctx.asker.folders == [out]  # nor a folder asked for


def test_cancelled_passphrase_writes_nothing(qtbot, window, ctx, tmp_path, memory_keyring):
    page = fill_skjema_12(qtbot, window)
    ctx.key_store.create_self_signed(REGION_UNIT.orgnr, REGION_UNIT.name)
    memory_keyring.passwords.clear()  # the keyring lost it: the user is asked, and cancels
    window.session.save_now()
    draft = ctx.workspace.draft_path("12", 2026)
    before = draft.read_bytes()
    out = tmp_path / "ut"
    out.mkdir()
    ctx.asker.folders = [out]
    ctx.asker.passphrases = [None]
    assert page.submit() is None
    assert [kind for kind, _, _ in ctx.asker.said if kind == "passphrase"] == ["passphrase"]
    (warning,) = ctx.asker.texts("warn")
    assert "Ingen passord" in warning
    assert list(out.iterdir()) == []
    assert draft.read_bytes() == before
    assert window.session.status().state != "signed"
    window.close_form()
    assert status_in_overview(window, "12") == "ready"


def test_wrong_passphrase_says_so_and_writes_nothing(qtbot, window, ctx, tmp_path, memory_keyring):
    page = fill_skjema_12(qtbot, window)
    ctx.key_store.create_self_signed(REGION_UNIT.orgnr, REGION_UNIT.name)
    memory_keyring.passwords.clear()
    out = tmp_path / "ut"
    out.mkdir()
    ctx.asker.folders = [out]
    ctx.asker.passphrases = ["not-the-passphrase"]
    assert page.submit() is None
    (warning,) = ctx.asker.texts("warn")
    assert "Feil passord" in warning
    assert list(out.iterdir()) == []


def test_certificate_dialog_creates_shows_and_sets_ssb(qtbot, window, ctx, tmp_path):
    dialog = CertificateDialog(ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.signing_state.isVisibleTo(dialog)
    assert "Ingen signeringssertifikat" in dialog.signing_state.text()
    assert not dialog.organisation.isVisibleTo(dialog)

    dialog.create_button.click()
    info = ctx.key_store.show()
    assert info is not None and info.orgnr == REGION_UNIT.orgnr
    assert not dialog.signing_state.isVisibleTo(dialog)
    assert dialog.organisation.text() == REGION_UNIT.name
    assert dialog.orgnr.text() == REGION_UNIT.orgnr
    assert dialog.fingerprint.text().replace("\n", "") == format_fingerprint(info.fingerprint)
    assert "Testsertifikat" in dialog.kind.text()
    assert "Ikke satt opp" in dialog.ssb_state.text()

    # Replacing asks first; "no" keeps the key.
    ctx.asker.confirm_answer = False
    dialog.create_button.click()
    assert ctx.key_store.show() == info
    assert "erstatter" in ctx.asker.texts("confirm")[-1]

    certificate, _ = ssb_test_certificate()
    path = tmp_path / "ssb.pem"
    path.write_bytes(pem(certificate))
    ctx.asker.files = [path]
    dialog.ssb_button.click()
    assert "SSB KOSTRA mottak TEST" in dialog.ssb_subject.text()
    assert "krypteres til dette" in dialog.ssb_state.text()
    assert dialog.ssb_fingerprint.isVisibleTo(dialog)

    # A file that is no certificate: the core's message, and nothing changes.
    bad = tmp_path / "bad.pem"
    bad.write_text("nonsense")
    ctx.asker.files = [bad]
    dialog.ssb_button.click()
    assert "bad.pem" in ctx.asker.texts("warn")[-1]
    assert "SSB KOSTRA mottak TEST" in dialog.ssb_subject.text()


def test_encrypted_to_ssb_when_its_certificate_is_set(qtbot, window, ctx, tmp_path):
    certificate, _ = ssb_test_certificate()
    path = tmp_path / "ssb.pem"
    path.write_bytes(pem(certificate))
    ctx.key_store.set_ssb_certificate(path)
    ctx.key_store.create_self_signed(REGION_UNIT.orgnr, REGION_UNIT.name)
    page = fill_skjema_12(qtbot, window)
    out = tmp_path / "ut"
    out.mkdir()
    ctx.asker.folders = [out]
    run_submit(qtbot, page)
    (container,) = out.glob("*.asice")
    result = verify_file(container)
    assert result.valid and result.encryption is not None
    assert "kryptert" in ctx.asker.texts("offer")[0]


def test_key_folder_follows_the_data_folder(ctx):
    assert ctx.key_store.directory == Path(ctx.workspace.data_dir) / "keys"


def test_qt_asker_choice_and_offer_buttons(qtbot):
    """The real dialogs behind `choose` and `offer`: the clicked button is the answer."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from client.gui.asker import QtAsker

    asker = QtAsker(lambda: None, lambda: "nb")

    def click_later(pick):
        def click():
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            pick(box).click()

        QTimer.singleShot(0, click)

    def by_text(text):
        return lambda box: next(b for b in box.buttons() if b.text() == text)

    click_later(by_text("Lag testsertifikat"))
    assert asker.choose("T", "x", ["Importer …", "Lag testsertifikat"]) == 1
    click_later(lambda box: box.button(QMessageBox.StandardButton.Cancel))
    assert asker.choose("T", "x", ["Importer …", "Lag testsertifikat"]) is None
    click_later(by_text("&Åpne kvitteringen"))
    assert asker.offer("T", "x", "&Åpne kvitteringen") is True
    click_later(lambda box: box.button(QMessageBox.StandardButton.Ok))
    assert asker.offer("T", "x", "&Åpne kvitteringen") is False
