"""Lesson 6 (softmax and cross-entropy): the numbers shown are the engine's."""

import numpy as np
import pytest
from PySide6.QtWidgets import QPushButton, QSpinBox

from neurongui.engine import activations, losses
from neurongui.engine.datasets import load_dataset
from neurongui.engine.edits import SetBias, SetParameters
from neurongui.engine.numbers import format_percent
from neurongui.engine.trainer import Trainer
from neurongui.lessons.softmax import COMPARE_EPOCHS, hypothetical_outputs


def _number(text: str) -> float:
    return float(text.replace("−", "-"))


def _table(table, columns) -> np.ndarray:
    return np.array(
        [[_number(table.item(r, c).text()) for c in columns] for r in range(table.rowCount())]
    )


def _expected(window):
    x = window.model.sample
    y = window.model.data.Y_train[window.model.sample_index]
    z, p = window.network.forward_trace(x)[-1]
    return x, y, z, p


def test_probabilities_are_the_engines_softmax_of_z(window):
    lesson = window.start_lesson("softmax")
    assert window.network.sizes == [4, 8, 3]
    assert window.model.config.loss == "cross_entropy"
    _, y, z, p = _expected(window)
    shown = _table(lesson.table, range(1, 5))
    assert np.allclose(shown[:, 0], z, rtol=5e-4, atol=5e-5)
    assert np.allclose(shown[:, 1], np.exp(z), rtol=5e-4)
    assert np.allclose(shown[:, 2], activations.get("softmax").forward(z), rtol=5e-4)
    assert shown[:, 2].sum() == pytest.approx(1.0, abs=2e-3)
    assert np.allclose(shown[:, 3], p - y, rtol=5e-4, atol=5e-5)  # ∂L/∂z = ŷ − y
    assert np.allclose(lesson.bars.opts["height"], p)
    species = [lesson.table.item(r, 0).text() for r in range(3)]
    assert species == ["setosa", "versicolor", "virginica"]
    loss = -np.log(p[int(y.argmax())])
    assert f"= {_format(loss)}" in lesson.loss_label.text()


def _format(value: float) -> str:
    from neurongui.engine.explain import format_number

    return format_number(value)


def test_choosing_another_flower_updates_the_table_and_the_model(window):
    lesson = window.start_lesson("softmax")
    box = lesson.findChild(QSpinBox, "flowerBox")
    before = _table(lesson.table, [3])
    box.setValue(40)
    assert window.model.sample_index == 39
    _, y, z, _ = _expected(window)
    assert np.allclose(_table(lesson.table, [1])[:, 0], z, rtol=5e-4, atol=5e-5)
    assert not np.allclose(_table(lesson.table, [3]), before)
    # The measurements are the flower's raw centimetres from Fisher's table.
    raw = load_dataset("iris")
    cm = lesson.measurements()
    assert np.abs(raw.X - cm).max(axis=1).min() < 1e-9
    true_species = raw.class_names[int(y.argmax())]
    assert f"<b>{true_species}</b>" in lesson.flower_label.text()
    assert f"{cm[0]:.1f} cm" in lesson.flower_label.text()
    # Selecting elsewhere moves the chooser.
    window.model.select_sample(7)
    assert box.value() == 8


def test_edits_and_training_steps_show_live(window):
    lesson = window.start_lesson("softmax")
    window.editor.apply(SetBias(1, 2, 3.0), "edit")
    _, _, z, p = _expected(window)
    assert np.allclose(_table(lesson.table, [1, 3]), np.column_stack([z, p]), rtol=5e-4, atol=5e-5)
    window.undo_stack.undo()
    _, _, z, _ = _expected(window)
    assert np.allclose(_table(lesson.table, [1])[:, 0], z, rtol=5e-4, atol=5e-5)


def _rerun(window, loss):
    data, config = window.model.data, window.model.config
    from neurongui.engine import Network

    net = Network([4, 8, 3], ["tanh", "softmax"], init=config.init, seed=config.seed)
    trainer = Trainer(
        net,
        data.X_train,
        data.Y_train,
        loss=loss,
        learning_rate=config.learning_rate,
        batch_size=config.batch_size,
        X_test=data.X_test,
        Y_test=data.Y_test,
        seed=config.seed,
        task="multiclass",
    )
    for _ in range(COMPARE_EPOCHS):
        trainer.epoch()
    return trainer.history


def test_compare_trains_both_losses_and_cross_entropy_wins(window, qtbot):
    lesson = window.start_lesson("softmax")
    button = lesson.findChild(QPushButton, "compareButton")
    button.click()
    qtbot.waitUntil(lambda: lesson.runner.done, timeout=30000)
    assert not lesson.runner.running and "again" in button.text()
    ce, mse = (t.history for t in lesson.runner.trainers)
    assert len(ce) == len(mse) == COMPARE_EPOCHS
    # Each curve is the engine's history of its run, and the same run again gives it.
    for curve, history, loss in zip(
        lesson.compare_curves, (ce, mse), ("cross_entropy", "mse"), strict=True
    ):
        _, ys = curve.getData()
        assert np.array_equal(ys, [r.test_accuracy for r in history])
        assert [r.test_accuracy for r in _rerun(window, loss)] == list(ys)
    # Robust over seeds 0–9 at this learning rate: cross-entropy ends higher on both sets.
    assert ce[-1].test_accuracy > mse[-1].test_accuracy
    assert ce[-1].train_accuracy > mse[-1].train_accuracy
    # Accuracies as percentages with one decimal, as the rest of the app shows them.
    shown = [lesson.compare_table.item(0, c).text() for c in (2, 3)]
    assert shown == [format_percent(ce[-1].train_accuracy), format_percent(ce[-1].test_accuracy)]
    assert format_percent(ce[-1].test_accuracy) in lesson.compare_note.text()
    # The window's own network was not trained by the comparison.
    assert window.undo_stack.count() == 0


