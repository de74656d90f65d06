"""How a long list of findings is read: grouped by control with counts, the general
field-definition control (SSB's 002) folded into the specific control that says the same
about the same field, and a duplicate's other lines named.

Pure functions over findings; the window's findings panel, the per-caseworker lists and
the CLI all use them. Grouping changes what is *shown*, never what blocks: readiness is
still assessed on every finding."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from client.core.forms.model import FormDefinition
from client.core.i18n import Text, tr
from client.core.validation.findings import SEVERITY_RANK, Finding


@dataclass(frozen=True)
class ControlGroup:
    """Every shown finding of one control (by SSB's number or ours)."""

    control: str
    severity: str  # the worst among its findings
    title: Text
    findings: tuple[Finding, ...]  # by line
    merged: int = 0  # general findings folded into these
    merged_from: str = ""  # the general control they came from ("002")

    def label(self, lang: str = "nb") -> str:
        title = tr(self.title, lang) if self.title else ""
        return f"{self.control} {title}".strip()

    @property
    def lines(self) -> int:
        return len({f.line for f in self.findings if f.line is not None})


def general_controls(form: FormDefinition) -> frozenset[str]:
    """Controls that say in general what every field's definition requires: a `schema`
    control not tied to one field (SSB's 002, "filbeskrivelse"). A specific control about
    the same field says it better."""
    return frozenset(c.id for c in form.controls if c.kind == "schema" and c.field is None)


def merge_general(
    findings: Iterable[Finding], general: frozenset[str]
) -> tuple[list[Finding], dict[tuple[int | None, str | None], Finding]]:
    """Drop a general finding where a specific control found something about the same
    line and field, unless the general one is the more severe (then it stays, since it
    alone tells the real weight). Returns the findings to show and, by (line, field), the
    general findings folded away."""
    findings = list(findings)
    wanted = {(f.line, f.field) for f in findings if f.control in general}
    if not wanted:
        return findings, {}
    rank = SEVERITY_RANK
    specific: dict[tuple[int | None, str | None], int] = {}
    for f in findings:
        if f.control not in general:
            key = (f.line, f.field)
            if key in wanted:
                known = specific.get(key)
                if known is None or rank[f.severity] < known:
                    specific[key] = rank[f.severity]
    shown: list[Finding] = []
    folded: dict[tuple[int | None, str | None], Finding] = {}
    for f in findings:
        if f.control in general:
            key = (f.line, f.field)
            known = specific.get(key)
            if known is not None and known <= rank[f.severity]:
                folded[key] = f
                continue
        shown.append(f)
    return shown, folded


def group_by_control(
    findings: Iterable[Finding], form: FormDefinition | None = None, merge: bool = True
) -> list[ControlGroup]:
    """Groups in order of severity, then control number; findings within by line."""
    general = general_controls(form) if form is not None and merge else frozenset()
    shown, folded = merge_general(findings, general) if general else (list(findings), {})
    titles: dict[str, Text] = {}
    if form is not None:
        for control in form.controls:
            titles.setdefault(control.id, control.title)
    by_control: dict[str, list[Finding]] = {}
    for f in shown:
        by_control.setdefault(f.control, []).append(f)
    merged_into: dict[str, int] = {}
    merged_from: dict[str, str] = {}
    if folded:
        index = {(f.line, f.field): f.control for f in shown if f.control not in general}
        for key, general_finding in folded.items():
            control = index.get(key)
            if control is not None:
                merged_into[control] = merged_into.get(control, 0) + 1
                merged_from[control] = general_finding.control
    groups = []
    for control, items in by_control.items():
        items.sort(key=_line_of)  # stable: within a line, the order the engine gave
        worst = min({f.severity for f in items}, key=SEVERITY_RANK.__getitem__)
        groups.append(
            ControlGroup(
                control,
                worst,
                titles.get(control, {}),
                tuple(items),
                merged_into.get(control, 0),
                merged_from.get(control, ""),
            )
        )
    groups.sort(key=lambda g: (SEVERITY_RANK[g.severity], g.control))
    return groups


def _line_of(finding: Finding) -> int:
    return finding.line or 0


def duplicate_lines(finding: Finding) -> Sequence[int]:
    """For a duplicate (a unique control's finding): the other lines it names."""
    lines = finding.params.get("other_lines") if finding.params else None
    return tuple(lines) if lines else ()
