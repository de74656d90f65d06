"""The signing key store: created and imported keys, encrypted on disk, the passphrase in
the credential store (a real in-memory keyring backend) or asked for each time."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from test_submission_support import (
    NOW,
    ORGNR,
    ROOT,
    BrokenKeyring,
    StubAsker,
    ca_certificate,
    ec_key,
    enterprise_certificate,
    memory_keyring_fixture,  # noqa: F401 - the memory_keyring fixture
    no_keyring_fixture,  # noqa: F401 - the no_keyring fixture
    p12_bytes,
    pem,
    ssb_test_certificate,
    store,
    usage,
)

from client.core.errors import UserError
from client.core.submission.errors import (
    CertificateProblem,
    KeyStoreError,
    PassphraseError,
    Pkcs12Error,
)
from client.core.submission.keys import CERT_FILE, KEY_FILE, META_FILE, SSB_CERT_FILE

P12_PASS = "Sommer2026!"


def all_text(directory) -> bytes:
    return b"".join(p.read_bytes() for p in directory.rglob("*") if p.is_file())


# --- Created keys ------------------------------------------------------------------


def test_created_key_is_self_signed_with_orgnr_and_its_passphrase_in_the_keyring(
    tmp_path, memory_keyring
):
    keys = store(tmp_path / "keys")
    info = keys.create_self_signed(ORGNR, "Test  kommune ")
    assert info.orgnr == ORGNR and info.name == "Test kommune" and info.self_signed
    assert info.protection == "keyring"
    assert set(info.key_usage or ()) == {"digital_signature", "content_commitment"}
    assert {p.name for p in (tmp_path / "keys").iterdir()} == {KEY_FILE, CERT_FILE, META_FILE}
    # The key on disk is encrypted: unreadable without the passphrase from the keyring.
    blob = (tmp_path / "keys" / KEY_FILE).read_bytes()
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(blob, None)
    (stored,) = memory_keyring.passwords.values()
    assert len(stored) >= 40
    assert stored.encode() not in all_text(tmp_path / "keys")
    key, cert, _ = pkcs12.load_key_and_certificates(blob, stored.encode())
    assert key is not None and cert is not None
    # Unlocking needs no question at all.
    signer = keys.signer()
    assert signer.orgnr == ORGNR and signer.fingerprint == info.fingerprint


def test_show_does_not_need_the_passphrase(tmp_path, memory_keyring):
    keys = store(tmp_path)
    assert keys.show() is None
    created = keys.create_self_signed(ORGNR, "Test kommune")
    memory_keyring.passwords.clear()
    assert store(tmp_path).show() == created


def test_invalid_orgnr_or_name_writes_nothing(tmp_path, memory_keyring):
    keys = store(tmp_path / "keys")
    bad = ORGNR[:-1] + str((int(ORGNR[-1]) + 1) % 10)
    with pytest.raises(UserError, match="gyldig organisasjonsnummer"):
        keys.create_self_signed(bad, "Test kommune")
    with pytest.raises(UserError, match="navn"):
        keys.create_self_signed(ORGNR, "  ")
    assert not (tmp_path / "keys").exists()
    assert memory_keyring.passwords == {}


def test_replacing_a_key_needs_replace_and_drops_the_old_passphrase(tmp_path, memory_keyring):
    keys = store(tmp_path)
    first = keys.create_self_signed(ORGNR, "Test kommune")
    with pytest.raises(KeyStoreError, match="--replace"):
        keys.create_self_signed(ORGNR, "Test kommune")
    second = keys.create_self_signed(ORGNR, "Test kommune", replace=True)
    assert second.fingerprint != first.fingerprint
    assert [u for _, u in memory_keyring.passwords] == [f"signing-key:{second.fingerprint}"]
    assert keys.signer().fingerprint == second.fingerprint


# --- Without a working keyring ----------------------------------------------------------


def test_without_keyring_the_user_chooses_a_passphrase_and_is_asked_every_time(
    tmp_path, no_keyring
):
    asker = StubAsker("hemmelig-passord")
    keys = store(tmp_path, asker)
    info = keys.create_self_signed(ORGNR, "Test kommune")
    assert info.protection == "passphrase"
    assert [r.purpose for r in asker.requests] == ["new"]
    assert any("nøkkelring" in n["nb"] for n in asker.notices)
    assert b"hemmelig-passord" not in all_text(tmp_path)
    for _ in range(2):
        asker = StubAsker("hemmelig-passord")
        assert store(tmp_path, asker).signer().orgnr == ORGNR
        assert [r.purpose for r in asker.requests] == ["unlock"]
        assert any("hver gang" in n["nb"] for n in asker.notices)


def test_wrong_or_no_passphrase_is_a_clear_message_without_the_passphrase(tmp_path, no_keyring):
    store(tmp_path, StubAsker("riktig-passord")).create_self_signed(ORGNR, "Test kommune")
    before = all_text(tmp_path)
    with pytest.raises(PassphraseError) as wrong:
        store(tmp_path, StubAsker("galt-passord-123")).signer()
    for lang in ("nb", "nn", "en"):
        assert "galt-passord-123" not in wrong.value.message(lang)
    assert "Feil passord" in wrong.value.message("nb")
    assert "Wrong passphrase" in wrong.value.message("en")
    with pytest.raises(PassphraseError, match="Ingen passord"):
        store(tmp_path, StubAsker(None)).signer()
    assert all_text(tmp_path) == before


def test_short_new_passphrase_is_refused(tmp_path, no_keyring):
    with pytest.raises(PassphraseError, match="minst 8"):
        store(tmp_path, StubAsker("kort")).create_self_signed(ORGNR, "Test kommune")
    assert not (tmp_path / META_FILE).exists()


def test_a_failing_keyring_backend_counts_as_none(tmp_path, memory_keyring):
    import keyring

    store(tmp_path).create_self_signed(ORGNR, "Test kommune")
    keyring.set_keyring(BrokenKeyring())
    asker = StubAsker("whatever-it-was")
    with pytest.raises(PassphraseError):
        store(tmp_path, asker).signer()
    assert any("ikke tilgjengelig" in n["nb"] for n in asker.notices)


@pytest.mark.parametrize("backend", ["null", "forgetful"])
def test_a_keyring_that_keeps_nothing_counts_as_none(tmp_path, memory_keyring, backend):
    """keyring's null backend (and any store that drops what it is given) must not be
    trusted with a random passphrase: the key could never be unlocked again."""
    import keyring
    from keyring.backends import null

    class Forgetful(type(memory_keyring)):
        def set_password(self, service, username, password):
            pass

    keyring.set_keyring(null.Keyring() if backend == "null" else Forgetful())
    asker = StubAsker("hemmelig-passord")
    info = store(tmp_path, asker).create_self_signed(ORGNR, "Test kommune")
    assert info.protection == "passphrase"
    assert [r.purpose for r in asker.requests] == ["new"]
    assert store(tmp_path, StubAsker("hemmelig-passord")).signer().orgnr == ORGNR


def test_keyring_config_from_the_environment_is_honoured():
    code = (
        "from client.core.submission.secrets import KeyringSecretStore as S; s = S(); "
        "print(s.available, s.backend_name)"
    )
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=60, check=True).stdout
    assert out.split() == ["False", "keyring.backends.fail.Keyring"]


# --- Imported keys -----------------------------------------------------------------


def test_import_keeps_the_files_passphrase_in_the_keyring(tmp_path, memory_keyring):
    cert, key = enterprise_certificate()
    source = tmp_path / "virksomhet.p12"
    source.write_bytes(p12_bytes(cert, key, P12_PASS.encode(), chain=[ca_certificate()[0]]))
    asker = StubAsker(P12_PASS)
    info = store(tmp_path / "keys", asker).import_pkcs12(source)
    assert [r.purpose for r in asker.requests] == ["import"]
    assert info.orgnr == ORGNR and not info.self_signed and info.protection == "keyring"
    assert list(memory_keyring.passwords.values()) == [P12_PASS]
    assert P12_PASS.encode() not in all_text(tmp_path / "keys")
    signer = store(tmp_path / "keys").signer()
    assert signer.certificate == cert
    assert signer.chain == (ca_certificate()[0],)


def test_imported_key_without_keyring_asks_for_the_files_passphrase(tmp_path, no_keyring):
    cert, key = enterprise_certificate()
    source = tmp_path / "v.p12"
    source.write_bytes(p12_bytes(cert, key, P12_PASS.encode()))
    store(tmp_path / "keys", StubAsker(P12_PASS)).import_pkcs12(source)
    assert store(tmp_path / "keys", StubAsker(P12_PASS)).signer().certificate == cert


def test_import_of_an_unencrypted_p12_still_encrypts_the_key(tmp_path, memory_keyring):
    cert, key = enterprise_certificate()
    source = tmp_path / "open.p12"
    source.write_bytes(p12_bytes(cert, key, None))
    info = store(tmp_path / "keys", StubAsker("")).import_pkcs12(source)
    assert info.protection == "keyring"
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates((tmp_path / "keys" / KEY_FILE).read_bytes(), None)


def test_import_with_an_ec_key(tmp_path, memory_keyring):
    cert, key = enterprise_certificate(key=ec_key())
    source = tmp_path / "ec.p12"
    source.write_bytes(p12_bytes(cert, key, P12_PASS.encode()))
    store(tmp_path / "keys", StubAsker(P12_PASS)).import_pkcs12(source)
    signer = store(tmp_path / "keys").signer()
    assert signer.sign(b"data", NOW)[:1] == b"\x30"


def test_import_with_wrong_passphrase_imports_nothing(tmp_path, memory_keyring):
    cert, key = enterprise_certificate()
    source = tmp_path / "v.p12"
    source.write_bytes(p12_bytes(cert, key, P12_PASS.encode()))
    with pytest.raises(PassphraseError) as exc:
        store(tmp_path / "keys", StubAsker("Vinter2025?")).import_pkcs12(source)
    assert "v.p12" in exc.value.message() and "Vinter2025?" not in exc.value.message()
    assert not (tmp_path / "keys").exists()
    assert memory_keyring.passwords == {}


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: b"not a certificate file at all\n" * 20,
        lambda data: pem(enterprise_certificate()[0]),
    ],
    ids=["empty", "truncated", "text", "pem-instead"],
)
def test_corrupt_p12_is_named_as_such_before_any_passphrase(tmp_path, memory_keyring, damage):
    cert, key = enterprise_certificate()
    source = tmp_path / "skadet.p12"
    source.write_bytes(damage(p12_bytes(cert, key, P12_PASS.encode())))
    asker = StubAsker()
    with pytest.raises(Pkcs12Error) as exc:
        store(tmp_path / "keys", asker).import_pkcs12(source)
    assert "skadet.p12" in exc.value.message() and "PKCS#12" in exc.value.message()
    assert asker.requests == []
    assert not (tmp_path / "keys").exists()


def test_missing_p12_file(tmp_path, memory_keyring):
    with pytest.raises(Pkcs12Error, match="Kan ikke lese"):
        store(tmp_path / "keys").import_pkcs12(tmp_path / "finnes-ikke.p12")


@pytest.mark.parametrize(
    ("kwargs", "reason", "words"),
    [
        ({"not_before": NOW - dt.timedelta(days=800), "not_after": NOW - dt.timedelta(days=1)},
         "expired", "gikk ut"),
        ({"not_before": NOW + dt.timedelta(days=3)}, "not_yet_valid", "gjelder først"),
        ({"key_usage": usage(key_encipherment=True, data_encipherment=True)}, "usage",
         "ikke laget for signering"),
        ({"key_usage": usage(digital_signature=False, key_agreement=True)}, "usage",
         "signeringssertifikatet"),
        ({"orgnr": None}, "orgnr", "organisasjonsnummer"),
    ],
    ids=["expired", "not-yet-valid", "encryption-only", "key-agreement", "no-orgnr"],
)
def test_certificates_that_cannot_sign_are_refused_on_import(
    tmp_path, memory_keyring, kwargs, reason, words
):
    cert, key = enterprise_certificate(**kwargs)
    source = tmp_path / "v.p12"
    source.write_bytes(p12_bytes(cert, key, P12_PASS.encode()))
    with pytest.raises(CertificateProblem) as exc:
        store(tmp_path / "keys", StubAsker(P12_PASS)).import_pkcs12(source)
    assert exc.value.reason == reason
    assert words in exc.value.message()
    assert not (tmp_path / "keys").exists()


def test_a_key_that_expires_after_import_cannot_sign(tmp_path, memory_keyring):
    cert, key = enterprise_certificate(not_after=NOW + dt.timedelta(days=10))
    source = tmp_path / "v.p12"
    source.write_bytes(p12_bytes(cert, key, P12_PASS.encode()))
    store(tmp_path, StubAsker(P12_PASS)).import_pkcs12(source)
    later = NOW + dt.timedelta(days=11)
    with pytest.raises(CertificateProblem, match="gikk ut") as exc:
        store(tmp_path, clock=lambda: later).signer()
    assert "kostra keys import" in exc.value.message()


def test_p12_without_key_or_without_its_certificate(tmp_path, memory_keyring):
    cert, key = enterprise_certificate()
    source = tmp_path / "bare.p12"
    encryption = serialization.BestAvailableEncryption(P12_PASS.encode())
    source.write_bytes(pkcs12.serialize_key_and_certificates(b"x", None, None, [cert], encryption))
    with pytest.raises(Pkcs12Error, match="ikke en privat nøkkel"):
        store(tmp_path / "keys", StubAsker(P12_PASS)).import_pkcs12(source)
    source.write_bytes(pkcs12.serialize_key_and_certificates(b"x", key, None, None, encryption))
    with pytest.raises(Pkcs12Error, match="ikke sertifikatet"):
        store(tmp_path / "keys", StubAsker(P12_PASS)).import_pkcs12(source)
    assert not (tmp_path / "keys").exists()


def test_damaged_key_folder_is_reported(tmp_path, memory_keyring):
    keys = store(tmp_path)
    keys.create_self_signed(ORGNR, "Test kommune")
    (tmp_path / META_FILE).write_text("{not json")
    with pytest.raises(KeyStoreError, match="skadet"):
        keys.signer()
    with pytest.raises(KeyStoreError, match="Det finnes ingen signeringsnøkkel"):
        store(tmp_path / "empty").signer()


# --- SSB's encryption certificate -----------------------------------------------------


def test_ssb_certificate_is_checked_and_stored(tmp_path, memory_keyring):
    keys = store(tmp_path)
    assert keys.ssb_certificate() is None
    cert, _ = ssb_test_certificate()
    source = tmp_path / "ssb.pem"
    source.write_bytes(pem(cert))
    keys.set_ssb_certificate(source)
    assert (tmp_path / SSB_CERT_FILE).is_file()
    assert keys.ssb_certificate() == cert
    signing_only, _ = enterprise_certificate()
    source.write_bytes(pem(signing_only))
    with pytest.raises(UserError, match="ikke for kryptering"):
        keys.set_ssb_certificate(source)
    source.write_bytes(b"garbage")
    with pytest.raises(UserError, match=r"X\.509"):
        keys.set_ssb_certificate(source)


def test_key_directory_follows_the_data_folder(tmp_path, monkeypatch):
    """The command line and the desktop window find the key in the same folder."""
    from client.core.submission.keys import default_key_directory, key_directory
    from client.core.workspace import Workspace

    monkeypatch.setenv("KOSTRA_DATA_DIR", str(tmp_path))
    assert default_key_directory() == tmp_path / "keys" == key_directory(tmp_path)
    monkeypatch.delenv("KOSTRA_DATA_DIR")
    monkeypatch.delenv("KOSTRA_CONFIG_DIR", raising=False)
    assert default_key_directory() == Workspace.from_environment().data_dir / "keys"
