"""`kostra keys`, `kostra submit` and `kostra verify` as a user runs them: in-process with
an in-memory keyring, and as whole processes without any keyring (the passphrase
from --passphrase-env), with exit codes, messages and no secrets in the output."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from test_submission_support import (
    ORGNR,
    REGION,
    ROOT,
    YEAR,
    document_11f,
    memory_keyring_fixture,  # noqa: F401 - the memory_keyring fixture
    pem,
    ssb_test_certificate,
    write_11f,
)

from client.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path):
    document = document_11f(80)
    source = write_11f(tmp_path / "11F.txt", document)
    explanations = tmp_path / "forklaringer.json"
    explanations.write_text(json.dumps(document.explanations, ensure_ascii=False), "utf-8")
    out = tmp_path / "ut"
    out.mkdir()
    return source, explanations, out, tmp_path / "keys"


def submit_args(source, explanations, out, keys, *extra):
    return ("submit", str(source), "--form", "11F", "--year", str(YEAR), "--region", REGION,
            "--explanations", str(explanations), "--out", str(out), "--key-dir", str(keys),
            *extra)


def test_create_show_submit_verify(capsys, memory_keyring, files):
    source, explanations, out, keys = files
    code, text, _ = run(capsys, "keys", "create", "--orgnr", ORGNR, "--name", "Test kommune",
                        "--key-dir", str(keys))
    assert code == 0 and "selvsignert" in text and ORGNR in text
    code, text, _ = run(capsys, "keys", "show", "--json", "--key-dir", str(keys))
    shown = json.loads(text)
    assert shown["signing"]["orgnr"] == ORGNR and shown["signing"]["protection"] == "keyring"
    assert shown["ssbEncryption"] is None

    before = source.read_bytes()
    code, text, err = run(capsys, *submit_args(source, explanations, out, keys))
    assert code == 0, err
    container = next(out.glob("*.asice"))
    receipt = next(out.glob("*.pdf"))
    assert f"Innsendingsfil: {container}" in text and f"Kvittering: {receipt}" in text
    assert source.read_bytes() == before  # the draft is untouched

    code, text, _ = run(capsys, "verify", str(container))
    assert code == 0
    assert text.startswith("GYLDIG")
    assert "Signert av:" in text and f"organizationIdentifier=NTRNO-{ORGNR}" in text
    assert "Sertifikat (SHA-256):" in text and shown["signing"]["fingerprint"][:2].upper() in text
    assert f"skjema 11F {YEAR}, region {REGION}" in text and "80 poster" in text

    code, text, _ = run(capsys, "--lang", "en", "verify", str(container), "--json")
    result = json.loads(text)
    assert code == 0 and result["valid"] and result["signer"]["fingerprint"] == (
        shown["signing"]["fingerprint"]
    )


def test_verify_names_the_changed_file_and_exits_1(capsys, memory_keyring, files, tmp_path):
    source, explanations, out, keys = files
    assert run(capsys, "keys", "create", "--orgnr", ORGNR, "--name", "T", "--key-dir",
               str(keys))[0] == 0
    assert run(capsys, *submit_args(source, explanations, out, keys))[0] == 0
    container = next(out.glob("*.asice"))
    blob = bytearray(container.read_bytes())
    blob[blob.index(b"J0000010") + 7] ^= 0x01
    changed = tmp_path / "endret.asice"
    changed.write_bytes(bytes(blob))
    code, text, _ = run(capsys, "verify", str(changed))
    assert code == 1
    assert text.startswith("UGYLDIG")
    assert f"11F_{YEAR}_{REGION}.txt" in text and "endret etter" in text
    code, text, _ = run(capsys, "verify", str(changed), "--json")
    assert code == 1 and json.loads(text)["problems"][0]["reason"] == "changed"
    code, _, err = run(capsys, "verify", str(tmp_path / "finnes-ikke.asice"))
    assert code == 2 and "Kan ikke lese" in err


def test_blocked_submission_says_what_and_writes_nothing(capsys, memory_keyring, files):
    source, _, out, keys = files
    run(capsys, "keys", "create", "--orgnr", ORGNR, "--name", "T", "--key-dir", str(keys))
    empty = source.parent / "tom.json"
    empty.write_text("{}")
    code, _, err = run(capsys, *submit_args(source, empty, out, keys))
    assert code == 1  # the form's verdict, as validate gives it; 2 is for usage errors
    assert "K-DATO:6:FODSELSDATO" in err and "mangler forklaring" in err
    assert list(out.iterdir()) == []


def test_bad_explanations_file(capsys, memory_keyring, files):
    source, explanations, out, keys = files
    explanations.write_text('{"K-DATO:6:FODSELSDATO": 12}')
    code, _, err = run(capsys, *submit_args(source, explanations, out, keys))
    assert code == 2 and "forklaringsfil" in err and "30:12:BIDRAG" in err
    explanations.write_text("{oops")
    assert run(capsys, *submit_args(source, explanations, out, keys))[0] == 2
    assert list(out.iterdir()) == []


def test_no_key_yet(capsys, memory_keyring, files):
    code, _, err = run(capsys, *submit_args(*files))
    assert code == 2 and "kostra keys create" in err and "kostra keys import" in err


def test_ssb_certificate_from_settings_encrypts(capsys, memory_keyring, files, tmp_path):
    source, explanations, out, keys = files
    run(capsys, "keys", "create", "--orgnr", ORGNR, "--name", "T", "--key-dir", str(keys))
    ssb = tmp_path / "ssb.pem"
    ssb.write_bytes(pem(ssb_test_certificate()[0]))
    assert run(capsys, "keys", "ssb-cert", str(ssb), "--key-dir", str(keys))[0] == 0
    code, text, _ = run(capsys, *submit_args(source, explanations, out, keys))
    assert code == 0 and "kryptert til SSB" in text
    code, text, _ = run(capsys, "verify", str(next(out.glob("*.asice"))))
    assert code == 0 and "Kryptert til: " in text and "SSB KOSTRA mottak TEST" in text


def kostra(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "client", *args], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, **env}, timeout=120,
                          check=False)


def test_whole_process_without_a_keyring_asks_every_time(files):
    """keyring's own configuration picks the fail backend: the client says so, takes the
    passphrase from --passphrase-env, and never prints it."""
    source, explanations, out, keys = files
    secret = "Fjellvann-2026-hemmelig"
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "KOSTRA_PASS": secret}
    created = kostra("keys", "create", "--orgnr", ORGNR, "--name", "Test kommune",
                     "--key-dir", str(keys), "--passphrase-env", "KOSTRA_PASS", env=env)
    assert created.returncode == 0, created.stderr
    assert "nøkkelring" in created.stderr
    assert "spørres om ved hver signering" in created.stdout
    done = kostra(*submit_args(source, explanations, out, keys, "--passphrase-env", "KOSTRA_PASS"),
                  env=env)
    assert done.returncode == 0, done.stderr
    assert "hver gang" in done.stderr
    wrong = kostra(*submit_args(source, explanations, out, keys, "--passphrase-env", "WRONG"),
                   env={**env, "WRONG": "feil-passord-1"})
    assert wrong.returncode == 2 and "Feil passord" in wrong.stderr
    for result in (created, done, wrong):
        assert secret not in result.stdout + result.stderr
        assert "feil-passord-1" not in result.stdout + result.stderr
        assert "Traceback" not in result.stderr
    assert len(list(out.glob("*.asice"))) == 1
    assert secret.encode() not in b"".join(p.read_bytes() for p in keys.iterdir())


def test_submit_with_last_year_signs_its_warnings_and_both_years_figures(
        capsys, memory_keyring, files, tmp_path):
    """Last year's K- controls run on what is signed, as the window runs them: a delivery
    a third of last year's is blocked until explained, then signed with both years."""
    import zipfile

    from client.core.baseline import compare, load_last_year
    from client.core.documents import load_document
    from client.core.forms.catalog import FormCatalog
    from client.core.records.fixedwidth import write_record_file
    from client.core.records.recordset import RecordSet
    from client.core.submission.submit import REPORT_HTML
    from client.core.validation.engine import FormValidator, ValidationContext
    from synthetic import clean_records

    source, explanations, out, keys = files
    run(capsys, "keys", "create", "--orgnr", ORGNR, "--name", "T", "--key-dir", str(keys))
    last_form = FormCatalog().load("11F", YEAR - 1)
    last = tmp_path / "fjor.txt"
    write_record_file(last, RecordSet.from_records(
        last_form, list(clean_records(last_form, 240, REGION, seed=3))))
    code, _, err = run(capsys, *submit_args(source, explanations, out, keys,
                                            "--last-year", str(last)))
    assert code == 1 and "K-ANTALL:-:-" in err and "mangler forklaring" in err
    assert list(out.iterdir()) == []

    form = FormCatalog().load("11F", YEAR)
    context = ValidationContext.from_region(REGION, YEAR)
    document = load_document(source, form)
    _, found = compare(FormValidator(form), document.records,
                       load_last_year(last, "11F", YEAR), context)
    given = json.loads(explanations.read_text("utf-8"))
    given.update({f.ref: "Færre mottakere etter at Nav-kontoret ble delt" for f in found})
    explanations.write_text(json.dumps(given, ensure_ascii=False), "utf-8")
    code, _, err = run(capsys, *submit_args(source, explanations, out, keys,
                                            "--last-year", str(last)))
    assert code == 0, err
    with zipfile.ZipFile(next(out.glob("*.asice"))) as container:
        report = container.read(REPORT_HTML).decode("utf-8")
        form_data = container.read(next(n for n in container.namelist()
                                        if n.endswith(".json"))).decode("utf-8")
    assert f"{YEAR - 1}</th>" in report and "240" in report  # last year beside this year
    assert all(f.ref in form_data for f in found)  # each explained warning is signed
