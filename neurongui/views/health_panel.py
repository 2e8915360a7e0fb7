"""Training health: is every layer learning? The numbers behind the coach's hints.

* the size of the gradient ‖∂L/∂W‖ of each weight layer, step after step, on a log
  axis (a layer whose curve sinks far below the others has a vanishing gradient);
* each layer's update ÷ weight, ‖ΔW‖/‖W‖ per epoch (around 10⁻³ is healthy; far less
  is stalled, far more is wild);
* the chosen layer's weights now against when the run started, as two histograms;
* the share of dead ReLUs and saturated sigmoid/tanh neurons of each hidden layer.

Curves live in preallocated arrays given to ``setData``; the panel redraws at most
ten times a second, however fast the worker sends gradients.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from neurongui.engine.diagnostics import layer_health, sample_rows, update_ratios
from neurongui.engine.numbers import format_percent
from neurongui.i18n import activation_label, fill, keep_together
from neurongui.model import NetworkModel
from neurongui.views.chart_style import ChartColours, chart

__all__ = ["HealthPanel"]

#: Points kept per curve (older ones are thinned: every second one dropped).
CAPACITY = 2000
#: Milliseconds between two redraws.
REDRAW_MS = 100
_COLOURS = ["#0877bd", "#f59322", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"]


class Track:
    """A growing curve in a preallocated array; when full, every second point goes."""

    def __init__(self) -> None:
        self.x = np.empty(CAPACITY)
        self.y = np.empty(CAPACITY)
        self.n = 0

    def add(self, x: float, y: float) -> None:
        if self.n == CAPACITY:  # thin: keep every second point, the curve's shape stays
            half = CAPACITY // 2
            self.x[:half], self.y[:half] = self.x[0::2], self.y[0::2]
            self.n = half
        self.x[self.n], self.y[self.n] = x, y
        self.n += 1


class HealthPanel(QWidget):
    """Gradient sizes, update ratios, weight histograms and dead/saturated shares."""

    def __init__(
        self,
        model: NetworkModel,
        parent: QWidget | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("healthPanel")
        self.model, self._clock = model, clock
        self.gradient_tracks: list[Track] = []
        self.ratio_tracks: list[Track] = []
        self._start: list[np.ndarray] = []
        self._epoch_weights: list[np.ndarray] | None = None
        self._epochs = 0
        self._shares_at = -1e9
        self.gradient_plot = self._plot(self.tr("‖∂L/∂W‖ per layer, at each epoch's end"), log=True)
        self.ratio_plot = self._plot(self.tr("update ÷ weight per epoch"), log=True)
        for plot in (self.gradient_plot, self.ratio_plot):
            plot.setLabel("bottom", self.tr("epoch"))
        self.hist_plot = self._plot(self.tr("weights: now (filled) and at the start"), log=False)
        self.layer_box = QComboBox()
        self.layer_box.setObjectName("healthLayer")
        self.layer_box.currentIndexChanged.connect(lambda _: self._mark_dirty())
        self.now_hist = pg.PlotDataItem(stepMode="center", fillLevel=0, brush=(8, 119, 189, 110))
        self.start_hist = pg.PlotDataItem(stepMode="center", pen=pg.mkPen("#f59322", width=2))
        self.hist_plot.addItem(self.now_hist)
        self.hist_plot.addItem(self.start_hist)
        self.shares = QLabel()
        self.shares.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Histogram of")))
        top.addWidget(self.layer_box, 1)
        self.key = QLabel()
        self.key.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key)
        layout.addWidget(self.gradient_plot, 2)
        layout.addWidget(self.ratio_plot, 2)
        layout.addLayout(top)
        layout.addWidget(self.hist_plot, 2)
        layout.addWidget(self.shares)
        self._timer = QTimer(self, singleShot=True, interval=REDRAW_MS)
        self._timer.timeout.connect(self.redraw)
        model.historyChanged.connect(self._on_history_change)
        for signal in (model.networkReplaced, model.structureChanged, model.dataChanged):
            signal.connect(self.new_run)
        model.parametersChanged.connect(self._mark_dirty)
        self.set_colours(ChartColours(False))
        self.new_run()

    def _plot(self, title: str, log: bool) -> pg.PlotWidget:
        plot = chart()
        plot.setTitle(title, size="9pt")
        plot.setLogMode(x=False, y=log)
        plot.setMenuEnabled(False)
        plot.setMinimumHeight(110)
        return plot

    def set_colours(self, colours: ChartColours) -> None:
        """Follow the light or dark theme."""
        for plot in (self.gradient_plot, self.ratio_plot, self.hist_plot):
            colours.apply(plot)

    # -- the run --------------------------------------------------------------------

    def new_run(self) -> None:
        """Start the curves again and remember the weights as the run's start."""
        net = self.model.network
        n = len(net.layers)
        self.gradient_tracks = [Track() for _ in range(n)]
        self.ratio_tracks = [Track() for _ in range(n)]
        self._start = [layer.weights.copy() for layer in net.layers]
        self._epoch_weights = [layer.weights.copy() for layer in net.layers]
        self._epochs = len(self.model.history)
        self._shares_at = -1e9
        for plot in (self.gradient_plot, self.ratio_plot):
            plot.clear()
        # A key above the plots instead of legends: a legend would cover the curves.
        self.key.setText(
            "  ".join(
                f'<span style="color:{_COLOURS[i % len(_COLOURS)]}">■</span> '
                f"{html.escape(self._layer_name(i))}"
                for i in range(n)
            )
        )
        self.gradient_curves = [self._curve(self.gradient_plot, i) for i in range(n)]
        self.ratio_curves = [self._curve(self.ratio_plot, i) for i in range(n)]
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        for i in range(n):
            self.layer_box.addItem(self._layer_name(i))
        self.layer_box.blockSignals(False)
        self._mark_dirty()

    def _layer_name(self, index: int) -> str:
        if index == len(self.model.network.layers) - 1:
            return self.tr("output layer")
        return fill(self.tr("hidden layer %1"), index + 1)

    def _curve(self, plot: pg.PlotWidget, index: int) -> pg.PlotDataItem:
        pen = pg.mkPen(_COLOURS[index % len(_COLOURS)], width=2)
        return plot.plot([], [], pen=pen)

    def _on_history_change(self) -> None:
        history = self.model.history
        if len(history) < self._epochs:
            self.new_run()
            return
        if len(history) == self._epochs:
            return
        self._epochs = len(history)
        grads = self.model.gradients  # of the epoch's last step
        if grads is not None and len(grads) == len(self.gradient_tracks):
            for track, grad in zip(self.gradient_tracks, grads, strict=True):
                with np.errstate(over="ignore"):  # of typed 1e308s: inf, left out below
                    size = float(np.linalg.norm(grad["weights"]))
                if size > 0 and np.isfinite(size):  # a log axis has no place for 0
                    track.add(float(self._epochs), size)
        now = [layer.weights.copy() for layer in self.model.network.layers]
        before = self._epoch_weights
        if before is not None and [w.shape for w in before] == [w.shape for w in now]:
            for track, ratio in zip(self.ratio_tracks, update_ratios(before, now), strict=True):
                if ratio > 0 and np.isfinite(ratio):
                    track.add(float(self._epochs), ratio)
        self._epoch_weights = now
        self._mark_dirty()

    # -- drawing --------------------------------------------------------------------

    def _mark_dirty(self, *_: object) -> None:
        # A closed or hidden tab draws nothing while training: it catches up when shown.
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.redraw()

    def redraw(self) -> None:
        """Draw the curves, the histograms and the shares as they are now."""
        for curves, tracks in (
            (self.gradient_curves, self.gradient_tracks),
            (self.ratio_curves, self.ratio_tracks),
        ):
            for curve, track in zip(curves, tracks, strict=True):
                curve.setData(track.x[: track.n], track.y[: track.n])
        self._draw_histograms()
        if self._clock() - self._shares_at >= 1.0:  # a forward pass: once a second
            self._shares_at = self._clock()
            self._draw_shares()

    def _draw_histograms(self) -> None:
        index = self.layer_box.currentIndex()
        layers = self.model.network.layers
        if not 0 <= index < len(layers) or index >= len(self._start):
            return
        now, start = layers[index].weights.ravel(), self._start[index].ravel()
        if now.shape != start.shape:
            return
        finite = np.concatenate([now[np.isfinite(now)], start[np.isfinite(start)]])
        # Typed weights may reach 1e308: the bins' width must stay a finite number.
        reach = min(float(np.max(np.abs(finite), initial=1e-3)) or 1e-3, 1e150)
        edges = np.linspace(-1.0, 1.0, 41) * reach
        self.now_hist.setData(edges, np.histogram(now, bins=edges)[0])
        self.start_hist.setData(edges, np.histogram(start, bins=edges)[0])

    def _draw_shares(self) -> None:
        data = self.model.data
        rows = sample_rows(len(data.X_train))
        health = layer_health(self.model.network, data.inputs("train", rows))
        lines = []
        for h in health:
            name = fill(
                self.tr("Hidden layer %1 (%2)"), h.layer + 1, activation_label(h.activation)
            )
            if h.activation == "relu":
                lines.append(
                    fill(self.tr("%1: %2 of the neurons dead"), name, format_percent(h.dead))
                )
            elif h.activation in ("sigmoid", "tanh"):
                lines.append(
                    fill(
                        self.tr("%1: %2 of the neurons saturated"),
                        name,
                        format_percent(h.saturated),
                    )
                )
        if not len(data.X_train):  # (the Samples panel's words, and translation)
            lines.append(
                QCoreApplication.translate("SamplePanel", "There are no training samples.")
            )
        elif not lines:
            lines.append(self.tr("No hidden layer uses ReLU, sigmoid or tanh."))
        self.shares.setText(keep_together("\n".join(lines)))
