"""The gradient check against a finite difference and a backprop computed independently
(the textbook's forward pass and the loss formulas written out here)."""

import numpy as np
import pytest

from neurongui.engine import textbook
from neurongui.engine.gradcheck import (
    CheckedParameter,
    check_rows,
    gradient_check,
)
from neurongui.engine.network import Network

EPS = 1e-5


def _loss(net: Network, X, Y, loss: str, reg: str | None = None, rate: float = 0.0) -> float:
    """L written out: the textbook forward pass and the loss formulas, plus the penalty."""
    _, acts = textbook.forward(net, X.T)
    p, n = acts[-1].T, len(X)
    if loss == "mse":
        value = ((p - Y) ** 2).sum() / (2 * n)
    elif loss == "bce":
        q = np.clip(p, 1e-12, 1 - 1e-12)
        value = -(Y * np.log(q) + (1 - Y) * np.log(1 - q)).sum() / n
    else:
        value = -(Y * np.log(np.clip(p, 1e-12, 1.0))).sum() / n
    w = np.concatenate([layer.weights.ravel() for layer in net.layers])
    if reg == "l2":
        value += rate / 2 * (w**2).sum()
    elif reg == "l1":
        value += rate * np.abs(w).sum()
    return float(value)


def _array(net: Network, p: CheckedParameter) -> tuple[np.ndarray, tuple]:
    layer = net.layers[p.layer]
    if p.kind == "weight":
        return layer.weights, (p.neuron, p.source)
    if p.kind == "bias":
        return layer.biases, (p.neuron,)
    return layer.alpha, (p.neuron,)


def _independent(net: Network, X, Y, loss, p, reg=None, rate=0.0) -> tuple[float, float]:
    """(backprop by the textbook + the penalty's λw, central difference by _loss)."""
    grads = textbook.backprop(net, X.T, Y.T, loss)
    key = {"weight": "weights", "bias": "biases", "alpha": "alpha"}[p.kind]
    _, index = _array(net, p)
    a = float(grads[p.layer][key][index])
    copy = net.copy()
    values, where = [], _array(copy, p)
    theta = float(where[0][where[1]])
    if reg == "l2" and p.kind == "weight":
        a += rate * theta
    for shift in (EPS, -EPS):
        where[0][where[1]] = theta + shift
        values.append(_loss(copy, X, Y, loss, reg, rate))
    return a, (values[0] - values[1]) / (2 * EPS)


def _data(loss: str, n: int, n_in: int, k: int, seed: int = 3):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, n_in))
    if loss == "cross_entropy":
        Y = np.eye(k)[rng.integers(0, k, n)]
    elif loss == "bce":
        Y = rng.integers(0, 2, (n, k)).astype(float)
    else:
        Y = rng.normal(size=(n, k))
    return X, Y


CASES = [
    (["tanh", "sigmoid"], "bce", 1),
    (["sigmoid", "identity"], "mse", 2),
    (["relu", "softmax"], "cross_entropy", 3),
    (["leaky_relu", "sigmoid"], "bce", 2),
    (["softsign", "softmax"], "cross_entropy", 4),
    (["prelu", "identity"], "mse", 1),
]


@pytest.mark.parametrize(("acts", "loss", "k"), CASES)
@pytest.mark.parametrize("kind", ["weight", "bias"])
def test_matches_an_independent_difference(acts, loss, k, kind):
    net = Network([3, 5, k], acts, seed=7)
    X, Y = _data(loss, 40, 3, k)
    for p in (CheckedParameter(kind, 0, 2, 1), CheckedParameter(kind, 1, k - 1, 4)):
        result = gradient_check(net, X, Y, loss, p)
        a, b = _independent(net, X, Y, loss, p)
        assert result.backprop == pytest.approx(a, rel=1e-10, abs=1e-14)
        assert result.numeric == pytest.approx(b, rel=1e-6, abs=1e-10)
        assert result.verdict in ("agree", "zero"), result
        assert result.relative < 1e-6 and result.digits >= 6
        assert (result.n_samples, result.n_total, result.epsilon) == (40, 40, EPS)


def test_prelu_slope():
    net = Network([2, 4, 1], ["prelu", "sigmoid"], seed=2)
    X, Y = _data("bce", 30, 2, 1)
    p = CheckedParameter("alpha", 0, 1)
    result = gradient_check(net, X, Y, "bce", p)
    a, b = _independent(net, X, Y, "bce", p)
    assert result.backprop == pytest.approx(a, rel=1e-10)
    assert result.numeric == pytest.approx(b, rel=1e-6)
    assert abs(result.backprop) > 1e-4 and result.verdict == "agree"


