"""One editor per kind of question, chosen by ranked testers (JSON Forms style).

A tester looks at a field (and whether it is a record's field or a questionnaire's
question) and returns how well its editor fits, -1 for not at all; the highest
rank wins, so a kroner editor beats the plain whole-number one by rank alone, and
the definition's "widget" in ui.json beats every guess.

Record fields hold text as it stands in SSB's file, which may be wrong (a code
that does not exist, 31.02.2025): their editors show such text rather than
hiding it, and the findings say what is wrong. Questionnaire answers are typed
(int, "YYYY-MM-DD", code, list of codes, bool).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from client.core.forms.model import FieldDef
from client.core.i18n import format_int, tr

Mode = Literal["record", "answer"]
RADIO_MAX_CODES = 6  # more choices than this read better in a list


class FieldEditor(QWidget):
    """An editor for one field. `edited` carries the new value after a user edit
    (never after `set_value`)."""

    edited = Signal(object)

    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.mode = mode
        self.lang = lang
        self.year: int | None = None  # the reporting year (a date's calendar opens on it)
        self.form: Any = None  # the form's definition (a table reads pasted rows by it)
        self._loading = False

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self._show(value)
        finally:
            self._loading = False

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        """The widget that takes keyboard focus (for tab order, buddies and jumps)."""
        return self

    def inputs(self) -> list[QWidget]:
        """Every focusable part, to give each an accessible name."""
        return [self.focus_widget()]

    def mark(self, findings: list[Any]) -> None:
        """The findings shown for this question (a table marks its cells)."""

    def _emit(self, *_: Any) -> None:
        if not self._loading:
            self.edited.emit(self.value())

    def _blank(self) -> Any:
        return "" if self.mode == "record" else None


def _single(widget: QWidget, parent: QWidget) -> None:
    layout = QHBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)


class CharacterCounter(QLabel):
    """"12 av 500 tegn" beside a question's text that has a limit (not for a record's
    fixed-width field, whose width already shows it)."""

    def __init__(self, field: FieldDef, mode: Mode, parent: QWidget) -> None:
        super().__init__(parent)
        self.limit = field.max_length if mode == "answer" else None
        self.setVisible(bool(self.limit))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.count("")

    def count(self, text: str) -> None:
        if not self.limit:
            return
        self.setText(
            QCoreApplication.translate("FieldEditor", "%1 of %2 characters")
            .replace("%1", format_int(len(text)))
            .replace("%2", format_int(self.limit))
        )
        font = self.font()
        font.setBold(len(text) >= self.limit)  # at the limit: said in bold, not in colour
        self.setFont(font)


def _pattern_length(pattern: Any) -> int | None:
    """The length a pattern of fixed length allows (^[0-9]{4}$ -> 4), else None."""
    import re

    match = re.fullmatch(r"\^\[[^\]]+\]\{(\d+)\}\$", pattern) if isinstance(pattern, str) else None
    return int(match.group(1)) if match else None


class TextEditor(FieldEditor):
    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, mode, lang, parent)
        self.edit = QLineEdit(self)
        if field.max_length:
            self.edit.setMaxLength(field.max_length)
        self.edit.textEdited.connect(self._emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        self.counter = CharacterCounter(field, mode, self)
        self.edit.textChanged.connect(self.counter.count)
        layout.addWidget(self.counter)
        width = field.max_length or _pattern_length(field.schema.get("pattern"))
        if width and width <= 40:
            # A short field looks short: its width tells how much it holds.
            digit = self.fontMetrics().horizontalAdvance("0")
            self.edit.setMaximumWidth(digit * (width + 4))
            layout.addStretch(1)

    def value(self) -> Any:
        text = self.edit.text().strip()
        return text if text or self.mode == "record" else None

    def _show(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def focus_widget(self) -> QWidget:
        return self.edit


class TextAreaEditor(FieldEditor):
    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, mode, lang, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)  # Tab leaves the box, as in every other field
        self.edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.edit.textChanged.connect(self._limit_and_emit)
        self.counter = CharacterCounter(field, mode, self)
        self.edit.textChanged.connect(lambda: self.counter.count(self.edit.toPlainText()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.edit)
        layout.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignRight)

    def _limit_and_emit(self) -> None:
        limit = self.field.max_length
        text = self.edit.toPlainText()
        if limit and len(text) > limit:
            cursor = self.edit.textCursor()
            self.edit.setPlainText(text[:limit])
            cursor.setPosition(limit)
            self.edit.setTextCursor(cursor)
            return
        self._emit()

    def value(self) -> Any:
        text = self.edit.toPlainText().strip()
        return text if text or self.mode == "record" else None

    def _show(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))

    def focus_widget(self) -> QWidget:
        return self.edit


class _GroupingLineEdit(QLineEdit):
    """Groups digits as they are typed, the Norwegian way (1 200 000, a non-breaking
    space), keeping the cursor among the same digits; deleting a group's space deletes
    the digit before it, as people expect."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._before = ""
        self.textEdited.connect(self._regroup)

    def _regroup(self, text: str) -> None:
        raw = _ungrouped(text)
        cursor = self.cursorPosition()
        digits_left = len(_ungrouped(text[:cursor]))
        if raw == _ungrouped(self._before) and len(text) < len(self._before) and digits_left:
            # Backspace over a space: take the digit before it.
            raw = raw[: digits_left - 1] + raw[digits_left:]
            digits_left -= 1
        grouped = group_digits(raw)
        if grouped != text:
            position = 0
            seen = 0
            while position < len(grouped) and seen < digits_left:
                if grouped[position] not in "\u00a0 ":
                    seen += 1
                position += 1
            self.setText(grouped)
            self.setCursorPosition(position)
        self._before = self.text()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._before = text


