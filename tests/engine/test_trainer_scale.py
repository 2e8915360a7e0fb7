"""The Trainer at MNIST scale: uint8 pixels without a float copy, and float32 steps."""

import tracemalloc

import numpy as np
import pytest

from neurongui.engine import Network, Status, Trainer, _inputs, activations, datasets
from neurongui.engine.config import TrainingConfig
from neurongui.engine.documentfile import parse_training
from neurongui.engine.trainer import PRECISIONS


def _pixels(n, n_in=784, seed=0):
    """Random images (uint8) of ten classes, one-hot targets."""
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 256, size=(n, n_in), dtype=np.uint8)
    Y = np.eye(10)[rng.integers(0, 10, n)]
    return X, Y


def _trainer(X, Y, X_test=None, Y_test=None, sizes=(30,), **options):
    net = Network([X.shape[1], *sizes, 10], ["sigmoid"] * len(sizes) + ["softmax"], seed=3)
    options = {
        "loss": "cross_entropy",
        "learning_rate": 0.5,
        "batch_size": 10,
        "seed": 1,
        **options,
    }
    return Trainer(net, X, Y, X_test=X_test, Y_test=Y_test, **options)


@pytest.mark.parametrize("n", [150, 2000])  # a shuffled copy per epoch (< 1 MB), gathered rows
@pytest.mark.parametrize("metrics", ["exact", "running"])
@pytest.mark.parametrize("whole", [64, 10**6])  # float passes in chunks too, or whole
def test_pixels_train_exactly_like_the_divided_floats(n, metrics, whole, monkeypatch):
    """uint8 inputs give the very numbers of float inputs X / 255, in chunked passes too."""
    monkeypatch.setattr(_inputs, "CHUNK_ROWS", 64)  # several chunks and a shorter last one
    monkeypatch.setattr(_inputs, "WHOLE_ROWS", whole)
    X, Y = _pixels(n, n_in=100)
    Xt, Yt = _pixels(70, n_in=100, seed=1)
    pixels = _trainer(X, Y, Xt, Yt, epoch_metrics=metrics)
    floats = _trainer(
        datasets.network_inputs(X), Y, datasets.network_inputs(Xt), Yt, epoch_metrics=metrics
    )
    for _ in range(3):
        pixels.epoch()
        floats.epoch()
    assert pixels.history == floats.history
    assert np.array_equal(pixels.network.parameters, floats.network.parameters)
    assert pixels.X is X and pixels.X_test is Xt  # the caller's pixels, not a copy


def test_pixels_are_not_copied_as_floats():
    """An epoch on uint8 images (and a pass over the test images) allocates a small
    fraction of a float64 copy of them (at 60,000 MNIST images: 30 MB of 376 MB)."""
    X, Y = _pixels(24_000)
    float_copy = X.size * 8  # 150 MB
    tracemalloc.start()
    try:
        trainer = _trainer(X, Y, X[:4000], Y[:4000], sizes=(16,), batch_size=500)
        trainer.epoch()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert trainer.epoch_count == 1 and trainer.history[0].test_loss is not None
    assert peak < float_copy / 6, f"peak {peak / 2**20:.1f} MB"


def test_float32_steps_follow_float64_closely():
    X, Y = datasets.load("digits")
    runs = {}
    for precision in ("float64", "float32"):
        net = Network([64, 16, 10], ["tanh", "softmax"], seed=0)
        trainer = Trainer(
            net, X / 16, Y, loss="cross_entropy", optimizer="adam", learning_rate=0.01,
            batch_size=32, seed=0, test_fraction=0.2, precision=precision,
        )  # fmt: skip
        for _ in range(3):
            trainer.epoch()
        runs[precision] = trainer
    exact, fast = runs["float64"], runs["float32"]
    assert fast.network.parameters.dtype == np.float64
    np.testing.assert_allclose(fast.network.parameters, exact.network.parameters, atol=1e-4)
    for a, b in zip(exact.history, fast.history, strict=True):
        assert b.train_loss == pytest.approx(a.train_loss, rel=1e-5)
        assert b.test_loss == pytest.approx(a.test_loss, rel=1e-5)
    assert fast.history[-1].test_accuracy > 0.8  # (it learns: 84 % after 3 epochs)
    assert all(g["weights"].dtype == np.float64 for g in fast.gradients())


