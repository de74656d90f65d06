"""The ASiC-E container (ETSI EN 319 162-1): a zip whose first entry is an uncompressed
`mimetype`, data files at the top level, `META-INF/ASiCManifest.xml` with a SHA-256
digest of every data file, and `META-INF/signature.p7s` signing the manifest.

The zip is written by hand, every entry stored (not compressed) with fixed header
values, and read back by a strict parser that checks every header byte against
the central directory, so that any changed byte of a container is noticed:
data bytes by the manifest digests, headers by the cross-check. Encrypted data
would not compress anyway, and SSB's files are a few megabytes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET
from xml.sax.saxutils import quoteattr

MIMETYPE = "application/vnd.etsi.asic-e+zip"
MANIFEST = "META-INF/ASiCManifest.xml"
SIGNATURE = "META-INF/signature.p7s"
ASIC_NS = "http://uri.etsi.org/02918/v1.2.1#"
DS_NS = "http://www.w3.org/2000/09/xmldsig#"
KOSTRA_NS = "urn:kostra-klienten:submission:1"
SHA256_URI = "http://www.w3.org/2001/04/xmlenc#sha256"
AES256_CBC_URI = "http://www.w3.org/2001/04/xmlenc#aes256-cbc"

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_LOCAL_SIG, _CENTRAL_SIG, _END_SIG = 0x04034B50, 0x02014B50, 0x06054B50
_VERSION = 10  # stored entries need zip 1.0
_MADE_BY = 20  # MS-DOS attributes, zip 2.0: the same on every platform
_SAFE_NAME = re.compile(r"(META-INF/)?[A-Za-z0-9][A-Za-z0-9._-]{0,120}")


class ContainerDamaged(Exception):
    """The bytes are not a container as this client writes them. `name` is the entry
    concerned, if any; `reason` is a key of verify.REASONS."""

    def __init__(self, reason: str, name: str | None = None, detail: str = "") -> None:
        self.reason = reason
        self.name = name
        self.detail = detail
        super().__init__(f"{reason} {name or ''} {detail}".strip())


# --- Zip -------------------------------------------------------------------------


def _dos_time(when: dt.datetime) -> tuple[int, int]:
    time = (when.hour << 11) | (when.minute << 5) | (when.second // 2)
    date = ((max(when.year, 1980) - 1980) << 9) | (when.month << 5) | when.day
    return time, date


def write_zip(entries: Sequence[tuple[str, bytes]], when: dt.datetime) -> bytes:
    """A zip of stored entries in the given order, no extra fields, no comments."""
    time, date = _dos_time(when)
    parts: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in entries:
        encoded = name.encode("ascii")
        crc = zlib.crc32(data)
        local = _LOCAL.pack(
            _LOCAL_SIG, _VERSION, 0, 0, time, date, crc, len(data), len(data), len(encoded), 0
        )
        central.append(
            _CENTRAL.pack(
                _CENTRAL_SIG,
                _MADE_BY,
                _VERSION,
                0,
                0,
                time,
                date,
                crc,
                len(data),
                len(data),
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
        parts += [local, encoded, data]
        offset += len(local) + len(encoded) + len(data)
    directory = b"".join(central)
    end = _END.pack(_END_SIG, 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return b"".join(parts) + directory + end


@dataclass(frozen=True)
class ZipEntry:
    name: str
    data: bytes
    crc_ok: bool  # False: the bytes changed since the zip was written


def read_zip(blob: bytes) -> list[ZipEntry]:
    """The entries of a zip written by write_zip, in order. Raises ContainerDamaged when
    any header byte disagrees with what write_zip writes or with the central directory,
    or when the entries do not exactly tile the file. Changed contents are reported
    per entry (`crc_ok`), so the caller can still say who signed."""
    if len(blob) < _END.size:
        raise ContainerDamaged("not_zip")
    end_at = len(blob) - _END.size
    (sig, disk, cd_disk, count_here, count, cd_size, cd_offset, comment) = _END.unpack_from(
        blob, end_at
    )
    if sig != _END_SIG:
        raise ContainerDamaged("not_zip")
    if (disk, cd_disk, comment) != (0, 0, 0) or count_here != count:
        raise ContainerDamaged("zip_structure", None, "end record")
    if cd_offset + cd_size != end_at:
        raise ContainerDamaged("zip_structure", None, "central directory size or offset")
    entries: list[ZipEntry] = []
    position = cd_offset
    expected_offset = 0
    seen: set[str] = set()
    for _ in range(count):
        if position + _CENTRAL.size > end_at:
            raise ContainerDamaged("zip_structure", None, "central directory")
        fields = _CENTRAL.unpack_from(blob, position)
        (
            sig,
            made_by,
            version,
            flags,
            method,
            time,
            date,
            crc,
            csize,
            usize,
            name_len,
            extra_len,
            comment_len,
            disk_start,
            internal,
            external,
            offset,
        ) = fields
        name_bytes = blob[position + _CENTRAL.size : position + _CENTRAL.size + name_len]
        position += _CENTRAL.size + name_len
        name = _entry_name(name_bytes)
        if (sig, made_by, version, flags, method) != (_CENTRAL_SIG, _MADE_BY, _VERSION, 0, 0):
            raise ContainerDamaged("zip_structure", name, "central header")
        if (extra_len, comment_len, disk_start, internal, external) != (0, 0, 0, 0, 0):
            raise ContainerDamaged("zip_structure", name, "central header")
        if csize != usize or offset != expected_offset or name in seen:
            raise ContainerDamaged("zip_structure", name, "central header")
        seen.add(name)
        local = _LOCAL.unpack_from(blob, offset) if offset + _LOCAL.size <= cd_offset else None
        if local != (_LOCAL_SIG, _VERSION, 0, 0, time, date, crc, csize, usize, name_len, 0):
            raise ContainerDamaged("zip_structure", name, "local header")
        start = offset + _LOCAL.size
        if blob[start : start + name_len] != name_bytes:
            raise ContainerDamaged("zip_structure", name, "local header")
        data = blob[start + name_len : start + name_len + csize]
        if len(data) != csize or start + name_len + csize > cd_offset:
            raise ContainerDamaged("zip_structure", name, "entry size")
        entries.append(ZipEntry(name, data, zlib.crc32(data) == crc))
        expected_offset = start + name_len + csize
    if position != end_at or expected_offset != cd_offset:
        raise ContainerDamaged("zip_structure", None, "gaps between entries")
    return entries


def _entry_name(raw: bytes) -> str:
    try:
        name = raw.decode("ascii")
    except UnicodeDecodeError:
        raise ContainerDamaged("zip_structure", None, "file name") from None
    if name != "mimetype" and not _SAFE_NAME.fullmatch(name):
        raise ContainerDamaged("zip_structure", None, "file name")
    return name


# --- Manifest -------------------------------------------------------------------


@dataclass(frozen=True)
class DataObject:
    name: str
    mime_type: str
    sha256: bytes

    @classmethod
    def of(cls, name: str, mime_type: str, data: bytes) -> DataObject:
        return cls(name, mime_type, hashlib.sha256(data).digest())


@dataclass(frozen=True)
class Encryption:
    """Which certificate the data files are encrypted to, for the manifest and receipt."""

    recipient: str  # subject, RFC 4514
    certificate_sha256: str  # hex
    algorithm: str = AES256_CBC_URI


@dataclass(frozen=True)
class Manifest:
    objects: tuple[DataObject, ...]
    # Non-personal facts about the submission, signed with the manifest: what verify shows.
    facts: dict[str, str] = field(default_factory=dict)
    encryption: Encryption | None = None

    def to_xml(self) -> bytes:
        lines = [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
            f'<asic:ASiCManifest xmlns:asic="{ASIC_NS}" xmlns:ds="{DS_NS}">',
            f' <asic:SigReference URI="{SIGNATURE}" MimeType="application/pkcs7-signature"/>',
        ]
        for obj in self.objects:
            lines += [
                f" <asic:DataObjectReference URI={quoteattr(obj.name)} "
                f"MimeType={quoteattr(obj.mime_type)}>",
                f'  <ds:DigestMethod Algorithm="{SHA256_URI}"/>',
                f"  <ds:DigestValue>{base64.b64encode(obj.sha256).decode()}</ds:DigestValue>",
                " </asic:DataObjectReference>",
            ]
        lines += [
            " <asic:ASiCManifestExtensions>",
            '  <asic:Extension Critical="false">',
            f'   <k:Submission xmlns:k="{KOSTRA_NS}"'
            + "".join(f" {k}={quoteattr(v)}" for k, v in self.facts.items())
            + (">" if self.encryption else "/>"),
        ]
        if self.encryption:
            lines += [
                f"    <k:Encrypted recipient={quoteattr(self.encryption.recipient)} "
                f"certificateSha256={quoteattr(self.encryption.certificate_sha256)} "
                f"algorithm={quoteattr(self.encryption.algorithm)}/>",
                "   </k:Submission>",
            ]
        lines += ["  </asic:Extension>", " </asic:ASiCManifestExtensions>", "</asic:ASiCManifest>"]
        return ("\n".join(lines) + "\n").encode("utf-8")

    @classmethod
    def from_xml(cls, data: bytes) -> Manifest:
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise ContainerDamaged("manifest", MANIFEST, "DOCTYPE")
        try:
            root = ET.fromstring(data)
        except (ET.ParseError, LookupError, ValueError) as exc:  # LookupError: encoding name
            raise ContainerDamaged("manifest", MANIFEST, type(exc).__name__) from None
        if root.tag != f"{{{ASIC_NS}}}ASiCManifest":
            raise ContainerDamaged("manifest", MANIFEST, "root element")
        refs = root.findall(f"{{{ASIC_NS}}}SigReference")
        if len(refs) != 1 or refs[0].get("URI") != SIGNATURE:
            raise ContainerDamaged("manifest", MANIFEST, "SigReference")
        objects = []
        for element in root.findall(f"{{{ASIC_NS}}}DataObjectReference"):
            method = element.find(f"{{{DS_NS}}}DigestMethod")
            value = element.find(f"{{{DS_NS}}}DigestValue")
            if method is None or method.get("Algorithm") != SHA256_URI or value is None:
                raise ContainerDamaged("manifest", MANIFEST, "digest method")
            try:
                digest = base64.b64decode(value.text or "", validate=True)
            except ValueError:
                raise ContainerDamaged("manifest", MANIFEST, "digest value") from None
            name = element.get("URI") or ""
            if len(digest) != 32 or not name:
                raise ContainerDamaged("manifest", MANIFEST, "digest value")
            objects.append(DataObject(name, element.get("MimeType") or "", digest))
        facts: dict[str, str] = {}
        encryption = None
        submission = root.find(
            f"{{{ASIC_NS}}}ASiCManifestExtensions/{{{ASIC_NS}}}Extension/{{{KOSTRA_NS}}}Submission"
        )
        if submission is not None:
            facts = dict(submission.attrib)
            encrypted = submission.find(f"{{{KOSTRA_NS}}}Encrypted")
            if encrypted is not None:
                encryption = Encryption(
                    encrypted.get("recipient", ""),
                    encrypted.get("certificateSha256", ""),
                    encrypted.get("algorithm", ""),
                )
        return cls(tuple(objects), facts, encryption)


def build_container(
    data_files: Sequence[tuple[str, str, bytes]],
    manifest_xml: bytes,
    signature: bytes,
    when: dt.datetime,
) -> bytes:
    """The container bytes: mimetype first, then the data files, manifest and signature."""
    entries = [("mimetype", MIMETYPE.encode("ascii"))]
    entries += [(name, data) for name, _mime, data in data_files]
    entries += [(MANIFEST, manifest_xml), (SIGNATURE, signature)]
    return write_zip(entries, when)
