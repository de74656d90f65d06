"""Checking a submission container the way SSB would on receipt: structure, every digest,
the signature, and whether the certificate could sign when it did.

Trust in the certificate's issuer (Buypass, Commfides) is not decided here: the
result names the signer and the certificate's fingerprint for a person to judge.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509

from client.core.errors import UserError
from client.core.i18n import DEFAULT_LANGUAGE, Text, tr
from client.core.submission.cms import SignatureInvalid, envelope_algorithm, verify_detached
from client.core.submission.container import (
    MANIFEST,
    MIMETYPE,
    SIGNATURE,
    ContainerDamaged,
    Encryption,
    Manifest,
    read_zip,
)
from client.core.submission.errors import CertificateProblem
from client.core.submission.keys import (
    certificate_name,
    check_signing_certificate,
    fingerprint,
    is_self_signed,
    name_text,
    utc_now,
)

REASONS: dict[str, Text] = {
    "not_zip": {
        "nb": "Filen er ikke en ASiC-E-container (ikke en zip-fil), eller slutten av den mangler.",
        "nn": "Fila er ikkje ein ASiC-E-container (ikkje ei zip-fil), eller slutten av ho manglar.",
        "en": "The file is not an ASiC-E container (not a zip file), or its end is missing.",
    },
    "zip_structure": {
        "nb": "Zip-strukturen er endret eller skadet ({where}).",
        "nn": "Zip-strukturen er endra eller skadd ({where}).",
        "en": "The zip structure has been changed or damaged ({where}).",
    },
    "mimetype": {
        "nb": "Første fil må være «mimetype» med innholdet «{mimetype}», lagret ukomprimert.",
        "nn": "Første fil må vere «mimetype» med innhaldet «{mimetype}», lagra ukomprimert.",
        "en": "The first entry must be «mimetype» holding «{mimetype}», stored uncompressed.",
    },
    "changed": {
        "nb": "Filen «{name}» er endret etter at containeren ble signert.",
        "nn": "Fila «{name}» er endra etter at containeren vart signert.",
        "en": "The file «{name}» has been changed after the container was signed.",
    },
    "missing_file": {
        "nb": "Filen «{name}» står i manifestet, men mangler i containeren.",
        "nn": "Fila «{name}» står i manifestet, men manglar i containeren.",
        "en": "The file «{name}» is listed in the manifest but missing from the container.",
    },
    "unsigned_file": {
        "nb": "Filen «{name}» er ikke dekket av signaturen (står ikke i manifestet).",
        "nn": "Fila «{name}» er ikkje dekt av signaturen (står ikkje i manifestet).",
        "en": "The file «{name}» is not covered by the signature (not in the manifest).",
    },
    "missing_manifest": {
        "nb": "Containeren mangler {name}.",
        "nn": "Containeren manglar {name}.",
        "en": "The container lacks {name}.",
    },
    "manifest": {
        "nb": "Manifestet {name} er skadet ({detail}).",
        "nn": "Manifestet {name} er skadd ({detail}).",
        "en": "The manifest {name} is damaged ({detail}).",
    },
    "manifest_changed": {
        "nb": "Manifestet er endret etter signering: signaturen gjelder ikke dette innholdet.",
        "nn": "Manifestet er endra etter signering: signaturen gjeld ikkje dette innhaldet.",
        "en": "The manifest was changed after signing: "
        "the signature does not cover these contents.",
    },
    "bad_signature": {
        "nb": "Signaturen er ugyldig: den stemmer ikke med sertifikatets nøkkel.",
        "nn": "Signaturen er ugyldig: han stemmer ikkje med nøkkelen i sertifikatet.",
        "en": "The signature is invalid: it does not match the certificate's key.",
    },
    "damaged": {
        "nb": "Signaturfilen er skadet eller ikke en CAdES-signatur ({detail}).",
        "nn": "Signaturfila er skadd eller ikkje ein CAdES-signatur ({detail}).",
        "en": "The signature file is damaged or not a CAdES signature ({detail}).",
    },
    "no_certificate": {
        "nb": "Signaturen inneholder ikke signeringssertifikatet.",
        "nn": "Signaturen inneheld ikkje signeringssertifikatet.",
        "en": "The signature does not include the signing certificate.",
    },
    "certificate_swapped": {
        "nb": "Sertifikatet i signaturen er ikke det som ble signert med "
        "(signing-certificate-v2 stemmer ikke).",
        "nn": "Sertifikatet i signaturen er ikkje det som vart signert med "
        "(signing-certificate-v2 stemmer ikkje).",
        "en": "The certificate in the signature is not the one that signed "
        "(signing-certificate-v2 does not match).",
    },
    "expired": {
        "nb": "Sertifikatet var utløpt ({date}) da containeren ble signert.",
        "nn": "Sertifikatet var gått ut ({date}) då containeren vart signert.",
        "en": "The certificate had expired ({date}) when the container was signed.",
    },
    "not_yet_valid": {
        "nb": "Sertifikatet var ikke gyldig ennå ({date}) da containeren ble signert.",
        "nn": "Sertifikatet var ikkje gyldig enno ({date}) då containeren vart signert.",
        "en": "The certificate was not yet valid ({date}) when the container was signed.",
    },
    "expired_now": {
        "nb": "Sertifikatet gikk ut {date}; signaturen kan ikke lenger kontrolleres som gyldig.",
        "nn": "Sertifikatet gjekk ut {date}; signaturen kan ikkje lenger kontrollerast som gyldig.",
        "en": "The certificate expired on {date}; the signature can no longer be checked as valid.",
    },
    "usage": {
        "nb": "Sertifikatet er ikke laget for signering (nøkkelbruk: {usage}).",
        "nn": "Sertifikatet er ikkje laga for signering (nøkkelbruk: {usage}).",
        "en": "The certificate is not meant for signing (key usage: {usage}).",
    },
    "orgnr": {
        "nb": "Sertifikatet inneholder ikke et gyldig organisasjonsnummer.",
        "nn": "Sertifikatet inneheld ikkje eit gyldig organisasjonsnummer.",
        "en": "The certificate holds no valid organisation number.",
    },
    "key_type": {
        "nb": "Sertifikatets nøkkeltype kan ikke brukes til signering her.",
        "nn": "Nøkkeltypen til sertifikatet kan ikkje brukast til signering her.",
        "en": "The certificate's key type cannot be used for signing here.",
    },
    "encryption": {
        "nb": "Filen «{name}» skal være kryptert til SSB med AES-256, men er det ikke.",
        "nn": "Fila «{name}» skal vere kryptert til SSB med AES-256, men er det ikkje.",
        "en": "The file «{name}» should be encrypted to SSB with AES-256, but is not.",
    },
}

_UNREADABLE: Text = {
    "nb": "Kan ikke lese {path}: {reason}.",
    "nn": "Kan ikkje lese {path}: {reason}.",
    "en": "Cannot read {path}: {reason}.",
}


@dataclass(frozen=True)
class Problem:
    reason: str
    name: str | None = None
    params: dict[str, str] = field(default_factory=dict)

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        where = self.name or self.params.get("detail") or "zip"
        if self.name and self.params.get("detail"):
            where = f"{self.name}: {self.params['detail']}"
        values = {"name": self.name or "", "where": where, "mimetype": MIMETYPE, "detail": ""}
        values.update(self.params)
        return tr(REASONS[self.reason], lang).format(**values)


@dataclass(frozen=True)
class FileEntry:
    name: str
    size: int
    mime_type: str
    encrypted: bool


@dataclass(frozen=True)
class VerificationResult:
    name: str
    sha256: str
    problems: tuple[Problem, ...]
    certificate: x509.Certificate | None = None
    signing_time: dt.datetime | None = None
    files: tuple[FileEntry, ...] = ()
    facts: dict[str, str] = field(default_factory=dict)
    encryption: Encryption | None = None
    form_data: dict[str, Any] | None = None  # skjema.json when not encrypted

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def signer(self) -> str | None:
        return name_text(self.certificate.subject) if self.certificate else None

    @property
    def fingerprint(self) -> str | None:
        return fingerprint(self.certificate) if self.certificate else None

    @property
    def self_signed(self) -> bool | None:
        return is_self_signed(self.certificate) if self.certificate else None

    def to_json(self, lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
        cert = self.certificate
        return {
            "file": self.name,
            "sha256": self.sha256,
            "valid": self.valid,
            "problems": [
                {"reason": p.reason, "file": p.name, "message": p.message(lang)}
                for p in self.problems
            ],
            "signer": None
            if cert is None
            else {
                "subject": self.signer,
                "name": certificate_name(cert),
                "issuer": name_text(cert.issuer),
                "fingerprint": self.fingerprint,
                "selfSigned": self.self_signed,
                "notBefore": cert.not_valid_before_utc.isoformat(),
                "notAfter": cert.not_valid_after_utc.isoformat(),
            },
            "signingTime": self.signing_time.isoformat() if self.signing_time else None,
            "submission": self.facts,
            "encryption": None
            if self.encryption is None
            else {
                "recipient": self.encryption.recipient,
                "certificateSha256": self.encryption.certificate_sha256,
                "algorithm": self.encryption.algorithm,
            },
            "files": [
                {"name": f.name, "size": f.size, "mimeType": f.mime_type, "encrypted": f.encrypted}
                for f in self.files
            ],
        }


def verify_file(path: Path, *, now: dt.datetime | None = None) -> VerificationResult:
    """Verify a container on disk. Raises UserError only when the file cannot be read."""
    path = Path(path)
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise UserError(_UNREADABLE, path=str(path), reason=exc.strerror or str(exc)) from None
    return verify_bytes(blob, path.name, now=now)


def verify_bytes(
    blob: bytes, name: str = "", *, now: dt.datetime | None = None
) -> VerificationResult:
    now = now or utc_now()
    digest = hashlib.sha256(blob).hexdigest()
    try:
        entries = read_zip(blob)
    except ContainerDamaged as exc:
        return VerificationResult(name, digest, (_problem(exc),))
    problems: list[Problem] = []
    if not entries or (entries[0].name, entries[0].data) != ("mimetype", MIMETYPE.encode("ascii")):
        problems.append(Problem("mimetype"))
    contents = {e.name: e.data for e in entries}
    for required in (MANIFEST, SIGNATURE):
        if required not in contents:
            problems.append(Problem("missing_manifest", required))
    if problems:
        return VerificationResult(name, digest, tuple(problems))

    manifest_bytes = contents[MANIFEST]
    certificate = signing_time = None
    try:
        info = verify_detached(contents[SIGNATURE], manifest_bytes)
        certificate, signing_time = info.certificate, info.signing_time
    except SignatureInvalid as exc:
        problems.append(Problem(exc.reason, SIGNATURE, {"detail": exc.detail}))
    if certificate is not None and signing_time is not None:
        problems += _certificate_problems(certificate, signing_time, now)

    try:
        manifest = Manifest.from_xml(manifest_bytes)
    except ContainerDamaged as exc:
        problems.append(_problem(exc))
        return VerificationResult(name, digest, tuple(problems), certificate, signing_time)

    files = []
    referenced = {obj.name: obj for obj in manifest.objects}
    for entry in entries:
        entry_name, data = entry.name, entry.data
        if entry_name in ("mimetype", MANIFEST, SIGNATURE):
            if not entry.crc_ok and entry_name == SIGNATURE:
                problems.append(Problem("changed", entry_name))
            continue
        obj = referenced.get(entry_name)
        if obj is None:
            problems.append(Problem("unsigned_file", entry_name))
            continue
        if hashlib.sha256(data).digest() != obj.sha256 or not entry.crc_ok:
            problems.append(Problem("changed", entry_name))
        encrypted = entry_name.endswith(".p7m")
        if manifest.encryption is not None and not _aes256_envelope(data):
            problems.append(Problem("encryption", entry_name))
        files.append(FileEntry(entry_name, len(data), obj.mime_type, encrypted))
    problems += [Problem("missing_file", n) for n in referenced if n not in contents]

    form_data = None
    if "skjema.json" in contents and not problems:
        try:
            form_data = json.loads(contents["skjema.json"])
        except ValueError:
            form_data = None
    return VerificationResult(
        name,
        digest,
        tuple(problems),
        certificate,
        signing_time,
        tuple(files),
        manifest.facts,
        manifest.encryption,
        form_data,
    )


def _problem(exc: ContainerDamaged) -> Problem:
    return Problem(exc.reason, exc.name, {"detail": exc.detail} if exc.detail else {})


def _certificate_problems(
    certificate: x509.Certificate, signing_time: dt.datetime, now: dt.datetime
) -> list[Problem]:
    problems = []
    try:
        check_signing_certificate(certificate, signing_time)
    except CertificateProblem as exc:
        problems.append(Problem(exc.reason, None, {k: str(v) for k, v in exc.params.items()}))
    if now > certificate.not_valid_after_utc and not problems:
        problems.append(
            Problem(
                "expired_now", None, {"date": certificate.not_valid_after_utc.strftime("%d.%m.%Y")}
            )
        )
    return problems


def _aes256_envelope(data: bytes) -> bool:
    try:
        return envelope_algorithm(data) == "aes256_cbc"
    except (ValueError, TypeError, KeyError):
        return False
