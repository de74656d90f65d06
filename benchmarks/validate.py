"""How fast and how lean validation of form 11F (2026) is, measured in one run.

Generates realistic synthetic record files (clean, and with SSB's usual data
problems planted in every 50th record) into a temporary folder and measures,
on the same machine in the same run so that ratios are fair:

  (a) parsing only (read_record_file), records/s
  (b) the naive baseline: jsonschema's Draft202012Validator over the record
      schema, one record dict at a time (timed on a sample, extrapolated)
  (c) full validation with every control, in process, 20 000 records
  (d) `kostra validate ... --json` as a whole process, 20 000 records
  (e) full validation in process, 130 000 records (all of Norway)
  (f) peak memory (ru_maxrss) of processes that read and validate a file
  (g) revalidating one edited record with ValidationSession.update

Every timing is repeated (--repeat, default 3) and the median reported.

    .venv/bin/python benchmarks/validate.py --records 20000 --big 130000 --json out.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "tests"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

import jsonschema  # noqa: E402
from as_installed import write_bytecode  # noqa: E402

import synthetic  # noqa: E402
from client.core import identity  # noqa: E402
from client.core.forms.catalog import FormCatalog  # noqa: E402
from client.core.forms.model import FormDefinition  # noqa: E402
from client.core.records.fixedwidth import read_record_file, write_record_file  # noqa: E402
from client.core.records.recordset import RecordSet  # noqa: E402
from client.core.validation.compiler import format_checker  # noqa: E402
from client.core.validation.engine import (  # noqa: E402
    FormValidator,
    ValidationContext,
    ValidationSession,
)
from client.core.validation.findings import summarize  # noqa: E402

FORM_ID, YEAR, REGION = "11F", 2026, "123400"
BASELINE_SAMPLE = 2_000
TARGETS = {
    "full_20k_s": 1.0,
    "cli_20k_s": 1.5,
    "full_big_s": 6.0,
    "peak_mb": 300.0,
    "update_ms": 5.0,
}


# --- synthetic data -----------------------------------------------------------------------

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


@functools.cache
def _valid_numbers(date_part: str, first: int, stop: int) -> tuple[str, ...]:
    """Every checksum-valid number for a date part, in the order identity.synthetic_fnr
    lists them, with the date part's weighted sums computed once."""
    digits = [int(c) for c in date_part]
    s1 = sum(d * w for d, w in zip(digits, _W1[:6], strict=True))
    s2 = sum(d * w for d, w in zip(digits, _W2[:6], strict=True))
    out = []
    for individual in range(first, stop):
        a, b, c = individual // 100, individual // 10 % 10, individual % 10
        r1 = (s1 + a * _W1[6] + b * _W1[7] + c * _W1[8]) % 11
        if r1 == 1:
            continue
        k1 = 0 if r1 == 0 else 11 - r1
        r2 = (s2 + a * _W2[6] + b * _W2[7] + c * _W2[8] + k1 * _W2[9]) % 11
        if r2 == 1:
            continue
        out.append(f"{date_part}{individual:03d}{k1}{0 if r2 == 0 else 11 - r2}")
    return tuple(out)


def fast_synthetic_fnr(born: dt.date, n: int = 0, *, dnr: bool = False) -> str:
    """identity.synthetic_fnr, about 50 times faster (it costs ~3.5 ms a record, which
    would make generating 130 000 records take minutes). Checked against it at start."""
    if 1900 <= born.year <= 1999:
        first, stop = 0, 500
    elif 2000 <= born.year <= 2039:
        first, stop = 500, 1000
    elif 1854 <= born.year <= 1899:
        first, stop = 500, 750
    else:
        raise ValueError(f"no individual numbers for birth year {born.year}")
    day = born.day + 40 if dnr else born.day
    valid = _valid_numbers(f"{day:02d}{born.month:02d}{born.year % 100:02d}", first, stop)
    return valid[n % len(valid)]


def install_fast_fnr() -> None:
    rng = random.Random(7)
    for _ in range(40):
        born = dt.date(rng.randint(1930, 2025), rng.randint(1, 12), rng.randint(1, 28))
        n, dnr = rng.randint(0, 900), rng.random() < 0.3
        expected = identity.synthetic_fnr(born, n, dnr=dnr)
        if fast_synthetic_fnr(born, n, dnr=dnr) != expected:
            raise SystemExit(f"fast fødselsnummer generator disagrees for {born} {n} {dnr}")
    synthetic.synthetic_fnr = fast_synthetic_fnr  # type: ignore[attr-defined]


