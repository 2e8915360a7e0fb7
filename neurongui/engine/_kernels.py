"""The fast passes of training: forward and backprop on preallocated arrays.

Private: read :mod:`.textbook` for the math (``z = W a + b``, ``δ = (Wᵀ δ) ⊙ f′(z)``);
this module computes the same numbers, to the last bit of the tests' 1e-12, in as few
NumPy calls as it can, because a small network's step is a few dozen microseconds and
each call costs about one.

Each layer's weights and biases are stored side by side as one block [W | b] of shape
(n_out, n_in + 1). The passes append a column of ones to every layer's input,

    z⁽ˡ⁾ = [a⁽ˡ⁻¹⁾ 1] [W⁽ˡ⁾ b⁽ˡ⁾]ᵀ,    [∂L/∂W⁽ˡ⁾ ∂L/∂b⁽ˡ⁾] = δ⁽ˡ⁾ᵀ [a⁽ˡ⁻¹⁾ 1],

so a matrix product adds the biases and another sums δ over the samples for ∂L/∂b:
the same numbers in a third fewer NumPy calls, which is most of a small step's cost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import DTypeLike

from . import losses as _losses
from .activations import PReLU

if TYPE_CHECKING:
    from .network import Layer, Network

__all__ = ["Workspace", "backpropagate", "forward_pass", "parameter_blocks", "train_pass"]


class Workspace:
    """Preallocated arrays for one forward and backward pass of ``n`` samples.

    The training loop keeps one per batch size, so a step allocates nothing. After
    :func:`backpropagate`, ``zs``, ``activations`` and ``deltas`` hold z⁽ˡ⁾, a⁽ˡ⁾ and
    δ⁽ˡ⁾ of every layer, each of shape (n, neurons).

    The pass computes with the transposes, one row per neuron and a column per sample
    (``zs[l]`` is a view of ``z_t[l]``, and so on). That way each hidden layer's output
    can carry a last row of ones, for the product with the next layer's [W | b] (see the
    module docstring), and still every array a ufunc touches is contiguous: NumPy's
    element-wise loops take several times longer on strided arrays this small.
    ``inputs`` holds the input batch with its column of ones. With ``backward=False``
    only the forward pass's arrays are made, for evaluation; with ``inputs=False``
    ``inputs`` is empty (the caller passes inputs of its own). ``dtype`` is that of the
    parameters the pass computes with (float32 for the trainer's faster option).
    """

    def __init__(
        self,
        network: Network,
        n: int,
        backward: bool = True,
        dtype: DTypeLike = np.float64,
        inputs: bool = True,
    ):
        sizes = [layer.n_out for layer in network.layers]
        self.n = n
        self.inputs = np.empty((n if inputs else 0, network.n_inputs + 1), dtype)
        self.inputs[:, -1] = 1.0
        self.z_t = [np.empty((size, n), dtype) for size in sizes]
        # Hidden outputs with a row of ones below; the output layer needs none.
        self.a_t = [np.empty((size + 1, n), dtype) for size in sizes[:-1]]
        self.a_t.append(np.empty((sizes[-1], n), dtype))
        for a_t in self.a_t[:-1]:
            a_t[-1] = 1.0
        self.zs = [z_t.T for z_t in self.z_t]
        self.activations = [a_t[: len(z_t)].T for a_t, z_t in zip(self.a_t, self.z_t, strict=True)]
        if not backward:  # (a forward pass only: half the memory)
            self.delta_t, self.grad_a_t, self.deltas, self.grad_a = [], [], [], []
        else:
            self.delta_t = [np.empty((size, n), dtype) for size in sizes]
            # (δ⁽ˡ⁾[W | b])ᵀ for the layer below: the bias's row goes unused, but a
            # product with the whole contiguous block is faster than one with the W view.
            self.grad_a_t = [np.empty((size + 1, n), dtype) for size in sizes[:-1]]
            self.deltas = [d_t.T for d_t in self.delta_t]
            self.grad_a = [g_t[:-1].T for g_t in self.grad_a_t]
            # Each layer's [a 1] (None: the inputs), with its views made once, not per step.
            self.augmented = [None] + [a_t.T for a_t in self.a_t[:-1]]
        self.ctxs: list[Any] = [None] * len(sizes)


def backpropagate(
    net: Network,
    X: np.ndarray,
    Y: np.ndarray,
    loss: _losses.Loss,
    grad: np.ndarray,
    rng: np.random.Generator | None = None,
    ws: Workspace | None = None,
    compute_loss: bool = True,
) -> float | None:
    """Write ∂L/∂θ into ``grad``, a vector shaped like :attr:`Network.parameters`.

    The backward pass is the chain rule, layer by layer from the output:
    δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾ from the loss, then ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾ᵀ a⁽ˡ⁻¹⁾, ∂L/∂b⁽ˡ⁾ = Σₙ δ⁽ˡ⁾ and
    δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾) ⊙ f′(z⁽ˡ⁻¹⁾). With ``rng`` the pass runs in training mode
    (RReLU draws its slopes from it). ``ws`` receives every z, a and δ.
    :meth:`Network.gradient_views` lays the layers' shapes over ``grad``.

    Returns
    -------
    float or None
        The batch's mean loss, or None when ``compute_loss`` is False (the
        optimiser does not need it, and it costs a tenth of a small step).
    """
    if ws is None or ws.n != len(X):
        ws = Workspace(net, len(X))
    ws.inputs[:, :-1] = X
    blocks = net._blocks(grad)
    return train_pass(net.layers, ws.inputs, Y, loss, blocks, rng, ws, compute_loss)


def train_pass(
    layers: list[Layer],
    inputs: np.ndarray,
    Y: np.ndarray,
    loss: _losses.Loss,
    blocks: list[tuple[np.ndarray, np.ndarray | None]],
    rng: np.random.Generator | None,
    ws: Workspace,
    compute_loss: bool,
) -> float | None:
    """:func:`backpropagate` for the training loop, which prepares its arguments once.

    ``layers`` are the network's (or laid over a float32 copy of its parameters, like
    ``ws``), ``inputs`` is the batch with a column of ones appended and ``blocks``
    comes from ``Network._blocks(grad)``.
    """
    a = forward_pass(layers, inputs, ws, rng)
    value = loss.value(a, Y) if compute_loss else None
    _backward_pass(layers, inputs, Y, loss, blocks, ws)
    return value


# Both passes call ndarray.dot and pass outputs by position: np.dot and out= would cost
# ~0.3 µs more per call, a tenth of a small network's step.


def forward_pass(
    layers: list[Layer], inputs: np.ndarray, ws: Workspace, rng: np.random.Generator | None
) -> np.ndarray:
    """z⁽ˡ⁾ = [a⁽ˡ⁻¹⁾ 1][W⁽ˡ⁾ b⁽ˡ⁾]ᵀ and a⁽ˡ⁾ = f(z⁽ˡ⁾) into ``ws``; return a⁽ᴸ⁾.

    ``inputs`` is the batch with a column of ones appended; with ``rng`` the pass runs
    in training mode (RReLU draws its slopes from it).
    """
    a_t = inputs.T
    for i, layer in enumerate(layers):
        layer._wb.dot(a_t, ws.z_t[i])  # zᵀ = [W | b] [a 1]ᵀ
        out = ws.activations[i]
        if rng is None:
            layer.activation.forward_into(ws.zs[i], out)
        else:
            out[...], ws.ctxs[i] = layer.activation.forward_train(ws.zs[i], rng)
        a_t = ws.a_t[i]
    return ws.activations[-1]


def _backward_pass(
    layers: list[Layer],
    inputs: np.ndarray,
    Y: np.ndarray,
    loss: _losses.Loss,
    blocks: list[tuple[np.ndarray, np.ndarray | None]],
    ws: Workspace,
) -> None:
    """δ⁽ˡ⁾ into ``ws`` and ∂L/∂θ into ``blocks``, from the output layer down."""
    zs, acts, deltas, ctxs = ws.zs, ws.activations, ws.deltas, ws.ctxs
    last, grad_a = layers[-1], None
    if last._alpha is None:
        loss.output_delta_into(zs[-1], acts[-1], Y, last.activation, deltas[-1], ctxs[-1])
    else:
        grad_a = loss.gradient(acts[-1], Y)
        last.activation.backward_into(zs[-1], acts[-1], grad_a, deltas[-1], ctxs[-1])
    augmented, delta_t, grad_a_t = ws.augmented, ws.delta_t, ws.grad_a_t
    for i in range(len(layers) - 1, -1, -1):
        layer, (grad_wb, grad_alpha) = layers[i], blocks[i]
        # [∂L/∂W ∂L/∂b] = δᵀ [a 1] in one product: the ones sum δ over the samples.
        delta_t[i].dot(augmented[i] if i else inputs, grad_wb)
        # Only a PReLU layer has slopes, and it has its ∂L/∂a by now.
        if grad_alpha is not None and grad_a is not None and isinstance(layer.activation, PReLU):
            grad_alpha[...] = layer.activation.alpha_gradient(zs[i], grad_a)
        if i:  # (∂L/∂x is not needed: the inputs are not trained)
            j = i - 1
            layer._wbt.dot(delta_t[i], grad_a_t[j])  # (δ [W | b])ᵀ
            grad_a = ws.grad_a[j]
            layers[j].activation.backward_into(zs[j], acts[j], grad_a, deltas[j], ctxs[j])


def parameter_blocks(
    vector: np.ndarray, n_in: int, sizes: list[int], counts: list[tuple[int, int]]
) -> list[tuple[np.ndarray, np.ndarray | None]]:
    """Lay the parameter layout over ``vector``: per layer [W | b] row by row, then α."""
    blocks, offset, prev = [], 0, n_in
    for size, (n_wb, n_alpha) in zip(sizes, counts, strict=True):
        wb = vector[offset : offset + n_wb].reshape(size, prev + 1)
        alpha = vector[offset + n_wb : offset + n_wb + n_alpha] if n_alpha else None
        blocks.append((wb, alpha))
        offset += n_wb + n_alpha
        prev = size
    return blocks
