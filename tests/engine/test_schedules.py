"""Learning-rate schedules: η per epoch by the closed formulas, used by every optimiser."""

import math

import numpy as np
import pytest

from neurongui.engine import Network, NetworkFileError, Trainer, datasets
from neurongui.engine.config import TrainingConfig
from neurongui.engine.documentfile import parse_training
from neurongui.engine.errors import EngineError
from neurongui.engine.fileformat import network_from_json, network_to_json
from neurongui.engine.schedules import Schedule
from neurongui.engine.session import make_trainer, prepare_data, update_trainer

_NEW_KEYS = {"dropout", "schedule", "decay_every", "decay_factor", "cosine_epochs"}
_NEW_KEYS |= {"min_learning_rate"}


def test_constant_keeps_the_base_rate():
    assert [Schedule().rate(0.03, t) for t in (0, 1, 1000)] == [0.03] * 3


def test_step_decay_multiplies_by_gamma_every_k_epochs():
    s = Schedule("step", decay_every=3, decay_factor=0.5)
    assert [s.rate(0.8, t) for t in range(8)] == [0.8, 0.8, 0.8, 0.4, 0.4, 0.4, 0.2, 0.2]


def test_cosine_goes_from_eta_to_eta_min_in_t_epochs_then_stays():
    s = Schedule("cosine", cosine_epochs=4, min_rate=0.1)
    rates = [s.rate(0.5, t) for t in range(7)]
    half = 0.1 + 0.4 * (1 + math.cos(math.pi / 4)) / 2
    assert rates[0] == 0.5 and rates[2] == pytest.approx(0.3, abs=1e-16)
    assert rates[1] == half
    assert rates[4:] == [0.1, 0.1, 0.1]


@pytest.mark.parametrize(
    "options",
    [
        {"kind": "linear"},
        {"decay_every": 0},
        {"decay_factor": 0.0},
        {"decay_factor": 1.5},
        {"cosine_epochs": 2.5},
        {"min_rate": -1.0},
        {"min_rate": float("inf")},
    ],
)
def test_invalid_schedules_are_refused(options):
    with pytest.raises(EngineError):
        Schedule(**options)


def _trainer(optimizer, schedule, learning_rate=0.2):
    X, Y = datasets.load("xor", n=40, noise=0.0, seed=1)
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    options = {"loss": "bce", "batch_size": 10, "seed": 0}
    return Trainer(
        net, X, Y, optimizer=optimizer, learning_rate=learning_rate, schedule=schedule, **options
    )


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_each_epoch_trains_with_its_scheduled_rate(optimizer):
    """A scheduled run equals a run whose constant rate is set by hand to η_t before
    each epoch, and the trainer says which η it uses."""
    schedule = Schedule("step", decay_every=2, decay_factor=0.1)
    scheduled = _trainer(optimizer, schedule)
    by_hand = _trainer(optimizer, None)
    for t in range(5):
        by_hand.learning_rate = 0.2 * 0.1 ** (t // 2)
        assert scheduled.current_learning_rate == 0.2 * 0.1 ** (t // 2)
        scheduled.epoch()
        by_hand.epoch()
        assert np.array_equal(scheduled.network.parameters, by_hand.network.parameters)
    assert scheduled.learning_rate == 0.2  # still the base rate


def test_changing_the_base_rate_or_the_schedule_takes_effect_at_once():
    t = _trainer("sgd", Schedule("step", decay_every=1, decay_factor=0.5))
    t.epoch()
    t.epoch()
    assert t.current_learning_rate == 0.05  # the third epoch's, 0.2·0.5²
    t.learning_rate = 0.4
    assert t.current_learning_rate == 0.1
    t.schedule = Schedule("cosine", cosine_epochs=2)
    assert t.current_learning_rate == 0.0  # t = 2 = T: η_min
    t.schedule = Schedule()
    assert t.current_learning_rate == 0.4
    t.set_optimizer("adam")
    assert t.optimizer.learning_rate == 0.4


def test_reset_starts_the_schedule_again():
    t = _trainer("sgd", Schedule("step", decay_every=1, decay_factor=0.5))
    for _ in range(3):
        t.epoch()
    t.reset(seed=0)
    assert t.current_learning_rate == 0.2


def test_config_describes_the_schedule_and_refuses_bad_values():
    c = TrainingConfig(schedule="cosine", cosine_epochs=50, min_learning_rate=0.001)
    assert c.learning_rate_schedule() == Schedule("cosine", 10, 0.5, 50, 0.001)
    assert TrainingConfig.from_dict(c.to_dict()) == c
    for bad in (
        {"schedule": "exp"},
        {"decay_every": 0},
        {"decay_factor": 2.0},
        {"cosine_epochs": True},
        {"min_learning_rate": -0.1},
        {"dropout": 0.95},
        {"dropout": "0.2"},
    ):
        with pytest.raises(EngineError):
            TrainingConfig.from_dict({**c.to_dict(), **bad})


# -- saved with the file, given to a running trainer -------------------------------------


def test_the_settings_are_saved_with_the_file_and_old_files_get_the_defaults():
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    config = TrainingConfig(dropout=0.2, schedule="step", decay_every=5, decay_factor=0.3)
    _, training = network_from_json(network_to_json(net, config.to_dict()))
    assert parse_training(training)[0] == config
    old = {k: v for k, v in config.to_dict().items() if k not in _NEW_KEYS}
    loaded = parse_training(old)[0]
    assert (loaded.dropout, loaded.schedule) == (0.0, "constant")
    assert loaded.learning_rate_schedule() == Schedule()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("dropout", 1.0),
        ("dropout", None),
        ("schedule", "warmup"),
        ("decay_every", 10**400),
        ("decay_factor", 0),
        ("cosine_epochs", -3),
        ("min_learning_rate", 1e309),
    ],
)
def test_hostile_values_in_a_file_are_refused_with_the_file_error(key, value):
    training = {**TrainingConfig().to_dict(), key: value}
    with pytest.raises(NetworkFileError, match=key):
        parse_training(training)


def test_update_trainer_gives_a_running_trainer_the_new_schedule_and_dropout():
    old = TrainingConfig(learning_rate=0.2, batch_size=10)
    data = prepare_data(old.with_changes(dataset="xor", n_samples=40))
    trainer = make_trainer(Network([2, 4, 1], ["tanh", "sigmoid"], seed=0), data, old)
    trainer.epoch()
    new = old.with_changes(schedule="step", decay_every=1, decay_factor=0.5, dropout=0.3)
    update_trainer(trainer, old, new)
    assert trainer.current_learning_rate == 0.1 and trainer.dropout == 0.3
    assert trainer.learning_rate == 0.2
    update_trainer(trainer, new, old)
    assert trainer.current_learning_rate == 0.2 and trainer.dropout == 0.0
