"""Changing a setting is an undoable step, and a new dataset never loses the network."""

import numpy as np
import pytest

from neurongui.engine.edits import SetWeight

# The tests use conftest's shown window: settings alone never start the worker.


def _choose_dataset(panel, key: str) -> None:
    index = panel.dataset.findData(key)
    panel.dataset.setCurrentIndex(index)
    panel.dataset.activated.emit(index)  # as when the student picks it


def test_a_changed_setting_is_undone_and_redone(window):
    panel, stack, model = window.training_panel, window.undo_stack, window.model
    before = model.config.learning_rate
    panel.rate.setValue(0.5)
    assert model.config.learning_rate == 0.5
    assert stack.undoText() == "Change “Learning rate”"
    stack.undo()
    assert model.config.learning_rate == before and panel.rate.value() == pytest.approx(before)
    stack.redo()
    assert model.config.learning_rate == 0.5 and panel.rate.value() == pytest.approx(0.5)


def test_steps_of_one_setting_merge_into_one_undo_step(window):
    panel, stack, model = window.training_panel, window.undo_stack, window.model
    before, count = model.config.batch_size, stack.count()
    for size in (12, 14, 16):
        panel.batch.setValue(size)
    assert stack.count() == count + 1
    panel.rate.setValue(0.25)  # another setting: a step of its own
    assert stack.count() == count + 2
    stack.undo()
    stack.undo()
    assert model.config.batch_size == before


def test_undoing_a_new_dataset_brings_back_the_network_and_its_history_of_edits(window):
    panel, stack, model = window.training_panel, window.undo_stack, window.model
    start = model.network.parameters.copy()
    window.editor.apply(SetWeight(0, 0, 0, 1.25), "Set weight")
    edited = model.network.parameters.copy()
    first_dataset = model.config.dataset

    _choose_dataset(panel, "iris")
    assert model.network.sizes[0] == 4 and model.config.dataset == "iris"
    iris = model.network.parameters.copy()

    stack.undo()  # the 2-D network comes back with the weight the student set
    assert model.config.dataset == first_dataset
    np.testing.assert_array_equal(model.network.parameters, edited)
    assert model.network.get_weight(0, 0, 0) == 1.25
    stack.undo()  # and the edit before it is still undoable
    np.testing.assert_array_equal(model.network.parameters, start)

    stack.redo()
    stack.redo()
    assert model.config.dataset == "iris"
    np.testing.assert_array_equal(model.network.parameters, iris)


def test_a_setting_changed_and_changed_back_leaves_no_undo_step(window):
    panel, stack, model = window.training_panel, window.undo_stack, window.model
    before, count = model.config.batch_size, stack.count()
    panel.batch.setValue(before + 5)
    panel.batch.setValue(before)
    assert stack.count() == count and model.config.batch_size == before
