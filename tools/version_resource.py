"""The Windows version resource of the two programs, from pyproject.toml.

build.spec writes one file per program with `version_file` and hands it to PyInstaller
(`EXE(version=…)`), which embeds it on Windows: Explorer's Properties → Details, the
installed-programs list, AppLocker/WDAC file rules and virus scanners read product,
company and version from it. The text is the Python expression PyInstaller's
`load_version_info_from_text_file` reads (PyInstaller.utils.win32.versioninfo).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Identity:
    product: str
    company: str
    version: str  # as in pyproject.toml, e.g. "0.1.0"
    copyright: str

    @property
    def numbers(self) -> tuple[int, int, int, int]:
        """The version as Windows' four 16-bit numbers: "0.1.0" -> (0, 1, 0, 0);
        a pre-release suffix ("0.2.0rc1") is dropped."""
        parts = [int(p) for p in re.findall(r"\d+", self.version.split("+")[0])[:3]]
        parts = [*parts, 0, 0, 0, 0][:4]
        if any(not 0 <= p <= 0xFFFF for p in parts):
            raise ValueError(f"version {self.version} does not fit a Windows version resource")
        return tuple(parts)  # type: ignore[return-value]


def identity(pyproject: Path = ROOT / "pyproject.toml") -> Identity:
    data = tomllib.loads(pyproject.read_text("utf-8"))
    windows = data.get("tool", {}).get("kostra-klienten", {}).get("windows", {})
    return Identity(
        product=windows.get("product", "KOSTRA-klienten"),
        company=windows["company"],
        version=data["project"]["version"],
        copyright=windows["copyright"],
    )


def version_file(ident: Identity, program: str, description: str) -> str:
    """The version resource of `program` ("kostra-klient" or "kostra") as PyInstaller's
    version-file text."""
    numbers = ident.numbers
    dotted = ".".join(map(str, numbers))
    strings = [
        ("CompanyName", ident.company),
        ("FileDescription", description),
        ("FileVersion", dotted),
        ("InternalName", program),
        ("LegalCopyright", ident.copyright),
        ("OriginalFilename", f"{program}.exe"),
        ("ProductName", ident.product),
        ("ProductVersion", ident.version),
    ]
    rows = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings)
    # 0x0414: Norwegian (Bokmål); 1200: Unicode. The same pair goes in VarFileInfo.
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '041404B0',
        [
{rows}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0414, 1200])])
  ]
)
"""


PROGRAMS = {
    "kostra-klient": "KOSTRA-klienten",
    "kostra": "KOSTRA-klienten, kommandolinje",
}


def write_version_files(folder: Path, pyproject: Path = ROOT / "pyproject.toml") -> dict[str, Path]:
    """One version file per program in `folder`; returns program -> path."""
    ident = identity(pyproject)
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for program, description in PROGRAMS.items():
        path = folder / f"version-{program}.txt"
        path.write_text(version_file(ident, program, description), encoding="utf-8")
        out[program] = path
    return out
