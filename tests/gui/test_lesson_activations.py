"""Lesson 7 (choosing an activation): the race is the engine's, the edit is undoable."""

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from neurongui.engine import Network
from neurongui.engine.numbers import format_percent
from neurongui.engine.refs import EdgeRef, NeuronRef
from neurongui.engine.trainer import Trainer
from neurongui.lessons.activations import ACTIVATIONS

EPOCHS = 25  # a short race keeps the test quick; the lesson's default is 200


def _race(lesson, qtbot):
    lesson.epochs_box.setValue(EPOCHS)
    lesson.findChild(QPushButton, "raceStartButton").click()
    assert lesson.runner.running
    qtbot.waitUntil(lambda: lesson.runner.done, timeout=60000)


def _rerun(window, hidden: str):
    data, config = window.model.data, window.model.config
    net = Network([2, 8, 8, 1], [hidden, hidden, "sigmoid"], init=config.init, seed=config.seed)
    trainer = Trainer(
        net,
        data.X_train,
        data.Y_train,
        loss=config.loss,
        optimizer=config.optimizer,
        learning_rate=config.learning_rate,
        batch_size=config.batch_size,
        X_test=data.X_test,
        Y_test=data.Y_test,
        seed=config.seed,
    )
    for _ in range(EPOCHS):
        trainer.epoch()
    return trainer.history


def test_the_race_runs_to_the_end_and_its_curves_are_the_engines(window, qtbot):
    lesson = window.start_lesson("activations")
    assert window.network.sizes == [2, 8, 8, 1] and window.model.data.is_2d
    _race(lesson, qtbot)
    assert not lesson.runner.running
    assert not lesson.findChild(QPushButton, "racePauseButton").isEnabled()
    for name, trainer in zip(ACTIVATIONS, lesson.runner.trainers, strict=True):
        assert [layer.activation.name for layer in trainer.network.layers] == [
            name,
            name,
            "sigmoid",
        ]
        xs, ys = lesson.curves[name].getData()
        assert list(xs) == list(range(1, EPOCHS + 1))
        assert list(ys) == [record.train_loss for record in trainer.history]
    # The same run again, straight from the engine, gives the same curve.
    _, ys = lesson.curves["relu"].getData()
    assert list(ys) == [record.train_loss for record in _rerun(window, "relu")]
    table = lesson.race_table
    for row, trainer in enumerate(lesson.runner.trainers):
        shown = float(table.item(row, 2).text().replace("−", "-"))
        assert shown == pytest.approx(trainer.history[-1].train_loss, rel=5e-4)
        accuracy = lesson.runner.accuracies[row, EPOCHS - 1]
        assert table.item(row, 3).text() == format_percent(accuracy)
    # The race trains copies: the window's network is untouched.
    assert window.undo_stack.count() == 0


def test_pause_and_resume(window, qtbot):
    lesson = window.start_lesson("activations")
    lesson.epochs_box.setValue(EPOCHS)
    lesson.start_race()
    pause = lesson.findChild(QPushButton, "racePauseButton")
    pause.click()
    assert not lesson.runner.running and pause.text() == "Resume"
    assert not lesson.runner.done
    pause.click()
    assert lesson.runner.running and pause.text() == "Pause"
    qtbot.waitUntil(lambda: lesson.runner.done, timeout=60000)


def test_leaving_mid_race_stops_it(window, qtbot):
    lesson = window.start_lesson("activations")
    lesson.start_race()
    qtbot.waitUntil(lambda: lesson.runner.trainers[0].epoch_count > 0, timeout=10000)
    timer = lesson.runner.findChild(QTimer, "raceTimer")
    window.leave_lesson()
    assert not timer.isActive() and not lesson.runner.running


def test_use_this_activation_is_one_undoable_structure_edit(window):
    lesson = window.start_lesson("activations")
    lesson.choice_box.setCurrentIndex(ACTIVATIONS.index("relu"))
    lesson.findChild(QPushButton, "useActivationButton").click()
    assert [layer.activation.name for layer in window.network.layers] == [
        "relu",
        "relu",
        "sigmoid",
    ]
    assert window.undo_stack.count() == 1
    # The race's starting weights, so training it live repeats the race's run.
    config = window.model.config
    start = Network([2, 8, 8, 1], ["relu", "relu", "sigmoid"], seed=config.seed)
    assert np.array_equal(window.network.parameters, start.parameters)
    assert lesson.health_table.item(0, 0).text() == "1 (ReLU)"
    window.undo_stack.undo()
    assert [layer.activation.name for layer in window.network.layers] == [
        "tanh",
        "tanh",
        "sigmoid",
    ]


