"""Dropout: exact gradients of the masked loss, the expectation kept, evaluation without it."""

import numpy as np
import pytest

from neurongui.engine import Network, Trainer, datasets, losses
from neurongui.engine._kernels import Workspace, train_pass
from neurongui.engine.dropout import Dropout, dropout_pass, layer_rates
from neurongui.engine.errors import EngineError


def _net(activations=("tanh", "relu", "sigmoid"), seed=3):
    return Network([3, 5, 4, 2], list(activations), seed=seed)


def _batch(n=6, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 3))
    Y = (rng.random((n, 2)) > 0.5).astype(float)
    return X, Y


def _masked_loss(net, X, Y, masks, loss="bce"):
    """The loss of the network with each hidden output multiplied by its mask, written
    out plainly (masks in the passes' layout: one row per neuron, a column per sample)."""
    a = X
    for layer, mask in zip(net.layers, masks, strict=True):
        a = layer.activation.forward(a @ layer.weights.T + layer.biases)
        if mask is not None:
            a = a * mask.T
    return losses.get(loss).value(a, Y)


def _pass(net, X, Y, masks, loss="bce"):
    """∂L/∂θ and L from dropout_pass with the given masks."""
    ws = Workspace(net, len(X))
    ws.inputs[:, :-1] = X
    grad = np.zeros(net.n_parameters)
    dropped = [np.ones(a_t.shape) for a_t in ws.a_t]
    value = dropout_pass(
        net.layers,
        ws.inputs,
        Y,
        losses.get(loss),
        net._blocks(grad),
        None,
        ws,
        True,
        masks,
        dropped,
    )
    return grad, value


def _random_masks(net, n, rates, seed=1):
    rng = np.random.default_rng(seed)
    masks = []
    for layer, p in zip(net.layers, layer_rates(rates, len(net.layers)), strict=True):
        if p == 0:
            masks.append(None)
        else:
            keep = rng.random((layer.n_out, n)) >= p
            masks.append(keep / (1 - p))
    return masks


@pytest.mark.parametrize(
    "activations", [("tanh", "relu", "sigmoid"), ("sigmoid", "prelu", "sigmoid")]
)
def test_gradient_with_a_fixed_mask_equals_finite_differences_of_the_masked_loss(activations):
    net = _net(activations)
    X, Y = _batch()
    masks = _random_masks(net, len(X), (0.5, 0.25))
    assert any((m == 0).any() for m in masks if m is not None)  # some neurons dropped
    grad, value = _pass(net, X, Y, masks)
    assert value == pytest.approx(_masked_loss(net, X, Y, masks), abs=1e-14)
    theta = net.parameters
    numeric = np.empty_like(grad)
    h = 1e-6
    for k in range(theta.size):
        old = theta[k]
        theta[k] = old + h
        up = _masked_loss(net, X, Y, masks)
        theta[k] = old - h
        down = _masked_loss(net, X, Y, masks)
        theta[k] = old
        numeric[k] = (up - down) / (2 * h)
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-8)


def test_without_masks_the_pass_is_train_pass_to_the_last_bit():
    net = _net()
    X, Y = _batch()
    grad, value = _pass(net, X, Y, [None, None, None])
    ws = Workspace(net, len(X))
    ws.inputs[:, :-1] = X
    plain = np.zeros(net.n_parameters)
    loss = losses.get("bce")
    expected = train_pass(net.layers, ws.inputs, Y, loss, net._blocks(plain), None, ws, True)
    assert np.array_equal(grad, plain) and value == expected


def test_masks_keep_one_minus_p_and_preserve_the_expected_activation():
    net = Network([2, 400, 1], ["tanh", "sigmoid"], seed=0)
    dropout = Dropout(0.3, np.random.default_rng(5))
    ws = Workspace(net, 50)
    total = np.zeros((400, 50))
    draws = 400
    for _ in range(draws):
        (mask, last), _ = dropout.draw(net.layers, ws)
        assert last is None  # never the output layer
        assert set(np.unique(mask)) == {0.0, 1 / 0.7}
        total += mask
    # 8,000,000 draws of a mean-1 variable with standard deviation √(0.3/0.7) ≈ 0.65:
    # the mean is 1 within 4 standard errors (0.001).
    assert abs(total.mean() / draws - 1) < 0.001
    kept = (total > 0).mean()
    assert kept == 1.0  # every neuron was kept at some point in 400 draws