def test_l2_penalty_is_in_both_sides():
    net = Network([3, 4, 2], ["tanh", "softmax"], seed=5)
    X, Y = _data("cross_entropy", 25, 3, 2)
    p = CheckedParameter("weight", 0, 1, 2)
    plain = gradient_check(net, X, Y, "cross_entropy", p)
    result = gradient_check(net, X, Y, "cross_entropy", p, regularization="l2", rate=0.1)
    a, b = _independent(net, X, Y, "cross_entropy", p, "l2", 0.1)
    w = net.get_weight(0, 1, 2)
    assert result.regularized and not plain.regularized
    assert result.backprop == pytest.approx(plain.backprop + 0.1 * w, rel=1e-12)
    assert result.backprop == pytest.approx(a, rel=1e-10)
    assert result.numeric == pytest.approx(b, rel=1e-6)
    assert result.verdict == "agree"
    # A bias is not penalised: the same number with or without the penalty.
    bias = CheckedParameter("bias", 0, 1)
    with_penalty = gradient_check(net, X, Y, "cross_entropy", bias, regularization="l2", rate=0.1)
    assert with_penalty.backprop == gradient_check(net, X, Y, "cross_entropy", bias).backprop


def test_a_wrong_gradient_fails():
    """A backward pass that forgets f′(z) of the hidden layer is caught."""
    net = Network([3, 5, 1], ["tanh", "sigmoid"], seed=7)
    X, Y = _data("bce", 40, 3, 1)

    def forgets_the_derivative(network, X, Y, loss):
        _, acts = textbook.forward(network, X.T)
        out = network.layers[-1]
        delta = (acts[-1] - Y.T) / len(X)
        hidden = out.weights.T @ delta  # … ⊙ f′(z) is missing
        return [
            {"weights": hidden @ acts[0].T, "biases": hidden.sum(axis=1)},
            {"weights": delta @ acts[1].T, "biases": delta.sum(axis=1)},
        ]

    p = CheckedParameter("weight", 0, 2, 1)
    wrong = gradient_check(net, X, Y, "bce", p, gradient=forgets_the_derivative)
    right = gradient_check(net, X, Y, "bce", p)
    assert wrong.numeric == right.numeric
    assert wrong.relative > 0.05 and wrong.verdict == "disagree"
    assert wrong.digits <= 1
    # The output layer's gradient is still right in the wrong function.
    out = gradient_check(
        net, X, Y, "bce", CheckedParameter("weight", 1, 0, 2), gradient=forgets_the_derivative
    )
    assert out.verdict == "agree"


def test_a_relu_kink_is_reported():
    """A bias that puts one sample's z within ε of 0 straddles ReLU's kink."""
    net = Network([1, 1, 1], ["relu", "identity"], seed=1)
    net.set_weight(0, 0, 0, 1.0)
    net.set_bias(0, 0, 0.0)
    X = np.array([[0.0], [1.0]])
    Y = np.array([[1.0], [0.0]])
    result = gradient_check(net, X, Y, "mse", CheckedParameter("bias", 0, 0))
    assert result.kink
    smooth = gradient_check(net, X + 0.5, Y, "mse", CheckedParameter("bias", 0, 0))
    assert not smooth.kink and smooth.verdict == "agree"


def test_zero_gradient_is_called_zero():
    """A dead ReLU's weight: both sides are 0, no relative difference to speak of."""
    net = Network([2, 2, 1], ["relu", "sigmoid"], seed=1)
    net.set_bias(0, 0, -100.0)
    X, Y = _data("bce", 20, 2, 1)
    result = gradient_check(net, X, Y, "bce", CheckedParameter("weight", 0, 0, 1))
    assert result.backprop == 0.0 and result.numeric == 0.0
    assert result.verdict == "zero" and result.relative == 0.0


def test_rows_and_the_network_stays():
    assert check_rows(100) == slice(0, None, 1)
    assert len(range(60000)[check_rows(60000)]) <= 256
    assert len(range(257)[check_rows(257)]) == 129
    net = Network([2, 3, 1], "tanh", seed=4)
    before = net.parameters.copy()
    X, Y = _data("mse", 10, 2, 1)
    gradient_check(net, X, Y, "mse", CheckedParameter("weight", 0, 1, 1))
    assert np.array_equal(net.parameters, before)
