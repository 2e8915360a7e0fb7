"""Live charts: loss and accuracy, what the network outputs, and the selected weight.

Charts never redraw on every signal. Signals only mark what is stale, and stale
charts are redrawn at most every :data:`REDRAW_MS`: at once when the training
controller has applied a snapshot (the worker leaves the GIL to the GUI then), else
from a single-shot timer. Only the tab that shows is drawn, so the cost does not
grow with training speed or with the number of tabs.

What keeps a frame cheap: curves are preallocated arrays of bounded length fed to
``setData``; images get explicit levels; axis ranges are set by hand in "nice"
steps, so an axis is laid out again only when its range really changes, and axes
are cached as pixmaps in between; the numbers of the confusion matrix are plain
Qt text items, not Python ones.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QElapsedTimer, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QTransform
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine.datasets import EXTENT
from neurongui.engine.features import compute_features
from neurongui.i18n import data_name, fill
from neurongui.model import NetworkModel
from neurongui.theme import is_dark
from neurongui.views.canvas_maps import NEGATIVE, POSITIVE, display_activations, palette_rgb

__all__ = ["ChartsPanel", "nice_ceiling", "settled_ceiling"]

#: Shortest time between two frames of the same chart (30 Hz).
REDRAW_MS = 33
#: A snapshot of the trainer is drawn at once unless the last frame is this recent.
MIN_FRAME_MS = 15
#: Points per side of the output map, computed in single precision (display_activations):
#: 100² points then cost half what 72² did in double precision.
GRID = 100
WEIGHT_POINTS = 2000
#: Points kept per loss curve; past that, every other point is dropped (the chart
#: is a few hundred pixels wide) and later epochs are sampled as sparsely.
CURVE_POINTS = 4096
#: Width of the y axes in pixels, the same for stacked plots so that they line up.
AXIS_WIDTH = 52
#: (train, test) pens: solid blue and dashed orange, told apart without colour too.
_TRAIN_PEN = pg.mkPen(POSITIVE, width=2)
_TEST_PEN = pg.mkPen(NEGATIVE, width=2, style=Qt.PenStyle.DashLine)
_STEPS = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.5, 2, 3, 4, 5, 6, 8 times a power of ten that is >= ``value``.

    Axis ranges grow in these steps, so that an axis is re-laid out a few times per
    decade instead of on every frame, and the data still fill most of the plot.
    """
    if not value > 0 or not math.isfinite(value):
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for step in _STEPS:
        if step * power >= value * (1 - 1e-9):
            return step * power
    return 10.0 * power


def settled_ceiling(value: float, current: float | None) -> float:
    """``current`` while it holds ``value`` and is at most twice too big, else the
    :func:`nice_ceiling` of ``value``.

    Data that wander about one of the nice steps would otherwise flip an axis between
    two ranges, and lay it out again, many times a second.
    """
    if current is not None and current / 2 < value <= current:
        return current
    return nice_ceiling(value)


def _plain_axes(plot: pg.PlotWidget, width: int | None = AXIS_WIDTH) -> None:
    """Cached axes of a fixed width, no auto-range button, no context menu."""
    plot.hideButtons()
    plot.setMenuEnabled(False)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        # Redrawn only when the axis itself changes, not on every repaint of the plot.
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        axis.enableAutoSIPrefix(False)  # "loss (x0.001)" over 0…800 puzzles a beginner
    if width is not None:
        plot.getAxis("left").setWidth(width)


