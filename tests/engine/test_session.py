"""From settings to training data: which inputs are standardised and which stay raw."""

import numpy as np
import pytest

from neurongui.engine import datasets
from neurongui.engine.config import TrainingConfig
from neurongui.engine.session import default_network, prepare_data


@pytest.mark.parametrize("name", datasets.GATES)
def test_gates_keep_their_zero_one_inputs(name):
    data = prepare_data(TrainingConfig(dataset=name, test_fraction=0.0))
    assert set(np.unique(data.X_train)) == {0.0, 1.0}


def test_the_line_keeps_its_x():
    raw = datasets.load_dataset("line", n=40, noise=0.25, seed=0)
    data = prepare_data(TrainingConfig(dataset="line", n_samples=40, noise=0.25, test_fraction=0.0))
    assert np.array_equal(np.sort(data.X_train[:, 0]), np.sort(raw.X[:, 0]))


def test_iris_measurements_are_standardised():
    data = prepare_data(TrainingConfig(dataset="iris", test_fraction=0.0))
    assert np.allclose(data.X_train.mean(axis=0), 0.0, atol=1e-12)
    assert np.allclose(data.X_train.std(axis=0), 1.0)


def test_the_default_network_fits_the_data():
    data = prepare_data(TrainingConfig(dataset="iris"))
    net = default_network(data, TrainingConfig(dataset="iris"))
    assert net.sizes[0] == 4 and net.sizes[-1] == 3
    assert net.layers[-1].activation.name == "softmax"
