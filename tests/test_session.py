"""ValidationSession keeps the same findings as validating from scratch.

The desktop client revalidates one record per keystroke with
ValidationSession.update; the findings it shows, their summary, and the records
it repaints must be those a fresh FormValidator.validate gives for the same
records, after any sequence of edits, insertions and deletions.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from client.core.forms.catalog import FormCatalog
from client.core.forms.model import FieldDef
from client.core.records.recordset import RecordSet
from client.core.validation.engine import FormValidator, ValidationContext, ValidationSession
from client.core.validation.findings import Finding, summarize
from synthetic import clean_record, clean_records, plant_errors

FORM = FormCatalog().load("11F", 2026)
REGION = "123400"
CONTEXT = ValidationContext.from_region(REGION, FORM.year)
VALIDATOR = FormValidator(FORM)
RECORDS = 200
FNR, JOURNAL = "PERSON_FODSELSNR", "PERSON_JOURNALNR"
# Fields that name a record in other records' findings (uniqueness keys; journal and
# caseworker shown with every finding).
IDENTITY = {FNR, JOURNAL, FORM.identity.journal, FORM.identity.caseworker} | {
    name for c in VALIDATOR.unique_controls for name in c.control.spec["key"]
}
ALL_FIELDS = tuple(f.name for f in FORM.fields)
PLAIN_FIELDS = tuple(name for name in ALL_FIELDS if name not in IDENTITY)
# The data problems tests/synthetic.plant_errors plants, as single values.
PLANTED = {
    "KJONN": ["3"],
    "EKTSTAT": ["9"],
    "BIDRAG": ["1200000", "-500"],
    "FODSELSDATO": ["31021990", "31022025"],
    "PERSON_FODSELSNR": ["01019012345", "00000000000"],
}


@cache
def base_lines(with_errors: bool) -> tuple[str, ...]:
    records = list(clean_records(FORM, RECORDS, REGION))
    if with_errors:
        records = plant_errors(records, FORM, every=20)
    return tuple(RecordSet.from_records(FORM, records).lines)


def edit_values(field: FieldDef) -> st.SearchStrategy[str]:
    """Values that fit the field: its codes, planted errors, blanks, digits, other text."""
    assert field.column is not None
    size = field.column.size
    choices = [c.code for c in field.codes] + PLANTED.get(field.name, [])
    return st.one_of(
        st.sampled_from(choices) if choices else st.nothing(),
        st.just(""),
        st.text(alphabet="0123456789", min_size=1, max_size=size),
        st.text(alphabet="0123456789 -Xæ", max_size=size),
    ).map(lambda value: value[:size])


def describe(finding: Finding) -> tuple[str, ...]:
    """What a user sees of a finding, and what identifies it."""
    return (
        repr(finding.key),
        finding.ref,
        finding.severity,
        finding.message("nb"),
        str(finding.journal),
        str(finding.caseworker),
    )


def described(findings: list[Finding]) -> list[tuple[str, ...]]:
    return sorted(describe(f) for f in findings)


def by_line(findings: list[Finding]) -> dict[int, list[tuple[str, ...]]]:
    out: dict[int, list[tuple[str, ...]]] = defaultdict(list)
    for finding in findings:
        assert finding.line is not None
        out[finding.line - 1].append(describe(finding))
    return {i: sorted(items) for i, items in out.items()}


def length_mode(findings: list[Finding]) -> bool:
    assert VALIDATOR.length_control is not None
    return any(f.control == VALIDATOR.length_control.control.id for f in findings)


class SessionMachine(RuleBasedStateMachine):
    """Edits through ValidationSession.update; insertions and deletions through rebuild."""

    fields: tuple[str, ...] = ALL_FIELDS
    identity_edits = True
    with_errors = True

    def __init__(self) -> None:
        super().__init__()
        self.records = RecordSet(FORM, base_lines(self.with_errors))
        self.session = ValidationSession(VALIDATOR, self.records, CONTEXT)
        self.undo: list[tuple[int, str, str]] = []  # (index, field, value before the edit)
        self.fresh = VALIDATOR.validate(self.records, CONTEXT)
        self.inserted = 0

    # --- edits -----------------------------------------------------------------------

    def edit(self, index: int, name: str, value: str) -> None:
        self.undo.append((index, name, self.records.value(index, name)))
        self.set_and_update(index, name, value)

    def set_and_update(self, index: int, name: str, value: str) -> None:
        before = self.fresh
        self.records.set_value(index, name, value)
        touched = self.session.update(index)
        self.fresh = VALIDATOR.validate(self.records, CONTEXT)
        self.check_touched(index, touched, before)

    @rule(data=st.data())
    def set_field(self, data: st.DataObject) -> None:
        index = data.draw(st.integers(0, len(self.records) - 1), label="index")
        name = data.draw(st.sampled_from(self.fields), label="field")
        value = data.draw(edit_values(FORM.field(name)), label="value")
        self.edit(index, name, value)

    @precondition(lambda self: self.identity_edits)
    @rule(data=st.data())
    def copy_identity(self, data: st.DataObject) -> None:
        """Give a record another record's fødselsnummer or journal number: a duplicate."""
        index = data.draw(st.integers(0, len(self.records) - 1), label="index")
        other = data.draw(st.integers(0, len(self.records) - 1), label="other")
        name = data.draw(st.sampled_from([FNR, JOURNAL]), label="field")
        self.edit(index, name, self.records.value(other, name))

    @precondition(lambda self: bool(self.undo))
    @rule(data=st.data())
    def revert(self, data: st.DataObject) -> None:
        """Undo an earlier edit (which removes the duplicate it made, if any)."""
        position = data.draw(st.integers(0, len(self.undo) - 1), label="undo")
        index, name, value = self.undo.pop(position)
        self.set_and_update(index, name, value)

    # --- insertions and deletions, then rebuild ---------------------------------------------

    @rule(data=st.data())
    def insert(self, data: st.DataObject) -> None:
        index = data.draw(st.integers(0, len(self.records)), label="at")
        kind = data.draw(st.sampled_from(["new", "copy", "short", "long"]), label="kind")
        self.inserted += 1
        if kind == "copy" and self.identity_edits:  # a duplicate of every key
            line = self.records.lines[data.draw(st.integers(0, len(self.records) - 1))]
        elif kind == "short":
            line = self.records.lines[0][:-1]
        elif kind == "long":
            line = self.records.lines[0] + " "
        else:
            values = clean_record(FORM, RECORDS + self.inserted, REGION)
            line = RecordSet.from_records(FORM, [values]).lines[0]
        self.records.insert(index, line)
        self.undo = [(i + (i >= index), name, value) for i, name, value in self.undo]
        self.rebuild()

    @precondition(lambda self: len(self.records) > 1)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        index = data.draw(st.integers(0, len(self.records) - 1), label="at")
        self.records.delete(index)
        self.undo = [(i - (i > index), name, value) for i, name, value in self.undo
                     if i != index]
        self.rebuild()

    @precondition(lambda self: any(len(line) != FORM.record_length for line in self.records))
    @rule()
    def delete_wrong_lengths(self) -> None:
        """Drop lines of the wrong length, so the other controls run again."""
        for index in reversed(range(len(self.records))):
            if len(self.records.lines[index]) != FORM.record_length:
                self.records.delete(index)
                self.undo = [(i - (i > index), n, v) for i, n, v in self.undo if i != index]
        self.rebuild()

    def rebuild(self) -> None:
        self.session.rebuild()
        self.fresh = VALIDATOR.validate(self.records, CONTEXT)

    # --- what must hold ----------------------------------------------------------------

    def check_touched(self, index: int, touched: set[int], before: list[Finding]) -> None:
        """`update` returns every record whose findings changed, and those records'
        findings are the fresh ones."""
        assert index in touched
        if length_mode(before) != length_mode(self.fresh):
            # Every record's findings appear or vanish with the record-length control.
            assert touched == set(range(len(self.records)))
        old, new = by_line(before), by_line(self.fresh)
        changed = {i for i in old.keys() | new.keys() if old.get(i) != new.get(i)}
        assert changed <= touched, f"changed but not reported as touched: {changed - touched}"
        for i in touched:
            assert described(self.session.findings_for(i)) == new.get(i, [])

    @invariant()
    def same_findings_as_fresh_validation(self) -> None:
        assert described(self.session.findings()) == described(self.fresh)

    @invariant()
    def same_summary_as_fresh_validation(self) -> None:
        assert self.session.summary == summarize(self.fresh)


