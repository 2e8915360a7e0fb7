"""The inspector: the selected edge's weight or the selected neuron's bias, editable,
and "explain this neuron" — every term of z = Σ wᵢxᵢ + b with the sample's numbers.

Only the boxes of what is selected are shown (an edge: its weight; a neuron: its bias
and its layer's activation), so no box ever keeps a value of something no longer
selected. The content scrolls, so a long table never makes the window taller.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neurongui.editing import Editor
from neurongui.engine import activations as engine_activations
from neurongui.engine.explain import explain_neuron, format_number, lone_softmax
from neurongui.engine.refs import EdgeRef, NeuronRef
from neurongui.i18n import activation_label, data_name, error_text, fill, keep_together
from neurongui.model import NetworkModel
from neurongui.undo import new_gesture
from neurongui.views.inspector_gradcheck import GradientCheckBox
from neurongui.views.inspector_number import NumberBox
from neurongui.views.inspector_terms import function_symbol, term_rows
from neurongui.views.steady import steady
from neurongui.views.throttle import Redraw

__all__ = ["Inspector"]

#: Weights and biases a student may type: wider than any a network learns here, and far
#: from the 1e308 at which w·x overflows. Beyond it the box refuses and says why.
_RANGE = 1e4
_SLIDER_SCALE = 100  # slider ticks per unit: the slider spans [-5, 5] in steps of 0.01
#: Redraws a second while training streams values in (the details re-lay out rich text).
LIVE_HZ = 8


class Inspector(QWidget):
    """Shows and edits the selected neuron or edge of ``model``."""

    def __init__(self, model: NetworkModel, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.editor = editor  # every change the student makes here goes through it
        self._gesture = new_gesture()
        self._updating = False

        self.title = QLabel()
        self.title.setObjectName("inspectorTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)

        self.weight_spin = self._spin_box("weightSpinBox", self.tr("Weight w"))
        self.weight_slider = QSlider(Qt.Orientation.Horizontal)
        self.weight_slider.setObjectName("weightSlider")
        self.weight_slider.setRange(-5 * _SLIDER_SCALE, 5 * _SLIDER_SCALE)
        self.weight_slider.setAccessibleName(self.tr("Weight slider"))
        self.bias_spin = self._spin_box("biasSpinBox", self.tr("Bias b"))
        # The box shows the digits a student can type; the diagram's captions round.
        self.bias_spin.setToolTip(
            self.tr(
                "b to 6 significant digits (the diagram's caption rounds it to 4). Type a "
                "value (2.5e−3 works too) or use the arrows; Ctrl+Z undoes"
            )
        )
        self.activation_combo = QComboBox()
        self.activation_combo.setObjectName("activationCombo")
        self.activation_combo.setAccessibleName(self.tr("Activation of the layer"))
        self.activation_combo.setToolTip(self.tr("The activation function of this layer"))
        self.details = QLabel()
        self.details.setObjectName("inspectorDetails")
        self.details.setWordWrap(True)
        # Under the title, not centred in the room a longer text held until it shrinks.
        self.details.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = self._explain_table()

        form = QFormLayout()
        form.addRow(self.tr("Weight"), self.weight_spin)
        form.addRow("", self.weight_slider)
        # Bias and activation share a row: the room is the table's (1366×768 screens).
        neuron_row = QHBoxLayout()
        neuron_row.addWidget(self.bias_spin, 2)
        neuron_row.addWidget(QLabel(self.tr("Activation")))
        neuron_row.addWidget(self.activation_combo, 3)
        self.activation_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.activation_combo.setMinimumContentsLength(8)
        form.addRow(self.tr("Bias"), neuron_row)
        self._form = form
        content = QWidget()
        content.setObjectName("inspectorContent")
        layout = QVBoxLayout(content)
        # Tight: at 1366×768 the dock leaves ~250 px for title, boxes and 11 table rows.
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(3)
        form.setVerticalSpacing(3)
        layout.addWidget(self.title)
        layout.addLayout(form)
        self._details_holder = steady(self.details)  # live values: no relayout per change
        layout.addWidget(self._details_holder)
        layout.addWidget(self.table)
        self.gradient_check = GradientCheckBox(model, self)
        layout.addWidget(self.gradient_check)
        layout.addStretch(1)
        # A tall table scrolls in the dock instead of asking the window for more height.
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("inspectorScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

        self.weight_spin.valueChanged.connect(self._on_weight_spin_change)
        self.weight_spin.editingFinished.connect(self._new_gesture)
        self.weight_slider.valueChanged.connect(self._on_weight_slider_change)
        self.weight_slider.sliderPressed.connect(self._new_gesture)
        self.weight_slider.sliderReleased.connect(self._new_gesture)
        self.bias_spin.valueChanged.connect(self._on_bias_change)
        self.bias_spin.editingFinished.connect(self._new_gesture)
        self.activation_combo.activated.connect(self._on_activation_choice)
        for signal in (
            model.selectionChanged,
            model.parametersChanged,
            model.structureChanged,
            model.sampleChanged,
            model.gradientsChanged,
            model.dataChanged,
            model.networkReplaced,
        ):
            signal.connect(self._on_model_signal)
        # Edits show at once; training's values at most LIVE_HZ times a second.
        self._redraw = Redraw(self, self._on_model_change, hz=LIVE_HZ)
        self._on_model_change()

    def _on_model_signal(self) -> None:
        self._redraw.request(self.model.live)

    def _spin_box(self, name: str, accessible: str) -> NumberBox:
        box = NumberBox(-_RANGE, _RANGE)
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setSingleStep(0.05)
        box.setToolTip(self.tr("Type a value (2.5e−3 works too) or use the arrows; Ctrl+Z undoes"))
        box.refused.connect(self.model.message)
        return box

    def _explain_table(self) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setObjectName("explainTable")
        table.setAccessibleName(self.tr("The terms of z for the selected neuron"))
        table.setHorizontalHeaderLabels(
            [self.tr("input"), self.tr("value x"), self.tr("weight w"), self.tr("w·x")]
        )
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # The names ("z = Σ w·x + b", "… 57 more terms") whole; the numbers share the rest.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Every row is shown (many inputs are summarised), so the table never scrolls:
        # rows a line of text high, the table exactly as tall as its rows.
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = table.verticalHeader()
        rows.setMinimumSectionSize(1)
        rows.setDefaultSectionSize(table.fontMetrics().height())
        return table

    # -- showing ----------------------------------------------------------------------

    @property
    def redraw_pending(self) -> bool:
        """True while a redraw is scheduled (training's values come at its own pace)."""
        return self._redraw.pending

    def _on_model_change(self) -> None:
        self._updating = True
        try:
            self._show_selection()
        finally:
            self._updating = False

    def _show_rows(self, edge: bool, neuron: bool) -> None:
        """Show the boxes of what is selected; hidden boxes are disabled too."""
        for row, on in ((0, edge), (1, edge), (2, neuron)):
            self._form.setRowVisible(row, on)
        for widget in (self.weight_spin, self.weight_slider):
            widget.setEnabled(edge)
        self.bias_spin.setEnabled(neuron)
        self.activation_combo.setEnabled(neuron)
        self.table.setVisible(neuron)

    def _show_selection(self) -> None:
        s, net = self.model.selection, self.model.network
        edge, neuron = s.kind == "edge", s.kind == "neuron" and s.layer >= 0
        self._show_rows(edge, neuron)
        self._details_holder.setVisible(True)
        if edge:
            self._show_edge(s.layer, s.neuron, s.source)
        elif neuron:
            self._show_neuron(s.layer, s.neuron)
        elif s.kind == "neuron":
            name = data_name(net.input_names[s.neuron])
            self.title.setText(fill(self.tr("<b>Input %1</b>"), name))
            self.details.setText(f"{name} = {format_number(self.model.sample[s.neuron])}")
        else:
            self.title.setText(self.tr("<b>Nothing selected</b>"))
            self.details.setText(
                keep_together(
                    self.tr(
                        "Click a neuron or an edge in the diagram: an edge to see and edit "
                        "its weight, a neuron for its bias and how it computes its output."
                    )
                )
            )

    def _show_edge(self, layer: int, neuron: int, source: int) -> None:
        net = self.model.network
        w = net.get_weight(layer, neuron, source)
        self.weight_spin.setValue(w)
        self.weight_slider.setValue(round(float(np.clip(w, -5, 5)) * _SLIDER_SCALE))
        explanation = explain_neuron(net, self.model.sample, layer, neuron)
        if layer == 0:
            src = data_name(net.input_names[source])
        else:
            src = fill(
                self.tr("neuron %1 of %2 (%3)"),
                str(source + 1),
                self.layer_name(layer - 1),
                activation_label(net.layers[layer - 1].activation.name, short=True),
            )
        into = self.layer_name(layer)
        self.title.setText(
            fill(self.tr("<b>Edge</b> from %1 into neuron %2 of %3"), src, str(neuron + 1), into)
        )
        x = explanation.inputs[source]
        term = explanation.products[source]  # w·x, ±inf if a typed 1e308 overflows
        lines = [
            fill(self.tr("w = %1"), format_number(w)),
            fill(self.tr("it carries x = %1 from %2"), format_number(x), src),
            fill(self.tr("its term in z: w·x = %1"), format_number(term)),
            fill(
                self.tr("it feeds neuron %1 of %2 (%3): z = %4, a = %5(z) = %6"),
                str(neuron + 1),
                into,
                activation_label(explanation.activation, short=True),
                format_number(explanation.z),
                function_symbol(explanation.activation),
                format_number(explanation.a),
            ),
        ]
        grads = self.model.gradients
        if grads is not None and layer < len(grads):
            lines += self._gradient_lines(grads[layer], neuron, source)
        else:
            lines.append(self.tr("∂L/∂w appears once a training step has run."))
        self.details.setText("\n".join(lines))

    def layer_name(self, layer: int) -> str:
        """The diagram's name of engine layer ``layer``: "the output layer" or
        "hidden layer 1" (the diagram's headers count hidden layers from 1)."""
        if layer == len(self.model.network.layers) - 1:
            return self.tr("the output layer")
        return fill(self.tr("hidden layer %1"), str(layer + 1))

    def _gradient_lines(self, grads: dict[str, np.ndarray], neuron: int, source: int) -> list[str]:
        """The last step's gradient of the weight; with regularisation, its two parts
        (the loss's and the penalty's) and their sum, which is what the step used."""
        total = float(grads["weights"][neuron, source])
        if "penalty_weights" not in grads:
            return [fill(self.tr("∂L/∂w = %1 (last training step)"), format_number(total))]
        loss = float(grads["loss_weights"][neuron, source])
        penalty = float(grads["penalty_weights"][neuron, source])
        kind = self.model.config.regularization
        if kind == "l2":
            share = self.tr("penalty (λ/2)·Σw²: its ∂/∂w = λ·w = %1 (w before the step)")
        elif kind == "l1":
            share = self.tr("penalty λ·Σ|w|: its ∂/∂w = λ·sign(w) = %1")
        else:  # regularisation was switched off after the step
            share = self.tr("penalty: its ∂/∂w = %1")
        return [
            fill(self.tr("∂L/∂w = %1 (the loss alone, last training step)"), format_number(loss)),
            fill(share, format_number(penalty)),
            fill(
                self.tr("∂(L + penalty)/∂w = %1 + %2 = %3: the gradient the step descended"),
                format_number(loss),
                format_number(penalty, parenthesise=True),
                format_number(total),
            ),
        ]

    def _show_neuron(self, layer: int, neuron: int) -> None:
        net = self.model.network
        self.bias_spin.setValue(net.get_bias(layer, neuron))
        last = layer == len(net.layers) - 1
        names = [n for n in engine_activations.names() if last or n != "softmax"]
        self.activation_combo.clear()
        for name in names:  # the label shown, the engine's name as data
            self.activation_combo.addItem(activation_label(name), name)
        lone_note = self.tr(
            "Softmax on a single output neuron always gives 1 (eᶻ / eᶻ): the network "
            "cannot learn. Use sigmoid for one output."
        )
        if last and net.layers[layer].n_out == 1:
            # Offered all the same, for a student to try, but with the reason it fails.
            index = self.activation_combo.findData("softmax")
            self.activation_combo.setItemData(index, lone_note, Qt.ItemDataRole.ToolTipRole)
        self.activation_combo.setCurrentIndex(
            self.activation_combo.findData(net.layers[layer].activation.name)
        )
        if self.model.probe is not None:
            title = self.tr("<b>Neuron %1 of %2</b> for your input")
        else:
            title = self.tr("<b>Neuron %1 of %2</b> for sample %3")
        self.title.setText(
            fill(title, str(neuron + 1), self.layer_name(layer), str(self.model.sample_index + 1))
        )
        e = explain_neuron(net, self.model.sample, layer, neuron)
        # The table is the formula: its rows add up to z; a note only where one is due.
        lone = last and lone_softmax(net)
        self.details.setText(keep_together(lone_note) if lone else "")
        self._details_holder.setVisible(lone)
        terms = term_rows(e)
        rows = len(terms) + 3
        self.table.setRowCount(rows)
        for i, t in enumerate(terms):
            name = data_name(t.name) if t.name else fill(self.tr("… %1 more terms"), str(t.rest))
            self._set_row(i, name, t.x, t.w, t.product)
        self._set_row(rows - 3, self.tr("bias b"), None, None, e.bias)
        self._set_row(rows - 2, "z = Σ w·x + b", None, None, e.z)
        self._set_row(rows - 1, f"a = {function_symbol(e.activation)}(z)", None, None, e.a)
        self._fit_table()

    def _fit_table(self) -> None:
        """Make the table exactly as tall as its rows (it never scrolls itself)."""
        t = self.table
        height = t.horizontalHeader().sizeHint().height() + 2 * t.frameWidth()
        height += sum(t.rowHeight(r) for r in range(t.rowCount()))
        t.setFixedHeight(height)

    def _set_row(self, row: int, name: str, x, w, value: float) -> None:
        cells = [name] + ["" if v is None else format_number(v) for v in (x, w, value)]
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if col:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, col, item)

    # -- editing ------------------------------------------------------------------------

    def _new_gesture(self) -> None:
        self._gesture = new_gesture()

    def _on_weight_spin_change(self, value: float) -> None:
        self._set_weight(value)

    def _on_weight_slider_change(self, ticks: int) -> None:
        self._set_weight(ticks / _SLIDER_SCALE)

    def _set_weight(self, value: float) -> None:
        s = self.model.selection
        if self._updating or s.kind != "edge":
            return
        if value == self.model.network.get_weight(s.layer, s.neuron, s.source):
            return
        edge = EdgeRef(s.layer, s.neuron, s.source)
        self._edit(lambda: self.editor.set_weight(edge, float(value), self._gesture))

    def _on_bias_change(self, value: float) -> None:
        s = self.model.selection
        if self._updating or s.kind != "neuron" or s.layer < 0:
            return
        neuron = NeuronRef(s.layer, s.neuron)
        self._edit(lambda: self.editor.set_bias(neuron, float(value), self._gesture))

    def _on_activation_choice(self, index: int) -> None:
        s = self.model.selection
        name = self.activation_combo.itemData(index)
        if s.kind != "neuron" or s.layer < 0:
            return
        if name == self.model.network.layers[s.layer].activation.name:
            return
        self._edit(lambda: self.editor.set_activation(s.layer, name))

    def _edit(self, change: Callable[[], None]) -> None:
        """Make ``change`` through the editor; a refusal is told in the status bar."""
        try:
            change()
        except ValueError as exc:
            self.model.message.emit(error_text(exc))
