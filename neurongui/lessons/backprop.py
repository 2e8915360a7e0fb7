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

import numpy as np
from PySide6.QtCore import Qt
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
from neurongui.i18n import fill, keep_together
from neurongui.lessons.backprop_graph import ChainRulePage, rough_reply
from neurongui.lessons.backprop_scene import (
    ETA,
    GRADIENTS,
    N_STAGES,
    TARGET,
    UPDATE,
    StageView,
    StepNumbers,
    X,
    _n,
    step_numbers,
)
from neurongui.lessons.base import Lesson, rich_label
from neurongui.theme import is_dark
from neurongui.views.canvas_overlay import CanvasOverlay, value_colours

__all__ = ["ETA", "LESSON", "TARGET", "BackpropLesson", "StepNumbers", "X", "step_numbers"]

#: The name of the one-sample dataset the lesson trains on.
SAMPLE_NAME = "x = (0.05, 0.1) → y = 0.01"
#: Readable starting weights (those of Matt Mazur's well-known worked example).
W_HIDDEN = np.array([[0.15, 0.20], [0.25, 0.30]])
B_HIDDEN = np.array([0.35, 0.35])
W_OUTPUT = np.array([[0.40, 0.45]])
B_OUTPUT = np.array([0.60])
#: Which neuron (layer, index) the canvas selects in each stage, so the inspector follows.
_SELECTED = {0: (-1, 0), 1: (0, 0), 2: (1, 0), 3: (1, 0), 4: (1, 0), 5: (0, 0), 6: (1, 0)}


