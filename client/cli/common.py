"""What several subcommands share: picking the form, reading the input, the region."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from client.core.documents import FormDocument, load_document
from client.core.errors import UserError
from client.core.forms.catalog import FormCatalog
from client.core.forms.model import FormDefinition

_NO_YEAR = {
    "nb": "Ingen skjema er installert for {year} eller tidligere. Oppgi --year.",
    "nn": "Ingen skjema er installerte for {year} eller tidlegare. Oppgi --year.",
    "en": "No forms are installed for {year} or earlier. Give --year.",
}


def add_form_arguments(
    parser: argparse.ArgumentParser,
    *,
    region_required: bool = True,
    many_files: bool = False,
    file_optional: bool = False,
) -> None:
    if many_files:
        parser.add_argument(
            "files", metavar="FIL", nargs="+",
            help="SSB-fil (fast bredde), utkast eller svarfil (JSON); flere filer (Oslos "
            "bydeler) kontrolleres hver for seg og så sammen",
        )
    else:
        parser.add_argument(
            "file", metavar="FIL", nargs="?" if file_optional else None,
            help="SSB-fil (fast bredde), utkast eller svarfil (JSON)",
        )
    parser.add_argument("--form", required=True, help="skjema, for eksempel 11F, 11CF eller 12")
    parser.add_argument(
        "--year", type=int, help="rapporteringsår (standard: siste installerte år)"
    )
    parser.add_argument(
        "--region",
        required=region_required,
        help="kommunenummer (4 sifre) + bydel (2 sifre), for eksempel 030101 eller 460100",
    )


def resolve_form(catalog: FormCatalog, form_id: str, year: int | None) -> FormDefinition:
    if year is None:
        year = catalog.current_year()
        if year is None:
            raise UserError(_NO_YEAR, year=dt.date.today().year)
    return catalog.load(form_id, year)


def other_record_lengths(catalog: FormCatalog, form: FormDefinition) -> dict[int, str]:
    """Record lengths of the other installed record forms, to recognise a file of the
    wrong form. Lengths shared with the chosen form tell nothing and are left out. Only
    each layout's length is read: loading every definition would cost more than the check."""
    lengths: dict[int, str] = {}
    for item in catalog.installed():
        if item.form_id == form.form_id and item.year == form.year:
            continue
        try:
            layout = json.loads((item.directory / "layout.json").read_text("utf-8"))
            length = int(layout["recordLength"])
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a questionnaire, or a broken definition elsewhere: not this form's concern
        if length != form.record_length:
            lengths.setdefault(length, f"skjema {item.form_id} {item.year}")
    return lengths


def load_input(
    args: argparse.Namespace, catalog: FormCatalog | None = None, path: str | None = None
) -> FormDocument:
    catalog = catalog or FormCatalog()
    form = resolve_form(catalog, args.form, args.year)
    args.year = form.year
    known = other_record_lengths(catalog, form) if form.is_record_form else None
    return load_document(path if path is not None else args.file, form, known)
