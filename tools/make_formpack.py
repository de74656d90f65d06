"""Build and sign a form pack from forms/<year>/, or make a new publisher key and certificate.

The publisher's side of `kostra forms install` (see README, "Nye skjema (skjemapakker)"):

    python tools/make_formpack.py pack forms/2027 --key KEY.pem [--version 2027.1.0]
    python tools/make_formpack.py new-publisher --out DIR     (once; the key never enters the repo)

The key file may be encrypted: its passphrase is read from the environment variable named
by --passphrase-env (default KOSTRA_PUBLISHER_PASSPHRASE), never from the command line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID  # noqa: E402

from client.core.errors import UserError  # noqa: E402
from client.core.formpacks import build_pack, pack_name, read_pack  # noqa: E402

_SPKI = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)

PUBLISHER_NAME = "KOSTRA-klienten skjemautgiver"


def new_publisher(out: Path, name: str, years: int, passphrase: bytes | None) -> None:
    """A self-signed publisher certificate (10 years) and its RSA-3072 key."""
    out.mkdir(parents=True, exist_ok=True)
    key_path, cert_path = out / "publisher-key.pem", out / "publisher.pem"
    if key_path.exists() or cert_path.exists():
        sys.exit(f"{out} holds a publisher key already; choose another folder")
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    subject = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "NO"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "KOSTRA-klienten"),
        x509.NameAttribute(NameOID.COMMON_NAME, name),
    ])
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=False,
                          crl_sign=False, encipher_only=False, decipher_only=False),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    encryption = (serialization.BestAvailableEncryption(passphrase) if passphrase
                  else serialization.NoEncryption())
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.PKCS8, encryption))
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    print(f"key:         {key_path}  (keep it offline; never commit it)")
    print(f"certificate: {cert_path}  (copy to resources/publisher/ and release the client)")
    print(f"SHA-256:     {certificate.fingerprint(hashes.SHA256()).hex(':').upper()}")


def make_pack(year_dir: Path, key_path: Path, cert_path: Path, version: str | None,
              out: Path | None, passphrase: bytes | None) -> Path:
    try:
        certificate = x509.load_pem_x509_certificate(cert_path.read_bytes())
    except (OSError, ValueError) as exc:
        sys.exit(f"cannot read the certificate {cert_path}: {exc}")
    try:
        key = serialization.load_pem_private_key(key_path.read_bytes(), passphrase)
    except (OSError, ValueError, TypeError) as exc:
        sys.exit(f"cannot read the key {key_path} (wrong passphrase in the environment?): {exc}")
    if not isinstance(key, rsa.RSAPrivateKey) and not hasattr(key, "curve"):
        sys.exit("the key must be RSA or EC")
    if key.public_key().public_bytes(*_SPKI) != certificate.public_key().public_bytes(*_SPKI):
        sys.exit(f"the key {key_path} does not belong to the certificate {cert_path}; "
                 "nothing was written")
    try:
        data = build_pack(year_dir, certificate, key, version=version)
    except UserError as exc:
        sys.exit(exc.message("en"))
    tmp = (out or Path(".")) / ".formpack.tmp"
    tmp.parent.mkdir(parents=True, exist_ok=True)
    try:
        tmp.write_bytes(data)
        pack = read_pack(tmp, [certificate])  # the same checks a client makes
        target = tmp.with_name(pack_name(pack.year, pack.version))
        tmp.replace(target)
    except (OSError, UserError) as exc:
        text = exc.message("en") if isinstance(exc, UserError) else str(exc)
        sys.exit(f"the pack was not made: {text}")
    finally:
        tmp.unlink(missing_ok=True)
    forms = ", ".join(f"{f.form_id} {f.version}" for f in pack.forms)
    print(f"{target}: {pack.year} version {pack.version} ({forms}), signed by {pack.signer}")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passphrase-env", default="KOSTRA_PUBLISHER_PASSPHRASE",
                        help="environment variable holding the key's passphrase")
    commands = parser.add_subparsers(dest="command", required=True)
    pack = commands.add_parser("pack", help="build and sign a pack of forms/<year>/")
    pack.add_argument("year_dir", type=Path, help="forms/<year>/ to pack")
    pack.add_argument("--key", type=Path, required=True, help="the publisher's private key (PEM)")
    shipped = ROOT / "resources" / "publisher" / "publisher.pem"
    pack.add_argument("--cert", type=Path, default=shipped,
                      help="the publisher certificate (default: the one the client ships)")
    pack.add_argument("--version", help="the pack's version (default: the newest form version)")
    pack.add_argument("--out", type=Path, help="folder for the pack (default: here)")
    new = commands.add_parser("new-publisher", help="make a publisher key and certificate")
    new.add_argument("--out", type=Path, required=True, help="an empty folder outside the repo")
    new.add_argument("--name", default=PUBLISHER_NAME, help="the certificate's common name")
    new.add_argument("--years", type=int, default=10, help="validity in years")
    args = parser.parse_args()
    secret = os.environ.get(args.passphrase_env)
    passphrase = secret.encode() if secret else None
    if args.command == "pack":
        make_pack(args.year_dir, args.key, args.cert, args.version, args.out, passphrase)
    else:
        new_publisher(args.out, args.name, args.years, passphrase)


if __name__ == "__main__":
    main()
