"""Render resources/icons/kostra-klient.svg into kostra-klient.ico, the programs' icon.

    .venv/bin/python tools/make_icon.py [--check]

Each size Windows asks for (16 to 256 pixels) is rendered from the vector drawing with
Qt's SVG renderer, not scaled down from one large bitmap, and stored as PNG in the ICO
container (Windows Vista and later read PNG entries). The output depends only on the
drawing and the renderer: running it twice gives the same bytes. `--check` compares a
fresh rendering with the committed file instead of writing it.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "kostra-klient.svg"
ICO = ROOT / "resources" / "icons" / "kostra-klient.ico"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication(["make_icon"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG drawing")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file holding `images` (size -> PNG bytes), smallest first."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, blobs = b"", b""
    offset = 6 + 16 * len(images)
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def read_ico(data: bytes) -> dict[int, bytes]:
    """The images of an ICO file written by ico_bytes: size -> PNG bytes."""
    reserved, kind, count = struct.unpack_from("<HHH", data)
    if (reserved, kind) != (0, 1):
        raise ValueError("not an icon file")
    images = {}
    for i in range(count):
        side, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        images[side or 256] = data[offset:offset + length]
    return images


def make_icon(svg: Path = SVG) -> bytes:
    return ico_bytes({size: render_png(svg, size) for size in SIZES})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed icon instead of writing it")
    args = parser.parse_args()
    data = make_icon()
    if args.check:
        same = ICO.is_file() and ICO.read_bytes() == data
        print(f"{ICO.relative_to(ROOT)}: {'up to date' if same else 'differs from the drawing'}")
        return 0 if same else 1
    ICO.write_bytes(data)
    print(f"wrote {ICO.relative_to(ROOT)} ({len(data)} bytes, sizes {', '.join(map(str, SIZES))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
