"""The municipality's signing key: created (self-signed) or imported from PKCS#12,
kept encrypted on disk, its passphrase in the OS credential store.

On disk (in the user's data folder, or a directory given for tests):
  signing-key.p12   key + certificate + chain, encrypted (PBES2, AES-256, SHA-256)
  signing-cert.pem  the certificate alone, so it can be shown without unlocking
  signing-key.json  fingerprint and how the passphrase is kept ("keyring"/"passphrase")
  ssb-encryption.pem  SSB's encryption certificate, when one is configured

A created key with a working credential store gets a random passphrase that only
the store knows. Without a store the user chooses one and is asked for it each
time. An imported key keeps the passphrase of its PKCS#12 file, so the user can
still type it if the credential store is gone later.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets as pysecrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from client.core.datadir import key_directory
from client.core.errors import UserError
from client.core.fileio import atomic_write_bytes
from client.core.i18n import Text
from client.core.identity import is_valid_orgnr
from client.core.submission.ask import AskUser, PassphraseRequest
from client.core.submission.cms import SigningKey, sign_detached
from client.core.submission.errors import (
    CertificateProblem,
    KeyStoreError,
    PassphraseError,
    Pkcs12Error,
)
from client.core.submission.secrets import SecretStore, SecretStoreUnavailable

KEY_FILE = "signing-key.p12"
CERT_FILE = "signing-cert.pem"
META_FILE = "signing-key.json"
SSB_CERT_FILE = "ssb-encryption.pem"
KDF_ROUNDS = 200_000  # PBKDF2 rounds for the key file: ~0.1 s to unlock, slow to guess
SELF_SIGNED_DAYS = 3 * 365
NTR_PREFIX = "NTRNO-"  # organizationIdentifier of Norwegian enterprise certificates (SEID 2)

Protection = Literal["keyring", "passphrase"]
Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def default_key_directory() -> Path:
    """keys/ in the user's data folder, the same folder the desktop window uses
    (KOSTRA_DATA_DIR overrides it)."""
    from client.core.workspace import Workspace

    return key_directory(Workspace.from_environment().data_dir)


# --- Certificates ------------------------------------------------------------------


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the certificate (DER), lowercase hex."""
    return certificate.fingerprint(hashes.SHA256()).hex()


def format_fingerprint(hex_digest: str) -> str:
    """AB:CD:… as certificate dialogs show it."""
    return ":".join(hex_digest[i : i + 2] for i in range(0, len(hex_digest), 2)).upper()


_ATTRIBUTE_NAMES = {
    NameOID.SERIAL_NUMBER: "serialNumber",
    NameOID.ORGANIZATION_IDENTIFIER: "organizationIdentifier",
}


def name_text(name: x509.Name) -> str:
    """A subject or issuer as RFC 4514 text, with the attributes Norwegian enterprise
    certificates use spelt out rather than as numbers."""
    return name.rfc4514_string(_ATTRIBUTE_NAMES)


def certificate_orgnr(certificate: x509.Certificate) -> str | None:
    """The organisasjonsnummer in the subject: organizationIdentifier "NTRNO-…" (SEID 2)
    or serialNumber (older Norwegian enterprise certificates)."""
    subject = certificate.subject
    candidates = [
        str(a.value).removeprefix(NTR_PREFIX)
        for a in subject.get_attributes_for_oid(NameOID.ORGANIZATION_IDENTIFIER)
    ]
    candidates += [str(a.value) for a in subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)]
    for value in candidates:
        if is_valid_orgnr(value):
            return value
    return None


