"""Regularisation: a penalty on the weights added to the loss, and its gradient.

L1 adds λ Σ|w| and L2 adds (λ/2) Σ w² to the loss the optimiser minimises; biases and
PReLU slopes are not penalised. Their gradients are λ·sign(w) and λ·w.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .errors import QT_TRANSLATE_NOOP, EngineError

__all__ = ["REGULARIZATIONS", "add_penalty_gradient", "checked", "penalty"]

#: Regularisation penalties added to the loss: L1 adds λ Σ|w|, L2 adds (λ/2) Σ w².
REGULARIZATIONS = (None, "l1", "l2")


def checked(kind: str | None, rate: float) -> tuple[str | None, float]:
    """``(kind, rate)`` if ``kind`` is one of :data:`REGULARIZATIONS` and λ ≥ 0 is finite.

    Raises
    ------
    EngineError
        Otherwise, with a message for the student.
    """
    if kind not in REGULARIZATIONS:
        raise EngineError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "unknown regularization {kind!r}; choose one of {kinds}"
            ),
            kind=kind,
            kinds=REGULARIZATIONS,
        )
    if not (math.isfinite(rate) and rate >= 0):
        raise EngineError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "the regularization rate must be >= 0, got {value!r}"
            ),
            value=rate,
        )
    return kind, float(rate)


def penalty(kind: str | None, rate: float, weights: Sequence[np.ndarray]) -> float:
    """λ Σ|w| (L1), (λ/2) Σ w² (L2) or 0, over the weight matrices ``weights``."""
    if not (rate and kind):
        return 0.0
    if kind == "l1":
        return rate * sum(float(np.abs(w).sum()) for w in weights)
    return rate / 2 * sum(float(np.vdot(w, w)) for w in weights)


def add_penalty_gradient(
    kind: str | None,
    rate: float,
    weight_mask: np.ndarray,
    params: np.ndarray,
    grad: np.ndarray,
    penalty_out: np.ndarray,
    total_out: np.ndarray,
) -> np.ndarray:
    """∂L/∂θ + the penalty's ∂/∂θ, into ``total_out`` (``grad`` stays ∂L/∂θ; the
    penalty's part is left in ``penalty_out``): λ·sign(w) for L1, λ·w for L2, and 0
    where ``weight_mask`` is 0 (biases)."""
    term = np.sign(params) if kind == "l1" else params
    np.multiply(rate * weight_mask, term, penalty_out)
    return np.add(grad, penalty_out, total_out)
