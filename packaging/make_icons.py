#!/usr/bin/env python3
"""Render the app icon's PNG sizes, the Windows .ico and the macOS .icns from `resources/icons/immersion.svg`.

    .venv/bin/python packaging/make_icons.py           # rewrite the files in resources/icons/
    .venv/bin/python packaging/make_icons.py --check   # exit 1 if they no longer match the SVG

The outputs are committed, so that installing from a checkout or building the bundle needs no renderer; run
this again whenever the SVG changes (a test in tests/test_packaging.py notices when that was forgotten). Qt's
own SVG renderer draws them, so nothing beyond the project's dependencies is needed. Both container formats
hold PNG images, which Windows (Vista and later) and macOS (10.7 and later) read.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "immersion.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the hicolor theme's usual app sizes
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico entry can describe
# .icns element types holding PNG data, with their pixel size (the @2x types count their real pixels).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)
# Anti-aliasing may differ by a shade between Qt versions; a forgotten re-render differs far more.
CHECK_TOLERANCE = 8


def png_path(size: int) -> Path:
    return ICONS / f"immersion-{size}.png"


def render(size: int):  # -> QImage; Qt is imported lazily, so that --help works without it
    """The SVG drawn into a transparent `size`×`size` ARGB image."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"Cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    render(size).save(buffer, "PNG")
    return bytes(buffer.data().data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico file: a directory of PNG-compressed images (a width or height of 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = 6 + 16 * len(ICO_SIZES)
    entries, data = b"", b""
    for size in ICO_SIZES:
        png = pngs[size]
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .icns file: the 'icns' header, then one (type, length, PNG) element per size."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def outputs() -> dict[Path, bytes]:
    """Every generated file and its content."""
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: png_bytes(size) for size in sizes}
    files = {png_path(size): pngs[size] for size in PNG_SIZES}
    files[ICONS / "immersion.ico"] = ico_bytes(pngs)
    files[ICONS / "immersion.icns"] = icns_bytes(pngs)
    return files


def stale_pngs() -> list[str]:
    """The committed PNGs that are missing or differ from a fresh rendering by more than a shade."""
    from PySide6.QtGui import QImage

    stale = []
    for size in PNG_SIZES:
        committed = QImage(str(png_path(size)))
        if committed.isNull() or committed.width() != size or committed.height() != size:
            stale.append(png_path(size).name)
            continue
        committed = committed.convertToFormat(QImage.Format.Format_ARGB32)
        fresh = render(size)
        worst = max(
            abs(a - b)
            for y in range(size)
            for x in range(size)
            for a, b in zip(_channels(committed.pixel(x, y)), _channels(fresh.pixel(x, y)), strict=True)
        )
        if worst > CHECK_TOLERANCE:
            stale.append(png_path(size).name)
    return stale


def _channels(argb: int) -> tuple[int, int, int, int]:
    return (argb >> 24) & 255, (argb >> 16) & 255, (argb >> 8) & 255, argb & 255


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the committed PNGs against the SVG")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - painting needs one
    if args.check:
        stale = stale_pngs()
        if stale:
            print(f"Out of date with {SVG.name}: {', '.join(stale)}; run packaging/make_icons.py",
                  file=sys.stderr)
            return 1
        print(f"The icons match {SVG.name}.")
        return 0
    for path, content in outputs().items():
        path.write_bytes(content)
        print(f"wrote {path.relative_to(ROOT)} ({len(content):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
