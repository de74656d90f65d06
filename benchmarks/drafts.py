"""Drafts at rest and bad input in bounded memory (issue 12).

    .venv/bin/python benchmarks/drafts.py [--records 20000] [--runs 5] [--bad-lines 499000]

1. Reopening a 20 000-record 11F draft, as the window does (read, decrypt, parse,
   validate): plain JSON (the baseline) against AES-GCM encrypted, in the same run;
   median of --runs after a warm-up. Saving is measured the same way. Target: reopening
   the encrypted draft <= 0.7 s. The data key comes from an in-memory keyring (the OS
   store is asked once per session).
2. Peak memory (VmHWM) of `kostra validate --json` in a child process on a file of
   --bad-lines wrong-length lines (54 MB at 499 000, inside the 150 MB and 500 000-line
   limits), on /dev/zero, and on a 170 MB pipe. Target: every one under 500 MB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import keyring  # noqa: E402
from as_installed import write_bytecode  # noqa: E402
from test_submission_support import MemoryKeyring, StubAsker  # noqa: E402

from client.core.atrest import DraftKeys  # noqa: E402
from client.core.documents import FormDocument  # noqa: E402
from client.core.drafts import load_draft, save_draft  # noqa: E402
from client.core.forms.catalog import FormCatalog  # noqa: E402
from client.core.records.recordset import RecordSet  # noqa: E402
from client.core.submission.secrets import KeyringSecretStore  # noqa: E402
from client.core.validation.engine import FormValidator, ValidationContext  # noqa: E402
from synthetic import clean_records  # noqa: E402

REOPEN_TARGET_S = 0.7
MEMORY_TARGET_MB = 500
PEAK = (
    "import re, sys; from client.cli import main; rc = main(sys.argv[1:]); "
    "status = open('/proc/self/status').read(); "
    "print(re.search(r'VmHWM:\\s+(\\d+)', status).group(1), file=sys.stderr); sys.exit(rc)"
)


def median_time(action, runs: int) -> float:
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def reopen(records: int, runs: int) -> dict[str, float]:
    form = FormCatalog([ROOT / "forms"]).load("11F", 2026)
    document = FormDocument(form, records=RecordSet.from_records(
        form, clean_records(form, records, "460100")), region="460100")
    context = ValidationContext.from_region("460100", 2026)
    validator = FormValidator(form)
    keyring.set_keyring(MemoryKeyring())
    folder = Path(tempfile.mkdtemp(prefix="kostra-bench-drafts-"))
    keys = DraftKeys(folder / "keys", KeyringSecretStore(), StubAsker())
    keys.key()
    plain, sealed = folder / "plain.json", folder / "sealed.json"
    out: dict[str, float] = {}
    for name, path, key in (("plain", plain, None), ("encrypted", sealed, keys)):
        out[f"save_{name}"] = median_time(lambda p=path, k=key: save_draft(p, document, k), runs)

        def open_and_check(p: Path = path, k: DraftKeys | None = key) -> None:
            again = load_draft(p, form, k)
            validator.validate(again.data, context)

        out[f"reopen_{name}"] = median_time(open_and_check, runs)
        out[f"size_{name}_mb"] = path.stat().st_size / 1e6
    return out


def peak_mb(*args: str, stdin=None) -> float:
    result = subprocess.run([sys.executable, "-c", PEAK, *args], capture_output=True, text=True,
                            cwd=ROOT, check=False, stdin=stdin, timeout=1800)
    return int(result.stderr.strip().splitlines()[-1]) / 1024


def memory(bad_lines: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="kostra-bench-bad-"))
    bad = folder / "bad.txt"
    bad.write_bytes((b"1234 " * 21 + b"\n") * bad_lines)
    common = ("--form", "11F", "--year", "2026", "--region", "460100", "--json")
    out = {"bad_file_mb": bad.stat().st_size / 1e6}
    out["bad_lines_peak_mb"] = peak_mb("validate", str(bad), *common)
    out["dev_zero_peak_mb"] = peak_mb("validate", "/dev/zero", *common)
    feeder = subprocess.Popen(["head", "-c", "170000000", "/dev/zero"], stdout=subprocess.PIPE)
    out["pipe_peak_mb"] = peak_mb("validate", "/dev/stdin", *common, stdin=feeder.stdout)
    feeder.kill()
    feeder.wait()
    return out


def main() -> None:
    write_bytecode()  # measure the client as installed (as_installed.py)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bad-lines", type=int, default=499_000)
    args = parser.parse_args()
    figures = reopen(args.records, args.runs)
    figures.update(memory(args.bad_lines))
    print(json.dumps({k: round(v, 3) for k, v in figures.items()}, indent=1))
    ratio = figures["reopen_encrypted"] / figures["reopen_plain"]
    print(f"reopen {args.records} records: plain {figures['reopen_plain']:.2f} s, encrypted "
          f"{figures['reopen_encrypted']:.2f} s ({ratio:.2f}x; target <= {REOPEN_TARGET_S} s)")
    worst = max(figures["bad_lines_peak_mb"], figures["dev_zero_peak_mb"], figures["pipe_peak_mb"])
    print(f"peak memory of bad inputs: {worst:.0f} MB (target < {MEMORY_TARGET_MB} MB)")


if __name__ == "__main__":
    main()
