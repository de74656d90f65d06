"""Reading a user's input with a cap on its size, whatever the input is.

`Path.stat().st_size` says nothing about a device (/dev/zero) or a pipe, and
`read_bytes()` would read either until memory runs out. Every input is read
through `read_limited`, which stops one byte past the cap so the caller can
tell "exactly at the limit" from "more than the limit".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# All of Norway is about 130 000 records of 338 characters (44 MB); well past that
# is not a KOSTRA file, and reading it would only cost the user memory and time.
MAX_INPUT_BYTES = 150 * 1024 * 1024


def read_limited(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """At most `limit + 1` bytes of `path`; more than `limit` means the input is too big.
    Raises OSError as open/read do."""
    with Path(path).open("rb") as handle:
        # One read of limit + 1: CPython allocates that much address space but touches
        # only the pages it fills, so a small file costs a small amount of memory.
        return handle.read(limit + 1)


class JsonTooComplex(ValueError):
    """JSON nested too deep, or with a number too long to convert."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Drafts, answers and settings nest a few levels; far deeper is no file of ours, and
# would only reach a recursion limit later (in a schema check or when written back).
MAX_JSON_DEPTH = 64


def loads_json(text: str | bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """json.loads, with nesting deeper than `max_depth` and numbers too long for Python's
    int conversion raised as JsonTooComplex (json.JSONDecodeError passes through)."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise JsonTooComplex("nesting") from None
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # "Exceeds the limit (4300 digits) for integer string conversion"
        if "digits" in str(exc):
            raise JsonTooComplex("digits") from None
        raise
    if _depth_exceeds(data, max_depth):
        raise JsonTooComplex("nesting")
    return data


def _depth_exceeds(data: Any, limit: int) -> bool:
    stack = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False
