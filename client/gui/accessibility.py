"""What assistive technology is told beyond widget names: announcements (WCAG 4.1.3) and
which field an error message belongs to (3.3.1).

Announcements go out as Qt's QAccessibleAnnouncementEvent (Qt 6.8 and later; the project
pins PySide6 6.9-6.11), which AT-SPI, UI Automation and NSAccessibility hand to the
screen reader as a live-region message without moving focus. Only what matters is
announced, and a channel that changes quickly (counts while the user types) says only
its last text once the user pauses. `announcer().announced` carries every message too,
for tests and for a platform without the event.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from client.gui import texts

QUIET_MS = 800  # a channel speaks once this long has passed without a newer text


class Announcer(QObject):
    announced = Signal(str, bool)  # message, assertive

    def __init__(self) -> None:
        super().__init__()
        self._pending: dict[str, tuple[QWidget, str, bool]] = {}
        self._last: dict[str, tuple[str, float]] = {}
        self._timers: dict[str, QTimer] = {}

    def say(self, source: QWidget, message: str, *, assertive: bool = False) -> None:
        """Announce now (the result of something the user asked for)."""
        message = message.strip()
        if not message:
            return
        self.announced.emit(message, assertive)
        event = QAccessibleAnnouncementEvent(source, message)
        if assertive:
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(event)

    def update(
        self,
        channel: str,
        source: QWidget,
        message: str,
        *,
        assertive: bool = False,
        min_interval: float = 0.0,
    ) -> None:
        """Announce a state once it settles, and only when it differs from what this
        channel said last (or `min_interval` seconds have passed since, for a message
        that is worth repeating now and then, like "Draft saved")."""
        self._pending[channel] = (source, message, assertive)
        timer = self._timers.get(channel)
        if timer is None:
            timer = QTimer(self, singleShot=True, interval=QUIET_MS)
            timer.timeout.connect(lambda c=channel, i=min_interval: self._settled(c, i))
            self._timers[channel] = timer
        timer.start()

    def _settled(self, channel: str, min_interval: float) -> None:
        pending = self._pending.pop(channel, None)
        if pending is None:
            return
        source, message, assertive = pending
        last = self._last.get(channel)
        now = time.monotonic()
        if last is not None and last[0] == message and now - last[1] < max(min_interval, 0.0):
            return
        if last is not None and last[0] == message and min_interval <= 0:
            return
        try:
            source.objectName()  # the view may be gone (form closed meanwhile)
        except RuntimeError:
            return
        self._last[channel] = (message, now)
        self.say(source, message, assertive=assertive)

    def flush(self) -> None:
        """Say every settled-to-be message now (tests; closing a form)."""
        for timer in list(self._timers.values()):
            if timer.isActive():
                timer.stop()
                timer.timeout.emit()

    def reset(self) -> None:
        """Forget what was said and drop what waits (a new test; a new window)."""
        for timer in self._timers.values():
            timer.stop()
        self._pending.clear()
        self._last.clear()


_ANNOUNCER: Announcer | None = None


def announcer() -> Announcer:
    global _ANNOUNCER  # noqa: PLW0603 - one per application, like QAccessible itself
    if _ANNOUNCER is None:
        _ANNOUNCER = Announcer()
    return _ANNOUNCER


# --- errors tied to their fields --------------------------------------------------------

_ERROR_FIELDS = "kostraErrorFor"


def tie_error(label: QWidget, fields: Iterable[QWidget]) -> None:
    """Mark `label` as the visible error message of `fields` (whose accessible
    descriptions must carry its text; the window's accessibility test checks)."""
    label.setProperty(_ERROR_FIELDS, list(fields))


def fields_of_error(label: QWidget) -> list[QWidget] | None:
    value = label.property(_ERROR_FIELDS)
    return list(value) if value is not None else None


def error_markers() -> tuple[str, ...]:
    """How a visible error message starts: a warning sign or a severity and a colon."""
    names = [texts.severity_name(s) for s in ("FATAL", "ERROR", "WARNING")]
    return ("⚠", *(f"{name}:" for name in names))


_STATUS = "kostraStatus"


def mark_status(label: QWidget) -> None:
    """Mark `label` as a status of the whole form (counts, readiness), not a field's error:
    it is announced when it changes instead of being tied to a field."""
    label.setProperty(_STATUS, True)


def is_status(label: QWidget) -> bool:
    return bool(label.property(_STATUS))
