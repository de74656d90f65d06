"""What a Windows build gets from the repository: the version resource of both programs
(from pyproject.toml), the icon (rendered from its drawing, reproducibly), and the
installer recipe's identity, supported Windows and optional signing."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import make_icon  # noqa: E402
import version_resource  # noqa: E402

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
ISS = (ROOT / "installer" / "kostra-klient.iss").read_text("utf-8")


class Node:
    """Stands in for PyInstaller's versioninfo classes while the file is read back: each
    keeps the arguments it was built with."""

    def __init__(self, *args, **kwargs) -> None:
        self.args, self.kwargs = args, kwargs


def read_version_file(text: str) -> Node:
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    return eval(text, {"__builtins__": {}}, {n: type(n, (Node,), {}) for n in names})


@pytest.mark.parametrize(("program", "description"), version_resource.PROGRAMS.items())
def test_both_programs_get_a_version_resource_from_pyproject(tmp_path, program, description):
    paths = version_resource.write_version_files(tmp_path)
    info = read_version_file(paths[program].read_text("utf-8"))
    fixed = info.kwargs["ffi"].kwargs
    major, minor, patch = (int(p) for p in PYPROJECT["project"]["version"].split("."))
    assert fixed["filevers"] == fixed["prodvers"] == (major, minor, patch, 0)
    table = info.kwargs["kids"][0].args[0][0]
    assert table.args[0] == "041404B0"  # Norwegian, Unicode
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    windows = PYPROJECT["tool"]["kostra-klienten"]["windows"]
    assert strings == {
        "CompanyName": windows["company"],
        "FileDescription": description,
        "FileVersion": f"{major}.{minor}.{patch}.0",
        "InternalName": program,
        "LegalCopyright": windows["copyright"],
        "OriginalFilename": f"{program}.exe",
        "ProductName": "KOSTRA-klienten",
        "ProductVersion": PYPROJECT["project"]["version"],
    }


def test_versions_become_four_windows_numbers():
    def numbers(version: str):
        return version_resource.Identity("P", "C", version, "©").numbers

    assert numbers("0.1.0") == (0, 1, 0, 0)
    assert numbers("2027.2") == (2027, 2, 0, 0)
    assert numbers("1.4.0rc2") == (1, 4, 0, 0)
    with pytest.raises(ValueError, match="does not fit"):
        numbers("70000.1.0")


def test_the_icon_is_the_drawing_rendered_at_every_size():
    from PySide6.QtGui import QImage

    committed = make_icon.read_ico(make_icon.ICO.read_bytes())
    assert sorted(committed) == list(make_icon.SIZES)
    fresh = make_icon.read_ico(make_icon.make_icon())
    assert make_icon.make_icon() == make_icon.ico_bytes(fresh)  # the same bytes every time
    for size in make_icon.SIZES:
        old, new = QImage.fromData(committed[size]), QImage.fromData(fresh[size])
        assert (old.width(), old.height()) == (size, size)
        # The committed file is this drawing (a Qt update may shift antialiasing a little).
        step = max(1, size // 16)
        diff = max(abs(((old.pixel(x, y) >> shift) & 0xFF) - ((new.pixel(x, y) >> shift) & 0xFF))
                   for x in range(0, size, step) for y in range(0, size, step)
                   for shift in (0, 8, 16, 24))
        assert diff <= 24, f"{size}px differs from the drawing: run tools/make_icon.py"


def test_the_installer_needs_windows_10_1809_and_signs_only_when_asked():
    assert re.search(r"^MinVersion=10\.0\.17763$", ISS, re.M)
    publisher = re.search(r'^#define AppPublisher "([^"]+)"', ISS, re.M)
    assert publisher and publisher.group(1) == PYPROJECT["tool"]["kostra-klienten"]["windows"][
        "company"]
    assert "SetupIconFile=..\\resources\\icons\\kostra-klient.ico" in ISS
    signing = ISS[ISS.index("#ifdef SignThumbprint"):]
    signing = signing[:signing.index("SignedUninstaller=yes") + len("SignedUninstaller=yes")]
    assert "SignTool=kostrasign sign /sha1 {#SignThumbprint} /fd sha256 {#StampArgs}" in signing
    assert '#define StampArgs "/tr " + TimestampUrl + " /td sha256"' in signing
    assert "SignedUninstaller=yes" in signing


def test_readme_windows_build_runs_both_selftests_and_the_signing_script():
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## Bygge pakken"):]
    section = section[:section.index("\n## ", 3)]
    assert "dist\\kostra-klient\\kostra.exe selftest" in section
    assert 'start /wait "" dist\\kostra-klient\\kostra-klient.exe --selftest' in section
    assert "tools\\build_windows.ps1" in section and "-CertThumbprint" in section
