"""Who reports: kommunenummer and name, bydel (Oslo), organisasjonsnummer (mod-11 checked).

Asked at first start and changeable later from the Settings menu.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from client.core.kommuner import name_of, oslo_bydeler
from client.core.workspace import OSLO, ReportingUnit
from client.gui import accessibility

# Oslo's districts, from the shipped list of kommuner (the same codes control 03 accepts,
# SSB's region codes 030101-030115; a test checks that they agree).
OSLO_DISTRICTS = oslo_bydeler(dt.date.today().year)


class SetupDialog(QDialog):
    def __init__(
        self, unit: ReportingUnit | None, parent: QWidget | None = None, intro: str | None = None
    ) -> None:
        """`unit` fills the fields in (the unit as it is, or one suggested); `intro` says
        why the dialog asks, in place of the first start's question."""
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("SetupDialog", "Reporting unit"))
        intro_label = QLabel(
            intro
            or QCoreApplication.translate(
                "SetupDialog",
                "Who reports? This is used for every form and can be changed later under Settings.",
            ),
            self,
        )
        intro_label.setWordWrap(True)
        self.kommunenummer = QLineEdit(self)
        self.kommunenummer.setInputMask("9999;_")
        self.kommunenummer.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 10)
        self.name = QLineEdit(self)
        self.bydel = QComboBox(self)
        for code, name in OSLO_DISTRICTS.items():
            self.bydel.addItem(f"{code} {name}", code)
        self.orgnr = QLineEdit(self)
        self.orgnr.setInputMask("999 999 999;_")
        self.orgnr.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 16)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows: dict[str, QLabel] = {}
        for key, label, widget in (
            (
                "kommunenummer",
                QCoreApplication.translate("SetupDialog", "&Municipality number:"),
                self.kommunenummer,
            ),
            ("name", QCoreApplication.translate("SetupDialog", "&Name:"), self.name),
            ("bydel", QCoreApplication.translate("SetupDialog", "&District:"), self.bydel),
            (
                "orgnr",
                QCoreApplication.translate("SetupDialog", "&Organisation number:"),
                self.orgnr,
            ),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(caption, widget)
            self.rows[key] = caption
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        if unit is not None:
            self.kommunenummer.setText(unit.kommunenummer)
            self.name.setText(unit.name)
            self.orgnr.setText(unit.orgnr)
            index = self.bydel.findData(unit.bydel)
            if index >= 0 or unit.kommunenummer == OSLO:
                self.bydel.setCurrentIndex(index)  # none: Oslo's bydel is for the user to choose
        # The name last filled in from the number: replaced when the number changes, while
        # a name the user typed is kept.
        self._filled_name = ""
        self.kommunenummer.textChanged.connect(self._kommune_changed)
        self._kommune_changed()
        missing = self.unit().problems() if unit is not None else []
        if missing:  # a suggested unit: the cursor where the user has something to add
            self._fields()[missing[0]].setFocus()

    def _kommune_changed(self) -> None:
        number = self.kommunenummer.text()
        oslo = number == OSLO
        self.bydel.setVisible(oslo)
        self.rows["bydel"].setVisible(oslo)
        # The shipped list of kommuner (resources/kommuner/<year>.json) knows the name.
        known = name_of(number, dt.date.today().year) if len(number) == 4 else None
        current = self.name.text().strip()
        if known and current in ("", self._filled_name):
            self.name.setText(known)
            self._filled_name = known
        elif not known and current and current == self._filled_name:
            self.name.clear()
            self._filled_name = ""

    def unit(self) -> ReportingUnit:
        kommune = self.kommunenummer.text().strip()
        return ReportingUnit(
            kommunenummer=kommune,
            name=self.name.text().strip(),
            orgnr=self.orgnr.text().replace(" ", ""),
            bydel=(self.bydel.currentData() or "") if kommune == OSLO else "00",
        )

    def problems_text(self) -> str:
        return "\n".join(self.problem_messages().values())

    def problem_messages(self) -> dict[str, str]:
        """Each problem's message, by field, in the order the fields stand."""
        messages = {
            "kommunenummer": QCoreApplication.translate(
                "SetupDialog", "The municipality number has four digits, for example 4601."
            ),
            "name": QCoreApplication.translate("SetupDialog", "Write the municipality's name."),
            "bydel": QCoreApplication.translate("SetupDialog", "Choose the district."),
            "orgnr": QCoreApplication.translate(
                "SetupDialog",
                "The organisation number has nine digits and its last digit "
                "must match the others (mod 11). Check it in the Central Coordinating Register "
                "(Brønnøysundregistrene).",
            ),
        }
        return {p: messages[p] for p in self.unit().problems()}

    def accept(self) -> None:
        problems = self.problem_messages()
        fields = self._fields()
        # Each message belongs to its field: a screen reader reads it with the field.
        for key, widget in fields.items():
            widget.setAccessibleDescription(problems.get(key, ""))
        accessibility.tie_error(self.problem, [fields[key] for key in problems])
        if problems:
            text = "\n".join(problems.values())
            self.problem.setText("⚠ " + text)
            self._fit()
            fields[next(iter(problems))].setFocus()
            accessibility.announcer().say(self, text, assertive=True)
            return
        self.problem.clear()
        super().accept()

    def _fields(self) -> dict[str, QWidget]:
        return {
            "kommunenummer": self.kommunenummer,
            "name": self.name,
            "bydel": self.bydel,
            "orgnr": self.orgnr,
        }

    def _fit(self) -> None:
        """Grow (never shrink) so the whole message shows: a top-level window does not
        follow a word-wrapped label's height on its own."""
        layout = self.layout()
        layout.activate()
        width = self.width()
        wanted = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else (
            layout.totalSizeHint().height()
        )
        if wanted > self.height():
            self.resize(width, wanted)
