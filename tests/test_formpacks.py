"""Form packs: a signed pack installs a year atomically; an unsigned, changed, wrongly signed,
broken or older pack is refused with a message and nothing changes. Real zips, real CMS
signatures with throwaway certificates made here, real folders."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from client.core import formpacks
from client.core.formpacks import FormPackError, build_pack, install_pack, read_pack
from client.core.forms.catalog import FormCatalog

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "forms"


def make_certificate(name: str, *, days: int = 365):
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=days))
        .sign(key, hashes.SHA256())
    )
    return certificate, key


@pytest.fixture(scope="module")
def publisher():
    return make_certificate("Testutgiver")


@pytest.fixture(scope="module")
def stranger():
    return make_certificate("Noen andre")


def forms_for(base: Path, year: int, versions: dict[str, str], source_year: int = 2026) -> Path:
    """forms/<year>/ under `base`: 2026's definitions with the given year and versions."""
    label = "-".join(f"{k}_{v}" for k, v in sorted(versions.items()))
    year_dir = base / f"src-{year}-{label}" / str(year)
    if year_dir.exists():
        return year_dir
    for form_id, version in versions.items():
        target = year_dir / form_id
        shutil.copytree(BUNDLED / str(source_year) / form_id, target)
        meta = json.loads((target / "form.json").read_text("utf-8"))
        meta.update(year=year, version=version)
        if "deadline" in meta:  # next year's calendar: the same dates, a year on
            meta["deadline"] = {
                key: (str(int(value[:4]) + year - source_year) + value[4:]
                      if key in ("date", "corrections") else value)
                for key, value in meta["deadline"].items()
            }
        (target / "form.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), "utf-8")
    return year_dir


def write_pack(directory: Path, year_dir: Path, signer, *, version: str | None = None) -> Path:
    certificate, key = signer
    data = build_pack(year_dir, certificate, key, version=version)
    path = directory / f"pack-{year_dir.parent.name}-{version or 'auto'}-{id(signer)}.zip"
    path.write_bytes(data)
    return path


def rewrite(pack: Path, target: Path, change) -> Path:
    """A copy of `pack` whose members went through change(name, data) -> data | None."""
    out = io.BytesIO()
    with zipfile.ZipFile(pack) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            data = change(info.filename, source.read(info))
            if data is not None:
                copy.writestr(info.filename, data)
    target.write_bytes(out.getvalue())
    return target


def snapshot(root: Path) -> dict[str, bytes]:
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): p.read_bytes() if p.is_file() else b"<dir>"
            for p in sorted(root.rglob("*"))}


V1 = {"11F": "2027.1.0", "11CF": "2027.1.0", "12": "2027.1.0"}
V2 = {"11F": "2027.2.0", "11CF": "2027.1.0", "12": "2027.1.0"}


@pytest.fixture
def root(tmp_path):
    return tmp_path / "data" / "forms"


def install(path: Path, root: Path, publisher, **kwargs):
    return install_pack(path, forms_root=root, bundled_root=BUNDLED, publishers=[publisher[0]],
                        **kwargs)


def test_a_signed_pack_installs_its_year_and_the_catalog_offers_it(tmp_path, root, publisher):
    pack = write_pack(tmp_path, forms_for(tmp_path, 2027, V1), publisher)
    result = install(pack, root, publisher)

    assert result.directory == root / "2027" and result.replaced is None
    assert sorted(p.name for p in (root / "2027").iterdir()) == [
        "11CF", "11F", "12", "pack.json", "pack.json.p7s"]
    catalog = FormCatalog([BUNDLED, root])
    assert 2027 in catalog.years() and 2026 in catalog.years()
    form = catalog.load("11F", 2027)
    assert form.version == "2027.1.0" and form.directory == root / "2027" / "11F"
    assert "2027" in result.message("nb") and "installert" in result.message("nb")
    assert "installed" in result.message("en")
    assert not [p for p in root.iterdir() if p.name.startswith(".")]  # no staging left


def test_the_pack_version_defaults_to_the_newest_form_and_is_signed(tmp_path, publisher):
    pack = read_pack(write_pack(tmp_path, forms_for(tmp_path, 2027, V2), publisher), [publisher[0]])
    assert pack.year == 2027 and pack.version == "2027.2.0"
    assert {f.form_id: f.version for f in pack.forms} == V2
    assert "Testutgiver" in pack.signer


