"""Last year as the baseline: load last year's delivery, compare this year's figures with it.

The problems SSB meets after publication (a delivery with only long-term recipients, a
year counted twice, an amount with an extra digit) pass every per-record control. They
show only beside last year. This module is the one place that knows how to do that:

- `load_last_year(path, form_id, year)` reads last year's SSB file, draft or signed
  `.asice` in whatever layout year it was written (2024's 324-character 11F beside
  2025's 338) into a `LastYear` (a RecordSet in its own layout).
- `figures(validator, records)` gives the figures the form's `lastYearFigure` controls
  declare (the number of records, sums, the share of long-term recipients).
- `compare(validator, records, last, context)` gives both years' figures side by side
  (`Comparison`) and the findings of the `lastYearFigure` and `lastYearAmount` controls
  (WARNINGs, ids `K-`, thresholds as form data in controls.json).

Nothing here is form-specific: the controls say which fields and limits to use.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from client.core.errors import InputFileError
from client.core.forms.catalog import FormCatalog
from client.core.forms.model import FormDefinition
from client.core.i18n import Text, format_int
from client.core.records.fixedwidth import MAX_FILE_BYTES, parse_record_bytes
from client.core.records.recordset import RecordSet
from client.core.validation.engine import FormValidator, ValidationContext
from client.core.validation.findings import Finding

_MESSAGES: dict[str, Text] = {
    "missing": {
        "nb": "Finner ikke fjorårets fil {path}. Sjekk navnet og mappen.",
        "nn": "Finn ikkje fjorårsfila {path}. Sjekk namnet og mappa.",
        "en": "Cannot find last year's file {path}. Check the name and the folder.",
    },
    "no_layout": {
        "nb": "Fjorårets fil {path} har linjer på {length} tegn, men ingen installert utgave av "
        "skjema {form} har det. Velg fjorårets uttrekk for skjema {form}.",
        "nn": "Fjorårsfila {path} har liner på {length} teikn, men ingen installert utgåve av "
        "skjema {form} har det. Vel fjorårsuttrekket for skjema {form}.",
        "en": "Last year's file {path} has lines of {length} characters, but no installed "
        "edition of form {form} has that. Choose last year's extract for form {form}.",
    },
    "other_form": {
        "nb": "{path} gjelder skjema {found}, ikke {form}. Velg fjorårets innsending for {form}.",
        "nn": "{path} gjeld skjema {found}, ikkje {form}. Vel fjorårsinnsendinga for {form}.",
        "en": "{path} is for form {found}, not {form}. Choose last year's submission for {form}.",
    },
    "folder": {
        "nb": "{path} er en mappe. Velg fjorårets fil i den.",
        "nn": "{path} er ei mappe. Vel fjorårsfila i ho.",
        "en": "{path} is a folder. Choose last year's file in it.",
    },
    "not_before": {
        "nb": "{path} gjelder {found}, men fjorårets fil skal være fra et år før {year}. "
        "Velg innsendingen eller uttrekket for {last}.",
        "nn": "{path} gjeld {found}, men fjorårsfila skal vere frå eit år før {year}. "
        "Vel innsendinga eller uttrekket for {last}.",
        "en": "{path} is for {found}, but last year's file must be from a year before {year}. "
        "Choose the submission or extract for {last}.",
    },
    "not_draft": {
        "nb": "{path} er ikke et utkast eller en innsending av skjema {form} fra KOSTRA-klienten "
        "({reason}). Velg fjorårets uttrekk, utkast eller innsending for {form}.",
        "nn": "{path} er ikkje eit utkast eller ei innsending av skjema {form} frå "
        "KOSTRA-klienten ({reason}). Vel fjorårsuttrekket, utkastet eller innsendinga for {form}.",
        "en": "{path} is not a KOSTRA-klienten draft or submission of form {form} ({reason}). "
        "Choose last year's extract, draft or submission for {form}.",
    },
    "bad_container": {
        "nb": "{path} er ikke en innsendingsfil fra KOSTRA-klienten som kan leses ({reason}). "
        "Bruk fjorårets uttrekk eller utkast i stedet.",
        "nn": "{path} er ikkje ei innsendingsfil frå KOSTRA-klienten som kan lesast ({reason}). "
        "Bruk fjorårsuttrekket eller utkastet i staden.",
        "en": "{path} is not a KOSTRA-klienten submission that can be read ({reason}). "
        "Use last year's extract or draft instead.",
    },
    "encrypted": {
        "nb": "Dataene i {path} er kryptert til SSB og kan ikke leses her. Bruk fjorårets "
        "uttrekk eller utkast i stedet.",
        "nn": "Dataa i {path} er krypterte til SSB og kan ikkje lesast her. Bruk fjorårsuttrekket "
        "eller utkastet i staden.",
        "en": "The data in {path} is encrypted to SSB and cannot be read here. Use last year's "
        "extract or draft instead.",
    },
}

_CHANGE_UNITS: dict[str, Text] = {
    "percent": {"nb": "{sign}{value} %", "nn": "{sign}{value} %", "en": "{sign}{value} %"},
    "points": {
        "nb": "{sign}{value} prosentpoeng",
        "nn": "{sign}{value} prosentpoeng",
        "en": "{sign}{value} percentage points",
    },
}


@dataclass(frozen=True)
class LastYear:
    """Last year's delivery, read in its own layout."""

    path: str
    form: FormDefinition  # the layout year it was read with
    records: RecordSet
    source: str  # "file", "draft" or "submission"


