"""Issue 13, point 8: the English window and the core's English texts say neither
"record(s)" nor the Norwegian date pattern "åååå" (English reads dd.mm.yyyy / DDMMYYYY)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from client.gui.translations import FOLDER, install_language
from client.gui.widgets import date_placeholder

ROOT = Path(__file__).resolve().parents[2]
NORWEGIAN_OR_CLUMSY = re.compile(r"record\(s\)|åå|ÅÅ", re.IGNORECASE)


def test_no_window_text_in_english_says_record_s_or_aaaa():
    # The .ts sources are the English window, as lupdate read it from the code.
    sources = [m.text or "" for m in ET.parse(FOLDER / "kostra_nb.ts").iter("source")]
    assert sources
    bad = [s for s in sources if NORWEGIAN_OR_CLUMSY.search(s)]
    assert not bad, bad


def test_every_plural_written_with_s_has_english_singular_and_plural(qapp):
    """"%n finding(s)" reads "1 finding" and "3 findings" in the English window."""
    sources = {(c.findtext("name"), m.findtext("source"))
               for c in ET.parse(FOLDER / "kostra_nb.ts").iter("context")
               for m in c.iter("message") if "(s)" in (m.findtext("source") or "")}
    english = {(c.findtext("name"), m.findtext("source"))
               for c in ET.parse(FOLDER / "kostra_en.ts").iter("context")
               for m in c.iter("message")}
    assert sources and sources <= english, sources - english
    from PySide6.QtCore import QCoreApplication

    install_language("en")
    try:
        for context, source in sorted(sources):
            for n in (1, 3):
                shown = QCoreApplication.translate(context, source, "", n)
                assert "(s)" not in shown, (context, source, shown)
        assert QCoreApplication.translate("FindingsModel", "%Ln finding(s)", "", 1) == (
            "1 finding")
        assert QCoreApplication.translate("TableEditor", "%n row(s) pasted.", "", 3) == (
            "3 rows pasted.")
        # A findings group's heading: "03 …: 20,000 records", not "Records: 20,000".
        assert QCoreApplication.translate("FindingsModel", "Records: %Ln", "", 1) == "1 record"
    finally:
        install_language("nb")


def test_no_english_core_text_says_record_s_or_aaaa():
    english = re.compile(r'"en":\s*"([^"]*)"')
    bad = [
        (path.name, text)
        for path in (ROOT / "client").rglob("*.py")
        for text in english.findall(path.read_text("utf-8"))
        if NORWEGIAN_OR_CLUMSY.search(text)
    ]
    assert not bad, bad


@pytest.mark.parametrize(("lang", "long", "short"), [
    ("en", "dd.mm.yyyy", "dd.mm.yy"),
    ("nb", "dd.mm.åååå", "dd.mm.åå"),
    ("nn", "dd.mm.åååå", "dd.mm.åå"),
])
def test_a_date_field_shows_the_pattern_in_the_window_s_language(qapp, lang, long, short):
    install_language(lang)
    try:
        assert date_placeholder() == long
        assert date_placeholder("dd.mm.åå") == short
    finally:
        install_language("nb")
