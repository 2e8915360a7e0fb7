"""Optimisers against their formulas, written out as plainly as possible."""

import numpy as np
import pytest

from neurongui.engine import optimizers


def _plain_steps(name: str, theta: np.ndarray, grads: list[np.ndarray], lr: float) -> np.ndarray:
    """The update rules with a temporary array per operation, as they read on paper."""
    theta = theta.copy()
    v = m = s = np.zeros_like(theta)
    for t, g in enumerate(grads, start=1):
        if name == "sgd":
            theta = theta - lr * g
        elif name == "momentum":
            v = 0.9 * v - lr * g
            theta = theta + v
        else:
            m = 0.9 * m + (1 - 0.9) * g
            s = 0.999 * s + (1 - 0.999) * (g * g)
            # Both bias corrections folded into the step size, as the optimiser does.
            step = lr * np.sqrt(1 - 0.999**t) / (1 - 0.9**t)
            eps = 1e-8 * np.sqrt(1 - 0.999**t)
            theta = theta - step * m / (np.sqrt(s) + eps)
    return theta


@pytest.mark.parametrize("name", optimizers.names())
def test_in_place_updates_equal_the_plain_formulas_bit_for_bit(name):
    rng = np.random.default_rng(5)
    theta = rng.normal(size=40)
    grads = [rng.normal(size=40) * 10.0**k for k in (-3, 0, 2, -1)]
    opt = optimizers.get(name, 0.01)
    params = theta.copy()
    for g in grads:
        opt.update(params, g)
    assert params.tobytes() == _plain_steps(name, theta, grads, 0.01).tobytes()


@pytest.mark.parametrize("name", optimizers.names())
def test_a_new_parameter_size_starts_afresh(name):
    opt = optimizers.get(name, 0.1)
    opt.update(np.ones(3), np.ones(3))
    params, grad = np.zeros(5), np.full(5, 2.0)
    opt.update(params, grad)
    assert params.tobytes() == _plain_steps(name, np.zeros(5), [grad], 0.1).tobytes()