@dataclass(frozen=True)
class Figure:
    id: str
    label: Text
    value: float  # a count or kroner (whole), or a share in per cent
    share: bool = False

    def display(self) -> str:
        if self.share:
            return f"{self.value:.1f} %".replace(".", ",")
        return format_int(int(self.value))


@dataclass(frozen=True)
class Comparison:
    """One figure of both years, side by side."""

    id: str
    label: Text
    this_year: Figure
    last_year: Figure | None  # None: last year's layout lacks a field the figure needs

    @property
    def change(self) -> float | None:
        """Per cent of last year's figure; percentage points for shares."""
        if self.last_year is None:
            return None
        if self.this_year.share:
            return self.this_year.value - self.last_year.value
        if self.last_year.value == 0:
            return None
        return (self.this_year.value - self.last_year.value) / self.last_year.value * 100

    def change_text(self) -> Text:
        change = self.change
        if change is None:
            return {"nb": "–", "nn": "–", "en": "–"}
        unit = _CHANGE_UNITS["points" if self.this_year.share else "percent"]
        sign = "+" if change > 0 else ("−" if change < 0 else "")
        value = f"{abs(change):.1f}".replace(".0", "") if abs(change) < 10 else f"{abs(change):.0f}"
        nb_value = value.replace(".", ",")
        return {
            "nb": unit["nb"].format(sign=sign, value=nb_value),
            "nn": unit["nn"].format(sign=sign, value=nb_value),
            "en": unit["en"].format(sign=sign, value=value),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "thisYear": self.this_year.value,
            "lastYear": self.last_year.value if self.last_year else None,
            "change": None if self.change is None else round(self.change, 2),
            "unit": "percentagePoints" if self.this_year.share else "percent",
        }


# --- loading ---------------------------------------------------------------------------


