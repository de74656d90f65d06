"""Innstillinger → Installer skjemapakke: a signed pack brings a new year into the window;
one signed by someone else is refused with the core's message and changes nothing."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from test_formpacks import V1, forms_for, make_certificate, snapshot, write_pack


def test_a_signed_pack_adds_its_year_and_a_strangers_is_refused(
    qtbot, window, ctx, tmp_path, monkeypatch
):
    publisher = make_certificate("Testutgiver")
    stranger = make_certificate("Noen andre")
    cert_file = tmp_path / "publisher.pem"
    cert_file.write_bytes(publisher[0].public_bytes(serialization.Encoding.PEM))
    monkeypatch.setenv("KOSTRA_PUBLISHER_CERT", str(cert_file))
    forms_root = ctx.workspace.data_dir / "forms"
    years = [window.year_combo.itemData(i) for i in range(window.year_combo.count())]
    assert 2027 not in years

    wrong = write_pack(tmp_path, forms_for(tmp_path, 2027, V1), stranger)
    ctx.asker.files.append(wrong)
    window.install_form_pack()
    kind, _, text = ctx.asker.said[-1]
    assert kind == "warn"
    assert "ikke av utgiveren" in text
    assert snapshot(forms_root) == {}
    assert window.year_combo.findData(2027) == -1

    pack = write_pack(tmp_path, forms_for(tmp_path, 2027, V1), publisher)
    ctx.asker.files.append(pack)
    window.install_form_pack()
    kind, _, text = ctx.asker.said[-1]
    assert kind == "inform"
    assert "2027" in text
    assert window.year_combo.findData(2027) >= 0
    assert window.year == 2026  # the current reporting year stays chosen
    window.year_combo.setCurrentIndex(window.year_combo.findData(2027))
    assert window.year == 2027
    assert {f.form_id for f in ctx.catalog.forms_for_year(2027)} == {"11F", "11CF", "12"}


def test_cancelling_the_file_choice_does_nothing(window, ctx):
    said = list(ctx.asker.said)
    window.install_form_pack()
    assert ctx.asker.said == said
