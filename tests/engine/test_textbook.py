"""The textbook version of forward, backprop and the optimisers agrees with the fast
path to 1e-12: what a student reads is what the app computes."""

import numpy as np
import pytest

from neurongui.engine import Network, optimizers, textbook

CASES = [
    # sizes, activations, loss, targets
    ([2, 3, 1], ["tanh", "sigmoid"], "bce", "binary"),
    ([2, 4, 2, 1], ["relu", "tanh", "identity"], "mse", "real"),
    ([4, 5, 3], ["leaky_relu", "softmax"], "cross_entropy", "onehot"),
    ([3, 4, 3], ["prelu", "softmax"], "cross_entropy", "soft"),  # rows not summing to 1
    ([2, 3, 2], ["sigmoid", "tanh"], "mse", "real"),  # an unnatural output pairing
    ([2, 3, 1], ["softsign", "sigmoid"], "mse", "binary"),
    ([3, 2, 2], ["hardtanh", "softmax"], "mse", "onehot"),  # softmax with square loss
]


def _data(rng, n_in, n_out, kind, n=7):
    x = rng.normal(size=(n, n_in))
    if kind == "binary":
        y = (rng.random((n, n_out)) > 0.5).astype(float)
    elif kind == "onehot":
        y = np.eye(n_out)[rng.integers(n_out, size=n)]
    elif kind == "soft":
        y = rng.random((n, n_out))
    else:
        y = rng.normal(size=(n, n_out))
    return x, y


@pytest.mark.parametrize(("sizes", "acts", "loss", "kind"), CASES)
def test_forward_and_backprop_agree_with_the_fast_path(sizes, acts, loss, kind):
    rng = np.random.default_rng(len(sizes) * 10 + len(acts[0]))
    net = Network(sizes, acts, seed=3)
    x, y = _data(rng, sizes[0], sizes[-1], kind)
    zs, activations = textbook.forward(net, x.T)
    for (z_fast, a_fast), z, a in zip(net.forward_trace(x), zs, activations[1:], strict=True):
        np.testing.assert_allclose(z.T, z_fast, rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(a.T, a_fast, rtol=1e-12, atol=1e-14)
    for fast, slow in zip(
        net.gradients(x, y, loss), textbook.backprop(net, x.T, y.T, loss), strict=True
    ):
        assert fast.keys() == slow.keys()
        for key in fast:
            np.testing.assert_allclose(slow[key], fast[key], rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize(
    ("name", "slow"),
    [
        ("sgd", lambda: textbook.SGD(0.1)),
        ("momentum", lambda: textbook.Momentum(0.1, 0.9)),
        ("adam", lambda: textbook.Adam(0.01)),
    ],
)
def test_each_optimiser_matches_its_textbook_formula_over_many_steps(name, slow):
    rng = np.random.default_rng(0)
    fast = optimizers.get(name, 0.1 if name != "adam" else 0.01)
    reference = slow()
    theta_fast = rng.normal(size=20)
    theta_slow = theta_fast.copy()
    for _ in range(50):
        g = rng.normal(size=20)
        fast.update(theta_fast, g)
        theta_slow = reference.step(theta_slow, g)
    np.testing.assert_allclose(theta_fast, theta_slow, rtol=1e-12, atol=1e-14)


def test_textbook_adam_writes_the_bias_corrections_out():
    adam = textbook.Adam(0.5, beta1=0.9, beta2=0.999, eps=0.0)
    theta = adam.step(np.array([1.0]), np.array([2.0]))
    # After one step m̂ = g and ŝ = g², so the step is η·g/|g| = η whatever g is.
    assert theta[0] == pytest.approx(0.5)