def load_last_year(
    path: Path | str,
    form_id: str,
    year: int,
    catalog: FormCatalog | None = None,
    *,
    kommunenummer: str | None = None,
) -> LastYear:
    """Read last year's SSB file, draft (JSON) or signed submission (.asice) of `form_id`
    for comparison with reporting year `year`. The layout is the draft's or submission's
    own year, or for an SSB file the installed year whose record length the lines have
    (year - 1 first). SSB's nil delivery (one space) is a year with no records. Raises
    InputFileError with a message for the user, also when the file is of `year` itself or
    later, or (given `kommunenummer`) of another municipality."""
    catalog = catalog or FormCatalog()
    path = Path(path)
    shown = str(path)
    try:
        path.stat()
    except OSError:
        raise InputFileError(_MESSAGES["missing"], path=shown) from None
    if path.is_dir():
        raise InputFileError(_MESSAGES["folder"], path=shown)
    from client.core.records.fixedwidth import read_input

    data = read_input(path, form_id)  # through the size cap, whatever the file is
    if data[:4] == b"PK\x03\x04":
        last = _from_submission(data, shown, form_id, year, catalog)
    elif data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        last = _from_draft(data, shown, form_id, catalog)
    elif len(data) == 1:  # SSB's nil delivery: last year there was nothing to report
        form = catalog.load(form_id, _layouts(form_id, year, catalog)[0])
        last = LastYear(shown, form, RecordSet(form, nil_marker=True), "file")
    else:
        last = _from_file(data, shown, form_id, year, catalog)
    from client.core.provenance import check_last_year

    # The records' own year first (an SSB file's layout may be shared by several years),
    # then the year a draft or a submission names.
    check_last_year(last.records, shown, year=year, kommunenummer=kommunenummer)
    if last.source != "file" and last.form.year >= year:
        raise InputFileError(_MESSAGES["not_before"], path=shown, found=last.form.year,
                             year=year, last=year - 1)
    return last


def _layouts(form_id: str, year: int, catalog: FormCatalog) -> list[int]:
    years = sorted({item.year for item in catalog.installed() if item.form_id == form_id})
    # Last year's own layout first, then the nearest years before and after.
    return sorted(years, key=lambda y: (y != year - 1, abs(y - (year - 1)), -y))


def _from_file(
    data: bytes, shown: str, form_id: str, year: int, catalog: FormCatalog
) -> LastYear:
    candidates = _layouts(form_id, year, catalog)
    if not candidates:
        raise InputFileError(_MESSAGES["no_layout"], path=shown, length="?", form=form_id)
    # Reading is the same for every layout year: read once, then choose the year whose
    # record length most lines have (in characters, so UTF-8 letters count as one).
    first = catalog.load(form_id, candidates[0])
    records = parse_record_bytes(data, first, shown)
    del data
    lengths = Counter(map(len, records.lines))
    common = lengths.most_common(1)[0][0] if lengths else None
    for candidate in candidates:
        form = catalog.load(form_id, candidate)
        if common is None or form.record_length == common:
            if form is not first:
                records = RecordSet(form, records.lines, records.source,
                                    file_lines=records.file_lines, nil_marker=records.nil_marker)
            return LastYear(shown, form, records, "file")
    raise InputFileError(_MESSAGES["no_layout"], path=shown, length=common, form=form_id)


def _from_draft(data: bytes, shown: str, form_id: str, catalog: FormCatalog) -> LastYear:
    from client.core import drafts
    from client.core.documents import parse_json

    try:
        content = parse_json(data)
    except ValueError as exc:
        raise InputFileError(_MESSAGES["not_draft"], path=shown, form=form_id,
                             reason=getattr(exc, "msg", str(exc))) from None
    if not isinstance(content, dict) or content.get("format") != drafts.DRAFT_FORMAT:
        raise InputFileError(_MESSAGES["not_draft"], path=shown, form=form_id,
                             reason="en svarfil eller annen JSON, ikke et utkast")
    found = f"{content.get('form')}"
    if found.upper() != form_id.upper():
        raise InputFileError(_MESSAGES["other_form"], path=shown, found=found, form=form_id)
    year = content.get("year")
    form = catalog.load(form_id, int(year) if isinstance(year, int) else 0)
    document = drafts.document_from_json(content, form, shown)
    assert document.records is not None
    return LastYear(shown, form, document.records, "draft")


