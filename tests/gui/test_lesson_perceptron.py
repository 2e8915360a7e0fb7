"""Lesson 3, the perceptron: the rule's numbers are the engine's, steps undo, AND converges,
XOR does not, and a hidden layer trained by backpropagation learns XOR."""

import dataclasses
import re

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QPushButton

from neurongui.engine.datasets import load_dataset
from neurongui.lessons.text import plain

GATE = {name: load_dataset(name) for name in ("and", "or", "xor_gate")}


def _start(window, gate="and"):
    lesson = window.start_lesson("perceptron")
    if gate != "and":
        lesson.choose_gate(gate)
    return lesson


def _click(lesson, name):
    lesson.findChild(QPushButton, name).click()


def _wb(window):
    layer = window.network.layers[0]
    return layer.weights[0].copy(), float(layer.biases[0])


def _table(lesson) -> np.ndarray:
    t = lesson.table
    cells = [[t.item(r, c).text().replace("−", "-") for c in range(5)] for r in range(4)]
    return np.array(cells, dtype=float)


def test_the_lesson_starts_with_a_zero_step_unit_on_and(window):
    lesson = _start(window)
    net = window.network
    assert net.sizes == [2, 1] and net.layers[0].activation.name == "step"
    assert not net.parameters.any()
    assert window.model.config.dataset == "and"
    assert lesson.findChild(QComboBox, "gateBox").currentText() == "AND"
    # z = 0 everywhere, so the unit fires for all four inputs: only (1, 1) is right.
    shown = _table(lesson)
    assert np.allclose(shown[:, :2], GATE["and"].X) and np.allclose(shown[:, 2], [0, 0, 0, 1])
    assert np.allclose(shown[:, 4], 1.0) and len(lesson.wrong.data) == 3


def test_each_step_changes_w_by_eta_times_error_times_x(window):
    lesson = _start(window)
    lesson.findChild(QDoubleSpinBox, "etaBox").setValue(0.5)
    X, Y = GATE["and"].X, GATE["and"].Y[:, 0]
    for k in range(8):
        w, b = _wb(window)
        x, y = X[k % 4], Y[k % 4]
        y_hat = float(w @ x + b >= 0)  # the step unit, by hand
        _click(lesson, "stepButton")
        w_new, b_new = _wb(window)
        assert np.allclose(w_new - w, 0.5 * (y - y_hat) * x)
        assert b_new - b == pytest.approx(0.5 * (y - y_hat))
        line = lesson.log_lines()[-1]
        assert f"ŷ = {y_hat:g}" in line
        assert ("mistake" in line) == (y != y_hat)
    # The table shows the engine's z and ŷ for the weights now.
    z, y_hat = window.network.forward_trace(X)[0]
    assert np.allclose(_table(lesson)[:, 3], z[:, 0], atol=5e-4)
    assert np.allclose(_table(lesson)[:, 4], y_hat[:, 0])


def test_the_first_update_is_the_engines_and_is_logged(window):
    lesson = _start(window)
    _click(lesson, "stepButton")  # x = (0, 0), y = 0, ŷ = 1: only the bias moves
    assert _wb(window)[1] == -1.0 and not _wb(window)[0].any()
    assert lesson.log_lines() == [
        "Epoch 1 · x = (0, 0): y = 0, ŷ = 1 · mistake, Δw = (0, 0), Δb = −1"
    ]
    assert lesson.log.text() == lesson.log_lines()[0]
    assert "w = (0, 0), b = −1" in lesson.weights_label.text()


def test_a_step_is_one_undo_step_and_undo_rewinds_the_log(window):
    lesson = _start(window)
    _click(lesson, "stepButton")
    _click(lesson, "stepButton")  # (0, 1): right, no edit
    _click(lesson, "epochButton")  # (1, 0), (1, 1)
    after_epoch = window.network.parameters.copy()
    assert len(lesson.updates()) == 4 and lesson.mistakes_per_epoch() == [2]
    stack = window.undo_stack
    assert stack.count() == 2  # two mistakes, two edits: the no-change steps push nothing
    stack.undo()
    assert window.network.parameters.tolist() == [0.0, 0.0, -1.0]
    assert len(lesson.updates()) == 2 and len(lesson.log_lines()) == 2
    stack.undo()
    assert not window.network.parameters.any() and lesson.updates() == []
    stack.redo()
    stack.redo()
    assert np.array_equal(window.network.parameters, after_epoch)
    assert len(lesson.updates()) == 4
    # A step after an undo forgets the undone ones and goes on from the weights shown.
    stack.undo()
    _click(lesson, "stepButton")
    assert len(lesson.updates()) == 3 and lesson.updates()[-1].step.index == 2


