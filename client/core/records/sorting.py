"""Ordering records by one field, as the record table sorts: by the field's meaning
(amounts as numbers, DDMMYYYY dates by year, month, day), stable, blanks last.

Keys are computed once per record from the fixed-width line, so sorting 20 000 records is
one pass of slicing plus Python's sort (Timsort, which is stable)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from client.core.forms.model import FieldDef

# (blank?, number, text): blanks sort after every value in either direction is not
# possible with one key and reverse=True, so the caller keeps blanks apart.
SortKey = tuple[int, float, str]


def key_function(field: FieldDef) -> Callable[[str], SortKey]:
    """A key for the field's value as it stands in the line (blank → None-like)."""
    column = field.column
    assert column is not None, "only record fields have columns"
    start, end = column.start, column.end
    if field.type in ("integer", "amount"):

        def numeric(line: str) -> SortKey:
            text = line[start:end].strip()
            try:
                return (0, float(int(text)), "")
            except ValueError:
                return (0, float("inf"), text.lower())  # not a number: after the numbers

        return numeric
    if field.type == "date":

        def date(line: str) -> SortKey:
            text = line[start:end].strip()
            if len(text) == 8 and text.isdigit():
                return (0, 0.0, text[4:] + text[2:4] + text[:2])
            return (0, 0.0, "~" + text)

        return date

    def plain(line: str) -> SortKey:
        return (0, 0.0, line[start:end].strip().lower())

    return plain


def sorted_indexes(
    lines: Sequence[str],
    indexes: Sequence[int],
    field: FieldDef,
    descending: bool = False,
) -> list[int]:
    """`indexes` ordered by the field; equal values keep the order they came in, and
    records where the field is blank come last whichever the direction."""
    column = field.column
    assert column is not None
    start, end = column.start, column.end
    key = key_function(field)
    blank = [i for i in indexes if not lines[i][start:end].strip()]
    filled = [i for i in indexes if lines[i][start:end].strip()]
    return sorted(filled, key=lambda i: key(lines[i]), reverse=descending) + blank


def sorted_by(
    indexes: Sequence[int], key: Callable[[int], object], descending: bool = False
) -> list[int]:
    """The same, by any key of a record index (the table's line and findings columns)."""
    return sorted(indexes, key=key, reverse=descending)  # type: ignore[arg-type]
