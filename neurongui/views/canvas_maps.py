"""Colours of the diagram and the per-neuron output maps over the input plane.

The palette follows TensorFlow Playground's convention: blue for positive values,
orange for negative ones, white at zero. On the diagram every node is coloured on one
scale, :data:`NODE_RANGE` (−1 full orange, 0 neutral, +1 full blue, clipped beyond),
whatever its activation: a sigmoid output of 0 looks as neutral as an input of 0, and
one legend explains every node (:mod:`neurongui.views.canvas_legend`). Inputs are
divided by :func:`input_scale` first, so that a sample with |x| > 1 keeps its shades.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage

from neurongui.engine import Network
from neurongui.engine.datasets import EXTENT
from neurongui.engine.features import compute_features

__all__ = [
    "NEGATIVE",
    "NODE_RANGE",
    "POSITIVE",
    "MapGrid",
    "colour_for",
    "colours_for",
    "display_activations",
    "input_scale",
    "levels_for",
    "palette_rgb",
    "rgb_for",
    "tint",
]

POSITIVE = QColor(8, 119, 189)
NEGATIVE = QColor(245, 147, 34)
_WHITE = np.array([250.0, 250.0, 250.0])
_POS = np.array([8.0, 119.0, 189.0])
_NEG = np.array([245.0, 147.0, 34.0])

#: Activations whose output lies in [0, 1]; the output chart centres them on 0.5.
_UNIT_RANGE = {"sigmoid", "step", "softmax"}
#: The values a node of the diagram spans from full orange to full blue; 0 is neutral.
NODE_RANGE = (-1.0, 1.0)


def levels_for(activation: str) -> tuple[float, float]:
    """The output range a chart of ``activation`` spans from full orange to full blue
    (sigmoid-like outputs around 0.5, the decision threshold). The diagram's nodes use
    :data:`NODE_RANGE` instead, one scale for all."""
    return (0.0, 1.0) if activation in _UNIT_RANGE else (-1.0, 1.0)


def input_scale(x: np.ndarray) -> float:
    """What the diagram divides a sample's inputs by before colouring them: the largest
    |x|, but at least 1 (inputs within ±1 are coloured by their own value)."""
    size = np.abs(np.asarray(x, dtype=float))
    size = size[np.isfinite(size)]
    return max(float(size.max()) if size.size else 0.0, 1.0)


#: Steps of the colour table between ``lo`` and ``hi``: finer than 8-bit colour can show.
_STEPS = 1024


def _table(middle: np.ndarray = _WHITE) -> np.ndarray:
    t = np.linspace(-1.0, 1.0, _STEPS + 1)[:, None]
    rgb = np.where(t >= 0, middle + t * (_POS - middle), middle - t * (_NEG - middle))
    return np.round(rgb).astype(np.uint8)


_TABLE = _table()
#: Node fills on a dark background: zero is a quiet grey, not a glaring white disc.
_DARK_TABLE = _table(np.array([92.0, 96.0, 104.0]))
_GREY = np.array([200, 200, 200], dtype=np.uint8)


def palette_rgb(values: np.ndarray, lo: float, hi: float, dark: bool = False) -> np.ndarray:
    """RGB bytes for ``values`` (shape ``values.shape + (3,)``): orange at ``lo``,
    white midway (``dark``: a quiet grey), blue at ``hi``; beyond them the end colours.
    NaN shows the middle colour.

    A lookup in a precomputed table: the maps are redrawn many times a second while
    training, and blending colours per pixel cost most of that.
    """
    index = np.subtract(values, lo, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):  # 1e308 becomes inf: the end colour
        index *= _STEPS / (hi - lo)
    np.clip(index, 0, _STEPS, out=index)  # ±inf become the end colours; NaN stays NaN
    np.copyto(index, _STEPS / 2, where=np.isnan(index))
    return (_DARK_TABLE if dark else _TABLE)[np.rint(index).astype(np.intp)]


def colour_for(value: float, lo: float = -1.0, hi: float = 1.0) -> QColor:
    """The palette colour of one value (used for node fills and the legend)."""
    if not np.isfinite(value):
        return QColor(200, 200, 200)
    r, g, b = palette_rgb(np.array([value]), lo, hi)[0]
    return QColor(int(r), int(g), int(b))


def tint(colour: QColor, background: QColor, strength: float) -> QColor:
    """``colour`` blended into ``background``: strength 1 is the colour itself."""
    mix = [
        round(b + strength * (c - b)) for c, b in zip(_rgb(colour), _rgb(background), strict=True)
    ]
    return QColor(*mix)


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def rgb_for(
    values: np.ndarray, lo: float = -1.0, hi: float = 1.0, dark: bool = False
) -> np.ndarray:
    """Node fill bytes (n, 3) of ``values``: the palette, with zero a dark grey on a
    dark background; non-finite values (a network that blew up) are light grey."""
    values = np.asarray(values, dtype=float)
    rgb = palette_rgb(values, lo, hi, dark)
    rgb[~np.isfinite(values)] = _GREY
    return rgb


def colours_for(
    values: np.ndarray, lo: float = -1.0, hi: float = 1.0, dark: bool = False
) -> list[QColor]:
    """The fill colour of every value (:func:`rgb_for`) as QColors, for node items."""
    return [QColor(r, g, b) for r, g, b in rgb_for(values, lo, hi, dark).tolist()]


def display_activations(network: Network, X: np.ndarray) -> list[np.ndarray]:
    """Every layer's output a⁽ˡ⁾ = f(W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾) over ``X``, in single precision.

    For colouring maps, redrawn many times a second while training: about four times
    faster than the exact double-precision pass that every number shown comes from. A
    map's colours resolve 1/1024 of their range; single precision, about 10⁻⁷.
    """
    a = np.asarray(X, dtype=np.float32)
    outputs = []
    with np.errstate(all="ignore"):
        for layer in network.layers:
            z = a @ layer.weights.T.astype(np.float32) + layer.biases.astype(np.float32)
            a = np.asarray(layer.activation.forward(z), dtype=np.float32)
            outputs.append(a)
    return outputs


class MapGrid:
    """A grid over the input plane and, per node, its output over that grid.

    One forward trace over the grid gives every neuron's map at once.
    """

    def __init__(self, resolution: int = 32, extent: float = EXTENT):
        self.resolution = resolution
        axis = np.linspace(-extent, extent, resolution)
        gx, gy = np.meshgrid(axis, axis[::-1])  # top row = largest x₂
        self.points = np.column_stack([gx.ravel(), gy.ravel()])
        self._inputs_key: tuple | None = None

    def compute(self, network: Network, dark: bool = False) -> list[list[QImage]]:
        """Images per column (inputs first) of every node's value over the plane, in the
        node fills' colours (``dark``: the dark theme's, 0 a grey as on the nodes)."""
        r = self.resolution
        key = (tuple(network.input_names), dark)
        if key != self._inputs_key:  # the input maps depend only on the features
            X = compute_features(self.points, network.input_names)
            scale = np.maximum(np.abs(X).max(axis=0), 1e-12)
            self._inputs, self._inputs_key = X, key
            self._input_images = _images(X / scale, r, *NODE_RANGE, dark)
        columns = [self._input_images]
        outputs = display_activations(network, self._inputs)
        for a in outputs:  # the nodes' own scale: a map agrees with its node's fill
            columns.append(_images(a, r, *NODE_RANGE, dark))
        return columns


def _images(values: np.ndarray, r: int, lo: float, hi: float, dark: bool) -> list[QImage]:
    """One r×r image per column of ``values`` (one row per grid point), coloured at once."""
    rgb = np.ascontiguousarray(palette_rgb(values.T, lo, hi, dark))  # (columns, points, 3)
    images = []
    for column in rgb:
        image = QImage(column.data, r, r, 3 * r, QImage.Format.Format_RGB888)
        images.append(image.copy())  # own the pixels: ``rgb`` is freed when we return
    return images
