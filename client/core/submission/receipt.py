"""The PDF receipt of a submission, in the user's language (reportlab, imported lazily).

One receipt per container: who submitted what and when, the container's name and
SHA-256 (also as a QR code), the signing certificate, totals, the findings summary,
and every warning with its explanation. The fonts are embedded DejaVu, so æ, ø
and å print right everywhere.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from client.core.forms.model import SEVERITIES
from client.core.i18n import Text, format_int, tr
from client.core.resources import resources_dir
from client.core.statistics import Statistics, Total
from client.core.submission.container import Encryption
from client.core.validation.findings import Finding

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_MONO = "DejaVuSansMono"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_MONO: "DejaVuSansMono.ttf",
}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def oslo_time(when: dt.datetime) -> tuple[dt.datetime, bool]:
    """`when` in Norwegian time, and whether that worked (False: shown in UTC, when the
    time zone database is missing; tzdata provides it on Windows)."""
    try:
        return when.astimezone(ZoneInfo("Europe/Oslo")), True
    except ZoneInfoNotFoundError:
        return when.astimezone(dt.UTC), False


@dataclass(frozen=True)
class ReceiptData:
    organisation: str
    orgnr: str
    region: str
    form_id: str
    form_title: Text
    year: int
    definition_version: str
    signer_subject: str
    certificate_fingerprint: str  # hex
    self_signed: bool
    signed_at: dt.datetime  # UTC
    container_name: str
    container_sha256: str  # hex
    record_count: int | None  # None for a questionnaire
    totals: Sequence[Total]
    summary: dict[str, int]
    warnings: Sequence[tuple[Finding, str]]  # every warning with its explanation
    encryption: Encryption | None
    client_version: str
    unit_name: str | None = None  # the reporting kommune, when it is not the signer
    on_behalf: bool = False  # signed by no kommune (NAV, an inter-municipal company, a test)
    nothing_to_report: bool = False
    replaces: tuple[str, str] | None = None  # (file name, SHA-256) of the submission replaced
    # A questionnaire's definition and answers (as signed): every question is printed.
    form: Any = None
    answers: Mapping[str, Any] | None = None
    statistics: Statistics | None = None  # the charts of the statistics report


_T: dict[str, Text] = {
    "title": {
        "nb": "Kvittering for innsending til SSB",
        "nn": "Kvittering for innsending til SSB",
        "en": "Receipt for submission to Statistics Norway (SSB)",
    },
    "subtitle": {
        "nb": "KOSTRA – skjema {form} {title}, rapporteringsår {year}",
        "nn": "KOSTRA – skjema {form} {title}, rapporteringsår {year}",
        "en": "KOSTRA – form {form} {title}, reporting year {year}",
    },
    "municipality": {"nb": "Kommune", "nn": "Kommune", "en": "Municipality"},
    "behalf": {"nb": "Signert av", "nn": "Signert av", "en": "Signed by"},
    "behalf_line": {
        "nb": "{signer} på vegne av {unit}",
        "nn": "{signer} på vegner av {unit}",
        "en": "{signer} on behalf of {unit}",
    },
    "region_line": {
        "nb": "{name} (region {region})",
        "nn": "{name} (region {region})",
        "en": "{name} (region {region})",
    },
    "orgnr": {
        "nb": "Organisasjonsnummer",
        "nn": "Organisasjonsnummer",
        "en": "Organisation number",
    },
    "form": {"nb": "Skjema", "nn": "Skjema", "en": "Form"},
    "form_line": {
        "nb": "{form} {title} (definisjon {version})",
        "nn": "{form} {title} (definisjon {version})",
        "en": "{form} {title} (definition {version})",
    },
    "year": {"nb": "Rapporteringsår", "nn": "Rapporteringsår", "en": "Reporting year"},
    "signed_by": {"nb": "Signert av", "nn": "Signert av", "en": "Signed by"},
    "self_signed": {
        "nb": "(selvsignert testsertifikat)",
        "nn": "(sjølvsignert testsertifikat)",
        "en": "(self-signed test certificate)",
    },
    "fingerprint": {
        "nb": "Sertifikat (SHA-256)",
        "nn": "Sertifikat (SHA-256)",
        "en": "Certificate (SHA-256)",
    },
    "when": {"nb": "Tidspunkt", "nn": "Tidspunkt", "en": "Time"},
    "when_line": {
        "nb": "{date} kl. {time} (norsk tid)",
        "nn": "{date} kl. {time} (norsk tid)",
        "en": "{date} at {time} (Norwegian time)",
    },
    "when_utc": {
        "nb": "{date} kl. {time} (UTC)",
        "nn": "{date} kl. {time} (UTC)",
        "en": "{date} at {time} (UTC)",
    },
    "file": {"nb": "Innsendingsfil", "nn": "Innsendingsfil", "en": "Submission file"},
    "sha256": {"nb": "SHA-256 av filen", "nn": "SHA-256 av fila", "en": "SHA-256 of the file"},
    "encryption": {"nb": "Kryptering", "nn": "Kryptering", "en": "Encryption"},
    "encrypted": {
        "nb": "Datafilene er kryptert til SSB (AES-256), slik at bare SSB kan lese "
        "personopplysningene. Mottakersertifikat: {recipient}",
        "nn": "Datafilene er krypterte til SSB (AES-256), slik at berre SSB kan lese "
        "personopplysningane. Mottakarsertifikat: {recipient}",
        "en": "The data files are encrypted to SSB (AES-256), so only SSB can read the "
        "personal data. Recipient certificate: {recipient}",
    },
    "not_encrypted": {
        "nb": "Ikke kryptert: SSBs krypteringssertifikat er ikke satt opp i klienten.",
        "nn": "Ikkje kryptert: krypteringssertifikatet til SSB er ikkje sett opp i klienten.",
        "en": "Not encrypted: SSB's encryption certificate is not set up in the client.",
    },
    "contents": {"nb": "Innhold", "nn": "Innhald", "en": "Contents"},
    "statistics": {"nb": "Statistikk", "nn": "Statistikk", "en": "Statistics"},
    "records": {"nb": "Antall poster", "nn": "Tal på postar", "en": "Number of records"},
    "nothing": {
        "nb": "Ingenting å rapportere",
        "nn": "Ingenting å rapportere",
        "en": "Nothing to report",
    },
    "nothing_text": {
        "nb": "Kommunen har krysset av for at den ikke har noe å rapportere på dette skjemaet "
        "for året. Datafilen er SSBs tomme leveranse (ett mellomrom).",
        "nn": "Kommunen har kryssa av for at han ikkje har noko å rapportere på dette skjemaet "
        "for året. Datafila er den tomme leveransen til SSB (eitt mellomrom).",
        "en": "The municipality has ticked that it has nothing to report on this form for the "
        "year. The data file is SSB's nil delivery (one space).",
    },
    "replaces": {
        "nb": "Erstatter innsending",
        "nn": "Erstattar innsending",
        "en": "Replaces submission",
    },
    "answers": {
        "nb": "Svar på spørreskjema",
        "nn": "Svar på spørjeskjema",
        "en": "Questionnaire answers",
    },
    "findings": {"nb": "Kontrollresultat", "nn": "Kontrollresultat", "en": "Control results"},
    "FATAL": {"nb": "Kritiske feil", "nn": "Kritiske feil", "en": "Fatal errors"},
    "ERROR": {"nb": "Feil", "nn": "Feil", "en": "Errors"},
    "WARNING": {"nb": "Advarsler", "nn": "Åtvaringar", "en": "Warnings"},
    "INFO": {"nb": "Til informasjon", "nn": "Til informasjon", "en": "Information"},
    "warnings": {
        "nb": "Advarsler og forklaringer",
        "nn": "Åtvaringar og forklaringar",
        "en": "Warnings and explanations",
    },
    "no_warnings": {"nb": "Ingen advarsler.", "nn": "Ingen åtvaringar.", "en": "No warnings."},
    "col_control": {"nb": "Kontroll", "nn": "Kontroll", "en": "Control"},
    "col_line": {"nb": "Linje", "nn": "Line", "en": "Line"},
    "col_field": {"nb": "Felt", "nn": "Felt", "en": "Field"},
    "col_message": {"nb": "Melding", "nn": "Melding", "en": "Message"},
    "col_explanation": {"nb": "Forklaring", "nn": "Forklaring", "en": "Explanation"},
    "qr": {
        "nb": "SHA-256 av innsendingsfilen",
        "nn": "SHA-256 av innsendingsfila",
        "en": "SHA-256 of the submission file",
    },
    "page": {
        "nb": "Side {page} av {pages}",
        "nn": "Side {page} av {pages}",
        "en": "Page {page} of {pages}",
    },
    "footer": {
        "nb": "KOSTRA-klienten {version} · {name}",
        "nn": "KOSTRA-klienten {version} · {name}",
        "en": "KOSTRA-klienten {version} · {name}",
    },
    "verify_hint": {
        "nb": "Kontroller innsendingsfilen med «kostra verify {name}».",
        "nn": "Kontroller innsendingsfila med «kostra verify {name}».",
        "en": "Check the submission file with «kostra verify {name}».",
    },
}

_registered = False


def register_fonts() -> None:
    global _registered  # noqa: PLW0603 - reportlab's font registry is process-wide anyway
    if _registered:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = fonts_dir()
    for name, file in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    _registered = True


def _t(key: str, lang: str, **params: Any) -> str:
    return tr(_T[key], lang).format(**params)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _hex_lines(hex_digest: str) -> str:
    """64 hex digits as two lines of four groups, easy to compare by eye."""
    groups = [hex_digest[i : i + 8] for i in range(0, len(hex_digest), 8)]
    return " ".join(groups[:4]) + "<br/>" + " ".join(groups[4:])


def render_receipt(data: ReceiptData, lang: str = "nb") -> bytes:
    """The receipt as PDF bytes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    builder = _Builder(data, lang)
    story = (builder.header() + builder.facts() + builder.contents() + builder.findings()
             + builder.statistics())
    footer = _t("footer", lang, version=data.client_version, name=data.container_name)
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN * mm,
        rightMargin=MARGIN * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title=_t("title", lang),
        author=data.organisation,
        subject=f"{data.form_id} {data.year} {data.container_name}",
        creator=f"KOSTRA-klienten {data.client_version}",
        lang={"nb": "nb-NO", "nn": "nn-NO", "en": "en"}.get(lang, "nb-NO"),
    )
    document.build(story, canvasmaker=_numbered_canvas(footer, tr(_T["page"], lang)))
    return out.getvalue()


