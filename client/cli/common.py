"""What several subcommands share: picking the form, reading the input, the region."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from client.core.documents import FormDocument, load_document
from client.core.errors import UserError
from client.core.forms.catalog import FormCatalog
from client.core.forms.model import FormDefinition
from client.core.i18n import Text, tr

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


_REGION_READ_AS = {
    "nb": "Merk: region {given} leses som {region} (kommune {kommune}, bydel 00).",
    "nn": "Merk: region {given} blir lesen som {region} (kommune {kommune}, bydel 00).",
    "en": "Note: region {given} is read as {region} (municipality {kommune}, district 00).",
}


def region_notes(given: str, year: int) -> list[Text]:
    """What the user should know about how `--region` was read: a 4-digit region gets
    bydel 00, and a kommunenummer not in the year's list of kommuner is named."""
    from client.core.kommuner import unknown_kommune_note

    notes: list[Text] = []
    given = given.strip()
    if len(given) == 4 and given.isdigit():
        notes.append({k: v.format(given=given, region=given + "00", kommune=given)
                      for k, v in _REGION_READ_AS.items()})
    note = unknown_kommune_note(given[:4], year)
    if note is not None:
        notes.append(note)
    return notes


def print_region_notes(given: str, year: int, lang: str) -> None:
    for note in region_notes(given, year):
        print(tr(note, lang), file=sys.stderr)


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
    found: dict[int, dict[str, list[int]]] = {}
    for item in catalog.installed():
        if item.form_id == form.form_id and item.year == form.year:
            continue
        try:
            layout = json.loads((item.directory / "layout.json").read_text("utf-8"))
            length = int(layout["recordLength"])
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a questionnaire, or a broken definition elsewhere: not this form's concern
        if length != form.record_length:
            found.setdefault(length, {}).setdefault(item.form_id, []).append(item.year)
    # Layouts of several years share a length (11CF 2025 and 2026): name them all.
    return {
        length: " / ".join(f"skjema {form_id} {'/'.join(map(str, sorted(years)))}"
                           for form_id, years in sorted(by_form.items()))
        for length, by_form in found.items()
    }


def load_input(
    args: argparse.Namespace, catalog: FormCatalog | None = None, path: str | None = None
) -> FormDocument:
    catalog = catalog or FormCatalog()
    form = resolve_form(catalog, args.form, args.year)
    args.year = form.year
    known = other_record_lengths(catalog, form) if form.is_record_form else None
    return load_document(path if path is not None else args.file, form, known, _draft_keys(args))


def _draft_keys(args: argparse.Namespace) -> Any:
    """The drafts' key as the desktop window keeps it, so `kostra validate` and
    `kostra submit` read an encrypted draft; fetched only when one is met."""
    from client.cli.keys import TerminalAsker
    from client.core.atrest import DraftKeys
    from client.core.datadir import key_directory
    from client.core.submission.secrets import KeyringSecretStore
    from client.core.workspace import Workspace

    asker = TerminalAsker(args.lang, getattr(args, "passphrase_env", None))
    directory = key_directory(Workspace.from_environment().data_dir)
    return DraftKeys(directory, KeyringSecretStore(), asker)


_BAD_WITH = {
    "nb": "--with «{value}» er ugyldig. Skriv skjema og fil med likhetstegn mellom, for "
    "eksempel --with 11F=sosialhjelp.txt.",
    "nn": "--with «{value}» er ugyldig. Skriv skjema og fil med likskapsteikn mellom, til "
    "dømes --with 11F=sosialhjelp.txt.",
    "en": "--with «{value}» is invalid. Give the form and the file with an equals sign between, "
    "for example --with 11F=sosialhjelp.txt.",
}


def add_with_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--with", dest="others", action="append", default=[], metavar="SKJEMA=FIL",
        help="et annet skjema for samme år (for eksempel 11F=sosialhjelp.txt): klientens "
        "kontroller på tvers av skjema (K-7-OKRAD-11F, K-12-SATS-11F) kjøres mot det",
    )


