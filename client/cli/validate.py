"""`kostra validate`: SSB's controls, offline, on a record file or a questionnaire's answers."""

from __future__ import annotations

import argparse
import json
import os
import sys
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from client.cli.common import (
    add_form_arguments,
    add_last_year_argument,
    add_with_argument,
    check_last_year_for_records,
    check_last_year_given,
    load_input,
    load_others,
    print_region_notes,
)
from client.core.documents import FormDocument
from client.core.errors import UserError, printable
from client.core.i18n import tr
from client.core.kommuner import foreign_data, foreign_data_text
from client.core.reports.compare import FindingRef, RunDiff, compare_runs, load_earlier_report
from client.core.validation.engine import FormValidator, ValidationContext
from client.core.validation.findings import (
    SEVERITY_LABELS,
    Finding,
    has_blocking,
    sort_findings,
    summarize,
)
from client.core.validation.parallel import RecordWorkers

if TYPE_CHECKING:
    from client.core.baseline import Comparison, LastYear
    from client.core.crossfile import CrossFileFinding
    from client.core.forms.catalog import FormCatalog
    from client.core.forms.model import FormDefinition


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
    "nil": {
        "nb": "Ingenting å rapportere: filen er SSBs tomme leveranse (ett mellomrom).",
        "nn": "Ingenting å rapportere: fila er den tomme leveransen til SSB (eitt mellomrom).",
        "en": "Nothing to report: the file is SSB's nil delivery (one space).",
    },
    "last_year": {
        "nb": "I fjor: {path} (skjema {form} {year}, {records} poster)",
        "nn": "I fjor: {path} (skjema {form} {year}, {records} postar)",
        "en": "Last year: {path} (form {form} {year}, {records} records)",
    },
    "figures_head": {
        "nb": "{label:<52} {this:>14} {last:>14}  Endring",
        "nn": "{label:<52} {this:>14} {last:>14}  Endring",
        "en": "{label:<52} {this:>14} {last:>14}  Change",
    },
    "figures_label": {"nb": "Tall", "nn": "Tal", "en": "Figure"},
    "together": {
        "nb": "Alle filene sammen ({count} filer)",
        "nn": "Alle filene saman ({count} filer)",
        "en": "All files together ({count} files)",
    },
    "together_clean": {
        "nb": "Ingen personer er med i mer enn én fil.",
        "nn": "Ingen personar er med i meir enn éi fil.",
        "en": "Nobody is in more than one file.",
    },
    "last_year_many": {
        "nb": "--last-year kan bare brukes med én fil om gangen.",
        "nn": "--last-year kan berre brukast med éi fil om gongen.",
        "en": "--last-year takes one file at a time.",
    },
    "one_file": {
        "nb": "--format html og --compare tar én fil om gangen.",
        "nn": "--format html og --compare tek éi fil om gongen.",
        "en": "--format html and --compare take one file at a time.",
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
    "hidden": {
        "nb": "Merk: {fields} er besvart, men spørsmålene skal ikke besvares med de andre svarene "
        "(for eksempel «ingenting å rapportere»). Svarene kontrolleres ikke og sendes ikke.",
        "nn": "Merk: {fields} er svara på, men spørsmåla skal ikkje svarast på med dei andre "
        "svara (til dømes «ingenting å rapportere»). Svara blir ikkje kontrollerte og ikkje sende.",
        "en": "Note: {fields} are answered, but the other answers leave those questions out "
        "(for example «nothing to report»). They are neither checked nor submitted.",
    },
    "recomputed": {
        "nb": "Merk: {field} er {given} i filen, men regnes ut fra svarene til {computed}. "
        "Klienten kontrollerer og sender {computed}.",
        "nn": "Merk: {field} er {given} i fila, men blir rekna ut frå svara til {computed}. "
        "Klienten kontrollerer og sender {computed}.",
        "en": "Note: {field} is {given} in the file, but the answers give {computed}. "
        "The client checks and submits {computed}.",
    },
    "last_year_same": {
        "nb": "--last-year {path} er den samme filen som skal kontrolleres. Velg fjorårets fil.",
        "nn": "--last-year {path} er den same fila som skal kontrollerast. Vel fjorårsfila.",
        "en": "--last-year {path} is the very file being checked. Choose last year's file.",
    },
    "same_twice": {
        "nb": "{path} er gitt mer enn én gang. Gi hver bydels fil én gang.",
        "nn": "{path} er gitt meir enn éin gong. Gi fila til kvar bydel éin gong.",
        "en": "{path} is given more than once. Give each bydel's file once.",
    },
    "nothing_questionnaire": {
        "nb": "--nothing-to-report gjelder bare postskjema (11F, 11CF). Skjema {form} er et "
        "spørreskjema: svar på spørsmålene, eller bruk «ingenting å rapportere» i delen det "
        "gjelder.",
        "nn": "--nothing-to-report gjeld berre postskjema (11F, 11CF). Skjema {form} er eit "
        "spørjeskjema: svar på spørsmåla, eller bruk «ingenting å rapportere» i delen det "
        "gjeld.",
        "en": "--nothing-to-report applies to record forms (11F, 11CF) only. Form {form} is a "
        "questionnaire: answer its questions, or use «nothing to report» in the section "
        "concerned.",
    },
    "many_questionnaire": {
        "nb": "Skjema {form} er et spørreskjema; bare postskjema (11F, 11CF) kan kontrolleres "
        "flere filer sammen.",
        "nn": "Skjema {form} er eit spørjeskjema; berre postskjema (11F, 11CF) kan kontrollerast "
        "fleire filer saman.",
        "en": "Form {form} is a questionnaire; only record forms (11F, 11CF) can be checked "
        "several files together.",
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
    add_form_arguments(parser, many_files=True)
    parser.add_argument("--format", choices=("text", "json", "html"), default=None,
                        help="text (standard), json (ett JSON-objekt) eller html (en "
                        "selvstendig rapport med statistikk og diagrammer, for skjerm og A4)")
    parser.add_argument("--json", action="store_true", help="det samme som --format json")
    parser.add_argument("--compare", metavar="TIDLIGERE.json",
                        help="sammenlign med en tidligere rapport fra --format json: hva er "
                        "rettet, hva er nytt og hva gjenstår")
    parser.add_argument(
        "--nothing-to-report",
        action="store_true",
        help="kommunen skal ikke rapportere (SSBs «-a 0»): filen skal være nøyaktig ett mellomrom",
    )
    add_last_year_argument(parser)
    add_with_argument(parser)
    parser.add_argument(
        "--caseworker-list",
        metavar="FIL",
        help="skriv funnene per saksbehandler til FIL (.csv, .html eller .pdf; "
        "aldri fødselsnummer)",
    )
    parser.set_defaults(run=run)


def _other_findings(args: argparse.Namespace, document: FormDocument,
                    context: ValidationContext) -> list[Finding]:
    """Cross-form controls against the year's other forms given with --with."""
    from client.core.validation.crossforms import cross_findings

    if not args.others:
        return []
    others = load_others(args, document.form, context.kommunenummer)  # refuses what is unused
    if document.answers is None:
        return []
    return cross_findings(document.form, document.answers, others, context)


def run(args: argparse.Namespace) -> int:
    ValidationContext.from_region(args.region, args.year or 0)  # a bad region before any reading
    check_last_year_given(args)
    if args.last_year and len(args.files) > 1:
        raise UserError(_TEXT["last_year_many"])
    output = "json" if args.json else (args.format or "text")
    if (output == "html" or args.compare) and len(args.files) > 1:
        raise UserError(_TEXT["one_file"])
    for i, path in enumerate(args.files):
        if any(_same_file(path, earlier) for earlier in args.files[:i]):
            raise UserError(_TEXT["same_twice"], path=path)
    from client.core.forms.catalog import FormCatalog

    catalog = FormCatalog()
    validators: dict[tuple[str, int], FormValidator] = {}  # compiled once for every file
    try:
        reports = [_check_one(args, path, catalog, validators) for path in args.files]
    finally:
        for validator in validators.values():
            if validator.workers is not None:
                validator.workers.close()
    form = reports[0].document.form
    print_region_notes(args.region, form.year, args.lang)
    if args.compare:
        earlier = load_earlier_report(args.compare, form.form_id)
        now = [FindingRef.of(f, args.lang) for f in reports[0].findings]
        reports[0].diff = compare_runs(earlier, now)
    if len(reports) > 1 and not form.is_record_form:
        raise UserError(_TEXT["many_questionnaire"], form=form.form_id)
    across: list[CrossFileFinding] = []
    if len(reports) > 1:
        from client.core.crossfile import check_across

        files = [(r.path, r.document.records) for r in reports if r.document.records is not None]
        across = check_across(reports[0].validator, files, reports[0].context)
    if args.caseworker_list:
        first = reports[0]  # with several files, the first file's list
        write_caseworker_list(
            Path(args.caseworker_list), form, first.findings, first.context, args.lang
        )
    if output == "html":
        sys.stdout.write(reports[0].html(args.lang))
    elif output == "json":
        if len(reports) == 1:
            # One finding at a time: half a million findings would otherwise be held
            # twice, as dicts and as one string.
            write_json(sys.stdout, reports[0].to_json(args.lang, with_findings=False),
                       reports[0].findings, args.lang)
            return 1 if has_blocking(reports[0].findings) else 0
        out = {
            "files": [{**r.to_json(args.lang), "file": r.path} for r in reports],
            "crossFile": [c.to_json(args.lang) for c in across],
        }
        json.dump(out, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for n, report in enumerate(reports):
            if n:
                sys.stdout.write("\n" + "=" * 72 + "\n")
            report.write(sys.stdout, args.lang)
        if len(reports) > 1:
            write_across(sys.stdout, across, len(reports), args.lang)
    return 1 if any(has_blocking(r.findings) for r in reports) else 0


class _Report:
    """One file's verdict: its findings, and last year's figures when asked for."""

    def __init__(
        self,
        path: str,
        document: FormDocument,
        validator: FormValidator,
        context: ValidationContext,
        findings: list[Finding],
        last: LastYear | None = None,
        comparisons: list[Comparison] | None = None,
    ) -> None:
        self.path, self.document, self.validator, self.context = path, document, validator, context
        self.findings, self.last, self.comparisons = findings, last, comparisons or []
        self.diff: RunDiff | None = None  # with --compare

    def to_json(self, lang: str, with_findings: bool = True) -> dict[str, Any]:
        out = report_json(self.document, self.context, self.findings if with_findings else [],
                          lang)
        if not with_findings:
            del out["findings"], out["summary"]
        if self.last is not None:
            out["lastYear"] = {
                "file": self.last.path,
                "year": self.last.form.year,
                "records": len(self.last.records),
                "figures": [c.to_json() for c in self.comparisons],
            }
        if self.diff is not None:
            out["compare"] = self.diff.to_json()
        return out

    def html(self, lang: str) -> str:
        """The HTML report (statistics with last year beside this year when given)."""
        from client.core.reports.html import document_report
        from client.core.statistics import compute_statistics

        last_year = (compute_statistics(self.last.form, self.last.records)
                     if self.last is not None else None)
        return document_report(self.document, self.context.region, self.findings, lang,
                               source_name=Path(self.path).name, diff=self.diff,
                               last_year=last_year)

    def write(self, out: TextIO, lang: str) -> None:
        write_report(out, self.document, self.context, self.findings, lang, self.path,
                     last=self.last, comparisons=self.comparisons)
        if self.diff is not None:
            write_diff(out, self.diff, lang)


def _check_one(
    args: argparse.Namespace,
    path: str,
    catalog: FormCatalog,
    validators: dict[tuple[str, int], FormValidator],
) -> _Report:
    document = load_input(args, catalog, path=path)
    form = document.form
    check_last_year_for_records(args, form)  # before any checking
    if args.nothing_to_report and not form.is_record_form:
        raise UserError(_TEXT["nothing_questionnaire"], form=form.form_id)
    context = ValidationContext.from_region(
        args.region, form.year, nothing_to_report=args.nothing_to_report
    )
    if document.records is not None:
        foreign = foreign_data(document.records, context.kommunenummer, form.year)
        if foreign is not None:  # said once, not only as one finding per record
            text = foreign_data_text(foreign, context.kommunenummer, form.year)
            print(tr(text, args.lang), file=sys.stderr)
    order = {field.name: i for i, field in enumerate(form.fields)}
    validator = validators.get((form.form_id, form.year))
    if validator is None:
        validator = validators[(form.form_id, form.year)] = FormValidator(form)
        validator.workers = RecordWorkers(validator)  # a large file is checked on every core
    findings = validator.validate(document.data, context) + _other_findings(args, document, context)
    last = comparisons = None
    if args.last_year and document.records is not None and not (
        context.nothing_to_report or document.records.nil_marker
    ):
        from client.core.baseline import compare, load_last_year

        if _same_file(args.last_year, path):
            raise UserError(_TEXT["last_year_same"], path=args.last_year)
        last = load_last_year(args.last_year, form.form_id, form.year, catalog,
                              kommunenummer=context.kommunenummer)
        comparisons, more = compare(validator, document.records, last, context)
        if not any(f.severity == "FATAL" for f in findings):
            findings += more  # a file SSB's program stops reading says nothing yet
    return _Report(path, document, validator, context, sort_findings(findings, order), last,
                   comparisons)


def write_caseworker_list(
    path: Path, form: FormDefinition, findings: list[Finding], context: ValidationContext,
    lang: str,
) -> None:
    from client.core import caseworker_lists
    from client.core.fileio import atomic_write_bytes

    unit = f"region {context.region}"
    if path.suffix.lower() == ".csv":
        data = caseworker_lists.to_csv(findings, form, lang).encode("utf-8")
    elif path.suffix.lower() in (".html", ".htm"):
        data = caseworker_lists.to_html(findings, form, unit, lang).encode("utf-8")
    elif path.suffix.lower() == ".pdf":
        data = caseworker_lists.to_pdf(findings, form, unit, lang)
    else:
        raise UserError(_LIST_SUFFIX, path=str(path))
    atomic_write_bytes(path, data)


_LIST_SUFFIX = {
    "nb": "Listen per saksbehandler kan skrives som .csv, .html eller .pdf, ikke {path}. "
    "Gi filen en av disse endelsene.",
    "nn": "Lista per saksbehandlar kan skrivast som .csv, .html eller .pdf, ikkje {path}. "
    "Gi fila ei av desse endingane.",
    "en": "The list per caseworker can be written as .csv, .html or .pdf, not {path}. "
    "Give the file one of these endings.",
}


def finding_json(finding: Finding, lang: str) -> dict[str, Any]:
    """A finding as --json gives it: with its record's journal and caseworker, by which
    --compare recognises it in a later run."""
    return {**finding.to_json(lang), "journal": finding.journal, "caseworker": finding.caseworker}


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False  # one of them cannot be found: reading it says so


def _recomputed(document: FormDocument) -> list[Any]:
    if document.answers is None:
        return []
    from client.core.forms.answers import recomputed

    return recomputed(document.form, document.answers)


def report_json(
    document: FormDocument, context: ValidationContext, findings: list[Finding], lang: str
) -> dict[str, Any]:
    records = document.records
    out = {
        "form": document.form.form_id,
        "year": document.form.year,
        "region": context.region,
        "records": len(records) if records is not None else None,
        "encoding": (
            records.source.encoding_label if records is not None and records.source else None
        ),
        "findings": [finding_json(f, lang) for f in findings],
        "summary": summarize(findings),
    }
    if context.nothing_to_report:
        out["nothingToReport"] = True
    if document.answers is not None:
        from client.core.forms.answers import hidden_answers

        hidden = hidden_answers(document.form, document.answers)
        if hidden:
            out["notSubmitted"] = hidden
    changed = _recomputed(document)
    if changed:
        out["recomputed"] = [
            {"field": r.field, "table": r.table, "row": r.row, "given": r.given,
             "computed": r.computed}
            for r in changed
        ]
    return out


def write_diff(out: TextIO, diff: RunDiff, lang: str) -> None:
    out.write("\n" + tr(_TEXT["compare"], lang).format(
        fixed=len(diff.fixed), new=len(diff.new), remaining=len(diff.remaining)) + "\n")
    for key, refs in (("fixed", diff.fixed), ("new", diff.new)):
        for ref in refs:
            where = tr(_TEXT["journal"], lang).format(journal=ref.journal) if ref.journal else (
                f"{ref.line}" if ref.line is not None else "–")
            out.write(f"  {tr(_TEXT[key], lang):<8} {ref.control:<7} {where}: {ref.message}\n")


def write_across(out: TextIO, across: list[CrossFileFinding], count: int, lang: str) -> None:
    out.write("\n" + "=" * 72 + "\n" + tr(_TEXT["together"], lang).format(count=count) + "\n")
    if not across:
        out.write(tr(_TEXT["together_clean"], lang) + "\n")
    for finding in across:
        label = tr(SEVERITY_LABELS[finding.severity], lang)
        out.write(f"  {label:<9} {finding.control:<7} {finding.message(lang)}\n")


def write_json(out: TextIO, head: dict[str, Any], findings: list[Finding], lang: str) -> None:
    """`head` (a report without findings and summary), then the findings one at a time."""
    out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "findings": [')
    for n, finding in enumerate(findings):
        out.write((", " if n else "") + json.dumps(finding_json(finding, lang), ensure_ascii=False))
    out.write('], "summary": ' + json.dumps(summarize(findings)) + "}\n")


def write_report(
    out: TextIO,
    document: FormDocument,
    context: ValidationContext,
    findings: list[Finding],
    lang: str,
    path: str,
    *,
    last: LastYear | None = None,
    comparisons: list[Comparison] | None = None,
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
    if last is not None:
        out.write(t["last_year"].format(path=last.path, form=last.form.form_id,
                                        year=last.form.year, records=len(last.records)) + "\n")
        _write_figures(out, form.year, last.form.year, comparisons or [], lang)
    if document.answers is not None:
        from client.core.forms.answers import hidden_answers

        hidden = hidden_answers(form, document.answers)
        if hidden:
            out.write(t["hidden"].format(fields=", ".join(hidden)) + "\n")
    for r in _recomputed(document):
        where = f"{r.table}, rad {r.row}: {r.field}" if r.table else r.field
        if lang == "en":
            where = where.replace(", rad ", ", row ")
        out.write(t["recomputed"].format(field=where, given=_show(r.given),
                                         computed=_show(r.computed)) + "\n")
    for line, group in groupby(findings, key=lambda f: f.line):
        items = list(group)
        out.write("\n")
        if line is None:
            out.write(t["form_level"] + "\n")
        else:
            first = items[0]
            # A malformed line's journal may hold a control character: never to the terminal.
            out.write(t["record"].format(line=line, journal=printable(first.journal or "–"),
                                         caseworker=printable(first.caseworker or "–")) + "\n")
        for finding in items:
            label = tr(SEVERITY_LABELS[finding.severity], lang)
            where = f" [{finding.field}]" if finding.field else ""
            out.write(f"  {label:<9} {finding.control:<7}{where} {finding.message(lang)}\n")
    out.write("\n" + t["summary"].format(**summarize(findings)) + "\n")
    if context.nothing_to_report and not findings:
        out.write(t["nil"] + "\n")
    elif not findings:
        out.write(t["clean"] + "\n")
    elif has_blocking(findings):
        out.write(t["blocked"] + "\n")
    elif any(f.severity == "WARNING" for f in findings):
        out.write(t["warnings"] + "\n")


def _show(value: Any) -> str:
    from client.core.i18n import format_int

    if isinstance(value, int) and not isinstance(value, bool):
        return format_int(value)
    return "–" if value is None else json.dumps(value, ensure_ascii=False)[:40]


def _write_figures(
    out: TextIO, this_year: int, last_year: int, comparisons: list[Comparison], lang: str
) -> None:
    """Both years' figures side by side."""
    if not comparisons:
        return
    out.write("\n" + tr(_TEXT["figures_head"], lang).format(
        label=tr(_TEXT["figures_label"], lang), this=str(this_year), last=str(last_year)) + "\n")
    for c in comparisons:
        before = c.last_year.display() if c.last_year else "–"
        out.write(f"{tr(c.label, lang):<52} {c.this_year.display():>14} {before:>14}  "
                  f"{tr(c.change_text(), lang)}\n")
