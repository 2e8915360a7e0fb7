"""Forward pass, backpropagation and the optimisers as a textbook writes them.

This is the place to read the math. The engine's fast path (``network.py`` and
``optimizers.py``) computes the same numbers with preallocated buffers and fused
operations; the tests check that the two agree to 1e-12 on many networks. Nothing in
the app calls this module: it exists to be read, and to be checked against.

Notation (as in Nielsen's *Neural Networks and Deep Learning*). Samples are the columns
of a matrix, so one sample and a batch read alike.

Forward, layer by layer, from a⁽⁰⁾ = x::

    z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾          the weighted input of every neuron of layer l
    a⁽ˡ⁾ = f(z⁽ˡ⁾)                     its activation

Backward, from the output layer L down (δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾, one column per sample)::

    δ⁽ᴸ⁾ = ∂L/∂a⁽ᴸ⁾ ⊙ f′(z⁽ᴸ⁾)          or (ŷ − y)/n for the natural pairs below
    δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾) ⊙ f′(z⁽ˡ⁾)
    ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾ a⁽ˡ⁻¹⁾ᵀ              (summed over the samples by the product)
    ∂L/∂b⁽ˡ⁾ = δ⁽ˡ⁾ summed over the samples

The loss is the mean over the n samples, so the 1/n sits in δ⁽ᴸ⁾. Three output
activations pair with a loss so that δ⁽ᴸ⁾ = (ŷ − y)/n: identity with the square loss
L = 1/(2n) Σ‖ŷ − y‖², sigmoid with binary cross-entropy, and softmax with
cross-entropy (when each target column sums to 1; in general (ŷ·Σy − y)/n).
"""

from __future__ import annotations

import numpy as np

from .network import Layer, Network

__all__ = ["SGD", "Adam", "Momentum", "backprop", "forward"]


