"""The chosen sample and the student's own input, marked on the Output tab.

The window computes with one input at a time (the model's ``sample``): a training
sample, or the student's own input (a *probe*). The Output tab shows where it is:

* on the output map and on the curve y(x): a ring around the chosen sample, or a
  cross (✕) at the probe, drawn black and white so that they show on orange, blue
  and white, in the light and the dark theme;
* on a confusion matrix: an outline around the cell the chosen sample falls in (its
  true class, the class the network chooses); a probe has no true class, so none.

A line under the plot says what the mark is and what a click or a drag does there
(:mod:`~neurongui.views.map_pointer` handles the mouse). Coordinates on the plot are
the data's own (a file's units), while the network sees its inputs: the functions
:func:`plot_point` and :func:`network_input` convert between the two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QBoxLayout, QGraphicsRectItem, QLabel

from neurongui.engine import Network
from neurongui.engine.features import compute_features
from neurongui.engine.numbers import format_number
from neurongui.engine.session import TrainingData
from neurongui.i18n import data_name, fill, keep_together, sentences
from neurongui.model import NetworkModel
from neurongui.views.sample_panel import target_text

if TYPE_CHECKING:
    from neurongui.views.chart_output import OutputChart

__all__ = ["CROSS_SIZE", "PROBE_COLOUR", "SampleMarks", "network_input", "plot_kind", "plot_point"]

#: The probe's cross: a magenta that neither the orange nor the blue of the map uses.
PROBE_COLOUR = QColor(214, 39, 140)
_RING_SIZE = 18
#: The cross's size in pixels.
CROSS_SIZE = 20


def plot_kind(data: TrainingData) -> str:
    """What the Output tab draws for ``data``: ``"map"`` (2-D points), ``"table"`` (a
    file's two columns), ``"fit"`` (one input), ``"confusion"`` or ``""``."""
    if data.is_2d:
        return "map"
    if data.task == "multiclass":
        return "confusion"
    if data.X_train.shape[1] == 2 and data.task == "binary":
        return "table"
    if data.X_train.shape[1] == 1:
        return "fit"
    return ""


def _units(data: TrainingData) -> tuple[np.ndarray | float, np.ndarray | float]:
    """The mean and scale that turn a network input back into the file's units."""
    mean = 0.0 if data.input_mean is None else np.asarray(data.input_mean)
    scale = 1.0 if data.input_scale is None else np.asarray(data.input_scale)
    return mean, scale


def network_input(data: TrainingData, net: Network, x: float, y: float) -> np.ndarray:
    """The network's inputs for the plot's point (``x``, ``y``): the features of a
    point of the plane, or a file's values standardised as the data were (the curve
    plot reads ``x`` only)."""
    kind = plot_kind(data)
    if kind == "map":
        return compute_features(np.array([[x, y]]), net.input_names)[0]
    mean, scale = _units(data)
    raw = np.array([x, y]) if kind == "table" else np.array([x])
    return (raw - mean) / scale


def plot_point(
    data: TrainingData, net: Network, inputs: np.ndarray, hint: tuple[float, float] | None = None
) -> tuple[float, float] | None:
    """Where the network inputs ``inputs`` lie on the plot, or None if they cannot be
    placed (features such as x₁² alone do not say where the point was).

    ``hint`` is the point ``inputs`` were made from, if known: it is used as long as
    it still gives the same inputs (the features of a point dragged on the map).
    """
    kind = plot_kind(data)
    if kind == "map":
        if hint is not None and np.allclose(network_input(data, net, *hint), inputs):
            return hint
        names = list(net.input_names)
        if "x₁" in names and "x₂" in names:
            return float(inputs[names.index("x₁")]), float(inputs[names.index("x₂")])
        return None
    mean, scale = _units(data)
    raw = np.asarray(inputs) * scale + mean
    if kind == "table":
        return float(raw[0]), float(raw[1])
    if kind == "fit":
        with np.errstate(all="ignore"):
            y = float(net.forward(np.asarray(inputs, dtype=float)[None, :])[0, 0])
        return float(raw[0]), y
    return None


def _outlined(symbol: str, size: int, inner: QColor | None) -> list[pg.ScatterPlotItem]:
    """A mark drawn twice, black under white (or ``inner``): it shows on any colour."""
    items = []
    for colour, width in ((QColor(0, 0, 0), 5.0), (QColor(255, 255, 255), 2.5)):
        brush = pg.mkBrush(inner) if inner is not None and width < 5 else None
        item = pg.ScatterPlotItem(
            size=size,
            symbol=symbol,
            pen=pg.mkPen(colour, width=width),
            brush=brush if brush is not None else pg.mkBrush(None),
        )
        item.setZValue(30 if width < 5 else 29)  # over the samples
        items.append(item)
    return items


class SampleMarks(QObject):
    """The ring, the cross and the cell outline on ``chart``, following ``model``."""

    def __init__(self, chart: OutputChart, model: NetworkModel) -> None:
        super().__init__(chart)
        self.chart, self.model = chart, model
        plot = chart.output_plot
        self.ring = _outlined("o", _RING_SIZE, None)
        self.cross = _outlined("x", CROSS_SIZE, PROBE_COLOUR)
        self.cell = [QGraphicsRectItem(), QGraphicsRectItem()]
        for item, (colour, width) in zip(
            self.cell, ((QColor(0, 0, 0), 5.0), (QColor(255, 255, 255), 2.5)), strict=True
        ):
            pen = QPen(colour, width)
            pen.setCosmetic(True)  # pixels, whatever the cells' size
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            item.setPen(pen)
            item.setZValue(30 if width < 5 else 29)
        for item in (*self.ring, *self.cross, *self.cell):
            item.setVisible(False)
            plot.addItem(item)
        #: The plot point a probe was last made from (features alone may not say it).
        self.probe_hint: tuple[float, float] | None = None
        #: Where the ring, the cross and the cell outline are (None: not shown).
        self.ring_at: tuple[float, float] | None = None
        self.cross_at: tuple[float, float] | None = None
        self.cell_at: tuple[int, int] | None = None
        self.note = QLabel()
        self.note.setObjectName("sampleMarkNote")
        self.note.setWordWrap(True)
        layout = chart.layout()
        assert isinstance(layout, QBoxLayout)  # the Output tab's column
        layout.insertWidget(layout.indexOf(chart.output_note) + 1, self.note)
        model.sampleChanged.connect(self.refresh)
        model.dataChanged.connect(self._on_data_change)
        chart.drawn.connect(self.refresh)
        chart.editToolChanged.connect(self.refresh)
        self.refresh()

    def _on_data_change(self) -> None:
        self.probe_hint = None
        self.refresh()

    # -- marks -------------------------------------------------------------------------

    def show_cross(self, point: tuple[float, float] | None) -> None:
        """Put the probe's cross at ``point`` (None: hide it), the ring away."""
        self.cross_at = point
        for item in self.cross:
            item.setVisible(point is not None)
            if point is not None:
                item.setData([point[0]], [point[1]])
        if point is not None:
            self._show_ring(None)

    def _show_ring(self, point: tuple[float, float] | None) -> None:
        self.ring_at = point
        for item in self.ring:
            item.setVisible(point is not None)
            if point is not None:
                item.setData([point[0]], [point[1]])

    def _show_cell(self, cell: tuple[int, int] | None, k: int) -> None:
        self.cell_at = cell
        for item in self.cell:
            item.setVisible(cell is not None)
            if cell is not None:
                true, chosen = cell
                # Rows run from the top; inset, so the plot's edge does not cut it.
                item.setRect(QRectF(chosen + 0.03, k - true - 0.97, 0.94, 0.94))

    def refresh(self) -> None:
        """Mark the model's sample (or probe) on the plot the chart shows, and say so."""
        model, data, net = self.model, self.model.data, self.model.network
        kind = plot_kind(data)
        probe, index = model.probe, model.sample_index
        self._show_ring(None)
        self.show_cross(None)
        self._show_cell(None, 0)
        if probe is None and not len(data.X_train):  # every sample erased: nothing to mark
            self.note.setText("")
            self.note.setVisible(False)
            return
        with np.errstate(all="ignore"):
            if kind in ("map", "table", "fit"):
                if probe is not None:
                    self.show_cross(plot_point(data, net, probe, self.probe_hint))
                else:
                    self._show_ring(self._sample_point(kind, index))
            elif kind == "confusion" and probe is None:
                out = net.forward(data.inputs("train", index)[None, :])[0]
                k = len(out)
                self._show_cell((int(np.argmax(data.Y_train[index])), int(np.argmax(out))), k)
        self.note.setText(self._note_text(kind, probe, index))
        self.note.setVisible(bool(self.note.text()))

    def _sample_point(self, kind: str, index: int) -> tuple[float, float]:
        """Where training sample ``index``'s dot is: on the curve plot at its target."""
        data = self.model.data
        if kind == "map":
            assert data.points_train is not None
            x, y = data.points_train[index]
            return float(x), float(y)
        mean, scale = _units(data)
        raw = data.X_train[index] * scale + mean
        if kind == "fit":
            return float(raw[0]), float(data.Y_train[index, 0])
        return float(raw[0]), float(raw[1])

    # -- the note ----------------------------------------------------------------------

    def _note_text(self, kind: str, probe: np.ndarray | None, index: int) -> str:
        model, data = self.model, self.model.data
        if kind == "confusion":
            if probe is not None or self.cell_at is None:
                return ""
            names = [data_name(n) for n in data.dataset.class_names]
            true, chosen = self.cell_at
            return keep_together(
                fill(
                    self.tr(
                        "Outlined cell: where sample %1 of the training data falls "
                        "(true class %2, the network chooses %3)."
                    ),
                    index + 1,
                    names[true],
                    names[chosen],
                )
            )
        if kind not in ("map", "table", "fit"):
            return ""
        if probe is None:
            out = float(model.network.forward(model.sample[None, :])[0, 0])
            text = fill(
                self.tr("○ Sample %1 (target %2): the network says %3."),
                index + 1,
                target_text(data, index),
                format_number(out),
            )
            if self.chart.edit_tool is None:  # (while editing points, a click adds one)
                hint = self.tr(
                    "Click another dot to choose it; drag a dot to try your own input there."
                )
                text = sentences(text, hint)
            return keep_together(text)
        point = self.cross_at
        if point is None:
            return self.tr("Your own input cannot be placed on this plot.")
        out = float(model.network.forward(probe[None, :])[0, 0])
        names = [data_name(n) for n in data.dataset.feature_names] or ["x₁", "x₂"]
        where = ", ".join(
            f"{name} = {format_number(v)}"
            for name, v in zip(names, point[: 1 if kind == "fit" else 2], strict=False)
        )
        text = fill(
            self.tr("✕ Your own input at %1: the network says %2."), where, format_number(out)
        )
        outside = self.tr(
            "It lies outside the training data: the network has never seen such inputs."
        )
        return keep_together(
            sentences(
                text,
                outside if self._outside(point, kind) else "",
                self.tr("Drag the ✕ to move it; click a dot to go back to the data."),
            )
        )

    def _outside(self, point: tuple[float, float], kind: str) -> bool:
        """True if ``point`` lies outside the box the training samples span."""
        data = self.model.data
        if kind == "map":
            assert data.points_train is not None
            raw = data.points_train
        else:
            mean, scale = _units(data)
            raw = data.X_train * scale + mean
        n = 1 if kind == "fit" else 2
        if not len(raw):  # every point erased: the network has seen no input at all
            return True
        lo, hi = raw.min(axis=0)[:n], raw.max(axis=0)[:n]
        p = np.asarray(point[:n])
        return bool(np.any(p < lo) or np.any(p > hi))