def certificate_name(certificate: x509.Certificate) -> str:
    """The organisation's name (O), else the common name."""
    for oid in (NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
        attributes = certificate.subject.get_attributes_for_oid(oid)
        if attributes:
            return str(attributes[0].value)
    return name_text(certificate.subject)


def is_self_signed(certificate: x509.Certificate) -> bool:
    if certificate.issuer != certificate.subject:
        return False
    try:
        certificate.verify_directly_issued_by(certificate)
    except (ValueError, TypeError, Exception):
        return False
    return True


_CERT_MESSAGES: dict[str, Text] = {
    "expired": {
        "nb": "Sertifikatet «{subject}» gikk ut {date} og kan ikke lenger brukes til å signere. "
        "Importer et gyldig virksomhetssertifikat (kostra keys import) eller lag et nytt "
        "testsertifikat (kostra keys create).",
        "nn": "Sertifikatet «{subject}» gjekk ut {date} og kan ikkje lenger brukast til å signere. "
        "Importer eit gyldig verksemdssertifikat (kostra keys import) eller lag eit nytt "
        "testsertifikat (kostra keys create).",
        "en": "The certificate «{subject}» expired on {date} and can no longer sign. "
        "Import a valid enterprise certificate (kostra keys import) or create a new test "
        "certificate (kostra keys create).",
    },
    "not_yet_valid": {
        "nb": "Sertifikatet «{subject}» gjelder først fra {date}. Sjekk klokken på maskinen, "
        "eller vent til sertifikatet er gyldig.",
        "nn": "Sertifikatet «{subject}» gjeld først frå {date}. Sjekk klokka på maskina, "
        "eller vent til sertifikatet er gyldig.",
        "en": "The certificate «{subject}» is valid only from {date}. Check the computer's "
        "clock, or wait until the certificate is valid.",
    },
    "usage": {
        "nb": "Sertifikatet «{subject}» er ikke laget for signering (nøkkelbruk: {usage}). "
        "Virksomhetssertifikater kommer ofte i par: bruk signeringssertifikatet, ikke "
        "krypterings- eller autentiseringssertifikatet.",
        "nn": "Sertifikatet «{subject}» er ikkje laga for signering (nøkkelbruk: {usage}). "
        "Verksemdssertifikat kjem ofte i par: bruk signeringssertifikatet, ikkje "
        "krypterings- eller autentiseringssertifikatet.",
        "en": "The certificate «{subject}» is not meant for signing (key usage: {usage}). "
        "Enterprise certificates often come in pairs: use the signing certificate, not the "
        "encryption or authentication one.",
    },
    "orgnr": {
        "nb": "Sertifikatet «{subject}» inneholder ikke et gyldig organisasjonsnummer. "
        "Bruk kommunens virksomhetssertifikat.",
        "nn": "Sertifikatet «{subject}» inneheld ikkje eit gyldig organisasjonsnummer. "
        "Bruk kommunen sitt verksemdssertifikat.",
        "en": "The certificate «{subject}» holds no valid organisation number. "
        "Use the municipality's enterprise certificate.",
    },
    "key_type": {
        "nb": "Nøkkelen til sertifikatet «{subject}» er av en type klienten ikke kan signere "
        "med (bare RSA og EC). Bruk et annet virksomhetssertifikat.",
        "nn": "Nøkkelen til sertifikatet «{subject}» er av ein type klienten ikkje kan signere "
        "med (berre RSA og EC). Bruk eit anna verksemdssertifikat.",
        "en": "The key of the certificate «{subject}» is of a type the client cannot sign "
        "with (only RSA and EC). Use another enterprise certificate.",
    },
}


def certificate_problem(
    reason: str, certificate: x509.Certificate, **params: object
) -> CertificateProblem:
    return CertificateProblem(
        reason, _CERT_MESSAGES[reason], subject=name_text(certificate.subject), **params
    )


def key_usage_names(certificate: x509.Certificate) -> list[str] | None:
    """The keyUsage bits set, or None when the certificate has no keyUsage extension."""
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return None
    names = []
    for name in (
        "digital_signature",
        "content_commitment",
        "key_encipherment",
        "data_encipherment",
        "key_agreement",
        "key_cert_sign",
        "crl_sign",
    ):
        if getattr(usage, name):
            names.append(name)
    return names


def check_signing_certificate(certificate: x509.Certificate, at: dt.datetime) -> None:
    """Raise CertificateProblem unless the certificate may sign at `at`: within its validity,
    and keyUsage (when present) allows digitalSignature or nonRepudiation."""
    if at < certificate.not_valid_before_utc:
        raise certificate_problem(
            "not_yet_valid", certificate, date=_date(certificate.not_valid_before_utc)
        )
    if at > certificate.not_valid_after_utc:
        raise certificate_problem(
            "expired", certificate, date=_date(certificate.not_valid_after_utc)
        )
    usage = key_usage_names(certificate)
    if usage is not None and not {"digital_signature", "content_commitment"} & set(usage):
        raise certificate_problem("usage", certificate, usage=", ".join(usage) or "ingen")


def _date(when: dt.datetime) -> str:
    return when.strftime("%d.%m.%Y")


# --- The signer ---------------------------------------------------------------------


@dataclass(frozen=True)
class Signer:
    """An unlocked signing key with its certificate. Holds the private key in memory only."""

    certificate: x509.Certificate
    key: SigningKey
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def subject(self) -> str:
        return name_text(self.certificate.subject)

    @property
    def orgnr(self) -> str | None:
        return certificate_orgnr(self.certificate)

    @property
    def name(self) -> str:
        return certificate_name(self.certificate)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)

    def check(self, at: dt.datetime) -> None:
        check_signing_certificate(self.certificate, at)
        if self.orgnr is None:
            raise certificate_problem("orgnr", self.certificate)

    def sign(self, content: bytes, signing_time: dt.datetime) -> bytes:
        return sign_detached(content, self.certificate, self.key, signing_time, self.chain)

    def __repr__(self) -> str:  # never show the key
        return f"Signer({self.subject!r})"


