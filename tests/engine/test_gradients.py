"""Backpropagation against central finite differences, for every activation and loss."""

import numpy as np
import pytest

from neurongui.engine import activations, losses
from neurongui.engine._kernels import backpropagate
from neurongui.engine.network import Network

H = 1e-6
ELEMENTWISE = [name for name in activations.names() if name != "softmax"]


def _relative_error(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12))


def _numeric_gradient(net: Network, X, Y, loss: str, rng_seed=None) -> np.ndarray:
    lf = losses.get(loss)
    params = net.parameters
    grad = np.zeros_like(params)
    scratch = np.zeros_like(params)

    def value() -> float:
        rng = None if rng_seed is None else np.random.default_rng(rng_seed)
        return backpropagate(net, X, Y, lf, scratch, rng)

    for i in range(params.size):
        keep = params[i]
        params[i] = keep + H
        up = value()
        params[i] = keep - H
        down = value()
        params[i] = keep
        grad[i] = (up - down) / (2 * H)
    return grad


def _flat(net: Network, grads: list[dict[str, np.ndarray]]) -> np.ndarray:
    """The public per-layer gradients laid out like ``net.parameters``."""
    flat = np.zeros(net.n_parameters)
    for view, grad in zip(net.gradient_views(flat), grads, strict=True):
        for key, value in grad.items():
            view[key][...] = value
    return flat


def _targets(loss: str, n: int, k: int, rng) -> np.ndarray:
    if loss == "cross_entropy":
        return np.eye(k)[rng.integers(0, k, n)]
    if loss == "bce":
        return rng.integers(0, 2, (n, k)).astype(float)
    return rng.normal(size=(n, k))


def _output_for(loss: str, hidden: str) -> list[str]:
    """Output activations that make sense with ``loss`` (the hidden one too for mse)."""
    if loss == "mse":
        return [hidden, "identity"] if hidden != "step" else ["identity"]
    return ["sigmoid", "softmax"]


def _case(hidden: str, loss: str, output: str, seed: int = 0):
    rng = np.random.default_rng(seed)
    net = Network([3, 4, 3, 2], activations=[hidden, hidden, output], init="xavier", seed=seed)
    # Biases away from 0 keep ReLU-like kinks away from the finite-difference probes.
    for layer in net.layers:
        layer.biases[...] = rng.uniform(-0.5, 0.5, layer.n_out)
    X = rng.normal(size=(5, 3))
    Y = _targets(loss, 5, 2, rng)
    return net, X, Y


@pytest.mark.parametrize("loss", losses.names())
@pytest.mark.parametrize("hidden", ELEMENTWISE)
def test_backprop_matches_finite_differences(hidden, loss):
    for output in _output_for(loss, hidden):
        net, X, Y = _case(hidden, loss, output)
        grads = net.gradients(X, Y, loss)
        analytic = _flat(net, grads)
        numeric = _numeric_gradient(net, X, Y, loss)
        if hidden == "step":
            # Only the output layer learns through step units; their own gradient is 0.
            assert np.allclose(grads[0]["weights"], 0.0)
        assert _relative_error(analytic, numeric) < 1e-6, (hidden, output, loss)


def test_softmax_as_output_with_square_loss():
    net, X, Y = _case("tanh", "mse", "softmax")
    analytic = _flat(net, net.gradients(X, Y, "mse"))
    assert _relative_error(analytic, _numeric_gradient(net, X, Y, "mse")) < 1e-6


def test_prelu_slopes_get_their_gradient():
    net, X, Y = _case("prelu", "mse", "prelu")
    grads = net.gradients(X, Y, "mse")
    assert "alpha" in grads[0] and grads[0]["alpha"].shape == (4,)
    assert np.any(grads[0]["alpha"] != 0)


def test_rrelu_in_training_mode_with_fixed_slopes():
    net, X, Y = _case("rrelu", "mse", "identity")
    grad = np.zeros_like(net.parameters)
    backpropagate(net, X, Y, losses.get("mse"), grad, np.random.default_rng(7))
    numeric = _numeric_gradient(net, X, Y, "mse", rng_seed=7)
    assert _relative_error(grad, numeric) < 1e-6


