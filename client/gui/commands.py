"""Undo commands: each edit of a form is one QUndoCommand that calls the session's `_apply_*`.

Typing into one field merges into one step, so Ctrl+Z undoes a word, not a letter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from client.core.records.recordset import RecordSet
    from client.core.validation.engine import ValidationSession
    from client.gui.form_session import FormSession

_SET_VALUE, _SET_ANSWER, _SET_EXPLANATION = 1, 2, 3


class SetValue(QUndoCommand):
    def __init__(self, session: FormSession, index: int, name: str, old: str, new: str) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Change %1").replace("%1", name))
        self.session, self.index, self.name, self.old, self.new = session, index, name, old, new
        self.moved: dict[str, str] = {}  # explanations set aside by the edit

    def id(self) -> int:
        return _SET_VALUE

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, SetValue) and (other.index, other.name) == (self.index, self.name):
            self.new = other.new
            self.moved.update(other.moved)
            return True
        return False

    def redo(self) -> None:
        self.moved.update(self.session._apply_value(self.index, self.name, self.new))

    def undo(self) -> None:
        self.session._apply_value(self.index, self.name, self.old)
        self.session._reconfirm(self.moved)


class SetAnswer(QUndoCommand):
    def __init__(self, session: FormSession, name: str, old: Any, new: Any) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Change %1").replace("%1", name))
        self.session, self.name, self.old, self.new = session, name, old, new
        self.moved: dict[str, str] = {}  # explanations set aside by the edit

    def id(self) -> int:
        return _SET_ANSWER

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Only text typing merges; a click on a checkbox is its own step.
        if (
            isinstance(other, SetAnswer)
            and other.name == self.name
            and isinstance(self.new, str | int)
            and isinstance(other.new, str | int)
        ):
            self.new = other.new
            self.moved.update(other.moved)
            return True
        return False

    def redo(self) -> None:
        self.moved.update(self.session._apply_answer(self.name, self.new))

    def undo(self) -> None:
        self.session._apply_answer(self.name, self.old)
        self.session._reconfirm(self.moved)


class SetExplanation(QUndoCommand):
    def __init__(self, session: FormSession, ref: str, old: str, new: str) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Explain %1").replace("%1", ref))
        self.session, self.ref, self.old, self.new = session, ref, old, new

    def id(self) -> int:
        return _SET_EXPLANATION

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, SetExplanation) and other.ref == self.ref:
            self.new = other.new
            return True
        return False

    def redo(self) -> None:
        self.session._apply_explanation(self.ref, self.new)

    def undo(self) -> None:
        self.session._apply_explanation(self.ref, self.old)


class InsertRecords(QUndoCommand):
    def __init__(self, session: FormSession, at: int, lines: list[str], copy: bool = False) -> None:
        super().__init__(
            QCoreApplication.translate("Commands", "Copy record")
            if copy
            else QCoreApplication.translate("Commands", "New record")
        )
        self.session, self.at, self.lines = session, at, lines

    def redo(self) -> None:
        self.session._apply_insert(self.at, self.lines)

    def undo(self) -> None:
        self.session._apply_delete(list(range(self.at, self.at + len(self.lines))))


class DeleteRecords(QUndoCommand):
    def __init__(self, session: FormSession, indexes: list[int]) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Delete records"))
        self.session, self.indexes = session, indexes
        self.lines: list[str] = []
        self.explanations: dict[str, str] = {}

    def redo(self) -> None:
        self.lines, self.explanations = self.session._apply_delete(self.indexes)

    def undo(self) -> None:
        self.session._apply_reinsert(self.indexes, self.lines, self.explanations)


class ReplaceRecords(QUndoCommand):
    def __init__(
        self, session: FormSession, records: RecordSet, validation: ValidationSession | None
    ) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Import file"))
        self.session = session
        assert session.records is not None
        self.old_records, self.old_explanations = session.records, dict(session.explanations)
        self.new_records, self.validation = records, validation

    def redo(self) -> None:
        self.session._apply_replace(self.new_records, {}, self.validation)
        self.validation = None  # a redo after undo revalidates: records may have moved

    def undo(self) -> None:
        self.session._apply_replace(self.old_records, self.old_explanations, None)


class SetExplanations(QUndoCommand):
    """One explanation given to many warnings at once (one undo step)."""

    def __init__(self, session: FormSession, new: dict[str, str]) -> None:
        count = len(new)
        super().__init__(QCoreApplication.translate("Commands", "Explain %n warning(s)", "", count))
        self.session = session
        self.new = dict(new)
        self.old = {ref: session.explanations.get(ref, "") for ref in new}

    def redo(self) -> None:
        self.session._apply_explanations(self.new)

    def undo(self) -> None:
        self.session._apply_explanations(self.old)


class SetValues(QUndoCommand):
    """Values set on many records at once (a field on selected lines, find and replace,
    pasted rows): one undo step."""

    def __init__(
        self, session: FormSession, changes: list[tuple[int, str, str, str]], text: str
    ) -> None:
        super().__init__(text)
        self.session = session
        self.changes = changes  # (index, field, old, new)
        self.moved: dict[str, str] = {}  # explanations set aside by the edit

    def redo(self) -> None:
        self.moved.update(
            self.session._apply_values([(i, n, new) for i, n, _, new in self.changes])
        )

    def undo(self) -> None:
        self.session._apply_values([(i, n, old) for i, n, old, _ in self.changes])
        self.session._reconfirm(self.moved)
