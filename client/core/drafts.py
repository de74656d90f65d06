"""The draft format: a form's data and explanations as JSON, written by the desktop
client on every change and readable by `kostra validate` and `kostra submit`.

Records are stored as objects of field values, so a draft is readable and
diffable; a line of the wrong length is kept whole under "_line" so nothing the
user imported is lost. A draft that cannot be read raises DraftError, whose
`reason` lets the caller set the file aside rather than overwrite it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from client import __version__
from client.core.documents import FormDocument, parse_json
from client.core.errors import UserError
from client.core.fileio import atomic_write_bytes
from client.core.forms.model import FormDefinition
from client.core.records.fixedwidth import ENCODING_LABELS, SourceFormat
from client.core.records.recordset import RecordSet

DRAFT_FORMAT = "kostra-klienten/draft"
FORMAT_VERSION = 1
RAW_LINE = "_line"

Reason = Literal["corrupt", "newer", "other_form"]

_MESSAGES: dict[Reason, dict[str, str]] = {
    "corrupt": {
        "nb": "Utkastet {path} kan ikke leses ({detail}). Det er lagt til side urørt.",
        "nn": "Utkastet {path} kan ikkje lesast ({detail}). Det er lagt til side urørt.",
        "en": "The draft {path} cannot be read ({detail}). It has been set aside untouched.",
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
        out["records"] = [_record_json(records, i) for i in range(len(records))]
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
    """One record per line: a 20 000-record draft stays quick to write and easy to diff."""
    data = document_to_json(document)
    records = data.pop("records", None)
    head = json.dumps(data, ensure_ascii=False, indent=1)
    if records is None:
        return (head + "\n").encode()
    body = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
    text = head[:-2] + ',\n "records": [\n' + body + "\n ]\n}\n"
    return text.encode()


def save_draft(path: Path, document: FormDocument) -> None:
    """Atomically: a crash mid-write leaves the previous draft whole."""
    atomic_write_bytes(Path(path), document_to_bytes(document))


def load_draft(path: Path, form: FormDefinition) -> FormDocument:
    path = Path(path)
    try:
        data = parse_json(path.read_bytes())
    except FileNotFoundError:
        raise DraftError("corrupt", path=str(path), detail="finnes ikke") from None
    except (OSError, ValueError) as exc:  # not UTF-8, not JSON, or nested beyond reading
        raise DraftError("corrupt", path=str(path), detail=type(exc).__name__) from None
    return document_from_json(data, form, str(path))


def document_from_json(data: Any, form: FormDefinition, shown: str) -> FormDocument:
    if not isinstance(data, dict) or data.get("format") != DRAFT_FORMAT:
        raise DraftError("corrupt", path=shown, detail="ikke et utkast")
    version = data.get("formatVersion")
    if not isinstance(version, int):
        raise DraftError("corrupt", path=shown, detail="mangler formatVersion")
    if version > FORMAT_VERSION:
        raise DraftError("newer", path=shown, found=version, supported=FORMAT_VERSION)
    found = f"{data.get('form')} {data.get('year')}"
    if (str(data.get("form")).upper(), data.get("year")) != (form.form_id.upper(), form.year):
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


def _record_json(records: RecordSet, index: int) -> dict[str, str]:
    line = records.lines[index]
    if len(line) != records.record_length:
        return {RAW_LINE: line}
    return records.record(index)


def _records(data: dict[str, Any], form: FormDefinition, shown: str) -> RecordSet:
    items = data.get("records")
    if not isinstance(items, list):
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