def test_the_gradients_shown_are_the_engines(window):
    lesson = window.start_lesson("softmax")
    lesson.p_box.setValue(0.01)
    z, y = hypothetical_outputs(0.01)
    softmax = activations.get("softmax")
    a = softmax.forward(z[None, :])
    expected = [
        losses.get(name).output_delta(z[None, :], a, y[None, :], softmax)[0, 0]
        for name in ("cross_entropy", "mse")
    ]
    assert expected[0] == pytest.approx(-0.99)
    assert abs(expected[1]) < 0.05  # the square loss barely pushes
    shown = _table(lesson.why_table, [2])[:, 0]
    assert np.allclose(shown, expected, rtol=5e-4)
    # The selected flower's ∂L/∂z_true with both losses, by backpropagation.
    x = window.model.sample[None, :]
    yt = window.model.data.Y_train[window.model.sample_index][None, :]
    t = int(yt.argmax())
    _, ce, mse = lesson.why.this_flower_gradients()
    assert ce == pytest.approx(window.network.backprop(x, yt, "cross_entropy").deltas[-1][0, t])
    assert mse == pytest.approx(window.network.backprop(x, yt, "mse").deltas[-1][0, t])
    assert _format(ce) in lesson.this_flower_label.text()


def test_the_check_refuses_then_accepts_a_wrong_flower_of_a_trained_network(window):
    lesson = window.start_lesson("softmax")
    ok, text = lesson.check()
    assert not ok and "90" in text
    data = window.model.data
    net = window.network.copy()
    trainer = Trainer(net, data.X_train, data.Y_train, "cross_entropy", learning_rate=0.05, seed=0)
    for _ in range(100):
        trainer.epoch()
    window.editor.apply(SetParameters(net.parameters), "train")
    wrong = lesson.wrong_flowers()
    assert 0 < len(wrong) <= 0.1 * len(data.X_train)
    right = next(i for i in range(len(data.X_train)) if i not in wrong)
    box = lesson.findChild(QSpinBox, "flowerBox")
    box.setValue(right + 1)
    assert not lesson.run_check() and "right" in lesson.feedback.text()
    box.setValue(int(wrong[0]) + 1)
    assert lesson.run_check()
    assert "Right" in lesson.feedback.text()
    window.undo_stack.undo()
    assert not lesson.run_check()


def test_leaving_mid_comparison_stops_training(window, qtbot):
    lesson = window.start_lesson("softmax")
    lesson.findChild(QPushButton, "compareButton").click()
    assert lesson.runner.running
    window.leave_lesson()
    assert not lesson.runner.running


def test_a_divergent_learning_rate_is_reported_not_raised(window, qtbot):
    lesson = window.start_lesson("softmax")
    window.model.set_config(window.model.config.with_changes(learning_rate=1e300))
    lesson.findChild(QPushButton, "compareButton").click()
    qtbot.waitUntil(lambda: lesson.runner.done, timeout=30000)
    assert all(t.diverged for t in lesson.runner.trainers)
    assert lesson.compare_table.item(0, 2).text() == "diverged"
    assert "learning rate" in lesson.feedback.text()


def test_a_training_epoch_of_the_window_shows_in_the_lesson(window, qtbot):
    lesson = window.start_lesson("softmax")
    before = window.network.parameters.copy()
    window.training.step()  # one epoch in the worker thread, streamed into the model
    qtbot.waitUntil(lambda: len(window.model.history) == 1, timeout=10000)
    qtbot.waitUntil(lambda: not np.array_equal(window.network.parameters, before), timeout=10000)
    _, _, z, p = _expected(window)
    assert np.allclose(_table(lesson.table, [1, 3]), np.column_stack([z, p]), rtol=5e-4, atol=5e-5)
    window.training.shutdown()


def test_the_output_neurons_carry_their_species_names(window):
    lesson = window.start_lesson("softmax")
    names = [lesson.species_name(j) for j in range(3)]
    assert names == [lesson.table.item(r, 0).text() for r in range(3)]
    texts = lesson.overlay.texts()
    assert [texts[f"species{j}"] for j in range(3)] == names
    # Each name sits beside its own output neuron, to its right.
    canvas = window.canvas
    for box in lesson.overlay.boxes():
        j = int(box.data(1).removeprefix("species"))
        node = canvas.node_position(1, j)
        rect = box.sceneBoundingRect()
        assert rect.left() > node.x() and rect.top() < node.y() < rect.bottom()
    window.leave_lesson()
    assert lesson.overlay.texts() == {}
