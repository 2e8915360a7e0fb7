"""Toolbar icons: SVG line drawings under ``resources/icons/actions``, tinted to the theme.

The drawings are black (``#000000``) in their files; :func:`themed_icon` repaints them
in the palette's text colour, so one set of files serves the light and the dark theme.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from neurongui.paths import resource_path

__all__ = ["themed_icon"]

_SIZES = (16, 24, 32, 48)


def themed_icon(name: str, colour: QColor | None = None) -> QIcon:
    """The action icon ``name`` (e.g. ``"play"``) drawn in ``colour``.

    Parameters
    ----------
    name
        The file name without ``.svg``.
    colour
        Defaults to the application palette's text colour.

    Returns
    -------
    QIcon
        An empty icon if the file is missing (the action still shows its text).
    """
    path = resource_path("icons", "actions", f"{name}.svg")
    if not path.exists():
        return QIcon()
    if colour is None:
        colour = QApplication.palette().windowText().color()
    svg = path.read_text(encoding="utf-8").replace("#000000", colour.name())
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    icon = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
