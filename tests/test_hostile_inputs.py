"""Careless and hostile input to what issues 10, 11 and 16 added, as a user meets it through
`kostra`: each case gets a message saying what is wrong and what to do, exit code 2 for
input that cannot be used, no traceback, nothing half-written, and what is signed is
exactly what was checked."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from test_submission_support import self_signed_signer_parts

from client.cli import main
from client.core.documents import FormDocument
from client.core.forms.catalog import FormCatalog
from client.core.submission.keys import Signer
from client.core.submission.submit import submit
from client.core.validation.engine import FormValidator, ValidationContext

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "resources" / "examples"
CATALOG = FormCatalog([ROOT / "forms"])
REGION = "460100"


def example(form_id: str) -> dict:
    return json.loads((EXAMPLES / f"{form_id}_2026_{REGION}.json").read_text("utf-8"))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Intern feil" not in err, err
    return code, out, err


def signed_form_data(container: Path) -> dict:
    with zipfile.ZipFile(container) as archive:
        return json.loads(archive.read("skjema.json"))


# --- what is signed is what was checked ------------------------------------------------


def test_answers_in_a_section_ticked_nothing_to_report_are_not_signed(tmp_path):
    """Skjema 7 with «no decisions» ticked but a number of decisions still in the file: the
    validation ignores the hidden answer, so the signature must not carry it either."""
    form = CATALOG.load("7", 2026)
    answers = {**example("7"), "RUS_INGEN": True, "RUS_VEDTAK": 64}
    context = ValidationContext.from_region(REGION, 2026)
    assert FormValidator(form).validate(answers, context) == []
    cert, key = self_signed_signer_parts()
    result = submit(FormDocument(form, answers=answers, region=REGION), context,
                    Signer(cert, key), tmp_path)
    signed = signed_form_data(result.container)["answers"]
    assert signed["RUS_INGEN"] is True and "RUS_VEDTAK" not in signed


def test_a_supplied_total_that_disagrees_with_the_rows_is_recomputed_where_it_is_signed(tmp_path):
    form = CATALOG.load("7", 2026)
    answers = {**example("7"), "OKRAD_TOTALT": 99999, "PERSONELL_ANSATTE": 5}
    context = ValidationContext.from_region(REGION, 2026)
    cert, key = self_signed_signer_parts()
    result = submit(FormDocument(form, answers=answers, region=REGION), context,
                    Signer(cert, key), tmp_path)
    signed = signed_form_data(result.container)["answers"]
    assert signed["OKRAD_TOTALT"] == 820 + 415 and signed["PERSONELL_ANSATTE"] == 171


# --- files beside the one checked: --last-year, several files, --with --------------------


def record_file(path: Path, form_id: str, year: int, region: str = REGION, count: int = 40,
                seed: int = 1) -> Path:
    from client.core.records.fixedwidth import write_record_file
    from client.core.records.recordset import RecordSet
    from synthetic import clean_records

    form = CATALOG.load(form_id, year)
    write_record_file(path, RecordSet.from_records(form, clean_records(form, count, region, seed)))
    return path


@pytest.fixture
def files(tmp_path):
    return {
        "this": record_file(tmp_path / "i_aar.txt", "11F", 2026),
        "last": record_file(tmp_path / "i_fjor.txt", "11F", 2025, seed=3),
        "this_copy": record_file(tmp_path / "kopi.txt", "11F", 2026, seed=4),
        "oslo_last": record_file(tmp_path / "oslo_fjor.txt", "11F", 2025, "030101"),
        "oslo_this": record_file(tmp_path / "oslo.txt", "11F", 2026, "030101"),
        "old": record_file(tmp_path / "2024.txt", "11F", 2024),
        "11cf": record_file(tmp_path / "11cf.txt", "11CF", 2026),
    }


def validate_11f(capsys, *args: str) -> tuple[int, str, str]:
    return run(capsys, "validate", "--form", "11F", "--year", "2026", "--region", REGION, *args)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        ("oslo_last", "gjelder kommune 0301, ikke 4601"),  # another municipality's
        ("this", "den samme filen"),  # the very file being checked
        ("this_copy", "gjelder 2026 (årgangen i postene)"),  # this year's, another copy
    ],
)
def test_last_year_of_another_municipality_or_of_this_year_is_refused(capsys, files, last,
                                                                       expected):
    code, out, err = validate_11f(capsys, str(files["this"]), "--last-year", str(files[last]))
    assert code == 2 and out == "" and expected in err


def test_last_year_that_is_a_folder_an_answers_file_or_too_deep_says_so(capsys, files, tmp_path):
    code, _, err = validate_11f(capsys, str(files["this"]), "--last-year", str(tmp_path))
    assert code == 2 and "er en mappe" in err
    code, _, err = validate_11f(capsys, str(files["this"]), "--last-year",
                                str(EXAMPLES / "12_2026_460100.json"))
    assert code == 2 and "ikke et utkast" in err and "None" not in err
    deep = tmp_path / "dyp.json"
    deep.write_text('{"a":' + "[" * 100_000 + "]" * 100_000 + "}")
    code, _, err = validate_11f(capsys, str(files["this"]), "--last-year", str(deep))
    assert code == 2 and "nestet for dypt" in err


def test_a_draft_of_this_year_given_as_last_year_is_refused(capsys, files, tmp_path):
    from client.core import drafts
    from client.core.records.recordset import RecordSet

    form = CATALOG.load("11F", 2026)
    draft = tmp_path / "utkast.json"
    draft.write_bytes(drafts.document_to_bytes(FormDocument(form, records=RecordSet(form))))
    code, _, err = validate_11f(capsys, str(files["this"]), "--last-year", str(draft))
    assert code == 2 and "gjelder 2026" in err and "før 2026" in err


@pytest.mark.parametrize("content", [b"", b" "])
def test_last_year_with_no_records_gives_no_verdict_on_shares(capsys, files, tmp_path, content):
    """An empty file or SSB's nil delivery last year: nothing to compare a share with."""
    empty = tmp_path / "tom.txt"
    empty.write_bytes(content)
    code, out, err = validate_11f(capsys, str(files["this"]), "--last-year", str(empty), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["lastYear"]["records"] == 0
    assert not [f for f in report["findings"] if f["control"].startswith("K-")]


def test_the_same_file_twice_among_several_is_refused(capsys, files):
    code, out, err = run(capsys, "validate", "--form", "11F", "--year", "2026", "--region",
                         "030100", str(files["oslo_this"]), str(files["oslo_this"]))
    assert code == 2 and out == "" and "mer enn én gang" in err


def test_nothing_to_report_is_for_record_forms_in_validate_as_in_submit(capsys):
    code, out, err = run(capsys, "validate", str(EXAMPLES / "12_2026_460100.json"), "--form",
                         "12", "--year", "2026", "--region", REGION, "--nothing-to-report")
    assert code == 2 and out == "" and "bare postskjema" in err


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        ("11F={last}", "gjelder 2025 (årgangen i postene), ikke 2026"),
        ("11F={old}", "skjema 11F 2024"),
        ("11F={11cf}", "skjema 11CF 2025/2026"),
        ("11F={oslo_this}", "gjelder kommune 0301, ikke 4601"),
        ("11CF={11cf}", "ingen kontroller mot skjema 11CF"),
    ],
)
def test_with_a_file_of_another_year_form_or_municipality_is_refused(capsys, files, other,
                                                                      expected):
    code, out, err = run(capsys, "validate", str(EXAMPLES / "7_2026_460100.json"), "--form",
                         "7", "--year", "2026", "--region", REGION,
                         "--with", other.format(**files))
    assert code == 2 and out == "" and expected in err


