"""Lesson 3, the perceptron: Rosenblatt's rule learns AND and OR, never XOR.

A single step unit ŷ = step(w₁x₁ + w₂x₂ + b) learns from one sample at a time with
Δw = η(y − ŷ)x, Δb = η(y − ŷ) (:func:`neurongui.engine.perceptron.perceptron_update`).
The plot shows the four inputs of the gate and the decision line w₁x₁ + w₂x₂ + b = 0
moving after each mistake. On XOR every epoch has a mistake; a button then swaps the
unit for a 2-4-1 network and trains it by backpropagation in the training worker.

Every update is one undoable edit. What the lesson tells about its own steps (the log,
mistakes per epoch) is kept in a :class:`StepHistory` that follows the undo stack, so
Ctrl+Z takes a step back in the log too.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine import Network
from neurongui.engine.config import TrainingConfig
from neurongui.engine.datasets import load_dataset
from neurongui.engine.edits import SetParameters
from neurongui.engine.perceptron import PerceptronStep, perceptron_update
from neurongui.i18n import fill
from neurongui.lessons.base import BAD, GOOD, Lesson, NumberTable, rich_label
from neurongui.lessons.perceptron_mlp import MLP_RATE, HiddenLayerPhase
from neurongui.lessons.perceptron_plot import BLUE, LINE, ORANGE, PerceptronPlot, equation
from neurongui.lessons.perceptron_plot import number as _number
from neurongui.lessons.perceptron_plot import vector as _vector
from neurongui.lessons.perceptron_record import Restart, Update, log_lines, mistakes_text
from neurongui.lessons.widgets import StepHistory

__all__ = ["LESSON", "PerceptronLesson", "StepHistory"]

#: How the gate box names each gate.
GATE_NAMES = {"and": "AND", "or": "OR", "xor_gate": "XOR"}

#: The gates of the chooser (dataset names).
GATES = ("and", "or", "xor_gate")
#: Lines of the update log shown: one epoch of the four inputs.
LOG_LINES = 4


class PerceptronLesson(Lesson):
    """One step unit trained by the perceptron rule on AND, OR and XOR; then a hidden layer."""

    key = "perceptron"
    fill_body = True
    asks = True
    sizes = None  # [2, 1] for the perceptron, [2, 4, 1] after the hidden layer: see fits()

    def network_and_config(self) -> tuple[Network, TrainingConfig]:
        net = Network([2, 1], activations="step", init="zeros")
        config = TrainingConfig(
            dataset="and", loss="bce", test_fraction=0.0, batch_size=4, learning_rate=MLP_RATE
        )
        return net, config

    # -- shape ------------------------------------------------------------------------

    def is_perceptron(self) -> bool:
        """True while the network is one step unit with two inputs."""
        net = self.network
        return net.sizes == [2, 1] and net.layers[0].activation.name == "step"

    def is_mlp(self) -> bool:
        """True once the network has one hidden layer between two inputs and one output."""
        net = self.network
        return len(net.sizes) == 3 and net.sizes[0] == 2 and net.sizes[-1] == 1

    def fits(self) -> bool:
        return self.is_perceptron() or self.is_mlp()

    # -- panel --------------------------------------------------------------------------

    def build(self, body: QVBoxLayout) -> None:
        self.history = StepHistory(self.host.undo_stack)
        self._phase = "perceptron"
        self.mlp = HiddenLayerPhase(self)
        body.addLayout(self._build_controls())
        points = [
            ("●", ORANGE, self.tr("target y = 0")),
            ("●", BLUE, self.tr("target y = 1")),
            ("◯", BAD, self.tr("misclassified")),
        ]
        # The step unit fires or not; the network's sigmoid output is graded, so its
        # legend names the ½ curve and what the two shades mean.
        self.legends = {
            "perceptron": [
                *points,
                ("━", LINE, self.tr("decision line")),
                ("■", "rgba(8, 119, 189, 0.35)", self.tr("the unit fires, ŷ = 1")),
            ],
            "mlp": [
                *points,
                ("━", LINE, self.tr("output ŷ = ½")),
                ("■", "rgba(8, 119, 189, 0.6)", self.tr("ŷ near 1")),
                ("■", "rgba(245, 147, 34, 0.6)", self.tr("ŷ near 0")),
            ],
        }
        self.view = PerceptronPlot(
            self.tr("The four inputs and the decision line"), self.legends["perceptron"]
        )
        self.plot = self.view.widget
        self.line, self.wrong = self.view.line, self.view.wrong
        self.table = NumberTable(
            "gateTable",
            ["x₁", "x₂", "y", "z", "ŷ"],
            4,
            self.tr("Inputs, targets and the unit's z and output"),
        )
        self.weights_label = rich_label("weightsLabel")
        # The plane beside the table and the line's equation: the column has width to
        # spare, not height.
        side = QVBoxLayout()
        side.addWidget(self.table)
        side.addWidget(self.weights_label)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.plot, 4)
        row.addLayout(side, 5)
        body.addLayout(row, 1)
        body.addWidget(self.view.legend)
        self.status = rich_label("mistakesLabel")
        body.addWidget(self.status)
        self.log = rich_label("stepLog")
        self.log.setAccessibleName(self.tr("Log of the perceptron's last updates"))
        font = self.log.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.log.setFont(font)
        body.addWidget(self.log)
        self.mlp_button = QPushButton(self.tr("Add a hidden layer and train with backpropagation"))
        self.mlp_button.setObjectName("hiddenLayerButton")
        self.mlp_button.setToolTip(
            self.tr("Replace the unit by a 2-4-1 network and train it on XOR (undo with Ctrl+Z)")
        )
        self.mlp_button.clicked.connect(self.add_hidden_layer)
        body.addWidget(self.mlp_button)
        self.listen(self.host.undo_stack.indexChanged, self._on_undo_index)
        self.listen(self.model.configChanged, self._on_config_change)
        self.listen(self.model.historyChanged, self._on_history_change)
        self._on_config_change()

    def essentials(self) -> list[QWidget]:
        widgets = [*super().essentials(), self.plot, self.table]
        if self._phase == "perceptron":
            widgets += [self.gate_box, self.eta_box, *self.run_buttons]
        if not self.mlp_button.isHidden():
            widgets.append(self.mlp_button)
        return widgets

    def _build_controls(self) -> QVBoxLayout:
        self.gate_box = QComboBox()
        self.gate_box.setObjectName("gateBox")
        for name in GATES:
            self.gate_box.addItem(GATE_NAMES[name], name)
        self.gate_box.setToolTip(self.tr("The logic gate the perceptron learns"))
        self.gate_box.activated.connect(self._on_gate_chosen)
        self.eta_box = QDoubleSpinBox()
        self.eta_box.setObjectName("etaBox")
        self.eta_box.setRange(0.1, 5.0)
        self.eta_box.setSingleStep(0.1)
        self.eta_box.setDecimals(2)
        self.eta_box.setValue(1.0)
        self.eta_box.setToolTip(self.tr("Learning rate η of the perceptron rule"))
        form = QHBoxLayout()  # one line for both: the plane gets the height
        rows = ((self.tr("Gate"), self.gate_box), (self.tr("Learning rate η"), self.eta_box))
        for text, box in rows:
            label = QLabel(text)
            label.setBuddy(box)
            form.addWidget(label)
            form.addWidget(box, 1)
        buttons = QHBoxLayout()
        specs = (
            ("stepButton", self.tr("Step"), self.tr("Apply the rule to the next sample"), 1),
            (
                "epochButton",
                self.tr("Epoch"),
                self.tr("Apply the rule to the rest of the epoch"),
                0,
            ),
        )
        self.run_buttons = []
        for name, text, tip, count in specs:
            button = QPushButton(text)
            button.setObjectName(name)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, c=count: self.run(c))
            buttons.addWidget(button)
            self.run_buttons.append(button)
        reset = QPushButton(self.tr("Reset"))
        reset.setObjectName("resetButton")
        reset.setToolTip(self.tr("Weights and bias back to zero; count the epochs again"))
        reset.clicked.connect(self.reset)
        buttons.addWidget(reset)
        self.run_buttons.append(reset)
        layout = QVBoxLayout()
        layout.addLayout(form)
        layout.addLayout(buttons)
        return layout

    # -- reading the state -----------------------------------------------------------------

    @property
    def gate(self) -> str:
        """The chosen gate's dataset name."""
        return self.gate_box.currentData()

    @property
    def eta(self) -> float:
        """The perceptron's learning rate η."""
        return float(self.eta_box.value())

    def truth_table(self) -> tuple[np.ndarray, np.ndarray]:
        """Inputs (0/1) and targets of the chosen gate, from the engine's dataset."""
        ds = load_dataset(self.gate)
        return ds.X, ds.Y

    def updates(self) -> list[Update]:
        """The updates of the current run (since the last Reset or gate change)."""
        items = self.history.items()
        starts = [i for i, item in enumerate(items) if isinstance(item, Restart)]
        run = items[starts[-1] + 1 :] if starts else items
        return [u for u in run if isinstance(u, Update) and u.gate == self.gate]

    def mistakes_per_epoch(self) -> list[int]:
        """Mistakes in each complete epoch of the current run."""
        run = self.updates()
        return [sum(u.step.mistake for u in run[k : k + 4]) for k in range(0, len(run) - 3, 4)]

    def outputs(self) -> tuple[np.ndarray, np.ndarray]:
        """z and ŷ of the output unit for the four truth-table inputs (engine forward)."""
        X, _ = self.truth_table()
        z, y_hat = self.network.forward_trace(X)[-1]
        return z[:, 0], y_hat[:, 0]

    # -- actions ---------------------------------------------------------------------------

    def run(self, count: int) -> int:
        """Apply the rule to ``count`` samples (0: to the end of the epoch).

        Each update that changes something is one undoable edit; several in one press
        are one undo step. Returns the number of mistakes.
        """
        if not self.is_perceptron():
            return 0
        self.host.training.pause()
        X, Y = self.truth_table()
        done = len(self.updates())
        count = count or 4 - done % 4
        copy = self.network.copy()
        updates = []
        for k in range(count):
            i = (done + k) % 4
            y_hat, dw, db = perceptron_update(copy, X[i], Y[i], self.eta)
            step = PerceptronStep(i, X[i], Y[i], y_hat, dw, db)
            updates.append(Update(self.gate, self.eta, step, copy.parameters.copy()))
        changes = [u for u in updates if u.step.mistake]
        stack = self.host.undo_stack
        if len(changes) > 1:
            stack.beginMacro(self.tr("Perceptron epoch"))
        for u in changes:
            text = fill(self.tr("Perceptron update for x = (%1)"), _vector(u.step.x))
            if not self.push(SetParameters(u.after, "Perceptron update"), text):
                break
        if len(changes) > 1:
            stack.endMacro()
        self.history.add(*updates)
        self.refresh()
        return len(changes)

    def reset(self) -> None:
        """Weights and bias back to zero (one undoable edit) and count afresh."""
        if not self.is_perceptron():
            return
        self.host.training.pause()
        zeros = np.zeros_like(self.network.parameters)
        if np.any(self.network.parameters != zeros):
            self.push(SetParameters(zeros, "Reset the perceptron"), self.tr("Reset the perceptron"))
        self.history.add(Restart(self.gate))
        self.log.clear()
        self.refresh()

    def choose_gate(self, gate: str) -> None:
        """Learn ``gate`` ("and", "or" or "xor_gate") from zero weights."""
        self.gate_box.setCurrentIndex(self.gate_box.findData(gate))
        self._on_gate_chosen()

    def _on_gate_chosen(self, *_: object) -> None:
        config = self.model.config
        if config.dataset != self.gate:
            self.model.set_config(config.with_changes(dataset=self.gate, test_fraction=0.0))
        self.reset()

    def _on_config_change(self) -> None:
        dataset = self.model.config.dataset
        if dataset in GATES and dataset != self.gate:
            self.gate_box.setCurrentIndex(self.gate_box.findData(dataset))
            if self.fits():
                self.refresh()

    def add_hidden_layer(self) -> bool:
        """Replace the unit by 2-4-1 (tanh, sigmoid) as one undoable edit; train on XOR."""
        return self.mlp.add()

    # -- showing -----------------------------------------------------------------------------

    def _on_undo_index(self, _index: int) -> None:
        # Undo and redo change the stack's index after the edit signalled its change,
        # so the log (which follows the index) is brought up to date here.
        if self.fits():
            self.refresh()

    def _on_history_change(self) -> None:
        if self.is_mlp():
            self.refresh()

    def refresh(self) -> None:
        if self.is_perceptron():
            if self._phase != "perceptron" and self.host.training.running:
                self.host.training.pause()  # the hidden layer was undone
            self._phase = "perceptron"
            self._refresh_perceptron()
        elif self.is_mlp():
            self._phase = "mlp"
            self.mlp.refresh()
        perceptron = self._phase == "perceptron"
        self.view.set_legend(self.legends[self._phase])
        for widget in (*self.run_buttons, self.gate_box, self.eta_box):
            widget.setEnabled(perceptron)
        self.log.setVisible(perceptron and bool(self.log.text()))
        # The hidden layer is the answer to XOR: offered only there.
        self.mlp_button.setVisible(perceptron and self.gate == "xor_gate")
        self.set_task(self.task())

    def task(self) -> str:
        """The task of the current phase and gate, as rich text."""
        if self._phase == "mlp":
            return self.tr(
                "<b>Your task:</b> watch backpropagation train the 2-4-1 network on XOR "
                "(it pauses by itself once every output is close to its target). When all "
                "four outputs are right, press <i>Check my answer</i>."
            )
        if self.gate == "xor_gate":
            return self.tr(
                "<b>Your task:</b> press <i>Epoch</i> a few times. Does an epoch without "
                "mistakes ever come? When you see why not, add a hidden layer with the "
                "button below."
            )
        return fill(
            self.tr(
                "<b>Your task:</b> press <i>Step</i> or <i>Epoch</i> until the perceptron "
                "computes <b>%1</b> (a whole epoch without a mistake), then press <i>Check "
                "my answer</i>. Then choose the other gate, and XOR."
            ),
            GATE_NAMES[self.gate],
        )

    def _refresh_perceptron(self) -> None:
        X, Y = self.truth_table()
        z, y_hat = self.outputs()
        self.table.set_rows(
            [[*x, y[0], zi, yi] for x, y, zi, yi in zip(X, Y, z, y_hat, strict=True)]
        )
        self.view.draw_points(X, Y[:, 0], y_hat)
        layer = self.network.layers[0]
        w, b = layer.weights[0], float(layer.biases[0])
        self.view.draw_unit(w, b)
        if not w.any():
            # 0 x₁ + 0 x₂ + b = 0 is no line: say what the unit does instead.
            text = fill(
                self.tr(
                    "w = (%1), b = %2.<br>No decision line: z = b for every input, so the "
                    "unit fires for all four or for none."
                ),
                _vector(w),
                _number(b),
            )
        else:
            text = fill(
                self.tr(
                    "w = (%1), b = %2.<br>Decision line: <nobr>%3</nobr>.<br>The unit fires "
                    "(ŷ = 1) where <nobr>w₁x₁ + w₂x₂ + b ≥ 0</nobr>."
                ),
                _vector(w),
                _number(b),
                equation(w, b),
            )
        self.weights_label.setText(text)
        self._show_log()
        self._show_mistakes()

    def log_lines(self) -> list[str]:
        """One line for every update of the current run, oldest first."""
        return log_lines(self.updates())

    def _show_log(self) -> None:
        # The last epoch's updates: the earlier ones are summed up in the mistakes count.
        lines = self.log_lines()[-LOG_LINES:]
        self.log.setText("<br>".join(lines))
        self.log.setVisible(bool(lines))

    def _show_mistakes(self) -> None:
        counts = self.mistakes_per_epoch()
        done = len(self.updates())
        X, _ = self.truth_table()
        self._show_sample(X[done % 4])
        text, verdict = mistakes_text(counts, self.gate, _vector(X[done % 4]))
        colour = {"converged": GOOD, "never": BAD}.get(verdict or "")
        self.status.setStyleSheet(f"color: {colour};" if colour else "")
        self.status.setText(text)

    def _show_sample(self, x: np.ndarray) -> None:
        """Let the diagram show input ``x``: select the training sample that holds it."""
        # The app's training set holds the four inputs in its own (shuffled) order.
        found = np.flatnonzero(np.all(np.isclose(self.model.data.X_train, x), axis=1))
        if found.size:
            self.model.select_sample(int(found[0]))

    # -- the question ------------------------------------------------------------------------

    def check(self) -> tuple[bool, str]:
        if self.is_mlp():
            return self.mlp.check()
        if self.gate == "xor_gate":
            return False, self.tr(
                "One step unit cannot compute XOR: no straight line puts (0, 1) and (1, 0) on "
                "one side and (0, 0) and (1, 1) on the other. Add a hidden layer (the button "
                "below), or choose AND or OR to check the perceptron."
            )
        # The gate the box shows is the gate the task names and the check checks.
        name = GATE_NAMES[self.gate]
        X, Y = self.truth_table()
        y_hat = self.network.forward(X)[:, 0]
        wrong = [k for k in range(4) if y_hat[k] != Y[k, 0]]
        if not wrong:
            return True, fill(
                self.tr(
                    "Right: the unit computes %3 for all four inputs, with w = (%1) and b = %2."
                ),
                _vector(self.network.layers[0].weights[0]),
                _number(self.network.layers[0].biases[0]),
                name,
            )
        k = wrong[0]
        return False, (
            fill(
                self.tr(
                    "Not yet: for x = (%1) the unit outputs %2, but %4 is %3. Press Epoch "
                    "until an epoch has no mistake."
                ),
                _vector(X[k]),
                _number(y_hat[k]),
                _number(Y[k, 0]),
                name,
            )
        )


LESSON = PerceptronLesson