_PRINT: dict[str, Text] = {
    "title": {
        "nb": "Utskrift av skjema – ikke sendt inn",
        "nn": "Utskrift av skjema – ikkje sendt inn",
        "en": "Printout of the form – not submitted",
    },
    "printed": {"nb": "Skrevet ut", "nn": "Skrive ut", "en": "Printed"},
    "unit": {"nb": "Rapporteringsenhet", "nn": "Rapporteringseining", "en": "Reporting unit"},
    "findings": {"nb": "Funn", "nn": "Funn", "en": "Findings"},
    "FATAL": {"nb": "Kritisk feil", "nn": "Kritisk feil", "en": "Fatal error"},
    "ERROR": {"nb": "Feil", "nn": "Feil", "en": "Error"},
    "WARNING": {"nb": "Advarsel", "nn": "Åtvaring", "en": "Warning"},
    "INFO": {"nb": "Informasjon", "nn": "Informasjon", "en": "Information"},
    "explanation": {"nb": "Forklaring", "nn": "Forklaring", "en": "Explanation"},
    "footer": {
        "nb": "KOSTRA-klienten {version} · utskrift, ikke en kvittering",
        "nn": "KOSTRA-klienten {version} · utskrift, ikkje ei kvittering",
        "en": "KOSTRA-klienten {version} · printout, not a receipt",
    },
}


