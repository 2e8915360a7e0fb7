"""Small checks and names the engine's modules share (private)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike

from .errors import QT_TRANSLATE_NOOP, EngineError, Message

if TYPE_CHECKING:
    from .network import Network

__all__ = [
    "finite_number",
    "input_name",
    "positive_number",
    "same_shape",
    "training_arrays",
    "with_ones",
]

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def input_name(number: int) -> str:
    """The default name of input ``number`` (from 1): x₁, x₂, …"""
    return f"x{str(number).translate(_SUBSCRIPTS)}"


def finite_number(what: Message | str, value: Any) -> float:
    """``value`` as a finite float, or an :class:`EngineError` naming ``what``.

    Numbers only: ``float()`` would also read the text "0.5" and ``True``, which a file
    or a caller should never pass for a weight or a slope.
    """
    try:
        if isinstance(value, (str, bytes, bool, np.bool_)):
            raise TypeError(value)
        number = float(value)
    except (TypeError, ValueError):
        raise EngineError(
            QT_TRANSLATE_NOOP("EngineErrors", "{what} must be a number, got {value!r}"),
            what=what,
            value=value,
        ) from None
    if not np.isfinite(number):
        raise EngineError(
            QT_TRANSLATE_NOOP("EngineErrors", "{what} must be finite, got {value}"),
            what=what,
            value=number,
        )
    return number


def same_shape(what: str, value: Any, shape: tuple[int, ...]) -> np.ndarray:
    """``value`` as a float array of ``shape``, or a ValueError naming ``what``."""
    arr = np.asarray(value, dtype=float)
    if arr.shape != shape:
        raise ValueError(f"{what} must have shape {shape}, got {arr.shape}")
    return arr


def training_arrays(
    net: Network, X: ArrayLike, Y: ArrayLike, what: str
) -> tuple[np.ndarray, np.ndarray]:
    """``X`` and ``Y`` as contiguous arrays shaped for ``net``, or an error naming the
    ``what`` ("training" or "test") set.

    ``Y`` becomes float64, and so does ``X`` unless it holds pixels (uint8): those stay
    as they are (no copy), for the trainer to divide by 255 a batch at a time, so that a
    60,000-image set never exists as a float array (eight times its size).
    """
    X = np.asarray(X)
    X = np.ascontiguousarray(X if X.dtype == np.uint8 else np.asarray(X, dtype=float))
    Y = np.asarray(Y, dtype=float)
    if Y.ndim == 1:
        Y = Y.reshape(-1, 1)
    Y = np.ascontiguousarray(Y)
    if X.ndim != 2 or X.shape[1] != net.n_inputs:
        raise ValueError(f"{what} inputs must have shape (n, {net.n_inputs}), got {X.shape}")
    if Y.shape != (len(X), net.n_outputs):
        raise ValueError(
            f"{what} targets must have shape ({len(X)}, {net.n_outputs}), got {Y.shape}"
        )
    if len(X) == 0:
        raise EngineError(
            QT_TRANSLATE_NOOP("EngineErrors", "the {what} set is empty"), what=_set_name(what)
        )
    finite_x = X.dtype == np.uint8 or np.isfinite(X).all()  # (pixels always are)
    if not (finite_x and np.isfinite(Y).all()):
        raise EngineError(
            QT_TRANSLATE_NOOP("EngineErrors", "the {what} data contains NaN or infinite values"),
            what=_set_name(what),
        )
    return X, Y


def with_ones(X: np.ndarray) -> np.ndarray:
    """X with a column of ones appended."""
    out = np.empty((len(X), X.shape[1] + 1))
    out[:, :-1], out[:, -1] = X, 1.0
    return out


def _set_name(what: str) -> Message | str:
    """ "training" or "test", translatable."""
    names = {
        "training": QT_TRANSLATE_NOOP("EngineErrors", "training"),
        "test": QT_TRANSLATE_NOOP("EngineErrors", "test"),
    }
    return Message(names[what]) if what in names else what


def positive_number(what: str, value: float) -> float:
    """``value`` as a positive finite float, or an :class:`EngineError` naming ``what``."""
    value = float(value)
    if not (math.isfinite(value) and value > 0):
        raise EngineError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "the {what} must be a positive number, got {value!r}"
            ),
            what=_positive_name(what),
            value=value,
        )
    return value


def _positive_name(what: str) -> Message | str:
    names = {
        "learning rate": QT_TRANSLATE_NOOP("EngineErrors", "learning rate"),
    }
    return Message(names[what]) if what in names else what
