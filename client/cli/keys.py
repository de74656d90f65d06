"""`kostra keys`: create a test certificate, import the enterprise certificate, show them.

The key handling (cryptography, keyring) is imported when a command runs, so that
`kostra validate` does not pay for it at start-up.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from client.core.errors import UserError
from client.core.i18n import Text, tr

if TYPE_CHECKING:
    from client.core.submission.ask import PassphraseRequest
    from client.core.submission.keys import CertificateInfo, KeyStore

_TEXT: dict[str, Text] = {
    "repeat": {"nb": "Gjenta passordet", "nn": "Gjenta passordet", "en": "Repeat the passphrase"},
    "differ": {
        "nb": "Passordene er ikke like; ingenting er endret.",
        "nn": "Passorda er ikkje like; ingenting er endra.",
        "en": "The passphrases differ; nothing was changed.",
    },
    "no_env": {
        "nb": "Miljøvariabelen {name} (fra --passphrase-env) er ikke satt.",
        "nn": "Miljøvariabelen {name} (frå --passphrase-env) er ikkje sett.",
        "en": "The environment variable {name} (from --passphrase-env) is not set.",
    },
    "created": {
        "nb": "Laget selvsignert testsertifikat:",
        "nn": "Laga sjølvsignert testsertifikat:",
        "en": "Created a self-signed test certificate:",
    },
    "imported": {
        "nb": "Importerte sertifikatet:",
        "nn": "Importerte sertifikatet:",
        "en": "Imported the certificate:",
    },
    "ssb_set": {
        "nb": "SSBs krypteringssertifikat er satt opp; datafilene krypteres til det "
        "ved innsending:",
        "nn": "Krypteringssertifikatet til SSB er sett opp; datafilene blir krypterte til det "
        "ved innsending:",
        "en": "SSB's encryption certificate is set up; data files are encrypted to it on "
        "submission:",
    },
    "none": {
        "nb": "Ingen signeringsnøkkel i {directory}. Lag en med «kostra keys create» eller "
        "importer en med «kostra keys import».",
        "nn": "Ingen signeringsnøkkel i {directory}. Lag ein med «kostra keys create» eller "
        "importer ein med «kostra keys import».",
        "en": "No signing key in {directory}. Create one with «kostra keys create» or import "
        "one with «kostra keys import».",
    },
    "subject": {"nb": "Emne", "nn": "Emne", "en": "Subject"},
    "organisation": {"nb": "Organisasjon", "nn": "Organisasjon", "en": "Organisation"},
    "issuer": {"nb": "Utsteder", "nn": "Utferdar", "en": "Issuer"},
    "self_signed": {"nb": "selvsignert", "nn": "sjølvsignert", "en": "self-signed"},
    "valid": {"nb": "Gyldig", "nn": "Gyldig", "en": "Valid"},
    "fingerprint": {"nb": "SHA-256", "nn": "SHA-256", "en": "SHA-256"},
    "protection": {"nb": "Passord", "nn": "Passord", "en": "Passphrase"},
    "keyring": {
        "nb": "lagret i operativsystemets nøkkelring",
        "nn": "lagra i nøkkelringen i operativsystemet",
        "en": "kept in the operating system's keyring",
    },
    "passphrase": {
        "nb": "spørres om ved hver signering",
        "nn": "blir spurt om ved kvar signering",
        "en": "asked for at every signing",
    },
    "directory": {"nb": "Mappe", "nn": "Mappe", "en": "Folder"},
    "ssb": {
        "nb": "SSBs krypteringssertifikat",
        "nn": "Krypteringssertifikatet til SSB",
        "en": "SSB's encryption certificate",
    },
    "ssb_none": {
        "nb": "ikke satt opp (datafilene sendes ukryptert; "
        "sett opp med «kostra keys ssb-cert FIL»)",
        "nn": "ikkje sett opp (datafilene blir sende ukrypterte; "
        "set opp med «kostra keys ssb-cert FIL»)",
        "en": "not set up (data files are sent unencrypted; "
        "set up with «kostra keys ssb-cert FILE»)",
    },
}


class TerminalAsker:
    """AskUser for the command line: getpass on the terminal, notices on stderr, or the
    passphrase from an environment variable named with --passphrase-env (for scripts)."""

    def __init__(self, lang: str, passphrase_env: str | None = None) -> None:
        self.lang = lang
        self.passphrase_env = passphrase_env

    def passphrase(self, request: PassphraseRequest) -> str | None:
        if self.passphrase_env:
            value = os.environ.get(self.passphrase_env)
            if value is None:
                raise UserError(_TEXT["no_env"], name=self.passphrase_env)
            return value
        try:
            first = getpass.getpass(tr(request.prompt, self.lang) + ": ")
            if request.purpose == "new":
                second = getpass.getpass(tr(_TEXT["repeat"], self.lang) + ": ")
                if first != second:
                    raise UserError(_TEXT["differ"])
        except (EOFError, KeyboardInterrupt):
            return None
        return first

    def notice(self, message: Text) -> None:
        print(tr(message, self.lang), file=sys.stderr)


def add_key_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--key-dir",
        type=Path,
        help="mappen med signeringsnøkkelen (standard: brukerens datamappe)",
    )
    parser.add_argument(
        "--passphrase-env",
        metavar="NAVN",
        help="les passordet fra miljøvariabelen NAVN i stedet for å spørre (for skript)",
    )


def open_store(args: argparse.Namespace) -> KeyStore:
    from client.core.submission.keys import KeyStore, default_key_directory
    from client.core.submission.secrets import KeyringSecretStore

    directory = args.key_dir or default_key_directory()
    return KeyStore(directory, KeyringSecretStore(), TerminalAsker(args.lang, args.passphrase_env))


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "keys",
        help="signeringsnøkkel: lag, importer, vis",
        description="Kommunens signeringsnøkkel. Den private nøkkelen lagres kryptert i "
        "brukerens datamappe; passordet ligger i operativsystemets nøkkelring.",
    )
    actions = parser.add_subparsers(dest="action", metavar="HANDLING", required=True)

    create = actions.add_parser(
        "create", help="lag et selvsignert testsertifikat med organisasjonsnummeret"
    )
    create.add_argument("--orgnr", required=True, help="organisasjonsnummer (9 sifre)")
    create.add_argument(
        "--name", required=True, help="kommunens navn, for eksempel «Bergen kommune»"
    )
    create.add_argument("--replace", action="store_true", help="erstatt en nøkkel som finnes")
    add_key_arguments(create)
    create.set_defaults(run=run_create)

    imp = actions.add_parser("import", help="importer virksomhetssertifikatet fra en PKCS#12-fil")
    imp.add_argument("file", metavar="FIL.p12", type=Path)
    imp.add_argument("--replace", action="store_true", help="erstatt en nøkkel som finnes")
    add_key_arguments(imp)
    imp.set_defaults(run=run_import)

    show = actions.add_parser("show", help="vis signeringssertifikatet")
    show.add_argument("--json", action="store_true", help="skriv som JSON")
    add_key_arguments(show)
    show.set_defaults(run=run_show)

    ssb = actions.add_parser("ssb-cert", help="sett opp SSBs krypteringssertifikat (PEM eller DER)")
    ssb.add_argument("file", metavar="FIL", type=Path)
    add_key_arguments(ssb)
    ssb.set_defaults(run=run_ssb_cert)


def run_create(args: argparse.Namespace) -> int:
    info = open_store(args).create_self_signed(args.orgnr, args.name, replace=args.replace)
    print(tr(_TEXT["created"], args.lang))
    _print_info(info, args.lang)
    return 0


def run_import(args: argparse.Namespace) -> int:
    info = open_store(args).import_pkcs12(args.file, replace=args.replace)
    print(tr(_TEXT["imported"], args.lang))
    _print_info(info, args.lang)
    return 0


def run_ssb_cert(args: argparse.Namespace) -> int:
    info = open_store(args).set_ssb_certificate(args.file)
    print(tr(_TEXT["ssb_set"], args.lang))
    _print_info(info, args.lang)
    return 0


def run_show(args: argparse.Namespace) -> int:
    from client.core.submission.keys import CertificateInfo, format_fingerprint

    store = open_store(args)
    info = store.show()
    ssb = store.ssb_certificate()
    ssb_info = CertificateInfo.of(ssb) if ssb else None
    if args.json:
        print(
            json.dumps(
                {
                    "directory": str(store.directory),
                    "signing": _info_json(info) if info else None,
                    "ssbEncryption": _info_json(ssb_info) if ssb_info else None,
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    if info is None:
        print(tr(_TEXT["none"], args.lang).format(directory=store.directory))
    else:
        _print_info(info, args.lang)
        print(f"  {tr(_TEXT['directory'], args.lang)}: {store.directory}")
    ssb_text = (
        f"{ssb_info.subject} ({format_fingerprint(ssb_info.fingerprint)})"
        if ssb_info
        else tr(_TEXT["ssb_none"], args.lang)
    )
    print(f"{tr(_TEXT['ssb'], args.lang)}: {ssb_text}")
    return 0


def _print_info(info: CertificateInfo, lang: str) -> None:
    from client.core.submission.keys import format_fingerprint

    def t(key: str) -> str:
        return tr(_TEXT[key], lang)

    issuer = t("self_signed") if info.self_signed else info.issuer
    print(f"  {t('subject')}: {info.subject}")
    orgnr = f" ({info.orgnr})" if info.orgnr else ""
    print(f"  {t('organisation')}: {info.name}{orgnr}")
    print(f"  {t('issuer')}: {issuer}")
    print(f"  {t('valid')}: {info.not_before:%d.%m.%Y}–{info.not_after:%d.%m.%Y}")
    print(f"  {t('fingerprint')}: {format_fingerprint(info.fingerprint)}")
    if info.protection:
        print(f"  {t('protection')}: {t(info.protection)}")


def _info_json(info: CertificateInfo) -> dict[str, Any]:
    return {
        "subject": info.subject,
        "issuer": info.issuer,
        "name": info.name,
        "orgnr": info.orgnr,
        "fingerprint": info.fingerprint,
        "notBefore": info.not_before.isoformat(),
        "notAfter": info.not_after.isoformat(),
        "selfSigned": info.self_signed,
        "protection": info.protection,
        "keyUsage": list(info.key_usage) if info.key_usage is not None else None,
    }
