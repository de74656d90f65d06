"""`kostra kkp`: the client in place of SSB's control program, for scripts and vendors.

It takes the arguments SSB's program (kostra-kontrollprogram's console) takes, reads the
file from stdin, writes SSB's JSON report shape or an HTML report to stdout, and exits
as SSB's program does: 0 when nothing is worse than INFO, 1 for warnings, 2 for errors,
fatal errors or a run that checked nothing; 255 for an unknown output charset. Only
SSB's controls decide (see client.core.reports.kkp).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from client import __version__
from client.core.errors import InputFileError, UnknownFormError, UserError
from client.core.forms.catalog import FormCatalog
from client.core.forms.model import FormDefinition
from client.core.records.fixedwidth import MAX_FILE_BYTES, parse_record_bytes
from client.core.records.recordset import RecordSet
from client.core.reports.kkp import (
    RULE_000,
    UNKNOWN_SCHEME,
    UNREADABLE_FILE,
    Entry,
    KkpRun,
    entries_from_findings,
)
from client.core.statistics import compute_statistics
from client.core.validation.engine import FormValidator, ValidationContext
from client.core.validation.findings import sort_findings
from client.core.validation.parallel import RecordWorkers

EXIT_BAD_CHARSET = 255  # SSB's program exits with -1
CHARSETS = {"ISO-8859-1": "iso-8859-1", "LATIN1": "iso-8859-1", "UTF-8": "utf-8",
            "UTF8": "utf-8"}

_TEXT = {
    "charset": {
        "nb": "Ukjent tegnsett for output: {value}. Bruk ISO-8859-1 eller UTF-8.",
        "nn": "Ukjent teiknsett for output: {value}. Bruk ISO-8859-1 eller UTF-8.",
        "en": "Unknown output charset: {value}. Use ISO-8859-1 or UTF-8.",
    },
    "format": {
        "nb": "Ukjent output-format: {value}. Bruk HTML eller JSON.",
        "nn": "Ukjent output-format: {value}. Bruk HTML eller JSON.",
        "en": "Unknown output format: {value}. Use HTML or JSON.",
    },
    "missing": {
        "nb": "Parameteren for {what} mangler. Bruk {option}, for eksempel {option} {example}.",
        "nn": "Parameteren for {what} manglar. Bruk {option}, til dømes {option} {example}.",
        "en": "The {what} parameter is missing. Use {option}, for example {option} {example}.",
    },
    "bad_year": {
        "nb": "Årgangen «{value}» er ikke et årstall. Bruk -y ÅÅÅÅ, for eksempel -y 2025.",
        "nn": "Årgangen «{value}» er ikkje eit årstal. Bruk -y ÅÅÅÅ, til dømes -y 2025.",
        "en": "The year «{value}» is not a year. Use -y YYYY, for example -y 2025.",
    },
    "too_big": {
        "nb": "Filen på standard inn er større enn {limit} MB. Sjekk at det er riktig fil.",
        "nn": "Fila på standard inn er større enn {limit} MB. Sjekk at det er rett fil.",
        "en": "The file on standard input is larger than {limit} MB. Check it is the right one.",
    },
}
_MISSING = {
    "schema": ("skjema", "-s", "11F"),
    "year": ("årgang", "-y", "2025"),
    "region": ("region", "-r", "030100"),
}


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "kkp",
        help="kontroller som SSBs kontrollprogram (samme argumenter, stdin, JSON/HTML, koder)",
        description="Tar de samme argumentene som SSBs kontrollprogram, leser filen fra "
        "standard inn og skriver SSBs JSON-rapport eller en HTML-rapport til standard ut. "
        "Avslutningskode som SSBs program: 0 ingen funn eller bare info, 1 advarsler, "
        "2 feil eller kritiske feil.",
    )
    parser.add_argument("-s", "--schema", default="", help="skjema, for eksempel 11F eller 11CF")
    parser.add_argument("-y", "--year", default="", help="årgang, for eksempel 2025")
    parser.add_argument("-q", "--quarter", default=" ", help="kvartal (brukes ikke for 11F/11CF)")
    parser.add_argument("-r", "--region", default="", help="kommunenummer + bydel, 6 sifre")
    parser.add_argument("-n", "--name", default="Uoppgitt", help="enhetens navn")
    parser.add_argument("-u", "--unit-orgnr", default="", help="organisasjonsnummer")
    parser.add_argument("-a", "--attachment", default="1",
                        help="1: filen har poster (standard); 0: ingen poster (filen er ett "
                        "mellomrom)")
    parser.add_argument("-f", "--output-format", default="HTML", help="HTML (standard) eller JSON")
    parser.add_argument("-c", "--output-charset", default="ISO-8859-1",
                        help="ISO-8859-1 (standard) eller UTF-8")
    parser.add_argument("-e", "--external-process", action="store_true",
                        help="godtas for SSBs skyld; uten virkning")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="skriv argumentene til standard feil")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.verbose:
        for key in ("schema", "year", "quarter", "region", "name", "unit_orgnr", "attachment",
                    "output_format", "output_charset"):
            print(f"{key}={getattr(args, key)}", file=sys.stderr)
    charset = CHARSETS.get(args.output_charset)
    if charset is None:
        print(UserError(_TEXT["charset"], value=args.output_charset).message(args.lang),
              file=sys.stderr)
        return EXIT_BAD_CHARSET
    if args.output_format not in ("HTML", "JSON"):
        raise UserError(_TEXT["format"], value=args.output_format)
    for key, (what, option, example) in _MISSING.items():
        if not getattr(args, key).strip():
            raise UserError(_TEXT["missing"], what=what, option=option, example=example)
    if not args.year.strip().isdigit() or len(args.year.strip()) != 4:
        raise UserError(_TEXT["bad_year"], value=args.year)
    year = int(args.year.strip())
    context = ValidationContext.from_region(args.region, year)  # a bad region: exit 2
    started = dt.datetime.now()
    # Like SSB's program, stdin is read only when the unit has recipients (-a 1); with
    # -a 0 the delivery is the lone space that says "none".
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1) if args.attachment == "1" else b" "
    if len(data) > MAX_FILE_BYTES:
        raise UserError(_TEXT["too_big"], limit=MAX_FILE_BYTES // (1024 * 1024))
    kkp = KkpRun(region=context.region, name=args.name, scheme=args.schema.strip(),
                 year=str(year), started=started)
    form, records, findings = _check(kkp, data, args.attachment == "1", year, context)
    kkp.completed = dt.datetime.now()
    if args.output_format == "JSON":
        text = json.dumps(kkp.to_json(f"KOSTRA-klienten {__version__}"), indent=2,
                          ensure_ascii=False)
        sys.stdout.buffer.write(_encode_json(text, charset))
    else:
        sys.stdout.buffer.write(_html(kkp, form, records, findings, args, charset))
    sys.stdout.buffer.flush()
    return kkp.return_code


def _check(kkp: KkpRun, data: bytes, attachment: bool, year: int,
           context: ValidationContext) -> tuple[FormDefinition | None, RecordSet | None, list]:
    """Fill `kkp` with the run's entries; returns the form, records and findings used."""
    try:
        form = FormCatalog().load(kkp.scheme, year)
    except UnknownFormError:
        form = None
    if form is None or not form.is_record_form:
        kkp.entries.append(Entry(
            "FATAL", UNKNOWN_SCHEME,
            f"Korriger filuttrekket. Skjema '{kkp.scheme}' for {year} er ukjent for "
            "KOSTRA-klienten (den kjenner 11F og 11CF for de årgangene som er installert). "
            "Avslutter."))
        kkp.number_of_controls = 1
        return None, None, []
    lone_space = data.strip(b"\r\n") == b" "
    if not attachment:
        # "No recipients": the delivery must be a file of one space, nothing else.
        kkp.number_of_controls = 2
        if lone_space:
            kkp.entries.append(Entry("OK", RULE_000, "Det er oppgitt at det ikke finnes "
                                     "mottakere, og filen inneholder bare ett mellomrom."))
        else:
            kkp.entries.append(Entry("FATAL", RULE_000, "Det er oppgitt at det ikke finnes "
                                     "mottakere, men filen har annet innhold enn ett "
                                     "mellomrom. Lever en fil med bare ett mellomrom, eller "
                                     "oppgi at det finnes mottakere."))
        return form, None, []
    if lone_space:
        kkp.number_of_controls = 2
        kkp.entries.append(Entry("FATAL", RULE_000, "Det er oppgitt at det finnes mottakere, "
                                 "men filen inneholder bare ett mellomrom. Lever uttrekket "
                                 "med postene."))
        return form, None, []
    if not data.strip(b" \r\n"):
        return form, RecordSet(form), []  # nothing to check: SSB's "no data", an error
    try:
        records = parse_record_bytes(data, form, "standard inn")
    except InputFileError as exc:
        kkp.number_of_controls = 1
        kkp.entries.append(Entry("FATAL", UNREADABLE_FILE, exc.message("nb")))
        return form, None, []
    validator = FormValidator(form)
    with RecordWorkers(validator) as workers:  # a large file is checked on every core
        validator.workers = workers
        findings = sort_findings(validator.validate(records, context))
    ssb_controls = sum(1 for c in form.controls if not c.is_ours)
    kkp.number_of_controls = len(records) * ssb_controls
    kkp.entries.extend(entries_from_findings(form, records, findings))
    kkp.statistics = compute_statistics(form, records)
    return form, records, [f for f in findings if f.origin == "SSB"]


