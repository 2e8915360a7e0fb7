"""The second half of lesson 3: a hidden layer learns XOR by backpropagation.

Once the student has seen the perceptron fail on XOR, one button swaps the step unit
for a 2-4-1 network (one undoable edit) and trains it in the training worker; this
part shows its output over the plane, reports when XOR is learned and checks it.
It is a part of :class:`~neurongui.lessons.perceptron.PerceptronLesson`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject

from neurongui.engine import Network
from neurongui.engine.edits import ReplaceState
from neurongui.i18n import fill
from neurongui.lessons.perceptron_plot import number as _number

if TYPE_CHECKING:
    from neurongui.lessons.perceptron import PerceptronLesson

__all__ = ["CONFIDENT", "HIDDEN", "MLP_BATCH", "MLP_RATE", "MLP_SEED", "HiddenLayerPhase"]

#: The network that learns XOR: hidden neurons, learning rate, batch, initial seed.
HIDDEN, MLP_RATE, MLP_BATCH, MLP_SEED = 4, 0.5, 4, 1
#: Training pauses once every output is this close to its target.
CONFIDENT = 0.1


class HiddenLayerPhase(QObject):
    """Adding the hidden layer, showing the network learn XOR, and checking it.

    A QObject of its own, so that its texts are translated under its own name.
    """

    def __init__(self, lesson: PerceptronLesson):
        super().__init__(lesson)
        self.lesson = lesson
        self.solved_reported = False
        # The first epoch with all four right, once training paused for being confident:
        # the pause message is then kept in step with the status line.
        self._paused_first: int | None = None

    def add(self) -> bool:
        """Replace the unit by 2-4-1 (tanh, sigmoid) as one undoable edit; train on XOR."""
        training = self.lesson.host.training
        training.pause()
        net = Network(
            [2, HIDDEN, 1],
            ["tanh", "sigmoid"],
            init="xavier",
            seed=MLP_SEED,
            input_names=self.lesson.network.input_names,
        )
        text = fill(self.tr("Add a hidden layer of %1 tanh neurons"), str(HIDDEN))
        if not self.lesson.push(ReplaceState(net.to_dict(), "Add a hidden layer"), text):
            return False
        config = self.lesson.model.config.with_changes(
            dataset="xor_gate",
            loss="bce",
            optimizer="sgd",
            learning_rate=MLP_RATE,
            batch_size=MLP_BATCH,
            test_fraction=0.0,
            epoch_limit=None,
            target_loss=None,
        )
        if config != self.lesson.model.config:
            self.lesson.model.set_config(config)
        self.lesson.model.set_history([])
        self.solved_reported = False
        self._paused_first = None
        self.lesson.say(self.tr("Training the 2-4-1 network on XOR by backpropagation…"))
        training.play()
        return True

    def refresh(self) -> None:
        """Show the network's outputs over the plane and in the table."""
        data = self.lesson.model.data
        X, Y = data.X_train, data.Y_train
        net = self.lesson.network
        if not len(X):  # every point of a 2-D set erased: no row, loss or report
            self.lesson.table.set_rows([])
            self.lesson.view.draw_points(X, Y[:, 0], Y[:, 0])
            self.lesson.view.draw_network(net, X)
            self.lesson.status.setStyleSheet("")
            self.lesson.status.setText(  # (the Samples panel's words, and translation)
                QCoreApplication.translate("SamplePanel", "There are no training samples.")
            )
            return
        order = np.lexsort((X[:, 1], X[:, 0]))  # the rows of the truth table, in order
        X, Y = X[order], Y[order]
        z, y_hat = net.forward_trace(X)[-1]
        self.lesson.table.set_rows(
            [[*x, y[0], zi[0], yi[0]] for x, y, zi, yi in zip(X, Y, z, y_hat, strict=True)]
        )
        self.lesson.view.draw_points(X, Y[:, 0], y_hat[:, 0])
        self.lesson.view.draw_network(net, X)
        right = int(((y_hat >= 0.5) == (Y >= 0.5)).sum())
        history = self.lesson.model.history
        epochs = history[-1].epoch if history else 0  # as the report below counts them
        loss = (
            self.lesson.model.history[-1].train_loss
            if self.lesson.model.history
            else net.loss(X, Y, "bce")
        )
        text = self.tr(
            "The green curve is where the output is ½. Ctrl+Z removes the hidden layer "
            "and brings the perceptron back."
        )
        if X.min() < 0:  # the app standardises the inputs of non-2-D datasets
            text = (
                self.tr(
                    "The training data give the gate's inputs standardised: 0 becomes −1 and "
                    "1 becomes +1."
                )
                + " "
                + text
            )
        self.lesson.weights_label.setText(text)
        self.lesson.status.setStyleSheet("")
        self.lesson.status.setText(
            fill(
                self.tr("Epoch %1 · loss %2 · %3 of 4 outputs right"),
                str(epochs),
                _number(loss),
                str(right),
            )
        )
        self._report(right, float(np.abs(y_hat - Y).max()))

    def _report(self, right: int, worst: float) -> None:
        history = self.lesson.model.history
        # Parameters arrive just before the history of the same snapshot: report only
        # when the history says so too, so the epoch numbers are the snapshot's.
        if right < 4 or not history or history[-1].train_accuracy != 1.0:
            return
        first = next(r.epoch for r in history if r.train_accuracy == 1.0)
        running = self.lesson.host.training.running
        # Pausing is asynchronous: the epoch the worker was in when the pause was asked
        # still arrives afterwards. The message is said again then, so that its epoch
        # count is the status line's.
        if worst < CONFIDENT and (running or self._paused_first == first):
            if running:
                self.lesson.host.training.pause()
            self.solved_reported = True
            self._paused_first = first
            text = self.tr(
                "XOR learned: all four outputs were first right at epoch %1; after %2 "
                "epochs each is within %3 of its target, so training paused (Play in the "
                "Training panel goes on). The hidden layer bends the boundary, which no "
                "single line could do."
            )
            self.lesson.say(
                fill(text, str(first), str(history[-1].epoch), _number(CONFIDENT)),
                True,
            )
        elif not self.solved_reported:
            self.solved_reported = True
            text = self.tr(
                "All four outputs are right, first at epoch %1: the hidden layer bends the "
                "boundary, which no single line could do."
            )
            self.lesson.say(fill(text, str(first)), True)

    def check(self) -> tuple[bool, str]:
        """Right once the network computes XOR for all four inputs."""
        data = self.lesson.model.data
        y_hat = self.lesson.network.forward(data.inputs("train"))
        right = int(((y_hat >= 0.5) == (data.Y_train >= 0.5)).sum())
        if right == len(y_hat):
            return True, self.tr(
                "Right: with a hidden layer the network computes XOR for all four inputs. "
                "Its hidden neurons draw two lines; the output combines them, which one unit "
                "alone cannot."
            )
        return False, fill(
            self.tr(
                "Not yet: %1 of 4 outputs are right. Let the network train on (Play in the "
                "toolbar)."
            ),
            str(right),
        )