def test_with_the_same_form_twice_is_refused(capsys, files):
    code, _, err = run(capsys, "validate", str(EXAMPLES / "7_2026_460100.json"), "--form", "7",
                       "--year", "2026", "--region", REGION, "--with", f"11F={files['this']}",
                       "--with", f"11F={files['this_copy']}")
    assert code == 2 and "mer enn én gang" in err


# --- answers files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[{"KOMMUNE_NR": "4601"}]', "ikke et JSON-objekt"),
        ('{"KOMMUNE_NR": "4601", "OKRAD_ARSVERK": NaN}', "NaN og Infinity er ikke tall"),
        ('{"OKRAD_ARSVERK": Infinity}', "NaN og Infinity er ikke tall"),
        ('{"PERSONELL": ' + "[" * 100_000 + "]" * 100_000 + "}", "nestet for dypt"),
        ("4601 ikke json", "ugyldig JSON"),
    ],
)
def test_an_answers_file_that_is_not_an_object_of_plain_json_is_refused(capsys, tmp_path,
                                                                        content, expected):
    path = tmp_path / "svar.json"
    path.write_text(content)
    code, out, err = run(capsys, "validate", str(path), "--form", "7", "--year", "2026",
                         "--region", REGION)
    assert code == 2 and out == "" and expected in err