class BackpropLesson(Lesson):
    """The chain rule on a small graph, then backpropagation through a 2-2-1 network."""

    key = "backprop"
    asks = True
    fill_body = True  # the chain-rule graph takes the spare height
    sizes = (2, 2, 1)
    # The inspector and the activation plots follow the neuron of each step; the
    # charts have nothing to show. On a laptop the inspector is a tab beside the
    # lesson: as a third column it left the 2-2-1 diagram and its 11 boxes 390 px.
    hidden_docks = ("chartsDock",)
    tabbed_when_narrow = ("inspectorDock",)

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
        # The parameters ∂L/∂w₃₁ was answered for: until then its value stays hidden.
        self._answered: np.ndarray | None = None
        self.view = StageView(self)
        self.overlay = CanvasOverlay(
            self.host.canvas, self.view.labels, is_dark, self.view.neuron_rects
        )
        self.listen(self.host.canvas.scene().changed, self.overlay.ensure)
        # The undo stack moves its index after the command ran: look again then.
        self.listen(self.host.undo_stack.indexChanged, self._on_history)
        if self.host.theme_manager is not None:
            self.listen(self.host.theme_manager.changed, self._on_theme)
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

    def essentials(self) -> list[QWidget]:
        widgets = [*super().essentials(), *self.page_buttons.buttons()]
        if self.on_network_page():
            widgets += [self.back, self.next, self.working]
            if self.stage == GRADIENTS:
                widgets.append(self.answer)
        else:
            widgets += [self.graph.view, self.graph.back, self.graph.next, self.graph.answer]
        return widgets

    def plot_room(self) -> int:
        # Only the chain-rule graph grows; the network page has its numbers and room.
        return 0 if self.on_network_page() else super().plot_room()

    def answered(self) -> bool:
        """True once ∂L/∂w₃₁ was answered right for the network as it is now."""
        return self._answered is not None and np.array_equal(
            self._answered, self.network.parameters
        )

    def _show_task(self) -> None:
        if not self.on_network_page():
            self.set_task(
                self.tr(
                    "<b>Your task:</b> step through the forward and the backward pass with "
                    "<i>Next</i>, then answer: what is <nobr>∂f/∂x</nobr>? Type it below the "
                    "graph and press <i>Check my answer</i>."
                )
            )
        elif self.stage < GRADIENTS:
            self.set_task(
                fill(
                    self.tr(
                        "<b>Your task:</b> follow the numbers with <i>Next</i> (the diagram "
                        "shows them too). At step %1 you will work out "
                        "<nobr>∂L/∂w₃₁</nobr> yourself."
                    ),
                    str(GRADIENTS + 1),
                )
            )
        elif self.stage == GRADIENTS and not self.answered():
            self.set_task(
                self.tr(
                    "<b>Your task:</b> what is <nobr>∂L/∂w₃₁</nobr>, the gradient of the weight "
                    "from hidden neuron 1 to the output? Use δ₃ and a₁ from the diagram, type "
                    "it below and press <i>Check my answer</i>."
                )
            )
        else:
            self.set_task(
                self.tr(
                    "<b>Your task:</b> press <i>Next</i> to take the step "
                    "<nobr>w ← w − η ∂L/∂w</nobr> and see the loss fall; <i>Another step</i> "
                    "starts over from the new weights."
                )
            )

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
                    "<nobr>(x, z, a, ŷ, L)</nobr> &nbsp; <span style='color:%2'>■</span> "
                    "gradients <nobr>(δ, ∂L/∂w)</nobr>"
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
        # The question of the gradient step sits right under the steps, in sight.
        self.question = QWidget()
        answer_row = QHBoxLayout(self.question)
        answer_row.setContentsMargins(0, 0, 0, 0)
        question = QLabel(self.tr("What is ∂L/∂w₃₁?"))
        question.setToolTip(self.tr("w₃₁ is the weight from hidden neuron 1 to the output"))
        self.answer = QLineEdit()
        self.answer.setObjectName("networkAnswer")
        self.answer.setPlaceholderText(self.tr("a number, e.g. 0.25"))
        self.answer.setAccessibleName(self.tr("Your value of ∂L/∂w₃₁"))
        question.setBuddy(self.answer)
        answer_row.addWidget(question)
        answer_row.addWidget(self.answer, 1)
        layout.addWidget(self.question)
        self.working = rich_label("stageWorking")
        layout.addWidget(self.working)
        self.legend = rich_label("stageLegend")
        layout.addWidget(self.legend)
        # The way through the step, with the student's place on it: where they come
        # from and what is still to come (the page has the height for it).
        self.stage_map = rich_label("stageMap")
        layout.addWidget(self.stage_map)
        layout.addStretch(1)
        return page

    # -- pages and stages --------------------------------------------------------------

    def show_page(self, index: int) -> None:
        """Show part 1 (0, the chain rule) or part 2 (1, the network)."""
        self.page_buttons.button(index).setChecked(True)
        self.pages.setCurrentIndex(index)
        self.fit_more()
        self.say("")
        if self.on_network_page():
            self.go(self.stage)  # selects the stage's neuron too
        else:
            self.refresh()

    def on_network_page(self) -> bool:
        """True while part 2 is shown."""
        return self.pages.currentIndex() == 1

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
        stack = self.host.undo_stack
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
        stack = self.host.undo_stack
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
            self._show_task()
            return
        names = self.view.stage_names()
        self.stage_label.setText(  # it wraps in a narrow column: no lone last character
            keep_together(
                fill(
                    self.tr("Step %1 of %2 · %3"),
                    str(self.stage + 1),
                    str(N_STAGES),
                    names[self.stage],
                )
            )
        )
        self.back.setEnabled(self.stage > 0)
        self.next.setText(self.tr("Another step ▶") if self.stage == UPDATE else self.tr("Next ▶"))
        self.working.setText(self.view.working_text(self.numbers()))
        self.question.setVisible(self.stage == GRADIENTS)
        self.stage_map.setText(self.view.stage_map(names))
        self.overlay.update()
        self._show_task()

    # -- the questions -----------------------------------------------------------------

    def check(self) -> tuple[bool, str]:
        if not self.on_network_page():
            return self.graph.check()
        if self.stage != GRADIENTS:
            return False, fill(
                self.tr("The question comes at step %1, the gradients: press Next until then."),
                str(GRADIENTS + 1),
            )
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
            self._answered = self.network.parameters.copy()
            self.refresh()  # the value shows now, on the diagram and in the working
            return True, fill(
                self.tr("Right: ∂L/∂w₃₁ = δ₃·a₁ = %1 × %2 = %3."), _n(delta), _n(a[0]), _n(right)
            )
        if verdict.slip is not None:  # kind "slip": a neighbouring quantity
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
        self.overlay.detach()
        # The steps selected their neurons for the inspector; the selection goes with
        # the lesson (on a short screen a neuron's working made the window taller).
        self.model.clear_selection()


LESSON = BackpropLesson
