"""The loss surface of a real network: L over two chosen weights, with the path the
training took across it.

The student picks two weights (from the list, or the edge selected on the diagram);
the grid around their current values is computed on a worker thread, row by row
(:func:`neurongui.engine.surface.surface_rows`), within a time budget: what is done
by then is shown, and the note says so. While the panel is open, every new pair of
values the two weights take (training, an edit) is added to the path.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine.numbers import format_number
from neurongui.engine.refs import EdgeRef, check_ref
from neurongui.engine.surface import Surface, grid_around, surface_rows
from neurongui.i18n import error_text, fill, keep_together, sentences
from neurongui.model import NetworkModel
from neurongui.views.chart_style import ChartColours, chart

__all__ = ["LossSurfacePanel", "SurfaceThread"]

#: Grid points per side.
STEPS = 41
#: The most edges listed in a weight list (a 784-input layer has tens of thousands).
MAX_LISTED = 400
#: Seconds a surface may take before what is done is shown as it is.
BUDGET_S = 10.0


class SurfaceThread(QThread):
    """Computes a surface row by row off the GUI thread; stops when asked or when the
    time budget runs out. A thin shell: the work is :func:`surface_rows`."""

    #: The surface after each row.
    progressed = Signal(object)
    #: The surface at the end: complete (True) or stopped early (False).
    ended = Signal(object, bool)
    #: The translated message of an error (nothing dies silently).
    failed = Signal(str)

    def __init__(
        self,
        rows: Iterator[tuple[int, Surface]],
        budget_s: float = BUDGET_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self._rows, self._budget, self._clock = rows, budget_s, clock
        self._stop = False

    def stop(self) -> None:
        """Ask the thread to stop after the current row."""
        self._stop = True

    def run(self) -> None:
        start = self._clock()
        surface: Surface | None = None
        try:
            for _, surface in self._rows:
                self.progressed.emit(surface)
                if self._stop or self._clock() - start > self._budget:
                    break
            if surface is not None:
                self.ended.emit(surface, surface.done)
        except Exception as exc:  # reported to the student, never a silent stop
            self.failed.emit(error_text(exc))
        finally:
            close = getattr(self._rows, "close", None)
            if close is not None:  # finish the generator on its own thread
                close()


class LossSurfacePanel(QWidget):
    """Two weight lists, a range, Compute, and the surface with the training path."""

    def __init__(self, model: NetworkModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lossSurfacePanel")
        self.model = model
        self.thread_: SurfaceThread | None = None
        self.surface: Surface | None = None
        self.path: list[tuple[float, float]] = []
        self.first, self.second = QComboBox(), QComboBox()
        self.first.setObjectName("surfaceFirst")
        self.second.setObjectName("surfaceSecond")
        self.span = QDoubleSpinBox()
        self.span.setObjectName("surfaceSpan")
        self.span.setRange(0.1, 50.0)
        self.span.setValue(3.0)
        self.span.setPrefix("± ")
        self.compute_button = QPushButton(self.tr("Compute"))
        self.compute_button.setObjectName("surfaceCompute")
        self.compute_button.clicked.connect(self.compute)
        use_a = QPushButton(self.tr("Use selected"))
        use_b = QPushButton(self.tr("Use selected"))
        use_a.clicked.connect(lambda: self.use_selected(self.first))
        use_b.clicked.connect(lambda: self.use_selected(self.second))
        form = QFormLayout()
        for label, box, button in (
            (self.tr("Weight across"), self.first, use_a),
            (self.tr("Weight up"), self.second, use_b),
        ):
            row = QHBoxLayout()
            row.addWidget(box, 1)
            row.addWidget(button)
            form.addRow(label, row)
        form.addRow(self.tr("Range"), self.span)
        self.plot = chart()
        self.image = pg.ImageItem()
        self.plot.addItem(self.image)
        # The key to the colours, ticked in loss units (the scale itself is logarithmic).
        self.colour_bar = pg.ColorBarItem(
            colorMap=_CMAP, interactive=False, colorMapMenu=False, width=14
        )
        self.colour_bar.setImageItem(self.image, insert_in=self.plot.getPlotItem())
        self.path_item = self.plot.plot(
            [], [], pen=pg.mkPen("w", width=2), symbol="o", symbolSize=4
        )
        self.now_item = self.plot.plot([], [], pen=None, symbol="+", symbolSize=14)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.compute_button)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.note)
        self.set_colours(ChartColours(False))
        model.structureChanged.connect(self._fill_lists)
        model.networkReplaced.connect(self._fill_lists)
        model.dataChanged.connect(self.forget)
        model.parametersChanged.connect(self._on_parameters_change)
        self.first.currentIndexChanged.connect(lambda _: self.forget())
        self.second.currentIndexChanged.connect(lambda _: self.forget())
        self._fill_lists()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._draw_path()

    def set_colours(self, colours: ChartColours) -> None:
        """Follow the light or dark theme."""
        colours.apply(self.plot)
        axis = self.colour_bar.axis
        axis.setPen(colours.foreground)
        axis.setTextPen(colours.foreground)
        self.now_item.setSymbolPen(pg.mkPen(colours.foreground, width=2))

    # -- the weights ------------------------------------------------------------------

    def _edges(self) -> list[EdgeRef]:
        edges = []
        for l, layer in enumerate(self.model.network.layers):  # noqa: E741
            for j in range(layer.n_out):
                for k in range(layer.n_in):
                    edges.append(EdgeRef(l, j, k))
                    if len(edges) >= MAX_LISTED:
                        return edges
        return edges

    def _fill_lists(self) -> None:
        edges = self._edges()
        for box, default in ((self.first, 0), (self.second, 1)):
            box.blockSignals(True)
            box.clear()
            for edge in edges:
                box.addItem(edge_name(edge), edge)
            box.setCurrentIndex(min(default, box.count() - 1))
            box.blockSignals(False)
        self.forget()

    def forget(self) -> None:
        """Drop the surface of an earlier network or data set (it no longer applies)."""
        self.stop()
        self.surface = None
        self.image.clear()
        self.note.setText(self.tr("Choose two weights and press Compute."))
        self._reset_path()

    def use_selected(self, box: QComboBox) -> None:
        """Put the edge selected on the diagram in ``box`` (a weight list)."""
        ref = self.model.selection.ref
        if not isinstance(ref, EdgeRef):
            self.note.setText(self.tr("Select an edge on the diagram first."))
            return
        index = box.findData(ref)
        if index < 0:  # beyond the listed edges of a large network
            box.addItem(edge_name(ref), ref)
            index = box.count() - 1
        box.setCurrentIndex(index)

    def chosen(self) -> tuple[EdgeRef, EdgeRef] | None:
        """The two weights chosen, or None if there are not two different ones."""
        a, b = self.first.currentData(), self.second.currentData()
        if a is None or b is None or a == b:
            return None
        return a, b

    # -- computing ----------------------------------------------------------------------

    def compute(self) -> None:
        """Compute the surface around the two weights' current values, off the GUI thread."""
        pair = self.chosen()
        if pair is None:
            self.note.setText(self.tr("Choose two different weights."))
            return
        self.stop()
        a, b = pair
        net, data = self.model.network, self.model.data
        half = self.span.value()
        us = grid_around(net.get_weight(a.layer, a.neuron, a.source), half, STEPS)
        vs = grid_around(net.get_weight(b.layer, b.neuron, b.source), half, STEPS)
        # A copy taken here, on the GUI thread, where the live network is written.
        rows = surface_rows(
            net.copy(), data.X_train, data.Y_train, self.model.config.loss, a, b, us, vs
        )
        # Titled here, once: changing an axis title while rows are drawn can crash pyqtgraph.
        self.plot.setLabel("bottom", edge_name(a))
        self.plot.setLabel("left", edge_name(b))
        self.thread_ = SurfaceThread(rows)
        self.thread_.progressed.connect(self._on_progress)
        self.thread_.ended.connect(self.show_result)
        self.thread_.failed.connect(self.note.setText)
        self.note.setText(self.tr("Computing…"))
        self.thread_.start()

    def stop(self) -> None:
        """Stop a computation under way and wait for its thread."""
        if self.thread_ is not None:
            self.thread_.stop()
            self.thread_.wait()
            self.thread_ = None

    def _on_progress(self, surface: Surface) -> None:
        self.surface = surface
        values = surface.values
        finite = values[np.isfinite(values)]
        if finite.size:
            lo, hi = float(finite.min()), float(finite.max())
            # A logarithmic colour scale from the lowest loss: the valley, where the path
            # runs, keeps its detail next to corners a hundred times higher.
            eps = max((hi - lo) / 1000, 1e-12)
            filled = np.nan_to_num(values, nan=hi, posinf=hi, neginf=lo)
            shown = np.log10(np.clip(filled, lo, hi) - lo + eps)
            levels = (float(np.log10(eps)), float(np.log10(hi - lo + eps)))
            self.image.setImage(shown.T, levels=levels, lut=_LUT)
            self.colour_bar.setLevels(levels)
            self._tick_colour_bar(loss_ticks(lo, hi, eps))
            du, dv = surface.us[1] - surface.us[0], surface.vs[1] - surface.vs[0]
            self.image.setRect(
                surface.us[0] - du / 2,
                surface.vs[0] - dv / 2,
                du * len(surface.us),
                dv * len(surface.vs),
            )
        self._draw_path()
        self.note.setText(
            fill(self.tr("Computing… %1 of %2 rows"), surface.rows_done, len(surface.vs))
        )

    def _tick_colour_bar(self, ticks: list[tuple[float, str]]) -> None:
        axis = self.colour_bar.axis
        axis.setTicks([ticks])
        # The bar's axis has a fixed width, and pyqtgraph drops labels wider than it;
        # it only widens, so the plot is not laid out again at every row.
        metrics = QFontMetrics(axis.style["tickFont"] or self.font())
        wide = max(metrics.horizontalAdvance(label) for _, label in ticks) + 14
        if wide > axis.width():
            axis.setWidth(wide)

    def show_result(self, surface: Surface, complete: bool) -> None:
        """Say what the finished (or stopped) surface covers."""
        finite = surface.values[np.isfinite(surface.values)]
        text = fill(
            self.tr(
                "Dark is low: L from %1 to %2 over %3 training samples, the other "
                "weights as they are. + marks the weights now, the line their path."
            ),
            format_number(float(finite.min())) if finite.size else "—",
            format_number(float(finite.max())) if finite.size else "—",
            f"{surface.samples:,}",
        )
        if not complete:
            stopped = self.tr("Stopped after %1 of %2 rows.")
            text = sentences(text, fill(stopped, surface.rows_done, len(surface.vs)))
        self.note.setText(keep_together(text))

    # -- the path ---------------------------------------------------------------------

    def _reset_path(self) -> None:
        self.path = []
        self._on_parameters_change()

    def _on_parameters_change(self) -> None:
        pair = self.chosen()
        if pair is None:
            return
        net = self.model.network
        try:  # the lists may still name the edges of the structure before a change
            for edge in pair:
                check_ref(net.sizes, edge)
        except ValueError:
            return
        point = tuple(net.get_weight(e.layer, e.neuron, e.source) for e in pair)
        if not self.path or self.path[-1] != point:
            self.path.append((float(point[0]), float(point[1])))
            del self.path[:-2000]  # a long run keeps its last 2,000 points
        self._draw_path()

    def _draw_path(self) -> None:
        if not self.path or not self.isVisible():  # a closed panel records, draws on show
            return
        xs, ys = np.array(self.path).T
        self.path_item.setData(xs, ys)
        self.now_item.setData(xs[-1:], ys[-1:])


def edge_name(edge: EdgeRef) -> str:
    """``w₁₂⁽¹⁾``: the weight into neuron 1 of layer 1 from neuron (or input) 2."""
    sub = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
    sup = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
    indices = (
        f"{edge.neuron + 1}{edge.source + 1}"
        if edge.neuron < 9 and edge.source < 9
        else f"{edge.neuron + 1},{edge.source + 1}"
    )
    return f"w{indices.translate(sub)}{f'({edge.layer + 1})'.translate(sup)}"


def loss_ticks(lo: float, hi: float, eps: float) -> list[tuple[float, str]]:
    """Colour-bar ticks for a surface shown as ``log10(L − lo + eps)``: the position of
    the lowest and highest loss and of lo + 1 %, 10 % of the range, labelled with L."""
    losses = [lo, lo + (hi - lo) / 100, lo + (hi - lo) / 10, hi] if hi > lo else [lo]
    return [(float(np.log10(v - lo + eps)), format_number(v)) for v in losses]


#: Low loss dark blue, high loss pale: the valley stands out.
_CMAP = pg.colormap.get("viridis")
_LUT = _CMAP.getLookupTable(nPts=256)
