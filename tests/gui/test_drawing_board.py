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
