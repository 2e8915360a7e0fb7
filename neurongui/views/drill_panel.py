"""The Practice panel: the student computes one number of the network at a time.

The questions come from :class:`neurongui.engine.drills.Drill`, made for the network
and the sample on screen when the drill starts (a copy: training or an edit in the
meantime does not change the answers; the panel says when the drill no longer shows
the current network). An answer is checked to the digits the window shows; a classic
slip is named; after two tries the worked line with the numbers is shown.
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from neurongui.editing import Editor
from neurongui.engine.answers import Verdict
from neurongui.engine.drills import Drill, Question
from neurongui.engine.edits import SetParameters
from neurongui.engine.numbers import format_number
from neurongui.i18n import fill, keep_together, sentences
from neurongui.model import NetworkModel

__all__ = ["DrillPanel"]

_W = TypeVar("_W", bound=QWidget)

#: Tries before the worked line is shown.
TRIES = 2


class DrillPanel(QWidget):
    """Asks for z, a, the loss, δ, ∂L/∂w and the updated w of the network on screen.

    Parameters
    ----------
    model
        The live network, its data and settings (read only).
    editor
        Where "New weights" goes, as one undoable step.
    """

    #: Emitted after every check with the verdict's kind ("right", "slip", …).
    checked = Signal(str)

    def __init__(self, model: NetworkModel, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("drillPanel")
        self.model, self.editor = model, editor
        self._rng = np.random.default_rng()
        self._drill: Drill | None = None
        self._queue: list[Question] = []
        self._queue_sizes: list[int] = []  # the layer sizes of the network it was made for
        self.question: Question | None = None
        self.tries = 0
        self.asked = self.first_try = 0
        self._behind = False
        self._build()
        for signal in (
            model.parametersChanged,
            model.structureChanged,
            model.sampleChanged,
            model.configChanged,
            model.networkReplaced,
        ):
            signal.connect(self._on_network_change)
        self.restart()

    def _build(self) -> None:
        self.mode = _named(QComboBox(), "drillMode")
        self.mode.addItem(self.tr("In order: forward, then backward"), "order")
        self.mode.addItem(self.tr("At random"), "random")
        self.mode.currentIndexChanged.connect(lambda _: self.restart())
        self.prompt = _label("drillPrompt", bold=True)
        self.formula = _label("drillFormula", scale=1.15)
        self.given = _label("drillGiven")
        self.answer = _named(QLineEdit(), "drillAnswer")
        self.answer.setPlaceholderText(self.tr("Your answer, e.g. 0.3775"))
        self.answer.returnPressed.connect(self.check)
        self.check_button = _named(QPushButton(self.tr("Check")), "drillCheck")
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self.answer, 1)
        row.addWidget(self.check_button)
        self.feedback = _label("drillFeedback")
        self.work = _label("drillWork", scale=1.15)
        self.work.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stale = _label("drillStale")
        self.score = _label("drillScore")
        self.next_button = _named(QPushButton(self.tr("Next question")), "drillNext")
        self.next_button.clicked.connect(self.next_question)
        self.new_weights = _named(QPushButton(self.tr("New random weights")), "drillNewWeights")
        self.new_weights.setToolTip(
            self.tr("Start again on the same network with new random weights (undoable)")
        )
        self.new_weights.clicked.connect(self._new_weights)
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.new_weights)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Questions"), self.mode)
        layout = QVBoxLayout(self)
        intro = _label("drillIntro")
        intro.setText(
            keep_together(
                self.tr(
                    "Compute each number by hand for the selected sample, as in the "
                    "lessons, and type it with the digits the window shows."
                )
            )
        )
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.prompt)
        layout.addWidget(self.formula)
        layout.addWidget(self.given)
        layout.addLayout(row)
        for widget in (self.feedback, self.work, self.stale, self.score):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addStretch(1)

    # -- the drill ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._behind:
            self._behind = False
            self._on_network_change()

    @property
    def drill(self) -> Drill | None:
        """The drill being asked (a copy of the network when it started)."""
        return self._drill

    def restart(self) -> None:
        """A new drill on the network and sample on screen, score back to zero."""
        self.asked = self.first_try = 0
        self._drill = None
        self.next_question()

    def _make_drill(self) -> Drill:
        model = self.model
        config = model.config
        if not len(model.data.X_train):  # every sample erased: the origin, target 0
            return Drill(model.network, model.sample, np.zeros(model.data.n_outputs),
                         config.loss, config.learning_rate)  # fmt: skip
        y = model.data.Y_train[model.sample_index]
        x = model.data.inputs("train", model.sample_index)  # a probe has no target: the sample
        return Drill(model.network, x, y, config.loss, config.learning_rate)

    def next_question(self) -> None:
        """Ask the next question (of a new drill if the network changed)."""
        if self._drill is None or self.stale.text():
            self._drill = self._make_drill()
            self._queue, self._queue_sizes = self._drill.questions(), self._drill.network.sizes
            self.stale.setText("")
        if self.mode.currentData() == "random":
            question = self._drill.random_question(self._rng)
        else:
            # A question re-asked with the numbers of a changed network keeps the pass's
            # queue; if a neuron was removed meanwhile, the queue's next one may be gone.
            sizes = self._drill.network.sizes
            if not self._queue or self._queue_sizes != sizes:
                self._queue, self._queue_sizes = self._drill.questions(), sizes
            q = self._queue.pop(0)  # its place in the pass; the numbers are the drill's now
            question = self._drill.question(q.kind, q.layer, q.neuron, q.source)
        self._ask(question)

    def _ask(self, question: Question) -> None:
        self.question = question
        self.tries = 0
        self.prompt.setText(keep_together(self._prompt(self.question)))
        self.formula.setText(self.question.formula)
        # No break inside "x₂ = 0.07344": only between the pairs.
        numbers = ", ".join(
            f"{sym}\u00a0=\u00a0{format_number(v)}" for sym, v in self.question.given
        )
        self.given.setText(fill(self.tr("From %1"), numbers))
        self.answer.clear()
        self.answer.setEnabled(True)
        self.check_button.setEnabled(True)
        self.feedback.setText("")
        self.work.setText("")
        self._show_score()

    def check(self) -> Verdict | None:
        """Check the typed answer; say right, name a slip, or ask again."""
        question = self.question
        if question is None or not self.answer.isEnabled():
            return None
        verdict = question.check(self.answer.text())
        if verdict.kind in ("empty", "not_a_number", "rough"):
            self.feedback.setText(keep_together(self._reply(verdict)))
            self.checked.emit(verdict.kind)
            return verdict  # not counted as a try: nothing to learn from yet
        self.tries += 1
        if verdict.right:
            self.asked += 1
            self.first_try += self.tries == 1
            self._finish(self.tr("Right."))
        elif self.tries >= TRIES:
            self.asked += 1
            self._finish(sentences(self._reply(verdict), self.tr("Here is the worked line:")))
        else:
            self.feedback.setText(
                keep_together(sentences(self._reply(verdict), self.tr("Try again.")))
            )
        self.checked.emit(verdict.kind)
        return verdict

    def _finish(self, text: str) -> None:
        assert self.question is not None
        self.feedback.setText(keep_together(text))
        self.work.setText(self.question.work)
        self.answer.setEnabled(False)
        self.check_button.setEnabled(False)
        self.next_button.setFocus()
        self._show_score()

    def _show_score(self) -> None:
        self.score.setText(
            fill(self.tr("Score: %1 of %2 right at the first try"), self.first_try, self.asked)
        )

    def _new_weights(self) -> None:
        """New random weights and small random biases, as one undoable step: with b = 0
        (how networks start) forgetting the bias would give the right answer."""
        net = self.model.network.copy()
        net.initialize(self.model.config.init, int(self._rng.integers(2**31)))
        for layer in net.layers:
            layer.biases = self._rng.uniform(-0.5, 0.5, layer.n_out).round(2)
        text = self.tr("New random weights and biases")
        self.editor.apply(SetParameters(net.parameters, text), text)
        self.restart()

    def _on_network_change(self, *_: object) -> None:
        if not self.isVisible():  # hidden: catch up when shown (training sends ~30 a second)
            self._behind = True
            return
        q = self.question
        if self._drill is not None and q is not None and self.tries == 0 and not self.answer.text():
            # Nothing tried yet: the same question, with the numbers on the screen now.
            self._drill = self._make_drill()
            try:
                self._ask(self._drill.question(q.kind, q.layer, q.neuron, q.source))
            except IndexError:  # that neuron is gone: start again
                self.restart()
            return
        if self._drill is not None and not self.stale.text():
            self.stale.setText(
                keep_together(
                    self.tr(
                        "The network or the sample has changed since this question was "
                        "asked: its numbers are those of the network as it was. The next "
                        "question uses the network as it is now."
                    )
                )
            )

    # -- words ---------------------------------------------------------------------

    def _prompt(self, q: Question) -> str:
        sample = self.model.sample_index + 1
        if q.kind == "loss":
            return fill(self.tr("Compute the loss L for sample %1."), sample)
        where = self._neuron_name(q.layer, q.neuron)
        if q.kind == "z":
            text = self.tr("Compute the weighted input %1 of %2 for sample %3.")
        elif q.kind == "a":
            text = self.tr("Compute the activation %1 of %2 for sample %3.")
        elif q.kind == "delta":
            text = self.tr("Compute the error %1 = ∂L/∂z of %2 for sample %3.")
        elif q.kind == "grad":
            text = self.tr("Compute the gradient %1 of a weight into %2 for sample %3.")
        else:
            return fill(
                self.tr("Compute %1 after one step of gradient descent with η = %2 (%3)."),
                q.symbol,
                format_number(self.model.config.learning_rate),
                where,
            )
        return fill(text, q.symbol, where, sample)

    def _neuron_name(self, layer: int, neuron: int) -> str:
        if layer == len(self.model.network.layers) - 1:
            return fill(self.tr("output neuron %1"), neuron + 1)
        return fill(self.tr("neuron %1 of hidden layer %2"), neuron + 1, layer + 1)

    def _reply(self, verdict: Verdict) -> str:
        if verdict.kind == "empty":
            return self.tr("Type a number first.")
        if verdict.kind == "not_a_number":
            return self.tr("That is not a number.")
        if verdict.kind == "rough":
            return fill(
                self.tr(
                    "Give at least %1 significant digits: with fewer, it could be a "
                    "neighbouring value."
                ),
                verdict.min_digits,
            )
        if verdict.kind == "slip" and verdict.slip in self._slips():
            return self._slips()[verdict.slip]
        return self.tr("Not quite.")

    def _slips(self) -> dict[str, str]:
        return {
            "no_bias": self.tr("You left out the bias b."),
            "a_swap": self.tr(
                "Each weight goes with its own input: you paired them crosswise (a₂ for a₁)."
            ),
            "gave_a": self.tr(
                "That is the activation a = f(z); z comes before the activation function."
            ),
            "other_neuron": self.tr("That is the neighbouring neuron's value."),
            "gave_z": self.tr("That is z: apply the activation function f to it."),
            "other_function": self.tr(
                "That is the other S-shaped function: check which activation this layer uses."
            ),
            "no_half": self.tr("The square loss has a ½ in front: L = ½ Σ (ŷ − y)²."),
            "no_square": self.tr("Square each difference: (ŷ − y)²."),
            "log10": self.tr("Use the natural logarithm ln, not log₁₀."),
            "sign": self.tr("Check the sign."),
            "all_classes": self.tr("Only the true class counts: y is 0 for the others."),
            "with_derivative": self.tr("With this output and loss, f′ cancels out: δ = ŷ − y."),
            "no_derivative": self.tr("Multiply by the derivative f′(z)."),
            "derivative_at_a": self.tr("Evaluate the derivative f′ at z, not at a."),
            "no_sum": self.tr(
                "Softmax ties the outputs together: subtract Σₖ ŷₖ ∂L/∂ŷₖ inside the brackets."
            ),
            "other_weights": self.tr(
                "Use the weights that leave this neuron (its column of W), not another neuron's."
            ),
            "gave_delta": self.tr("Multiply δ by the input the weight comes from."),
            "own_output": self.tr(
                "Use the input the weight comes from, not this neuron's own output."
            ),
            "sign_update": self.tr("Gradient descent steps against the gradient: w − η ∂L/∂w."),
            "no_rate": self.tr("Multiply the gradient by the learning rate η."),
            "step_only": self.tr("That is the change −η ∂L/∂w: add it to w."),
        }


def _named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)
    return widget


def _label(name: str, bold: bool = False, scale: float = 1.0) -> QLabel:
    label = _named(QLabel(), name)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(bold)
    font.setPointSizeF(font.pointSizeF() * scale)  # the math a little larger than prose
    label.setFont(font)
    return label
