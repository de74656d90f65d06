"""Submitting a 20 000-record 11F form: validation, the signed ASiC-E container and the PDF
receipt, written to disk, as `submit()` does it for `kostra submit` and "Send inn".

    .venv/bin/python benchmarks/submit.py [--records 20000] [--runs 5] [--json out.json]

Reports the median of --runs (after one warm-up) for the whole submit() call, without
and with encryption to a (throwaway) SSB certificate, and the share of its parts:
validation, building and signing the container, rendering the receipt, verifying the
result. Target: the whole submit() <= 1.5 s. The signing key is unlocked beforehand
(unlocking costs one PBKDF2 of about 0.1 s and happens once per session).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from as_installed import write_bytecode  # noqa: E402
from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import hashes  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402

from client.core.documents import FormDocument  # noqa: E402
from client.core.forms.catalog import FormCatalog  # noqa: E402
from client.core.identity import synthetic_orgnr  # noqa: E402
from client.core.records.recordset import RecordSet  # noqa: E402
from client.core.submission import receipt as receipt_module  # noqa: E402
from client.core.submission import submit as submit_module  # noqa: E402
from client.core.submission.keys import Signer, make_self_signed  # noqa: E402
from client.core.submission.verify import verify_file  # noqa: E402
from client.core.validation.engine import FormValidator, ValidationContext  # noqa: E402
from synthetic import clean_records  # noqa: E402

TARGET_S = 1.5
REGION = "460100"
YEAR = 2026


def records_file(count: int) -> list[dict[str, str]]:
    """Synthetic clean records, cached in the temp folder (they take a while to make)."""
    cache = Path(tempfile.gettempdir()) / f"kostra-bench-11F-{YEAR}-{count}.json"
    if cache.exists():
        return json.loads(cache.read_text())
    form = FormCatalog([ROOT / "forms"]).load("11F", YEAR)
    records = list(clean_records(form, count, REGION))
    cache.write_text(json.dumps(records))
    return records


def ssb_certificate() -> x509.Certificate:
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "SSB benchmark (throwaway)")])
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )


class Timer:
    """Wraps a module function to add up the time spent in it."""

    def __init__(self, module, name: str) -> None:
        self.module, self.name = module, name
        self.original = getattr(module, name)
        self.total = 0.0

    def __enter__(self) -> Timer:
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return self.original(*args, **kwargs)
            finally:
                self.total += time.perf_counter() - start

        setattr(self.module, self.name, timed)
        return self

    def __exit__(self, *exc) -> None:
        setattr(self.module, self.name, self.original)


def measure(document, context, signer, runs: int, recipient=None) -> dict:
    wholes, renders, validations, verifies = [], [], [], []
    validator = FormValidator(document.form)
    start_time = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for run in range(runs + 1):
        with tempfile.TemporaryDirectory() as out:
            when = start_time + dt.timedelta(seconds=run)
            with Timer(submit_module, "render_receipt") as render, \
                 Timer(validator, "validate") as validate:
                start = time.perf_counter()
                result = submit_module.submit(document, context, signer, Path(out),
                                              recipient=recipient, clock=lambda w=when: w,
                                              validator=validator)
                whole = time.perf_counter() - start
            start = time.perf_counter()
            verified = verify_file(result.container)
            verify = time.perf_counter() - start
            assert verified.valid, verified.problems
            size = result.container.stat().st_size
            assert hashlib.sha256(result.container.read_bytes()).hexdigest() == result.sha256
        if run:  # the first run warms up
            wholes.append(whole)
            renders.append(render.total)
            validations.append(validate.total)
            verifies.append(verify)
    median = statistics.median
    whole = median(wholes)
    return {
        "submit_s": round(whole, 3),
        "validation_s": round(median(validations), 3),
        "receipt_s": round(median(renders), 3),
        "container_and_signature_s": round(whole - median(validations) - median(renders), 3),
        "verify_s": round(median(verifies), 3),
        "container_bytes": size,
        "runs": runs,
        "within_target": whole <= TARGET_S,
    }


def main() -> int:
    write_bytecode()  # measure the client as installed (as_installed.py)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    form = FormCatalog([ROOT / "forms"]).load("11F", YEAR)
    document = FormDocument(
        form, records=RecordSet.from_records(form, records_file(args.records)), region=REGION
    )
    context = ValidationContext.from_region(REGION, YEAR)
    cert, key = make_self_signed(synthetic_orgnr(3), "Benchmark kommune", dt.datetime.now(dt.UTC))
    signer = Signer(cert, key)
    receipt_module.render_receipt  # noqa: B018 - imported; reportlab loads on first render
    results = {
        "records": args.records,
        "plain": measure(document, context, signer, args.runs),
        "encrypted": measure(document, context, signer, args.runs, ssb_certificate()),
        "target_s": TARGET_S,
    }
    for name in ("plain", "encrypted"):
        r = results[name]
        print(
            f"{name:9} submit {r['submit_s']:.3f} s (validation {r['validation_s']:.3f}, "
            f"container+signature {r['container_and_signature_s']:.3f}, receipt "
            f"{r['receipt_s']:.3f}); verify {r['verify_s']:.3f} s; "
            f"{r['container_bytes'] / 1e6:.1f} MB; target {TARGET_S} s: "
            f"{'met' if r['within_target'] else 'MISSED'}"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0 if all(results[n]["within_target"] for n in ("plain", "encrypted")) else 1


if __name__ == "__main__":
    sys.exit(main())
