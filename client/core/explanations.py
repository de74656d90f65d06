"""An explanation belongs to the values it explains. When a field that the warning's
control reads changes on that line, the explanation no longer vouches for what is there:
it is kept as text but must be confirmed again (as Kiesraad's Abacus resets an accepted
warning when its input changes). Until then the warning counts as unexplained.

Pure functions over the form's controls and explanation refs ("30:12:BIDRAG")."""

from __future__ import annotations

from collections.abc import Mapping

from client.core.forms.loader import referenced_fields
from client.core.forms.model import FormDefinition


def control_inputs(form: FormDefinition) -> dict[str, frozenset[str]]:
    """Per control id, every field any of its declarations reads (SSB reuses an id, as
    11F's two controls 03, so these are unions)."""
    out: dict[str, set[str]] = {}
    for control in form.controls:
        fields = {name for name, _ in referenced_fields(control.spec, "$")}
        key = control.spec.get("key")
        if isinstance(key, list):
            fields.update(k for k in key if isinstance(k, str))
        if control.field:
            fields.add(control.field)
        out.setdefault(control.id, set()).update(fields)
    return {k: frozenset(v) for k, v in out.items()}


def _parse(ref: str) -> tuple[str, str, str] | None:
    # Control ids hold no colon; the field part is last and holds none either.
    parts = ref.rsplit(":", 2)
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else None


def affected(
    inputs: Mapping[str, frozenset[str]],
    explanations: Mapping[str, str],
    line: int | None,
    changed: str,
) -> list[str]:
    """The refs of explanations on `line` (None: a questionnaire) whose control reads the
    changed field."""
    wanted = "-" if line is None else str(line)
    out = []
    for ref in explanations:
        parsed = _parse(ref)
        if parsed is None:
            continue
        control, at, field = parsed
        if at != wanted:
            continue
        if changed == field or changed in inputs.get(control, frozenset()):
            out.append(ref)
    return out
