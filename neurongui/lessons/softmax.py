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
from PySide6.QtCore import QPointF, QSignalBlocker
from PySide6.QtWidgets import (
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
from neurongui.engine.config import TrainingConfig
from neurongui.engine.datasets import IRIS_FEATURES
from neurongui.engine.numbers import format_percent
from neurongui.engine.session import make_trainer
from neurongui.engine.trainer import Trainer
from neurongui.i18n import data_name, fill
from neurongui.lessons.base import GOOD, Lesson, NumberTable, format_number, rich_label
from neurongui.lessons.race import RaceRunner, fresh_network
from neurongui.lessons.softmax_why import (
    COMPARED,
    RUN_COLOURS,
    WhyPage,
    gradient_at,
    hypothetical_outputs,
)
from neurongui.lessons.widgets import follow_theme, legend_label, page, plot_widget
from neurongui.theme import is_dark
from neurongui.views.canvas_overlay import CanvasOverlay, Label

__all__ = [
    "LESSON",
    "SoftmaxLesson",
    "gradient_at",
    "hypothetical_outputs",
]

#: Epochs of each run in *Compare the losses*.
COMPARE_EPOCHS = 100
#: Training accuracy the network must reach before a wrong flower counts as found.
ACCURACY_GOAL = 0.9
#: Colours of the bars.
BAR, TRUE_BAR = (150, 160, 175), GOOD


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
        self.why = WhyPage(self)
        self.tabs.addTab(self.why.build(), self.tr("Why"))
        self.p_box, self.why_table = self.why.p_box, self.why.why_table
        self.this_flower_label = self.why.this_flower_label
        body.addWidget(self.tabs, 1)
        # The output neurons carry their species' names on the diagram.
        self.overlay = CanvasOverlay(self.host.canvas, self.species_labels, is_dark)
        self.listen(self.host.canvas.scene().changed, self.overlay.ensure)
        self.runner = RaceRunner(self)
        self.runner.progressed.connect(self._show_compare)
        self.runner.finished.connect(self._on_compare_done)
        self.listen(self.model.sampleChanged, self._on_sample_change)
        self.listen(self.model.dataChanged, self._on_data_change)
        follow_theme(self, [self.bars_plot, self.compare_plot, self.why.why_plot])
        self._on_data_change()
        self.why.show()

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
        self.flower_label = rich_label("flowerLabel")
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
            self.table.set_header_tip(column, tip)
        self.bars_plot = plot_widget("probabilityPlot", "", "p", 110)
        self.bars_plot.setYRange(0, 1.12, padding=0)
        self.bars_plot.setXRange(-0.6, 2.6, padding=0)
        self.bars_plot.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x=np.arange(3), height=np.zeros(3), width=0.6, brush=BAR)
        self.bars_plot.addItem(self.bars)
        self.true_text = pg.TextItem(self.tr("true"), color=TRUE_BAR, anchor=(0.5, 1))
        self.bars_plot.addItem(self.true_text)
        self.loss_label = rich_label("flowerLossLabel")
        self.wrong_label = rich_label("wrongCountLabel")
        return page(
            row, self.flower_label, self.table, self.loss_label, self.bars_plot, self.wrong_label
        )

    def _compare_page(self) -> QWidget:
        self.compare_button = QPushButton(self.tr("Train both"))
        self.compare_button.setObjectName("compareButton")
        self.compare_button.setToolTip(
            self.tr("Train two copies of the starting network, one with each loss")
        )
        self.compare_button.clicked.connect(self._on_compare_button)
        self.compare_plot = plot_widget(
            "comparePlot", self.tr("epoch"), self.tr("test accuracy"), 140
        )
        self.compare_plot.setYRange(0, 1, padding=0.02)
        self.compare_plot.setXRange(0, COMPARE_EPOCHS, padding=0.02)
        self._epoch_axis = np.arange(1, COMPARE_EPOCHS + 1, dtype=float)
        self.compare_curves = [
            self.compare_plot.plot(pen=pg.mkPen(colour, width=2), name=name)
            for colour, name in zip(RUN_COLOURS, self.loss_names(), strict=True)
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
            percents=[2, 3],
        )
        self.compare_note = rich_label("compareNote")
        self.compare_note.setText(
            self.tr(
                "Both runs start from the same weights and see the flowers in the same "
                "order, with the learning rate and batch size of the Training panel; "
                "only the loss differs. They train copies: their results are here, not in "
                "the Charts panel."
            )
        )
        legend = legend_label(
            [
                ("━", pg.mkColor(colour).name(), name)
                for colour, name in zip(RUN_COLOURS, self.loss_names(), strict=True)
            ]
        )
        return page(
            self.compare_button, self.compare_plot, legend, self.compare_table, self.compare_note
        )

    def loss_names(self) -> tuple[str, str]:
        return self.tr("cross-entropy"), self.tr("square loss")

    def cleanup(self) -> None:
        self.runner.stop()
        self.overlay.detach()

    def species_labels(self) -> list[Label]:
        """A box with the species' name beside each output neuron."""
        canvas, net = self.host.canvas, self.network
        if not self.fits():
            return []
        labels = []
        for j in range(net.sizes[-1]):
            at = canvas.node_position(len(net.layers) - 1, j)
            anchor = QPointF(at.x() + 30, at.y())
            labels.append(Label(f"species{j}", anchor, ((self.species_name(j), "plain"),)))
        return labels

    def essentials(self) -> list[QWidget]:
        widgets = [*super().essentials(), self.tabs.tabBar()]
        tab = self.tabs.currentIndex()
        if tab == 0:
            widgets += [self.flower_box, self.table, self.bars_plot, self.wrong_label]
        elif tab == 1:
            widgets += [self.compare_button, self.compare_plot, self.compare_table]
        else:
            widgets += [self.p_box, self.why_table, self.why.why_plot]
        return widgets

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
        x = data.inputs("train", self.model.sample_index if index is None else index)
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
            out = self.network.forward(data.inputs("train"))
        return np.flatnonzero(out.argmax(axis=1) != data.Y_train.argmax(axis=1))

    def refresh(self) -> None:
        z, p, y = self.outputs()
        x, t = self.model.sample, int(y.argmax())
        delta = self.network.backprop(x[None, :], y[None, :], "cross_entropy").deltas[-1][0]
        with np.errstate(over="ignore"):  # a huge z shows e^z = ∞; p stays right
            ez = np.exp(z)
        rows = zip(z, ez, p, delta, strict=True)
        self.table.set_rows([[self.species_name(i), *v] for i, v in enumerate(rows)])
        true_item = self.table.cell(t, 0)
        true_item.setForeground(pg.mkColor(TRUE_BAR))
        true_item.setToolTip(self.tr("The true species of this flower"))
        self._show_flower(p, t, ez)
        self._show_bars(p, t)
        self.why.show_this_flower()
        self.overlay.update()

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
        self.true_text.setPos(t, min(float(p[t]), 1.0) + 0.02)  # on top of its bar

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
        for i, (name, trainer) in enumerate(zip(self.loss_names(), runner.trainers, strict=True)):
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
                format_percent(ce.test_accuracy or 0.0),
                format_percent(mse.test_accuracy or 0.0),
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
