"""Which forms and years are installed, and loading them by id and year."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from client.core.errors import UnknownFormError
from client.core.forms.loader import load_form
from client.core.forms.model import FormDefinition


def bundled_forms_dir() -> Path:
    """forms/ next to the package from source, or inside the frozen bundle."""
    override = os.environ.get("KOSTRA_FORMS_DIR")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "forms"
    return Path(__file__).resolve().parents[3] / "forms"


@dataclass(frozen=True)
class InstalledForm:
    form_id: str
    year: int
    directory: Path


class FormCatalog:
    """The forms found under one or more roots; a later root overrides an earlier one."""

    def __init__(self, roots: Iterable[Path] | None = None) -> None:
        self.roots = [Path(r) for r in (roots if roots is not None else [bundled_forms_dir()])]
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
                        found[key] = InstalledForm(form_dir.name, int(year_dir.name), form_dir)
        return sorted(found.values(), key=lambda f: (f.year, f.form_id))

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
