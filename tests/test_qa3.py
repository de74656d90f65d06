"""Careless and hostile use of the features of 2 December: kostra submit --last-year,
helper processes for large files, the form-check cache and the questionnaires'
starting answers."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import pytest
from test_cli_submit import run  # kostra in process, its exit code and output
from test_submission_support import (
    ORGNR,
    REGION,
    ROOT,
    YEAR,
    document_11f,
    memory_keyring_fixture,  # noqa: F401 - the memory_keyring fixture
    write_11f,
)

# --- kostra submit --last-year --------------------------------------------------------


@pytest.fixture
def keys(capsys, memory_keyring, tmp_path):
    folder = tmp_path / "keys"
    assert run(capsys, "keys", "create", "--orgnr", ORGNR, "--name", "T", "--key-dir",
               str(folder))[0] == 0
    return folder


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_last_year_with_a_questionnaire_is_refused_and_nothing_signed(capsys, keys, tmp_path,
                                                                      lang):
    """It would never be used: signing without it would not be what the user asked."""
    out = tmp_path / "ut"
    out.mkdir()
    garbage = tmp_path / "fjor.bin"
    garbage.write_bytes(bytes(range(256)) * 8)
    code, _, err = run(capsys, "--lang", lang, "submit",
                       str(ROOT / "resources" / "examples" / "12_2026_460100.json"),
                       "--form", "12", "--year", str(YEAR), "--region", REGION,
                       "--out", str(out), "--key-dir", str(keys), "--last-year", str(garbage))
    assert code == 2
    expected = {"nb": "Skjema 12 er et spørreskjema", "en": "Form 12 is a questionnaire"}[lang]
    assert expected in err and "--last-year" in err
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("how", ["flag", "nil file"])
def test_last_year_with_nothing_to_report_is_refused_and_nothing_signed(capsys, keys, tmp_path,
                                                                        how):
    out = tmp_path / "ut"
    out.mkdir()
    last = write_11f(tmp_path / "fjor.txt", document_11f(20))
    if how == "flag":
        given = ["--nothing-to-report"]
    else:
        nil = tmp_path / "tom.txt"
        nil.write_bytes(b" ")
        given = [str(nil)]
    code, _, err = run(capsys, "submit", *given, "--form", "11F", "--year", str(YEAR),
                       "--region", REGION, "--out", str(out), "--key-dir", str(keys),
                       "--last-year", str(last))
    assert code == 2 and "ikke har noe å rapportere i år" in err and "uten --last-year" in err
    assert list(out.iterdir()) == []


def _bad_last_year(kind: str, tmp_path, source, capsys, keys):
    """A file a careless or hostile user gives as last year's, and what its message says."""
    from client.core.forms.catalog import FormCatalog
    from client.core.records.fixedwidth import write_record_file
    from client.core.records.recordset import RecordSet
    from synthetic import clean_records

    path = tmp_path / "fjor.txt"
    if kind == "missing":
        return path, "Finner ikke fjorårets fil"
    if kind == "folder":
        path.mkdir()
        return path, "er en mappe"
    if kind == "garbage":
        path.write_bytes(bytes(range(256)) * 40)
        return path, "ikke en tekstfil"
    if kind == "another kommune's":
        last_form = FormCatalog().load("11F", YEAR - 1)
        records = clean_records(last_form, 30, "030101", seed=4)
        write_record_file(path, RecordSet.from_records(last_form, list(records)))
        return path, "gjelder kommune 0301, ikke 4601"
    if kind == "the same file":
        return source, f"gjelder {YEAR}"
    # An .asice encrypted to SSB: its data cannot be read here.
    from test_submission_support import pem, ssb_test_certificate

    ssb = tmp_path / "ssb.pem"
    ssb.write_bytes(pem(ssb_test_certificate()[0]))
    earlier = tmp_path / "tidligere"
    earlier.mkdir()
    explanations = tmp_path / "forklaringer.json"
    explanations.write_text(json.dumps(document_11f(20).explanations, ensure_ascii=False),
                            "utf-8")
    assert run(capsys, "submit", str(source), "--form", "11F", "--year", str(YEAR),
               "--region", REGION, "--explanations", str(explanations), "--out", str(earlier),
               "--key-dir", str(keys), "--encrypt-to", str(ssb))[0] == 0
    return next(earlier.glob("*.asice")), "kryptert til SSB"


@pytest.mark.parametrize("kind", ["missing", "folder", "garbage", "another kommune's",
                                  "the same file", "encrypted .asice"])
