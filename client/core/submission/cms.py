"""CMS (RFC 5652): the detached CAdES-BES signature of the manifest, and EnvelopedData
encryption of data files to SSB's certificate.

cryptography's PKCS7SignatureBuilder cannot add the signing-certificate-v2
attribute that CAdES-BES requires, so the SignedData is assembled with asn1crypto
and only the signature itself is made by cryptography. Encryption uses
cryptography's PKCS7EnvelopeBuilder, which can choose AES-256-CBC.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import algos, cms, core, tsp
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

# tsp registers signing_certificate_v2 with asn1crypto's CMS attribute table.
assert tsp.SigningCertificateV2 is not None

SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


class SignatureInvalid(Exception):
    """The signature does not hold. `reason` is a key of verify.REASONS."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


@dataclass(frozen=True)
class SignatureInfo:
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    signing_time: dt.datetime


def _der(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.DER)


def _signing_time(when: dt.datetime) -> cms.Time:
    when = when.astimezone(dt.UTC).replace(microsecond=0)
    # RFC 5652 11.3: UTCTime for 1950-2049, GeneralizedTime otherwise.
    if 1950 <= when.year < 2050:
        return cms.Time({"utc_time": when})
    return cms.Time({"generalized_time": when})


def _signature_algorithm_of(certificate: x509.Certificate) -> str:
    return (
        "sha256_rsa" if isinstance(certificate.public_key(), rsa.RSAPublicKey) else "sha256_ecdsa"
    )


def _signature_algorithm(key: SigningKey) -> str:
    if isinstance(key, rsa.RSAPrivateKey):
        return "sha256_rsa"
    return "sha256_ecdsa"


def sign_detached(
    content: bytes,
    certificate: x509.Certificate,
    key: SigningKey,
    signing_time: dt.datetime,
    chain: Sequence[x509.Certificate] = (),
) -> bytes:
    """A DER-encoded, detached CAdES-BES SignedData over `content`, certificate included."""
    cert_der = _der(certificate)
    acert = ax509.Certificate.load(cert_der)
    ess_cert_id = tsp.ESSCertIDv2(
        {
            # SHA-256 is the DEFAULT of hashAlgorithm, which DER leaves out.
            "cert_hash": hashlib.sha256(cert_der).digest(),
            "issuer_serial": {
                "issuer": [ax509.GeneralName(name="directory_name", value=acert.issuer)],
                "serial_number": acert.serial_number,
            },
        }
    )
    attributes = [
        cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
        cms.CMSAttribute({"type": "signing_time", "values": [_signing_time(signing_time)]}),
        cms.CMSAttribute({"type": "message_digest", "values": [hashlib.sha256(content).digest()]}),
        cms.CMSAttribute(
            {
                "type": "signing_certificate_v2",
                "values": [tsp.SigningCertificateV2({"certs": [ess_cert_id]})],
            }
        ),
    ]
    # DER orders a SET OF by the encodings of its members.
    attributes.sort(key=lambda a: a.dump())
    signed_attrs = cms.CMSAttributes(attributes)
    to_sign = signed_attrs.dump()  # the universal SET tag, as RFC 5652 5.4 says to sign
    if isinstance(key, rsa.RSAPrivateKey):
        signature = key.sign(to_sign, padding.PKCS1v15(), hashes.SHA256())
    else:
        signature = key.sign(to_sign, ec.ECDSA(hashes.SHA256()))
    certificates = [cert_der] + [_der(c) for c in chain]
    return _assemble(
        certificates,
        acert.issuer.dump(),
        acert.serial_number,
        to_sign,
        _signature_algorithm(key),
        signature,
    )


def _der_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    octets = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(octets)]) + octets


def _tlv(tag: int, content: bytes) -> bytes:
    return bytes([tag]) + _der_length(len(content)) + content


_SEQUENCE, _SET, _INTEGER_1 = 0x30, 0x31, b"\x02\x01\x01"
_CONTEXT_0 = 0xA0
_SIGNED_DATA_OID = cms.ContentType("signed_data").dump()
_DATA_OID = cms.ContentType("data").dump()
_SHA256 = algos.DigestAlgorithm({"algorithm": "sha256"}).dump()
_SIGNATURE_ALGORITHMS = {
    name: algos.SignedDigestAlgorithm({"algorithm": name}).dump()
    for name in ("sha256_rsa", "sha256_ecdsa")
}


