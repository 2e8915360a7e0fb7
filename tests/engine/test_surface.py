"""The loss surface of two weights: each cell is the loss with those two weights set."""

import numpy as np
import pytest

from neurongui.engine import Network
from neurongui.engine.refs import EdgeRef
from neurongui.engine.surface import MAX_SAMPLES, grid_around, surface_rows


def _data(n=40, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    Y = (X[:, :1] * X[:, 1:] > 0).astype(float)
    return X, Y


def _last(rows):
    return list(rows)[-1][1]


def test_each_cell_is_the_loss_with_the_two_weights_set():
    net = Network([2, 3, 1], ["tanh", "sigmoid"], seed=1)
    X, Y = _data()
    a, b = EdgeRef(0, 1, 0), EdgeRef(1, 0, 2)
    us, vs = grid_around(0.5, 1.0, 5), grid_around(-0.2, 2.0, 4)
    before = net.parameters.copy()
    surface = _last(surface_rows(net, X, Y, "bce", a, b, us, vs))
    assert surface.done and surface.values.shape == (4, 5)
    assert np.array_equal(net.parameters, before)  # the network is left alone
    for i, j in [(0, 0), (3, 4), (2, 1)]:
        probe = net.copy()
        probe.set_weight(0, 1, 0, us[j])
        probe.set_weight(1, 0, 2, vs[i])
        assert surface.values[i, j] == pytest.approx(probe.loss(X, Y, "bce"), rel=1e-12)


def test_the_current_weights_give_the_current_loss():
    net = Network([2, 2, 1], ["sigmoid", "identity"], seed=2)
    X, Y = _data()
    a, b = EdgeRef(0, 0, 0), EdgeRef(0, 1, 1)
    us = grid_around(net.get_weight(0, 0, 0), 1.0, 3)
    vs = grid_around(net.get_weight(0, 1, 1), 1.0, 3)
    surface = _last(surface_rows(net, X, Y, "mse", a, b, us, vs))
    assert surface.values[1, 1] == pytest.approx(net.loss(X, Y, "mse"), rel=1e-12)


def test_rows_arrive_one_by_one_so_a_caller_can_stop():
    net = Network([2, 2, 1], ["tanh", "sigmoid"], seed=0)
    X, Y = _data()
    rows = surface_rows(
        net, X, Y, "bce", EdgeRef(0, 0, 0), EdgeRef(0, 0, 1), np.zeros(3), np.zeros(6)
    )
    i, surface = next(rows)
    assert i == 0 and surface.rows_done == 1 and not surface.done
    assert np.isnan(surface.values[1:]).all()


def test_a_large_training_set_uses_a_fixed_subset():
    net = Network([2, 2, 1], ["tanh", "sigmoid"], seed=0)
    X, Y = _data(n=MAX_SAMPLES * 3)
    surface = _last(
        surface_rows(net, X, Y, "bce", EdgeRef(0, 0, 0), EdgeRef(1, 0, 1), np.zeros(1), np.zeros(1))
    )
    assert surface.samples == MAX_SAMPLES


def test_two_different_existing_weights_are_required():
    net = Network([2, 2, 1], ["tanh", "sigmoid"], seed=0)
    X, Y = _data()
    with pytest.raises(ValueError):
        next(
            surface_rows(
                net, X, Y, "bce", EdgeRef(0, 0, 0), EdgeRef(0, 0, 0), np.zeros(2), np.zeros(2)
            )
        )
    with pytest.raises(ValueError):
        next(
            surface_rows(
                net, X, Y, "bce", EdgeRef(0, 0, 0), EdgeRef(5, 0, 0), np.zeros(2), np.zeros(2)
            )
        )