def _ungrouped(text: str) -> str:
    return text.replace("\u00a0", "").replace(" ", "")


def group_digits(text: str) -> str:
    raw = text.replace("\u00a0", "").replace(" ", "")
    if raw.lstrip("+-").isdigit():
        return format_int(int(raw))
    return text


class IntegerEditor(FieldEditor):
    suffix = ""

    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, mode, lang, parent)
        self.edit = _GroupingLineEdit(self)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if mode == "answer":
            self.edit.setValidator(QRegularExpressionValidator("-?[0-9 \u00a0]{0,15}", self))
        elif field.max_length:
            self.edit.setMaxLength(field.max_length + field.max_length // 3)
        self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 18)
        self.edit.textEdited.connect(self._emit)  # after the regrouping: value() strips it
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        if self.suffix:
            layout.addWidget(QLabel(self.suffix, self))
        layout.addStretch(1)

    def value(self) -> Any:
        raw = self.edit.text().replace("\u00a0", "").replace(" ", "")
        if self.mode == "record":
            return raw
        try:
            return int(raw) if raw not in ("", "-") else None
        except ValueError:
            return None

    def _show(self, value: Any) -> None:
        self.edit.setText(group_digits("" if value is None else str(value)))

    def focus_widget(self) -> QWidget:
        return self.edit


class AmountEditor(IntegerEditor):
    suffix = "kr"



def date_placeholder(mask: str = "dd.mm.åååå") -> str:
    """A date field's placeholder in the window's language (dd.mm.åååå, dd.mm.yyyy)."""
    if mask == "dd.mm.åå":
        return QCoreApplication.translate("DateEdit", "dd.mm.yy")
    return QCoreApplication.translate("DateEdit", "dd.mm.yyyy")


