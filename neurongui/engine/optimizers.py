"""Gradient-descent optimisers working in place on a network's parameter vector.

With θ the parameters, g = ∂L/∂θ and η the learning rate:

* ``sgd``:       θ ← θ − η g
* ``momentum``:  v ← μ v − η g;  θ ← θ + v   (μ = 0.9; Polyak's heavy ball)
* ``adam``:      m ← β₁ m + (1 − β₁) g;  s ← β₂ s + (1 − β₂) g²;
                 θ ← θ − η m̂ / (√ŝ + ε),  m̂ = m / (1 − β₁ᵗ), ŝ = s / (1 − β₂ᵗ)
                 (Kingma & Ba, 2015; β₁ = 0.9, β₂ = 0.999, ε = 1e-8)
"""

from __future__ import annotations

import math
from typing import ClassVar

import numpy as np
from numpy.typing import DTypeLike

__all__ = ["Optimizer", "get", "names"]


class Optimizer:
    """Base class: updates a parameter vector from its gradient, in place."""

    name: ClassVar[str] = ""
    formula: ClassVar[str] = ""

    def __init__(self, learning_rate: float = 0.03):
        self._dtype: DTypeLike = np.float64  # of the parameters, the state and η's array
        self.learning_rate = learning_rate

    @property
    def learning_rate(self) -> float:
        """The step size η."""
        return self._eta

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        self._eta = float(value)
        # Also as a 0-d array: a ufunc converts a Python float anew on every call, which
        # costs about a microsecond per step of a small network. (In the parameters'
        # dtype: a float64 array would make a float32 update compute in float64.)
        self._eta_array = np.array(self._eta, self._dtype)

    def reset(self, size: int, dtype: DTypeLike = np.float64) -> None:
        """Forget all state (after a reset or a change of the network's structure).

        ``dtype`` is that of the parameters the next updates receive.
        """
        self._dtype = dtype
        self._eta_array = np.array(self._eta, dtype)

    def update(self, params: np.ndarray, grad: np.ndarray) -> None:
        """Apply one update to ``params`` given ``grad`` (same shape)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(learning_rate={self.learning_rate!r})"


class SGD(Optimizer):
    """Plain gradient descent, θ ← θ − η g."""

    name = "sgd"
    formula = "θ ← θ − η ∂L/∂θ"

    def __init__(self, learning_rate: float = 0.03):
        super().__init__(learning_rate)
        self._step = np.zeros(0)

    def reset(self, size: int, dtype: DTypeLike = np.float64) -> None:
        super().reset(size, dtype)
        self._step = np.empty(size, dtype)

    def update(self, params: np.ndarray, grad: np.ndarray) -> None:
        if self._step.shape != params.shape:
            self.reset(params.size, params.dtype.type)
        # η·g into a kept buffer: a large network would allocate it every step.
        step = np.multiply(grad, self._eta_array, self._step)
        np.subtract(params, step, params)


class Momentum(Optimizer):
    """Gradient descent with momentum: v ← μ v − η g; θ ← θ + v."""

    name = "momentum"
    formula = "v ← μv − η ∂L/∂θ;  θ ← θ + v"

    def __init__(self, learning_rate: float = 0.03, momentum: float = 0.9):
        super().__init__(learning_rate)
        self.momentum = momentum
        self._v = np.zeros(0)

    def reset(self, size: int, dtype: DTypeLike = np.float64) -> None:
        super().reset(size, dtype)
        self._v = np.zeros(size, dtype)
        self._step = np.empty(size, dtype)

    def update(self, params: np.ndarray, grad: np.ndarray) -> None:
        if self._v.shape != params.shape:
            self.reset(params.size, params.dtype.type)
        v = self._v
        v *= self.momentum
        v -= np.multiply(grad, self._eta_array, self._step)
        params += v


class Adam(Optimizer):
    """Adam: gradient descent scaled by running estimates of the gradient's moments."""

    name = "adam"
    formula = "θ ← θ − η m̂ / (√ŝ + ε)"

    def __init__(
        self,
        learning_rate: float = 0.001,
        beta1: float = 0.9,
        beta2: float = 0.999,
        epsilon: float = 1e-8,
    ):
        super().__init__(learning_rate)
        self.beta1, self.beta2, self.epsilon = beta1, beta2, epsilon
        self.reset(0)

    def reset(self, size: int, dtype: DTypeLike = np.float64) -> None:
        super().reset(size, dtype)
        self._m = np.zeros(size, dtype)
        self._s = np.zeros(size, dtype)
        self._t = 0
        self._work = np.empty((2, size), dtype)

    def update(self, params: np.ndarray, grad: np.ndarray) -> None:
        if self._m.shape != params.shape:
            self.reset(params.size, params.dtype.type)
        self._t += 1
        b1, b2 = self.beta1, self.beta2
        m, s, (tmp, den) = self._m, self._s, self._work  # buffers kept: no allocation
        m *= b1
        m += np.multiply(grad, 1 - b1, tmp)
        s *= b2
        s += np.multiply(np.multiply(grad, grad, tmp), 1 - b2, tmp)
        # Fold both bias corrections into the step size (same result, two fewer passes).
        # (Python floats, which take the arrays' dtype; NumPy's float64 would widen float32.)
        step = self.learning_rate * math.sqrt(1 - b2**self._t) / (1 - b1**self._t)
        eps = self.epsilon * math.sqrt(1 - b2**self._t)
        np.add(np.sqrt(s, den), eps, den)
        params -= np.divide(np.multiply(m, step, tmp), den, tmp)  # η′·m / (√s + ε′)


_REGISTRY: dict[str, type[Optimizer]] = {cls.name: cls for cls in (SGD, Momentum, Adam)}


def names() -> list[str]:
    """Return the names of every optimiser."""
    return list(_REGISTRY)


def get(name: str | Optimizer, learning_rate: float = 0.03, **options: float) -> Optimizer:
    """Return a new optimiser called ``name`` with the given learning rate.

    Raises
    ------
    ValueError
        For an unknown name or option.
    """
    if isinstance(name, Optimizer):
        return name
    cls = _REGISTRY.get(name) if isinstance(name, str) else None
    if cls is None:
        raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(_REGISTRY)}")
    try:
        return cls(learning_rate, **options)
    except TypeError:
        raise ValueError(f"optimizer {name!r} takes no option among {sorted(options)}") from None