SETTINGS = settings(
    max_examples=25,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


class PlainEdits(SessionMachine):
    """Edits that leave uniqueness keys, journal and caseworker alone, on a file without
    duplicates: every path of update except the duplicate groups."""

    fields = PLAIN_FIELDS
    identity_edits = False
    with_errors = False


class EditsWithDuplicates(SessionMachine):
    """Every field, duplicates made and removed, on a file with planted errors."""


TestPlainEdits = PlainEdits.TestCase
TestPlainEdits.settings = SETTINGS

TestEditsWithDuplicates = EditsWithDuplicates.TestCase
# One failure is enough to show; both bugs at once would come as an ExceptionGroup.
TestEditsWithDuplicates.settings = settings(SETTINGS, report_multiple_bugs=False)


# --- the smallest cases of two fixed bugs --------------------------------------------------


def _session(count: int = 5) -> tuple[RecordSet, ValidationSession]:
    records = RecordSet(FORM, base_lines(False)[:count])
    return records, ValidationSession(VALIDATOR, records, CONTEXT)


def test_summary_after_removing_a_duplicate() -> None:
    """Record 0 takes record 1's journal number, then gets its own back. The session's
    summary must drop both records' 05B findings; it drops only record 0's."""
    records, session = _session()
    own = records.value(0, JOURNAL)
    records.set_value(0, JOURNAL, records.value(1, JOURNAL))
    session.update(0)
    records.set_value(0, JOURNAL, own)
    session.update(0)
    fresh = VALIDATOR.validate(records, CONTEXT)
    assert fresh == []
    assert session.findings() == []
    assert session.summary == summarize(fresh)


def test_duplicate_findings_follow_a_new_journal_number() -> None:
    """Records 0 and 1 share a fødselsnummer; record 0's journal number then changes. Both
    05A findings name the journals (record 1's lists record 0's as the other one)."""
    records, session = _session()
    records.set_value(0, FNR, records.value(1, FNR))
    session.update(0)
    records.set_value(0, JOURNAL, "JNEW")
    session.update(0)
    fresh = VALIDATOR.validate(records, CONTEXT)
    assert any("JNEW" in f.message() for f in fresh if f.line == 2)
    assert described(session.findings()) == described(fresh)