_WITH_UNUSED = {
    "nb": "--with {form}: skjema {this} har ingen kontroller mot skjema {form}. Skjema {this} "
    "sammenlignes bare med {forms}.",
    "nn": "--with {form}: skjema {this} har ingen kontrollar mot skjema {form}. Skjema {this} "
    "blir berre samanlikna med {forms}.",
    "en": "--with {form}: form {this} has no controls against form {form}. Form {this} is "
    "compared with {forms} only.",
}
_WITH_NONE = {
    "nb": "--with {form}: skjema {this} har ingen kontroller mot andre skjema. Utelat --with.",
    "nn": "--with {form}: skjema {this} har ingen kontrollar mot andre skjema. Utelat --with.",
    "en": "--with {form}: form {this} has no controls against other forms. Leave out --with.",
}
_WITH_TWICE = {
    "nb": "--with {form} er gitt mer enn én gang. Gi årets fil for skjema {form} én gang.",
    "nn": "--with {form} er gitt meir enn éin gong. Gi årets fil for skjema {form} éin gong.",
    "en": "--with {form} is given more than once. Give this year's file for form {form} once.",
}


def load_others(
    args: argparse.Namespace, form: FormDefinition, kommunenummer: str | None = None
) -> dict[str, Any]:
    """The year's other record forms given with --with, by form id (for cross-form
    controls). Each must be a form the controls compare with, given once, read as that
    form's file (not another form's or year's layout) and of the same year and (given
    `kommunenummer`) municipality, or the user is told and nothing is checked."""
    from client.core.provenance import check_same_year
    from client.core.validation.crossforms import cross_controls

    catalog = FormCatalog()
    wanted = sorted({c.spec["otherForm"] for c in cross_controls(form)})
    others: dict[str, Any] = {}
    for item in args.others:
        form_id, _, path = item.partition("=")
        if not form_id or not path:
            raise UserError(_BAD_WITH, value=item)
        other_form = catalog.load(form_id, form.year)
        if other_form.form_id not in wanted:
            raise UserError(_WITH_UNUSED if wanted else _WITH_NONE, form=other_form.form_id,
                            this=form.form_id, forms=", ".join(wanted))
        if other_form.form_id in others:
            raise UserError(_WITH_TWICE, form=other_form.form_id)
        other = load_document(path, other_form, other_record_lengths(catalog, other_form))
        if other.records is not None:
            check_same_year(other.records, str(path), year=form.year,
                            kommunenummer=kommunenummer)
            others[other.form.form_id] = other.records
    return others


_LAST_YEAR_BLANK: Text = {
    "nb": "--last-year er tom. Oppgi fjorårets fil, eller utelat --last-year.",
    "nn": "--last-year er tom. Oppgi fjorårsfila, eller utelat --last-year.",
    "en": "--last-year is empty. Give last year's file, or leave --last-year out.",
}


_LAST_YEAR_QUESTIONNAIRE: Text = {
    "nb": "--last-year sammenligner postene med fjorårets og gjelder bare postskjema "
    "(11F, 11CF). Skjema {form} er et spørreskjema: bruk det uten --last-year.",
    "nn": "--last-year samanliknar postane med fjorårets og gjeld berre postskjema "
    "(11F, 11CF). Skjema {form} er eit spørjeskjema: bruk det utan --last-year.",
    "en": "--last-year compares the records with last year's and applies to record forms "
    "(11F, 11CF) only. Form {form} is a questionnaire: use it without --last-year.",
}


def check_last_year_for_records(args: argparse.Namespace, form: FormDefinition) -> None:
    """--last-year with a questionnaire is refused, not quietly left out."""
    if args.last_year and not form.is_record_form:
        raise UserError(_LAST_YEAR_QUESTIONNAIRE, form=form.form_id)


def check_last_year_given(args: argparse.Namespace) -> None:
    """`--last-year ""` (say `--last-year "$FJOR"` with FJOR unset) is refused: left out
    quietly, last year's controls would not run on what the user believes is compared."""
    if args.last_year is not None and not args.last_year.strip():
        raise UserError(_LAST_YEAR_BLANK)


def add_last_year_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--last-year",
        metavar="FJORÅR",
        help="fjorårets SSB-fil, utkast eller innsendingsfil (.asice), i hvilken som helst "
        "årgangs format: tallene sammenlignes og store endringer gir advarsler (K-)",
    )
