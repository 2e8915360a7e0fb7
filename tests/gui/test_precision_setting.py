"""The Training panel's precision: float32 steps, an undoable setting the file keeps."""

import queue

import numpy as np

from neurongui.documents import InstanceGuard
from neurongui.engine.training_loop import Control, Mailbox, Replace, TrainingLoop
from neurongui.main_window import MainWindow


def _choose_precision(panel, key: str) -> None:
    index = panel.precision.findData(key)
    panel.precision.setCurrentIndex(index)
    panel.precision.activated.emit(index)  # as when the student picks it


def test_float32_is_an_undoable_setting_that_a_saved_file_keeps(window, qtbot, tmp_path):
    panel, stack, model = window.training_panel, window.undo_stack, window.model
    assert model.config.precision == "float64"
    assert panel.precision.currentText() == "float64 (exact)"
    _choose_precision(panel, "float32")
    assert model.config.precision == "float32"
    assert stack.undoText() == "Change “Precision”"
    path = tmp_path / "fast.json"
    assert window.save_path(path)
    other = MainWindow(guard=InstanceGuard(tmp_path / "other"))
    qtbot.addWidget(other)
    assert other.open_path(path)
    assert other.model.config.precision == "float32"
    assert other.training_panel.precision.currentText() == "float32 (faster)"
    stack.undo()
    assert model.config.precision == "float64"
    assert panel.precision.currentText() == "float64 (exact)"


def test_the_training_loop_trains_in_float32_and_keeps_float64_weights(window):
    model = window.model
    _choose_precision(window.training_panel, "float32")
    loop = TrainingLoop(queue.SimpleQueue(), Mailbox())
    loop.handle(Replace(model.network.copy(), model.data, model.config, 0))
    loop.handle(Control("step_epoch", 1))
    trainer = loop.trainer
    assert trainer is not None and trainer.precision == "float32" and trainer.epoch_count == 1
    params = trainer.network.parameters
    assert params.dtype == np.float64 and np.array_equal(params, params.astype(np.float32))
