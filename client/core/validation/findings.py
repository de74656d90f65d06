"""Findings: what a control says about a record or a questionnaire, and their summary."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from client.core.forms.model import SEVERITIES, Severity
from client.core.i18n import DEFAULT_LANGUAGE, Text, format_int, tr

SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}
BLOCKING = frozenset({"FATAL", "ERROR"})
# The one naming of severities in every command, report and list (issue 13, point 8):
# SSB's own Norwegian words, as its control program prints them.
SEVERITY_LABELS: dict[str, Text] = {
    "FATAL": {"nb": "KRITISK", "nn": "KRITISK", "en": "FATAL"},
    "ERROR": {"nb": "FEIL", "nn": "FEIL", "en": "ERROR"},
    "WARNING": {"nb": "ADVARSEL", "nn": "ÅTVARING", "en": "WARNING"},
    "INFO": {"nb": "INFO", "nn": "INFO", "en": "INFO"},
}


def severity_label(severity: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A severity as every command names it; an unknown one as it is."""
    return tr(SEVERITY_LABELS[severity], lang) if severity in SEVERITY_LABELS else severity


@dataclass(frozen=True, slots=True)  # slots: a file of bad lines has one per line
class Finding:
    """One control's verdict on one record (line) or on a questionnaire's answer."""

    control: str  # SSB's number, or ours ("K-DATO")
    name: str  # the control's unique name in the form
    severity: Severity
    line: int | None  # 1-based line of the record in its file; None for a questionnaire
    field: str | None
    text: Text
    params: Mapping[str, Any] = field(default_factory=dict)
    origin: str = "SSB"
    journal: str | None = None
    caseworker: str | None = None
    row: int | None = None  # 1-based row of a table (field is the table), None elsewhere
    column: str | None = None  # the table's column the finding concerns, when it is one

    @property
    def location(self) -> str | None:
        """Where in a questionnaire: the question, or "TABLE[row].COLUMN" for a table's cell."""
        if self.row is None:
            return self.field
        return f"{self.field}[{self.row}]" + (f".{self.column}" if self.column else "")

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        values = {k: _display(v, lang) for k, v in self.params.items()}
        return tr(self.text, lang).format_map(_Missing(values))

    @property
    def key(self) -> tuple[str, str, int | None, str | None]:
        """Identifies the finding across revalidations (for explanations of warnings)."""
        return (self.name, self.control, self.line, self.field)

    @property
    def ref(self) -> str:
        """A short, stable reference a user can write an explanation against:
        control, line and field, e.g. "30:12:BIDRAG" ("K-12-VEDTAK:-:VEDTAKSDATO" for a
        questionnaire, which has no lines)."""
        where = self.location or "-"
        return f"{self.control}:{self.line if self.line is not None else '-'}:{where}"

    def to_json(self, lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
        out: dict[str, Any] = {
            "control": self.control,
            "severity": self.severity,
            "line": self.line,
            "field": self.field,
        }
        if self.row is not None:
            out["row"] = self.row
            out["column"] = self.column
        out["message"] = self.message(lang)
        return out


def _display(value: Any, lang: str) -> Any:
    if isinstance(value, Mapping):
        return tr(value, lang)
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return format_int(value)
    if value is None:
        return "–"
    if isinstance(value, str):
        from client.core.errors import printable

        return printable(value)  # a value from a file never sends a control character on
    return value


class _Missing(dict):
    """Leaves an unknown placeholder visible instead of failing on it."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def summarize(findings: Iterable[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in findings)
    return {severity: counts.get(severity, 0) for severity in SEVERITIES}


def sort_findings(
    findings: Iterable[Finding], field_order: Mapping[str, int] | None = None
) -> list[Finding]:
    """By line, then severity; within a questionnaire (no lines) in the form's order of
    questions when `field_order` is given."""
    order = field_order or {}
    return sorted(
        findings,
        key=lambda f: (
            f.line or 0,
            SEVERITY_RANK[f.severity],
            order.get(f.field or "", len(order)),
            f.control,
            f.field or "",
        ),
    )


def has_blocking(findings: Iterable[Finding]) -> bool:
    return any(f.severity in BLOCKING for f in findings)
