"""The nil delivery (SSB's control 000), the empty file and empty lines, against what
SSB's program does (kostra-kontrollprogram: Rule000HasAttachment, KotlinArguments and
their tests):

- the arguments' file content is split on LF, a CR trimmed, and empty lines dropped
  before any control (KotlinArgumentsTest: "a\\r\\nb\\n" gives ["a", "b"], "" gives []);
- control 000 looks only at the content's length: with data to report a content of
  exactly one character is FATAL, with "nothing to report" (-a 0) anything else is FATAL;
  with a verdict no other control runs (PositionedFileValidator's pre-validation rules).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from test_submission_support import memory_keyring_fixture  # noqa: F401 - the fixture

from client.cli import main
from client.core.forms.catalog import FormCatalog
from client.core.records.fixedwidth import encode_records, parse_record_bytes
from client.core.records.recordset import RecordSet
from client.core.validation.engine import FormValidator, ValidationContext
from synthetic import clean_records

ROOT = Path(__file__).resolve().parents[1]
CATALOG = FormCatalog([ROOT / "forms"])
REGION = "123400"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def validate(capsys, path: Path, *extra: str, form: str = "11F") -> tuple[int, dict]:
    code, out, err = run(capsys, "validate", str(path), "--form", form, "--year", "2026",
                         "--region", REGION, "--json", *extra)
    assert "Traceback" not in err
    return code, json.loads(out)


def lines_of(form_id: str, count: int) -> list[str]:
    form = CATALOG.load(form_id, 2026)
    return RecordSet.from_records(form, clean_records(form, count, REGION)).lines


@pytest.mark.parametrize("form_id", ["11F", "11CF"])
@pytest.mark.parametrize(
    ("content", "nothing_to_report", "fatal"),
    [
        (b" ", False, True),  # says there is data, delivers none
        (b" ", True, False),  # the nil delivery, as ticked
        (b"FAIL", True, True),  # ticked, but the file has content
        (b"", True, True),  # ticked: only the one-space file will do
        (b" \n", True, True),  # two characters are not the nil file in SSB's program
        (b"x", True, False),  # SSB's rule counts characters, not which one
    ],
    ids=["space-reporting", "space-nothing", "data-nothing", "empty-nothing",
         "space-newline-nothing", "one-char-nothing"],
)
def test_control_000_as_ssb(capsys, tmp_path, form_id, content, nothing_to_report, fatal):
    path = tmp_path / "fil.txt"
    path.write_bytes(content)
    extra = ("--nothing-to-report",) if nothing_to_report else ()
    code, report = validate(capsys, path, *extra, form=form_id)
    controls = [f["control"] for f in report["findings"]]
    if fatal:
        assert code == 1
        # With its verdict no other control runs: not even the record length of "FAIL".
        assert controls == ["000"]
        assert report["findings"][0]["severity"] == "FATAL"
        assert report["findings"][0]["line"] is None
    else:
        assert code == 0 and controls == []


def test_a_nil_delivery_with_records_is_fatal_000_only(capsys, tmp_path):
    """Data where nothing is to be reported: 000 alone, however wrong the records are."""
    path = tmp_path / "fil.txt"
    path.write_text("\n".join([*lines_of("11F", 3), "too short"]) + "\n", "latin-1")
    code, report = validate(capsys, path, "--nothing-to-report")
    assert code == 1 and [f["control"] for f in report["findings"]] == ["000"]
    assert "ett mellomrom" in report["findings"][0]["message"]


@pytest.mark.parametrize("content", [b"", b"\n", b"\n\n\r\n"], ids=["0-bytes", "lf", "blank"])
def test_an_empty_file_is_no_records_and_exit_0(capsys, tmp_path, content):
    """SSB: "" gives no lines, so no record and no finding. "\\n" is one character, so
    SSB's control 000 reads it as the nil file: FATAL when data is to be reported."""
    path = tmp_path / "tom.txt"
    path.write_bytes(content)
    code, report = validate(capsys, path)
    assert report["records"] == 0
    if content == b"\n":
        assert code == 1 and [f["control"] for f in report["findings"]] == ["000"]
    else:
        assert code == 0 and report["findings"] == []