def test_an_epoch_of_several_mistakes_is_one_undo_step(window):
    lesson = _start(window)
    _click(lesson, "epochButton")
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert not window.network.parameters.any() and lesson.updates() == []


def test_and_converges_and_then_computes_and(window):
    lesson = _start(window)
    for _ in range(20):
        _click(lesson, "epochButton")
        if lesson.mistakes_per_epoch()[-1] == 0:
            break
    counts = lesson.mistakes_per_epoch()
    assert counts[-1] == 0 and min(counts[:-1]) > 0
    assert "Converged" in lesson.status.text()
    assert ", ".join(map(str, counts)) in lesson.status.text()
    X, Y = GATE["and"].X, GATE["and"].Y
    assert np.array_equal(window.network.forward(X), Y)
    assert len(lesson.wrong.data) == 0
    # The drawn decision line is w·x + b = 0 for the engine's weights.
    w, b = _wb(window)
    xs, ys = lesson.line.getData()
    assert len(xs) == 2 and np.allclose(w[0] * xs + w[1] * ys + b, 0, atol=1e-9)


def test_xor_never_has_an_epoch_without_a_mistake(window):
    lesson = _start(window, "xor_gate")
    assert window.model.config.dataset == "xor_gate"
    for _ in range(25):
        _click(lesson, "epochButton")
    counts = lesson.mistakes_per_epoch()
    assert len(counts) == 25 and min(counts) > 0
    assert "not linearly separable" in lesson.status.text()
    assert not np.array_equal(window.network.forward(GATE["xor_gate"].X), GATE["xor_gate"].Y)


def test_a_new_gate_starts_from_zero_weights(window):
    lesson = _start(window)
    _click(lesson, "epochButton")
    lesson.choose_gate("or")
    assert not window.network.parameters.any() and lesson.updates() == []
    assert window.model.config.dataset == "or" and window.network.sizes == [2, 1]
    window.undo_stack.undo()  # the weights come back; the gate stays OR
    assert window.network.parameters.any()


def test_the_check_checks_the_gate_the_box_and_the_task_name(window):
    lesson = _start(window)
    assert lesson.gate_box.currentText() == "AND" and "AND" in lesson.task_label.text()
    assert not lesson.run_check() and "(0, 0)" in lesson.feedback.text()
    assert "AND" in lesson.feedback.text() and "OR" not in lesson.feedback.text()
    lesson.choose_gate("or")
    assert "OR" in lesson.task_label.text() and "AND" not in lesson.task_label.text()
    for _ in range(10):
        _click(lesson, "epochButton")
    assert lesson.mistakes_per_epoch()[-1] == 0
    assert lesson.run_check() and "computes OR" in lesson.feedback.text()
    lesson.choose_gate("and")
    for _ in range(10):
        _click(lesson, "epochButton")
    assert lesson.run_check() and "computes AND" in lesson.feedback.text()
    lesson.choose_gate("xor_gate")  # no unit computes XOR: the check says why, no verdict
    assert not lesson.run_check() and "hidden layer" in lesson.feedback.text()


def _assert_one_epoch_count(lesson, window) -> int:
    """The status line's epoch and the pause message's are the history's last epoch."""
    epoch = window.model.history[-1].epoch
    status = re.search(r"Epoch (\d+)", lesson.status.text())
    message = re.search(r"after (\d+) epochs", lesson.feedback.text())
    assert status and message, (lesson.status.text(), lesson.feedback.text())
    assert int(status.group(1)) == int(message.group(1)) == epoch
    return epoch


def test_zero_weights_are_said_to_draw_no_line(window):
    lesson = _start(window)
    text = lesson.weights_label.text()
    assert "No decision line" in text and "x₂ + 0 = 0" not in text
    xs, _ = lesson.line.getData()
    assert xs is None or len(xs) == 0  # and none is drawn
    _click(lesson, "stepButton")  # (1, 0)... a mistake gives w ≠ 0 and a line
    _click(lesson, "epochButton")
    w, _ = _wb(window)
    assert w.any() and "Decision line:" in lesson.weights_label.text()