def test_an_unsigned_pack_is_refused_and_nothing_changes(tmp_path, root, publisher):
    install(write_pack(tmp_path, forms_for(tmp_path, 2027, V1), publisher), root, publisher)
    before = snapshot(root)
    signed = write_pack(tmp_path, forms_for(tmp_path, 2027, V2), publisher)
    unsigned = rewrite(signed, tmp_path / "unsigned.zip",
                       lambda name, data: None if name == formpacks.SIGNATURE else data)

    with pytest.raises(FormPackError) as refused:
        install(unsigned, root, publisher)
    assert refused.value.reason == "unsigned"
    assert "ikke signert" in refused.value.message("nb")
    assert "ikkje signert" in refused.value.message("nn")
    assert "not signed" in refused.value.message("en")
    assert snapshot(root) == before


@pytest.mark.parametrize("how", ["file changed", "file added", "file removed", "manifest changed",
                                 "signature damaged"])
def test_a_changed_pack_is_refused_and_nothing_changes(tmp_path, root, publisher, how):
    signed = write_pack(tmp_path, forms_for(tmp_path, 2027, V1), publisher)
    changed_file = "forms/2027/11F/controls.json"

    def change(name, data):
        if how == "file changed" and name == changed_file:
            return data.replace(b"1000000", b"9000000")
        if how == "file removed" and name == changed_file:
            return None
        if how == "manifest changed" and name == formpacks.MANIFEST:
            return data.replace(b'"2027.1.0"', b'"2027.9.0"', 1)
        if how == "signature damaged" and name == formpacks.SIGNATURE:
            return data[:-40] + bytes(40)
        return data

    tampered = rewrite(signed, tmp_path / "tampered.zip", change)
    if how == "file added":
        with zipfile.ZipFile(tampered, "a") as archive:
            archive.writestr("forms/2027/11F/extra.json", "{}")
    with pytest.raises(FormPackError) as refused:
        install(tampered, root, publisher)
    assert refused.value.reason == "tampered", refused.value.message("en")
    assert "endret eller skadet" in refused.value.message("nb")
    assert snapshot(root) == {}


def test_a_pack_signed_by_someone_else_is_refused(tmp_path, root, publisher, stranger):
    pack = write_pack(tmp_path, forms_for(tmp_path, 2027, V1), stranger)
    with pytest.raises(FormPackError) as refused:
        install(pack, root, publisher)
    assert refused.value.reason == "wrong_signer"
    assert "Noen andre" in refused.value.message("nb")
    assert "ikke av utgiveren" in refused.value.message("nb")
    assert snapshot(root) == {}


def test_a_pack_signed_after_the_publisher_certificate_expired_is_refused(tmp_path, root):
    certificate, key = make_certificate("Utløpt utgiver", days=1)
    late = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    data = build_pack(forms_for(tmp_path, 2027, V1), certificate, key, signing_time=late)
    (tmp_path / "late.zip").write_bytes(data)
    with pytest.raises(FormPackError) as refused:
        install_pack(tmp_path / "late.zip", forms_root=root, bundled_root=BUNDLED,
                     publishers=[certificate], now=late)
    assert refused.value.reason == "signed_outside"
    assert snapshot(root) == {}


def test_a_newer_pack_replaces_the_year_and_an_older_or_equal_one_is_refused(
        tmp_path, root, publisher):
    install(write_pack(tmp_path, forms_for(tmp_path, 2027, V1), publisher), root, publisher)
    newer = write_pack(tmp_path, forms_for(tmp_path, 2027, V2), publisher)
    result = install(newer, root, publisher)
    assert result.replaced == "2027.1.0"
    assert "fra versjon 2027.1.0 til 2027.2.0" in result.message("nb")
    assert FormCatalog([BUNDLED, root]).load("11F", 2027).version == "2027.2.0"
    assert not [p for p in root.iterdir() if p.name.startswith(".")]
    before = snapshot(root)

    older = write_pack(tmp_path, forms_for(tmp_path, 2027, V1), publisher)
    with pytest.raises(FormPackError) as refused:
        install(older, root, publisher)
    assert refused.value.reason == "older"
    assert "2027.2.0 er allerede installert" in refused.value.message("nb")

    same = write_pack(tmp_path, forms_for(tmp_path, 2027, V2), publisher)
    with pytest.raises(FormPackError) as refused:
        install(same, root, publisher)
    assert refused.value.reason == "same"
    assert snapshot(root) == before


def test_a_pack_version_bump_without_a_newer_form_is_refused(tmp_path, root, publisher):
    install(write_pack(tmp_path, forms_for(tmp_path, 2027, V1), publisher), root, publisher)
    before = snapshot(root)
    relabelled = write_pack(tmp_path, forms_for(tmp_path, 2027, V1), publisher, version="2027.5")
    with pytest.raises(FormPackError) as refused:
        install(relabelled, root, publisher)
    assert refused.value.reason == "same"
    assert snapshot(root) == before


