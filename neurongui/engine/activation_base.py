"""The interface every activation function implements: :class:`Activation`.

The functions themselves and the registry that makes them by name are in
:mod:`.activations`; the ReLU variants with a negative-side slope in :mod:`.leaky_relus`.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

__all__ = ["Activation"]


class Activation:
    """Base class: an activation function and its derivative.

    Subclasses set :attr:`name` and :attr:`formula` and implement :meth:`forward`
    and :meth:`derivative`.
    """

    name: ClassVar[str] = ""
    #: The definition as plain text with Unicode symbols, for labels and tooltips.
    formula: ClassVar[str] = ""
    #: The derivative as plain text.
    derivative_formula: ClassVar[str] = ""
    #: False for softmax, whose outputs depend on every input of the row.
    elementwise: ClassVar[bool] = True

    def forward(self, z: np.ndarray) -> np.ndarray:
        """Return f(z) (evaluation mode)."""
        raise NotImplementedError

    def derivative(self, z: np.ndarray) -> np.ndarray:
        """Return f'(z) element by element (evaluation mode)."""
        raise NotImplementedError

    def forward_train(self, z: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, Any]:
        """Return f(z) in training mode and what :meth:`backward` needs besides z and a.

        Only RReLU behaves differently while training; the rest ignore ``rng``.
        """
        return self.forward(z), None

    def backward(
        self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, ctx: Any = None
    ) -> np.ndarray:
        """Return ∂L/∂z = ∂L/∂a · f'(z), given ``a = f(z)`` and ``grad_a = ∂L/∂a``."""
        return grad_a * self.derivative(z)

    def forward_into(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        """Write f(z) into ``out`` and return it (the training loop's allocation-free path)."""
        out[...] = self.forward(z)
        return out

    def backward_into(
        self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: np.ndarray, ctx: Any = None
    ) -> np.ndarray:
        """Write :meth:`backward` into ``out`` (distinct from the inputs) and return it."""
        out[...] = self.backward(z, a, grad_a, ctx)
        return out

    def params(self) -> dict[str, float]:
        """Return the activation's fixed parameters (empty for most)."""
        return {}

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready description, e.g. ``{"name": "leaky_relu", "slope": 0.01}``."""
        return {"name": self.name, **self.params()}

    def __call__(self, z: np.ndarray) -> np.ndarray:
        return self.forward(np.asarray(z, dtype=float))

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.params().items())
        return f"{type(self).__name__}({args})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.to_dict() == self.to_dict()

    def __hash__(self) -> int:
        return hash((self.name, tuple(sorted(self.params().items()))))