class ChartsPanel(QWidget):
    """Tabs: loss and accuracy; the output (map, fit or confusion); the selected weight."""

    def __init__(
        self,
        model: NetworkModel,
        parent: QWidget | None = None,
        controller: QObject | None = None,
    ):
        """Charts of ``model``.

        Parameters
        ----------
        model
            The model whose history, network and data are drawn.
        parent
            The parent widget (the dock reparents the panel later).
        controller
            The :class:`~neurongui.worker.TrainingController`: its snapshots are drawn
            as they are applied, and it counts the training steps. By default the
            parent's ``training`` attribute, if it has one (the main window's).
        """
        super().__init__(parent)
        self.model = model
        self._controller = controller or getattr(parent, "training", None)
        self._stale: set[str] = {"loss", "output", "weight"}
        self._points_stale = True
        self._dark = False
        self.frames = 0
        self._reset_series()
        self._grid_key: tuple | None = None
        self._grid_X: np.ndarray | None = None
        self._confusion_texts: list[QGraphicsSimpleTextItem] = []
        self._cells = np.zeros(0, dtype=int)  # the matrix drawn last, flat
        self._strip_texts: list[QGraphicsSimpleTextItem] = []
        self.tabs = QTabWidget()
        self.tabs.setObjectName("chartTabs")
        self.tabs.addTab(self._build_loss_tab(), self.tr("Loss"))
        self.tabs.addTab(self._build_output_tab(), self.tr("Output"))
        self.tabs.addTab(self._build_weight_tab(), self.tr("Weight"))
        self.tabs.currentChanged.connect(lambda _: self._schedule())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._clock = QElapsedTimer()
        self._clock.start()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.redraw)
        # Bound methods, not lambdas: Qt drops them when the panel is deleted.
        model.historyChanged.connect(self._on_history_change)
        model.parametersChanged.connect(self._on_parameters_change)
        model.structureChanged.connect(self._on_structure_change)
        model.dataChanged.connect(self._on_data_change)
        model.selectionChanged.connect(self._on_selection_change)
        snapshot = getattr(self._controller, "snapshotApplied", None)
        if snapshot is not None:
            snapshot.connect(self._on_snapshot)
        self.set_dark(is_dark())
        self._on_data_change()

    def current_plot(self) -> pg.PlotWidget:
        """The main plot of the tab on show (for File ▸ Export ▸ Chart)."""
        return (self.loss_plot, self.output_plot, self.weight_plot)[self.tabs.currentIndex()]

    def set_dark(self, dark: bool) -> None:
        """Follow the theme."""
        self._dark = dark
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
        self.legend.setLabelTextColor(foreground)
        for _, label in self.legend.items:  # the colour applies when a text is set
            label.setText(label.text)
        self.legend.setBrush(pg.mkBrush((35, 37, 41, 200) if dark else (255, 255, 255, 200)))
        self.empty_hint.setColor(QColor(*foreground))
        self.misclassified.setTitle(self._strip_title, size="9pt", color=QColor(*foreground))
        for item in self._strip_texts:
            item.setBrush(QColor(*foreground))
        self._stale.add("output")
        self._schedule()

    # -- tabs ------------------------------------------------------------------------

    def _build_loss_tab(self) -> QWidget:
        self.loss_plot = pg.PlotWidget()
        self.loss_plot.setObjectName("lossPlot")
        self.loss_plot.setMinimumHeight(150)
        self.loss_plot.setLabel("left", self.tr("loss"))
        _plain_axes(self.loss_plot)
        self.loss_plot.showGrid(x=False, y=True, alpha=0.15)
        self.loss_plot.enableAutoRange(False)
        self.train_curve = pg.PlotCurveItem(pen=_TRAIN_PEN, skipFiniteCheck=True)
        self.test_curve = pg.PlotCurveItem(pen=_TEST_PEN, skipFiniteCheck=True)
        self.loss_plot.addItem(self.train_curve)
        self.loss_plot.addItem(self.test_curve)
        self.legend = pg.LegendItem(offset=(-8, 8), verSpacing=-6)
        self.legend.setParentItem(self.loss_plot.getPlotItem().vb)
        self.legend.addItem(self.train_curve, self.tr("training data"))
        self.legend.addItem(self.test_curve, self.tr("test data"))
        self.empty_hint = pg.TextItem(
            self.tr("Press Play to train.\nThe loss appears here, epoch by epoch."),
            anchor=(0.5, 0.5),
        )
        self.loss_plot.addItem(self.empty_hint, ignoreBounds=True)

        self.accuracy_plot = pg.PlotWidget()
        self.accuracy_plot.setObjectName("accuracyPlot")
        self.accuracy_plot.setMinimumHeight(100)
        self.accuracy_plot.setLabel("left", self.tr("accuracy"))
        self.accuracy_plot.setLabel("bottom", self.tr("epoch"))
        _plain_axes(self.accuracy_plot)
        self.accuracy_plot.showGrid(x=False, y=True, alpha=0.15)
        self.accuracy_plot.enableAutoRange(False)
        # Room above 100% and below 0%, or their labels are clipped at the edges.
        self.accuracy_plot.setYRange(-0.08, 1.12, padding=0)
        # Three labels fit in any height; pyqtgraph's own choice crowded a short plot.
        self.accuracy_plot.getAxis("left").setTicks([[(0, "0%"), (0.5, "50%"), (1, "100%")], []])
        self.accuracy_plot.setXLink(self.loss_plot)
        self.train_acc_curve = pg.PlotCurveItem(pen=_TRAIN_PEN, skipFiniteCheck=True)
        self.test_acc_curve = pg.PlotCurveItem(pen=_TEST_PEN, skipFiniteCheck=True)
        self.accuracy_plot.addItem(self.train_acc_curve)
        self.accuracy_plot.addItem(self.test_acc_curve)

        self.log_scale = QCheckBox(self.tr("Log scale"))
        self.log_scale.setObjectName("logScaleCheck")
        self.log_scale.setToolTip(self.tr("Show the loss on a logarithmic scale"))
        self.log_scale.toggled.connect(self._on_log_scale)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.loss_plot, 3)
        layout.addWidget(self.accuracy_plot, 2)
        layout.addWidget(self.log_scale)
        return tab

    def _build_output_tab(self) -> QWidget:
        self.output_plot = pg.PlotWidget()
        self.output_plot.setObjectName("outputPlot")
        self.output_plot.setMinimumHeight(180)
        _plain_axes(self.output_plot, width=None)
        self.output_plot.enableAutoRange(False)
        # Shown as ready-made RGB bytes (palette_rgb): pyqtgraph then copies them into
        # a QImage, instead of scaling floats and building a colour table every frame.
        self.image = pg.ImageItem(autoDownsample=False)
        self.output_plot.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(size=6, pen=pg.mkPen("w", width=1))
        self.test_points = pg.ScatterPlotItem(size=6, pen=pg.mkPen("k", width=1))
        self.fit_curve = pg.PlotCurveItem(pen=pg.mkPen(POSITIVE, width=3))
        for item in (self.train_points, self.test_points):
            # The samples stay put while the map under them changes every frame.
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        for item in (self.train_points, self.test_points, self.fit_curve):
            self.output_plot.addItem(item)
        self.show_test = QCheckBox(self.tr("Show test data"))
        self.show_test.setObjectName("showTestCheck")
        self.show_test.toggled.connect(self._on_points_change)
        self.discretize = QCheckBox(self.tr("Discretise output"))
        self.discretize.setObjectName("discretizeCheck")
        self.discretize.setToolTip(self.tr("Show each point's class instead of the raw output"))
        self.discretize.toggled.connect(lambda: self._mark("output"))
        self.misclassified = pg.PlotWidget()
        self.misclassified.setObjectName("misclassifiedStrip")
        self.misclassified.setFixedHeight(96)
        self.misclassified.hideAxis("left")
        self.misclassified.hideAxis("bottom")
        self.misclassified.hideButtons()
        self.misclassified.setMenuEnabled(False)
        self.misclassified.setMouseEnabled(False, False)
        self._strip_title = self.tr("Misclassified test samples (true → predicted)")
        self.misclassified.setTitle(self._strip_title, size="9pt")
        self.misclassified.getViewBox().setAspectLocked(True)
        self.strip = pg.ImageItem()
        self.misclassified.addItem(self.strip)
        self.output_note = QLabel()
        self.output_note.setObjectName("outputNote")
        self.output_note.setWordWrap(True)
        self.output_note.setTextFormat(Qt.TextFormat.RichText)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.output_plot, 1)
        layout.addWidget(self.misclassified)
        layout.addWidget(self.output_note)
        row = QHBoxLayout()
        row.addWidget(self.show_test)
        row.addWidget(self.discretize)
        row.addStretch(1)
        layout.addLayout(row)
        return tab

    def _build_weight_tab(self) -> QWidget:
        self.weight_plot = pg.PlotWidget()
        self.weight_plot.setObjectName("weightPlot")
        self.weight_plot.setMinimumHeight(150)
        self.weight_plot.setLabel("left", self.tr("weight w"))
        self.weight_plot.setLabel("bottom", self.tr("training steps"))
        _plain_axes(self.weight_plot)
        self.weight_plot.showGrid(x=False, y=True, alpha=0.15)
        self.weight_curve = pg.PlotCurveItem(pen=_TRAIN_PEN, skipFiniteCheck=True)
        self.weight_plot.addItem(self.weight_curve)
        self._w_x = np.zeros(WEIGHT_POINTS)
        self._w_y = np.zeros(WEIGHT_POINTS)
        self._w_n = 0
        self.weight_note = QLabel(self.tr("Select an edge to follow its weight."))
        self.weight_note.setObjectName("weightNote")
        self.weight_note.setWordWrap(True)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.weight_plot)
        layout.addWidget(self.weight_note)
        return tab

    # -- signals -----------------------------------------------------------------------

    def _mark(self, what: str) -> None:
        self._stale.add(what)
        self._schedule()

    def _schedule(self) -> None:
        """Redraw once REDRAW_MS have passed since the last frame (or a snapshot comes)."""
        if not self._timer.isActive():
            self._timer.start(max(0, REDRAW_MS - self._clock.elapsed()))

    def _on_snapshot(self) -> None:
        # The worker waits while the GUI draws this snapshot: draw it now.
        if self._stale and self._clock.elapsed() >= MIN_FRAME_MS:
            self.redraw()

    def _on_history_change(self) -> None:
        self._mark("loss")

    def _on_points_change(self) -> None:
        self._points_stale = True
        self._mark("output")

    def _on_parameters_change(self) -> None:
        self._record_weight()
        self._mark("output")

    def _on_structure_change(self) -> None:
        self._grid_key = None
        self._mark("output")

    def _on_log_scale(self, on: bool) -> None:
        # The curves get log10 values from _draw_loss; the axis labels them as powers.
        self.loss_plot.getAxis("left").setLogMode(False, on)
        self._y_range = None
        self._mark("loss")

    def _on_data_change(self) -> None:
        data = self.model.data
        is_map, multi = data.is_2d, data.task == "multiclass"
        self.show_test.setVisible(is_map or data.n_outputs == 1)
        self.discretize.setVisible(is_map)
        self.misclassified.setVisible(data.dataset.image_shape is not None)
        has_accuracy = data.task != "regression"
        self.accuracy_plot.setVisible(has_accuracy)
        # The epoch axis is labelled once, under the lowest plot (the x axes are linked).
        self.loss_plot.setLabel("bottom", None if has_accuracy else self.tr("epoch"))
        self.loss_plot.getAxis("bottom").showLabel(not has_accuracy)
        self.loss_plot.getAxis("bottom").setStyle(showValues=not has_accuracy)
        self.output_plot.setAspectLocked(is_map or multi)
        # A map is smoothed between its grid points; a matrix keeps its sharp cells.
        self.output_plot.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, is_map)
        self._grid_key = None
        self._points_stale = True
        self._stale.update({"output", "loss"})
        self._schedule()

    def _on_selection_change(self) -> None:
        self._w_n = 0
        self._record_weight()
        self._mark("weight")

    def _record_weight(self) -> None:
        s = self.model.selection
        if s.kind != "edge":
            return
        steps = getattr(self._controller, "steps", None)
        if steps is None:
            steps = self._w_x[self._w_n - 1] + 1 if self._w_n else 0
        value = self.model.network.get_weight(s.layer, s.neuron, s.source)
        if self._w_n and self._w_x[self._w_n - 1] == steps:
            self._w_y[self._w_n - 1] = value  # an edit between two steps: latest value
        else:
            if self._w_n == WEIGHT_POINTS:  # keep the latest points: shift by half
                half = WEIGHT_POINTS // 2
                self._w_x[:half], self._w_y[:half] = self._w_x[half:], self._w_y[half:]
                self._w_n = half
            self._w_x[self._w_n], self._w_y[self._w_n] = steps, value
            self._w_n += 1
        self._stale.add("weight")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._schedule()  # whatever went stale while the panel was hidden

    # -- drawing ------------------------------------------------------------------------

    def redraw(self, force: bool = False) -> None:
        """Redraw the stale parts of the tab that shows (at most every REDRAW_MS);
        ``force`` draws it even while the panel is hidden (for an export)."""
        self._timer.stop()
        if not self._stale or not (self.isVisible() or force):
            return
        self._clock.restart()
        tab = self.tabs.currentIndex()
        drawn = {0: "loss", 1: "output", 2: "weight"}[tab]
        if drawn not in self._stale:
            return
        self._stale.discard(drawn)
        with np.errstate(all="ignore"):
            if drawn == "loss":
                self._draw_loss()
            elif drawn == "output":
                self._draw_output()
            else:
                self._draw_weight()
        self.frames += 1

    # -- loss ----------------------------------------------------------------------------

    def _reset_series(self) -> None:
        # Columns: epoch, train loss, test loss, train accuracy, test accuracy. One row
        # more than CURVE_POINTS holds the latest epoch while it is not a sampled one.
        self._h = np.full((CURVE_POINTS + 1, 5), np.nan)
        self._h_n = 0
        self._h_tail = False
        self._stride = 1
        self._h_last = None
        self._x_range: tuple | None = None
        self._y_range: tuple | None = None

    def _append(self, record) -> None:
        row = (
            record.epoch,
            record.train_loss,
            np.nan if record.test_loss is None else record.test_loss,
            np.nan if record.train_accuracy is None else record.train_accuracy,
            np.nan if record.test_accuracy is None else record.test_accuracy,
        )
        n, h = self._h_n, self._h
        if n and (record.epoch - h[0, 0]) % self._stride:
            h[n] = row  # drawn as the end of the curve, replaced by the next epoch
            self._h_tail = True
            return
        if n == CURVE_POINTS:
            h[: n // 2] = h[:n:2]
            n = self._h_n = n // 2
            self._stride *= 2
            if (record.epoch - h[0, 0]) % self._stride:
                h[n] = row
                self._h_tail = True
                return
        h[n] = row
        self._h_n = n + 1
        self._h_tail = False

    def _new_records(self) -> list:
        """Records added since the last frame, or the whole history after a restart."""
        history = self.model.history
        last = self._h_last
        if last is None or not history:
            if last is not None:
                self._reset_series()
            return list(history)
        i = len(history)
        while i > 0 and history[i - 1].epoch > last.epoch:
            i -= 1
        if i > 0 and history[i - 1] is last:
            return history[i:]
        self._reset_series()  # a new run, or another history (a file was opened)
        return list(history)

    def _draw_loss(self) -> None:
        """Append the new epochs to the curves' arrays (history only grows, or restarts)."""
        for record in self._new_records():
            self._append(record)
        history = self.model.history
        self._h_last = history[-1] if history else None
        count = self._h_n + self._h_tail
        h = self._h[:count]
        self.empty_hint.setVisible(count == 0)
        epochs = h[:, 0]
        has_test = count and not np.isnan(h[-1, 2])
        has_accuracy = count and not np.isnan(h[-1, 3])
        has_test_accuracy = count and not np.isnan(h[-1, 4])
        losses = h[:, 1:3]
        if self.log_scale.isChecked():
            losses = np.log10(np.maximum(losses, 1e-12))
        self.train_curve.setData(epochs, losses[:, 0])
        self.test_curve.setData(epochs if has_test else [], losses[:, 1] if has_test else [])
        self.train_acc_curve.setData(
            epochs if has_accuracy else [], h[:, 3] if has_accuracy else []
        )
        self.test_acc_curve.setData(
            epochs if has_test_accuracy else [], h[:, 4] if has_test_accuracy else []
        )
        self._set_ranges(h, count)

    def _set_ranges(self, h: np.ndarray, count: int) -> None:
        x_range = (0.0, nice_ceiling(max(h[-1, 0], 10.0) if count else 10.0))
        if x_range != self._x_range:
            self._x_range = x_range
            self.loss_plot.setXRange(*x_range, padding=0.02)
        if self.log_scale.isChecked():
            losses = h[:, 1:3][h[:, 1:3] > 0]
            lo, hi = (np.log10(losses.min()), np.log10(losses.max())) if losses.size else (-2, 0)
            y_range = (math.floor(lo), max(math.ceil(hi), math.floor(lo) + 1))
        else:
            top = np.nanmax(h[:, 1:3]) if count else 1.0
            y_range = (0.0, nice_ceiling(top))
        if y_range != self._y_range:
            self._y_range = y_range
            self.loss_plot.setYRange(*y_range, padding=0.04)
        if count == 0:
            # Below the legend in the top right corner, which longer translations reach.
            self.empty_hint.setPos(x_range[1] / 2, 0.35 if not self.log_scale.isChecked() else -1.3)

    # -- output --------------------------------------------------------------------------

    def _draw_output(self) -> None:
        data, net = self.model.data, self.model.network
        if self._points_stale:  # the points change with the data, not with the weights
            for item in (self.train_points, self.test_points):
                item.setData([], [])
            self.fit_curve.setData([], [])
            self.image.clear()
            self.output_note.clear()
            if data.task != "multiclass" or data.is_2d:
                self._set_confusion_texts(0)
                self.output_plot.getAxis("left").setTicks(None)
                self.output_plot.getAxis("bottom").setTicks(None)
        if data.is_2d:
            self._draw_map(data, net)
        elif data.task == "multiclass":
            self._draw_confusion(data, net)
        elif data.X_train.shape[1] == 1:
            self._draw_fit(data, net)
        else:
            self.output_note.setText(self.tr("No output view for this dataset."))

    def _grid_inputs(self, net) -> np.ndarray:
        """The network's inputs at the map's grid points (made once per feature set)."""
        key = tuple(net.input_names)
        if key != self._grid_key:
            axis = np.linspace(-EXTENT, EXTENT, GRID)
            gx, gy = np.meshgrid(axis, axis)
            points = np.column_stack([gx.ravel(), gy.ravel()])
            features = compute_features(points, net.input_names).astype(np.float32)
            self._grid_X, self._grid_key = features, key
        return self._grid_X

    def _draw_map(self, data, net) -> None:
        out = display_activations(net, self._grid_inputs(net))[-1][:, 0].reshape(GRID, GRID)
        binary = data.task == "binary"
        lo, hi = (0.0, 1.0) if binary else (-1.0, 1.0)
        if self.discretize.isChecked():
            out = np.where(out >= (lo + hi) / 2, hi, lo)
        # ImageItem's first axis is x: transpose the (y, x) grid. NaN shows white.
        self.image.setImage(palette_rgb(out.T, lo, hi), autoLevels=False, levels=None)
        if self._points_stale:
            self._points_stale = False
            self.image.setRect(QRectF(-EXTENT, -EXTENT, 2 * EXTENT, 2 * EXTENT))
            self._points(self.train_points, data.points_train, data.Y_train, lo, hi)
            if self.show_test.isChecked():
                self._points(self.test_points, data.points_test, data.Y_test, lo, hi)
            names = data.dataset.feature_names
            self.output_plot.setLabel("bottom", names[0] if names else "x₁")
            self.output_plot.setLabel("left", names[1] if len(names) > 1 else "x₂")
            self.output_plot.setRange(xRange=(-EXTENT, EXTENT), yRange=(-EXTENT, EXTENT), padding=0)
            low, high = (
                (self.tr("0 (orange)"), self.tr("1 (blue)"))
                if binary
                else (self.tr("−1 (orange)"), self.tr("+1 (blue)"))
            )
            self.output_note.setText(
                fill(
                    self.tr(
                        "Background: the network's output at each point, from %1 to %2. "
                        "Dots: training samples in the colour of their target"
                    ),
                    low,
                    high,
                )
                + (self.tr("; black rims: test samples.") if self.show_test.isChecked() else ".")
            )

    def _points(self, item, points, Y, lo, hi) -> None:
        if points is None or not len(points):
            return
        rgb = [tuple(c) for c in palette_rgb(Y[:, 0], lo, hi).tolist()]
        brushes = {c: pg.mkBrush(*c) for c in set(rgb)}  # few distinct
        item.setData(points[:, 0], points[:, 1], brush=[brushes[c] for c in rgb])

    def _draw_fit(self, data, net) -> None:
        x = data.X_train[:, 0]
        if self._points_stale:
            self._points_stale = False
            self.train_points.setData(x, data.Y_train[:, 0], brush=pg.mkBrush(NEGATIVE))
            if self.show_test.isChecked() and len(data.X_test):
                self.test_points.setData(
                    data.X_test[:, 0], data.Y_test[:, 0], brush=pg.mkBrush("w")
                )
            self._fit_x = np.linspace(x.min(), x.max(), 200)
            ys = np.concatenate([data.Y_train[:, 0], data.Y_test[:, 0]])
            pad_x, pad_y = 0.05 * np.ptp(x), 0.1 * max(np.ptp(ys), 1e-9)
            self._fit_y_range = (ys.min() - pad_y, ys.max() + pad_y)
            self.output_plot.setRange(
                xRange=(x.min() - pad_x, x.max() + pad_x), yRange=self._fit_y_range, padding=0
            )
            self.output_plot.setLabel("bottom", data_name(data.dataset.feature_names[0]))
            self.output_plot.setLabel("left", data_name(data.dataset.class_names[0]))
            self.output_note.setText(
                fill(
                    self.tr(
                        "<span style='color:%1'>●</span> training samples &nbsp; "
                        "<span style='color:%2'>━</span> the network's output y(x)"
                    ),
                    NEGATIVE.name(),
                    POSITIVE.name(),
                )
            )
        # Clip the curve to the plot, so that a wild untrained output keeps the axes.
        lo, hi = self._fit_y_range
        span = hi - lo
        y = np.clip(net.forward(self._fit_x[:, None])[:, 0], lo - span, hi + span)
        self.fit_curve.setData(self._fit_x, y)

    def _set_confusion_texts(self, count: int) -> None:
        """Keep ``count`` text items for the matrix's cells (plain Qt items: cheap)."""
        texts = self._confusion_texts
        while len(texts) > count:
            item = texts.pop()
            if item.scene() is not None:
                item.scene().removeItem(item)
        view = self.output_plot.getPlotItem().vb.childGroup
        font = QFont()
        font.setPointSizeF(8.5)
        while len(texts) < count:
            item = self.output_plot.scene().addSimpleText("")
            item.setParentItem(view)
            item.setFont(font)
            # Text stays upright and of a fixed size whatever the view's scale.
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            item.setZValue(5)
            texts.append(item)

    def _draw_confusion(self, data, net) -> None:
        X, Y = (data.X_test, data.Y_test) if len(data.X_test) else (data.X_train, data.Y_train)
        truth, pred = Y.argmax(axis=1), net.forward(X).argmax(axis=1)
        k = Y.shape[1]
        matrix = np.bincount(truth * k + pred, minlength=k * k).reshape(k, k)
        if not self._points_stale and np.array_equal(matrix.ravel(), self._cells):
            return  # the same answers as in the last frame: nothing to redraw
        names = [data_name(n) for n in data.dataset.class_names]
        shares = matrix / np.maximum(matrix.sum(axis=1, keepdims=True), 1)
        # Rows are true classes (top to bottom), columns predicted classes.
        rgb = palette_rgb(shares.T[:, ::-1], -1.0, 1.0)
        self.image.setImage(rgb, autoLevels=False, levels=None)
        if self._points_stale or len(self._confusion_texts) != k * k:
            self._points_stale = False
            self._cells = np.full(k * k, -1)
            self.image.setRect(QRectF(0, 0, k, k))
            self._set_confusion_texts(k * k)
            short = [n if len(n) <= 10 else n[:9] + "…" for n in names]
            self.output_plot.getAxis("bottom").setTicks([[(j + 0.5, short[j]) for j in range(k)]])
            self.output_plot.getAxis("left").setTicks([[(k - i - 0.5, short[i]) for i in range(k)]])
            self.output_plot.setLabel("bottom", self.tr("predicted class"))
            self.output_plot.setLabel("left", self.tr("true class"))
            self.output_plot.setRange(xRange=(0, k), yRange=(0, k), padding=0.02)
        for index in np.flatnonzero(matrix.ravel() != self._cells):
            i, j = divmod(int(index), k)
            item = self._confusion_texts[index]
            item.setText(str(matrix[i, j]))
            item.setBrush(QColor(255, 255, 255) if shares[i, j] > 0.55 else QColor(40, 40, 40))
            rect = item.boundingRect()
            item.setTransform(QTransform.fromTranslate(-rect.width() / 2, -rect.height() / 2))
            item.setPos(j + 0.5, k - i - 0.5)
        self._cells = matrix.ravel().copy()
        self.output_note.setText(
            fill(
                self.tr(
                    "Rows: the true class; columns: the class the network chose. "
                    "The diagonal counts right answers. Accuracy on the %1: %2"
                ),
                self.tr("test data") if len(data.X_test) else self.tr("training data"),
                f"{np.trace(matrix) / max(matrix.sum(), 1):.1%}",
            )
        )
        shape = data.dataset.image_shape
        if shape is not None:
            self._draw_strip(X, truth, pred, shape, names)

    def _draw_strip(self, X, truth, pred, shape, names) -> None:
        wrong = np.flatnonzero(truth != pred)[:12]
        labels = [f"{names[truth[i]]}→{names[pred[i]]}" for i in wrong]
        if len(wrong):
            rows, cols = shape
            strip = np.zeros((rows + 2, len(wrong) * (cols + 2)))
            for n, i in enumerate(wrong):  # each sample with a one-pixel frame
                left = n * (cols + 2) + 1
                strip[1 : rows + 1, left : left + cols] = X[i].reshape(shape)
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
            item.setBrush(QColor(220, 220, 220) if self._dark else QColor(60, 60, 60))
            texts.append(item)
        width = shape[1] + 2
        for index, item in enumerate(texts):
            item.setVisible(index < len(labels))
            if index < len(labels) and item.text() != labels[index]:
                item.setText(labels[index])
                rect = item.boundingRect()
                item.setTransform(QTransform.fromTranslate(-rect.width() / 2, 0))
                item.setPos(index * width + width / 2, 0)
        tiles = max(len(labels), 6)
        self.misclassified.setRange(
            xRange=(0, tiles * width), yRange=(-0.45 * width, shape[0] + 2), padding=0
        )

    # -- weight --------------------------------------------------------------------------

    def _draw_weight(self) -> None:
        n = self._w_n
        self.weight_curve.setData(self._w_x[:n], self._w_y[:n])
        s = self.model.selection
        if s.kind != "edge":
            self.weight_note.setText(self.tr("Select an edge to follow its weight."))
            return
        net = self.model.network
        source = (
            data_name(net.input_names[s.source])
            if s.layer == 0
            else fill(self.tr("neuron %1 of layer %2"), str(s.source + 1), str(s.layer))
        )
        text = fill(
            self.tr("The weight from %1 into neuron %2 of layer %3"),
            source,
            str(s.neuron + 1),
            str(s.layer + 1),
        )
        if n < 2:
            text += self.tr(": train to see it change.")
        self.weight_note.setText(text)
