"""What goes into a submission besides the data: the form data as JSON (who, what,
when, which definition, findings, explanations). Totals come from client.core.statistics."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from client import __version__
from client.core.documents import FormDocument
from client.core.i18n import tr
from client.core.statistics import Total, compute_totals
from client.core.validation.findings import Finding, summarize

__all__ = ["Total", "compute_totals", "form_data_json", "relevant_explanations"]

SUBMISSION_FORMAT = "kostra-klienten/submission"
FORMAT_VERSION = 1


def relevant_explanations(
    findings: Sequence[Finding], explanations: dict[str, str]
) -> dict[str, str]:
    """The explanations of the warnings there are now; stale ones are left out."""
    refs = {f.ref for f in findings if f.severity == "WARNING"}
    return {ref: explanations[ref].strip() for ref in sorted(refs) if ref in explanations}


def form_data_json(
    document: FormDocument,
    *,
    region: str,
    orgnr: str,
    organisation: str,
    created: dt.datetime,
    findings: Sequence[Finding],
    totals: Sequence[Total],
    record_file: dict[str, Any] | None,
    nothing_to_report: bool = False,
    replaces: dict[str, str] | None = None,
) -> bytes:
    """The form data as SSB receives it in the container (messages in bokmål)."""
    form = document.form
    out: dict[str, Any] = {
        "format": SUBMISSION_FORMAT,
        "formatVersion": FORMAT_VERSION,
        "form": form.form_id,
        "title": tr(form.title),
        "year": form.year,
        "definitionVersion": form.version,
        "definitionSha256": form.sha256,
        "region": region,
        "organisasjonsnummer": orgnr,
        "organisation": organisation,
        "client": __version__,
        "created": created.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
    }
    if nothing_to_report:
        out["nothingToReport"] = True  # "skal ikke rapportere": the data file is one space
    if replaces:
        out["replaces"] = replaces  # the earlier submission this one corrects
    if record_file is not None:
        out["recordFile"] = record_file
    else:
        # The answers exactly as the validation saw them (hidden answers left out, totals
        # computed): what is signed is what was checked.
        from client.core.forms.answers import checked_answers

        out["answers"] = checked_answers(form, document.answers or {})
    out["totals"] = [t.to_json() for t in totals]
    out["summary"] = summarize(findings)
    out["findings"] = [
        {"ref": f.ref, "name": f.name, "origin": f.origin, **f.to_json()} for f in findings
    ]
    out["explanations"] = relevant_explanations(findings, document.explanations)
    return (json.dumps(out, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
