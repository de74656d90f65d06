"""Issue 12: bad input, careless or hostile, gets a clear verdict and loses nothing.

Control characters inside records, bounded memory for any input, data and
certificates tied to the reporting unit, drafts encrypted at rest, SSB's verdict
visible where we deviate, and the messages that used to mislead.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from test_submission_support import (
    NOW,
    ORGNR,
    ROOT,
    YEAR,
    StubAsker,
    document_11f,
    enterprise_certificate,
    memory_keyring_fixture,  # noqa: F401 - the memory_keyring fixture
    no_keyring_fixture,  # noqa: F401 - the no_keyring fixture
)

from client.cli import main
from client.core.atrest import MAGIC, DraftKeyError, DraftKeys
from client.core.documents import FormDocument, load_document
from client.core.drafts import save_draft
from client.core.errors import UserError
from client.core.forms.catalog import FormCatalog
from client.core.identity import synthetic_duf
from client.core.kommuner import foreign_data, kommune_list, oslo_bydeler, signer_relation
from client.core.records.fixedwidth import encode_records, parse_record_bytes, write_record_file
from client.core.records.recordset import RecordSet
from client.core.submission.errors import SubmissionBlocked, WrongUnit
from client.core.submission.keys import Signer
from client.core.submission.secrets import KeyringSecretStore
from client.core.submission.submit import submit
from client.core.validation.engine import FormValidator, ValidationContext
from client.core.workspace import FormStatus, Settings, Workspace
from synthetic import clean_records

CATALOG = FormCatalog([ROOT / "forms"])
F11 = CATALOG.load("11F", 2026)
F12 = CATALOG.load("12", 2026)
BERGEN = ValidationContext.from_region("460100", YEAR)


def kostra(*args: str, stdin=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "client", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False, stdin=stdin)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def findings_of(document: FormDocument, context: ValidationContext = BERGEN):
    return FormValidator(document.form).validate(document.data, context)


def with_line(document: FormDocument, index: int, line: str) -> FormDocument:
    assert document.records is not None
    document.records.lines[index] = line
    return document


def draft_file(tmp_path: Path, document: FormDocument, name: str = "utkast.json") -> Path:
    path = tmp_path / name
    save_draft(path, document)
    return path


# --- 1. Control characters in records, byte-exact drafts ------------------------------


@pytest.mark.parametrize(("char", "shown"), [("\n", "LF"), ("\r", "CR"), ("\x0b", "VT"),
                                             ("\x00", "NUL"), ("\t", "TAB")])
def test_a_control_character_inside_a_record_is_fatal_001_with_its_own_message(
    tmp_path, char, shown
):
    document = document_11f(10, warning_line=None)
    line = document.records.lines[3]
    document = with_line(document, 3, line[:200] + char + line[201:])  # still 338 characters
    again = load_document(draft_file(tmp_path, document), F11)  # through a draft, as a user has it
    findings = findings_of(again)
    assert [(f.control, f.severity, f.line) for f in findings] == [("001", "FATAL", 4)]
    message = findings[0].message()
    assert f"kontrolltegn ({shown}) i posisjon 201" in message
    assert "338 tegn, men" not in message  # "338 characters, but must be 338" no more


def test_a_draft_whose_record_holds_a_line_break_is_not_signed(tmp_path):
    document = document_11f(10)
    line = document.records.lines[2]
    with_line(document, 2, line[:50] + "\n" + line[51:])
    out = tmp_path / "ut"
    out.mkdir()
    cert, key = enterprise_certificate()
    with pytest.raises(SubmissionBlocked):
        submit(document, BERGEN, Signer(cert, key), out, clock=lambda: NOW)
    assert list(out.iterdir()) == []


def test_the_signed_data_file_is_byte_for_byte_what_was_validated(tmp_path):
    document = document_11f(60)
    cert, key = enterprise_certificate()
    result = submit(document, BERGEN, Signer(cert, key), tmp_path, clock=lambda: NOW)
    with zipfile.ZipFile(result.container) as container:
        (name,) = [n for n in container.namelist() if n.endswith(".txt")]
        data = container.read(name)
    assert data == encode_records(document.records)
    revalidated = findings_of(FormDocument(F11, records=parse_record_bytes(data, F11)))
    assert [f.key for f in revalidated] == [f.key for f in result.findings]


def test_reopening_a_draft_never_changes_a_records_bytes(tmp_path):
    document = document_11f(10, warning_line=None)
    records = document.records
    tab = records.lines[1][:330] + "\t" + records.lines[1][331:]  # a TAB where a blank was
    left = records.lines[4]
    bidrag = F11.field("BIDRAG").column
    value = left[bidrag.start:bidrag.end].strip()
    left = left[:bidrag.start] + value.ljust(bidrag.end - bidrag.start) + left[bidrag.end:]
    with_line(document, 1, tab)
    with_line(document, 4, left)  # a number placed left in its column
    before = list(records.lines)
    again = load_document(draft_file(tmp_path, document), F11)
    assert again.records.lines == before
    assert [(f.control, f.line) for f in findings_of(again)] == [("001", 2)]


# --- 2. Bounded memory -----------------------------------------------------------------


PEAK = (
    "import re, sys; from client.cli import main; rc = main(sys.argv[1:]); "
    "status = open('/proc/self/status').read(); "
    "print(re.search(r'VmHWM:\\s+(\\d+)', status).group(1), file=sys.stderr); sys.exit(rc)"
)


def peak_run(*args: str, pipe_bytes: int | None = None) -> tuple[subprocess.CompletedProcess, int]:
    """Run the CLI in a child and return its own peak memory (VmHWM, kB); with
    `pipe_bytes`, that many zero bytes arrive on its standard input through a pipe."""
    feeder = None
    if pipe_bytes is not None:
        feeder = subprocess.Popen(["head", "-c", str(pipe_bytes), "/dev/zero"],
                                  stdout=subprocess.PIPE)
    try:
        result = subprocess.run([sys.executable, "-c", PEAK, *args], capture_output=True,
                                text=True, cwd=ROOT, timeout=180, check=False,
                                stdin=feeder.stdout if feeder else None)
    finally:
        if feeder is not None:
            feeder.kill()
            feeder.wait()
    return result, int(result.stderr.strip().splitlines()[-1])


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_read_through_the_size_cap():
    result, peak_kb = peak_run("validate", "/dev/zero", "--form", "11F", "--year", "2026",
                               "--region", "460100")
    assert result.returncode == 2
    assert "/dev/zero er over 150 MB" in result.stderr
    assert peak_kb < 400 * 1024  # grew until the machine killed it before


@pytest.mark.skipif(not Path("/dev/stdin").exists(), reason="needs /dev/stdin")
def test_a_pipe_is_read_through_the_size_cap():
    result, peak_kb = peak_run("validate", "/dev/stdin", "--form", "11F", "--year", "2026",
                               "--region", "460100", pipe_bytes=170_000_000)
    assert result.returncode == 2
    assert "over 150 MB" in result.stderr
    assert peak_kb < 400 * 1024


def test_record_controls_run_only_on_lines_of_the_right_length(tmp_path):
    # 60 000 wrong-length lines: every record control used to run and be kept on each
    # (499 000 such lines needed over 6 GB); now each gets 001 only.
    path = tmp_path / "feil.txt"
    path.write_bytes(b"0301 00 " * 12 + b"\n" * 1 + (b"4601 " * 20 + b"\n") * 60_000)
    result, peak_kb = peak_run("validate", str(path), "--form", "11F", "--year", "2026",
                               "--region", "460100", "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["summary"] == {"FATAL": 60_001, "ERROR": 0, "WARNING": 0, "INFO": 0}
    assert {f["control"] for f in report["findings"]} == {"001"}
    assert peak_kb < 250 * 1024


def test_only_well_formed_lines_reach_the_record_controls():
    records = RecordSet(F11, ["x" * 10] * 3 + list(RecordSet.from_records(
        F11, clean_records(F11, 2, "460100")).lines))
    session = FormValidator(F11)
    from client.core.validation.engine import ValidationSession

    checked = ValidationSession(session, records, BERGEN)
    assert checked._per_record[:3] == [[], [], []]
    assert all(key is None for keys in checked._keys for key in keys[:3])
    assert checked.summary["FATAL"] == 3


@pytest.mark.parametrize(
    ("content", "expected"),
    [("[" * 5000 + "]" * 5000, "nestet for dypt"),
     ('{"VEDTAK_DATO": ' + "9" * 5000 + "}", "for mange sifre"),
     ('{"a": ' * 100 + "1" + "}" * 100, "nestet for dypt")],
    ids=["deep-array", "5000-digits", "deep-object"],
)
def test_deep_or_huge_json_gets_a_message_not_an_internal_error(tmp_path, content, expected):
    path = tmp_path / "svar.json"
    path.write_text(content)
    result = kostra("validate", str(path), "--form", "12", "--year", "2026", "--region", "460100")
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Intern feil" not in result.stderr and "Traceback" not in result.stderr


# --- 3. Data and certificate tied to the reporting unit --------------------------------


def test_the_kommune_list_is_data_per_year_with_its_sources():
    for year in (2024, 2025, 2026):
        kommuner = kommune_list(year)
        assert kommuner is not None and kommuner.year == year
        assert len(kommuner.kommuner) == 357
        assert kommuner.get("4601").navn == "Bergen" and kommuner.get("4601").orgnr == "964338531"
        assert kommuner.get("9999") is None
        raw = json.loads((ROOT / "resources" / "kommuner" / f"{year}.json").read_text("utf-8"))
        assert "KLASS" in raw["sources"]["kommuner"]


@pytest.mark.parametrize("year", [2025, 2026])
def test_oslos_bydeler_are_one_list_shared_with_control_03(year):
    form = CATALOG.load("11F", year)
    (control,) = [c for c in form.controls if c.name == "bydelsnummer"]
    accepted = control.spec["require"]["any"][0]["all"][1]["in"][1]
    assert sorted(oslo_bydeler(year)) == accepted
    from client.gui.setup_dialog import OSLO_DISTRICTS

    assert oslo_bydeler(dt.date.today().year) == OSLO_DISTRICTS


@pytest.mark.parametrize(
    ("orgnr", "name"),
    [("958935420", "Et navn"), (ORGNR, "OSLO KOMMUNE"), (ORGNR, "Bjørnafjorden kommune")],
    ids=["oslo-orgnr", "oslo-name", "another-name"],
)
def test_a_certificate_of_another_kommune_does_not_sign(tmp_path, orgnr, name):
    cert, key = enterprise_certificate(orgnr=orgnr, name=name)
    with pytest.raises(WrongUnit) as raised:
        submit(document_11f(20), BERGEN, Signer(cert, key), tmp_path, clock=lambda: NOW)
    assert "Bergen kommune" in raised.value.message() and "Ingenting er signert" in \
        raised.value.message()
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_refuses_another_kommunes_certificate(capsys, memory_keyring, tmp_path):
    document = document_11f(20)
    source = tmp_path / "11F.txt"
    write_record_file(source, document.records)
    explanations = tmp_path / "f.json"
    explanations.write_text(json.dumps(document.explanations, ensure_ascii=False), "utf-8")
    keys, out = tmp_path / "keys", tmp_path / "ut"
    out.mkdir()
    code, _, _ = run(capsys, "keys", "create", "--orgnr", "958935420", "--name", "Oslo kommune",
                     "--key-dir", str(keys))
    assert code == 0
    code, _, err = run(capsys, "submit", str(source), "--form", "11F", "--year", str(YEAR),
                       "--region", "460100", "--explanations", str(explanations), "--out",
                       str(out), "--key-dir", str(keys))
    assert code == 2 and "tilhører Oslo - Oslove kommune" in err
    assert list(out.iterdir()) == []


def test_a_certificate_of_no_kommune_signs_on_the_units_behalf(tmp_path):
    assert signer_relation("974760673", "NAV Bergenhus", "4601", YEAR).relation == "behalf"
    assert signer_relation("964338531", "Bergen kommune", "4601", YEAR).relation == "own"
    cert, key = enterprise_certificate(name="NAV Bergenhus")
    result = submit(document_11f(20), BERGEN, Signer(cert, key), tmp_path, clock=lambda: NOW)
    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(result.receipt).pages)
    assert "Bergen kommune (region 460100)" in text
    assert "NAV Bergenhus på vegne av Bergen kommune" in text


def test_an_oslo_file_of_several_bydeler_is_named_so(tmp_path):
    form = F11
    records = [dict(r) for r in clean_records(form, 12, "030101")]
    for i, record in enumerate(records):
        record["BYDELSNR"] = f"{1 + i % 3:02d}"
    document = FormDocument(form, records=RecordSet.from_records(form, records))
    cert, key = enterprise_certificate(orgnr="958935420", name="Oslo kommune")
    oslo = ValidationContext.from_region("030100", YEAR)
    result = submit(document, oslo, Signer(cert, key), tmp_path, clock=lambda: NOW)
    assert result.container.name.startswith("0301-flere-bydeler_11F_2026_")
    from client.core.submission.archive import latest

    assert latest(tmp_path, "030100", "11F", YEAR).path == result.container  # still found


def test_drafts_are_kept_per_unit(tmp_path):
    workspace = Workspace(tmp_path / "data", tmp_path / "config")
    workspace.unit = "030101"
    oslo = document_11f(5, warning_line=None)
    oslo.region = "030101"
    workspace.save_draft(oslo)
    workspace.unit = "460100"
    assert workspace.open_draft(F11).document is None  # Oslo's draft does not open for Bergen
    workspace.unit = "030101"
    assert len(workspace.open_draft(F11).document.records) == 5


def test_a_draft_from_before_units_moves_to_its_unit_only(tmp_path):
    workspace = Workspace(tmp_path / "data", tmp_path / "config")
    document = document_11f(5, warning_line=None)
    document.region = "030101"
    workspace.save_draft(document)  # no unit: the old place, drafts/<year>/
    legacy = workspace.draft_path("11F", YEAR)
    workspace.unit = "460100"
    assert workspace.open_draft(F11).document is None and legacy.is_file()
    workspace.unit = "030101"
    assert workspace.open_draft(F11).document is not None and not legacy.exists()


def test_data_of_another_kommune_is_named_once():
    records = RecordSet.from_records(F11, clean_records(F11, 30, "030101"))
    foreign = foreign_data(records, "4601", YEAR)
    assert foreign is not None and (foreign.kommunenummer, foreign.count) == ("0301", 30)
    assert foreign_data(records, "0301", YEAR) is None


def test_the_command_line_names_another_kommunes_file_and_the_region_it_read(tmp_path):
    path = tmp_path / "oslo.txt"
    write_record_file(path, RecordSet.from_records(F11, clean_records(F11, 30, "030101")))
    result = kostra("validate", str(path), "--form", "11F", "--year", "2026", "--region", "4601")
    assert "region 4601 leses som 460100" in result.stderr
    assert result.stderr.count("30 av 30 poster gjelder kommune 0301") == 1
    unknown = kostra("validate", str(path), "--form", "11F", "--year", "2026",
                     "--region", "999900")
    assert "9999 er ikke et kommunenummer i 2026" in unknown.stderr


def test_importing_another_kommunes_file_in_the_window_offers_to_cancel(qtbot, tmp_path):
    from client.gui.asker import ScriptedAsker
    from client.gui.form_page import FormPage

    path = tmp_path / "oslo.txt"
    write_record_file(path, RecordSet.from_records(F11, clean_records(F11, 12, "030101")))
    asker = ScriptedAsker(choices=[None])  # Avbryt
    page = FormPage.__new__(FormPage)  # only the decision, without a window
    page.ctx = type("Ctx", (), {"lang": "nb", "asker": asker})()
    page.session = type("S", (), {"context": BERGEN, "form": F11})()
    records = RecordSet.from_records(F11, clean_records(F11, 12, "030101"))
    assert page._accept_foreign_data(records, path) is False
    (text,) = asker.texts("choose")
    assert "12 av 12 poster gjelder kommune 0301" in text
    assert text.endswith("Bytt til 0301 Oslo - Oslove\nImporter likevel")  # and Cancel
    # The window's own test drives the switch: tests/gui/test_switch_unit.py.


# --- 4. Drafts encrypted at rest -------------------------------------------------------


def test_drafts_are_encrypted_with_a_key_in_the_credential_store(memory_keyring, tmp_path):
    workspace = Workspace(tmp_path / "data", tmp_path / "config")
    workspace.draft_keys = DraftKeys(tmp_path / "keys", KeyringSecretStore(), StubAsker())
    document = document_11f(8)
    path = workspace.save_draft(document)
    raw = path.read_bytes()
    assert raw.startswith(MAGIC)
    fnr = document.records.value(0, "PERSON_FODSELSNR")
    assert fnr.encode() not in raw and b"PERSON_FODSELSNR" not in raw
    assert any(name == "draft-data-key" for _, name in memory_keyring.passwords)
    assert not (tmp_path / "keys" / "draft-key.json").exists()
    # A new session finds the key in the store and reads the draft.
    workspace.draft_keys = DraftKeys(tmp_path / "keys", KeyringSecretStore(), StubAsker())
    assert workspace.open_draft(F11).document.records.lines == document.records.lines


def test_without_a_credential_store_a_passphrase_protects_the_key(no_keyring, tmp_path):
    workspace = Workspace(tmp_path / "data", tmp_path / "config")
    workspace.draft_keys = DraftKeys(tmp_path / "keys", KeyringSecretStore(),
                                     StubAsker("lang nok passord"))
    path = workspace.save_draft(document_11f(4, warning_line=None))
    assert (tmp_path / "keys" / "draft-key.json").is_file()
    before = path.read_bytes()
    workspace.draft_keys = DraftKeys(tmp_path / "keys", KeyringSecretStore(), StubAsker("feil"))
    with pytest.raises(DraftKeyError, match="Feil passord"):
        workspace.draft_keys.key()
    workspace.draft_keys = DraftKeys(tmp_path / "keys", KeyringSecretStore(),
                                     StubAsker("lang nok passord"))
    assert len(workspace.open_draft(F11).document.records) == 4
    assert path.read_bytes() == before


def test_a_draft_that_its_key_does_not_open_is_blocked_and_untouched(memory_keyring, tmp_path):
    workspace = Workspace(tmp_path / "data", tmp_path / "config")
    workspace.draft_keys = DraftKeys(tmp_path / "keys", KeyringSecretStore(), StubAsker())
    path = workspace.save_draft(document_11f(4, warning_line=None))
    before = path.read_bytes()
    memory_keyring.passwords.clear()  # the key is lost (another user, a wiped store)
    workspace.draft_keys = DraftKeys(tmp_path / "keys", KeyringSecretStore(), StubAsker())
    opened = workspace.open_draft(F11)
    assert opened.blocked and opened.document is None and opened.set_aside is None
    assert "kan ikke dekrypteres" in opened.notice.message()
    assert path.read_bytes() == before


def test_the_command_line_reads_an_encrypted_draft_with_the_same_key(memory_keyring, tmp_path,
                                                                      monkeypatch, capsys):
    monkeypatch.setenv("KOSTRA_DATA_DIR", str(tmp_path / "data"))
    from client.core.submission.keys import default_key_directory

    keys = DraftKeys(default_key_directory(), KeyringSecretStore(), StubAsker())
    path = tmp_path / "utkast.json"
    save_draft(path, document_11f(6), keys)
    code, out, _ = run(capsys, "validate", str(path), "--form", "11F", "--year", "2026",
                       "--region", "460100", "--json")
    assert code == 0 and json.loads(out)["records"] == 6


def test_stale_temporary_files_are_removed_at_start(tmp_path):
    workspace = Workspace(tmp_path / "data", tmp_path / "config")
    folder = workspace.year_dir(YEAR)
    folder.mkdir(parents=True)
    stale, fresh = folder / ".11F.json.abc123.tmp", folder / ".11F.json.def456.tmp"
    stale.write_text("12345678901")
    fresh.write_text("12345678901")
    old = (dt.datetime.now() - dt.timedelta(hours=2)).timestamp()
    os.utime(stale, (old, old))
    assert workspace.remove_stale_temp_files() == [stale]
    assert not stale.exists() and fresh.exists()


def test_a_signed_forms_draft_is_offered_for_deletion_after_the_set_days(tmp_path):
    from client.gui.app import offer_to_delete_signed_drafts
    from client.gui.asker import ScriptedAsker

    now = dt.datetime(2026, 3, 20, tzinfo=dt.UTC)
    workspace = Workspace(tmp_path / "data", tmp_path / "config", clock=lambda: now)
    workspace.unit = "460100"
    path = workspace.save_draft(document_11f(3, warning_line=None))
    signed = now - dt.timedelta(days=31)
    workspace.write_status(YEAR, "11F", FormStatus("signed", {}, 3, signed))
    settings = Settings(delete_signed_after_days=30)
    assert Settings.from_json(settings.to_json()).delete_signed_after_days == 30
    ctx = type("Ctx", (), {"settings": settings, "workspace": workspace,
                           "asker": ScriptedAsker(confirm_answer=True)})()
    assert workspace.signed_drafts_due(40) == []
    assert offer_to_delete_signed_drafts(ctx) == [path]
    assert not path.exists() and workspace.status_of("11F", YEAR).state == "signed"
    assert "11F 2026" in ctx.asker.texts("confirm")[0]


# --- 5. SSB's verdict visible where we deviate -----------------------------------------


def test_a_duf_line_shows_ssbs_05_and_06_as_info():
    records = [dict(r) for r in clean_records(F11, 5, "460100")]
    records[2]["PERSON_FODSELSNR"] = ""
    records[2]["PERSON_DUF"] = synthetic_duf(3)
    document = FormDocument(F11, records=RecordSet.from_records(F11, records))
    found = [(f.control, f.severity, f.line) for f in findings_of(document)]
    assert found == [("05", "INFO", 3), ("06", "INFO", 3)]
    message = findings_of(document)[0].message()
    assert "SSBs kontrollprogram vil melde feil 05" in message and "DUF" in message


# --- 6. Messages that misled ------------------------------------------------------------


def test_a_corrupt_draft_is_not_said_to_be_set_aside_by_the_command_line(tmp_path):
    path = draft_file(tmp_path, document_11f(5, warning_line=None))
    path.write_bytes(path.read_bytes()[:300])  # cut short
    result = kostra("validate", str(path), "--form", "11F", "--year", "2026",
                    "--region", "460100")
    assert result.returncode == 2
    assert "Utkastet" in result.stderr and "kan ikke leses" in result.stderr
    assert "lagt til side" not in result.stderr and "svarfil" not in result.stderr
    assert path.stat().st_size == 300


def test_a_json_array_is_called_json_but_not_an_object(tmp_path):
    path = tmp_path / "svar.json"
    path.write_text("[1,2,3]")
    result = kostra("validate", str(path), "--form", "12", "--year", "2026", "--region", "460100")
    assert result.returncode == 2
    assert "gyldig JSON, men ikke et JSON-objekt" in result.stderr
    assert "ikke JSON" not in result.stderr.replace("gyldig JSON, men ikke et JSON", "")


def test_a_draft_whose_year_is_text_says_so(tmp_path):
    path = draft_file(tmp_path, document_11f(3, warning_line=None))
    data = json.loads(path.read_text("utf-8"))
    data["year"] = "2026"
    path.write_text(json.dumps(data), "utf-8")
    result = kostra("validate", str(path), "--form", "11F", "--year", "2026",
                    "--region", "460100")
    assert result.returncode == 2
    assert "året er ikke et tall" in result.stderr
    assert "gjelder skjema 11F 2026, ikke 11F 2026" not in result.stderr


def test_a_number_for_a_date_asks_for_a_date(tmp_path):
    answers = json.loads((ROOT / "resources" / "examples" / "12_2026_460100.json").read_text())
    answers["VEDTAK_DATO"] = 20250115
    findings = FormValidator(F12).validate(answers, BERGEN)
    messages = [f.message() for f in findings if f.field == "VEDTAK_DATO"]
    assert messages and "en dato (ÅÅÅÅ-MM-DD)" in messages[0]
    assert "heltall" not in messages[0]


def test_operating_system_errors_are_in_the_users_language(capsys, tmp_path):
    code, _, err = run(capsys, "submit", str(ROOT / "resources" / "examples" /
                                             "11F_2026_460100.txt"),
                       "--form", "11F", "--year", "2026", "--region", "460100",
                       "--explanations", str(tmp_path / "mangler.json"), "--out", str(tmp_path))
    assert code == 2 and "finnes ikke" in err and "No such file" not in err
    error = UserError({"nb": "Kan ikke lese: {reason}.", "en": "Cannot read: {reason}."},
                      reason=os.strerror(13))
    assert error.message("nb") == "Kan ikke lese: ingen tilgang."
    assert error.message("en") == "Cannot read: permission denied."


def test_control_characters_never_reach_the_terminal():
    result = kostra("validate", "x", "--form", "11F", "--year", "2026",
                    "--region", "\x1b[2J03\x07")
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b" in result.stderr


def test_make_formpack_with_a_key_that_is_not_the_certificates(tmp_path):
    from cryptography.hazmat.primitives import serialization
    from test_formpacks import make_certificate

    certificate, _ = make_certificate("Utgiver")
    _, other_key = make_certificate("Noen andre")
    key_file, cert_file = tmp_path / "key.pem", tmp_path / "cert.pem"
    key_file.write_bytes(other_key.private_bytes(serialization.Encoding.PEM,
                                                 serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption()))
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    out = tmp_path / "dist"
    made = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_formpack.py"), "pack", str(ROOT / "forms" /
         "2026"), "--key", str(key_file), "--cert", str(cert_file), "--out", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
        env={k: v for k, v in os.environ.items() if k != "KOSTRA_PUBLISHER_PASSPHRASE"})
    assert made.returncode != 0
    assert "does not belong to the certificate" in made.stderr
    assert "Traceback" not in made.stderr
    assert not (out / ".formpack.tmp").exists()



def test_a_control_character_in_a_file_never_reaches_the_terminal(tmp_path):
    records = RecordSet.from_records(F11, clean_records(F11, 30, "460100"))
    journal = F11.field("PERSON_JOURNALNR").column
    line = records.lines[2]
    records.lines[2] = line[:journal.start] + "\x1b[2J" + line[journal.start + 4:]
    path = tmp_path / "esc.txt"
    path.write_text("\n".join(records.lines) + "\n", "ascii")
    result = kostra("validate", str(path), "--form", "11F", "--year", "2026",
                    "--region", "460100")
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "journalnr. \\x1b[2J" in result.stdout
