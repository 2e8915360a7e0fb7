"""The Network: shapes, indexing, forward pass by hand, edits, descriptions."""

import math

import numpy as np
import pytest

from neurongui.engine import Network, activations


def test_public_api_shapes_and_indexing():
    net = Network([2, 3, 1], activations=["tanh", "sigmoid"], init="xavier", seed=0)
    assert net.layers[0].weights.shape == (3, 2)
    assert net.layers[0].biases.shape == (3,)
    net.set_weight(layer=0, neuron=1, source=0, value=0.5)
    assert net.layers[0].weights[1, 0] == 0.5
    net.set_bias(layer=0, neuron=1, value=-1.0)
    assert net.layers[0].biases[1] == -1.0
    assert net.forward(np.zeros((5, 2))).shape == (5, 1)
    assert net.forward(np.zeros(2)).shape == (1,)
    trace = net.forward_trace(np.zeros((4, 2)))
    assert [z.shape for z, _ in trace] == [(4, 3), (4, 1)]


def test_forward_matches_a_hand_computation():
    net = Network([2, 2, 1], activations=["relu", "sigmoid"], init="zeros")
    net.layers[0].weights = [[1.0, -1.0], [0.5, 2.0]]
    net.layers[0].biases = [0.5, -1.0]
    net.layers[1].weights = [[2.0, -3.0]]
    net.layers[1].biases = [0.25]
    x = np.array([1.0, 0.5])
    h = [max(0.0, 1 - 0.5 + 0.5), max(0.0, 0.5 + 1.0 - 1.0)]  # [1.0, 0.5]
    z = 2 * h[0] - 3 * h[1] + 0.25
    assert net.forward(x)[0] == pytest.approx(1 / (1 + math.exp(-z)), rel=1e-15)
    (_z1, a1), (z2, _a2) = net.forward_trace(x)
    assert a1.tolist() == h and z2[0] == pytest.approx(z)


def test_initialisations():
    rng_bound = math.sqrt(6 / (10 + 20))
    w = Network([10, 20, 1], init="xavier", seed=1).layers[0].weights
    assert np.abs(w).max() <= rng_bound and w.std() > rng_bound / 3
    uni = Network([2, 4, 1], init="uniform", seed=1).layers[0]
    assert np.all(uni.biases == 0.1) and np.abs(uni.weights).max() <= 0.5
    he = Network([500, 400, 1], init="he", seed=1).layers[0].weights
    assert he.std() == pytest.approx(math.sqrt(2 / 500), rel=0.05)
    assert not Network([2, 3, 1], init="zeros").parameters.any()
    with pytest.raises(ValueError, match="initialisation"):
        Network([2, 3, 1], init="magic")


def test_same_seed_same_network_and_different_seed_differs():
    a = Network([2, 4, 1], seed=5).parameters
    assert np.array_equal(a, Network([2, 4, 1], seed=5).parameters)
    assert not np.array_equal(a, Network([2, 4, 1], seed=6).parameters)


def test_prelu_layers_own_their_slopes():
    net = Network([2, 3, 1], activations=["prelu", "sigmoid"], seed=0)
    assert net.layers[0].alpha.tolist() == [0.25] * 3
    net.set_alpha(0, 1, 0.5)
    z = net.forward_trace(np.array([-1.0, -1.0]))[0][0]
    a = net.forward_trace(np.array([-1.0, -1.0]))[0][1]
    expected = np.where(z > 0, z, net.layers[0].alpha * z)
    assert np.allclose(a, expected)
    with pytest.raises(ValueError, match="not a PReLU"):
        net.set_alpha(1, 0, 0.1)


def test_softmax_only_in_the_output_layer():
    Network([4, 5, 3], activations=["relu", "softmax"])
    with pytest.raises(ValueError, match="output layer"):
        Network([4, 5, 3], activations=["softmax", "softmax"])


def test_bad_values_are_refused_clearly():
    net = Network([2, 3, 1], seed=0)
    with pytest.raises(ValueError, match="number"):
        net.set_weight(0, 0, 0, "abc")
    with pytest.raises(ValueError, match="finite"):
        net.set_bias(0, 0, float("inf"))
    with pytest.raises(ValueError, match="2 inputs"):
        net.forward(np.zeros((3, 5)))
    with pytest.raises(ValueError, match="activations"):
        Network([2, 3, 1], activations=["tanh"])


