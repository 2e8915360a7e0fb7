"""The diagram's edges: a dozen path items, however many weights.

Edges are coloured by the sign of their weight and drawn wider as |w| grows; they are
batched into a dozen path items (sign × width bin) so a 784-128-10 network (100,352
edges) draws as fast as a small one, and past
:func:`~neurongui.views.canvas_layout.edge_limit` only the strongest edges are drawn
(a few per node, at most 1,500). A weight of exactly 0 is a grey dashed line.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from neurongui.views.canvas_base import CanvasBase
from neurongui.views.canvas_layout import edge_limit, strongest_edges
from neurongui.views.canvas_legend import ZERO_EDGE
from neurongui.views.canvas_maps import NEGATIVE, POSITIVE, tint

__all__ = ["CanvasEdges"]

_WIDTH_BINS = np.array([0.1, 0.3, 0.6, 1.0, 2.0])
_WIDTHS = (0.6, 1.2, 2.0, 3.0, 4.2, 5.5)


class CanvasEdges(CanvasBase):
    """Mixin of :class:`~neurongui.views.canvas.NetworkCanvas`: the edges' items."""

    _edge_items: list[QGraphicsPathItem]
    _visible: list[np.ndarray]

    @property
    def edge_items(self) -> tuple[QGraphicsPathItem, ...]:
        """The edges' path items: positive weights by width bin (thinnest first), then
        negative ones, then the dashed item of the weights that are exactly 0."""
        return tuple(self._edge_items)

    def drawn_edges(self, layer: int) -> np.ndarray:
        """Flat indices into ``W[layer]`` of the edges drawn (all, or the strongest)."""
        return self._visible[layer].copy()

    def edge_count(self) -> tuple[int, int]:
        """(edges drawn, edges in the network): the level of detail in numbers."""
        return sum(len(v) for v in self._visible), sum(w.size for w in self._weights())

    def edge_point(self, layer: int, neuron: int, source: int, t: float = 0.5) -> QPointF:
        """Scene position of the point a fraction ``t`` along an edge."""
        x0, y0, x1, y1 = (
            float(a[neuron * self._layout.sizes[layer] + source])
            for a in self._layout.segments(layer)
        )
        return QPointF(x0 + t * (x1 - x0), y0 + t * (y1 - y0))

    def _weights(self) -> list[np.ndarray]:
        return [layer.weights for layer in self.model.network.layers]

    def _add_edge_items(self, dense: bool) -> None:
        scene = self.scene()
        self._edge_items = []
        background = QColor(35, 37, 41) if self._dark else QColor(255, 255, 255)
        for sign in (1, -1):
            for index, width in enumerate(_WIDTHS):
                colour = QColor(POSITIVE if sign > 0 else NEGATIVE)
                if dense:
                    # Thousands of edges: opaque hairlines, tinted towards the background
                    # as |w| shrinks. Translucent lines cost 5-20 times more to draw,
                    # and a wide pen's bounding box is found by stroking every segment.
                    pen = QPen(tint(colour, background, 0.3 + 0.14 * index), 0)
                else:
                    pen = QPen(colour, width)
                item = scene.addPath(QPainterPath(), pen)
                item.setZValue(index / 10)  # stronger bins on top
                # No item cache: every bin changes at each refresh while training, and
                # re-rendering twelve view-sized pixmaps cost twice drawing the lines
                # (even a repaint of unchanged bins blended the pixmaps more slowly).
                self._edge_items.append(item)
        # A weight of exactly 0 has no sign: a thin grey dashed line, last in the bins.
        pen = QPen(QColor(ZERO_EDGE), 1.2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        item = scene.addPath(QPainterPath(), pen)
        item.setZValue(0)
        self._edge_items.append(item)

    def _refresh_edges(self) -> None:
        weights = self._weights()
        self._visible = strongest_edges(weights, edge_limit(self.model.network.sizes))
        parts = [
            (*(a[shown] for a in self._layout.segments(layer)), w.ravel()[shown])
            for layer, (w, shown) in enumerate(zip(weights, self._visible, strict=True))
        ]
        x0, y0, x1, y1, values = (np.concatenate(c) for c in zip(*parts, strict=True))
        # One path per bin of sign and width: a dozen items, however many edges.
        bins = np.searchsorted(_WIDTH_BINS, np.abs(values)) + np.where(values < 0, 6, 0)
        bins[values == 0] = len(self._edge_items) - 1  # no sign: the grey dashed item
        order = np.argsort(bins, kind="stable")
        ends = 2 * np.cumsum(np.bincount(bins, minlength=len(self._edge_items)))
        xs = np.column_stack([x0, x1])[order].ravel()  # start and end of each edge
        ys = np.column_stack([y0, y1])[order].ravel()
        for item, start, stop in zip(self._edge_items, [0, *ends[:-1]], ends, strict=True):
            if stop > start:
                item.setPath(pg.arrayToQPath(xs[start:stop], ys[start:stop], "pairs", False))
            elif not item.path().isEmpty():
                item.setPath(QPainterPath())
