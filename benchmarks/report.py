"""How fast the HTML report is, for 20 000 records and for all of Norway (130 000).

Generates synthetic 11F (2026) record files with SSB's usual problems planted in every
50th record, validates them once, and measures in the same run:

  (a) the statistics alone (client/core/statistics.py)
  (b) the HTML report from validated records: statistics, charts (reportlab → SVG),
      summary per control, findings by caseworker and journal
  (c) `kostra validate FILE --format html` as a whole process (read, validate, report)
  (d) the same process with --format json, the baseline (c) is compared with
  (e) validation alone in process (every control), the baseline (b) is compared with:
      the machine is shared, so the ratio says more than the seconds
  (f) (c) on one core (KOSTRA_HELPERS=0), the baseline for the helper processes a large
      file is checked with (client.core.validation.parallel)

Each timing is the median of --repeat runs (default 5).

    .venv/bin/python benchmarks/report.py --records 20000 --big 130000
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "tests"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from as_installed import write_bytecode  # noqa: E402

import synthetic  # noqa: E402
from client.core.documents import FormDocument  # noqa: E402
from client.core.forms.catalog import FormCatalog  # noqa: E402
from client.core.records.fixedwidth import read_record_file, write_record_file  # noqa: E402
from client.core.records.recordset import RecordSet  # noqa: E402
from client.core.reports.html import document_report  # noqa: E402
from client.core.statistics import compute_statistics  # noqa: E402
from client.core.validation.engine import FormValidator, ValidationContext  # noqa: E402
from client.core.validation.findings import sort_findings  # noqa: E402

REGION = "460100"


def median_time(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def make_file(folder: Path, form, count: int) -> Path:
    records = synthetic.plant_errors(list(synthetic.clean_records(form, count, REGION)), form,
                                     every=50)
    path = folder / f"11F_{count}.txt"
    write_record_file(path, RecordSet.from_records(form, records))
    return path


def measure(form, path: Path, repeat: int) -> dict[str, float]:
    records = read_record_file(path, form)
    context = ValidationContext.from_region(REGION, form.year)
    findings = sort_findings(FormValidator(form).validate(records, context))
    document = FormDocument(form, records=records)
    html = document_report(document, REGION, findings, source_name=path.name)
    out = {
        "findings": len(findings),
        "html_mb": len(html.encode()) / 1e6,
        "statistics_s": median_time(lambda: compute_statistics(form, records), repeat),
        "validate_s": median_time(lambda: FormValidator(form).validate(records, context),
                                  repeat),
        "report_s": median_time(
            lambda: document_report(document, REGION, findings, source_name=path.name), repeat),
    }
    for fmt, helpers in (("html", None), ("json", None), ("html", "0")):
        command = [sys.executable, "-m", "client", "validate", str(path), "--form", "11F",
                   "--year", str(form.year), "--region", REGION, "--format", fmt]
        # KOSTRA_HELPERS=0: the same run on one core, the baseline for the helper processes
        # (client.core.validation.parallel) that a large file gets on a machine with more.
        env = {**os.environ, "KOSTRA_HELPERS": helpers} if helpers else None
        key = f"process_{fmt}_s" if helpers is None else f"process_{fmt}_one_core_s"
        out[key] = median_time(
            lambda command=command, env=env: subprocess.run(command, capture_output=True,
                                                            check=False, env=env),
            max(1, repeat // 2 + 1))
    return out


def main() -> None:
    write_bytecode()  # measure the client as installed (as_installed.py)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--big", type=int, default=130_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    form = FormCatalog().load("11F", 2026)
    with tempfile.TemporaryDirectory() as folder:
        for count in (args.records, args.big):
            if not count:
                continue
            path = make_file(Path(folder), form, count)
            result = measure(form, path, args.repeat)
            print(f"{count} records, {result['findings']} findings, "
                  f"report {result['html_mb']:.1f} MB")
            print(f"  statistics alone            {result['statistics_s']:.3f} s")
            print(f"  HTML report (in process)    {result['report_s']:.3f} s")
            print(f"  validation (in process)     {result['validate_s']:.3f} s; report / "
                  f"validation = {result['report_s'] / result['validate_s']:.2f}")
            print(f"  validate --format html      {result['process_html_s']:.2f} s (process)")
            print(f"  validate --format json      {result['process_json_s']:.2f} s (baseline)")
            print(f"  validate --format html, one core (KOSTRA_HELPERS=0) "
                  f"{result['process_html_one_core_s']:.2f} s; with helpers / one core = "
                  f"{result['process_html_s'] / result['process_html_one_core_s']:.2f}")
            print(f"  report's share of the run   "
                  f"{result['process_html_s'] - result['process_json_s']:+.2f} s")


if __name__ == "__main__":
    main()
