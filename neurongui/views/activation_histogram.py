"""The activation panel's histogram of z: the selected layer's z over the training set,
with the selected neuron's z marked, and a line that counts saturated units (sigmoid,
tanh and the like, f′ ≈ 0) or dead ReLUs (z ≤ 0 on every sample).

A training set of more than :data:`HISTOGRAM_SAMPLES` samples is counted over a fixed
subset, one sample in k (every k-th row from the first, k = ⌈n / HISTOGRAM_SAMPLES⌉),
and the axis says so: a forward pass over MNIST's 60,000 images took a second on the
GUI thread, at every redraw while training; over 1,000 (100,000 values of a layer of
100) it takes about 10 ms, and the histogram keeps its shape.

:class:`ZHistogram` is a part of :class:`neurongui.views.activation_plot.
ActivationPlotPanel`; its strings keep the panel's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from neurongui.engine import activations
from neurongui.engine.numbers import format_number
from neurongui.i18n import fill, keep_together, sentences
from neurongui.views.activation_curves import histogram_range
from neurongui.views.charts import settled_ceiling

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from neurongui.model import NetworkModel
from neurongui.views.chart_style import chart

__all__ = ["HISTOGRAM_SAMPLES", "ZHistogram", "histogram_rows"]

_SATURATED = 0.05  # f′(z) below this counts as saturated
_SQUASHING = ("sigmoid", "tanh", "hardtanh", "softsign")
#: The histogram's widest reach: a typed weight of 1e308 must not ask for 40 bins
#: over ±1e308 (their width overflows); values beyond it fill the end bins.
_Z_LIMIT = 1e6
#: The most training samples the histogram counts (a fixed subset past it).
HISTOGRAM_SAMPLES = 1000


def histogram_rows(n: int) -> tuple[slice, int]:
    """The rows of a training set of ``n`` samples the histogram counts, and one in
    how many that is: every row up to :data:`HISTOGRAM_SAMPLES`, else every k-th."""
    step = max(-(-n // HISTOGRAM_SAMPLES), 1)
    return slice(0, n, step), step


class ZHistogram:
    """The z histogram of :class:`~neurongui.views.activation_plot.ActivationPlotPanel`."""

    # Set up by the panel.
    model: NetworkModel
    histogram_label: QLabel
    _marker: tuple[float, float] | None

    def _build_histogram(self) -> None:
        self.hist_plot = chart()
        self.hist_plot.setObjectName("zHistogramPlot")
        # Set once: changing an axis title while the plot redraws crashed pyqtgraph now
        # and then in the test suite; what is counted is said in the note below instead.
        self.hist_plot.setLabel(
            "bottom", QCoreApplication.translate("ActivationPlotPanel", "z of the selected layer")
        )
        self.hist_plot.setMinimumHeight(110)
        self._hist_ticks: tuple[float, ...] = ()
        self.hist_curve = self.hist_plot.plot(
            [0.0, 1.0], [0.0], stepMode="center", fillLevel=0, brush=(70, 130, 200, 150)
        )
        self.hist_marker = pg.InfiniteLine(0, angle=90, pen=pg.mkPen((230, 60, 40), width=2))
        self.hist_plot.addItem(self.hist_marker)
        # Axis ranges, kept while the data move within them (see settled_ceiling).
        self._reach: float | None = None
        self._top: float | None = None

    def _draw_histogram(self, layer: int | None, neuron: int) -> None:
        X = self.model.data.X_train
        if layer is None or len(X) == 0:
            self.hist_curve.setData([0.0, 1.0], [0.0], stepMode="center")
            self.hist_curve.setVisible(False)  # an empty plot, not a line of zeros
            self.hist_marker.setVisible(False)
            self.hist_plot.setXRange(-5, 5, padding=0.02)
            self.hist_plot.setYRange(0, 1, padding=0.02)
            self._set_hist_ticks(1.0)
            self.histogram_label.setText(
                keep_together(
                    QCoreApplication.translate(
                        "ActivationPlotPanel", "Select a neuron to see its layer's z values."
                    )
                )
            )
            return
        net = self.model.network
        rows, step = histogram_rows(len(X))
        counted = self._counted(len(X), step)
        with np.errstate(all="ignore"):
            zs = net.forward_trace(self.model.data.inputs("train", rows))[layer][0]
        finite = np.clip(zs[np.isfinite(zs)], -_Z_LIMIT, _Z_LIMIT)
        counts, edges = np.histogram(finite, bins=40, range=histogram_range(finite))
        self.hist_curve.setData(edges, counts, stepMode="center")
        self.hist_curve.setVisible(True)
        # Ranges in nice steps: the axes are laid out again only when the data outgrow them.
        self._reach = settled_ceiling(max(abs(edges[0]), abs(edges[-1])), self._reach)
        self._top = settled_ceiling(max(int(counts.max()), 1), self._top)
        self.hist_plot.setXRange(-self._reach, self._reach, padding=0.02)
        self.hist_plot.setYRange(0, self._top, padding=0.02)
        self._set_hist_ticks(self._top)
        self._move_histogram_marker()
        note = self._histogram_note(net.layers[layer].activation, zs)
        if len(finite) < zs.size:
            note += " " + fill(
                QCoreApplication.translate(
                    "ActivationPlotPanel", "(%1 values overflowed to ±∞ or NaN and are not counted)"
                ),
                str(zs.size - len(finite)),
            )
        self.histogram_label.setText(keep_together(sentences(counted, note)))

    def _move_histogram_marker(self) -> None:
        """Put the marker at the sample's z (the counts stay as they are)."""
        z = self._marker[0] if self._marker is not None else float("nan")
        reach = self._reach if self._reach is not None else _Z_LIMIT
        self.hist_marker.setValue(float(np.clip(z, -reach, reach)))
        self.hist_marker.setVisible(bool(np.isfinite(z)) and self.hist_curve.isVisible())

    @staticmethod
    def _counted(n: int, step: int) -> str:
        """What the histogram counts: the training set, or one sample in ``step`` of it."""
        if step == 1:
            return QCoreApplication.translate("ActivationPlotPanel", "Over the training set.")
        return fill(
            QCoreApplication.translate(
                "ActivationPlotPanel", "Over %1 of %2 training samples (1 in %3)."
            ),
            f"{len(range(0, n, step)):,}",
            f"{n:,}",
            str(step),
        )

    def _set_hist_ticks(self, top: float) -> None:
        """Label the counts axis at 0, half way and the top only: six labels were
        crammed into the short strip."""
        ticks = (0.0, top / 2, top)
        if ticks != self._hist_ticks:
            self._hist_ticks = ticks
            labels = [(t, format_number(t)) for t in ticks]
            self.hist_plot.getAxis("left").setTicks([labels, []])

    def _histogram_note(self, act: activations.Activation, zs: np.ndarray) -> str:
        """How many values saturate, or how many ReLUs are dead, in words."""
        if act.name in _SQUASHING:
            with np.errstate(all="ignore"):  # NaN z: neither saturated nor not
                share = float(np.mean(act.derivative(zs) < _SATURATED))
            return fill(
                QCoreApplication.translate(
                    "ActivationPlotPanel", "Saturated (f′(z) < 0.05): %1% of the values"
                ),
                f"{100 * share:.1f}",
            )
        if act.name == "relu":
            dead = int(np.sum(np.all(zs <= 0, axis=0)))
            return fill(
                QCoreApplication.translate(
                    "ActivationPlotPanel", "Dead ReLUs (z ≤ 0 on every sample): %1 of %2"
                ),
                str(dead),
                str(zs.shape[1]),
            )
        return fill(
            QCoreApplication.translate("ActivationPlotPanel", "z over %1 training samples"),
            str(len(zs)),
        )
