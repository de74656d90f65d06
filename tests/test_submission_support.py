"""Shared pieces of the submission tests: an in-memory keyring backend, a stub for
asking the user, test certificates (a CA, enterprise-like certificates, SSB's
stand-in), and clean synthetic forms. The tests at the bottom check the helpers."""

from __future__ import annotations

import datetime as dt
import functools
import subprocess
from pathlib import Path

import keyring
import keyring.backend
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from memory_keyring import MemoryKeyring

from client.core.documents import FormDocument
from client.core.forms.catalog import FormCatalog
from client.core.i18n import Text
from client.core.identity import synthetic_orgnr
from client.core.records.fixedwidth import write_record_file
from client.core.records.recordset import RecordSet
from client.core.submission.ask import PassphraseRequest
from client.core.submission.keys import KeyStore, make_self_signed
from client.core.submission.secrets import KeyringSecretStore
from synthetic import clean_records

ROOT = Path(__file__).resolve().parents[1]
CATALOG = FormCatalog([ROOT / "forms"])
REGION = "460100"
YEAR = 2026
ORGNR = synthetic_orgnr(7)
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


class BrokenKeyring(MemoryKeyring):
    """A backend that is configured but fails, like a locked Secret Service."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("locked")


class StubAsker:
    """AskUser for tests: hands out prepared answers and records what was asked."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.requests: list[PassphraseRequest] = []
        self.notices: list[Text] = []

    def passphrase(self, request: PassphraseRequest) -> str | None:
        self.requests.append(request)
        if not self.answers:
            pytest.fail(f"unexpected passphrase request: {request.purpose}")
        return self.answers.pop(0)

    def notice(self, message: Text) -> None:
        self.notices.append(message)


@pytest.fixture(name="memory_keyring")
def memory_keyring_fixture():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(name="no_keyring")
def no_keyring_fixture():
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def store(directory: Path, asker: StubAsker | None = None, clock=None) -> KeyStore:
    return KeyStore(directory, KeyringSecretStore(), asker or StubAsker(), clock or (lambda: NOW))


# --- Certificates ----------------------------------------------------------------------


def usage(**bits: bool) -> x509.KeyUsage:
    names = ("digital_signature", "content_commitment", "key_encipherment", "data_encipherment",
             "key_agreement", "key_cert_sign", "crl_sign", "encipher_only", "decipher_only")
    return x509.KeyUsage(**{n: bits.get(n, False) for n in names})


@functools.cache
def ca_certificate() -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "NO"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test-CA for KOSTRA"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "Test Enterprise CA")])
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=400))
        .not_valid_after(NOW + dt.timedelta(days=4000))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(usage(key_cert_sign=True, crl_sign=True), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert, key


@functools.cache
def rsa_key(n: int = 0) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def enterprise_certificate(
    *,
    orgnr: str | None = ORGNR,
    name: str = "Bergen kommune",
    key=None,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    key_usage: x509.KeyUsage | None = None,
) -> tuple[x509.Certificate, object]:
    """A certificate like a Norwegian enterprise signing certificate, issued by the test CA."""
    ca_cert, ca_key = ca_certificate()
    key = key or rsa_key(1)
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "NO"),
                  x509.NameAttribute(NameOID.ORGANIZATION_NAME, name)]
    if orgnr:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, f"NTRNO-{orgnr}"))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, name))
    cert = (
        x509.CertificateBuilder().subject_name(x509.Name(attributes))
        .issuer_name(ca_cert.subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or NOW - dt.timedelta(days=30))
        .not_valid_after(not_after or NOW + dt.timedelta(days=700))
        .add_extension(key_usage or usage(content_commitment=True), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    return cert, key


def p12_bytes(cert, key, passphrase: bytes | None = b"Sommer2026!", chain=None) -> bytes:
    encryption = (serialization.BestAvailableEncryption(passphrase) if passphrase
                  else serialization.NoEncryption())
    return pkcs12.serialize_key_and_certificates(b"test", key, cert, chain, encryption)


@functools.cache
def ssb_test_certificate() -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    """A throwaway stand-in for SSB's encryption certificate."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Statistisk sentralbyrå (TEST)"),
        x509.NameAttribute(NameOID.COMMON_NAME, "SSB KOSTRA mottak TEST"),
    ])
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1)).not_valid_after(NOW + dt.timedelta(days=365))
        .add_extension(usage(key_encipherment=True), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert, key


@functools.cache
def self_signed_signer_parts() -> tuple[x509.Certificate, object]:
    return make_self_signed(ORGNR, "Test kommune Æøå", NOW, key=rsa_key(2))


def ec_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def key_pem(key) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def openssl(*args: str, cwd: Path | None = None, input: bytes | None = None):
    return subprocess.run(["openssl", *args], cwd=cwd, input=input, capture_output=True,
                          timeout=60, check=False)


# --- Forms -------------------------------------------------------------------------------


@functools.cache
def clean_11f(count: int = 120) -> tuple[dict[str, str], ...]:
    return tuple(clean_records(CATALOG.load("11F", YEAR), count, REGION))


def document_11f(count: int = 120, *, warning_line: int | None = 6,
                 explained: bool = True) -> FormDocument:
    """A clean 11F form; with `warning_line`, that record's birth date is 31 February (a
    K-DATO warning), explained unless `explained` is False."""
    form = CATALOG.load("11F", YEAR)
    records = [dict(r) for r in clean_11f(count)]
    explanations = {}
    if warning_line is not None:
        record = records[warning_line - 1]
        record["FODSELSDATO"] = "3102" + record["FODSELSDATO"][4:]
        if explained:
            explanations[f"K-DATO:{warning_line}:FODSELSDATO"] = (
                "Slik står det i fagsystemet; sjekket."
            )
    return FormDocument(form, records=RecordSet.from_records(form, records),
                        explanations=explanations, region=REGION)


def write_11f(path: Path, document: FormDocument) -> Path:
    assert document.records is not None
    write_record_file(path, document.records)
    return path


# --- Tests of the helpers -------------------------------------------------------------


def test_memory_keyring_is_a_working_backend(memory_keyring):
    keyring.set_password("kostra-test", "user", "secret")
    assert keyring.get_password("kostra-test", "user") == "secret"
    keyring.delete_password("kostra-test", "user")
    assert keyring.get_password("kostra-test", "user") is None


def test_enterprise_certificate_is_issued_by_the_ca():
    cert, _key = enterprise_certificate()
    cert.verify_directly_issued_by(ca_certificate()[0])
