"""A stopgap for a reference-counting bug in the installed PySide6 (seen in 6.12.0 on
Python 3.11): every Python slot called from Qt drops one reference to None, and every
Signal.emit() from Python drops one to True. After some thousand events CPython
frees None or True and the process dies ("none_dealloc: deallocating None").

On Python 3.12 and later these singletons are immortal and nothing happens. Here we
detect the bug at start-up and, if present, give None, True and False a large
reserve of references. They are never freed anyway, so the reserve costs nothing;
it only keeps the lost references from reaching zero. Remove this module once the
pinned PySide6 no longer leaks (tests/gui/test_app.py checks the detector).
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40
_applied = False


def emit_leaks_true() -> bool:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) < before


def apply() -> bool:
    """Detect the leak and top up the singletons once; True when the fix was applied."""
    global _applied  # noqa: PLW0603 - the process-wide reserve is given once
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _applied
    if not emit_leaks_true():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
    _applied = True
    return True
