"""SSB's fixed-width record files: reading (with encoding detection) and writing.

A file is read as text, one record per line. Lines keep their exact text, so
writing an unchanged file gives back the same bytes; the record-length
control, not the reader, decides about lines of the wrong length.
"""

from __future__ import annotations

import codecs
import errno
from dataclasses import dataclass
from pathlib import Path

from client.core.errors import InputFileError
from client.core.fileio import atomic_write_bytes
from client.core.forms.model import FormDefinition
from client.core.inputs import MAX_INPUT_BYTES, read_limited
from client.core.oserrors import os_reason
from client.core.records.recordset import RecordSet

MAX_FILE_BYTES = MAX_INPUT_BYTES
MAX_RECORDS = 500_000

ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 med BOM",
    "ascii": "ASCII",
    "iso-8859-1": "ISO-8859-1",
}


@dataclass(frozen=True)
class SourceFormat:
    """How a file was written, so it can be written back the same way."""

    encoding: str = "iso-8859-1"  # one of ENCODING_LABELS
    newline: str = "\n"
    final_newline: bool = True

    @property
    def encoding_label(self) -> str:
        return ENCODING_LABELS[self.encoding]


_MESSAGES = {
    "missing": {
        "nb": "Finner ikke filen {path}. Sjekk navnet og mappen.",
        "nn": "Finn ikkje fila {path}. Sjekk namnet og mappa.",
        "en": "Cannot find the file {path}. Check the name and the folder.",
    },
    "unreadable": {
        "nb": "Kan ikke lese {path}: {reason}.",
        "nn": "Kan ikkje lese {path}: {reason}.",
        "en": "Cannot read {path}: {reason}.",
    },
    "too_big_known": {
        "nb": "{path} er {size} MB. En KOSTRA-fil for hele landet er under {limit} MB, "
        "så dette er neppe riktig fil. Velg uttrekket for skjema {form}.",
        "nn": "{path} er {size} MB. Ei KOSTRA-fil for heile landet er under {limit} MB, "
        "så dette er neppe rett fil. Vel uttrekket for skjema {form}.",
        "en": "{path} is {size} MB. A KOSTRA file for all of Norway is under {limit} MB, "
        "so this is hardly the right file. Choose the extract for form {form}.",
    },
    "too_big": {
        "nb": "{path} er over {limit} MB. En KOSTRA-fil for hele landet er mye mindre, "
        "så dette er neppe riktig fil. Velg uttrekket for skjema {form}.",
        "nn": "{path} er over {limit} MB. Ei KOSTRA-fil for heile landet er mykje mindre, "
        "så dette er neppe rett fil. Vel uttrekket for skjema {form}.",
        "en": "{path} is over {limit} MB. A KOSTRA file for all of Norway is much smaller, "
        "so this is hardly the right file. Choose the extract for form {form}.",
    },
    "too_many_lines": {
        "nb": "{path} har {lines} linjer; mer enn {limit} er ikke en KOSTRA-fil. "
        "Velg uttrekket for skjema {form}.",
        "nn": "{path} har {lines} liner; meir enn {limit} er ikkje ei KOSTRA-fil. "
        "Vel uttrekket for skjema {form}.",
        "en": "{path} has {lines} lines; more than {limit} is not a KOSTRA file. "
        "Choose the extract for form {form}.",
    },
    "binary": {
        "nb": "{path} er ikke en tekstfil (den inneholder binære data). Velg tekstfilen "
        "(fast bredde) som fagsystemet lager for skjema {form}.",
        "nn": "{path} er ikkje ei tekstfil (ho inneheld binære data). Vel tekstfila "
        "(fast breidd) som fagsystemet lagar for skjema {form}.",
        "en": "{path} is not a text file (it holds binary data). Choose the fixed-width "
        "text file that the case system exports for form {form}.",
    },
    "utf16": {
        "nb": "{path} er lagret som UTF-16. Lagre den som UTF-8 eller ISO-8859-1 og prøv igjen.",
        "nn": "{path} er lagra som UTF-16. Lagre ho som UTF-8 eller ISO-8859-1 og prøv igjen.",
        "en": "{path} is saved as UTF-16. Save it as UTF-8 or ISO-8859-1 and try again.",
    },
    "wrong_form": {
        "nb": "{path} ser ut til å være en fil for {other}: alle linjene har {found} tegn, "
        "mens skjema {form} {year} har {expected}. Velg riktig skjema og år, eller riktig fil.",
        "nn": "{path} ser ut til å vere ei fil for {other}: alle linene har {found} teikn, "
        "medan skjema {form} {year} har {expected}. Vel rett skjema og år, eller rett fil.",
        "en": "{path} looks like a file for {other}: every line has {found} characters, "
        "while form {form} {year} has {expected}. "
        "Choose the right form and year, or the right file.",
    },
    "unencodable": {
        "nb": "Linje {line} inneholder tegnet «{char}», som ikke finnes i {encoding}. "
        "Rett teksten eller lagre som UTF-8.",
        "nn": "Line {line} inneheld teiknet «{char}», som ikkje finst i {encoding}. "
        "Rett teksten eller lagre som UTF-8.",
        "en": "Line {line} contains the character «{char}», which {encoding} lacks. "
        "Correct the text or save as UTF-8.",
    },
}


