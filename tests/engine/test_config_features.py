"""Training settings validate every value; input features match their formulas."""

import numpy as np
import pytest

from neurongui.engine.config import TrainingConfig
from neurongui.engine.features import FEATURES, compute_features


def test_config_round_trips_through_a_dict():
    config = TrainingConfig(
        dataset="spiral",
        learning_rate=0.1,
        regularization="l2",
        regularization_rate=0.001,
        epoch_limit=50,
    )
    assert TrainingConfig.from_dict(config.to_dict()) == config


@pytest.mark.parametrize(
    "change",
    [
        {"learning_rate": 0},
        {"learning_rate": float("nan")},
        {"batch_size": 0},
        {"batch_size": 2.5},
        {"batch_size": True},
        {"loss": "hinge"},
        {"optimizer": "lbfgs"},
        {"regularization": "l3"},
        {"test_fraction": 1.0},
        {"noise": -0.1},
        {"epoch_limit": 0},
        {"init": "magic"},
    ],
)
def test_config_refuses_bad_values_naming_the_setting(change):
    name = next(iter(change))
    with pytest.raises(ValueError, match=name):
        TrainingConfig().with_changes(**change)


def test_config_from_dict_ignores_unknown_keys_and_refuses_non_objects():
    assert TrainingConfig.from_dict({"future_option": 1}) == TrainingConfig()
    with pytest.raises(ValueError):
        TrainingConfig.from_dict(["not", "a", "dict"])


def test_features_follow_their_formulas():
    points = np.array([[1.0, 2.0], [-0.5, 3.0]])
    X = compute_features(points, list(FEATURES))
    x1, x2 = points.T
    expected = np.column_stack([x1, x2, x1**2, x2**2, x1 * x2, np.sin(x1), np.sin(x2)])
    assert np.array_equal(X, expected)


def test_unknown_feature_is_refused():
    with pytest.raises(ValueError, match="unknown feature"):
        compute_features(np.zeros((3, 2)), ["x₃"])