def test_empty_lines_are_dropped_and_line_numbers_stay_the_files(capsys, tmp_path):
    lines = lines_of("11F", 4)
    broken = lines[2][:-1] + "X"  # still the right length
    wrong_length = "0" * 10
    # Empty lines first, between, and trailing (CRLF and LF): none is a record.
    text = "\r\n" + lines[0] + "\r\n\r\n" + lines[1] + "\r\n" + wrong_length + "\r\n\n\n"
    path = tmp_path / "fil.txt"
    path.write_bytes(text.encode("latin-1"))
    code, report = validate(capsys, path)
    assert report["records"] == 3
    assert code == 1
    # The only finding: the short record, on its own line of the file (5), not the 3rd.
    assert [(f["control"], f["line"]) for f in report["findings"]] == [("001", 5)]

    # Without the short line, the file is clean: no FATAL 001 for the trailing empty lines.
    text = "\n" + lines[0] + "\n\n" + lines[1] + "\n" + broken + "\n\n"
    path.write_bytes(text.encode("latin-1"))
    code, report = validate(capsys, path)
    assert report["records"] == 3
    assert all(f["control"] != "001" for f in report["findings"])
    assert {f["line"] for f in report["findings"]} <= {2, 4, 5}


def test_findings_after_empty_lines_keep_file_numbering_in_the_engine():
    form = CATALOG.load("11F", 2026)
    lines = lines_of("11F", 3)
    duplicate = lines[0]  # 05A/05B: the same person and journal twice
    data = ("\n".join([lines[0], "", "", lines[1], "", duplicate]) + "\n").encode("latin-1")
    records = parse_record_bytes(data, form)
    assert records.lines == [lines[0], lines[1], duplicate]
    assert [records.line_number(i) for i in range(3)] == [1, 4, 6]
    findings = FormValidator(form).validate(records, ValidationContext.from_region(REGION, 2026))
    assert {f.line for f in findings if f.control in ("05A", "05B")} == {1, 6}
    # Editing the structure numbers by position from then on (as the file will be written).
    records.delete(1)
    assert [records.line_number(i) for i in range(2)] == [1, 2]


def test_the_nil_file_writes_back_as_one_space():
    form = CATALOG.load("11F", 2026)
    records = parse_record_bytes(b" ", form)
    assert len(records) == 0 and records.nil_marker
    assert encode_records(records) == b" "


def test_submit_nothing_to_report_signs_a_one_space_file(capsys, tmp_path, memory_keyring):
    import zipfile

    from pypdf import PdfReader

    keys, out = tmp_path / "keys", tmp_path / "ut"
    out.mkdir()
    code, _, err = run(capsys, "keys", "create", "--orgnr", "974760673", "--name",
                       "Test kommune", "--key-dir", str(keys))
    assert code == 0, err
    code, _, err = run(capsys, "submit", "--nothing-to-report", "--form", "11CF", "--year",
                          "2026", "--region", REGION, "--out", str(out), "--key-dir", str(keys))
    assert code == 0, err
    (container,) = out.glob("*.asice")
    with zipfile.ZipFile(container) as archive:
        data = [n for n in archive.namelist() if n.endswith(".txt")]
        assert len(data) == 1 and archive.read(data[0]) == b" "
        form_json = json.loads(archive.read("skjema.json"))
    assert form_json.get("nothingToReport") is True
    (receipt,) = out.glob("*.pdf")
    page = "".join(p.extract_text() for p in PdfReader(receipt).pages)
    assert "Ingenting å rapportere" in page
    # The signed file passes SSB's control 000 with the flag, and fails it without.
    code, _, _ = run(capsys, "verify", str(container))
    assert code == 0


def test_submit_needs_a_file_or_nothing_to_report(capsys, tmp_path):
    code, _, err = run(capsys, "submit", "--form", "11F", "--year", "2026", "--region", REGION,
                       "--out", str(tmp_path))
    assert code == 2 and "--nothing-to-report" in err