def _from_submission(
    data: bytes, shown: str, form_id: str, year: int, catalog: FormCatalog
) -> LastYear:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = [info.filename for info in infos]
            if any(name.endswith(".p7m") for name in names):
                raise InputFileError(_MESSAGES["encrypted"], path=shown)
            texts = [info for info in infos if info.filename.endswith(".txt")
                     and "/" not in info.filename]
            if len(texts) != 1:
                found = _form_in(archive, names)
                if found is not None and found.upper() != form_id.upper():
                    # a questionnaire's submission, say: it has no record file
                    raise InputFileError(_MESSAGES["other_form"], path=shown, found=found,
                                         form=form_id)
                raise InputFileError(_MESSAGES["bad_container"], path=shown,
                                     reason="ingen datafil")
            info = texts[0]
            if info.file_size > MAX_FILE_BYTES:
                raise InputFileError(_MESSAGES["bad_container"], path=shown,
                                     reason="datafilen er for stor")
            body = archive.read(info)
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        raise InputFileError(_MESSAGES["bad_container"], path=shown, reason=str(exc)) from None
    # The data file is named <form>_<year>_<region>.txt by client.core.submission.submit.
    parts = info.filename.removesuffix(".txt").split("_")
    if len(parts) < 3 or parts[0].upper() != form_id.upper() or not parts[1].isdigit():
        raise InputFileError(_MESSAGES["other_form"], path=shown, found=parts[0], form=form_id)
    form = catalog.load(form_id, int(parts[1]))
    return LastYear(shown, form, parse_record_bytes(body, form, shown), "submission")


def _form_in(archive: zipfile.ZipFile, names: list[str]) -> str | None:
    """The form a submission's form data names, if it can be read (small, plain JSON)."""
    from client.core.documents import parse_json

    if "skjema.json" not in names or archive.getinfo("skjema.json").file_size > 10_000_000:
        return None
    try:
        data = parse_json(archive.read("skjema.json"))
    except (ValueError, zipfile.BadZipFile, OSError):
        return None
    form = data.get("form") if isinstance(data, dict) else None
    return str(form) if form is not None else None


# --- figures and comparison -------------------------------------------------------------


def _amount(text: str) -> int:
    """An amount as SSB counts it: a blank or unreadable field is 0, a negative one is set
    to 0 (minutes of 13 September 2006: SSB sets netto amounts to zero)."""
    text = text.strip()
    if text.isdecimal():
        return int(text)
    if not text:
        return 0
    try:
        value = int(text)
    except ValueError:
        return 0
    return value if value > 0 else 0


# Amounts already read in one comparison, by (lines' identity, start, end): the figures and
# the per-person control read the same columns of the same records.
AmountMemo = dict[tuple[int, int, int], list[int]]


def _column_amounts(
    lines: Sequence[str], start: int, end: int, memo: AmountMemo | None = None
) -> list[int]:
    """Each line's amount in one column, as SSB counts it (see _amount); the plain digits
    that nearly every line holds are read without a call per line."""
    key = (id(lines), start, end)
    if memo is not None and key in memo:
        return memo[key]
    texts = [line[start:end].strip() for line in lines]
    values = [int(t) if t.isdecimal() else _amount(t) for t in texts]
    if memo is not None:
        memo[key] = values
    return values


def _line_amounts(
    lines: Sequence[str], columns: Sequence[tuple[int, int]], memo: AmountMemo | None = None
) -> list[int]:
    """Each line's amounts in `columns` added up, as SSB counts them (see _amount)."""
    totals: list[int] | None = None
    for start, end in columns:
        values = _column_amounts(lines, start, end, memo)
        totals = values if totals is None else [a + b for a, b in zip(totals, values, strict=True)]
    return totals if totals is not None else [0] * len(lines)


# Each ASCII character as a bit: 0 for whitespace (what str.strip removes), 1 for the rest.
_BITS = bytes(ord("0") if chr(c).isspace() else ord("1") for c in range(256))