def test_dropout_off_trains_exactly_as_before():
    X, Y = datasets.load("xor", n=200, noise=0.0, seed=1)
    runs = []
    for dropout in (None, 0.0, (0.0, 0.0)):
        net = Network([2, 4, 3, 1], ["tanh", "tanh", "sigmoid"], seed=0)
        options = {} if dropout is None else {"dropout": dropout}
        t = Trainer(net, X, Y, loss="bce", learning_rate=0.1, seed=0, **options)
        for _ in range(3):
            t.epoch()
        runs.append((net.parameters.copy(), t.history))
    for params, history in runs[1:]:
        assert np.array_equal(params, runs[0][0]) and history == runs[0][1]


def test_dropout_changes_training_reproducibly_and_keeps_the_batch_order():
    X, Y = datasets.load("xor", n=200, noise=0.0, seed=1)

    def run(dropout, seed=0):
        net = Network([2, 8, 1], ["tanh", "sigmoid"], seed=0)
        t = Trainer(net, X, Y, loss="bce", learning_rate=0.1, seed=seed, dropout=dropout)
        t.epoch()
        return net.parameters.copy(), t

    a, ta = run(0.5)
    b, _ = run(0.5)
    c, tc = run(0.0)
    d, _ = run(0.5, seed=1)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c) and not np.array_equal(a, d)
    assert np.array_equal(ta._batches.order, tc._batches.order)


def test_evaluation_ignores_dropout():
    X, Y = datasets.load("xor", n=200, noise=0.0, seed=1)
    net = Network([2, 8, 1], ["tanh", "sigmoid"], seed=0)
    t = Trainer(net, X, Y, loss="bce", learning_rate=0.1, seed=0, dropout=0.5, test_fraction=0.5)
    t.epoch()
    record = t.evaluate()
    assert record.train_loss == net.loss(t.X, t.Y, "bce")
    assert record.test_loss == net.loss(t.X_test, t.Y_test, "bce")
    assert t.evaluate() == record  # no random masks: the same numbers every time
    np.testing.assert_array_equal(net.forward(t.X), net.forward(t.X))


def test_dropout_changes_between_steps_without_restarting_the_optimizer():
    X, Y = datasets.load("xor", n=200, noise=0.0, seed=1)
    net = Network([2, 8, 1], ["tanh", "sigmoid"], seed=0)
    t = Trainer(net, X, Y, loss="bce", optimizer="adam", learning_rate=0.01, seed=0)
    t.step()
    t.dropout = 0.2
    t.step()
    assert t.optimizer._t == 2  # Adam's step count went on
    with pytest.raises(EngineError):
        t.dropout = 1.0
    assert t.dropout == 0.2


def test_float32_steps_with_dropout_follow_float64():
    X, Y = datasets.load("xor", n=200, noise=0.0, seed=1)
    params = []
    for precision in ("float64", "float32"):
        net = Network([2, 8, 1], ["tanh", "sigmoid"], seed=0)
        t = Trainer(net, X, Y, loss="bce", seed=0, dropout=0.25, precision=precision)
        t.epoch()
        params.append(net.parameters.copy())
    # Uniform draws in float32 and float64 differ, so the masks may too; the runs are
    # both proper training, close to each other.
    assert np.abs(params[0] - params[1]).max() < 0.05


@pytest.mark.parametrize("rates", [-0.1, 0.95, float("nan"), True, ("0.5",)])
def test_invalid_rates_are_refused(rates):
    with pytest.raises(EngineError):
        layer_rates(rates, 3)


def test_rates_follow_the_hidden_layers():
    assert layer_rates(0.2, 3) == (0.2, 0.2, 0.0)
    assert layer_rates((0.1,), 3) == (0.1, 0.0, 0.0)  # a layer added: no dropout there
    assert layer_rates((0.1, 0.2, 0.3), 2) == (0.1, 0.0)  # a layer removed
