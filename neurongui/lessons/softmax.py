"""Lesson 6, softmax and cross-entropy: three output units turn into class probabilities.

The window's network is 4-8-3 on Fisher's Iris flowers. The student picks a flower and
reads its output layer's z, eᶻ and p = softmax(z) in a table and a bar chart, with the
loss −ln p_true. *Compare the losses* trains two copies of one starting network, one
with cross-entropy and one with the square loss, and plots their test accuracy epoch by
epoch; *Why* puts numbers on the reason: through the softmax, the square loss's
gradient vanishes exactly when the network is confidently wrong.

:class:`RaceRunner` (engine Trainers side by side, a few mini-batches per timer tick),
:func:`fresh_network` and the small widget helpers are shared with lesson 7.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine import Network, losses
from neurongui.engine import activations as engine_activations
from neurongui.engine.config import TrainingConfig
from neurongui.engine.datasets import IRIS_FEATURES
from neurongui.engine.session import make_trainer
from neurongui.engine.trainer import Trainer
from neurongui.i18n import data_name, fill
from neurongui.lessons.base import GOOD, Lesson, NumberTable, format_number
from neurongui.lessons.race import RaceRunner, fresh_network
from neurongui.lessons.widgets import follow_theme, plot_widget, scroll_page

__all__ = [
    "LESSON",
    "SoftmaxLesson",
    "gradient_at",
    "hypothetical_outputs",
]

#: Epochs of each run in *Compare the losses*.
COMPARE_EPOCHS = 100
#: The losses compared, in the order of the plot and the table.
COMPARED = ("cross_entropy", "mse")
#: Training accuracy the network must reach before a wrong flower counts as found.
ACCURACY_GOAL = 0.9
#: What the two other classes get in the "confidently wrong" example: the rest of the
#: probability goes to one wrong class, SPARE to the other, p = (p, 1 − SPARE − p, SPARE).
SPARE = 0.01
#: Colours of the runs (cross-entropy, square loss) and of the bars.
RUN_COLOURS = ((8, 119, 189), (245, 147, 34))
BAR, TRUE_BAR = (150, 160, 175), GOOD


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


class SoftmaxLesson(Lesson):
    """Class probabilities of one flower, and cross-entropy against the square loss."""

    key = "softmax"
    fill_body = True
    asks = True
    sizes = (4, 8, 3)

    def network_and_config(self) -> tuple[Network, TrainingConfig]:
        # A small learning rate shows the difference between the losses over 100
        # epochs for every seed tried (0–9); at 0.03 both runs reach the top early.
        config = TrainingConfig(
            dataset="iris",
            loss="cross_entropy",
            test_fraction=0.3,
            learning_rate=0.01,
            batch_size=10,
            seed=0,
        )
        net = Network([4, 8, 3], ["tanh", "softmax"], seed=config.seed, input_names=IRIS_FEATURES)
        return net, config

    # -- building ------------------------------------------------------------------

    def build(self, body: QVBoxLayout) -> None:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("softmaxTabs")
        self.tabs.addTab(self._flower_page(), self.tr("One flower"))
        self.tabs.addTab(self._compare_page(), self.tr("Compare the losses"))
        self.tabs.addTab(self._why_page(), self.tr("Why"))
        body.addWidget(self.tabs)
        self.runner = RaceRunner(self)
        self.runner.progressed.connect(self._show_compare)
        self.runner.finished.connect(self._on_compare_done)
        self.listen(self.model.sampleChanged, self._on_sample_change)
        self.listen(self.model.dataChanged, self._on_data_change)
        follow_theme(self, [self.bars_plot, self.compare_plot, self.why_plot])
        self._on_data_change()
        self._show_why()

    def _flower_page(self) -> QWidget:
        row = QHBoxLayout()
        self.flower_box = QSpinBox()
        self.flower_box.setObjectName("flowerBox")
        self.flower_box.setToolTip(self.tr("Choose a training flower; the diagram follows it"))
        self.flower_box.setAccessibleName(self.tr("Training flower"))
        self.flower_box.valueChanged.connect(lambda v: self.model.select_sample(v - 1))
        label = QLabel(self.tr("Flower"))
        label.setBuddy(self.flower_box)
        row.addWidget(label)
        row.addWidget(self.flower_box)
        self.flower_count = QLabel()
        row.addWidget(self.flower_count, 1)
        top = QWidget()
        top.setLayout(row)
        self.flower_label = self._label("flowerLabel")
        self.table = NumberTable(
            "probabilityTable",
            [self.tr("species"), "z", "eᶻ", "p", "∂L/∂z"],
            3,
            self.tr("Output layer of the selected flower"),
        )
        # Species names (维吉尼亚鸢尾) need more room than the numbers.
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        for column, tip in (
            (3, self.tr("p = softmax(z) = eᶻ / Σ eᶻ")),
            (4, self.tr("∂L/∂z = p − y with cross-entropy")),
        ):
            self.table.horizontalHeaderItem(column).setToolTip(tip)
        self.bars_plot = plot_widget("probabilityPlot", self.tr("species"), "p", 180, fixed=True)
        self.bars_plot.setYRange(0, 1.15, padding=0)
        self.bars_plot.setXRange(-0.6, 2.6, padding=0)
        self.bars_plot.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x=np.arange(3), height=np.zeros(3), width=0.6, brush=BAR)
        self.bars_plot.addItem(self.bars)
        self.true_text = pg.TextItem(self.tr("true"), color=TRUE_BAR, anchor=(0.5, 1))
        self.bars_plot.addItem(self.true_text)
        self.loss_label = self._label("flowerLossLabel")
        self.wrong_label = self._label("wrongCountLabel")
        return scroll_page(
            top, self.flower_label, self.table, self.loss_label, self.bars_plot, self.wrong_label
        )

    def _compare_page(self) -> QWidget:
        self.compare_button = QPushButton(self.tr("Train both"))
        self.compare_button.setObjectName("compareButton")
        self.compare_button.setToolTip(
            self.tr("Train two copies of the starting network, one with each loss")
        )
        self.compare_button.clicked.connect(self._on_compare_button)
        self.compare_plot = plot_widget(
            "comparePlot", self.tr("epoch"), self.tr("test accuracy"), 220, fixed=True
        )
        self.compare_plot.setYRange(0, 1, padding=0.02)
        self.compare_plot.setXRange(0, COMPARE_EPOCHS, padding=0.02)
        self.compare_plot.addLegend(offset=(-8, -8))
        self._epoch_axis = np.arange(1, COMPARE_EPOCHS + 1, dtype=float)
        self.compare_curves = [
            self.compare_plot.plot(pen=pg.mkPen(colour, width=2), name=name)
            for colour, name in zip(RUN_COLOURS, self._loss_names(), strict=True)
        ]
        self.compare_table = NumberTable(
            "compareTable",
            [
                self.tr("trained with"),
                self.tr("epochs"),
                self.tr("train acc."),
                self.tr("test acc."),
            ],
            2,
            self.tr("Accuracy of the two runs"),
        )
        self.compare_note = self._label("compareNote")
        self.compare_note.setText(
            self.tr(
                "Both runs start from the same weights and see the flowers in the same "
                "order, with the learning rate and batch size of the Training panel; "
                "only the loss differs."
            )
        )
        return scroll_page(
            self.compare_button, self.compare_plot, self.compare_table, self.compare_note
        )

    def _why_page(self) -> QWidget:
        self.p_box = QDoubleSpinBox()
        self.p_box.setObjectName("pTrueBox")
        self.p_box.setRange(0.001, 1.0 - 2 * SPARE)
        self.p_box.setDecimals(3)
        self.p_box.setSingleStep(0.01)
        self.p_box.setValue(0.01)
        self.p_box.setToolTip(self.tr("Probability the network gives the true class"))
        self.p_box.setAccessibleName(self.tr("p of the true class"))
        self.p_box.valueChanged.connect(self._show_why)
        form = QFormLayout()
        form.addRow(self.tr("p of the true class"), self.p_box)
        top = QWidget()
        top.setLayout(form)
        self.why_label = self._label("whyLabel")
        self.why_table = NumberTable(
            "gradientTable",
            [self.tr("loss"), "L", "∂L/∂z_true"],
            2,
            self.tr("∂L/∂z of the true class with each loss"),
        )
        self.why_plot = plot_widget(
            "gradientPlot", self.tr("p of the true class"), "|∂L/∂z_true|", 200, fixed=True
        )
        self.why_plot.setXRange(0, 1, padding=0.02)
        self.why_plot.addLegend(offset=(-8, 8))
        grid = np.linspace(0.001, 1.0 - 2 * SPARE, 120)
        for colour, loss, name in zip(RUN_COLOURS, COMPARED, self._loss_names(), strict=True):
            values = [abs(gradient_at(*hypothetical_outputs(p), loss)[1][0]) for p in grid]
            self.why_plot.plot(grid, values, pen=pg.mkPen(colour, width=2), name=name)
        self.why_marker = pg.ScatterPlotItem(size=10, pen=pg.mkPen("k"), brush=(230, 60, 40))
        self.why_plot.addItem(self.why_marker)
        self.this_flower_label = self._label("thisFlowerGradientLabel")
        return scroll_page(
            top, self.why_label, self.why_table, self.why_plot, self.this_flower_label
        )

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _loss_names(self) -> tuple[str, str]:
        return self.tr("cross-entropy"), self.tr("square loss")

    def cleanup(self) -> None:
        self.runner.stop()

    # -- the selected flower ---------------------------------------------------------

    def _on_data_change(self) -> None:
        n = len(self.model.data.X_train)
        with QSignalBlocker(self.flower_box):
            self.flower_box.setRange(1, n)
            self.flower_box.setValue(self.model.sample_index + 1)
        self.flower_count.setText(fill(self.tr("of %1 training flowers"), str(n)))
        names = self.model.data.dataset.class_names
        ticks = [(i, data_name(name)) for i, name in enumerate(names[:3])]
        self.bars_plot.getAxis("bottom").setTicks([ticks])
        if self.fits():
            self.refresh()

    def _on_sample_change(self) -> None:
        with QSignalBlocker(self.flower_box):
            self.flower_box.setValue(self.model.sample_index + 1)
        if self.fits():
            self.refresh()

    def species_name(self, index: int) -> str:
        """The translated name of class ``index`` of the dataset."""
        names = self.model.data.dataset.class_names
        name = names[index] if index < len(names) else str(index + 1)
        return data_name(name)

    def measurements(self, index: int | None = None) -> np.ndarray:
        """The raw measurements (cm for Iris) of training sample ``index`` (default: the
        selected one), undoing the standardisation of :func:`prepare_data`."""
        data = self.model.data
        ds = data.dataset
        x = data.X_train[self.model.sample_index if index is None else index]
        if ds.feature_mean is not None:  # a CSV file standardised on loading
            return x * ds.feature_std + ds.feature_mean
        if ds.image_shape is not None:
            return x
        std = ds.X.std(axis=0)  # exactly what prepare_data divided by
        return x * np.where(std > 0, std, 1.0) + ds.X.mean(axis=0)

    def outputs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """z and p = softmax(z) of the output layer for the selected flower, and its y."""
        z, p = self.network.forward_trace(self.model.sample)[-1]
        return z, p, self.model.data.Y_train[self.model.sample_index]

    def wrong_flowers(self) -> np.ndarray:
        """Indices of the training flowers the network classifies wrong."""
        data = self.model.data
        with np.errstate(all="ignore"):  # typed weights of 1e308 overflow; argmax copes
            out = self.network.forward(data.X_train)
        return np.flatnonzero(out.argmax(axis=1) != data.Y_train.argmax(axis=1))

    def refresh(self) -> None:
        z, p, y = self.outputs()
        x, t = self.model.sample, int(y.argmax())
        delta = self.network.backprop(x[None, :], y[None, :], "cross_entropy").deltas[-1][0]
        with np.errstate(over="ignore"):  # a huge z shows e^z = ∞; p stays right
            ez = np.exp(z)
        rows = zip(z, ez, p, delta, strict=True)
        self.table.set_rows([[self.species_name(i), *v] for i, v in enumerate(rows)])
        true_item = self.table.item(t, 0)
        true_item.setForeground(pg.mkColor(TRUE_BAR))
        true_item.setToolTip(self.tr("The true species of this flower"))
        self._show_flower(p, t, ez)
        self._show_bars(p, t)
        self._show_this_flower()

    def _show_flower(self, p: np.ndarray, t: int, ez: np.ndarray) -> None:
        names = self.model.data.dataset.feature_names
        iris = self.model.data.dataset.name == "iris"
        cm = self.tr("%1 cm") if iris else "%1"
        parts = [  # Fisher measured to the millimetre
            f"{data_name(name)} {fill(cm, f'{v:.1f}' if iris else format_number(v))}"
            for name, v in zip(names, self.measurements(), strict=True)
        ]
        guess = int(p.argmax())
        verdict = self.tr("right") if guess == t else self.tr("wrong")
        text = self.tr("%1.<br>True species: <b>%2</b>. The network says <b>%3</b> (%4).")
        self.flower_label.setText(
            fill(text, " · ".join(parts), self.species_name(t), self.species_name(guess), verdict)
        )
        loss = losses.get("cross_entropy").value(p[None, :], np.eye(len(p))[t][None, :])
        self.loss_label.setText(
            fill(
                self.tr(
                    "Σ eᶻ = %1, and p = eᶻ / %1 adds up to %2.<br>"
                    "Loss of this flower: L = −ln p<sub>true</sub> = −ln %3 = %4"
                ),
                format_number(ez.sum()),
                format_number(p.sum()),
                format_number(p[t]),
                format_number(loss),
            )
        )
        wrong = len(self.wrong_flowers())
        n = len(self.model.data.X_train)
        self.wrong_label.setText(
            fill(
                self.tr("The network gets %1 of the %2 training flowers wrong (accuracy %3 %)."),
                str(wrong),
                str(n),
                format_number(100 * (n - wrong) / n),
            )
        )

    def _show_bars(self, p: np.ndarray, t: int) -> None:
        brushes = [pg.mkBrush(TRUE_BAR if i == t else BAR) for i in range(len(p))]
        self.bars.setOpts(x=np.arange(len(p)), height=p, brushes=brushes)
        self.true_text.setPos(t, min(float(p[t]), 1.0) + 0.12)

    # -- compare the losses -----------------------------------------------------------

    def compare_trainers(self) -> list[Trainer]:
        """Two Trainers on copies of one fresh network: cross-entropy and square loss."""
        config = self.model.config
        start = fresh_network(self.network, config.init, config.seed)
        return [
            make_trainer(start.copy(), self.model.data, config.with_changes(loss=loss))
            for loss in COMPARED
        ]

    def _on_compare_button(self) -> None:
        runner = self.runner
        if runner.running:
            runner.pause()
        elif runner.started and not runner.done:
            runner.resume()
        else:
            runner.start(self.compare_trainers(), COMPARE_EPOCHS)
        self._update_compare_button()

    def _update_compare_button(self) -> None:
        runner = self.runner
        if runner.running:
            text = self.tr("Pause")
        elif runner.started and not runner.done:
            text = self.tr("Resume")
        elif runner.done:
            text = self.tr("Train both again")
        else:
            text = self.tr("Train both")
        self.compare_button.setText(text)

    def _show_compare(self) -> None:
        runner = self.runner
        for curve, accuracy in zip(self.compare_curves, runner.accuracies, strict=True):
            n = int(np.count_nonzero(~np.isnan(accuracy)))
            curve.setData(self._epoch_axis[:n], accuracy[:n])
        rows = []
        for i, (name, trainer) in enumerate(zip(self._loss_names(), runner.trainers, strict=True)):
            last = trainer.history[-1] if trainer.history else None
            train = np.nan if last is None else last.train_accuracy
            rows.append(
                [
                    name,
                    trainer.epoch_count,
                    self.tr("diverged") if trainer.diverged else train,
                    runner.accuracies[i, trainer.epoch_count - 1] if last else np.nan,
                ]
            )
        self.compare_table.set_rows(rows)
        self._update_compare_button()

    def _on_compare_done(self) -> None:
        self._update_compare_button()
        ce, mse = (t.history[-1] if t.history else None for t in self.runner.trainers)
        if ce is None or mse is None or any(t.diverged for t in self.runner.trainers):
            self.say(self.tr("A run diverged: lower the learning rate and try again."), False)
            return
        self.compare_note.setText(
            fill(
                self.tr(
                    "After %1 epochs: test accuracy %2 with cross-entropy, %3 with the square "
                    "loss. The square loss learns more slowly: see the Why tab."
                ),
                str(COMPARE_EPOCHS),
                format_number(ce.test_accuracy or 0.0),
                format_number(mse.test_accuracy or 0.0),
            )
        )

    # -- why --------------------------------------------------------------------------

    def why_numbers(self) -> list[tuple[float, float]]:
        """(L, ∂L/∂z_true) of the confidently wrong example, for each compared loss."""
        z, y = hypothetical_outputs(self.p_box.value())
        return [
            (value, float(delta[0])) for value, delta in (gradient_at(z, y, k) for k in COMPARED)
        ]

    def _show_why(self) -> None:
        p_true = self.p_box.value()
        numbers = self.why_numbers()
        names = self._loss_names()
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
        x = self.model.sample[None, :]
        y = self.model.data.Y_train[self.model.sample_index][None, :]
        t = int(y.argmax())
        p = self.network.forward(x)[0, t]
        ce, mse = (self.network.backprop(x, y, loss).deltas[-1][0, t] for loss in COMPARED)
        return float(p), float(ce), float(mse)

    def _show_this_flower(self) -> None:
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

    # -- the question -----------------------------------------------------------------

    def check(self) -> tuple[bool, str]:
        n = len(self.model.data.X_train)
        wrong = self.wrong_flowers()
        accuracy = 1 - len(wrong) / n
        percent = format_number(100 * accuracy)
        if accuracy < ACCURACY_GOAL:
            return False, fill(
                self.tr(
                    "Not yet: the network gets only %1 % of the training flowers right. Train it "
                    "(Training panel, Play) until at least 90 % are right, then look for a "
                    "flower it still gets wrong."
                ),
                percent,
            )
        if not len(wrong):
            return True, self.tr(
                "The network gets every training flower right, so there is none to find: "
                "well trained!"
            )
        index = self.model.sample_index
        _, p, y = self.outputs()
        t = int(y.argmax())
        if index in wrong:
            text = self.tr(
                "Right: flower %1 is a %2, but the network says %3. Its p<sub>true</sub> is "
                "only %4, so its loss −ln p<sub>true</sub> is large and so is its gradient."
            )
            return True, (
                fill(
                    text,
                    str(index + 1),
                    self.species_name(t),
                    self.species_name(int(p.argmax())),
                    format_number(p[t]),
                )
            )
        return False, fill(
            self.tr(
                "Not this one: the network classifies flower %1 right. %2 of the %3 training "
                "flowers are wrong; look for one whose bar of the true species is not the "
                "highest."
            ),
            str(index + 1),
            str(len(wrong)),
            str(n),
        )


LESSON = SoftmaxLesson
