"""The coach panel: hints appear with the run's numbers, Apply is one undo step,
Dismiss lasts for the run, and it looks at most twice a second while training."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QUndoStack

from neurongui.editing import Editor
from neurongui.engine import Network
from neurongui.engine.metrics import EpochRecord
from neurongui.lessons import titles
from neurongui.model import NetworkModel
from neurongui.views.coach_panel import INTERVAL_S, CoachPanel


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def panel(qtbot, clock) -> CoachPanel:
    model = NetworkModel()
    widget = CoachPanel(model, Editor(model, QUndoStack()), clock=clock, lesson_titles=titles())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _symmetric(model: NetworkModel) -> Network:
    net = model.network.copy()
    net.layers[0].weights = np.zeros_like(net.layers[0].weights)
    net.layers[0].biases = np.zeros_like(net.layers[0].biases)
    return net


def _rising(n: int = 11) -> list[EpochRecord]:
    losses = [0.5, 0.6, 0.55, 0.7, 0.65, 0.8, 0.75, 0.9, 0.85, 1.0, 0.95][:n]
    return [EpochRecord(i + 1, 10, loss, None, 0.5, None) for i, loss in enumerate(losses)]


def test_a_healthy_start_says_nothing_is_wrong(panel):
    assert panel.hints == []
    assert panel.summary.text().startswith("Nothing to report")


def test_symmetric_weights_are_reported_and_fixed_in_one_undo_step(panel):
    model = panel.model
    model.set_network(_symmetric(model), model.config)
    card = panel.card("symmetric")
    assert card is not None
    assert card.evidence.text() == "4 neurons of layer 1 have exactly the same weights and bias"
    assert not card.why.isVisibleTo(card)
    card.why_button.click()
    assert card.why.isVisibleTo(card) and "random starting weights" in card.why.text().lower()
    stack = panel.editor.stack
    card.apply_button.click()
    rows = np.column_stack([model.network.layers[0].weights, model.network.layers[0].biases])
    assert len(np.unique(rows, axis=0)) == len(rows)
    assert stack.count() == 1 and stack.undoText() == "Start again from random weights"
    assert panel.card("symmetric") is None


def test_a_dismissed_hint_stays_away_for_the_run_and_returns_in_a_new_one(panel):
    model = panel.model
    model.set_network(_symmetric(model), model.config)
    panel.card("symmetric").dismiss_button.click()
    assert panel.card("symmetric") is None
    panel.look()
    assert panel.card("symmetric") is None
    model.set_network(_symmetric(model), model.config)  # a new run
    assert panel.card("symmetric") is not None


def test_a_rising_loss_offers_a_smaller_learning_rate(panel, clock):
    model = panel.model
    model.set_config(model.config.with_changes(learning_rate=3.0))
    clock.now += INTERVAL_S
    model.set_history(_rising())
    card = panel.card("lr_high")
    assert card.evidence.text() == "The loss rose in 5 of the last 10 epochs; η = 3"
    assert card.apply_button.text() == "Set η to 1"
    card.apply_button.click()
    assert model.config.learning_rate == 1.0
    panel.editor.stack.undo()
    assert model.config.learning_rate == 3.0


def test_it_looks_at_most_twice_a_second(qtbot, panel, clock):
    looks = []
    panel.diagnosed.connect(looks.append)
    model = panel.model
    clock.now += INTERVAL_S
    model.set_history(_rising(3))
    assert len(looks) == 1
    model.set_history(_rising(4))  # 0 s later: waits for the timer
    assert len(looks) == 1
    clock.now += INTERVAL_S
    qtbot.waitUntil(lambda: len(looks) == 2)


def test_a_hint_opens_the_lesson_that_explains_it(qtbot, panel, clock):
    model = panel.model
    model.set_config(model.config.with_changes(learning_rate=3.0))
    clock.now += INTERVAL_S
    model.set_history(_rising())
    card = panel.card("lr_high")
    assert card.lesson_button.text() == "Lesson: Linear regression and gradient descent"
    with qtbot.waitSignal(panel.lessonRequested) as asked:
        card.lesson_button.click()
    assert asked.args == ["regression"]
