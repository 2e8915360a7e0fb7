"""Image datasets on the diagram: the sample as a picture, the first layer as pictures.

For an image dataset (8×8 digits, 28×28 MNIST) the inputs are drawn as the sample's
own image, in grey levels: white paper, black ink (x = 1), whatever the theme. Each
neuron of the first layer has one weight per pixel, so its weights are an image too:
blue where ink raises the neuron's z, orange where ink lowers it, white where a pixel
does not matter; it shows "what this neuron looks for". Every neuron of that column is
a small framed picture of its weights (all of them one pixmap item,
:class:`WeightTiles`), and the selected one is drawn large under the input image
(:class:`NeuronFocus`), big enough to read on a projector.

Weight pictures share one colour scale, symmetric about 0, whose level is a round
number just above nearly all of the layer's |w| (:func:`weight_level`): the legend
states it, and it changes in steps, not every frame, while the network trains.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsScene

from neurongui.engine.refs import EdgeRef
from neurongui.i18n import fill
from neurongui.views.canvas_base import CanvasBase
from neurongui.views.canvas_columns import ColumnPicture
from neurongui.views.canvas_layout import FOCUS_GAP, STRIP_NODES, Layout
from neurongui.views.canvas_maps import palette_rgb
from neurongui.views.canvas_text import ScreenText

__all__ = [
    "CanvasImages",
    "NeuronFocus",
    "WeightTiles",
    "ink_rgb",
    "weight_level",
]

#: The share of a layer's |w| that its weight pictures show unclipped.
LEVEL_QUANTILE = 0.99
_NICE = (1.0, 2.0, 5.0, 10.0)
_FRAME = QColor(120, 120, 120)


def ink_rgb(x: np.ndarray) -> np.ndarray:
    """Grey bytes (n, 3) of pixel inputs ``x`` in [0, 1]: 0 white paper, 1 black ink.

    A pixel's grey is 255 − round(255 x): an MNIST byte b (x = b / 255) is drawn as
    255 − b exactly. Values outside [0, 1] are clipped; NaN shows as mid grey.
    """
    x = np.asarray(x, dtype=float)
    grey = 255.0 - np.rint(255.0 * np.clip(np.nan_to_num(x, nan=0.5), 0.0, 1.0))
    return np.repeat(grey.astype(np.uint8)[:, None], 3, axis=1)


def weight_level(weights: np.ndarray) -> float:
    """The level ±L of the weight pictures' colour scale: the smallest of 1, 2 or 5
    times a power of ten at or above the :data:`LEVEL_QUANTILE` quantile of |w|.

    A round number that a legend can state, and that moves in steps while training
    (the largest few weights only saturate).
    """
    size = np.abs(np.asarray(weights, dtype=float)).ravel()
    size = size[np.isfinite(size)]
    if not size.size:
        return 1.0
    k = min(int(LEVEL_QUANTILE * size.size), size.size - 1)
    top = float(np.partition(size, k)[k])
    if top <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(top))
    return next(m * power for m in _NICE if m * power >= top * (1 - 1e-12))


def weight_rgb(weights: np.ndarray, level: float, dark: bool) -> np.ndarray:
    """Colour bytes of ``weights``: orange at −``level``, white (dark: grey) at 0, blue
    at +``level``, clipped beyond; a weight that is not finite is mid grey."""
    weights = np.asarray(weights, dtype=float)
    rgb = palette_rgb(weights, -level, level, dark)
    rgb[~np.isfinite(weights)] = 128
    return rgb


def _image(rgba: np.ndarray) -> QImage:
    """A QImage that owns a copy of the (rows, cols, 4) bytes."""
    rows, cols = rgba.shape[:2]
    data = np.ascontiguousarray(rgba, dtype=np.uint8)
    return QImage(data.data, cols, rows, 4 * cols, QImage.Format.Format_RGBA8888).copy()


class WeightTiles:
    """The weights of every neuron of ``column`` as small pictures on its nodes.

    One pixmap item for the whole column: tile ``j`` fills node ``j``'s square, and
    the rows between tiles are transparent. ``shape`` (rows, columns) of the input
    image.
    """

    def __init__(self, scene: QGraphicsScene, layout: Layout, column: int, shape: tuple[int, int]):
        self.shape = rows, cols = shape
        radius, ys = layout.radii[column], layout.ys[column]
        unit = 2 * radius / max(rows, cols)  # scene units per picture pixel
        self._offsets = np.rint((ys - ys[0]) / unit).astype(np.intp)
        self._height = int(self._offsets[-1]) + rows
        # Tile j's rows of the atlas, for one fancy-indexed copy of every tile.
        self._rows = (self._offsets[:, None] + np.arange(rows)).ravel()
        self.item = scene.addPixmap(QPixmap())
        self.item.setPos(float(layout.x[column]) - cols * unit / 2, float(ys[0]) - rows * unit / 2)
        self.item.setScale(unit)
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.item.setZValue(1.9)  # under the nodes' frames
        self._last: bytes | None = None

    def set_weights(self, weights: np.ndarray, level: float, dark: bool) -> None:
        """Draw ``weights`` (neurons × pixels) on the colour scale ±``level``."""
        cols = self.shape[1]
        atlas = np.zeros((self._height, cols, 4), dtype=np.uint8)  # transparent
        atlas[self._rows, :, :3] = weight_rgb(weights, level, dark).reshape(-1, cols, 3)
        atlas[self._rows, :, 3] = 255
        data = atlas.tobytes()
        if data != self._last:  # unchanged weights: no new pixmap, no repaint
            self._last = data
            self.item.setPixmap(QPixmap.fromImage(_image(atlas)))

    def picture(self, neuron: int) -> QImage:
        """The picture drawn on ``neuron``'s node, one pixel per input."""
        rows, cols = self.shape
        top = int(self._offsets[neuron])
        return self.item.pixmap().toImage().copy(0, top, cols, rows)


