"""The timeline bar: epochs are kept as training reports them; going back puts that
epoch's weights in the network as one undo step, and training goes on from there."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from neurongui.editing import Editor
from neurongui.engine.session import make_trainer
from neurongui.model import NetworkModel
from neurongui.views.timeline_bar import TimelineBar


@pytest.fixture
def bar(qtbot) -> TimelineBar:
    model = NetworkModel()
    widget = TimelineBar(model, Editor(model, QUndoStack()))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _train(bar: TimelineBar, epochs: int) -> list[np.ndarray]:
    """Train as the worker reports it; return the parameters after each epoch."""
    model = bar.model
    trainer = make_trainer(model.network.copy(), model.data, model.config)
    seen = []
    bar.set_running(True)
    for _ in range(epochs):
        trainer.epoch()
        model.update_parameters(trainer.network.parameters.copy(), model.edit_seq)
        model.set_history(trainer.history)
        seen.append(trainer.network.parameters.copy())
    bar.set_running(False)
    return seen


def test_every_epoch_is_kept_and_the_slider_waits_while_training(qtbot, bar):
    bar.set_running(True)
    assert not bar.slider.isEnabled()
    seen = _train(bar, 6)
    assert bar.timeline.epochs == [1, 2, 3, 4, 5, 6]
    assert bar.slider.isEnabled() and bar.shown_epoch() == 6
    assert bar.label.text() == "epoch 6 of 6"
    assert np.array_equal(bar.timeline.nearest(3)[1], seen[2])


def test_going_back_is_one_undo_step_with_that_epochs_weights(qtbot, bar):
    seen = _train(bar, 6)
    stack = bar.editor.stack
    bar.slider.setFocus()
    for _ in range(3):
        qtbot.keyClick(bar.slider, Qt.Key.Key_Left)
    assert bar.shown_epoch() == 3
    assert np.array_equal(bar.model.network.parameters, seen[2])
    assert stack.undoText() == "Go back to epoch 3"
    stack.undo()
    assert np.array_equal(bar.model.network.parameters, seen[3])  # one key = one step


def test_training_on_from_an_earlier_epoch_replaces_the_later_ones(qtbot, bar):
    _train(bar, 5)
    bar.slider.setValue(1)  # back to epoch 2, then Play: the run's epoch 6 follows it
    model = bar.model
    trainer = make_trainer(model.network.copy(), model.data, model.config)
    trainer.history.extend(model.history)
    trainer.epoch()
    model.update_parameters(trainer.network.parameters.copy(), model.edit_seq)
    model.set_history(trainer.history)
    assert bar.timeline.epochs == [1, 2, 6]


def test_the_slider_follows_new_epochs_unless_the_student_went_back(qtbot, bar):
    model = bar.model
    trainer = make_trainer(model.network.copy(), model.data, model.config)
    for _ in range(3):  # Step, Step, Step: not "running", still the newest epoch shown
        trainer.epoch()
        model.update_parameters(trainer.network.parameters.copy(), model.edit_seq)
        model.set_history(trainer.history)
    assert bar.shown_epoch() == 3
    bar.slider.setValue(0)  # back to epoch 1: the bar stays there...
    assert bar.shown_epoch() == 1 and bar.slider.value() == 0
    trainer.epoch()  # ...until training goes on from there
    model.set_history(trainer.history)
    assert bar.timeline.epochs == [1, 4] and bar.shown_epoch() == 4
