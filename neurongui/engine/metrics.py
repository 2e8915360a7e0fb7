"""What an epoch tells: its record (loss, accuracy, penalty) and how accuracy is counted.

Kept apart from :mod:`.trainer`, which produces the records, because most of the app
only reads them: the charts, the history file, the lessons.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np

__all__ = ["EpochRecord", "Status", "accuracy", "count_correct", "infer_task"]


class Status(str, Enum):
    """What the last step or epoch ended with."""

    OK = "ok"
    DIVERGED = "diverged"
    TARGET_REACHED = "target_reached"
    EPOCH_LIMIT = "epoch_limit"


@dataclass(frozen=True)
class EpochRecord:
    """Metrics after one epoch, measured on the whole training and test sets.

    Accuracies are None for regression; test values are None without a test set.
    ``train_loss`` and ``test_loss`` are the loss L alone. ``penalty`` is the
    regularisation term added to it, λ Σ|w| (L1) or (λ/2) Σ w² (L2) over the weights at
    the end of the epoch (0 without regularisation): the optimiser minimises
    :attr:`objective` = L + penalty.
    """

    epoch: int
    steps: int
    train_loss: float
    test_loss: float | None
    train_accuracy: float | None
    test_accuracy: float | None
    penalty: float = 0.0

    @property
    def objective(self) -> float:
        """The training loss plus the penalty: what gradient descent minimises."""
        return self.train_loss + self.penalty


def infer_task(Y: np.ndarray) -> str:
    """Return ``"multiclass"`` for one-hot rows, ``"binary"`` for 0/1 targets, else
    ``"regression"``."""
    Y = np.asarray(Y, dtype=float)
    is_01 = bool(np.isin(Y, (0.0, 1.0)).all())
    if Y.ndim == 2 and Y.shape[1] > 1 and is_01 and bool((Y.sum(axis=1) == 1).all()):
        return "multiclass"
    return "binary" if is_01 else "regression"


def accuracy(y_pred: np.ndarray, y_true: np.ndarray, task: str) -> float | None:
    """Fraction of samples classified right: ŷ ≥ 0.5 for binary, argmax for multiclass."""
    if task == "regression" or len(y_true) == 0:
        return None
    return count_correct(y_pred, y_true, task) / len(y_true)


def count_correct(y_pred: np.ndarray, y_true: np.ndarray, task: str) -> int:
    """Samples classified right, counted (a running sum of counts stays exact)."""
    if task == "multiclass":
        right = y_pred.argmax(axis=1) == y_true.argmax(axis=1)
    else:
        right = np.equal(y_pred >= 0.5, y_true >= 0.5)
        if right.shape[1] > 1:  # a sample counts when all its outputs are right
            right = right.all(axis=1)
    return int(np.count_nonzero(right))
