"""From settings to training data and a starting network: what the app shows on launch.

:func:`prepare_data` turns a :class:`TrainingConfig` into a :class:`TrainingData`
(the dataset, its input features and a reproducible train/test split);
:func:`default_network` picks a network that suits it; :func:`make_trainer` and
:func:`update_trainer` turn the settings into a Trainer's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import datasets, losses
from .config import TrainingConfig
from .features import DEFAULT_FEATURES, compute_features
from .network import Network
from .trainer import Trainer

__all__ = [
    "TrainingData",
    "default_loss",
    "default_network",
    "fit_data",
    "make_trainer",
    "new_data_needed",
    "prepare_data",
    "update_trainer",
]

#: The settings that define the data: changing any of them means new training data.
DATA_SETTINGS = ("dataset", "n_samples", "noise", "test_fraction", "seed")

#: Datasets whose inputs stay as they are: the gates' 0 and 1 and the line's x are the
#: numbers students work with by hand (and lesson 4's loss surface would turn into a
#: round bowl, hiding why the learning rate matters).
_RAW = ("line", *datasets.GATES)


@dataclass(frozen=True, eq=False)  # one data set is itself: its arrays are not compared
class TrainingData:
    """A dataset ready for training.

    ``points_*`` are the raw 2-D coordinates of 2-D datasets (for plotting; None
    otherwise) and ``X_*`` the network's inputs: the chosen features of the points,
    or the dataset's own columns (standardised for Iris and CSV files: then
    ``input_mean`` and ``input_scale`` turn an input back into the file's units,
    ``x * input_scale + input_mean``). The inputs of an image dataset stay pixels
    (uint8) until they are used: read what the network sees with :meth:`inputs`.
    ``edited`` is True once the student added, moved or erased samples (see
    :mod:`~neurongui.engine.pointedits`): such data is saved with the file.
    """

    dataset: datasets.Dataset
    input_names: tuple[str, ...]
    X_train: np.ndarray
    Y_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray
    points_train: np.ndarray | None
    points_test: np.ndarray | None
    input_mean: np.ndarray | None = None
    input_scale: np.ndarray | None = None
    edited: bool = False

    def inputs(
        self, which: str = "train", rows: int | slice | np.ndarray | None = None
    ) -> np.ndarray:
        """The network's inputs (float64) of the training or test set, or of some rows.

        Parameters
        ----------
        which
            ``"train"`` or ``"test"``.
        rows
            A row index (one sample, 1-D result), a slice or an index array; None for
            every row.
        """
        X = self.X_train if which == "train" else self.X_test
        return datasets.network_inputs(X if rows is None else X[rows])

    @property
    def task(self) -> str:
        """``"binary"``, ``"multiclass"`` or ``"regression"``."""
        return self.dataset.task

    @property
    def n_outputs(self) -> int:
        """Number of targets per sample."""
        return self.Y_train.shape[1]

    @property
    def is_2d(self) -> bool:
        """True for datasets of 2-D points (drawn as maps on the canvas)."""
        return self.points_train is not None


def prepare_data(
    config: TrainingConfig,
    input_names: Sequence[str] | None = None,
    dataset: datasets.Dataset | None = None,
) -> TrainingData:
    """Load (or take) the dataset named in ``config``, compute features and split it.

    For 2-D datasets ``input_names`` chooses the features (default x₁, x₂); other
    datasets always use their own columns.
    """
    ds = dataset or datasets.load_dataset(
        config.dataset, n=config.n_samples, noise=config.noise, seed=config.seed
    )
    mean = scale = None
    if ds.is_2d:
        names = tuple(input_names) if input_names else DEFAULT_FEATURES
        X = compute_features(ds.X, names)
        points = ds.X
    else:
        names, X, points = tuple(ds.feature_names), ds.X, None
        if ds.feature_mean is not None:  # a CSV file, standardised as it was read
            mean, scale = ds.feature_mean, ds.feature_std
        elif ds.image_shape is None and ds.name not in _RAW:
            # Measurements in different units (Iris: cm) train far better standardised.
            mean, std = X.mean(axis=0), X.std(axis=0)
            scale = np.where(std > 0, std, 1.0)
            X = (X - mean) / scale
    i_train: slice | np.ndarray
    i_test: slice | np.ndarray
    if ds.train_count is not None:  # the dataset's own split (MNIST's)
        i_train, i_test = slice(0, ds.train_count), slice(ds.train_count, None)  # views
    else:
        # Split the indices, so the raw points split the same way as the features.
        index = np.arange(len(X), dtype=float)[:, None]
        train, _, test, _ = datasets.train_test_split(
            index, ds.Y, config.test_fraction, config.seed
        )
        i_train, i_test = train[:, 0].astype(int), test[:, 0].astype(int)
    pick = (lambda a, i: a[i]) if points is not None else (lambda a, i: None)
    return TrainingData(
        ds,
        names,
        X[i_train],
        ds.Y[i_train],
        X[i_test],
        ds.Y[i_test],
        pick(points, i_train),
        pick(points, i_test),
        mean,
        scale,
    )


def fit_data(
    config: TrainingConfig,
    input_names: Sequence[str],
    n_outputs: int,
    dataset: datasets.Dataset | None = None,
) -> tuple[TrainingData, TrainingConfig]:
    """Data that a network with these inputs and outputs can train on.

    The configured dataset (``dataset``, if given: an imported one) if it fits;
    otherwise a built-in dataset of the right shape (Iris for 4→3, digits for 64→10,
    MNIST for 784→10), with the settings changed to name it; otherwise a single blank
    sample, so that a network opened from a file is shown even when no dataset fits it.
    """
    names = tuple(input_names)
    try:
        data = prepare_data(config, names, dataset)
        if len(data.input_names) == len(names) and data.n_outputs == n_outputs:
            return data, config
    except ValueError:
        pass
    shapes = {"iris": (4, 3), "digits": (64, 10), "mnist": (784, 10)}
    for name, shape in shapes.items():
        if shape != (len(names), n_outputs):
            continue  # not read for nothing (MNIST is 8 MB)
        ds = datasets.load_dataset(name)
        if ds.n_features == len(names) and ds.n_outputs == n_outputs:
            changed = config.with_changes(dataset=name, loss=default_loss(ds.task))
            return prepare_data(changed, dataset=ds), changed
    blank = datasets.Dataset(
        "blank",
        np.zeros((1, len(names))),
        np.zeros((1, n_outputs)),
        "regression",
        names,
        tuple(f"y{i + 1}" for i in range(n_outputs)),
        "No dataset fits this network; a single sample of zeros stands in.",
    )
    return prepare_data(config, dataset=blank), config


def default_loss(task: str) -> str:
    """The loss that suits a task: cross-entropy for classes, the square loss otherwise."""
    return {"binary": "bce", "multiclass": "cross_entropy"}.get(task, "mse")


def default_network(data: TrainingData, config: TrainingConfig) -> Network:
    """A starting network for ``data``: 2-4-2-1 tanh for 2-D data, one hidden layer else.

    Images of 28×28 or more (MNIST) get the 30 hidden neurons of Nielsen's chapter 1
    (784-30-10), tanh rather than his sigmoid: at the default learning rate (0.03)
    it reaches about 89 % on MNIST's test digits after one epoch, sigmoid 79 %. The
    output activation matches the task: sigmoid (binary), softmax (multiclass) or
    identity (regression).
    """
    n_in, n_out = len(data.input_names), data.n_outputs
    if data.is_2d:
        hidden = [4, 2]
    elif n_in <= 4:
        hidden = [8]
    elif data.dataset.image_shape is not None and n_in >= 784:
        hidden = [30]
    else:
        hidden = [min(32, max(8, n_in // 2))]
    output = {"binary": "sigmoid", "multiclass": "softmax"}.get(data.task, "identity")
    activations = ["tanh"] * len(hidden) + [output]
    return Network(
        [n_in, *hidden, n_out],
        activations,
        init=config.init,
        seed=config.seed,
        input_names=data.input_names,
    )


def make_trainer(network: Network, data: TrainingData, config: TrainingConfig) -> Trainer:
    """A Trainer for ``network`` on ``data`` with the settings of ``config``."""
    has_test = len(data.X_test) > 0
    return Trainer(
        network,
        data.X_train,
        data.Y_train,
        loss=config.loss,
        optimizer=config.optimizer,
        learning_rate=config.learning_rate,
        batch_size=min(config.batch_size, len(data.X_train)),
        regularization=config.regularization,
        regularization_rate=config.regularization_rate,
        X_test=data.X_test if has_test else None,
        Y_test=data.Y_test if has_test else None,
        seed=config.seed,
        epoch_limit=config.epoch_limit,
        target_loss=config.target_loss,
        task=data.task,
        precision=config.precision,
        schedule=config.learning_rate_schedule(),
        dropout=config.dropout,
    )


def new_data_needed(old: TrainingConfig, new: TrainingConfig) -> bool:
    """True if going from settings ``old`` to ``new`` changes the training data."""
    return any(getattr(old, key) != getattr(new, key) for key in DATA_SETTINGS)


def update_trainer(trainer: Trainer, old: TrainingConfig, new: TrainingConfig) -> None:
    """Give ``trainer`` the settings of ``new`` that differ from ``old``, keeping its data.

    The optimiser's state starts afresh only when the optimiser itself changes.
    """
    if new.learning_rate != old.learning_rate:
        trainer.learning_rate = new.learning_rate
    if new.batch_size != old.batch_size:
        trainer.batch_size = min(new.batch_size, len(trainer.X))
    if new.optimizer != old.optimizer:
        trainer.set_optimizer(new.optimizer)
    if new.loss != old.loss:
        trainer.loss = losses.get(new.loss)
    if new.precision != old.precision:
        trainer.precision = new.precision
    if new.learning_rate_schedule() != old.learning_rate_schedule():
        trainer.schedule = new.learning_rate_schedule()
    if new.dropout != old.dropout:
        trainer.dropout = new.dropout
    trainer.set_regularization(new.regularization, new.regularization_rate)
    trainer.epoch_limit, trainer.target_loss = new.epoch_limit, new.target_loss
