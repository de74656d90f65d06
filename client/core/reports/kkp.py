"""A run in the shape of SSB's control program (kostra-kontrollprogram), for `kostra kkp`.

SSB's program reports a run as a summary (`validationSummary`: region, name, program
version, start and end, scheme, year, number of controls, the run's severity as a return
code and counts per severity) and a list of entries (`reportEntries`: severity,
caseworker, journal, person, rule name, message, line numbers). Its exit code is the
worst severity's return code: 0 for none or INFO, 1 for WARNING, 2 for ERROR or FATAL,
and a run that checked nothing counts as ERROR.

Here the entries come from our engine's findings of SSB's controls only (our own K-
controls are not SSB's and would change SSB's verdict). The person is never given:
`individId` is masked whenever the record has one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from client.core.forms.model import FormDefinition
from client.core.i18n import tr
from client.core.records.recordset import RecordSet
from client.core.statistics import Statistics
from client.core.validation.findings import Finding

# SSB's severities in rising order, with the exit code each gives a run.
SEVERITY_ORDER = ("OK", "INFO", "WARNING", "ERROR", "FATAL")
RETURN_CODE = {"OK": 0, "INFO": 0, "WARNING": 1, "ERROR": 2, "FATAL": 2}
MASKED_PERSON = "*" * 11  # ASCII: SSB's report may be written in ISO-8859-1

RULE_000 = "Kontroll 000 : Skal levere filuttrekk"
UNKNOWN_SCHEME = "Ukjent skjema"
UNREADABLE_FILE = "Kontroll 000 : Lesing av filuttrekket"


@dataclass(frozen=True)
class Entry:
    severity: str
    rule_name: str
    message: str
    line_numbers: tuple[int, ...] = ()
    caseworker: str = ""
    journal: str = ""
    individ: str = ""
    control: str = ""  # our control id, for comparing with `kostra validate`

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "caseworker": self.caseworker,
            "journalId": self.journal,
            "individId": self.individ,
            "contextId": "",
            "ruleName": self.rule_name,
            "messageText": self.message,
            "lineNumbers": list(self.line_numbers),
        }


@dataclass
class KkpRun:
    region: str
    name: str
    scheme: str
    year: str
    started: dt.datetime
    entries: list[Entry] = field(default_factory=list)
    number_of_controls: int = 0
    statistics: Statistics | None = None
    completed: dt.datetime | None = None

    @property
    def severity(self) -> str:
        if self.number_of_controls == 0:
            return "ERROR"  # nothing was checked: SSB counts that as an error
        if not self.entries:
            return "OK"
        return max((e.severity for e in self.entries), key=SEVERITY_ORDER.index)

    @property
    def return_code(self) -> int:
        return RETURN_CODE[self.severity]

    def count(self, severity: str) -> int:
        return sum(1 for e in self.entries if e.severity == severity)

    def to_json(self, program_version: str) -> dict[str, Any]:
        completed = self.completed or dt.datetime.now()
        counted = sum(self.count(s) for s in ("FATAL", "ERROR", "WARNING", "INFO"))
        return {
            "validationSummary": {
                "region": self.region,
                "name": self.name,
                "programVersion": program_version,
                "reportStartedAt": _local_time(self.started),
                "reportCompletedAt": _local_time(completed),
                "reportGenerationTime": java_duration(completed - self.started),
                "scheme": self.scheme,
                "year": self.year,
                "numberOfControls": self.number_of_controls,
                "severity": self.return_code,
                "numFatal": self.count("FATAL"),
                "numErrors": self.count("ERROR"),
                "numWarnings": self.count("WARNING"),
                "numInfo": self.count("INFO"),
                "numOk": len(self.entries) - counted,
            },
            "reportEntries": [e.to_json() for e in self.entries],
        }


def _local_time(when: dt.datetime) -> str:
    """A local date-time without zone, as SSB's program writes one."""
    return when.replace(tzinfo=None).isoformat()


def java_duration(delta: dt.timedelta) -> str:
    """ISO-8601 duration as Java writes one: PT0.123S, PT1M2.5S, PT0S."""
    micros = int(delta / dt.timedelta(microseconds=1))
    hours, rest = divmod(micros, 3_600_000_000)
    minutes, rest = divmod(rest, 60_000_000)
    seconds = rest / 1_000_000
    out = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if seconds or not (hours or minutes):
        out += f"{seconds:.6f}".rstrip("0").rstrip(".") + "S"
    return out


def rule_name(form: FormDefinition, finding: Finding) -> str:
    """SSB's way of naming a rule in its reports: "Kontroll 03 : Kommunenummer"."""
    control = next((c for c in form.controls if c.name == finding.name), None)
    title = tr(control.title, "nb") if control is not None else finding.name
    return f"Kontroll {finding.control} : {title}"


def entries_from_findings(form: FormDefinition, records: RecordSet,
                          findings: Sequence[Finding]) -> list[Entry]:
    """SSB's controls' findings as SSB's report entries (one per finding and line)."""
    person_fields = [name for name in form.identity.person if form.has_field(name)]
    names: dict[str, str] = {}
    out = []
    for f in findings:
        if f.origin != "SSB":
            continue
        if f.name not in names:
            names[f.name] = rule_name(form, f)
        has_person = f.line is not None and 0 < f.line <= len(records) and any(
            records.value(f.line - 1, name) for name in person_fields)
        out.append(Entry(
            severity=f.severity,
            rule_name=names[f.name],
            message=f.message("nb"),
            line_numbers=(f.line,) if f.line is not None else (),
            caseworker=f.caseworker or "",
            journal=f.journal or "",
            individ=MASKED_PERSON if has_person else "",
            control=f.control,
        ))
    return out
