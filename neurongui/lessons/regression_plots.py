"""The plots of lesson 4: the loss surface over (w, b) with the path of gradient
descent, and the points with the line; and the closed form of the loss they draw.

L is a quadratic in (w, b) whose value, gradient, Hessian and minimum follow from five
means of the data (:class:`Moments`). :class:`RegressionPlots` draws what the lesson
tells it and knows nothing of steps or undo.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel

from neurongui.lessons.widgets import legend_label, plot_widget

__all__ = ["CURRENT", "MINIMUM", "PATH", "POINTS", "Moments", "RegressionPlots", "square"]

#: Colours of the path of gradient descent, the current point, the minimum, the data.
PATH, CURRENT, MINIMUM, POINTS = "#ffffff", "#f28e2b", "#e31a1c", "#4e79a7"


@dataclass(frozen=True)
class Moments:
    """The means of the data that the square loss of a line depends on.

    With ⟨·⟩ the mean over the n points,
    L(w, b) = ½ (⟨y²⟩ − 2w⟨xy⟩ − 2b⟨y⟩ + w²⟨x²⟩ + 2wb⟨x⟩ + b²),
    which is 1/(2n) Σ (y − wx − b)² multiplied out.
    """

    x: float
    xx: float
    y: float
    yy: float
    xy: float

    @classmethod
    def of(cls, X: np.ndarray, Y: np.ndarray) -> Moments:
        """The moments of one input column ``X`` and one target column ``Y``."""
        x, y = np.asarray(X, float)[:, 0], np.asarray(Y, float)[:, 0]
        return cls(x.mean(), (x * x).mean(), y.mean(), (y * y).mean(), (x * y).mean())

    def loss(self, w, b):
        """L(w, b) in closed form (w and b may be arrays of the same shape)."""
        return 0.5 * (
            self.yy
            - 2 * w * self.xy
            - 2 * b * self.y
            + w * w * self.xx
            + 2 * w * b * self.x
            + b * b
        )

    def gradient(self, w: float, b: float) -> np.ndarray:
        """∇L = (w⟨x²⟩ + b⟨x⟩ − ⟨xy⟩, w⟨x⟩ + b − ⟨y⟩)."""
        return np.array([w * self.xx + b * self.x - self.xy, w * self.x + b - self.y])

    @property
    def hessian(self) -> np.ndarray:
        """H = [[⟨x²⟩, ⟨x⟩], [⟨x⟩, 1]], the same at every (w, b)."""
        return np.array([[self.xx, self.x], [self.x, 1.0]])

    @property
    def lambda_max(self) -> float:
        """The largest eigenvalue of H: the steepest curvature of the bowl."""
        return float(np.linalg.eigvalsh(self.hessian)[-1])

    @property
    def optimum(self) -> np.ndarray:
        """The least-squares (w*, b*): where ∇L = 0, i.e. H θ = (⟨xy⟩, ⟨y⟩)."""
        return np.linalg.solve(self.hessian, [self.xy, self.y])


def square(points: np.ndarray) -> tuple[float, float, float, float]:
    """A square (w0, b0, w1, b1) around ``points`` with a margin, on a coarse grid.

    Snapping to a grid keeps the surface still while the path moves inside it.
    """
    lo, hi = points.min(axis=0), points.max(axis=0)
    side = float(max(hi - lo)) * 1.3 + 1.0
    unit = 10 ** np.floor(np.log10(side)) / 2
    side = float(np.ceil(side / unit) * unit)
    centre = np.round((lo + hi) / 2 / unit) * unit
    w0, b0 = centre - side / 2
    return (float(w0), float(b0), float(w0 + side), float(b0 + side))


class RegressionPlots(QObject):
    """The loss surface and the fit, side by side, with one legend under both.

    Attributes
    ----------
    row
        The two plots in a row, for the lesson's layout.
    legend
        Their legend.
    bounds
        The (w0, b0, w1, b1) square the surface is drawn on, or None before the first.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.bounds: tuple[float, float, float, float] | None = None
        self._build_loss_plot()
        self._build_fit_plot()
        self.row = QHBoxLayout()
        self.row.addWidget(self.loss_plot, 1)
        self.row.addWidget(self.fit_plot, 1)
        self.legend: QLabel = legend_label(
            [
                # Swatches as the plots draw them: dots joined by a line on the dark
                # floor of the bowl, a solid and a dashed line two dashes long.
                (
                    "<span style='background-color:#440154'>&nbsp;<b>●━●</b>&nbsp;</span>",
                    PATH,
                    self.tr("path of gradient descent"),
                ),
                ("●", CURRENT, self.tr("(w, b) now")),
                ("★", MINIMUM, self.tr("minimum")),
                ("■", "#440154", self.tr("dark: low loss")),
                ("●", POINTS, self.tr("data")),
                ("<b>━━</b>", CURRENT, self.tr("y = wx + b now")),
                ("<b>╍╍</b>", "#888888", self.tr("least-squares line")),
            ]
        )

    def _build_fit_plot(self) -> None:
        self.fit_plot = plot_widget("fitPlot", "x", "y", 150)
        self.fit_plot.setAccessibleName(self.tr("The points and the line y = wx + b"))
        self.fit_plot.setMouseEnabled(False, False)
        self.scatter = pg.ScatterPlotItem(size=7, brush=POINTS, pen=None)
        self.best_line = pg.PlotDataItem(
            pen=pg.mkPen("#888888", width=1.5, style=Qt.PenStyle.DashLine)
        )
        self.fit_line = pg.PlotDataItem(pen=pg.mkPen(CURRENT, width=2.5))
        for item in (self.scatter, self.best_line, self.fit_line):
            self.fit_plot.addItem(item)

    def _build_loss_plot(self) -> None:
        self.loss_plot = plot_widget("lossPlot", "w", "b", 150)
        self.loss_plot.setAccessibleName(self.tr("The loss surface over (w, b) with the path"))
        # Equal scales: the gradient meets the contours at right angles.
        self.loss_plot.setAspectLocked(True)
        self.loss_plot.setMouseEnabled(False, False)
        self.surface = pg.ImageItem(axisOrder="row-major")
        self.surface.setColorMap(pg.colormap.get("viridis"))
        self.loss_plot.addItem(self.surface)
        self.contours = []
        for _ in range(8):
            iso = pg.IsocurveItem(
                level=0.0, pen=pg.mkPen((255, 255, 255, 120), width=1), axisOrder="row-major"
            )
            iso.setParentItem(self.surface)
            self.contours.append(iso)
        self.path = pg.PlotDataItem(
            pen=pg.mkPen(PATH, width=1.5),
            symbol="o",
            symbolSize=6,
            symbolBrush=PATH,
            symbolPen=pg.mkPen("#000000"),
        )
        self.current = pg.ScatterPlotItem(size=13, brush=CURRENT, pen=pg.mkPen("#000000"))
        self.minimum = pg.ScatterPlotItem(
            size=18, symbol="star", brush=MINIMUM, pen=pg.mkPen("#000000")
        )
        for item in (self.path, self.minimum, self.current):
            self.loss_plot.addItem(item)

    def show_fit(
        self,
        X: np.ndarray,
        Y: np.ndarray,
        line: tuple[float, float],
        best: tuple[float, float] | np.ndarray,
    ) -> None:
        """The points, the line (w, b) = ``line`` and the least-squares ``best``."""
        x, y = X[:, 0], Y[:, 0]
        self.scatter.setData(x, y)
        ends = np.array([x.min(), x.max()])
        self.best_line.setData(ends, best[0] * ends + best[1])
        with np.errstate(over="ignore", invalid="ignore"):  # a typed w of 1e308
            self.fit_line.setData(ends, line[0] * ends + line[1])
        pad = 0.15 * (y.max() - y.min())
        self.fit_plot.setRange(
            xRange=(x.min(), x.max()), yRange=(y.min() - pad, y.max() + pad), padding=0.02
        )

    def show_surface(
        self, moments: Moments, path: np.ndarray, here: np.ndarray, start: tuple
    ) -> None:
        """The surface around the path, (w, b) now and the minimum, all in view."""
        opt = moments.optimum
        bounds = square(np.vstack([path, here, [opt], [start]]))
        if bounds != self.bounds:
            self.draw_surface(moments, bounds)
        self.path.setData(path[:, 0], path[:, 1])
        self.current.setData(pos=here)
        self.minimum.setData(pos=[opt])

    def draw_surface(self, moments: Moments, bounds: tuple[float, float, float, float]) -> None:
        """Draw log₁₀ L over the square ``bounds`` with contour lines."""
        self.bounds = bounds
        w0, b0, side = bounds[0], bounds[1], bounds[2] - bounds[0]
        # The equal scales widen one axis beyond the square: the surface reaches a side
        # further on every side, so no blank band is left; its colours and contours are
        # those of the square.
        with np.errstate(over="ignore", invalid="ignore"):  # a typed w of 1e308
            reach = 1 if np.all(np.isfinite([w0 - side, b0 - side, 3 * side])) else 0
            n = 120 * (1 + 2 * reach) + 1
            ws = np.linspace(w0 - reach * side, w0 + (1 + reach) * side, n)
            bs = np.linspace(b0 - reach * side, b0 + (1 + reach) * side, n)
            W, B = np.meshgrid(ws, bs)  # rows follow b, columns w
            # The closed form from the data's moments, on a log scale so the bowl's
            # floor and its far walls both show.
            image = np.log10(np.maximum(moments.loss(W, B), 1e-12))
        first = 120 * reach
        square_part = image[first : first + 121, first : first + 121]
        lo, hi = float(square_part.min()), float(square_part.max())
        self.surface.setImage(image, levels=(lo, hi), autoLevels=False)
        far = (1 + 2 * reach) * side
        self.surface.setRect(w0 - reach * side, b0 - reach * side, far, far)
        for iso, level in zip(
            self.contours, np.linspace(lo, hi, len(self.contours) + 2)[1:-1], strict=True
        ):
            iso.setData(image, level)
        self.loss_plot.setRange(xRange=(w0, w0 + side), yRange=(b0, b0 + side), padding=0)
