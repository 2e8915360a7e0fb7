"""Render the application icon from ``resources/icons/neurongui.svg``.

Writes, next to the SVG:

* ``neurongui-<N>.png`` for N in 16, 32, 48, 64, 128, 256, 512 (Linux hicolor theme,
  window icon);
* ``neurongui.ico`` (Windows: PNG-compressed entries 16-256 px, readable since Vista);
* ``neurongui.icns`` (macOS: PNG entries 16-1024 px).

Qt's ``QSvgRenderer`` does the drawing, so no image library beyond PySide6 is needed;
the ICO and ICNS containers are simple enough to write with :mod:`struct`.
Run ``python packaging/make_icons.py`` after editing the SVG and commit the results.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICON_DIR / "neurongui.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, by pixel size.
ICNS_TYPES = {
    16: b"icp4",
    32: b"icp5",
    64: b"icp6",
    128: b"ic07",
    256: b"ic08",
    512: b"ic09",
    1024: b"ic10",
}


def render_png(size: int) -> bytes:
    """Return the icon rendered at ``size`` x ``size`` pixels as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise ValueError(f"{SVG} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """Pack PNG images into a Windows ICO container (width/height 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = [], []
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """Pack PNG images into a macOS ICNS container (big-endian type + length records)."""
    records = (
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png
        for size, png in sorted(pngs.items())
    )
    body = b"".join(records)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    """Write every icon file; return 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    rendered = {size: render_png(size) for size in sorted({*PNG_SIZES, *ICNS_TYPES})}
    for size in PNG_SIZES:
        (ICON_DIR / f"neurongui-{size}.png").write_bytes(rendered[size])
    (ICON_DIR / "neurongui.ico").write_bytes(ico_bytes({s: rendered[s] for s in ICO_SIZES}))
    (ICON_DIR / "neurongui.icns").write_bytes(icns_bytes({s: rendered[s] for s in ICNS_TYPES}))
    print(f"wrote {len(PNG_SIZES)} PNGs, neurongui.ico and neurongui.icns to {ICON_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
