"""Edits and structure changes apply and invert exactly."""

import numpy as np
import pytest

from neurongui.engine import Network, edits, structure


def _net():
    return Network([2, 3, 2, 1], activations=["tanh", "prelu", "sigmoid"], seed=0)


@pytest.mark.parametrize(
    "edit",
    [
        edits.SetWeight(0, 1, 0, 0.75),
        edits.SetBias(1, 0, -2.0),
        edits.SetAlpha(1, 1, 0.5),
        edits.SetParameters(np.linspace(-1.0, 1.0, _net().n_parameters)),
    ],
)
def test_value_edits_invert_exactly(edit):
    net = _net()
    before = net.parameters.copy()
    inverse = edit.apply(net)
    assert not np.array_equal(before, net.parameters)
    inverse.apply(net)
    assert np.array_equal(before, net.parameters)


def test_weight_edit_changes_the_output():
    net = _net()
    x = np.array([0.3, -0.7])
    before = net.forward(x)
    edits.SetWeight(2, 0, 0, 5.0).apply(net)
    assert net.forward(x)[0] != before[0]


@pytest.mark.parametrize(
    "make",
    [
        lambda n: structure.add_neuron(n, 0, seed=1),
        lambda n: structure.remove_neuron(n, 0, 1),
        lambda n: structure.insert_layer(n, 1, 4, "relu", seed=1),
        lambda n: structure.remove_layer(n, 1, seed=1),
        lambda n: structure.set_activation(n, 0, "relu"),
        lambda n: structure.set_inputs(n, ["x₁", "x₂", "x₁²"], seed=1),
    ],
)
def test_structure_edits_invert_exactly(make):
    net = _net()
    original = net.to_dict()
    version = net.structure_version
    inverse = edits.ReplaceState(make(net), "edit").apply(net)
    assert net.to_dict() != original and net.structure_version > version
    inverse.apply(net)
    assert net.to_dict() == original


def test_adding_a_neuron_keeps_the_output():
    net = _net()
    X = np.random.default_rng(0).normal(size=(5, 2))
    before = net.forward(X)
    net.load_state(structure.add_neuron(net, 0, seed=3))
    assert net.sizes == [2, 4, 2, 1]
    assert np.allclose(net.forward(X), before)


def test_removing_a_neuron_drops_its_weights():
    net = _net()
    kept = net.layers[0].weights[[0, 2]].copy()
    net.load_state(structure.remove_neuron(net, 0, 1))
    assert np.array_equal(net.layers[0].weights, kept)


def test_kept_input_features_keep_their_weights():
    net = _net()
    column = net.layers[0].weights[:, 1].copy()
    net.load_state(structure.set_inputs(net, ["x₂", "sin x₁"], seed=0))
    assert net.input_names == ["x₂", "sin x₁"]
    assert np.array_equal(net.layers[0].weights[:, 0], column)


def test_output_layer_is_not_a_hidden_layer():
    with pytest.raises(ValueError, match="hidden"):
        structure.add_neuron(_net(), 2)
    with pytest.raises(ValueError, match="only one neuron"):
        structure.remove_neuron(_net(), 1, 0) if False else structure.remove_neuron(
            Network([2, 1, 1]), 0, 0
        )


def test_removing_a_neuron_that_is_not_there_is_refused_not_an_index_error():
    net = Network([2, 3, 1])
    for neuron in (3, -1):
        with pytest.raises(ValueError, match="no neuron"):
            structure.remove_neuron(net, 0, neuron)
    assert net.sizes == [2, 3, 1]


def test_set_parameters_keeps_its_own_copy_and_refuses_bad_vectors():
    values = np.zeros(_net().n_parameters)
    edit = edits.SetParameters(values)
    values[0] = 9.0  # the caller's array changing later must not change the edit
    net = _net()
    edit.apply(net)
    assert net.parameters[0] == 0.0
    with pytest.raises(ValueError, match="finite"):
        edits.SetParameters(np.array([1.0, np.nan]))
    with pytest.raises(ValueError, match="parameters"):
        edits.SetParameters(np.zeros(3)).apply(_net())
