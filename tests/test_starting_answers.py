"""A questionnaire starts with what the client knows: the unit's kommunenummer and the
contact person the year's other forms give (client.core.forms.starting)."""

from __future__ import annotations

from client.core.forms.catalog import FormCatalog
from client.core.forms.starting import UNIT, start_answers

CATALOG = FormCatalog()
F7B = CATALOG.load("7B", 2026)
CONTACT = {"ANSVARLIG": "Kari Nordmann", "EPOST": "kari@testkommune.no", "TELEFON": "12345678"}


def test_a_new_questionnaire_gets_the_units_number_and_another_forms_contact():
    started = start_answers(F7B, {}, "1234", {"7": CONTACT, "12": {"ANSVARLIG": "Per"}})
    assert started.answers == {"KOMMUNE_NR": "1234", **CONTACT}
    assert started.filled == {"KOMMUNE_NR": UNIT, "ANSVARLIG": "7", "EPOST": "7", "TELEFON": "7"}
    note = started.note()
    assert "rapporteringsenheten" in note["nb"] and "skjema 7" in note["nb"]
    assert "form 7" in note["en"]


def test_what_the_caseworker_wrote_stays():
    mine = {"KOMMUNE_NR": "4601", "ANSVARLIG": "Ola"}
    started = start_answers(F7B, mine, "1234", {"7": CONTACT})
    assert started.answers == mine  # another number is the controls' business, not ours
    assert started.filled == {} and started.note() is None


def test_the_contact_part_is_taken_whole_from_one_form_or_not_at_all():
    partial = {"ANSVARLIG": "Per", "EPOST": "", "TELEFON": "99999999"}
    started = start_answers(F7B, {"KOMMUNE_NR": "1234"}, "1234", {"12": partial})
    assert started.answers == {"KOMMUNE_NR": "1234"}
    # Its own earlier answers are not "another form's".
    assert start_answers(F7B, {"KOMMUNE_NR": "1234"}, "1234", {"7B": CONTACT}).filled == {}


def test_a_record_form_is_left_as_it_is():
    form = CATALOG.load("11F", 2026)
    assert start_answers(form, {}, "1234", {"7": CONTACT}).answers == {}


def test_which_fields_are_the_forms_data():
    for form_id in ("7", "7B", "12"):
        for year in (2025, 2026):
            identity = CATALOG.load(form_id, year).identity
            assert identity.kommune == "KOMMUNE_NR"
            assert identity.contact == ("ANSVARLIG", "EPOST", "TELEFON")