@dataclass
class Files:
    clean_small: Path
    errors_small: Path
    clean_big: Path
    errors_big: Path
    one_record: Path
    small_records: list[dict[str, str]]
    small_error_records: list[dict[str, str]]


def write(form: FormDefinition, records: list[dict[str, str]], path: Path) -> Path:
    write_record_file(path, RecordSet.from_records(form, records))
    return path


def generate(form: FormDefinition, small: int, big: int, folder: Path) -> Files:
    records = list(synthetic.clean_records(form, max(small, big), REGION))
    small_records = records[:small]
    small_errors = synthetic.plant_errors(small_records, form, every=50)
    files = Files(
        clean_small=write(form, small_records, folder / f"11F_{small}_clean.dat"),
        errors_small=write(form, small_errors, folder / f"11F_{small}_errors.dat"),
        clean_big=write(form, records[:big], folder / f"11F_{big}_clean.dat"),
        errors_big=write(form, synthetic.plant_errors(records[:big], form, every=50),
                         folder / f"11F_{big}_errors.dat"),
        one_record=write(form, small_records[:1], folder / "11F_1_clean.dat"),
        small_records=small_records,
        small_error_records=small_errors,
    )
    del records
    return files


# --- measuring ----------------------------------------------------------------------------


@dataclass
class Row:
    section: str
    name: str
    records: int
    median_s: float
    runs_s: list[float]
    target: str = ""
    ok: bool | None = None
    note: str = ""
    peak_mb: float | None = None
    in_ms: bool = False

    @property
    def rate(self) -> float:
        return self.records / self.median_s if self.median_s > 0 else float("inf")


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, list[float], Any]:
    runs, result = [], None
    for _ in range(repeat):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), runs, result


def run_process(argv: list[str], stdout_path: Path) -> tuple[float, int]:
    """(wall seconds, exit code) of one child process; its standard output goes to a file."""
    with open(stdout_path, "wb") as out:
        start = time.perf_counter()
        process = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE, cwd=ROOT, check=False)
        elapsed = time.perf_counter() - start
    if process.returncode not in (0, 1):
        raise SystemExit(f"{argv} failed ({process.returncode}): "
                         f"{process.stderr.decode(errors='replace')}")
    return elapsed, process.returncode