# Control characters other than TAB, LF and CR: a few are typing accidents, many mean binary.
# In ISO-8859-1 and UTF-8 alike each is one byte that is never part of another character.
_CONTROL_BYTES = bytes([*range(1, 9), 11, 12, *range(14, 32), 127])
_CHUNK = 1 << 20


def _control_characters(data: bytes) -> int:
    """How many control characters `data` holds: one pass in C, a megabyte at a time so
    memory stays bounded (30 str.count passes over a whole-country file took 0.6 s)."""
    count = 0
    for start in range(0, len(data), _CHUNK):
        chunk = data[start : start + _CHUNK]
        count += len(chunk) - len(chunk.translate(None, _CONTROL_BYTES))
    return count


def decode(data: bytes, path: str, form_id: str) -> tuple[str, str]:
    """Decode a record file; returns (text, encoding). Detects UTF-8 (with or without BOM),
    falls back to ISO-8859-1, and refuses binary data and UTF-16."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputFileError(_MESSAGES["utf16"], path=path)
    if b"\x00" in data:
        raise InputFileError(_MESSAGES["binary"], path=path, form=form_id)
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise InputFileError(_MESSAGES["binary"], path=path, form=form_id) from None
    if data.isascii():
        text, encoding = data.decode("ascii"), "ascii"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = data.decode("iso-8859-1"), "iso-8859-1"
    if _control_characters(data) > max(2, len(text) // 1000):
        raise InputFileError(_MESSAGES["binary"], path=path, form=form_id)
    return text, encoding


def split_lines(text: str) -> tuple[list[str], str, bool]:
    """Lines without their terminators, the newline used (LF or CRLF), and whether the
    text ended with one. Only LF ends a line: other characters str.splitlines()
    treats as breaks (form feed, U+2028, ...) would shift SSB's line numbers."""
    lines = text.split("\n")
    final_newline = lines[-1] == ""
    if final_newline:
        lines.pop()
    crlf = sum(1 for line in lines if line.endswith("\r"))
    newline = "\r\n" if crlf and crlf >= len(lines) / 2 else "\n"
    if crlf:
        lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    return lines, newline, final_newline


def read_record_file(
    path: Path, form: FormDefinition, known_lengths: dict[int, str] | None = None
) -> RecordSet:
    """Read an SSB fixed-width file for `form`. Raises InputFileError with a clear message
    for anything that is not such a file; lines of the wrong length are kept for the
    record-length control to report."""
    path = Path(path)
    shown = str(path)
    data = read_input(path, form.form_id)
    return parse_record_bytes(data, form, shown, known_lengths)


def too_big(path: Path, form_id: str, limit: int = MAX_FILE_BYTES) -> InputFileError:
    return InputFileError(
        _MESSAGES["too_big"], path=str(path), limit=limit // (1024 * 1024), form=form_id
    )


