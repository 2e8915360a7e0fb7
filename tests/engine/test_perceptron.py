"""Rosenblatt's perceptron rule on the logic gates."""

import numpy as np
import pytest

from neurongui.engine import Network, PerceptronTrainer, datasets
from neurongui.engine.perceptron import perceptron_update


def _perceptron():
    return Network([2, 1], activations=["step"], init="zeros")


@pytest.mark.parametrize("gate", ["and", "or"])
def test_learns_linearly_separable_gates(gate):
    X, Y = datasets.load(gate)
    trainer = PerceptronTrainer(_perceptron(), X, Y, learning_rate=1.0)
    for _ in range(20):
        if trainer.epoch() == 0:
            break
    assert trainer.converged
    assert np.array_equal(trainer.network.forward(X), Y)


def test_never_converges_on_xor():
    X, Y = datasets.load("xor_gate")
    trainer = PerceptronTrainer(_perceptron(), X, Y)
    assert all(trainer.epoch() > 0 for _ in range(50))


def test_one_update_by_hand():
    net = _perceptron()
    # step(0) = 1 but the target is 0: Δw = η(0 − 1)x, Δb = η(0 − 1).
    y_hat, dw, db = perceptron_update(net, [1.0, 2.0], [0.0], learning_rate=0.5)
    assert y_hat.tolist() == [1.0]
    assert dw.tolist() == [[-0.5, -1.0]] and db.tolist() == [-0.5]
    assert net.layers[0].weights.tolist() == [[-0.5, -1.0]]


def test_needs_a_single_step_layer():
    with pytest.raises(ValueError, match="step"):
        PerceptronTrainer(Network([2, 2, 1]), np.zeros((1, 2)), np.zeros((1, 1)))
