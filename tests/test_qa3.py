"""Careless and hostile use of the features of 2 December: kostra submit --last-year,
helper processes for large files, the form-check cache and the questionnaires'
starting answers."""

from __future__ import annotations

import json

import pytest
from test_submission_support import (
    ORGNR,
    REGION,
    ROOT,
    YEAR,
    document_11f,
    memory_keyring_fixture,  # noqa: F401 - the memory_keyring fixture
    write_11f,
)

from client.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


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