# Linux carries the peak RSS of the memory a process had before execve over into its
# ru_maxrss, and subprocess starts children with vfork, which shares the parent's memory
# until execve: a child of this (large) process would report this process's peak. So a
# small launcher starts the measured process and reports that child's ru_maxrss.
_LAUNCHER = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], check=False).returncode
sys.stderr.write("\\nmaxrss_kib=%d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
"""


def peak_memory(argv: list[str], stdout_path: Path) -> tuple[float, int, float]:
    """(wall seconds, exit code, peak resident set in MB) of one child process."""
    with open(stdout_path, "wb") as out:
        start = time.perf_counter()
        process = subprocess.run([sys.executable, "-c", _LAUNCHER, *argv], stdout=out,
                                 stderr=subprocess.PIPE, cwd=ROOT, check=False)
        elapsed = time.perf_counter() - start
    stderr = process.stderr.decode(errors="replace")
    if process.returncode not in (0, 1) or "maxrss_kib=" not in stderr:
        raise SystemExit(f"{argv} failed ({process.returncode}): {stderr}")
    kib = int(stderr.rsplit("maxrss_kib=", 1)[1].split()[0])
    return elapsed, process.returncode, kib / 1024  # ru_maxrss is in KiB on Linux


def bench_parsing(form: FormDefinition, files: Files, repeat: int) -> list[Row]:
    rows = []
    for path, label in ((files.clean_small, "small"), (files.clean_big, "big")):
        median, runs, records = timed(lambda path=path: read_record_file(path, form), repeat)
        rows.append(Row("a", f"parse only, {label} file", len(records), median, runs))
    return rows


def bench_baseline(form: FormDefinition, files: Files, small: int, repeat: int) -> list[Row]:
    schema = json.loads((form.directory / "schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=format_checker())
    rows = []
    for records, label in ((files.small_records, "clean"), (files.small_error_records, "errors")):
        recordset = RecordSet.from_records(form, records[:BASELINE_SAMPLE])
        # The record as the schema sees it: trimmed values, blank fields absent.
        dicts = recordset.records()

        def validate_all(dicts: list[dict[str, str]] = dicts) -> int:
            return sum(len(list(validator.iter_errors(d))) for d in dicts)

        median, runs, _ = timed(validate_all, repeat)
        factor = small / len(dicts)
        rows.append(Row(
            "b", f"jsonschema per record, schema only, {label} (extrapolated)", small,
            median * factor, [r * factor for r in runs],
            note=f"timed on {len(dicts)} records x{factor:g}; checks the schema control only",
        ))
    return rows


def bench_in_process(form: FormDefinition, files: Files, repeat: int) -> tuple[list[Row], dict]:
    context = ValidationContext.from_region(REGION, YEAR)
    validator = FormValidator(form)
    rows, counts = [], {}
    cases = (
        ("c", files.clean_small, "clean", TARGETS["full_20k_s"]),
        ("c", files.errors_small, "planted errors", TARGETS["full_20k_s"]),
        ("e", files.clean_big, "clean", TARGETS["full_big_s"]),
        ("e", files.errors_big, "planted errors", TARGETS["full_big_s"]),
    )
    for section, path, label, target in cases:
        recordset = read_record_file(path, form)
        n = len(recordset)
        median, runs, findings = timed(lambda rs=recordset: validator.validate(rs, context), repeat)
        rows.append(Row(section, f"validate only, {label}", n, median, runs,
                        note=f"{len(findings)} findings"))
        counts[str(path)] = len(findings)

        def full(path: Path = path) -> int:
            records = read_record_file(path, form)
            return len(FormValidator(form).validate(records, context))

        median, runs, found = timed(full, repeat)
        rows.append(Row(section, f"read + compile + validate, {label}", n, median, runs,
                        f"<= {target:g} s", median <= target, f"{found} findings"))
        del recordset, findings
    return rows, counts


def bench_cli(files: Files, counts: dict, folder: Path, repeat: int, small: int) -> list[Row]:
    rows = []
    for path, label, expected_exit in (
        (files.one_record, "one record (fixed cost of the process)", 0),
        (files.clean_small, "clean", 0),
        (files.errors_small, "planted errors", 1),
    ):
        argv = [sys.executable, "-m", "client", "validate", str(path), "--form", FORM_ID,
                "--year", str(YEAR), "--region", REGION, "--json"]
        out = folder / "cli.json"
        runs = []
        for _ in range(repeat):
            elapsed, code = run_process(argv, out)
            runs.append(elapsed)
        report = json.loads(out.read_text(encoding="utf-8"))
        note = f"exit {code}, {len(report['findings'])} findings"
        expected = counts.get(str(path), 0)
        if code != expected_exit or len(report["findings"]) != expected:
            note += f" (MISMATCH: expected exit {expected_exit}, {expected} findings)"
        median = statistics.median(runs)
        target = TARGETS["cli_20k_s"]
        if report["records"] != small:
            rows.append(Row("d", f"kostra validate --json, {label}", report["records"], median,
                            runs, note=note))
            continue
        rows.append(Row("d", f"kostra validate --json, {label}", small, median, runs,
                        f"<= {target:g} s", median <= target, note))
    return rows


_MEMORY_CHILD = """
import json, sys
from client.core.forms.catalog import FormCatalog
from client.core.records.fixedwidth import read_record_file
from client.core.validation.engine import FormValidator, ValidationContext
form = FormCatalog().load(sys.argv[1], int(sys.argv[2]))
found = records = 0
if len(sys.argv) > 4:
    recordset = read_record_file(sys.argv[3], form)
    records = len(recordset)
    context = ValidationContext.from_region(sys.argv[4], form.year)
    found = len(FormValidator(form).validate(recordset, context))
print(json.dumps({"records": records, "findings": found}))
"""


def bench_memory(files: Files, folder: Path) -> list[Row]:
    rows = []
    limit = TARGETS["peak_mb"]
    base = [sys.executable, "-c", _MEMORY_CHILD, FORM_ID, str(YEAR)]
    out = folder / "memory.json"
    cases: list[tuple[str, list[str]]] = [("interpreter + imports + form only", base)]
    for path, label in ((files.errors_small, "small, planted errors"),
                        (files.clean_big, "big, clean"),
                        (files.errors_big, "big, planted errors")):
        cases.append((f"read + validate in a process, {label}", [*base, str(path), REGION]))
    cases.append(("kostra validate --json, big, planted errors",
                  [sys.executable, "-m", "client", "validate", str(files.errors_big), "--form",
                   FORM_ID, "--year", str(YEAR), "--region", REGION, "--json"]))
    for label, argv in cases:
        elapsed, _, mb = peak_memory(argv, out)
        records = json.loads(out.read_text(encoding="utf-8"))["records"] or 0
        rows.append(Row("f", f"peak memory: {label}", records, elapsed, [elapsed],
                        f"<= {limit:g} MB", mb <= limit, f"{elapsed:.2f} s wall",
                        peak_mb=mb))
    return rows


def _edit_values(form: FormDefinition, name: str, rng: random.Random) -> str:
    field = form.field(name)
    assert field.column is not None
    size = field.column.size
    choices: list[str] = ["", "9" * size, "X", "-1", "0" * size]
    if field.codes:
        choices += [c.code for c in field.codes] * 3
    if field.column.date_pattern == "ddMMyyyy":
        choices += ["31022025", "01012026", "15062026", "00002026"]
    choices.append("".join(rng.choice("0123456789") for _ in range(rng.randint(1, size))))
    return rng.choice(choices)[:size]


def bench_session(form: FormDefinition, files: Files, edits: int, seed: int) -> list[Row]:
    """Time ValidationSession.update after single edits on the planted-error file."""
    context = ValidationContext.from_region(REGION, YEAR)
    validator = FormValidator(form)
    recordset = read_record_file(files.errors_small, form)
    n = len(recordset)
    start = time.perf_counter()
    session = ValidationSession(validator, recordset, context)
    built = time.perf_counter() - start
    rng = random.Random(seed)
    names = [f.name for f in form.fields]
    times: list[float] = []
    pending: list[tuple[int, str, str]] = []  # duplicates to revert later

    def apply(index: int, name: str, value: str) -> None:
        recordset.set_value(index, name, value)
        start = time.perf_counter()
        session.update(index)
        times.append(time.perf_counter() - start)

    while len(times) < edits:
        roll = rng.random()
        if pending and roll < 0.25:
            index, name, old = pending.pop(rng.randrange(len(pending)))
            apply(index, name, old)  # removes the duplicate again
        elif roll < 0.5:
            index, other = rng.randrange(n), rng.randrange(n)
            name = rng.choice(("PERSON_FODSELSNR", "PERSON_JOURNALNR"))
            pending.append((index, name, recordset.value(index, name)))
            apply(index, name, recordset.value(other, name))
        else:
            index, name = rng.randrange(n), rng.choice(names)
            apply(index, name, _edit_values(form, name, rng))
    fresh = validator.validate(recordset, context)
    consistent_findings = sorted((f.ref, f.message()) for f in session.findings()) == sorted(
        (f.ref, f.message()) for f in fresh)
    consistent_summary = session.summary == summarize(fresh)
    median, worst = statistics.median(times), max(times)
    limit = TARGETS["update_ms"] / 1000
    note = (f"{len(times)} edits; p95 {sorted(times)[int(0.95 * len(times))] * 1000:.2f} ms; "
            f"findings {'match' if consistent_findings else 'DIFFER from'} a fresh validate, "
            f"summary {'matches' if consistent_summary else 'DIFFERS'}")
    return [
        Row("g", "session build (rebuild), planted errors", n, built, [built],
            note="ValidationSession(...) once"),
        Row("g", "update one edited record, median", n, median, times,
            f"<= {TARGETS['update_ms']:g} ms", median <= limit, note, in_ms=True),
        Row("g", "update one edited record, max", n, worst, [worst],
            f"<= {TARGETS['update_ms']:g} ms", worst <= limit, in_ms=True),
    ]


def bench_shared_blank_journal(form: FormDefinition, files: Files, size: int) -> list[Row]:
    """Not one of the targets, a worst case: a file whose journal numbers are all blank
    puts every record in one group of the 05B uniqueness control."""
    context = ValidationContext.from_region(REGION, YEAR)
    records = [dict(r, PERSON_JOURNALNR="") for r in files.small_records[:size]]
    recordset = RecordSet.from_records(form, records)
    validator = FormValidator(form)
    start = time.perf_counter()
    session = ValidationSession(validator, recordset, context)
    built = time.perf_counter() - start
    recordset.set_value(size // 2, "KJONN", "2")
    start = time.perf_counter()
    session.update(size // 2)
    unchanged = time.perf_counter() - start
    recordset.set_value(size // 2, "PERSON_JOURNALNR", "J9999999")
    start = time.perf_counter()
    session.update(size // 2)
    updated = time.perf_counter() - start
    return [
        Row("h", "all journal numbers blank: session build", size, built, [built],
            note="one 05B group of every record"),
        Row("h", "all journal numbers blank: update, key unchanged", size, unchanged,
            [unchanged], in_ms=True),
        Row("h", "all journal numbers blank: update, leaves the group", size, updated, [updated],
            note="each member's 05B finding is rebuilt, each listing every other member",
            in_ms=True),
    ]


# --- reporting ----------------------------------------------------------------------------


def ratio_rows(rows: list[Row]) -> list[str]:
    def find(section: str, start: str) -> Row | None:
        return next((r for r in rows if r.section == section and r.name.startswith(start)), None)

    lines = []
    for label in ("clean", "planted errors"):
        baseline = find("b", f"jsonschema per record, schema only, {label.split()[-1]}")
        engine = find("c", f"validate only, {label}")
        full = find("c", f"read + compile + validate, {label}")
        if baseline and engine and full:
            lines.append(
                f"  {label}: every control, compiled, is {baseline.median_s / engine.median_s:.1f}x"
                f" faster than the schema-only jsonschema baseline (validate only), "
                f"{baseline.median_s / full.median_s:.1f}x including reading and compiling")
    return lines


def print_table(rows: list[Row], meta: dict) -> None:
    print(f"\nKOSTRA-klienten validation benchmark: form {FORM_ID} {YEAR}, region {REGION}")
    print(f"Python {meta['python']} on {meta['machine']}, {meta['cpus']} CPUs; "
          f"median of {meta['repeat']} runs")
    print(f"load average (1, 5, 15 min) before {meta['load_before']}, after "
          f"{meta['load_after']}: above {meta['cpus']} other work shared the CPUs\n")
    header = f"{'':3}{'measurement':64}{'records':>9}{'median':>11}{'records/s':>12}  {'target':12}"
    print(header + "ok")
    print("-" * (len(header) + 4))
    for row in rows:
        if row.in_ms:
            value = f"{row.median_s * 1000:8.2f} ms"
            rate = ""
        else:
            value = f"{row.median_s:9.3f} s"
            rate = f"{row.rate:12,.0f}" if row.records >= 100 else ""
        if row.peak_mb is not None:
            value = f"{row.peak_mb:8.0f} MB"
            rate = ""
        ok = "" if row.ok is None else ("yes" if row.ok else "NO")
        print(f"{row.section + ')':3}{row.name:64}{row.records:9,}{value:>11}{rate:>12}  "
              f"{row.target:12}{ok}")
        if row.note:
            print(f"{'':6}{row.note}")
    for line in ratio_rows(rows):
        print(line)


def main(argv: list[str] | None = None) -> int:
    write_bytecode()  # measure the client as installed (as_installed.py)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=20_000, help="records of the small file")
    parser.add_argument("--big", type=int, default=130_000, help="records of the big file")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (median)")
    parser.add_argument("--edits", type=int, default=200, help="single-record edits to time")
    parser.add_argument("--blank-journals", type=int, default=2_000,
                        help="records of the all-blank-journal case (0 to skip)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--keep", type=Path, help="write the generated files here and keep them")
    args = parser.parse_args(argv)

    form = FormCatalog().load(FORM_ID, YEAR)
    load_before = os.getloadavg()
    install_fast_fnr()
    with tempfile.TemporaryDirectory(prefix="kostra-bench-") as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        files = generate(form, args.records, args.big, folder)
        print(f"generated {args.records:,} + {args.big:,} records (clean and with planted errors)"
              f" in {time.perf_counter() - start:.1f} s into {folder}", file=sys.stderr)
        rows: list[Row] = []
        steps: list[tuple[str, Callable[[], list[Row]]]] = [
            ("parsing", lambda: bench_parsing(form, files, args.repeat)),
            ("baseline", lambda: bench_baseline(form, files, args.records, args.repeat)),
        ]
        for label, step in steps:
            print(f"measuring {label} ...", file=sys.stderr)
            rows += step()
        print("measuring in-process validation ...", file=sys.stderr)
        in_process, counts = bench_in_process(form, files, args.repeat)
        rows += in_process
        print("measuring the command line ...", file=sys.stderr)
        rows += bench_cli(files, counts, folder, args.repeat, args.records)
        print("measuring peak memory ...", file=sys.stderr)
        rows += bench_memory(files, folder)
        print("measuring single-record revalidation ...", file=sys.stderr)
        rows += bench_session(form, files, args.edits, args.seed)
        if args.blank_journals:
            rows += bench_shared_blank_journal(form, files, args.blank_journals)
    rows.sort(key=lambda r: r.section)
    meta = {
        "form": FORM_ID, "year": YEAR, "region": REGION, "records": args.records,
        "big": args.big, "repeat": args.repeat, "python": platform.python_version(),
        "machine": platform.platform(), "cpus": os.cpu_count(),
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        # Other work on the machine slows every figure alike; ratios within a run hold.
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }
    print_table(rows, meta)
    if args.json:
        data = {"meta": meta, "targets": TARGETS, "rows": [
            {**asdict(r), "records_per_s": r.rate}
            for r in rows
        ]}
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    failed = [r for r in rows if r.ok is False]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
