"""Our own plausibility controls across the forms of one year (kind "crossForm" in a
questionnaire's controls.json): a figure of the questionnaire against an aggregate of a
record form's records. They run only when both forms of the year are in the client, and
never block: WARNING (or INFO) showing both figures.

`cross_findings(form, answers, others, context)` is the hook the window and the command
line call with the year's other documents (form id -> RecordSet)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from client.core.forms.answers import apply_computed
from client.core.forms.model import Control, FormDefinition
from client.core.records.recordset import RecordSet
from client.core.validation.compiler import (
    BASE_NAMESPACE,
    PARAMS,
    CodeGen,
    DefinitionProblem,
    build_function,
    definition_error,
    prologue_lines,
)
from client.core.validation.engine import ValidationContext
from client.core.validation.findings import Finding

_ARGS = "line, " + ", ".join(PARAMS)


def _function(form: FormDefinition, kind: str, node: Any, name: str) -> Any:
    namespace = dict(BASE_NAMESPACE)
    gen = CodeGen(form, namespace)
    source = gen.cond(node) if kind == "cond" else gen.value(node)[0]
    body = [*prologue_lines(gen, "    "), f"    return {source}"]
    return build_function(name, _ARGS, gen, body, namespace)


def cross_controls(form: FormDefinition) -> list[Control]:
    return [c for c in form.controls if c.kind == "crossForm"]


def _aggregate(control: Control, other: RecordSet, context: ValidationContext) -> float | None:
    spec = control.spec["other"]
    args = context.args()
    try:
        where = (_function(other.form, "cond", spec["where"], "where")
                 if "where" in spec else None)
        value = (_function(other.form, "value", spec["value"], "value")
                 if "value" in spec else None)
    except DefinitionProblem as problem:
        raise definition_error(other.form, f"{control.id}.other", problem) from None
    chosen = [line for line in other.lines if where is None or where(line, *args)]
    if spec["aggregate"] == "count":
        result: float | None = float(len(chosen))
    else:
        numbers = [v for v in (value(line, *args) for line in chosen) if v is not None]
        if not numbers:
            return None
        result = float(sum(numbers))
        if spec["aggregate"] == "average":
            result /= len(numbers)
    if result is not None and "divideBy" in spec:
        result /= spec["divideBy"]
    return result


def _holds(expect: Mapping[str, Any], this: float, other: float) -> bool:
    if "about" in expect:
        tolerance = max(expect["about"]["relative"] * max(this, other), expect["about"]["absolute"])
        return abs(this - other) <= tolerance
    if "otherAtLeast" in expect:
        return other >= expect["otherAtLeast"] * this
    return other <= expect["otherAtMost"] * this


def cross_findings(
    form: FormDefinition,
    answers: Mapping[str, Any],
    others: Mapping[str, RecordSet],
    context: ValidationContext,
) -> list[Finding]:
    """The findings of the questionnaire's cross-form controls whose other form is given."""
    findings = []
    filled = apply_computed(form, answers)
    for control in cross_controls(form):
        other = others.get(control.spec["otherForm"])
        if other is None or not len(other):
            continue
        this_value = _function(form, "value", control.spec["this"], "this")(
            filled, *context.args())
        if this_value is None:
            continue
        other_value = _aggregate(control, other, context)
        if other_value is None or _holds(control.spec["expect"], float(this_value), other_value):
            continue
        variant = control.spec["messages"][0]["text"]
        findings.append(Finding(
            control=control.id, name=control.name, severity=control.severity, line=None,
            field=control.field, text=variant,
            params={"this": int(this_value), "other": round(other_value),
                    "otherForm": control.spec["otherForm"],
                    "reportingYear": context.reporting_year,
                    "kommunenummer": context.kommunenummer},
            origin=control.origin,
        ))
    return findings


def year_records(workspace: Any, catalog: Any, form: FormDefinition) -> dict[str, RecordSet]:
    """The record sets of the year's other forms that `form`'s cross-form controls name,
    from the user's drafts (what the window has). A draft that cannot be read is left out
    here, and left alone: opening that form says why."""
    from client.core.drafts import DraftError, load_draft
    from client.core.errors import UserError

    out: dict[str, RecordSet] = {}
    for control in cross_controls(form):
        other_id = control.spec["otherForm"]
        if other_id in out or not workspace.has_draft(other_id, form.year):
            continue
        try:
            other_form = catalog.load(other_id, form.year)
            document = load_draft(workspace.draft_path(other_id, form.year), other_form,
                                  getattr(workspace, "draft_keys", None))
        except (DraftError, UserError, OSError):
            continue
        if document.records is not None:
            out[other_id] = document.records
    return out