def _encode_json(text: str, charset: str) -> bytes:
    if charset == "utf-8":
        return text.encode("utf-8")
    # Inside JSON strings a character ISO-8859-1 lacks can be written as \\uXXXX.
    return "".join(c if ord(c) < 256 else f"\\u{ord(c):04x}" for c in text).encode("iso-8859-1")


def _html(kkp: KkpRun, form: FormDefinition | None, records: RecordSet | None,
          findings: list, args: argparse.Namespace, charset: str) -> bytes:
    if form is None:
        # An unknown scheme: SSB's report names it; ours has no form to describe.
        entry = kkp.entries[0]
        page = (f'<!DOCTYPE html><html lang="nb"><head><meta charset="{charset}">'
                f"<title>Kontrollrapport</title></head><body><h1>Kontrollrapport for "
                f"{_esc(kkp.region)} {_esc(kkp.name)}</h1><p>Returkode: {kkp.return_code}</p>"
                f"<p><strong>{_esc(entry.rule_name)}</strong>: {_esc(entry.message)}</p>"
                "</body></html>\n")
    else:
        # reportlab's charts load only for an HTML report: start-up stays light for JSON.
        from client.core.reports.html import ReportData, render_html

        page = render_html(ReportData(
            form=form,
            region=kkp.region,
            findings=findings,
            generated=kkp.completed or dt.datetime.now(),
            unit_name=kkp.name,
            records=len(records) if records is not None else None,
            statistics=kkp.statistics,
            controls_run=kkp.number_of_controls,
            statistics_only_when_clean=True,
            extra_facts=[("Returkode", str(kkp.return_code))]
            + [(e.rule_name, e.message) for e in kkp.entries if not e.control],
        ), args.lang).replace('<meta charset="utf-8">', f'<meta charset="{charset}">', 1)
    return page.encode(charset, errors="xmlcharrefreplace")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