def render_questionnaire(
    form: Any,
    answers: Mapping[str, Any],
    *,
    organisation: str,
    region: str,
    findings: Sequence[Finding] = (),
    explanations: Mapping[str, str] | None = None,
    printed_at: dt.datetime | None = None,
    client_version: str = "",
    lang: str = "nb",
) -> bytes:
    """A filled questionnaire as PDF before it is submitted ("print / save as PDF"): the
    form, the unit, every question shown with its answer (tables as tables) and the
    findings there are now, each warning with the explanation written so far (keyed by
    the finding's ref). Marked on every page as a printout, not a receipt."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from client.core.forms.answers import checked_answers

    register_fonts()
    builder = _Builder(None, lang)  # type: ignore[arg-type]
    when, _ = oslo_time(printed_at or dt.datetime.now(dt.UTC))
    title = tr(form.title, lang)
    story: list[Any] = [
        builder.p(_escape(tr(_PRINT["title"], lang)), "title"),
        Spacer(1, 4),
        builder.p(
            builder.t("subtitle", form=form.form_id, title=title, year=form.year), "subtitle"
        ),
        Spacer(1, 4 * mm),
    ]
    facts = [
        [builder.p(_escape(tr(_PRINT["unit"], lang)), "label"),
         builder.p(_escape(f"{organisation} (region {region})"))],
        [builder.p(builder.t("form"), "label"),
         builder.p(builder.t("form_line", form=form.form_id, title=title, version=form.version))],
        [builder.p(_escape(tr(_PRINT["printed"], lang)), "label"),
         builder.p(when.strftime("%d.%m.%Y %H:%M"))],
    ]
    table = builder.table(facts, [LABEL_WIDTH * mm, builder.width - LABEL_WIDTH * mm])
    table.setStyle(_table_style(builder.grid, builder.shade, header_row=False))
    story.append(table)
    story += builder.answers(form, checked_answers(form, answers))
    if findings:
        story += [Spacer(1, 3 * mm), builder.p(_escape(tr(_PRINT["findings"], lang)), "label")]
        for finding in findings:
            severity = tr(_PRINT[finding.severity], lang) if finding.severity in _PRINT else (
                finding.severity
            )
            line = f"{severity} {finding.control}: {finding.message(lang)}"
            explained = (explanations or {}).get(finding.ref, "").strip()
            if explained:
                line += f"\n{tr(_PRINT['explanation'], lang)}: {explained}"
            story.append(builder.p(_escape(line).replace("\n", "<br/>"), "small"))
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN * mm, rightMargin=MARGIN * mm,
        topMargin=18 * mm, bottomMargin=20 * mm, title=tr(_PRINT["title"], lang),
        author=organisation, subject=f"{form.form_id} {form.year}",
        creator=f"KOSTRA-klienten {client_version}",
        lang={"nb": "nb-NO", "nn": "nn-NO", "en": "en"}.get(lang, "nb-NO"),
    )
    footer = tr(_PRINT["footer"], lang).format(version=client_version)
    document.build(story, canvasmaker=_numbered_canvas(footer, tr(_T["page"], lang)))
    return out.getvalue()


MARGIN = 20  # mm, each side
LABEL_WIDTH = 48  # mm, the label column of the facts table


class _Builder:
    """The receipt's parts as reportlab flowables; one method per section."""

    def __init__(self, data: ReceiptData, lang: str) -> None:
        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm

        self.data = data
        self.lang = lang
        self.mm = mm
        body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12)
        self.styles = {
            "body": body,
            "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10),
            "caption": ParagraphStyle("caption", parent=body, fontSize=7, leading=9, alignment=1),
            "mono": ParagraphStyle(
                "mono", parent=body, fontName=FONT_MONO, fontSize=8.5, leading=11
            ),
            "label": ParagraphStyle("label", parent=body, fontName=FONT_BOLD),
            "title": ParagraphStyle(
                "title", parent=body, fontName=FONT_BOLD, fontSize=16, leading=20
            ),
            "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=10.5, leading=14),
            "heading": ParagraphStyle(
                "heading",
                parent=body,
                fontName=FONT_BOLD,
                fontSize=11.5,
                leading=15,
                spaceBefore=10,
                spaceAfter=4,
            ),
        }
        self.grid = colors.HexColor("#b8c0c8")
        self.shade = colors.HexColor("#eef1f4")
        # The frame pads 6 pt on each side; tables fill what is left.
        self.width = A4[0] - 2 * MARGIN * mm - 12

    def p(self, text: str, style: str = "body") -> Any:
        from reportlab.platypus import Paragraph

        return Paragraph(text, self.styles[style])

    def t(self, key: str, **params: Any) -> str:
        return _escape(_t(key, self.lang, **params))

    def table(self, rows: list[list[Any]], widths: list[float], **kwargs: Any) -> Any:
        from reportlab.platypus import Table

        return Table(rows, colWidths=widths, **kwargs)

    def header(self) -> list[Any]:
        from reportlab.graphics.barcode.qr import QrCodeWidget
        from reportlab.graphics.shapes import Drawing
        from reportlab.platypus import Spacer, TableStyle

        data, mm = self.data, self.mm
        qr = QrCodeWidget(data.container_sha256, barLevel="M")
        x0, y0, x1, y1 = qr.getBounds()
        size = 30 * mm
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
        drawing.add(qr)
        title = tr(data.form_title, self.lang)
        left = [
            self.p(self.t("title"), "title"),
            Spacer(1, 4),
            self.p(self.t("subtitle", form=data.form_id, title=title, year=data.year), "subtitle"),
        ]
        header = self.table(
            [[left, [drawing, self.p(self.t("qr"), "caption")]]],
            [self.width - 36 * mm, 36 * mm],
        )
        header.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (0, 0), 0),
                    ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
                    ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ]
            )
        )
        return [header, Spacer(1, 5 * mm)]

    def facts(self) -> list[Any]:
        data = self.data
        local, in_oslo = oslo_time(data.signed_at)
        when = self.t(
            "when_line" if in_oslo else "when_utc",
            date=local.strftime("%d.%m.%Y"),
            time=local.strftime("%H:%M:%S"),
        )
        # A space after each separating comma lets the subject wrap between attributes.
        signer = _escape(re.sub(r"(?<!\\),", ", ", data.signer_subject))
        if data.self_signed:
            signer += " " + self.t("self_signed")
        if data.encryption:
            encryption = self.t("encrypted", recipient=data.encryption.recipient)
        else:
            encryption = self.t("not_encrypted")
        title = tr(data.form_title, self.lang)
        rows = [
            (
                "municipality",
                self.t("region_line", name=data.unit_name or data.organisation,
                       region=data.region),
                "body",
            ),
            *(
                [("behalf", self.t("behalf_line", signer=data.organisation,
                                   unit=data.unit_name or data.region), "body")]
                if data.on_behalf else []
            ),
            ("orgnr", data.orgnr, "body"),
            (
                "form",
                self.t(
                    "form_line", form=data.form_id, title=title, version=data.definition_version
                ),
                "body",
            ),
            ("year", str(data.year), "body"),
            ("signed_by", signer, "body"),
            ("fingerprint", _hex_lines(data.certificate_fingerprint), "mono"),
            ("when", when, "body"),
            ("file", _escape(data.container_name), "body"),
            ("sha256", _hex_lines(data.container_sha256), "mono"),
            ("encryption", encryption, "body"),
        ]
        label_width = LABEL_WIDTH * self.mm
        table = self.table(
            [[self.p(self.t(key), "label"), self.p(value, style)] for key, value, style in rows],
            [label_width, self.width - label_width],
        )
        table.setStyle(_table_style(self.grid, self.shade, header_row=False))
        return [table]

    def contents(self) -> list[Any]:
        from reportlab.platypus import Spacer

        data, mm = self.data, self.mm
        out: list[Any] = [self.p(self.t("contents"), "heading")]
        if data.replaces is not None:
            name, digest = data.replaces
            out += [self.p(self.t("replaces"), "label"),
                    self.p(f"{_escape(name)} (SHA-256 {digest})"), Spacer(1, 2 * mm)]
        if data.nothing_to_report:
            out += [self.p(self.t("nothing"), "label"), self.p(self.t("nothing_text"))]
            return out
        count_label = self.t("records")
        rows = []
        breakdowns = []
        for total in data.totals:
            if total.id == "records" and data.record_count is not None:
                count_label = _escape(tr(total.label, self.lang))
            elif total.value is not None:
                rows.append(
                    [self.p(_escape(tr(total.label, self.lang))), self.p(format_int(total.value))]
                )
            if total.items:
                breakdowns.append(total)
        if data.record_count is not None:
            rows.insert(0, [self.p(count_label), self.p(format_int(data.record_count))])
        label_width = LABEL_WIDTH * mm
        if rows:
            table = self.table(rows, [label_width, 35 * mm], hAlign="LEFT")
            table.setStyle(_table_style(self.grid, self.shade, header_row=False, right_column=1))
            out.append(table)
        if data.form is not None and data.answers is not None:
            out += self.answers(data.form, data.answers)
        for total in breakdowns:
            out += [
                Spacer(1, 3 * mm),
                self.p(_escape(tr(total.label, self.lang)), "label"),
                Spacer(1, 1 * mm),
                self.breakdown(total),
            ]
        return out

    def answers(self, form: Any, answers: Mapping[str, Any]) -> list[Any]:
        """Every question shown for these answers, by section, with its answer; a table
        as a table (a header row of its columns, one row per answer row)."""
        from reportlab.platypus import KeepTogether, Spacer

        from client.core.forms.answers import display_value
        from client.core.forms.visibility import visible_fields

        mm, lang = self.mm, self.lang
        shown = visible_fields(form, answers)
        out: list[Any] = [Spacer(1, 2 * mm), self.p(self.t("answers"), "label")]
        label_width = (self.width - 4) * 0.55
        for section in form.sections:
            names = [n for n in section.fields if n in shown]
            if not names:
                continue
            out += [Spacer(1, 2 * mm), self.p(_escape(tr(section.title, lang)), "label")]
            rows: list[list[Any]] = []
            for name in names:
                field = form.field(name)
                value = answers.get(name)
                if field.is_table:
                    out += self.question_rows(rows, label_width)
                    rows = []
                    tables = self.answer_table(field, value if isinstance(value, list) else [])
                    out.append(KeepTogether([
                        Spacer(1, 1 * mm), self.p(_escape(tr(field.label, lang))), *tables,
                    ]))
                    continue
                text = display_value(field, value, lang) or "–"
                rows.append([self.p(_escape(tr(field.label, lang))), self.p(_escape(text))])
            out += self.question_rows(rows, label_width)
        return out

    def question_rows(self, rows: list[list[Any]], label_width: float) -> list[Any]:
        if not rows:
            return []
        table = self.table(rows, [label_width, self.width - label_width])
        table.setStyle(_table_style(self.grid, self.shade, header_row=False))
        return [table]

    def answer_table(self, field: Any, rows: list[Any]) -> list[Any]:
        from client.core.forms.answers import display_value

        lang = self.lang
        columns = field.columns
        header = [self.p(_escape(tr(c.label, lang)), "label") for c in columns]
        body = [
            [
                self.p(_escape(display_value(c, r.get(c.name) if isinstance(r, dict) else None,
                                             lang) or "–"))
                for c in columns
            ]
            for r in rows
        ]
        if not body:
            body = [[self.p("–")] + [self.p("") for _ in columns[1:]]]
        width = self.width / len(columns)
        table = self.table([header, *body], [width] * len(columns), repeatRows=1)
        table.setStyle(_table_style(self.grid, self.shade, header_row=True))
        return [table]

    def statistics(self) -> list[Any]:
        """The statistics report's charts, as vector graphics (the same drawings the HTML
        report renders to SVG)."""
        from reportlab.platypus import CondPageBreak, Table, TableStyle

        from client.core.reports.charts import section_drawing

        stats = self.data.statistics
        if stats is None:
            return []
        mm = self.mm
        half = self.width / 2 - 3
        cells = []
        for section in stats.sections:
            drawing = section_drawing(section, None, year=stats.year, lang=self.lang,
                                      width=half, height=44 * mm, font=FONT)
            if drawing is not None:
                cells.append([self.p(_escape(tr(section.title, self.lang)), "small"), drawing])
        if not cells:
            return []
        rows = [cells[i:i + 2] + [[]] * (2 - len(cells[i:i + 2]))
                for i in range(0, len(cells), 2)]
        grid = Table(rows, colWidths=[half + 3, half + 3], hAlign="LEFT")
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        return [CondPageBreak(60 * mm), self.p(self.t("statistics"), "heading"), grid]

    def breakdown(self, total: Total) -> Any:
        """Per-item counts (recipients per month) in three side-by-side columns."""
        mm = self.mm
        items = [(_escape(tr(label, self.lang)), format_int(v)) for label, v in total.items]
        columns = 3
        per_column = (len(items) + columns - 1) // columns
        rows = []
        for i in range(per_column):
            row = []
            for c in range(columns):
                k = i + c * per_column
                label, value = items[k] if k < len(items) else ("", "")
                row += [self.p(label), self.p(value)]
            rows.append(row)
        column_width = (self.width / columns) - 1
        table = self.table(rows, [column_width - 22 * mm, 22 * mm] * columns, hAlign="LEFT")
        style = _table_style(self.grid, self.shade, header_row=False)
        for c in range(columns):
            style.add("BACKGROUND", (2 * c, 0), (2 * c, -1), self.shade)
            style.add("ALIGN", (2 * c + 1, 0), (2 * c + 1, -1), "RIGHT")
        table.setStyle(style)
        return table

    def findings(self) -> list[Any]:
        from reportlab.platypus import Spacer

        data, mm = self.data, self.mm
        out: list[Any] = [self.p(self.t("findings"), "heading")]
        summary = self.table(
            [
                [self.p(self.t(s), "label") for s in SEVERITIES],
                [self.p(format_int(data.summary.get(s, 0))) for s in SEVERITIES],
            ],
            [self.width / 4] * 4,
            hAlign="LEFT",
        )
        summary.setStyle(_table_style(self.grid, self.shade, header_row=True))
        out += [summary, self.p(self.t("warnings"), "heading")]
        if not data.warnings:
            out.append(self.p(self.t("no_warnings")))
        else:
            columns = ("col_control", "col_line", "col_field", "col_message", "col_explanation")
            rows = [[self.p(self.t(k), "label") for k in columns]]
            for finding, explanation in data.warnings:
                rows.append(
                    [
                        self.p(_escape(finding.control), "small"),
                        self.p("" if finding.line is None else str(finding.line), "small"),
                        self.p(_escape(finding.field or ""), "small"),
                        self.p(_escape(finding.message(self.lang)), "small"),
                        self.p(_escape(explanation), "small"),
                    ]
                )
            rest = self.width - 66 * mm
            table = self.table(
                rows, [20 * mm, 14 * mm, 32 * mm, rest * 0.55, rest * 0.45], repeatRows=1
            )
            table.setStyle(_table_style(self.grid, self.shade, header_row=True))
            out.append(table)
        out += [
            Spacer(1, 6 * mm),
            self.p(self.t("verify_hint", name=data.container_name), "small"),
        ]
        return out


def _table_style(
    grid: Any, shade: Any, *, header_row: bool, right_column: int | None = None
) -> Any:
    from reportlab.platypus import TableStyle

    style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, grid),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )
    if header_row:
        style.add("BACKGROUND", (0, 0), (-1, 0), shade)
    else:
        style.add("BACKGROUND", (0, 0), (0, -1), shade)
    if right_column is not None:
        style.add("ALIGN", (right_column, 0), (right_column, -1), "RIGHT")
    return style


def _numbered_canvas(footer: str, page_text: str) -> Any:
    """A canvas that knows the page count when it draws each footer ("side x av y")."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Otherwise every page names Helvetica, unembedded, though no text uses it.
            kwargs.setdefault("initialFontName", FONT)
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(FONT, 7.5)
                self.setFillGray(0.35)
                self.drawString(20 * mm, 11 * mm, footer)
                self.drawRightString(
                    A4[0] - 20 * mm, 11 * mm, page_text.format(page=number, pages=total)
                )
                super().showPage()
            super().save()

    return NumberedCanvas
