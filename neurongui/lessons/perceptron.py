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

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGraphicsPolygonItem,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from neurongui.engine import Network
from neurongui.engine.config import TrainingConfig
from neurongui.engine.datasets import load_dataset
from neurongui.engine.edits import ReplaceState, SetParameters
from neurongui.engine.perceptron import PerceptronStep, perceptron_update
from neurongui.i18n import fill
from neurongui.lessons.base import BAD, GOOD, Lesson, NumberTable, format_number
from neurongui.lessons.widgets import StepHistory, legend_label, plot_widget, scroll_body

__all__ = ["LESSON", "PerceptronLesson", "StepHistory", "scroll_body"]

#: The gates of the chooser (dataset names).
GATES = ("and", "or", "xor_gate")
#: Epochs, all with mistakes, after which the lesson explains why XOR fails.
XOR_EPOCHS = 3
#: The network that learns XOR: hidden neurons, learning rate, batch, initial seed.
HIDDEN, MLP_RATE, MLP_BATCH, MLP_SEED = 4, 0.5, 4, 1
#: Training pauses once every output is this close to its target.
CONFIDENT = 0.1
#: Colours of target 0 and 1, of the decision line and of a mistake.
# The app's class colours (canvas, output chart): orange for 0, blue for 1.
BLUE, ORANGE, LINE = "#0877bd", "#f59322", "#1a9641"
#: The part of the plane the perceptron plot shows (the inputs are 0 and 1).
VIEW = (-0.5, 1.5)
#: The square the firing region is clipped to: well beyond anything the plot shows.
FAR = (-50.0, 50.0)


def _number(value: float) -> str:
    return format_number(float(value) + 0.0)  # + 0.0 turns −0 into 0


def _vector(values: np.ndarray) -> str:
    return ", ".join(_number(v) for v in np.ravel(values))


def equation(w: np.ndarray, b: float) -> str:
    """The decision line as it is written: ``2 x₁ + 1 x₂ − 3 = 0``."""
    terms = [(w[0], " x₁"), (w[1], " x₂"), (b, "")]
    text = ""
    for value, name in terms:
        value = float(value) + 0.0
        sign = "−" if value < 0 else "+"
        text += (f"{sign} " if text else ("−" if value < 0 else "")) + format_number(abs(value))
        text += name + " "
    return text + "= 0"


def half_plane(w: np.ndarray, b: float, lo: float, hi: float) -> tuple[list, list]:
    """Clip the square [lo, hi]² to w·x + b ≥ 0.

    Returns
    -------
    polygon, crossings
        The corners of the part where the step unit fires, and the points where the
        line w·x + b = 0 crosses the square's edges (two, or none).
    """
    corners = [np.array(p, float) for p in ((lo, lo), (hi, lo), (hi, hi), (lo, hi))]
    polygon, crossings = [], []
    for k, p in enumerate(corners):
        q = corners[(k + 1) % 4]
        with np.errstate(over="ignore", invalid="ignore"):  # typed weights of 1e308
            fp, fq = float(w @ p + b), float(w @ q + b)
        if fp >= 0:
            polygon.append(p)
        if (fp >= 0) != (fq >= 0):
            point = p + fp / (fp - fq) * (q - p)
            polygon.append(point)
            crossings.append(point)
    return polygon, crossings


# -- what the lesson records ---------------------------------------------------------------


@dataclass(frozen=True)
class Update:
    """One application of the rule: the gate, η, what the engine did, the new parameters."""

    gate: str
    eta: float
    step: PerceptronStep
    after: np.ndarray