class _CalendarDateEditor(FieldEditor):
    """A date typed as dd.mm.åååå in a line edit, or picked in a calendar that opens on the
    reporting year (Alt+Down or F4 from the field, or the button beside it).

    A line edit rather than QDateEdit: QDateEdit's sections keep Tab inside the field
    (day, month, year), it cannot be blank, and it garbles typed text. Text that is not
    a date is kept as typed so the findings can say what is wrong with it.
    """

    display_format = "dd.MM.yyyy"
    placeholder = "dd.mm.åååå"

    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, mode, lang, parent)
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(len(self.placeholder))
        # The placeholder shown is in the user's language (dd.mm.yyyy in English, issue 13).
        self.edit.setPlaceholderText(date_placeholder(self.placeholder))
        self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 16)
        self.edit.textEdited.connect(self._emit)
        self.edit.editingFinished.connect(self._tidy)
        self.edit.installEventFilter(self)
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Out of the Tab chain: Alt+Down or F4 opens the calendar from the field itself.
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setToolTip(
            QCoreApplication.translate("FieldEditor", "Choose a date in a calendar (Alt+Down)")
        )
        self.button.setAccessibleName(
            QCoreApplication.translate("FieldEditor", "Open calendar: %1").replace(
                "%1", tr(field.label, lang)
            )
        )
        self.calendar = QCalendarWidget()
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self.pick)
        self.calendar.activated.connect(self.pick)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        layout.addStretch(1)

    # --- what a subclass says ---------------------------------------------------------

    def parse(self, text: str) -> QDate:
        """The date the text means (invalid when it means none)."""
        return parse_date(text)

    # --- the calendar -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            alt = event.modifiers() & Qt.KeyboardModifier.AltModifier  # type: ignore[attr-defined]
            if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and alt):
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)

    def open_calendar(self) -> None:
        self.button.showMenu()

    def _prepare_calendar(self) -> None:
        date = self.parse(self.edit.text())
        if date.isValid():
            self.calendar.setSelectedDate(date)
            return
        # Nothing typed yet: the reporting year, in today's month, is where answers go.
        today = QDate.currentDate()
        year = self.year or today.year()
        start = QDate(year, today.month(), min(today.day(), 28))
        self.calendar.setSelectedDate(start)
        self.calendar.setCurrentPage(year, today.month())

    def pick(self, date: QDate) -> None:
        """Take a date as if the user picked it in the calendar."""
        self.edit.setText(date.toString(self.display_format))
        menu = self.button.menu()
        if menu.isVisible():
            menu.hide()
            self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
        self._emit()

    def _tidy(self) -> None:
        # 15012025 and 1.1.2025 are shown as 15.01.2025 once the field is left.
        date = self.parse(self.edit.text())
        if date.isValid():
            shown = date.toString(self.display_format)
            if shown != self.edit.text():
                self.edit.setText(shown)

    def focus_widget(self) -> QWidget:
        return self.edit

    def inputs(self) -> list[QWidget]:
        return [self.edit]


_DATE_FORMATS = ("d.M.yyyy", "d.M.yy", "ddMMyyyy", "yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy")


def parse_date(text: str) -> QDate:
    """A date as people type it in Norway: 15.01.2025, 15.1.2025, 15012025 (or pasted
    as 2025-01-15). Invalid when the text means no date that exists."""
    text = text.strip()
    for fmt in _DATE_FORMATS:
        date = QDate.fromString(text, fmt)
        if date.isValid():
            if fmt == "d.M.yy":
                date = date.addYears(100) if date.year() < 1950 else date
            return date
    return QDate()


class DateEditor(_CalendarDateEditor):
    """A questionnaire date: the answer is "YYYY-MM-DD"; text that is no date is kept as
    typed (the schema's date check then says what is wrong)."""

    def value(self) -> Any:
        text = self.edit.text().strip()
        if not text:
            return self._blank()
        date = self.parse(text)
        return date.toString("yyyy-MM-dd") if date.isValid() else text

    def _show(self, value: Any) -> None:
        if not value:
            self.edit.setText("")
            return
        date = QDate.fromString(str(value), "yyyy-MM-dd")
        self.edit.setText(date.toString(self.display_format) if date.isValid() else str(value))


