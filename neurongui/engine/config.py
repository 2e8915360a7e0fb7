"""Training settings, as one validated value that documents, panels and workers share."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from . import losses, optimizers
from .network import INITIALIZERS
from .trainer import REGULARIZATIONS

__all__ = ["TrainingConfig"]


@dataclass(frozen=True)
class TrainingConfig:
    """Everything that says how to train, besides the network itself.

    Defaults follow TensorFlow Playground where it has the same setting. The input
    features of 2-D datasets are the network's input names, not a setting here.
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

    def __post_init__(self) -> None:
        _check(self.loss in losses.names(), "loss", self.loss)
        _check(self.optimizer in optimizers.names(), "optimizer", self.optimizer)
        _check(self.regularization in REGULARIZATIONS, "regularization", self.regularization)
        _check(self.init in INITIALIZERS, "init", self.init)
        _check(
            _number(self.learning_rate) and self.learning_rate > 0,
            "learning_rate",
            self.learning_rate,
        )
        _check(_whole(self.batch_size) and self.batch_size >= 1, "batch_size", self.batch_size)
        _check(
            _whole(self.n_samples) and 4 <= self.n_samples <= 100_000, "n_samples", self.n_samples
        )
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
        _check(_whole(self.seed), "seed", self.seed)
        _check(
            self.epoch_limit is None or (_whole(self.epoch_limit) and self.epoch_limit >= 1),
            "epoch_limit",
            self.epoch_limit,
        )
        _check(
            self.target_loss is None or (_number(self.target_loss) and self.target_loss >= 0),
            "target_loss",
            self.target_loss,
        )
        _check(
            isinstance(self.dataset, str) and 0 < len(self.dataset) < 256, "dataset", self.dataset
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainingConfig:
        """Build from :meth:`to_dict` output; unknown keys are ignored, bad values raise
        ValueError naming the setting."""
        if not isinstance(data, dict):
            raise ValueError("training settings must be a JSON object")
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def with_changes(self, **changes: Any) -> TrainingConfig:
        """Return a copy with ``changes`` applied (validated)."""
        return replace(self, **changes)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check(ok: bool, name: str, value: Any) -> None:
    if not ok:
        raise ValueError(f"training setting {name!r} has an invalid value: {value!r}")
