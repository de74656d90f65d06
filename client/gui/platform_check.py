"""When Qt cannot start its window system plugin it aborts the process with an English
hint (which, on Debian, often names the wrong package). This says it in Norwegian first,
with what a Linux desktop needs; Qt's own message and the abort follow as before.

The check of installed libraries runs only on that failure: start-up pays nothing."""

from __future__ import annotations

import sys
from typing import Any

# The xcb platform plugin's libraries beyond Qt's own, with Debian/Ubuntu's package names.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-randr": "libxcb-randr0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "EGL": "libegl1",
    "GL": "libgl1",
    "fontconfig": "libfontconfig1",
    "dbus-1": "libdbus-1-3",
}

MESSAGE = (
    "KOSTRA-klienten kan ikke åpne vinduet: Qt fant ikke et vindussystem det kan bruke "
    "(plattformtillegget «{platform}» kunne ikke lastes).\n"
    "{missing}"
    "Uten skjerm kan du bruke kommandolinjen i stedet (kostra validate …), eller starte "
    "med QT_QPA_PLATFORM=offscreen. Se «Linux» i README for hva et skrivebord trenger.\n"
)


def missing_packages() -> list[str]:
    import ctypes.util  # only when Qt has failed: it costs start-up 10 ms

    return [pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]


def norwegian_message(platform: str) -> str:
    missing = missing_packages() if sys.platform.startswith("linux") else []
    text = (
        "Disse bibliotekene mangler; installer dem (Debian/Ubuntu):\n"
        f"  sudo apt-get install {' '.join(missing)}\n"
        if missing
        else ""
    )
    return MESSAGE.format(platform=platform or "xcb", missing=text)


def install() -> None:
    """Install a Qt message handler that explains a failed platform plugin in Norwegian
    (other messages go on to stderr as Qt would write them)."""
    import os

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    said = [False]

    def handler(kind: QtMsgType, _context: Any, message: str) -> None:
        if (
            not said[0]
            and "platform plugin" in message
            and kind in (QtMsgType.QtFatalMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtWarningMsg)
        ):
            said[0] = True
            platform = os.environ.get("QT_QPA_PLATFORM", "xcb")
            sys.stderr.write(norwegian_message(platform))
        sys.stderr.write(message + "\n")
        sys.stderr.flush()

    qInstallMessageHandler(handler)
