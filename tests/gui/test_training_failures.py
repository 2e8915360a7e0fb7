"""Training that goes wrong is never silent: an error in the worker, structure edits
racing the worker, and trained weights that must not be lost."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from training_helpers import use_xor

from neurongui.documents import load_document
from neurongui.engine import Network
from neurongui.engine.refs import EdgeRef, NeuronRef
from neurongui.engine.trainer import Trainer


@pytest.fixture
def window(training_window):
    return training_window


_xor = use_xor


def test_an_error_in_training_stops_it_tells_the_student_and_play_works_again(
    window, qtbot, monkeypatch
):
    _xor(window)
    real_step = Trainer.step
    calls = {"n": 0}

    def step_that_breaks(self):
        calls["n"] += 1
        if calls["n"] == 300:
            raise IndexError("index 7 is out of bounds for axis 0 with size 4")
        real_step(self)

    monkeypatch.setattr(Trainer, "step", step_that_breaks)
    play = window.training_panel.findChild(QPushButton, "playButton")
    with qtbot.waitSignal(window.training.failed, timeout=20000) as blocker:
        qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    title, text = blocker.args
    assert "error" in title.lower()
    assert "IndexError: index 7 is out of bounds" in text
    # Stopped, and every place that said "running" says so.
    assert not window.training.running
    assert play.text() == "Play"
    assert window.statusBar().currentMessage() == title
    assert window.last_error == text  # the dialog shows it
    # The window keeps the last good network it showed: finite, trained a little.
    shown = window.network.parameters.copy()
    assert np.isfinite(shown).all()
    assert window.training.steps < 300
    # Play trains again, from the network the window shows.
    monkeypatch.setattr(Trainer, "step", real_step)
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.training.steps > 50, timeout=20000)
    window.training.pause()
    assert not np.array_equal(window.network.parameters, shown)


def test_toggling_an_input_feature_while_training_never_breaks_the_worker(window, qtbot):
    # Each toggle changes the network's inputs and the data's columns; the worker must
    # get both together, never take a step with one and not the other.
    _xor(window)
    failures = []
    window.training.failed.connect(lambda title, text: failures.append(text))
    names = ["x₁", "x₂"]
    for i in range(20):
        window.training.play()
        qtbot.waitSignal(window.training.snapshotApplied, timeout=10000).wait()
        names = ["x₁", "x₂", "x₁²"] if len(names) == 2 else ["x₁", "x₂"]
        window.canvas.set_features(names)
        assert window.network.sizes[0] == len(names), i
    window.training.play()
    qtbot.waitUntil(lambda: window.training.steps > 20, timeout=20000)
    window.training.pause()
    assert failures == []
    assert window.network.sizes[0] == len(names)


def test_trained_weights_mark_the_document_modified_and_are_autosaved(window, qtbot):
    assert not window.model.modified
    window.training.step()
    qtbot.waitUntil(lambda: len(window.model.history) == 1, timeout=10000)
    assert window.model.modified
    assert window.isWindowModified()  # the title shows the asterisk
    assert window.autosaver.save_now()
    saved = load_document(window.guard.autosave_path)
    np.testing.assert_array_equal(saved.network.parameters, window.network.parameters)


def test_undoing_back_to_the_saved_state_keeps_trained_weights_unsaved(window, qtbot, tmp_path):
    window.canvas.set_value(NeuronRef(0, 0), 1.5)
    assert window.save_path(tmp_path / "net.json")
    window.training.step()
    qtbot.waitUntil(lambda: len(window.model.history) == 1, timeout=10000)
    window.canvas.set_value(NeuronRef(0, 0), 0.25)
    window.undo_stack.undo()  # back to the state that was saved: clean as far as edits go
    assert window.undo_stack.isClean()
    assert window.model.modified  # but the weights were trained since


def test_a_blow_up_is_explained_with_its_numbers_and_marked_on_the_loss_chart(window, qtbot):
    # The audit: circle at learning rate 10 oscillated between loss 1 and 3.5 unnamed.
    config = window.model.config.with_changes(dataset="circle", learning_rate=10.0)
    window.model.set_config(config)
    window.model.set_network(Network([2, 4, 2, 1], ["tanh", "tanh", "sigmoid"], seed=0), config)
    with qtbot.waitSignal(window.training.diverged, timeout=20000) as blocker:
        window.training.play()
    divergence = blocker.args[0]
    message = window.training_panel.status.text()
    assert f"epoch {divergence.epoch:,}" in message
    assert "learning rate 10 " in message and "try 1." in message
    assert window.statusBar().currentMessage() == message
    assert not window.training.running
    # The weights shown are the ones kept: finite and of modest size.
    assert np.abs(window.network.parameters).max() < 100
    loss_tab = window.charts.loss_tab
    assert loss_tab.blow_up.isVisible() and loss_tab.blow_up.value() == divergence.epoch
    # Points on a plane open on the Output map; the blow-up brings the loss curve forward.
    assert window.charts.tabs.currentWidget() is loss_tab
    # A new run clears the mark.
    window.charts.tabs.setCurrentIndex(0)
    window.training.reset()
    qtbot.waitUntil(lambda: not loss_tab.blow_up.isVisible())


def _diverge(window, qtbot) -> str:
    """Train the circle at learning rate 10 until it blows up; return the red message."""
    config = window.model.config.with_changes(dataset="circle", learning_rate=10.0)
    window.model.set_config(config)
    window.model.set_network(Network([2, 4, 2, 1], ["tanh", "tanh", "sigmoid"], seed=0), config)
    with qtbot.waitSignal(window.training.diverged, timeout=20000):
        window.training.play()
    message = window.training_panel.status.text()
    assert "learning rate 10 " in message
    return message


def _lower_rate(window) -> None:
    panel = window.training_panel
    panel.rate.setValue(0.03)  # as typing 0.03 and Enter does


def _other_data(window) -> None:
    panel = window.training_panel
    panel.dataset.setCurrentIndex(panel.dataset.findData("xor"))
    panel.dataset.activated.emit(panel.dataset.currentIndex())


def _edit_a_weight(window) -> None:
    window.editor.set_weight(EdgeRef(0, 0, 0), 0.5)


def _reset(window) -> None:
    window.training.reset()


def _new_document(window) -> None:
    window.new_document()


def _lesson(window) -> None:
    window.start_lesson("one_neuron")


@pytest.mark.parametrize(
    "change", [_lower_rate, _other_data, _edit_a_weight, _reset, _new_document, _lesson]
)
def test_the_divergence_message_goes_when_the_settings_data_or_network_change(
    window, qtbot, change
):
    # The review: "diverged at epoch 1 … learning rate 100" stayed after a CSV import at 0.03.
    _diverge(window, qtbot)
    change(window)
    assert window.training_panel.status.text() == ""