def test_loss_gradients_match_finite_differences():
    rng = np.random.default_rng(3)
    y_pred = rng.uniform(0.05, 0.95, (4, 3))
    for name in losses.names():
        lf = losses.get(name)
        y_true = _targets(name, 4, 3, rng)
        numeric = np.zeros_like(y_pred)
        for idx in np.ndindex(*y_pred.shape):
            up, down = y_pred.copy(), y_pred.copy()
            up[idx] += H
            down[idx] -= H
            numeric[idx] = (lf.value(up, y_true) - lf.value(down, y_true)) / (2 * H)
        assert _relative_error(lf.gradient(y_pred, y_true), numeric) < 1e-6, name


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_activation_derivatives_match_finite_differences(name):
    act = activations.get(name)
    z = np.array([-3.1, -1.7, -0.4, 0.3, 0.9, 2.2])
    numeric = (act.forward(z + H) - act.forward(z - H)) / (2 * H)
    assert np.allclose(act.derivative(z), numeric, atol=1e-7), name


# -- softmax + cross-entropy with targets that are not one-hot (issue 14, M1) ----------


def _softmax_case(Y: np.ndarray, seed: int = 1):
    rng = np.random.default_rng(seed)
    n, k = Y.shape
    net = Network([3, 4, k], activations=["tanh", "softmax"], init="xavier", seed=seed)
    for layer in net.layers:
        layer.biases[...] = rng.uniform(-0.5, 0.5, layer.n_out)
    return net, rng.normal(size=(n, 3))


@pytest.mark.parametrize(
    "Y",
    [
        np.array([[0.1, 0.2], [0.3, 0.0], [0.0, 0.3]]),  # every row sums to 0.3
        np.array([[1.5, 0.5], [2.0, 0.0], [0.7, 1.3]]),  # every row sums to 2
        np.array([[0.0, 0.0], [1.0, 1.0], [0.25, 0.5], [1.0, 0.0]]),  # mixed sums
        np.array([[0.0, 0.2, 0.9], [0.4, 0.4, 0.4]]),  # three outputs
    ],
    ids=["rows-0.3", "rows-2", "mixed", "three-outputs"],
)
def test_softmax_cross_entropy_matches_finite_differences_for_any_targets(Y):
    net, X = _softmax_case(Y)
    analytic = _flat(net, net.gradients(X, Y, "cross_entropy"))
    numeric = _numeric_gradient(net, X, Y, "cross_entropy")
    assert np.abs(numeric).max() > 1e-3  # a real gradient, not two zeros agreeing
    assert _relative_error(analytic, numeric) < 1e-6


def test_softmax_cross_entropy_output_delta_is_the_jacobian_formula():
    # ∂L/∂zₖ = (ŷₖ Σⱼ yⱼ − yₖ)/n, worked out here from the Jacobian ŷⱼ(δⱼₖ − ŷₖ) by a sum.
    z = np.array([[0.2, -1.0, 0.5], [1.5, 0.0, -0.3]])
    y = np.array([[0.5, 0.0, 1.5], [0.1, 0.1, 0.1]])
    a = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    expected = np.zeros_like(z)
    for i in range(2):
        for k in range(3):
            expected[i, k] = sum(
                -y[i, j] / a[i, j] / 2 * a[i, j] * ((j == k) - a[i, k]) for j in range(3)
            )
    delta = losses.get("cross_entropy").output_delta(z, a, y, activations.get("softmax"))
    assert np.allclose(delta, expected, rtol=1e-12, atol=1e-15)


def test_one_hot_targets_keep_the_shortcut_bit_for_bit():
    z = np.array([[0.2, -1.0, 0.5], [1.5, 0.0, -0.3]])
    a = activations.get("softmax").forward(z)
    y = np.eye(3)[[2, 0]]
    delta = losses.get("cross_entropy").output_delta(z, a, y, activations.get("softmax"))
    assert np.array_equal(delta, (a - y) / 2)


def test_softmax_on_one_output_neuron_has_zero_loss_and_gradient():
    # Softmax of a single z is eᶻ / eᶻ = 1 whatever z is: L = −y ln 1 = 0, ∂L/∂θ = 0.
    Y = np.array([[1.0], [0.0], [1.0], [0.0]])
    net, X = _softmax_case(Y)
    assert np.array_equal(net.forward(X), np.ones((4, 1)))
    loss = net.loss(X, Y, "cross_entropy")
    assert loss == 0.0 and not np.signbit(loss)  # 0, not −0
    analytic = _flat(net, net.gradients(X, Y, "cross_entropy"))
    assert np.array_equal(analytic, np.zeros_like(analytic))
    assert np.array_equal(_numeric_gradient(net, X, Y, "cross_entropy"), analytic)
