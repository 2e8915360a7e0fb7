"""Loss functions L(ŷ, y), averaged over the n samples and summed over the outputs.

* ``mse``, the square loss: L = 1/(2n) Σᵢ ‖yᵢ − ŷᵢ‖²
* ``bce``, binary cross-entropy: L = −1/n Σᵢ Σⱼ [yᵢⱼ ln ŷᵢⱼ + (1 − yᵢⱼ) ln(1 − ŷᵢⱼ)]
* ``cross_entropy``, with a softmax output: L = −1/n Σᵢ Σⱼ yᵢⱼ ln ŷᵢⱼ

Arrays are (n, k): one row per sample. The logarithms see ŷ clipped to
[ε, 1 − ε] with ε = 1e-12, so the loss stays finite when ŷ is exactly 0 or 1.

:meth:`Loss.output_delta` returns ∂L/∂z for the output layer. For the matching
pairs identity + mse and sigmoid + bce the chain rule collapses to the well-known
(ŷ − y)/n for any targets, which is also the numerically exact way to compute it.
For softmax + cross_entropy the softmax Jacobian ∂ŷⱼ/∂zₖ = ŷⱼ(δⱼₖ − ŷₖ) gives

    ∂L/∂zₖ = Σⱼ (−yⱼ/ŷⱼ/n) ŷⱼ(δⱼₖ − ŷₖ) = (ŷₖ Σⱼ yⱼ − yₖ)/n,

which is (ŷ − y)/n only when each target row sums to 1 (one-hot targets). With one
output neuron softmax is always 1, so L = 0 and ∂L/∂z = (1·y − y)/n = 0: nothing learns.
"""

from __future__ import annotations

import functools
from typing import Any, ClassVar

import numpy as np

from .activations import Activation

__all__ = ["EPSILON", "Loss", "get", "names"]

#: How far from 0 and 1 the cross-entropies clip ŷ before taking logarithms.
EPSILON = 1e-12


class Loss:
    """Base class of a loss averaged over samples."""

    name: ClassVar[str] = ""
    formula: ClassVar[str] = ""
    #: The output activation whose pairing gives ∂L/∂z = (ŷ − y)/n (for softmax, when
    #: each target row sums to 1).
    natural_activation: ClassVar[str] = ""

    def value(self, y_pred: np.ndarray, y_true: np.ndarray) -> float:
        """Return the mean loss over the samples."""
        raise NotImplementedError

    def gradient(self, y_pred: np.ndarray, y_true: np.ndarray) -> np.ndarray:
        """Return ∂L/∂ŷ, the same shape as ``y_pred`` (the 1/n is included)."""
        raise NotImplementedError

    def output_delta(
        self,
        z: np.ndarray,
        a: np.ndarray,
        y_true: np.ndarray,
        activation: Activation,
        ctx: Any = None,
    ) -> np.ndarray:
        """Return ∂L/∂z of the output layer, given its z, its a = f(z) and the targets."""
        return self.output_delta_into(z, a, y_true, activation, np.empty_like(a), ctx)

    def output_delta_into(
        self,
        z: np.ndarray,
        a: np.ndarray,
        y_true: np.ndarray,
        activation: Activation,
        out: np.ndarray,
        ctx: Any = None,
    ) -> np.ndarray:
        """Write :meth:`output_delta` into ``out`` and return it."""
        if activation.name == self.natural_activation:
            np.subtract(a, y_true, out)
            return np.multiply(out, _reciprocal(len(a)), out)
        return activation.backward_into(z, a, self.gradient(a, y_true), out, ctx)

    def __repr__(self) -> str:
        return f"losses.get({self.name!r})"


@functools.lru_cache(maxsize=64)
def _reciprocal(n: int) -> np.ndarray:
    """1/n as a 0-d array: a ufunc would convert a Python float anew on every call."""
    return np.array(1.0 / n)


