"""client/core/statistics.py: the statistics form.json declares, over real record sets,
this year beside last year; and the run-to-run comparison (fixed / new / remaining)."""

from __future__ import annotations

import json
import re

import pytest

from client.core.forms.catalog import FormCatalog
from client.core.records.recordset import RecordSet
from client.core.reports.charts import section_drawing, to_svg
from client.core.reports.compare import compare_findings, compare_runs, load_earlier_report
from client.core.statistics import compute_statistics, paired_rows
from client.core.validation.engine import FormValidator, ValidationContext
from synthetic import clean_records, generated_fnr

CATALOG = FormCatalog()
F26 = CATALOG.load("11F", 2026)
F25 = CATALOG.load("11F", 2025)
KVP = CATALOG.load("11CF", 2026)


def record(form, **values):
    base = {"KOMMUNE_NR": "1234", "VERSION": f"{form.year % 100:02d}",
            "PERSON_JOURNALNR": "J1", "SAKSBEHANDLER": "Sara"}
    return {**base, **values}


def months(*numbers):
    return {f"STMND_{m}": f"{m:02d}" for m in numbers}


def test_sums_months_bands_and_share_by_hand():
    records = RecordSet.from_records(F26, [
        # 17 years old, support Jan–Jun (6 months, long-term), 12 000 + 500
        record(F26, PERSON_FODSELSNR=generated_fnr(2026, 17), BIDRAG="12000", LAAN="500",
               **months(1, 2, 3, 4, 5, 6)),
        # 70 years old, one month, 160 000
        record(F26, PERSON_JOURNALNR="J2", PERSON_FODSELSNR=generated_fnr(2026, 70),
               BIDRAG="160000", **months(12)),
        # no fødselsnummer, but a birth date: 30 years old; nothing paid
        record(F26, PERSON_JOURNALNR="J3", FODSELSDATO="15031996", **months(3, 4)),
        # neither: age unknown
        record(F26, PERSON_JOURNALNR="J4", BIDRAG="abc"),
    ])
    stats = compute_statistics(F26, records)
    assert stats is not None and stats.records == 4
    sums = {r.key: r.value for r in stats.section("sums").rows}
    assert sums == {"total": 172_500, "bidrag": 172_000, "laan": 500}
    per_month = {r.key: r.value for r in stats.section("months").rows}
    assert per_month["STMND_1"] == 1 and per_month["STMND_3"] == 2
    assert per_month["STMND_12"] == 1 and per_month["STMND_7"] == 0
    assert [r.value for r in stats.section("age").rows] == [1, 0, 1, 0, 1, 1]
    assert [r.value for r in stats.section("amount").rows] == [0, 1, 0, 0, 1, 2]
    assert [r.value for r in stats.section("duration").rows] == [1, 1, 1, 0, 0, 0, 1]
    share = stats.section("longTerm")
    assert [r.value for r in share.rows] == [1, 3] and share.share() == 0.25
    # Only counts and sums: no journal, caseworker or personal number leaves the module.
    text = json.dumps(stats.to_json(), ensure_ascii=False)
    assert "J1" not in text and "Sara" not in text and not re.search(r"\d{11}", text)


def test_last_year_stands_beside_this_year():
    this = compute_statistics(F26, RecordSet.from_records(F26, clean_records(F26, 300, seed=1)))
    last = compute_statistics(F25, RecordSet.from_records(F25, clean_records(F25, 200, seed=7)))
    assert this is not None and last is not None and last.year == 2025
    for section in this.sections:
        rows = paired_rows(section, last)
        earlier = last.section(section.id)
        assert [r.last for r in rows] == [r.value for r in earlier.rows]
        assert [r.value for r in rows] == [r.value for r in section.rows]
    assert sum(r.value for r in last.section("age").rows) == 200
    # Without last year, nothing stands beside this year.
    assert all(r.last is None for r in paired_rows(this.section("age"), None))
    # The chart gets two series (last year grey, this year blue) and a legend.
    svg = to_svg(section_drawing(this.section("age"), last, year=2026), "Alder", "age")
    assert svg.startswith("<svg") and "2025" in svg and "2026" in svg
    assert 'id="chart-age"' in svg and "<title>Alder</title>" in svg
    assert "clip" not in svg  # QtSvg would paint reportlab's clip rectangle black


def test_11cf_statistics_and_a_questionnaire_has_none():
    stats = compute_statistics(KVP, RecordSet.from_records(KVP, clean_records(KVP, 50)))
    assert stats is not None
    assert stats.section("sums").rows[0].value > 0
    assert sum(r.value for r in stats.section("age").rows) == 50
    skjema12 = CATALOG.load("12", 2026)
    assert skjema12.statistics is None


def test_compare_runs_fixed_new_remaining_by_journal():
    records = list(clean_records(F26, 40))
    validator = FormValidator(F26)
    context = ValidationContext.from_region("123400", 2026)
    before_records = [dict(r) for r in records]
    before_records[3]["KJONN"] = "3"
    before_records[10]["EKTSTAT"] = "9"
    before = validator.validate(RecordSet.from_records(F26, before_records), context)
    after_records = [dict(r) for r in records]
    after_records[10]["EKTSTAT"] = "9"
    after_records[20]["KJONN"] = "7"
    after_records.insert(0, records[39] | {"PERSON_JOURNALNR": "JNEW"})  # lines shift by one
    after_records[0]["PERSON_FODSELSNR"] = generated_fnr(2026, 40, 99)
    after = validator.validate(RecordSet.from_records(F26, after_records), context)
    diff = compare_findings(before, after)
    assert [(r.control, r.journal) for r in diff.fixed] == [
        (f.control, f.journal) for f in before if f.journal == records[3]["PERSON_JOURNALNR"]]
    assert {r.journal for r in diff.new} == {records[20]["PERSON_JOURNALNR"]}
    assert {r.journal for r in diff.remaining} == {records[10]["PERSON_JOURNALNR"]}


def test_compare_without_journals_matches_by_line_one_to_one():
    from client.core.reports.compare import FindingRef
    a = [FindingRef("08", "ERROR", 5, "KJONN", "x"), FindingRef("08", "ERROR", 5, "KJONN", "x")]
    b = [FindingRef("08", "ERROR", 5, "KJONN", "x")]
    diff = compare_runs(a, b)
    assert (len(diff.fixed), len(diff.new), len(diff.remaining)) == (1, 0, 1)


@pytest.mark.parametrize(("content", "needle"), [
    (b"not json", "ikke JSON"),
    (b'{"form": "11F"}', "findings"),
    (b'{"form": "11F", "findings": [{"line": 3}]}', "control"),
    (b'{"form": "11CF", "findings": []}', "11CF"),
])
def test_a_bad_earlier_report_says_what_is_wrong(tmp_path, content, needle):
    path = tmp_path / "tidligere.json"
    path.write_bytes(content)
    with pytest.raises(Exception) as info:
        load_earlier_report(path, "11F")
    assert needle in str(info.value)
    with pytest.raises(Exception, match="finnes ikke"):
        load_earlier_report(tmp_path / "mangler.json", "11F")
