"""The shape of the code: the core never imports Qt, and the code is lint-clean."""

from __future__ import annotations

import os
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


def test_checking_a_record_file_loads_neither_the_signing_code_nor_jsonschema(tmp_path):
    """What keeps `kostra validate` and `kostra kkp` quick (README, speed table): the X.509
    and CMS code is for signing, jsonschema for checking changed form definitions and
    explaining questionnaires. The first run may check the form (and remember it)."""
    code = (
        "import sys\n"
        "from client.cli import main\n"
        "main(['validate', 'resources/examples/11F_2026_460100.txt', '--form', '11F',\n"
        "      '--year', '2026', '--region', '460100', '--json'])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}\n"
        "             & {'cryptography', 'asn1crypto', 'jsonschema', 'reportlab', 'keyring'}),\n"
        "      file=sys.stderr)\n"
    )
    env = {**os.environ, "KOSTRA_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=ROOT, env=env, check=False, timeout=120) for _ in range(2)]
    assert "jsonschema" in runs[0].stderr.splitlines()[-1]  # the form was checked once
    assert runs[1].stderr.splitlines()[-1] == "[]", runs[1].stderr[-2000:]
