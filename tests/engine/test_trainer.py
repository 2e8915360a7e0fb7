"""The Trainer: determinism, divergence, learning XOR and Iris, cooperative steps."""

import math

import numpy as np
import pytest

from neurongui.engine import Network, Status, Trainer, datasets


def _xor_trainer(seed=0, **options):
    X, Y = datasets.load("xor", n=200, noise=0.0, seed=1)
    net = Network([2, 4, 1], activations=["tanh", "sigmoid"], seed=seed)
    options = {"loss": "bce", "learning_rate": 0.1, "batch_size": 10, "seed": 0, **options}
    return Trainer(net, X, Y, **options)


def test_same_seed_gives_identical_training():
    a, b = _xor_trainer(), _xor_trainer()
    for _ in range(5):
        a.epoch()
        b.epoch()
    assert np.array_equal(a.network.parameters, b.network.parameters)
    assert a.history == b.history


def test_steps_and_epochs_agree():
    t = _xor_trainer(batch_size=30)  # 200 samples -> 7 steps per epoch
    for _ in range(7):
        t.step()
    assert t.epoch_count == 1 and t.history[0].steps == 7
    t.epoch()
    assert t.epoch_count == 2 and t.step_count == 14


def test_xor_is_learned_by_a_2_4_1_tanh_network():
    t = _xor_trainer(optimizer="adam", learning_rate=0.03)
    first = t.epoch()
    for _ in range(300):
        t.epoch()
    assert t.history[-1].train_loss < 0.1 < first
    assert t.history[-1].train_accuracy >= 0.98


def test_logic_gate_xor_with_four_points():
    X, Y = datasets.load("xor_gate")
    net = Network([2, 4, 1], activations=["tanh", "sigmoid"], seed=2)
    t = Trainer(net, X, Y, loss="bce", optimizer="adam", learning_rate=0.05, batch_size=4, seed=0)
    for _ in range(1000):
        t.epoch()
    assert np.array_equal(net.forward(X) >= 0.5, Y >= 0.5)


def test_iris_reaches_95_percent_test_accuracy():
    X, Y = datasets.load("iris")
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    net = Network([4, 8, 3], activations=["tanh", "softmax"], seed=0)
    t = Trainer(
        net,
        X,
        Y,
        loss="cross_entropy",
        optimizer="adam",
        learning_rate=0.01,
        batch_size=16,
        test_fraction=0.3,
        seed=0,
    )
    for _ in range(200):
        t.epoch()
    assert t.history[-1].test_accuracy >= 0.95


def test_divergence_restores_finite_weights_and_says_why():
    X, Y = datasets.load("plane", n=50, seed=0)
    net = Network([2, 3, 1], activations=["relu", "identity"], seed=0)
    t = Trainer(net, X, Y, loss="mse", learning_rate=100.0, batch_size=10, seed=0)
    for _ in range(50):
        t.step()
        if t.diverged:
            break
    assert t.status is Status.DIVERGED
    assert "diverged" in t.message and "learning rate" in t.message
    assert np.isfinite(net.parameters).all()
    assert math.isnan(t.epoch()) or t.diverged


def test_divergence_restores_exactly_the_parameters_of_the_best_epoch():
    X, Y = datasets.load("plane", n=50, seed=0)

    def trainer():
        net = Network([2, 3, 1], activations=["relu", "identity"], seed=0)
        return Trainer(net, X, Y, loss="mse", optimizer="momentum", learning_rate=0.05, seed=0)

    t = trainer()
    while not t.diverged and t.epoch_count < 200:
        t.step()
    assert t.diverged and t.divergence.kind == "jump"
    best = t.divergence.best_epoch
    # A second run of the same seed, stopped at that epoch, has the same parameters.
    twin = trainer()
    start = twin.network.parameters.copy()
    for _ in range(best):
        twin.epoch()
    expected = twin.network.parameters if best else start
    assert t.network.parameters.tobytes() == expected.tobytes()
    if best:
        assert t.divergence.best_loss == min(r.train_loss for r in t.history)
    assert "diverged" in t.message


def test_learning_rate_and_regularisation_can_change_between_steps():
    t = _xor_trainer()
    t.step()
    t.learning_rate = 0.5
    t.set_regularization("l2", 0.01)
    t.step()
    assert t.learning_rate == 0.5
    with pytest.raises(ValueError):
        t.learning_rate = -1
    with pytest.raises(ValueError):
        t.set_regularization("l3", 0.1)


def test_l2_regularisation_shrinks_weights():
    plain, penalised = _xor_trainer(), _xor_trainer(regularization="l2", regularization_rate=0.1)
    for _ in range(30):
        plain.epoch()
        penalised.epoch()

    def size(trainer):
        return np.linalg.norm([np.linalg.norm(layer.weights) for layer in trainer.network.layers])

    assert size(penalised) < size(plain)


