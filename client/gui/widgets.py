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

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
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

    def _emit(self, *_: Any) -> None:
        if not self._loading:
            self.edited.emit(self.value())

    def _blank(self) -> Any:
        return "" if self.mode == "record" else None


def _single(widget: QWidget, parent: QWidget) -> None:
    layout = QHBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)


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
        if field.max_length and field.max_length <= 40:
            # A short field looks short: its width tells how much it holds.
            digit = self.fontMetrics().horizontalAdvance("0")
            self.edit.setMaximumWidth(digit * (field.max_length + 4))
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
        _single(self.edit, self)

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
    """Shows 1 200 000 when not being edited and 1200000 while editing."""

    def focusInEvent(self, event: Any) -> None:
        self.setText(self.text().replace("\u00a0", "").replace(" ", ""))
        super().focusInEvent(event)

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.setText(group_digits(self.text()))


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
        self.edit.textEdited.connect(self._emit)
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
        text = "" if value is None else str(value)
        self.edit.setText(text if self.edit.hasFocus() else group_digits(text))

    def focus_widget(self) -> QWidget:
        return self.edit


class AmountEditor(IntegerEditor):
    suffix = "kr"


class DateEditor(FieldEditor):
    """A questionnaire date: QDateEdit with a calendar; the earliest date stands for blank."""

    BLANK = QDate(1900, 1, 1)

    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, mode, lang, parent)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd.MM.yyyy")
        self.edit.setMinimumDate(self.BLANK)
        self.edit.setSpecialValueText(" ")  # shown for the blank date
        self.edit.setDate(self.BLANK)
        self.edit.dateChanged.connect(self._emit)
        self.edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def value(self) -> Any:
        date = self.edit.date()
        if date == self.BLANK:
            return self._blank()
        return date.toString("yyyy-MM-dd")

    def _show(self, value: Any) -> None:
        date = QDate.fromString(str(value), "yyyy-MM-dd") if value else self.BLANK
        self.edit.setDate(date if date.isValid() else self.BLANK)

    def focus_widget(self) -> QWidget:
        return self.edit


class RecordDateEditor(FieldEditor):
    """A record's date as SSB's file has it (ddMMyyyy or ddMMyy): typed as dd.mm.åååå or
    picked in a calendar. A line edit, not QDateEdit, because a file may hold a date
    that does not exist (31.02.2025) and the user must see it to correct it."""

    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, mode, lang, parent)
        self.pattern = (field.column.date_pattern if field.column else None) or "ddMMyyyy"
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(len(self.pattern) + 2)
        self.edit.setPlaceholderText("dd.mm.åååå" if len(self.pattern) == 8 else "dd.mm.åå")
        self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 16)
        self.edit.textEdited.connect(self._emit)
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
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

    def _qt_format(self) -> str:
        return "ddMMyyyy" if len(self.pattern) == 8 else "ddMMyy"

    def _prepare_calendar(self) -> None:
        date = QDate.fromString(self.value(), self._qt_format())
        if date.isValid():
            self.calendar.setSelectedDate(date)

    def _picked(self, date: QDate) -> None:
        self.edit.setText(date.toString("dd.MM.yyyy" if len(self.pattern) == 8 else "dd.MM.yy"))
        self.button.menu().hide()
        self._emit()

    def value(self) -> Any:
        return self.edit.text().replace(".", "").strip()

    def _show(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if text.isdigit() and len(text) == len(self.pattern):
            text = f"{text[:2]}.{text[2:4]}.{text[4:]}"
        self.edit.setText(text)

    def focus_widget(self) -> QWidget:
        return self.edit

    def inputs(self) -> list[QWidget]:
        return [self.edit, self.button]


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


class ReadOnlyEditor(FieldEditor):
    """A computed total or a table, shown as text and never edited here (the window's
    table editor is issue 10's GUI part); the answer stays as it is."""

    def __init__(
        self, field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, mode, lang, parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._value: Any = None
        _single(self.label, self)

    def value(self) -> Any:
        return self._value

    def _show(self, value: Any) -> None:
        from client.core.forms.answers import display_value

        self._value = value
        if self.field.is_table and isinstance(value, list):
            lines = []
            for row in value:
                cells = row if isinstance(row, dict) else {}
                lines.append("; ".join(
                    f"{tr(c.label, self.lang)}: {display_value(c, cells.get(c.name), self.lang)}"
                    for c in self.field.columns
                ))
            self.label.setText("\n".join(lines) or "–")
        else:
            self.label.setText(display_value(self.field, value, self.lang) or "–")

    def focus_widget(self) -> QWidget:
        return self.label


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
    (lambda f, m: EXPLICIT + 2 if f.is_table or f.read_only else NOT_APPLICABLE, ReadOnlyEditor),
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
    """The renderer whose tester ranks highest (ties: the earlier one)."""
    best, best_rank = TextEditor, NOT_APPLICABLE
    for tester, renderer in RENDERERS:
        rank = tester(field, mode)
        if rank > best_rank:
            best, best_rank = renderer, rank
    return best


def create_editor(
    field: FieldDef, mode: Mode, lang: str, parent: QWidget | None = None
) -> FieldEditor:
    return editor_class(field, mode)(field, mode, lang, parent)


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
