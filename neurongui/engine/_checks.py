"""Small checks and names the engine's modules share (private)."""

from __future__ import annotations

from typing import Any

import numpy as np

from .errors import QT_TRANSLATE_NOOP, EngineError, Message

__all__ = ["finite_number", "input_name", "same_shape"]

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
