"""Writing files so that a failure never leaves half a file: temporary file, fsync, rename.

On Windows a rename onto a file fails with a permission error while another program
holds that file open without sharing deletion: a virus scanner or the search indexer
reading a draft that was just written, or OneDrive uploading it. Such holds last
milliseconds to a few hundred, so the rename is retried briefly with backoff before
the write is given up (and the old file stays as it was).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from client.core.errors import UserError

_WRITE_FAILED = {
    "nb": "Kunne ikke skrive {path}: {reason}. Ingenting er endret. "
    "Sjekk at mappen finnes, at du har skrivetilgang og at disken ikke er full.",
    "nn": "Kunne ikkje skrive {path}: {reason}. Ingenting er endra. "
    "Sjekk at mappa finst, at du har skrivetilgang og at disken ikkje er full.",
    "en": "Could not write {path}: {reason}. Nothing was changed. "
    "Check that the folder exists, that you may write to it and that the disk is not full.",
}


# Pauses between attempts, in seconds: eight attempts over about 1.3 s in all. Long enough
# for a scanner to let go of a small file, short enough that a real lack of permission
# is reported while the user still remembers what they did.
RETRY_DELAYS: tuple[float, ...] = (0.01, 0.03, 0.06, 0.1, 0.2, 0.4, 0.5)

Replace = Callable[[str | os.PathLike[str], str | os.PathLike[str]], None]


def replace_with_retry(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    replace: Replace = os.replace,
    sleep: Callable[[float], None] | None = None,
    delays: Sequence[float] | None = None,
) -> None:
    """os.replace(source, target), tried again after each of `delays` while it fails with
    a permission error (the target held open by another program); any other error, or
    the last permission error, is raised. Nothing is changed by a failed attempt.
    `sleep` and `delays` default to time.sleep and RETRY_DELAYS."""
    sleep = sleep or time.sleep
    for delay in (*(RETRY_DELAYS if delays is None else delays), None):
        try:
            replace(source, target)
            return
        except PermissionError:
            if delay is None:
                raise
        sleep(delay)


def atomic_write_bytes(path: Path, data: bytes, *, replace: Replace = os.replace) -> None:
    """Replace `path` with `data` in one step; on any failure the old file stays as it was.
    `replace` is os.replace (tests give one that fails as a locked file does)."""
    path = Path(path)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace_with_retry(tmp_name, path, replace=replace)
        tmp_name = None
        _fsync_directory(path.parent)
    except OSError as exc:
        raise UserError(_WRITE_FAILED, path=str(path), reason=exc.strerror or str(exc)) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
