"""Window habits kept in the settings file (under "window", which older clients keep as
an unknown key): the window's size and place, the splitters' positions, and the record
that was open, so a restart or a crash comes back where the user was."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

KEY = "window"


def _state(extra: dict[str, Any]) -> dict[str, Any]:
    value = extra.get(KEY)
    if not isinstance(value, dict):
        value = {}
        extra[KEY] = value
    return value


def save_geometry(window: QMainWindow, extra: dict[str, Any]) -> None:
    _state(extra)["geometry"] = bytes(window.saveGeometry().toBase64().data()).decode("ascii")


def restore_geometry(window: QMainWindow, extra: dict[str, Any]) -> bool:
    geometry = _state(extra).get("geometry")
    if not isinstance(geometry, str):
        return False
    return window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))


def save_splitters(splitters: dict[str, QSplitter], extra: dict[str, Any]) -> None:
    saved = _state(extra).setdefault("splitters", {})
    for name, splitter in splitters.items():
        sizes = splitter.sizes()
        if sizes and all(size >= 0 for size in sizes) and any(sizes):
            saved[name] = sizes


def restore_splitters(splitters: dict[str, QSplitter], extra: dict[str, Any]) -> None:
    saved = _state(extra).get("splitters")
    if not isinstance(saved, dict):
        return
    for name, splitter in splitters.items():
        sizes = saved.get(name)
        if (
            isinstance(sizes, list)
            and len(sizes) == splitter.count()
            and all(isinstance(s, int) and s >= 0 for s in sizes)
        ):
            splitter.setSizes(sizes)


def save_record(extra: dict[str, Any], form_id: str, year: int, record: int | None) -> None:
    state = _state(extra)
    if record is None:
        state.pop("record", None)
    else:
        state["record"] = {"form": form_id, "year": year, "index": record}


def saved_record(extra: dict[str, Any], form_id: str, year: int) -> int | None:
    record = _state(extra).get("record")
    if (
        isinstance(record, dict)
        and record.get("form") == form_id
        and record.get("year") == year
        and isinstance(record.get("index"), int)
    ):
        return record["index"]
    return None
