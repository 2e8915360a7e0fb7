"""What each named control, chart and panel is, for Help ▸ What's This? (Shift+F1).

:class:`WhatsThisTexts` maps a widget's objectName to its :class:`Entry`: a title, one
or two sentences on what it is, and optionally a function that says what its current
value means, built when the student asks (see :mod:`neurongui.whats_this`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from neurongui.engine.numbers import format_number, format_percent
from neurongui.i18n import fill
from neurongui.model import NetworkModel

__all__ = ["Entry", "WhatsThisTexts"]


@dataclass(frozen=True)
class Entry:
    """What a widget is.

    Attributes
    ----------
    title : str
        Its name as the window shows it.
    about : str
        What it is and what it does.
    now : callable or None
        ``now(widget)`` says what its current value means ("" for nothing to add);
        None: the value as the widget shows it.
    """

    title: str
    about: str
    now: Callable[[QWidget], str] | None = None


class WhatsThisTexts(QObject):
    """The entries, translated, with the model they read current values from."""

    def __init__(
        self,
        model: NetworkModel,
        running: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.model = model
        self._running = running  # True while training runs

    def entries(self) -> dict[str, Entry]:
        """Every entry, by objectName."""
        return {**self._training(), **self._views(), **self._docks()}

    # -- the training panel ---------------------------------------------------------

    def _training(self) -> dict[str, Entry]:
        return {
            "datasetCombo": Entry(
                self.tr("Data"),
                self.tr(
                    "The samples the network learns from: points of a 2-D pattern, a table "
                    "or images, each with its target."
                ),
            ),
            "noiseSpin": Entry(
                self.tr("Noise"),
                self.tr(
                    "How far the points scatter from their clean pattern: 0 is none, 0.5 "
                    "a lot. Noisier data is harder to fit and easier to overfit."
                ),
            ),
            "testRatioSpin": Entry(
                self.tr("Test share"),
                self.tr(
                    "The part of the data kept out of training. The test loss on it tells "
                    "how well the network does on samples it never learned from."
                ),
                self._test_share,
            ),
            "batchSpin": Entry(
                self.tr("Batch size"),
                self.tr(
                    "How many samples one step of gradient descent averages the gradient "
                    "over (a mini-batch)."
                ),
                self._batch,
            ),
            "learningRateSpin": Entry(
                self.tr("Learning rate η"),
                self.tr(
                    "The step size of gradient descent: each step sets w ← w − η·∂L/∂w. "
                    "Too small learns slowly, too large overshoots and diverges."
                ),
                self._rate,
            ),
            "optimizerCombo": Entry(
                self.tr("Optimiser"),
                self.tr(
                    "How a step turns the gradient into a change of the weights: plain "
                    "gradient descent, momentum (keeps a running velocity) or Adam (scales "
                    "each weight's step by running averages of its gradient)."
                ),
            ),
            "lossCombo": Entry(
                self.tr("Loss"),
                self.tr(
                    "The number training makes small: how far the outputs ŷ are from the "
                    "targets y, averaged over the samples."
                ),
            ),
            "regularizationCombo": Entry(
                self.tr("Regularisation"),
                self.tr(
                    "A penalty on large weights added to the loss, against overfitting: L1 "
                    "adds λ·Σ|w|, L2 adds (λ/2)·Σw²."
                ),
            ),
            "regRateSpin": Entry(
                self.tr("Rate λ"),
                self.tr("How much the regularisation penalty counts against the loss."),
                self._reg_rate,
            ),
            "initCombo": Entry(
                self.tr("Initialisation"),
                self.tr(
                    "How Reset draws the starting weights: Xavier and He scale them to the "
                    "layer's size; zeros make every neuron of a layer learn the same."
                ),
            ),
            "seedSpin": Entry(
                self.tr("Seed"),
                self.tr(
                    "The number that fixes the random draws (starting weights, data, order "
                    "of the samples): the same seed gives the same run."
                ),
            ),
            "precisionCombo": Entry(
                self.tr("Precision"),
                self.tr(
                    "The number type training computes with: float64 (about 16 digits) or "
                    "float32 (about 7, faster for large networks)."
                ),
            ),
            "epochLimitCheck": Entry(
                self.tr("Stop after"),
                self.tr(
                    "When ticked, training pauses by itself after this many epochs (an "
                    "epoch is one pass through the training set)."
                ),
                self._checked,
            ),
            "epochLimitSpin": Entry(
                self.tr("Epoch limit"),
                self.tr("The epoch after which training pauses, if “Stop after” is ticked."),
            ),
            "targetLossCheck": Entry(
                self.tr("Stop at loss"),
                self.tr("When ticked, training pauses once the training loss is this small."),
                self._checked,
            ),
            "targetLossSpin": Entry(
                self.tr("Target loss"),
                self.tr("The training loss at which training pauses, if “Stop at loss” is ticked."),
            ),
            "playButton": Entry(
                self.tr("Play"),
                self.tr("Trains epoch after epoch until you press it again (Space)."),
                self._play,
            ),
            "stepButton": Entry(
                self.tr("Step"),
                self.tr("Trains one epoch and stops (S); with Shift, one mini-batch."),
                self._epochs,
            ),
            "resetButton": Entry(
                self.tr("Reset"),
                self.tr("Draws new starting weights and clears the history (R); Ctrl+Z undoes."),
            ),
            "epochLabel": Entry(
                self.tr("Progress"),
                self.tr("The epochs trained so far, and the loss and accuracy after the last."),
            ),
            "epochProgress": Entry(
                self.tr("Epoch progress"),
                self.tr("How far training is through the current epoch."),
            ),
        }

    def _test_share(self, box: Any) -> str:  # a spin box or check box
        data = self.model.data
        return fill(
            self.tr("Now %1: %2 samples to train on, %3 to test on."),
            format_number(box.value()),
            f"{len(data.Y_train):,}",
            f"{len(data.Y_test):,}",
        )

    def _batch(self, box: Any) -> str:  # a spin box or check box
        n, size = len(self.model.data.Y_train), max(1, int(box.value()))
        return fill(
            self.tr("Now %1: each step averages %1 samples; an epoch of %2 samples is %3 "
                    "steps."),
            f"{size:,}",
            f"{n:,}",
            f"{-(-n // size):,}",
        )  # fmt: skip

    def _rate(self, box: Any) -> str:  # a spin box or check box
        eta = format_number(box.value())
        return fill(self.tr("Now %1: each step moves every weight by %1 × its gradient."), eta)

    def _reg_rate(self, box: Any) -> str:  # a spin box or check box
        rate = format_number(box.value())
        if self.model.config.regularization is None:
            return fill(self.tr("Now %1, but Regularisation is None: it has no effect."), rate)
        return fill(self.tr("Now %1: the penalty is multiplied by %1."), rate)

    def _checked(self, box: Any) -> str:  # a spin box or check box
        return self.tr("Now ticked.") if box.isChecked() else self.tr("Now not ticked: off.")

    def _play(self, _box: QWidget) -> str:
        state = self.tr("Now training.") if self._running() else self.tr("Now paused.")
        return state + " " + self._epochs(_box)

    def _epochs(self, _box: QWidget) -> str:
        return fill(self.tr("%1 epochs trained so far."), f"{len(self.model.history):,}")

    # -- charts, the inspector, the activation plot --------------------------------------

    def _views(self) -> dict[str, Entry]:
        return {
            "lossPlot": Entry(
                self.tr("Loss chart"),
                self.tr(
                    "The loss after each epoch, on the training set and on the test set. "
                    "Going down: the network learns; test rising while training falls: "
                    "overfitting."
                ),
                self._last_epoch,
            ),
            "accuracyPlot": Entry(
                self.tr("Accuracy chart"),
                self.tr("The share of samples classified right after each epoch."),
                self._last_accuracy,
            ),
            "logScaleCheck": Entry(
                self.tr("Log scale"),
                self.tr("Draws the loss on a logarithmic axis, where small losses stay visible."),
                self._checked,
            ),
            "outputPlot": Entry(
                self.tr("Output map"),
                self.tr(
                    "The network's output at every point of the input plane, with the "
                    "samples on top: where its colour changes is the decision boundary."
                ),
            ),
            "showTestCheck": Entry(
                self.tr("Show test data"), self.tr("Also draws the test samples."), self._checked
            ),
            "discretizeCheck": Entry(
                self.tr("Discretise output"),
                self.tr("Colours each point by the class it gets, not by the output's value."),
                self._checked,
            ),
            "weightPlot": Entry(
                self.tr("Weight chart"),
                self.tr(
                    "The selected weight w after each training step: how gradient descent moves it."
                ),
            ),
            "canvasLegend": Entry(
                self.tr("Legend"),
                self.tr(
                    "What the diagram's colours mean: a neuron's colour is its output for "
                    "the sample shown, an edge's colour the sign of its weight and its "
                    "width the size."
                ),
            ),
            "chartTabs": Entry(
                self.tr("Charts"),
                self.tr("The loss, the output and the selected weight, one tab each."),
            ),
            "weightSpinBox": Entry(
                self.tr("Weight w"),
                self.tr(
                    "The weight of the selected edge: its input x is multiplied by w before "
                    "the neuron adds it up (z = Σ w·x + b)."
                ),
                self._value_of("w"),
            ),
            "weightSlider": Entry(
                self.tr("Weight slider"),
                self.tr("Drag to change the selected weight from −5 to 5."),
            ),
            "biasSpinBox": Entry(
                self.tr("Bias b"),
                self.tr(
                    "The bias of the selected neuron, added to its weighted sum: "
                    "z = Σ w·x + b. It shifts where the neuron switches on."
                ),
                self._value_of("b"),
            ),
            "activationCombo": Entry(
                self.tr("Activation"),
                self.tr("The function f of the selected neuron's layer: its output is a = f(z)."),
            ),
            "explainTable": Entry(
                self.tr("The terms of z"),
                self.tr(
                    "Every input x of the selected neuron times its weight w; their sum and "
                    "the bias give z, and f(z) gives the output a."
                ),
            ),
            "gradientCheck": Entry(
                self.tr("Gradient check"),
                self.tr(
                    "Compares ∂L/∂w from backpropagation with the slope measured by nudging "
                    "w by ±ε. If they agree to many digits, backprop computed it right."
                ),
            ),
            "activationCurvePlot": Entry(
                self.tr("Activation curve"),
                self.tr(
                    "The activation function f(z) and its derivative f′(z); the dot is the "
                    "selected neuron's z for the current sample."
                ),
            ),
            "activationFunctionCombo": Entry(
                self.tr("Function to plot"), self.tr("The activation function the plot shows.")
            ),
            "followLayerCheck": Entry(
                self.tr("Follow selected layer"),
                self.tr("Shows the activation of the selected neuron's layer."),
                self._checked,
            ),
            "healthPanel": Entry(
                self.tr("Training health"),
                self.tr(
                    "Per layer: dead and saturated neurons and how large the gradients are, "
                    "the signs that a network cannot learn."
                ),
            ),
            "coachPanel": Entry(
                self.tr("Coach"),
                self.tr("Hints about what holds training back, with the change that helps."),
            ),
        }

    def _value_of(self, symbol: str) -> Callable[[QWidget], str]:
        def now(box: Any) -> str:  # a spin box
            if not box.isEnabled():
                return ""
            return fill(self.tr("Now %1 = %2."), symbol, format_number(box.value()))

        return now

    def _last_epoch(self, _plot: QWidget) -> str:
        history = self.model.history
        if not history:
            return self.tr("Nothing trained yet: press Play or Step.")
        last = history[-1]
        text = fill(
            self.tr("Now after epoch %1: training loss %2."),
            str(last.epoch),
            format_number(last.train_loss),
        )
        if last.test_loss is not None:
            text += " " + fill(self.tr("Test loss %1."), format_number(last.test_loss))
        return text

    def _last_accuracy(self, _plot: QWidget) -> str:
        history = self.model.history
        accuracy = history[-1].train_accuracy if history else None
        if accuracy is None:
            return ""
        return fill(
            self.tr("Now after epoch %1: %2 of the training samples right."),
            str(history[-1].epoch),
            format_percent(accuracy),
        )

    # -- the docks -----------------------------------------------------------------

    def _docks(self) -> dict[str, Entry]:
        return {
            "trainingDock": Entry(
                self.tr("Training"),
                self.tr("The settings of training and the buttons that run it."),
            ),
            "inspectorDock": Entry(
                self.tr("Inspector"),
                self.tr(
                    "The selected weight or neuron: its value, how it computes, and a check "
                    "of its gradient."
                ),
            ),
            "chartsDock": Entry(self.tr("Charts"), self.tr("How training goes, epoch by epoch.")),
            "activationDock": Entry(
                self.tr("Activation functions"),
                self.tr(
                    "The activation functions, their derivatives and where the neurons sit on them."
                ),
            ),
            "lessonDock": Entry(
                self.tr("Lesson"), self.tr("The open lesson's steps and questions.")
            ),
            "sampleDock": Entry(
                self.tr("Samples and your input"),
                self.tr(
                    "The training samples, one per row: pick the one the diagram and the "
                    "Inspector compute with, or type your own input."
                ),
            ),
            "practiceDock": Entry(
                self.tr("Practice"),
                self.tr(
                    "Compute a neuron or a backprop step by hand and check it, or draw an input."
                ),
            ),
            "matrixDock": Entry(
                self.tr("Layer as a matrix"),
                self.tr(
                    "One layer written as z = W·x + b: its weight matrix, the inputs and "
                    "the result."
                ),
            ),
            "surfaceDock": Entry(
                self.tr("Loss surface"),
                self.tr(
                    "The loss as a height over two chosen weights, with the path training took."
                ),
            ),
            "coachDock": Entry(
                self.tr("Coach"),
                self.tr("Hints on what holds training back, and the health of each layer."),
            ),
            "timelineBar": Entry(
                self.tr("Timeline"),
                self.tr(
                    "The network as it was after each epoch: drag back to see it, and go "
                    "back to it if you like."
                ),
                self._epochs,
            ),
        }
