"""Which output activation and loss can reach a dataset's targets.

An output activation bounds what the network can predict (sigmoid: 0 to 1, tanh: −1
to 1, softmax: rows that sum to 1); a loss assumes targets of a kind (the
cross-entropies: probabilities). :func:`suited_output` names the usual pair for a
task, :func:`check_output` and :func:`check_loss` refuse a pairing that cannot work,
with a translatable :class:`EngineError` that says why.
"""

from __future__ import annotations

import math

import numpy as np

from .errors import QT_TRANSLATE_NOOP, EngineError
from .numbers import format_number

__all__ = ["OUTPUT_RANGES", "check_loss", "check_output", "refit_output", "suited_output"]

#: The values each bounded activation can give (closed: a sigmoid gets as close to 0
#: and 1 as training needs). Activations not named here are unbounded.
OUTPUT_RANGES: dict[str, tuple[float, float]] = {
    "sigmoid": (0.0, 1.0),
    "step": (0.0, 1.0),
    "softmax": (0.0, 1.0),
    "tanh": (-1.0, 1.0),
    "hardtanh": (-1.0, 1.0),
    "softsign": (-1.0, 1.0),
    "relu": (0.0, math.inf),
}

#: Rows of targets summing to 1 within this (CSV files round their numbers).
_SUM_TOLERANCE = 1e-6

_SUITED = {
    "regression": ("identity", "mse"),
    "binary": ("sigmoid", "bce"),
    "multiclass": ("softmax", "cross_entropy"),
}


def suited_output(task: str) -> tuple[str, str]:
    """The output activation and loss that suit ``task``.

    Identity and the square loss for ``"regression"``, sigmoid and binary
    cross-entropy for ``"binary"`` (one output), softmax and cross-entropy for
    ``"multiclass"``.
    """
    return _SUITED.get(task, _SUITED["regression"])


def refit_output(
    activation: str,
    n_outputs: int,
    loss: str,
    old_task: str,
    task: str,
    targets: np.ndarray,
) -> tuple[str | None, str | None]:
    """The output activation and loss to change to for new data (None: keep it).

    The pair that suits ``task`` (:func:`suited_output`) replaces the one that suited
    the old data's task, and any pair that cannot reach the new targets
    (:func:`check_output`, :func:`check_loss`). A pair the student chose that still
    works (sigmoid and the square loss for targets from 0 to 1) stays. A single output
    never gets softmax.
    """
    suited_activation, suited_loss = suited_output(task)
    if old_task == task or (activation, loss) != suited_output(old_task):
        try:
            check_output(activation, n_outputs, targets)
            check_loss(loss, activation, targets)
            return None, None
        except EngineError:
            pass
    if suited_activation == "softmax" and n_outputs == 1:
        return None, None  # no built-in data asks for it; a file's network stays as it is
    return (
        suited_activation if activation != suited_activation else None,
        suited_loss if loss != suited_loss else None,
    )


def check_output(activation: str, n_outputs: int, targets: np.ndarray) -> None:
    """Refuse an output activation that cannot give the targets.

    Parameters
    ----------
    activation
        The output layer's activation name.
    n_outputs
        The number of output neurons.
    targets
        The training targets, one row per sample.

    Raises
    ------
    EngineError
        Softmax on a single neuron (it always gives 1); a bounded activation for
        targets outside its range; softmax for targets whose rows do not sum to 1.
    """
    if activation == "softmax" and n_outputs == 1:
        raise EngineError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "softmax on a single output neuron always gives 1, so the network cannot "
                "learn; use sigmoid for one output",
            )
        )
    Y = np.asarray(targets, dtype=float)
    if Y.size == 0 or activation not in OUTPUT_RANGES:
        return
    low, high = OUTPUT_RANGES[activation]
    y_min, y_max = float(Y.min()), float(Y.max())
    if y_min < low or y_max > high:
        raise EngineError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{activation} gives outputs from {low} to {high}, but the targets run "
                "from {min} to {max}; use identity for these targets",
            ),
            activation=activation,
            low=format_number(low),
            high="∞" if math.isinf(high) else format_number(high),
            min=format_number(y_min, digits=3),
            max=format_number(y_max, digits=3),
        )
    if activation == "softmax":
        _check_sums(Y)


def check_loss(loss: str, activation: str, targets: np.ndarray) -> None:
    """Refuse a loss that cannot measure the targets.

    The cross-entropies take targets from 0 to 1 (probabilities); cross-entropy with
    a softmax output needs rows that sum to 1, as softmax's do (its gradient is right
    for any rows, see :mod:`neurongui.engine.losses`, but its minimum then lies
    where softmax cannot go).

    Raises
    ------
    EngineError
        If ``loss`` does not suit ``targets``.
    """
    Y = np.asarray(targets, dtype=float)
    if Y.size == 0 or loss not in ("bce", "cross_entropy"):
        return
    y_min, y_max = float(Y.min()), float(Y.max())
    if y_min < 0 or y_max > 1:
        raise EngineError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "cross-entropy needs targets from 0 to 1, but these run from {min} to "
                "{max}; use the square loss",
            ),
            min=format_number(y_min, digits=3),
            max=format_number(y_max, digits=3),
        )
    if loss == "cross_entropy" and activation == "softmax":
        _check_sums(Y)


def _check_sums(Y: np.ndarray) -> None:
    sums = Y.reshape(len(Y), -1).sum(axis=1)
    if np.any(np.abs(sums - 1) > _SUM_TOLERANCE):
        raise EngineError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "softmax outputs sum to 1 in every row, but the targets' rows sum to "
                "{min} to {max}; use sigmoid or identity",
            ),
            min=format_number(float(sums.min()), digits=3),
            max=format_number(float(sums.max()), digits=3),
        )
