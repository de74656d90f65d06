"""Ordering records by one field, as the record table sorts: by the field's meaning
(amounts as numbers, DDMMYYYY dates by year, month, day), stable, blanks last.

Keys are computed once per record from the fixed-width line, so sorting 20 000 records is
one pass of slicing plus Python's sort (Timsort, which is stable)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from client.core.forms.model import FieldDef

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
    start, end, width = column.start, column.end, column.size
    numeric = field.type in ("integer", "amount")
    date = field.type == "date"
    keyed: list[tuple[str, int]] = []
    other: list[tuple[str, int]] = []  # not a number in a number field: a typing error
    blank: list[int] = []
    for i in indexes:
        t = lines[i][start:end].strip()
        if not t:
            blank.append(i)
        elif numeric:
            if t.isdigit():
                keyed.append((t.rjust(width, "0"), i))  # right-aligned digits sort as numbers
            else:
                other.append((t.lower(), i))
        elif date:
            keyed.append((t[4:] + t[2:4] + t[:2] if len(t) == 8 and t.isdigit() else "~" + t, i))
        else:
            keyed.append((t.lower(), i))
    keyed.sort(key=_first, reverse=descending)  # stable, also reversed
    ordered = [i for _, i in keyed]
    if other:
        other.sort(key=_first, reverse=descending)
        rest = [i for _, i in other]
        ordered = rest + ordered if descending else ordered + rest
    return ordered + blank


def _first(pair: tuple[str, int]) -> str:
    return pair[0]


def sorted_by(
    indexes: Sequence[int], key: Callable[[int], object], descending: bool = False
) -> list[int]:
    """The same, by any key of a record index (the table's line and findings columns)."""
    return sorted(indexes, key=key, reverse=descending)  # type: ignore[arg-type]
