"""Lesson 2, the bias is a negative threshold: step(w·x − h) is step(w·x + b) with b = −h.

A step unit fires when its weighted sum reaches a threshold h. Moving h with a
slider sets the unit's bias to −h (an undoable edit); a plot of the output against
the weighted sum shows the step moving, with the four inputs of a logic gate on it.
The task: place the threshold so the unit computes AND, or OR.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine import Network
from neurongui.engine.config import TrainingConfig
from neurongui.engine.edits import SetBias
from neurongui.engine.refs import EdgeRef
from neurongui.i18n import fill
from neurongui.lessons.base import Lesson, NumberTable, ValueBox, format_number, rich_label
from neurongui.lessons.widgets import follow_theme, plot_widget
from neurongui.undo import new_gesture

__all__ = ["LESSON", "BiasThresholdLesson"]

INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
#: Truth tables of the gates the task asks for, in the order of INPUTS.
GATES = {"AND": np.array([0.0, 0.0, 0.0, 1.0]), "OR": np.array([0.0, 1.0, 1.0, 1.0])}
#: The slider moves h over [H_MIN, H_MAX] in steps of 1/H_TICKS.
H_MIN, H_MAX, H_TICKS = -1.0, 3.0, 20
_FIRE, _SILENT = "#1a9641", "#d7301f"


class BiasThresholdLesson(Lesson):
    """A step unit seen two ways: w·x ≥ h, and w·x + b ≥ 0 with b = −h."""

    key = "bias_threshold"
    asks = True
    sizes = (2, 1)
    fill_body = True

    def network_and_config(self) -> tuple[Network, TrainingConfig]:
        net = Network([2, 1], activations="step", init="zeros")
        net.set_weight(0, 0, 0, 1.0)
        net.set_weight(0, 0, 1, 1.0)
        net.set_bias(0, 0, -2.5)  # h = 2.5: the unit never fires on the gate's inputs
        return net, TrainingConfig(dataset="and", loss="mse", test_fraction=0.0)

    @property
    def threshold(self) -> float:
        """h = −b."""
        return -self.network.get_bias(0, 0)

    def build(self, body: QVBoxLayout) -> None:
        self.boxes = [
            ValueBox(self, EdgeRef(0, 0, 0), "w1Box"),
            ValueBox(self, EdgeRef(0, 0, 1), "w2Box"),
        ]
        weights = QHBoxLayout()  # both weights on one line: the plot gets the height
        for box, name in zip(self.boxes, ("w₁", "w₂"), strict=True):
            label = QLabel(name)
            label.setBuddy(box)
            weights.addWidget(label)
            weights.addWidget(box, 1)
        form = QFormLayout()
        form.addRow(self.tr("Weights"), weights)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("thresholdSlider")
        self.slider.setRange(round(H_MIN * H_TICKS), round(H_MAX * H_TICKS))
        self.slider.setToolTip(self.tr("Move the threshold h; the bias becomes b = −h"))
        self.slider.setAccessibleName(self.tr("Threshold h"))
        self.slider.sliderPressed.connect(self._new_gesture)
        self.slider.valueChanged.connect(self._on_slider_change)
        self._gesture = new_gesture()
        self.h_label = QLabel()
        self.h_label.setMinimumWidth(self.h_label.fontMetrics().horizontalAdvance("h = −0.55"))
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.h_label)
        form.addRow(self.tr("Threshold h"), row)
        self.gate = QComboBox()
        self.gate.setObjectName("gateCombo")
        self.gate.addItems(list(GATES))
        self.gate.setToolTip(self.tr("The gate the unit should compute"))
        form.addRow(self.tr("Target gate"), self.gate)
        body.addLayout(form)
        body.addWidget(self._make_plot(), 1)
        self.table = NumberTable(
            "gateTable",
            ["x₁", "x₂", "w·x", "w·x + b", "y"],
            len(INPUTS),
            self.tr("The four inputs with their weighted sum and output"),
        )
        body.addWidget(self.table)
        self.rule = rich_label("ruleLabel")
        body.addWidget(self.rule)
        follow_theme(self, [self.plot], self._recolour)

    def essentials(self) -> list[QWidget]:
        return [*super().essentials(), *self.boxes, self.slider, self.gate, self.plot]

    def _make_plot(self) -> pg.PlotWidget:
        self.plot = plot = plot_widget(
            "stepPlot", self.tr("weighted sum w·x"), self.tr("output y"), 150
        )
        plot.setXRange(H_MIN - 0.5, H_MAX + 0.5, padding=0)
        plot.setYRange(-0.2, 1.35, padding=0)
        plot.setMouseEnabled(False, False)
        plot.addLegend(offset=(8, 8))
        self.step_curve = plot.plot(pen=pg.mkPen("#2166ac", width=2), name=self.tr("step(w·x − h)"))
        self.h_line = pg.InfiniteLine(angle=90, label="h", labelOpts={"position": 0.12})
        plot.addItem(self.h_line)
        self.points = pg.ScatterPlotItem(size=11)
        plot.addItem(self.points)
        self.point_labels = [pg.TextItem(anchor=(0.5, 1.3)) for _ in INPUTS]
        for label in self.point_labels:
            plot.addItem(label)
        return plot

    def _recolour(self, dark: bool) -> None:
        # The labels in the text colour, not a pale grey: readable on a projector.
        text = (235, 235, 235) if dark else (20, 20, 20)
        line = (200, 200, 200) if dark else (60, 60, 60)
        self.h_line.setPen(pg.mkPen(line, width=1.5, style=Qt.PenStyle.DashLine))
        self.h_line.label.setColor(text)
        font = self.h_line.label.textItem.font()
        font.setBold(True)
        self.h_line.label.setFont(font)
        for label in self.point_labels:
            label.setColor(text)

    def _new_gesture(self) -> None:
        self._gesture = new_gesture()

    def _on_slider_change(self, ticks: int) -> None:
        h = ticks / H_TICKS
        if not self.slider.isSliderDown():
            self._gesture = new_gesture()  # keyboard or a click on the groove: its own step
        self.push(
            SetBias(0, 0, -h),
            fill(self.tr("Set the threshold to %1"), f"{h:g}"),
            self._gesture,
        )

    def outputs(self) -> tuple[np.ndarray, np.ndarray]:
        """w·x and y = step(w·x + b) of the four inputs, from the engine."""
        weights = self.network.layers[0].weights[0]
        return INPUTS @ weights, self.network.forward(INPUTS)[:, 0]

    def refresh(self) -> None:
        for box in self.boxes:
            box.sync()
        h, b = self.threshold, self.network.get_bias(0, 0)
        with QSignalBlocker(self.slider):  # a typed bias of 1e308: the slider's end
            self.slider.setValue(round(min(max(h, H_MIN), H_MAX) * H_TICKS))
        self.h_label.setText(f"h = {format_number(h)}")
        with np.errstate(over="ignore", invalid="ignore"):  # typed values of 1e308
            s, y = self.outputs()
            rows = [[*x, si, si + b, yi] for x, si, yi in zip(INPUTS, s, y, strict=True)]
        self.table.set_rows(rows)
        lo, hi = H_MIN - 0.5, H_MAX + 0.5
        edge = min(max(h, lo), hi)
        self.step_curve.setData([lo, edge, edge, hi], [0.0, 0.0, 1.0, 1.0] if h > lo else [1] * 4)
        self.h_line.setValue(edge)  # at the edge of the plot when h is off it
        brushes = [pg.mkBrush(_FIRE if yi else _SILENT) for yi in y]
        self.points.setData(x=s, y=y, brush=brushes)
        self._label_points(s, y)
        self.rule.setText(
            fill(
                self.tr(
                    "Threshold form: y = 1 when w·x ≥ h = %1.<br>"
                    "Bias form: y = step(w·x + b) with b = −h = %2: the same unit."
                ),
                format_number(h),
                format_number(b),
            )
        )

    def _label_points(self, s: np.ndarray, y: np.ndarray) -> None:
        # Inputs with the same weighted sum sit on one point: one label names them all.
        groups: dict[tuple[float, float], list[str]] = {}
        for x, si, yi in zip(INPUTS, s, y, strict=True):
            groups.setdefault((float(si), float(yi)), []).append(f"({x[0]:g}, {x[1]:g})")
        labels = iter(self.point_labels)
        for (si, yi), names in groups.items():
            label = next(labels)
            label.setText(" ".join(names))
            label.setPos(si, yi)
        for label in labels:
            label.setText("")

    def check(self) -> tuple[bool, str]:
        name = self.gate.currentText()
        sums, y = self.outputs()
        target = GATES[name]
        # Every h above the largest sum that must stay silent and at most the smallest
        # that must fire works: the answer to the task's "which values of h?".
        silent, fires = float(sums[target == 0].max()), float(sums[target == 1].min())
        if np.array_equal(y, target):
            text = self.tr(
                "Right: with h = %1 (b = %2) the unit computes %3. Every h with "
                "<nobr>%6 &lt; h ≤ %7</nobr> works: above the largest weighted sum that must "
                "stay silent, at most the smallest that must fire."
            )
            ok = True
        else:
            text = self.tr(
                "Not yet: the unit's outputs are %4 but %3 needs %5. "
                "Move h between the weighted sums that should stay silent and those that "
                "should fire (h = %1 now, b = %2)."
            )
            ok = False
        return ok, (
            fill(
                text,
                format_number(self.threshold),
                format_number(-self.threshold),
                name,
                " ".join(f"{v:g}" for v in y),
                " ".join(f"{v:g}" for v in target),
                format_number(silent),
                format_number(fires),
            )
        )


LESSON = BiasThresholdLesson