def test_the_diagram_shows_the_sample_the_rule_takes_next(window):
    lesson = _start(window)
    X = GATE["and"].X
    for k in range(6):
        # The training set holds the four inputs in its own order: the diagram's sample
        # is the one the status line names.
        assert np.array_equal(window.model.sample, X[k % 4])
        x = f"({int(X[k % 4][0])}, {int(X[k % 4][1])})"
        assert f"Next sample (the diagram shows it): x = {x}" in lesson.status.text()
        _click(lesson, "stepButton")


def test_a_hidden_layer_learns_xor_by_backpropagation(window, qtbot):
    lesson = _start(window, "xor_gate")
    for _ in range(3):
        _click(lesson, "epochButton")
    _click(lesson, "hiddenLayerButton")
    net = window.network
    assert net.sizes == [2, 4, 1]
    assert [layer.activation.name for layer in net.layers] == ["tanh", "sigmoid"]
    config = window.model.config
    assert config.dataset == "xor_gate" and config.loss == "bce"
    assert lesson.body.isEnabled() and not lesson.findChild(QPushButton, "stepButton").isEnabled()
    assert window.training.running

    def all_right() -> bool:
        data = window.model.data
        return bool(np.array_equal(net.forward(data.X_train) >= 0.5, data.Y_train >= 0.5))

    qtbot.waitUntil(lambda: all_right() and not window.training.running, timeout=30_000)
    assert "XOR learned" in lesson.feedback.text()
    _assert_one_epoch_count(lesson, window)
    # Pausing is asynchronous: the epoch the worker was in arrives after the pause.
    # The message then counts it too, as the status line does.
    late = dataclasses.replace(window.model.history[-1], epoch=window.model.history[-1].epoch + 1)
    window.model.set_history([*window.model.history, late])
    assert _assert_one_epoch_count(lesson, window) == late.epoch
    # The legend names the graded output's ½ curve and shades, not a firing unit.
    legend = plain(lesson.view.legend.text())
    assert "ŷ = ½" in legend and "ŷ near 1" in legend and "fires" not in legend
    # The output map fills the whole plot: no blank strip beside the square of data.
    (x0, x1), (y0, y1) = lesson.view.shown_range()
    mapped = lesson.view.output_map.mapRectToParent(lesson.view.output_map.boundingRect())
    assert mapped.left() <= x0 and mapped.right() >= x1
    assert mapped.top() <= y0 and mapped.bottom() >= y1
    # Every ŷ, e.g. 0.003142, shows uncut in its column.
    table = lesson.table
    metrics = table.fontMetrics()
    for r in range(4):
        for c in range(5):
            text = table.item(r, c).text()
            assert metrics.horizontalAdvance(text) < table.columnWidth(c), (r, c, text)
    # The last step has a check of its own: the network computes XOR.
    assert "Check my answer" in lesson.task_label.text()
    assert lesson.run_check() and "computes XOR" in lesson.feedback.text()
    assert window.model.history and window.model.history[-1].train_accuracy == 1.0
    y_hat = _table(lesson)[:, 4]
    data = window.model.data
    order = np.lexsort((data.X_train[:, 1], data.X_train[:, 0]))
    assert np.allclose(y_hat, net.forward(data.X_train[order])[:, 0], rtol=1e-3, atol=1e-4)
    # One undo brings the perceptron back, with its controls.
    window.undo_stack.undo()
    assert window.network.sizes == [2, 1]
    assert "fires" in plain(lesson.view.legend.text())
    assert lesson.findChild(QPushButton, "stepButton").isEnabled()
    assert len(lesson.mistakes_per_epoch()) == 3


def test_a_hidden_layer_with_every_point_erased_draws_an_empty_table(window):
    """Found by the random test: with the points of a 2-D set erased, the hidden
    layer's map took the min of no inputs and raised in the lesson's refresh."""
    lesson = window.start_lesson("perceptron")
    combo = window.training_panel.dataset
    index = combo.findData("spiral")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    window.editor.clear_points()
    window.canvas.add_layer()
    assert lesson.is_mlp() and lesson.table.rowCount() == 0
    assert lesson.status.text() == "There are no training samples."
