"""`kostra forms`: which forms and years are installed, and what each one controls."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from client.core.errors import UserError
from client.core.forms.catalog import FormCatalog
from client.core.forms.model import FormDefinition
from client.core.i18n import tr
from client.core.validation.findings import severity_label

EXIT_UNREADABLE = 2  # as for any input that cannot be read

_TEXT = {
    "broken": {
        "nb": "Skjema {form} {year} kan ikke brukes: {problem}",
        "nn": "Skjema {form} {year} kan ikkje brukast: {problem}",
        "en": "Form {form} {year} cannot be used: {problem}",
    },
    "none": {
        "nb": "Ingen skjema er installert.",
        "nn": "Ingen skjema er installerte.",
        "en": "No forms are installed.",
    },
    "record": {"nb": "postfil, {length} tegn", "nn": "postfil, {length} teikn",
               "en": "record file, {length} characters"},
    "questionnaire": {"nb": "spørreskjema", "nn": "spørjeskjema", "en": "questionnaire"},
    "ssb": {"nb": "SSBs kontroller", "nn": "SSB sine kontrollar", "en": "SSB's controls"},
    "ours": {
        "nb": "Klientens egne kontroller (ikke i SSBs program)",
        "nn": "Klienten sine eigne kontrollar (ikkje i SSB sitt program)",
        "en": "The client's own controls (not in SSB's program)",
    },
}


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "forms", help="vis installerte skjema og år", description="Viser installerte skjema og år."
    )
    parser.add_argument("--controls", action="store_true",
                        help="vis også kontrollene, SSBs og klientens egne hver for seg")
    parser.add_argument("--form", help="bare dette skjemaet")
    parser.add_argument("--year", type=int, help="bare dette året")
    parser.add_argument("--json", action="store_true", help="skriv listen som JSON")
    parser.set_defaults(run=run)
    actions = parser.add_subparsers(dest="action", metavar="HANDLING")
    install = actions.add_parser(
        "install", help="installer en signert skjemapakke (nye skjema for et år)",
        description="Kontrollerer signaturen og installerer skjemaene i skjemapakken.",
    )
    install.add_argument("pack", metavar="PAKKE", help="skjemapakken (.zip) fra utgiveren")
    install.set_defaults(run=run_install)


def run_install(args: argparse.Namespace) -> int:
    from pathlib import Path

    from client.core.formpacks import install_pack

    print(install_pack(Path(args.pack)).message(args.lang))
    return 0


def run(args: argparse.Namespace) -> int:
    catalog = FormCatalog()
    forms: list[FormDefinition] = []
    broken: list[str] = []
    for item in catalog.installed():
        if (args.form is not None and item.form_id.upper() != args.form.upper()) or (
                args.year is not None and item.year != args.year):
            continue
        try:
            forms.append(catalog.load(item.form_id, item.year))
        except UserError as error:  # one broken definition must not hide the others
            broken.append(tr(_TEXT["broken"], args.lang).format(
                form=item.form_id, year=item.year, problem=error.message(args.lang)))
    for line in broken:
        print(line, file=sys.stderr)
    exit_code = EXIT_UNREADABLE if broken else 0
    if args.json:
        json.dump([_form_json(f, args.controls, args.lang) for f in forms], sys.stdout,
                  ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return exit_code
    if not forms:
        if not broken:
            print(tr(_TEXT["none"], args.lang))
        return exit_code
    for form in forms:
        kind = (tr(_TEXT["record"], args.lang).format(length=form.record_length)
                if form.is_record_form else tr(_TEXT["questionnaire"], args.lang))
        print(f"{form.year}  {form.form_id:<5} {tr(form.title, args.lang)} "
              f"({kind}; versjon {form.version}; {len(form.controls)} kontroller)")
        if args.controls:
            for heading, ours in (("ssb", False), ("ours", True)):
                controls = [c for c in form.controls if c.is_ours == ours]
                if not controls:
                    continue
                print(f"    {tr(_TEXT[heading], args.lang)}:")
                for c in controls:
                    where = f" [{c.field}]" if c.field else ""
                    label = severity_label(c.severity, args.lang)
                    print(f"      {c.id:<8} {label:<8}{where} {tr(c.title, args.lang)}")
            print()
    return exit_code


def _form_json(form: FormDefinition, controls: bool, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "form": form.form_id,
        "year": form.year,
        "title": tr(form.title, lang),
        "kind": form.kind,
        "version": form.version,
        "sha256": form.sha256,
        "recordLength": form.record_length,
    }
    if controls:
        out["controls"] = [
            {"id": c.id, "severity": c.severity, "field": c.field, "origin": c.origin,
             "title": tr(c.title, lang)}
            for c in form.controls
        ]
    return out
