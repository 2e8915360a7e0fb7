"""Editing the samples on the Output map: a click adds a point where it lands, a drag
moves one, Erase and Shift+click take points away, every gesture is one undo step, and
a running trainer trains on the edited points."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel

from neurongui.views.point_editor import REACH


@pytest.fixture
def board(training_window, qtbot):
    """The window with its Output tab in front and the point editor on."""
    window = training_window
    window.charts.tabs.setCurrentIndex(1)
    window.charts.point_editor.set_editing(True, "add")
    qtbot.waitUntil(lambda: window.charts.output_tab.output_plot.isVisible())
    return window


def _view_pos(window, x: float, y: float) -> QPoint:
    """Where the data point (x, y) is on the map's viewport."""
    plot = window.charts.output_tab.output_plot
    scene = plot.getViewBox().mapViewToScene(QPointF(x, y))
    return plot.mapFromScene(scene)


def _viewport(window):
    return window.charts.output_tab.output_plot.viewport()


def _click(qtbot, window, x, y, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(
        _viewport(window), Qt.MouseButton.LeftButton, modifier, _view_pos(window, x, y)
    )


def _drag(qtbot, window, path: list[tuple[float, float]]) -> None:
    view = _viewport(window)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=_view_pos(window, *path[0]))
    for x, y in path[1:]:
        pos = QPointF(_view_pos(window, x, y))
        event = QMouseEvent(
            QMouseEvent.Type.MouseMove,
            pos,
            view.mapToGlobal(pos),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(view, event)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=_view_pos(window, *path[-1]))


def _pixel(window) -> float:
    """One screen pixel in data units."""
    return max(abs(v) for v in window.charts.output_tab.output_plot.getViewBox().viewPixelSize())


def test_a_click_adds_a_point_of_the_chosen_class_where_it_lands(board, qtbot):
    model, tools = board.model, board.charts.point_editor
    assert board.charts.output_tab.edit_tool == "add"
    tools.class_box.setCurrentIndex(0)
    before = model.data.points_train.copy()
    _click(qtbot, board, 2.5, -1.5)
    assert len(model.data.points_train) == len(before) + 1
    # Where the click landed, to within a pixel of the screen.
    np.testing.assert_allclose(model.data.points_train[-1], [2.5, -1.5], atol=2 * _pixel(board))
    assert model.data.Y_train[-1, 0] == 0.0
    assert board.undo_stack.undoText() == "Add a point"
    board.undo_stack.undo()
    np.testing.assert_array_equal(model.data.points_train, before)
    board.undo_stack.redo()
    assert len(model.data.points_train) == len(before) + 1
    # The map draws it: one more training dot.
    qtbot.waitUntil(lambda: len(board.charts.train_points.data) == len(before) + 1)


def test_not_editing_leaves_the_map_alone(board, qtbot):
    board.charts.point_editor.set_editing(False)
    assert board.charts.output_tab.edit_tool is None
    n = len(board.model.data.X_train)
    _click(qtbot, board, 1.0, 1.0)
    assert len(board.model.data.X_train) == n


def test_the_note_under_the_map_says_what_a_click_does_now(board):
    note = board.charts.output_tab.findChild(QLabel, "sampleMarkNote")
    assert "Click another dot" not in note.text()  # editing: a click adds a point
    board.charts.point_editor.set_editing(False)
    assert "Click another dot to choose it" in note.text()


def test_a_drag_moves_a_point_in_one_undo_step(board, qtbot):
    model = board.model
    board.editor.add_points([[5.5, -5.5]], [1])  # alone in its corner: no neighbour is nearer
    board.charts.point_editor.set_editing(True, "move")
    row = len(model.data.points_train) - 1
    count = board.undo_stack.count()
    _drag(qtbot, board, [(5.5, -5.5), (5.0, -5.5), (1.0, 2.0)])
    np.testing.assert_allclose(model.data.points_train[row], [1.0, 2.0], atol=2 * _pixel(board))
    assert board.undo_stack.count() == count + 1
    assert board.undo_stack.undoText() == "Move a point"
    board.undo_stack.undo()
    np.testing.assert_array_equal(model.data.points_train[row], [5.5, -5.5])


