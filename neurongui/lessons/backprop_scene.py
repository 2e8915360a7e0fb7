"""What each stage of lesson 5's network part shows: its worked numbers in the panel
and their boxes on the diagram.

:class:`StepNumbers` holds one gradient-descent step of the lesson's 2-2-1 network on
its one sample, every number from the engine; :class:`StageView` writes a stage of it
out, as rich text for the panel and as :class:`~neurongui.views.canvas_overlay.Label` boxes
for the canvas, placed clear of one another, of the neurons and of their captions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, QPointF, QRectF

from neurongui.engine import Network
from neurongui.engine.network import Backprop
from neurongui.i18n import fill
from neurongui.lessons.base import format_number
from neurongui.theme import is_dark
from neurongui.views.canvas_overlay import Label, value_colours

if TYPE_CHECKING:
    from neurongui.lessons.backprop import BackpropLesson

__all__ = ["ETA", "TARGET", "UPDATE", "StageView", "StepNumbers", "X", "step_numbers"]

#: The training sample, its target and the learning rate.
X = np.array([0.05, 0.10])
TARGET = 0.01
ETA = 0.5
#: Stages of part 2: inputs, hidden forward, output forward, loss, output δ, hidden δ,
#: gradients, update.
N_STAGES = 8
UPDATE = N_STAGES - 1
#: The stage that asks for ∂L/∂w₃₁ (and hides it until it is answered).
GRADIENTS = UPDATE - 1
#: The weight the question asks about, w₃₁ (layer, neuron, source), and what the
#: diagram and the working show in place of its gradient until it is answered.
ASKED = (1, 0, 0)
HIDDEN_VALUE = "?"


def _sub(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def _n(value: float | None) -> str:
    """A number in the engine's format; "–" for one not known yet (no step made)."""
    return "–" if value is None else format_number(float(value))


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


