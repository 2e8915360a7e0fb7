"""Training settings, as one validated value that documents, panels and workers share."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from . import losses, optimizers
from .dropout import MAX_RATE, layer_rates
from .errors import QT_TRANSLATE_NOOP, EngineError, Message
from .network import INITIALIZERS
from .schedules import SCHEDULES, Schedule
from .trainer import PRECISIONS, REGULARIZATIONS

__all__ = ["LIMITS", "TrainingConfig"]

#: The range of each number among the settings: what the Training panel's spin boxes
#: hold (Qt's are 32-bit) and the engine can use. Settings read from a file
#: (:meth:`TrainingConfig.from_dict`) must lie in these ranges; in code, only the
#: whole numbers must (a lesson may try a learning rate of 1e300 to show divergence).
LIMITS: dict[str, tuple[float, float]] = {
    "n_samples": (4, 100_000),
    "noise": (0.0, 0.5),
    "test_fraction": (0.0, 0.9),
    "learning_rate": (1e-5, 100.0),
    "batch_size": (1, 1024),
    "regularization_rate": (0.0, 10.0),
    "seed": (0, 2**31 - 1),
    "epoch_limit": (1, 1_000_000),
    "target_loss": (0.0, 100.0),
    "dropout": (0.0, MAX_RATE),
    "decay_every": (1, 1_000_000),
    "decay_factor": (0.01, 1.0),
    "cosine_epochs": (1, 1_000_000),
    "min_learning_rate": (0.0, 100.0),
}
#: At most this many per-layer dropout rates (a network file has at most 64 layers).
_MAX_HIDDEN = 63
_WHOLE = ("n_samples", "batch_size", "seed", "epoch_limit", "decay_every", "cosine_epochs")


@dataclass(frozen=True)
class TrainingConfig:
    """Everything that says how to train, besides the network itself.

    Defaults follow TensorFlow Playground where it has the same setting. The input
    features of 2-D datasets are the network's input names, not a setting here.
    ``precision`` is the number type of the training steps' arithmetic, ``"float64"``
    or ``"float32"`` (faster for large layers); the network and every number shown
    stay float64 either way (see :class:`~neurongui.engine.trainer.Trainer`).

    ``dropout`` is the dropout rate p of every hidden layer (0: none; see
    :mod:`~neurongui.engine.dropout`), or a tuple of one rate per hidden layer, first
    hidden layer first. A tuple need not match the network: a layer it does not reach
    has no dropout and extra rates are ignored, so adding or removing a layer never
    makes the settings invalid (:meth:`dropout_rates` reads them for a network).
    ``schedule`` (``"constant"``, ``"step"`` or
    ``"cosine"``) with ``decay_every`` (k), ``decay_factor`` (γ), ``cosine_epochs`` (T)
    and ``min_learning_rate`` (η_min) changes the learning rate from epoch to epoch
    (see :mod:`~neurongui.engine.schedules`); ``learning_rate`` stays the base rate.
    Files without these keys get the defaults: no dropout, a constant rate.
    """

    dataset: str = "circle"
    n_samples: int = 500
    noise: float = 0.0
    test_fraction: float = 0.5
    loss: str = "bce"
    optimizer: str = "sgd"
    learning_rate: float = 0.03
    batch_size: int = 10
    regularization: str | None = None
    regularization_rate: float = 0.0
    init: str = "xavier"
    seed: int = 0
    epoch_limit: int | None = None
    target_loss: float | None = None
    precision: str = "float64"
    dropout: float | tuple[float, ...] = 0.0
    schedule: str = "constant"
    decay_every: int = 10
    decay_factor: float = 0.5
    cosine_epochs: int = 100
    min_learning_rate: float = 0.0

    def __post_init__(self) -> None:
        _check(self.loss in losses.names(), "loss", self.loss)
        _check(self.optimizer in optimizers.names(), "optimizer", self.optimizer)
        _check(self.regularization in REGULARIZATIONS, "regularization", self.regularization)
        _check(self.init in INITIALIZERS, "init", self.init)
        _check(self.precision in PRECISIONS, "precision", self.precision)
        _check(
            _number(self.learning_rate) and self.learning_rate > 0,
            "learning_rate",
            self.learning_rate,
        )
        for name in _WHOLE:
            value = getattr(self, name)
            if not (name == "epoch_limit" and value is None):
                _check_range(name, value, whole=True)
        _check(_number(self.noise) and 0 <= self.noise <= 1, "noise", self.noise)
        _check(
            _number(self.test_fraction) and 0 <= self.test_fraction < 1,
            "test_fraction",
            self.test_fraction,
        )
        _check(
            _number(self.regularization_rate) and self.regularization_rate >= 0,
            "regularization_rate",
            self.regularization_rate,
        )
        _check(
            self.target_loss is None or (_number(self.target_loss) and self.target_loss >= 0),
            "target_loss",
            self.target_loss,
        )
        _check(
            isinstance(self.dataset, str) and 0 < len(self.dataset) < 256, "dataset", self.dataset
        )
        _check(self.schedule in SCHEDULES, "schedule", self.schedule)
        if isinstance(self.dropout, (list, tuple)):  # one rate per hidden layer
            _check(len(self.dropout) <= _MAX_HIDDEN, "dropout", self.dropout)
            object.__setattr__(self, "dropout", tuple(self.dropout))  # (a file's list)
            for rate in self.dropout:
                _check_range("dropout", rate, whole=False)
        else:
            _check_range("dropout", self.dropout, whole=False)
        for name in ("decay_factor", "min_learning_rate"):
            _check_range(name, getattr(self, name), whole=False)

    def dropout_rates(self, n_layers: int) -> tuple[float, ...]:
        """The dropout rate of each hidden layer of a network of ``n_layers`` layers
        (weight layers, the output layer included)."""
        return layer_rates(self.dropout, n_layers)[:-1]

    @property
    def uses_dropout(self) -> bool:
        """True if some hidden layer drops neurons."""
        rates = self.dropout if isinstance(self.dropout, tuple) else (self.dropout,)
        return any(rate > 0 for rate in rates)

    def learning_rate_schedule(self) -> Schedule:
        """The schedule these settings describe."""
        return Schedule(
            self.schedule,
            self.decay_every,
            self.decay_factor,
            self.cosine_epochs,
            self.min_learning_rate,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainingConfig:
        """Build from :meth:`to_dict` output (e.g. a file's settings).

        Unknown keys are ignored. Every number must lie in its range in :data:`LIMITS`,
        so that the Training panel can show it.

        Raises
        ------
        EngineError
            A ValueError naming the setting and its allowed values.
        """
        if not isinstance(data, dict):
            raise EngineError(
                QT_TRANSLATE_NOOP("EngineErrors", "training settings must be a JSON object")
            )
        known = {f.name for f in fields(cls)}
        config = cls(**{k: v for k, v in data.items() if k in known})
        for name in LIMITS:
            value = getattr(config, name)
            if value is not None and name not in _WHOLE and name != "dropout":
                _check_range(name, value, whole=False)
        return config

    def with_changes(self, **changes: Any) -> TrainingConfig:
        """Return a copy with ``changes`` applied (validated)."""
        return replace(self, **changes)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check(ok: bool, name: str, value: Any) -> None:
    if not ok:
        raise EngineError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "training setting {name!r} has an invalid value: {value}"
            ),
            name=name,
            value=_show(value),
        )


def _check_range(name: str, value: Any, whole: bool) -> None:
    lo, hi = LIMITS[name]
    if whole:
        ok = _whole(value)
        template = QT_TRANSLATE_NOOP(
            "EngineErrors",
            "training setting {name!r} must be a whole number from {low} to {high}, not {value}",
        )
    else:
        ok = _number(value)
        template = QT_TRANSLATE_NOOP(
            "EngineErrors",
            "training setting {name!r} must be a number from {low} to {high}, not {value}",
        )
    if not (ok and lo <= value <= hi):
        low, high = (f"{lo:,}", f"{hi:,}") if whole else (f"{lo:g}", f"{hi:g}")
        raise EngineError(template, name=name, low=low, high=high, value=_show(value))


def _show(value: Any) -> str | Message:
    """``repr(value)``, short: a file may hold a number of 300 digits."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return Message(
            QT_TRANSLATE_NOOP("EngineErrors", "a number of about {digits} digits"),
            digits=int(value.bit_length() * 0.30103) + 1,
        )
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
