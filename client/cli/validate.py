"""`kostra validate`: SSB's controls, offline, on a record file or a questionnaire's answers."""

from __future__ import annotations

import argparse
import json
import sys
from itertools import groupby
from typing import Any, TextIO

from client.cli.common import add_form_arguments, load_input, print_region_notes
from client.core.documents import FormDocument
from client.core.i18n import tr
from client.core.kommuner import foreign_data, foreign_data_text
from client.core.validation.engine import FormValidator, ValidationContext
from client.core.validation.findings import Finding, has_blocking, sort_findings, summarize

SEVERITY_LABELS = {
    "FATAL": {"nb": "KRITISK", "nn": "KRITISK", "en": "FATAL"},
    "ERROR": {"nb": "FEIL", "nn": "FEIL", "en": "ERROR"},
    "WARNING": {"nb": "ADVARSEL", "nn": "ÅTVARING", "en": "WARNING"},
    "INFO": {"nb": "INFO", "nn": "INFO", "en": "INFO"},
}

_TEXT = {
    "header": {
        "nb": "Skjema {form} {title}, {year}, region {region}",
        "nn": "Skjema {form} {title}, {year}, region {region}",
        "en": "Form {form} {title}, {year}, region {region}",
    },
    "file": {
        "nb": "Fil: {path} ({encoding}, {records} poster)",
        "nn": "Fil: {path} ({encoding}, {records} postar)",
        "en": "File: {path} ({encoding}, {records} records)",
    },
    "answers": {"nb": "Svarfil: {path}", "nn": "Svarfil: {path}", "en": "Answers file: {path}"},
    "record": {
        "nb": "Linje {line} · journalnr. {journal} · saksbehandler {caseworker}",
        "nn": "Line {line} · journalnr. {journal} · saksbehandlar {caseworker}",
        "en": "Line {line} · journal no. {journal} · caseworker {caseworker}",
    },
    "form_level": {"nb": "Skjemaet", "nn": "Skjemaet", "en": "The form"},
    "summary": {
        "nb": "Sum: {FATAL} kritiske, {ERROR} feil, {WARNING} advarsler, {INFO} info.",
        "nn": "Sum: {FATAL} kritiske, {ERROR} feil, {WARNING} åtvaringar, {INFO} info.",
        "en": "Total: {FATAL} fatal, {ERROR} errors, {WARNING} warnings, {INFO} info.",
    },
    "clean": {
        "nb": "Ingen funn: filen består alle kontrollene.",
        "nn": "Ingen funn: fila består alle kontrollane.",
        "en": "No findings: the file passes every control.",
    },
    "blocked": {
        "nb": "SSB vil avvise filen slik den er. Rett de kritiske feilene og feilene først.",
        "nn": "SSB vil avvise fila slik ho er. Rett dei kritiske feila og feila først.",
        "en": "SSB will reject the file as it is. Fix the fatal findings and errors first.",
    },
    "warnings": {
        "nb": "Ingen feil. Advarslene må forklares før innsending.",
        "nn": "Ingen feil. Åtvaringane må forklarast før innsending.",
        "en": "No errors. The warnings must be explained before submission.",
    },
}


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "validate",
        help="kontroller en fil mot SSBs kontroller",
        description="Kjører alle SSBs kontroller (og klientens egne) på en SSB-fil, et utkast "
        "eller en svarfil. Avslutningskode 0: ingen kritiske feil eller feil; 1: minst én; "
        "2: feil bruk eller fil som ikke kan leses.",
    )
    add_form_arguments(parser)
    parser.add_argument("--json", action="store_true", help="skriv resultatet som ett JSON-objekt")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ValidationContext.from_region(args.region, args.year or 0)  # a bad region before any reading
    document = load_input(args)
    form = document.form
    context = ValidationContext.from_region(args.region, form.year)
    print_region_notes(args.region, form.year, args.lang)
    if document.records is not None:
        foreign = foreign_data(document.records, context.kommunenummer, form.year)
        if foreign is not None:  # said once, not only as one finding per record
            text = foreign_data_text(foreign, context.kommunenummer, form.year)
            print(tr(text, args.lang), file=sys.stderr)
    order = {field.name: i for i, field in enumerate(form.fields)}
    findings = sort_findings(FormValidator(form).validate(document.data, context), order)
    if args.json:
        write_json(sys.stdout, document, context, findings, args.lang)
    else:
        write_report(sys.stdout, document, context, findings, args.lang, args.file)
    return 1 if has_blocking(findings) else 0


def report_json(
    document: FormDocument, context: ValidationContext, findings: list[Finding], lang: str
) -> dict[str, Any]:
    records = document.records
    return {
        "form": document.form.form_id,
        "year": document.form.year,
        "region": context.region,
        "records": len(records) if records is not None else None,
        "encoding": records.source.encoding_label if records and records.source else None,
        "findings": [f.to_json(lang) for f in findings],
        "summary": summarize(findings),
    }


def write_json(
    out: TextIO,
    document: FormDocument,
    context: ValidationContext,
    findings: list[Finding],
    lang: str,
) -> None:
    """report_json's object, written one finding at a time: half a million findings
    would otherwise be held twice, as dicts and as one string."""
    report = report_json(document, context, [], lang)
    del report["findings"], report["summary"]
    out.write(json.dumps(report, ensure_ascii=False)[:-1] + ', "findings": [')
    for n, finding in enumerate(findings):
        out.write((", " if n else "") + json.dumps(finding.to_json(lang), ensure_ascii=False))
    out.write('], "summary": ' + json.dumps(summarize(findings)) + "}\n")


def write_report(
    out: TextIO,
    document: FormDocument,
    context: ValidationContext,
    findings: list[Finding],
    lang: str,
    path: str,
) -> None:
    form = document.form
    t = {key: tr(text, lang) for key, text in _TEXT.items()}
    out.write(t["header"].format(form=form.form_id, title=tr(form.title, lang), year=form.year,
                                 region=context.region) + "\n")
    records = document.records
    if records is not None:
        encoding = records.source.encoding_label if records.source else "–"
        out.write(t["file"].format(path=path, encoding=encoding, records=len(records)) + "\n")
    else:
        out.write(t["answers"].format(path=path) + "\n")
    for line, group in groupby(findings, key=lambda f: f.line):
        items = list(group)
        out.write("\n")
        if line is None:
            out.write(t["form_level"] + "\n")
        else:
            first = items[0]
            out.write(t["record"].format(line=line, journal=first.journal or "–",
                                         caseworker=first.caseworker or "–") + "\n")
        for finding in items:
            label = tr(SEVERITY_LABELS[finding.severity], lang)
            where = f" [{finding.field}]" if finding.field else ""
            out.write(f"  {label:<9} {finding.control:<7}{where} {finding.message(lang)}\n")
    out.write("\n" + t["summary"].format(**summarize(findings)) + "\n")
    if not findings:
        out.write(t["clean"] + "\n")
    elif has_blocking(findings):
        out.write(t["blocked"] + "\n")
    elif any(f.severity == "WARNING" for f in findings):
        out.write(t["warnings"] + "\n")
