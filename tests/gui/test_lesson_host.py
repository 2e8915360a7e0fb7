"""Lessons run on the parts :class:`~neurongui.lessons.host.LessonHost` names, without
the main window: a model, an editor and its undo stack, a training controller and a canvas."""

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDoubleSpinBox, QPushButton

from neurongui.editing import Editor
from neurongui.engine import Network
from neurongui.engine.config import TrainingConfig
from neurongui.lessons import create_lesson
from neurongui.model import NetworkModel
from neurongui.views.canvas import NetworkCanvas
from neurongui.views.canvas_overlay import OVERLAY_TAG
from neurongui.worker import TrainingController


class PartsHost:
    """The least a lesson runs in: the Protocol's members and nothing else."""

    def __init__(self, qtbot):
        self.model = NetworkModel()
        self.undo_stack = QUndoStack()
        self.editor = Editor(self.model, self.undo_stack)
        self.training = TrainingController(self.model, self.editor)
        self.canvas = NetworkCanvas(self.model, self.editor)
        qtbot.addWidget(self.canvas)
        self.theme_manager = None
        self.language = "en"
        self.left = 0  # times the lesson asked to be closed
        self.lessons: list = []  # started here; they leave before the parts go

    def load_lesson_network(self, network: Network, config: TrainingConfig) -> None:
        self.model.set_network(network, config)
        self.undo_stack.clear()

    def leave_lesson(self) -> None:
        self.left += 1


@pytest.fixture
def host(qtbot):
    parts = PartsHost(qtbot)
    yield parts
    for lesson in parts.lessons:
        lesson.leave()  # as the window does: no lesson outlives the undo stack it follows
    parts.training.shutdown()


def _start(host, qtbot, key):
    lesson = create_lesson(key, host)
    qtbot.addWidget(lesson)
    host.lessons.append(lesson)
    lesson.start()
    lesson.show()
    return lesson


def test_the_perceptron_lesson_steps_and_undoes_on_bare_parts(host, qtbot):
    lesson = _start(host, qtbot, "perceptron")
    assert host.model.network.sizes == [2, 1] and host.model.config.dataset == "and"
    lesson.findChild(QDoubleSpinBox, "etaBox").setValue(0.5)
    # One epoch of AND from zero weights: (0, 0) fires wrongly, b = −0.5; (1, 1) then
    # stays silent wrongly, w = (0.5, 0.5) and b = 0 again.
    assert lesson.run(4) == 2
    layer = host.model.network.layers[0]
    assert layer.weights.tolist() == [[0.5, 0.5]] and layer.biases.tolist() == [0.0]
    assert host.undo_stack.count() == 1  # the epoch's two updates are one undo step
    assert not host.training.running
    host.undo_stack.undo()
    assert not host.model.network.parameters.any()
    assert lesson.updates() == []  # the lesson's record follows the undo stack
    lesson.findChild(QPushButton, "leaveLessonButton").click()
    assert host.left == 1


def test_the_backprop_lesson_labels_the_parts_canvas(host, qtbot):
    lesson = _start(host, qtbot, "backprop")
    assert host.model.network.sizes == [2, 2, 1]
    lesson.findChild(QPushButton, "networkButton").click()
    # The first stage labels the sample's inputs and the target beside the diagram.
    assert lesson.overlay.texts() == {
        "input0": "x₁ = 0.05",
        "input1": "x₂ = 0.1",
        "output": "y = 0.01",
    }
    boxes = lesson.overlay.boxes()
    assert len(boxes) == 3 and all(box.scene() is host.canvas.scene() for box in boxes)
    host.lessons.remove(lesson)
    lesson.leave()
    assert not [item for item in host.canvas.scene().items() if item.data(0) == OVERLAY_TAG]