def _clip(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """np.clip(values, low, high), bit for bit (NaN too), at half the cost of its wrapper."""
    clipped = np.maximum(values, low)
    return np.minimum(clipped, high, out=clipped)


def _rows(y_pred: np.ndarray, y_true: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    y_pred = np.asarray(y_pred, dtype=float)
    y_true = np.asarray(y_true, dtype=float)
    if y_pred.shape != y_true.shape:
        raise ValueError(
            f"predictions have shape {y_pred.shape} but targets have shape {y_true.shape}"
        )
    n = y_pred.shape[0] if y_pred.ndim > 1 else 1
    return y_pred, y_true, n


class MeanSquaredError(Loss):
    """The square loss L = 1/(2n) Σ ‖y − ŷ‖²; ∂L/∂ŷ = (ŷ − y)/n."""

    name = "mse"
    formula = "L = 1/(2n) Σ ‖y − ŷ‖²"
    natural_activation = "identity"

    def value(self, y_pred: np.ndarray, y_true: np.ndarray) -> float:
        y_pred, y_true, n = _rows(y_pred, y_true)
        diff = y_pred - y_true
        return float(np.vdot(diff, diff)) / (2 * n)

    def gradient(self, y_pred: np.ndarray, y_true: np.ndarray) -> np.ndarray:
        y_pred, y_true, n = _rows(y_pred, y_true)
        return (y_pred - y_true) / n


class BinaryCrossEntropy(Loss):
    """L = −1/n Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]; ∂L/∂ŷ = (ŷ − y) / (ŷ(1 − ŷ)) / n."""

    name = "bce"
    formula = "L = −1/n Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]"
    natural_activation = "sigmoid"

    def value(self, y_pred: np.ndarray, y_true: np.ndarray) -> float:
        y_pred, y_true, n = _rows(y_pred, y_true)
        p = _clip(y_pred, EPSILON, 1 - EPSILON)
        # 0 − Σ rather than −Σ: a loss of exactly 0 is +0, never −0.
        return float(0.0 - (y_true * np.log(p) + (1 - y_true) * np.log1p(-p)).sum()) / n

    def gradient(self, y_pred: np.ndarray, y_true: np.ndarray) -> np.ndarray:
        y_pred, y_true, n = _rows(y_pred, y_true)
        p = _clip(y_pred, EPSILON, 1 - EPSILON)
        return (p - y_true) / (p * (1 - p)) / n


class CrossEntropy(Loss):
    """L = −1/n Σ y ln ŷ, meant for a softmax output; ∂L/∂ŷ = −y/ŷ/n.

    With softmax, ∂L/∂z = (ŷ·Σy − y)/n for any targets (see the module's doc).
    """

    name = "cross_entropy"
    formula = "L = −1/n Σ y ln ŷ"
    natural_activation = "softmax"

    def value(self, y_pred: np.ndarray, y_true: np.ndarray) -> float:
        y_pred, y_true, n = _rows(y_pred, y_true)
        p = _clip(y_pred, EPSILON, 1.0)
        # 0 − Σ rather than −Σ: softmax on one neuron gives L = 0, which must not show as −0.
        return float(0.0 - (y_true * np.log(p)).sum()) / n

    def output_delta_into(
        self,
        z: np.ndarray,
        a: np.ndarray,
        y_true: np.ndarray,
        activation: Activation,
        out: np.ndarray,
        ctx: Any = None,
    ) -> np.ndarray:
        if activation.name != "softmax":
            return super().output_delta_into(z, a, y_true, activation, out, ctx)
        # (ŷ·Σy − y)/n: the shortcut (ŷ − y)/n assumes rows summing to 1, which imported
        # targets, binary data or a one-neuron output need not have. For one-hot rows
        # ŷ·1 = ŷ exactly, so their numbers are unchanged bit for bit.
        np.multiply(a, y_true.sum(axis=-1, keepdims=True), out)
        np.subtract(out, y_true, out)
        return np.multiply(out, _reciprocal(len(a)), out)

    def gradient(self, y_pred: np.ndarray, y_true: np.ndarray) -> np.ndarray:
        y_pred, y_true, n = _rows(y_pred, y_true)
        return -y_true / _clip(y_pred, EPSILON, 1.0) / n


_REGISTRY: dict[str, type[Loss]] = {
    cls.name: cls for cls in (MeanSquaredError, BinaryCrossEntropy, CrossEntropy)
}


def names() -> list[str]:
    """Return the names of every loss."""
    return list(_REGISTRY)


def get(name: str | Loss) -> Loss:
    """Return the loss called ``name`` (``"mse"``, ``"bce"`` or ``"cross_entropy"``).

    Raises
    ------
    ValueError
        For an unknown name.
    """
    if isinstance(name, Loss):
        return name
    cls = _REGISTRY.get(name) if isinstance(name, str) else None
    if cls is None:
        raise ValueError(f"unknown loss {name!r}; choose one of {', '.join(_REGISTRY)}")
    return cls()
