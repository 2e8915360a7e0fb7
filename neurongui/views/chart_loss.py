"""The Loss tab: training and test loss over the epochs, and the accuracy beneath.

Curves are preallocated arrays of bounded length (:data:`CURVE_POINTS`) fed to
``setData``: the history only grows, or restarts, so each frame appends the new
epochs. Axis ranges move in "nice" steps, so an axis is laid out again only when its
range really changes. The legend sits above the plot, never over the curves.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from neurongui.engine.metrics import EpochRecord
from neurongui.engine.session import TrainingData
from neurongui.views.canvas_maps import NEGATIVE, POSITIVE
from neurongui.views.chart_style import (
    TEST_PEN,
    TRAIN_PEN,
    ChartColours,
    chart,
    nice_ceiling,
    plain_axes,
    set_y_title,
)

__all__ = ["CURVE_POINTS", "LossChart"]

#: Points kept per loss curve; past that, every other point is dropped (the chart
#: is a few hundred pixels wide) and later epochs are sampled as sparsely.
CURVE_POINTS = 4096


class LossChart(QWidget):
    """Loss (and, for classification, accuracy) of the training and test sets."""

    #: The axes' ranges as last set (None: set them at the next draw).
    _x_range: tuple[float, float] | None
    _y_range: tuple[float, float] | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.legend = QLabel()
        self.legend.setObjectName("lossLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.loss_plot = chart()
        self.loss_plot.setObjectName("lossPlot")
        self.loss_plot.setMinimumHeight(150)
        set_y_title(self.loss_plot, self.tr("loss"))
        plain_axes(self.loss_plot)
        self.loss_plot.showGrid(x=False, y=True, alpha=0.15)
        self.loss_plot.enableAutoRange(False)
        self.train_curve = pg.PlotCurveItem(pen=TRAIN_PEN, skipFiniteCheck=True)
        self.test_curve = pg.PlotCurveItem(pen=TEST_PEN, skipFiniteCheck=True)
        self.loss_plot.addItem(self.train_curve)
        self.loss_plot.addItem(self.test_curve)
        self.empty_hint = pg.TextItem(
            self.tr("Press Play to train.\nThe loss appears here, epoch by epoch."),
            anchor=(0.5, 0.5),
        )
        self.loss_plot.addItem(self.empty_hint, ignoreBounds=True)
        # Where a run blew up: its losses stop there, and the student sees why.
        self.blow_up = pg.InfiniteLine(
            angle=90,
            pen=pg.mkPen(QColor(204, 51, 51), width=2, style=Qt.PenStyle.DotLine),
            label=self.tr("diverged"),
            labelOpts={"position": 0.85, "color": (204, 51, 51), "movable": False},
        )
        self.blow_up.setObjectName("blowUpMarker")
        self.blow_up.setVisible(False)
        self.loss_plot.addItem(self.blow_up, ignoreBounds=True)

        self.accuracy_plot = chart()
        self.accuracy_plot.setObjectName("accuracyPlot")
        self.accuracy_plot.setMinimumHeight(100)
        set_y_title(self.accuracy_plot, self.tr("accuracy"))
        self.accuracy_plot.setLabel("bottom", self.tr("epoch"))
        plain_axes(self.accuracy_plot)
        self.accuracy_plot.showGrid(x=False, y=True, alpha=0.15)
        self.accuracy_plot.enableAutoRange(False)
        self._accuracy_ticks: tuple[float, ...] = ()
        self._fit_accuracy_range()
        # pyqtgraph drops a tick label that juts out of its axis: 0% and 100% need
        # half a line of room, in pixels, whatever the plot's height and the font's
        # (a Chinese fallback font's lines are taller: only "50%" was left).
        self.accuracy_plot.getViewBox().sigResized.connect(self._fit_accuracy_range)
        self.accuracy_plot.setXLink(self.loss_plot)
        self.train_acc_curve = pg.PlotCurveItem(pen=TRAIN_PEN, skipFiniteCheck=True)
        self.test_acc_curve = pg.PlotCurveItem(pen=TEST_PEN, skipFiniteCheck=True)
        self.accuracy_plot.addItem(self.train_acc_curve)
        self.accuracy_plot.addItem(self.test_acc_curve)

        self.log_scale = QCheckBox(self.tr("Log scale"))
        self.log_scale.setObjectName("logScaleCheck")
        self.log_scale.setToolTip(self.tr("Show the loss on a logarithmic scale"))
        self.log_scale.toggled.connect(self._on_log_scale)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.legend)
        layout.addWidget(self.loss_plot, 3)
        layout.addWidget(self.accuracy_plot, 2)
        layout.addWidget(self.log_scale)
        self._has_test = True
        self._colours = ChartColours(False)
        self.reset()
        self._write_legend()

    # -- settings ----------------------------------------------------------------------

    def set_colours(self, colours: ChartColours) -> None:
        """Follow the theme."""
        self._colours = colours
        for plot in (self.loss_plot, self.accuracy_plot):
            colours.apply(plot)
        self.empty_hint.setColor(colours.foreground)
        self._write_legend()

    def set_data(self, data: TrainingData) -> None:
        """Show the plots that ``data`` has: accuracy for classification only, a test
        curve only with test data."""
        has_accuracy = data.task != "regression"
        self.accuracy_plot.setVisible(has_accuracy)
        # The epoch axis is labelled once, under the lowest plot (the x axes are linked).
        self.loss_plot.setLabel("bottom", None if has_accuracy else self.tr("epoch"))
        self.loss_plot.getAxis("bottom").showLabel(not has_accuracy)
        self.loss_plot.getAxis("bottom").setStyle(showValues=not has_accuracy)
        self._has_test = len(data.X_test) > 0
        self._write_legend()

    def _write_legend(self) -> None:
        # A line of text above the plot: a legend inside it covered the curves' start.
        entries = [(POSITIVE.name(), "━━", self.tr("training data"))]
        if self._has_test:
            entries.append((NEGATIVE.name(), "╍╍", self.tr("test data")))
        text = " &nbsp;&nbsp; ".join(
            f"<span style='color:{colour}'>{line}</span>&nbsp;{name}"
            for colour, line, name in entries
        )
        self.legend.setText(text)

    def mark_divergence(self, epoch: int) -> None:
        """Mark the epoch at which the run blew up (until the history restarts)."""
        self.blow_up.setValue(epoch)
        self.blow_up.setVisible(True)

    def _fit_accuracy_range(self, *_: object) -> None:
        """Label 0%, 50% and 100% (0% and 100% when the plot is too short for three)
        and leave half a label of room beyond 0% and 100%."""
        height = self.accuracy_plot.getViewBox().height()
        axis = self.accuracy_plot.getAxis("left")
        font = axis.style.get("tickFont") or self.accuracy_plot.font()
        # The axis measures a label as 0.8 of its line height, centred on its tick.
        label = QFontMetricsF(font).height() * 0.8 + 2
        ticks = (0.0, 0.5, 1.0) if height >= 3 * label + 4 else (0.0, 1.0)
        if ticks != self._accuracy_ticks:
            self._accuracy_ticks = ticks
            axis.setTicks([[(t, f"{t:.0%}") for t in ticks], []])
        room = max(height - label, 1.0)
        margin = min(label / 2 / room, 0.5)  # in accuracy units (1 = 100 %)
        self.accuracy_plot.setYRange(-margin, 1 + margin, padding=0)

    def _on_log_scale(self, on: bool) -> None:
        # The curves get log10 values from draw(); the axis labels them as powers.
        self.loss_plot.getAxis("left").setLogMode(False, on)
        self._y_range = None

    # -- series ------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget the drawn series (a new run, or another history)."""
        # Columns: epoch, train loss, test loss, train accuracy, test accuracy. One row
        # more than CURVE_POINTS holds the latest epoch while it is not a sampled one.
        self._h = np.full((CURVE_POINTS + 1, 5), np.nan)
        self._h_n = 0
        self._h_tail = False
        self._stride = 1
        self._h_last: EpochRecord | None = None
        self._x_range = None
        self._y_range = None
        if hasattr(self, "blow_up"):
            self.blow_up.setVisible(False)

    def _append(self, record: EpochRecord) -> None:
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

    def _new_records(self, history: list[EpochRecord]) -> list[EpochRecord]:
        """Records added since the last frame, or the whole history after a restart."""
        last = self._h_last
        if last is None or not history:
            if last is not None or self._h_n:
                self.reset()
            return list(history)
        i = len(history)
        while i > 0 and history[i - 1].epoch > last.epoch:
            i -= 1
        if i > 0 and history[i - 1] is last:
            return history[i:]
        self.reset()  # a new run, or another history (a file was opened)
        return list(history)

    def draw(self, history: list[EpochRecord]) -> None:
        """Append the new epochs of ``history`` to the curves and draw them."""
        for record in self._new_records(history):
            self._append(record)
        self._h_last = history[-1] if history else None
        count = self._h_n + self._h_tail
        h = self._h[:count]
        # After a blow-up in the first epoch the mark says what happened, not "press Play".
        self.empty_hint.setVisible(count == 0 and not self.blow_up.isVisible())
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
        last = h[-1, 0] if count else 0.0
        if self.blow_up.isVisible():
            last = max(last, self.blow_up.value())
        x_range = (0.0, nice_ceiling(max(last, 10.0)))
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
            self.empty_hint.setPos(x_range[1] / 2, 0.5 if not self.log_scale.isChecked() else -1)