@dataclass(frozen=True)
class CertificateInfo:
    """What `kostra keys show` and the settings dialog show about the signing certificate."""

    subject: str
    issuer: str
    name: str
    orgnr: str | None
    fingerprint: str
    not_before: dt.datetime
    not_after: dt.datetime
    self_signed: bool
    protection: Protection | None = None
    key_usage: tuple[str, ...] | None = None

    @classmethod
    def of(
        cls, certificate: x509.Certificate, protection: Protection | None = None
    ) -> CertificateInfo:
        usage = key_usage_names(certificate)
        return cls(
            subject=name_text(certificate.subject),
            issuer=name_text(certificate.issuer),
            name=certificate_name(certificate),
            orgnr=certificate_orgnr(certificate),
            fingerprint=fingerprint(certificate),
            not_before=certificate.not_valid_before_utc,
            not_after=certificate.not_valid_after_utc,
            self_signed=is_self_signed(certificate),
            protection=protection,
            key_usage=None if usage is None else tuple(usage),
        )


def make_self_signed(
    orgnr: str,
    name: str,
    now: dt.datetime,
    *,
    days: int = SELF_SIGNED_DAYS,
    key: SigningKey | None = None,
) -> tuple[x509.Certificate, SigningKey]:
    """A self-signed signing certificate whose subject carries the organisasjonsnummer the
    way Norwegian enterprise certificates do (organizationIdentifier and serialNumber)."""
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=3072)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NO"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
            x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, NTR_PREFIX + orgnr),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, orgnr),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))  # tolerate a clock a little behind
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return certificate, key


# --- The key store -----------------------------------------------------------------