@dataclass(frozen=True)
class Restart:
    """Counting starts again (Reset, or another gate)."""

    gate: str


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
        self.history = StepHistory(self.window.undo_stack)
        self._phase = "perceptron"
        self._solved_reported = False
        layout = scroll_body(body)
        layout.addLayout(self._build_controls())
        self.plot = plot_widget("perceptronPlot", "x₁", "x₂", 260)
        self.plot.setAccessibleName(self.tr("The four inputs and the decision line"))
        self.plot.setMouseEnabled(False, False)
        self.plot.setAspectLocked(True)
        self._build_plot_items()
        layout.addWidget(self.plot)
        layout.addWidget(
            legend_label(
                [
                    ("●", ORANGE, self.tr("target y = 0")),
                    ("●", BLUE, self.tr("target y = 1")),
                    ("◯", BAD, self.tr("misclassified")),
                    ("━", LINE, self.tr("decision line")),
                    ("■", "rgba(8, 119, 189, 0.35)", self.tr("the unit fires, ŷ = 1")),
                ]
            )
        )
        self.weights_label = self._label("weightsLabel")
        layout.addWidget(self.weights_label)
        self.status = self._label("mistakesLabel")
        layout.addWidget(self.status)
        self.table = NumberTable(
            "gateTable",
            ["x₁", "x₂", "y", "z", "ŷ"],
            4,
            self.tr("Inputs, targets and the unit's z and output"),
        )
        layout.addWidget(self.table)
        self.log = QPlainTextEdit()
        self.log.setObjectName("stepLog")
        self.log.setReadOnly(True)
        self.log.setAccessibleName(self.tr("Log of the perceptron's updates"))
        self.log.setMinimumHeight(130)
        font = self.log.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.log.setFont(font)
        self.log.setPlaceholderText(self.tr("Press Step: each update is written here."))
        layout.addWidget(self.log)
        self.mlp_button = QPushButton(self.tr("Add a hidden layer and train with backpropagation"))
        self.mlp_button.setObjectName("hiddenLayerButton")
        self.mlp_button.setToolTip(
            self.tr("Replace the unit by a 2-4-1 network and train it on XOR (undo with Ctrl+Z)")
        )
        self.mlp_button.clicked.connect(self.add_hidden_layer)
        self.mlp_label = self._label("mlpLabel")
        layout.addWidget(self.mlp_label)
        layout.addWidget(self.mlp_button)
        self.listen(self.window.undo_stack.indexChanged, self._on_undo_index)
        self.listen(self.model.configChanged, self._on_config_change)
        self.listen(self.model.historyChanged, self._on_history_change)
        self._on_config_change()

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _build_controls(self) -> QVBoxLayout:
        form = QFormLayout()
        self.gate_box = QComboBox()
        self.gate_box.setObjectName("gateBox")
        for name, text in zip(GATES, ("AND", "OR", "XOR"), strict=True):
            self.gate_box.addItem(text, name)
        self.gate_box.setToolTip(self.tr("The logic gate the perceptron learns"))
        self.gate_box.activated.connect(self._on_gate_chosen)
        form.addRow(self.tr("Gate"), self.gate_box)
        self.eta_box = QDoubleSpinBox()
        self.eta_box.setObjectName("etaBox")
        self.eta_box.setRange(0.1, 5.0)
        self.eta_box.setSingleStep(0.1)
        self.eta_box.setDecimals(2)
        self.eta_box.setValue(1.0)
        self.eta_box.setToolTip(self.tr("Learning rate η of the perceptron rule"))
        form.addRow(self.tr("Learning rate η"), self.eta_box)
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

    def _build_plot_items(self) -> None:
        plot = self.plot
        self.region = QGraphicsPolygonItem()
        self.region.setBrush(QBrush(QColor(8, 119, 189, 45)))  # where ŷ = 1: blue
        self.region.setPen(QPen(Qt.PenStyle.NoPen))
        self.region.setZValue(-10)
        plot.addItem(self.region)
        self.output_map = pg.ImageItem(axisOrder="row-major")
        self.output_map.setZValue(-10)
        self.output_map.setLookupTable(
            pg.ColorMap(
                [0.0, 0.5, 1.0], [(245, 147, 34, 90), (255, 255, 255, 0), (8, 119, 189, 90)]
            ).getLookupTable(nPts=256, alpha=True)
        )
        plot.addItem(self.output_map)
        self.iso = pg.IsocurveItem(level=0.5, pen=pg.mkPen(LINE, width=2), axisOrder="row-major")
        self.iso.setParentItem(self.output_map)
        self.line = pg.PlotDataItem([], [], pen=pg.mkPen(LINE, width=2))
        plot.addItem(self.line)
        self.points = {}
        for target, colour in ((0, ORANGE), (1, BLUE)):
            item = pg.ScatterPlotItem(size=14, brush=colour, pen=pg.mkPen("k", width=1))
            plot.addItem(item)
            self.points[target] = item
        self.wrong = pg.ScatterPlotItem(size=26, brush=None, pen=pg.mkPen(BAD, width=2.5))
        plot.addItem(self.wrong)

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
        self.window.training.pause()
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
        stack = self.window.undo_stack
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
        self.window.training.pause()
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
        training = self.window.training
        training.pause()
        net = Network(
            [2, HIDDEN, 1],
            ["tanh", "sigmoid"],
            init="xavier",
            seed=MLP_SEED,
            input_names=self.network.input_names,
        )
        text = fill(self.tr("Add a hidden layer of %1 tanh neurons"), str(HIDDEN))
        if not self.push(ReplaceState(net.to_dict(), "Add a hidden layer"), text):
            return False
        config = self.model.config.with_changes(
            dataset="xor_gate",
            loss="bce",
            optimizer="sgd",
            learning_rate=MLP_RATE,
            batch_size=MLP_BATCH,
            test_fraction=0.0,
            epoch_limit=None,
            target_loss=None,
        )
        if config != self.model.config:
            self.model.set_config(config)
        self.model.set_history([])
        self._solved_reported = False
        self.say(self.tr("Training the 2-4-1 network on XOR by backpropagation…"))
        training.play()
        return True

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
            if self._phase != "perceptron" and self.window.training.running:
                self.window.training.pause()  # the hidden layer was undone
            self._phase = "perceptron"
            self._refresh_perceptron()
        elif self.is_mlp():
            self._phase = "mlp"
            self._refresh_mlp()
        perceptron = self._phase == "perceptron"
        for widget in (*self.run_buttons, self.gate_box, self.eta_box):
            widget.setEnabled(perceptron)
        self.log.setVisible(perceptron)
        self.mlp_button.setVisible(perceptron)

    def _refresh_perceptron(self) -> None:
        X, Y = self.truth_table()
        z, y_hat = self.outputs()
        self.table.set_rows(
            [[*x, y[0], zi, yi] for x, y, zi, yi in zip(X, Y, z, y_hat, strict=True)]
        )
        self._draw_points(X, Y[:, 0], y_hat)
        self.output_map.hide()
        self.iso.hide()
        layer = self.network.layers[0]
        w, b = layer.weights[0], float(layer.biases[0])
        polygon, crossings = half_plane(w, b, *FAR)
        self.region.setPolygon(QPolygonF([QPointF(*p) for p in polygon]))
        self.region.show()
        ends = np.array(crossings) if len(crossings) == 2 else np.empty((0, 2))
        self.line.setData(ends[:, 0], ends[:, 1])
        self.plot.setRange(xRange=VIEW, yRange=VIEW, padding=0)
        self.weights_label.setText(
            fill(
                self.tr(
                    "w = (%1), b = %2. Decision line: %3. The unit fires (ŷ = 1) where "
                    "w₁x₁ + w₂x₂ + b ≥ 0."
                ),
                _vector(w),
                _number(b),
                equation(w, b),
            )
        )
        self._show_log()
        self._show_mistakes()
        self.mlp_label.setText(
            self.tr("One unit draws one straight line. For XOR, add a hidden layer:")
        )

    def _draw_points(self, X: np.ndarray, y: np.ndarray, y_hat: np.ndarray) -> None:
        for target, item in self.points.items():
            item.setData(pos=X[y == target])
        wrong = (y_hat >= 0.5) != (y >= 0.5)
        self.wrong.setData(pos=X[wrong])

    def _show_log(self) -> None:
        lines = []
        for n, u in enumerate(self.updates()):
            s = u.step
            head = fill(
                self.tr("Epoch %1 · x = (%2): y = %3, ŷ = %4"),
                str(n // 4 + 1),
                _vector(s.x),
                _number(s.y[0]),
                _number(s.y_hat[0]),
            )
            if s.mistake:
                tail = fill(
                    self.tr("mistake, Δw = (%1), Δb = %2"),
                    _vector(s.delta_weights),
                    _number(s.delta_biases[0]),
                )
            else:
                tail = self.tr("right, no change")
            lines.append(f"{head} · {tail}")
        text = "\n".join(lines)
        if text != self.log.toPlainText():
            self.log.setPlainText(text)
            bar = self.log.verticalScrollBar()
            bar.setValue(bar.maximum())

    def _show_mistakes(self) -> None:
        counts = self.mistakes_per_epoch()
        done = len(self.updates())
        X, _ = self.truth_table()
        next_x = _vector(X[done % 4])
        if not counts:
            text = fill(self.tr("No complete epoch yet. Next sample: x = (%1)."), next_x)
            colour = None
        else:
            text = fill(
                self.tr("Mistakes per epoch: %1. Next sample: x = (%2)."),
                ", ".join(str(c) for c in counts),
                next_x,
            )
            colour = None
            if counts[-1] == 0:
                text += " " + self.tr(
                    "Converged: a whole epoch without a mistake, so the weights stop changing."
                )
                colour = GOOD
            elif self.gate == "xor_gate" and len(counts) >= XOR_EPOCHS and min(counts) > 0:
                text += " " + self.tr(
                    "Every epoch has a mistake, and always will: no straight line puts "
                    "(0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the other. "
                    "XOR is not linearly separable, so one step unit cannot compute it."
                )
                colour = BAD
        self.status.setStyleSheet(f"color: {colour};" if colour else "")
        self.status.setText(text)

    def _refresh_mlp(self) -> None:
        data = self.model.data
        X, Y = data.X_train, data.Y_train
        net = self.network
        order = np.lexsort((X[:, 1], X[:, 0]))  # the rows of the truth table, in order
        X, Y = X[order], Y[order]
        z, y_hat = net.forward_trace(X)[-1]
        self.table.set_rows(
            [[*x, y[0], zi[0], yi[0]] for x, y, zi, yi in zip(X, Y, z, y_hat, strict=True)]
        )
        self._draw_points(X, Y[:, 0], y_hat[:, 0])
        self._draw_output_map(X)
        self.region.hide()
        self.line.setData([], [])
        right = int(((y_hat >= 0.5) == (Y >= 0.5)).sum())
        epochs = len(self.model.history)
        loss = self.model.history[-1].train_loss if self.model.history else net.loss(X, Y, "bce")
        text = self.tr("The green curve is where the output is ½.")
        if X.min() < 0:  # the app standardises the inputs of non-2-D datasets
            text = (
                self.tr(
                    "The training data give the gate's inputs standardised: 0 becomes −1 and "
                    "1 becomes +1."
                )
                + " "
                + text
            )
        self.weights_label.setText(text)
        self.status.setStyleSheet("")
        self.status.setText(
            fill(
                self.tr("Epoch %1 · loss %2 · %3 of 4 outputs right"),
                str(epochs),
                _number(loss),
                str(right),
            )
        )
        self.mlp_label.setText(
            self.tr("Ctrl+Z removes the hidden layer and brings the perceptron back.")
        )
        self._report_mlp(right, float(np.abs(y_hat - Y).max()))

    def _draw_output_map(self, X: np.ndarray) -> None:
        lo, hi = float(X.min()) - 0.6, float(X.max()) + 0.6
        grid = np.linspace(lo, hi, 61)
        gx, gy = np.meshgrid(grid, grid)  # rows follow x₂, columns x₁
        out = self.network.forward(np.column_stack([gx.ravel(), gy.ravel()]))[:, 0]
        image = out.reshape(gx.shape)
        self.output_map.setImage(image, levels=(0.0, 1.0), autoLevels=False)
        self.output_map.setRect(lo, lo, hi - lo, hi - lo)
        self.output_map.show()
        self.iso.setData(image, 0.5)
        self.iso.show()
        self.plot.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0)

    def _report_mlp(self, right: int, worst: float) -> None:
        history = self.model.history
        # Parameters arrive just before the history of the same snapshot: report only
        # when the history says so too, so the epoch numbers are the snapshot's.
        if right < 4 or not history or history[-1].train_accuracy != 1.0:
            return
        first = next(r.epoch for r in history if r.train_accuracy == 1.0)
        if worst < CONFIDENT and self.window.training.running:
            self.window.training.pause()
            self._solved_reported = True
            text = self.tr(
                "XOR learned: all four outputs were first right at epoch %1; after %2 "
                "epochs each is within %3 of its target, so training paused (Play in the "
                "Training panel goes on). The hidden layer bends the boundary, which no "
                "single line could do."
            )
            self.say(
                fill(text, str(first), str(history[-1].epoch), _number(CONFIDENT)),
                True,
            )
        elif not self._solved_reported:
            self._solved_reported = True
            text = self.tr(
                "All four outputs are right, first at epoch %1: the hidden layer bends the "
                "boundary, which no single line could do."
            )
            self.say(fill(text, str(first)), True)

    # -- the question ------------------------------------------------------------------------

    def check(self) -> tuple[bool, str]:
        if not self.is_perceptron():
            return False, self.tr(
                "This question is about the single step unit: undo the hidden layer (Ctrl+Z) first."
            )
        X, Y = load_dataset("or").X, load_dataset("or").Y[:, 0]
        y_hat = self.network.forward(X)[:, 0]
        wrong = [k for k in range(4) if y_hat[k] != Y[k]]
        if not wrong:
            return True, fill(
                self.tr(
                    "Right: the unit computes OR for all four inputs, with w = (%1) and b = %2."
                ),
                _vector(self.network.layers[0].weights[0]),
                _number(self.network.layers[0].biases[0]),
            )
        k = wrong[0]
        return False, (
            fill(
                self.tr(
                    "Not yet: for x = (%1) the unit outputs %2, but OR is %3. Choose OR and "
                    "press Epoch until an epoch has no mistake."
                ),
                _vector(X[k]),
                _number(y_hat[k]),
                _number(Y[k]),
            )
        )


LESSON = PerceptronLesson
