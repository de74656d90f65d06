"""`kostra verify`: check a submission container as SSB would on receipt."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from client.core.i18n import Text, format_int, tr
from client.core.validation.findings import severity_label

_TEXT: dict[str, Text] = {
    "valid": {
        "nb": "GYLDIG: {name} er urørt siden signering.",
        "nn": "GYLDIG: {name} er urørt sidan signering.",
        "en": "VALID: {name} is untouched since it was signed.",
    },
    "invalid": {
        "nb": "UGYLDIG: {name} kan ikke godtas:",
        "nn": "UGYLDIG: {name} kan ikkje godtakast:",
        "en": "INVALID: {name} cannot be accepted:",
    },
    "signer": {"nb": "Signert av", "nn": "Signert av", "en": "Signed by"},
    "self_signed": {
        "nb": " (selvsignert testsertifikat)",
        "nn": " (sjølvsignert testsertifikat)",
        "en": " (self-signed test certificate)",
    },
    "fingerprint": {
        "nb": "Sertifikat (SHA-256)",
        "nn": "Sertifikat (SHA-256)",
        "en": "Certificate (SHA-256)",
    },
    "valid_period": {
        "nb": "Sertifikatet gjelder",
        "nn": "Sertifikatet gjeld",
        "en": "Certificate valid",
    },
    "signed_at": {"nb": "Signert", "nn": "Signert", "en": "Signed at"},
    "contents": {"nb": "Innhold", "nn": "Innhald", "en": "Contents"},
    "summary": {
        "nb": "skjema {form} {year}, region {region}, orgnr {orgnr}",
        "nn": "skjema {form} {year}, region {region}, orgnr {orgnr}",
        "en": "form {form} {year}, region {region}, organisation number {orgnr}",
    },
    "records": {"nb": ", {count} poster", "nn": ", {count} postar", "en": ", {count} records"},
    "findings": {
        # Severities named as in every command: FEIL 0, ADVARSEL 2, ...
        "nb": "; funn: {ERROR} {error}, {WARNING} {warning} (forklart), {INFO} {info}",
        "nn": "; funn: {ERROR} {error}, {WARNING} {warning} (forklarte), {INFO} {info}",
        "en": "; findings: {ERROR} {error}, {WARNING} {warning} (explained), {INFO} {info}",
    },
    "encrypted": {"nb": "Kryptert til", "nn": "Kryptert til", "en": "Encrypted to"},
    "not_encrypted": {"nb": "Ikke kryptert", "nn": "Ikkje kryptert", "en": "Not encrypted"},
    "files": {"nb": "Filer", "nn": "Filer", "en": "Files"},
    "bytes": {"nb": "{size} byte", "nn": "{size} byte", "en": "{size} bytes"},
    "sha256": {"nb": "SHA-256 av filen", "nn": "SHA-256 av fila", "en": "SHA-256 of the file"},
}


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "verify",
        help="kontroller en innsendingsfil (ASiC-E): struktur, sjekksummer og signatur",
        description="Kontrollerer en innsendingsfil slik SSB gjør ved mottak. "
        "Avslutningskode 0: gyldig; 1: ugyldig (med årsak); 2: filen kan ikke leses.",
    )
    parser.add_argument("file", metavar="FIL.asice", type=Path)
    parser.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from client.core.submission.keys import format_fingerprint
    from client.core.submission.receipt import oslo_time
    from client.core.submission.verify import verify_file

    result = verify_file(args.file)
    lang = args.lang
    if args.json:
        print(json.dumps(result.to_json(lang), ensure_ascii=False, indent=1))
        return 0 if result.valid else 1

    def t(key: str, **params: object) -> str:
        return tr(_TEXT[key], lang).format(**params)

    print(t("valid" if result.valid else "invalid", name=result.name))
    for problem in result.problems:
        print(f"  - {problem.message(lang)}")
    cert = result.certificate
    if cert is not None:
        print(f"{t('signer')}: {result.signer}{t('self_signed') if result.self_signed else ''}")
        print(f"{t('fingerprint')}: {format_fingerprint(result.fingerprint or '')}")
        print(
            f"{t('valid_period')}: {cert.not_valid_before_utc:%d.%m.%Y}–"
            f"{cert.not_valid_after_utc:%d.%m.%Y}"
        )
    if result.signing_time is not None:
        local, _ = oslo_time(result.signing_time)
        print(f"{t('signed_at')}: {local:%d.%m.%Y %H:%M:%S %Z}")
    facts = result.facts
    if facts:
        line = t(
            "summary",
            form=facts.get("form", "?"),
            year=facts.get("year", "?"),
            region=facts.get("region", "?"),
            orgnr=facts.get("orgnr", "?"),
        )
        if "records" in facts:
            line += t("records", count=format_int(int(facts["records"])))
        if "warning" in facts:
            line += t(
                "findings",
                error=facts.get("error", "0"),
                warning=facts["warning"],
                info=facts.get("info", "0"),
                **{s: severity_label(s, lang) for s in ("ERROR", "WARNING", "INFO")},
            )
        print(f"{t('contents')}: {line}")
    if result.encryption is not None:
        print(
            f"{t('encrypted')}: {result.encryption.recipient} "
            f"({format_fingerprint(result.encryption.certificate_sha256)})"
        )
    elif result.files:
        print(t("not_encrypted"))
    if result.files:
        listed = ", ".join(
            f"{f.name} ({t('bytes', size=format_int(f.size))})" for f in result.files
        )
        print(f"{t('files')}: {listed}")
    print(f"{t('sha256')}: {result.sha256}")
    return 0 if result.valid else 1
