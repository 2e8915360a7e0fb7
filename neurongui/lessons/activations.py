"""Lesson 7, choosing an activation: sigmoid, tanh and ReLU race on the spiral.

The window's network is 2-8-8-1 on the two-spiral dataset. *Race* trains three copies
of one starting network that differ only in their hidden activation, a few epochs per
timer tick so the three loss curves grow live; a table gives the final losses and test
accuracies. *Your network* shows, live, how much gradient each hidden layer lets
through (the mean and largest f′(z) over the training points) and how many ReLUs are
dead, and puts the chosen activation into the window's network as one undoable edit.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine import Network
from neurongui.engine.config import TrainingConfig
from neurongui.engine.edits import ReplaceState
from neurongui.engine.session import make_trainer
from neurongui.engine.trainer import Trainer
from neurongui.i18n import fill, keep_together
from neurongui.lessons.base import Lesson, NumberTable, format_number, rich_label
from neurongui.lessons.race import RaceRunner, fresh_network
from neurongui.lessons.widgets import fit_combo, follow_theme, legend_label, page, plot_widget

__all__ = ["ACTIVATIONS", "LESSON", "ActivationsLesson"]

#: The hidden activations that race, in the order of the curves and the table.
ACTIVATIONS = ("sigmoid", "tanh", "relu")
#: How each is written for the student (names, not translated).
LABELS = {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU"}
COLOURS = {"sigmoid": (245, 147, 34), "tanh": (8, 119, 189), "relu": (26, 150, 65)}
#: Epochs of a race unless the student chooses otherwise.
DEFAULT_EPOCHS = 200


class ActivationsLesson(Lesson):
    """Three hidden activations race on the spiral; the winner can go into the network."""

    key = "activations"
    fill_body = True
    asks = True
    # The activation plots are this lesson's subject; the race is plotted in the
    # lesson, not in the charts, and nothing is selected for the inspector.
    hidden_docks = ("inspectorDock", "chartsDock")

    def network_and_config(self) -> tuple[Network, TrainingConfig]:
        # Plain x₁, x₂ inputs keep the spiral hard, which is what makes the activations
        # differ. With SGD the sigmoid network barely moves in 200 epochs and the other
        # two need a hand-tuned rate each; Adam, at one rate for all, gives every run a
        # fair chance and still ranks them the same way for every seed tried (0–7):
        # ReLU lowest, then tanh, sigmoid far behind (its f′ ≤ 1/4 shrinks the gradient).
        config = TrainingConfig(
            dataset="spiral",
            loss="bce",
            optimizer="adam",
            learning_rate=0.01,
            batch_size=10,
            seed=0,
        )
        net = Network([2, 8, 8, 1], ["tanh", "tanh", "sigmoid"], seed=config.seed)
        return net, config

    # -- building ------------------------------------------------------------------

    def build(self, body: QVBoxLayout) -> None:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("activationTabs")
        self.tabs.addTab(self._race_page(), self.tr("Race"))
        self.tabs.addTab(self._network_page(), self.tr("Your network"))
        body.addWidget(self.tabs, 1)
        self._epoch_axis = np.arange(1, DEFAULT_EPOCHS + 1, dtype=float)
        self.runner = RaceRunner(self)
        self.runner.progressed.connect(self._show_race)
        self.listen(self.model.dataChanged, self.refresh)
        follow_theme(self, [self.race_plot])
        self.runner.finished.connect(self._on_race_done)

    def _race_page(self) -> QWidget:
        self.epochs_box = QSpinBox()
        self.epochs_box.setObjectName("raceEpochsBox")
        self.epochs_box.setRange(10, 2000)
        self.epochs_box.setSingleStep(50)
        self.epochs_box.setValue(DEFAULT_EPOCHS)
        self.epochs_box.setSuffix(self.tr(" epochs"))
        self.epochs_box.setToolTip(self.tr("How long each network trains"))
        self.epochs_box.setAccessibleName(self.tr("Epochs of the race"))
        self.start_button = QPushButton(self.tr("Start the race"))
        self.start_button.setObjectName("raceStartButton")
        self.start_button.setToolTip(
            self.tr("Train three copies of the starting network, one per activation")
        )
        self.start_button.clicked.connect(self.start_race)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setObjectName("racePauseButton")
        self.pause_button.setEnabled(False)
        self.pause_button.clicked.connect(self._on_pause_button)
        row = QHBoxLayout()
        row.addWidget(self.epochs_box)
        row.addWidget(self.start_button, 1)
        row.addWidget(self.pause_button)
        controls = QWidget()
        controls.setLayout(row)
        # Denser loss ticks: the three endings can be read off a short plot on a
        # 768-pixel screen even with the answer's explanation under the panel.
        self.race_plot = plot_widget("racePlot", self.tr("epoch"), self.tr("training loss"), 120)
        self.race_plot.getAxis("left").setTickDensity(2.0)
        # Whole epochs from the start, not 0.2 … 0.8 on an empty plot.
        self.race_plot.setXRange(0, DEFAULT_EPOCHS, padding=0.02)
        self.race_plot.setYRange(0, 1, padding=0.02)
        # Until the race starts, the empty plot says what will appear on it.
        self.race_hint = pg.TextItem(
            keep_together(self.tr("Press “Start the race”: the three loss curves grow here.")),
            color=(150, 150, 150),
            anchor=(0.5, 0.5),
        )
        self.race_hint.setPos(DEFAULT_EPOCHS / 2, 0.5)
        self.race_plot.addItem(self.race_hint, ignoreBounds=True)
        self.curves = {
            name: self.race_plot.plot(pen=pg.mkPen(COLOURS[name], width=2), name=LABELS[name])
            for name in ACTIVATIONS
        }
        # Under the plot, where it hides no curve.
        legend = legend_label(
            [("━", pg.mkColor(COLOURS[n]).name(), LABELS[n]) for n in ACTIVATIONS]
        )
        self.log_check = QCheckBox(self.tr("Logarithmic loss axis"))
        self.log_check.setObjectName("raceLogCheck")
        self.log_check.toggled.connect(self._on_log_toggle)
        self.race_table = NumberTable(
            "raceTable",
            [
                self.tr("activation"),
                self.tr("epochs"),
                self.tr("training loss"),
                self.tr("test acc."),
            ],
            len(ACTIVATIONS),
            self.tr("Results of the race"),
            percents=[3],
        )
        # The activations are listed from the start, their numbers "–" until they race.
        self.race_table.set_rows([[LABELS[name], None, None, None] for name in ACTIVATIONS])
        self.race_note = rich_label("raceNote")
        self.race_note.setText(self._start_note())
        self.answer_box = QComboBox()
        self.answer_box.setObjectName("answerBox")
        self.answer_box.addItem(self.tr("(choose)"), None)
        for name in ACTIVATIONS:
            self.answer_box.addItem(LABELS[name], name)
        self.answer_box.setAccessibleName(self.tr("Your answer"))
        # As wide as its longest choice: the question beside it wraps instead.
        fit_combo(self.answer_box)
        self.question = QLabel(
            keep_together(self.tr("Which activation reached the lowest training loss?"))
        )
        self.question.setWordWrap(True)
        self.question.setBuddy(self.answer_box)
        ask = QHBoxLayout()
        ask.addWidget(self.question, 1)
        ask.addWidget(self.answer_box)
        options = QHBoxLayout()
        options.addWidget(legend, 1)
        options.addWidget(self.log_check)
        return page(controls, self.race_plot, options, self.race_table, ask, self.race_note)

    def _start_note(self) -> str:
        return self.tr(
            "<b>The race trains copies: the diagram shows your own network, which does not "
            "change.</b> Same starting weights and Training-panel settings; only the hidden "
            "activation differs."
        )

    def essentials(self) -> list[QWidget]:
        widgets = [*super().essentials(), self.tabs.tabBar()]
        if self.tabs.currentIndex() == 0:
            widgets += [
                self.epochs_box,
                self.start_button,
                self.race_plot,
                self.race_table,
                self.question,
                self.answer_box,
            ]
        else:
            widgets += [self.choice_box, self.use_button, self.health_table]
        return widgets

    def _network_page(self) -> QWidget:
        self.choice_box = QComboBox()
        self.choice_box.setObjectName("activationChoice")
        for name in ACTIVATIONS:
            self.choice_box.addItem(LABELS[name], name)
        self.choice_box.setCurrentIndex(ACTIVATIONS.index("tanh"))
        self.choice_box.setAccessibleName(self.tr("Hidden activation to use"))
        self.use_button = QPushButton(self.tr("Use this activation"))
        self.use_button.setObjectName("useActivationButton")
        self.use_button.setToolTip(
            self.tr(
                "Give every hidden layer of the network this activation, with the race's "
                "starting weights (undo with Ctrl+Z)"
            )
        )
        self.use_button.clicked.connect(self.use_activation)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Hidden activation")))
        row.addWidget(self.choice_box, 1)
        row.addWidget(self.use_button)
        top = QWidget()
        top.setLayout(row)
        self.use_note = rich_label("useNote")
        self.use_note.setText(
            self.tr(
                "Then press Play in the toolbar and watch each neuron's map on the diagram. "
                "The table follows the training live: over all training points, how much "
                "gradient each hidden layer passes back (backpropagation multiplies by "
                "f′(z) in every layer)."
            )
        )
        self.health_table = NumberTable(
            "healthTable",
            [self.tr("layer"), self.tr("mean f′(z)"), self.tr("largest f′(z)"), self.tr("dead")],
            2,
            self.tr("Gradient flow of each hidden layer"),
        )
        self.health_table.set_header_tip(
            3, self.tr("Neurons with f′(z) = 0 for every training point: they never learn again")
        )
        self.health_note = rich_label("healthNote")
        return page(top, self.use_note, self.health_table, self.health_note)

    def cleanup(self) -> None:
        self.runner.stop()

    # -- the race -----------------------------------------------------------------------

    def race_trainers(self) -> list[Trainer] | None:
        """One Trainer per activation, on fresh copies of one starting network."""
        config = self.model.config
        if len(self.network.layers) < 2:
            return None
        return [
            make_trainer(
                fresh_network(self.network, config.init, config.seed, hidden=name),
                self.model.data,
                config,
            )
            for name in ACTIVATIONS
        ]

    def start_race(self) -> None:
        """Start (or restart) the race with the window's architecture and settings."""
        trainers = self.race_trainers()
        if trainers is None:
            self.say(self.tr("The network has no hidden layer: add one to race."), False)
            return
        epochs = self.epochs_box.value()
        self._epoch_axis = np.arange(1, epochs + 1, dtype=float)
        self.race_plot.setXRange(0, epochs, padding=0.02)
        self.race_plot.enableAutoRange(axis="y")
        self.race_note.setText(self._start_note())
        self.race_hint.hide()
        self.say("")
        self.runner.start(trainers, epochs)
        self._update_buttons()

    def _on_log_toggle(self, on: bool) -> None:
        self.race_plot.setLogMode(False, on)
        self.race_plot.setXRange(0, len(self._epoch_axis), padding=0.02)  # the whole race

    def _on_pause_button(self) -> None:
        if self.runner.running:
            self.runner.pause()
        else:
            self.runner.resume()
        self._update_buttons()

    def _update_buttons(self) -> None:
        runner = self.runner
        self.pause_button.setEnabled(runner.started and not runner.done)
        self.pause_button.setText(self.tr("Pause") if runner.running else self.tr("Resume"))
        self.start_button.setText(
            self.tr("Start again") if runner.started else self.tr("Start the race")
        )

    def _show_race(self) -> None:
        runner = self.runner
        rows = []
        for name, trainer, losses in zip(ACTIVATIONS, runner.trainers, runner.losses, strict=True):
            n = int(np.count_nonzero(~np.isnan(losses)))
            self.curves[name].setData(self._epoch_axis[:n], losses[:n])
            last = trainer.epoch_count - 1
            rows.append(
                [
                    LABELS[name],
                    trainer.epoch_count,
                    self.tr("diverged") if trainer.diverged else losses[last],
                    runner.accuracies[ACTIVATIONS.index(name), last] if last >= 0 else np.nan,
                ]
            )
        self.race_table.set_rows(rows)
        self._update_buttons()

    def _on_race_done(self) -> None:
        self._update_buttons()
        if self.winner() is None:
            self.say(self.tr("Every run diverged: lower the learning rate."), False)
            return
        # No winner named here, right above the question: the table has the numbers.
        self.race_note.setText(
            fill(
                self.tr(
                    "The race is over after %1 epochs. Compare the training-loss column of "
                    "the table, then answer the question above."
                ),
                str(self.runner.epochs),
            )
        )

    def final_losses(self) -> dict[str, float]:
        """The last training loss of every run that did not diverge."""
        return {
            name: trainer.history[-1].train_loss
            for name, trainer in zip(ACTIVATIONS, self.runner.trainers, strict=True)
            if trainer.history and not trainer.diverged
        }

    def winner(self) -> str | None:
        """The activation with the lowest final training loss of a finished race."""
        losses = self.final_losses()
        return min(losses, key=losses.__getitem__) if losses else None

    # -- the window's network ---------------------------------------------------------

    def use_activation(self) -> bool:
        """Put the chosen activation into every hidden layer: one undoable edit."""
        name = self.choice_box.currentData()
        if len(self.network.layers) < 2:
            self.say(self.tr("The network has no hidden layer to change."), False)
            return False
        config = self.model.config
        # The race's starting weights: training it live repeats that activation's run.
        net = fresh_network(self.network, config.init, config.seed, hidden=name)
        text = fill(self.tr("Use %1 in the hidden layers"), LABELS[name])
        ok = self.push(ReplaceState(net.to_dict(), text), text)
        if ok:
            self.say(
                fill(self.tr("The hidden layers now use %1. Press Play to train."), LABELS[name]),
                True,
            )
        return ok

    def layer_health(self) -> list[tuple[str, float, float, int]]:
        """(activation, mean f′(z), largest f′(z), dead neurons) of every hidden layer,
        over the training points, from the engine's forward pass and derivatives."""
        net, X = self.network, self.model.data.inputs("train")
        if not len(X):  # every point erased: no slope to average ("–"), none seen dead
            return [(layer.activation.name, np.nan, np.nan, 0) for layer in net.layers[:-1]]
        trace = net.forward_trace(X)
        rows = []
        for layer, (z, _) in zip(net.layers[:-1], trace[:-1], strict=False):
            with np.errstate(over="ignore", invalid="ignore"):  # z of typed 1e308s
                slope = layer.activation.derivative(z)
            dead = int(np.count_nonzero((slope == 0).all(axis=0)))
            rows.append((layer.activation.name, float(slope.mean()), float(slope.max()), dead))
        return rows

    def refresh(self) -> None:
        rows = self.layer_health()
        self.health_table.set_rows(
            [
                [fill(self.tr("%1 (%2)"), str(i + 1), LABELS.get(n, n)), *v]
                for i, (n, *v) in enumerate(rows)
            ]
        )
        dead = sum(row[3] for row in rows)
        note = self.tr(
            "σ′(z) = σ(z)(1 − σ(z)) ≤ 1/4 and tanh′(z) = 1 − tanh²(z) ≤ 1: both are near 0 "
            "once |z| is large (saturation). ReLU′(z) is 1 for z > 0 and 0 otherwise."
        )
        product = float(np.prod([row[1] for row in rows]))
        if rows and np.isfinite(product):  # (no training point: no product to give)
            note += " " + fill(
                self.tr(
                    "On its way back through the hidden layers the gradient is multiplied by "
                    "about %1 (the product of the means)."
                ),
                format_number(product),
            )
        if dead:
            note += " " + fill(
                self.tr(
                    "%1 neuron(s) are dead: f′(z) = 0 for every training point (for ReLU, "
                    "z ≤ 0), so no gradient reaches their weights."
                ),
                str(dead),
            )
        self.health_note.setText(note)

    # -- the question -----------------------------------------------------------------

    def check(self) -> tuple[bool, str]:
        if not self.runner.done:
            return False, self.tr("Run the race to the end first (Race tab).")
        best = self.winner()
        if best is None:
            return False, self.tr("Every run diverged: lower the learning rate and race again.")
        answer = self.answer_box.currentData()
        if answer is None:
            return False, self.tr("Choose an answer under the race table first.")
        losses = self.final_losses()
        summary = ", ".join(
            f"{LABELS[name]} {format_number(value)}" for name, value in losses.items()
        )
        if answer == best:
            return True, fill(
                self.tr(
                    "Right: final training losses %1. Sigmoid's slope is at most 1/4, so in "
                    "every layer its factor f′ shrinks the gradient at least fourfold (the "
                    "weights multiply it too); ReLU's factor f′ is 1 where z > 0."
                ),
                summary,
            )
        return False, (
            fill(
                self.tr(
                    "Not quite: %1 ended at a training loss of %2, and another activation got "
                    "lower. Compare the training-loss column of the table."
                ),
                LABELS[answer],
                format_number(losses.get(answer, np.nan)),
            )
        )


LESSON = ActivationsLesson
