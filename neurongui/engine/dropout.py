"""Dropout: hidden neurons switched off at random during training steps.

Inverted dropout (Srivastava et al., 2014, as Keras and PyTorch do it): in a training
step, each neuron of a hidden layer with rate p is kept with probability 1 − p, and a
kept neuron's output is divided by 1 − p,

    ã⁽ˡ⁾ = m ⊙ a⁽ˡ⁾,   m = 1/(1 − p) with probability 1 − p, else 0,

so that the next layer receives on average the same input as without dropout
(E[ã] = a). Backprop goes through the same mask: ∂L/∂a⁽ˡ⁾ = m ⊙ ∂L/∂ã⁽ˡ⁾. Nothing
else uses dropout: evaluation, the losses and accuracies, the views all compute with
the whole network, which is why the division by 1 − p happens during training.
(With the trainer's ``epoch_metrics="running"``, the training loss of an epoch is
the mean of its batches' losses with their masks, as Keras reports it.)

A fresh mask is drawn for every sample of every step from the trainer's own random
generator, seeded from the run's seed, so a run repeats exactly. The passes here are
those of :mod:`._kernels` with the masks applied; the trainer uses them only while
some rate is above 0, so that without dropout training is the same to the last bit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from . import losses as _losses
from ._kernels import Workspace
from .activations import PReLU
from .errors import QT_TRANSLATE_NOOP, EngineError

if TYPE_CHECKING:
    from .network import Layer

__all__ = ["MAX_RATE", "Dropout", "dropout_pass", "layer_rates"]

#: The highest dropout rate: at p = 1 nothing would be kept (and 1/(1 − p) is infinite).
MAX_RATE = 0.9


def layer_rates(rates: float | Sequence[float], n_layers: int) -> tuple[float, ...]:
    """One rate per layer of a network of ``n_layers`` layers (the output layer's is 0).

    ``rates`` is one rate for every hidden layer, or one per hidden layer (missing
    ones are 0, extra ones are ignored: the network may have lost a layer).

    Raises
    ------
    EngineError
        If a rate is not a number from 0 to :data:`MAX_RATE`.
    """
    hidden = n_layers - 1
    given: list[object] = [rates] * hidden
    if isinstance(rates, Sequence) and not isinstance(rates, str):
        given = [*list(rates)[:hidden], *[0.0] * max(0, hidden - len(rates))]
    for p in given:
        ok = isinstance(p, (int, float, np.floating)) and not isinstance(p, bool)
        if not (ok and 0 <= float(p) <= MAX_RATE):  # type: ignore[arg-type]
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "a dropout rate must be a number from 0 to {high}, not {value}"
                ),
                high=MAX_RATE,
                value=repr(p)[:40],
            )
    return (*(float(p) for p in given), 0.0)  # type: ignore[arg-type]


class Dropout:
    """Draws the masks of a trainer's steps and runs the passes with them.

    Parameters
    ----------
    rates
        One rate for every hidden layer, or one per hidden layer (see
        :func:`layer_rates`).
    rng
        The generator the masks are drawn from.
    """

    def __init__(self, rates: float | Sequence[float], rng: np.random.Generator):
        self.rates = rates
        self.rng = rng
        # Per workspace (one per batch size): masks and the masked outputs with their
        # row of ones, in the passes' transposed layout (one row per neuron).
        self._buffers: dict[int, tuple[Workspace, list[Any], list[Any], list[Any]]] = {}

    def active(self) -> bool:
        """True if some layer drops neurons."""
        rates = self.rates
        return any(p > 0 for p in rates) if isinstance(rates, Sequence) else rates > 0

    def clear(self) -> None:
        """Forget the buffers (the network's structure or the steps' dtype changed)."""
        self._buffers.clear()

    def draw(self, layers: list[Layer], ws: Workspace) -> tuple[list[Any], list[Any]]:
        """New masks for a step on ``ws``: per layer an array (neurons, n) of 0 and
        1/(1 − p), or None where nothing is dropped; and the masked outputs' buffers."""
        entry = self._buffers.get(id(ws))
        rates = layer_rates(self.rates, len(layers))
        if entry is None or len(entry[1]) != len(layers):
            dtype = ws.z_t[0].dtype
            masks = [np.empty(z_t.shape, dtype) for z_t in ws.z_t]
            uniform = [np.empty(z_t.shape, dtype) for z_t in ws.z_t]
            dropped = [np.empty(a_t.shape, dtype) for a_t in ws.a_t]
            for d in dropped[:-1]:
                d[-1] = 1.0
            entry = self._buffers[id(ws)] = (ws, masks, uniform, dropped)
        _, masks, uniform, dropped = entry
        out: list[np.ndarray | None] = []
        for p, mask, u in zip(rates, masks, uniform, strict=True):
            if p <= 0:
                out.append(None)
                continue
            self.rng.random(dtype=u.dtype.type, out=u)
            np.greater_equal(u, p, out=mask, casting="unsafe")  # kept: 1.0, dropped: 0.0
            mask *= u.dtype.type(1 / (1 - p))
            out.append(mask)
        return out, dropped


def dropout_pass(
    layers: list[Layer],
    inputs: np.ndarray,
    Y: np.ndarray,
    loss: _losses.Loss,
    blocks: list[tuple[np.ndarray, np.ndarray | None]],
    rng: np.random.Generator | None,
    ws: Workspace,
    compute_loss: bool,
    masks: list[np.ndarray | None],
    dropped: list[np.ndarray],
) -> float | None:
    """:func:`._kernels.train_pass` with the hidden outputs multiplied by ``masks``.

    ``masks[l]`` has the shape (neurons, n) of ``ws.z_t[l]`` (or is None: no dropout
    in layer l); ``dropped[l]`` receives the masked outputs with their row of ones.
    ``ws.activations`` keep the outputs before the mask, which the activations'
    derivatives need (tanh′ = 1 − a²).

    Returns
    -------
    float or None
        The batch's mean loss with these masks, or None (``compute_loss`` False).
    """
    # Forward: z⁽ˡ⁾ from the layer below's masked outputs.
    below = [inputs.T]
    a_t = inputs.T
    for i, layer in enumerate(layers):
        layer._wb.dot(a_t, ws.z_t[i])
        out = ws.activations[i]
        if rng is None:
            layer.activation.forward_into(ws.zs[i], out)
        else:
            out[...], ws.ctxs[i] = layer.activation.forward_train(ws.zs[i], rng)
        a_t = ws.a_t[i]
        mask = masks[i]
        if mask is not None:
            np.multiply(a_t[:-1], mask, dropped[i][:-1])
            a_t = dropped[i]
        below.append(a_t)
    value = loss.value(ws.activations[-1], Y) if compute_loss else None
    # Backward: as _kernels._backward_pass, with ∂L/∂a⁽ˡ⁾ = m ⊙ ∂L/∂ã⁽ˡ⁾.
    zs, acts, deltas, ctxs = ws.zs, ws.activations, ws.deltas, ws.ctxs
    last, grad_a = layers[-1], None
    if last._alpha is None:
        loss.output_delta_into(zs[-1], acts[-1], Y, last.activation, deltas[-1], ctxs[-1])
    else:
        grad_a = loss.gradient(acts[-1], Y)
        last.activation.backward_into(zs[-1], acts[-1], grad_a, deltas[-1], ctxs[-1])
    delta_t, grad_a_t = ws.delta_t, ws.grad_a_t
    for i in range(len(layers) - 1, -1, -1):
        layer, (grad_wb, grad_alpha) = layers[i], blocks[i]
        ws.delta_t[i].dot(below[i].T, grad_wb)  # [∂L/∂W ∂L/∂b] = δᵀ [ã 1]
        if grad_alpha is not None and grad_a is not None and isinstance(layer.activation, PReLU):
            grad_alpha[...] = layer.activation.alpha_gradient(zs[i], grad_a)
        if i:
            j = i - 1
            layer._wbt.dot(delta_t[i], grad_a_t[j])  # (δ [W | b])ᵀ = ∂L/∂ã
            if masks[j] is not None:
                grad_a_t[j][:-1] *= masks[j]
            grad_a = ws.grad_a[j]
            layers[j].activation.backward_into(zs[j], acts[j], grad_a, deltas[j], ctxs[j])
    return value
