"""The signing certificate in the window: show it, import a .p12, create a test certificate,
set SSB's encryption certificate. Every change is a call to the core's KeyStore
(`ctx.key_store`); its errors are shown as they are, and it asks for passphrases
through the context's asker.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from client.core.errors import UserError

if TYPE_CHECKING:
    from client.core.submission.keys import CertificateInfo
    from client.gui.context import AppContext


def _warn(ctx: AppContext, title: str, error: UserError) -> None:
    ctx.asker.warn(title, error.message(ctx.lang))


def show_date(when: dt.datetime) -> str:
    """A date in the interface language's short form (24.11.2028, 24/11/2028)."""
    return QLocale().toString(
        QDate(when.year, when.month, when.day), QLocale.FormatType.ShortFormat
    )


def show_subject(subject: str) -> str:
    """RFC 4514 text with a space after each separating comma, so a label can wrap it."""
    return re.sub(r"(?<!\\),", ", ", subject)


def show_fingerprint(hex_digest: str) -> str:
    """AB:CD:… in two lines of 16 bytes, as certificate dialogs show SHA-256."""
    from client.core.submission.keys import format_fingerprint

    text = format_fingerprint(hex_digest)
    half = len(text) // 2 + 1  # 32 bytes: 16 pairs and 16 colons on the first line
    return text[:half] + "\n" + text[half:] if len(text) > 60 else text


# --- the actions (also used by "Submit" when there is no key yet) -----------------------


def _may_replace(ctx: AppContext, title: str) -> bool | None:
    """False when there is no key, True when the user agrees to replace it, None when not."""
    try:
        current = ctx.key_store.show()
    except UserError:
        return True  # a damaged key is replaced without asking about it
    if current is None:
        return False
    text = QCoreApplication.translate(
        "Certificates",
        "This replaces the current signing certificate (%1). Forms signed with it stay "
        "valid, but the old key is deleted from this computer. Continue?",
    ).replace("%1", current.name)
    return True if ctx.asker.confirm(title, text) else None


def import_enterprise_certificate(ctx: AppContext) -> CertificateInfo | None:
    """Ask for the municipality's .p12 (and its passphrase) and keep it as the signing key."""
    title = QCoreApplication.translate("Certificates", "Import enterprise certificate")
    replace = _may_replace(ctx, title)
    if replace is None:
        return None
    path = ctx.asker.open_file(
        title, QCoreApplication.translate("Certificates", "PKCS#12 files (*.p12 *.pfx)")
    )
    if path is None:
        return None
    try:
        info = ctx.key_store.import_pkcs12(path, replace=replace)
    except UserError as error:
        _warn(ctx, title, error)
        return None
    return info


def create_test_certificate(ctx: AppContext) -> CertificateInfo | None:
    """A self-signed certificate with the reporting unit's org. no. and name."""
    title = QCoreApplication.translate("Certificates", "Create test certificate")
    unit = ctx.settings.unit
    if unit is None:
        ctx.asker.warn(
            title,
            QCoreApplication.translate(
                "Certificates",
                "Choose the reporting unit first (Settings, Reporting unit): the test "
                "certificate carries its organisation number and name.",
            ),
        )
        return None
    replace = _may_replace(ctx, title)
    if replace is None:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a new RSA key takes a moment
    try:
        info = ctx.key_store.create_self_signed(unit.orgnr, unit.name, replace=replace)
    except UserError as error:
        QApplication.restoreOverrideCursor()
        _warn(ctx, title, error)
        return None
    QApplication.restoreOverrideCursor()
    return info


def set_ssb_certificate(ctx: AppContext) -> CertificateInfo | None:
    title = QCoreApplication.translate("Certificates", "SSB's encryption certificate")
    path = ctx.asker.open_file(
        title, QCoreApplication.translate("Certificates", "Certificates (*.pem *.cer *.crt *.der)")
    )
    if path is None:
        return None
    try:
        return ctx.key_store.set_ssb_certificate(path)
    except UserError as error:
        _warn(ctx, title, error)
        return None


def ensure_signing_key(ctx: AppContext) -> CertificateInfo | None:
    """The signing certificate, after offering to import or create one when there is none.
    None when there is none and the user cancelled (or the store cannot be read)."""
    title = QCoreApplication.translate("Certificates", "Signing certificate")
    try:
        info = ctx.key_store.show()
    except UserError as error:
        _warn(ctx, title, error)
        return None
    if info is not None:
        return info
    choice = ctx.asker.choose(
        title,
        QCoreApplication.translate(
            "Certificates",
            "The form is signed with the municipality's enterprise certificate before it is "
            "submitted, and this computer has no certificate yet.\n\nA test certificate is "
            "made here and now with the reporting unit's organisation number: good for trying "
            "the client, but SSB accepts only the enterprise certificate.",
        ),
        [
            QCoreApplication.translate("Certificates", "Import enterprise certificate (.p12)…"),
            QCoreApplication.translate("Certificates", "Create test certificate"),
        ],
    )
    if choice == 0:
        return import_enterprise_certificate(ctx)
    if choice == 1:
        return create_test_certificate(ctx)
    return None


# --- the dialog (Settings, Certificate) -------------------------------------------------


