"""A questionnaire's answers to and from a JSON file, from the window.

Reading goes through the core's load_document, exactly as `kostra validate` reads an
answers file: the same checks and the same messages. An import replaces the answers in
one undo step; a draft file brings its explanations too. Writing is atomic.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from client.core.errors import UserError

if TYPE_CHECKING:
    from client.gui.form_session import FormSession
    from client.gui.questionnaire import QuestionnairePane


def replace_answers(
    session: FormSession, answers: dict[str, Any], explanations: dict[str, str] | None = None
) -> None:
    """Put `answers` (with their computed totals) in place of the session's, as one
    undo step."""
    from client.core.forms.answers import apply_computed

    answers = apply_computed(session.form, answers)
    session.undo.beginMacro(QCoreApplication.translate("Questionnaire", "Import answers"))
    try:
        for name in sorted(set(session.answers) | set(answers)):
            session.set_answer(name, answers.get(name))
        for ref, text in (explanations or {}).items():
            session.set_explanation(ref, text)
    finally:
        session.undo.endMacro()


def import_answers(pane: QuestionnairePane, path: Path | None = None) -> bool:
    from client.core.documents import load_document

    ctx, session = pane.ctx, pane.session
    title = QCoreApplication.translate("Questionnaire", "Import answers")
    if path is None:
        path = ctx.asker.open_file(
            title, QCoreApplication.translate("Questionnaire", "Answers (*.json)")
        )
    if path is None:
        return False
    try:
        document = load_document(Path(path), session.form)
    except UserError as error:
        ctx.asker.warn(title, error.message(ctx.lang))
        return False
    answers = document.answers or {}
    if session.answers and not ctx.asker.confirm(
        title,
        QCoreApplication.translate(
            "Questionnaire",
            "The answers in the form will be replaced by the file's. You can undo this "
            "with Ctrl+Z. Continue?",
        ),
    ):
        return False
    replace_answers(session, answers, document.explanations)
    session.validate_now()
    count = len(answers)  # a variable: lupdate misses a plural counted by an expression
    ctx.asker.inform(
        title,
        QCoreApplication.translate("Questionnaire", "%n answer(s) read from %1.", "", count)
        .replace("%1", str(path)),
    )
    return True


def export_answers(pane: QuestionnairePane, path: Path | None = None) -> bool:
    from client.core.fileio import atomic_write_bytes

    ctx, session = pane.ctx, pane.session
    form = session.form
    title = QCoreApplication.translate("Questionnaire", "Export answers")
    if path is None:
        suggested = f"{form.form_id}_{form.year}_{session.context.region}.json"
        path = ctx.asker.save_file(
            title, QCoreApplication.translate("Questionnaire", "Answers (*.json)"), suggested
        )
    if path is None:
        return False
    data = json.dumps(session.answers, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    try:
        atomic_write_bytes(Path(path), data.encode("utf-8"))
    except UserError as error:
        ctx.asker.warn(title, error.message(ctx.lang))
        return False
    count = len(session.answers)
    ctx.asker.inform(
        title,
        QCoreApplication.translate("Questionnaire", "%n answer(s) written to %1.", "", count)
        .replace("%1", str(path)),
    )
    return True


def print_form(pane: QuestionnairePane, path: Path | None = None) -> bool:
    """Write the filled form, with the findings there are now, to a PDF (the core's
    render_questionnaire), and offer to open it: to keep, or to print from the viewer."""
    from client import __version__
    from client.core.fileio import atomic_write_bytes
    from client.core.forms.visibility import prune_hidden
    from client.core.submission.receipt import render_questionnaire

    ctx, session = pane.ctx, pane.session
    form = session.form
    title = QCoreApplication.translate("Questionnaire", "Print or save as PDF")
    if path is None:
        suggested = f"{form.form_id}_{form.year}_{session.context.region}_utskrift.pdf"
        path = ctx.asker.save_file(
            title, QCoreApplication.translate("Questionnaire", "PDF (*.pdf)"), suggested
        )
    if path is None:
        return False
    session.validate_now()
    unit = ctx.settings.unit
    organisation = f"{unit.name} ({unit.orgnr})" if unit is not None else ""
    pdf = render_questionnaire(
        form,
        prune_hidden(form, session.answers),
        organisation=organisation,
        region=session.context.region,
        findings=session.findings(),
        explanations=session.explanations,
        client_version=__version__,
        lang=ctx.lang,
    )
    try:
        atomic_write_bytes(Path(path), pdf)
    except UserError as error:
        ctx.asker.warn(title, error.message(ctx.lang))
        return False
    if ctx.asker.offer(
        title,
        QCoreApplication.translate(
            "Questionnaire",
            "The form is written to %1. It is a printout for checking and keeping, not a "
            "receipt: the form is not submitted.",
        ).replace("%1", str(path)),
        QCoreApplication.translate("Questionnaire", "&Open PDF"),
    ):
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return True