def test_structure_change_between_steps_is_picked_up():
    t = _xor_trainer()
    t.step()
    t.network.set_activation(0, "relu")
    t.step()
    assert np.isfinite(t.network.parameters).all()


def test_epoch_limit_and_target_loss_report_done():
    t = _xor_trainer(epoch_limit=3)
    for _ in range(3):
        t.epoch()
    assert t.done and t.status is Status.EPOCH_LIMIT
    t = _xor_trainer(target_loss=10.0)
    t.epoch()
    assert t.status is Status.TARGET_REACHED


def test_test_split_and_accuracy_are_recorded():
    t = _xor_trainer(test_fraction=0.25)
    assert len(t.X) == 150 and len(t.X_test) == 50
    t.epoch()
    record = t.history[-1]
    assert record.test_loss is not None and 0 <= record.test_accuracy <= 1


def test_bad_data_is_refused():
    net = Network([2, 3, 1])
    with pytest.raises(ValueError, match="NaN"):
        Trainer(net, np.array([[np.nan, 1.0]]), np.array([[1.0]]))
    with pytest.raises(ValueError, match="shape"):
        Trainer(net, np.zeros((4, 3)), np.zeros((4, 1)))


def test_reset_draws_new_weights_and_clears_history():
    t = _xor_trainer()
    t.epoch()
    before = t.network.parameters.copy()
    t.reset(seed=42)
    assert t.history == [] and t.step_count == 0
    assert not np.array_equal(before, t.network.parameters)


def test_large_training_sets_gathered_per_batch_train_identically(monkeypatch):
    from neurongui.engine import _inputs

    a = _xor_trainer()
    for _ in range(3):  # (200 samples: copied in each epoch's order)
        a.epoch()
    monkeypatch.setattr(_inputs, "GATHER_BYTES", 0)  # force the per-batch gather
    b = _xor_trainer()
    for _ in range(3):
        b.epoch()
    assert np.array_equal(a.network.parameters, b.network.parameters)
    assert a.history == b.history


def test_running_metrics_are_the_mean_of_the_epochs_batch_losses():
    X, Y = datasets.load("xor", n=40, seed=2)
    net = Network([2, 3, 1], ["tanh", "sigmoid"], seed=1)
    replay = net.copy()
    t = Trainer(net, X, Y, loss="bce", batch_size=16, shuffle=False, epoch_metrics="running")
    t.epoch()
    # Replay the three batches (16, 16, 8 samples) by hand with plain gradient descent.
    losses, correct = [], 0
    for lo in (0, 16, 32):
        xb, yb = X[lo : lo + 16], Y[lo : lo + 16]
        out = replay.forward(xb)
        losses.append(t.loss.value(out, yb) * len(xb))
        correct += int(((out >= 0.5) == (yb >= 0.5)).sum())
        grads = replay.gradients(xb, yb, loss="bce")
        for layer, g in zip(replay.layers, grads, strict=True):
            layer.weights -= 0.03 * g["weights"]
            layer.biases -= 0.03 * g["biases"]
    record = t.history[-1]
    assert record.train_loss == pytest.approx(sum(losses) / 40, rel=1e-12)
    assert record.train_accuracy == correct / 40
    assert np.allclose(net.parameters, replay.parameters, rtol=0, atol=1e-15)


def test_unknown_epoch_metrics_are_refused():
    X, Y = datasets.load("and")
    with pytest.raises(ValueError, match="epoch_metrics"):
        Trainer(Network([2, 1], "sigmoid"), X, Y, epoch_metrics="sometimes")


def test_running_accuracy_with_several_binary_outputs_needs_all_right():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(30, 2))
    Y = (rng.random((30, 2)) < 0.5).astype(float)  # two independent 0/1 targets
    net = Network([2, 3, 2], ["tanh", "sigmoid"], seed=1)
    replay = net.copy()
    t = Trainer(net, X, Y, loss="bce", batch_size=30, shuffle=False, epoch_metrics="running")
    assert t.task == "binary"
    out = replay.forward(X)  # the single batch is measured with the initial weights
    t.epoch()
    right = ((out >= 0.5) == (Y >= 0.5)).all(axis=1)
    assert t.history[-1].train_accuracy == right.sum() / 30


def test_accuracy_by_hand():
    from neurongui.engine.metrics import accuracy

    y_true = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y_pred = np.array([[0.9, 0.2], [0.4, 0.3], [0.6, 0.5]])
    assert accuracy(y_pred, y_true, "binary") == 2 / 3  # the second row has one wrong
    assert accuracy(y_pred[:, :1], y_true[:, :1], "binary") == 1.0
    assert accuracy(y_pred[:2], y_true[:2], "multiclass") == 1 / 2
    assert accuracy(y_pred, y_true, "regression") is None


