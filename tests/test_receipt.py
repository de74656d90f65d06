"""The PDF receipt, read back with pypdf: everything it must say, in each language, with
page numbers that count, fonts that carry æ, ø and å, and a QR code of the SHA-256."""

from __future__ import annotations

import re
import shutil
import subprocess
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from test_submission_support import (
    NOW,
    ORGNR,
    REGION,
    YEAR,
    document_11f,
    self_signed_signer_parts,
    ssb_test_certificate,
)

from client.core.i18n import format_int
from client.core.submission.keys import Signer, fingerprint
from client.core.submission.submit import submit
from client.core.validation.engine import ValidationContext

CONTEXT = ValidationContext.from_region(REGION, YEAR)


def make(tmp_path, document=None, lang="nb", **kwargs):
    cert, key = self_signed_signer_parts()
    document = document or document_11f(150)
    result = submit(document, CONTEXT, Signer(cert, key), tmp_path, lang=lang,
                    clock=lambda: NOW, **kwargs)
    return document, result


def norm(text: str) -> str:
    """Cells come out one per line, and numbers with no-break spaces: one space each."""
    return re.sub(r"\s+", " ", text)


def text_of(path) -> tuple[list[str], str]:
    pages = [norm(page.extract_text()) for page in PdfReader(path).pages]
    return pages, " ".join(pages)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def nb_receipt(tmp_path_factory):
    return make(tmp_path_factory.mktemp("nb"))


def test_receipt_says_who_what_when_and_which_file(nb_receipt):
    _, result = nb_receipt
    assert result.receipt.name == result.container.name.replace(".asice", "_kvittering.pdf")
    _, text = text_of(result.receipt)
    flat = squeeze(text)
    cert = self_signed_signer_parts()[0]
    assert "Kvittering for innsending til SSB" in text
    # The unit reports; a test certificate (no kommune's) signs on its behalf, and says so.
    assert "Bergen kommune (region 460100)" in text
    assert squeeze("Test kommune Æøå på vegne av Bergen kommune") in flat
    assert ORGNR in text
    assert "11F Økonomisk sosialhjelp" in text and str(YEAR) in text
    assert squeeze(Signer(cert, None).subject) in flat  # certificate subject
    assert fingerprint(cert) in flat
    oslo = NOW.astimezone(ZoneInfo("Europe/Oslo"))
    assert f"{oslo:%d.%m.%Y} kl. {oslo:%H:%M:%S} (norsk tid)" in text
    assert result.container.name in text
    assert result.sha256 in flat
    assert "Ikke kryptert" in text


def test_receipt_has_record_count_and_the_declared_totals(nb_receipt):
    document, result = nb_receipt
    _, text = text_of(result.receipt)
    records = document.records.records()
    assert f"Mottakere {len(records)}" in text
    bidrag = sum(int(r.get("BIDRAG") or 0) for r in records)
    laan = sum(int(r.get("LAAN") or 0) for r in records)
    assert norm(f"Sum bidrag {format_int(bidrag)}") in text
    assert norm(f"Sum lån {format_int(laan)}") in text
    assert "Mottakere per måned" in text
    for month, name in ((1, "Januar"), (7, "Juli"), (12, "Desember")):
        count = sum(1 for r in records if r.get(f"STMND_{month}"))
        assert f"{name} {count}" in text


def test_receipt_has_findings_summary_and_every_warning_with_its_explanation(nb_receipt):
    document, result = nb_receipt
    _, text = text_of(result.receipt)
    assert "Kontrollresultat" in text
    assert re.search(r"Kritiske feil\s+Feil\s+Advarsler\s+Til informasjon\s+0\s+0\s+1\s+0", text)
    (explanation,) = document.explanations.values()
    assert squeeze(explanation) in squeeze(text)
    assert "K-DATO" in text and "FODSELSDATO" in text


def test_receipt_in_nynorsk_and_english(tmp_path):
    (tmp_path / "nn").mkdir()
    (tmp_path / "en").mkdir()
    _, nn = make(tmp_path / "nn", lang="nn")
    _, en = make(tmp_path / "en", lang="en")
    _, nn_text = text_of(nn.receipt)
    _, en_text = text_of(en.receipt)
    assert "Mottakarar per månad" in nn_text and "Åtvaringar og forklaringar" in nn_text
    assert "Side 1 av" in nn_text and "på vegner av Bergen kommune" in nn_text
    assert "Receipt for submission" in en_text and "Recipients per month" in en_text
    assert "(Norwegian time)" in en_text and "Page 1 of" in en_text
    assert "on behalf of Bergen kommune" in en_text


