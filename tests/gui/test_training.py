"""Training in the worker thread: play, pause, step, reset, edits while running,
divergence, and closing the window mid-training."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from neurongui.documents import InstanceGuard
from neurongui.engine import Network
from neurongui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(guard=InstanceGuard(tmp_path / "data"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.training.shutdown()


def _xor(window):
    config = window.model.config.with_changes(
        dataset="xor", n_samples=200, optimizer="adam", learning_rate=0.03, noise=0.0
    )
    window.model.set_config(config)
    window.model.set_network(Network([2, 4, 1], ["tanh", "sigmoid"], seed=0), config)


def test_play_until_xor_is_learned_then_pause(window, qtbot):
    _xor(window)
    play = window.training_panel.findChild(QPushButton, "playButton")
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    assert play.text() == "Pause"
    qtbot.waitUntil(
        lambda: bool(window.model.history) and window.model.history[-1].train_loss < 0.1,
        timeout=20000,
    )
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    assert play.text() == "Play" and not window.training.running
    epochs = len(window.model.history)
    qtbot.waitUntil(lambda: len(window.model.history) >= epochs, timeout=2000)
    # The GUI's network holds the worker's trained weights: it classifies XOR.
    data = window.model.data
    out = window.network.forward(data.X_train)
    assert np.mean((out >= 0.5) == (data.Y_train >= 0.5)) > 0.95


def test_step_runs_exactly_one_epoch_and_shift_one_batch(window, qtbot):
    window.training.step()
    qtbot.waitUntil(lambda: len(window.model.history) == 1, timeout=5000)
    steps = window.training.steps
    assert steps == int(np.ceil(len(window.model.data.X_train) / window.model.config.batch_size))
    window.training.step(whole_epoch=False)
    qtbot.waitUntil(lambda: window.training.steps == steps + 1, timeout=5000)
    assert len(window.model.history) == 1


def test_reset_draws_new_weights_undoably_and_clears_history(window, qtbot):
    window.training.step()
    qtbot.waitUntil(lambda: len(window.model.history) == 1, timeout=5000)
    trained = window.network.parameters.copy()
    window.training_panel.findChild(QPushButton, "resetButton").click()
    assert window.model.history == []
    assert not np.array_equal(window.network.parameters, trained)
    window.undo_stack.undo()
    assert np.array_equal(window.network.parameters, trained)


def test_an_edit_while_running_lands_and_stays(window, qtbot):
    _xor(window)
    # Slow learning, so that training itself cannot move the bias far in this test.
    slow = window.model.config.with_changes(optimizer="sgd", learning_rate=1e-4)
    window.model.set_config(slow)
    window.training.play()
    qtbot.waitUntil(lambda: len(window.model.history) > 3, timeout=10000)
    before = window.network.get_bias(0, 1)
    window.canvas.set_value(("neuron", 0, 1), before + 5.0)  # through the undo stack
    epochs = len(window.model.history)
    # Training goes on from the edited value: snapshots taken after the edit keep it,
    # older ones are ignored.
    qtbot.waitUntil(lambda: len(window.model.history) > epochs + 3, timeout=10000)
    window.training.pause()
    assert window.network.get_bias(0, 1) == pytest.approx(before + 5.0, abs=0.2), "edit lost"
    window.undo_stack.undo()
    assert window.network.get_bias(0, 1) == before


def test_divergence_pauses_with_a_message_and_finite_weights(window, qtbot):
    config = window.model.config.with_changes(dataset="plane", loss="mse", learning_rate=100.0)
    window.model.set_config(config)
    window.model.set_network(Network([2, 8, 1], ["relu", "identity"], seed=0), config)
    with qtbot.waitSignal(window.training.stopped, timeout=10000) as blocker:
        window.training.play()
    assert "diverged" in blocker.args[0] and "learning rate" in blocker.args[0]
    assert not window.training.running
    assert "diverged" in window.training_panel.status.text()
    assert np.isfinite(window.network.parameters).all()
    assert all(np.isfinite(r.train_loss) for r in window.model.history)


def test_closing_while_training_stops_the_thread_without_warnings(qtbot, tmp_path):
    win = MainWindow(guard=InstanceGuard(tmp_path / "data"))
    qtbot.addWidget(win)
    win.show()
    win.training.play()
    qtbot.waitUntil(lambda: len(win.model.history) > 0, timeout=10000)
    thread = win.training._thread
    assert thread.isRunning()
    win.close()
    assert not thread.isRunning()


def test_a_new_dataset_while_running_is_safe(window, qtbot):
    window.training.play()
    qtbot.waitUntil(lambda: len(window.model.history) > 0, timeout=10000)
    window.model.set_config(window.model.config.with_changes(dataset="iris", loss="cross_entropy"))
    assert window.network.sizes[0] == 4 and window.network.n_outputs == 3
    window.training.play()
    qtbot.waitUntil(
        lambda: bool(window.model.history) and window.model.history[-1].test_accuracy is not None,
        timeout=10000,
    )
    assert window.network.sizes[0] == 4