class RecordDateEditor(_CalendarDateEditor):
    """A record's date as SSB's file has it (ddMMyyyy or ddMMyy). A file may hold a date
    that does not exist (31.02.2025): it is shown as it stands for the user to correct."""

    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        self.pattern = (field.column.date_pattern if field.column else None) or "ddMMyyyy"
        if len(self.pattern) != 8:
            self.display_format = "dd.MM.yy"
            self.placeholder = "dd.mm.åå"
        super().__init__(field, mode, lang, parent)

    def _qt_format(self) -> str:
        return "ddMMyyyy" if len(self.pattern) == 8 else "ddMMyy"

    def parse(self, text: str) -> QDate:
        return QDate.fromString(text.replace(".", "").strip(), self._qt_format())

    def _tidy(self) -> None:
        return  # a record's date stays as typed: the file's text is what is checked

    def value(self) -> Any:
        return self.edit.text().replace(".", "").strip()

    def _show(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if text.isdigit() and len(text) == len(self.pattern):
            text = f"{text[:2]}.{text[2:4]}.{text[4:]}"
        self.edit.setText(text)


class RadioEditor(FieldEditor):
    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, mode, lang, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        horizontal = sum(len(tr(c.label, lang)) for c in field.codes) < 40
        layout: QHBoxLayout | QVBoxLayout = QHBoxLayout(self) if horizontal else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QRadioButton] = {}
        for code in field.codes:
            label = tr(code.label, lang)
            text = label if mode == "answer" else f"{code.code} {label}"
            button = QRadioButton(text, self)
            self.group.addButton(button)
            self.buttons[code.code] = button
            layout.addWidget(button)
        self.other = QLabel(self)  # a code the file has but the form does not know
        self.other.hide()
        layout.addWidget(self.other)
        if horizontal:
            layout.addStretch(1)
        self.group.buttonToggled.connect(self._toggled)
        self._unknown = ""

    def _toggled(self, _: QAbstractButton, checked: bool) -> None:
        if checked:
            self._unknown = ""
            self.other.hide()
            self._emit()

    def value(self) -> Any:
        for code, button in self.buttons.items():
            if button.isChecked():
                return code
        return self._unknown or self._blank()

    def _show(self, value: Any) -> None:
        value = "" if value is None else str(value)
        self.group.setExclusive(False)
        for code, button in self.buttons.items():
            button.setChecked(code == value)
        self.group.setExclusive(True)
        self._unknown = value if value and value not in self.buttons else ""
        self.other.setText(f"«{self._unknown}»")
        self.other.setVisible(bool(self._unknown))

    def focus_widget(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked or next(iter(self.buttons.values()), self)

    def inputs(self) -> list[QWidget]:
        return list(self.buttons.values())


class ComboEditor(FieldEditor):
    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, mode, lang, parent)
        self.combo = QComboBox(self)
        self.combo.addItem("", "")
        for code in field.codes:
            self.combo.addItem(code.display(lang), code.code)
        self._fixed = self.combo.count()
        self.combo.activated.connect(self._emit)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(20)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)

    def value(self) -> Any:
        code = self.combo.currentData() or ""
        return code if code or self.mode == "record" else None

    def _show(self, value: Any) -> None:
        value = "" if value is None else str(value)
        while self.combo.count() > self._fixed:
            self.combo.removeItem(self._fixed)
        index = self.combo.findData(value)
        if index < 0:
            self.combo.addItem(f"«{value}»", value)  # shown as it stands; a finding explains
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def focus_widget(self) -> QWidget:
        return self.combo


