"""The settings a :class:`~neurongui.engine.trainer.Trainer` takes between two steps.

Each is a property that checks its value and tells the trainer what it changes: a
new learning rate or schedule sets the optimiser's step size at once, a new batch
size or number type makes new working copies before the next step, a new dropout
rate is used by the next step's masks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from . import optimizers as _optimizers
from . import regularization as _regularization
from ._checks import positive_number
from .dropout import Dropout, layer_rates
from .errors import QT_TRANSLATE_NOOP, EngineError
from .schedules import Schedule

if TYPE_CHECKING:
    from .metrics import EpochRecord
    from .network import Network

__all__ = ["PRECISIONS", "TrainerSettings"]

#: The number types a training step may compute with (see :class:`Trainer`).
PRECISIONS = ("float64", "float32")


class TrainerSettings:
    """The Trainer's settings that may change between steps (its base class)."""

    # Set up by Trainer.__init__.
    network: Network
    history: list[EpochRecord]
    optimizer: _optimizers.Optimizer
    _schedule: Schedule
    _base_rate: float
    _dropout: Dropout
    _precision: str
    _dtype: type[np.floating]
    _batch_size: int
    _synced: int
    regularization: str | None
    regularization_rate: float

    @property
    def learning_rate(self) -> float:
        """The base step size η₀ (the optimiser's, unless a schedule changes it)."""
        return self._base_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        self._base_rate = positive_number("learning rate", value)
        self._apply_schedule()

    @property
    def current_learning_rate(self) -> float:
        """The step size of the current epoch: η₀ as the schedule changes it."""
        return self.optimizer.learning_rate

    @property
    def schedule(self) -> Schedule:
        """How η changes from epoch to epoch (it takes effect at once)."""
        return self._schedule

    @schedule.setter
    def schedule(self, value: Schedule) -> None:
        self._schedule = value
        self._apply_schedule()

    def _apply_schedule(self) -> None:
        self.optimizer.learning_rate = self._schedule.rate(self._base_rate, len(self.history))

    @property
    def dropout(self) -> float | Sequence[float]:
        """Dropout rate of every hidden layer, or one per hidden layer (0: none)."""
        return self._dropout.rates

    @dropout.setter
    def dropout(self, value: float | tuple[float, ...]) -> None:
        layer_rates(value, len(self.network.layers))  # (validates)
        self._dropout.rates = value

    @property
    def precision(self) -> str:
        """``"float64"`` or ``"float32"``: the number type of the steps' arithmetic.

        Changing it restarts the optimiser's state (as a structure change does).
        """
        return self._precision

    @precision.setter
    def precision(self, value: str) -> None:
        if value not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}, got {value!r}")
        self._precision = value
        self._dtype = np.dtype(value).type
        self._synced = -1  # new working copies and workspaces

    @property
    def batch_size(self) -> int:
        """Samples per step."""
        return self._batch_size

    @batch_size.setter
    def batch_size(self, value: int) -> None:
        if int(value) != value or value < 1:
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "the batch size must be a whole number >= 1, got {value!r}"
                ),
                value=value,
            )
        self._batch_size = int(value)
        self._synced = -1  # new workspaces for the new size

    def set_regularization(self, kind: str | None, rate: float = 0.0) -> None:
        """Choose the penalty (``None``, ``"l1"``, ``"l2"``) and its rate λ ≥ 0."""
        self.regularization, self.regularization_rate = _regularization.checked(kind, rate)

    def set_optimizer(self, name: str) -> None:
        """Switch optimiser, keeping the learning rate; its state starts afresh."""
        self.optimizer = _optimizers.get(name, self.current_learning_rate)
        self.optimizer.reset(self.network.n_parameters, self._dtype)
