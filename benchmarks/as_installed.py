"""Benchmarks measure the client as installed: with its bytecode written.

pip and the bundle ship compiled bytecode, so no user compiles the client's modules at
start; a checkout run with PYTHONDONTWRITEBYTECODE=1 (as on this project's machine) would
compile every one of them in every process timed. Each benchmark that starts processes
calls write_bytecode() first.
"""

from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_bytecode() -> None:
    compileall.compile_dir(ROOT / "client", quiet=1)
