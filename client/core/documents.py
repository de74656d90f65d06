"""A form's data as the user works on it: records or answers, plus the written
explanations of warnings, loaded from whichever file the user has."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from client.core.errors import InputFileError
from client.core.forms.model import FormDefinition
from client.core.inputs import JsonTooComplex, loads_json
from client.core.records.fixedwidth import read_input, read_record_file
from client.core.records.recordset import RecordSet

if TYPE_CHECKING:
    from client.core.atrest import DraftKeys


@dataclass
class FormDocument:
    """One form's data. Exactly one of `records` (record forms) and `answers`
    (questionnaires) is set."""

    form: FormDefinition
    records: RecordSet | None = None
    answers: dict[str, Any] | None = None
    explanations: dict[str, str] = field(default_factory=dict)  # Finding.ref -> text
    # Explanations whose control's input changed since: kept as text, to be confirmed
    # again before they count (client.core.explanations).
    unconfirmed: dict[str, str] = field(default_factory=dict)
    region: str | None = None

    @classmethod
    def empty(cls, form: FormDefinition, region: str | None = None) -> FormDocument:
        if form.is_record_form:
            return cls(form, records=RecordSet(form), region=region)
        return cls(form, answers={}, region=region)

    @property
    def data(self) -> RecordSet | dict[str, Any]:
        if self.records is not None:
            return self.records
        assert self.answers is not None
        return self.answers


_NOT_ANSWERS = {
    "nb": "{path} er ikke en svarfil for skjema {form}: {reason}. En svarfil er et JSON-objekt "
    "med feltnavn og svar, for eksempel {example}.",
    "nn": "{path} er ikkje ei svarfil for skjema {form}: {reason}. Ei svarfil er eit JSON-objekt "
    "med feltnamn og svar, til dømes {example}.",
    "en": "{path} is not an answers file for form {form}: {reason}. An answers file is a JSON "
    "object of field names and answers, for example {example}.",
}
_JSON_FOR_RECORDS = {
    "nb": "{path} er en JSON-fil, men skjema {form} leses fra SSBs filformat (fast bredde) "
    "eller fra et utkast lagret av KOSTRA-klienten.",
    "nn": "{path} er ei JSON-fil, men skjema {form} blir lese frå SSB sitt filformat (fast breidd) "
    "eller frå eit utkast lagra av KOSTRA-klienten.",
    "en": "{path} is a JSON file, but form {form} is read from SSB's fixed-width format or from "
    "a draft saved by KOSTRA-klienten.",
}


def load_document(
    path: Path,
    form: FormDefinition,
    known_lengths: dict[int, str] | None = None,
    draft_keys: DraftKeys | None = None,
) -> FormDocument:
    """Read a fixed-width record file, a draft (decrypted with `draft_keys` when it is
    encrypted), or a questionnaire's answers (JSON)."""
    from client.core import drafts  # drafts builds on this module
    from client.core.atrest import MAGIC

    path = Path(path)
    head = _head(path)
    if head.startswith(MAGIC):
        return drafts.load_draft(path, form, draft_keys)
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    # A questionnaire's answers are JSON whatever they start with ([1,2,3] is JSON, just
    # not an object); a record file is JSON only when it looks like it.
    if head.startswith(b"{") or (
        not form.is_record_form and head[:1] and head[:1] in b'["0123456789-tfn'
    ):
        is_draft = drafts.DRAFT_FORMAT.encode() in head
        data = _read_json(path, form, is_draft)
        if isinstance(data, dict) and data.get("format") == drafts.DRAFT_FORMAT:
            return drafts.document_from_json(data, form, str(path))
        if form.is_record_form:
            raise InputFileError(_JSON_FOR_RECORDS, path=str(path), form=form.form_id)
        return FormDocument(form, answers=_answers(data, form, str(path)))
    if not form.is_record_form:
        # A folder, a missing file or one past the size cap is named as such, not as "not JSON".
        read_input(path, form.form_id)
        raise InputFileError(
            _NOT_ANSWERS,
            path=str(path),
            form=form.form_id,
            reason=_NOT_JSON,
            example=_example(form),
        )
    return FormDocument(form, records=read_record_file(path, form, known_lengths))


