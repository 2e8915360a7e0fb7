"""The ReLU variants with a slope k on the negative side: leaky (k fixed), parametric
(k learned per neuron) and randomized (k drawn while training).

At 0, where the derivative is not defined, each takes its negative-side slope, as the
common deep-learning libraries do. Make them by name with :func:`.activations.get`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._checks import finite_number
from .activation_base import Activation
from .errors import QT_TRANSLATE_NOOP, EngineError

__all__ = ["LeakyReLU", "PReLU", "RReLU"]


class _SlopedReLU(Activation):
    """Shared math of the ReLU variants with a slope k on the negative side."""

    def _slope(self) -> float | np.ndarray:
        raise NotImplementedError

    def forward(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=float)
        return np.where(z > 0, z, self._slope() * z)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=float)
        return np.where(z > 0, 1.0, self._slope() * np.ones_like(z))


class LeakyReLU(_SlopedReLU):
    """Leaky ReLU f(z) = z if z > 0, else k·z, with a fixed slope k (default 0.01)."""

    name = "leaky_relu"
    formula = "f(z) = z if z > 0, else k·z"
    derivative_formula = "f′(z) = 1 if z > 0, else k"

    def __init__(self, slope: float = 0.01) -> None:
        self.slope = finite_number("slope", slope)

    def _slope(self) -> float | np.ndarray:
        return self.slope

    def params(self) -> dict[str, float]:
        return {"slope": self.slope}


class PReLU(_SlopedReLU):
    """Parametric ReLU: f(z) = z if z > 0, else α·z, with α learned per neuron.

    ``alpha`` is a scalar for a stand-alone function; inside a network layer it is
    the layer's array of one α per neuron (initially 0.25), trained like a weight
    with ∂L/∂α = Σ ∂L/∂a · min(z, 0) (see :meth:`alpha_gradient`).
    """

    name = "prelu"
    formula = "f(z) = z if z > 0, else α·z  (α learned)"
    derivative_formula = "f′(z) = 1 if z > 0, else α;  ∂f/∂α = min(z, 0)"

    def __init__(self, alpha: float | np.ndarray = 0.25) -> None:
        self.alpha = alpha if isinstance(alpha, np.ndarray) else finite_number("alpha", alpha)

    def _slope(self) -> float | np.ndarray:
        return self.alpha

    def alpha_gradient(self, z: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        """Return ∂L/∂α for each neuron: the sum over samples of ∂L/∂a · min(z, 0)."""
        return (grad_a * np.minimum(z, 0.0)).sum(axis=0)

    def params(self) -> dict[str, float]:
        # A per-neuron array belongs to the layer's parameters, not to the function.
        if isinstance(self.alpha, np.ndarray):
            return {}
        return {"alpha": self.alpha}


class RReLU(_SlopedReLU):
    """Randomized leaky ReLU (Xu et al., 2015).

    While training, every element draws its own negative-side slope uniformly from
    [lower, upper] (default [1/8, 1/3]); for evaluation the slope is fixed to the
    mean (lower + upper) / 2.
    """

    name = "rrelu"
    formula = "f(z) = z if z > 0, else k·z,  k ~ U[l, u] while training, (l + u)/2 after"
    derivative_formula = "f′(z) = 1 if z > 0, else k"

    def __init__(self, lower: float = 1 / 8, upper: float = 1 / 3) -> None:
        self.lower = finite_number("lower", lower)
        self.upper = finite_number("upper", upper)
        if not self.lower <= self.upper:
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "rrelu needs lower <= upper, got {lower} > {upper}"
                ),
                lower=self.lower,
                upper=self.upper,
            )

    def _slope(self) -> float | np.ndarray:
        return 0.5 * (self.lower + self.upper)

    def forward_train(self, z: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, Any]:
        z = np.asarray(z, dtype=float)
        slopes = rng.uniform(self.lower, self.upper, size=z.shape)
        return np.where(z > 0, z, slopes * z), slopes

    def backward(
        self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, ctx: Any = None
    ) -> np.ndarray:
        slopes = self._slope() if ctx is None else ctx
        return grad_a * np.where(z > 0, 1.0, slopes)

    def params(self) -> dict[str, float]:
        return {"lower": self.lower, "upper": self.upper}
