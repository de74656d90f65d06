"""Names and icons shared by several views: severities and form states, never colour alone."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

SEVERITY_NAMES = {
    "FATAL": QT_TRANSLATE_NOOP("Texts", "Fatal error"),
    "ERROR": QT_TRANSLATE_NOOP("Texts", "Error"),
    "WARNING": QT_TRANSLATE_NOOP("Texts", "Warning"),
    "INFO": QT_TRANSLATE_NOOP("Texts", "Information"),
}
SEVERITY_PLURALS = {
    "FATAL": QT_TRANSLATE_NOOP("Texts", "Fatal errors"),
    "ERROR": QT_TRANSLATE_NOOP("Texts", "Errors"),
    "WARNING": QT_TRANSLATE_NOOP("Texts", "Warnings"),
    "INFO": QT_TRANSLATE_NOOP("Texts", "Information"),
}
STATE_NAMES = {
    "not_started": QT_TRANSLATE_NOOP("Texts", "Not started"),
    "draft": QT_TRANSLATE_NOOP("Texts", "Draft"),
    "errors": QT_TRANSLATE_NOOP("Texts", "Has errors"),
    "unexplained": QT_TRANSLATE_NOOP("Texts", "Warnings need explanation"),
    "ready": QT_TRANSLATE_NOOP("Texts", "Ready"),
    "signed": QT_TRANSLATE_NOOP("Texts", "Signed"),
}
NOTHING_TO_REPORT = QT_TRANSLATE_NOOP("Texts", "Signed: nothing to report")

_SEVERITY_ICON = {
    "FATAL": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "ERROR": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "WARNING": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "INFO": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
_STATE_ICON = {
    "not_started": QStyle.StandardPixmap.SP_FileIcon,
    "draft": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "errors": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "unexplained": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "ready": QStyle.StandardPixmap.SP_DialogApplyButton,
    "signed": QStyle.StandardPixmap.SP_DialogSaveButton,
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Texts", text)


def severity_name(severity: str, plural: bool = False) -> str:
    return tr((SEVERITY_PLURALS if plural else SEVERITY_NAMES).get(severity, severity))


def state_name(state: str) -> str:
    return tr(STATE_NAMES.get(state, state))


def severity_icon(severity: str) -> QIcon:
    return QApplication.style().standardIcon(_SEVERITY_ICON[severity])


def status_name(state: str, nothing_to_report: bool = False) -> str:
    """The state's name; a form signed as SSB's nil delivery says so."""
    return tr(NOTHING_TO_REPORT) if nothing_to_report and state == "signed" else state_name(state)


def state_icon(state: str) -> QIcon:
    return QApplication.style().standardIcon(_STATE_ICON[state])


def counts_text(counts: dict[str, int]) -> str:
    """ "2 errors, 1 warning" in the interface's language; "No findings" when empty."""
    parts = []
    for severity in ("FATAL", "ERROR", "WARNING", "INFO"):
        n = counts.get(severity, 0)
        if n:
            parts.append(f"{severity_name(severity, plural=n != 1)}: {n}")
    return ", ".join(parts) if parts else QCoreApplication.translate("Texts", "No findings")
