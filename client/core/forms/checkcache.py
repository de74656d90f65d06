"""Remembers which form definition files have passed their metaschema check.

Checking a form's files against the metaschemas is a tenth of a second, more than
anything else in loading a form, and every command and every window pays it for files
that have not changed since the last run. A file's verdict is kept as an empty marker
file named by the SHA-256 of what decided it: the kind of check, the metaschemas and the
jsonschema release that ran it, and the file's exact bytes. A changed file, metaschema or
jsonschema gives another name and is checked again, so a stale marker can never pass a
file. Only passes are kept; a failing file is checked (and reported) every time.

The markers live in the user's cache folder (KOSTRA_CACHE_DIR overrides it). The cache
is a convenience: a folder that cannot be read or written only means checking again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from functools import cache
from itertools import islice
from pathlib import Path

ENV_CACHE_DIR = "KOSTRA_CACHE_DIR"
# Old markers are pruned past this many; each is an empty file, the bound is for tidiness.
MAX_MARKERS = 2000


@cache
def cache_dir() -> Path | None:
    configured = os.environ.get(ENV_CACHE_DIR)
    if configured:
        return Path(configured) / "form-checks"
    try:
        import platformdirs

        return Path(platformdirs.user_cache_dir("KOSTRA-klienten", appauthor=False)) / "form-checks"
    except Exception:  # no home folder (a service account): simply check every time
        return None


@cache
def _checker_version() -> bytes:
    """Which jsonschema would run the check: where its code lies and when it was written.
    (importlib.metadata would say it more plainly, but importing it costs more than the
    check it saves is worth on a small form.)"""
    spec = importlib.util.find_spec("jsonschema")
    origin = spec.origin if spec is not None else None
    try:
        stat = os.stat(origin) if origin else None
    except OSError:
        stat = None
    if stat is None:
        return f"{origin}".encode()
    return f"{origin}:{stat.st_size}:{stat.st_mtime_ns}".encode()


def verdict_key(kind: str, rules: bytes, document: bytes) -> str:
    """The marker's name: what was checked, against which rules, by which checker."""
    digest = hashlib.sha256()
    for part in (kind.encode(), _checker_version(), rules, document):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def has_passed(key: str) -> bool:
    folder = cache_dir()
    if folder is None:
        return False
    try:
        return (folder / key).is_file()
    except OSError:
        return False


def remember_pass(key: str) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / key).touch()
        if sum(1 for _ in islice(folder.iterdir(), MAX_MARKERS + 1)) > MAX_MARKERS:
            _prune(folder)
    except OSError:
        pass  # read-only or full: the next run checks again


def _prune(folder: Path) -> None:
    markers = sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime)
    for marker in markers[: len(markers) - MAX_MARKERS // 2]:
        marker.unlink(missing_ok=True)
