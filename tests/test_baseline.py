"""Last year as the baseline (client.core.baseline, `kostra validate --last-year`), and
Oslo's bydel files checked together (client.core.crossfile).

Last year's file plus this year's in three variants: a normal year (most of last year's
recipients, about as many new ones), a partial delivery (only the long-term recipients,
as Fjell delivered in 2005) and a doubled year (the extract taken twice)."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest

from client.cli import main
from client.core import drafts
from client.core.baseline import compare, figures, load_last_year
from client.core.crossfile import check_across
from client.core.documents import FormDocument
from client.core.errors import InputFileError
from client.core.forms.catalog import FormCatalog
from client.core.records.fixedwidth import encode_records, write_record_file
from client.core.records.recordset import RecordSet
from client.core.validation.engine import FormValidator, ValidationContext
from synthetic import clean_record, clean_records

ROOT = Path(__file__).resolve().parents[1]
CATALOG = FormCatalog([ROOT / "forms"])
F2026 = CATALOG.load("11F", 2026)
F2025 = CATALOG.load("11F", 2025)
F2024 = CATALOG.load("11F", 2024)
REGION = "123400"
CONTEXT = ValidationContext.from_region(REGION, 2026)
VALIDATOR = FormValidator(F2026)
FIGURE_CONTROLS = {"K-ANTALL", "K-BIDRAG", "K-LAAN", "K-LANGTID"}
CARRIED = ("PERSON_FODSELSNR", "PERSON_JOURNALNR", "FODSELSDATO")


def _money_and_months(name: str) -> bool:
    return name.startswith(("BIDRAG", "LAAN", "STMND_"))


def last_year_records(count: int = 300) -> list[dict[str, str]]:
    return list(clean_records(F2025, count, REGION, seed=11))


def normal_year(last: list[dict[str, str]], seed: int = 5) -> list[dict[str, str]]:
    """Two thirds of last year's recipients stay (same person, the same help), and as
    many new ones come as leave."""
    rng = random.Random(seed)
    kept = [r for r in last if rng.random() < 0.67]
    out = []
    for i, before in enumerate(kept):
        record = clean_record(F2026, 10_000 + i, REGION, random.Random(i))
        for name in list(record):
            if _money_and_months(name):
                del record[name]
        record.update({k: v for k, v in before.items() if k in CARRIED or _money_and_months(k)})
        out.append(record)
    new = len(last) - len(kept)
    out += [clean_record(F2026, 20_000 + i, REGION, random.Random(100 + i)) for i in range(new)]
    return out


def records(form, values) -> RecordSet:
    return RecordSet.from_records(form, values)


def warnings(this: list[dict[str, str]], last: list[dict[str, str]], form=F2025):
    recordset = records(form, [{k: v for k, v in r.items() if form.has_field(k)} for r in last])
    from client.core.baseline import LastYear

    comparisons, found = compare(VALIDATOR, records(F2026, this),
                                 LastYear("fjor.txt", form, recordset, "file"), CONTEXT)
    return comparisons, found


@pytest.fixture(scope="module")
def years():
    last = last_year_records()
    return last, normal_year(last)


def test_a_normal_year_gives_no_warning(years):
    last, this = years
    comparisons, found = warnings(this, last)
    assert found == []
    assert [c.id for c in comparisons] == ["records", "bidrag", "laan", "longTerm"]
    by_id = {c.id: c for c in comparisons}
    assert by_id["records"].this_year.value == by_id["records"].last_year.value == len(last)


def test_a_partial_delivery_of_long_term_recipients_is_what_fjell_delivered(years):
    last, this = years
    long_term = [r for r in this if sum(f"STMND_{m}" in r for m in range(1, 13)) >= 6]
    assert 0 < len(long_term) < len(this) / 2
    _, found = warnings(long_term, last)
    fired = {f.control for f in found}
    assert {"K-ANTALL", "K-LANGTID", "K-BIDRAG"} <= fired
    assert "K-PERSON" not in fired
    assert all(f.line is None and f.severity == "WARNING" for f in found)
    message = next(f for f in found if f.control == "K-ANTALL").message("nb")
    assert str(len(long_term)) in message and "300" in message


def test_a_doubled_year_fires_on_counts_and_sums_not_on_the_share(years):
    last, this = years
    comparisons, found = warnings(this + this, last)
    assert {f.control for f in found} == {"K-ANTALL", "K-BIDRAG", "K-LAAN"}
    change = {c.id: c.change for c in comparisons}
    assert change["records"] == pytest.approx(100)


def test_an_amount_many_times_the_same_persons_last_year_is_flagged_on_its_line(years):
    last, this = years
    this = [dict(r) for r in this]
    # A kept recipient (same fødselsnummer) with an extra digit in this year's grant.
    by_fnr = {r["PERSON_FODSELSNR"]: r for r in last}
    i = next(i for i, r in enumerate(this)
             if r["PERSON_FODSELSNR"] in by_fnr and int(r["BIDRAG"]) >= 6000)
    this[i]["BIDRAG"] = str(int(this[i]["BIDRAG"]) * 10)
    # One without a fødselsnummer is matched by journalnummer.
    j = next(j for j, r in enumerate(this)
             if j != i and r["PERSON_FODSELSNR"] in by_fnr and int(r["BIDRAG"]) >= 6000)
    this[j]["BIDRAG"] = str(int(this[j]["BIDRAG"]) * 8)
    this[j]["PERSON_FODSELSNR"] = ""
    _, found = warnings(this, last)
    person = [f for f in found if f.control == "K-PERSON"]
    assert sorted(f.line for f in person) == sorted([i + 1, j + 1])
    assert not ({f.control for f in found} & FIGURE_CONTROLS)
    for f in person:
        assert f.params.get("value") not in by_fnr  # no fødselsnummer in it
        assert f.journal == this[f.line - 1]["PERSON_JOURNALNR"]
    text = next(f for f in person if f.line == j + 1).message("nb")
    assert "journal" in text.lower()


def test_last_year_in_any_layout_file_draft_or_submission(tmp_path, years):
    last, _ = years
    # 2024's 324-character layout beside 2026's.
    old = records(F2024, [{k: v for k, v in r.items() if F2024.has_field(k)
                           and len(v) <= F2024.field(k).column.size} for r in last])
    path = tmp_path / "11F_2024.txt"
    write_record_file(path, old)
    loaded = load_last_year(path, "11F", 2026, CATALOG)
    assert loaded.form.year == 2024 and len(loaded.records) == len(last)
    this_figures = {f.id: f.value for f in figures(VALIDATOR, loaded.records)}
    assert this_figures["records"] == len(last)

    # A draft names its own year.
    draft = tmp_path / "utkast.json"
    draft.write_bytes(drafts.document_to_bytes(FormDocument(F2025, records=records(F2025, last))))
    loaded = load_last_year(draft, "11F", 2026, CATALOG)
    assert loaded.form.year == 2025 and loaded.source == "draft"
    assert len(loaded.records) == len(last)

    # A signed submission's data file, found inside the container.
    container = tmp_path / "sub.asice"
    with zipfile.ZipFile(container, "w") as archive:
        archive.writestr("mimetype", "application/vnd.etsi.asic-e+zip")
        archive.writestr("11F_2025_123400.txt", encode_records(records(F2025, last)))
    loaded = load_last_year(container, "11F", 2026, CATALOG)
    assert loaded.form.year == 2025 and loaded.source == "submission"

    encrypted = tmp_path / "kryptert.asice"
    with zipfile.ZipFile(encrypted, "w") as archive:
        archive.writestr("11F_2025_123400.txt.p7m", b"x")
    with pytest.raises(InputFileError, match="kryptert til SSB"):
        load_last_year(encrypted, "11F", 2026, CATALOG)

    wrong = tmp_path / "feil.txt"
    wrong.write_text("x" * 50 + "\n")
    with pytest.raises(InputFileError, match="50 tegn"):
        load_last_year(wrong, "11F", 2026, CATALOG)


def test_cli_last_year_shows_both_years_and_the_warnings(capsys, tmp_path, years):
    last, this = years
    last_path = tmp_path / "2025.txt"
    write_record_file(last_path, records(F2025, last))
    this_path = tmp_path / "2026.txt"
    long_term = [r for r in this if sum(f"STMND_{m}" in r for m in range(1, 13)) >= 6]
    write_record_file(this_path, records(F2026, long_term))
    args = ["validate", str(this_path), "--form", "11F", "--year", "2026", "--region", REGION,
            "--last-year", str(last_path)]
    main([*args, "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["lastYear"]["year"] == 2025 and report["lastYear"]["records"] == len(last)
    figures_by_id = {f["id"]: f for f in report["lastYear"]["figures"]}
    assert figures_by_id["records"]["thisYear"] == len(long_term)
    assert figures_by_id["records"]["lastYear"] == len(last)
    assert {"K-ANTALL", "K-LANGTID"} <= {f["control"] for f in report["findings"]}
    main(args)
    text = capsys.readouterr().out
    assert "2026" in text and "2025" in text and "Antall mottakere" in text


# --- Oslo's bydeler ----------------------------------------------------------------------


def bydel_file(tmp_path: Path, bydel: int, start: int, count: int) -> tuple[Path, list]:
    region = f"0301{bydel:02d}"
    values = [clean_record(F2026, start + i, region, random.Random(start + i))
              for i in range(count)]
    return tmp_path / f"bydel{bydel:02d}.txt", values


def test_oslo_check_finds_planted_persons_across_files_and_nothing_else(capsys, tmp_path):
    files = [bydel_file(tmp_path, b, b * 1000, 40) for b in (1, 2, 3)]
    (a, ra), (b, rb), (c, rc) = files
    # Person 1 is in all three bydeler, person 2 in two; within bydel 3 a duplicate that
    # is SSB's own 05A, not a cross-file finding.
    rb[10]["PERSON_FODSELSNR"] = ra[5]["PERSON_FODSELSNR"]
    rc[3]["PERSON_FODSELSNR"] = ra[5]["PERSON_FODSELSNR"]
    rc[20]["PERSON_FODSELSNR"] = rb[30]["PERSON_FODSELSNR"]
    rc[33]["PERSON_FODSELSNR"] = rc[32]["PERSON_FODSELSNR"]
    for path, values in files:
        write_record_file(path, records(F2026, values))
    code = main(["validate", str(a), str(b), str(c), "--form", "11F", "--year", "2026",
                 "--region", "030100", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1  # bydel 3's duplicate is an ERROR (05A)
    assert [f["file"] for f in report["files"]] == [str(a), str(b), str(c)]
    assert all("findings" in f and "summary" in f for f in report["files"])
    across = report["crossFile"]
    assert [(x["control"], x["severity"]) for x in across] == [("K-BYDEL", "INFO")] * 2
    places = [[(o["file"], o["line"]) for o in x["occurrences"]] for x in across]
    assert places == [[(str(a), 6), (str(b), 11), (str(c), 4)], [(str(b), 31), (str(c), 21)]]
    assert "bydel02.txt linje 11" in across[0]["message"]
    for x in across:
        for values in (ra, rb, rc):
            assert not any(r["PERSON_FODSELSNR"] in x["message"] for r in values)

    main(["validate", str(a), str(b), "--form", "11F", "--year", "2026", "--region", "030100"])
    text = capsys.readouterr().out
    assert "Alle filene sammen (2 filer)" in text and "K-BYDEL" in text


def test_oslo_check_of_11cf_and_of_clean_files(tmp_path):
    form = CATALOG.load("11CF", 2026)
    validator = FormValidator(form)
    sets = []
    for bydel in (4, 5):
        values = [clean_record(form, bydel * 1000 + i, f"0301{bydel:02d}") for i in range(20)]
        sets.append((f"b{bydel}", records(form, values)))
    context = ValidationContext.from_region("030100", 2026)
    assert check_across(validator, sets, context) == []
    sets[1][1].set_value(7, "PERSON_FODSELSNR", sets[0][1].value(2, "PERSON_FODSELSNR"))
    (finding,) = check_across(validator, sets, context)
    assert [(o.file, o.line) for o in finding.occurrences] == [("b4", 3), ("b5", 8)]


def test_last_year_with_several_files_is_a_usage_error(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"")
    code = main(["validate", str(path), str(path), "--form", "11F", "--year", "2026",
                 "--region", "030100", "--last-year", str(path)])
    assert code == 2 and "--last-year" in capsys.readouterr().err


def test_the_long_term_count_agrees_with_stripping_each_field():
    """The fast count of filled month fields (one integer for all lines) gives the same
    answer as stripping each field, with tabs, short lines and letters outside ASCII."""
    from client.core.baseline import _count_filled_at_least

    def plain(lines, columns, at_least):
        return sum(1 for line in lines
                   if sum(1 for s, e in columns if line[s:e].strip()) >= at_least)

    rng = random.Random(7)
    alphabet = [" ", " ", " ", "0", "1", "9", "\t", "x", "\x1f", "\xa0"]
    for _ in range(400):
        width, count, start = rng.choice([1, 2, 3]), rng.randint(1, 6), rng.randint(0, 4)
        columns = [(start + i * width, start + (i + 1) * width) for i in range(count)]
        longest = start + count * width + 3
        lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))
                 for _ in range(rng.randint(1, 30))]
        at_least = rng.randint(0, count + 1)
        assert _count_filled_at_least(lines, columns, at_least) == plain(lines, columns, at_least)