def test_an_answers_file_that_is_a_folder_or_missing_says_so(capsys, tmp_path):
    for path, expected in ((tmp_path, "det er en mappe"), (tmp_path / "nei.json", "Finner ikke")):
        code, _, err = run(capsys, "validate", str(path), "--form", "7", "--year", "2026",
                           "--region", REGION)
        assert code == 2 and expected in err


# --- next year's forms: the deadline is data, and must make sense -----------------------


@pytest.mark.parametrize(
    ("deadline", "where", "problem"),
    [
        ({"date": "2027-01-15", "source": "copied from 2026"}, "$.deadline.date",
         "not after the reporting year 2027"),
        ({"date": "2028-02-30", "source": "x"}, "$.deadline.date", "not a date"),
        ({"date": "2028-01-15", "corrections": "2028-13-45", "source": "x"},
         "$.deadline.corrections", "not a date"),
        ({"date": "2028-01-15", "corrections": "2027-04-15", "source": "x"},
         "$.deadline.corrections", "before the deadline"),
    ],
)
def test_a_form_of_2027_with_a_deadline_that_cannot_be_is_refused(tmp_path, deadline, where,
                                                                  problem):
    import shutil

    from client.core.errors import FormDefinitionError

    target = tmp_path / "2027" / "11F"
    shutil.copytree(ROOT / "forms" / "2026" / "11F", target)
    meta = json.loads((target / "form.json").read_text("utf-8"))
    meta.update(year=2027, version="2027.1.0", deadline=deadline)
    (target / "form.json").write_text(json.dumps(meta), "utf-8")
    with pytest.raises(FormDefinitionError) as caught:
        FormCatalog([tmp_path]).load("11F", 2027)
    assert caught.value.path == where and problem in caught.value.problem
    meta["deadline"] = {"date": "2028-01-15", "corrections": "2028-04-15", "source": "x"}
    (target / "form.json").write_text(json.dumps(meta), "utf-8")
    assert FormCatalog([tmp_path]).load("11F", 2027).year == 2027


# --- the data folder ------------------------------------------------------------------------


def kostra_process(*args: str, env: dict[str, str]) -> tuple[int, str, str]:
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "client", *args], capture_output=True,
                            text=True, env={**os.environ, **env}, timeout=300, check=False)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


def test_a_data_folder_that_is_a_file_is_named_and_nothing_runs_on_it(tmp_path):
    from client.core.datadir import DataFolderPolicyError, resolve_data_dir

    blocking = tmp_path / "datamappe"
    blocking.write_text("ikke en mappe")
    for value in (blocking, blocking / "under"):
        with pytest.raises(DataFolderPolicyError) as caught:
            resolve_data_dir({"KOSTRA_DATA_DIR": str(value)}, policy=lambda: None)
        assert f"{blocking} er en fil" in caught.value.message("nb")
        assert "KOSTRA_DATA_DIR" in caught.value.message("nb")
    code, out, err = kostra_process("keys", "show", env={"KOSTRA_DATA_DIR": str(blocking)})
    assert code == 2 and out == "" and "er en fil, ikke en mappe" in err
    assert blocking.read_text() == "ikke en mappe"


def test_the_self_test_fails_on_a_data_folder_nothing_can_be_written_to(tmp_path):
    from client.core.datadir import write_problem

    assert write_problem(tmp_path / "ny" / "mappe") is None  # made at the first save
    assert not (tmp_path / "ny").exists()  # the probe leaves nothing behind
    blocking = tmp_path / "fil"
    blocking.write_text("x")
    assert "er ikke en mappe" in (write_problem(blocking) or "")
    code, out, _ = kostra_process("selftest", env={"KOSTRA_DATA_DIR": str(blocking)})
    assert code == 1 and out.startswith("FEIL  datamappe")


