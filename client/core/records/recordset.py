"""The records of a record form, kept as their fixed-width lines.

Keeping each record as one string (not a dict per record) holds all of Norway
(130 000 records) in about 60 MB, makes an unchanged file write back byte for
byte, and lets the compiled controls slice fields straight out of the line.
Record i is line i + 1 of the file it came from, unless the file had empty lines:
those are dropped before any control runs (as SSB's program does), and
`line_number(i)` keeps the file's own numbering until the records are inserted
or deleted, after which they are numbered by position (as they will be written).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from client.core.errors import UserError
from client.core.forms.model import FieldDef, FormDefinition

if TYPE_CHECKING:
    from client.core.records.fixedwidth import SourceFormat

_TOO_LONG = {
    "nb": "«{field}» har plass til {size} tegn, men verdien har {length}.",
    "nn": "«{field}» har plass til {size} teikn, men verdien har {length}.",
    "en": "«{field}» holds {size} characters, but the value has {length}.",
}


def pad(field: FieldDef, value: str) -> str:
    """A value placed in its column as SSB expects: numbers right-aligned, the rest left."""
    assert field.column is not None
    size = field.column.size
    value = value.strip()
    if len(value) > size:
        raise UserError(_TOO_LONG, field=field.name, size=size, length=len(value))
    return value.rjust(size) if field.type == "integer" else value.ljust(size)


class RecordSet:
    """An ordered, editable list of fixed-width records of one form."""

    def __init__(
        self,
        form: FormDefinition,
        lines: Iterable[str] = (),
        source: SourceFormat | None = None,
        *,
        file_lines: list[int] | None = None,
        nil_marker: bool = False,
    ) -> None:
        if form.record_length is None:
            raise ValueError(f"{form.form_id} is not a record form")
        self.form = form
        self.lines: list[str] = list(lines)
        self.source = source
        # The file line of each record when the file had empty lines; None: position + 1.
        self.file_lines = file_lines
        # The file was SSB's nil delivery: exactly one character (see Rule000 in SSB's program).
        self.nil_marker = nil_marker
        self._fields = {f.name: f for f in form.fields}
        self._slices = [(f.name, f.column.start, f.column.end) for f in form.fields if f.column]
        # What pad() does, unrolled: drafts build 20 000 lines from their fields at once.
        self._names = frozenset(self._fields)
        self._pads = [
            (f.name, f.column.size, f.type == "integer") for f in form.fields if f.column
        ]

    def __len__(self) -> int:
        return len(self.lines)

    def __iter__(self) -> Iterator[str]:
        return iter(self.lines)

    @property
    def record_length(self) -> int:
        assert self.form.record_length is not None
        return self.form.record_length

    def line_number(self, index: int) -> int:
        """The 1-based line of record `index` in the file it was read from."""
        if self.file_lines is None:
            return index + 1
        return self.file_lines[index]

    def index_of_line(self, line: int) -> int | None:
        """The record at file line `line`, or None (an empty line, or past the end)."""
        if self.file_lines is None:
            return line - 1 if 0 < line <= len(self.lines) else None
        try:
            return self.file_lines.index(line)
        except ValueError:
            return None

    def renumber(self) -> None:
        """Number records by position from now on (as they will be written)."""
        self.file_lines = None

    def raw(self, index: int, name: str) -> str:
        column = self._fields[name].column
        assert column is not None
        return self.lines[index][column.start : column.end]

    def value(self, index: int, name: str) -> str:
        """The field's text without padding ("" when blank)."""
        return self.raw(index, name).strip()

    def record(self, index: int) -> dict[str, str]:
        """The record as {field: value}, blank fields left out (the draft and schema form)."""
        line = self.lines[index]
        out = {}
        for name, start, end in self._slices:
            text = line[start:end].strip()
            if text:
                out[name] = text
        return out

    def line_for(self, values: Mapping[str, str]) -> str:
        """The fixed-width line for a record given as {field: value}."""
        if not values.keys() <= self._names:
            unknown = set(values) - self._names
            raise KeyError(f"unknown fields: {', '.join(sorted(unknown))}")
        get = values.get
        parts = []
        for name, size, right in self._pads:
            value = get(name)
            if not value:
                parts.append(" " * size)
                continue
            value = value.strip()
            if len(value) > size:
                raise UserError(_TOO_LONG, field=name, size=size, length=len(value))
            parts.append(value.rjust(size) if right else value.ljust(size))
        return "".join(parts)

    def set_value(self, index: int, name: str, value: str) -> None:
        f = self._fields[name]
        assert f.column is not None
        line = self.lines[index].ljust(self.record_length)
        self.lines[index] = line[: f.column.start] + pad(f, value) + line[f.column.end :]

    def append(self, values: Mapping[str, str]) -> int:
        if self.file_lines is not None:
            self.file_lines.append((self.file_lines[-1] if self.file_lines else 0) + 1)
        self.lines.append(self.line_for(values))
        return len(self.lines) - 1

    def insert(self, index: int, line: str) -> None:
        self.renumber()
        self.lines.insert(index, line)

    def delete(self, index: int) -> str:
        self.renumber()
        return self.lines.pop(index)

    def records(self) -> list[dict[str, str]]:
        return [self.record(i) for i in range(len(self.lines))]

    @classmethod
    def from_records(
        cls, form: FormDefinition, records: Iterable[Mapping[str, str]]
    ) -> RecordSet:
        recordset = cls(form)
        for values in records:
            recordset.append(values)
        return recordset
