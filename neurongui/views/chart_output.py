"""The Output tab: what the network answers, drawn the way the dataset asks.

* 2-D data: the output over the input plane as a map, with the samples on top;
* one input: the fitted curve y(x) over the samples, in the file's own units;
* several classes: the confusion matrix (and, for images, the misclassified ones).
(The confusion matrix and the strip: :mod:`~neurongui.views.chart_confusion`.)

Maps are handed over as ready-made RGB bytes (``palette_rgb``), so pyqtgraph copies
them into a QImage instead of scaling floats and building a colour table every frame;
the confusion matrix's numbers are plain Qt text items, redrawn only when they change.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine import Network
from neurongui.engine.datasets import EXTENT
from neurongui.engine.features import compute_features
from neurongui.engine.session import TrainingData
from neurongui.i18n import data_name, fill
from neurongui.views.canvas_maps import NEGATIVE, POSITIVE, display_activations, palette_rgb
from neurongui.views.chart_confusion import STRIP_SAMPLES, ConfusionView
from neurongui.views.chart_style import ChartColours, chart, plain_axes, set_y_title

__all__ = ["GRID", "STRIP_SAMPLES", "OutputChart"]

#: Points per side of the output map, computed in single precision (display_activations):
#: 100² points then cost half what 72² did in double precision.
GRID = 100


class OutputChart(ConfusionView, QWidget):
    """The network's output over the data: a map, a fitted curve or a confusion matrix."""

    #: A frame was drawn (the marks of the chosen sample follow it: views/sample_marks.py).
    drawn = Signal()
    #: Point editing started, stopped or changed tool (``edit_tool``).
    editToolChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.output_plot = chart()
        self.output_plot.setObjectName("outputPlot")
        self.output_plot.setMinimumHeight(180)
        plain_axes(self.output_plot, width=None)
        self.output_plot.enableAutoRange(False)
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
        self.discretize = QCheckBox(self.tr("Discretise output"))
        self.discretize.setObjectName("discretizeCheck")
        self.discretize.setToolTip(self.tr("Show each point's class instead of the raw output"))
        self.misclassified = chart()
        self.misclassified.setObjectName("misclassifiedStrip")
        self.misclassified.setFixedHeight(96)
        self.misclassified.hideAxis("left")
        self.misclassified.hideAxis("bottom")
        self.misclassified.hideButtons()
        self.misclassified.setMenuEnabled(False)
        self.misclassified.setMouseEnabled(False, False)
        self._strip_title = self.tr("Misclassified test samples (true → predicted)")
        self.misclassified.setTitle(self._strip_title, size="9pt")
        self.strip_title = self._strip_title  # the strip's title as shown
        self.misclassified.getViewBox().setAspectLocked(True)
        self.strip = pg.ImageItem()
        self.misclassified.addItem(self.strip)
        self.output_note = QLabel()
        self.output_note.setObjectName("outputNote")
        self.output_note.setWordWrap(True)
        self.output_note.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
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
        #: The row under the map (the point editor adds its button to it).
        self.controls_row = row
        #: The point editor's tool while the student edits the samples (``"add"``,
        #: ``"move"``, ``"erase"``), else None: other mouse handlers of the map (choosing
        #: a sample, dragging your own input: views/map_pointer.py) act only while it is
        #: None (see :mod:`~neurongui.views.point_editor`).
        self.edit_tool: str | None = None
        self._colours = ChartColours(False)
        self._grid_key: tuple | None = None
        self._grid_X: np.ndarray | None = None
        self._confusion_texts: list[QGraphicsSimpleTextItem] = []
        self._cells = np.zeros(0, dtype=int)  # the matrix drawn last, flat
        self._strip_texts: list[QGraphicsSimpleTextItem] = []
        self.points_stale = True
        #: Forward passes over the data made for the confusion matrix (for tests).
        self.confusion_passes = 0
        #: True if the matrix on show is the exact (double-precision) count.
        self.confusion_exact = False
        self._next_confusion = 0.0  # time.monotonic() before which live draws skip it
        self._count = None  # a live count of the former data is dropped
        self.output_plot.getViewBox().sigResized.connect(self._fit_cell_font)

    def set_colours(self, colours: ChartColours) -> None:
        """Follow the theme."""
        self._colours = colours
        for plot in (self.output_plot, self.misclassified):
            colours.apply(plot)
        self.misclassified.setTitle(self.strip_title, size="9pt", color=colours.foreground)
        for item in self._strip_texts:
            item.setBrush(colours.foreground)

    def set_data(self, data: TrainingData) -> None:
        """Arrange the tab for ``data``: which controls apply, the plot's aspect."""
        table_map = data.X_train.shape[1] == 2 and data.task == "binary" and not data.is_2d
        is_map = data.is_2d
        self.show_test.setVisible((is_map or data.n_outputs == 1) and len(data.X_test) > 0)
        self.discretize.setVisible(is_map or table_map)
        shape = data.dataset.image_shape
        self.misclassified.setVisible(shape is not None)
        # Room for 28×28 thumbnails, and for labels on two lines if names are long.
        big = shape is not None and max(shape) > 16
        two_lines = max((len(n) for n in data.dataset.class_names), default=0) > 2
        self.misclassified.setFixedHeight(116 if big and two_lines else 104 if big else 96)
        self._next_confusion = 0.0
        self._count = None  # a live count of the former data is dropped
        # A map keeps x and y at one scale; a confusion matrix fills the plot, so its
        # cells are as big as the room allows and the class names sit next to them.
        self.output_plot.setAspectLocked(is_map)
        # A map is smoothed between its grid points; a matrix keeps its sharp cells.
        self.output_plot.setRenderHint(
            QPainter.RenderHint.SmoothPixmapTransform, is_map or table_map
        )
        self.forget_grid()
        self.points_stale = True

    def forget_grid(self) -> None:
        """The inputs changed: the map's grid of inputs is made again."""
        self._grid_key = None

    # -- drawing -----------------------------------------------------------------------

    def draw(self, data: TrainingData, net: Network, live: bool = False) -> None:
        """Draw ``net``'s output over ``data``; ``live`` while training runs (a costly
        confusion matrix is then recomputed at a walk)."""
        if self.points_stale:  # the points change with the data, not with the weights
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
            self._draw_confusion(data, net, live)
        elif data.X_train.shape[1] == 2 and data.task == "binary":
            self._draw_table_map(data, net)  # two columns of a file: a plane too
        elif data.X_train.shape[1] == 1:
            self._draw_fit(data, net)
        else:
            self.points_stale = False
            self.output_note.setText(self.tr("No output view for this dataset."))
        self.drawn.emit()

    def _grid_inputs(self, net: Network) -> np.ndarray:
        """The network's inputs at the map's grid points (made once per feature set)."""
        key = tuple(net.input_names)
        if key != self._grid_key or self._grid_X is None:
            axis = np.linspace(-EXTENT, EXTENT, GRID)
            gx, gy = np.meshgrid(axis, axis)
            points = np.column_stack([gx.ravel(), gy.ravel()])
            features = compute_features(points, net.input_names).astype(np.float32)
            self._grid_X, self._grid_key = features, key
        return self._grid_X

    def _draw_map(self, data: TrainingData, net: Network) -> None:
        out = display_activations(net, self._grid_inputs(net))[-1][:, 0].reshape(GRID, GRID)
        binary = data.task == "binary"
        lo, hi = (0.0, 1.0) if binary else (-1.0, 1.0)
        if self.discretize.isChecked():
            out = np.where(out >= (lo + hi) / 2, hi, lo)
        # ImageItem's first axis is x: transpose the (y, x) grid. NaN shows white.
        self.image.setImage(palette_rgb(out.T, lo, hi), autoLevels=False, levels=None)
        if not self.points_stale:
            return
        self.points_stale = False
        self.image.setRect(QRectF(-EXTENT, -EXTENT, 2 * EXTENT, 2 * EXTENT))
        self._points(self.train_points, data.points_train, data.Y_train, lo, hi)
        test_shown = self.show_test.isChecked() and len(data.X_test) > 0
        if test_shown:
            self._points(self.test_points, data.points_test, data.Y_test, lo, hi)
        names = data.dataset.feature_names
        self.output_plot.setLabel("bottom", names[0] if names else "x₁")
        set_y_title(self.output_plot, names[1] if len(names) > 1 else "x₂")
        self._colours.apply(self.output_plot)
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
            + (self.tr("; black rims: test samples.") if test_shown else ".")
        )

    def _draw_table_map(self, data: TrainingData, net: Network) -> None:
        """The output over the plane of a file's two input columns, in the file's units
        (the network sees them standardised), with the samples on top."""
        X = data.X_train if not len(data.X_test) else np.vstack([data.X_train, data.X_test])
        lo_x, hi_x = X.min(axis=0), X.max(axis=0)
        pad = 0.1 * np.maximum(hi_x - lo_x, 1e-9)
        lo_x, hi_x = lo_x - pad, hi_x + pad
        key = ("table", tuple(lo_x), tuple(hi_x))
        if key != self._grid_key or self._grid_X is None:
            gx, gy = np.meshgrid(*(np.linspace(lo_x[i], hi_x[i], GRID) for i in range(2)))
            self._grid_X = np.column_stack([gx.ravel(), gy.ravel()]).astype(np.float32)
            self._grid_key = key
        out = display_activations(net, self._grid_X)[-1][:, 0].reshape(GRID, GRID)
        if self.discretize.isChecked():
            out = np.where(out >= 0.5, 1.0, 0.0)
        self.image.setImage(palette_rgb(out.T, 0.0, 1.0), autoLevels=False, levels=None)
        if not self.points_stale:
            return
        self.points_stale = False
        mean = np.zeros(2) if data.input_mean is None else np.asarray(data.input_mean)
        scale = np.ones(2) if data.input_scale is None else np.asarray(data.input_scale)
        low, high = lo_x * scale + mean, hi_x * scale + mean
        self.image.setRect(QRectF(low[0], low[1], high[0] - low[0], high[1] - low[1]))
        self._points(self.train_points, data.X_train * scale + mean, data.Y_train, 0.0, 1.0)
        test_shown = self.show_test.isChecked() and len(data.X_test) > 0
        if test_shown:
            self._points(self.test_points, data.X_test * scale + mean, data.Y_test, 0.0, 1.0)
        names = [data_name(n) for n in data.dataset.feature_names]
        self.output_plot.setLabel("bottom", names[0])
        set_y_title(self.output_plot, names[1])
        self._colours.apply(self.output_plot)
        self.output_plot.setRange(xRange=(low[0], high[0]), yRange=(low[1], high[1]), padding=0)
        self.output_note.setText(
            fill(
                self.tr(
                    "Background: the network's output at each point, from %1 to %2. "
                    "Dots: training samples in the colour of their target"
                ),
                self.tr("0 (orange)"),
                self.tr("1 (blue)"),
            )
            + (self.tr("; black rims: test samples.") if test_shown else ".")
        )

    def _points(self, item, points, Y, lo, hi) -> None:
        if points is None or not len(points):
            return
        rgb = [tuple(c) for c in palette_rgb(Y[:, 0], lo, hi).tolist()]
        brushes = {c: pg.mkBrush(*c) for c in set(rgb)}  # few distinct
        item.setData(points[:, 0], points[:, 1], brush=[brushes[c] for c in rgb])

    def _draw_fit(self, data: TrainingData, net: Network) -> None:
        # The network sees standardised inputs; the plot shows the file's units.
        mean = 0.0 if data.input_mean is None else float(data.input_mean[0])
        scale = 1.0 if data.input_scale is None else float(data.input_scale[0])
        if self.points_stale:
            self.points_stale = False
            x = data.X_train[:, 0]
            self.train_points.setData(
                x * scale + mean, data.Y_train[:, 0], brush=pg.mkBrush(NEGATIVE)
            )
            if self.show_test.isChecked() and len(data.X_test):
                self.test_points.setData(
                    data.X_test[:, 0] * scale + mean, data.Y_test[:, 0], brush=pg.mkBrush("w")
                )
            self._fit_x = np.linspace(x.min(), x.max(), 200)
            ys = np.concatenate([data.Y_train[:, 0], data.Y_test[:, 0]])
            shown = x * scale + mean
            pad_x, pad_y = 0.05 * max(np.ptp(shown), 1e-9), 0.1 * max(np.ptp(ys), 1e-9)
            self._fit_y_range = (ys.min() - pad_y, ys.max() + pad_y)
            self.output_plot.setRange(
                xRange=(shown.min() - pad_x, shown.max() + pad_x),
                yRange=self._fit_y_range,
                padding=0,
            )
            self.output_plot.setLabel("bottom", data_name(data.dataset.feature_names[0]))
            set_y_title(self.output_plot, data_name(data.dataset.class_names[0]))
            self._colours.apply(self.output_plot)
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
        self.fit_curve.setData(self._fit_x * scale + mean, y)
