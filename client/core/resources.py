"""Where the shipped resources (examples, fonts, the publisher certificate) are, frozen or not."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_RESOURCES_DIR = "KOSTRA_RESOURCES_DIR"


def resources_dir() -> Path:
    """resources/ next to the package from source, inside the frozen bundle, or
    KOSTRA_RESOURCES_DIR when set (the same rule as the receipt's fonts)."""
    override = os.environ.get(ENV_RESOURCES_DIR)
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
