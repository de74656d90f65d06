""" "Skal ikke rapportere": a record form's nil delivery from the window.

A municipality with no recipients delivers SSB's nil file, exactly one space (SSB's
control 000). This signs that, not the draft: the draft and its records stay as they are
(so a mistaken click loses nothing), the receipt says there was nothing to report, and
the overview shows the form as signed with nothing to report. The signing itself is the
form page's (client.gui.form_page), the same as for an ordinary submission.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from client.core.documents import FormDocument
from client.core.errors import UserError
from client.core.records.recordset import RecordSet
from client.core.validation.engine import ValidationContext

if TYPE_CHECKING:
    from client.gui.form_page import FormPage
    from client.gui.operations import Operation


def nothing_button(page: FormPage) -> QPushButton | None:
    """The form page's "Nothing to report" button; None for a questionnaire (SSB's nil
    delivery exists for record files only)."""
    if not page.session.form.is_record_form:
        return None
    button = QPushButton(QCoreApplication.translate("NilDelivery", "&Nothing to report…"), page)
    button.setToolTip(
        QCoreApplication.translate(
            "NilDelivery",
            "The municipality has no one to report: submit SSB's nil delivery (one space)",
        )
    )
    button.clicked.connect(page.submit_nothing_to_report)
    return button


def nil_document(page: FormPage) -> tuple[FormDocument, ValidationContext]:
    """SSB's nil delivery of the page's form, and the context that checks it as such."""
    form = page.session.form
    context = ValidationContext.from_region(
        page.session.context.region, form.year, nothing_to_report=True
    )
    return FormDocument(form, records=RecordSet(form, nil_marker=True)), context


def submit_nothing_to_report(page: FormPage) -> Operation | None:
    """Ask, then sign and write the nil delivery. Returns the running operation (tests
    wait on it), or None when the user stopped or something was missing."""
    session, ctx = page.session, page.ctx
    if session.records is None or page._operation is not None:
        return None
    title = QCoreApplication.translate("NilDelivery", "Nothing to report")
    form = session.form.display_title(ctx.lang)
    text = QCoreApplication.translate(
        "NilDelivery",
        "Submit form %1 as nothing to report? SSB then gets its nil delivery (a file of one "
        "space), signed, with a receipt saying the municipality has nothing to report.",
    ).replace("%1", form)
    count = len(session.records)
    if count:
        kept = QCoreApplication.translate(
            "NilDelivery",
            "The draft's records (%n) are not sent; they stay in the draft.",
            "",
            count,
        )
        text += "\n\n" + kept
    if not ctx.asker.confirm(title, text):
        return None
    from client.gui import certificates

    info = certificates.ensure_signing_key(ctx)
    if info is None or not page._orgnr_agrees(title, info.orgnr):
        return None
    out_dir = page._choose_folder()
    if out_dir is None:
        return None
    try:
        signer = ctx.key_store.signer()
        recipient = ctx.key_store.ssb_certificate()
    except UserError as error:
        ctx.asker.warn(title, error.message(ctx.lang))
        return None
    nil = nil_document(page)
    return page._sign_and_write(signer, recipient, out_dir, info.self_signed, nil=nil)
