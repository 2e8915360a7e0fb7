"""Big layers drawn as one picture each, not one item per neuron.

A 90,000-input network drawn with one circle per input held 270,000 items; building
and clearing them froze the window for seconds. A layer of more than
:data:`~neurongui.views.canvas_layout.STRIP_NODES` neurons is drawn instead as a
strip, one pixel row per neuron (or per group of neurons, past :data:`MAX_ROWS`),
coloured by value; the inputs of an
image dataset (8×8 digits) as the image itself, one cell per pixel. Either is a single
pixmap item whose colours come from one NumPy lookup.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsScene

__all__ = ["MAX_ROWS", "ColumnPicture"]

#: A strip has at most this many rows (more than a screen's height of pixels).
MAX_ROWS = 2048


class ColumnPicture:
    """A layer drawn as one image filling ``rect`` (scene units).

    ``shape`` (rows, columns) of the image: (n, 1) for a strip, the dataset's image
    shape for an input grid.
    """

    def __init__(self, scene: QGraphicsScene, rect: QRectF, shape: tuple[int, int], frame: QColor):
        self.shape = shape
        rows, cols = shape
        # A strip of 90,000 neurons keeps one row for each group of neurons: a value
        # per screen pixel is all that can show.
        self.rows = min(rows, MAX_ROWS)
        self._pick = None
        if self.rows < rows:
            self._pick = np.linspace(0, rows - 1, self.rows).round().astype(np.intp)
        self.item = scene.addPixmap(QPixmap())
        self.item.setPos(rect.topLeft())
        self.item.setTransform(QTransform.fromScale(rect.width() / cols, rect.height() / self.rows))
        self.item.setTransformationMode(Qt.TransformationMode.FastTransformation)
        self.item.setZValue(2)
        self.frame = scene.addRect(rect, QPen(frame, 0))
        self.frame.setZValue(2)
        self._last: bytes | None = None

    def set_colours(self, rgb: np.ndarray) -> None:
        """Colour the picture: ``rgb`` holds one (r, g, b) byte triple per neuron."""
        if self._pick is not None:
            rgb = rgb[self._pick]
        rows, cols = self.rows, self.shape[1]
        pixels = np.ascontiguousarray(rgb.reshape(rows, cols, 3), dtype=np.uint8)
        data = pixels.tobytes()
        if data == self._last:  # unchanged: no new pixmap, no repaint
            return
        self._last = data
        image = QImage(data, cols, rows, 3 * cols, QImage.Format.Format_RGB888)
        # Own the pixels: ``data`` is freed when we return.
        self.item.setPixmap(QPixmap.fromImage(image.copy()))
