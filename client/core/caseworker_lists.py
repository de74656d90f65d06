"""Findings per caseworker: the coordinator hands each saksbehandler the lines that are
theirs (journalnummer, line, field, message), as CSV for a spreadsheet or as a printable
HTML page (one section per caseworker, each starting on a new page when printed), or
as a PDF with a page or pages per caseworker.

Never a fødselsnummer or DUF number: the lists name records by journalnummer and line,
and any 11- or 12-digit run in a message is masked, whatever a control wrote."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from client.core.forms.model import FormDefinition
from client.core.i18n import Text, tr
from client.core.validation.findings import SEVERITY_LABELS, SEVERITY_RANK, Finding

_PERSONAL = re.compile(r"(?<!\d)\d{11,12}(?!\d)")
MASK = "•••••••••••"

_T: dict[str, Text] = {
    "caseworker": {"nb": "Saksbehandler", "nn": "Saksbehandlar", "en": "Caseworker"},
    "journal": {"nb": "Journalnummer", "nn": "Journalnummer", "en": "Journal number"},
    "line": {"nb": "Linje", "nn": "Line", "en": "Line"},
    "field": {"nb": "Felt", "nn": "Felt", "en": "Field"},
    "control": {"nb": "Kontroll", "nn": "Kontroll", "en": "Control"},
    "severity": {"nb": "Alvorlighet", "nn": "Alvor", "en": "Severity"},
    "message": {"nb": "Melding", "nn": "Melding", "en": "Message"},
    "none": {"nb": "(uten saksbehandler)", "nn": "(utan saksbehandlar)", "en": "(no caseworker)"},
    "title": {
        "nb": "Funn per saksbehandler – skjema {form} ({year}), {unit}",
        "nn": "Funn per saksbehandlar – skjema {form} ({year}), {unit}",
        "en": "Findings per caseworker – form {form} ({year}), {unit}",
    },
    "count": {"nb": "{n} funn", "nn": "{n} funn", "en": "{n} findings"},
}


def mask(text: str) -> str:
    return _PERSONAL.sub(MASK, text)


@dataclass(frozen=True)
class Row:
    caseworker: str
    journal: str
    line: int | None
    field: str
    control: str
    severity: str
    message: str


def rows(findings: Iterable[Finding], form: FormDefinition, lang: str = "nb") -> list[Row]:
    """One row per finding, by caseworker, then line, then severity."""
    none = tr(_T["none"], lang)
    out = []
    for f in findings:
        label = ""
        if f.field and form.has_field(f.field):
            label = f"{form.field(f.field).short_label(lang)} ({f.field})"
        out.append(
            Row(
                (f.caseworker or "").strip() or none,
                mask((f.journal or "").strip()),
                f.line,
                label,
                f.control,
                f.severity,
                mask(f.message(lang)),
            )
        )
    out.sort(key=lambda r: (r.caseworker == none, r.caseworker, r.line or 0,
                            SEVERITY_RANK[r.severity], r.control))
    return out


def to_csv(findings: Iterable[Finding], form: FormDefinition, lang: str = "nb") -> str:
    """Semicolon-separated with a BOM-less UTF-8 header row, as Norwegian Excel opens it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    keys = ("caseworker", "journal", "line", "field", "control", "severity", "message")
    writer.writerow([tr(_T[k], lang) for k in keys])
    for r in rows(findings, form, lang):
        writer.writerow([r.caseworker, r.journal, r.line or "", r.field, r.control,
                         tr(SEVERITY_LABELS[r.severity], lang), r.message])
    return buffer.getvalue()


def to_html(
    findings: Iterable[Finding], form: FormDefinition, unit: str, lang: str = "nb"
) -> str:
    title = tr(_T["title"], lang).format(form=form.form_id, year=form.year, unit=unit)
    head = "".join(
        f"<th>{html.escape(tr(_T[k], lang))}</th>"
        for k in ("journal", "line", "field", "control", "severity", "message")
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(lang)}"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;"
        "width:100%}th,td{border:1px solid #999;padding:4px 6px;text-align:left;"
        "vertical-align:top}th{background:#eee}section{break-before:page}"
        "section:first-of-type{break-before:auto}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
    ]
    by_worker: dict[str, list[Row]] = {}
    for r in rows(findings, form, lang):
        by_worker.setdefault(r.caseworker, []).append(r)
    for worker, items in by_worker.items():
        count = tr(_T["count"], lang).format(n=len(items))
        parts.append(
            f"<section><h2>{html.escape(tr(_T['caseworker'], lang))} "
            f"{html.escape(worker)} ({html.escape(count)})</h2>"
        )
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>")
        for r in items:
            cells = (r.journal, str(r.line or ""), r.field, r.control,
                     tr(SEVERITY_LABELS[r.severity], lang), r.message)
            parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        parts.append("</tbody></table></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def to_pdf(
    findings: Iterable[Finding], form: FormDefinition, unit: str, lang: str = "nb"
) -> bytes:
    """The same list as a PDF (A4 landscape, reportlab, DejaVu embedded so æøå print):
    one caseworker per page or pages, to print and hand out; never a fødselsnummer."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        LongTable,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        TableStyle,
    )

    from client.core.submission.receipt import FONT, FONT_BOLD, register_fonts

    register_fonts()
    title = tr(_T["title"], lang).format(form=form.form_id, year=form.year, unit=unit)
    body = ParagraphStyle("body", fontName=FONT, fontSize=8, leading=10)
    head = ParagraphStyle("head", parent=body, fontName=FONT_BOLD)
    h1 = ParagraphStyle("h1", fontName=FONT_BOLD, fontSize=14, leading=18, spaceAfter=6)
    h2 = ParagraphStyle("h2", fontName=FONT_BOLD, fontSize=11, leading=14, spaceAfter=4)
    keys = ("journal", "line", "field", "control", "severity", "message")
    widths = [x * mm for x in (30, 14, 50, 18, 22, 133)]

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(html.escape(text), style)

    by_worker: dict[str, list[Row]] = {}
    for r in rows(findings, form, lang):
        by_worker.setdefault(r.caseworker, []).append(r)
    story: list[Any] = [p(title, h1)]
    for number, (worker, items) in enumerate(by_worker.items()):
        if number:
            story.append(PageBreak())
        count = tr(_T["count"], lang).format(n=len(items))
        story.append(p(f"{tr(_T['caseworker'], lang)} {worker} ({count})", h2))
        data = [[p(tr(_T[k], lang), head) for k in keys]]
        data += [
            [p(r.journal), p(str(r.line or "")), p(r.field), p(r.control),
             p(tr(SEVERITY_LABELS[r.severity], lang)), p(r.message)]
            for r in items
        ]
        table = LongTable(data, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        story += [table, Spacer(1, 4 * mm)]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=landscape(A4), title=title, author="KOSTRA-klienten",
        leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm,
    )
    document.build(story)
    return buffer.getvalue()
