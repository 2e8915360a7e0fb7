"""Output activations and losses that cannot reach a dataset's targets are refused."""

import numpy as np
import pytest

from neurongui.engine import datasets
from neurongui.engine.config import TrainingConfig
from neurongui.engine.errors import EngineError
from neurongui.engine.pairing import check_loss, check_output, refit_output, suited_output
from neurongui.engine.session import default_loss, default_network, prepare_data

PLANE = datasets.load_dataset("plane").Y  # regression targets from −0.94 to 0.98
ONE_HOT = np.eye(3)[[0, 1, 2, 1]]


@pytest.mark.parametrize(
    ("task", "pair"),
    [
        ("regression", ("identity", "mse")),
        ("binary", ("sigmoid", "bce")),
        ("multiclass", ("softmax", "cross_entropy")),
    ],
)
def test_each_task_has_a_suited_output_and_loss(task, pair):
    assert suited_output(task) == pair
    assert suited_output(task)[1] == default_loss(task)


@pytest.mark.parametrize("name", datasets.names())
def test_every_built_in_dataset_accepts_its_default_network_and_loss(name):
    config = TrainingConfig(dataset=name)
    data = prepare_data(config)
    net = default_network(data, config)
    out = net.layers[-1]
    check_output(out.activation.name, out.n_out, data.Y_train)
    check_loss(default_loss(data.task), out.activation.name, data.Y_train)
    assert (out.activation.name, default_loss(data.task)) == suited_output(data.task)


def test_softmax_on_one_output_neuron_is_refused():
    with pytest.raises(EngineError) as info:
        check_output("softmax", 1, np.array([[0.0], [1.0]]))
    assert str(info.value) == (
        "softmax on a single output neuron always gives 1, so the network cannot learn; "
        "use sigmoid for one output"
    )


@pytest.mark.parametrize(
    ("activation", "shown"),
    [("sigmoid", "0 to 1"), ("tanh", "−1 to 1"), ("step", "0 to 1"), ("relu", "0 to ∞")],
)
def test_a_bounded_output_is_refused_for_targets_outside_its_range(activation, shown):
    Y = np.array([[-2.5], [0.5], [1.75]])
    with pytest.raises(EngineError) as info:
        check_output(activation, 1, Y)
    assert str(info.value) == (
        f"{activation} gives outputs from {shown}, but the targets run from −2.5 to 1.75; "
        "use identity for these targets"
    )
    assert info.value.template.startswith("{activation} gives outputs")


def test_the_plane_targets_refuse_sigmoid_and_accept_identity_and_tanh():
    with pytest.raises(EngineError, match=r"run from −0\.942 to 0\.978"):
        check_output("sigmoid", 1, PLANE)
    check_output("identity", 1, PLANE)
    check_output("tanh", 1, PLANE)


def test_softmax_needs_rows_that_sum_to_1():
    check_output("softmax", 3, ONE_HOT)
    halves = np.array([[0.5, 0.5, 0.5], [1.0, 0.0, 0.0]])
    with pytest.raises(EngineError) as info:
        check_output("softmax", 3, halves)
    assert "the targets' rows sum to 1 to 1.5" in str(info.value)
    with pytest.raises(EngineError, match=r"rows sum to 1 to 1\.5"):
        check_loss("cross_entropy", "softmax", halves)
    check_loss("cross_entropy", "sigmoid", halves)  # each output on its own: fine
    check_loss("mse", "softmax", halves)  # the square loss measures any targets


def test_cross_entropy_losses_need_targets_from_0_to_1():
    for loss in ("bce", "cross_entropy"):
        with pytest.raises(EngineError) as info:
            check_loss(loss, "identity", PLANE)
        assert str(info.value) == (
            "cross-entropy needs targets from 0 to 1, but these run from −0.942 to 0.978; "
            "use the square loss"
        )
    check_loss("mse", "identity", PLANE)


def test_new_regression_data_refits_a_sigmoid_output_that_cannot_reach_it():
    assert refit_output("sigmoid", 1, "bce", "binary", "regression", PLANE) == ("identity", "mse")


def test_the_usual_pair_of_the_old_task_follows_the_new_task():
    Y = np.array([[0.0], [1.0]])
    assert refit_output("identity", 1, "mse", "regression", "binary", Y) == ("sigmoid", "bce")


def test_a_chosen_pair_that_still_reaches_the_targets_stays():
    # The backpropagation lesson: sigmoid and the square loss for a target of 0.01.
    assert refit_output("sigmoid", 1, "mse", "binary", "regression", np.array([[0.01]])) == (
        None,
        None,
    )
    assert refit_output("tanh", 1, "mse", "binary", "binary", np.array([[0.0], [1.0]])) == (
        None,
        None,
    )


def test_only_what_differs_is_changed_and_one_output_never_gets_softmax():
    assert refit_output("identity", 1, "bce", "binary", "regression", PLANE) == (None, "mse")
    one = np.array([[0.0], [1.0]])
    assert refit_output("sigmoid", 1, "bce", "binary", "multiclass", one) == (None, None)
