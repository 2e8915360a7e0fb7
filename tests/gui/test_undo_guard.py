"""A step that fails inside the undo stack is reported and dropped, never a crash.

Qt calls a command's redo and undo from C++; PySide ends the app on an exception raised
there (a segfault under PySide 6.11). Both tests would end the test run without the guard.
"""

import numpy as np
import pytest

import neurongui.model
from neurongui.engine.refs import EdgeRef
from neurongui.undo import EditCommand


class _BrokenEdit:
    """An edit whose apply raises, as a bug in an engine edit would."""

    merge_key = None
    changes_structure = False

    def apply(self, network):
        raise RuntimeError("this edit is broken")


def test_a_step_that_raises_is_reported_and_left_off_the_stack(window):
    stack, before = window.undo_stack, window.network.parameters.copy()
    count = stack.count()
    stack.push(EditCommand(window.model, _BrokenEdit(), "Set weight w₁₁"))
    message = window.statusBar().currentMessage()
    assert "Set weight w₁₁" in message and "RuntimeError: this edit is broken" in message
    assert stack.count() == count and not stack.canRedo()
    np.testing.assert_array_equal(window.network.parameters, before)
    # The stack still works.
    window.canvas.set_value(EdgeRef(0, 0, 0), 0.5)
    assert stack.count() == count + 1 and window.network.get_weight(0, 0, 0) == 0.5


def test_data_that_cannot_follow_new_inputs_leaves_the_network_as_it_was(window, monkeypatch):
    window.editor.add_points(np.array([[0.5, -0.5]]), np.array([1.0]))  # the student's own data
    names = tuple(window.network.input_names)
    sizes, count = list(window.network.sizes), window.undo_stack.count()

    def cannot(data, features):
        raise ValueError("these points cannot be seen through x₁²")

    monkeypatch.setattr(neurongui.model, "with_features", cannot)
    window.canvas.set_features([*names, "x₁²"])
    assert tuple(window.network.input_names) == names and window.network.sizes == sizes
    assert window.model.data.X_train.shape[1] == len(names)  # network and data agree
    assert window.undo_stack.count() == count
    assert "cannot be seen through x₁²" in window.statusBar().currentMessage()


@pytest.fixture(autouse=True)
def _quiet_traceback(capsys):
    """(The guard prints the traceback for a bug report; it is expected here.)"""
    yield
    assert "Traceback" in capsys.readouterr().err
