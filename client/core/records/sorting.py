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
    texts = [(i, lines[i][start:end].strip()) for i in indexes]
    blank = [i for i, t in texts if not t]
    filled = [(i, t) for i, t in texts if t]
    if field.type in ("integer", "amount"):
        numbers = [(i, t) for i, t in filled if t.isdigit()]
        # Not a number (a typing error): after the numbers, as text.
        other = [(i, t.lower()) for i, t in filled if not t.isdigit()]
        # Digits right-aligned to the column's width compare as numbers do.
        width = column.size
        ordered = [i for i, _ in sorted(
            [(i, t.rjust(width, "0")) for i, t in numbers], key=_second, reverse=descending)]
        rest = [i for i, _ in sorted(other, key=_second, reverse=descending)]
        return ordered + rest + blank if not descending else rest + ordered + blank
    if field.type == "date":
        keyed = [
            (i, t[4:] + t[2:4] + t[:2] if len(t) == 8 and t.isdigit() else "~" + t)
            for i, t in filled
        ]
    else:
        keyed = [(i, t.lower()) for i, t in filled]
    return [i for i, _ in sorted(keyed, key=_second, reverse=descending)] + blank


def _second(pair: tuple[int, object]) -> object:
    return pair[1]


def sorted_by(
    indexes: Sequence[int], key: Callable[[int], object], descending: bool = False
) -> list[int]:
    """The same, by any key of a record index (the table's line and findings columns)."""
    return sorted(indexes, key=key, reverse=descending)  # type: ignore[arg-type]
