"""Activation functions, their derivatives, and where the selected neuron sits on them.

The panel plots f(z) (solid) and f′(z) (dashed) of one activation with its formula,
or several at once in compare mode. When a neuron is selected, it follows that
layer's activation (with the layer's own parameters) and marks the neuron's
current (z, f(z)) for the selected sample; the marker moves with edits and
training. A histogram below shows the layer's z over the whole training set, so
saturated sigmoid/tanh units (z far from 0, f′ ≈ 0) and dead ReLUs (z ≤ 0 on
every sample) can be seen (drawn by :mod:`.activation_histogram`).

Redraws are coalesced by a single-shot timer, at most about 30 per second.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine import activations
from neurongui.engine.numbers import format_number
from neurongui.i18n import activation_label, error_text, fill, keep_together
from neurongui.model import NetworkModel
from neurongui.theme import is_dark
from neurongui.views.activation_curves import curve_points, legible
from neurongui.views.activation_formulas import formula_text
from neurongui.views.activation_histogram import ZHistogram
from neurongui.views.chart_style import chart
from neurongui.views.charts import settled_ceiling
from neurongui.views.inspector_number import NumberBox
from neurongui.views.steady import steady
from neurongui.views.throttle import Redraw

__all__ = ["ActivationPlotPanel", "curve_points"]

#: Milliseconds between coalesced redraws (≤ 30 Hz).
REDRAW_MS = 33
#: Redraws a second while training streams values in (each costs 1.5–4 ms of GUI time).
LIVE_HZ = 8
_PLOTTABLE = [n for n in activations.names() if n != "softmax"]


class ActivationPlotPanel(QWidget, ZHistogram):
    """Plots of every activation and its derivative, with the live neuron marker."""

    def __init__(self, model: NetworkModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self._redraw = Redraw(self, self.refresh_now, hz=LIVE_HZ, edit_delay_ms=REDRAW_MS)
        self._marker: tuple[float, float] | None = None
        self._hist_shown: tuple[int | None, int] | None = None  # the histogram's neuron
        self._build_controls()
        self._build_plots()
        self._lay_out()
        self._full = True  # False: only the sample changed since the last redraw
        for signal in (
            model.parametersChanged,
            model.structureChanged,
            model.dataChanged,
            model.selectionChanged,
        ):
            signal.connect(self.schedule_refresh)
        # The histogram counts the training set: another sample only moves its marker
        # (recounting it cost 30 ms a step while dragging a probe over a 784-wide net).
        model.sampleChanged.connect(lambda: self._redraw.request(self.model.live))
        self.refresh_now()

    # -- construction ---------------------------------------------------------------

    def _build_controls(self) -> None:
        self.function_combo = QComboBox()
        self.function_combo.setObjectName("activationFunctionCombo")
        self.function_combo.setAccessibleName(self.tr("Activation function to plot"))
        for name in activations.names():  # the label shown, the engine's name as data
            self.function_combo.addItem(activation_label(name), name)
        self.function_combo.setCurrentIndex(self.function_combo.findData("sigmoid"))
        self.follow_check = QCheckBox(self.tr("Follow selected layer"))
        self.follow_check.setObjectName("followLayerCheck")
        self.follow_check.setChecked(True)
        self.follow_check.setToolTip(self.tr("Show the activation of the selected neuron's layer"))
        self.derivative_check = QCheckBox(self.tr("Derivative"))
        self.derivative_check.setChecked(True)
        self.compare_check = QCheckBox(self.tr("Compare"))
        self.compare_check.setObjectName("compareCheck")
        self.compare_check.setToolTip(self.tr("Overlay several activation functions"))
        self.compare_list = QListWidget()
        self.compare_list.setObjectName("compareList")
        self.compare_list.setMaximumWidth(130)
        for name in _PLOTTABLE:
            item = QListWidgetItem(activation_label(name, short=True))  # 130 px wide
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = name in ("sigmoid", "tanh", "relu")
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.compare_list.addItem(item)
        self.compare_list.setVisible(False)
        self.params: dict[str, NumberBox] = {}
        defaults = {"slope": 0.01, "alpha": 0.25, "lower": 1 / 8, "upper": 1 / 3}
        labels = {
            "slope": self.tr("Leaky slope k"),
            "alpha": self.tr("PReLU α"),
            "lower": self.tr("RReLU lower l"),
            "upper": self.tr("RReLU upper u"),
        }
        self.param_form = QFormLayout()
        for key, value in defaults.items():
            box = NumberBox(-1.0, 1.0)
            box.setObjectName(f"param_{key}")
            box.setSingleStep(0.01)
            box.setValue(value)
            box.setAccessibleName(labels[key])
            box.valueChanged.connect(self.schedule_refresh)
            box.refused.connect(self.model.message)
            self.params[key] = box
            self.param_form.addRow(labels[key], box)
        self.formula_label = QLabel()
        self.formula_label.setObjectName("formulaLabel")
        self.formula_label.setWordWrap(True)
        self.formula_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setObjectName("activationStatus")
        self.status_label.setWordWrap(True)
        self.histogram_label = QLabel()
        self.histogram_label.setObjectName("histogramLabel")
        self.histogram_label.setWordWrap(True)
        self.function_combo.currentIndexChanged.connect(self.schedule_refresh)
        for check in (self.follow_check, self.derivative_check, self.compare_check):
            check.toggled.connect(self.schedule_refresh)
        self.compare_check.toggled.connect(self.compare_list.setVisible)
        self.compare_list.itemChanged.connect(self.schedule_refresh)

    def _build_plots(self) -> None:
        self.plot = chart()
        self.plot.setObjectName("activationCurvePlot")
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLabel("bottom", "z")
        self.legend = self.plot.addLegend(offset=(8, 8))
        self.plot.setMinimumHeight(140)  # the status line above it takes the rest
        zero = pg.mkPen((128, 128, 128), width=1)
        self.plot.addItem(pg.InfiniteLine(0, angle=90, pen=zero))
        self.plot.addItem(pg.InfiniteLine(0, angle=0, pen=zero))
        count = len(_PLOTTABLE)
        self.curves: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        #: Each function's hue, made legible on the theme's background when drawn.
        self._hues: dict[str, tuple[int, int, int]] = {}
        for i, name in enumerate(_PLOTTABLE):
            color = pg.intColor(i, hues=count, values=1, maxValue=220)
            self._hues[name] = (color.red(), color.green(), color.blue())
            f = self.plot.plot([], [], pen=pg.mkPen(color, width=2), connect="finite")
            d = self.plot.plot(
                [], [], pen=pg.mkPen(color, width=1, style=Qt.PenStyle.DashLine), connect="finite"
            )
            f.setVisible(False)
            d.setVisible(False)
            self.curves[name] = (f, d)
        self.step_dots = pg.ScatterPlotItem(size=9, pen=pg.mkPen("k"))
        self.plot.addItem(self.step_dots)
        self.marker = pg.ScatterPlotItem(
            size=14, symbol="o", pen=pg.mkPen("w", width=2), brush=pg.mkBrush(230, 60, 40)
        )
        self.marker.setZValue(10)
        self.plot.addItem(self.marker)
        self.marker_text = pg.TextItem(anchor=(0, 1))
        self.plot.addItem(self.marker_text)
        self._build_histogram()
        for plot in (self.plot, self.hist_plot):
            for name in ("left", "bottom"):
                # Painted again only when the axis changes (ranges move in nice steps),
                # not with every curve update beneath it.
                plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.hist_plot.getViewBox().disableAutoRange()
        self.plot.getViewBox().disableAutoRange()  # set from the curves, not the marker
        self._curve_key: tuple | None = None
        self._y_range = (0.0, 1.0)  # of the curves drawn, which hold the marker
        # Axis ranges, kept while the data move within them (see settled_ceiling).
        self._span = 5.0
        self._dark: bool | None = None
        self.set_dark(is_dark())

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Function")))
        top.addWidget(self.function_combo)
        for widget in (self.follow_check, self.derivative_check, self.compare_check):
            top.addWidget(widget)
        top.addStretch(1)
        side = QVBoxLayout()
        side.addLayout(self.param_form)
        side.addWidget(self.compare_list)
        side.addStretch(1)
        plots = QVBoxLayout()
        plots.addWidget(steady(self.formula_label))
        # The whole width, not a narrow column beside the plot (a 120 px column made
        # a hint of one sentence five lines tall).
        plots.addWidget(steady(self.status_label))
        plots.addWidget(self.plot, 3)
        plots.addWidget(steady(self.histogram_label))
        plots.addWidget(self.hist_plot, 2)
        body = QHBoxLayout()
        body.addLayout(plots, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(body, 1)

    # -- public -------------------------------------------------------------------------

    def set_dark(self, dark: bool) -> None:
        """Follow the theme: the plots' background and curve colours that read on it."""
        if dark == self._dark:
            return
        self._dark = dark
        background = (35, 37, 41) if dark else (255, 255, 255)
        foreground = (220, 220, 220) if dark else (60, 60, 60)
        for plot in (self.plot, self.hist_plot):
            plot.setBackground(background)
            for name in ("left", "bottom"):
                plot.getAxis(name).setPen(foreground)
                plot.getAxis(name).setTextPen(foreground)
        self.legend.setLabelTextColor(foreground)
        for i, name in enumerate(_PLOTTABLE):
            colour = pg.mkColor(self.curve_colour(name))
            self.compare_list.item(i).setForeground(colour)
        self._curve_key = None  # recolour the curves
        if hasattr(self, "model"):
            self.schedule_refresh()

    def curve_colour(self, name: str) -> tuple[int, int, int]:
        """The colour of ``name``'s curve: its hue, with contrast of at least 3:1
        against the theme's background (yellow-green on white had 1.4:1)."""
        background = (35, 37, 41) if self._dark else (255, 255, 255)
        return legible(self._hues[name], background)

    @property
    def redraw_pending(self) -> bool:
        """True while a redraw is scheduled (changes are drawn on the next tick)."""
        return self._redraw.pending

    def schedule_refresh(self, *_args) -> None:
        """Redraw soon; many changes in a burst give one redraw, and values streamed
        from training are drawn at most LIVE_HZ times a second."""
        self._full = True
        self._redraw.request(self.model.live)

    def marker_position(self) -> tuple[float, float] | None:
        """The marked (z, f(z)) of the selected neuron for the selected sample, if any."""
        return self._marker

    def current_activation(self) -> activations.Activation:
        """The activation the panel shows now: when following, the selected layer's, or
        with nothing selected the output layer's (never one left from an earlier network)."""
        layer, neuron = self._selected()
        if self.follow_check.isChecked():
            layers = self.model.network.layers
            if layer is None:
                layer, neuron = len(layers) - 1, 0
            act = layers[layer].activation
            if isinstance(act, activations.PReLU) and isinstance(act.alpha, np.ndarray):
                return activations.get("prelu", alpha=float(act.alpha[neuron]))
            return act
        name = self.function_combo.currentData()
        keys = activations.PARAMETERS.get(name, ())
        return activations.get(name, **{k: self.params[k].value() for k in keys})

    # -- drawing --------------------------------------------------------------------

    def _selected(self) -> tuple[int | None, int]:
        s = self.model.selection
        layers = self.model.network.layers
        if s.kind in ("neuron", "edge") and 0 <= s.layer < len(layers):
            return s.layer, min(s.neuron, layers[s.layer].n_out - 1)
        return None, 0

    def refresh_now(self) -> None:
        """Redraw everything from the model at once."""
        layer, neuron = self._selected()
        try:
            act = self.current_activation()
        except ValueError as error:  # e.g. RReLU with lower > upper
            self.status_label.setText(keep_together(error_text(error)))
            return
        self._sync_controls(act, layer)
        if layer is not None:
            with np.errstate(all="ignore"):  # a typed 1e308 overflows: z = ±inf or NaN
                trace = self.model.network.forward_trace(self.model.sample)
            z, a = float(trace[layer][0][neuron]), float(trace[layer][1][neuron])
            self._marker = (z, a)
        else:
            self._marker = None
        # The z range moves in nice steps and only when the marker leaves it (or it is
        # over twice too wide), so the axes stay put while the marker moves.
        if self._marker is None:
            self._span = 5.0
        else:
            needed = 1.15 * min(abs(self._marker[0]), 60.0) if np.isfinite(z) else 60.0
            self._span = max(5.0, min(60.0, settled_ceiling(needed, self._span)))
        span = self._span
        self._draw_curves(act, -span, span)
        self._draw_marker(act, layer, neuron)
        # With nothing selected the panel follows the output layer: so does the histogram
        # (an empty plot asked for a selection the student had no reason to make).
        followed = len(self.model.network.layers) - 1
        following = layer is None and self.follow_check.isChecked()
        shown = (followed if following else layer, neuron)
        full, self._full = self._full or shown != self._hist_shown, False
        self._hist_shown = shown
        if full:
            self._draw_histogram(*shown)
        else:
            self._move_histogram_marker()

    def _sync_controls(self, act: activations.Activation, layer: int | None) -> None:
        following = self.follow_check.isChecked()
        self.function_combo.blockSignals(True)
        self.function_combo.setCurrentIndex(self.function_combo.findData(act.name))
        self.function_combo.blockSignals(False)
        self.function_combo.setEnabled(not following)
        # Only the parameters the function has (k for Leaky ReLU, α for PReLU, ...).
        for row, (key, box) in enumerate(self.params.items()):
            used = key in activations.PARAMETERS.get(act.name, ())
            self.param_form.setRowVisible(row, used)
            box.setEnabled(used and not following)  # a layer's own values are read-only
            if used and following and key in act.params():
                box.blockSignals(True)
                box.setValue(act.params()[key])
                box.blockSignals(False)
        where = ""
        if layer is not None:
            where = fill(self.tr("Layer %1: "), str(layer + 1))
        elif following:
            where = self.tr("Output layer: ")
        label = activation_label(act.name)
        formula, derivative = formula_text(act.formula), formula_text(act.derivative_formula)
        text = f"<b>{where}{label}</b>&nbsp;&nbsp; {formula}<br>{derivative}"
        if act.name == "softmax":
            text += (
                "<br><i>"
                + self.tr(
                    "Softmax is not drawn as a curve: each output depends on every z of the "
                    "layer, so there is no single f(z). Its outputs are positive and sum to 1."
                )
                + "</i>"
            )
        elif act.name == "step":
            text += (
                "<br><i>"
                + self.tr(
                    "The step jumps at z = 0 (filled dot: f(0) = 1); its derivative is 0 elsewhere "
                    "and does not exist at 0, which is why gradient descent cannot train it."
                )
                + "</i>"
            )
        self.formula_label.setText(keep_together(text))

    def _draw_curves(self, act: activations.Activation, lo: float, hi: float) -> None:
        compare = self.compare_check.isChecked()
        show_d = self.derivative_check.isChecked()
        wanted: dict[str, activations.Activation] = {}
        if compare:
            for i in range(self.compare_list.count()):
                item = self.compare_list.item(i)
                if item.checkState() == Qt.CheckState.Checked:
                    name = item.data(Qt.ItemDataRole.UserRole)
                    keys = activations.PARAMETERS.get(name, ())
                    params = {k: self.params[k].value() for k in keys}
                    try:
                        wanted[name] = activations.get(name, **params)
                    except ValueError:
                        continue
        if act.name != "softmax":
            wanted[act.name] = act  # the selected layer's own function wins
        key = (
            tuple((n, str(a.to_dict())) for n, a in wanted.items()),
            (lo, hi, compare, show_d, self._dark),
        )
        if key == self._curve_key:
            return  # the same curves: training moved only the marker
        self._curve_key = key
        self.legend.clear()
        # Softmax has no curve of its own: its explanation above, not an empty plot.
        self.plot.setVisible(bool(wanted))
        bottom, top = 0.0, 1.0
        for name, (f_item, d_item) in self.curves.items():
            if name not in wanted:
                f_item.setVisible(False)
                d_item.setVisible(False)
                continue
            z, f, d = curve_points(wanted[name], lo, hi)
            shown = np.concatenate([f, d]) if show_d else f
            bottom = min(bottom, float(np.nanmin(shown)))
            top = max(top, float(np.nanmax(shown)))
            f_item.setData(z, f, connect="finite")
            d_item.setData(z, d, connect="finite")
            color = pg.mkColor(self.curve_colour(name))
            width = 4 if (name == act.name and compare) else 2
            f_item.setPen(pg.mkPen(color, width=width))
            d_item.setPen(pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine))
            f_item.setVisible(True)
            self.legend.addItem(f_item, activation_label(name, short=True))
            d_item.setVisible(show_d)
        if show_d and act.name in wanted:  # one entry says what the dashed lines are
            self.legend.addItem(self.curves[act.name][1], self.tr("derivative f′(z)"))
        if act.name == "step" and lo < 0 < hi:
            self.step_dots.setData(
                [0.0, 0.0], [0.0, 1.0], brush=[pg.mkBrush("w"), pg.mkBrush(40, 40, 40)]
            )
        else:
            self.step_dots.setData([], [])
        self._y_range = (bottom, top)
        self.plot.setXRange(lo, hi, padding=0.02)
        self.plot.setYRange(bottom, top, padding=0.08)

    def _draw_marker(self, act: activations.Activation, layer: int | None, neuron: int) -> None:
        if self._marker is None:
            self.marker.setData([], [])
            self.marker_text.setText("")
            self.status_label.setText(
                keep_together(self.tr("Select a neuron to see where it sits on its curve."))
            )
            return
        z, a = self._marker
        shown = len(self.model.network.layers) - 1 if layer is None else layer
        label = fill(self.tr("neuron %1 of layer %2"), str(neuron + 1), str(shown + 1))
        status = f"{label} · z = {format_number(z)} · f(z) = {format_number(a)}"
        if act.name == "softmax":
            self.marker.setData([], [])
            self.marker_text.setText("")
        elif not (np.isfinite(z) and np.isfinite(a)):
            self.marker.setData([], [])  # nowhere on the plot: the numbers say why
            self.marker_text.setText("")
        else:
            with np.errstate(all="ignore"):
                slope = float(act.derivative(np.array([z]))[0])
            status += f" · f′(z) = {format_number(slope)}"
            # Far off the curve's range (z = 1e300) the marker waits at its edge.
            x = float(np.clip(z, -self._span, self._span))
            y = float(np.clip(a, *self._y_range))
            self.marker.setData([x], [y])
            point = (format_number(z, digits=3), format_number(a, digits=3))
            self.marker_text.setText(f"({point[0]}, {point[1]})")
            self.marker_text.setPos(x, y)
            self._colour_marker_text()
        self.status_label.setText(keep_together(status))

    def _colour_marker_text(self) -> None:
        """The (z, f(z)) label in a colour that reads on the plot's background, on a
        box of that background so that grid lines and curves do not cross the digits."""
        dark = is_dark()
        self.marker_text.setColor((255, 150, 130) if dark else (180, 30, 20))
        self.marker_text.fill = pg.mkBrush((35, 37, 41, 210) if dark else (255, 255, 255, 210))
        self.marker_text.update()
