"""The Output tab's confusion matrix and, for images, the strip of misclassified ones.

The confusion matrix needs a forward pass over the whole test set: 0.8 GFLOP for
MNIST's 10,000 images on a 784-100-10 network, tens of milliseconds. While training
runs it is computed in single precision, at most every :data:`CONFUSION_PERIOD`
seconds and less often when that would take more than :data:`CONFUSION_SHARE` of the
time, and one chunk of :data:`CHUNK` rows per snapshot, so that no frame carries a
whole pass; paused, every draw is the exact double-precision count. Inputs are
converted a chunk at a time, never the whole uint8 test set at once. The matrix's
numbers are plain Qt text items, redrawn only when they change. Thumbnails are drawn
as ink on paper (1 − x), as the diagram draws the input.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetrics, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem, QLabel

from neurongui.engine import Network
from neurongui.engine.datasets import network_inputs
from neurongui.engine.numbers import format_percent
from neurongui.engine.session import TrainingData
from neurongui.i18n import data_name, fill
from neurongui.views.canvas_maps import display_activations, palette_rgb
from neurongui.views.chart_style import ChartColours, set_y_title

__all__ = [
    "CHUNK",
    "CONFUSION_PERIOD",
    "CONFUSION_SHARE",
    "STRIP_SAMPLES",
    "ConfusionView",
]

translate = QCoreApplication.translate  # literal calls: lupdate files them by context

#: Misclassified samples the strip under a confusion matrix of images shows at most.
STRIP_SAMPLES = 12
#: While training, the confusion matrix is recomputed at most this often (seconds)...
CONFUSION_PERIOD = 0.5
#: ...and so that computing it takes at most this share of the time.
CONFUSION_SHARE = 0.03
#: Rows of inputs converted and passed forward at a time for the confusion matrix.
CHUNK = 2000


class ConfusionView:
    """Mixin of :class:`~neurongui.views.chart_output.OutputChart`: the confusion
    matrix in its plot, and the misclassified images in its strip."""

    output_plot: pg.PlotWidget
    misclassified: pg.PlotWidget
    strip: pg.ImageItem
    image: pg.ImageItem
    output_note: QLabel
    strip_title: str
    points_stale: bool
    confusion_passes: int
    confusion_exact: bool
    _strip_title: str
    _colours: ChartColours
    _confusion_texts: list[QGraphicsSimpleTextItem]
    _strip_texts: list[QGraphicsSimpleTextItem]
    _cells: np.ndarray
    _next_confusion: float
    #: A live count under way: predictions so far, next row, seconds spent, start time.
    _count: tuple[np.ndarray, int, float, float] | None = None

    if TYPE_CHECKING:

        def font(self) -> QFont: ...  # QWidget's

    @property
    def confusion_counts(self) -> np.ndarray:
        """The confusion matrix on show (rows: true class, columns: the network's)."""
        k = math.isqrt(len(self._cells))
        return self._cells.reshape(k, k).copy()

    @property
    def cell_texts(self) -> list[QGraphicsSimpleTextItem]:
        """The numbers written in the matrix's cells, row by row (as many as cells)."""
        return list(self._confusion_texts)

    @property
    def strip_labels(self) -> list[QGraphicsSimpleTextItem]:
        """The labels under the misclassified thumbnails on show ("true → predicted")."""
        return [item for item in self._strip_texts if item.isVisible()]

    def _set_confusion_texts(self, count: int) -> None:
        """Keep ``count`` text items for the matrix's cells (plain Qt items: cheap)."""
        texts = self._confusion_texts
        while len(texts) > count:
            item = texts.pop()
            if item.scene() is not None:
                item.scene().removeItem(item)
        view = self.output_plot.getPlotItem().vb.childGroup
        font = self._cell_font()
        while len(texts) < count:
            item = self.output_plot.scene().addSimpleText("")
            item.setParentItem(view)
            item.setFont(font)
            # Text stays upright and of a fixed size whatever the view's scale.
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            item.setZValue(5)
            texts.append(item)

    def _cell_font(self) -> QFont:
        """A font for the matrix's counts about half a cell high (big
        enough to read on a projector), between 9 and 28 pixels."""
        font = QFont(self.font())
        k = max(int(np.sqrt(len(self._confusion_texts))), 1)
        box = self.output_plot.getViewBox()
        cell = min(box.width(), box.height()) / k
        font.setPixelSize(int(np.clip(cell * 0.55, 9, 28)))
        return font

    def _fit_cell_font(self, *_: object) -> None:
        """The plot was resized: counts follow the cells' size."""
        if not self._confusion_texts:
            return
        font = self._cell_font()
        for item in self._confusion_texts:
            item.setFont(font)
            rect = item.boundingRect()
            item.setTransform(QTransform.fromTranslate(-rect.width() / 2, -rect.height() / 2))

    def _chunk(self, data: TrainingData, net: Network, which: str, rows: slice, exact: bool):
        """The classes ``net`` picks for ``rows`` of ``which``: exact (double
        precision) or, while training, single precision."""
        with np.errstate(all="ignore"):
            if exact:
                out = net.forward(data.inputs(which, rows))
            else:  # the engine's own conversion, straight to single precision
                X = data.X_test if which == "test" else data.X_train
                out = display_activations(net, network_inputs(X[rows], np.float32))[-1]
        return out.argmax(axis=1)

    def _predictions(self, data: TrainingData, net: Network, which: str, live: bool):
        """Every sample's predicted class, or None while a live count is under way.

        Paused (or for a new dataset), one pass at once. While training, a count takes
        one :data:`CHUNK` of rows per snapshot, so that no frame carries the whole
        pass; it starts at most every :data:`CONFUSION_PERIOD` seconds, and less
        often if its chunks took more than :data:`CONFUSION_SHARE` of the time.
        """
        n = len(data.X_test if which == "test" else data.X_train)
        if not live or self.points_stale:
            self._count = None
            pred = np.empty(n, dtype=np.intp)
            for start in range(0, n, CHUNK):
                rows = slice(start, min(start + CHUNK, n))
                pred[rows] = self._chunk(data, net, which, rows, exact=not live)
            self.confusion_passes += 1
            self._next_confusion = time.monotonic() + CONFUSION_PERIOD
            return pred
        now = time.monotonic()
        if self._count is None or len(self._count[0]) != n:
            if now < self._next_confusion:
                return None  # counted a moment ago
            self._count = (np.empty(n, dtype=np.intp), 0, 0.0, now)
        pred, start, cost, begun = self._count
        rows = slice(start, min(start + CHUNK, n))
        pred[rows] = self._chunk(data, net, which, rows, exact=False)
        cost += time.monotonic() - now
        if rows.stop < n:
            self._count = (pred, rows.stop, cost, begun)
            return None
        self._count = None
        self.confusion_passes += 1
        self._next_confusion = begun + max(CONFUSION_PERIOD, cost / CONFUSION_SHARE)
        return pred

    def _draw_confusion(self, data: TrainingData, net: Network, live: bool = False) -> None:
        which = "test" if len(data.X_test) else "train"
        pred = self._predictions(data, net, which, live)
        if pred is None:
            return  # the next snapshot carries the count on
        Y = data.Y_test if which == "test" else data.Y_train
        truth = Y.argmax(axis=1)
        self.confusion_exact = not live
        k = Y.shape[1]
        matrix = np.bincount(truth * k + pred, minlength=k * k).reshape(k, k)
        note = fill(
            translate(
                "OutputChart",
                "Rows: the true class; columns: the class the network chose. "
                "The diagonal counts right answers. Accuracy on the %1: %2",
            ),
            translate("OutputChart", "test data")
            if len(data.X_test)
            else translate("OutputChart", "training data"),
            format_percent(np.trace(matrix) / max(matrix.sum(), 1)),
        )
        if live:
            note += " " + translate(
                "OutputChart", "(recounted at most twice a second while training)"
            )
        if note != self.output_note.text():
            self.output_note.setText(note)
        if not self.points_stale and np.array_equal(matrix.ravel(), self._cells):
            return  # the same answers as in the last frame: nothing to redraw
        names = [data_name(n) for n in data.dataset.class_names]
        shares = matrix / np.maximum(matrix.sum(axis=1, keepdims=True), 1)
        # Rows are true classes (top to bottom), columns predicted classes.
        rgb = palette_rgb(shares.T[:, ::-1], -1.0, 1.0)
        self.image.setImage(rgb, autoLevels=False, levels=None)
        if self.points_stale or len(self._confusion_texts) != k * k:
            self.points_stale = False
            self._cells = np.full(k * k, -1)
            self.image.setRect(QRectF(0, 0, k, k))
            self._set_confusion_texts(k * k)
            # As many letters as a column has room for (ten Fashion-MNIST names).
            room = max(3, min(10, int(self.output_plot.getViewBox().width() / k / 7)))
            short = [_elide(n, room) for n in names]
            self.output_plot.getAxis("bottom").setTicks([[(j + 0.5, short[j]) for j in range(k)]])
            self.output_plot.getAxis("left").setTicks([[(k - i - 0.5, short[i]) for i in range(k)]])
            self.output_plot.setLabel("bottom", translate("OutputChart", "predicted class →"))
            # Rotated beside the rows in English; Chinese stands upright over the row
            # names, where it could be read as the columns' title: it says "rows".
            set_y_title(self.output_plot, translate("OutputChart", "true class"))
            if self.output_plot.getPlotItem().y_title:
                set_y_title(self.output_plot, translate("OutputChart", "rows: true class"))
            self._colours.apply(self.output_plot)
            self.output_plot.setRange(xRange=(0, k), yRange=(0, k), padding=0)
            self._fit_cell_font()
        for index in np.flatnonzero(matrix.ravel() != self._cells):
            i, j = divmod(int(index), k)
            item = self._confusion_texts[index]
            item.setText(str(matrix[i, j]))
            item.setBrush(QColor(255, 255, 255) if shares[i, j] > 0.55 else QColor(40, 40, 40))
            rect = item.boundingRect()
            item.setTransform(QTransform.fromTranslate(-rect.width() / 2, -rect.height() / 2))
            item.setPos(j + 0.5, k - i - 0.5)
        self._cells = matrix.ravel().copy()
        shape = data.dataset.image_shape
        if shape is not None:
            self._draw_strip(data, which, truth, pred, shape, names)

    def strip_size(self, shape: tuple[int, int], two_lines: bool = False) -> int:
        """How many thumbnails of ``shape`` images the strip shows: STRIP_SAMPLES of
        8×8 digits; of bigger images as many as fit side by side at the strip's height
        (at least 2), so that each is drawn as large as the strip allows."""
        if max(shape) <= 16:
            return STRIP_SAMPLES
        box = self.misclassified.getViewBox()
        width, height = _slot(shape, two_lines)
        pixels = box.height() / height  # screen pixels per image pixel
        return int(np.clip(box.width() // max(width * pixels, 1.0), 2, STRIP_SAMPLES))

    def _draw_strip(self, data, which, truth, pred, shape, names) -> None:
        errors = np.flatnonzero(truth != pred)
        # Digits fit "3→5" on a line; longer names go on two lines, elided.
        two_lines = max(len(n) for n in names) > 2
        size = self.strip_size(shape, two_lines)
        wrong = errors[:size]
        forms = [self._strip_title, translate("OutputChart", "Misclassified (true → predicted)")]
        if len(errors) > len(wrong):  # say that the strip is a sample of the errors
            count = fill(
                translate("OutputChart", "showing %1 of %2"), str(len(wrong)), f"{len(errors):,}"
            )
            forms = [f"{form} · {count}" for form in forms] + forms[1:]
        # The longest that fits: a title wider than the panel widened the plot past it,
        # and the last thumbnails were cut off.
        font = QFont(self.font())
        font.setPointSize(9)
        metrics, room = QFontMetrics(font), self.misclassified.width() - 16
        title = next((f for f in forms if metrics.horizontalAdvance(f) <= room), forms[-1])
        if title != self.strip_title:
            self.strip_title = title
            self.misclassified.setTitle(title, size="9pt", color=self._colours.foreground)
        labels = [
            f"{_elide(names[truth[i]], 7)}\n→ {_elide(names[pred[i]], 7)}"
            if two_lines
            else f"{names[truth[i]]}→{names[pred[i]]}"
            for i in wrong
        ]
        rows, cols = shape
        # A slot per sample: its thumbnail in a grey frame and, for two-line labels, a
        # margin as wide as a thumbnail (transparent: NaN), so labels do not touch.
        width = _slot(shape, two_lines)[0]
        if len(wrong):
            # Ink on paper, as on the diagram: 1 − x.
            strip = np.full((rows + 2, len(wrong) * width), np.nan)
            X = data.inputs(which, wrong)
            for n, x in enumerate(X):
                left = n * width + (width - cols) // 2
                strip[:, left - 1 : left + cols + 1] = 0.75
                strip[1 : rows + 1, left : left + cols] = 1.0 - x.reshape(shape)
            self.strip.setImage(strip.T[:, ::-1], levels=(0, 1))
            self.strip.setRect(QRectF(0, 0, strip.shape[1], strip.shape[0]))
        else:
            self.strip.clear()
        texts = self._strip_texts
        view = self.misclassified.getPlotItem().vb.childGroup
        while len(texts) < len(labels):
            item = self.misclassified.scene().addSimpleText("")
            item.setParentItem(view)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            item.setBrush(self._colours.foreground)
            texts.append(item)
        for index, item in enumerate(texts):
            item.setVisible(index < len(labels))
            if index < len(labels) and (item.text(), item.x()) != (
                labels[index],
                index * width + width / 2,
            ):
                item.setText(labels[index])
                rect = item.boundingRect()
                item.setTransform(QTransform.fromTranslate(-rect.width() / 2, 0))
                item.setPos(index * width + width / 2, 0)
        tiles = max(len(labels), 6 if max(shape) <= 16 else size)
        below = _slot(shape, two_lines)[1] - (rows + 2)  # the labels' room
        self.misclassified.setRange(
            xRange=(0, tiles * width), yRange=(-below, shape[0] + 2), padding=0
        )


def _slot(shape: tuple[int, int], two_lines: bool) -> tuple[int, float]:
    """(width, height) in image pixels of a thumbnail's place in the strip: the image
    in a one-pixel frame, a margin for two-line labels, the labels' room below."""
    rows, cols = shape
    width = cols + 2 + (cols if two_lines else 0)
    return width, rows + 2 + (0.9 if two_lines else 0.45) * (cols + 2)


def _elide(name: str, letters: int) -> str:
    """``name`` cut to ``letters`` characters, the last an ellipsis if it was cut."""
    return name if len(name) <= letters else name[: letters - 1] + "…"