def test_an_unusable_last_year_file_stops_submit_with_exit_2(capsys, keys, tmp_path, kind,
                                                              monkeypatch):
    monkeypatch.setenv("KOSTRA_DATA_DIR", str(tmp_path / "data"))
    document = document_11f(20)
    source = write_11f(tmp_path / "11F.txt", document)
    explanations = tmp_path / "forklaringer.json"
    explanations.write_text(json.dumps(document.explanations, ensure_ascii=False), "utf-8")
    last, expected = _bad_last_year(kind, tmp_path, source, capsys, keys)
    out = tmp_path / "ut"
    out.mkdir()
    code, _, err = run(capsys, "submit", str(source), "--form", "11F", "--year", str(YEAR),
                          "--region", REGION, "--explanations", str(explanations),
                          "--out", str(out), "--key-dir", str(keys), "--last-year", str(last))
    assert code == 2 and expected in err, err
    assert "Traceback" not in err and list(out.iterdir()) == []


# --- helper processes for large files ---------------------------------------------------


@pytest.fixture(scope="module")
def form11f():
    from client.core.forms.catalog import FormCatalog

    return FormCatalog().load("11F", YEAR)


def _odd_file(form, count: int) -> bytes:
    """Planted errors, the first records repeated in the second half (the uniqueness
    controls must see both parts), then lines cut short, lengthened and given control
    characters, with CRLF line ends."""
    from client.core.records.fixedwidth import encode_records
    from client.core.records.recordset import RecordSet
    from synthetic import clean_records, plant_errors

    rows = plant_errors(list(clean_records(form, count, REGION, seed=8)), form, every=9)
    for i in range(60):
        rows[count // 2 + i] = dict(rows[i])
    lines = encode_records(RecordSet.from_records(form, rows)).split(b"\n")
    for i in range(5, count, 97):
        lines[i] = lines[i][:-4]
    for i in range(7, count, 131):
        lines[i] += b"XY"
    for i in range(11, count, 53):
        lines[i] = lines[i][:40] + b"\x01\x1b" + lines[i][42:]
    return b"\r\n".join(lines)


@pytest.mark.parametrize("odd", [True, False])
def test_helpers_agree_with_one_core_on_odd_lines_and_duplicates_across_parts(form11f, odd):
    from client.core.records.fixedwidth import parse_record_bytes
    from client.core.validation.engine import FormValidator, ValidationContext
    from client.core.validation.parallel import RecordWorkers

    data = _odd_file(form11f, 900)
    if not odd:  # only the right-length lines: every record control runs, not just 001
        data = b"\r\n".join(line for line in data.split(b"\r\n")
                            if len(line) == form11f.record_length and b"\x01" not in line)
    records = parse_record_bytes(data, form11f)
    context = ValidationContext.from_region(REGION, YEAR)
    alone = FormValidator(form11f).validate(records, context)
    validator = FormValidator(form11f)
    with RecordWorkers(validator, helpers=2, min_lines=1) as workers:
        validator.workers = workers
        shared = validator.validate(records, context)
        assert not workers.fell_back
    assert shared == alone
    controls = {f.control for f in alone}
    assert ("001" in controls) if odd else {"05A", "05B"} <= controls


@pytest.mark.parametrize("value", ["off", "-1", "²", "1.5", "garbage"])
def test_a_kostra_helpers_that_is_no_number_means_no_helpers(monkeypatch, form11f, value):
    """It is set to limit the helpers: a typo must neither crash every command ("²" is
    a digit to str.isdigit, not to int) nor hand out every core."""
    from client.core.validation.engine import FormValidator
    from client.core.validation.parallel import RecordWorkers

    monkeypatch.setenv("KOSTRA_HELPERS", value)
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    assert RecordWorkers(FormValidator(form11f)).helpers == 0
    monkeypatch.setenv("KOSTRA_HELPERS", " 2 ")
    assert RecordWorkers(FormValidator(form11f)).helpers == 2


@pytest.mark.skipif(sys.platform == "win32", reason="signals to a forked helper")
def test_ctrl_c_ends_an_idle_helper_without_a_traceback(form11f, capfd):
    """Ctrl+C goes to the whole process group; a helper waiting for work must end quietly
    (the program itself says nothing either: exit code 130)."""
    import time

    from client.core.records.fixedwidth import parse_record_bytes
    from client.core.validation.engine import FormValidator, ValidationContext
    from client.core.validation.parallel import RecordWorkers

    records = parse_record_bytes(_odd_file(form11f, 200), form11f)
    context = ValidationContext.from_region(REGION, YEAR)
    validator = FormValidator(form11f)
    with RecordWorkers(validator, helpers=1, min_lines=1) as workers:
        workers.run(list(records.lines), 0, context)  # the helper now waits for more
        helper = next(iter(workers._pool._processes.values()))
        os.kill(helper.pid, signal.SIGINT)
        helper.join(timeout=10)
        assert helper.exitcode is not None
        time.sleep(0.2)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="signals to a forked helper")
