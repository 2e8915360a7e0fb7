"""Backpropagation stage by stage on the student's own network and sample.

Lesson 5 walks one fixed 2-2-1 network through a training step; this panel does the
same for whatever network is on screen, with any activation and loss: the inputs,
each layer's z and a, the loss, the output δ, each hidden layer's δ going back, the
gradients ∂L/∂w and the update, one stage at a time (Previous/Next), the numbers in
boxes beside the neurons and on the edges of the live diagram, and the stage's
formula with its first neuron's numbers in the panel. Every number comes from
:class:`neurongui.engine.drills.Drill`, which is checked against the engine.

A big layer shows its first neurons and its strongest gradients, not thousands of
boxes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QTimer
from PySide6.QtWidgets import QGraphicsView, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from neurongui.engine.drills import Drill, Question
from neurongui.engine.numbers import format_number
from neurongui.i18n import fill, keep_together, sentences
from neurongui.model import NetworkModel
from neurongui.theme import is_dark
from neurongui.views.canvas_overlay import CanvasOverlay, Label

__all__ = ["MAX_BOXES", "Stage", "StagesPanel", "stages_of"]

#: At most this many neurons (or edges) of a layer get a box.
MAX_BOXES = 6


@dataclass(frozen=True)
class Stage:
    """One stage: its kind (``inputs``, ``forward``, ``loss``, ``delta``, ``grad``,
    ``update``) and the weight layer it is about (-1 for inputs and the loss)."""

    kind: str
    layer: int


def stages_of(n_layers: int) -> list[Stage]:
    """The stages of a network with ``n_layers`` weight layers, in teaching order."""
    forward = [Stage("forward", layer) for layer in range(n_layers)]
    back = [Stage("delta", layer) for layer in range(n_layers - 1, -1, -1)]
    grads = [Stage("grad", layer) for layer in range(n_layers - 1, -1, -1)]
    return [Stage("inputs", -1), *forward, Stage("loss", -1), *back, *grads, Stage("update", -1)]


class StagesPanel(QWidget):
    """Previous/Next through the stages; boxes on ``canvas`` while the panel is shown.

    Parameters
    ----------
    model
        The live network, its data and settings (read only).
    canvas
        The network diagram the boxes go on (it must offer ``node_position``,
        ``edge_point`` and ``nodes_rect``).
    """

    def __init__(
        self, model: NetworkModel, canvas: QGraphicsView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stagesPanel")
        self.model, self.canvas = model, canvas
        self.drill: Drill | None = None
        self._behind = False
        self.stages: list[Stage] = []
        self.index = 0
        self.overlay = CanvasOverlay(canvas, self.labels, is_dark, self._neuron_rects)
        canvas.scene().changed.connect(self.overlay.ensure)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.formula = QLabel()
        self.formula.setWordWrap(True)
        self.work = QLabel()
        self.work.setWordWrap(True)
        self.previous = QPushButton(self.tr("◀ Previous"))
        self.next = QPushButton(self.tr("Next ▶"))
        self.previous.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(lambda: self.go(self.index + 1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous)
        buttons.addWidget(self.next)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.text, self.formula, self.work):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addStretch(1)
        for signal in (
            model.parametersChanged,
            model.structureChanged,
            model.sampleChanged,
            model.configChanged,
            model.networkReplaced,
        ):
            signal.connect(self.refresh)
        self.refresh()

    # -- stages -----------------------------------------------------------------------

    def refresh(self, *_: object) -> None:
        """Recompute the numbers for the network and sample now; keep the stage.

        A hidden panel only notes that it is behind (training sends ~30 changes a
        second): it catches up when shown."""
        if not self.isVisible() and self.drill is not None:
            self._behind = True
            return
        self._behind = False
        model = self.model
        empty = not len(model.data.X_train)  # every sample erased: the origin, target 0
        y = np.zeros(model.data.n_outputs) if empty else model.data.Y_train[model.sample_index]
        config = model.config
        probe = model.probe
        # The student's own input has no target: its forward pass only.
        x = probe if probe is not None else model.sample
        self.drill = Drill(model.network, x, y, config.loss, config.learning_rate)
        stages = stages_of(len(model.network.layers))
        self.stages = (
            stages if probe is None else [s for s in stages if s.kind in ("inputs", "forward")]
        )
        self.go(min(self.index, len(self.stages) - 1))

    def go(self, index: int) -> None:
        """Show stage ``index`` (clamped to the stages there are)."""
        self.index = int(np.clip(index, 0, len(self.stages) - 1))
        stage = self.stages[self.index]
        self.previous.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.stages) - 1)
        self.title.setText(
            fill(self.tr("Stage %1 of %2: %3"), self.index + 1, len(self.stages), self._name(stage))
        )
        text = self._explain(stage)
        if self.model.probe is not None and self.index == len(self.stages) - 1:
            text = sentences(
                text,
                self.tr(
                    "Your own input has no target, so there is no loss to go back from: "
                    "choose a training sample for the backward stages."
                ),
            )
        self.text.setText(keep_together(text))
        question = self._example(stage)
        self.formula.setText(question.formula if question else "")
        self.work.setText(question.work if question else "")
        self._draw()

    def _draw(self, tries: int = 20) -> None:
        """Put the stage's boxes on the diagram, once the diagram shows this network
        (it redraws after the same signals, and may come second)."""
        if not self.isVisible() or tries <= 0:
            return
        drawn = tuple(len(column) for column in self.canvas.nodes)  # type: ignore[attr-defined]
        sizes = self.model.network.sizes
        if len(drawn) != len(sizes) or any(
            d not in (0, s) for d, s in zip(drawn, sizes, strict=True)
        ):
            QTimer.singleShot(0, lambda: self._draw(tries - 1))  # not yet: after the canvas
            return
        self.overlay.update()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._behind:
            self.refresh()
        self._draw()

    def hideEvent(self, event: object) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]
        self.overlay.clear()
        reserve = getattr(self.canvas, "reserve_margins", None)
        if reserve is not None:
            reserve()  # the diagram gets its room back

    def _example(self, stage: Stage) -> Question | None:
        """The stage's computation for its first neuron (or weight), for the panel."""
        drill = self.drill
        if drill is None or stage.kind == "inputs":
            return None
        if stage.kind == "loss":
            return drill.question("loss", -1, 0)
        if stage.kind == "forward":
            return drill.question("a", stage.layer, 0)
        if stage.kind == "delta":
            return drill.question("delta", stage.layer, 0)
        if stage.kind == "grad":
            return drill.question("grad", stage.layer, 0, 0)
        return drill.question("new_w", len(drill.network.layers) - 1, 0, 0)

    def _name(self, stage: Stage) -> str:
        last = len(self.model.network.layers) - 1
        where = (
            self.tr("the output layer")
            if stage.layer == last
            else fill(self.tr("hidden layer %1"), stage.layer + 1)
        )
        return {
            "inputs": self.tr("the inputs"),
            "forward": fill(self.tr("forward through %1"), where),
            "loss": self.tr("the loss"),
            "delta": fill(self.tr("δ of %1"), where),
            "grad": fill(self.tr("∂L/∂w into %1"), where),
            "update": self.tr("the update"),
        }[stage.kind]

    def _explain(self, stage: Stage) -> str:
        return {
            "inputs": self.tr("The sample's inputs x enter the network."),
            "forward": self.tr(
                "Each neuron adds up its weighted inputs and its bias, z = Σ w·a + b, and "
                "passes z through its activation: a = f(z)."
            ),
            "loss": self.tr("The loss compares the outputs ŷ with the targets y."),
            "delta": self.tr(
                "δ = ∂L/∂z says how the loss changes with each neuron's z. At the output it "
                "comes from the loss; in a hidden layer it is the δs of the next layer "
                "(nearer the output), "
                "weighted by the edges that lead there, times f′(z)."
            ),
            "grad": self.tr(
                "The gradient of a weight is the δ of the neuron it feeds times the "
                "activation it carries: ∂L/∂w = δ · a. At most six are shown, the largest."
            ),
            "update": self._update_text(),
        }[stage.kind]

    def _update_text(self) -> str:
        text = fill(
            self.tr("One step of plain gradient descent: w ← w − η ∂L/∂w, with η = %1."),
            format_number(self.model.config.learning_rate),
        )
        if self.model.config.optimizer != "sgd":  # momentum and Adam step differently
            text = sentences(
                text,
                self.tr(
                    "The training settings use another optimiser, which scales and "
                    "steers this step: training moves w differently."
                ),
            )
        return text

    # -- boxes on the diagram -----------------------------------------------------------

    def labels(self) -> list[Label]:
        """The boxes of the current stage (for the overlay)."""
        drill, stage = self.drill, self.stages[self.index] if self.stages else None
        if drill is None or stage is None:
            return []
        n = format_number
        at = self.canvas.node_position  # type: ignore[attr-defined]
        out: list[Label] = []
        if stage.kind == "inputs":
            for k in range(min(len(drill.x), MAX_BOXES)):
                out.append(
                    Label(f"x{k}", at(-1, k), ((f"x = {n(drill.x[k])}", "forward"),), "left")
                )
        elif stage.kind == "forward":
            for j in range(min(len(drill.z[stage.layer]), MAX_BOXES)):
                lines = (
                    (f"z = {n(drill.z[stage.layer][j])}", "forward"),
                    (f"a = {n(drill.a[stage.layer + 1][j])}", "forward"),
                )
                out.append(Label(f"n{stage.layer}_{j}", at(stage.layer, j), lines))
        elif stage.kind == "loss":
            last = len(drill.network.layers) - 1
            out.append(Label("loss", at(last, 0), ((f"L = {n(drill.loss_value())}", "gradient"),)))
            for j in range(1, min(len(drill.y), MAX_BOXES)):
                out.append(Label(f"y{j}", at(last, j), ((f"y = {n(drill.y[j])}", "plain"),)))
        elif stage.kind == "delta":
            deltas = drill.deltas[stage.layer]
            for j in range(min(len(deltas), MAX_BOXES)):
                box = ((f"δ = {n(deltas[j])}", "gradient"),)
                out.append(Label(f"d{stage.layer}_{j}", at(stage.layer, j), box))
        else:
            layer = stage.layer if stage.kind == "grad" else len(drill.network.layers) - 1
            grads = np.outer(drill.deltas[layer], drill.a[layer])
            strongest = np.argsort(-np.abs(grads), axis=None)[:MAX_BOXES]
            weights = drill.network.layers[layer].weights
            for flat in strongest:
                j, k = divmod(int(flat), grads.shape[1])
                point = self.canvas.edge_point(layer, j, k, 0.5)  # type: ignore[attr-defined]
                # The weight's name tells which edge a box belongs to when boxes crowd.
                symbol = drill.question("new_w", layer, j, k).symbol
                if stage.kind == "grad":
                    line = (f"∂L/∂{symbol} = {n(grads[j, k])}", "gradient")
                else:
                    new = weights[j, k] - drill.eta * grads[j, k]
                    line = (f"{symbol}: {n(weights[j, k])} → {n(new)}", "forward")
                out.append(Label(f"e{layer}_{j}_{k}", point, (line,), "center"))
        return out

    def _neuron_rects(self) -> list[QRectF]:
        rect = self.canvas.nodes_rect()  # type: ignore[attr-defined]
        sizes = self.model.network.sizes
        radius = 12.0
        rects = []
        for column, size in enumerate(sizes):
            for j in range(min(size, MAX_BOXES + 1)):
                p: QPointF = self.canvas.node_position(column - 1, j)  # type: ignore[attr-defined]
                rects.append(QRectF(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius))
        return rects if rect.isValid() else []
