"""Issue 6: where SSB's control program contradicts itself, the client decides as README
documents. Each case runs the real forms through the real engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from client.core.forms.catalog import FormCatalog
from client.core.records.recordset import RecordSet
from client.core.validation.engine import FormValidator, ValidationContext
from synthetic import clean_records

CATALOG = FormCatalog([Path(__file__).resolve().parents[1] / "forms"])


def findings_for(year: int, region: str, records: list[dict[str, str]], form_id: str = "11F"):
    form = CATALOG.load(form_id, year)
    recordset = RecordSet.from_records(form, records)
    return FormValidator(form).validate(recordset, ValidationContext.from_region(region, year))


@pytest.mark.parametrize("year", [2025, 2026])
def test_blank_bydel_outside_oslo_is_clean(year):
    form = CATALOG.load("11F", year)
    records = list(clean_records(form, 200, "460100"))
    assert all(r.get("BYDELSNR", "") == "" for r in records)
    findings = findings_for(year, "460100", records)
    assert [f for f in findings if f.severity in ("FATAL", "ERROR", "WARNING")] == []


@pytest.mark.parametrize("year", [2025, 2026])
@pytest.mark.parametrize(("bydel", "fires"), [("", True), ("99", True), ("  ", True),
                                              ("17", True), ("01", False), ("15", False)])
def test_oslo_needs_one_of_its_districts(year, bydel, fires):
    form = CATALOG.load("11F", year)
    record = next(clean_records(form, 1, "030101"))
    record["BYDELSNR"] = bydel
    found = {f.control for f in findings_for(year, "030101", [record]) if f.field == "BYDELSNR"}
    assert ("03" in found) is fires
    # In Oslo the field is mandatory too, so a blank one is also a field-definition finding.
    assert ("002" in found) is (bydel.strip() == "")
    assert found <= {"03", "002"}


def test_a_district_given_outside_oslo_is_control_03():
    form = CATALOG.load("11F", 2026)
    record = next(clean_records(form, 1, "460100"))
    record["BYDELSNR"] = "01"
    assert any(f.control == "03" for f in findings_for(2026, "460100", [record]))


def _amount_record(form, total: int) -> dict[str, str]:
    record = next(clean_records(form, 1, "123400"))
    for name in list(record):
        if name.startswith(("BIDRAG_", "LAAN_")):
            record[name] = ""
    record["BIDRAG"], record["LAAN"] = str(total), ""
    record["BIDRAG_JAN"] = str(total)
    return record


@pytest.mark.parametrize("year", [2025, 2026])
@pytest.mark.parametrize(("total", "fires"), [(999_999, False), (1_000_000, False),
                                              (1_000_001, True)])
def test_control_30_fires_above_one_million(year, total, fires):
    form = CATALOG.load("11F", year)
    findings = findings_for(year, "123400", [_amount_record(form, total)])
    assert any(f.control == "30" for f in findings) is fires
    if fires:
        message = next(f for f in findings if f.control == "30").message()
        assert "1\u00a0000\u00a0000 kr" in message and "1\u00a0000\u00a0001 kr" in message


def test_control_30s_limit_is_data():
    form = CATALOG.load("11F", 2026)
    control = next(c for c in form.controls if c.id == "30")
    assert control.spec["params"]["limit"] == 1_000_000


@pytest.mark.parametrize(("form_id", "year", "field"), [
    ("11F", 2026, "FODSELSDATO"), ("11F", 2026, "VEDTAKDATO"), ("11F", 2025, "UTBETDATO"),
    ("11CF", 2026, "FODSELSDATO"),
])
def test_an_impossible_date_is_our_warning_and_no_ssb_error(form_id, year, field):
    form = CATALOG.load(form_id, year)
    record = next(clean_records(form, 1, "123400"))
    if not record.get(field):
        record[field] = f"1502{year}"  # a valid date to compare with
    clean = findings_for(year, "123400", [record], form_id)
    record[field] = "3102" + record[field][4:]
    findings = findings_for(year, "123400", [record], form_id)
    ours = [f for f in findings if f.control == "K-DATO" and f.field == field]
    assert len(ours) == 1 and ours[0].severity == "WARNING" and ours[0].origin == "client"
    message = ours[0].message()
    assert "finnes" in message
    # SSB reads it as the month's last day: no SSB finding appears that a valid date lacks
    # (an age or period control may still fire on the moved date; the date itself is accepted).
    ssb_new = {(f.control, f.field) for f in findings if f.origin == "SSB"} - {
        (f.control, f.field) for f in clean}
    assert not any(ff == field and c in ("002", "02") for c, ff in ssb_new), ssb_new


def test_31022025_is_read_as_28_february_in_the_message():
    form = CATALOG.load("11F", 2025)
    record = next(clean_records(form, 1, "123400"))
    record["VEDTAKDATO"] = "31022025"
    ours = [f for f in findings_for(2025, "123400", [record])
            if f.control == "K-DATO" and f.field == "VEDTAKDATO"]
    assert ours, "no K-DATO finding"
    assert "28.02.2025" in ours[0].message() and "31022025" in ours[0].message()