def test_float32_network_holds_the_widened_working_values():
    """Every parameter the views read is a float32 number, and the epoch's loss is the
    one the network itself computes (in float64) from them."""
    X, Y = _pixels(300, n_in=50)
    trainer = _trainer(X, Y, precision="float32")
    trainer.epoch()
    params = trainer.network.parameters
    assert np.array_equal(params, params.astype(np.float32))
    inputs = datasets.network_inputs(X)
    assert trainer.history[-1].train_loss == trainer.network.loss(inputs, Y, "cross_entropy")


def test_an_edit_during_float32_training_is_kept():
    X, Y = _pixels(200, n_in=50)
    X[:, 0] = 0  # input 0 is always dark: its weights get no gradient
    trainer = _trainer(X, Y, precision="float32", shuffle=False)
    trainer.step()
    trainer.network.set_weight(0, 3, 0, 0.75)
    trainer.note_edit()  # what the training loop does after applying an edit
    for _ in range(5):
        trainer.step()
    assert trainer.network.get_weight(0, 3, 0) == 0.75


def test_float32_divergence_restores_finite_weights():
    X, Y = _pixels(100, n_in=20)
    net = Network([20, 8, 10], ["relu", "identity"], seed=0)
    trainer = Trainer(
        net, X, Y, loss="mse", learning_rate=100.0, batch_size=10, precision="float32"
    )
    for _ in range(200):
        trainer.step()
        if trainer.diverged:
            break
    assert trainer.status is Status.DIVERGED
    assert np.isfinite(net.parameters).all()


def test_precision_can_change_between_steps_and_is_checked():
    X, Y = _pixels(100, n_in=20)
    trainer = _trainer(X, Y)
    trainer.step()
    trainer.precision = "float32"
    trainer.epoch()
    assert np.array_equal(trainer.network.parameters, trainer.network.parameters.astype("f4"))
    with pytest.raises(ValueError):
        trainer.precision = "float16"


def test_precision_is_a_setting_that_files_keep():
    config = TrainingConfig(precision="float32")
    loaded, _, _ = parse_training(config.to_dict())
    assert loaded == config and loaded.precision == "float32"
    old_file = {k: v for k, v in config.to_dict().items() if k != "precision"}
    assert parse_training(old_file)[0].precision == "float64"
    with pytest.raises(ValueError, match="precision"):
        TrainingConfig(precision="half")


@pytest.mark.parametrize("hidden", [a for a in activations.names() if a != "softmax"])
@pytest.mark.parametrize(("output", "loss"), [("sigmoid", "bce"), ("identity", "mse")])
def test_every_activation_and_loss_trains_in_float32(hidden, output, loss):
    X, Y = datasets.load("xor", n=60, seed=1)
    runs = []
    for precision in PRECISIONS:
        net = Network([2, 5, 1], [hidden, output], seed=4)
        trainer = Trainer(
            net, X, Y, loss=loss, learning_rate=0.1, batch_size=8, seed=0, precision=precision,
            optimizer="momentum", regularization="l2", regularization_rate=0.01,
        )  # fmt: skip
        trainer.epoch()
        trainer.epoch()
        runs.append(net.parameters)
    if hidden != "rrelu":  # (random slopes: drawn the same, but compared after rounding)
        np.testing.assert_allclose(runs[1], runs[0], rtol=1e-4, atol=1e-5)
    assert np.isfinite(runs[1]).all()


def test_an_image_dataset_trains_from_its_pixels_through_the_session():
    """The app's path: a uint8 dataset with a fixed split reaches the Trainer as pixel
    views (no copy), and float32 training measures its epochs like the network does."""
    from neurongui.engine.session import default_network, make_trainer, prepare_data

    X, Y = _pixels(500, n_in=36)
    names = tuple(f"p{i}" for i in range(36))
    dataset = datasets.Dataset(
        "pixels", X, Y, "multiclass", names, tuple(map(str, range(10))),
        image_shape=(6, 6), train_count=400,
    )  # fmt: skip
    config = TrainingConfig(dataset="pixels", loss="cross_entropy", precision="float32")
    data = prepare_data(config, dataset=dataset)
    trainer = make_trainer(default_network(data, config), data, config)
    assert trainer.precision == "float32"
    assert np.shares_memory(trainer.X, X) and np.shares_memory(trainer.X_test, X)
    trainer.epoch()
    record = trainer.history[-1]
    net = trainer.network
    assert record.test_loss == net.loss(data.inputs("test"), data.Y_test, "cross_entropy")