def _assemble(
    certificates: list[bytes],
    issuer: bytes,
    serial: int,
    signed_attrs: bytes,
    algorithm: str,
    signature: bytes,
) -> bytes:
    """The DER of the SignedData exactly as this client writes it, from the certificates
    (DER), the signer's issuer (DER Name) and serial, the signed attributes (DER SET) and
    the signature. Verification rebuilds it from the parts it checked and compares
    bytes, so no byte outside those parts can change unnoticed. Written by hand
    because asn1crypto takes tens of milliseconds to re-encode a certificate."""
    signer_info = _tlv(
        _SEQUENCE,
        _INTEGER_1
        + _tlv(_SEQUENCE, issuer + core.Integer(serial).dump())
        + _SHA256
        + bytes([_CONTEXT_0])
        + signed_attrs[1:]  # [0] IMPLICIT SET OF Attribute
        + _SIGNATURE_ALGORITHMS[algorithm]
        + _tlv(0x04, signature),
    )
    signed_data = _tlv(
        _SEQUENCE,
        _INTEGER_1
        + _tlv(_SET, _SHA256)
        + _tlv(_SEQUENCE, _DATA_OID)
        + _tlv(_CONTEXT_0, b"".join(sorted(certificates)))  # DER sorts a SET OF
        + _tlv(_SET, signer_info),
    )
    return _tlv(_SEQUENCE, _SIGNED_DATA_OID + _tlv(_CONTEXT_0, signed_data))


def verify_detached(signature: bytes, content: bytes) -> SignatureInfo:
    """Check a detached signature made by sign_detached: structure, message digest,
    signing-certificate-v2 and the signature value. Raises SignatureInvalid.
    Whether the certificate may sign, and when, is the caller's question."""
    try:
        info = cms.ContentInfo.load(signature, strict=True)
        if info["content_type"].native != "signed_data":
            raise SignatureInvalid("damaged", "not SignedData")
        return _verify_signed_data(info["content"], content, signature)
    except SignatureInvalid:
        raise
    except Exception as exc:  # any parse failure of untrusted bytes means a damaged file
        raise SignatureInvalid("damaged", type(exc).__name__) from None


def _verify_signed_data(signed: cms.SignedData, content: bytes, original: bytes) -> SignatureInfo:
    if signed["version"].native != "v1":
        raise SignatureInvalid("damaged", "version")
    if [a["algorithm"].native for a in signed["digest_algorithms"]] != ["sha256"]:
        raise SignatureInvalid("damaged", "digest algorithms")
    encap = signed["encap_content_info"]
    if encap["content_type"].native != "data" or encap["content"].native is not None:
        raise SignatureInvalid("damaged", "not a detached signature of data")
    signer_infos = list(signed["signer_infos"])
    if len(signer_infos) != 1:
        raise SignatureInvalid("damaged", "expected one signer")
    signer = signer_infos[0]
    # Take the original bytes before looking inside: asn1crypto re-encodes (slowly) what
    # it has parsed, and the checks below must see exactly what was received.
    attrs_der = signer["signed_attrs"].dump()
    certificates_der = [c.dump() for c in signed["certificates"]]
    sid = signer["sid"].chosen
    issuer_der, serial = sid["issuer"].dump(), sid["serial_number"].native
    signature = signer["signature"].native
    if (
        signer["version"].native != "v1"
        or signer["digest_algorithm"]["algorithm"].native != "sha256"
    ):
        raise SignatureInvalid("damaged", "signer version or digest")
    certificates = [x509.load_der_x509_certificate(der) for der in certificates_der]
    matching = [
        (c, der)
        for c, der in zip(certificates, certificates_der, strict=True)
        if c.serial_number == serial and c.issuer.public_bytes() == issuer_der
    ]
    if len(matching) != 1:
        raise SignatureInvalid("no_certificate")
    certificate, cert_der = matching[0]
    attrs = _attributes(signer["signed_attrs"])
    if attrs.get("content_type") != ["data"]:
        raise SignatureInvalid("damaged", "content-type attribute")
    if attrs.get("message_digest") != [hashlib.sha256(content).digest()]:
        raise SignatureInvalid("manifest_changed")
    signing_certificates = attrs.get("signing_certificate_v2")
    if not signing_certificates or len(signing_certificates) != 1:
        raise SignatureInvalid("damaged", "signing-certificate-v2 missing")
    ess = signing_certificates[0]["certs"][0]
    if (
        ess["hash_algorithm"]["algorithm"].native != "sha256"
        or ess["cert_hash"].native != hashlib.sha256(cert_der).digest()
    ):
        raise SignatureInvalid("certificate_swapped")
    times = attrs.get("signing_time")
    if not times or len(times) != 1:
        raise SignatureInvalid("damaged", "signing-time missing")
    signing_time = times[0].native
    # The signature covers the attributes with their universal SET tag, not the [0] tag.
    signed_bytes = b"\x31" + attrs_der[1:]
    _check_signature(
        certificate,
        signer["signature_algorithm"]["algorithm"].native,
        signature,
        signed_bytes,
    )
    rebuilt = _assemble(
        certificates_der,
        issuer_der,
        serial,
        signed_bytes,
        _signature_algorithm_of(certificate),
        signature,
    )
    if rebuilt != original:
        raise SignatureInvalid("damaged", "not as written by KOSTRA-klienten")
    chain = tuple(c for c in certificates if c is not certificate)
    return SignatureInfo(certificate, chain, signing_time)


