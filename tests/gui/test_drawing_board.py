"""The drawing board: a stroke is prepared like the dataset's digits and the bars show
the network's own outputs for it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from neurongui.engine.drawing import prepare
from neurongui.model import NetworkModel
from neurongui.views.drawing_board import BOARD, DrawingPanel


@pytest.fixture
def panel(qtbot) -> DrawingPanel:
    model = NetworkModel()
    model.set_config(model.config.with_changes(dataset="digits", loss="cross_entropy"))
    widget = DrawingPanel(model)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_mouse_stroke_is_prepared_and_answered(qtbot, panel):
    board = panel.board
    qtbot.mousePress(board, Qt.MouseButton.LeftButton, pos=QPoint(140, 50))
    for y in range(60, 240, 10):
        qtbot.mouseMove(board, QPoint(140, y))
    qtbot.mouseRelease(board, Qt.MouseButton.LeftButton, pos=QPoint(140, 240))
    ink = board.ink()
    assert ink.shape == (BOARD, BOARD) and ink[150, 140] > 0.9 and ink[150, 20] == 0
    x = panel.inputs()
    assert np.array_equal(x, prepare(ink, (8, 8)).ravel())
    assert np.array_equal(panel.seen.values, x.reshape(8, 8))
    expected = panel.model.network.forward(x[None, :])[0]
    assert np.allclose(panel.probabilities(), expected)
    best = int(np.argmax(expected))
    assert panel.answer.text().startswith(f"The network's answer: {best} (")
    assert "not been trained" in panel.note.text()


def test_erasing_and_clearing(qtbot, panel):
    board = panel.board
    board.stroke([QPointF(100, 140), QPointF(180, 140)])
    assert board.ink()[140, 140] > 0.9
    board.stroke([QPointF(100, 140), QPointF(180, 140)], erase=True)
    assert board.ink()[140, 140] == 0
    board.stroke([QPointF(140, 100), QPointF(140, 180)])
    board.clear()
    assert not board.ink().any() and panel.answer.text() == ""


def test_a_network_without_image_inputs_cannot_be_drawn_for(qtbot):
    widget = DrawingPanel(NetworkModel())  # 2-D points, not images
    qtbot.addWidget(widget)
    assert not widget.board.isEnabled()
    assert "Choose an image dataset" in widget.note.text()
    assert widget.inputs() is None


def test_the_drawing_can_light_up_the_diagram(qtbot, panel):
    panel.board.stroke([QPointF(140, 60), QPointF(140, 220)])
    panel.on_diagram.setChecked(True)
    assert np.array_equal(panel.model.sample, panel.inputs())
    panel.board.stroke([QPointF(100, 140), QPointF(180, 140)])  # the diagram follows
    assert np.array_equal(panel.model.sample, panel.inputs())
    panel.on_diagram.setChecked(False)
    assert panel.model.probe is None


def test_a_typed_probe_is_left_alone_by_the_board(qtbot, panel):
    typed = np.full(64, 0.5)
    panel.model.set_probe(typed)
    panel.board.stroke([QPointF(140, 60), QPointF(140, 220)])  # the board redraws
    assert np.array_equal(panel.model.probe, typed)


def test_another_kind_of_data_gives_a_fresh_board(qtbot, panel):
    panel.board.stroke([QPointF(140, 60), QPointF(140, 220)])
    panel.on_diagram.setChecked(True)
    model = panel.model
    model.set_config(model.config.with_changes(dataset="iris"))
    assert not panel.board.ink().any() and not panel.on_diagram.isChecked()
    assert model.probe is None and not panel.board.isEnabled()


def _shown_panel(window) -> DrawingPanel:
    """The window's Draw tab, in front."""
    window.tools.docks["practiceDock"].show()
    window.tools.practice_tabs.setCurrentIndex(2)
    panel = window.tools.drawing
    assert panel.isVisible()
    return panel


def test_a_drawing_joins_the_training_data_with_its_label(qtbot, window, tmp_path):
    from neurongui.engine.datasets import network_inputs

    window.model.set_config(window.model.config.with_changes(dataset="digits"))
    panel = _shown_panel(window)
    assert not panel.add_button.isEnabled()  # nothing drawn yet
    panel.board.stroke([QPointF(140, 60), QPointF(140, 240)])
    assert panel.add_button.isEnabled()
    assert [panel.label_box.itemText(i) for i in range(10)] == [str(d) for d in range(10)]
    panel.label_box.setCurrentIndex(1)
    x = panel.inputs()
    n = len(window.model.data.X_train)
    panel.add_button.click()
    data = window.model.data
    assert len(data.X_train) == n + 1
    np.testing.assert_allclose(network_inputs(data.X_train[-1:])[0], x)
    assert data.Y_train[-1].argmax() == 1
    assert window.undo_stack.undoText() == "Add a drawn 1 to the training data"
    assert not panel.board.ink().any()  # ready for the next one
    # Saved with the file: only the added row, and it comes back.
    path = tmp_path / "digits.json"
    assert window.save_path(path)
    window.new_document()
    assert window.open_path(path)
    assert len(window.model.data.X_train) == n + 1
    np.testing.assert_array_equal(window.model.data.X_train[-1], data.X_train[-1])
    assert window.undo_stack.count() == 0  # opening is no undo step


def test_an_added_drawing_is_undone(qtbot, window):
    window.model.set_config(window.model.config.with_changes(dataset="digits"))
    panel = _shown_panel(window)
    panel.board.stroke([QPointF(100, 140), QPointF(180, 140)])
    n = len(window.model.data.X_train)
    panel.label_box.setCurrentIndex(7)
    panel.add_button.click()
    assert len(window.model.data.X_train) == n + 1
    window.undo_stack.undo()
    assert len(window.model.data.X_train) == n
    window.undo_stack.redo()
    assert window.model.data.Y_train[-1].argmax() == 7


def test_a_drawing_added_while_training_reaches_the_trainer(qtbot, training_window):
    window = training_window
    window.model.set_config(window.model.config.with_changes(dataset="digits"))
    panel = _shown_panel(window)
    n = len(window.model.data.X_train)
    window.training.play()
    qtbot.waitUntil(lambda: window.training._thread is not None, timeout=5000)
    loop = window.training._thread.loop
    qtbot.waitUntil(lambda: loop.trainer is not None, timeout=5000)
    panel.board.stroke([QPointF(140, 60), QPointF(140, 240)])
    panel.label_box.setCurrentIndex(1)
    panel.add_button.click()
    qtbot.waitUntil(lambda: loop.trainer is not None and len(loop.trainer.X) == n + 1, timeout=5000)
    assert window.training.running
    assert loop.trainer.Y[-1].argmax() == 1
