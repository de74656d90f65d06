"""Running a core call off the UI thread, with progress and cancel routed back to the window.

The call gets a `Progress` it may report to and poll for cancellation; it must not
touch widgets. Its result or error arrives on the UI thread through a queued signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal


class Cancelled(Exception):
    """The user pressed Cancel; the operation's result is thrown away."""


class Progress:
    """Shared between the worker (reports, checks) and the UI (shows, cancels)."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.done = 0
        self.total = 0
        self.stage = ""

    def report(self, done: int, total: int, stage: str | None = None) -> None:
        self.done, self.total = done, total
        if stage is not None:
            self.stage = stage
        if self._cancel.is_set():
            raise Cancelled

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Operation(QObject):
    """One background call. Keep a reference until `finished` or `failed` fires."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, call: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.progress = Progress()
        self._call = call
        self._thread = threading.Thread(target=self._run, name="operation", daemon=True)

    def start(self) -> Operation:
        self._thread.start()
        return self

    def wait(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def _run(self) -> None:
        try:
            result = self._call(self.progress)
        except BaseException as error:  # everything goes back to the UI, nothing is lost
            self.failed.emit(error)
            return
        self.finished.emit(result)


def run(
    call: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    parent: QObject,
) -> Operation:
    operation = Operation(call, parent)
    queued = Qt.ConnectionType.QueuedConnection
    operation.finished.connect(on_done, queued)
    operation.failed.connect(on_error, queued)
    return operation.start()