_TEXT: dict[str, Text] = {
    "no_key": {
        "nb": "Det finnes ingen signeringsnøkkel i {directory}. Importer kommunens "
        "virksomhetssertifikat med «kostra keys import FIL.p12», eller lag et testsertifikat "
        "med «kostra keys create --orgnr ORGNR --name NAVN».",
        "nn": "Det finst ingen signeringsnøkkel i {directory}. Importer kommunen sitt "
        "verksemdssertifikat med «kostra keys import FIL.p12», eller lag eit testsertifikat "
        "med «kostra keys create --orgnr ORGNR --name NAMN».",
        "en": "There is no signing key in {directory}. Import the municipality's enterprise "
        "certificate with «kostra keys import FILE.p12», or create a test certificate with "
        "«kostra keys create --orgnr ORGNR --name NAME».",
    },
    "exists": {
        "nb": "Det finnes allerede en signeringsnøkkel ({subject}). Bruk --replace for å "
        "erstatte den.",
        "nn": "Det finst alt ein signeringsnøkkel ({subject}). Bruk --replace for å erstatte han.",
        "en": "A signing key already exists ({subject}). Use --replace to replace it.",
    },
    "damaged": {
        "nb": "Signeringsnøkkelen i {directory} er skadet ({detail}). Importer sertifikatet "
        "på nytt eller lag et nytt testsertifikat.",
        "nn": "Signeringsnøkkelen i {directory} er skadd ({detail}). Importer sertifikatet "
        "på nytt eller lag eit nytt testsertifikat.",
        "en": "The signing key in {directory} is damaged ({detail}). Import the certificate "
        "again or create a new test certificate.",
    },
    "bad_orgnr": {
        "nb": "«{orgnr}» er ikke et gyldig organisasjonsnummer "
        "(9 sifre med riktig kontrollsiffer).",
        "nn": "«{orgnr}» er ikkje eit gyldig organisasjonsnummer "
        "(9 siffer med rett kontrollsiffer).",
        "en": "«{orgnr}» is not a valid organisation number (9 digits with the right check digit).",
    },
    "bad_name": {
        "nb": "Oppgi kommunens navn (1–64 tegn) med --name.",
        "nn": "Oppgi namnet på kommunen (1–64 teikn) med --name.",
        "en": "Give the municipality's name (1–64 characters) with --name.",
    },
    "keyring_unavailable": {
        "nb": "Operativsystemets nøkkelring er ikke tilgjengelig ({backend}). Passordet til "
        "signeringsnøkkelen lagres derfor ikke, og du blir spurt om det hver gang.",
        "nn": "Nøkkelringen i operativsystemet er ikkje tilgjengeleg ({backend}). Passordet til "
        "signeringsnøkkelen blir difor ikkje lagra, og du blir spurd om det kvar gong.",
        "en": "The operating system's keyring is not available ({backend}). The signing key's "
        "passphrase is therefore not stored, and you will be asked for it every time.",
    },
    "stored_wrong": {
        "nb": "Passordet i nøkkelringen passer ikke til signeringsnøkkelen. Skriv passordet.",
        "nn": "Passordet i nøkkelringen passar ikkje til signeringsnøkkelen. Skriv passordet.",
        "en": "The passphrase in the keyring does not fit the signing key. Type the passphrase.",
    },
    "ask_unlock": {
        "nb": "Passord for signeringsnøkkelen ({subject})",
        "nn": "Passord for signeringsnøkkelen ({subject})",
        "en": "Passphrase for the signing key ({subject})",
    },
    "ask_new": {
        "nb": "Velg et passord for den nye signeringsnøkkelen (minst 8 tegn)",
        "nn": "Vel eit passord for den nye signeringsnøkkelen (minst 8 teikn)",
        "en": "Choose a passphrase for the new signing key (at least 8 characters)",
    },
    "ask_import": {
        "nb": "Passord for {file}",
        "nn": "Passord for {file}",
        "en": "Passphrase for {file}",
    },
    "cancelled": {
        "nb": "Ingen passord oppgitt; ingenting er endret.",
        "nn": "Inkje passord oppgitt; ingenting er endra.",
        "en": "No passphrase given; nothing was changed.",
    },
    "too_short": {
        "nb": "Passordet må ha minst 8 tegn; ingenting er endret.",
        "nn": "Passordet må ha minst 8 teikn; ingenting er endra.",
        "en": "The passphrase must have at least 8 characters; nothing was changed.",
    },
    "wrong_unlock": {
        "nb": "Feil passord for signeringsnøkkelen. Ingenting er sendt eller skrevet. Prøv igjen; "
        "har du glemt passordet, lag eller importer nøkkelen på nytt.",
        "nn": "Feil passord for signeringsnøkkelen. Ingenting er sendt eller skrive. Prøv igjen; "
        "har du gløymt passordet, lag eller importer nøkkelen på nytt.",
        "en": "Wrong passphrase for the signing key. Nothing was sent or written. Try again; "
        "if you have forgotten it, create or import the key again.",
    },
    "wrong_import": {
        "nb": "Feil passord for {file}. Ingenting er importert. Bruk passordet du fikk sammen "
        "med virksomhetssertifikatet.",
        "nn": "Feil passord for {file}. Ingenting er importert. Bruk passordet du fekk saman "
        "med verksemdssertifikatet.",
        "en": "Wrong passphrase for {file}. Nothing was imported. Use the passphrase that came "
        "with the enterprise certificate.",
    },
    "not_p12": {
        "nb": "{file} er ikke en gyldig PKCS#12-fil (.p12/.pfx); den er skadet eller av en "
        "annen type. Ingenting er importert. Hent sertifikatfilen på nytt fra "
        "sertifikatleverandøren.",
        "nn": "{file} er ikkje ei gyldig PKCS#12-fil (.p12/.pfx); ho er skadd eller av ein "
        "annan type. Ingenting er importert. Hent sertifikatfila på nytt frå "
        "sertifikatleverandøren.",
        "en": "{file} is not a valid PKCS#12 file (.p12/.pfx); it is damaged or of another "
        "kind. Nothing was imported. Get the certificate file again from the provider.",
    },
    "empty_p12": {
        "nb": "{file} er tom, så den er ikke en PKCS#12-fil (.p12/.pfx). Ingenting er importert.",
        "nn": "{file} er tom, så ho er ikkje ei PKCS#12-fil (.p12/.pfx). Ingenting er importert.",
        "en": "{file} is empty, so it is not a PKCS#12 file (.p12/.pfx). Nothing was imported.",
    },
    "unreadable": {
        "nb": "Kan ikke lese {file}: {detail}.",
        "nn": "Kan ikkje lese {file}: {detail}.",
        "en": "Cannot read {file}: {detail}.",
    },
    "p12_no_key": {
        "nb": "{file} inneholder ikke en privat nøkkel. Ingenting er importert. Eksporter "
        "sertifikatet sammen med den private nøkkelen.",
        "nn": "{file} inneheld ikkje ein privat nøkkel. Ingenting er importert. Eksporter "
        "sertifikatet saman med den private nøkkelen.",
        "en": "{file} holds no private key. Nothing was imported. Export the certificate "
        "together with its private key.",
    },
    "p12_no_cert": {
        "nb": "{file} inneholder ikke sertifikatet til den private nøkkelen. Ingenting er "
        "importert. Eksporter sertifikatet sammen med den private nøkkelen.",
        "nn": "{file} inneheld ikkje sertifikatet til den private nøkkelen. Ingenting er "
        "importert. Eksporter sertifikatet saman med den private nøkkelen.",
        "en": "{file} does not hold the certificate of its private key. Nothing was "
        "imported. Export the certificate together with its private key.",
    },
    "mismatch": {
        "nb": "Nøkkelen og sertifikatet i {file} hører ikke sammen. Ingenting er importert.",
        "nn": "Nøkkelen og sertifikatet i {file} høyrer ikkje saman. Ingenting er importert.",
        "en": "The key and the certificate in {file} do not belong together. Nothing was imported.",
    },
    "ssb_cert": {
        "nb": "{file} kan ikke brukes som SSBs krypteringssertifikat: {detail}.",
        "nn": "{file} kan ikkje brukast som krypteringssertifikatet til SSB: {detail}.",
        "en": "{file} cannot be used as SSB's encryption certificate: {detail}.",
    },
}

MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class _Meta:
    fingerprint: str
    protection: Protection
    origin: Literal["self-signed", "imported"]
    created: str


class KeyStore:
    """The signing key in one directory. Every method that needs a passphrase gets it
    from the credential store or, failing that, through `ask`."""

    def __init__(
        self,
        directory: Path,
        secrets: SecretStore,
        ask: AskUser,
        clock: Clock = utc_now,
    ) -> None:
        self.directory = Path(directory)
        self.secrets = secrets
        self.ask = ask
        self.clock = clock

    # -- reading --

    def has_key(self) -> bool:
        return (self.directory / META_FILE).is_file()

    def show(self) -> CertificateInfo | None:
        """The stored certificate, without unlocking the key."""
        if not self.has_key():
            return None
        meta = self._meta()
        return CertificateInfo.of(self._certificate(), meta.protection)

    def signer(self) -> Signer:
        """Unlock the key. Raises KeyStoreError, PassphraseError or CertificateProblem."""
        if not self.has_key():
            raise KeyStoreError(_TEXT["no_key"], directory=str(self.directory))
        meta = self._meta()
        certificate = self._certificate()
        data = self._read(KEY_FILE)
        name = self._secret_name(meta.fingerprint)
        stored = self._stored_passphrase(name)
        loaded = None
        if stored is not None:
            loaded = _try_load(data, stored)
            if loaded is None:
                self.ask.notice(_TEXT["stored_wrong"])
        if loaded is None:
            typed = self.ask.passphrase(
                PassphraseRequest(
                    "unlock",
                    {
                        k: v.format(subject=certificate_name(certificate))
                        for k, v in _TEXT["ask_unlock"].items()
                    },
                    name_text(certificate.subject),
                )
            )
            if typed is None:
                raise PassphraseError(_TEXT["cancelled"])
            loaded = _try_load(data, typed)
            if loaded is None:
                raise PassphraseError(_TEXT["wrong_unlock"])
            self._remember(name, typed, quiet=True)
        key, cert, chain = loaded
        if cert is None or fingerprint(cert) != meta.fingerprint or key is None:
            raise KeyStoreError(_TEXT["damaged"], directory=str(self.directory), detail=KEY_FILE)
        signer = Signer(cert, _signing_key(key, cert), tuple(chain))
        signer.check(self.clock())
        return signer

    # -- writing --

    def create_self_signed(
        self, orgnr: str, name: str, *, replace: bool = False
    ) -> CertificateInfo:
        orgnr = orgnr.strip()
        name = " ".join(name.split())
        if not is_valid_orgnr(orgnr):
            raise UserError(_TEXT["bad_orgnr"], orgnr=orgnr)
        if not 1 <= len(name) <= 64:
            raise UserError(_TEXT["bad_name"])
        self._refuse_overwrite(replace)
        certificate, key = make_self_signed(orgnr, name, self.clock())
        protection, passphrase = self._new_protection(fingerprint(certificate), None)
        self._store(certificate, key, (), protection, passphrase, "self-signed")
        return CertificateInfo.of(certificate, protection)

    def import_pkcs12(self, path: Path, *, replace: bool = False) -> CertificateInfo:
        path = Path(path)
        shown = path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise Pkcs12Error(_TEXT["unreadable"], file=str(path), detail=exc.strerror) from None
        _check_pfx_structure(data, shown)
        self._refuse_overwrite(replace)
        typed = self.ask.passphrase(
            PassphraseRequest(
                "import",
                {k: v.format(file=shown) for k, v in _TEXT["ask_import"].items()},
                shown,
            )
        )
        if typed is None:
            raise PassphraseError(_TEXT["cancelled"])
        loaded = _try_load(data, typed)
        if loaded is None:
            raise PassphraseError(_TEXT["wrong_import"], file=shown)
        key, certificate, chain = loaded
        if key is None or certificate is None:
            raise Pkcs12Error(_TEXT["p12_no_key" if key is None else "p12_no_cert"], file=shown)
        signing_key = _signing_key(key, certificate)
        if _public_der(signing_key) != _public_der_of_cert(certificate):
            raise Pkcs12Error(_TEXT["mismatch"], file=shown)
        check_signing_certificate(certificate, self.clock())
        if certificate_orgnr(certificate) is None:
            raise certificate_problem("orgnr", certificate)
        # Keep the file's passphrase (the user knows it) unless it had none.
        protection, passphrase = self._new_protection(fingerprint(certificate), typed or None)
        self._store(certificate, signing_key, tuple(chain), protection, passphrase, "imported")
        return CertificateInfo.of(certificate, protection)

    # -- SSB's encryption certificate --

    def ssb_certificate(self) -> x509.Certificate | None:
        path = self.directory / SSB_CERT_FILE
        if not path.is_file():
            return None
        return load_encryption_certificate(path, self.clock())

    def set_ssb_certificate(self, path: Path) -> CertificateInfo:
        certificate = load_encryption_certificate(Path(path), self.clock())
        self._ensure_directory()
        atomic_write_bytes(
            self.directory / SSB_CERT_FILE, certificate.public_bytes(serialization.Encoding.PEM)
        )
        return CertificateInfo.of(certificate)

    # -- internals --

    def _refuse_overwrite(self, replace: bool) -> None:
        if self.has_key() and not replace:
            info = self.show()
            raise KeyStoreError(_TEXT["exists"], subject=info.subject if info else "?")

    def _new_protection(self, fp: str, known: str | None) -> tuple[Protection, str]:
        """Store a passphrase for a new key: the known one or a random one in the credential
        store; without a store, the known one or one the user chooses."""
        name = self._secret_name(fp)
        passphrase = known or pysecrets.token_urlsafe(32)
        if self._remember(name, passphrase, quiet=False):
            return "keyring", passphrase
        if known:
            return "passphrase", known
        typed = self.ask.passphrase(PassphraseRequest("new", _TEXT["ask_new"]))
        if typed is None:
            raise PassphraseError(_TEXT["cancelled"])
        if len(typed) < MIN_PASSPHRASE:
            raise PassphraseError(_TEXT["too_short"])
        return "passphrase", typed

    def _store(
        self,
        certificate: x509.Certificate,
        key: SigningKey,
        chain: Sequence[x509.Certificate],
        protection: Protection,
        passphrase: str,
        origin: Literal["self-signed", "imported"],
    ) -> None:
        previous = self._meta() if self.has_key() else None
        encryption = (
            serialization.PrivateFormat.PKCS12.encryption_builder()
            .kdf_rounds(KDF_ROUNDS)
            .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
            .hmac_hash(hashes.SHA256())
            .build(passphrase.encode())
        )
        blob = pkcs12.serialize_key_and_certificates(
            certificate_name(certificate).encode(),
            key,
            certificate,
            list(chain) or None,
            encryption,
        )
        meta = {
            "fingerprint": fingerprint(certificate),
            "protection": protection,
            "origin": origin,
            "created": self.clock().isoformat(timespec="seconds"),
        }
        self._ensure_directory()
        try:
            # The metadata goes last: until it is written, the old key (if any) stays in use.
            atomic_write_bytes(self.directory / KEY_FILE, blob)
            atomic_write_bytes(
                self.directory / CERT_FILE, certificate.public_bytes(serialization.Encoding.PEM)
            )
            atomic_write_bytes(
                self.directory / META_FILE, (json.dumps(meta, indent=1) + "\n").encode()
            )
        except UserError:
            if protection == "keyring":
                self.secrets.delete(self._secret_name(fingerprint(certificate)))
            raise
        if previous is not None and previous.fingerprint != meta["fingerprint"]:
            self.secrets.delete(self._secret_name(previous.fingerprint))

    def _ensure_directory(self) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise KeyStoreError(
                _TEXT["unreadable"], file=str(self.directory), detail=exc.strerror or str(exc)
            ) from None

    def _stored_passphrase(self, name: str) -> str | None:
        try:
            return self.secrets.get(name)
        except SecretStoreUnavailable as exc:
            self.ask.notice(_keyring_text(str(exc)))
            return None

    def _remember(self, name: str, passphrase: str, *, quiet: bool) -> bool:
        """Put the passphrase in the credential store; False (and say so) when it cannot."""
        if not self.secrets.available:
            if not quiet:
                self.ask.notice(_keyring_text(_backend_name(self.secrets)))
            return False
        try:
            self.secrets.set(name, passphrase)
        except SecretStoreUnavailable as exc:
            if not quiet:
                self.ask.notice(_keyring_text(str(exc)))
            return False
        return True

    @staticmethod
    def _secret_name(fp: str) -> str:
        return f"signing-key:{fp}"

    def _read(self, name: str) -> bytes:
        try:
            return (self.directory / name).read_bytes()
        except OSError as exc:
            raise KeyStoreError(
                _TEXT["damaged"], directory=str(self.directory), detail=f"{name}: {exc.strerror}"
            ) from None

    def _meta(self) -> _Meta:
        try:
            raw = json.loads(self._read(META_FILE))
            meta = _Meta(raw["fingerprint"], raw["protection"], raw["origin"], raw["created"])
        except (ValueError, KeyError, TypeError):
            raise KeyStoreError(
                _TEXT["damaged"], directory=str(self.directory), detail=META_FILE
            ) from None
        if meta.protection not in ("keyring", "passphrase"):
            raise KeyStoreError(_TEXT["damaged"], directory=str(self.directory), detail=META_FILE)
        return meta

    def _certificate(self) -> x509.Certificate:
        try:
            return x509.load_pem_x509_certificate(self._read(CERT_FILE))
        except ValueError:
            raise KeyStoreError(
                _TEXT["damaged"], directory=str(self.directory), detail=CERT_FILE
            ) from None