def test_a_helper_killed_between_runs_leaves_the_work_to_this_process(form11f):
    from client.core.records.fixedwidth import parse_record_bytes
    from client.core.validation.engine import FormValidator, ValidationContext
    from client.core.validation.parallel import RecordWorkers

    lines = list(parse_record_bytes(_odd_file(form11f, 300), form11f).lines)
    context = ValidationContext.from_region(REGION, YEAR)
    validator = FormValidator(form11f)
    alone = validator.run_serial(lines, 0, context.args())
    with RecordWorkers(validator, helpers=1, min_lines=1) as workers:
        assert workers.run(lines, 0, context) == alone
        helper = next(iter(workers._pool._processes.values()))
        os.kill(helper.pid, signal.SIGKILL)
        helper.join(timeout=10)
        assert workers.run(lines, 0, context) == alone
        assert workers.fell_back


# --- the questionnaires' starting answers -----------------------------------------------

CONTACT = {"ANSVARLIG": "Kari Nordmann", "EPOST": "kari@testkommune.no", "TELEFON": "55560000"}


@pytest.mark.parametrize("odd", [
    {"TELEFON": 55560000},
    {"ANSVARLIG": 12345, "EPOST": 1.5},
    {"ANSVARLIG": ["Kari"]},
    {"EPOST": {"x": 1}},
    {"TELEFON": True},
    {"ANSVARLIG": None},
    {"ANSVARLIG": "K" * 1_000_000},
    {"TELEFON": "5" * 1_000_000},
    {"EPOST": "ikke en adresse"},
])
def test_another_drafts_odd_contact_is_not_taken(odd):
    """A draft written by hand or by another program: its contact part is taken only when
    every answer is text the question takes; otherwise the next form's, or none."""
    from client.core.forms.catalog import FormCatalog
    from client.core.forms.starting import start_answers

    form = FormCatalog().load("7B", YEAR)
    started = start_answers(form, {}, "4601", {"12": {**CONTACT, **odd}})
    assert started.answers == {"KOMMUNE_NR": "4601"}
    assert started.note() is not None and "skjema 12" not in started.note()["nb"]
    started = start_answers(form, {}, "4601", {"12": {**CONTACT, **odd}, "7": CONTACT})
    assert started.answers == {"KOMMUNE_NR": "4601", **CONTACT}
    assert set(started.filled.values()) == {"unit", "7"}


# --- the form-check cache ---------------------------------------------------------------


def test_planted_markers_for_a_broken_form_still_give_its_error_not_an_internal_one(tmp_path):
    """A marker says "these bytes passed"; one put in the cache folder by something else
    for a broken user-installed form must not turn its clear message into a TypeError."""
    import shutil

    from client.core.errors import FormDefinitionError
    from client.core.forms import checkcache, loader

    folder = tmp_path / "forms" / "2026" / "7"
    shutil.copytree(ROOT / "forms" / "2026" / "7", folder)
    meta = json.loads((folder / "form.json").read_text("utf-8"))
    meta["identity"] = {"kommune": 5, "contact": "ANSVARLIG"}
    meta["title"] = 12
    (folder / "form.json").write_text(json.dumps(meta), "utf-8")
    for path in folder.glob("*.json"):
        for kind in ("form", "ui", "controls", "layout", "reference", loader.SCHEMA_KIND):
            checkcache.remember_pass(
                checkcache.verdict_key(kind, loader._metaschema_bytes(), path.read_bytes()))
    with pytest.raises(FormDefinitionError) as caught:
        loader.load_form(folder)
    assert "form.json" in str(caught.value) and "$.title" in str(caught.value)


@pytest.fixture
def own_cache(monkeypatch):
    from client.core.forms import checkcache

    checkcache.cache_dir.cache_clear()
    yield lambda path: monkeypatch.setenv("KOSTRA_CACHE_DIR", str(path))
    monkeypatch.undo()
    checkcache.cache_dir.cache_clear()


@pytest.mark.parametrize("where", ["a file", "form-checks a file", "/dev/null"])
def test_a_cache_folder_that_is_no_folder_only_means_checking(tmp_path, own_cache, where):
    from client.core.forms import checkcache
    from client.core.forms.loader import load_form

    if where == "a file":
        (tmp_path / "cache").write_text("x")
        own_cache(tmp_path / "cache")
    elif where == "form-checks a file":
        (tmp_path / "cache").mkdir()
        (tmp_path / "cache" / "form-checks").write_text("x")
        own_cache(tmp_path / "cache")
    else:
        own_cache("/dev/null")
    for _ in range(2):
        assert load_form(ROOT / "forms" / "2026" / "7").form_id == "7"
    assert not checkcache.has_passed("0" * 64)


