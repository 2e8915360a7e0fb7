"""Each diagnostic rule speaks on a run built to show its problem, and stays silent on
a healthy one; the evidence carries the run's own numbers."""

from __future__ import annotations

import numpy as np
import pytest

from neurongui.engine import Network
from neurongui.engine.config import TrainingConfig
from neurongui.engine.diagnostics import RULES, Run, diagnose
from neurongui.engine.metrics import EpochRecord
from neurongui.engine.numbers import format_number


def _history(train, test=None, accuracy=None):
    return [
        EpochRecord(
            i + 1,
            10 * (i + 1),
            float(loss),
            None if test is None else float(test[i]),
            accuracy,
            None,
        )
        for i, loss in enumerate(train)
    ]


def _xor(n=200, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, (n, 2))
    return X, (X[:, :1] * X[:, 1:] > 0).astype(float)


def _run(**changes) -> Run:
    X, Y = _xor()
    base = {
        "history": _history(np.linspace(0.7, 0.1, 30), accuracy=0.97),
        "network": Network([2, 4, 1], ["tanh", "sigmoid"], seed=0),
        "X": X,
        "Y": Y,
        "config": TrainingConfig(loss="bce", learning_rate=0.1),
        "task": "binary",
        "update_ratio": [0.01, 0.02],
    }
    base.update(changes)
    return Run(**base)


def test_a_healthy_run_gets_no_hint():
    assert diagnose(_run()) == []


def test_lr_high_speaks_on_a_rising_loss_with_the_counts():
    loss = [0.5, 0.6, 0.55, 0.7, 0.65, 0.8, 0.75, 0.9, 0.85, 1.0, 0.95]
    hint = RULES["lr_high"](_run(history=_history(loss), config=TrainingConfig(learning_rate=3.0)))
    assert hint is not None
    assert str(hint.evidence) == "the loss rose in 5 of the last 10 epochs; η = 3"
    assert hint.fix.settings == {"learning_rate": 1.0}
    # Mini-batch wobble on a falling loss is not a blow-up.
    wobble = [1.0, 0.8, 0.85, 0.6, 0.65, 0.4, 0.45, 0.3, 0.32, 0.2, 0.22]
    assert RULES["lr_high"](_run(history=_history(wobble))) is None


def test_lr_low_needs_a_stall_far_from_the_goal_and_tiny_updates():
    flat = np.concatenate([np.linspace(0.70, 0.69, 20), np.full(10, 0.689)])
    hint = RULES["lr_low"](_run(history=_history(flat, accuracy=0.5), update_ratio=[1e-5, 2e-5]))
    assert hint is not None and hint.fix.settings == {"learning_rate": 0.3}
    assert "η = 0.1" in str(hint.evidence)
    assert RULES["lr_low"](_run(history=_history(flat, accuracy=0.5))) is None  # real steps
    converged = _history(flat, accuracy=0.99)
    assert RULES["lr_low"](_run(history=converged, update_ratio=[1e-5])) is None


def test_dead_relus_are_counted_and_leaky_relu_offered():
    net = Network([2, 4, 1], ["relu", "sigmoid"], seed=0)
    hidden = net.layers[0]
    hidden.biases = np.array([-50.0, -50.0, -50.0, 0.1])  # three never fire
    hint = RULES["dead_relu"](_run(network=net))
    assert str(hint.evidence) == (
        "3 of the 4 ReLU neurons of layer 1 output 0 for every training sample"
    )
    assert (hint.fix.kind, hint.fix.layers, hint.fix.activation) == (
        "activation",
        (0,),
        "leaky_relu",
    )
    assert RULES["dead_relu"](_run(network=Network([2, 4, 1], ["relu", "sigmoid"], seed=0))) is None


def test_saturated_units_and_the_reset_fix():
    net = Network([2, 4, 1], ["sigmoid", "sigmoid"], seed=0)
    net.layers[0].weights = net.layers[0].weights * 200
    hint = RULES["saturated"](_run(network=net))
    assert hint is not None and hint.fix.kind == "reset_weights"
    assert (
        RULES["saturated"](_run(network=Network([2, 4, 1], ["sigmoid", "sigmoid"], seed=0))) is None
    )


def test_vanishing_gradients_in_a_deep_sigmoid_net():
    deep = Network([2, 4, 4, 4, 1], ["sigmoid"] * 3 + ["sigmoid"], seed=0)
    hint = RULES["vanishing"](_run(network=deep))
    assert hint.fix.layers == (0, 1, 2) and hint.fix.activation == "relu"
    assert "0.016" in str(hint.why)  # 0.25³
    shallow = Network([2, 4, 4, 1], ["sigmoid", "sigmoid", "sigmoid"], seed=0)
    assert RULES["vanishing"](_run(network=shallow)) is None


def test_overfitting_when_test_loss_rises_as_training_loss_falls():
    train = np.linspace(0.6, 0.1, 30)
    test = np.concatenate([np.linspace(0.6, 0.3, 20), np.linspace(0.32, 0.45, 10)])
    hint = RULES["overfitting"](_run(history=_history(train, test)))
    assert hint is not None and hint.fix.settings == {
        "regularization": "l2",
        "regularization_rate": 0.001,
    }
    averaged = np.convolve(test[-20:], np.ones(5) / 5, mode="valid")
    low, now = format_number(averaged.min()), format_number(averaged[-1])
    assert f"the test loss rose from {low} to {now}" in str(hint.evidence)
    both_fall = _history(train, np.linspace(0.6, 0.2, 30))
    assert RULES["overfitting"](_run(history=both_fall)) is None


