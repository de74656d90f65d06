"""The shape of the code: the core never imports Qt, and the code is lint-clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_core_and_the_command_line_never_import_qt():
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in (ROOT / "client" / "core").rglob("*.py")
    )
    modules = [m.removesuffix(".__init__") for m in modules] + ["client.cli"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from client.cli import build_parser\n"
        "build_parser()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True, timeout=120)
    assert result.stdout.strip() == "[]"


def test_ruff_is_clean():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    result = subprocess.run([ruff, "check", "client", "tests", "tools", "benchmarks"],
                            capture_output=True, text=True, cwd=ROOT, check=False, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]
