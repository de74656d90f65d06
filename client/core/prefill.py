"""Starting a new year's questionnaire from last year's answers (a signed submission's
form data or a draft): what carries over, what changed, and what the new definition no
longer has, named rather than silently dropped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from client.core.errors import InputFileError
from client.core.forms.model import FormDefinition
from client.core.i18n import Text
from client.core.records.fixedwidth import MAX_FILE_BYTES
from client.core.validation.compiler import schema_validator


@dataclass(frozen=True)
class Prefill:
    answers: dict[str, Any]  # what the new form starts with
    carried: tuple[str, ...]  # questions answered from last year, unchanged
    changed: tuple[str, ...]  # carried over, but the answer had to change (see `notes`)
    dropped: dict[str, Any] = field(default_factory=dict)  # last year's answers to no question
    notes: dict[str, str] = field(default_factory=dict)  # why an answer changed or was left out

    @property
    def marked(self) -> set[str]:
        """Questions the window marks as taken from last year (changed or not)."""
        return set(self.carried) | set(self.changed)


def _fits(schema: Mapping[str, Any], value: Any) -> bool:
    return schema_validator(schema).is_valid(value)


def prefill(form: FormDefinition, last_year: Mapping[str, Any]) -> Prefill:
    """The new year's starting answers. An answer is carried when the new definition has the
    question and the answer fits its schema; a table keeps the columns that still exist and
    a multiple choice the codes that still exist (marked changed); the contact part and
    computed totals are carried too (totals are recomputed). Anything else is in `dropped`."""
    from client.core.forms.answers import apply_computed

    answers: dict[str, Any] = {}
    carried: list[str] = []
    changed: list[str] = []
    dropped: dict[str, Any] = {}
    notes: dict[str, str] = {}
    for name, value in last_year.items():
        if not form.has_field(name):
            dropped[name] = value
            notes[name] = "not a question of the new form"
            continue
        target = form.field(name)
        schema = target.schema
        if target.read_only:
            continue  # recomputed below
        if _fits(schema, value):
            answers[name] = value
            carried.append(name)
            continue
        if target.is_table and isinstance(value, list):
            columns = {c.name for c in target.columns}
            rows = [{k: v for k, v in r.items() if k in columns} for r in value
                    if isinstance(r, dict)]
            lost = sorted({k for r in value if isinstance(r, dict) for k in r} - columns)
            answers[name], notes[name] = rows, "columns no longer asked: " + ", ".join(lost)
            changed.append(name)
            if lost:
                dropped[name] = value
            continue
        if target.type == "multichoice" and isinstance(value, list):
            codes = {c.code for c in target.codes}
            kept = [v for v in value if v in codes]
            if kept:
                answers[name] = kept
                changed.append(name)
            else:
                dropped[name] = value
            notes[name] = "codes no longer offered: " + ", ".join(
                str(v) for v in value if v not in codes)
            continue
        dropped[name] = value
        notes[name] = "the answer does not fit the new question"
    return Prefill(apply_computed(form, answers), tuple(carried), tuple(changed), dropped, notes)


FORM_DATA_ENTRY = "skjema.json"  # the form data inside a submission container


class PrefillSourceError(InputFileError, ValueError):
    """Last year's answers cannot be taken from the file given (a message for the user)."""


_TEXT: dict[str, Text] = {
    "unreadable": {
        "nb": "Kan ikke hente fjorårets svar fra {path}: {reason}. Velg fjorårets utkast, "
        "svarfil eller innsending (.asice) for skjemaet.",
        "nn": "Kan ikkje hente fjorårssvara frå {path}: {reason}. Vel fjorårsutkastet, "
        "svarfila eller innsendinga (.asice) for skjemaet.",
        "en": "Cannot take last year's answers from {path}: {reason}. Choose last year's "
        "draft, answers file or submission (.asice) of the form.",
    },
    "other_form": {
        "nb": "{path} gjelder skjema {found}, ikke {form}. Velg fjorårets utkast eller "
        "innsending for skjema {form}.",
        "nn": "{path} gjeld skjema {found}, ikkje {form}. Vel fjorårsutkastet eller "
        "innsendinga for skjema {form}.",
        "en": "{path} is for form {found}, not {form}. Choose last year's draft or submission "
        "of form {form}.",
    },
    "not_before": {
        "nb": "{path} gjelder {found}, men fjorårets svar skal være fra et år før {year}. Velg "
        "utkastet eller innsendingen for {last}.",
        "nn": "{path} gjeld {found}, men fjorårssvara skal vere frå eit år før {year}. Vel "
        "utkastet eller innsendinga for {last}.",
        "en": "{path} is for {found}, but last year's answers must be from a year before {year}. "
        "Choose the draft or submission for {last}.",
    },
}