# --- table rows that are not rows -------------------------------------------------------------


def test_table_rows_that_are_not_objects_and_unknown_columns_are_named_by_row(capsys, tmp_path):
    answers = example("7")
    answers["PERSONELL"] = [answers["PERSONELL"][0], "a", [1, 2],
                            {**answers["PERSONELL"][1], "FOO": 1}]
    path = tmp_path / "svar.json"
    path.write_text(json.dumps(answers), "utf-8")
    code, out, err = run(capsys, "validate", str(path), "--form", "7", "--year", "2026",
                         "--region", REGION, "--json")
    assert code == 1, err
    messages = [f["message"] for f in json.loads(out)["findings"]]
    assert any("rad 2»" in m and "«\"a\"»" in m for m in messages)
    assert any("rad 3»" in m and "«[1, 2]»" in m for m in messages)
    assert any("«PERSONELL, rad 4: FOO» er ikke et spørsmål" in m for m in messages)
    assert not any("«PERSONELL» er ikke et spørsmål" in m for m in messages)


def test_ten_thousand_table_rows_give_one_finding_about_the_count(capsys, tmp_path):
    answers = example("7")
    answers["PERSONELL"] = [{"KATEGORI": "01", "ANSATTE": 1, "VIDEREUTDANNET": 0}] * 10_000
    path = tmp_path / "svar.json"
    path.write_text(json.dumps(answers), "utf-8")
    code, out, _ = run(capsys, "validate", str(path), "--form", "7", "--year", "2026",
                       "--region", REGION, "--json")
    findings = json.loads(out)["findings"]
    assert code == 1 and len(findings) < 10 and any("for mange rader" in f["message"]
                                                    for f in findings)


# --- prefill from last year ------------------------------------------------------------------


def test_prefill_refuses_another_forms_or_a_later_years_draft_and_unreadable_files(tmp_path):
    from client.core import drafts
    from client.core.errors import UserError
    from client.core.prefill import last_year_answers

    form7 = CATALOG.load("7", 2026)
    other = tmp_path / "7B_2025.json"
    other.write_bytes(drafts.document_to_bytes(
        FormDocument(CATALOG.load("7B", 2025), answers=example("7B"))))
    future = tmp_path / "7_2026.json"
    future.write_bytes(drafts.document_to_bytes(FormDocument(form7, answers=example("7"))))
    corrupt = tmp_path / "skadet.asice"
    corrupt.write_bytes(b"PK\x03\x04" + b"\0" * 60)
    deep = tmp_path / "dyp.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    cases = [(other, "gjelder skjema 7B, ikke 7"), (future, "gjelder 2026"),
             (corrupt, "skadet"), (tmp_path, "det er en mappe"), (deep, "nestet for dypt"),
             (tmp_path / "borte.json", "Kan ikke hente")]
    for path, expected in cases:
        with pytest.raises(ValueError) as caught:
            last_year_answers(path, form=form7)
        assert isinstance(caught.value, UserError) and expected in caught.value.message("nb")
    last = tmp_path / "7_2025.json"
    last.write_bytes(drafts.document_to_bytes(
        FormDocument(CATALOG.load("7", 2025), answers=example("7"))))
    assert last_year_answers(last, form=form7)["OKRAD_SAKER"] == 1490


# --- the submission archive ------------------------------------------------------------------


def test_a_folder_named_like_an_earlier_submission_is_not_what_a_new_one_replaces(tmp_path):
    from client.core.submission.archive import latest

    (tmp_path / f"{REGION}_7_2026_20991231T000000Z.asice").mkdir()
    assert latest(tmp_path, REGION, "7", 2026) is None
    form = CATALOG.load("7", 2026)
    context = ValidationContext.from_region(REGION, 2026)
    cert, key = self_signed_signer_parts()
    first = submit(FormDocument(form, answers=example("7"), region=REGION), context,
                   Signer(cert, key), tmp_path)
    found = latest(tmp_path, REGION, "7", 2026)
    assert found is not None and found.path == first.container and found.sha256 == first.sha256


