"""What goes into a submission besides the data: the form's declared totals and the
form data as JSON (who, what, when, which definition, findings, explanations)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from client import __version__
from client.core.documents import FormDocument
from client.core.forms.model import FormDefinition
from client.core.i18n import Text, tr
from client.core.records.recordset import RecordSet
from client.core.validation.findings import Finding, summarize

SUBMISSION_FORMAT = "kostra-klienten/submission"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Total:
    """One declared total: a count or a sum, or (countFilled) a count per field."""

    id: str
    label: Text
    value: int | None
    items: tuple[tuple[Text, int], ...] = ()

    def to_json(self, lang: str = "nb") -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "label": tr(self.label, lang)}
        if self.value is not None:
            out["value"] = self.value
        if self.items:
            out["items"] = [{"label": tr(label, lang), "value": v} for label, v in self.items]
        return out


def _integer(text: str) -> int:
    try:
        return int(text) if text else 0
    except ValueError:  # controls have already rejected such a value; a total must not fail
        return 0


def _item_label(form: FormDefinition, name: str) -> Text:
    """A field named by its one code's label ("Januar" for STMND_1), else by its name."""
    codes = form.field(name).codes
    return codes[0].label if len(codes) == 1 else {"nb": name}


def compute_totals(form: FormDefinition, data: RecordSet | dict[str, Any]) -> list[Total]:
    """The totals form.json declares, over records (record forms) or answers."""
    totals = []
    for spec in form.totals:
        value: int | None = None
        items: tuple[tuple[Text, int], ...] = ()
        if spec.get("count") == "records":
            value = len(data) if isinstance(data, RecordSet) else None
        elif "sum" in spec:
            value = sum(_field_sum(form, data, name) for name in spec["sum"])
        elif "countFilled" in spec:
            items = tuple(
                (_item_label(form, name), _field_count(form, data, name))
                for name in spec["countFilled"]
            )
        totals.append(Total(spec["id"], spec["label"], value, items))
    return totals


def _field_sum(form: FormDefinition, data: RecordSet | dict[str, Any], name: str) -> int:
    if isinstance(data, RecordSet):
        column = form.field(name).column
        assert column is not None
        start, end = column.start, column.end
        return sum(_integer(line[start:end].strip()) for line in data.lines)
    value = data.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _field_count(form: FormDefinition, data: RecordSet | dict[str, Any], name: str) -> int:
    if isinstance(data, RecordSet):
        column = form.field(name).column
        assert column is not None
        start, end = column.start, column.end
        return sum(1 for line in data.lines if line[start:end].strip())
    return 1 if data.get(name) not in (None, "", []) else 0


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