class StageView(QObject):
    """The worked numbers and diagram boxes of the lesson's current stage."""

    def __init__(self, lesson: BackpropLesson):
        super().__init__(lesson)
        self.lesson = lesson

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

    def stage_map(self, names: list[str]) -> str:
        """The steps in order, the current one marked."""
        rows = []
        for i, name in enumerate(names):
            text = f"{i + 1} · {name}"
            rows.append(
                f"<b>▶ {text}</b>" if i == self.lesson.stage else f"&nbsp;&nbsp;&nbsp;{text}"
            )
        return self.tr("The steps:") + "<br>" + "<br>".join(rows)

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
        }[self.lesson.stage](s)
        return "<br>".join(lines)

    def _result(self, value: float | None, kind: str) -> str:
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
                name = f"∂L/∂w{_sub(n)}{_sub(k + 1)}"
                if (layer, j, k) == ASKED and not self.lesson.answered():
                    # The question below asks for it: the student works it out.
                    lines.append(
                        f"{name} = <b>{HIDDEN_VALUE}</b> "
                        + self.tr("(your question: work it out from δ₃ and a₁)")
                    )
                    continue
                lines.append(
                    f"{name} = δ{_sub(n)}{src}{_sub(k + 1)} = {_n(d)} × "
                    f"{_p(s.a(layer - 1)[k])} = " + self._result(g["weights"][j, k], "gradient")
                )
            lines.append(
                f"∂L/∂b{_sub(n)} = δ{_sub(n)} = " + self._result(g["biases"][j], "gradient")
            )
        return lines

    def _update_lines(self, s: StepNumbers) -> list[str]:
        lines = []
        after = self.lesson.network
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

    def labels(self) -> list[Label]:
        """The boxes of numbers the current stage writes on the diagram."""
        if not self.lesson.on_network_page() or not self.lesson.fits():
            return []
        s, stage, canvas = self.lesson.numbers(), self.lesson.stage, self.lesson.host.canvas
        px = 1 / (canvas.transform().m11() or 1.0)  # a screen pixel in scene units
        labels = []
        for k in (0, 1):
            at = canvas.node_position(-1, k)
            line = (f"x{_sub(k + 1)} = {_n(X[k])}", "forward")
            # Over the input's name, inside the diagram's left margin (not cut off by it).
            anchor = QPointF(at.x() - 26, at.y())
            labels.append(Label(f"input{k}", anchor, (line,), "left"))
        for j in (0, 1):
            lines = self._hidden_label(s, j)
            at = canvas.node_position(0, j)
            # Above the top neuron's outgoing edge, below the bottom one's.
            corner = QPointF(at.x() + 34, at.y() + (5 if j == 0 else -5))
            side = "above-right" if j == 0 else "below-right"
            # Clear of the header above (top neuron) and of the bias caption below: moved
            # towards the middle of the diagram, a few pixels at a time.
            away = 1 if j == 0 else -1
            moves = tuple(
                QPointF(corner.x() + side_step * px, corner.y() + away * step * px)
                for step in range(3, 31, 3)
                for side_step in (0, 12)
            )
            if lines:
                labels.append(Label(f"hidden{j}", corner, lines, side, moves))
        at = canvas.node_position(1, 0)
        right = QPointF(at.x() + 30, at.y())
        moves = tuple(
            QPointF(right.x() + shift * px, right.y() + sign * step * px)
            for shift in (0, 8)
            for step in range(0, 61, 6)
            for sign in (-1, 1)
        )
        labels.append(Label("output", right, self._output_label(s), "right", moves))
        if stage >= 6:
            labels += self._edge_labels(s)
        return labels

    def _hidden_label(self, s: StepNumbers, j: int) -> tuple[tuple[str, str], ...]:
        n, stage = _sub(j + 1), self.lesson.stage
        if stage == UPDATE:
            return ((f"b{n} ← {_n(self.lesson.network.get_bias(0, j))}", "plain"),)
        lines = []
        if 1 <= stage < GRADIENTS:
            lines.append((f"z{n} = {_n(s.z(0)[j])}", "forward"))
        if stage >= 1:
            # The gradients need a (∂L/∂w₃ⱼ = δ₃aⱼ), not z: two lines leave the edges
            # between the hidden neurons and the output room for their own boxes.
            lines.append((f"a{n} = {_n(s.a(0)[j])}", "forward"))
        if stage >= 5:
            # One line for δ and ∂L/∂b: a fourth line would reach the layer's header.
            tail = f" = ∂L/∂b{n}" if stage >= GRADIENTS else ""
            lines.append((f"δ{n} = {_n(s.delta(0)[j])}{tail}", "gradient"))
        return tuple(lines)

    def _output_label(self, s: StepNumbers) -> tuple[tuple[str, str], ...]:
        stage = self.lesson.stage
        if stage == UPDATE:
            return (
                (f"b₃ ← {_n(self.lesson.network.get_bias(1, 0))}", "plain"),
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
        if stage >= GRADIENTS:  # a line of its own: the diagram ends close to the output
            lines.append(("= ∂L/∂b₃", "gradient"))
        return tuple(lines)

    def _edge_labels(self, s: StepNumbers) -> list[Label]:
        canvas, labels = self.lesson.host.canvas, []
        for layer, j, k in ((0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1)):
            # The crossing edges of the first layer meet at their middles: label them near
            # the inputs, where they are a box's height apart, and the straight ones
            # further on, short of the hidden neurons' bias captions.
            t = 0.5 if layer else (0.62 if j == k else 0.32)
            # Where that box would cover another, a neuron or a caption: further along.
            others = tuple(
                t + d for d in (-0.08, 0.08, -0.16, 0.16, -0.24, 0.24) if 0.1 < t + d < 0.9
            )
            if self.lesson.stage == UPDATE:
                line = (f"w ← {_n(self.lesson.network.get_weight(layer, j, k))}", "plain")
            elif (layer, j, k) == ASKED and not self.lesson.answered():
                line = (HIDDEN_VALUE, "gradient")  # the question's answer, not given away
            else:
                line = (_n(s.bp.gradients[layer]["weights"][j, k]), "gradient")
            at = canvas.edge_point(layer, j, k, t)
            moves = tuple(canvas.edge_point(layer, j, k, u) for u in others)
            labels.append(Label(f"edge{layer}_{j}_{k}", at, (line,), "center", moves))
        return labels

    def neuron_rects(self) -> list[QRectF]:
        """Scene rectangles of the neurons, which no box may cover."""
        canvas = self.lesson.host.canvas
        if not self.lesson.on_network_page() or not self.lesson.fits():
            return []
        nodes = canvas.nodes_rect()
        first, last = canvas.node_position(-1, 0), canvas.node_position(1, 0)
        radius = max(first.x() - nodes.left(), nodes.right() - last.x())
        rects = []
        for layer, count in ((-1, 2), (0, 2), (1, 1)):
            for j in range(count):
                at = canvas.node_position(layer, j)
                rects.append(QRectF(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius))
        return rects
