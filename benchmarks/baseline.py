"""What last year's baseline and Oslo's check across bydel files cost, as whole processes.

Measured in one run, against a baseline in the same run (the machine is shared):

  (a) `kostra validate THIS --json` on 130 000 records (all of Norway), with and without
      `--last-year LAST` (130 000 records of last year, every person in both years, so
      each record is looked up): the difference is what --last-year adds (target <= 1 s);
  (b) `kostra validate B01 ... B15 --region 030100 --json`: Oslo's 15 bydel files with
      40 000 records in all (target <= 2 s), beside the same 40 000 records in one file.

Each timing is the median of --repeat runs, with and without interleaved. Both the wall
time and the child's CPU time (user + system, from getrusage) are given: on a shared
machine the wall time grows with the load, while the CPU time is close to what the same
work takes on an idle one.

    .venv/bin/python benchmarks/baseline.py [--records 130000] [--oslo 40000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "tests", ROOT / "benchmarks"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from as_installed import write_bytecode  # noqa: E402
from validate import install_fast_fnr, run_process, write  # noqa: E402

import synthetic  # noqa: E402
from client.core.forms.catalog import FormCatalog  # noqa: E402

REGION = "123400"


def _median(runs: list[float]) -> float:
    return statistics.median(runs)


def _timed(argv: list[str], out: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = run_process(argv, out)[0]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _pair(first: list[tuple[float, float]], second: list[tuple[float, float]]) -> list[float]:
    """Medians: first's wall and CPU, second's wall and CPU."""
    return [_median([run[i] for run in runs]) for runs in (first, second) for i in (0, 1)]


def main(argv: list[str] | None = None) -> int:
    write_bytecode()  # measure the client as installed (as_installed.py)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=130_000)
    parser.add_argument("--oslo", type=int, default=40_000, help="records in all bydel files")
    parser.add_argument("--bydeler", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    install_fast_fnr()
    catalog = FormCatalog()
    this_form, last_form = catalog.load("11F", 2026), catalog.load("11F", 2025)
    kostra = [sys.executable, "-m", "client", "validate"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        this = list(synthetic.clean_records(this_form, args.records, REGION))
        this_path = write(this_form, this, folder / "2026.dat")
        last_path = write(last_form, [dict(r, VERSION="25") for r in this], folder / "2025.dat")
        del this
        plain = [*kostra, str(this_path), "--form", "11F", "--year", "2026", "--region", REGION,
                 "--json"]
        with_last = [*plain, "--last-year", str(last_path)]
        out = folder / "out.json"
        runs_plain, runs_last = [], []
        for _ in range(args.repeat):
            runs_plain.append(_timed(plain, out))
            runs_last.append(_timed(with_last, out))
        a, a_cpu, b, b_cpu = _pair(runs_plain, runs_last)
        print(f"(a) {args.records} records: validate {a:.2f} s (CPU {a_cpu:.2f} s), with "
              f"--last-year {b:.2f} s (CPU {b_cpu:.2f} s): +{b - a:.2f} s, {b / a:.2f}x "
              f"(CPU +{b_cpu - a_cpu:.2f} s, {b_cpu / a_cpu:.2f}x); target +1 s", flush=True)

        # Oslo: the same records in one file and split into bydel files.
        per = args.oslo // args.bydeler
        paths, everyone = [], []
        for bydel in range(1, args.bydeler + 1):
            region = f"0301{bydel:02d}"
            records = [synthetic.clean_record(this_form, bydel * 100_000 + i, region)
                       for i in range(per + (1 if bydel <= args.oslo % args.bydeler else 0))]
            everyone += records
            paths.append(str(write(this_form, records, folder / f"bydel{bydel:02d}.dat")))
        one = write(this_form, everyone, folder / "oslo_all.dat")
        common = ["--form", "11F", "--year", "2026", "--region", "030100", "--json"]
        runs_one, runs_many = [], []
        for _ in range(args.repeat):
            runs_one.append(_timed([*kostra, str(one), *common], out))
            runs_many.append(_timed([*kostra, *paths, *common], out))
        c, c_cpu, d, d_cpu = _pair(runs_one, runs_many)
        print(f"(b) Oslo, {len(everyone)} records: one file {c:.2f} s (CPU {c_cpu:.2f} s), "
              f"{args.bydeler} bydel files checked together {d:.2f} s (CPU {d_cpu:.2f} s): "
              f"{d / c:.2f}x (CPU {d_cpu / c_cpu:.2f}x); target 2 s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
