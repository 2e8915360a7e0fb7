"""The Weight tab: the selected weight against training steps."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from neurongui.engine import Network
from neurongui.i18n import data_name, fill
from neurongui.model import Selection
from neurongui.views.chart_style import TRAIN_PEN, ChartColours, chart, plain_axes, set_y_title

__all__ = ["WEIGHT_POINTS", "WeightChart"]

#: Points kept; past that, the older half is dropped.
WEIGHT_POINTS = 2000


class WeightChart(QWidget):
    """One weight's value over the training steps, with a sentence saying which."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weight_plot = chart()
        self.weight_plot.setObjectName("weightPlot")
        self.weight_plot.setMinimumHeight(150)
        set_y_title(self.weight_plot, self.tr("weight w"))
        self.weight_plot.setLabel("bottom", self.tr("training steps"))
        plain_axes(self.weight_plot)
        self.weight_plot.showGrid(x=False, y=True, alpha=0.15)
        self.weight_curve = pg.PlotCurveItem(pen=TRAIN_PEN, skipFiniteCheck=True)
        self.weight_plot.addItem(self.weight_curve)
        self._x = np.zeros(WEIGHT_POINTS)
        self._y = np.zeros(WEIGHT_POINTS)
        self._n = 0
        self.weight_note = QLabel(self.tr("Select an edge to follow its weight."))
        self.weight_note.setObjectName("weightNote")
        self.weight_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.weight_plot)
        layout.addWidget(self.weight_note)

    def set_colours(self, colours: ChartColours) -> None:
        """Follow the theme."""
        colours.apply(self.weight_plot)

    def clear(self) -> None:
        """Forget the values recorded (another weight was selected)."""
        self._n = 0

    def record(self, value: float, steps: float | None) -> None:
        """Add ``value`` after ``steps`` training steps (None: one after the last)."""
        if steps is None:
            steps = self._x[self._n - 1] + 1 if self._n else 0
        if self._n and self._x[self._n - 1] == steps:
            self._y[self._n - 1] = value  # an edit between two steps: latest value
            return
        if self._n == WEIGHT_POINTS:  # keep the latest points: shift by half
            half = WEIGHT_POINTS // 2
            self._x[:half], self._y[:half] = self._x[half:], self._y[half:]
            self._n = half
        self._x[self._n], self._y[self._n] = steps, value
        self._n += 1

    def draw(self, selection: Selection, net: Network) -> None:
        """Draw the recorded values and say which weight they are."""
        n = self._n
        self.weight_curve.setData(self._x[:n], self._y[:n])
        s = selection
        if s.kind != "edge":
            self.weight_note.setText(self.tr("Select an edge to follow its weight."))
            return
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
