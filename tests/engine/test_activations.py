"""Activation functions against their textbook definitions."""

import math
import warnings

import numpy as np
import pytest

from neurongui.engine import activations

Z = np.array([-1000.0, -5.0, -1.0, -0.5, 0.0, 0.5, 1.0, 5.0, 1000.0])


def test_every_activation_named_in_the_course_exists():
    expected = {
        "identity",
        "step",
        "sigmoid",
        "tanh",
        "hardtanh",
        "softsign",
        "relu",
        "leaky_relu",
        "prelu",
        "rrelu",
        "softmax",
    }
    assert expected == set(activations.names())


@pytest.mark.parametrize("name", activations.names())
def test_no_overflow_and_finite_at_large_z(name):
    act = activations.get(name)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = act.forward(Z)
        slopes = act.derivative(Z)
    assert np.isfinite(values).all() and np.isfinite(slopes).all()


def test_definitions_by_hand():
    assert activations.get("step").forward(np.array([-0.1, 0.0, 2.0])).tolist() == [0, 1, 1]
    assert activations.get("sigmoid").forward(np.array([0.0]))[0] == 0.5
    assert math.isclose(
        activations.get("sigmoid").forward(np.array([2.0]))[0], 1 / (1 + math.exp(-2))
    )
    assert math.isclose(
        activations.get("sigmoid").forward(np.array([-40.0]))[0],
        math.exp(-40) / (1 + math.exp(-40)),
        rel_tol=1e-12,
    )
    assert activations.get("hardtanh").forward(np.array([-3.0, 0.2, 3.0])).tolist() == [-1, 0.2, 1]
    assert activations.get("softsign").forward(np.array([3.0]))[0] == 0.75
    assert activations.get("relu").forward(np.array([-2.0, 3.0])).tolist() == [0, 3]
    assert activations.get("leaky_relu", slope=0.1).forward(np.array([-2.0]))[0] == pytest.approx(
        -0.2
    )
    assert activations.get("leaky_relu").forward(np.array([-1.0]))[0] == pytest.approx(-0.01)
    assert activations.get("prelu").forward(np.array([-2.0]))[0] == pytest.approx(-0.5)
    rrelu = activations.get("rrelu")
    assert rrelu.forward(np.array([-1.0]))[0] == pytest.approx(-(1 / 8 + 1 / 3) / 2)
    assert activations.get("tanh").derivative(np.array([0.0]))[0] == 1.0
    assert activations.get("sigmoid").derivative(np.array([0.0]))[0] == 0.25


def test_kink_conventions():
    assert activations.get("relu").derivative(np.array([0.0]))[0] == 0.0
    assert activations.get("leaky_relu", slope=0.2).derivative(np.array([0.0]))[0] == 0.2
    assert activations.get("hardtanh").derivative(np.array([-1.0, 1.0])).tolist() == [0, 0]
    assert activations.get("step").derivative(np.array([0.0]))[0] == 0.0


def test_rrelu_draws_slopes_in_range_while_training():
    rrelu = activations.get("rrelu")
    z = -np.ones(10_000)
    a, slopes = rrelu.forward_train(z, np.random.default_rng(0))
    assert slopes.min() >= 1 / 8 and slopes.max() <= 1 / 3
    assert np.allclose(a, -slopes)
    assert abs(slopes.mean() - (1 / 8 + 1 / 3) / 2) < 0.01


def test_softmax_rows_sum_to_one_and_match_definition():
    z = np.array([[1.0, 2.0, 3.0], [1000.0, 0.0, -1000.0]])
    a = activations.get("softmax").forward(z)
    assert np.allclose(a.sum(axis=1), 1.0)
    e = np.exp([1.0, 2.0, 3.0])
    assert np.allclose(a[0], e / e.sum())
    assert a[1, 0] == 1.0


def test_softmax_backward_is_the_jacobian():
    sm = activations.get("softmax")
    z = np.array([[0.2, -1.0, 0.7]])
    a = sm.forward(z)
    jac = np.diag(a[0]) - np.outer(a[0], a[0])
    g = np.array([[0.3, -0.2, 1.1]])
    assert np.allclose(sm.backward(z, a, g), g @ jac)


def test_get_rejects_unknown_names_and_parameters():
    with pytest.raises(ValueError, match="unknown activation"):
        activations.get("swish")
    with pytest.raises(ValueError, match="takes no parameter"):
        activations.get("tanh", slope=1.0)
    with pytest.raises(ValueError, match="finite"):
        activations.get("leaky_relu", slope=float("nan"))
    with pytest.raises(ValueError, match="lower <= upper"):
        activations.get("rrelu", lower=0.5, upper=0.1)


def test_to_dict_round_trip():
    for name in activations.names():
        act = activations.get(name)
        assert activations.from_dict(act.to_dict()) == act
    leaky = activations.get("leaky_relu", slope=0.3)
    assert activations.from_dict(leaky.to_dict()).slope == 0.3


@pytest.mark.parametrize("name", activations.names())
def test_training_paths_equal_the_definitions_bit_for_bit(name):
    # forward_into/backward_into are the training loop's in-place versions; they must
    # give exactly forward() and backward(), also at the extremes and for NaN.
    act = activations.get(name)
    rng = np.random.default_rng(0)
    z = np.concatenate([Z, [-700.5, -0.0, np.nan, np.inf, -np.inf], rng.normal(size=11)])
    z = z.reshape(5, 5)
    grad_a = rng.normal(size=z.shape)
    with np.errstate(invalid="ignore", over="ignore"):
        a = act.forward(z)
        into = act.forward_into(z, np.empty_like(z))
        back = act.backward(z, a, grad_a)
        back_into = act.backward_into(z, a, grad_a, np.empty_like(z))
    assert into.tobytes() == a.tobytes()
    if name == "sigmoid":
        # The training loop has always multiplied (1 − a)·a·∂L/∂a; backward() groups
        # the product differently, which may differ in the last bit.
        assert np.allclose(back_into, back, equal_nan=True)
        back = (1.0 - a) * a * grad_a
    assert back_into.tobytes() == back.tobytes()
