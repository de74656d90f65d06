"""A form's data as the user works on it: records or answers, plus the written
explanations of warnings, loaded from whichever file the user has."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from client.core.errors import InputFileError
from client.core.forms.model import FormDefinition
from client.core.records.fixedwidth import MAX_FILE_BYTES, read_record_file
from client.core.records.recordset import RecordSet


@dataclass
class FormDocument:
    """One form's data. Exactly one of `records` (record forms) and `answers`
    (questionnaires) is set."""

    form: FormDefinition
    records: RecordSet | None = None
    answers: dict[str, Any] | None = None
    explanations: dict[str, str] = field(default_factory=dict)  # Finding.ref -> text
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
    path: Path, form: FormDefinition, known_lengths: dict[int, str] | None = None
) -> FormDocument:
    """Read a fixed-width record file, a draft, or a questionnaire's answers (JSON)."""
    from client.core import drafts  # drafts builds on this module

    path = Path(path)
    head = _head(path)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        data = _read_json(path, form)
        if isinstance(data, dict) and data.get("format") == drafts.DRAFT_FORMAT:
            return drafts.document_from_json(data, form, str(path))
        if form.is_record_form:
            raise InputFileError(_JSON_FOR_RECORDS, path=str(path), form=form.form_id)
        return FormDocument(form, answers=_answers(data, form, str(path)))
    if not form.is_record_form:
        raise InputFileError(
            _NOT_ANSWERS,
            path=str(path),
            form=form.form_id,
            reason={"nb": "filen er ikke JSON", "nn": "fila er ikkje JSON",
                    "en": "the file is not JSON"},
            example=_example(form),
        )
    return FormDocument(form, records=read_record_file(path, form, known_lengths))


def _head(path: Path) -> bytes:
    # read_record_file gives the friendly messages for missing or unreadable files.
    try:
        with path.open("rb") as handle:
            return handle.read(64)
    except OSError:
        return b""


def _read_json(path: Path, form: FormDefinition) -> Any:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputFileError(
            _NOT_ANSWERS, path=str(path), form=form.form_id,
            reason={"nb": "filen er for stor", "nn": "fila er for stor",
                    "en": "the file is too large"},
            example=_example(form),
        )
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputFileError(
            _NOT_ANSWERS, path=str(path), form=form.form_id,
            reason={"nb": "teksten er ikke UTF-8", "nn": "teksten er ikkje UTF-8",
                    "en": "the text is not UTF-8"},
            example=_example(form),
        ) from None
    except json.JSONDecodeError as exc:
        # Where, not Python's English wording of what.
        line, column = exc.lineno, exc.colno
        where = {
            "nb": f"teksten er ikke gyldig JSON (linje {line}, tegn {column})",
            "nn": f"teksten er ikkje gyldig JSON (linje {line}, teikn {column})",
            "en": f"the text is not valid JSON (line {line}, character {column})",
        }
        raise InputFileError(
            _NOT_ANSWERS, path=str(path), form=form.form_id, reason=where,
            example=_example(form),
        ) from None


def _answers(data: Any, form: FormDefinition, shown: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InputFileError(
            _NOT_ANSWERS, path=shown, form=form.form_id,
            reason={"nb": "det er ikke et JSON-objekt", "nn": "det er ikkje eit JSON-objekt",
                    "en": "it is not a JSON object"},
            example=_example(form),
        )
    unknown = sorted(k for k in data if not form.has_field(k))
    if unknown:
        raise InputFileError(
            _NOT_ANSWERS,
            path=shown,
            form=form.form_id,
            reason={
                "nb": "ukjente felt " + ", ".join(unknown[:5]),
                "nn": "ukjende felt " + ", ".join(unknown[:5]),
                "en": "unknown fields " + ", ".join(unknown[:5]),
            },
            example=_example(form),
        )
    return dict(data)


def _example(form: FormDefinition) -> str:
    return "{" + ", ".join(f'"{f.name}": …' for f in form.fields[:2]) + "}"
