"""Errors of signing and submitting, each saying what is wrong and what to do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from client.core.errors import UserError
from client.core.i18n import DEFAULT_LANGUAGE, Text, format_int, tr
from client.core.validation.findings import severity_label

if TYPE_CHECKING:
    from client.core.readiness import Readiness
    from client.core.validation.findings import Finding

MAX_LISTED = 15  # findings named in a "cannot submit" message; the rest are counted


class KeyStoreError(UserError):
    """No signing key, or the stored key cannot be used."""


class PassphraseError(UserError):
    """The passphrase was wrong or not given. Never carries the passphrase itself."""


class CertificateProblem(UserError):
    """The certificate cannot be used to sign: expired, not yet valid, or not for signing."""

    def __init__(self, reason: str, message: dict[str, str], **params: object) -> None:
        self.reason = reason  # "expired", "not_yet_valid", "usage", "orgnr", "key_type"
        super().__init__(message, **params)


class Pkcs12Error(UserError):
    """A PKCS#12 file that cannot be read as one."""


class SubmissionBlocked(UserError):
    """The form may not be submitted yet; `readiness` says exactly why (the desktop
    window shows those findings; the message names up to MAX_LISTED of each kind)."""

    exit_code = 1  # the form's verdict, as `kostra validate` exits 1 on errors

    def __init__(self, readiness: Readiness) -> None:
        self.readiness = readiness
        super().__init__({})

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return _blocked_message(self.readiness, lang)


class OutputError(UserError):
    """The container or receipt could not be written; nothing was left behind."""


_BLOCKED: dict[str, Text] = {
    "head": {
        "nb": "Skjemaet kan ikke sendes inn ennå; ingenting er skrevet.",
        "nn": "Skjemaet kan ikkje sendast inn enno; ingenting er skrive.",
        "en": "The form cannot be submitted yet; nothing was written.",
    },
    "blocking": {
        "nb": "{count} kritiske feil og feil må rettes først:",
        "nn": "{count} kritiske feil og feil må rettast først:",
        "en": "{count} fatal findings and errors must be fixed first:",
    },
    "unexplained": {
        "nb": "{count} advarsler mangler forklaring. Skriv en forklaring til hver i klienten, "
        "eller i en JSON-fil som du gir med --explanations, med referansen som nøkkel, "
        'for eksempel {{"{example}": "Forklaring …"}}:',
        "nn": "{count} åtvaringar manglar forklaring. Skriv ei forklaring til kvar i klienten, "
        "eller i ei JSON-fil som du gir med --explanations, med referansen som nøkkel, "
        'til dømes {{"{example}": "Forklaring …"}}:',
        "en": "{count} warnings have no explanation. Write one for each in the client, or in a "
        "JSON file given with --explanations, keyed by the reference, "
        'for example {{"{example}": "Explanation …"}}:',
    },
    "line": {"nb": "linje {line}", "nn": "line {line}", "en": "line {line}"},
    "control": {"nb": "kontroll {control}", "nn": "kontroll {control}", "en": "control {control}"},
    "more": {
        "nb": "… og {count} til (kjør «kostra validate» for hele listen)",
        "nn": "… og {count} til (køyr «kostra validate» for heile lista)",
        "en": "… and {count} more (run «kostra validate» for the whole list)",
    },
}


def _blocked_message(readiness: Readiness, lang: str) -> str:
    def t(key: str, **params: object) -> str:
        return tr(_BLOCKED[key], lang).format(**params)

    def describe(finding: Finding, key: str) -> str:
        if key == "unexplained":  # the reference is what the user writes the explanation to
            return f"  «{finding.ref}»: {finding.message(lang)}"
        where = [t("line", line=finding.line)] if finding.line is not None else []
        where += [finding.field] if finding.field else []
        where.append(t("control", control=finding.control))
        label = severity_label(finding.severity, lang)
        return f"  {label} {', '.join(where)}: {finding.message(lang)}"

    lines = [t("head")]
    for key, findings in (("blocking", readiness.blocking), ("unexplained", readiness.unexplained)):
        if not findings:
            continue
        lines.append(t(key, count=format_int(len(findings)), example=findings[0].ref))
        lines += [describe(f, key) for f in findings[:MAX_LISTED]]
        if len(findings) > MAX_LISTED:
            lines.append("  " + t("more", count=format_int(len(findings) - MAX_LISTED)))
    return "\n".join(lines)


class WrongUnit(UserError):
    """The data or the certificate belongs to another reporting unit: nothing is signed."""