class CheckboxesEditor(FieldEditor):
    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, mode, lang, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for code in field.codes:
            box = QCheckBox(tr(code.label, lang), self)
            box.toggled.connect(self._emit)
            self.boxes[code.code] = box
            layout.addWidget(box)

    def value(self) -> Any:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def _show(self, value: Any) -> None:
        chosen = set(value or ())
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)

    def focus_widget(self) -> QWidget:
        return next(iter(self.boxes.values()), self)

    def inputs(self) -> list[QWidget]:
        return list(self.boxes.values())


class CheckboxEditor(FieldEditor):
    """One tick: a boolean, or a field with one code (SSB's "01 = ticked, blank = not")."""

    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, mode, lang, parent)
        self.code = field.codes[0].code if len(field.codes) == 1 else None
        text = tr(field.codes[0].label, lang) if self.code is not None else ""
        if len(text) > 40:  # a check box cannot wrap; the question above says it already
            text = ""
        self.box = QCheckBox(text or _yes(lang), self)
        self.box.toggled.connect(self._toggled)
        self.other = QLabel(self)  # a value the form does not know, shown as it stands
        self.other.hide()
        self._unknown = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.other)
        layout.addStretch(1)

    def _toggled(self) -> None:
        self._unknown = ""
        self.other.hide()
        self._emit()

    def value(self) -> Any:
        if self.code is None:
            return self.box.isChecked()
        if self._unknown:
            return self._unknown
        return self.code if self.box.isChecked() else self._blank()

    def _show(self, value: Any) -> None:
        if self.code is None:
            self.box.setChecked(bool(value))
            return
        text = "" if value is None else str(value)
        self.box.setChecked(text == self.code)
        self._unknown = text if text and text != self.code else ""
        self.other.setText(f"«{self._unknown}»")
        self.other.setVisible(bool(self._unknown))

    def focus_widget(self) -> QWidget:
        return self.box


class NumberEditor(TextEditor):
    """A decimal number (årsverk): a comma or a point; what cannot be read is passed on as
    typed, for the form's schema control to name."""

    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, mode, lang, parent)
        # A number looks like one: right-aligned, as wide as the amounts above and below.
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 18)
        self.layout().addStretch(1)

    def value(self) -> Any:
        text = self.edit.text().strip().replace("\u00a0", "").replace(" ", "")
        if not text:
            return None
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            return text
        return int(number) if number.is_integer() else number

    def _show(self, value: Any) -> None:
        text = "" if value is None else str(value)
        self.edit.setText(text.replace(".", ",") if self.lang != "en" else text)


def _yes(lang: str) -> str:
    return {"nb": "Ja", "nn": "Ja", "en": "Yes"}.get(lang, "Ja")


class YesNoEditor(RadioEditor):
    """Yes/No as two radio buttons: codes "1"/"2" (SSB's usual) or a boolean schema."""

    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        if not field.codes:
            from client.core.forms.model import Code

            yes = {"nb": "Ja", "nn": "Ja", "en": "Yes"}
            no = {"nb": "Nei", "nn": "Nei", "en": "No"}
            field = _with_codes(field, (Code("true", yes), Code("false", no)))
            self._boolean = True
        else:
            self._boolean = False
        super().__init__(field, mode, lang, parent)

    def value(self) -> Any:
        value = super().value()
        if self._boolean:
            return {"true": True, "false": False}.get(value)
        return value

    def _show(self, value: Any) -> None:
        if self._boolean and isinstance(value, bool):
            value = "true" if value else "false"
        super()._show(value)


def _with_codes(field: FieldDef, codes: tuple[Any, ...]) -> FieldDef:
    from dataclasses import replace

    return replace(field, codes=codes)


# --- testers ---------------------------------------------------------------------------

Tester = Callable[[FieldDef, Mode], int]
NOT_APPLICABLE = -1
EXPLICIT = 100  # the definition names the widget


def _explicit(name: str, fallback: Callable[[FieldDef, Mode], int]) -> Tester:
    def tester(field: FieldDef, mode: Mode) -> int:
        if field.widget == name:
            return EXPLICIT
        return fallback(field, mode)

    return tester


