"""Rosenblatt's perceptron learning rule, for one layer of step units.

For a sample x with target y ∈ {0, 1} and prediction ŷ = step(w·x + b):

    Δw = η (y − ŷ) x,    Δb = η (y − ŷ)

Nothing changes when the prediction is right; after a mistake the decision boundary
w·x + b = 0 moves towards classifying x right. On linearly separable data (AND, OR)
the rule converges in finitely many mistakes; on XOR it never does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .network import Network

__all__ = ["PerceptronStep", "PerceptronTrainer", "perceptron_update"]


@dataclass(frozen=True)
class PerceptronStep:
    """What one application of the rule did, for teaching views."""

    index: int
    x: np.ndarray
    y: np.ndarray
    y_hat: np.ndarray
    delta_weights: np.ndarray
    delta_biases: np.ndarray

    @property
    def mistake(self) -> bool:
        """True if the prediction was wrong (and so the weights moved)."""
        return bool(np.any(self.y != self.y_hat))


def perceptron_update(
    network: Network, x: np.ndarray, y: np.ndarray, learning_rate: float = 1.0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Apply the perceptron rule for one sample, in place.

    Returns
    -------
    y_hat, delta_weights, delta_biases
        The prediction before the update and the changes made.
    """
    _check_single_step_layer(network)
    layer = network.layers[0]
    x = np.asarray(x, dtype=float).reshape(-1)
    y = np.asarray(y, dtype=float).reshape(-1)
    y_hat = network.forward(x)
    error = learning_rate * (y - y_hat)
    delta_w = np.outer(error, x)
    layer.weights += delta_w
    layer.biases += error
    return y_hat, delta_w, error


class PerceptronTrainer:
    """Applies the perceptron rule one sample at a time, cycling through the data.

    Parameters
    ----------
    network
        A network with a single layer of ``step`` units.
    X, Y
        Inputs (n, n_in) and 0/1 targets (n, n_out).
    learning_rate
        η; with zero initial weights any η > 0 gives the same sequence of mistakes.
    shuffle, seed
        Visit the samples in a new random order every epoch.
    """

    def __init__(
        self,
        network: Network,
        X: np.ndarray,
        Y: np.ndarray,
        learning_rate: float = 1.0,
        shuffle: bool = False,
        seed: int | None = None,
    ):
        _check_single_step_layer(network)
        self.network = network
        self.X = np.asarray(X, dtype=float)
        self.Y = np.asarray(Y, dtype=float).reshape(len(self.X), -1)
        self.learning_rate = learning_rate
        self.shuffle = shuffle
        self._rng = np.random.default_rng(seed)
        self._order = np.arange(len(self.X))
        self._position = 0
        self.epochs = 0
        self.mistakes_per_epoch: list[int] = []
        self._mistakes = 0

    def step(self) -> PerceptronStep:
        """Apply the rule to the next sample and return what happened."""
        if self._position == 0 and self.shuffle:
            self._order = self._rng.permutation(len(self.X))
        i = int(self._order[self._position])
        y_hat, dw, db = perceptron_update(self.network, self.X[i], self.Y[i], self.learning_rate)
        result = PerceptronStep(i, self.X[i], self.Y[i], y_hat, dw, db)
        self._mistakes += result.mistake
        self._position += 1
        if self._position == len(self.X):
            self.mistakes_per_epoch.append(self._mistakes)
            self.epochs += 1
            self._position = self._mistakes = 0
        return result

    def epoch(self) -> int:
        """Run through the rest of the current epoch; return its number of mistakes."""
        start = self.epochs
        while self.epochs == start:
            self.step()
        return self.mistakes_per_epoch[-1]

    @property
    def converged(self) -> bool:
        """True once a whole epoch went by without a mistake."""
        return bool(self.mistakes_per_epoch) and self.mistakes_per_epoch[-1] == 0


def _check_single_step_layer(network: Network) -> None:
    if len(network.layers) != 1 or network.layers[0].activation.name != "step":
        raise ValueError("the perceptron rule needs a network of one layer of step units")