def test_a_second_submission_names_the_one_it_replaces(capsys, tmp_path, memory_keyring):
    import hashlib
    import time

    from pypdf import PdfReader

    from client.core.submission.archive import last_year, latest

    keys, out = tmp_path / "keys", tmp_path / "ut"
    out.mkdir()
    assert run(capsys, "keys", "create", "--orgnr", "974760673", "--name", "Test kommune",
               "--key-dir", str(keys))[0] == 0
    args = ("submit", "--nothing-to-report", "--form", "11F", "--year", "2026", "--region",
            REGION, "--out", str(out), "--key-dir", str(keys))
    assert run(capsys, *args)[0] == 0
    (first,) = out.glob("*.asice")
    time.sleep(1.1)  # container names carry the second
    code, text, _ = run(capsys, *args)
    assert code == 0 and f"Erstatter: {first.name}" in text
    newest = latest(out, REGION, "11F", 2026)
    assert newest is not None and newest.path != first
    with zipfile.ZipFile(newest.path) as archive:
        replaces = json.loads(archive.read("skjema.json"))["replaces"]
    assert replaces == {"file": first.name,
                        "sha256": hashlib.sha256(first.read_bytes()).hexdigest()}
    receipt = newest.path.with_name(newest.path.stem + "_kvittering.pdf")
    page = "".join(p.extract_text() for p in PdfReader(receipt).pages)
    flat = page.replace("\n", "").replace(" ", "")
    assert "Erstatterinnsending" in flat and replaces["sha256"] in flat
    # The archive finds last year's submission by itself.
    (tmp_path / "Innsendinger").mkdir()
    old = tmp_path / "Innsendinger" / f"{REGION}_11F_2025_20260110T100000Z.asice"
    old.write_bytes(b"PK")
    assert last_year(tmp_path, REGION, "11F", 2026).path == old
    assert last_year(tmp_path, REGION, "11CF", 2026) is None


def test_every_submission_is_kept_in_the_archive(capsys, tmp_path, memory_keyring, monkeypatch):
    """Written to another folder, a submission is copied into the archive in the data
    folder; the next one, written to a third folder, finds it there and replaces it."""
    import time

    from client.core.submission.archive import archive_dir, latest

    data_dir = tmp_path / "data"
    monkeypatch.setenv("KOSTRA_DATA_DIR", str(data_dir))
    keys = tmp_path / "keys"
    assert run(capsys, "keys", "create", "--orgnr", "974760673", "--name", "Test kommune",
               "--key-dir", str(keys))[0] == 0
    first_out, second_out = tmp_path / "a", tmp_path / "b"
    first_out.mkdir()
    second_out.mkdir()

    def submit(out: Path) -> tuple[int, str]:
        code, text, _ = run(capsys, "submit", "--nothing-to-report", "--form", "11F", "--year",
                            "2026", "--region", REGION, "--out", str(out), "--key-dir", str(keys))
        return code, text

    code, text = submit(first_out)
    assert code == 0 and "Erstatter" not in text
    (first,) = first_out.glob("*.asice")
    archive = archive_dir(data_dir)
    kept = sorted(p.name for p in archive.iterdir())
    assert kept == sorted([first.name, first.stem + "_kvittering.pdf"])
    assert (archive / first.name).read_bytes() == first.read_bytes()
    assert not list(archive.glob("*.part"))
    time.sleep(1.1)  # container names carry the second
    code, text = submit(second_out)
    assert code == 0 and f"Erstatter: {first.name}" in text
    newest = latest(archive, REGION, "11F", 2026)
    (second,) = second_out.glob("*.asice")
    assert newest is not None and newest.name == second.name


def test_submitting_into_the_archive_makes_no_second_copy(capsys, tmp_path, memory_keyring,
                                                          monkeypatch):
    from client.core.submission.archive import ensure_archive

    data_dir = tmp_path / "data"
    monkeypatch.setenv("KOSTRA_DATA_DIR", str(data_dir))
    keys = tmp_path / "keys"
    assert run(capsys, "keys", "create", "--orgnr", "974760673", "--name", "Test kommune",
               "--key-dir", str(keys))[0] == 0
    archive = ensure_archive(data_dir)
    code, _, err = run(capsys, "submit", "--nothing-to-report", "--form", "11CF", "--year",
                       "2026", "--region", REGION, "--out", str(archive), "--key-dir", str(keys))
    assert code == 0, err
    assert len(list(archive.iterdir())) == 2  # the container and its receipt, once
