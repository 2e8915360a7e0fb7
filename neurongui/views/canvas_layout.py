"""Geometry of the network diagram: where nodes sit, which edges are drawn, what was hit.

Plain NumPy, so it is fast for 100,000 edges and testable without a scene. Layers run
left to right; a layer's nodes are spread vertically and centred. Big layers are
squeezed (smaller nodes, closer together) so that a 784-input layer still fits. The
inputs of an image dataset (8×8 digits, 28×28 MNIST) can instead sit on a grid, one
cell a pixel: their edges leave from the grid's right side. Under the grid a square is
kept free for the selected first-layer neuron's weights drawn as an image of the same
shape (:mod:`neurongui.views.canvas_images`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

__all__ = [
    "GRID_CELL",
    "STRIP_NODES",
    "STRIP_WIDTH",
    "EdgeHit",
    "Layout",
    "node_gap",
    "strongest_edges",
]

LAYER_GAP = 190.0
NODE_GAP = 76.0
NODE_RADIUS = 22.0
#: Columns of up to a few dozen nodes get closer nodes past this height, down to
#: COMPACT_GAP: a diagram much taller than wide is fitted to a landscape view at a
#: scale where its numbers are too small to read.
COMFORTABLE_COLUMN = 420.0
COMPACT_GAP = 52.0
#: A column of nodes never grows taller than this; bigger layers get closer nodes.
MAX_COLUMN = 1400.0
#: Side of one pixel of an input image drawn as a grid.
GRID_CELL = 26.0
#: Layers of more neurons than this are drawn as a strip this wide (one picture:
#: :mod:`neurongui.views.canvas_columns`); its edges leave from its sides.
STRIP_NODES = 200
STRIP_WIDTH = 30.0
#: Scene units between the input grid and the picture of a neuron's weights under it
#: (room for the picture's title).
FOCUS_GAP = 80.0


def node_gap(n: int) -> float:
    """Vertical distance between neighbouring nodes of a column of ``n``."""
    gap = NODE_GAP if n <= 1 else min(NODE_GAP, max(COMPACT_GAP, COMFORTABLE_COLUMN / (n - 1)))
    return min(gap, MAX_COLUMN / max(n, 1))


#: Past this many edges only the strongest are drawn (level of detail).
MAX_DRAWN_EDGES = 1500
#: Up to this many edges all are drawn; past it, a few per node (EDGES_PER_NODE), so
#: that a 64-32-10 network shows the strongest few hundred of its 2,368 edges rather
#: than a mesh in which no single edge can be followed.
ALL_EDGES = 600
EDGES_PER_NODE = 6


def edge_limit(sizes: list[int]) -> int:
    """How many edges a network of layer ``sizes`` draws (see :func:`strongest_edges`)."""
    total = sum(a * b for a, b in itertools.pairwise(sizes))
    if total <= ALL_EDGES:
        return total
    return min(MAX_DRAWN_EDGES, max(ALL_EDGES, EDGES_PER_NODE * sum(sizes)))


@dataclass(frozen=True)
class EdgeHit:
    """An edge found under the mouse: ``W[layer][neuron, source]``."""

    layer: int
    neuron: int
    source: int


class Layout:
    """Node positions for layer sizes ``sizes`` (inputs first).

    ``grid`` (rows, columns) puts the inputs on an image grid instead of a column.

    Attributes
    ----------
    x
        x of each column (of a grid: its right side, where its edges leave).
    ys
        y of every node, one array per column.
    radii
        node radius per column (of a grid: half a cell).
    """

    def __init__(self, sizes: list[int], grid: tuple[int, int] | None = None):
        self.sizes = list(sizes)
        if grid is not None and grid[0] * grid[1] != sizes[0]:
            grid = None
        self.grid = grid
        gaps = [node_gap(n) for n in sizes]
        heights = [n * gap for n, gap in zip(sizes, gaps, strict=True)]
        if grid is not None:
            heights[0] = grid[0] * GRID_CELL
        # Tall columns get wider gaps, so that edges between them stay readable; an
        # input image is as wide as tall already: closer columns leave it more room.
        spread = 0.45 if grid is None else 0.25
        self.x = np.arange(len(sizes)) * max(LAYER_GAP, spread * max(heights))
        self.ys: list[np.ndarray] = []
        self.radii: list[float] = []
        for n, gap in zip(sizes, gaps, strict=True):
            self.ys.append((np.arange(n) - (n - 1) / 2.0) * gap)
            self.radii.append(float(min(NODE_RADIUS, gap * 0.4)))
            if n > STRIP_NODES:
                self.radii[-1] = STRIP_WIDTH / 2
        self.xs = [np.full(n, x) for n, x in zip(sizes, self.x, strict=True)]
        self._out_y = self.ys[0]
        #: (left, top, width, height) of the weight picture's square under the grid.
        self.focus: tuple[float, float, float, float] | None = None
        if grid is not None:
            _, cols = grid
            row, col = np.divmod(np.arange(sizes[0]), cols)
            # Under the grid, the square of the selected neuron's weight picture: as
            # big as the grid (pixel under pixel, a student compares the two), bigger
            # where the other columns leave room (8×8 digits beside 32 neurons). Grid
            # and square together are centred on the columns' height.
            half = max(
                float(ys.max()) + r for ys, r in zip(self.ys[1:], self.radii[1:], strict=True)
            )
            side = float(np.clip(2 * half - heights[0] - FOCUS_GAP, heights[0], 2.5 * heights[0]))
            top = -(heights[0] + FOCUS_GAP + side) / 2
            self._grid_top = top
            # Its right side is the grid's, where the edges leave: none crosses it.
            self.focus = (-side, -top - side, side, side)
            self.ys[0] = top + (row + 0.5) * GRID_CELL
            self.xs[0] = -(cols - col - 0.5) * GRID_CELL
            self.radii[0] = GRID_CELL / 2
            # Each pixel's edges leave from its own point on the grid's right side.
            self._out_y = top + (row + (col + 0.5) / cols) * GRID_CELL
        self._segments: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {}

    def node(self, column: int, index: int) -> tuple[float, float]:
        """Centre of node ``index`` of ``column`` (column 0 is the input layer)."""
        return float(self.xs[column][index]), float(self.ys[column][index])

    def grid_rect(self) -> tuple[float, float, float, float] | None:
        """(left, top, width, height) of the input grid, or None."""
        if self.grid is None:
            return None
        rows, cols = self.grid
        return -cols * GRID_CELL, self._grid_top, cols * GRID_CELL, rows * GRID_CELL

    def gap(self, column: int) -> float:
        """Vertical distance between neighbouring nodes of ``column``."""
        if column == 0 and self.grid is not None:
            return GRID_CELL
        ys = self.ys[column]
        return float(ys[1] - ys[0]) if len(ys) > 1 else NODE_GAP

    def node_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The (column, index) of the node containing point (x, y), or None."""
        grid = self.grid_rect()
        if grid is not None and self.grid is not None:
            left, top, width, height = grid
            if left <= x < left + width and top <= y < top + height:
                row, col = int((y - top) // GRID_CELL), int((x - left) // GRID_CELL)
                return 0, row * self.grid[1] + col
        for column, cx in enumerate(self.x):
            if column == 0 and grid is not None:
                continue
            r = self.radii[column]
            if abs(x - cx) > max(r, 3.0):
                continue
            ys = self.ys[column]
            i = int(np.argmin(np.abs(ys - y)))
            if self.sizes[column] > STRIP_NODES:  # a strip: its rows are its neurons
                half = self.gap(column) / 2
                if ys[0] - half <= y <= ys[-1] + half:
                    return column, i
                continue
            if (x - cx) ** 2 + (y - ys[i]) ** 2 <= max(r, 3.0) ** 2:
                return column, i
        return None

    def segments(self, layer: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Start and end points of every edge into ``layer``, in ``W`` order (row-major).

        Made once per layer (the edges are redrawn many times a second while training);
        the arrays are shared, so callers must not change them.
        """
        if layer not in self._segments:
            n_out, n_in = self.sizes[layer + 1], self.sizes[layer]
            grid = layer == 0 and self.grid is not None
            x0 = np.full(n_out * n_in, self.x[layer] + (0.0 if grid else self.radii[layer]))
            x1 = np.full(n_out * n_in, self.x[layer + 1] - self.radii[layer + 1])
            y0 = np.tile(self._out_y if layer == 0 else self.ys[layer], n_out)
            y1 = np.repeat(self.ys[layer + 1], n_in)
            self._segments[layer] = (x0, y0, x1, y1)
        return self._segments[layer]

    def edge_at(
        self, x: float, y: float, tolerance: float, visible: list[np.ndarray] | None = None
    ) -> EdgeHit | None:
        """The edge nearest to (x, y) within ``tolerance`` scene units, or None.

        ``visible`` optionally restricts each layer to the flat indices drawn.
        """
        for layer in range(len(self.sizes) - 1):
            if not self.x[layer] <= x <= self.x[layer + 1]:
                continue
            x0, y0, x1, y1 = self.segments(layer)
            index = np.arange(len(x0))
            if visible is not None:
                index = visible[layer]
                x0, y0, x1, y1 = x0[index], y0[index], x1[index], y1[index]
            dx, dy = x1 - x0, y1 - y0
            t = np.clip(((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy), 0.0, 1.0)
            dist = np.hypot(x0 + t * dx - x, y0 + t * dy - y)
            best = int(np.argmin(dist)) if len(dist) else -1
            if best >= 0 and dist[best] <= tolerance:
                flat = int(index[best])
                n_in = self.sizes[layer]
                return EdgeHit(layer, flat // n_in, flat % n_in)
        return None

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, top, width, height) of the diagram, with room for labels."""
        # Above the highest node: two lines of header, then the + and − buttons (their
        # centres 72 above it, 10 in radius).
        top, bottom = self.top(), self.bottom()
        top -= 86
        bottom += 50
        return -110.0, top, float(self.x[-1]) + 220.0, bottom - top

    def top(self) -> float:
        """y of the top of the tallest column (where the headers stand)."""
        return min(float(ys.min()) - r for ys, r in zip(self.ys, self.radii, strict=True))

    def bottom(self) -> float:
        """y of the bottom of the tallest column (or of the weight picture's square)."""
        bottom = max(float(ys.max()) + r for ys, r in zip(self.ys, self.radii, strict=True))
        if self.focus is not None:
            bottom = max(bottom, self.focus[1] + self.focus[3])
        return bottom

    def nodes_rect(self) -> tuple[float, float, float, float]:
        """(left, top, width, height) of the nodes alone, without any text."""
        left = float(self.xs[0].min()) - self.radii[0]
        if self.focus is not None:
            left = min(left, self.focus[0])
        right = float(self.x[-1]) + self.radii[-1]
        top = self.top()
        return left, top, right - left, self.bottom() - top


def strongest_edges(weights: list[np.ndarray], limit: int = MAX_DRAWN_EDGES) -> list[np.ndarray]:
    """Flat indices of the edges to draw per layer: all of them, or the ``limit``
    strongest by |w| over the whole network (a level of detail for big networks)."""
    total = sum(w.size for w in weights)
    if total <= limit:
        return [np.arange(w.size) for w in weights]
    flat = np.concatenate([np.abs(w).ravel() for w in weights])
    cut = np.partition(flat, total - limit)[total - limit]
    chosen = []
    for w in weights:
        idx = np.flatnonzero(np.abs(w).ravel() >= cut)
        chosen.append(idx[np.argsort(-np.abs(w).ravel()[idx], kind="stable")][:limit])
    return chosen
