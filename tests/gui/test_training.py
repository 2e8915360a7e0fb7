"""Training in the worker thread: play, pause, step, reset, edits while running,
divergence, and closing the window mid-training."""

import numpy as np
import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QPushButton
from training_helpers import use_xor

from neurongui.documents import InstanceGuard
from neurongui.engine import Network
from neurongui.engine.refs import NeuronRef
from neurongui.main_window import MainWindow


@pytest.fixture
def window(training_window):
    return training_window


_xor = use_xor


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
    window.canvas.set_value(NeuronRef(0, 1), before + 5.0)  # through the undo stack
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
    thread = win.training.findChild(QThread, "trainingThread")
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


def test_stepping_sends_every_epoch_once_in_order(window, qtbot):
    for n in range(1, 5):
        window.training.step()
        qtbot.waitUntil(lambda n=n: len(window.model.history) == n, timeout=5000)
    assert [r.epoch for r in window.model.history] == [1, 2, 3, 4]
    assert window.training_panel.epoch_label.text().startswith("Epoch 4")


def test_a_long_run_keeps_a_bounded_history_with_its_real_epoch_numbers(window, qtbot):
    from neurongui.engine.metrics import EpochRecord
    from neurongui.worker import HISTORY_LIMIT, thin_history

    n = 3 * HISTORY_LIMIT
    records = [EpochRecord(i, i, 1.0 / i, None, None, None) for i in range(1, n + 1)]
    thinned = thin_history(records)
    assert len(thinned) <= HISTORY_LIMIT
    assert thinned[0].epoch == 1 and thinned[-1].epoch == n
    assert [r.epoch for r in thinned[-HISTORY_LIMIT // 2 :]] == list(
        range(n - HISTORY_LIMIT // 2 + 1, n + 1)
    )  # the latest half keeps every epoch
    window.model.set_history(thinned)
    # The label counts epochs, not the records kept.
    assert window.training_panel.epoch_label.text().startswith(f"Epoch {n:,}")


def test_epochs_the_gui_has_not_taken_are_carried_into_the_next_snapshot():
    from neurongui.engine.metrics import EpochRecord
    from neurongui.engine.training_loop import Mailbox, Snapshot

    def snap(epochs, run=1):
        records = tuple(EpochRecord(e, e, 0.5, None, None, None) for e in epochs)
        return Snapshot(np.zeros(3), 0, records, None, True, "ok", "", 0, 0, run)

    box = Mailbox()
    assert box.put(snap([1, 2])) is True  # empty: the GUI is notified
    assert box.put(snap([3])) is False  # already notified once
    assert [r.epoch for r in box.take().records] == [1, 2, 3]
    assert box.take() is None
    box.put(snap([4]))
    box.put(snap([1], run=2))  # a new trainer: the old run's epochs are dropped
    assert [r.epoch for r in box.take().records] == [1]


def test_the_workers_trainer_counts_every_epoch_but_keeps_only_the_unsent():
    from neurongui.engine.metrics import EpochRecord
    from neurongui.engine.training_loop import EpochLog

    log = EpochLog()
    for e in range(1, 6):
        log.append(EpochRecord(e, e, 0.5, None, None, None))
    assert [r.epoch for r in log.take_new(0)] == [1, 2, 3, 4, 5]
    assert len(log) == 5 and log[-1].epoch == 5  # what the Trainer reads
    log.append(EpochRecord(6, 6, 0.5, None, None, None))
    assert [r.epoch for r in log.take_new(5)] == [6]
    assert list.__len__(log) == 1  # only the latest record is held
    log.clear()
    assert len(log) == 0


def test_a_step_sends_the_batchs_gradients_for_the_inspector(window, qtbot):
    assert window.model.gradients is None
    window.training.step(whole_epoch=False)
    qtbot.waitUntil(lambda: window.model.gradients is not None, timeout=5000)
    for grads, layer in zip(window.model.gradients, window.network.layers, strict=True):
        assert grads["weights"].shape == layer.weights.shape
        assert grads["biases"].shape == layer.biases.shape
        assert np.isfinite(grads["weights"]).all() and np.any(grads["weights"] != 0)


def test_training_goes_on_while_the_gui_never_finishes_drawing(window, qtbot, monkeypatch):
    # The worker waits for the GUI to show each snapshot, but a GUI that stays busy
    # (here: one that never says it is done) must not stop training.
    monkeypatch.setattr(type(window.training), "_open_floor", lambda self: None)
    _xor(window)
    window.training.play()
    qtbot.waitUntil(lambda: window.training.steps > 200, timeout=10000)
    assert not window.training._floor.is_set()  # the floor did stay closed


def test_a_reopened_network_trains_on_from_its_history(window, qtbot, tmp_path):
    window.training.step()
    qtbot.waitUntil(lambda: len(window.model.history) == 1, timeout=5000)
    window.training.step()
    qtbot.waitUntil(lambda: len(window.model.history) == 2, timeout=5000)
    path = tmp_path / "trained.neuron"
    assert window.save_path(path)
    window.training.shutdown()
    assert window.open_path(path)
    before = [(r.epoch, r.train_loss) for r in window.model.history]
    assert [epoch for epoch, _ in before] == [1, 2]
    window.training.step()
    qtbot.waitUntil(lambda: len(window.model.history) == 3, timeout=5000)
    after = [(r.epoch, r.train_loss) for r in window.model.history]
    assert after[:2] == before and after[2][0] == 3  # the chart goes on, not from epoch 1