def read_input(path: Path, form_id: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of an input file, device or pipe, read through a size cap; a clear
    InputFileError when it is missing, unreadable or over the cap."""
    shown = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputFileError(_MESSAGES["missing"], path=shown) from None
    except OSError as exc:
        raise InputFileError(_MESSAGES["unreadable"], path=shown, reason=os_reason(exc)) from exc
    if path.is_dir():
        reason = os_reason(IsADirectoryError(errno.EISDIR, ""))
        raise InputFileError(_MESSAGES["unreadable"], path=shown, reason=reason)
    too_big: dict[str, object] = {"path": shown, "limit": limit // (1024 * 1024), "form": form_id}
    if size > limit:  # a regular file says its size: no need to read it
        raise InputFileError(_MESSAGES["too_big_known"], size=size // (1024 * 1024), **too_big)
    try:
        data = read_limited(path, limit)
    except MemoryError:
        raise InputFileError(_MESSAGES["too_big"], **too_big) from None
    except OSError as exc:
        raise InputFileError(_MESSAGES["unreadable"], path=shown, reason=os_reason(exc)) from exc
    if len(data) > limit:  # a device or a pipe: its size shows only when read
        raise InputFileError(_MESSAGES["too_big"], **too_big)
    return data


def parse_record_bytes(
    data: bytes,
    form: FormDefinition,
    shown: str = "<data>",
    known_lengths: dict[int, str] | None = None,
) -> RecordSet:
    """Parse file bytes; `known_lengths` maps other installed forms' record lengths to
    their names, to recognise a file of the wrong form."""
    line_count = data.count(b"\n")
    if line_count > MAX_RECORDS:
        raise InputFileError(
            _MESSAGES["too_many_lines"],
            path=shown,
            lines=line_count,
            limit=MAX_RECORDS,
            form=form.form_id,
        )
    text, encoding = decode(data, shown, form.form_id)
    del data
    # SSB's program reads a file of exactly one character as the nil delivery (control
    # 000) and drops empty lines before any control; an empty file is no records.
    nil_marker = len(text) == 1
    lines, newline, final_newline = split_lines(text)
    del text
    file_lines: list[int] | None = None
    if nil_marker:
        lines = []
    elif "" in lines:
        file_lines = [n for n, line in enumerate(lines, 1) if line]
        lines = [line for line in lines if line]
    expected = form.record_length
    lengths = {len(line) for line in lines}
    if expected is not None and len(lengths) == 1 and expected not in lengths:
        # Every line has one other length: most likely another form's file. Say so,
        # rather than listing every line as a record-length finding.
        (found,) = lengths
        other = (known_lengths or {}).get(found)
        if other is not None:
            raise InputFileError(
                _MESSAGES["wrong_form"],
                path=shown,
                expected=expected,
                form=form.form_id,
                year=form.year,
                found=found,
                other=other,
            )
    return RecordSet(
        form,
        lines,
        SourceFormat(encoding=encoding, newline=newline, final_newline=final_newline),
        file_lines=file_lines,
        nil_marker=nil_marker,
    )


def encode_records(records: RecordSet, source: SourceFormat | None = None) -> bytes:
    """The records as file bytes, in the format they were read in (or SSB's usual
    ISO-8859-1 with LF for new files)."""
    fmt = source or records.source or SourceFormat()
    if records.nil_marker and not records.lines:
        return b" "  # SSB's nil delivery: exactly one space
    text = fmt.newline.join(records.lines)
    if fmt.final_newline and records.lines:
        text += fmt.newline
    codec = {"utf-8-sig": "utf-8", "ascii": "iso-8859-1"}.get(fmt.encoding, fmt.encoding)
    try:
        body = text.encode(codec)
    except UnicodeEncodeError as exc:
        line = text.count(fmt.newline, 0, exc.start) + 1
        raise InputFileError(
            _MESSAGES["unencodable"],
            line=line,
            char=text[exc.start],
            encoding=ENCODING_LABELS.get(fmt.encoding, fmt.encoding),
        ) from exc
    return (codecs.BOM_UTF8 + body) if fmt.encoding == "utf-8-sig" else body


def write_record_file(
    path: Path, records: RecordSet, source: SourceFormat | None = None
) -> None:
    """Write atomically: the old file stays whole if anything fails."""
    atomic_write_bytes(Path(path), encode_records(records, source))
