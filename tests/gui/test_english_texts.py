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
