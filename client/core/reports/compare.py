"""What changed between two validation runs of the same form: fixed, new and remaining.

A finding is recognised across runs by its control, field and record. The record is its
journal number when the run knows it (lines move when records are added or removed),
otherwise its line. Equal keys are matched one to one, so two findings of a control on
the same journal and field count as two.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from client.core.errors import UserError
from client.core.validation.findings import Finding

MAX_REPORT_BYTES = 200 * 1024 * 1024

_TEXT = {
    "unreadable": {
        "nb": "Kan ikke lese den tidligere rapporten {path}: {reason}. Bruk en fil som "
        "`kostra validate … --json` har skrevet.",
        "nn": "Kan ikkje lese den tidlegare rapporten {path}: {reason}. Bruk ei fil som "
        "`kostra validate … --json` har skrive.",
        "en": "Cannot read the earlier report {path}: {reason}. Use a file written by "
        "`kostra validate … --json`.",
    },
    "other_form": {
        "nb": "Den tidligere rapporten {path} gjelder skjema {earlier}, ikke {form}.",
        "nn": "Den tidlegare rapporten {path} gjeld skjema {earlier}, ikkje {form}.",
        "en": "The earlier report {path} is for form {earlier}, not {form}.",
    },
}


@dataclass(frozen=True)
class FindingRef:
    """A finding as a run's JSON report gives it."""

    control: str
    severity: str
    line: int | None
    field: str | None
    message: str
    journal: str | None = None
    caseworker: str | None = None

    @classmethod
    def of(cls, finding: Finding, lang: str = "nb") -> FindingRef:
        return cls(finding.control, finding.severity, finding.line, finding.field,
                   finding.message(lang), finding.journal, finding.caseworker)


@dataclass(frozen=True)
class RunDiff:
    fixed: tuple[FindingRef, ...]  # in the earlier run, gone now
    new: tuple[FindingRef, ...]  # not in the earlier run
    remaining: tuple[FindingRef, ...]  # in both (as they are now)

    def to_json(self) -> dict[str, Any]:
        def items(refs: Sequence[FindingRef]) -> list[dict[str, Any]]:
            return [ref.__dict__.copy() for ref in refs]
        return {
            "counts": {"fixed": len(self.fixed), "new": len(self.new),
                       "remaining": len(self.remaining)},
            "fixed": items(self.fixed),
            "new": items(self.new),
            "remaining": items(self.remaining),
        }


def _key(ref: FindingRef, by_journal: bool) -> tuple[Any, ...]:
    where: Any = ref.journal if by_journal and ref.journal else ("line", ref.line)
    return (ref.control, ref.field, where)


def compare_runs(earlier: Iterable[FindingRef], now: Iterable[FindingRef]) -> RunDiff:
    earlier, now = list(earlier), list(now)
    # Journals identify records only when both runs name them.
    by_journal = any(r.journal for r in earlier) and any(r.journal for r in now)
    waiting: dict[tuple[Any, ...], list[FindingRef]] = defaultdict(list)
    for ref in earlier:
        waiting[_key(ref, by_journal)].append(ref)
    new, remaining = [], []
    for ref in now:
        bucket = waiting.get(_key(ref, by_journal))
        if bucket:
            bucket.pop(0)
            remaining.append(ref)
        else:
            new.append(ref)
    fixed = [ref for bucket in waiting.values() for ref in bucket]
    order = {id(ref): i for i, ref in enumerate(earlier)}
    fixed.sort(key=lambda r: order[id(r)])
    return RunDiff(tuple(fixed), tuple(new), tuple(remaining))


def compare_findings(earlier: Iterable[Finding], now: Iterable[Finding],
                     lang: str = "nb") -> RunDiff:
    """The window's comparison after a re-import: the findings before and after."""
    return compare_runs((FindingRef.of(f, lang) for f in earlier),
                        (FindingRef.of(f, lang) for f in now))


def load_earlier_report(path: str | Path, form_id: str) -> list[FindingRef]:
    """The findings of an earlier `kostra validate --json` report, checked."""
    path = Path(path)
    shown = path.name

    def fail(reason: str) -> UserError:
        return UserError(_TEXT["unreadable"], path=shown, reason=reason)

    try:
        if path.stat().st_size > MAX_REPORT_BYTES:
            raise fail("filen er for stor")
        doc = json.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise fail("filen finnes ikke") from None
    except OSError as exc:
        raise fail(exc.strerror or type(exc).__name__) from None
    except (UnicodeDecodeError, ValueError):
        raise fail("filen er ikke JSON") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("findings"), list):
        raise fail("den har ingen liste «findings»")
    if doc.get("form") not in (None, form_id):
        raise UserError(_TEXT["other_form"], path=shown, earlier=doc.get("form"), form=form_id)
    refs = []
    for item in doc["findings"]:
        if not isinstance(item, dict) or not isinstance(item.get("control"), str):
            raise fail("et funn mangler «control»")
        line = item.get("line")
        refs.append(FindingRef(
            control=item["control"],
            severity=str(item.get("severity", "")),
            line=line if isinstance(line, int) else None,
            field=item.get("field") if isinstance(item.get("field"), str) else None,
            message=str(item.get("message", "")),
            journal=item.get("journal") if isinstance(item.get("journal"), str) else None,
            caseworker=(item.get("caseworker")
                        if isinstance(item.get("caseworker"), str) else None),
        ))
    return refs
