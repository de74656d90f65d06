"""Starting a new year's questionnaire from last year's answers (a signed submission's
form data or a draft): what carries over, what changed, and what the new definition no
longer has, named rather than silently dropped."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema

from client.core.forms.model import FormDefinition
from client.core.validation.compiler import FORMAT_CHECKER


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
    return jsonschema.Draft202012Validator(schema, format_checker=FORMAT_CHECKER).is_valid(value)


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


def last_year_answers(path: Path, draft_keys: Any = None) -> dict[str, Any]:
    """A questionnaire's answers from a signed submission (the container's form data; an
    encrypted one cannot be read here, only by SSB), a draft (decrypted with
    `draft_keys` when it is encrypted at rest) or a plain answers file.
    Raises ValueError saying why when there are none."""
    from client.core.atrest import decrypt, is_encrypted
    from client.core.errors import UserError

    path = Path(path)
    raw = path.read_bytes()
    if is_encrypted(raw):
        if draft_keys is None:
            raise ValueError("the draft is encrypted")
        try:
            raw = decrypt(draft_keys.key(), raw, str(path))
        except UserError as error:
            raise ValueError(error.message()) from None
    if raw[:2] == b"PK":
        import zipfile

        with zipfile.ZipFile(path) as container:
            names = container.namelist()
            if FORM_DATA_ENTRY not in names:
                raise ValueError("the submission's form data is encrypted or missing")
            raw = container.read(FORM_DATA_ENTRY)
    data = json.loads(raw.decode("utf-8-sig"))
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    answers = data.get("answers", data) if "format" in data else data
    if not isinstance(answers, dict):
        raise ValueError("no answers")
    return dict(answers)


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
