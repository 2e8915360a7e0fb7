"""Lesson 1, one neuron: a = σ(w₁x₁ + w₂x₂ + b), with every number on show.

The student sets two weights and a bias (here, or on the diagram by double-clicking an
edge or the neuron) and watches z and a of four inputs change in a table. The task:
make the neuron fire for (1, 0) and stay silent for (0, 1). The output is written a,
as in the Inspector and in lesson 5; y is kept for targets.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget

from neurongui.engine import Network
from neurongui.engine.config import TrainingConfig
from neurongui.engine.explain import explain_neuron
from neurongui.engine.refs import EdgeRef, NeuronRef
from neurongui.i18n import fill
from neurongui.lessons.base import Lesson, NumberTable, ValueBox, format_number, rich_label

__all__ = ["LESSON", "OneNeuronLesson"]

#: The inputs of the table: the four corners of the unit square.
INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
#: The task: above HIGH for (1, 0), below LOW for (0, 1).
HIGH, LOW = 0.9, 0.1


class OneNeuronLesson(Lesson):
    """z = w·x + b and a = σ(z) of one sigmoid neuron, for four inputs at once."""

    key = "one_neuron"
    asks = True
    sizes = (2, 1)
    # The activation plot shows the sigmoid of the lesson; the right-hand docks have
    # nothing to add to the lesson's own table.
    hidden_docks = ("inspectorDock", "chartsDock")

    def network_and_config(self) -> tuple[Network, TrainingConfig]:
        net = Network([2, 1], activations="sigmoid", init="zeros")
        net.set_weight(0, 0, 0, 0.5)
        net.set_weight(0, 0, 1, -0.5)
        return net, TrainingConfig(dataset="and", loss="bce", test_fraction=0.0)

    def build(self, body: QVBoxLayout) -> None:
        form = QFormLayout()
        self.boxes = [
            ValueBox(self, EdgeRef(0, 0, 0), "w1Box"),
            ValueBox(self, EdgeRef(0, 0, 1), "w2Box"),
            ValueBox(self, NeuronRef(0, 0), "bBox"),
        ]
        for box, label, tip in zip(
            self.boxes,
            ("w₁", "w₂", "b"),
            (self.tr("Weight of x₁"), self.tr("Weight of x₂"), self.tr("Bias")),
            strict=True,
        ):
            box.setToolTip(tip)
            box.setAccessibleName(tip)
            form.addRow(label, box)
        body.addLayout(form)
        self.table = NumberTable(
            "sampleTable",
            ["x₁", "x₂", "z", "a = σ(z)"],
            len(INPUTS),
            self.tr("Inputs with their z and a"),
        )
        self._started = False  # a lesson starts with nothing selected on the diagram
        self.table.itemSelectionChanged.connect(self._on_row_chosen)
        body.addWidget(self.table)
        self.working = rich_label("workingLabel")
        body.addWidget(self.working)
        self.table.selectRow(2)  # (1, 0): the input of the task
        self._started = True

    def _on_row_chosen(self) -> None:
        # The student chose a row: the neuron is selected, so that the activation
        # panel marks that row's z on its curve (it marks the selected neuron's).
        if self._started and self.model.selection.kind == "none":
            self.model.select_neuron(0, 0)
        self.refresh()

    def outputs(self) -> tuple[np.ndarray, np.ndarray]:
        """z and a of the four inputs, from the engine's forward pass."""
        ((z, y),) = self.network.forward_trace(INPUTS)
        return z[:, 0], y[:, 0]

    def refresh(self) -> None:
        for box in self.boxes:
            box.sync()
        z, y = self.outputs()
        self.table.set_rows([[*x, zi, yi] for x, zi, yi in zip(INPUTS, z, y, strict=True)])
        row = self.table.selected_row(2)
        self._mark_in_activation_panel(INPUTS[row])
        ex = explain_neuron(self.network, INPUTS[row], 0, 0)
        # The engine names the function; the lesson writes it σ, as its text does.
        formula = ex.formula().replace("sigmoid(", "σ(")
        self.working.setText(
            f"<pre>{formula}</pre>"
            + self.tr("σ(z) = 1 / (1 + e<sup>−z</sup>): above ½ exactly when z > 0.")
        )

    def _mark_in_activation_panel(self, x: np.ndarray) -> None:
        """Select the training sample that holds ``x``: the activation panel marks its
        z and a once the neuron is selected."""
        found = np.flatnonzero(np.all(np.isclose(self.model.data.X_train, x), axis=1))
        if found.size:
            self.model.select_sample(int(found[0]))

    def essentials(self) -> list[QWidget]:
        return [*super().essentials(), *self.boxes, self.table]

    def check(self) -> tuple[bool, str]:
        _, y = self.outputs()
        y10, y01 = y[2], y[1]  # the outputs a of (1, 0) and (0, 1)
        ok = y10 > HIGH and y01 < LOW
        if ok:
            text = self.tr("Right: a(1, 0) = %1 and a(0, 1) = %2.")
        else:
            text = self.tr(
                "Not yet: a(1, 0) = %1 should be above 0.9 and a(0, 1) = %2 below 0.1. "
                "Make z large and positive for (1, 0), large and negative for (0, 1)."
            )
        return ok, fill(text, format_number(y10), format_number(y01))


LESSON = OneNeuronLesson