def test_gradients_are_those_of_the_last_batch_before_its_update():
    X, Y = datasets.load("xor", n=40, noise=0.1, seed=2)
    net = Network([2, 3, 1], ["tanh", "sigmoid"], seed=1)
    t = Trainer(net, X, Y, loss="bce", batch_size=len(X), shuffle=False, seed=0)
    assert t.gradients() is None  # nothing computed yet
    before = net.copy()
    t.step()
    expected = before.gradients(X, Y, "bce")
    got = t.gradients()
    for layer_got, layer_expected in zip(got, expected, strict=True):
        assert layer_got.keys() == layer_expected.keys()
        for key in layer_got:
            assert np.allclose(layer_got[key], layer_expected[key], rtol=1e-12, atol=1e-15)
    got[0]["weights"][...] = 99.0  # a copy: the trainer's buffer is untouched
    assert not np.any(t.gradients()[0]["weights"] == 99.0)
    net.set_activation(0, "relu")  # a new structure: the old gradient no longer applies
    assert t.gradients() is None


# -- the objective with regularisation (issue 14, M2) ---------------------------------


def _penalised_trainer(kind: str, lam: float):
    X, Y = datasets.load("xor", n=40, noise=0.1, seed=2)
    net = Network([2, 3, 1], ["tanh", "sigmoid"], seed=1)
    trainer = Trainer(
        net,
        X,
        Y,
        loss="bce",
        batch_size=len(X),
        shuffle=False,
        seed=0,
        regularization=kind,
        regularization_rate=lam,
    )
    return trainer, X, Y


def _hand_penalty(net: Network, kind: str, lam: float) -> float:
    """λ Σ|w| or (λ/2) Σ w², summed weight by weight in plain Python."""
    total = 0.0
    for layer in net.layers:
        for w in layer.weights.ravel().tolist():
            total += abs(w) if kind == "l1" else w * w
    return lam * total if kind == "l1" else lam / 2 * total


@pytest.mark.parametrize("kind", ["l1", "l2"])
def test_epoch_record_holds_the_objective_loss_plus_penalty(kind):
    t, X, Y = _penalised_trainer(kind, 0.5)
    t.epoch()
    record = t.history[-1]
    loss = t.network.loss(X, Y, "bce")
    assert record.train_loss == loss  # L alone, as before
    assert math.isclose(record.penalty, _hand_penalty(t.network, kind, 0.5), rel_tol=1e-12)
    assert math.isclose(record.objective, loss + record.penalty, rel_tol=1e-15)
    assert record.penalty > 0.1  # λ = 0.5 makes it a large share of the objective


def test_no_regularisation_means_no_penalty():
    t = _xor_trainer()
    t.epoch()
    assert t.history[-1].penalty == 0.0
    assert t.history[-1].objective == t.history[-1].train_loss
    t.step()
    assert set(t.gradients()[0]) == {"weights", "biases"}


@pytest.mark.parametrize("kind", ["l1", "l2"])
def test_gradient_shown_is_that_of_the_objective_and_its_parts_add_up(kind):
    lam = 0.5
    t, X, Y = _penalised_trainer(kind, lam)
    before = t.network.copy()
    t.step()
    got = t.gradients()

    def objective(params: np.ndarray) -> float:
        net = before.copy()
        net.parameters[...] = params
        return net.loss(X, Y, "bce") + _hand_penalty(net, kind, lam)

    theta, h = before.parameters.copy(), 1e-6
    numeric = np.zeros_like(theta)
    for i in range(theta.size):
        up, down = theta.copy(), theta.copy()
        up[i] += h
        down[i] -= h
        numeric[i] = (objective(up) - objective(down)) / (2 * h)
    shown = np.zeros_like(theta)
    for view, grad in zip(before.gradient_views(shown), got, strict=True):
        view["weights"][...] = grad["weights"]
        view["biases"][...] = grad["biases"]
    assert np.allclose(shown, numeric, rtol=1e-6, atol=1e-8)
    # Its parts: ∂L/∂w of the loss alone (backpropagation) and the penalty's λ·sign(w) or λ·w.
    loss_only = before.gradients(X, Y, "bce")
    for layer, grad, weights in zip(loss_only, got, before.layers, strict=True):
        assert np.allclose(grad["loss_weights"], layer["weights"], rtol=1e-12, atol=1e-15)
        term = np.sign(weights.weights) if kind == "l1" else weights.weights
        assert np.array_equal(grad["penalty_weights"], lam * term)
        assert np.array_equal(grad["weights"], grad["loss_weights"] + grad["penalty_weights"])
