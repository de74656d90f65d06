"""Where the keys live in a data folder: keys/ holds the signing key and the drafts' key.

Apart from keys.py so that finding the folder does not load cryptography: the desktop
window sets up the drafts' key at start, and cryptography loads only when a key is used.
"""

from __future__ import annotations

from pathlib import Path


def key_directory(data_dir: Path) -> Path:
    """Where the signing key lives inside a data folder (the desktop window's --data-dir)."""
    return Path(data_dir) / "keys"


def default_key_directory() -> Path:
    """keys/ in the user's data folder, the same folder the desktop window uses
    (KOSTRA_DATA_DIR overrides it)."""
    from client.core.workspace import Workspace

    return key_directory(Workspace.from_environment().data_dir)
