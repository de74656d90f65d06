"""Issue 13's pure parts: sorting records, grouping findings, which explanations an edit
resets, and the many-lines helpers."""

from pathlib import Path

import pytest

from client.core.errors import UserError
from client.core.explanations import affected, control_inputs
from client.core.forms.catalog import FormCatalog
from client.core.records import bulk
from client.core.records.recordset import RecordSet
from client.core.records.sorting import sorted_indexes
from client.core.validation.engine import FormValidator, ValidationContext, ValidationSession
from client.core.validation.grouping import duplicate_lines, group_by_control
from synthetic import clean_records

EXAMPLE = str(Path(__file__).resolve().parents[1] / "resources/examples/11F_2026_460100.txt")


@pytest.fixture(scope="module")
def form():
    return FormCatalog().load("11F", 2026)


def test_sorting_is_by_meaning_stable_and_blanks_last(form):
    records = list(clean_records(form, 6, "123400"))
    for record, amount in zip(records, ["900", "15000", "", "2000", "900", "100000"], strict=True):
        record["BIDRAG"] = amount
    records[0]["FODSELSDATO"], records[1]["FODSELSDATO"] = "31121999", "01012000"
    rs = RecordSet.from_records(form, records)
    ordered = sorted_indexes(rs.lines, range(6), form.field("BIDRAG"))
    assert ordered == [0, 4, 3, 1, 5, 2]  # numbers, ties in file order, blank last
    assert sorted_indexes(rs.lines, range(6), form.field("BIDRAG"), True) == [5, 1, 3, 0, 4, 2]
    by_date = sorted_indexes(rs.lines, [0, 1], form.field("FODSELSDATO"))
    assert by_date == [0, 1]  # 1999 before 2000, although "31…" > "01…" as text


def test_grouping_merges_002_and_names_other_lines(form):
    records = list(clean_records(form, 5, "123400"))
    records[1]["KJONN"] = "3"
    records[3]["PERSON_JOURNALNR"] = records[0]["PERSON_JOURNALNR"]
    rs = RecordSet.from_records(form, records)
    context = ValidationContext(2026, "1234")
    findings = ValidationSession(FormValidator(form), rs, context).findings()
    assert {f.control for f in findings} >= {"002", "08", "05B"}
    groups = group_by_control(findings, form)
    assert "002" not in [g.control for g in groups]
    assert next(g for g in groups if g.control == "08").merged == 1
    first = next(f for g in groups if g.control == "05B" for f in g.findings if f.line == 1)
    assert duplicate_lines(first) == (4,)
    # Without the form (no merging) every finding stays.
    assert sum(len(g.findings) for g in group_by_control(findings)) == len(findings)


def test_explanations_reset_only_for_the_controls_inputs(form):
    inputs = control_inputs(form)
    assert "BIDRAG" in inputs["30"] and "LAAN" in inputs["30"]
    explanations = {"30:12:BIDRAG": "x", "30:13:BIDRAG": "y", "K-DATO:12:UTBETDATO": "z"}
    assert affected(inputs, explanations, 12, "LAAN") == ["30:12:BIDRAG"]
    assert affected(inputs, explanations, 12, "SAKSBEHANDLER") == []
    assert affected(inputs, explanations, 12, "UTBETDATO") == ["K-DATO:12:UTBETDATO"]


def test_bulk_helpers_and_their_bad_inputs(form):
    rs = RecordSet.from_records(form, list(clean_records(form, 4, "123400")))
    assert bulk.set_field(rs, [0, 2], "KOMMUNE_NR", "0301") == [
        (0, "KOMMUNE_NR", "0301"), (2, "KOMMUNE_NR", "0301")
    ]
    with pytest.raises(UserError):
        bulk.set_field(rs, [0], "KOMMUNE_NR", "12345")
    assert len(bulk.find_replace(rs, "SAKSBEHANDLER", "SB", "NAV")) == 4
    pasted = bulk.parse_pasted(form, "J1\tSB1\nJ2\tSB2\n", ["PERSON_JOURNALNR", "SAKSBEHANDLER"])
    assert pasted.records == [
        {"PERSON_JOURNALNR": "J1", "SAKSBEHANDLER": "SB1"},
        {"PERSON_JOURNALNR": "J2", "SAKSBEHANDLER": "SB2"},
    ]
    with_header = bulk.parse_pasted(form, "SAKSBEHANDLER\tUkjent\tBidrag\nS\tx\t5\n", [])
    assert with_header.records == [{"SAKSBEHANDLER": "S", "BIDRAG": "5"}]
    assert with_header.ignored == ["Ukjent"]
    with pytest.raises(UserError):
        bulk.parse_pasted(form, " \n\t\n", [])
    with pytest.raises(UserError):
        bulk.parse_pasted(form, "a\tb\tc\n", ["PERSON_JOURNALNR"])
    merged = bulk.merge_records(
        form,
        {"PERSON_JOURNALNR": "J1", "BIDRAG": "100", "KJONN": "1"},
        {"PERSON_JOURNALNR": "J1", "BIDRAG": "50", "KJONN": "2", "LAAN": "7"},
    )
    assert merged.values["BIDRAG"] == "150" and merged.values["LAAN"] == "7"
    assert merged.conflicts == ["KJONN"] and merged.values["KJONN"] == "1"


def test_caseworker_list_from_the_command_line(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "liste.csv"
    result = subprocess.run(
        [sys.executable, "-m", "client", "validate", EXAMPLE,
         "--form", "11F", "--year", "2026", "--region", "460100", "--caseworker-list", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    text = out.read_text("utf-8")
    assert text.startswith("Saksbehandler;Journalnummer;Linje;Felt;Kontroll;Alvorlighet;Melding")
    import re

    assert re.search(r"(?<!\d)\d{11}(?!\d)", text) is None  # never a fødselsnummer
    bad = subprocess.run(
        [sys.executable, "-m", "client", "validate", EXAMPLE,
         "--form", "11F", "--year", "2026", "--region", "460100",
         "--caseworker-list", str(tmp_path / "liste.txt")],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert bad.returncode == 2 and ".csv, .html eller .pdf" in bad.stderr
    assert not (tmp_path / "liste.txt").exists()


def test_caseworker_list_as_pdf_from_the_command_line(tmp_path, capsys):
    import re

    from pypdf import PdfReader

    from client.cli import main

    out = tmp_path / "liste.pdf"
    code = main(["validate", EXAMPLE, "--form", "11F", "--year", "2026", "--region", "460100",
                 "--caseworker-list", str(out)])
    capsys.readouterr()
    assert code in (0, 1)
    reader = PdfReader(str(out))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Funn per saksbehandler" in text and "Saksbehandler" in text
    assert "Journalnummer" in text and "Melding" in text
    assert re.search(r"(?<!\d)\d{11}(?!\d)", text) is None  # never a fødselsnummer
    fonts = {str(f) for p in reader.pages for f in (p["/Resources"].get("/Font") or {}).values()}
    assert fonts  # the DejaVu fonts are embedded, so æøå print
