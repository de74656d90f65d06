"""Which forms and years are installed, and loading them by id and year."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from client.core.errors import UnknownFormError
from client.core.resources import bundled_forms_dir

if TYPE_CHECKING:
    # The definitions' classes load with the first form: listing what is installed
    # (the window's year list and overview at start) needs none of them.
    from client.core.forms.model import FormDefinition


def user_forms_dir() -> Path:
    """forms/ in the user's data folder (KOSTRA_DATA_DIR/forms when set): form packs go there."""
    from client.core.workspace import Workspace

    return Workspace.from_environment().data_dir / "forms"


def version_key(version: str) -> tuple[int, ...]:
    """The version "2026.1.0" as (2026, 1), for comparing: trailing zeros do not count."""
    parts = [int(p) for p in version.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def _version_in(form_dir: Path) -> tuple[int, ...]:
    try:
        return version_key(str(json.loads((form_dir / "form.json").read_bytes())["version"]))
    except (OSError, ValueError, KeyError, TypeError):
        return ()


@dataclass(frozen=True)
class InstalledForm:
    form_id: str
    year: int
    directory: Path


class FormCatalog:
    """The forms found under one or more roots; a later root overrides an earlier one,
    but never with an older version of the same form and year. By default: the
    bundled forms, then those installed from form packs."""

    def __init__(self, roots: Iterable[Path] | None = None) -> None:
        if roots is None:
            roots = [bundled_forms_dir(), user_forms_dir()]
        self.roots = [Path(r) for r in roots]
        self._cache: dict[tuple[str, int], FormDefinition] = {}

    def installed(self) -> list[InstalledForm]:
        found: dict[tuple[str, int], InstalledForm] = {}
        for root in self.roots:
            if not root.is_dir():
                continue
            for year_dir in root.iterdir():
                if not (year_dir.is_dir() and year_dir.name.isdigit()):
                    continue
                for form_dir in year_dir.iterdir():
                    if (form_dir / "form.json").is_file():
                        key = (form_dir.name, int(year_dir.name))
                        earlier = found.get(key)
                        if earlier and _version_in(form_dir) < _version_in(earlier.directory):
                            continue  # an old form pack must not hide a newer bundled form
                        found[key] = InstalledForm(form_dir.name, int(year_dir.name), form_dir)
        return sorted(found.values(), key=lambda f: (f.year, form_order(f.form_id)))

    def years(self) -> list[int]:
        return sorted({f.year for f in self.installed()})

    def current_year(self, today: dt.date | None = None) -> int | None:
        """The newest installed year that is not after the calendar year."""
        today = today or dt.date.today()
        eligible = [y for y in self.years() if y <= today.year]
        return max(eligible) if eligible else None

    def forms_for_year(self, year: int) -> list[InstalledForm]:
        return [f for f in self.installed() if f.year == year]

    def load(self, form_id: str, year: int) -> FormDefinition:
        key = (form_id.upper(), year)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        for item in self.installed():
            if item.form_id.upper() == form_id.upper() and item.year == year:
                # The loader pulls in jsonschema: imported here so listing forms stays fast.
                from client.core.forms.loader import load_form

                form = load_form(item.directory)
                self._cache[key] = form
                return form
        available = ", ".join(f"{f.form_id} {f.year}" for f in self.installed()) or "ingen"
        raise UnknownFormError(
            {
                "nb": "Skjema {form} for {year} er ikke installert. "
                "Installerte skjema: {available}.",
                "nn": "Skjema {form} for {year} er ikkje installert. "
                "Installerte skjema: {available}.",
                "en": "Form {form} for {year} is not installed. Installed forms: {available}.",
            },
            form=form_id,
            year=year,
            available=available,
        )


def form_order(form_id: str) -> tuple[int, str]:
    """SSB's numbering read as numbers: 7, 7B, 11CF, 11F, 12 (not "11CF" before "7")."""
    digits = len(form_id) - len(form_id.lstrip("0123456789"))
    return (int(form_id[:digits]) if digits else 10**6, form_id[digits:])
