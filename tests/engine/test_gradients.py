"""Backpropagation against central finite differences, for every activation and loss."""

import numpy as np
import pytest

from neurongui.engine import activations, losses
from neurongui.engine.network import Network, backpropagate

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
