"""Answers a questionnaire can start with from what the client already knows.

Skjema 7, 7B and 12 each ask for the kommunenummer and the person SSB may contact. The
kommunenummer is the reporting unit's; the contact person is usually the same on all of
the year's forms. Which fields these are is form data (form.json's `identity.kommune`
and `identity.contact`), so next year's forms say it in their own files.

Only blank answers are filled: what the caseworker wrote stays, and the controls still
compare the kommunenummer with the unit's. The contact part is taken whole from one
other form, never pieced together from several people.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from client.core.forms.model import FormDefinition
from client.core.i18n import Text

UNIT = "unit"  # the source of a value filled from the reporting unit


@dataclass(frozen=True)
class Started:
    answers: dict[str, Any]
    # Each filled question's source: UNIT, or the id of the form it was taken from.
    filled: dict[str, str] = field(default_factory=dict)

    def note(self) -> Text | None:
        """One sentence for the window's status line, or None when nothing was filled."""
        sources = sorted(set(self.filled.values()))
        if not sources:
            return None
        parts: dict[str, list[str]] = {lang: [] for lang in _NOTE}
        if UNIT in sources:
            for lang, texts in _NOTE.items():
                parts[lang].append(texts["unit"])
        for source in (s for s in sources if s != UNIT):
            for lang, texts in _NOTE.items():
                parts[lang].append(texts["contact"].format(form=source))
        return {lang: " ".join(p) + " " + _NOTE[lang]["check"] for lang, p in parts.items()}


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def start_answers(
    form: FormDefinition,
    answers: Mapping[str, Any],
    kommunenummer: str,
    others: Mapping[str, Mapping[str, Any]],
) -> Started:
    """`answers` with the kommune field and the contact part filled where blank.
    `others`: the same year's other questionnaires' answers, by form id."""
    out = dict(answers)
    filled: dict[str, str] = {}
    identity = form.identity
    if form.is_record_form:
        return Started(out)
    if identity.kommune and form.has_field(identity.kommune) and is_blank(
            out.get(identity.kommune)):
        out[identity.kommune] = kommunenummer
        filled[identity.kommune] = UNIT
    contact = [name for name in identity.contact if form.has_field(name)]
    if contact and all(is_blank(out.get(name)) for name in contact):
        for form_id, other in sorted(others.items()):
            values = {name: other.get(name) for name in contact}
            if form_id != form.form_id and not any(is_blank(v) for v in values.values()):
                out.update(values)
                filled.update(dict.fromkeys(contact, form_id))
                break
    return Started(out, filled)


_NOTE: dict[str, dict[str, str]] = {
    "nb": {
        "unit": "Kommunenummeret er fylt inn fra rapporteringsenheten.",
        "contact": "Kontaktpersonen er hentet fra skjema {form}.",
        "check": "Se over og endre om det trengs.",
    },
    "nn": {
        "unit": "Kommunenummeret er fylt inn frå rapporteringseininga.",
        "contact": "Kontaktpersonen er henta frå skjema {form}.",
        "check": "Sjå over og endre om det trengst.",
    },
    "en": {
        "unit": "The municipality number was filled in from the reporting unit.",
        "contact": "The contact person was taken from form {form}.",
        "check": "Check them and change them if needed.",
    },
}
