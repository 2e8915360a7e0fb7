"""Blow-ups are caught before NaN, explained with their numbers, and never imagined."""

import math

import numpy as np
import pytest

from neurongui.engine import Network, Trainer, datasets
from neurongui.engine.config import TrainingConfig
from neurongui.engine.divergence import JUMP, RISING_EPOCHS, DivergenceWatch
from neurongui.engine.session import make_trainer, prepare_data


def _watch(start=1.0):
    watch = DivergenceWatch(target_scale=1.0)
    watch.reset(np.zeros(3), start)
    return watch


def test_a_loss_far_above_where_training_started_is_a_jump():
    watch = _watch(start=0.7)
    assert watch.check(1, 0.5, np.full(3, 0.1), 10.0) is None
    assert watch.check(2, 0.9, np.full(3, 0.2), 10.0) is None  # worse, but not a blow-up
    alarm = watch.check(3, 0.7 * JUMP + 0.01, np.full(3, 0.3), 10.0)
    assert alarm.kind == "jump" and alarm.epoch == 3 and alarm.learning_rate == 10.0
    assert (alarm.best_epoch, alarm.best_loss) == (1, 0.5)
    np.testing.assert_array_equal(watch.best_parameters, np.full(3, 0.1))  # epoch 1's


def test_a_loss_that_keeps_rising_past_its_start_is_caught_before_it_jumps():
    watch = _watch(start=1.0)
    losses = [0.4] + [0.4 + 0.1 * k for k in range(1, RISING_EPOCHS + 1)]
    alarms = [watch.check(e, loss, np.zeros(3), 1.0) for e, loss in enumerate(losses, 1)]
    assert all(a is None for a in alarms[:-1])
    assert alarms[-1].kind == "rising" and alarms[-1].loss == pytest.approx(1.2)


def test_a_run_that_settles_noisily_raises_no_alarm():
    rng = np.random.default_rng(0)
    watch = _watch(start=0.7)
    loss = 0.7
    for epoch in range(1, 2000):
        loss = max(1e-4, loss * 0.995 * (1 + 0.3 * rng.standard_normal()))
        assert watch.check(epoch, loss, rng.standard_normal(3), 0.03) is None


def test_parameters_that_run_away_are_caught_and_nan_is_an_overflow():
    watch = _watch()
    assert watch.check(1, 0.5, np.array([2e6, 0.0, 0.0]), 1.0).kind == "parameters"
    assert _watch().check(1, math.nan, np.zeros(3), 1.0).kind == "overflow"
    # Targets in the thousands allow proportionally larger weights.
    big = DivergenceWatch(target_scale=5000.0)
    big.reset(np.zeros(3), 1e6)
    assert big.check(1, 5e5, np.array([2e6, 0.0, 0.0]), 1.0) is None


def test_circle_at_learning_rate_10_is_stopped_with_the_numbers_and_no_nan():
    # The audit: it oscillated between loss 1 and 3.5 at 50 % accuracy, unnamed.
    config = TrainingConfig(dataset="circle", loss="bce", learning_rate=10.0)
    data = prepare_data(config)
    net = Network([2, 4, 2, 1], ["tanh", "tanh", "sigmoid"], seed=0)
    start = net.parameters.copy()
    trainer = make_trainer(net, data, config)
    for _ in range(50):
        trainer.epoch()
        if trainer.diverged:
            break
    assert trainer.diverged and trainer.epoch_count < 10
    d = trainer.divergence
    assert d.kind == "jump" and d.learning_rate == 10.0 and d.loss > JUMP * math.log(2) * 0.9
    assert "learning rate below 10" in trainer.message and f"{d.loss:.4g}" in trainer.message
    assert all(math.isfinite(r.train_loss) for r in trainer.history)
    if d.best_epoch == 0:
        np.testing.assert_array_equal(net.parameters, start)


def test_a_hand_edit_that_makes_the_loss_jump_is_not_called_a_divergence():
    X, Y = datasets.load("xor", n=40, seed=0)
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=1)
    trainer = Trainer(net, X, Y, loss="bce", optimizer="adam", learning_rate=0.03, seed=0)
    for _ in range(5):
        trainer.epoch()
    net.layers[1].weights[0, :] = 40.0  # the student's experiment
    trainer.note_edit()
    for _ in range(5):
        trainer.epoch()
    assert trainer.divergence is None


def test_a_rise_that_stays_below_guessing_the_mean_is_not_a_blow_up():
    # A trained XOR network (loss 0.02) given a new input while it trains: Adam's first
    # steps took it to 0.082, four times its start but still below the 0.125 of guessing
    # the mean target, and the run was stopped with weights from hundreds of epochs ago.
    watch = DivergenceWatch(target_scale=1.0, guess_loss=0.125)
    watch.reset(np.zeros(3), 0.02)
    assert watch.check(1, 0.082, np.zeros(3), 0.03) is None
    for epoch, loss in enumerate(np.linspace(0.03, 0.12, RISING_EPOCHS + 2), 2):
        assert watch.check(epoch, float(loss), np.zeros(3), 0.03) is None
    # Past the guess, the same rise is a blow-up.
    assert watch.check(20, 0.13, np.zeros(3), 0.03).kind == "jump"


@pytest.mark.parametrize(
    ("loss", "targets", "expected"),
    [
        # Square loss: half the variance of the targets, summed over the outputs.
        ("mse", np.array([[0.0], [1.0], [1.0], [1.0]]), 0.5 * 0.75 * 0.25),
        ("mse", np.array([[2.0, 0.0], [4.0, 1.0]]), 0.5 * (1.0 + 0.25)),
        # Cross-entropy: the entropy of the class shares, here 1/2, 1/4, 1/4.
        (
            "cross_entropy",
            np.eye(3)[[0, 0, 1, 2]],
            -(0.5 * math.log(0.5) + 2 * 0.25 * math.log(0.25)),
        ),
        (
            "bce",
            np.array([[0.0], [1.0], [1.0], [1.0]]),
            -(0.75 * math.log(0.75) + 0.25 * math.log(0.25)),
        ),
    ],
)
def test_the_guess_is_the_loss_of_predicting_the_mean_target(loss, targets, expected):
    from neurongui.engine import losses
    from neurongui.engine.divergence import guess_loss

    assert guess_loss(losses.get(loss), targets) == pytest.approx(expected, rel=1e-12)
    assert guess_loss(losses.get(loss), targets[:0]) == 0.0
