"""Activation functions f(z), each with its value and derivative.

Every activation works on NumPy arrays of any shape, element by element (softmax
works on the last axis), and stays finite without overflow warnings for very large
|z| (1000 and beyond).

Conventions at the kinks, where the derivative is not defined, follow the common
deep-learning libraries: the derivative of ReLU at 0 is 0, of leaky ReLU, PReLU and
RReLU at 0 is their negative-side slope, of hard tanh at ±1 is 0.

Use :func:`get` to make one by name::

    act = activations.get("leaky_relu", slope=0.1)
    act.forward(z), act.derivative(z)

:meth:`Activation.backward` multiplies an upstream gradient ∂L/∂a by f'(z) (for
softmax, by the full Jacobian). The training loop calls ``forward_into`` and
``backward_into``, the same computations written into preallocated arrays.

The base class is in :mod:`.activation_base`, the ReLU variants with a negative-side
slope (leaky, parametric, randomized) in :mod:`.leaky_relus`; this module has the
other functions and the registry that makes any of them by name.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .activation_base import Activation
from .errors import QT_TRANSLATE_NOOP, EngineError
from .leaky_relus import LeakyReLU, PReLU, RReLU

__all__ = [
    "Activation",
    "LeakyReLU",
    "PReLU",
    "RReLU",
    "from_dict",
    "get",
    "names",
]


def _constant(value: float) -> np.ndarray:
    """A read-only 0-d array: ufuncs take it ~0.3 µs faster than a Python float."""
    array = np.array(value)
    array.flags.writeable = False
    return array


_ZERO, _ONE = _constant(0.0), _constant(1.0)
#: Sigmoid's floor on z, so that e^(−z) never overflows (see :class:`Sigmoid`).
_SIGMOID_FLOOR = _constant(-700.0)


class Identity(Activation):
    """f(z) = z: the linear unit, for regression outputs."""

    name = "identity"
    formula = "f(z) = z"
    derivative_formula = "f′(z) = 1"

    def forward(self, z: np.ndarray) -> np.ndarray:
        return np.array(z, dtype=float, copy=True)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        return np.ones_like(z, dtype=float)

    def backward(
        self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, ctx: Any = None
    ) -> np.ndarray:
        return grad_a

    def forward_into(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        np.copyto(out, z)
        return out

    def backward_into(
        self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: np.ndarray, ctx: Any = None
    ) -> np.ndarray:
        np.copyto(out, grad_a)
        return out


class Step(Activation):
    """Heaviside step, the threshold unit of the perceptron: 1 if z ≥ 0, else 0.

    Its derivative is 0 everywhere it exists, so gradient descent cannot train it;
    the perceptron rule (:mod:`neurongui.engine.perceptron`) can.
    """

    name = "step"
    formula = "f(z) = 1 if z ≥ 0, else 0"
    derivative_formula = "f′(z) = 0"

    def forward(self, z: np.ndarray) -> np.ndarray:
        return (np.asarray(z) >= 0).astype(float)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        return np.zeros_like(z, dtype=float)


class Sigmoid(Activation):
    """Logistic sigmoid σ(z) = 1 / (1 + e^(−z)); σ′(z) = σ(z)(1 − σ(z)).

    Computed by the definition with z floored at −700, so that e^(−z) never
    overflows; σ(−700) ≈ 1e−304 already rounds the true value to zero for every
    purpose, and everywhere else the result is the textbook formula to the last bit.
    """

    name = "sigmoid"
    formula = "σ(z) = 1 / (1 + e⁻ᶻ)"
    derivative_formula = "σ′(z) = σ(z)(1 − σ(z))"

    def forward(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=float)
        return self.forward_into(z, np.empty_like(z))

    def forward_into(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        # Outputs passed by position: the keyword costs a few hundred ns per call.
        np.maximum(z, _SIGMOID_FLOOR, out=out)  # (np.maximum refuses a positional out)
        np.negative(out, out)
        np.exp(out, out)
        np.add(out, _ONE, out)
        return np.reciprocal(out, out)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        s = self.forward(z)
        return s * (1.0 - s)

    def backward(
        self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, ctx: Any = None
    ) -> np.ndarray:
        return grad_a * a * (1.0 - a)

    def backward_into(
        self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: np.ndarray, ctx: Any = None
    ) -> np.ndarray:
        np.subtract(_ONE, a, out)
        np.multiply(out, a, out)
        return np.multiply(out, grad_a, out)


class Tanh(Activation):
    """Hyperbolic tangent tanh z = (eᶻ − e⁻ᶻ)/(eᶻ + e⁻ᶻ); tanh′ z = 1 − tanh² z."""

    name = "tanh"
    formula = "tanh(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)"
    derivative_formula = "tanh′(z) = 1 − tanh²(z)"

    def forward(self, z: np.ndarray) -> np.ndarray:
        return np.tanh(z)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        t = np.tanh(z)
        return 1.0 - t * t

    def backward(
        self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, ctx: Any = None
    ) -> np.ndarray:
        return grad_a * (1.0 - a * a)

    def forward_into(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        return np.tanh(z, out)

    def backward_into(
        self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: np.ndarray, ctx: Any = None
    ) -> np.ndarray:
        np.multiply(a, a, out)
        np.subtract(_ONE, out, out)
        return np.multiply(out, grad_a, out)


class HardTanh(Activation):
    """Hard tanh: z clipped to [−1, 1]; the derivative is 1 inside (−1, 1), else 0."""

    name = "hardtanh"
    formula = "f(z) = max(−1, min(1, z))"
    derivative_formula = "f′(z) = 1 if −1 < z < 1, else 0"

    def forward(self, z: np.ndarray) -> np.ndarray:
        return np.clip(z, -1.0, 1.0).astype(float)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z)
        return ((z > -1.0) & (z < 1.0)).astype(float)


class Softsign(Activation):
    """Softsign f(z) = z / (1 + |z|); f′(z) = 1 / (1 + |z|)²."""

    name = "softsign"
    formula = "f(z) = z / (1 + |z|)"
    derivative_formula = "f′(z) = 1 / (1 + |z|)²"

    def forward(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=float)
        return z / (1.0 + np.abs(z))

    def derivative(self, z: np.ndarray) -> np.ndarray:
        d = 1.0 + np.abs(np.asarray(z, dtype=float))
        return 1.0 / (d * d)


class ReLU(Activation):
    """Rectified linear unit f(z) = max(0, z); f′(z) = 1 if z > 0, else 0."""

    name = "relu"
    formula = "f(z) = max(0, z)"
    derivative_formula = "f′(z) = 1 if z > 0, else 0"

    def forward(self, z: np.ndarray) -> np.ndarray:
        return np.maximum(z, 0.0)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        return (np.asarray(z) > 0).astype(float)

    def forward_into(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        return np.maximum(z, _ZERO, out=out)

    def backward_into(
        self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: np.ndarray, ctx: Any = None
    ) -> np.ndarray:
        # f′(z) as 0.0 or 1.0 into out, then a product of two float arrays: together
        # cheaper than a ufunc converting the boolean mask on the fly (twice as fast at 128²).
        out[...] = np.greater(z, _ZERO)
        return np.multiply(out, grad_a, out)


class Softmax(Activation):
    """Softmax over the last axis: aⱼ = e^(zⱼ) / Σₖ e^(zₖ). Output layer only.

    Computed with the row maximum subtracted first, which changes nothing
    mathematically and keeps every exponential ≤ 1. :meth:`derivative` returns the
    diagonal of the Jacobian, aⱼ(1 − aⱼ); :meth:`backward` applies the full
    Jacobian ∂aⱼ/∂zₖ = aⱼ(δⱼₖ − aₖ).
    """

    name = "softmax"
    formula = "aⱼ = e^(zⱼ) / Σₖ e^(zₖ)"
    derivative_formula = "∂aⱼ/∂zₖ = aⱼ(δⱼₖ − aₖ)"
    elementwise = False

    def forward(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=float)
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        a = self.forward(z)
        return a * (1.0 - a)

    def backward(
        self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, ctx: Any = None
    ) -> np.ndarray:
        return a * (grad_a - (grad_a * a).sum(axis=-1, keepdims=True))

    def forward_into(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        # forward() step by step in place: the same operations, no temporary arrays.
        np.subtract(z, z.max(axis=-1, keepdims=True), out)
        np.exp(out, out)
        return np.divide(out, out.sum(axis=-1, keepdims=True), out)


_REGISTRY: dict[str, type[Activation]] = {
    cls.name: cls
    for cls in (
        Identity,
        Step,
        Sigmoid,
        Tanh,
        HardTanh,
        Softsign,
        ReLU,
        LeakyReLU,
        PReLU,
        RReLU,
        Softmax,
    )
}

#: The parameters each activation accepts (the allow-list used by file loading).
PARAMETERS: dict[str, tuple[str, ...]] = {
    "leaky_relu": ("slope",),
    "prelu": ("alpha",),
    "rrelu": ("lower", "upper"),
}


def names() -> list[str]:
    """Return the names of every activation, in teaching order."""
    return list(_REGISTRY)


def get(name: str | Activation, **params: float) -> Activation:
    """Return the activation called ``name``, configured with ``params``.

    Parameters
    ----------
    name
        One of :func:`names`, or an :class:`Activation` (returned as it is).
    **params
        ``slope`` for leaky_relu, ``alpha`` for prelu, ``lower`` and ``upper``
        for rrelu.

    Raises
    ------
    ValueError
        For an unknown name or parameter, or a parameter that is not a finite number.
    """
    if isinstance(name, Activation):
        return name
    cls = _REGISTRY.get(name) if isinstance(name, str) else None
    if cls is None:
        raise EngineError(
            QT_TRANSLATE_NOOP("EngineErrors", "unknown activation {name!r}; choose one of {names}"),
            name=name,
            names=", ".join(map(repr, _REGISTRY)),
        )
    allowed = PARAMETERS.get(name, ())
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        if allowed:
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors",
                    "activation {name!r} takes no parameter {unknown!r} (it takes {allowed})",
                ),
                name=name,
                unknown=unknown[0],
                allowed=", ".join(allowed),
            )
        raise EngineError(
            QT_TRANSLATE_NOOP("EngineErrors", "activation {name!r} takes no parameter {unknown!r}"),
            name=name,
            unknown=unknown[0],
        )
    return cls(**params)


def from_dict(spec: dict[str, Any] | str) -> Activation:
    """Make an activation from :meth:`Activation.to_dict` output (or a bare name)."""
    if isinstance(spec, str):
        return get(spec)
    if not isinstance(spec, dict) or "name" not in spec:
        raise EngineError(
            QT_TRANSLATE_NOOP("EngineErrors", "an activation is described by a name, got {spec!r}"),
            spec=spec,
        )
    params = {k: v for k, v in spec.items() if k != "name"}
    return get(spec["name"], **params)
