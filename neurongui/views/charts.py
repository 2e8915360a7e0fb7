"""Live charts: loss and accuracy, what the network outputs, and the selected weight.

Charts never redraw on every signal. Signals only mark what is stale; a 30 Hz timer
redraws the stale parts with ``setData`` on preallocated arrays, so the cost does not
grow with training speed. Epoch records never hold NaN (the trainer stops first).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from neurongui.engine.datasets import EXTENT
from neurongui.engine.features import compute_features
from neurongui.model import NetworkModel
from neurongui.theme import is_dark
from neurongui.views.canvas_maps import NEGATIVE, POSITIVE

__all__ = ["ChartsPanel"]

REDRAW_MS = 33
GRID = 100
WEIGHT_POINTS = 2000


def _lut() -> np.ndarray:
    """256 colours from orange (low) through white to blue (high)."""
    t = np.linspace(-1, 1, 256)[:, None]
    white, pos, neg = np.array([250.0] * 3), np.array([8, 119, 189.0]), np.array([245, 147, 34.0])
    rgb = np.where(t >= 0, white + t * (pos - white), white - t * (neg - white))
    return rgb.astype(np.uint8)


class ChartsPanel(QWidget):
    """Tabs: loss and accuracy; the output (map, fit or confusion); the selected weight."""

    def __init__(self, model: NetworkModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self._stale: set[str] = {"loss", "output", "weight"}
        self._points_stale = True
        # Epoch metrics as a growing array: train, test loss, train, test accuracy, epoch.
        self._h = np.full((1024, 5), np.nan)
        self._h_n = 0
        self._h_last = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("chartTabs")
        self.tabs.addTab(self._build_loss_tab(), self.tr("Loss"))
        self.tabs.addTab(self._build_output_tab(), self.tr("Output"))
        self.tabs.addTab(self._build_weight_tab(), self.tr("Weight"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self.redraw)
        self._timer.start()
        self.frames = 0
        model.historyChanged.connect(lambda: self._mark("loss"))
        model.parametersChanged.connect(self._on_parameters_change)
        model.structureChanged.connect(lambda: self._mark("output"))
        model.dataChanged.connect(self._on_data_change)
        model.selectionChanged.connect(self._on_selection_change)
        self.set_dark(is_dark())
        self._on_data_change()

    def set_dark(self, dark: bool) -> None:
        """Follow the theme."""
        background, foreground = ((35, 37, 41), (220, 220, 220)) if dark else ("w", (60, 60, 60))
        for plot in (
            self.loss_plot,
            self.accuracy_plot,
            self.output_plot,
            self.misclassified,
            self.weight_plot,
        ):
            plot.setBackground(background)
            for name in ("left", "bottom"):
                plot.getAxis(name).setPen(foreground)
                plot.getAxis(name).setTextPen(foreground)

    # -- tabs ------------------------------------------------------------------------

    def _build_loss_tab(self) -> QWidget:
        self.loss_plot = pg.PlotWidget()
        self.loss_plot.setObjectName("lossPlot")
        self.loss_plot.setLabel("left", self.tr("loss"))
        self.loss_plot.setLabel("bottom", self.tr("epoch"))
        self.loss_plot.addLegend(offset=(-10, 10))
        for plot in (self.loss_plot,):
            plot.setDownsampling(auto=True, mode="peak")  # long runs stay fast to draw
            plot.setClipToView(True)
        self.train_curve = self.loss_plot.plot(
            pen=pg.mkPen(POSITIVE, width=2), name=self.tr("train")
        )
        self.test_curve = self.loss_plot.plot(
            pen=pg.mkPen(NEGATIVE, width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
            name=self.tr("test"),
        )
        self.accuracy_plot = pg.PlotWidget()
        self.accuracy_plot.setObjectName("accuracyPlot")
        self.accuracy_plot.setLabel("left", self.tr("accuracy"))
        self.accuracy_plot.setYRange(0, 1)
        self.accuracy_plot.setMaximumHeight(140)
        self.train_acc_curve = self.accuracy_plot.plot(pen=pg.mkPen(POSITIVE, width=2))
        self.test_acc_curve = self.accuracy_plot.plot(
            pen=pg.mkPen(NEGATIVE, width=2, style=pg.QtCore.Qt.PenStyle.DashLine)
        )
        self.log_scale = QCheckBox(self.tr("Log scale"))
        self.log_scale.setObjectName("logScaleCheck")
        self.log_scale.toggled.connect(lambda on: self.loss_plot.setLogMode(False, on))
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.loss_plot, 3)
        layout.addWidget(self.accuracy_plot, 1)
        layout.addWidget(self.log_scale)
        return tab

    def _build_output_tab(self) -> QWidget:
        self.output_plot = pg.PlotWidget()
        self.output_plot.setObjectName("outputPlot")
        self.output_plot.setAspectLocked(False)
        self.image = pg.ImageItem()
        self.image.setLookupTable(_lut())
        self.output_plot.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(size=6, pen=pg.mkPen("w", width=1))
        self.test_points = pg.ScatterPlotItem(size=6, pen=pg.mkPen("k", width=1))
        self.fit_curve = pg.PlotDataItem(pen=pg.mkPen(POSITIVE, width=3))
        for item in (self.train_points, self.test_points, self.fit_curve):
            self.output_plot.addItem(item)
        self.text_items: list[pg.TextItem] = []
        self.show_test = QCheckBox(self.tr("Show test data"))
        self.show_test.setObjectName("showTestCheck")
        self.show_test.toggled.connect(self._on_points_change)
        self.discretize = QCheckBox(self.tr("Discretise output"))
        self.discretize.setObjectName("discretizeCheck")
        self.discretize.toggled.connect(lambda: self._mark("output"))
        self.misclassified = pg.PlotWidget()
        self.misclassified.setObjectName("misclassifiedStrip")
        self.misclassified.setMaximumHeight(90)
        self.misclassified.hideAxis("left")
        self.misclassified.hideAxis("bottom")
        self.misclassified.setTitle(self.tr("Misclassified test digits"))
        self.strip = pg.ImageItem()
        self.misclassified.addItem(self.strip)
        self.output_note = QLabel()
        self.output_note.setWordWrap(True)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.output_plot, 1)
        layout.addWidget(self.misclassified)
        layout.addWidget(self.output_note)
        row = QHBoxLayout()
        row.addWidget(self.show_test)
        row.addWidget(self.discretize)
        layout.addLayout(row)
        return tab

    def _build_weight_tab(self) -> QWidget:
        self.weight_plot = pg.PlotWidget()
        self.weight_plot.setObjectName("weightPlot")
        self.weight_plot.setLabel("left", "w")
        self.weight_plot.setLabel("bottom", self.tr("training steps"))
        self.weight_curve = self.weight_plot.plot(pen=pg.mkPen(POSITIVE, width=2))
        self._w_x = np.zeros(WEIGHT_POINTS)
        self._w_y = np.zeros(WEIGHT_POINTS)
        self._w_n = 0
        self.weight_note = QLabel(self.tr("Select an edge to follow its weight."))
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.weight_plot)
        layout.addWidget(self.weight_note)
        return tab

    # -- signals -----------------------------------------------------------------------

    def _mark(self, what: str) -> None:
        self._stale.add(what)

    def _on_points_change(self) -> None:
        self._points_stale = True
        self._stale.add("output")

    def _on_parameters_change(self) -> None:
        self._stale.add("output")
        self._record_weight()

    def _on_data_change(self) -> None:
        data = self.model.data
        is_map, multi = data.is_2d, data.task == "multiclass"
        self.show_test.setVisible(is_map or data.n_outputs == 1)
        self.discretize.setVisible(is_map)
        self.misclassified.setVisible(data.dataset.image_shape is not None)
        self.accuracy_plot.setVisible(data.task != "regression")
        self.output_plot.setAspectLocked(is_map or multi)
        self._points_stale = True
        self._stale.update({"output", "loss"})

    def _on_selection_change(self) -> None:
        self._w_n = 0
        self._stale.add("weight")
        self._record_weight()

    def _record_weight(self) -> None:
        s = self.model.selection
        if s.kind != "edge":
            return
        steps = getattr(getattr(self.parent(), "training", None), "steps", self._w_n)
        value = self.model.network.get_weight(s.layer, s.neuron, s.source)
        if self._w_n == WEIGHT_POINTS:  # keep the latest points: shift by half
            half = WEIGHT_POINTS // 2
            self._w_x[:half], self._w_y[:half] = self._w_x[half:], self._w_y[half:]
            self._w_n = half
        self._w_x[self._w_n], self._w_y[self._w_n] = steps, value
        self._w_n += 1
        self._stale.add("weight")

    # -- drawing ------------------------------------------------------------------------

    def redraw(self) -> None:
        """Redraw whatever became stale since the last frame (called at 30 Hz)."""
        if not self._stale:
            return
        stale, self._stale = self._stale, set()
        if "loss" in stale:
            self._draw_loss()
        if "output" in stale and self.tabs.currentIndex() == 1:
            self._draw_output()
        elif "output" in stale:
            self._stale.add("output")  # draw when the tab is shown
        if "weight" in stale:
            n = self._w_n
            self.weight_curve.setData(self._w_x[:n], self._w_y[:n])
            self.weight_note.setVisible(self.model.selection.kind != "edge")
        self.frames += 1

    def _draw_loss(self) -> None:
        """Append the new epochs to the curves' arrays (history only grows, or restarts)."""
        history = self.model.history
        n = self._h_n
        if n > len(history) or (n and history[n - 1] is not self._h_last):
            n = 0  # a new run: start over
        if len(history) > len(self._h):
            grown = np.full((max(2 * len(self._h), len(history)), 5), np.nan)
            grown[:n] = self._h[:n]
            self._h = grown
        for i in range(n, len(history)):
            r = history[i]
            self._h[i] = (
                r.train_loss,
                np.nan if r.test_loss is None else r.test_loss,
                np.nan if r.train_accuracy is None else r.train_accuracy,
                np.nan if r.test_accuracy is None else r.test_accuracy,
                i + 1,
            )
        self._h_n = len(history)
        self._h_last = history[-1] if history else None
        h, count = self._h, self._h_n
        epochs = h[:count, 4]
        self.train_curve.setData(epochs, h[:count, 0])
        has = count and not np.isnan(h[count - 1, 1])
        self.test_curve.setData(epochs if has else [], h[:count, 1] if has else [])
        has = count and not np.isnan(h[count - 1, 2])
        self.train_acc_curve.setData(epochs if has else [], h[:count, 2] if has else [])
        has = count and not np.isnan(h[count - 1, 3])
        self.test_acc_curve.setData(epochs if has else [], h[:count, 3] if has else [])

    def _clear_texts(self) -> None:
        for item in self.text_items:
            self.output_plot.removeItem(item)
        self.text_items = []

    def _draw_output(self) -> None:
        data, net = self.model.data, self.model.network
        if data.task != "multiclass" or data.is_2d:
            self._clear_texts()
        if self._points_stale:  # the points change with the data, not with the weights
            for item in (self.train_points, self.test_points, self.fit_curve):
                item.setData([], [])
            self.image.clear()
            self.output_note.clear()
        with np.errstate(all="ignore"):
            if data.is_2d:
                self._draw_map(data, net)
            elif data.task == "multiclass":
                self._draw_confusion(data, net)
            elif data.X_train.shape[1] == 1:
                self._draw_fit(data, net)
            else:
                self.output_note.setText(self.tr("No output view for this dataset."))

    def _draw_map(self, data, net) -> None:
        axis = np.linspace(-EXTENT, EXTENT, GRID)
        gx, gy = np.meshgrid(axis, axis)
        points = np.column_stack([gx.ravel(), gy.ravel()])
        out = net.forward(compute_features(points, net.input_names))[:, 0].reshape(GRID, GRID)
        lo, hi = (0.0, 1.0) if data.task == "binary" else (-1.0, 1.0)
        if self.discretize.isChecked():
            out = np.where(out >= (lo + hi) / 2, hi, lo)
        # ImageItem's first axis is x: transpose the (y, x) grid.
        self.image.setImage(np.nan_to_num(out.T, nan=(lo + hi) / 2), levels=(lo, hi))
        self.image.setRect(pg.QtCore.QRectF(-EXTENT, -EXTENT, 2 * EXTENT, 2 * EXTENT))
        if self._points_stale:
            self._points_stale = False
            self._points(self.train_points, data.points_train, data.Y_train, lo, hi)
            if self.show_test.isChecked():
                self._points(self.test_points, data.points_test, data.Y_test, lo, hi)
            self.output_plot.setRange(xRange=(-EXTENT, EXTENT), yRange=(-EXTENT, EXTENT), padding=0)

    def _points(self, item, points, Y, lo, hi) -> None:
        if points is None or not len(points):
            return
        lut = _lut()
        levels = np.round(np.clip((Y[:, 0] - lo) / (hi - lo), 0, 1) * 255).astype(int)
        brushes = {v: pg.mkBrush(*lut[v]) for v in np.unique(levels)}  # few distinct
        item.setData(points[:, 0], points[:, 1], brush=[brushes[v] for v in levels])

    def _draw_fit(self, data, net) -> None:
        x = data.X_train[:, 0]
        if self._points_stale:
            self._points_stale = False
            self.train_points.setData(x, data.Y_train[:, 0], brush=pg.mkBrush(NEGATIVE))
            if self.show_test.isChecked() and len(data.X_test):
                self.test_points.setData(
                    data.X_test[:, 0], data.Y_test[:, 0], brush=pg.mkBrush("w")
                )
            self.output_plot.autoRange()
        grid = np.linspace(x.min(), x.max(), 200)
        self.fit_curve.setData(grid, net.forward(grid[:, None])[:, 0])

    def _draw_confusion(self, data, net) -> None:
        X, Y = (data.X_test, data.Y_test) if len(data.X_test) else (data.X_train, data.Y_train)
        truth, pred = Y.argmax(axis=1), net.forward(X).argmax(axis=1)
        k = Y.shape[1]
        matrix = np.zeros((k, k))
        np.add.at(matrix, (truth, pred), 1)
        shares = matrix / np.maximum(matrix.sum(axis=1, keepdims=True), 1)
        # Rows are true classes (top to bottom), columns predicted classes.
        self.image.setImage(shares.T[:, ::-1], levels=(-1.0, 1.0))
        self.image.setRect(pg.QtCore.QRectF(0, 0, k, k))
        if len(self.text_items) != k * k:  # one label per cell, made once per class count
            self._clear_texts()
            for i in range(k):
                for j in range(k):
                    text = pg.TextItem("", anchor=(0.5, 0.5), color=(30, 30, 30))
                    text.setPos(j + 0.5, k - i - 0.5)
                    self.output_plot.addItem(text)
                    self.text_items.append(text)
        for index, text in enumerate(self.text_items):
            text.setText(str(int(matrix.flat[index])))
        self.output_note.setText(
            self.tr(
                "Confusion matrix: rows are true classes, columns predicted. Accuracy %1"
            ).replace("%1", f"{np.trace(matrix) / max(matrix.sum(), 1):.1%}")
        )
        self.output_plot.setRange(xRange=(0, k), yRange=(0, k), padding=0.02)
        shape = data.dataset.image_shape
        if shape is not None:
            wrong = np.flatnonzero(truth != pred)[:12]
            if len(wrong):
                tiles = [X[i].reshape(shape) for i in wrong]
                strip = np.hstack([np.pad(t, 1) for t in tiles])
                self.strip.setImage(strip.T[:, ::-1], levels=(0, 1))
            else:
                self.strip.clear()