class NeuronFocus:
    """The selected neuron's weight picture, large, in the square ``rect`` under the
    input image, with a title above it; without a neuron, a dashed frame and a hint."""

    def __init__(
        self,
        scene: QGraphicsScene,
        rect: tuple[float, float, float, float],
        shape: tuple[int, int],
        colour: QColor,
    ):
        self.shape = shape
        left, top, width, height = rect
        self.rect = QRectF(left, top, width, height)
        self.item = scene.addPixmap(QPixmap())
        self.item.setPos(left, top)
        self.item.setScale(width / max(shape))
        self.item.setTransformationMode(Qt.TransformationMode.FastTransformation)  # crisp
        self.item.setZValue(2)
        pen = QPen(_FRAME, 1.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.frame = scene.addRect(self.rect, pen)
        self.frame.setZValue(2)
        centre = QPointF(left + width / 2, top)
        self.title = ScreenText(scene, [""], centre, colour, 13, "center", (0, -10), bold=True)
        self.hint = ScreenText(scene, [""], self.rect.center(), colour, 12)
        self.neuron: int | None = None

    def show(
        self, neuron: int, titles: list[str], weights: np.ndarray, level: float, dark: bool
    ) -> None:
        """Show ``neuron``'s ``weights`` (one per pixel) on the scale ±``level``."""
        rows, cols = self.shape
        rgba = np.full((rows, cols, 4), 255, dtype=np.uint8)
        rgba[..., :3] = weight_rgb(weights, level, dark).reshape(rows, cols, 3)
        self.item.setPixmap(QPixmap.fromImage(_image(rgba)))
        self.item.setVisible(True)
        self.neuron = neuron
        self._texts(titles, [""])
        self.frame.setPen(QPen(self.frame.pen().color(), 0))

    def show_hint(self, hints: list[str]) -> None:
        """No neuron to show: an empty dashed frame with ``hints`` (longest first)."""
        self.neuron = None
        self.item.setVisible(False)
        self._texts([""], hints)
        pen = QPen(_FRAME, 1.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.frame.setPen(pen)

    def _texts(self, titles: list[str], hints: list[str]) -> None:
        self.title.set_texts(titles)
        self.hint.set_texts(hints)

    def fit(self, scale: float) -> None:
        """Show the longest title and hint that fit the square's width at ``scale``;
        no title where the gap above the square is lower than its text (zoomed out)."""
        room = self.rect.width() * scale + 40
        self.title.fit(room if FOCUS_GAP * scale >= self.title.height + 2 else -1.0)
        self.hint.fit(self.rect.width() * scale + 20)

    def picture(self) -> QImage | None:
        """The large picture on show, one pixel per input (None: no neuron)."""
        return self.item.pixmap().toImage() if self.neuron is not None else None


class CanvasImages(CanvasBase):
    """Mixin of :class:`~neurongui.views.canvas.NetworkCanvas`: an image dataset's
    input picture, the first layer's weight pictures and the selected one, large."""

    _tiles: WeightTiles | None = None
    _focus: NeuronFocus | None = None
    _level = 1.0

    def _add_images(self) -> None:
        """The input grid's picture, and for its first layer the weight pictures."""
        layout, scene = self._layout, self.scene()
        self._tiles = self._focus = None
        if layout.grid is None or layout.focus is None:
            return
        grid = layout.grid_rect()
        assert grid is not None
        self._pictures[0] = ColumnPicture(scene, QRectF(*grid), layout.grid, _FRAME)
        if layout.sizes[1] <= STRIP_NODES:
            self._tiles = WeightTiles(scene, layout, 1, layout.grid)
        self._focus = NeuronFocus(scene, layout.focus, layout.grid, self._text_colour())

    def _first_layer_framed(self) -> bool:
        """True if the first layer's nodes are frames around their weight pictures."""
        layout = self._layout
        return layout.grid is not None and layout.sizes[1] <= STRIP_NODES

    def _refresh_images(self, sample: np.ndarray) -> None:
        """Colour the input picture by ``sample`` and redraw the weight pictures."""
        if 0 not in self._pictures or self._focus is None:
            return
        self._pictures[0].set_colours(ink_rgb(sample))
        weights = self.model.network.layers[0].weights
        self._level = weight_level(weights)
        if self._tiles is not None:
            self._tiles.set_weights(weights, self._level, self._dark)
        self._show_focus()

    def _show_focus(self) -> None:
        """The large picture of the selected first-layer neuron (or of the neuron the
        selected edge from a pixel leads into), or a hint to select one."""
        focus = self._focus
        if focus is None:
            return
        s = self.model.selection
        layer_name = self.layer_name(0)
        if s.kind in ("neuron", "edge") and s.layer == 0:
            weights = self.model.network.layers[0].weights[s.neuron]
            number = str(s.neuron + 1)
            titles = [
                fill(self.tr("What neuron %1 of %2 looks for"), number, layer_name),
                fill(self.tr("Neuron %1 looks for"), number),
            ]
            focus.show(s.neuron, titles, weights, self._level, self._dark)
        else:
            hints = [
                fill(self.tr("Click a neuron\nof %1\nto see what it looks for"), layer_name),
                self.tr("Click a neuron\nof layer 1"),
            ]
            focus.show_hint(hints)
        focus.fit(self.scale_now())

    def _fit_focus(self, scale: float) -> None:
        if self._focus is not None:
            self._focus.fit(scale)

    def _focus_edge(self, x: float, y: float) -> EdgeRef | None:
        """The edge whose weight the large picture shows at scene point (x, y): from
        that pixel into the neuron on show (click it, nudge it, edit it)."""
        focus = self._focus
        if focus is None or focus.neuron is None or not focus.rect.contains(x, y):
            return None
        rows, cols = focus.shape
        side = focus.rect.width() / max(rows, cols)
        row = min(int((y - focus.rect.top()) / side), rows - 1)
        col = min(int((x - focus.rect.left()) / side), cols - 1)
        return EdgeRef(0, focus.neuron, row * cols + col)

    # -- what a test or a lesson may read -----------------------------------------

    @property
    def weight_level(self) -> float | None:
        """The level ±L of the weight pictures' colours (None: no pictures)."""
        return self._level if self._focus is not None else None

    def input_picture(self) -> QImage | None:
        """The input image as drawn, one pixel per input (None: inputs are nodes)."""
        picture = self._pictures.get(0)
        return picture.item.pixmap().toImage() if picture is not None else None

    def weight_picture(self, neuron: int) -> QImage | None:
        """The small picture of the weights into ``neuron`` of the first layer."""
        return self._tiles.picture(neuron) if self._tiles is not None else None

    def focus_rect(self) -> QRectF:
        """Scene rectangle of the large weight picture (empty: no input image)."""
        return QRectF(self._focus.rect) if self._focus is not None else QRectF()

    def focus_picture(self) -> QImage | None:
        """The large weight picture under the input image (None: none selected)."""
        return self._focus.picture() if self._focus is not None else None

    @property
    def focus_title(self) -> str:
        """The title over the large weight picture, or its hint ("" without one)."""
        if self._focus is None:
            return ""
        return self._focus.title.text or self._focus.hint.text
