"""The plane of lesson 3: the four inputs of a gate, the perceptron's decision line
and the region where it fires, or the output of the network with a hidden layer.

Plain drawing, no lesson logic: :class:`PerceptronPlot` is told the weights (or the
network) and the points, and shows them with all four inputs always in view.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPolygonItem, QLabel

from neurongui.engine import Network
from neurongui.engine.explain import format_number
from neurongui.lessons.base import BAD
from neurongui.lessons.widgets import legend_label, legend_text, plot_widget

__all__ = ["BLUE", "LINE", "ORANGE", "VIEW", "PerceptronPlot", "equation", "half_plane"]

#: Colours of target 0 and 1, of the decision line and of a mistake.
# The app's class colours (canvas, output chart): orange for 0, blue for 1.
BLUE, ORANGE, LINE = "#0877bd", "#f59322", "#1a9641"
#: The part of the plane the perceptron plot shows (the inputs are 0 and 1).
VIEW = (-0.5, 1.5)
#: The square the firing region is clipped to: well beyond anything the plot shows.
FAR = (-50.0, 50.0)


def number(value: float) -> str:
    """A number as the lesson writes it (never −0)."""
    return format_number(float(value) + 0.0)


def vector(values: np.ndarray) -> str:
    """Numbers separated by commas, as in x = (0, 1)."""
    return ", ".join(number(v) for v in np.ravel(values))


def equation(w: np.ndarray, b: float) -> str:
    """The decision line as it is written: ``2 x₁ + 1 x₂ − 3 = 0``."""
    terms = [(w[0], " x₁"), (w[1], " x₂"), (b, "")]
    text = ""
    for value, name in terms:
        value = float(value) + 0.0
        sign = "−" if value < 0 else "+"
        text += (f"{sign} " if text else ("−" if value < 0 else "")) + format_number(abs(value))
        text += name + " "
    return text + "= 0"


def half_plane(w: np.ndarray, b: float, lo: float, hi: float) -> tuple[list, list]:
    """Clip the square [lo, hi]² to w·x + b ≥ 0.

    Returns
    -------
    polygon, crossings
        The corners of the part where the step unit fires, and the points where the
        line w·x + b = 0 crosses the square's edges (two, or none).
    """
    corners = [np.array(p, float) for p in ((lo, lo), (hi, lo), (hi, hi), (lo, hi))]
    polygon, crossings = [], []
    for k, p in enumerate(corners):
        q = corners[(k + 1) % 4]
        with np.errstate(over="ignore", invalid="ignore"):  # typed weights of 1e308
            fp, fq = float(w @ p + b), float(w @ q + b)
        if fp >= 0:
            polygon.append(p)
        if (fp >= 0) != (fq >= 0):
            point = p + fp / (fp - fq) * (q - p)
            polygon.append(point)
            crossings.append(point)
    return polygon, crossings


class PerceptronPlot:
    """The x₁–x₂ plane with the gate's inputs: a plot widget and its legend.

    Parameters
    ----------
    accessible, legend
        The plot's accessible name and the legend's (symbol, colour, text) entries.
    """

    def __init__(self, accessible: str, legend: list[tuple[str, str, str]]):
        self.widget = plot = plot_widget("perceptronPlot", "x₁", "x₂", 170)
        plot.setAccessibleName(accessible)
        plot.setMouseEnabled(False, False)
        plot.setAspectLocked(True)
        self.legend: QLabel = legend_label(legend)
        self.region = QGraphicsPolygonItem()
        self.region.setBrush(QBrush(QColor(8, 119, 189, 45)))  # where ŷ = 1: blue
        self.region.setPen(QPen(Qt.PenStyle.NoPen))
        self.region.setZValue(-10)
        plot.addItem(self.region)
        self.output_map = pg.ImageItem(axisOrder="row-major")
        self.output_map.setZValue(-10)
        self.output_map.setLookupTable(
            pg.ColorMap(
                [0.0, 0.5, 1.0], [(245, 147, 34, 90), (255, 255, 255, 0), (8, 119, 189, 90)]
            ).getLookupTable(nPts=256, alpha=True)
        )
        plot.addItem(self.output_map)
        self.iso = pg.IsocurveItem(level=0.5, pen=pg.mkPen(LINE, width=2), axisOrder="row-major")
        self.iso.setParentItem(self.output_map)
        self.line = pg.PlotDataItem([], [], pen=pg.mkPen(LINE, width=2))
        plot.addItem(self.line)
        self.points = {}
        for target, colour in ((0, ORANGE), (1, BLUE)):
            item = pg.ScatterPlotItem(size=14, brush=colour, pen=pg.mkPen("k", width=1))
            plot.addItem(item)
            self.points[target] = item
        self.wrong = pg.ScatterPlotItem(size=26, brush=None, pen=pg.mkPen(BAD, width=2.5))
        plot.addItem(self.wrong)
        self._range = (VIEW, VIEW)

    def set_legend(self, entries: list[tuple[str, str, str]]) -> None:
        """Show these (symbol, colour, text) entries under the plot."""
        self.legend.setText(legend_text(entries))

    def draw_points(self, X: np.ndarray, y: np.ndarray, y_hat: np.ndarray) -> None:
        """The inputs coloured by target, mistakes ringed."""
        for target, item in self.points.items():
            item.setData(pos=X[y == target])
        wrong = (y_hat >= 0.5) != (y >= 0.5)
        self.wrong.setData(pos=X[wrong])

    def draw_unit(self, w: np.ndarray, b: float) -> None:
        """The step unit's decision line and the half-plane where it fires."""
        self.output_map.hide()
        self.iso.hide()
        polygon, crossings = half_plane(w, b, *FAR)
        self.region.setPolygon(QPolygonF([QPointF(*p) for p in polygon]))
        self.region.show()
        ends = np.array(crossings) if len(crossings) == 2 else np.empty((0, 2))
        self.line.setData(ends[:, 0], ends[:, 1])
        self.show_range(VIEW)

    def draw_network(self, network: Network, X: np.ndarray) -> None:
        """The network's output over the plane around ``X``, with its ½ contour."""
        # (Every point erased: the min of no inputs raised; the usual view then.)
        lo, hi = (float(X.min()) - 0.6, float(X.max()) + 0.6) if len(X) else VIEW
        # The aspect lock widens one axis beyond [lo, hi]: the map reaches past it on
        # every side, so no blank strip is left at the plot's edges.
        span = hi - lo
        far_lo, far_hi = lo - span, hi + span
        grid = np.linspace(far_lo, far_hi, 121)
        gx, gy = np.meshgrid(grid, grid)  # rows follow x₂, columns x₁
        out = network.forward(np.column_stack([gx.ravel(), gy.ravel()]))[:, 0]
        image = out.reshape(gx.shape)
        self.output_map.setImage(image, levels=(0.0, 1.0), autoLevels=False)
        self.output_map.setRect(far_lo, far_lo, far_hi - far_lo, far_hi - far_lo)
        self.output_map.show()
        self.iso.setData(image, 0.5)
        self.iso.show()
        self.region.hide()
        self.line.setData([], [])
        self.show_range((lo, hi))

    def show_range(self, span: tuple[float, float]) -> None:
        """Show at least ``span`` on both axes (the aspect lock widens one of them)."""
        self._range = (span, span)
        self.widget.setRange(xRange=span, yRange=span, padding=0)

    def shown_range(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The (x, y) ranges the plot shows now."""
        (x0, x1), (y0, y1) = self.widget.viewRange()
        return (x0, x1), (y0, y1)
