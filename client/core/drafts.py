"""The draft format: a form's data and explanations as JSON, written by the desktop
client on every change (encrypted at rest, see client.core.atrest) and readable by
`kostra validate` and `kostra submit`.

A record form's records are kept as their exact lines, so reopening a draft never
changes a record's bytes (a TAB where a blank was, a number placed left in its
column, a line of the wrong length: all stay as the user imported them, and so do
their findings). Drafts of format 1, with records as objects of field values, are
still read. A draft that cannot be read raises DraftError, whose `reason` lets the
caller set the file aside rather than overwrite it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from client import __version__
from client.core.atrest import DraftKeyError, DraftKeys, decrypt, encrypt, is_encrypted
from client.core.documents import FormDocument
from client.core.errors import UserError
from client.core.fileio import atomic_write_bytes
from client.core.forms.model import FormDefinition
from client.core.inputs import MAX_INPUT_BYTES, JsonTooComplex, loads_json, read_limited
from client.core.oserrors import os_reason
from client.core.records.fixedwidth import ENCODING_LABELS, SourceFormat
from client.core.records.recordset import RecordSet

DRAFT_FORMAT = "kostra-klienten/draft"
# 2: a record form's records as their exact lines ("lines"); 1 had them as objects of
# field values ("records"), which is still read.
FORMAT_VERSION = 2
RAW_LINE = "_line"

Reason = Literal["corrupt", "newer", "other_form"]

_MESSAGES: dict[Reason, dict[str, str]] = {
    "corrupt": {
        "nb": "Utkastet {path} kan ikke leses ({detail}). Filen er urørt; send den gjerne "
        "til brukerstøtte.",
        "nn": "Utkastet {path} kan ikkje lesast ({detail}). Fila er urørt; send ho gjerne "
        "til brukarstøtte.",
        "en": "The draft {path} cannot be read ({detail}). The file is untouched; you can "
        "send it to support.",
    },
    "newer": {
        "nb": "Utkastet {path} er lagret av en nyere KOSTRA-klient (format {found}, denne "
        "forstår {supported}). Oppdater klienten for å åpne det; utkastet er urørt.",
        "nn": "Utkastet {path} er lagra av ein nyare KOSTRA-klient (format {found}, denne "
        "forstår {supported}). Oppdater klienten for å opne det; utkastet er urørt.",
        "en": "The draft {path} was saved by a newer KOSTRA client (format {found}, this one "
        "reads {supported}). Update the client to open it; the draft is untouched.",
    },
    "other_form": {
        "nb": "Utkastet {path} gjelder skjema {found}, ikke {expected}. Åpne det under riktig "
        "skjema og år; utkastet er urørt.",
        "nn": "Utkastet {path} gjeld skjema {found}, ikkje {expected}. Opne det under rett "
        "skjema og år; utkastet er urørt.",
        "en": "The draft {path} belongs to form {found}, not {expected}. Open it under the "
        "right form and year; the draft is untouched.",
    },
}


class DraftError(UserError):
    def __init__(self, reason: Reason, **params: object) -> None:
        self.reason = reason
        params.setdefault("detail", "")
        super().__init__(_MESSAGES[reason], **params)


def document_to_json(document: FormDocument, saved_at: dt.datetime | None = None) -> dict[str, Any]:
    form = document.form
    out: dict[str, Any] = {
        "format": DRAFT_FORMAT,
        "formatVersion": FORMAT_VERSION,
        "form": form.form_id,
        "year": form.year,
        "definitionVersion": form.version,
        "definitionSha256": form.sha256,
        "region": document.region,
        "client": __version__,
        "savedAt": (saved_at or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        "explanations": dict(sorted(document.explanations.items())),
    }
    if document.records is not None:
        records = document.records
        out["lines"] = list(records.lines)
        source = records.source or SourceFormat()
        out["source"] = {
            "encoding": source.encoding,
            "newline": source.newline,
            "finalNewline": source.final_newline,
        }
    else:
        out["answers"] = document.answers or {}
    return out


def document_to_bytes(document: FormDocument) -> bytes:
    """One record per line, as the exact line it is: reopening never changes a record's
    bytes (a TAB stays a TAB, a number stays where it stood in its column), and a
    20 000-record draft is quick to write and to read back."""
    data = document_to_json(document)
    lines = data.pop("lines", None)
    head = json.dumps(data, ensure_ascii=False, indent=1)
    if lines is None:
        return (head + "\n").encode()
    body = ",\n".join(json.dumps(line, ensure_ascii=False) for line in lines)
    text = head[:-2] + ',\n "lines": [\n' + body + "\n ]\n}\n"
    return text.encode()


def save_draft(path: Path, document: FormDocument, keys: DraftKeys | None = None) -> None:
    """Atomically: a crash mid-write leaves the previous draft whole. With `keys`, the
    draft is encrypted (AES-GCM) before it reaches the disk."""
    data = document_to_bytes(document)
    if keys is not None:
        data = encrypt(keys.key(), data)
    atomic_write_bytes(Path(path), data)


def load_draft(path: Path, form: FormDefinition, keys: DraftKeys | None = None) -> FormDocument:
    """Read a draft, decrypting it with `keys` when it is encrypted. Raises DraftError,
    or DraftKeyError when the key is missing or wrong (the draft is then not corrupt:
    it must be neither set aside nor overwritten)."""
    path = Path(path)
    try:
        raw = read_limited(path)
        if len(raw) > MAX_INPUT_BYTES:
            raise DraftError("corrupt", path=str(path), detail=_DETAIL["too_big"])
        if is_encrypted(raw):
            if keys is None:
                raise DraftKeyError(_ENCRYPTED, path=str(path))
            raw = decrypt(keys.key(), raw, str(path))
        data = loads_json(raw.decode("utf-8"))
    except OSError as exc:
        raise DraftError("corrupt", path=str(path), detail=os_reason(exc)) from None
    except UnicodeDecodeError:
        raise DraftError("corrupt", path=str(path), detail=_DETAIL["not_utf8"]) from None
    except JsonTooComplex as exc:
        raise DraftError("corrupt", path=str(path), detail=_DETAIL[exc.reason]) from None
    except json.JSONDecodeError as exc:
        detail = {k: v.format(line=exc.lineno) for k, v in _DETAIL["cut"].items()}
        raise DraftError("corrupt", path=str(path), detail=detail) from None
    return document_from_json(data, form, str(path))


_ENCRYPTED = {
    "nb": "Utkastet {path} er kryptert, og nøkkelen finnes ikke her. Åpne det i "
    "KOSTRA-klienten på maskinen og med brukeren som lagret det.",
    "nn": "Utkastet {path} er kryptert, og nøkkelen finst ikkje her. Opne det i "
    "KOSTRA-klienten på maskina og med brukaren som lagra det.",
    "en": "The draft {path} is encrypted, and its key is not here. Open it in "
    "KOSTRA-klienten on the machine and as the user that saved it.",
}

_DETAIL: dict[str, dict[str, str]] = {
    "too_big": {"nb": "over 150 MB", "nn": "over 150 MB", "en": "over 150 MB"},
    "not_utf8": {"nb": "ikke UTF-8", "nn": "ikkje UTF-8", "en": "not UTF-8"},
    "nesting": {"nb": "nestet for dypt", "nn": "nesta for djupt", "en": "nested too deep"},
    "digits": {
        "nb": "et tall med for mange sifre",
        "nn": "eit tal med for mange siffer",
        "en": "a number with too many digits",
    },
    "cut": {
        "nb": "ufullstendig eller skadet JSON ved linje {line}",
        "nn": "ufullstendig eller skadd JSON ved line {line}",
        "en": "incomplete or damaged JSON at line {line}",
    },
    "not_draft": {"nb": "ikke et utkast", "nn": "ikkje eit utkast", "en": "not a draft"},
    "year": {
        "nb": "året er ikke et tall",
        "nn": "året er ikkje eit tal",
        "en": "the year is not a number",
    },
}


def document_from_json(data: Any, form: FormDefinition, shown: str) -> FormDocument:
    if not isinstance(data, dict) or data.get("format") != DRAFT_FORMAT:
        raise DraftError("corrupt", path=shown, detail=_DETAIL["not_draft"])
    version = data.get("formatVersion")
    if not isinstance(version, int):
        raise DraftError("corrupt", path=shown, detail="mangler formatVersion")
    if version > FORMAT_VERSION:
        raise DraftError("newer", path=shown, found=version, supported=FORMAT_VERSION)
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        # "2025" (a string) would read as 11F 2025 in the message and differ all the same.
        raise DraftError("corrupt", path=shown, detail=_DETAIL["year"])
    found = f"{data.get('form')} {year}"
    if (str(data.get("form")).upper(), year) != (form.form_id.upper(), form.year):
        expected = f"{form.form_id} {form.year}"
        raise DraftError("other_form", path=shown, found=found, expected=expected)
    explanations = data.get("explanations", {})
    if not isinstance(explanations, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in explanations.items()
    ):
        raise DraftError("corrupt", path=shown, detail="explanations")
    region = data.get("region")
    region = region if isinstance(region, str) else None
    if form.is_record_form:
        return FormDocument(
            form,
            records=_records(data, form, shown),
            explanations=explanations,
            region=region,
        )
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise DraftError("corrupt", path=shown, detail="answers")
    return FormDocument(form, answers=answers, explanations=explanations, region=region)


def _records(data: dict[str, Any], form: FormDefinition, shown: str) -> RecordSet:
    lines = data.get("lines")
    items = data.get("records")
    if lines is None and not isinstance(items, list):
        raise DraftError("corrupt", path=shown, detail="records")
    source_data = data.get("source") or {}
    if not isinstance(source_data, dict):
        raise DraftError("corrupt", path=shown, detail="source")
    source = SourceFormat(
        encoding=source_data.get("encoding", "iso-8859-1"),
        newline=source_data.get("newline", "\n"),
        final_newline=bool(source_data.get("finalNewline", True)),
    )
    if source.encoding not in ENCODING_LABELS or source.newline not in ("\n", "\r\n"):
        raise DraftError("corrupt", path=shown, detail="source")
    if lines is not None:
        if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
            raise DraftError("corrupt", path=shown, detail="lines")
        return RecordSet(form, lines, source)
    records = RecordSet(form, source=source)
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not all(isinstance(v, str) for v in item.values()):
            raise DraftError("corrupt", path=shown, detail=f"record {number}")
        if RAW_LINE in item:
            records.lines.append(item[RAW_LINE])
            continue
        unknown = [k for k in item if not form.has_field(k)]
        if unknown:
            raise DraftError("corrupt", path=shown, detail=f"record {number}: {unknown[0]}")
        try:
            records.append(item)
        except UserError as exc:
            raise DraftError("corrupt", path=shown, detail=f"record {number}: {exc}") from None
    return records
