"""Lesson 4, linear regression and gradient descent on the square loss.

One identity neuron ŷ = wx + b is fitted to noisy points with
L(w, b) = 1/(2n) Σ (y − (wx + b))². The lesson draws the points with the current line
and the loss surface over (w, b) with the path of gradient descent, one full-batch step
θ ← θ − η∇L at a time (gradients from the engine's backpropagation).

L is a quadratic in (w, b) with Hessian H = [[⟨x²⟩, ⟨x⟩], [⟨x⟩, 1]] (⟨·⟩ is the mean
over the points). Along each eigenvector of H the distance to the minimum is multiplied
by (1 − ηλ) at every step, so gradient descent converges iff η < 2/λ_max. The learning
rate presets are fractions of 1/λ_max of the data actually shown.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine import Network
from neurongui.engine.config import TrainingConfig
from neurongui.engine.edits import SetParameters
from neurongui.engine.session import prepare_data
from neurongui.i18n import fill
from neurongui.lessons.base import BAD, GOOD, Lesson, format_number, rich_label
from neurongui.lessons.regression_plots import Moments, RegressionPlots
from neurongui.lessons.widgets import StepHistory

__all__ = ["LESSON", "Moments", "RegressionLesson"]

#: Where gradient descent starts: (w, b), well away from the least-squares line.
START = (-1.5, 1.5)
#: The data: points of the "line" dataset and their noise (sd 2 · NOISE).
N_POINTS, NOISE = 40, 0.25
#: Learning rate presets as multiples of 1/λ_max: too small, good, divergent.
PRESETS = (0.05, 1.0, 2.2)
RUN_STEPS = 20
#: A divergent run stops once the loss grew past this multiple of its starting loss.
BLOWUP = 1e3
#: No step may take a parameter beyond this size (far from overflowing).
LIMIT = 1e6
#: The task: a loss below the minimum plus this.
MARGIN = 0.01


@dataclass(frozen=True)
class Descent:
    """One step of gradient descent the lesson made."""

    eta: float
    gradient: np.ndarray
    before: np.ndarray
    after: np.ndarray
    loss_before: float
    loss_after: float


@dataclass(frozen=True)
class Restart:
    """The path starts again (Reset)."""


def _n(value: float) -> str:
    # Rounding off the last bits shows a mean of standardised data as 0, not −2.2e−17.
    return format_number(round(float(value), 12) + 0.0)


class RegressionLesson(Lesson):
    """Fit y = wx + b by gradient descent and watch its path on the loss surface."""

    key = "regression"
    fill_body = True
    asks = True
    sizes = (1, 1)

    def network_and_config(self) -> tuple[Network, TrainingConfig]:
        config = TrainingConfig(
            dataset="line",
            n_samples=N_POINTS,
            noise=NOISE,
            test_fraction=0.0,
            loss="mse",
            optimizer="sgd",
            batch_size=N_POINTS,
        )
        data = prepare_data(config)
        net = Network([1, 1], "identity", init="zeros", input_names=data.input_names)
        net.set_weight(0, 0, 0, START[0])
        net.set_bias(0, 0, START[1])
        good = PRESETS[1] / Moments.of(data.X_train, data.Y_train).lambda_max
        return net, config.with_changes(learning_rate=_round(good))

    # -- panel ----------------------------------------------------------------------------

    def build(self, body: QVBoxLayout) -> None:
        self.history = StepHistory(self.host.undo_stack)
        body.addLayout(self._build_rate())
        self.info = rich_label("hessianLabel")
        body.addWidget(self.info)
        body.addLayout(self._build_buttons())
        self.step_label = rich_label("stepLabel")
        body.addWidget(self.step_label)
        self.plots = RegressionPlots(self)
        self.loss_plot, self.fit_plot = self.plots.loss_plot, self.plots.fit_plot
        self.surface, self.minimum = self.plots.surface, self.plots.minimum
        body.addLayout(self.plots.row, 1)
        body.addWidget(self.plots.legend)
        self.listen(self.host.undo_stack.indexChanged, self._on_undo_index)
        self.listen(self.model.dataChanged, self._on_data_change)
        self._on_data_change()

    def essentials(self) -> list[QWidget]:
        return [
            *super().essentials(),
            *self.preset_buttons,
            self.rate_box,
            *self.step_buttons,
            self.loss_plot,
            self.fit_plot,
        ]

    def _build_rate(self) -> QHBoxLayout:
        presets = QHBoxLayout()
        self.preset_buttons = []
        names = (
            ("tooSmallButton", self.tr("Too small"), self.tr("η = 0.05 / λ_max: safe but slow")),
            ("goodButton", self.tr("Good"), self.tr("η = 1 / λ_max: fast and safe")),
            ("divergesButton", self.tr("Diverges"), self.tr("η = 2.2 / λ_max: above 2 / λ_max")),
        )
        for (name, text, tip), factor in zip(names, PRESETS, strict=True):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, f=factor: self.set_rate(f / self.lambda_max))
            presets.addWidget(button)
            self.preset_buttons.append(button)
        self.rate_box = QDoubleSpinBox()
        self.rate_box.setObjectName("rateBox")
        self.rate_box.setDecimals(4)
        self.rate_box.setRange(1e-4, 100.0)
        self.rate_box.setSingleStep(0.01)
        self.rate_box.setKeyboardTracking(False)
        self.rate_box.setValue(self.model.config.learning_rate)
        self.rate_box.setToolTip(self.tr("Learning rate η of gradient descent"))
        self.rate_box.valueChanged.connect(self._on_rate_change)
        label = QLabel(self.tr("Learning rate η"))
        label.setBuddy(self.rate_box)
        presets.addWidget(label)
        presets.addWidget(self.rate_box)
        return presets

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.step_buttons: list[QPushButton] = []
        specs = (
            ("stepButton", self.tr("Step"), self.tr("One step θ ← θ − η∇L"), self.step),
            (
                "runButton",
                self.tr("Run 20 steps"),
                self.tr("Twenty steps, undone together"),
                self.run_steps,
            ),
            (
                "resetButton",
                self.tr("Reset"),
                fill(self.tr("Back to the start (w, b) = (%1, %2)"), _n(START[0]), _n(START[1])),
                self.reset,
            ),
        )
        for name, text, tip, slot in specs:
            button = QPushButton(text)
            button.setObjectName(name)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(button)
            self.step_buttons.append(button)
        return row

    # -- the data and the rate -----------------------------------------------------------------

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        """The model's training inputs and targets (what the engine trains on)."""
        d = self.model.data
        return d.X_train, d.Y_train

    @property
    def lambda_max(self) -> float:
        """λ_max of the loss's Hessian for the current data."""
        return self.moments.lambda_max

    @property
    def eta(self) -> float:
        """The learning rate η."""
        return float(self.rate_box.value())

    def set_rate(self, eta: float) -> None:
        """Use learning rate ``eta`` (also for Play in the Training panel)."""
        self.rate_box.setValue(_round(eta))

    def _on_rate_change(self, eta: float) -> None:
        config = self.model.config
        if config.learning_rate != eta:
            self.model.set_config(config.with_changes(learning_rate=eta))
        self._show_info()

    def _on_data_change(self) -> None:
        X, Y = self.data()
        if X.shape[1] != 1 or Y.shape[1] != 1:
            return
        self.moments = Moments.of(X, Y)
        self.plots.bounds = None  # a new surface for the new data
        if self.fits():
            self.refresh()

    # -- steps ------------------------------------------------------------------------------

    def run_steps(self, count: int = RUN_STEPS) -> int:
        """Up to ``count`` steps of gradient descent as one undo step; returns how many."""
        if not self.fits():
            return 0
        self.host.training.pause()
        cap = self.blowup_loss()
        step = self.propose(cap)
        if step is None:
            return 0
        taken: list[Descent] = []
        stack = self.host.undo_stack
        stack.beginMacro(fill(self.tr("%1 steps of gradient descent"), str(count)))
        try:
            while step is not None:
                go_on = self._take(step, cap)
                taken.append(step)
                if not go_on or len(taken) == count:
                    break
                step = self.propose(cap)
        finally:
            stack.endMacro()
        self.history.add(*taken)  # after the macro is on the stack: undo removes them all
        self.refresh()
        return len(taken)

    def step(self) -> bool:
        """One full-batch step θ ← θ − η∇L as an undoable edit; False if refused."""
        if not self.fits():
            return False
        self.host.training.pause()
        cap = self.blowup_loss()
        step = self.propose(cap)
        if step is not None:
            self._take(step, cap)
            self.history.add(step)
            self.refresh()
        return step is not None

    def propose(self, cap: float) -> Descent | None:
        """The next step, computed but not taken; None (and why) if it must not be taken.

        A step is refused if it would leave finite numbers far behind, or if the loss
        is already past ``cap`` (the run diverged) and would grow further.
        """
        net = self.network
        X, Y = self.data()
        result = net.backprop(X, Y, "mse")  # the engine's loss and gradients
        gradient = np.zeros_like(net.parameters)
        for view, grads in zip(net.gradient_views(gradient), result.gradients, strict=True):
            for name, values in grads.items():
                view[name][...] = values
        before = net.parameters.copy()
        after = before - self.eta * gradient
        loss_after = np.inf
        if np.all(np.isfinite(after)) and np.abs(after).max() <= LIMIT:
            trial = net.copy()
            np.copyto(trial.parameters, after)
            loss_after = trial.loss(X, Y, "mse")
        if not np.isfinite(loss_after) or (loss_after > result.loss and result.loss > cap):
            self.say(self._diverged_text(result.loss), False)
            return None
        return Descent(self.eta, gradient, before, after, result.loss, float(loss_after))

    def _take(self, step: Descent, cap: float) -> bool:
        """Push ``step``; False if the run must stop after it (the caller records it)."""
        text = fill(self.tr("Gradient descent step, η = %1"), _n(step.eta))
        if not self.push(SetParameters(step.after, "Gradient descent step"), text):
            return False
        if step.loss_after > step.loss_before and step.loss_after > cap:
            self.say(self._diverged_text(step.loss_after), False)
            return False
        self.say("")
        return True

    def reset(self) -> None:
        """Back to the start as one undoable edit; the path starts again."""
        self.host.training.pause()
        start = np.array(START, float)
        if not np.array_equal(self.network.parameters, start):
            self.push(
                SetParameters(start, "Reset"), self.tr("Back to the start of gradient descent")
            )
        self.history.add(Restart())
        self.say("")
        self.refresh()

    def steps(self) -> list[Descent]:
        """The steps since the last Reset, oldest first."""
        items = self.history.items()
        starts = [i for i, item in enumerate(items) if isinstance(item, Restart)]
        run = items[starts[-1] + 1 :] if starts else items
        return [s for s in run if isinstance(s, Descent)]

    def blowup_loss(self) -> float:
        """The loss past which a growing run counts as diverged."""
        steps = self.steps()
        start = steps[0].loss_before if steps else self.current_loss()
        return BLOWUP * max(start, 1e-3)

    def current_loss(self) -> float:
        """L(w, b) now, from the engine."""
        X, Y = self.data()
        return self.network.loss(X, Y, "mse")

    def _diverged_text(self, loss: float) -> str:
        text = self.tr(
            "Gradient descent diverged: the loss grew to %1. η = %2 is above 2/λ_max = %3, "
            "so every step overshoots the minimum by more than it gained. Stopped here; "
            "press Reset or undo, and choose a smaller rate."
        )
        return fill(text, _n(loss), _n(self.eta), _n(2 / self.lambda_max))

    # -- showing --------------------------------------------------------------------------------

    def _on_undo_index(self, _index: int) -> None:
        if self.fits():  # the path follows undo and redo, which move the index last
            self.refresh()

    def refresh(self) -> None:
        m = self.moments
        w, b = float(self.network.get_weight(0, 0, 0)), float(self.network.get_bias(0, 0))
        self._show_info()
        self._show_step(w, b)
        X, Y = self.data()
        self.plots.show_fit(X, Y, (w, b), m.optimum)
        self.plots.show_surface(m, self.path_points(), np.array([[w, b]]), START)
        self.set_task(
            fill(
                self.tr(
                    "<b>Your task:</b> bring the loss below %1 (its minimum is %2) in as few "
                    "steps as you can, then press <i>Check my answer</i>."
                ),
                _n(self.target()),
                _n(m.loss(*m.optimum)),
            )
        )

    def _show_info(self) -> None:
        m = self.moments
        limit = 2 / m.lambda_max
        verdict = (
            self.tr("η = %1 is below it: gradient descent converges.")
            if self.eta < limit
            else self.tr("η = %1 is not below it: gradient descent diverges.")
        )
        colour = GOOD if self.eta < limit else BAD
        # The line a first-year needs: the limit and where η stands. The Hessian behind
        # it is in the tooltip and under More.
        self.info.setText(
            fill(
                self.tr(
                    "Steps converge when <nobr>η &lt; 2/λ<sub>max</sub> = %2</nobr> "
                    "(<nobr>λ<sub>max</sub> = %1</nobr>, the steepest curvature of the bowl)."
                ),
                _n(m.lambda_max),
                _n(limit),
            )
            + f' <span style="color:{colour}">{fill(verdict, _n(self.eta))}</span>'
        )
        self.info.setToolTip(
            fill(
                self.tr(
                    "Hessian H = [[⟨x²⟩, ⟨x⟩], [⟨x⟩, 1]] = [[%1, %2], [%2, 1]]; "
                    "λ_max is its largest eigenvalue."
                ),
                _n(m.xx),
                _n(m.x),
            )
        )

    def _show_step(self, w: float, b: float) -> None:
        steps = self.steps()
        loss = self.current_loss()
        if not steps:
            self.step_label.setText(
                fill(self.tr("No step yet: w = %1, b = %2, L = %3."), _n(w), _n(b), _n(loss))
            )
            return
        s = steps[-1]
        text = fill(
            self.tr(
                "Step %1: <nobr>∂L/∂w %2</nobr>, <nobr>∂L/∂b %3</nobr>, so w = %4, "
                "b = %5 and L = %6."
            ),
            str(len(steps)),
            _g(s.gradient[0]),
            _g(s.gradient[1]),
            _n(s.after[0]),
            _n(s.after[1]),
            _n(s.loss_after),
        )
        if not np.array_equal(s.after, [w, b]):  # moved since, e.g. by Play in Training
            text += " " + (fill(self.tr("Now w = %1, b = %2, L = %3."), _n(w), _n(b), _n(loss)))
        if s.loss_after > s.loss_before * (1 + 1e-12) + 1e-15:
            grew = self.tr("The loss grew: η is above 2/λ_max, so the step overshot the minimum.")
            text += f' <span style="color:{BAD}">{grew}</span>'
        self.step_label.setText(text)

    def path_points(self) -> np.ndarray:
        """The (w, b) the steps went through since the last Reset."""
        points: list[np.ndarray] = []
        for s in self.steps():
            if not points or not np.array_equal(points[-1], s.before):
                points.append(s.before)
            points.append(s.after)
        return np.array(points).reshape(-1, 2)

    # -- the question ------------------------------------------------------------------------------

    def target(self) -> float:
        """The loss the task asks to get below."""
        m = self.moments
        return float(m.loss(*m.optimum)) + MARGIN

    def check(self) -> tuple[bool, str]:
        if not self.fits():
            return False, self.tr(
                "This question is about the neuron y = wx + b: undo the change (Ctrl+Z) or "
                "start the lesson again."
            )
        loss, target = self.current_loss(), self.target()
        if loss < target:
            text = self.tr("Right: L = %1 is below %2, after %3 steps since the last Reset.")
            return True, (fill(text, _n(loss), _n(target), str(len(self.steps()))))
        text = self.tr(
            "Not yet: L = %1 is not below %2. Choose a rate below 2/λ_max = %3 and press Step."
        )
        return False, (fill(text, _n(loss), _n(target), _n(2 / self.lambda_max)))


def _g(value: float) -> str:
    """ "= value", or "≈ 0" rather than "= −2.362e−07" at the minimum."""
    return "≈ 0" if abs(value) < 5e-5 else f"= {_n(value)}"


def _round(eta: float) -> float:
    """η to the four decimals the spin box shows (never 0)."""
    return max(round(float(eta), 4), 1e-4)


LESSON = RegressionLesson