def test_underfitting_a_tiny_network_stuck_below_80_percent():
    stuck = _history(np.full(120, 0.69), accuracy=0.55)
    tiny = Network([2, 1, 1], ["tanh", "sigmoid"], seed=0)
    hint = RULES["underfitting"](_run(history=stuck, network=tiny))
    assert (hint.fix.kind, hint.fix.layers, hint.fix.count) == ("add_neurons", (0,), 2)
    assert "55%" in str(hint.evidence)
    big = Network([2, 16, 1], ["tanh", "sigmoid"], seed=0)
    assert RULES["underfitting"](_run(history=stuck, network=big)) is None


def test_a_confidently_wrong_sigmoid_output_with_the_square_loss():
    net = Network([2, 1], ["sigmoid"], seed=0)
    net.layers[0].weights = np.array([[-40.0, -40.0]])  # wrong, and far out on the flat end
    X, Y = _xor()
    Y = (X.sum(axis=1, keepdims=True) > 0).astype(float)
    hint = RULES["slow_output"](_run(network=net, Y=Y, config=TrainingConfig(loss="mse")))
    assert hint is not None and hint.fix.settings == {"loss": "bce"}
    assert RULES["slow_output"](_run(network=net, Y=Y, config=TrainingConfig(loss="bce"))) is None


def test_unscaled_inputs_name_the_input():
    X = _xor()[0] * np.array([1.0, 400.0])
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=0, input_names=["age", "income"])
    hint = RULES["unscaled"](_run(X=X, network=net))
    assert str(hint.evidence).startswith("input income reaches 39")
    assert RULES["unscaled"](_run()) is None


def test_symmetric_neurons_are_found():
    net = Network([2, 3, 1], ["tanh", "sigmoid"], seed=0)
    net.layers[0].weights = np.zeros((3, 2))
    net.layers[0].biases = np.zeros(3)
    hint = RULES["symmetric"](_run(network=net))
    assert str(hint.evidence) == "3 neurons of layer 1 have exactly the same weights and bias"
    assert hint.fix.kind == "reset_weights"


def test_skipped_rules_are_not_asked():
    net = Network([2, 3, 1], ["tanh", "sigmoid"], seed=0)
    net.layers[0].weights = np.zeros((3, 2))
    net.layers[0].biases = np.zeros(3)
    assert [h.rule for h in diagnose(_run(network=net))] == ["symmetric"]
    assert diagnose(_run(network=net), skip=["symmetric"]) == []


def test_layer_health_counts_dead_and_saturated_neurons():
    from neurongui.engine.diagnostics import layer_health

    X = _xor()[0]
    net = Network([2, 4, 4, 1], ["relu", "sigmoid", "sigmoid"], seed=0)
    net.layers[0].biases = np.array([-50.0, -50.0, -50.0, 0.1])
    net.layers[1].biases = np.array([50.0, 0.0, 0.0, 0.0])
    relu, sigmoid = layer_health(net, X)
    assert (relu.activation, relu.dead, relu.saturated) == ("relu", 0.75, 0.0)
    assert (sigmoid.activation, sigmoid.dead, sigmoid.saturated) == ("sigmoid", 0.0, 0.25)


def test_lr_high_speaks_on_a_loss_that_bounces_without_progress():
    # Spiral at η = 3 (the review): the loss jumps about, accuracy stays near 60 %.
    bounce = [0.9, 0.8, 0.76, 1.07, 0.61, 0.7, 0.95, 0.66, 0.88, 0.72, 1.01, 0.69, 0.8, 0.93]
    hint = RULES["lr_high"](_run(history=_history(bounce, accuracy=0.6)))
    assert hint is not None and hint.fix.settings == {"learning_rate": 0.033}
    # The same bouncing at 97 % accuracy, or a steady loss, says nothing.
    assert RULES["lr_high"](_run(history=_history(bounce, accuracy=0.97))) is None
    steady = np.linspace(0.9, 0.5, 14)
    assert RULES["lr_high"](_run(history=_history(steady, accuracy=0.6))) is None


def test_lr_high_speaks_on_the_spiral_at_learning_rate_3():
    # Measured in the app: SGD at η = 3 on the spiral, epochs 26-40, accuracy 67 %.
    losses = [0.70, 0.66, 0.70, 0.69, 0.681, 0.668, 0.814, 0.725, 0.696, 0.664, 0.707]
    losses += [0.659, 0.67, 0.749, 0.733, 0.672, 0.678, 0.735, 0.698]
    assert RULES["lr_high"](_run(history=_history(losses, accuracy=0.67))) is not None


def test_update_ratios_of_weights_near_1e308_are_exact_not_an_overflow():
    """Found by the random test: ‖W‖ of typed weights of 1e308 overflowed (a warning)."""
    from neurongui.engine.diagnostics import update_ratios

    before = np.array([[1e308, -1e308], [0.0, 3e307]])
    after = before.copy()
    after[0, 0] = 5e307
    (ratio,) = update_ratios([before], [after])
    expected = np.linalg.norm(after / 1e308 - before / 1e308) / np.linalg.norm(after / 1e308)
    assert ratio == expected and 0.4 < ratio < 0.5
    assert update_ratios([np.zeros((2, 2))], [np.zeros((2, 2))]) == [0.0]
    assert np.isnan(update_ratios([before], [np.full((2, 2), np.inf)])[0])
    # Ordinary weights: as before, ‖ΔW‖/‖W‖.
    a, b = np.array([[3.0, 4.0]]), np.array([[3.0, 8.0]])
    assert update_ratios([a], [b]) == [pytest.approx(4 / np.linalg.norm(b), rel=1e-15)]
