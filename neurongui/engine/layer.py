"""One dense layer of a :class:`.network.Network`: views of its weights, biases and
PReLU slopes in the network's parameter vector, and its activation."""

from __future__ import annotations

import numpy as np

from ._checks import same_shape
from .activation_base import Activation

__all__ = ["Layer"]


class Layer:
    """One dense layer: its weights (n_out, n_in), biases (n_out,) and activation.

    The arrays are views into the network's parameter vector. Assigning to
    ``layer.weights`` copies the values in (shapes must match); use
    :meth:`Network.set_weight` for single edits.
    """

    __slots__ = ("_alpha", "_b", "_w", "_wb", "_wbt", "activation")

    def __init__(self, wb: np.ndarray, alpha: np.ndarray | None, act: Activation):
        n_in = wb.shape[1] - 1
        self._wb, self._alpha, self.activation = wb, alpha, act
        self._w, self._b = wb[:, :n_in], wb[:, n_in]
        self._wbt = wb.T  # a view kept for the training loop, which would make it every step

    @property
    def weights(self) -> np.ndarray:
        """Weight matrix, shape (n_out, n_in); ``weights[j, k]`` feeds neuron j from k."""
        return self._w

    @weights.setter
    def weights(self, value: np.ndarray) -> None:
        self._w[...] = same_shape("weights", value, self._w.shape)

    @property
    def biases(self) -> np.ndarray:
        """Bias vector, shape (n_out,)."""
        return self._b

    @biases.setter
    def biases(self, value: np.ndarray) -> None:
        self._b[...] = same_shape("biases", value, self._b.shape)

    @property
    def alpha(self) -> np.ndarray | None:
        """PReLU slopes, one per neuron, or None for other activations."""
        return self._alpha

    @property
    def n_in(self) -> int:
        """Number of inputs (neurons of the previous layer)."""
        return self._w.shape[1]

    @property
    def n_out(self) -> int:
        """Number of neurons."""
        return self._w.shape[0]

    def __repr__(self) -> str:
        return f"Layer({self.n_in} -> {self.n_out}, {self.activation!r})"