def forward(net: Network, x: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Run ``x`` (one sample per column) through ``net``.

    Returns
    -------
    zs, activations
        ``zs[l]`` is z of layer l+1; ``activations[0]`` is x itself and
        ``activations[l + 1]`` is a of layer l+1.
    """
    a = x
    zs, activations = [], [a]
    for layer in net.layers:
        z = layer.weights @ a + layer.biases[:, None]
        a = _f(layer, z)
        zs.append(z)
        activations.append(a)
    return zs, activations


def backprop(net: Network, x: np.ndarray, y: np.ndarray, loss: str) -> list[dict[str, np.ndarray]]:
    """∂L/∂W and ∂L/∂b of every layer for inputs ``x`` and targets ``y`` (columns).

    ``loss`` is ``"mse"``, ``"bce"`` or ``"cross_entropy"``. PReLU layers also get
    ∂L/∂α, their slopes' gradient. The dicts are shaped like :meth:`Network.gradients`.
    """
    zs, activations = forward(net, x)
    n = x.shape[1]
    layers = net.layers
    delta, dl_da = _output_delta(layers[-1], zs[-1], activations[-1], y, loss, n)
    grads: list[dict[str, np.ndarray]] = []
    for l in range(len(layers) - 1, -1, -1):  # noqa: E741 (l is the textbook's letter)
        grad = {"weights": delta @ activations[l].T, "biases": delta.sum(axis=1)}
        if layers[l].activation.name == "prelu":
            # a = αz for z ≤ 0, so ∂a/∂α = min(z, 0).
            grad["alpha"] = (dl_da * np.minimum(zs[l], 0.0)).sum(axis=1)
        grads.insert(0, grad)
        if l > 0:
            dl_da = layers[l].weights.T @ delta  # ∂L/∂a of the layer below
            delta = dl_da * _f_prime(layers[l - 1], zs[l - 1])
    return grads


def _output_delta(
    layer: Layer, z: np.ndarray, y_hat: np.ndarray, y: np.ndarray, loss: str, n: int
) -> tuple[np.ndarray, np.ndarray | None]:
    """δ⁽ᴸ⁾ = ∂L/∂z of the output layer, and ∂L/∂a where it was needed."""
    name = layer.activation.name
    natural = {"mse": "identity", "bce": "sigmoid", "cross_entropy": "softmax"}[loss]
    if name == natural:
        if name == "softmax":
            return (y_hat * y.sum(axis=0) - y) / n, None
        return (y_hat - y) / n, None
    eps = 1e-12  # as the engine clips ŷ away from 0 and 1 before dividing
    p = np.clip(y_hat, eps, 1 - eps if loss == "bce" else 1.0)
    dl_da = {
        "mse": (y_hat - y) / n,  # L = 1/(2n) Σ (ŷ − y)²
        "bce": (p - y) / (p * (1 - p)) / n,  # L = −1/n Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]
        "cross_entropy": -y / p / n,  # L = −1/n Σ y ln ŷ
    }[loss]
    if name == "softmax":  # not element-wise: ∂aⱼ/∂zₖ = aⱼ(δⱼₖ − aₖ)
        return y_hat * (dl_da - (dl_da * y_hat).sum(axis=0)), dl_da
    return dl_da * _f_prime(layer, z), dl_da


def _f(layer: Layer, z: np.ndarray) -> np.ndarray:
    """a = f(z), with the layer's own activation (softmax down each column)."""
    if layer.activation.name == "softmax":
        return layer.activation.forward(z.T).T
    if layer.alpha is not None:  # PReLU: the layer's own slope for each neuron
        return np.where(z > 0, z, layer.alpha[:, None] * z)
    return layer.activation.forward(z)


def _f_prime(layer: Layer, z: np.ndarray) -> np.ndarray:
    """f′(z), element by element."""
    if layer.alpha is not None:  # PReLU: the layer's own slope for each neuron
        return np.where(z > 0, 1.0, layer.alpha[:, None] * np.ones_like(z))
    return layer.activation.derivative(z)


class SGD:
    """Plain gradient descent: θ ← θ − η ∂L/∂θ."""

    def __init__(self, learning_rate: float) -> None:
        self.eta = learning_rate

    def step(self, theta: np.ndarray, g: np.ndarray) -> np.ndarray:
        """The new θ after one step along the gradient ``g``."""
        return theta - self.eta * g


class Momentum:
    """Gradient descent with momentum μ: v ← μ v − η g, then θ ← θ + v."""

    def __init__(self, learning_rate: float, momentum: float = 0.9) -> None:
        self.eta, self.mu = learning_rate, momentum
        self.v: np.ndarray | None = None

    def step(self, theta: np.ndarray, g: np.ndarray) -> np.ndarray:
        """The new θ after one step with gradient ``g``."""
        v = np.zeros_like(theta) if self.v is None else self.v
        self.v = self.mu * v - self.eta * g
        return theta + self.v


class Adam:
    """Adam (Kingma and Ba, 2015): steps scaled by running moments of the gradient.

    m ← β₁ m + (1 − β₁) g          a running mean of the gradient
    s ← β₂ s + (1 − β₂) g²         a running mean of its square
    m̂ = m / (1 − β₁ᵗ),  ŝ = s / (1 − β₂ᵗ)    bias corrections: m and s start at 0
    θ ← θ − η m̂ / (√ŝ + ε)
    """

    def __init__(
        self, learning_rate: float, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8
    ) -> None:
        self.eta, self.beta1, self.beta2, self.eps = learning_rate, beta1, beta2, eps
        self.m: np.ndarray | None = None
        self.s: np.ndarray | None = None
        self.t = 0

    def step(self, theta: np.ndarray, g: np.ndarray) -> np.ndarray:
        """The new θ after one step with gradient ``g``."""
        if self.m is None or self.s is None:
            self.m, self.s = np.zeros_like(theta), np.zeros_like(theta)
        self.t += 1
        self.m = self.beta1 * self.m + (1 - self.beta1) * g
        self.s = self.beta2 * self.s + (1 - self.beta2) * g**2
        m_hat = self.m / (1 - self.beta1**self.t)
        s_hat = self.s / (1 - self.beta2**self.t)
        return theta - self.eta * m_hat / (np.sqrt(s_hat) + self.eps)