def last_year_answers(
    path: Path, draft_keys: Any = None, *, form: FormDefinition | None = None
) -> dict[str, Any]:
    """A questionnaire's answers from a signed submission (the container's form data; an
    encrypted one cannot be read here, only by SSB), a draft (decrypted with `draft_keys`
    when it is encrypted at rest) or a plain answers file.
    Given the new year's `form`, a draft or submission of another form, or of that year or
    later, is refused. Raises PrefillSourceError (a ValueError) saying why."""
    import zipfile

    from client.core.atrest import decrypt, is_encrypted
    from client.core.documents import parse_json
    from client.core.errors import UserError

    path = Path(path)
    shown = str(path)

    def fail(reason: str) -> PrefillSourceError:
        return PrefillSourceError(_TEXT["unreadable"], path=shown, reason=reason)

    try:
        if path.is_dir():
            raise fail("det er en mappe")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise fail("filen er for stor")
        raw = path.read_bytes()
        if is_encrypted(raw):
            if draft_keys is None:
                raise fail("utkastet er kryptert, og nøkkelen til det er ikke her")
            try:
                raw = decrypt(draft_keys.key(), raw, str(path))
            except UserError as error:
                raise fail(error.message()) from None
        if raw[:2] == b"PK":
            with zipfile.ZipFile(path) as container:
                names = container.namelist()
                if FORM_DATA_ENTRY not in names:
                    raise fail("skjemadataene i innsendingen er kryptert til SSB eller mangler")
                if container.getinfo(FORM_DATA_ENTRY).file_size > MAX_FILE_BYTES:
                    raise fail("skjemadataene er for store")
                raw = container.read(FORM_DATA_ENTRY)
        data = parse_json(raw)
    except OSError as exc:
        raise fail(exc.strerror or type(exc).__name__) from None
    except (zipfile.BadZipFile, RuntimeError):
        raise fail("innsendingsfilen er skadet") from None
    except ValueError as exc:
        if isinstance(exc, PrefillSourceError):
            raise
        reason = "ikke UTF-8" if isinstance(exc, UnicodeDecodeError) else getattr(
            exc, "msg", str(exc))
        raise fail(f"ikke JSON ({reason})") from None
    if not isinstance(data, dict):
        raise fail("ikke et JSON-objekt")
    if form is not None and "format" in data:
        _check_form_and_year(data, form, shown)
    answers = data.get("answers", data) if "format" in data else data
    if not isinstance(answers, dict):
        raise fail("ingen svar")
    return dict(answers)


def _check_form_and_year(data: dict[str, Any], form: FormDefinition, shown: str) -> None:
    """A draft or a submission names its form and year: another form's, or the new year's
    or a later one's, is no last year for `form`."""
    found_form, found_year = data.get("form"), data.get("year")
    if found_form is not None and str(found_form).upper() != form.form_id.upper():
        raise PrefillSourceError(_TEXT["other_form"], path=shown, found=found_form,
                                 form=form.form_id)
    if isinstance(found_year, int) and found_year >= form.year:
        raise PrefillSourceError(_TEXT["not_before"], path=shown, found=found_year,
                                 year=form.year, last=form.year - 1)


def from_last_years_draft(workspace: Any, catalog: Any, form: FormDefinition) -> Prefill | None:
    """The prefill for `form` from the user's draft of the same form for the year before,
    when there is one and it can be read (None otherwise: the window offers nothing)."""
    from client.core.drafts import DraftError, load_draft
    from client.core.errors import UserError

    year = form.year - 1
    if not workspace.has_draft(form.form_id, year):
        return None
    try:
        last = catalog.load(form.form_id, year)
        document = load_draft(workspace.draft_path(form.form_id, year), last,
                              getattr(workspace, "draft_keys", None))
    except (DraftError, UserError, OSError):
        return None
    if document.answers is None:
        return None
    return prefill(form, document.answers)