def test_erasing_by_tool_and_by_shift_click(board, qtbot):
    model = board.model
    editor = board.editor
    editor.add_points([[5.5, 5.5], [-5.5, 5.5]], [1, 0])  # far from the circle's points
    n = len(model.data.X_train)
    _click(qtbot, board, 5.5 + 3 * _pixel(board), 5.5, Qt.KeyboardModifier.ShiftModifier)
    assert len(model.data.X_train) == n - 1
    assert [-5.5, 5.5] in model.data.points_train.tolist()
    assert [5.5, 5.5] not in model.data.points_train.tolist()
    board.charts.point_editor.set_editing(True, "erase")
    _drag(qtbot, board, [(-5.5, 5.0), (-5.5, 5.5), (-5.5, 5.8)])
    assert len(model.data.X_train) == n - 2
    assert board.undo_stack.undoText() == "Erase points"
    board.undo_stack.undo()
    assert [-5.5, 5.5] in model.data.points_train.tolist()
    assert REACH * _pixel(board) < 0.5  # the reach is a few pixels, not the whole map


def test_clear_and_regenerate_are_one_step_each(board, qtbot):
    model, tools = board.model, board.charts.point_editor
    generated = model.data.points_train.copy()
    board.editor.add_points([[1.0, 1.0]], [1])
    tools.clear_button.click()
    assert len(model.data.X_train) == len(model.data.X_test) == 0
    assert board.undo_stack.undoText() == "Clear the points"
    # Nothing to train on: Play says so instead of failing.
    board.training.play()
    assert not board.training.running
    _click(qtbot, board, 0.0, 0.0)
    assert len(model.data.X_train) == 1
    tools.regenerate_button.click()
    np.testing.assert_array_equal(model.data.points_train, generated)
    assert not model.data.edited
    for _ in range(3):
        board.undo_stack.undo()
    assert len(model.data.X_train) == len(generated) + 1


def test_a_script_adds_a_thousand_points_in_one_step(board):
    rng = np.random.default_rng(0)
    count = board.undo_stack.count()
    board.editor.add_points(rng.uniform(-6, 6, (1000, 2)), rng.integers(0, 2, 1000))
    assert board.undo_stack.count() == count + 1
    assert board.undo_stack.undoText() == "Add 1,000 points"


def test_regression_points_take_the_target_typed(board, qtbot):
    model = board.model
    model.set_config(model.config.with_changes(dataset="plane"))
    tools = board.charts.point_editor
    assert tools.target.isVisibleTo(board) and not tools.class_box.isVisibleTo(board)
    tools.target.setValue(-0.5)
    _click(qtbot, board, 1.0, 1.0)
    assert model.data.Y_train[-1, 0] == -0.5


def test_no_editing_for_data_that_is_not_points(board):
    board.model.set_config(board.model.config.with_changes(dataset="iris"))
    tools = board.charts.point_editor
    assert not tools.edit_button.isVisibleTo(board)
    assert board.charts.output_tab.edit_tool is None


def test_a_point_added_while_training_reaches_the_trainer(board, qtbot):
    model, training = board.model, board.training
    n = len(model.data.X_train)
    training.play()
    qtbot.waitUntil(lambda: len(model.history) > 0, timeout=10000)
    loop = training._thread.loop
    _click(qtbot, board, 4.0, 4.0)
    qtbot.waitUntil(lambda: loop.trainer is not None and len(loop.trainer.X) == n + 1, timeout=5000)
    assert training.running  # training went on with the new point
    np.testing.assert_allclose(loop.trainer.X[-1], model.data.X_train[-1])
    board.undo_stack.undo()
    qtbot.waitUntil(lambda: loop.trainer is not None and len(loop.trainer.X) == n, timeout=5000)
    assert training.running


def test_features_change_after_clear_all_and_undo_brings_the_points_back(window):
    """Found by the random test: toggling a feature with every point erased raised
    inside the undo command's redo, and PySide crashed (segmentation fault)."""
    model = window.model
    before = len(model.data.X_train)
    window.editor.clear_points()
    action = next(a for a in window.canvas.features_menu.actions() if a.text() == "x₂²")
    action.trigger()
    assert "x₂²" in window.network.input_names
    assert model.data.X_train.shape == (0, window.network.sizes[0])
    window.undo_stack.undo()  # the feature
    window.undo_stack.undo()  # Clear all
    assert len(model.data.X_train) == before
