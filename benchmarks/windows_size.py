"""An estimate of the Windows bundle's size, from the Linux bundle and the Windows wheels.

Until a Windows build runs, the Windows bundle is estimated as

  the Linux bundle (tools/build_bundle.sh), with
  - Qt (PySide6, shiboken6) replaced by what the same selection takes from the Windows
    wheels: the Qt libraries the Linux bundle holds (Qt6Core.dll for libQt6Core.so, …),
    the plugins of the same kinds (and the Windows style) less build.spec's
    DROP_PATTERNS, the nynorsk Qt translations, the MSVC runtime DLLs that come with
    the wheels, and opengl32sw.dll, which PyInstaller's Qt hook adds on Windows unless
    DROP_PATTERNS drops it; Windows has its own ICU (Windows 10 1809 and later), so none;
  - the other compiled extensions (cryptography, rpds, Pillow, charset_normalizer,
    cffi) replaced by their Windows wheels' .pyd and .dll files, less build.spec's
    NOT_SHIPPED modules;
  - the Linux system libraries (X11, xcb, glib, fontconfig, libstdc++, …) left out:
    Windows provides its own;
  - the Python runtime (libpython, lib-dynload, OpenSSL, libffi, …) counted as on Linux:
    the same CPython version and modules, standing in for python311.dll and its .pyd
    files, which are not on PyPI;
  - the rest (the programs' archives of Python code, base_library.zip, forms/,
    resources/, translations, metadata) counted as on Linux.

    .venv/bin/pip download --platform win_amd64 --python-version 3.11 --only-binary=:all: \\
        -d /tmp/winwheels "PySide6-Essentials>=6.9,<6.12" "cryptography>=45" rpds-py pillow \\
        charset-normalizer cffi
    .venv/bin/python benchmarks/windows_size.py --wheels /tmp/winwheels \
        [--bundle dist/kostra-klient]
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT_PACKAGES = ("PySide6", "shiboken6")
EXTENSION_PACKAGES = ("cryptography", "rpds", "PIL", "pillow.libs", "charset_normalizer",
                      "_cffi_backend")
PYTHON_RUNTIME = re.compile(
    r"^(libpython|python3\.\d+/|libssl|libcrypto|libffi|libz\.|libbz2|liblzma|libexpat|"
    r"libuuid|libmpdec|libreadline|libtinfo)")
BINDINGS = re.compile(r"^((QtCore|QtGui|QtWidgets|Shiboken)(\.\w+)?\.pyd|"
                      r"(pyside6|shiboken6)\.abi3\.dll)$")
MSVC_RUNTIME = re.compile(r"^(msvcp140.*|vcruntime140.*|concrt140)\.dll$", re.I)


def spec_list(name: str) -> list[str]:
    """A list or tuple of strings assigned to `name` in build.spec (read, not run)."""
    tree = ast.parse((ROOT / "build.spec").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return [e.value for e in node.value.elts  # type: ignore[attr-defined]
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    raise SystemExit(f"{name} not found in build.spec")


def linux_parts(bundle: Path) -> dict[str, int]:
    parts = {"qt": 0, "extensions": 0, "python": 0, "system": 0, "same": 0}
    internal = bundle / "_internal"
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        size = path.stat().st_size
        rel = path.relative_to(internal).as_posix() if internal in path.parents else ""
        top = rel.split("/", 1)[0]
        if top in QT_PACKAGES:
            parts["qt"] += size
        elif top in EXTENSION_PACKAGES or top.startswith("_cffi_backend"):
            parts["extensions"] += size if path.suffix == ".so" or ".so." in path.name \
                or top == "pillow.libs" else 0
            parts["same"] += 0 if path.suffix == ".so" or ".so." in path.name \
                or top == "pillow.libs" else size
        elif PYTHON_RUNTIME.match(rel):
            parts["python"] += size
        elif "/" not in rel and (".so" in path.name):
            parts["system"] += size
        else:
            parts["same"] += size
    return parts


def wheel_files(wheels: Path, prefix: str) -> list[zipfile.ZipInfo]:
    found = []
    for wheel in sorted(wheels.glob(f"{prefix}-*win_amd64.whl")):
        with zipfile.ZipFile(wheel) as archive:
            found += [i for i in archive.infolist() if not i.is_dir()]
    return found


def windows_qt(wheels: Path, bundle: Path, drop: list[str]) -> tuple[int, dict[str, int]]:
    internal = bundle / "_internal" / "PySide6"
    modules = {m.group(1) for p in internal.rglob("libQt6*.so*")
               if (m := re.match(r"libQt6(\w+)\.so", p.name))}
    plugin_kinds = {p.parent.name for p in (internal / "Qt" / "plugins").rglob("*.so")}
    plugin_kinds.add("styles")  # Windows' own style plugin; Linux has none
    total, notes, runtime_seen = 0, {}, set()
    for info in wheel_files(wheels, "pyside6_essentials") + wheel_files(wheels, "shiboken6"):
        name = info.filename
        base = name.rsplit("/", 1)[-1]
        parts = name.split("/")
        keep = False
        if len(parts) == 2 and (m := re.match(r"Qt6(\w+)\.dll$", base)):
            keep = m.group(1) in modules
        elif len(parts) == 2 and BINDINGS.match(base):
            keep = True
        elif len(parts) == 2 and MSVC_RUNTIME.match(base):
            keep = base.lower() not in runtime_seen  # one copy, whichever wheel has it
            runtime_seen.add(base.lower())
        elif base == "opengl32sw.dll":
            keep = True
        elif parts[1:2] == ["plugins"] and len(parts) == 4:
            keep = parts[2] in plugin_kinds
        elif parts[1:2] == ["translations"]:
            keep = base.startswith(("qtbase_nn", "qt_nn"))
        if keep and any(p in "/" + name for p in drop):
            notes[base] = info.file_size
            keep = False
        if keep:
            total += info.file_size
    return total, notes


def windows_extensions(wheels: Path, not_shipped: list[str]) -> int:
    total = 0
    for prefix in ("cryptography", "rpds_py", "pillow", "charset_normalizer", "cffi"):
        for info in wheel_files(wheels, prefix):
            if not info.filename.endswith((".pyd", ".dll")):
                continue
            module = info.filename.split(".")[0].replace("/", ".")
            if module in not_shipped:
                continue
            total += info.file_size
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheels", type=Path, required=True)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "kostra-klient")
    args = parser.parse_args()
    if not (args.bundle / "_internal").is_dir():
        sys.exit(f"{args.bundle} is missing: run tools/build_bundle.sh first")
    drop = spec_list("DROP_PATTERNS")
    linux = linux_parts(args.bundle)
    qt, dropped = windows_qt(args.wheels, args.bundle, drop)
    extensions = windows_extensions(args.wheels, spec_list("NOT_SHIPPED"))
    windows = {"qt": qt, "extensions": extensions, "python": linux["python"], "system": 0,
               "same": linux["same"]}
    mb = 1e6
    print(f"{'part':<12}{'Linux':>10}{'Windows':>10}  (MB)")
    for part in linux:
        print(f"{part:<12}{linux[part] / mb:>10.1f}{windows[part] / mb:>10.1f}")
    print(f"{'total':<12}{sum(linux.values()) / mb:>10.1f}{sum(windows.values()) / mb:>10.1f}")
    for name, size in dropped.items():
        print(f"  left out by DROP_PATTERNS on Windows: {name} ({size / mb:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
