"""The Editor: every edit a student makes is one undo step with a readable name, a drag
is one step, and an edit that does not fit is refused with a translated reason."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QUndoStack

from neurongui import i18n
from neurongui.editing import Editor
from neurongui.engine import Network
from neurongui.engine.edits import SetBias
from neurongui.engine.refs import EdgeRef, NeuronRef
from neurongui.model import NetworkModel
from neurongui.undo import new_gesture


@pytest.fixture
def editor(qapp) -> Editor:
    """An editor of a 2-4-2-1 tanh/tanh/sigmoid network on the circle data."""
    model = NetworkModel()
    assert model.network.sizes == [2, 4, 2, 1]
    return Editor(model, QUndoStack())


def _parameters(editor: Editor) -> list[np.ndarray]:
    return [p.copy() for p in editor.model.network.parameters]


def _same(a: list[np.ndarray], b: list[np.ndarray]) -> bool:
    return len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize(
    ("do", "text", "check"),
    [
        (
            lambda e: e.set_weight(EdgeRef(1, 0, 3), 0.5),
            "Set a weight to 0.5",
            lambda net: net.get_weight(1, 0, 3) == 0.5,
        ),
        (
            lambda e: e.set_bias(NeuronRef(2, 0), -1.25),
            "Set a bias to −1.25",
            lambda net: net.get_bias(2, 0) == -1.25,
        ),
        (
            lambda e: e.set_activation(0, "relu"),
            "Use ReLU in layer 1",
            lambda net: net.layers[0].activation.name == "relu",
        ),
        (lambda e: e.add_neuron(0), "Add a neuron to layer 1", lambda net: net.sizes[1] == 5),
        (
            lambda e: e.remove_neuron(0, 1),
            "Remove a neuron from layer 1",
            lambda net: net.sizes[1] == 3,
        ),
        (lambda e: e.add_layer(), "Add a hidden layer", lambda net: net.sizes == [2, 4, 2, 2, 1]),
        (lambda e: e.remove_layer(), "Remove a hidden layer", lambda net: net.sizes == [2, 4, 1]),
        (
            lambda e: e.set_inputs(["x₁", "x₂", "x₁²"]),
            "Change the input features",
            lambda net: net.input_names == ["x₁", "x₂", "x₁²"],
        ),
    ],
    ids=[
        "weight",
        "bias",
        "activation",
        "add-neuron",
        "remove-neuron",
        "add-layer",
        "remove-layer",
        "inputs",
    ],
)
def test_each_edit_is_one_named_undo_step_that_undo_takes_back(editor, do, text, check):
    net = editor.model.network
    before = net.to_dict()
    do(editor)
    stack = editor.stack
    assert stack.count() == 1 and stack.undoText() == text
    assert check(editor.model.network)
    stack.undo()
    assert editor.model.network.to_dict() == before
    stack.redo()
    assert check(editor.model.network)


def test_reset_weights_is_one_step_with_the_same_structure(editor):
    before = _parameters(editor)
    editor.reset_weights(seed=7)
    assert editor.stack.count() == 1 and editor.stack.undoText() == "Reset the weights"
    assert editor.model.network.sizes == [2, 4, 2, 1]
    assert not _same(_parameters(editor), before)
    editor.stack.undo()
    assert _same(_parameters(editor), before)


def test_a_settings_change_is_one_step(editor):
    model = editor.model
    editor.change_settings(model.config.with_changes(learning_rate=0.1), "Change “Rate”")
    assert editor.stack.count() == 1 and editor.stack.undoText() == "Change “Rate”"
    assert model.config.learning_rate == 0.1
    editor.stack.undo()
    assert model.config.learning_rate == 0.03


def test_apply_takes_any_engine_edit(editor):
    editor.apply(SetBias(0, 3, 2.0), "Nudge")
    assert editor.stack.undoText() == "Nudge" and editor.model.network.get_bias(0, 3) == 2.0


def test_a_drag_is_one_undo_step_and_a_new_gesture_another(editor):
    edge = EdgeRef(0, 2, 1)
    start = editor.model.network.get_weight(0, 2, 1)
    drag = new_gesture()
    for value in (0.1, 0.2, 0.3, 0.4):
        editor.set_weight(edge, value, drag)
    assert editor.stack.count() == 1
    assert editor.stack.undoText() == "Set a weight to 0.4"  # the step names the last value
    editor.set_weight(edge, 0.9, new_gesture())
    assert editor.stack.count() == 2
    editor.stack.undo()
    assert editor.model.network.get_weight(0, 2, 1) == 0.4
    editor.stack.undo()  # the whole drag at once
    assert editor.model.network.get_weight(0, 2, 1) == start


def test_set_value_sets_a_weight_or_a_bias_by_the_kind_of_ref(editor):
    editor.set_value(EdgeRef(2, 0, 1), 1.5)
    editor.set_value(NeuronRef(1, 1), -0.5)
    net = editor.model.network
    assert (net.get_weight(2, 0, 1), net.get_bias(1, 1)) == (1.5, -0.5)
    assert editor.stack.count() == 2


@pytest.mark.parametrize(
    ("do", "message"),
    [
        (
            lambda e: e.set_weight(EdgeRef(0, 4, 0), 1.0),
            "layer 1 has no weight from 1 into neuron 5",
        ),
        # NumPy would read -1 as the last neuron: a quiet edit of the wrong weight.
        (
            lambda e: e.set_weight(EdgeRef(1, -1, 0), 1.0),
            "layer 2 has no weight from 1 into neuron 0",
        ),
        (lambda e: e.set_bias(NeuronRef(-1, 0), 1.0), "an input has no bias"),
        (lambda e: e.set_bias(NeuronRef(3, 0), 1.0), "layer 4 has no neuron 1 with a bias"),
        (lambda e: e.set_bias(NeuronRef(0, 0), float("nan")), "a bias must be finite, got nan"),
        (lambda e: e.set_activation(5, "relu"), "the network has no layer 6"),
        (lambda e: e.add_neuron(2), "layer 3 is not a hidden layer"),
    ],
    ids=[
        "weight-out-of-range",
        "negative-index",
        "input-bias",
        "no-layer",
        "nan",
        "activation",
        "output-layer",
    ],
)
def test_an_edit_that_does_not_fit_is_refused_and_changes_nothing(editor, do, message):
    before = editor.model.network.to_dict()
    with pytest.raises(ValueError) as info:
        do(editor)
    assert i18n.error_text(info.value) == message
    assert editor.stack.count() == 0
    assert editor.model.network.to_dict() == before


def test_a_layers_only_neuron_stays(editor):
    editor.model.set_network(Network([2, 1, 1], ["tanh", "sigmoid"], seed=0))
    with pytest.raises(ValueError) as info:
        editor.remove_neuron(0)
    assert i18n.error_text(info.value) == (
        "hidden layer 1 has only one neuron; remove the layer instead"
    )
    assert editor.stack.count() == 0 and editor.model.network.sizes == [2, 1, 1]


@pytest.fixture
def chinese(qapp):
    translators = i18n.install_translators(qapp, "zh_CN")
    assert translators, "the Chinese translation did not load"
    yield
    for t in translators:
        qapp.removeTranslator(t)


def test_undo_texts_and_refusals_are_translated(editor, chinese):
    editor.add_neuron(1)
    assert editor.stack.undoText() == "在第 2 层添加一个神经元"
    editor.set_bias(NeuronRef(0, 0), -0.5)
    assert editor.stack.undoText() == "将偏置设为 −0.5"
    with pytest.raises(ValueError) as info:
        editor.set_bias(NeuronRef(-1, 1), 1.0)
    assert i18n.error_text(info.value) == "输入没有偏置"
    assert editor.stack.count() == 2


def test_the_selection_names_what_was_selected_with_the_same_refs(editor):
    model = editor.model
    for ref in (EdgeRef(1, 1, 3), NeuronRef(-1, 1), NeuronRef(2, 0)):
        model.select(ref)
        assert model.selection.ref == ref
    model.select(EdgeRef(0, 4, 0))  # not in the network: nothing is selected
    assert model.selection.ref is None