def test_absurd_sizes_are_refused_before_allocating():
    with pytest.raises(ValueError):
        Network([2, 10**9, 1])
    with pytest.raises(ValueError):
        Network([2, 0, 1])


def test_to_dict_from_dict_round_trip_is_exact():
    net = Network(
        [3, 4, 2, 2],
        activations=[{"name": "leaky_relu", "slope": 0.2}, "prelu", "softmax"],
        seed=3,
        input_names=["a", "b", "c"],
    )
    net.set_alpha(1, 0, 0.125)
    copy = Network.from_dict(net.to_dict())
    assert np.array_equal(copy.parameters, net.parameters)
    assert copy.input_names == ["a", "b", "c"]
    assert [layer.activation for layer in copy.layers] == [layer.activation for layer in net.layers]
    assert copy.to_dict() == net.to_dict()


def test_copy_is_independent():
    net = Network([2, 3, 1], seed=0)
    twin = net.copy()
    twin.set_weight(0, 0, 0, 9.0)
    assert net.get_weight(0, 0, 0) != 9.0


def test_set_activation_keeps_weights():
    net = Network([2, 3, 1], seed=0)
    before = net.layers[0].weights.copy()
    net.set_activation(0, "relu")
    assert net.layers[0].activation == activations.get("relu")
    assert np.array_equal(net.layers[0].weights, before)


def test_backprop_records_every_intermediate_value():
    net = Network([2, 3, 1], activations=["tanh", "sigmoid"], seed=0)
    X = np.array([[0.5, -1.0], [1.0, 2.0]])
    Y = np.array([[1.0], [0.0]])
    result = net.backprop(X, Y, "bce")
    assert result.loss == pytest.approx(net.loss(X, Y, "bce"))
    assert [d.shape for d in result.deltas] == [(2, 3), (2, 1)]
    # δ of the output layer for sigmoid + cross-entropy is (ŷ − y)/n.
    assert np.allclose(result.deltas[1], (result.activations[1] - Y) / 2)
    # ∂L/∂W = δᵀ a_prev.
    assert np.allclose(result.gradients[1]["weights"], result.deltas[1].T @ result.activations[0])


def test_the_ones_column_adds_the_biases_and_sums_their_gradient():
    # The training pass multiplies [a 1] by [W | b]: z must still be aWᵀ + b in every row,
    # and ∂L/∂b the sum of δ over the samples.
    net = Network([3, 5, 4, 2], activations=["tanh", "relu", "softmax"], seed=4)
    for layer in net.layers:
        layer.biases[...] = np.linspace(-1.0, 1.0, layer.n_out)
    rng = np.random.default_rng(1)
    X, Y = rng.normal(size=(6, 3)), np.eye(2)[rng.integers(0, 2, 6)]
    result = net.backprop(X, Y, "cross_entropy")
    inputs = [X, *result.activations[:-1]]
    for layer, a_prev, z, delta, grad in zip(
        net.layers, inputs, result.zs, result.deltas, result.gradients, strict=True
    ):
        assert np.allclose(z, a_prev @ layer.weights.T + layer.biases, rtol=0, atol=1e-14)
        assert np.allclose(grad["biases"], delta.sum(axis=0), rtol=0, atol=1e-15)
        assert np.allclose(grad["weights"], delta.T @ a_prev, rtol=0, atol=1e-15)


def test_layer_arrays_are_views_of_the_parameter_vector():
    net = Network([2, 3, 1], seed=0)
    net.parameters[...] = np.arange(net.n_parameters)
    # Each layer stores [W | b] row by row: weights and biases interleave per neuron.
    assert net.layers[0].weights.tolist() == [[0, 1], [3, 4], [6, 7]]
    assert net.layers[0].biases.tolist() == [2, 5, 8]
    assert net.layers[1].weights.tolist() == [[9, 10, 11]] and net.layers[1].biases.tolist() == [12]
    net.set_weight(1, 0, 2, -1.0)
    assert net.parameters[11] == -1.0
