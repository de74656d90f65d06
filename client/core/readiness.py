"""Whether a form may be submitted: SSB asks for no FATAL or ERROR finding and a
written explanation of every warning."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from client.core.validation.findings import BLOCKING, Finding

Status = Literal["errors", "unexplained", "ready"]


@dataclass(frozen=True)
class Readiness:
    blocking: tuple[Finding, ...]  # FATAL and ERROR findings
    unexplained: tuple[Finding, ...]  # warnings without an explanation

    @property
    def status(self) -> Status:
        if self.blocking:
            return "errors"
        if self.unexplained:
            return "unexplained"
        return "ready"

    @property
    def ready(self) -> bool:
        return self.status == "ready"


def assess(findings: Iterable[Finding], explanations: Mapping[str, str]) -> Readiness:
    findings = list(findings)
    blocking = tuple(f for f in findings if f.severity in BLOCKING)
    unexplained = tuple(
        f for f in findings if f.severity == "WARNING" and not explanations.get(f.ref, "").strip()
    )
    return Readiness(blocking, unexplained)
