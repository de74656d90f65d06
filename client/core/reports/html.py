"""The HTML report of a validation run: one self-contained file that prints well on A4.

It holds what SSB's control program's report holds — the facts of the run, a summary
per control, the findings by caseworker and journal, and the statistics report — with
the statistics as tables and charts (inline SVG from reportlab), last year beside this
year when given, and what changed since an earlier run. Nothing is fetched: no scripts,
no fonts, no images from elsewhere. No fødselsnummer appears: messages mask personal
fields already, and as a last guard any run of eleven digits is masked in every text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from client import __version__
from client.core.documents import FormDocument
from client.core.forms.model import FormDefinition
from client.core.i18n import format_int, tr
from client.core.reports.charts import section_drawing, to_svg
from client.core.reports.compare import FindingRef, RunDiff
from client.core.statistics import Statistics, compute_statistics, paired_rows
from client.core.validation.findings import SEVERITY_LABELS, SEVERITY_RANK, Finding, summarize

Write = Callable[[str], None]
MASK = "•" * 11
_ELEVEN_DIGITS = re.compile(r"(?<!\d)(?<!\d[.,])\d{11}(?!\d)(?![.,]\d)")

# Severities are named as in every command (FEIL, ADVARSEL, ...): one table in the core.
SEVERITY = SEVERITY_LABELS

T = {
    "title": {"nb": "Kontrollrapport", "nn": "Kontrollrapport", "en": "Validation report"},
    "form": {"nb": "Skjema", "nn": "Skjema", "en": "Form"},
    "year": {"nb": "Årgang", "nn": "Årgang", "en": "Year"},
    "region": {"nb": "Region", "nn": "Region", "en": "Region"},
    "unit": {"nb": "Enhet", "nn": "Eining", "en": "Unit"},
    "file": {"nb": "Fil", "nn": "Fil", "en": "File"},
    "records": {"nb": "Poster", "nn": "Postar", "en": "Records"},
    "controls_run": {"nb": "Antall kontroller utført", "nn": "Tal på kontrollar utførte",
                     "en": "Controls run"},
    "generated": {"nb": "Rapport laget", "nn": "Rapport laga", "en": "Report made"},
    "program": {"nb": "Program", "nn": "Program", "en": "Program"},
    "definition": {"nb": "Skjemadefinisjon", "nn": "Skjemadefinisjon", "en": "Form definition"},
    "verdict_clean": {"nb": "Ingen funn: filen består alle kontrollene.",
                      "nn": "Ingen funn: fila består alle kontrollane.",
                      "en": "No findings: the file passes every control."},
    "verdict_blocked": {"nb": "SSB vil avvise filen slik den er. Rett de kritiske feilene og "
                        "feilene først.",
                        "nn": "SSB vil avvise fila slik ho er. Rett dei kritiske feila og "
                        "feila først.",
                        "en": "SSB will reject the file as it is. Fix the fatal findings and "
                        "errors first."},
    "verdict_warnings": {"nb": "Ingen feil. Advarslene må forklares før innsending.",
                         "nn": "Ingen feil. Åtvaringane må forklarast før innsending.",
                         "en": "No errors. The warnings must be explained before submission."},
    "verdict_no_data": {"nb": "Filen har ingen poster.", "nn": "Fila har ingen postar.",
                        "en": "The file has no records."},
    "per_control": {"nb": "Oppsummering per kontroll", "nn": "Oppsummering per kontroll",
                    "en": "Summary per control"},
    "control": {"nb": "Kontroll", "nn": "Kontroll", "en": "Control"},
    "severity": {"nb": "Alvorlighet", "nn": "Alvor", "en": "Severity"},
    "count": {"nb": "Antall", "nn": "Tal", "en": "Count"},
    "origin": {"nb": "Kilde", "nn": "Kjelde", "en": "Origin"},
    "origin_ssb": {"nb": "SSB", "nn": "SSB", "en": "SSB"},
    "origin_client": {"nb": "Klienten", "nn": "Klienten", "en": "The client"},
    "by_caseworker": {"nb": "Funn per saksbehandler og journal",
                      "nn": "Funn per saksbehandlar og journal",
                      "en": "Findings by caseworker and journal"},
    "caseworker": {"nb": "Saksbehandler", "nn": "Saksbehandlar", "en": "Caseworker"},
    "no_caseworker": {"nb": "Uten saksbehandler", "nn": "Utan saksbehandlar",
                      "en": "No caseworker"},
    "file_level": {"nb": "Filen som helhet", "nn": "Fila som heilskap", "en": "The whole file"},
    "journal": {"nb": "Journalnr.", "nn": "Journalnr.", "en": "Journal no."},
    "line": {"nb": "Linje", "nn": "Line", "en": "Line"},
    "field": {"nb": "Felt", "nn": "Felt", "en": "Field"},
    "message": {"nb": "Melding", "nn": "Melding", "en": "Message"},
    "findings_count": {"nb": "{n} funn", "nn": "{n} funn", "en": "{n} findings"},
    "statistics": {"nb": "Statistikkrapport", "nn": "Statistikkrapport",
                   "en": "Statistics report"},
    "stats_caveat": {"nb": "Filen har feil, så tallene kan endre seg når feilene er rettet.",
                     "nn": "Fila har feil, så tala kan endre seg når feila er retta.",
                     "en": "The file has errors, so the figures may change once they are "
                     "fixed."},
    "category": {"nb": "Gruppe", "nn": "Gruppe", "en": "Group"},
    "amount": {"nb": "Kroner", "nn": "Kroner", "en": "Kroner"},
    "share": {"nb": "Andel", "nn": "Del", "en": "Share"},
    "total": {"nb": "I alt", "nn": "I alt", "en": "Total"},
    "change": {"nb": "Endring", "nn": "Endring", "en": "Change"},
    "compare": {"nb": "Endringer siden forrige kontroll",
                "nn": "Endringar sidan førre kontroll",
                "en": "Changes since the earlier run"},
    "compare_counts": {"nb": "{fixed} rettet, {new} nye, {remaining} gjenstår.",
                       "nn": "{fixed} retta, {new} nye, {remaining} står att.",
                       "en": "{fixed} fixed, {new} new, {remaining} remaining."},
    "fixed": {"nb": "Rettet", "nn": "Retta", "en": "Fixed"},
    "new": {"nb": "Nye", "nn": "Nye", "en": "New"},
    "remaining": {"nb": "Gjenstår", "nn": "Står att", "en": "Remaining"},
    "summary_counts": {"nb": "{FATAL} kritiske, {ERROR} feil, {WARNING} advarsler, {INFO} info",
                       "nn": "{FATAL} kritiske, {ERROR} feil, {WARNING} åtvaringar, {INFO} info",
                       "en": "{FATAL} fatal, {ERROR} errors, {WARNING} warnings, {INFO} info"},
}

CSS = """
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt;
       color: #1b1f24; margin: 0 auto; max-width: 190mm; padding: 8mm 0; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1.5pt solid #1f5fa8;
     padding-bottom: 2pt; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 12pt 0 4pt; break-after: avoid; page-break-after: avoid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 12pt; margin: 0; }
dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
.verdict { margin: 10pt 0; padding: 6pt 9pt; border: 1pt solid; border-left-width: 5pt; }
.verdict.blocked { border-color: #b3261e; background: #fdecea; }
.verdict.warnings { border-color: #a15c00; background: #fff4e0; }
.verdict.clean { border-color: #2e7d32; background: #eaf5ea; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #c3cad3; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
table.findings { table-layout: fixed; }
table.findings th:nth-child(1) { width: 17%; } table.findings th:nth-child(2) { width: 7%; }
table.findings th:nth-child(3) { width: 9%; } table.findings th:nth-child(4) { width: 13%; }
table.findings th:nth-child(5) { width: 17%; }
table.findings td { overflow-wrap: anywhere; }
.stat td:first-child { white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.sev { font-weight: bold; white-space: nowrap; }
.sev-FATAL, .sev-ERROR { color: #b3261e; } .sev-WARNING { color: #8a4d00; }
.sev-INFO { color: #1f5fa8; }
.sev-FATAL::before, .sev-ERROR::before { content: "✖ "; }
.sev-WARNING::before { content: "⚠ "; } .sev-INFO::before { content: "ℹ "; }
section.caseworker { break-before: auto; }
figure { margin: 4pt 0 10pt; break-inside: avoid; page-break-inside: avoid; }
figure svg.chart { width: 100%; height: auto; display: block; }
.stat-body { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 10pt;
             align-items: start; }
.stat-body.plain { grid-template-columns: 1fr; }
figcaption { font-weight: bold; margin-bottom: 2pt; }
.note { color: #4a5563; font-style: italic; }
.stat { break-inside: avoid; page-break-inside: avoid; }
footer { margin-top: 16pt; color: #4a5563; font-size: 8pt; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; } }
"""


@dataclass
class ReportData:
    form: FormDefinition
    region: str
    findings: Sequence[Finding]
    generated: dt.datetime
    unit_name: str | None = None
    source_name: str | None = None
    encoding: str | None = None
    records: int | None = None
    statistics: Statistics | None = None
    last_year: Statistics | None = None
    diff: RunDiff | None = None
    controls_run: int | None = None
    # SSB's program gives statistics only when nothing is worse than a warning (kkp does too)
    statistics_only_when_clean: bool = False
    extra_facts: list[tuple[str, str]] = field(default_factory=list)


def mask_personal_numbers(text: str) -> str:
    """Any standalone run of eleven digits (a fødselsnummer's shape) as •••••••••••."""
    return _ELEVEN_DIGITS.sub(MASK, text)


def _e(text: object) -> str:
    """Text for the page: escaped, and masked as a last guard (every text of the report
    passes here; the charts hold only counts and labels from the form definition)."""
    text = str(text)
    if len(text) >= 11:
        text = _ELEVEN_DIGITS.sub(MASK, text)
    return html.escape(text, quote=True)


def render_html(data: ReportData, lang: str = "nb") -> str:
    t = {key: tr(text, lang) for key, text in T.items()}
    form = data.form
    counts = summarize(data.findings)
    blocked = counts["FATAL"] + counts["ERROR"] > 0
    out: list[str] = []
    w = out.append
    title = f"{t['title']} {form.form_id} {form.year} – {data.region}"
    w(f'<!DOCTYPE html>\n<html lang="{_e(lang if lang != "en" else "en")}">\n<head>\n'
      f'<meta charset="utf-8">\n<title>{_e(title)}</title>\n'
      f'<meta name="generator" content="KOSTRA-klienten {_e(__version__)}">\n'
      f"<style>{CSS}</style>\n</head>\n<body>\n")
    w(f"<header><h1>{_e(title)}</h1>\n")
    w(f"<div>{_e(form.display_title(lang))}</div>\n")
    facts = [
        (t["region"], data.region + (f" {data.unit_name}" if data.unit_name else "")),
        (t["form"], f"{form.form_id}.{form.year}"),
    ]
    if data.source_name:
        facts.append((t["file"], data.source_name + (f" ({data.encoding})"
                                                     if data.encoding else "")))
    if data.records is not None:
        facts.append((t["records"], format_int(data.records)))
    if data.controls_run is not None:
        facts.append((t["controls_run"], format_int(data.controls_run)))
    facts += data.extra_facts
    facts += [
        (t["generated"], data.generated.strftime("%d.%m.%Y %H:%M")),
        (t["program"], f"KOSTRA-klienten {__version__}"),
        (t["definition"], f"{form.version} (SHA-256 {form.sha256[:16]}…)"),
    ]
    w('<dl class="facts">' + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts)
      + "</dl>\n")
    if data.records == 0 and not data.findings:
        verdict, cls = t["verdict_no_data"], "blocked"
    elif not data.findings:
        verdict, cls = t["verdict_clean"], "clean"
    elif blocked:
        verdict, cls = t["verdict_blocked"], "blocked"
    elif counts["WARNING"]:
        verdict, cls = t["verdict_warnings"], "warnings"
    else:
        verdict, cls = t["verdict_clean"], "clean"
    w(f'<p class="verdict {cls}"><strong>{_e(verdict)}</strong><br>'
      f"{_e(t['summary_counts'].format(**counts))}</p>\n</header>\n")

    if data.diff is not None:
        _diff_section(w, data.diff, t, lang)
    if data.findings:
        _per_control(w, data, t, lang)
        _by_caseworker(w, data, t, lang)
    show_stats = data.statistics is not None and not (data.statistics_only_when_clean and blocked)
    if show_stats:
        assert data.statistics is not None
        _statistics(w, data.statistics, data.last_year, t, lang, caveat=blocked)
    w(f"<footer>{_e(title)} · KOSTRA-klienten {_e(__version__)}</footer>\n</body>\n</html>\n")
    return "".join(out)


def _sev(severity: str, lang: str) -> str:
    return f'<span class="sev sev-{severity}">{_e(tr(SEVERITY[severity], lang))}</span>'


def _per_control(w: Write, data: ReportData, t: dict[str, str], lang: str) -> None:
    write = w
    controls = {c.name: c for c in data.form.controls}
    counts: Counter[tuple[str, str, str]] = Counter(
        (f.name, f.control, f.severity) for f in data.findings)
    write(f"<h2>{_e(t['per_control'])}</h2>\n<table>\n<thead><tr><th>{_e(t['control'])}</th>"
          f"<th>{_e(t['severity'])}</th><th class=\"num\">{_e(t['count'])}</th>"
          f"<th>{_e(t['origin'])}</th></tr></thead>\n<tbody>\n")
    for (name, control_id, severity), n in sorted(
            counts.items(), key=lambda kv: (SEVERITY_RANK[kv[0][2]], kv[0][1])):
        control = controls.get(name)
        title = tr(control.title, lang) if control else name
        origin = t["origin_client"] if control is not None and control.is_ours else t["origin_ssb"]
        write(f"<tr><td>{_e(control_id)} {_e(title)}</td><td>{_sev(severity, lang)}</td>"
              f'<td class="num">{_e(format_int(n))}</td><td>{_e(origin)}</td></tr>\n')
    write("</tbody>\n</table>\n")


def _by_caseworker(w: Write, data: ReportData, t: dict[str, str], lang: str) -> None:
    write = w
    groups: dict[str, list[Finding]] = defaultdict(list)
    file_level = []
    for f in data.findings:
        if f.line is None and not f.journal:
            file_level.append(f)
        else:
            groups[f.caseworker or ""].append(f)
    write(f"<h2>{_e(t['by_caseworker'])}</h2>\n")
    head = (f"<thead><tr><th>{_e(t['journal'])}</th><th class=\"num\">{_e(t['line'])}</th>"
            f"<th>{_e(t['control'])}</th><th>{_e(t['severity'])}</th><th>{_e(t['field'])}"
            f"</th><th>{_e(t['message'])}</th></tr></thead>\n")
    if file_level:
        write(f"<h3>{_e(t['file_level'])}</h3>\n<table class=\"findings\">\n{head}<tbody>\n")
        for f in file_level:
            write(_finding_row(f, lang))
        write("</tbody>\n</table>\n")
    for caseworker in sorted(groups, key=lambda c: (c == "", c.casefold())):
        items = sorted(groups[caseworker], key=lambda f: (
            f.journal or "", f.line or 0, SEVERITY_RANK[f.severity], f.control))
        name = caseworker or t["no_caseworker"]
        write(f'<section class="caseworker"><h3>{_e(t["caseworker"])}: {_e(name)} '
              f'<span class="note">({_e(t["findings_count"].format(n=format_int(len(items))))})'
              f'</span></h3>\n<table class="findings">\n{head}<tbody>\n')
        for f in items:
            write(_finding_row(f, lang))
        write("</tbody>\n</table></section>\n")


def _finding_row(f: Finding, lang: str) -> str:
    return (f"<tr><td>{_e(f.journal or '–')}</td><td class=\"num\">"
            f"{'' if f.line is None else f.line}</td><td>{_e(f.control)}</td>"
            f"<td>{_sev(f.severity, lang)}</td><td>{_e(f.field or '')}</td>"
            f"<td>{_e(f.message(lang))}</td></tr>\n")


def _number(value: int | None) -> str:
    return "–" if value is None else format_int(value)


def _statistics(w: Write, stats: Statistics, last: Statistics | None, t: dict[str, str],
                lang: str, *, caveat: bool) -> None:
    write = w
    write(f"<h2>{_e(t['statistics'])}</h2>\n")
    if caveat:
        write(f'<p class="note">{_e(t["stats_caveat"])}</p>\n')
    year = stats.year
    for i, section in enumerate(stats.sections):
        title = tr(section.title, lang)
        write(f'<div class="stat"><h3>{_e(title)}</h3>\n')
        drawing = section_drawing(section, last, year=year, lang=lang)
        write(f'<div class="stat-body{"" if drawing is not None else " plain"}">')
        if drawing is not None:
            write(f"<figure>{to_svg(drawing, title, f'{section.id}-{i}')}</figure>\n")
        rows = paired_rows(section, last)
        measure = t["amount"] if section.is_amount else t["count"]
        head = f"<th>{_e(t['category'])}</th>"
        if last is not None:
            head += f'<th class="num">{_e(measure)} {year - 1}</th>'
        head += f'<th class="num">{_e(measure)} {year}</th>'
        if last is not None:
            head += f'<th class="num">{_e(t["change"])}</th>'
        if section.kind == "share":
            head += f'<th class="num">{_e(t["share"])} {year}</th>'
        write(f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n")
        total = section.total
        for row in rows:
            cells = f"<td>{_e(tr(row.label, lang))}</td>"
            if last is not None:
                cells += f'<td class="num">{_number(row.last)}</td>'
            cells += f'<td class="num">{_number(row.value)}</td>'
            if last is not None:
                change = None if row.last is None else row.value - row.last
                sign = "+" if change is not None and change > 0 else ""
                cells += f'<td class="num">{sign}{_number(change)}</td>'
            if section.kind == "share":
                pct = f"{100 * row.value / total:.1f} %" if total else "–"
                pct = pct if lang == "en" else pct.replace(".", ",")
                cells += f'<td class="num">{_e(pct)}</td>'
            write(f"<tr>{cells}</tr>\n")
        write("</tbody>\n</table></div></div>\n")


def _diff_section(w: Write, diff: RunDiff, t: dict[str, str], lang: str) -> None:
    write = w
    counts = t["compare_counts"].format(fixed=len(diff.fixed), new=len(diff.new),
                                        remaining=len(diff.remaining))
    write(f"<h2>{_e(t['compare'])}</h2>\n<p><strong>{_e(counts)}</strong></p>\n")
    for key, refs in (("fixed", diff.fixed), ("new", diff.new)):
        if not refs:
            continue
        write(f"<h3>{_e(t[key])} ({len(refs)})</h3>\n<table>\n<thead><tr>"
              f"<th>{_e(t['journal'])}</th><th class=\"num\">{_e(t['line'])}</th>"
              f"<th>{_e(t['control'])}</th><th>{_e(t['severity'])}</th>"
              f"<th>{_e(t['message'])}</th></tr></thead>\n<tbody>\n")
        for ref in refs:
            write(_ref_row(ref, lang))
        write("</tbody>\n</table>\n")


def _ref_row(ref: FindingRef, lang: str) -> str:
    severity = _sev(ref.severity, lang) if ref.severity in SEVERITY else _e(ref.severity)
    return (f"<tr><td>{_e(ref.journal or '–')}</td><td class=\"num\">"
            f"{'' if ref.line is None else ref.line}</td><td>{_e(ref.control)}</td>"
            f"<td>{severity}</td><td>{_e(ref.message)}</td></tr>\n")


def document_report(
    document: FormDocument,
    region: str,
    findings: Sequence[Finding],
    lang: str = "nb",
    *,
    source_name: str | None = None,
    unit_name: str | None = None,
    diff: RunDiff | None = None,
    last_year: Statistics | None = None,
    generated: dt.datetime | None = None,
) -> str:
    """The HTML report of one run over a form's document, as `kostra validate --format
    html` writes it and a submission carries it beside the data."""
    records = document.records
    form = document.form
    return render_html(
        ReportData(
            form=form,
            region=region,
            findings=findings,
            generated=generated or dt.datetime.now().astimezone(),
            unit_name=unit_name,
            source_name=source_name,
            encoding=records.source.encoding_label if records and records.source else None,
            records=len(records) if records is not None else None,
            statistics=compute_statistics(form, records) if records is not None else None,
            last_year=last_year,
            diff=diff,
            controls_run=len(form.controls) * (len(records) if records is not None else 1),
        ),
        lang,
    )