def test_many_warnings_run_over_pages_numbered_x_of_y(tmp_path):
    document = document_11f(200, warning_line=None)
    for line in range(1, 121):
        value = document.records.value(line - 1, "FODSELSDATO")
        document.records.set_value(line - 1, "FODSELSDATO", "3102" + value[4:])
        document.explanations[f"K-DATO:{line}:FODSELSDATO"] = f"Forklaring nummer {line} – ærlig."
    _, result = make(tmp_path, document)
    pages, text = text_of(result.receipt)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Side {number} av {len(pages)}" in page
    for line in (1, 60, 120):
        assert f"Forklaring nummer {line} – ærlig." in text
    # The table header repeats on every page the warnings continue on.
    assert all("Forklaring" in page for page in pages[1:])


def test_fonts_are_embedded_dejavu(nb_receipt):
    """Every font the text uses is an embedded DejaVu subset. (reportlab's document always
    lists Helvetica as its default, unused here.)"""
    _, result = nb_receipt
    reader = PdfReader(result.receipt)
    embedded = set()
    for page in reader.pages:
        contents = page.get_contents().get_data().decode("latin-1")
        for name, reference in page["/Resources"]["/Font"].items():
            font = reference.get_object()
            if font["/BaseFont"] == "/Helvetica":
                # Only set as the initial font of text objects that show nothing.
                for block in re.findall(r"BT(.*?)ET", contents, re.S):
                    if re.search(rf"{re.escape(name)}\s+[\d.]+\s+Tf", block):
                        assert not re.search(r"T[jJ]|'|\"", block)
                continue
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            embedded.add(str(font["/BaseFont"]).split("+")[-1])
    assert embedded == {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono"}


def test_encrypted_submission_says_so_on_the_receipt(tmp_path):
    ssb_cert, _ = ssb_test_certificate()
    _, result = make(tmp_path, document_11f(20), recipient=ssb_cert)
    _, text = text_of(result.receipt)
    assert "kryptert til SSB (AES-256)" in text
    assert "SSB KOSTRA mottak TEST" in text


@pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
                    reason="needs pdftoppm (poppler-utils) and zbarimg (zbar-tools)")
def test_qr_code_decodes_to_the_containers_sha256(nb_receipt, tmp_path):
    _, result = nb_receipt
    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png",
                    str(result.receipt), str(tmp_path / "page")], check=True, timeout=60)
    (image,) = tmp_path.glob("page*.png")
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(image)], capture_output=True,
                             text=True, timeout=60, check=True).stdout.strip()
    assert decoded == result.sha256


def _questionnaire(form_id: str):
    import json
    from pathlib import Path

    from client.core.documents import FormDocument
    from client.core.forms.catalog import FormCatalog

    root = Path(__file__).resolve().parents[1]
    form = FormCatalog([root / "forms"]).load(form_id, YEAR)
    answers = json.loads((root / "resources" / "examples" / f"{form_id}_2026_460100.json")
                         .read_text("utf-8"))
    answers["KOMMUNE_NR"] = REGION[:4]
    return FormDocument(form, answers=answers, region=REGION)


@pytest.mark.parametrize("form_id", ["12", "7B"])
def test_a_signed_questionnaires_receipt_shows_every_question_and_its_answer(tmp_path, form_id):
    from client.core.forms.answers import display_value
    from client.core.forms.visibility import visible_fields
    from client.core.i18n import tr

    document, result = make(tmp_path, _questionnaire(form_id))
    _, text = text_of(result.receipt)
    flat = squeeze(text)
    form = document.form
    for name in visible_fields(form, document.answers):
        field = form.field(name)
        # Every question's text (reportlab may break long labels across lines).
        assert squeeze(tr(field.label, "nb"))[:40] in flat, name
        value = document.answers.get(name)
        if field.is_table:
            for column in field.columns:
                assert squeeze(tr(column.label, "nb")) in flat
            for row in value:
                for column in field.columns:
                    shown = display_value(column, row.get(column.name), "nb")
                    assert squeeze(shown) in flat, (name, column.name, shown)
        elif value is not None:
            assert squeeze(display_value(field, value, "nb"))[:40] in flat, (name, value)
    if form_id == "12":
        assert "15.01.2025" in text and "8 350" in text and "Barnetrygd" in text
    else:
        assert "Bergen krisesenter" in text and "38 500 000" in text
        assert "39 750 000" in text  # the computed total, as signed


def test_a_filled_questionnaire_prints_before_it_is_submitted(tmp_path):
    from client.core.submission.receipt import render_questionnaire

    document = _questionnaire("7")
    pdf = render_questionnaire(document.form, document.answers, organisation="Bergen kommune",
                               region=REGION, printed_at=NOW, client_version="t", lang="nn")
    path = tmp_path / "utskrift.pdf"
    path.write_bytes(pdf)
    _, text = text_of(path)
    assert "ikkje sendt inn" in text and "ikkje ei kvittering" in text
    assert "Vernepleiar" in text and "171" in text  # a table row, and its computed total
    assert "Bergen kommune" in text
