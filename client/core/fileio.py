"""Writing files so that a failure never leaves half a file: temporary file, fsync, rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
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


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step; on any failure the old file stays as it was."""
    path = Path(path)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
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