class CertificateDialog(QDialog):
    """Shows the signing certificate and SSB's encryption certificate, and changes them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(QCoreApplication.translate("Certificates", "Certificates"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_signing())
        layout.addWidget(self._build_ssb())
        # Made after the groups: Tab follows creation order, and Close comes last.
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(close)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 48)
        self.refresh()

    def _value(self, *, mono: bool = False) -> QLabel:
        label = QLabel(self)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if mono:  # a fingerprint keeps its two lines of 16 bytes
            label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        else:
            label.setWordWrap(True)
        return label

    def _build_signing(self) -> QGroupBox:
        group = QGroupBox(QCoreApplication.translate("Certificates", "Signing certificate"), self)
        self.signing_state = self._value()
        self.organisation = self._value()
        self.orgnr = self._value()
        self.subject = self._value()
        self.valid = self._value()
        self.kind = self._value()
        self.fingerprint = self._value(mono=True)
        self.signing_form = QFormLayout()
        for label, widget in (
            (QCoreApplication.translate("Certificates", "Organisation:"), self.organisation),
            (QCoreApplication.translate("Certificates", "Org. no.:"), self.orgnr),
            (QCoreApplication.translate("Certificates", "Subject:"), self.subject),
            (QCoreApplication.translate("Certificates", "Valid to:"), self.valid),
            (QCoreApplication.translate("Certificates", "Kind:"), self.kind),
            (QCoreApplication.translate("Certificates", "SHA-256:"), self.fingerprint),
        ):
            self.signing_form.addRow(label, widget)
        self.import_button = QPushButton(
            QCoreApplication.translate("Certificates", "&Import enterprise certificate (.p12)…"),
            self,
        )
        self.import_button.clicked.connect(lambda: self._run(import_enterprise_certificate))
        self.create_button = QPushButton(
            QCoreApplication.translate("Certificates", "Create &test certificate"), self
        )
        self.create_button.clicked.connect(lambda: self._run(create_test_certificate))
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        box = QVBoxLayout(group)
        box.addWidget(self.signing_state)
        box.addLayout(self.signing_form)
        box.addLayout(buttons)
        return group

    def _build_ssb(self) -> QGroupBox:
        group = QGroupBox(
            QCoreApplication.translate("Certificates", "SSB's encryption certificate"), self
        )
        self.ssb_state = self._value()
        self.ssb_subject = self._value()
        self.ssb_valid = self._value()
        self.ssb_fingerprint = self._value(mono=True)
        self.ssb_form = QFormLayout()
        for label, widget in (
            (QCoreApplication.translate("Certificates", "Subject:"), self.ssb_subject),
            (QCoreApplication.translate("Certificates", "Valid to:"), self.ssb_valid),
            (QCoreApplication.translate("Certificates", "SHA-256:"), self.ssb_fingerprint),
        ):
            self.ssb_form.addRow(label, widget)
        self.ssb_button = QPushButton(
            QCoreApplication.translate("Certificates", "Set &SSB certificate (.pem/.cer)…"), self
        )
        self.ssb_button.clicked.connect(lambda: self._run(set_ssb_certificate))
        buttons = QHBoxLayout()
        buttons.addWidget(self.ssb_button)
        buttons.addStretch(1)
        box = QVBoxLayout(group)
        box.addWidget(self.ssb_state)
        box.addLayout(self.ssb_form)
        box.addLayout(buttons)
        return group

    def _run(self, action: Callable[[AppContext], object]) -> None:
        action(self.ctx)
        self.refresh()

    def refresh(self) -> None:
        store = self.ctx.key_store
        try:
            info = store.show()
        except UserError as error:
            info = None
            self.signing_state.setText(error.message(self.ctx.lang))
        else:
            self.signing_state.setText(
                QCoreApplication.translate(
                    "Certificates",
                    "No signing certificate yet. Import the municipality's enterprise "
                    "certificate, or create a test certificate to try the client.",
                )
            )
        self.signing_state.setVisible(info is None)
        for row in range(self.signing_form.rowCount()):
            self.signing_form.setRowVisible(row, info is not None)
        if info is not None:
            self.organisation.setText(info.name)
            self.orgnr.setText(info.orgnr or QCoreApplication.translate("Certificates", "none"))
            self.subject.setText(show_subject(info.subject))
            valid = show_date(info.not_after)
            if info.not_after < self.ctx.clock():
                valid += " " + QCoreApplication.translate("Certificates", "(expired)")
            self.valid.setText(valid)
            kind = (
                QCoreApplication.translate(
                    "Certificates", "Test certificate (self-signed): SSB does not accept it."
                )
                if info.self_signed
                else QCoreApplication.translate(
                    "Certificates", "Enterprise certificate issued by %1"
                ).replace("%1", show_subject(info.issuer))
            )
            if info.protection == "keyring":
                kind += "\n" + QCoreApplication.translate(
                    "Certificates", "Its passphrase is kept in the system's keyring."
                )
            elif info.protection == "passphrase":
                kind += "\n" + QCoreApplication.translate(
                    "Certificates", "You are asked for its passphrase each time you sign."
                )
            self.kind.setText(kind)
            self.fingerprint.setText(show_fingerprint(info.fingerprint))

        try:
            certificate = store.ssb_certificate()
        except UserError as error:
            certificate = None
            self.ssb_state.setText(error.message(self.ctx.lang))
        else:
            self.ssb_state.setText(
                QCoreApplication.translate(
                    "Certificates", "Not set up: the data files are signed but not encrypted."
                )
                if certificate is None
                else QCoreApplication.translate(
                    "Certificates", "The data files are encrypted to this certificate."
                )
            )
        for row in range(self.ssb_form.rowCount()):
            self.ssb_form.setRowVisible(row, certificate is not None)
        if certificate is not None:
            from client.core.submission.keys import CertificateInfo

            ssb = CertificateInfo.of(certificate)
            self.ssb_subject.setText(show_subject(ssb.subject))
            self.ssb_valid.setText(show_date(ssb.not_after))
            self.ssb_fingerprint.setText(show_fingerprint(ssb.fingerprint))
        if self.isVisible():
            self.adjustSize()  # shrink again when rows were hidden