def test_a_correction_for_a_bundled_year_overrides_only_its_forms(tmp_path, root, publisher):
    fixed = write_pack(tmp_path, forms_for(tmp_path, 2026, {"11F": "2026.1.1"}), publisher)
    install(fixed, root, publisher)
    catalog = FormCatalog([BUNDLED, root])
    assert catalog.load("11F", 2026).version == "2026.1.1"
    assert catalog.load("11CF", 2026).directory == BUNDLED / "2026" / "11CF"

    before = snapshot(root)

    older = write_pack(tmp_path, forms_for(tmp_path, 2026, {"11F": "2026.1.1", "11CF": "2026.0.9"}),
                       publisher, version="2026.2")
    with pytest.raises(FormPackError) as refused:
        install(older, root, publisher)
    assert refused.value.reason == "form_older"
    assert "eldre enn den installerte versjonen 2026.1.0" in refused.value.message("nb")

    same = write_pack(tmp_path, forms_for(tmp_path, 2026, {"11F": "2026.1.1", "12": "2026.2.1"}),
                      publisher, version="2026.2")
    with pytest.raises(FormPackError) as refused:
        install(same, root, publisher)
    assert refused.value.reason == "same"

    # A later pack must bring every form the one before it brought.
    partial = write_pack(tmp_path, forms_for(tmp_path, 2026, {"12": "2026.2.2"}), publisher,
                         version="2026.3")
    with pytest.raises(FormPackError) as refused:
        install(partial, root, publisher)
    assert refused.value.reason == "drops_form"
    assert "mangler skjema 11F for 2026" in refused.value.message("nb")
    assert snapshot(root) == before


def test_an_old_pack_does_not_hide_a_newer_bundled_form(tmp_path):
    """After a client update that bundles a newer definition, the old pack's form yields."""
    stale = forms_for(tmp_path / "user", 2026, {"11F": "2026.0.5"})
    catalog = FormCatalog([BUNDLED, stale.parent])
    assert catalog.load("11F", 2026).directory == BUNDLED / "2026" / "11F"
    newer = forms_for(tmp_path / "user2", 2026, {"11F": "2026.1.0"})  # equal: the later root wins
    assert FormCatalog([BUNDLED, newer.parent]).load("11F", 2026).directory == newer / "11F"


def test_a_signed_pack_with_a_broken_form_is_refused_and_nothing_changes(tmp_path, root, publisher):
    install(write_pack(tmp_path, forms_for(tmp_path, 2027, V1), publisher), root, publisher)
    before = snapshot(root)
    broken = forms_for(tmp_path / "broken", 2027, V2)
    ui = json.loads((broken / "11F" / "ui.json").read_text("utf-8"))
    ui["fields"]["NO_SUCH_FIELD"] = next(iter(ui["fields"].values()))
    (broken / "11F" / "ui.json").write_text(json.dumps(ui), "utf-8")
    with pytest.raises(Exception, match="NO_SUCH_FIELD"):
        FormCatalog([broken.parent]).load("11F", 2027)  # the loader refuses it …

    # … so build the pack by hand, as a careless publisher might, and sign it.
    certificate, key = publisher
    good = write_pack(tmp_path, forms_for(tmp_path, 2027, V2), publisher)
    replaced_ui = (broken / "11F" / "ui.json").read_bytes()
    manifest = {}

    def change(name, data):
        if name == "forms/2027/11F/ui.json":
            return replaced_ui
        return data

    unsigned = rewrite(good, tmp_path / "broken-unsigned.zip", change)
    with zipfile.ZipFile(unsigned) as archive:
        manifest = json.loads(archive.read(formpacks.MANIFEST))
    manifest["files"]["forms/2027/11F/ui.json"] = hashlib.sha256(replaced_ui).hexdigest()
    manifest_bytes = json.dumps(manifest).encode()
    from client.core.submission.cms import sign_detached

    signature = sign_detached(manifest_bytes, certificate, key, dt.datetime.now(dt.UTC))
    resigned = rewrite(unsigned, tmp_path / "broken.zip", {
        formpacks.MANIFEST: manifest_bytes, formpacks.SIGNATURE: signature}.get)

    with pytest.raises(FormPackError) as refused:
        install(resigned, root, publisher)
    assert refused.value.reason == "broken_form"
    assert "11F" in refused.value.message("nb") and "NO_SUCH_FIELD" in refused.value.message("nb")
    assert str(tmp_path) not in refused.value.message("nb")  # no staging path shown
    assert snapshot(root) == before


