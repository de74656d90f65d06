"""`kostra validate`: SSB's controls, offline, on a record file or a questionnaire's answers."""

from __future__ import annotations

import argparse
import json
import sys
from itertools import groupby
from pathlib import Path
from typing import Any, TextIO

from client.cli.common import add_form_arguments, load_input
from client.core.documents import FormDocument
from client.core.i18n import tr
from client.core.reports.compare import FindingRef, RunDiff, compare_runs, load_earlier_report
from client.core.reports.html import document_report
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
    "compare": {
        "nb": "Siden forrige kontroll: {fixed} rettet, {new} nye, {remaining} gjenstår.",
        "nn": "Sidan førre kontroll: {fixed} retta, {new} nye, {remaining} står att.",
        "en": "Since the earlier run: {fixed} fixed, {new} new, {remaining} remaining.",
    },
    "fixed": {"nb": "RETTET", "nn": "RETTA", "en": "FIXED"},
    "new": {"nb": "NY", "nn": "NY", "en": "NEW"},
    "journal": {"nb": "journalnr. {journal}", "nn": "journalnr. {journal}",
                "en": "journal no. {journal}"},
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
    parser.add_argument("--format", choices=("text", "json", "html"), default=None,
                        help="text (standard), json (ett JSON-objekt) eller html (en "
                        "selvstendig rapport med statistikk og diagrammer, for skjerm og A4)")
    parser.add_argument("--json", action="store_true", help="det samme som --format json")
    parser.add_argument("--compare", metavar="TIDLIGERE.json",
                        help="sammenlign med en tidligere rapport fra --format json: hva er "
                        "rettet, hva er nytt og hva gjenstår")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ValidationContext.from_region(args.region, args.year or 0)  # a bad region before any reading
    document = load_input(args)
    form = document.form
    context = ValidationContext.from_region(args.region, form.year)
    order = {field.name: i for i, field in enumerate(form.fields)}
    output = "json" if args.json else (args.format or "text")
    earlier = load_earlier_report(args.compare, form.form_id) if args.compare else None
    findings = sort_findings(FormValidator(form).validate(document.data, context), order)
    diff = (compare_runs(earlier, [FindingRef.of(f, args.lang) for f in findings])
            if earlier is not None else None)
    if output == "json":
        report = report_json(document, context, findings, args.lang)
        if diff is not None:
            report["compare"] = diff.to_json()
        json.dump(report, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    elif output == "html":
        sys.stdout.write(html_report(document, context, findings, args.lang, args.file, diff))
    else:
        write_report(sys.stdout, document, context, findings, args.lang, args.file)
        if diff is not None:
            write_diff(sys.stdout, diff, args.lang)
    return 1 if has_blocking(findings) else 0


def html_report(
    document: FormDocument,
    context: ValidationContext,
    findings: list[Finding],
    lang: str,
    path: str | None,
    diff: RunDiff | None = None,
) -> str:
    return document_report(document, context.region, findings, lang,
                           source_name=Path(path).name if path else None, diff=diff)


def write_diff(out: TextIO, diff: RunDiff, lang: str) -> None:
    out.write("\n" + tr(_TEXT["compare"], lang).format(
        fixed=len(diff.fixed), new=len(diff.new), remaining=len(diff.remaining)) + "\n")
    for key, refs in (("fixed", diff.fixed), ("new", diff.new)):
        for ref in refs:
            where = tr(_TEXT["journal"], lang).format(journal=ref.journal) if ref.journal else (
                f"{ref.line}" if ref.line is not None else "–")
            out.write(f"  {tr(_TEXT[key], lang):<8} {ref.control:<7} {where}: {ref.message}\n")


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
        "findings": [
            {**f.to_json(lang), "journal": f.journal, "caseworker": f.caseworker}
            for f in findings
        ],
        "summary": summarize(findings),
    }


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
