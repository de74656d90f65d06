"""Starting a questionnaire from last year's answers, in the window.

Last year's answers are the draft of the same form for the year before in the user's data
folder (it stays after signing, so it holds what was submitted), else last year's signed
submission in the archive, or a file the user picks (a draft, an answers file or a signed
submission that is not encrypted). client.core.prefill decides what carries over; this module
offers it, applies it as one undo step, marks every question that came from last year
(and says when its answer now differs from last year's), and names last year's answers
that this year's form has no question for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from client.core.forms.model import FormDefinition
    from client.core.prefill import Prefill
    from client.gui.questionnaire import QuestionnairePane


@dataclass
class LastYear:
    """What the window remembers of a prefill while the form is open."""

    year: int
    answers: dict[str, Any]  # last year's answers as they were
    result: Prefill
    marked: set[str] = field(default_factory=set)


def last_year_source(pane: QuestionnairePane) -> Path | None:
    """Where last year's answers are: the draft of the form for the year before, else last
    year's signed submission in the archive (when it can be read: not encrypted)."""
    from client.core.submission.archive import last_year

    form = pane.session.form
    workspace = pane.ctx.workspace
    if workspace.has_draft(form.form_id, form.year - 1):
        return workspace.draft_path(form.form_id, form.year - 1)
    archived = last_year(workspace.data_dir, pane.session.context.region, form.form_id, form.year)
    if archived is not None and isinstance(_read(archived.path, workspace), dict):
        return archived.path
    return None


def _read(path: Path, workspace: Any = None) -> dict[str, Any] | str:
    """Last year's answers, or a message saying why they cannot be read."""
    import zipfile

    from client.core.prefill import last_year_answers

    try:
        return last_year_answers(path, getattr(workspace, "draft_keys", None))
    except (OSError, UnicodeDecodeError, ValueError, zipfile.BadZipFile) as error:
        detail = getattr(error, "msg", None) or getattr(error, "strerror", None) or str(error)
        return (
            QCoreApplication.translate(
                "Prefill",
                "Last year's answers in %1 cannot be read (%2). Nothing was changed; choose "
                "another file: a draft, an answers file (JSON) or a signed submission that is "
                "not encrypted (.asice).",
            )
            .replace("%1", str(path))
            .replace("%2", detail)
        )


def start_from_last_year(pane: QuestionnairePane, path: Path | None = None) -> bool:
    """Fill the form from last year's answers (the draft, else a file the user picks)."""
    from client.core.prefill import prefill
    from client.gui.questionnaire_files import replace_answers

    ctx, session = pane.ctx, pane.session
    form = session.form
    title = QCoreApplication.translate("Prefill", "Start from last year's answers")
    path = path or last_year_source(pane)
    if path is None:
        path = ctx.asker.open_file(
            title,
            QCoreApplication.translate(
                "Prefill", "Last year's answers (*.json *.asice);;All files (*)"
            ),
        )
    if path is None:
        return False
    last = _read(Path(path), ctx.workspace)
    if isinstance(last, str):
        ctx.asker.warn(title, last)
        return False
    if session.answers and not ctx.asker.confirm(
        title,
        QCoreApplication.translate(
            "Prefill",
            "The answers in the form will be replaced by last year's. You can undo this "
            "with Ctrl+Z. Continue?",
        ),
    ):
        return False
    result = prefill(form, last)
    pane.last_year = session.last_year = LastYear(form.year - 1, last, result, set(result.marked))
    replace_answers(session, result.answers)
    session.validate_now()
    pane.hide_offer()
    pane.show_dropped()
    pane.view.mark_origins(pane.last_year)
    return True


def origin_text(form: FormDefinition, name: str, value: Any, last: LastYear, lang: str) -> str:
    """The mark beside a question answered from last year."""
    from client.core.forms.answers import display_value

    if name not in last.marked:
        return ""
    before = last.answers.get(name)
    year = str(last.year)
    if name in last.result.changed:
        return QCoreApplication.translate(
            "Prefill", "From %1, adjusted to this year's choices"
        ).replace("%1", year)
    if value == before:
        return QCoreApplication.translate("Prefill", "As in %1").replace("%1", year)
    target = form.field(name)
    if target.is_table and isinstance(before, list):
        count = len(before)  # a variable: lupdate misses a plural counted by an expression
        was = QCoreApplication.translate("Prefill", "%n row(s)", "", count)
    else:
        was = display_value(target, before, lang) or "–"
    return (
        QCoreApplication.translate("Prefill", "Changed from %1 (last year: %2)")
        .replace("%1", year)
        .replace("%2", was)
    )


def dropped_text(form: FormDefinition, last: LastYear) -> str:
    """Last year's answers that this year's form has no place for, by name and value."""
    dropped = last.result.dropped
    if not dropped:
        return ""
    lines = []
    for name, value in dropped.items():
        shown = value if isinstance(value, str | int | float) else _compact(value)
        lines.append(f"{name}: {shown}")
    count = len(lines)
    head = QCoreApplication.translate(
        "Prefill",
        "%n answer(s) from %1 were not carried over: this year's form has no question "
        "for them, or they no longer fit it. Answer these questions again if they still apply:",
        "", count,
    ).replace("%1", str(last.year))
    return head + "\n" + "\n".join(lines)


def _compact(value: Any) -> str:
    import json

    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "…"


class OfferBar(QFrame):
    """"Last year's answers exist: start from them?" above an empty form."""

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(
            QCoreApplication.translate(
                "Prefill",
                "You have answers to this form from %1. Start from them? Every answer "
                "taken from %1 is marked, and you can change it.",
            ).replace("%1", str(year)),
            self,
        )
        self.text.setWordWrap(True)
        self.accept = QPushButton(
            QCoreApplication.translate("Prefill", "S&tart from %1").replace("%1", str(year)),
            self,
        )
        self.decline = QPushButton(QCoreApplication.translate("Prefill", "No, thanks"), self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.accept)
        layout.addWidget(self.decline)


class DroppedNote(QLabel):
    """Names last year's answers that were not carried over (stays until closed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMargin(6)
        self.hide()
