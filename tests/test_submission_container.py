"""Submitting: what the ASiC-E container holds, that OpenSSL verifies and decrypts it as
SSB would, and that a form that may not go, or a folder that cannot take it, leaves
nothing behind."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from test_submission_support import (
    CATALOG,
    NOW,
    ORGNR,
    REGION,
    ROOT,
    YEAR,
    ca_certificate,
    document_11f,
    enterprise_certificate,
    key_pem,
    openssl,
    pem,
    self_signed_signer_parts,
    ssb_test_certificate,
    write_11f,
)

import client
from client.core.documents import FormDocument, load_document
from client.core.errors import UserError
from client.core.records.fixedwidth import encode_records
from client.core.submission.container import MIMETYPE
from client.core.submission.errors import CertificateProblem, OutputError, SubmissionBlocked
from client.core.submission.keys import Signer, fingerprint
from client.core.submission.submit import submit
from client.core.validation.engine import ValidationContext

CONTEXT = ValidationContext.from_region(REGION, YEAR)
ASIC = "{http://uri.etsi.org/02918/v1.2.1#}"
DS = "{http://www.w3.org/2000/09/xmldsig#}"


def signer() -> Signer:
    cert, key = self_signed_signer_parts()
    return Signer(cert, key)


def enterprise_signer() -> Signer:
    cert, key = enterprise_certificate()
    return Signer(cert, key, (ca_certificate()[0],))


def do_submit(document: FormDocument, out: Path, **kwargs):
    kwargs.setdefault("clock", lambda: NOW)
    return submit(document, CONTEXT, kwargs.pop("signer", None) or signer(), out, **kwargs)


@pytest.fixture(scope="module")
def submitted(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    document = document_11f(120)
    return document, do_submit(document, out)


needs_openssl = pytest.mark.skipif(not shutil.which("openssl"), reason="needs the openssl CLI")


def unpack(container: Path, into: Path) -> Path:
    """Unpack with Info-ZIP's unzip, as a recipient without our code would (Python's
    zipfile where unzip is missing)."""
    into.mkdir(parents=True, exist_ok=True)
    if shutil.which("unzip"):
        subprocess.run(["unzip", "-q", str(container), "-d", str(into)], check=True, timeout=60)
    else:
        with zipfile.ZipFile(container) as archive:
            archive.extractall(into)
    return into


# --- What the container holds ----------------------------------------------------------


def test_container_is_an_asic_e_zip_with_uncompressed_mimetype_first(submitted):
    _, result = submitted
    assert re.fullmatch(rf"{REGION}_11F_{YEAR}_\d{{8}}T\d{{6}}Z\.asice", result.container.name)
    assert result.container.name.endswith(NOW.strftime("%Y%m%dT%H%M%SZ.asice"))
    raw = result.container.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == result.sha256
    # ETSI EN 319 162-1 A.1: "mimetype" first, stored, its value readable at offset 38.
    assert raw[30:38] == b"mimetype" and raw[38 : 38 + len(MIMETYPE)] == MIMETYPE.encode()
    with zipfile.ZipFile(result.container) as archive:
        assert archive.testzip() is None
        infos = archive.infolist()
        assert [i.filename for i in infos] == [
            "mimetype",
            "skjema.json",
            f"11F_{YEAR}_{REGION}.txt",
            "kontrollrapport.html",
            "META-INF/ASiCManifest.xml",
            "META-INF/signature.p7s",
        ]
        assert infos[0].compress_type == zipfile.ZIP_STORED and not infos[0].extra
        assert archive.read("mimetype") == MIMETYPE.encode()
        # The control report of the run that cleared the form travels beside the data,
        # listed in the signed manifest like every data file; no fødselsnummer in it.
        report = archive.read("kontrollrapport.html").decode("utf-8")
        manifest = archive.read("META-INF/ASiCManifest.xml").decode("utf-8")
        assert 'URI="kontrollrapport.html"' in manifest and 'MimeType="text/html"' in manifest
        assert "Statistikkrapport" in report and f"11F_{YEAR}_{REGION}.txt" in report
        assert not re.search(r"(?<!\d)\d{11}(?!\d)", report)


def test_record_file_is_exactly_what_ssbs_program_takes(submitted, tmp_path):
    document, result = submitted
    with zipfile.ZipFile(result.container) as archive:
        data = archive.read(f"11F_{YEAR}_{REGION}.txt")
    assert data == encode_records(document.records)
    # Read from a file, the container holds that file's bytes unchanged.
    source = write_11f(tmp_path / "in.txt", document)
    loaded = load_document(source, document.form)
    loaded.explanations.update(document.explanations)
    again = do_submit(loaded, tmp_path, clock=lambda: NOW + dt.timedelta(seconds=5))
    with zipfile.ZipFile(again.container) as archive:
        assert archive.read(f"11F_{YEAR}_{REGION}.txt") == source.read_bytes()


def test_form_json_names_form_definition_municipality_and_findings(submitted):
    document, result = submitted
    with zipfile.ZipFile(result.container) as archive:
        data = json.loads(archive.read("skjema.json"))
        record_bytes = archive.read(f"11F_{YEAR}_{REGION}.txt")
    form = document.form
    assert (data["form"], data["year"], data["region"]) == ("11F", YEAR, REGION)
    assert data["definitionVersion"] == form.version
    assert data["definitionSha256"] == form.sha256
    assert data["organisasjonsnummer"] == ORGNR
    assert data["client"] == client.__version__
    assert dt.datetime.fromisoformat(data["created"]) == NOW
    assert data["created"].endswith("Z")
    assert data["recordFile"]["sha256"] == hashlib.sha256(record_bytes).hexdigest()
    assert data["recordFile"]["records"] == 120
    (warning,) = [f for f in data["findings"] if f["severity"] == "WARNING"]
    assert warning["ref"] == "K-DATO:6:FODSELSDATO"
    assert data["explanations"] == document.explanations
    assert data["summary"]["WARNING"] == 1 and data["summary"]["ERROR"] == 0
    totals = {t["id"]: t for t in data["totals"]}
    assert totals["records"]["value"] == 120
    assert totals["bidrag"]["value"] == sum(
        int(r.get("BIDRAG") or 0) for r in document.records.records()
    )


def test_manifest_has_a_sha256_digest_of_every_data_file(submitted):
    _, result = submitted
    with zipfile.ZipFile(result.container) as archive:
        root = ET.fromstring(archive.read("META-INF/ASiCManifest.xml"))
        (sig_ref,) = root.findall(f"{ASIC}SigReference")
        assert sig_ref.get("URI") == "META-INF/signature.p7s"
        refs = root.findall(f"{ASIC}DataObjectReference")
        data_files = [n for n in archive.namelist() if n != "mimetype" and "/" not in n]
        assert sorted(r.get("URI") for r in refs) == sorted(data_files)
        for ref in refs:
            method = ref.find(f"{DS}DigestMethod").get("Algorithm")
            assert method == "http://www.w3.org/2001/04/xmlenc#sha256"
            digest = base64.b64decode(ref.find(f"{DS}DigestValue").text)
            assert digest == hashlib.sha256(archive.read(ref.get("URI"))).digest()


# --- OpenSSL, as the recipient ----------------------------------------------------------


@needs_openssl
def test_openssl_verifies_the_detached_cades_signature_of_the_manifest(submitted, tmp_path):
    _, result = submitted
    folder = unpack(result.container, tmp_path / "x")
    meta = folder / "META-INF"
    cert = tmp_path / "signer.pem"
    cert.write_bytes(pem(self_signed_signer_parts()[0]))
    verified = openssl("cms", "-verify", "-binary", "-content", str(meta / "ASiCManifest.xml"),
                       "-inform", "DER", "-in", str(meta / "signature.p7s"),
                       "-CAfile", str(cert), "-out", os.devnull)
    assert verified.returncode == 0, verified.stderr
    assert b"Verification successful" in verified.stderr
    printed = openssl("cms", "-cmsout", "-print", "-inform", "DER",
                      "-in", str(meta / "signature.p7s")).stdout.decode()
    for attribute in ("contentType", "signingTime", "messageDigest",
                      "id-smime-aa-signingCertificateV2"):
        assert attribute in printed
    assert "eContent: <ABSENT>" in printed  # detached
    # A changed manifest no longer verifies.
    manifest = (meta / "ASiCManifest.xml").read_bytes()
    (meta / "ASiCManifest.xml").write_bytes(manifest.replace(b"DigestValue>", b"DigestValue> ", 1))
    failed = openssl("cms", "-verify", "-binary", "-content", str(meta / "ASiCManifest.xml"),
                     "-inform", "DER", "-in", str(meta / "signature.p7s"),
                     "-CAfile", str(cert), "-out", os.devnull)
    assert failed.returncode != 0


@needs_openssl
def test_openssl_verifies_an_enterprise_signature_up_to_its_ca(tmp_path):
    result = do_submit(document_11f(30), tmp_path, signer=enterprise_signer())
    folder = unpack(result.container, tmp_path / "x")
    ca = tmp_path / "ca.pem"
    ca.write_bytes(pem(ca_certificate()[0]))
    verified = openssl("cms", "-verify", "-binary",
                       "-content", str(folder / "META-INF/ASiCManifest.xml"), "-inform", "DER",
                       "-in", str(folder / "META-INF/signature.p7s"), "-CAfile", str(ca),
                       "-purpose", "any", "-out", os.devnull)
    assert verified.returncode == 0, verified.stderr


@needs_openssl
def test_data_files_encrypted_to_ssb_decrypt_with_openssl_only_with_ssbs_key(tmp_path):
    document = document_11f(60)
    ssb_cert, ssb_key = ssb_test_certificate()
    result = do_submit(document, tmp_path, recipient=ssb_cert)
    assert result.encrypted
    raw = result.container.read_bytes()
    for record in document.records.records():  # no personal number in the clear
        assert record["PERSON_FODSELSNR"].encode() not in raw
    folder = unpack(result.container, tmp_path / "x")
    record_name = f"11F_{YEAR}_{REGION}.txt.p7m"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["META-INF", "mimetype", "skjema.json.p7m", record_name, "kontrollrapport.html.p7m"]
    )
    (tmp_path / "ssb.pem").write_bytes(pem(ssb_cert))
    (tmp_path / "ssb.key").write_bytes(key_pem(ssb_key))
    printed = openssl("cms", "-cmsout", "-print", "-inform", "DER",
                      "-in", str(folder / record_name)).stdout.decode()
    assert "aes-256-cbc" in printed
    decrypted = openssl("cms", "-decrypt", "-binary", "-inform", "DER",
                        "-in", str(folder / record_name), "-recip", str(tmp_path / "ssb.pem"),
                        "-inkey", str(tmp_path / "ssb.key"))
    assert decrypted.returncode == 0, decrypted.stderr
    assert decrypted.stdout == encode_records(document.records)
    form_json = openssl("cms", "-decrypt", "-binary", "-inform", "DER",
                        "-in", str(folder / "skjema.json.p7m"),
                        "-recip", str(tmp_path / "ssb.pem"), "-inkey", str(tmp_path / "ssb.key"))
    assert json.loads(form_json.stdout)["organisasjonsnummer"] == ORGNR
    report = openssl("cms", "-decrypt", "-binary", "-inform", "DER",
                     "-in", str(folder / "kontrollrapport.html.p7m"),
                     "-recip", str(tmp_path / "ssb.pem"), "-inkey", str(tmp_path / "ssb.key"))
    assert report.returncode == 0 and b"Statistikkrapport" in report.stdout
    # The signer's own key cannot open it.
    cert, key = self_signed_signer_parts()
    (tmp_path / "me.pem").write_bytes(pem(cert))
    (tmp_path / "me.key").write_bytes(key_pem(key))
    refused = openssl("cms", "-decrypt", "-binary", "-inform", "DER",
                      "-in", str(folder / record_name), "-recip", str(tmp_path / "me.pem"),
                      "-inkey", str(tmp_path / "me.key"))
    assert refused.returncode != 0
    # The signed manifest says so.
    manifest = (folder / "META-INF/ASiCManifest.xml").read_text()
    assert "application/pkcs7-mime" in manifest and fingerprint(ssb_cert) in manifest
    assert "aes256-cbc" in manifest


def test_questionnaire_is_submitted_as_json_answers(tmp_path):
    form = CATALOG.load("12", YEAR)
    document = load_document(ROOT / "resources/examples/12_2026_460100.json", form)
    result = do_submit(document, tmp_path)
    with zipfile.ZipFile(result.container) as archive:
        assert archive.namelist()[1:3] == ["skjema.json", "kontrollrapport.html"]
        assert len(archive.namelist()) == 5
        data = json.loads(archive.read("skjema.json"))
    assert data["form"] == "12" and data["answers"] == document.answers
    assert "recordFile" not in data and result.record_count is None


# --- What stops a submission, and leaves nothing behind ------------------------------------


def test_errors_block_submission_and_are_named(tmp_path):
    document = document_11f(40)
    document.records.set_value(2, "KJONN", "3")
    document.records.set_value(9, "KJONN", "7")
    with pytest.raises(SubmissionBlocked) as exc:
        do_submit(document, tmp_path)
    message = exc.value.message()
    assert "ingenting er skrevet" in message
    assert "linje 3, KJONN" in message and "linje 10, KJONN" in message
    assert {f.line for f in exc.value.readiness.blocking} == {3, 10}
    assert "fatal findings and errors" in exc.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_unexplained_warnings_block_submission_with_their_references(tmp_path):
    document = document_11f(40, explained=False)
    with pytest.raises(SubmissionBlocked) as exc:
        do_submit(document, tmp_path)
    assert "«K-DATO:6:FODSELSDATO»" in exc.value.message()
    assert "--explanations" in exc.value.message()
    assert exc.value.readiness.status == "unexplained"
    document.explanations["K-DATO:6:FODSELSDATO"] = "   "  # blank is no explanation
    with pytest.raises(SubmissionBlocked):
        do_submit(document, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_long_lists_are_cut_and_counted(tmp_path):
    document = document_11f(60)
    for i in range(30):
        document.records.set_value(i, "KJONN", "3")
    with pytest.raises(SubmissionBlocked) as exc:
        do_submit(document, tmp_path)
    assert "og 45 til" in exc.value.message()  # 30 records x 2 controls, 15 listed


def test_expired_signing_certificate_blocks_and_writes_nothing(tmp_path):
    cert, key = enterprise_certificate(not_before=NOW - dt.timedelta(days=100),
                                       not_after=NOW - dt.timedelta(days=1))
    with pytest.raises(CertificateProblem, match="gikk ut"):
        do_submit(document_11f(20), tmp_path, signer=Signer(cert, key))
    assert list(tmp_path.iterdir()) == []


def test_missing_or_wrong_output_folder(tmp_path):
    with pytest.raises(OutputError, match="finnes ikke"):
        do_submit(document_11f(20), tmp_path / "nope")
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="ikke en mappe"):
        do_submit(document_11f(20), tmp_path / "file")


def test_same_name_is_never_overwritten(tmp_path):
    first = do_submit(document_11f(20), tmp_path)
    before = first.container.read_bytes()
    with pytest.raises(OutputError, match="finnes allerede"):
        do_submit(document_11f(20), tmp_path)
    assert first.container.read_bytes() == before


@contextlib.contextmanager
def tmpfs(path: Path, options: str):
    """A real small or read-only file system, where the machine lets us mount one."""
    path.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=False)


@pytest.fixture
def read_only_folder(tmp_path):
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    with tmpfs(tmp_path / "ro", "ro,size=1m") as folder:  # root ignores permission bits
        yield folder


def test_read_only_folder_is_a_clear_message_and_nothing_is_written(read_only_folder, tmp_path):
    document = document_11f(40)
    source = write_11f(tmp_path / "draft.txt", document)
    before = source.read_bytes()
    with pytest.raises(UserError) as exc:
        do_submit(document, read_only_folder)
    assert "Kunne ikke skrive" in exc.value.message()
    assert "skrivetilgang" in exc.value.message()
    assert list(read_only_folder.iterdir()) == []
    assert source.read_bytes() == before


@pytest.mark.parametrize(
    "size", ["24k", "160k"], ids=["container-does-not-fit", "receipt-does-not"]
)
def test_full_folder_leaves_neither_file(tmp_path, size):
    document = document_11f(300)
    with tmpfs(tmp_path / "full", f"size={size}") as folder:
        with pytest.raises(UserError) as exc:
            do_submit(document, folder)
        assert "disken ikke er full" in exc.value.message()
        assert list(folder.iterdir()) == []


def test_file_size_limit_mid_write_leaves_nothing(tmp_path):
    """Where no tmpfs can be mounted: the kernel refuses writes past RLIMIT_FSIZE (EFBIG),
    as a full disk refuses them, in a child process."""
    document = document_11f(300)
    source = write_11f(tmp_path / "in.txt", document)
    (tmp_path / "expl.json").write_text(json.dumps(document.explanations))
    out = tmp_path / "out"
    out.mkdir()
    script = f"""
import resource, signal, sys
sys.path.insert(0, {str(ROOT / 'tests')!r})
import keyring
from test_submission_support import MemoryKeyring
keyring.set_keyring(MemoryKeyring())
from client.cli import main
assert main(["keys", "create", "--orgnr", {ORGNR!r}, "--name", "Test", "--key-dir",
             {str(tmp_path / 'keys')!r}]) == 0
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))
sys.exit(main(["submit", {str(source)!r}, "--form", "11F", "--year", "{YEAR}",
               "--region", "{REGION}", "--explanations", {str(tmp_path / 'expl.json')!r},
               "--out", {str(out)!r}, "--key-dir", {str(tmp_path / 'keys')!r}]))
"""
    run = subprocess.run([os.sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, timeout=120, check=False)
    assert run.returncode == 2, run.stderr
    assert "Kunne ikke skrive" in run.stderr
    assert list(out.iterdir()) == []
