"""Lesson 5, backpropagation step by step: the chain rule, then a whole network.

Part 1 is the chain rule on the graph of f(x, y, z) = (x + y)·z
(:mod:`neurongui.lessons.backprop_graph`). Part 2 runs one gradient-descent step of a
2-2-1 sigmoid network on one sample, x = (0.05, 0.1), target y = 0.01, square loss,
η = 0.5, in eight stages the student steps through: the forward pass, the loss, the
δ of every neuron from the output back, the gradients, and the update, which is one
undoable edit. Each stage lists its worked numbers and writes them on the diagram.
Every number comes from the engine's :meth:`Network.backprop`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine import Network
from neurongui.engine.answers import check_answer
from neurongui.engine.config import TrainingConfig
from neurongui.engine.datasets import Dataset
from neurongui.engine.edits import SetParameters
from neurongui.engine.network import Backprop
from neurongui.i18n import fill
from neurongui.lessons.backprop_graph import ChainRulePage, rough_reply
from neurongui.lessons.base import Lesson, format_number
from neurongui.lessons.overlay import CanvasOverlay, Label, value_colours
from neurongui.theme import is_dark

__all__ = ["ETA", "LESSON", "TARGET", "BackpropLesson", "StepNumbers", "X", "step_numbers"]

#: The training sample, its target and the learning rate.
X = np.array([0.05, 0.10])
TARGET = 0.01
ETA = 0.5
#: The name of the one-sample dataset the lesson trains on.
SAMPLE_NAME = "x = (0.05, 0.1) → y = 0.01"
#: Readable starting weights (those of Matt Mazur's well-known worked example).
W_HIDDEN = np.array([[0.15, 0.20], [0.25, 0.30]])
B_HIDDEN = np.array([0.35, 0.35])
W_OUTPUT = np.array([[0.40, 0.45]])
B_OUTPUT = np.array([0.60])
#: Stages of part 2: inputs, hidden forward, output forward, loss, output δ, hidden δ,
#: gradients, update.
N_STAGES = 8
UPDATE = N_STAGES - 1
#: Which neuron (layer, index) the canvas selects in each stage, so the inspector follows.
_SELECTED = {0: (-1, 0), 1: (0, 0), 2: (1, 0), 3: (1, 0), 4: (1, 0), 5: (0, 0), 6: (1, 0)}


def _sub(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def _n(value: float) -> str:
    return format_number(float(value))


def _p(value: float) -> str:
    """A number that follows an operator: negative ones in brackets."""
    return format_number(float(value), parenthesise=True)


@dataclass(frozen=True)
class StepNumbers:
    """One gradient-descent step on the lesson's sample, every number from the engine.

    Neurons are numbered 1, 2 (hidden) and 3 (output); ``w[j][k]`` is the weight into
    neuron j from input or hidden neuron k, as the lesson writes w_jk.

    Attributes
    ----------
    before
        The network the step starts from.
    bp
        Its forward and backward pass (:meth:`Network.backprop`, square loss).
    slopes
        f′(z) of every layer (the activations' own derivative).
    after_loss
        The loss after the update, or None before it.
    """

    before: Network
    bp: Backprop
    slopes: list[np.ndarray]
    after_loss: float | None = None

    @property
    def gradient_vector(self) -> np.ndarray:
        """∂L/∂θ laid out like :attr:`Network.parameters`."""
        vector = np.empty_like(self.before.parameters)
        for view, grad in zip(self.before.gradient_views(vector), self.bp.gradients, strict=True):
            for key, values in grad.items():
                view[key][...] = values
        return vector

    def z(self, layer: int) -> np.ndarray:
        """z of ``layer``'s neurons."""
        return self.bp.zs[layer][0]

    def a(self, layer: int) -> np.ndarray:
        """Activations of ``layer`` (layer −1: the inputs)."""
        return self.bp.inputs[0] if layer < 0 else self.bp.activations[layer][0]

    def delta(self, layer: int) -> np.ndarray:
        """δ = ∂L/∂z of ``layer``'s neurons."""
        return self.bp.deltas[layer][0]


def step_numbers(before: Network, after: Network | None = None) -> StepNumbers:
    """The numbers of a step from ``before`` (and the loss of ``after``, if given)."""
    bp = before.backprop(X[None, :], np.array([[TARGET]]), "mse")
    slopes = [
        layer.activation.derivative(z[0]) for layer, z in zip(before.layers, bp.zs, strict=True)
    ]
    loss = None if after is None else after.loss(X[None, :], np.array([[TARGET]]), "mse")
    return StepNumbers(before, bp, slopes, loss)


class BackpropLesson(Lesson):
    """The chain rule on a small graph, then backpropagation through a 2-2-1 network."""

    key = "backprop"
    asks = True
    sizes = (2, 2, 1)

    def network_and_config(self) -> tuple[Network, TrainingConfig]:
        net = Network([2, 2, 1], activations="sigmoid", init="zeros")
        for layer, (w, b) in enumerate(((W_HIDDEN, B_HIDDEN), (W_OUTPUT, B_OUTPUT))):
            for (j, k), value in np.ndenumerate(w):
                net.set_weight(layer, j, k, value)
            for j, value in enumerate(b):
                net.set_bias(layer, j, value)
        config = TrainingConfig(
            dataset="and", loss="mse", learning_rate=ETA, batch_size=1, test_fraction=0.0
        )
        return net, config

    def fits(self) -> bool:
        """The lesson's shape, and sigmoid neurons (its formulas use σ′ = σ(1 − σ))."""
        return super().fits() and all(
            layer.activation.name == "sigmoid" for layer in self.network.layers
        )

    def misfit_message(self) -> str:
        if tuple(self.network.sizes) == self.sizes:
            return self.tr(
                "This lesson's formulas need sigmoid neurons (σ′ = σ(1 − σ)). Undo the "
                "change (Ctrl+Z) or start the lesson again from the Lessons menu."
            )
        return super().misfit_message()

    # -- building ----------------------------------------------------------------------

    def build(self, body: QVBoxLayout) -> None:
        self._use_the_sample()
        self.stage = 0
        self._step: tuple[SetParameters, np.ndarray] | None = None
        self._pushing = False
        self.overlay = CanvasOverlay(self.window.canvas, self.labels, is_dark)
        self.listen(self.window.canvas.scene().changed, self.overlay.ensure)
        # The undo stack moves its index after the command ran: look again then.
        self.listen(self.window.undo_stack.indexChanged, self._on_history)
        if self.window.theme_manager is not None:
            self.listen(self.window.theme_manager.changed, self._on_theme)
        switch = QHBoxLayout()
        self.pages = QStackedWidget()
        self.page_buttons = QButtonGroup(self)
        for index, (name, text) in enumerate(
            (
                ("chainRuleButton", self.tr("1 · Chain rule")),
                ("networkButton", self.tr("2 · Network")),
            )
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setCheckable(True)
            self.page_buttons.addButton(button, index)
            switch.addWidget(button)
        self.page_buttons.button(0).setChecked(True)
        self.page_buttons.idClicked.connect(self.show_page)
        body.addLayout(switch)
        self.graph = ChainRulePage()
        self.pages.addWidget(self.graph)
        self.pages.addWidget(self._network_page())
        body.addWidget(self.pages)
        self._colour_legend()

    def _on_theme(self, *_: object) -> None:
        """Colour the legends, the graph and the numbers for the new theme."""
        self._colour_legend()
        self.graph.recolour()
        self.refresh()

    def _colour_legend(self) -> None:
        colours = value_colours(is_dark())
        self.legend.setText(
            fill(
                self.tr(
                    "On the diagram: <span style='color:%1'>■</span> forward values "
                    "(x, z, a, ŷ, L) &nbsp; <span style='color:%2'>■</span> gradients (δ, ∂L/∂w)"
                ),
                colours["forward"].name(),
                colours["gradient"].name(),
            )
        )

    def _use_the_sample(self) -> None:
        """Make the lesson's sample the document's data.

        Then the diagram's colours, the Inspector's working and Play all use the same
        x = (0.05, 0.1) as the lesson: one more training step trains on exactly it.
        """
        sample = Dataset(
            SAMPLE_NAME,
            X[None, :].copy(),
            np.array([[TARGET]]),
            "regression",
            ("x₁", "x₂"),
            ("y",),
            "The one sample of the backpropagation lesson.",
            # Given as they are, not standardised (one sample has no spread anyway).
            feature_mean=np.zeros(2),
            feature_std=np.ones(2),
        )
        self.model.import_dataset(sample)
        self.model.set_modified(False)  # still the lesson's untouched document

    def _network_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("networkPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.back = QPushButton(self.tr("◀ Back"))
        self.back.setObjectName("stageBack")
        self.back.clicked.connect(self.go_back)
        self.next = QPushButton(self.tr("Next ▶"))
        self.next.setObjectName("stageNext")
        self.next.clicked.connect(self.go_next)
        self.stage_label = QLabel()
        self.stage_label.setObjectName("stageLabel")
        self.stage_label.setWordWrap(True)
        self.stage_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.back)
        row.addWidget(self.stage_label, 1)
        row.addWidget(self.next)
        layout.addLayout(row)
        self.working = QLabel()
        self.working.setObjectName("stageWorking")
        self.working.setWordWrap(True)
        self.working.setTextFormat(Qt.TextFormat.RichText)
        self.working.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.working)
        self.legend = QLabel()
        self.legend.setObjectName("stageLegend")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        answer_row = QHBoxLayout()
        question = QLabel(self.tr("What is ∂L/∂w₃₁?"))
        question.setToolTip(self.tr("w₃₁ is the weight from hidden neuron 1 to the output"))
        self.answer = QLineEdit()
        self.answer.setObjectName("networkAnswer")
        self.answer.setPlaceholderText(self.tr("a number, e.g. 0.25"))
        self.answer.setAccessibleName(self.tr("Your value of ∂L/∂w₃₁"))
        question.setBuddy(self.answer)
        answer_row.addWidget(question)
        answer_row.addWidget(self.answer, 1)
        layout.addLayout(answer_row)
        layout.addStretch(1)
        return page

    # -- pages and stages --------------------------------------------------------------

    def show_page(self, index: int) -> None:
        """Show part 1 (0, the chain rule) or part 2 (1, the network)."""
        self.page_buttons.button(index).setChecked(True)
        self.pages.setCurrentIndex(index)
        self.say("")
        if self.on_network_page():
            self.go(self.stage)  # selects the stage's neuron too
        else:
            self.refresh()

    def on_network_page(self) -> bool:
        """True while part 2 is shown."""
        return self.pages.currentIndex() == 1

    def stage_names(self) -> list[str]:
        """Names of the stages of part 2, in order."""
        return [
            self.tr("Inputs and weights"),
            self.tr("Forward: hidden layer"),
            self.tr("Forward: output"),
            self.tr("Loss"),
            self.tr("Backward: δ of the output"),
            self.tr("Backward: δ of the hidden neurons"),
            self.tr("Gradients ∂L/∂w and ∂L/∂b"),
            self.tr("Update: w ← w − η ∂L/∂w"),
        ]

    def go(self, stage: int) -> None:
        """Show stage ``stage`` of part 2 (no update is made or undone here)."""
        self.stage = max(0, min(stage, UPDATE))
        if self.stage == UPDATE and self._step is None:
            self.stage = UPDATE - 1  # only apply_update() enters the update stage
        if self.stage in _SELECTED:
            self.model.select_neuron(*_SELECTED[self.stage])
        self.refresh()

    def go_next(self) -> None:
        """The next stage; into the update stage, apply the update; after it, start over."""
        if self.stage == UPDATE:
            self._step = None  # keep the step; the next round starts from its result
            self.go(0)
        elif self.stage == UPDATE - 1:
            self.apply_update()
        else:
            self.go(self.stage + 1)

    def go_back(self) -> None:
        """The previous stage; out of the update stage, undo the update."""
        if self.stage != UPDATE:
            self.go(self.stage - 1)
            return
        stack = self.window.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() > 0 else None
        if self._step is not None and getattr(top, "edit", None) is self._step[0]:
            self._step = None
            self.stage = UPDATE - 1
            stack.undo()  # parametersChanged refreshes the stage
            self.go(self.stage)
        else:
            self.say(
                self.tr(
                    "The update stays: the network was changed after it. Undo those changes "
                    "first (Ctrl+Z), then go back."
                ),
                False,
            )

    def apply_update(self) -> bool:
        """Apply w ← w − η ∂L/∂w to every parameter as one undoable edit."""
        numbers = step_numbers(self.network)
        before = self.network.parameters.copy()
        try:
            edit = SetParameters(before - ETA * numbers.gradient_vector, "Backpropagation step")
        except ValueError:
            self.say(self.tr("The update would not give finite weights."), False)
            return False
        self._step, self.stage = (edit, before), UPDATE
        self._pushing = True  # the stack holds the command only once push() returns
        try:
            ok = self.push(edit, self.tr("Backpropagation: one gradient-descent step"))
        finally:
            self._pushing = False
        if not ok:
            self._step, self.stage = None, UPDATE - 1
        self.go(self.stage)
        return ok

    def _on_history(self) -> None:
        if self.stage == UPDATE and not self._pushing and not self._update_applied():
            self._step = None
            self.go(UPDATE - 1)  # the update was undone from the Edit menu

    def _update_applied(self) -> bool:
        """True while the update of the update stage is still on the network."""
        if self._step is None:
            return False
        stack = self.window.undo_stack
        return any(
            getattr(stack.command(i), "edit", None) is self._step[0] for i in range(stack.index())
        )

    def numbers(self) -> StepNumbers:
        """The numbers of the current stage: of the live network, or of the step made."""
        if self.stage == UPDATE and self._step is not None:
            before = self.network.copy()
            np.copyto(before.parameters, self._step[1])
            return step_numbers(before, self.network)
        return step_numbers(self.network)

    # -- showing -----------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.on_network_page() or not self.fits():
            self.overlay.clear()
            return
        names = self.stage_names()
        self.stage_label.setText(
            fill(
                self.tr("Stage %1 of %2 · %3"),
                str(self.stage + 1),
                str(N_STAGES),
                names[self.stage],
            )
        )
        self.back.setEnabled(self.stage > 0)
        self.next.setText(self.tr("Another step ▶") if self.stage == UPDATE else self.tr("Next ▶"))
        self.working.setText(self.working_text(self.numbers()))
        self.overlay.update()

    def working_text(self, s: StepNumbers) -> str:
        """The worked numbers of the current stage, as rich text."""
        lines = {
            0: self._inputs_lines,
            1: self._hidden_lines,
            2: self._output_lines,
            3: self._loss_lines,
            4: self._output_delta_lines,
            5: self._hidden_delta_lines,
            6: self._gradient_lines,
            7: self._update_lines,
        }[self.stage](s)
        return "<br>".join(lines)

    def _result(self, value: float, kind: str) -> str:
        colour = value_colours(is_dark())[kind].name()
        return f"<b style='color:{colour}'>{_n(value)}</b>"

    def _inputs_lines(self, s: StepNumbers) -> list[str]:
        net = s.before
        lines = [
            fill(
                self.tr("Sample: x₁ = %1, x₂ = %2, target y = %3; learning rate η = %4."),
                _n(X[0]),
                _n(X[1]),
                _n(TARGET),
                _n(ETA),
            )
        ]
        for layer, j in ((0, 0), (0, 1), (1, 0)):
            n = 3 if layer else j + 1
            terms = [f"w{_sub(n)}{_sub(k + 1)} = {_n(net.get_weight(layer, j, k))}" for k in (0, 1)]
            lines.append(", ".join([*terms, f"b{_sub(n)} = {_n(net.get_bias(layer, j))}"]))
        return lines

    def _hidden_lines(self, s: StepNumbers) -> list[str]:
        lines = []
        for j in (0, 1):
            n, w = _sub(j + 1), s.before.layers[0].weights[j]
            lines.append(
                f"z{n} = w{n}₁x₁ + w{n}₂x₂ + b{n} = {_n(w[0])} × {_p(X[0])} + {_p(w[1])} × "
                f"{_p(X[1])} + {_p(s.before.layers[0].biases[j])} = "
                + self._result(s.z(0)[j], "forward")
            )
            lines.append(
                f"a{n} = σ(z{n}) = σ({_n(s.z(0)[j])}) = " + self._result(s.a(0)[j], "forward")
            )
        return lines

    def _output_lines(self, s: StepNumbers) -> list[str]:
        w, a = s.before.layers[1].weights[0], s.a(0)
        z = s.z(1)[0]
        return [
            f"z₃ = w₃₁a₁ + w₃₂a₂ + b₃ = {_n(w[0])} × {_p(a[0])} + {_p(w[1])} × {_p(a[1])} + "
            f"{_p(s.before.layers[1].biases[0])} = " + self._result(z, "forward"),
            f"ŷ = a₃ = σ(z₃) = σ({_n(z)}) = " + self._result(s.a(1)[0], "forward"),
        ]

    def _loss_lines(self, s: StepNumbers) -> list[str]:
        return [
            f"L = ½(y − ŷ)² = ½ × ({_n(TARGET)} − {_p(s.a(1)[0])})² = "
            + self._result(s.bp.loss, "forward"),
            self.tr("The square loss: half the squared error of the output."),
        ]

    def _output_delta_lines(self, s: StepNumbers) -> list[str]:
        a, slope = s.a(1)[0], s.slopes[1][0]
        return [
            f"σ′(z₃) = σ(z₃)(1 − σ(z₃)) = {_n(a)} × (1 − {_p(a)}) = {_n(slope)}",
            f"δ₃ = ∂L/∂z₃ = (ŷ − y)·σ′(z₃) = ({_n(a)} − {_p(TARGET)}) × {_p(slope)} = "
            + self._result(s.delta(1)[0], "gradient"),
            self.tr("∂L/∂ŷ = ŷ − y, and the chain rule multiplies it by ∂ŷ/∂z₃ = σ′(z₃)."),
        ]

    def _hidden_delta_lines(self, s: StepNumbers) -> list[str]:
        lines = []
        w, d3 = s.before.layers[1].weights[0], s.delta(1)[0]
        for j in (0, 1):
            n, slope = _sub(j + 1), s.slopes[0][j]
            lines.append(
                f"δ{n} = (w₃{n}δ₃)·σ′(z{n}) = ({_n(w[j])} × {_p(d3)}) × {_p(slope)} = "
                + self._result(s.delta(0)[j], "gradient")
            )
        lines.append(
            self.tr(
                "Each hidden neuron gets back the output's δ through its weight, Σ w·δ "
                "(one term here), times its own σ′(z)."
            )
        )
        return lines

    def _gradient_lines(self, s: StepNumbers) -> list[str]:
        lines = []
        for layer, j in ((1, 0), (0, 0), (0, 1)):
            n = 3 if layer else j + 1
            d, g = s.delta(layer)[j], s.bp.gradients[layer]
            src = "a" if layer else "x"
            for k in (0, 1):
                lines.append(
                    f"∂L/∂w{_sub(n)}{_sub(k + 1)} = δ{_sub(n)}{src}{_sub(k + 1)} = {_n(d)} × "
                    f"{_p(s.a(layer - 1)[k])} = " + self._result(g["weights"][j, k], "gradient")
                )
            lines.append(
                f"∂L/∂b{_sub(n)} = δ{_sub(n)} = " + self._result(g["biases"][j], "gradient")
            )
        return lines

    def _update_lines(self, s: StepNumbers) -> list[str]:
        lines = []
        after = self.network
        for layer, j in ((1, 0), (0, 0), (0, 1)):
            n, g = _sub(3 if layer else j + 1), s.bp.gradients[layer]
            for k in (0, 1):
                lines.append(
                    f"w{n}{_sub(k + 1)} ← {_n(s.before.get_weight(layer, j, k))} − {_n(ETA)} × "
                    f"{_p(g['weights'][j, k])} = {_n(after.get_weight(layer, j, k))}"
                )
            lines.append(
                f"b{n} ← {_n(s.before.get_bias(layer, j))} − {_n(ETA)} × {_p(g['biases'][j])} = "
                f"{_n(after.get_bias(layer, j))}"
            )
        lines.append(
            fill(
                self.tr("Loss before the step: %1; after it (a new forward pass): %2"),
                _n(s.bp.loss),
                self._result(s.after_loss, "forward"),
            )
        )
        return lines

    # -- the diagram -------------------------------------------------------------------

    def labels(self) -> list[Label]:
        """The boxes of numbers the current stage writes on the diagram."""
        if not self.on_network_page() or not self.fits():
            return []
        s, stage, canvas = self.numbers(), self.stage, self.window.canvas
        labels = []
        for k in (0, 1):
            at = canvas.node_position(-1, k)
            line = (f"x{_sub(k + 1)} = {_n(X[k])}", "forward")
            labels.append(Label(f"input{k}", QPointF(at.x() - 50, at.y()), (line,), "left"))
        for j in (0, 1):
            lines = self._hidden_label(s, j)
            at = canvas.node_position(0, j)
            # Above the top neuron's outgoing edge, below the bottom one's.
            corner = QPointF(at.x() + 34, at.y() + (5 if j == 0 else -5))
            side = "above-right" if j == 0 else "below-right"
            if lines:
                labels.append(Label(f"hidden{j}", corner, lines, side))
        at = canvas.node_position(1, 0)
        labels.append(Label("output", QPointF(at.x() + 30, at.y()), self._output_label(s), "right"))
        if stage >= 6:
            labels += self._edge_labels(s)
        return labels

    def _hidden_label(self, s: StepNumbers, j: int) -> tuple[tuple[str, str], ...]:
        n, stage = _sub(j + 1), self.stage
        if stage == UPDATE:
            return ((f"b{n} ← {_n(self.network.get_bias(0, j))}", "plain"),)
        lines = []
        if stage >= 1:
            lines += [
                (f"z{n} = {_n(s.z(0)[j])}", "forward"),
                (f"a{n} = {_n(s.a(0)[j])}", "forward"),
            ]
        if stage >= 5:
            lines.append((f"δ{n} = {_n(s.delta(0)[j])}", "gradient"))
        if stage >= 6:
            lines.append((f"= ∂L/∂b{n}", "gradient"))
        return tuple(lines)

    def _output_label(self, s: StepNumbers) -> tuple[tuple[str, str], ...]:
        stage = self.stage
        if stage == UPDATE:
            return (
                (f"b₃ ← {_n(self.network.get_bias(1, 0))}", "plain"),
                (f"L = {_n(s.bp.loss)}", "forward"),
                (f"→ {_n(s.after_loss)}", "forward"),
            )
        # The diagram leaves little room right of the output: short lines only.
        lines = [(f"y = {_n(TARGET)}", "plain")]
        if stage >= 2:
            lines += [(f"z₃ = {_n(s.z(1)[0])}", "forward"), (f"ŷ = {_n(s.a(1)[0])}", "forward")]
        if stage >= 3:
            lines.append((f"L = {_n(s.bp.loss)}", "forward"))
        if stage >= 4:
            lines.append((f"δ₃ = {_n(s.delta(1)[0])}", "gradient"))
        if stage >= 6:
            lines.append(("= ∂L/∂b₃", "gradient"))
        return tuple(lines)

    def _edge_labels(self, s: StepNumbers) -> list[Label]:
        canvas, labels = self.window.canvas, []
        for layer, j, k in ((0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1)):
            # Crossing edges of the first layer meet at their middles: label them apart
            # (clear of the hidden neurons' bias captions), the straight ones near the inputs.
            t = 0.5 if layer else (0.3 if j == k else 0.62)
            if self.stage == UPDATE:
                line = (f"w ← {_n(self.network.get_weight(layer, j, k))}", "plain")
            else:
                line = (_n(s.bp.gradients[layer]["weights"][j, k]), "gradient")
            at = canvas.edge_point(layer, j, k, t)
            labels.append(Label(f"edge{layer}_{j}_{k}", at, (line,), "center"))
        return labels

    # -- the questions -----------------------------------------------------------------

    def check(self) -> tuple[bool, str]:
        if not self.on_network_page():
            return self.graph.check()
        text = self.answer.text()
        s = self.numbers()
        delta, a = s.delta(1)[0], s.a(0)
        right = s.bp.gradients[1]["weights"][0, 0]
        slips = self.slips(s)
        verdict = check_answer(text, right, {key: v for key, (v, _) in slips.items()})
        if verdict.kind == "empty":
            return False, self.tr("Type your value of ∂L/∂w₃₁ first, e.g. 0.25.")
        if verdict.kind == "not_a_number":
            return False, fill(
                self.tr("“%1” is not a number. Type a number such as 0.25."), text.strip()
            )
        if verdict.right:
            return True, fill(
                self.tr("Right: ∂L/∂w₃₁ = δ₃·a₁ = %1 × %2 = %3."), _n(delta), _n(a[0]), _n(right)
            )
        if verdict.kind == "slip":
            return False, fill(slips[verdict.slip][1], _n(verdict.value))
        if verdict.kind == "rough":
            return False, rough_reply(verdict)
        return False, fill(
            self.tr(
                "Not yet: %1 is not ∂L/∂w₃₁. It is the δ of the neuron the weight leads to, "
                "times the activation the weight carries."
            ),
            _n(verdict.value),
        )

    def slips(self, s: StepNumbers) -> dict[str, tuple[float, str]]:
        """The numbers classic slips give for ∂L/∂w₃₁, each with its reply (%1: the
        answer typed)."""
        delta, a, y_hat = s.delta(1)[0], s.a(0), s.a(1)[0]
        right = s.bp.gradients[1]["weights"][0, 0]
        return {
            "w32": (
                s.bp.gradients[1]["weights"][0, 1],
                self.tr(
                    "Not yet: %1 is ∂L/∂w₃₂ = δ₃·a₂. You used a₂ where w₃₁ multiplies a₁: "
                    "∂L/∂w₃₁ = δ₃·a₁."
                ),
            ),
            "b3": (
                delta,
                self.tr(
                    "Not yet: %1 is δ₃ = ∂L/∂b₃. The weight w₃₁ also multiplies a₁, so "
                    "∂L/∂w₃₁ = δ₃·a₁."
                ),
            ),
            "no_slope": (
                (y_hat - TARGET) * a[0],
                self.tr(
                    "Not yet: %1 is (ŷ − y)·a₁, without σ′(z₃). The chain rule passes through "
                    "the sigmoid too: δ₃ = (ŷ − y)·σ′(z₃), and ∂L/∂w₃₁ = δ₃·a₁."
                ),
            ),
            "sign": (
                -right,
                self.tr("Not yet: %1 is −∂L/∂w₃₁, the sign is flipped. ∂L/∂ŷ = ŷ − y, not y − ŷ."),
            ),
            "updated": (
                s.before.get_weight(1, 0, 0) - ETA * right,
                self.tr(
                    "Not yet: %1 is the updated weight w₃₁ − η·∂L/∂w₃₁. The question asks "
                    "for the gradient ∂L/∂w₃₁ itself."
                ),
            ),
        }

    def cleanup(self) -> None:
        self.overlay.clear()


LESSON = BackpropLesson
