"""The coach's rules with dropout: its noisy loss is not blamed on η, and a small
network that dropout holds back is told to lower the dropout, not to grow."""

from __future__ import annotations

import numpy as np

from neurongui.engine import Network
from neurongui.engine.config import TrainingConfig
from neurongui.engine.diagnostics import RULES, Run, diagnose
from neurongui.engine.metrics import EpochRecord
from neurongui.engine.session import default_network, make_trainer, prepare_data


def _run(history, network, dropout, accuracy) -> Run:
    records = [
        EpochRecord(i + 1, 10 * (i + 1), float(loss), None, accuracy, None)
        for i, loss in enumerate(history)
    ]
    X = np.random.default_rng(0).uniform(-1, 1, (50, 2))
    Y = (X[:, :1] * X[:, 1:] > 0).astype(float)
    config = TrainingConfig(loss="bce", learning_rate=0.1, dropout=dropout)
    return Run(records, network, X, Y, config, "binary", [0.01, 0.02])


def test_a_bouncing_loss_under_dropout_is_not_blamed_on_the_learning_rate():
    bounce = [0.9, 0.8, 0.76, 1.07, 0.61, 0.7, 0.95, 0.66, 0.88, 0.72, 1.01, 0.69, 0.8, 0.93]
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    assert RULES["lr_high"](_run(bounce, net, 0.0, 0.6)) is not None
    assert RULES["lr_high"](_run(bounce, net, 0.3, 0.6)) is None
    # A loss that clearly climbs is still the learning rate's, dropout or not.
    rising = np.linspace(0.5, 1.2, 14)
    assert RULES["lr_high"](_run(rising, net, 0.3, 0.6)) is not None


def test_a_small_network_held_back_by_dropout_is_told_to_turn_it_off():
    stuck = np.full(120, 0.69)
    tiny = Network([2, 2, 1], ["tanh", "sigmoid"], seed=0)
    hint = RULES["underfitting"](_run(stuck, tiny, 0.5, 0.55))
    assert hint.fix.kind == "settings" and hint.fix.settings == {"dropout": 0.0}
    assert "dropout 0.5" in str(hint.evidence) and str(hint.action) == "Turn dropout off"
    plain = RULES["underfitting"](_run(stuck, tiny, 0.0, 0.55))
    assert plain.fix.kind == "add_neurons"


def test_dropout_runs_that_learn_get_no_learning_rate_hint():
    """Measured: the default 2-4-2-1 network on circle and XOR at dropout 0.2 and 0.5,
    60 epochs of SGD (η = 0.03) and Adam; no rule on the learning rate speaks."""
    for dataset in ("circle", "xor"):
        for rate in (0.2, 0.5):
            for optimizer in ("sgd", "adam"):
                c = TrainingConfig(dataset=dataset, dropout=rate, optimizer=optimizer)
                data = prepare_data(c)
                net = default_network(data, c)
                trainer = make_trainer(net, data, c)
                for _ in range(60):
                    trainer.epoch()
                run = Run(trainer.history, net, data.X_train, data.Y_train, c, data.task, None)
                rules = {hint.rule for hint in diagnose(run)}
                assert not rules & {"lr_high", "lr_low"}, (dataset, rate, optimizer, rules)
