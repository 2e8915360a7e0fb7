"""Image datasets keep pixels as bytes; the network sees them scaled to 0..1."""

import numpy as np

from neurongui.engine import datasets
from neurongui.engine.config import TrainingConfig
from neurongui.engine.network import Network
from neurongui.engine.session import make_trainer, prepare_data


def _images(n: int = 10, train: int | None = 6) -> datasets.Dataset:
    rng = np.random.default_rng(0)
    pixels = rng.integers(0, 256, (n, 4), dtype=np.uint8)
    labels = np.arange(n) % 2
    return datasets.Dataset(
        "tiny_images",
        pixels,
        datasets.one_hot(labels, 2),
        "multiclass",
        tuple(f"p{i}" for i in range(4)),
        ("0", "1"),
        image_shape=(2, 2),
        train_count=train,
    )


def test_network_inputs_scale_bytes_and_leave_numbers_alone():
    pixels = np.array([[0, 51, 255]], dtype=np.uint8)
    assert np.array_equal(datasets.network_inputs(pixels), [[0.0, 0.2, 1.0]])
    numbers = np.array([[3.0, -1.5]])
    assert datasets.network_inputs(numbers) is numbers


def test_fixed_split_keeps_row_order_and_bytes():
    ds = _images()
    data = prepare_data(TrainingConfig(test_fraction=0.5), dataset=ds)
    assert data.X_train.dtype == np.uint8  # not copied into floats
    assert np.array_equal(data.X_train, ds.X[:6]) and np.array_equal(data.X_test, ds.X[6:])
    assert np.array_equal(data.inputs("test", 0), ds.X[6] / 255)
    assert np.array_equal(data.inputs("train", slice(1, 3)), ds.X[1:3] / 255)


def test_trainer_trains_on_scaled_pixels():
    ds = _images(train=None)
    config = TrainingConfig(test_fraction=0.0, loss="cross_entropy", batch_size=4)
    data = prepare_data(config, dataset=ds)
    net = Network([4, 2], ["softmax"], seed=0)
    trainer = make_trainer(net, data, config)
    record = trainer.evaluate()
    expected = -np.mean(np.sum(data.Y_train * np.log(net.forward(data.inputs())), axis=1))
    assert np.isclose(record.train_loss, expected, rtol=1e-12)


def test_training_data_compare_by_identity_not_by_their_arrays():
    # The worker asks "is this the data it already has?": two splits of one cached
    # dataset (MNIST is loaded once) must not compare their arrays element by element.
    ds = _images()
    a, b = (prepare_data(TrainingConfig(), dataset=ds) for _ in range(2))
    assert a == a and a != b