def _count_filled_at_least(
    lines: Sequence[str], columns: Sequence[tuple[int, int]], at_least: int
) -> int:
    """How many lines have at least `at_least` of `columns` not blank.

    Adjacent columns of one width (the twelve months) are counted for all lines at once
    as one big integer, one bit per character (whitespace 0): a field is filled when any
    of its bits is set. That is the same count as stripping each field, at a tenth of
    the time over a whole country's file; other layouts, or text that is not ASCII (whose
    whitespace the table does not know), take the plain way."""
    widths = {end - start for start, end in columns}
    adjacent = all(a[1] == b[0] for a, b in pairwise(columns))
    if len(widths) == 1 and adjacent and lines:
        start, end = columns[0][0], columns[-1][1]
        size, width = end - start, widths.pop()
        blocks = "".join([line[start:end] for line in lines])
        if len(blocks) != size * len(lines):  # short lines: their missing fields are blank
            blocks = "".join([line[start:end].ljust(size) for line in lines])
        if blocks.isascii():
            bits = int(blocks.encode("ascii").translate(_BITS), 2)
            any_set = bits
            for shift in range(1, width):
                any_set |= bits >> shift  # a field's last bit: any of its characters
            last_bits = int(("0" * (width - 1) + "1") * (len(blocks) // width), 2)
            filled = format(any_set & last_bits, "b").zfill(len(blocks))
            return sum(
                1
                for i in range(0, len(filled), size)
                if filled.count("1", i, i + size) >= at_least
            )
    hits = 0
    for line in lines:
        filled_fields = sum(1 for start, end in columns if line[start:end].strip())
        if filled_fields >= at_least:
            hits += 1
    return hits


def _figure(
    spec: dict[str, Any], records: RecordSet, memo: AmountMemo | None = None
) -> Figure | None:
    """The figure `spec` declares over `records`; None when its layout lacks a field."""
    form = records.form
    fid, label = spec["id"], spec["label"]
    if spec.get("records"):
        return Figure(fid, label, float(len(records)))
    names = spec.get("sumOf") or spec.get("fields") or []
    if not all(form.has_field(name) for name in names):
        return None
    columns = []
    for name in names:
        column = form.field(name).column
        assert column is not None
        columns.append((column.start, column.end))
    lines = records.lines
    if "sumOf" in spec:
        total = sum(sum(_column_amounts(lines, start, end, memo)) for start, end in columns)
        return Figure(fid, label, float(total))
    if not lines:
        return None  # a share of no one: no figure, so no verdict against it
    hits = _count_filled_at_least(lines, columns, spec["shareWithAtLeast"])
    return Figure(fid, label, hits / len(lines) * 100, share=True)


def figures(validator: FormValidator, records: RecordSet) -> list[Figure]:
    """This form's declared figures (its `lastYearFigure` controls) over `records`."""
    out = []
    for compiled in validator.last_year_controls:
        spec = compiled.control.spec
        if compiled.control.kind == "lastYearFigure":
            figure = _figure(spec["figure"], records)
            if figure is not None:
                out.append(figure)
    return out


def compare(
    validator: FormValidator,
    records: RecordSet,
    last: LastYear,
    context: ValidationContext,
) -> tuple[list[Comparison], list[Finding]]:
    """Both years' figures side by side, and the findings of the form's last-year
    controls: file-level findings (no line) for figures that changed past their limits,
    and per-record findings for amounts many times the same person's last year."""
    comparisons: list[Comparison] = []
    findings: list[Finding] = []
    memo: AmountMemo = {}  # lives for this comparison only: the records may change after
    for compiled in validator.last_year_controls:
        control = compiled.control
        spec = control.spec
        if control.kind == "lastYearFigure":
            this = _figure(spec["figure"], records, memo)
            if this is None:
                continue
            before = _figure(spec["figure"], last.records, memo)
            comparison = Comparison(this.id, this.label, this, before)
            comparisons.append(comparison)
            finding = _figure_finding(validator, compiled, comparison, context)
            if finding is not None:
                findings.append(finding)
        elif control.kind == "lastYearAmount":
            findings += _amount_findings(
                validator, compiled, records, last.records, context, memo
            )
    return comparisons, findings


def _figure_finding(
    validator: FormValidator, compiled: Any, comparison: Comparison, context: ValidationContext
) -> Finding | None:
    spec = compiled.control.spec
    change = comparison.change
    if change is None or comparison.last_year is None:
        return None
    if comparison.last_year.value < spec.get("minLastYear", 0):
        return None
    limit = spec.get("maxChangePoints", spec.get("maxChangePercent"))
    if abs(change) <= limit:
        return None
    return validator.make_finding(
        compiled,
        None,
        None,
        context,
        more={
            "figure": comparison.label,
            "thisYear": comparison.this_year.display(),
            "lastYear": comparison.last_year.display(),
            "lastYearNumber": comparison.last_year.value,
            "change": comparison.change_text(),
            "limit": f"{limit:g}",
        },
    )


def _columns(form: FormDefinition, names: Sequence[str]) -> list[tuple[int, int]] | None:
    out = []
    for name in names:
        if not form.has_field(name):
            return None
        column = form.field(name).column
        assert column is not None
        out.append((column.start, column.end))
    return out


def _amount_findings(
    validator: FormValidator,
    compiled: Any,
    records: RecordSet,
    last: RecordSet,
    context: ValidationContext,
    memo: AmountMemo | None = None,
) -> list[Finding]:
    spec = compiled.control.spec
    factor, minimum = spec["factor"], spec["minAmount"]
    this_amounts = _columns(records.form, spec["amounts"])
    last_amounts = _columns(last.form, spec["amounts"])
    if this_amounts is None or last_amounts is None:
        return []
    # Per record, as few Python steps as can be: list comprehensions over the columns
    # (this is the one control that looks at every record of both years).
    lines, last_lines = records.lines, last.lines
    this_totals = _line_amounts(lines, this_amounts, memo)
    last_totals: list[int] | None = None
    before: list[int | None] = [None] * len(lines)
    matched_by: dict[int, str] = {}  # records matched on another identifier than the first
    remaining: list[int] | None = None  # None: every record; else those still unmatched
    first_match = spec["matchBy"][0]
    for name in spec["matchBy"]:
        this_col, last_col = _columns(records.form, [name]), _columns(last.form, [name])
        if this_col is None or last_col is None or remaining == []:
            continue
        (start, end), (last_start, last_end) = this_col[0], last_col[0]
        indexes = range(len(lines)) if remaining is None else remaining
        keys = [lines[i][start:end].strip() for i in indexes]
        blank = [i for i, key in zip(indexes, keys, strict=True) if not key.strip("0")]
        if len(blank) < len(keys):
            if last_totals is None:
                last_totals = _line_amounts(last_lines, last_amounts, memo)
            last_keys = [line[last_start:last_end].strip() for line in last_lines]
            by_key = dict(zip(last_keys, last_totals, strict=True))
            if len(by_key) < len(last_keys):  # a person on several lines: add them up
                by_key = {}
                for key, amount in zip(last_keys, last_totals, strict=True):
                    by_key[key] = by_key.get(key, 0) + amount
            for key in [key for key in by_key if not key.strip("0")]:
                del by_key[key]  # not filled in last year: matches nobody
            found = list(map(by_key.get, keys))
            if remaining is None:
                before, first_match = found, name
            else:
                for i, was in zip(indexes, found, strict=True):
                    if was is not None:
                        before[i], matched_by[i] = was, name
        # Matched on the first identifier that is filled in, or not at all.
        remaining = blank
    hits = [
        i
        for i, (amount, was) in enumerate(zip(this_totals, before, strict=True))
        if was and amount >= minimum and amount > factor * was
    ]
    findings = []
    for i in hits:
        amount, was = this_totals[i], before[i]
        assert was is not None
        findings.append(
            validator.make_finding(
                compiled,
                lines[i],
                records.line_number(i),
                context,
                more={
                    "thisYear": amount,
                    "lastYear": was,
                    "times": f"{amount / was:.0f}",
                    "factor": f"{factor:g}",
                    "matchedBy": records.form.field(
                        matched_by.get(i, first_match)
                    ).label,
                },
            )
        )
    return findings