def _keyring_text(backend: str) -> Text:
    return {k: v.format(backend=backend) for k, v in _TEXT["keyring_unavailable"].items()}


def _backend_name(secrets: SecretStore) -> str:
    return str(getattr(secrets, "backend_name", type(secrets).__name__))


def _try_load(
    data: bytes, passphrase: str
) -> tuple[object, x509.Certificate | None, list[x509.Certificate]] | None:
    """The PKCS#12 contents, or None when the passphrase does not open it."""
    candidates = [passphrase.encode()] if passphrase else [None, b""]
    for candidate in candidates:
        try:
            key, cert, chain = pkcs12.load_key_and_certificates(data, candidate)
        except (ValueError, TypeError):
            continue
        return key, cert, list(chain)
    return None


def _check_pfx_structure(data: bytes, shown: str) -> None:
    """Tell a damaged or wrong file from a wrong passphrase before asking for one."""
    from asn1crypto import pkcs12 as apkcs12

    try:
        pfx = apkcs12.Pfx.load(data, strict=True)
        if pfx["version"].native not in ("v3", 3):
            raise ValueError("version")
        content_type = pfx["auth_safe"]["content_type"].native
        if content_type not in ("data", "signed_data"):
            raise ValueError(content_type)
        pfx["auth_safe"]["content"].native  # noqa: B018 - parse the bags now
    except Exception as exc:
        raise Pkcs12Error(_TEXT["not_p12" if data else "empty_p12"], file=shown) from exc


