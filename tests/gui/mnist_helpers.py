"""MNIST-like data for the GUI tests (imported by them; pytest puts this folder on the path).

Until the shipped "mnist" dataset exists: uint8 28×28 images of ten classes, each a
bar at its own place plus noise, so that a network learns them in a few steps.
"""

import numpy as np

from neurongui.engine import Network, datasets


def mnist_like(n: int = 200, seed: int = 0, train: float = 0.8) -> datasets.Dataset:
    """``n`` uint8 28×28 images, class k a vertical bar at columns 2k+4 and 2k+5; the
    first ``train`` of them train (a fixed split, as MNIST's own)."""
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 10
    images = rng.integers(0, 40, (n, 28, 28), dtype=np.uint8)
    for i, k in enumerate(labels):
        images[i, 4:24, 2 * k + 4 : 2 * k + 6] = rng.integers(180, 256, (20, 2), dtype=np.uint8)
    return datasets.Dataset(
        "mnist_like",
        images.reshape(n, 784),
        datasets.one_hot(labels, 10),
        "multiclass",
        tuple(f"p{r}_{c}" for r in range(28) for c in range(28)),
        tuple(str(k) for k in range(10)),
        image_shape=(28, 28),
        train_count=int(train * n),
    )


def use_mnist_like(window, hidden: int = 100, n: int = 200) -> datasets.Dataset:
    """Show a 784-``hidden``-10 ReLU/softmax network on :func:`mnist_like` data."""
    dataset = mnist_like(n)
    window.model.add_dataset(dataset)
    config = window.model.config.with_changes(
        dataset=dataset.name, loss="cross_entropy", optimizer="adam", learning_rate=0.003
    )
    net = Network([784, hidden, 10], ["relu", "softmax"], seed=0, input_names=dataset.feature_names)
    window.model.set_network(net, config)
    return dataset