def test_validate_tells_which_given_totals_it_replaces_and_which_answers_it_leaves_out(
        capsys, tmp_path):
    answers = {**example("7"), "OKRAD_TOTALT": 99999, "RUS_INGEN": True, "RUS_VEDTAK": 64}
    path = tmp_path / "svar.json"
    path.write_text(json.dumps(answers), "utf-8")
    args = ("validate", str(path), "--form", "7", "--year", "2026", "--region", REGION)
    code, out, _ = run(capsys, *args)
    out = out.replace("\xa0", " ")  # digit grouping with a no-break space
    assert code == 0
    assert "OKRAD_TOTALT er 99 999 i filen, men regnes ut fra svarene til 1 235" in out
    assert "RUS_VEDTAK er besvart" in out and "sendes ikke" in out
    code, out, _ = run(capsys, *args, "--json")
    report = json.loads(out)
    assert report["recomputed"] == [{"field": "OKRAD_TOTALT", "table": None, "row": None,
                                     "given": 99999, "computed": 1235}]
    assert report["notSubmitted"] == ["RUS_VEDTAK"]
    code, out, _ = run(capsys, "validate", str(EXAMPLES / "7_2026_460100.json"), "--form", "7",
                       "--year", "2026", "--region", REGION, "--json")
    assert "recomputed" not in json.loads(out) and "notSubmitted" not in json.loads(out)


# --- usage errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["validate", "--form", "11F", "--region", REGION], "dette må oppgis: FIL"),
        (["validate", "x", "--form", "11F", "--year", "abc", "--region", REGION],
         "--year skal være et heltall, ikke 'abc'"),
        (["validate", "x", "--form", "11F", "--region", REGION, "--bogus"],
         "ukjente argumenter: --bogus"),
        (["--lang", "nn", "validate", "x", "--form"], "--form manglar verdien sin"),
        (["validate", "x", "--lang", "en", "--form"], "--form expects a value"),
    ],
)
def test_usage_errors_are_worded_in_the_users_language(capsys, args, expected):
    with pytest.raises(SystemExit) as caught:
        main(args)
    _, err = capsys.readouterr()
    assert caught.value.code == 2 and expected in err and "Traceback" not in err


def test_with_on_a_record_form_is_refused_not_ignored(capsys, files, tmp_path):
    code, out, err = validate_11f(capsys, str(files["this"]), "--with", f"11CF={files['11cf']}")
    assert code == 2 and out == "" and "ingen kontroller mot andre skjema" in err


def test_a_norwegian_date_in_an_answers_file_is_told_the_files_own_form(capsys, tmp_path):
    path = tmp_path / "svar.json"
    path.write_text(json.dumps({**example("7B"), "PLAN_VEDTATT_DATO": "14.03.2024"}), "utf-8")
    code, out, _ = run(capsys, "validate", str(path), "--form", "7B", "--year", "2026",
                       "--region", REGION)
    assert code == 1 and "åååå-mm-dd" in out
    assert "«14.03.2024» er ikke en dato som finnes, eller er skrevet på en annen måte" in out


def test_an_oversized_last_year_or_answers_file_is_refused_by_its_size_unread(capsys, files,
                                                                              tmp_path):
    big = tmp_path / "stor.txt"
    with big.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1024 * 1024)
    code, _, err = validate_11f(capsys, str(files["this"]), "--last-year", str(big))
    assert code == 2 and "er 200 MB" in err and "?" not in err
    code, _, err = run(capsys, "validate", str(big), "--form", "7", "--year", "2026",
                       "--region", REGION)
    assert code == 2 and "er 200 MB" in err


def test_last_year_a_questionnaires_submission_is_named_as_another_form(capsys, files, tmp_path):
    form = CATALOG.load("7", 2025)
    cert, key = self_signed_signer_parts()
    result = submit(FormDocument(form, answers=example("7"), region=REGION),
                    ValidationContext.from_region(REGION, 2025), Signer(cert, key), tmp_path)
    code, _, err = validate_11f(capsys, str(files["this"]), "--last-year", str(result.container))
    assert code == 2 and "gjelder skjema 7, ikke 11F" in err
