"""`verify`: a container straight from `submit` is valid; any changed byte, swapped file,
foreign signature or unusable certificate makes it invalid, with the reason."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile

import pytest
from test_submission_support import (
    NOW,
    ORGNR,
    REGION,
    YEAR,
    document_11f,
    ec_key,
    enterprise_certificate,
    rsa_key,
    self_signed_signer_parts,
    ssb_test_certificate,
    usage,
)

from client.core.submission import cms
from client.core.submission.container import (
    MANIFEST,
    SIGNATURE,
    Manifest,
    read_zip,
    write_zip,
)
from client.core.submission.keys import Signer, fingerprint, make_self_signed
from client.core.submission.submit import submit
from client.core.submission.verify import verify_bytes, verify_file
from client.core.validation.engine import ValidationContext

CONTEXT = ValidationContext.from_region(REGION, YEAR)


def make(tmp_path, count=8, **kwargs) -> bytes:
    cert, key = self_signed_signer_parts()
    result = submit(document_11f(count, warning_line=2), CONTEXT, Signer(cert, key), tmp_path,
                    clock=lambda: NOW, **kwargs)
    return result.container.read_bytes()


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> bytes:
    return make(tmp_path_factory.mktemp("small"))


def entries(blob: bytes) -> list[tuple[str, bytes]]:
    return [(e.name, e.data) for e in read_zip(blob)]


def rezip(items: list[tuple[str, bytes]]) -> bytes:
    """A well-formed zip of changed entries: what someone who edits a file and zips the
    container again would produce."""
    return write_zip(items, NOW)


def resign(blob: bytes, cert, key, when=NOW, manifest: bytes | None = None) -> bytes:
    items = entries(blob)
    manifest = manifest or dict(items)[MANIFEST]
    signature = cms.sign_detached(manifest, cert, key, when)
    return rezip([(n, manifest if n == MANIFEST else signature if n == SIGNATURE else d)
                  for n, d in items])


def reasons(blob: bytes, **kwargs) -> set[str]:
    return {p.reason for p in verify_bytes(blob, "x.asice", **kwargs).problems}


def test_a_fresh_container_is_valid_and_says_who_signed_what(small, tmp_path):
    path = tmp_path / "c.asice"
    path.write_bytes(small)
    result = verify_file(path)
    assert result.valid, [p.message() for p in result.problems]
    cert = self_signed_signer_parts()[0]
    assert result.fingerprint == fingerprint(cert)
    assert f"organizationIdentifier=NTRNO-{ORGNR}" in result.signer
    assert result.self_signed
    assert result.signing_time == NOW
    assert result.facts["form"] == "11F" and result.facts["records"] == "8"
    assert result.facts["orgnr"] == ORGNR and result.facts["warning"] == "1"
    assert [f.name for f in result.files] == [
        "skjema.json", f"11F_{YEAR}_{REGION}.txt", "kontrollrapport.html"]
    assert result.form_data["organisasjonsnummer"] == ORGNR
    assert result.to_json()["valid"] is True


@pytest.mark.filterwarnings("ignore::cryptography.utils.CryptographyDeprecationWarning")
def test_every_single_byte_changed_anywhere_makes_it_invalid(small):
    """Each byte of the container in turn: headers, every entry's data, the central
    directory and the end record; a low bit and a whole byte changed each time.
    Inside the HTML report's compressed data (a few kB that the manifest's digest covers
    exactly as it covers the other files) every 10th byte and both ends are changed, which
    keeps this test at its former cost."""
    with zipfile.ZipFile(io.BytesIO(small)) as archive:
        info = archive.getinfo("kontrollrapport.html")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    end = start + info.compress_size
    positions = [p for p in range(len(small))
                 if not start + 16 <= p < end - 16 or (p - start) % 10 == 0]
    changed_ok = []
    for position in positions:
        for flip in (0x01, 0xFF):
            blob = bytearray(small)
            blob[position] ^= flip
            if verify_bytes(bytes(blob)).valid:
                changed_ok.append((position, flip))
    assert changed_ok == []


def test_changed_data_names_the_file(small):
    items = entries(small)
    name = f"11F_{YEAR}_{REGION}.txt"
    changed = [(n, d.replace(b"J0000003", b"J0000099") if n == name else d) for n, d in items]
    result = verify_bytes(rezip(changed))
    assert [(p.reason, p.name) for p in result.problems] == [("changed", name)]
    assert name in result.problems[0].message()
    assert "endret" in result.problems[0].message()
    # The signer is still named, so the recipient knows whose file was tampered with.
    assert result.fingerprint == fingerprint(self_signed_signer_parts()[0])


def test_in_place_byte_change_in_data_names_the_file(small):
    offset = small.index(b"J0000003")
    blob = bytearray(small)
    blob[offset + 7] = ord("9")
    problems = verify_bytes(bytes(blob)).problems
    assert ("changed", f"11F_{YEAR}_{REGION}.txt") in [(p.reason, p.name) for p in problems]


def test_changed_manifest_breaks_the_signature(small):
    items = entries(small)
    manifest = dict(items)[MANIFEST].replace(b'records="8"', b'records="9"')
    assert reasons(rezip([(n, manifest if n == MANIFEST else d) for n, d in items])) == {
        "manifest_changed"
    }


def test_added_and_removed_files(small):
    items = entries(small)
    assert reasons(rezip([*items, ("extra.txt", b"hello")])) == {"unsigned_file"}
    name = f"11F_{YEAR}_{REGION}.txt"
    assert reasons(rezip([i for i in items if i[0] != name])) == {"missing_file"}
    assert reasons(rezip([i for i in items if i[0] != SIGNATURE])) == {"missing_manifest"}
    assert reasons(rezip(items[1:])) == {"mimetype"}


def test_a_valid_signature_by_someone_else_is_valid_but_names_them(small):
    other_cert, other_key = make_self_signed("974760673", "Annen kommune", NOW, key=rsa_key(3))
    result = verify_bytes(resign(small, other_cert, other_key))
    assert result.valid and result.fingerprint == fingerprint(other_cert)
    assert "Annen kommune" in result.signer


def test_signature_by_a_different_key_than_the_certificate_is_bad(small):
    cert, _ = self_signed_signer_parts()
    assert reasons(resign(small, cert, rsa_key(4))) == {"bad_signature"}


def test_certificate_swapped_in_the_signature(small):
    """Replace the included certificate by another with the same issuer and serial: the
    signing-certificate-v2 attribute notices."""
    from asn1crypto import cms as acms
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives.serialization import Encoding

    cert, _ = self_signed_signer_parts()
    twin, _ = make_self_signed(ORGNR, "Test kommune Æøå", NOW, key=ec_key())
    twin_asn1 = ax509.Certificate.load(twin.public_bytes(Encoding.DER))
    twin_asn1["tbs_certificate"]["serial_number"] = cert.serial_number
    items = entries(small)
    info = acms.ContentInfo.load(dict(items)[SIGNATURE])
    info["content"]["certificates"] = [acms.CertificateChoices({"certificate": twin_asn1})]
    swapped = [(n, info.dump(force=True) if n == SIGNATURE else d) for n, d in items]
    assert reasons(rezip(swapped)) == {"certificate_swapped"}


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"not_before": NOW - dt.timedelta(days=90), "not_after": NOW - dt.timedelta(days=1)},
         "expired"),
        ({"not_before": NOW + dt.timedelta(days=2)}, "not_yet_valid"),
        ({"key_usage": usage(key_encipherment=True)}, "usage"),
    ],
)
def test_certificates_that_could_not_sign_then(small, kwargs, reason):
    cert, key = enterprise_certificate(**kwargs)
    result = verify_bytes(resign(small, cert, key))
    assert {p.reason for p in result.problems} == {reason}
    assert result.problems[0].message("en")


def test_certificate_expired_since_signing(small):
    later = self_signed_signer_parts()[0].not_valid_after_utc + dt.timedelta(days=1)
    result = verify_bytes(small, now=later)
    assert [p.reason for p in result.problems] == ["expired_now"]
    assert "gikk ut" in result.problems[0].message()


def test_not_a_container():
    assert reasons(b"") == {"not_zip"}
    assert reasons(b"PK\x03\x04" + b"\x00" * 100) == {"not_zip"}
    assert reasons(b"%PDF-1.7\n" * 50) == {"not_zip"}


def test_truncated_container(small):
    for cut in (1, 22, len(small) // 2):
        assert not verify_bytes(small[:-cut]).valid


def test_zip_comment_or_trailing_bytes(small):
    end = small[-22:]
    commented = small[:-2] + struct.pack("<H", 3) + b"abc"
    assert not verify_bytes(commented).valid
    assert not verify_bytes(small + b"\x00").valid
    assert end[:4] == b"PK\x05\x06"


def test_encrypted_container_verifies_and_says_to_whom(tmp_path):
    ssb_cert, _ = ssb_test_certificate()
    blob = make(tmp_path, recipient=ssb_cert)
    result = verify_bytes(blob)
    assert result.valid
    assert result.encryption.certificate_sha256 == fingerprint(ssb_cert)
    assert all(f.encrypted for f in result.files)
    assert result.form_data is None
    # A plain file slipped in under an encrypted name is noticed even if re-signed.
    items = entries(blob)
    manifest = Manifest.from_xml(dict(items)[MANIFEST])
    name = f"11F_{YEAR}_{REGION}.txt.p7m"
    plain = b"not encrypted"
    from client.core.submission.container import DataObject

    objects = tuple(DataObject.of(o.name, o.mime_type, plain) if o.name == name else o
                    for o in manifest.objects)
    forged = Manifest(objects, manifest.facts, manifest.encryption).to_xml()
    cert, key = self_signed_signer_parts()
    swapped = [(n, plain if n == name else d) for n, d in items]
    assert reasons(resign(rezip(swapped), cert, key, manifest=forged)) == {"encryption"}