def test_a_signed_pack_cannot_write_outside_its_year(tmp_path, root, publisher):
    certificate, key = publisher
    from client.core.submission.cms import sign_detached

    evil = b'{"x": 1}'
    name = "forms/2027/../../../evil.json"
    manifest = json.dumps({
        "format": formpacks.PACK_FORMAT, "formatVersion": 1, "year": 2027, "version": "2027.1",
        "forms": {"11F": "2027.1.0"}, "files": {name: hashlib.sha256(evil).hexdigest()},
    }).encode()
    pack = tmp_path / "evil.zip"
    with zipfile.ZipFile(pack, "w") as archive:
        archive.writestr(formpacks.MANIFEST, manifest)
        archive.writestr(formpacks.SIGNATURE,
                         sign_detached(manifest, certificate, key, dt.datetime.now(dt.UTC)))
        archive.writestr(name, evil)
    with pytest.raises(FormPackError) as refused:
        install(pack, root, publisher)
    assert refused.value.reason == "not_pack"
    assert not (tmp_path / "evil.json").exists() and snapshot(root) == {}


def test_files_that_are_not_packs_are_refused_with_a_message(tmp_path, root, publisher):
    text = tmp_path / "notes.zip"
    text.write_text("not a zip")
    with pytest.raises(FormPackError) as refused:
        install(text, root, publisher)
    assert refused.value.reason == "not_pack"
    with pytest.raises(FormPackError) as refused:
        install(tmp_path / "missing.zip", root, publisher)
    assert refused.value.reason == "missing"
    assert snapshot(root) == {}


def test_the_shipped_publisher_certificate_is_a_valid_certificate():
    certificates = formpacks.load_certificates(formpacks.publisher_dir())
    now = dt.datetime.now(dt.UTC)
    assert any(c.not_valid_before_utc <= now <= c.not_valid_after_utc for c in certificates)
    assert all("skjemautgiver" in c.subject.rfc4514_string() for c in certificates)
    # The private key is held offline by the publisher, never in the repository.
    for path in (ROOT / "resources").rglob("*"):
        if path.is_file() and path.suffix in (".pem", ".key", ".p12", ".pfx"):
            assert b"PRIVATE KEY" not in path.read_bytes(), path
            assert path.suffix == ".pem"


def kostra(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "client", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120, check=False)


def test_kostra_forms_install_verifies_installs_and_lists_the_new_year(tmp_path, publisher,
                                                                       stranger):
    cert_file = tmp_path / "publisher.pem"
    cert_file.write_bytes(publisher[0].public_bytes(serialization.Encoding.PEM))
    env = dict(os.environ, KOSTRA_DATA_DIR=str(tmp_path / "data"),
               KOSTRA_PUBLISHER_CERT=str(cert_file))
    env.pop("KOSTRA_FORMS_DIR", None)

    wrong = write_pack(tmp_path, forms_for(tmp_path, 2027, V1), stranger)
    refused = kostra("forms", "install", str(wrong), env=env)
    assert refused.returncode == 2
    assert "ikke av utgiveren" in refused.stderr and "Traceback" not in refused.stderr
    refused_en = kostra("--lang", "en", "forms", "install", str(wrong), env=env)
    assert "not by the publisher" in refused_en.stderr
    assert not (tmp_path / "data" / "forms" / "2027").exists()

    pack = write_pack(tmp_path, forms_for(tmp_path, 2027, V1), publisher)
    done = kostra("forms", "install", str(pack), env=env)
    assert done.returncode == 0, done.stderr
    assert "Skjemaene for 2027 (versjon 2027.1.0) er installert" in done.stdout

    listing = json.loads(kostra("forms", "--json", "--year", "2027", env=env).stdout)
    assert {(f["form"], f["version"]) for f in listing} == {
        ("11F", "2027.1.0"), ("11CF", "2027.1.0"), ("12", "2027.1.0")}
    plain = kostra("forms", "--form", "11F", env=env)
    assert "2026  11F" in plain.stdout and "2027  11F" in plain.stdout

    again = kostra("forms", "install", str(pack), env=env)
    assert again.returncode == 2 and "allerede installert" in again.stderr


def test_make_formpack_tool_builds_a_pack_the_client_accepts(tmp_path, publisher, root):
    certificate, key = publisher
    key_file, cert_file = tmp_path / "key.pem", tmp_path / "cert.pem"
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.BestAvailableEncryption(b"hemmelig")))
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    env = dict(os.environ, KOSTRA_PUBLISHER_PASSPHRASE="hemmelig")
    made = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_formpack.py"), "pack",
         str(forms_for(tmp_path, 2027, V1)), "--key", str(key_file), "--cert", str(cert_file),
         "--out", str(tmp_path / "out")],
        capture_output=True, text=True, env=env, timeout=120, check=False)
    assert made.returncode == 0, made.stderr
    pack = tmp_path / "out" / "kostra-skjema-2027-2027.1.0.zip"
    assert install(pack, root, publisher).pack.version == "2027.1.0"