def _signing_key(key: object, certificate: x509.Certificate) -> SigningKey:
    if isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        return key
    raise certificate_problem("key_type", certificate)


def _public_der(key: SigningKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _public_der_of_cert(certificate: x509.Certificate) -> bytes:
    return certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def load_encryption_certificate(path: Path, now: dt.datetime) -> x509.Certificate:
    """SSB's encryption certificate (PEM or DER): an RSA key, valid now, allowed to
    encipher keys."""
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(_TEXT["ssb_cert"], file=shown, detail=exc.strerror or str(exc)) from None
    try:
        certificate = (
            x509.load_pem_x509_certificate(data)
            if b"-----BEGIN" in data
            else x509.load_der_x509_certificate(data)
        )
    except ValueError:
        raise UserError(_TEXT["ssb_cert"], file=shown, detail="ikke et X.509-sertifikat") from None
    if not isinstance(certificate.public_key(), rsa.RSAPublicKey):
        raise UserError(_TEXT["ssb_cert"], file=shown, detail="nøkkelen er ikke RSA")
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        raise UserError(
            _TEXT["ssb_cert"],
            file=shown,
            detail=f"gyldig {_date(certificate.not_valid_before_utc)}–"
            f"{_date(certificate.not_valid_after_utc)}",
        )
    usage = key_usage_names(certificate)
    if usage is not None and "key_encipherment" not in usage:
        raise UserError(_TEXT["ssb_cert"], file=shown, detail="ikke for kryptering")
    return certificate


def digest_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