def test_thousands_of_markers_and_a_folder_among_them_are_pruned(tmp_path, own_cache):
    from client.core.forms import checkcache

    own_cache(tmp_path)
    folder = tmp_path / "form-checks"
    folder.mkdir()
    for i in range(checkcache.MAX_MARKERS + 500):
        (folder / f"{i:064x}").touch()
    (folder / "planted").mkdir()
    os.utime(folder / "planted", (0, 0))  # the oldest: the first the pruning comes to
    checkcache.remember_pass("f" * 64)
    left = list(folder.iterdir())
    assert len(left) <= checkcache.MAX_MARKERS // 2 + 1
    assert (folder / ("f" * 64)).exists() and (folder / "planted").is_dir()


def _remember_many(args: tuple[str, int]) -> int:
    from client.core.forms import checkcache

    folder, start = args
    os.environ["KOSTRA_CACHE_DIR"] = folder
    checkcache.cache_dir.cache_clear()
    for i in range(start, start + 300):
        checkcache.remember_pass(f"{i:064x}")
    return sum(1 for i in range(start, start + 300) if checkcache.has_passed(f"{i:064x}"))


@pytest.mark.skipif(sys.platform == "win32", reason="forked processes")
def test_commands_writing_and_pruning_the_cache_at_once_all_go_on(tmp_path):
    import multiprocessing

    from client.core.forms import checkcache

    folder = tmp_path / "form-checks"
    folder.mkdir()
    for i in range(checkcache.MAX_MARKERS - 10):
        (folder / f"a{i:063x}").touch()
    with multiprocessing.get_context("fork").Pool(4) as pool:
        kept = pool.map(_remember_many, [(str(tmp_path), 10**6 * (n + 1)) for n in range(4)])
    assert all(count > 0 for count in kept)  # each went on; what it wrote last is kept
    assert len(list(folder.iterdir())) <= checkcache.MAX_MARKERS


@pytest.mark.parametrize("command", ["submit", "validate"])
def test_an_empty_last_year_is_refused_not_left_out(capsys, keys, tmp_path, command):
    """`--last-year "$FJOR"` with FJOR unset: last year's controls would quietly not run."""
    document = document_11f(20)
    source = write_11f(tmp_path / "11F.txt", document)
    explanations = tmp_path / "forklaringer.json"
    explanations.write_text(json.dumps(document.explanations, ensure_ascii=False), "utf-8")
    out = tmp_path / "ut"
    out.mkdir()
    extra = (["--explanations", str(explanations), "--out", str(out), "--key-dir", str(keys)]
             if command == "submit" else [])
    for blank in ("", "  "):
        code, _, err = run(capsys, "--lang", "en", command, str(source), "--form", "11F",
                           "--year", str(YEAR), "--region", REGION, *extra,
                           "--last-year", blank)
        assert code == 2 and "--last-year is empty" in err
    assert list(out.iterdir()) == []


def _children(pid: int) -> list[int]:
    import subprocess

    found = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True,
                           text=True, check=False).stdout.split()
    return [int(p) for p in found]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ")[-1].startswith("Z"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked helpers, ps")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_helpers_end_when_the_program_is_killed(tmp_path, form11f, how):
    """kill, kill -9 or a closed terminal ends the program at once: its helpers must not
    stay behind, each waiting for work forever."""
    import subprocess
    import time

    from client.core.records.fixedwidth import write_record_file
    from client.core.records.recordset import RecordSet
    from client.core.validation.parallel import MIN_LINES_FORK
    from synthetic import clean_records

    path = tmp_path / "stor.txt"
    rows = list(clean_records(form11f, 600, REGION, seed=9))
    records = RecordSet.from_records(form11f, rows * (MIN_LINES_FORK // 600 + 1))
    write_record_file(path, records)
    program = subprocess.Popen(
        [sys.executable, "-m", "client", "validate", str(path), "--form", "11F", "--year",
         str(YEAR), "--region", REGION, "--json"], cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, env={**os.environ, "KOSTRA_HELPERS": "1"})
    helpers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not helpers and program.poll() is None and time.monotonic() < deadline:
            helpers = _children(program.pid)
            time.sleep(0.02)
        assert helpers, "no helper was started"
        program.send_signal(how)
        program.wait(timeout=30)
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in helpers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in helpers)
    finally:
        for pid in helpers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        if program.poll() is None:
            program.kill()


def test_validate_with_last_year_and_a_questionnaire_says_it_is_not_used(capsys, tmp_path):
    last = write_11f(tmp_path / "fjor.txt", document_11f(20))
    code, out, err = run(capsys, "validate",
                         str(ROOT / "resources" / "examples" / "12_2026_460100.json"),
                         "--form", "12", "--year", str(YEAR), "--region", REGION,
                         "--last-year", str(last))
    assert code == 2 and "Skjema 12 er et spørreskjema" in err and "uten --last-year" in err
    assert out == ""