def _is_amount(field: FieldDef) -> bool:
    return field.type == "amount" or (
        field.type == "integer"
        and any(w in field.name for w in ("BIDRAG", "LAAN", "STONAD", "BELOP"))
    )


def _is_date(field: FieldDef) -> bool:
    return field.type == "date" or field.schema.get("format") == "date"


RENDERERS: list[tuple[Tester, type[FieldEditor]]] = [
    (_explicit("text", lambda f, m: 1), TextEditor),
    (lambda f, m: EXPLICIT + 1 if f.type == "number" else NOT_APPLICABLE, NumberEditor),
    (
        _explicit(
            "textarea",
            lambda f, m: (
                3
                if f.type == "string" and (f.max_length or 0) > 100 and m == "answer"
                else NOT_APPLICABLE
            ),
        ),
        TextAreaEditor,
    ),
    (
        _explicit("integer", lambda f, m: 5 if f.type == "integer" else NOT_APPLICABLE),
        IntegerEditor,
    ),
    (_explicit("amount", lambda f, m: 6 if _is_amount(f) else NOT_APPLICABLE), AmountEditor),
    (
        _explicit("date", lambda f, m: 5 if _is_date(f) and m == "answer" else NOT_APPLICABLE),
        DateEditor,
    ),
    # A record's date is text in a pattern: it beats even an explicit "date" widget.
    (
        lambda f, m: EXPLICIT + 1 if _is_date(f) and m == "record" else NOT_APPLICABLE,
        RecordDateEditor,
    ),
    (
        _explicit(
            "radio",
            lambda f, m: (
                7
                if f.codes
                and len(f.codes) <= RADIO_MAX_CODES
                and f.type != "multichoice"
                and m == "answer"
                else NOT_APPLICABLE
            ),
        ),
        RadioEditor,
    ),
    (
        _explicit(
            "combo", lambda f, m: 6 if f.codes and f.type != "multichoice" else NOT_APPLICABLE
        ),
        ComboEditor,
    ),
    (
        _explicit("checkboxes", lambda f, m: 8 if f.type == "multichoice" else NOT_APPLICABLE),
        CheckboxesEditor,
    ),
    (
        _explicit(
            "checkbox",
            lambda f, m: (
                4
                if f.type == "boolean" or (len(f.codes) == 1 and f.type != "multichoice")
                else NOT_APPLICABLE
            ),
        ),
        CheckboxEditor,
    ),
    (
        _explicit(
            "yesno", lambda f, m: 8 if f.type == "boolean" and m == "answer" else NOT_APPLICABLE
        ),
        YesNoEditor,
    ),
]


def editor_class(field: FieldDef, mode: Mode) -> type[FieldEditor]:
    """The renderer whose tester ranks highest (ties: the earlier one). A table and a
    computed total have one editor each, whatever else the definition says."""
    if field.is_table or field.read_only:
        from client.gui.table_editor import ComputedEditor, TableEditor

        return TableEditor if field.is_table else ComputedEditor
    best, best_rank = TextEditor, NOT_APPLICABLE
    for tester, renderer in RENDERERS:
        rank = tester(field, mode)
        if rank > best_rank:
            best, best_rank = renderer, rank
    return best


def create_editor(
    field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None,
    year: int | None = None,
    form: Any = None,
) -> FieldEditor:
    editor = editor_class(field, mode)(field, mode, lang, parent)
    editor.year = year
    editor.form = form
    return editor


class _WheelGuard(QObject):
    """Scrolling a long form must not change the combo or date under the mouse."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            event.ignore()
            return True
        return False


WHEEL_GUARD = None


def guard_wheel(widget: QWidget) -> None:
    global WHEEL_GUARD  # noqa: PLW0603 - one stateless filter shared by every editor
    if WHEEL_GUARD is None:
        WHEEL_GUARD = _WheelGuard()
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(WHEEL_GUARD)