def _head(path: Path) -> bytes:
    # read_record_file gives the friendly messages for missing or unreadable files.
    try:
        with path.open("rb") as handle:
            return handle.read(256)
    except OSError:
        return b""


def _read_json(path: Path, form: FormDefinition, is_draft: bool = False) -> Any:
    from client.core import drafts

    data = read_input(path, form.form_id)
    try:
        return loads_json(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, JsonTooComplex) as exc:
        if isinstance(exc, JsonTooComplex):
            reason: Any = _TOO_COMPLEX[exc.reason]
        elif isinstance(exc, UnicodeDecodeError):
            reason = _NOT_UTF8
        else:
            reason = {lang: text.format(line=exc.lineno, column=exc.colno)
                      for lang, text in _BAD_JSON.items()}
        if is_draft:
            # A draft cut short (a full disk, a copy stopped half-way) is still a draft.
            raise drafts.DraftError("corrupt", path=str(path), detail=reason) from None
        raise InputFileError(
            _NOT_ANSWERS, path=str(path), form=form.form_id, reason=reason,
            example=_example(form),
        ) from None


_TOO_COMPLEX = {
    "constant": {
        "nb": "NaN og Infinity er ikke tall i JSON",
        "nn": "NaN og Infinity er ikkje tal i JSON",
        "en": "NaN and Infinity are not numbers in JSON",
    },
    "nesting": {
        "nb": "JSON-en er nestet for dypt",
        "nn": "JSON-en er nesta for djupt",
        "en": "the JSON is nested too deep",
    },
    "digits": {
        "nb": "den har et tall med for mange sifre",
        "nn": "han har eit tal med for mange siffer",
        "en": "it holds a number with too many digits",
    },
}
_NOT_UTF8 = {"nb": "filen er ikke UTF-8", "nn": "fila er ikkje UTF-8", "en": "it is not UTF-8"}
# Where the text breaks, not Python's English wording of what broke.
_BAD_JSON = {
    "nb": "ugyldig JSON (linje {line}, tegn {column})",
    "nn": "ugyldig JSON (linje {line}, teikn {column})",
    "en": "invalid JSON (line {line}, character {column})",
}
_NOT_OBJECT = {
    "nb": "det er gyldig JSON, men ikke et JSON-objekt",
    "nn": "det er gyldig JSON, men ikkje eit JSON-objekt",
    "en": "it is valid JSON, but not a JSON object",
}
_UNKNOWN_FIELDS = {"nb": "ukjente felt", "nn": "ukjende felt", "en": "unknown fields"}
_NOT_JSON = {"nb": "filen er ikke JSON", "nn": "fila er ikkje JSON", "en": "the file is not JSON"}


def _answers(data: Any, form: FormDefinition, shown: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InputFileError(
            _NOT_ANSWERS, path=shown, form=form.form_id, reason=_NOT_OBJECT,
            example=_example(form),
        )
    unknown = sorted(k for k in data if not form.has_field(k))
    if unknown:
        raise InputFileError(
            _NOT_ANSWERS,
            path=shown,
            form=form.form_id,
            reason={
                lang: text + " " + ", ".join(unknown[:5])
                for lang, text in _UNKNOWN_FIELDS.items()
            },
            example=_example(form),
        )
    return dict(data)


def _example(form: FormDefinition) -> str:
    return "{" + ", ".join(f'"{f.name}": …' for f in form.fields[:2]) + "}"


def parse_json(raw: bytes) -> Any:
    """JSON bytes as the core reads a user's file (UTF-8, BOM allowed): nesting too deep, a
    number too long, NaN or Infinity raise a ValueError whose text says so in bokmål
    (json.JSONDecodeError and UnicodeDecodeError pass through, both ValueErrors)."""
    try:
        return loads_json(raw.decode("utf-8-sig"))
    except JsonTooComplex as exc:
        raise ValueError(_TOO_COMPLEX[exc.reason]["nb"]) from None
