"""What last year's baseline and Oslo's check across bydel files cost, as whole processes.

Measured in one run, against a baseline in the same run (the machine is shared):

  (a) `kostra validate THIS --json` on 130 000 records (all of Norway), with and without
      `--last-year LAST` (130 000 records of last year, every person in both years, so
      each record is looked up): the difference is what --last-year adds (target <= 1 s);
  (b) `kostra validate B01 ... B15 --region 030100 --json`: Oslo's 15 bydel files with
      40 000 records in all (target <= 2 s), beside the same 40 000 records in one file.

Each timing is the median of --repeat runs, with and without interleaved.

    .venv/bin/python benchmarks/baseline.py [--records 130000] [--oslo 40000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "tests", ROOT / "benchmarks"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from validate import install_fast_fnr, run_process, write  # noqa: E402

import synthetic  # noqa: E402
from client.core.forms.catalog import FormCatalog  # noqa: E402

REGION = "123400"


def _median(runs: list[float]) -> float:
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
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
            runs_plain.append(run_process(plain, out)[0])
            runs_last.append(run_process(with_last, out)[0])
        a, b = _median(runs_plain), _median(runs_last)
        print(f"(a) {args.records} records: validate {a:.2f} s, with --last-year {b:.2f} s "
              f"(+{b - a:.2f} s, {b / a:.2f}x; target +1 s)")

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
            runs_one.append(run_process([*kostra, str(one), *common], out)[0])
            runs_many.append(run_process([*kostra, *paths, *common], out)[0])
        c, d = _median(runs_one), _median(runs_many)
        print(f"(b) Oslo, {len(everyone)} records: one file {c:.2f} s, {args.bydeler} bydel files "
              f"checked together {d:.2f} s ({d / c:.2f}x; target 2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
