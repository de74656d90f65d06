"""Write the bundled example files in resources/examples/ from synthetic records.

Every fødselsnummer in them is synthetic (generated, checksum-valid, of no real
person). Run from the repository root: python tools/make_examples.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from client.core.forms.catalog import FormCatalog  # noqa: E402
from client.core.records.fixedwidth import write_record_file  # noqa: E402
from client.core.records.recordset import RecordSet  # noqa: E402
from synthetic import clean_records, plant_errors  # noqa: E402

EXAMPLES = ROOT / "resources" / "examples"
REGION = "460100"  # Bergen, which reports without districts


def main() -> None:
    catalog = FormCatalog([ROOT / "forms"])
    EXAMPLES.mkdir(parents=True, exist_ok=True)
    for form_id, count, every in (("11F", 200, 23), ("11CF", 40, 9)):
        form = catalog.load(form_id, 2026)
        records = plant_errors(list(clean_records(form, count, REGION)), form, every=every)
        target = EXAMPLES / f"{form_id}_2026_{REGION}.txt"
        write_record_file(target, RecordSet.from_records(form, records))
        print(target.relative_to(ROOT))
    answers = ROOT / "tests" / "data" / "skjema12_answers.json"
    if answers.exists():
        target = EXAMPLES / f"12_2026_{REGION}.json"
        target.write_text(json.dumps(json.loads(answers.read_text("utf-8")), ensure_ascii=False,
                                     indent=1) + "\n", "utf-8")
        print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()
