"""Quick fixes a finding offers in the findings panel, read from its control's rule.

A control whose rule is "no minus sign in FIELD" (K-NETTO: a netto amount) has an
obvious remedy, the one SSB applies by hand to such an amount: set it to 0. Which
findings offer it follows from the rule in the form's controls.json, never from a
control's id, so next year's forms need no code. The fix is one ordinary edit (undo
brings the amount back), and the warning's written explanation stays with the draft.
"""

from __future__ import annotations

from client.core.forms.model import FormDefinition
from client.core.validation.findings import Finding
from client.gui.form_session import FormSession


def zero_field(form: FormDefinition, finding: Finding | None) -> str | None:
    """The field "Set to 0" would change for `finding`, or None when it offers no fix."""
    if finding is None or finding.line is None or finding.field is None:
        return None
    if not form.is_record_form or not form.has_field(finding.field):
        return None
    for control in form.controls:
        if control.name == finding.name:
            return finding.field if _forbids_minus(control.spec, finding.field) else None
    return None


def _forbids_minus(spec: dict, field: str) -> bool:
    require = spec.get("require")
    return isinstance(require, dict) and require.get("not") == {"minusSign": field}


def set_to_zero(session: FormSession, finding: Finding) -> bool:
    """Set the finding's amount to 0 (one undo step); False when it offers no such fix."""
    field = zero_field(session.form, finding)
    records = session.records
    if field is None or records is None or finding.line is None:
        return False
    index = finding.line - 1  # the window numbers records by row, as record_page does
    if not 0 <= index < len(records):
        return False
    session.set_value(index, field, "0")
    return True
