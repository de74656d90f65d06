"""Form packs: a year's form definitions as one signed zip, checked against the publisher's
certificate and installed into the user's data folder, or refused with nothing changed.

A pack is a zip file holding

    pack.json       the manifest: format, year, version, each form's version and the
                    SHA-256 of every other file in the pack
    pack.json.p7s   a detached CMS (CAdES-BES) signature of pack.json by the publisher
    forms/<year>/<form>/{form,schema,layout,ui,controls}.json

The signature covers the manifest and the manifest covers every file, so no byte of
a pack can change unnoticed. A pack is installed into <data folder>/forms/<year>/
(the catalog reads that root after the bundled one) only when it is signed by a
publisher certificate shipped with the client, every form in it loads, and it is
newer than what is installed for its year. The new year is unpacked and loaded
next to the target first and then renamed into place, so a failure at any point
leaves the installed forms as they were.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

if TYPE_CHECKING:
    from client.core.submission.cms import SignatureInfo

from client.core.errors import UserError
from client.core.fileio import Replace, replace_with_retry
from client.core.forms.catalog import FormCatalog, bundled_forms_dir, user_forms_dir, version_key
from client.core.forms.loader import FORM_FILES, load_form
from client.core.i18n import DEFAULT_LANGUAGE, Text, tr
from client.core.resources import resources_dir

PACK_FORMAT = "kostra-klienten/formpack"
PACK_FORMAT_VERSION = 1
MANIFEST = "pack.json"
SIGNATURE = "pack.json.p7s"
ENV_PUBLISHER_CERT = "KOSTRA_PUBLISHER_CERT"  # a PEM file or a folder of them (tests)
MAX_PACK_BYTES = 64 * 1024 * 1024  # uncompressed; the three forms of a year are about 1 MB
MAX_MEMBERS = 500
_STAGING_PREFIX = ".formpack-"
_FORM_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{0,15}")
_VERSION = re.compile(r"[0-9]+(\.[0-9]+)*")


class FormPackError(UserError):
    """A pack is refused; `reason` says why ("unsigned", "tampered", "wrong_signer", …)."""

    def __init__(self, reason: str, **params: object) -> None:
        self.reason = reason
        super().__init__(_TEXT[reason], **params)

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        params = {k: _detail(v, lang) for k, v in self.params.items()}
        return tr(self.text, lang).format(**params)


def _detail(value: object, lang: str) -> object:
    """A detail is a key of _DETAIL with its own parameters, or a plain value."""
    if isinstance(value, tuple) and value and value[0] in _DETAIL:
        return tr(_DETAIL[value[0]], lang).format(*value[1:])
    return value


@dataclass(frozen=True)
class PackForm:
    form_id: str
    version: str
    title: Text


@dataclass(frozen=True)
class FormPack:
    """A pack whose signature and contents have been checked (not yet whether it loads)."""

    path: Path
    year: int
    version: str
    forms: tuple[PackForm, ...]
    signer: str  # the publisher certificate's subject
    signed_at: dt.datetime
    manifest: bytes
    signature: bytes
    files: dict[str, bytes]  # zip member name -> content, every one covered by the manifest

    def __repr__(self) -> str:
        return f"FormPack({self.path.name!r}, year={self.year}, version={self.version!r})"


@dataclass(frozen=True)
class InstallResult:
    pack: FormPack
    directory: Path  # <forms root>/<year>
    replaced: str | None  # the version of the pack it replaced, if any

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        forms = ", ".join(f"{f.form_id} ({f.version})" for f in self.pack.forms)
        key = "installed" if self.replaced is None else "replaced"
        return tr(_TEXT[key], lang).format(
            year=self.pack.year, version=self.pack.version, forms=forms,
            old=self.replaced, directory=self.directory,
        )


# --- the publisher ------------------------------------------------------------------


def publisher_dir() -> Path:
    return resources_dir() / "publisher"


def load_certificates(path: Path) -> list[x509.Certificate]:
    """Every PEM certificate in a file, or in the *.pem/*.crt files of a folder."""
    path = Path(path)
    files = sorted(p for p in path.iterdir() if p.suffix in (".pem", ".crt")) if path.is_dir() \
        else [path]
    certificates: list[x509.Certificate] = []
    for file in files:
        try:
            certificates += x509.load_pem_x509_certificates(file.read_bytes())
        except (OSError, ValueError) as exc:
            raise FormPackError("no_publisher", path=str(file), detail=str(exc)) from None
    if not certificates:
        raise FormPackError("no_publisher", path=str(path), detail=("no_certificate",))
    return certificates


def publisher_certificates() -> list[x509.Certificate]:
    """The certificates form packs must be signed by: KOSTRA_PUBLISHER_CERT when set,
    otherwise those shipped in resources/publisher/."""
    override = os.environ.get(ENV_PUBLISHER_CERT)
    return load_certificates(Path(override) if override else publisher_dir())


# --- reading and checking a pack ----------------------------------------------------


def read_pack(
    path: Path,
    publishers: Sequence[x509.Certificate] | None = None,
    *,
    now: dt.datetime | None = None,
) -> FormPack:
    """Open `path` and check that the publisher signed it and that nothing in it changed
    since. Raises FormPackError; loads no form (install_pack does)."""
    path = Path(path)
    publishers = list(publishers) if publishers is not None else publisher_certificates()
    shown = path.name
    entries = _read_zip(path, shown)

    manifest_bytes = entries.pop(MANIFEST, None)
    if manifest_bytes is None:
        raise FormPackError("not_pack", file=shown, detail=("missing_file", MANIFEST))
    signature = entries.pop(SIGNATURE, None)
    if signature is None:
        raise FormPackError("unsigned", file=shown)

    info = _check_signature(signature, manifest_bytes, publishers, shown, now)
    certificate = info.certificate
    manifest = _parse_manifest(manifest_bytes, shown)
    year = manifest["year"]
    listed: dict[str, str] = manifest["files"]
    for name, content in entries.items():
        expected = listed.get(name)
        if expected is None:
            raise FormPackError("tampered", file=shown, detail=("not_listed", name))
        if hashlib.sha256(content).hexdigest() != expected:
            raise FormPackError("tampered", file=shown, detail=("changed", name))
    for name in listed:
        _check_member_name(name, year, shown)
        if name not in entries:
            raise FormPackError("tampered", file=shown, detail=("missing_file", name))

    forms = []
    for form_id, version in sorted(manifest["forms"].items()):
        meta_name = f"forms/{year}/{form_id}/form.json"
        if meta_name not in entries:
            raise FormPackError("not_pack", file=shown, detail=("missing_file", meta_name))
        try:
            meta = json.loads(entries[meta_name])
            title, meta_version = meta["title"], str(meta["version"])
        except (ValueError, KeyError, TypeError):
            raise FormPackError("broken_form", file=shown, form=form_id, year=year,
                                problem=("unreadable", meta_name)) from None
        if meta_version != version:
            raise FormPackError("not_pack", file=shown,
                                detail=("version_differs", meta_name, meta_version, version))
        forms.append(PackForm(form_id, version, title))
    in_files = {name.split("/")[2] for name in listed}
    if in_files != set(manifest["forms"]):
        raise FormPackError("not_pack", file=shown, detail=("forms_differ",))
    return FormPack(
        path=path,
        year=year,
        version=manifest["version"],
        forms=tuple(forms),
        signer=certificate.subject.rfc4514_string(),
        signed_at=info.signing_time,
        manifest=manifest_bytes,
        signature=signature,
        files=entries,
    )


def _check_signature(
    signature: bytes,
    manifest: bytes,
    publishers: Sequence[x509.Certificate],
    shown: str,
    now: dt.datetime | None,
) -> SignatureInfo:
    from client.core.submission.cms import SignatureInvalid, verify_detached

    try:
        info = verify_detached(signature, manifest)
    except SignatureInvalid as exc:
        raise FormPackError("tampered", file=shown, detail=f"{SIGNATURE}: {exc.reason}") from None
    certificate = info.certificate
    signer_der = certificate.public_bytes(serialization.Encoding.DER)
    if not any(c.public_bytes(serialization.Encoding.DER) == signer_der for c in publishers):
        raise FormPackError("wrong_signer", file=shown, signer=certificate.subject.rfc4514_string())
    if not certificate.not_valid_before_utc <= info.signing_time <= certificate.not_valid_after_utc:
        raise FormPackError(
            "signed_outside", file=shown, signed=info.signing_time.strftime("%d.%m.%Y"),
            until=certificate.not_valid_after_utc.strftime("%d.%m.%Y"),
        )
    now = now or dt.datetime.now(dt.UTC)
    if info.signing_time > now + dt.timedelta(days=1):
        raise FormPackError("tampered", file=shown, detail=("future",))
    return info


def _read_zip(path: Path, shown: str) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise FormPackError("missing", file=str(path)) from None
    except (OSError, zipfile.BadZipFile) as exc:
        raise FormPackError("not_pack", file=shown, detail=str(exc)) from None
    entries: dict[str, bytes] = {}
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_PACK_BYTES:
            raise FormPackError("not_pack", file=shown, detail=("too_big",))
        for info in infos:
            if info.is_dir():
                continue
            if info.filename in entries:
                raise FormPackError("tampered", file=shown, detail=("twice", info.filename))
            try:
                with archive.open(info) as member:
                    data = member.read(MAX_PACK_BYTES + 1)
            except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError) as exc:
                # RuntimeError: an encrypted member; BadZipFile: a bad CRC, i.e. changed bytes.
                raise FormPackError("tampered", file=shown,
                                    detail=f"{info.filename}: {exc}") from None
            if len(data) != info.file_size:
                raise FormPackError("tampered", file=shown, detail=info.filename)
            entries[info.filename] = data
    return entries


def _check_member_name(name: str, year: int, shown: str) -> None:
    parts = name.split("/")
    if (
        len(parts) != 4
        or parts[:2] != ["forms", str(year)]
        or not _FORM_ID.fullmatch(parts[2])
        or parts[3] not in FORM_FILES
    ):
        raise FormPackError("not_pack", file=shown, detail=("unexpected", name))


def _parse_manifest(data: bytes, shown: str) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise FormPackError("not_pack", file=shown, detail=f"{MANIFEST}: {exc}") from None
    problem = None
    if not isinstance(manifest, dict) or manifest.get("format") != PACK_FORMAT:
        problem = "format"
    elif manifest.get("formatVersion") != PACK_FORMAT_VERSION:
        raise FormPackError("format_version", file=shown, found=manifest.get("formatVersion"))
    elif not isinstance(manifest.get("year"), int) or not 2000 <= manifest["year"] <= 2100:
        problem = "year"
    elif not (isinstance(manifest.get("version"), str) and _VERSION.fullmatch(manifest["version"])):
        problem = "version"
    elif not isinstance(manifest.get("forms"), dict) or not manifest["forms"] or not all(
        _FORM_ID.fullmatch(k) and isinstance(v, str) and _VERSION.fullmatch(v)
        for k, v in manifest["forms"].items()
    ):
        problem = "forms"
    elif not isinstance(manifest.get("files"), dict) or not all(
        isinstance(v, str) and re.fullmatch(r"[0-9a-f]{64}", v) for v in manifest["files"].values()
    ):
        problem = "files"
    if problem is not None:
        raise FormPackError("not_pack", file=shown, detail=("manifest_field", problem))
    return manifest


# --- installing ---------------------------------------------------------------------


def installed_pack_version(forms_root: Path, year: int) -> str | None:
    """The version of the pack installed for `year` under `forms_root`, if any."""
    try:
        manifest = json.loads((Path(forms_root) / str(year) / MANIFEST).read_bytes())
        return str(manifest["version"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def install_pack(
    path: Path,
    *,
    forms_root: Path | None = None,
    bundled_root: Path | None = None,
    publishers: Sequence[x509.Certificate] | None = None,
    now: dt.datetime | None = None,
) -> InstallResult:
    """Check the pack at `path` and install its year into `forms_root` (default: the user's
    forms folder). Raises FormPackError, leaving every installed form as it was, when the
    pack is unsigned, changed, signed by someone else, broken, or not newer than what is
    installed for its year."""
    pack = read_pack(path, publishers, now=now)
    forms_root = Path(forms_root) if forms_root is not None else user_forms_dir()
    bundled_root = Path(bundled_root) if bundled_root is not None else bundled_forms_dir()
    shown = pack.path.name
    replaced = _check_newer(pack, forms_root, bundled_root, shown)

    try:
        forms_root.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(forms_root)
        staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=forms_root))
    except OSError as exc:
        raise FormPackError("write_failed", file=shown, path=str(forms_root),
                            problem=exc.strerror or str(exc)) from None
    target = forms_root / str(pack.year)
    try:
        new_year = staging / str(pack.year)
        for name, content in pack.files.items():
            file = staging / name.removeprefix("forms/")
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(content)
        (new_year / MANIFEST).write_bytes(pack.manifest)
        (new_year / SIGNATURE).write_bytes(pack.signature)
        for form in pack.forms:
            try:
                load_form(new_year / form.form_id)
            except UserError as exc:
                problem = exc.message(DEFAULT_LANGUAGE).replace(str(new_year), f"forms/{pack.year}")
                raise FormPackError("broken_form", file=shown, form=form.form_id, year=pack.year,
                                    problem=problem) from None
        swap_into_place(new_year, target, staging)
    except OSError as exc:
        raise FormPackError("write_failed", file=shown, path=str(target),
                            problem=exc.strerror or str(exc)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return InstallResult(pack, target, replaced)


def _check_newer(pack: FormPack, forms_root: Path, bundled_root: Path, shown: str) -> str | None:
    """Refuse a pack that is not newer than what is installed for its year; return the
    version of the installed pack it will replace."""
    installed = installed_pack_version(forms_root, pack.year)
    if installed is not None and version_key(pack.version) <= version_key(installed):
        reason = "same" if version_key(pack.version) == version_key(installed) else "older"
        raise FormPackError(reason, file=shown, year=pack.year, version=pack.version,
                            installed=installed)
    # A pack replaces its year's folder whole: it must not drop a form the one before
    # it brought (that form would fall back to an older bundled one, or vanish).
    in_pack = {f.form_id for f in pack.forms}
    year_dir = forms_root / str(pack.year)
    if installed is not None:
        for old in sorted(p.name for p in year_dir.iterdir() if (p / "form.json").is_file()):
            if old not in in_pack:
                raise FormPackError("drops_form", file=shown, form=old, year=pack.year)
    current = {
        item.form_id: item.directory
        for item in FormCatalog([bundled_root, forms_root]).forms_for_year(pack.year)
    }
    anything_new = False
    for form in pack.forms:
        directory = current.get(form.form_id)
        if directory is None:
            anything_new = True
            continue
        try:
            have = str(json.loads((directory / "form.json").read_bytes())["version"])
        except (OSError, ValueError, KeyError, TypeError):
            anything_new = True  # a broken installed form: the pack mends it
            continue
        if version_key(form.version) < version_key(have):
            raise FormPackError("form_older", file=shown, form=form.form_id, year=pack.year,
                                version=form.version, installed=have)
        anything_new = anything_new or version_key(form.version) > version_key(have)
    if not anything_new:
        raise FormPackError("same", file=shown, year=pack.year, version=pack.version,
                            installed=installed or pack.version)
    return installed


def swap_into_place(
    new_year: Path, target: Path, staging: Path, *, replace: Replace = os.replace
) -> None:
    """Rename the checked year into place; the old year is moved aside first and removed
    only once the new one is in place, or moved back if that fails. Each rename is
    retried briefly while it fails with a permission error: on Windows a folder cannot
    be renamed while a virus scanner or the indexer holds a file in it open. `replace`
    is os.replace (tests give one that fails as a held file does)."""
    if not target.exists():
        replace_with_retry(new_year, target, replace=replace)
        return
    old = staging / "old"
    replace_with_retry(target, old, replace=replace)  # fails: nothing has moved
    try:
        replace_with_retry(new_year, target, replace=replace)
    except OSError:
        replace_with_retry(old, target, replace=replace)
        raise


def _remove_leftovers(forms_root: Path) -> None:
    """Staging folders of an install that was interrupted (power cut, killed process)."""
    for leftover in forms_root.glob(_STAGING_PREFIX + "*"):
        if leftover.is_dir():
            age = dt.datetime.now().timestamp() - leftover.stat().st_mtime
            if age > 3600:  # not another install running now
                shutil.rmtree(leftover, ignore_errors=True)


# --- making a pack (the publisher's side; tools/make_formpack.py) ---------------------


def build_pack(
    year_dir: Path,
    certificate: x509.Certificate,
    key: Any,
    *,
    version: str | None = None,
    signing_time: dt.datetime | None = None,
) -> bytes:
    """A signed pack of every form in `year_dir` (forms/<year>/). Every form must load.
    `version` defaults to the highest version among the forms."""
    from client.core.submission.cms import sign_detached

    year_dir = Path(year_dir)
    year = int(year_dir.name)
    form_dirs = sorted(d for d in year_dir.iterdir() if (d / "form.json").is_file())
    if not form_dirs:
        raise ValueError(f"no forms in {year_dir}")
    files: dict[str, bytes] = {}
    forms: dict[str, str] = {}
    for form_dir in form_dirs:
        form = load_form(form_dir)
        forms[form.form_id] = form.version
        for name in FORM_FILES:
            if (form_dir / name).is_file():
                files[f"forms/{year}/{form.form_id}/{name}"] = (form_dir / name).read_bytes()
    version = version or max(forms.values(), key=version_key)
    if not _VERSION.fullmatch(version):
        raise ValueError(f"bad version {version!r}")
    when = (signing_time or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    manifest = json.dumps(
        {
            "format": PACK_FORMAT,
            "formatVersion": PACK_FORMAT_VERSION,
            "year": year,
            "version": version,
            "created": when.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
            "forms": forms,
            "files": {name: hashlib.sha256(data).hexdigest()
                      for name, data in sorted(files.items())},
        },
        ensure_ascii=False,
        indent=1,
    ).encode("utf-8") + b"\n"
    signature = sign_detached(manifest, certificate, key, when)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest)
        archive.writestr(SIGNATURE, signature)
        for name, data in sorted(files.items()):
            archive.writestr(name, data)
    return buffer.getvalue()


def pack_name(year: int, version: str) -> str:
    return f"kostra-skjema-{year}-{version}.zip"


_TEXT: dict[str, Text] = {
    "missing": {
        "nb": "Finner ikke filen {file}. Sjekk navnet og mappen.",
        "nn": "Finn ikkje fila {file}. Sjekk namnet og mappa.",
        "en": "Cannot find the file {file}. Check the name and the folder.",
    },
    "not_pack": {
        "nb": "{file} er ikke en gyldig skjemapakke ({detail}). Ingenting er endret; "
        "last ned pakken på nytt fra utgiveren.",
        "nn": "{file} er ikkje ei gyldig skjemapakke ({detail}). Ingenting er endra; "
        "last ned pakka på nytt frå utgivaren.",
        "en": "{file} is not a valid form pack ({detail}). Nothing was changed; "
        "download the pack again from the publisher.",
    },
    "format_version": {
        "nb": "Skjemapakken {file} er laget for en nyere KOSTRA-klient (format {found}). "
        "Ingenting er endret; oppdater KOSTRA-klienten først.",
        "nn": "Skjemapakka {file} er laga for ein nyare KOSTRA-klient (format {found}). "
        "Ingenting er endra; oppdater KOSTRA-klienten først.",
        "en": "The form pack {file} is made for a newer KOSTRA client (format {found}). "
        "Nothing was changed; update KOSTRA-klienten first.",
    },
    "unsigned": {
        "nb": "Skjemapakken {file} er ikke signert, og blir ikke installert. Ingenting er "
        "endret; bruk bare skjemapakker fra utgiveren av KOSTRA-klienten.",
        "nn": "Skjemapakka {file} er ikkje signert, og blir ikkje installert. Ingenting er "
        "endra; bruk berre skjemapakker frå utgivaren av KOSTRA-klienten.",
        "en": "The form pack {file} is not signed and will not be installed. Nothing was "
        "changed; use only form packs from the publisher of KOSTRA-klienten.",
    },
    "tampered": {
        "nb": "Skjemapakken {file} er endret eller skadet etter at den ble signert ({detail}), "
        "og blir ikke installert. Ingenting er endret; last ned pakken på nytt.",
        "nn": "Skjemapakka {file} er endra eller skadd etter at ho vart signert ({detail}), "
        "og blir ikkje installert. Ingenting er endra; last ned pakka på nytt.",
        "en": "The form pack {file} has been changed or damaged since it was signed "
        "({detail}) and will not be installed. Nothing was changed; download it again.",
    },
    "wrong_signer": {
        "nb": "Skjemapakken {file} er signert av «{signer}», ikke av utgiveren av "
        "KOSTRA-klienten, og blir ikke installert. Ingenting er endret.",
        "nn": "Skjemapakka {file} er signert av «{signer}», ikkje av utgivaren av "
        "KOSTRA-klienten, og blir ikkje installert. Ingenting er endra.",
        "en": "The form pack {file} is signed by «{signer}», not by the publisher of "
        "KOSTRA-klienten, and will not be installed. Nothing was changed.",
    },
    "signed_outside": {
        "nb": "Skjemapakken {file} er signert {signed}, utenfor gyldighetstiden til "
        "utgiverens sertifikat (til {until}). Den blir ikke installert; ingenting er endret.",
        "nn": "Skjemapakka {file} er signert {signed}, utanfor gyldigheitstida til "
        "utgivaren sitt sertifikat (til {until}). Ho blir ikkje installert; ingenting er endra.",
        "en": "The form pack {file} was signed on {signed}, outside the validity of the "
        "publisher's certificate (until {until}). It will not be installed; nothing was changed.",
    },
    "older": {
        "nb": "Skjemapakken {file} har versjon {version} for {year}, men den nyere versjonen "
        "{installed} er allerede installert. Ingenting er endret.",
        "nn": "Skjemapakka {file} har versjon {version} for {year}, men den nyare versjonen "
        "{installed} er alt installert. Ingenting er endra.",
        "en": "The form pack {file} has version {version} for {year}, but the newer version "
        "{installed} is already installed. Nothing was changed.",
    },
    "same": {
        "nb": "Skjemaene for {year} i versjon {installed} er allerede installert; skjemapakken "
        "{file} (versjon {version}) har ikke noe nyere. Ingenting er endret.",
        "nn": "Skjemaa for {year} i versjon {installed} er alt installerte; skjemapakka "
        "{file} (versjon {version}) har ikkje noko nyare. Ingenting er endra.",
        "en": "The forms for {year} in version {installed} are already installed; the form "
        "pack {file} (version {version}) has nothing newer. Nothing was changed.",
    },
    "form_older": {
        "nb": "Skjemapakken {file} har skjema {form} for {year} i versjon {version}, eldre enn "
        "den installerte versjonen {installed}. Ingenting er endret.",
        "nn": "Skjemapakka {file} har skjema {form} for {year} i versjon {version}, eldre enn "
        "den installerte versjonen {installed}. Ingenting er endra.",
        "en": "The form pack {file} has form {form} for {year} in version {version}, older "
        "than the installed version {installed}. Nothing was changed.",
    },
    "drops_form": {
        "nb": "Skjemapakken {file} mangler skjema {form} for {year}, som en tidligere "
        "skjemapakke installerte. Ingenting er endret; be utgiveren om en hel pakke for {year}.",
        "nn": "Skjemapakka {file} manglar skjema {form} for {year}, som ei tidlegare "
        "skjemapakke installerte. Ingenting er endra; be utgivaren om ei heil pakke for {year}.",
        "en": "The form pack {file} lacks form {form} for {year}, which an earlier pack "
        "installed. Nothing was changed; ask the publisher for a complete pack for {year}.",
    },
    "broken_form": {
        "nb": "Skjema {form} for {year} i skjemapakken {file} kan ikke lastes: {problem} "
        "Ingenting er endret; meld feilen til utgiveren.",
        "nn": "Skjema {form} for {year} i skjemapakka {file} kan ikkje lastast: {problem} "
        "Ingenting er endra; meld feilen til utgivaren.",
        "en": "Form {form} for {year} in the form pack {file} cannot be loaded: {problem} "
        "Nothing was changed; report it to the publisher.",
    },
    "no_publisher": {
        "nb": "Utgiverens sertifikat ({path}) kan ikke leses ({detail}), så skjemapakker kan "
        "ikke kontrolleres. Installer KOSTRA-klienten på nytt.",
        "nn": "Sertifikatet til utgivaren ({path}) kan ikkje lesast ({detail}), så skjemapakker "
        "kan ikkje kontrollerast. Installer KOSTRA-klienten på nytt.",
        "en": "The publisher's certificate ({path}) cannot be read ({detail}), so form packs "
        "cannot be checked. Reinstall KOSTRA-klienten.",
    },
    "write_failed": {
        "nb": "Kunne ikke installere skjemapakken {file} i {path}: {problem}. Ingenting er "
        "endret; sjekk at du har skrivetilgang og at disken ikke er full.",
        "nn": "Kunne ikkje installere skjemapakka {file} i {path}: {problem}. Ingenting er "
        "endra; sjekk at du har skrivetilgang og at disken ikkje er full.",
        "en": "Could not install the form pack {file} in {path}: {problem}. Nothing was "
        "changed; check that you may write there and that the disk is not full.",
    },
    "installed": {
        "nb": "Skjemaene for {year} (versjon {version}) er installert: {forms}.",
        "nn": "Skjemaa for {year} (versjon {version}) er installerte: {forms}.",
        "en": "The forms for {year} (version {version}) are installed: {forms}.",
    },
    "replaced": {
        "nb": "Skjemaene for {year} er oppdatert fra versjon {old} til {version}: {forms}.",
        "nn": "Skjemaa for {year} er oppdaterte frå versjon {old} til {version}: {forms}.",
        "en": "The forms for {year} are updated from version {old} to {version}: {forms}.",
    },
}

_DETAIL: dict[str, Text] = {
    "missing_file": {"nb": "{0} mangler", "nn": "{0} manglar", "en": "{0} is missing"},
    "changed": {"nb": "{0} er endret", "nn": "{0} er endra", "en": "{0} has been changed"},
    "not_listed": {"nb": "{0} er ikke dekket av signaturen", "nn": "{0} er ikkje dekt av "
                   "signaturen", "en": "{0} is not covered by the signature"},
    "twice": {"nb": "{0} finnes to ganger", "nn": "{0} finst to gonger", "en": "{0} occurs twice"},
    "unexpected": {"nb": "uventet fil {0}", "nn": "uventa fil {0}", "en": "unexpected file {0}"},
    "unreadable": {"nb": "{0} kan ikke leses.", "nn": "{0} kan ikkje lesast.",
                   "en": "{0} cannot be read."},
    "version_differs": {"nb": "{0} har versjon {1}, pack.json sier {2}",
                        "nn": "{0} har versjon {1}, pack.json seier {2}",
                        "en": "{0} has version {1}, pack.json says {2}"},
    "forms_differ": {"nb": "skjemaene i pack.json og filene stemmer ikke overens",
                     "nn": "skjemaa i pack.json og filene stemmer ikkje overeins",
                     "en": "the forms in pack.json and the files do not match"},
    "too_big": {"nb": "for stor", "nn": "for stor", "en": "too large"},
    "future": {"nb": "signeringstiden er fram i tid", "nn": "signeringstida er fram i tid",
               "en": "the signing time is in the future"},
    "manifest_field": {"nb": "pack.json: {0} mangler eller er ugyldig",
                       "nn": "pack.json: {0} manglar eller er ugyldig",
                       "en": "pack.json: {0} is missing or invalid"},
    "no_certificate": {"nb": "ingen sertifikater", "nn": "ingen sertifikat",
                       "en": "no certificates"},
}
