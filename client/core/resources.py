"""Where the files shipped with the client (forms, examples, fonts, the publisher
certificate) are: next to the package from source, inside the frozen bundle, or where
an environment variable points (tests, and IT trying a folder out)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_RESOURCES_DIR = "KOSTRA_RESOURCES_DIR"
ENV_FORMS_DIR = "KOSTRA_FORMS_DIR"


def shipped_dir(name: str, env: str) -> Path:
    """The shipped folder `name` (forms, resources); `env` overrides it."""
    override = os.environ.get(env)
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / name
    return Path(__file__).resolve().parents[2] / name


def resources_dir() -> Path:
    return shipped_dir("resources", ENV_RESOURCES_DIR)


def bundled_forms_dir() -> Path:
    return shipped_dir("forms", ENV_FORMS_DIR)
