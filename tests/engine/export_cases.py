"""Networks, settings and data that the export tests take through PyTorch, NumPy and ONNX."""

from __future__ import annotations

import numpy as np

from neurongui.engine import datasets
from neurongui.engine.config import TrainingConfig
from neurongui.engine.export_common import ExportSource
from neurongui.engine.network import Network
from neurongui.engine.session import make_trainer, prepare_data
from neurongui.engine.trainer import Trainer

#: name: (dataset, hidden sizes, activations, loss, optimizer, regularization, rate)
CASES = {
    "circle_tanh_bce_sgd_l2": (
        "circle",
        [4, 2],
        ["tanh", "tanh", "sigmoid"],
        "bce",
        "sgd",
        "l2",
        0.01,
    ),
    "iris_prelu_softmax_adam_l1": (
        "iris",
        [6],
        ["prelu", "softmax"],
        "cross_entropy",
        "adam",
        "l1",
        0.001,
    ),
    "plane_leaky_hardtanh_mse_momentum": (
        "plane",
        [5, 3],
        [{"name": "leaky_relu", "slope": 0.1}, "hardtanh", "identity"],
        "mse",
        "momentum",
        None,
        0.0,
    ),
    "xor_softsign_relu_sigmoid_mse": (
        "xor",
        [4, 3],
        ["softsign", "relu", "sigmoid"],
        "mse",
        "sgd",
        None,
        0.0,
    ),
    "gauss_step_tanh_bce": ("gauss", [3], ["step", "tanh"], "bce", "sgd", None, 0.0),
    "spiral_rrelu_sigmoid_bce": (
        "spiral",
        [5],
        [{"name": "rrelu"}, "sigmoid"],
        "bce",
        "adam",
        None,
        0.0,
    ),
}

#: Cases whose training steps draw random numbers (RReLU): the same step cannot be
#: compared with another library's, only the outputs.
RANDOM = {"spiral_rrelu_sigmoid_bce"}


def make_source(name: str, trained: bool = True) -> ExportSource:
    """The export source of case ``name``: a network trained for one epoch on its data."""
    dataset, hidden, acts, loss, optimizer, reg, rate = CASES[name]
    config = TrainingConfig(
        dataset=dataset,
        n_samples=60,
        noise=0.1,
        loss=loss,
        optimizer=optimizer,
        learning_rate=0.05,
        batch_size=8,
        regularization=reg,
        regularization_rate=rate,
        seed=3,
    )
    data = prepare_data(config)
    net = Network(
        [len(data.input_names), *hidden, data.n_outputs],
        acts,
        seed=5,
        input_names=data.input_names,
    )
    if trained:  # weights and PReLU slopes away from their initial values
        Trainer(net, data.X_train, data.Y_train, loss=loss, optimizer=optimizer, seed=1).epoch()
    return ExportSource(net, config, data)


def pixel_source() -> ExportSource:
    """A tiny image set of uint8 pixels (the inputs a network sees divided by 255)."""
    rng = np.random.default_rng(0)
    X = rng.integers(0, 256, size=(12, 4), dtype=np.uint8)
    labels = rng.integers(0, 3, size=12)
    ds = datasets.Dataset(
        "pixels",
        X,
        datasets.one_hot(labels, 3),
        "multiclass",
        ("p1", "p2", "p3", "p4"),
        ("a", "b", "c"),
        image_shape=(2, 2),
    )
    config = TrainingConfig(dataset="pixels", loss="cross_entropy", batch_size=4)
    data = prepare_data(config, dataset=ds)
    net = Network([4, 3, 3], ["tanh", "softmax"], seed=2, input_names=data.input_names)
    return ExportSource(net, config, data)


def app_step(source: ExportSource) -> list[np.ndarray]:
    """The parameters after one full-batch step of the app's trainer, layer by layer
    (W, b, and α for PReLU), in the order of ``torch.nn.Module.parameters()``."""
    net, config, data = source.network.copy(), source.config, source.data
    trainer = Trainer(
        net,
        data.X_train,
        data.Y_train,
        loss=config.loss,
        optimizer=config.optimizer,
        learning_rate=config.learning_rate,
        batch_size=len(data.X_train),
        regularization=config.regularization,
        regularization_rate=config.regularization_rate,
        shuffle=False,
        seed=0,
    )
    trainer.step()
    return parameters(net)


def parameters(net: Network) -> list[np.ndarray]:
    """W, b (and α) of every layer, in order."""
    out: list[np.ndarray] = []
    for layer in net.layers:
        out += [layer.weights.copy(), layer.biases.copy()]
        if layer.alpha is not None:
            out.append(layer.alpha.copy())
    return out


#: Schedule settings of the dropout cases (short ones, so that T and k are passed).
SCHEDULE_SETTINGS = {
    "constant": {"schedule": "constant"},
    "step": {"schedule": "step", "decay_every": 2, "decay_factor": 0.5},
    "cosine": {"schedule": "cosine", "cosine_epochs": 5, "min_learning_rate": 0.01},
}


def dropout_source(schedule: str, optimizer: str = "sgd") -> tuple[ExportSource, Trainer]:
    """Two hidden layers with dropout p = 0.3 (the first with PReLU, whose α the
    script copies into the module after its Linear), trained 3 epochs by the app's own
    trainer with ``schedule``; the source says how many epochs that was."""
    config = TrainingConfig(
        dataset="circle",
        n_samples=60,
        noise=0.1,
        loss="bce",
        optimizer=optimizer,
        learning_rate=0.1,
        batch_size=8,
        seed=3,
        dropout=0.3,
        **SCHEDULE_SETTINGS[schedule],
    )
    data = prepare_data(config)
    net = Network([2, 5, 4, 1], ["prelu", "tanh", "sigmoid"], seed=5, input_names=data.input_names)
    trainer = make_trainer(net, data, config)
    for _ in range(3):
        trainer.epoch()
    return ExportSource(net, config, data, trainer.history[-1].epoch), trainer