def _attributes(signed_attrs: cms.CMSAttributes) -> dict[str, list[object]]:
    found: dict[str, list[object]] = {}
    for attribute in signed_attrs:
        name = attribute["type"].native
        if name in found:
            raise SignatureInvalid("damaged", f"attribute {name} twice")
        values = list(attribute["values"])
        if name in ("content_type", "message_digest"):
            found[name] = [v.native for v in values]
        else:
            found[name] = values
    return found


def _check_signature(
    certificate: x509.Certificate, algorithm: str, signature: bytes, signed: bytes
) -> None:
    public_key = certificate.public_key()
    try:
        if isinstance(public_key, rsa.RSAPublicKey) and algorithm in (
            "sha256_rsa",
            "rsassa_pkcs1v15",
        ):
            public_key.verify(signature, signed, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(public_key, ec.EllipticCurvePublicKey) and algorithm == "sha256_ecdsa":
            public_key.verify(signature, signed, ec.ECDSA(hashes.SHA256()))
        else:
            raise SignatureInvalid("damaged", f"unsupported signature algorithm {algorithm}")
    except InvalidSignature:
        raise SignatureInvalid("bad_signature") from None


def encrypt_to(data: bytes, recipient: x509.Certificate) -> bytes:
    """CMS EnvelopedData (DER) of `data` for `recipient`'s RSA key, content in AES-256-CBC."""
    from cryptography.hazmat.primitives.ciphers import algorithms
    from cryptography.hazmat.primitives.serialization import pkcs7

    return (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(data)
        .add_recipient(recipient)
        .set_content_encryption_algorithm(algorithms.AES256)
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )


def envelope_recipient_serials(data: bytes) -> list[int]:
    """Serial numbers of the certificates an EnvelopedData is encrypted to (for verify)."""
    info = cms.ContentInfo.load(data, strict=True)
    if info["content_type"].native != "enveloped_data":
        raise ValueError("not EnvelopedData")
    serials = []
    for recipient in info["content"]["recipient_infos"]:
        rid = recipient.chosen["rid"].chosen
        serials.append(rid["serial_number"].native)
    return serials


def envelope_algorithm(data: bytes) -> str:
    """The content encryption algorithm of an EnvelopedData, e.g. "aes256_cbc"."""
    info = cms.ContentInfo.load(data, strict=True)
    return str(
        info["content"]["encrypted_content_info"]["content_encryption_algorithm"][
            "algorithm"
        ].native
    )
