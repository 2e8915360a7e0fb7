"""The *Why* tab of lesson 6: why the square loss learns slowly through a softmax.

A network that gives the true class a small p and is sure of a wrong one gets from
cross-entropy the gradient ∂L/∂z_true = p − 1, from the square loss one many times
smaller (the softmax's slope p(1 − p) is tiny near 0 and 1). The tab puts numbers on it
for a chosen p and for the selected flower, all from the engine's losses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QWidget

from neurongui.engine import activations as engine_activations
from neurongui.engine import losses
from neurongui.i18n import fill
from neurongui.lessons.base import NumberTable, format_number, rich_label
from neurongui.lessons.widgets import page, plot_widget

if TYPE_CHECKING:
    from neurongui.lessons.softmax import SoftmaxLesson

__all__ = ["COMPARED", "RUN_COLOURS", "SPARE", "WhyPage", "gradient_at", "hypothetical_outputs"]

#: The losses compared, in the order of the plots and the tables.
COMPARED = ("cross_entropy", "mse")
#: Colours of the runs (cross-entropy, square loss).
RUN_COLOURS = ((8, 119, 189), (245, 147, 34))
#: What the two other classes get in the "confidently wrong" example: the rest of the
#: probability goes to one wrong class, SPARE to the other, p = (p, 1 − SPARE − p, SPARE).
SPARE = 0.01


def hypothetical_outputs(p_true: float) -> tuple[np.ndarray, np.ndarray]:
    """z and one-hot y of a three-class output that gives the true class (0) ``p_true``.

    The other classes get ``1 − SPARE − p_true`` and ``SPARE``: for a small ``p_true``
    the network is sure of the wrong class 1. z = ln p, so softmax(z) = p.
    """
    p = np.array([p_true, 1.0 - SPARE - p_true, SPARE])
    return np.log(p), np.array([1.0, 0.0, 0.0])


def gradient_at(z: np.ndarray, y: np.ndarray, loss: str) -> tuple[float, np.ndarray]:
    """The loss and ∂L/∂z of one sample with a softmax output, from the engine."""
    softmax = engine_activations.get("softmax")
    fn = losses.get(loss)
    a = softmax.forward(z[None, :])
    return fn.value(a, y[None, :]), fn.output_delta(z[None, :], a, y[None, :], softmax)[0]


class WhyPage(QObject):
    """The page of the Why tab and the numbers it shows."""

    def __init__(self, lesson: SoftmaxLesson):
        super().__init__(lesson)
        self.lesson = lesson

    def build(self) -> QWidget:
        """The page: p_true to choose, the reason in numbers, a table and a plot."""
        self.p_box = QDoubleSpinBox()
        self.p_box.setObjectName("pTrueBox")
        self.p_box.setRange(0.001, 1.0 - 2 * SPARE)
        self.p_box.setDecimals(3)
        self.p_box.setSingleStep(0.01)
        self.p_box.setValue(0.01)
        self.p_box.setToolTip(self.tr("Probability the network gives the true class"))
        self.p_box.setAccessibleName(self.tr("p of the true class"))
        self.p_box.valueChanged.connect(self.show)
        form = QFormLayout()
        form.addRow(self.tr("p of the true class"), self.p_box)
        top = QWidget()
        top.setLayout(form)
        self.why_label = rich_label("whyLabel")
        self.why_table = NumberTable(
            "gradientTable",
            [self.tr("loss"), "L", "∂L/∂z_true"],
            2,
            self.tr("∂L/∂z of the true class with each loss"),
        )
        self.why_plot = plot_widget(
            "gradientPlot", self.tr("p of the true class"), "|∂L/∂z_true|", 130
        )
        self.why_plot.setXRange(0, 1, padding=0.02)
        self.why_plot.addLegend(offset=(-8, 8))
        grid = np.linspace(0.001, 1.0 - 2 * SPARE, 120)
        for colour, loss, name in zip(RUN_COLOURS, COMPARED, self.lesson.loss_names(), strict=True):
            values = [abs(gradient_at(*hypothetical_outputs(p), loss)[1][0]) for p in grid]
            self.why_plot.plot(grid, values, pen=pg.mkPen(colour, width=2), name=name)
        self.why_marker = pg.ScatterPlotItem(size=10, pen=pg.mkPen("k"), brush=(230, 60, 40))
        self.why_plot.addItem(self.why_marker)
        self.this_flower_label = rich_label("thisFlowerGradientLabel")
        return page(top, self.why_label, self.why_table, self.why_plot, self.this_flower_label)

    # -- why --------------------------------------------------------------------------

    def why_numbers(self) -> list[tuple[float, float]]:
        """(L, ∂L/∂z_true) of the confidently wrong example, for each compared loss."""
        z, y = hypothetical_outputs(self.p_box.value())
        return [
            (value, float(delta[0])) for value, delta in (gradient_at(z, y, k) for k in COMPARED)
        ]

    def show(self) -> None:
        """The numbers of the confidently wrong example for the chosen p_true."""
        p_true = self.p_box.value()
        numbers = self.why_numbers()
        names = self.lesson.loss_names()
        self.why_table.set_rows([[name, *row] for name, row in zip(names, numbers, strict=True)])
        self.why_marker.setData([p_true, p_true], [abs(numbers[0][1]), abs(numbers[1][1])])
        ce, mse = numbers[0][1], numbers[1][1]
        text = self.tr(
            "The network gives the true class p = %1 and is sure of a wrong one: "
            "p = (%1, %2, %3). With cross-entropy ∂L/∂z<sub>true</sub> = p − 1 = %4; "
            "with the square loss only %5, %6 times smaller, because the softmax's "
            "slope ∂p/∂z = p(1 − p) is tiny where p is near 0 or 1. A small gradient "
            "means a small step: the square loss hardly corrects its worst mistakes."
        )
        self.why_label.setText(
            fill(
                text,
                format_number(p_true),
                format_number(1 - SPARE - p_true),
                format_number(SPARE),
                format_number(ce),
                format_number(mse),
                format_number(ce / mse) if mse else "∞",
            )
        )

    def this_flower_gradients(self) -> tuple[float, float, float]:
        """p_true and ∂L/∂z_true of the selected flower with cross-entropy and square loss,
        by the engine's backpropagation through the live network."""
        x = self.lesson.model.sample[None, :]
        y = self.lesson.model.data.Y_train[self.lesson.model.sample_index][None, :]
        t = int(y.argmax())
        p = self.lesson.network.forward(x)[0, t]
        ce, mse = (self.lesson.network.backprop(x, y, loss).deltas[-1][0, t] for loss in COMPARED)
        return float(p), float(ce), float(mse)

    def show_this_flower(self) -> None:
        """The gradients of the selected flower, for comparison."""
        p, ce, mse = self.this_flower_gradients()
        self.this_flower_label.setText(
            fill(
                self.tr(
                    "The selected flower: p<sub>true</sub> = %1, ∂L/∂z<sub>true</sub> = %2 "
                    "with cross-entropy and %3 with the square loss."
                ),
                format_number(p),
                format_number(ce),
                format_number(mse),
            )
        )