def test_the_gradient_table_shows_the_engines_slopes(window):
    lesson = window.start_lesson("activations")
    X = window.model.data.X_train
    trace = window.network.forward_trace(X)
    for row, (layer, (z, _)) in enumerate(zip(window.network.layers[:-1], trace, strict=False)):
        slope = layer.activation.derivative(z)
        shown = float(lesson.health_table.item(row, 1).text())
        assert shown == pytest.approx(slope.mean(), rel=5e-4)
        assert float(lesson.health_table.item(row, 2).text()) <= 1.0


def test_the_check_needs_a_finished_race_and_the_right_activation(window, qtbot):
    lesson = window.start_lesson("activations")
    ok, text = lesson.check()
    assert not ok and "race" in text
    _race(lesson, qtbot)
    assert not lesson.run_check()  # no answer chosen yet
    losses = {
        n: t.history[-1].train_loss
        for n, t in zip(ACTIVATIONS, lesson.runner.trainers, strict=True)
    }
    best = min(losses, key=losses.get)
    worst = max(losses, key=losses.get)
    lesson.answer_box.setCurrentIndex(lesson.answer_box.findData(worst))
    assert not lesson.run_check() and "lower" in lesson.feedback.text()
    lesson.answer_box.setCurrentIndex(lesson.answer_box.findData(best))
    assert lesson.run_check() and "Right" in lesson.feedback.text()


def test_a_divergent_learning_rate_is_reported_not_raised(window, qtbot):
    lesson = window.start_lesson("activations")
    window.model.set_config(window.model.config.with_changes(learning_rate=1e300))
    _race(lesson, qtbot)
    assert all(t.diverged for t in lesson.runner.trainers)
    assert lesson.race_table.item(0, 2).text() == "diverged"
    assert "learning rate" in lesson.feedback.text()
    ok, text = lesson.check()
    assert not ok and "learning rate" in text
    assert np.isfinite(window.network.parameters).all()


def test_the_dead_count_and_its_note_agree_at_z_equal_0(window):
    # A ReLU whose weights and bias are all 0 has z = 0 for every point: f′(0) = 0, so
    # it is dead, and the note must say z ≤ 0 (it said z < 0, which z = 0 is not).
    lesson = window.start_lesson("activations")
    lesson.choice_box.setCurrentIndex(ACTIVATIONS.index("relu"))
    lesson.findChild(QPushButton, "useActivationButton").click()
    for k in range(2):
        window.canvas.set_value(EdgeRef(0, 0, k), 0.0)
    window.canvas.set_value(NeuronRef(0, 0), 0.0)
    lesson.refresh()
    X = window.model.data.X_train
    dead = 0
    for z, _ in window.network.forward_trace(X)[:-1]:
        dead += int(np.sum(np.all(z <= 0, axis=0)))  # ReLU′(z) = 0 exactly when z ≤ 0
    assert dead >= 1
    assert sum(int(lesson.health_table.item(r, 3).text()) for r in range(2)) == dead
    note = lesson.health_note.text()
    assert (
        f"{dead} neuron(s) are dead: f′(z) = 0 for every training point (for ReLU, z ≤ 0)" in note
    )


def test_before_the_race_the_plot_and_table_say_what_will_appear(window, qtbot):
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    lesson = window.start_lesson("activations")
    # The empty plot carries a hint, and the table already names the three runs.
    assert lesson.race_hint.isVisible() and "Start the race" in lesson.race_hint.toPlainText()
    table = lesson.race_table
    assert [table.item(r, 0).text() for r in range(3)] == ["sigmoid", "tanh", "ReLU"]
    assert {table.item(r, c).text() for r in range(3) for c in (1, 2, 3)} == {"–"}
    # The note says, in bold, that the race leaves the diagram's network alone.
    assert "<b>The race trains copies" in lesson.race_note.text()
    # The answer box shows its longest choice uncut beside its arrow.
    box = lesson.answer_box
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
    )
    widest = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
    assert widest <= field.width()
    _race(lesson, qtbot)
    assert not lesson.race_hint.isVisible()


def test_with_every_point_erased_the_gradient_table_shows_dashes(window):
    """Found by the random test: the mean slope of no training point warned (and the
    note would have said "multiplied by about nan")."""
    lesson = window.start_lesson("activations")
    window.editor.clear_points()
    lesson.refresh()
    assert lesson.health_table.rowCount() == len(window.network.layers) - 1
    assert lesson.health_table.item(0, 1).text() == "–"
    assert lesson.health_table.item(0, 3).text() == "0"  # no point to see a neuron dead
    assert "multiplied by" not in lesson.health_note.text()
