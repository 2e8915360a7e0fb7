"""The gradient check: backpropagation's ∂L/∂θ against a central finite difference.

For one parameter θ (a weight, a bias or a PReLU slope) the check computes

    backprop:           ∂L/∂θ from one backward pass
    finite difference:  (L(θ + ε) − L(θ − ε)) / (2ε)

on the same batch, and their relative difference |a − b| / max(|a|, |b|). The central
difference is off by about ε²·L‴/6 (truncation) plus the rounding of L, about
2⁻⁵²·|L|/ε; with ε = 1e-5 in float64 both are near 1e-10 to 1e-11, so a correct
backprop agrees to 7 digits or more. Kinks break that: a ReLU whose z crosses 0
between θ − ε and θ + ε, or |w| of an L1 penalty at w ≈ 0, make the two sides differ
by design; the result says when that happened.

L includes the regularisation penalty when one is given (L1: λ Σ|w|, L2: (λ/2) Σ w²,
as the trainer adds it), so the check covers the gradient training descends.
Everything runs in float64 on a copy of the network: the network passed in never
changes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import losses as _losses
from .network import Network
from .regularization import penalty as _penalty

__all__ = [
    "AGREE",
    "CLOSE",
    "EPSILON",
    "SAMPLE_LIMIT",
    "CheckedParameter",
    "GradientCheck",
    "check_rows",
    "gradient_check",
]

#: The step of the central difference (float64: near the best trade of truncation
#: against rounding, which is at about the cube root of 2⁻⁵², 6e-6).
EPSILON = 1e-5
#: The most training samples the check uses; larger sets use every k-th sample.
SAMPLE_LIMIT = 256
#: Relative differences below this: backprop is right.
AGREE = 1e-6
#: Below this (and above AGREE): close, as kinks or rounding can make it; above: wrong.
CLOSE = 1e-3
#: Activations with a kink at z = 0, where the finite difference is not the slope.
_KINKED = frozenset({"relu", "leaky_relu", "prelu", "rrelu", "step", "hardtanh"})

#: ``gradient(network, X, Y, loss)`` returns per-layer dicts like Network.gradients.
GradientFunction = Callable[[Network, np.ndarray, np.ndarray, str], list[dict[str, np.ndarray]]]


@dataclass(frozen=True)
class CheckedParameter:
    """Which parameter to check.

    Attributes
    ----------
    kind : str
        ``"weight"``, ``"bias"`` or ``"alpha"`` (a PReLU slope).
    layer, neuron : int
        The engine layer (0 is the first hidden layer) and the neuron in it.
    source : int
        For a weight, the neuron of the previous layer (or input) it comes from.
    """

    kind: str
    layer: int
    neuron: int
    source: int = 0


@dataclass(frozen=True)
class GradientCheck:
    """The outcome of :func:`gradient_check`.

    Attributes
    ----------
    backprop, numeric : float
        ∂L/∂θ by backpropagation, and (L(θ+ε) − L(θ−ε)) / (2ε).
    relative : float
        |backprop − numeric| / max(|backprop|, |numeric|), 0 when both are 0.
    digits : int
        How many significant digits agree, ⌊−log₁₀ relative⌋ clipped to [0, 16].
    verdict : str
        ``"agree"`` (relative < :data:`AGREE`), ``"close"`` (< :data:`CLOSE`),
        ``"disagree"``, or ``"zero"`` when both are 0 to within :attr:`resolution`.
    epsilon : float
        ε of the difference.
    loss_plus, loss_minus : float
        L(θ + ε) and L(θ − ε), the penalty included.
    resolution : float
        The rounding error of the difference, 2⁻⁵²·max|L| / ε: smaller gradients
        cannot be told from 0 by it.
    kink : bool
        True if a kink lies between θ − ε and θ + ε (a ReLU-like neuron's z changes
        sign, or an L1-penalised weight crosses 0): then the two may rightly differ.
    n_samples, n_total : int
        The samples used and the size of the set they came from.
    regularized : bool
        True if L included a penalty.
    """

    backprop: float
    numeric: float
    relative: float
    digits: int
    verdict: str
    epsilon: float
    loss_plus: float
    loss_minus: float
    resolution: float
    kink: bool
    n_samples: int
    n_total: int
    regularized: bool


def check_rows(n: int, limit: int = SAMPLE_LIMIT) -> slice:
    """The rows of a set of ``n`` samples the check uses: all of them, or every k-th
    with k = ⌈n / limit⌉, so at most ``limit``."""
    return slice(0, None, max(1, math.ceil(n / limit)))


def gradient_check(
    network: Network,
    X: np.ndarray,
    Y: np.ndarray,
    loss: str,
    parameter: CheckedParameter,
    *,
    epsilon: float = EPSILON,
    regularization: str | None = None,
    rate: float = 0.0,
    n_total: int | None = None,
    gradient: GradientFunction | None = None,
) -> GradientCheck:
    """Check backprop's ∂L/∂θ of one parameter against a central finite difference.

    Parameters
    ----------
    network
        The network; it is not changed (the difference perturbs a copy).
    X, Y
        The batch: inputs (n, n_in) and targets (n, n_out).
    loss
        ``"mse"``, ``"bce"`` or ``"cross_entropy"``; L is its mean over the batch.
    parameter
        The weight, bias or PReLU slope to check.
    epsilon
        ε of the central difference.
    regularization, rate
        The penalty added to L (``None``, ``"l1"``, ``"l2"``) and its λ; biases and
        slopes are not penalised.
    n_total
        The size of the set ``X`` was drawn from (default: ``len(X)``), for the report.
    gradient
        The gradient to check (default :meth:`Network.gradients`, backpropagation).

    Returns
    -------
    GradientCheck
    """
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64)
    grads = (gradient or _backprop)(network, X, Y, loss)
    penalised = bool(regularization and rate)
    a = float(_pick(grads[parameter.layer], parameter))
    theta = _value(network, parameter)
    if penalised and parameter.kind == "weight":
        a += rate * (np.sign(theta) if regularization == "l1" else theta)

    probe = network.copy()
    signs = []
    values = []
    for shift in (epsilon, -epsilon):
        _set(probe, parameter, theta + shift)
        trace = probe.forward_trace(X)
        value = _losses.get(loss).value(trace[-1][1], Y)
        if penalised:
            value += _penalty(regularization, rate, [layer.weights for layer in probe.layers])
        values.append(value)
        signs.append([np.signbit(z) for z, _ in trace])
    b = (values[0] - values[1]) / (2 * epsilon)

    kink = any(
        probe.layers[i].activation.name in _KINKED and bool(np.any(up != down))
        for i, (up, down) in enumerate(zip(*signs, strict=True))
    )
    if penalised and regularization == "l1" and parameter.kind == "weight":
        kink = kink or abs(theta) < epsilon
    resolution = np.finfo(np.float64).eps * max(abs(values[0]), abs(values[1])) / epsilon
    scale = max(abs(a), abs(b))
    relative = abs(a - b) / scale if scale > 0 else 0.0
    if scale <= resolution:
        verdict = "zero"
    elif relative < AGREE:
        verdict = "agree"
    elif relative < CLOSE:
        verdict = "close"
    else:
        verdict = "disagree"
    digits = 16 if relative == 0 else int(np.clip(math.floor(-math.log10(relative)), 0, 16))
    return GradientCheck(
        backprop=a,
        numeric=float(b),
        relative=float(relative),
        digits=digits,
        verdict=verdict,
        epsilon=epsilon,
        loss_plus=float(values[0]),
        loss_minus=float(values[1]),
        resolution=float(resolution),
        kink=kink,
        n_samples=len(X),
        n_total=len(X) if n_total is None else int(n_total),
        regularized=penalised,
    )


def _backprop(
    network: Network, X: np.ndarray, Y: np.ndarray, loss: str
) -> list[dict[str, np.ndarray]]:
    return network.gradients(X, Y, loss)


def _pick(grads: dict[str, np.ndarray], p: CheckedParameter) -> float:
    if p.kind == "weight":
        return grads["weights"][p.neuron, p.source]
    if p.kind == "bias":
        return grads["biases"][p.neuron]
    return grads["alpha"][p.neuron]


def _value(network: Network, p: CheckedParameter) -> float:
    layer = network.layers[p.layer]
    if p.kind == "weight":
        return float(layer.weights[p.neuron, p.source])
    if p.kind == "bias":
        return float(layer.biases[p.neuron])
    if layer.alpha is None:
        raise ValueError(f"layer {p.layer} has no PReLU slopes")
    return float(layer.alpha[p.neuron])


def _set(network: Network, p: CheckedParameter, value: float) -> None:
    # Straight into the copy's arrays: set_weight would refuse nothing here anyway.
    layer = network.layers[p.layer]
    if p.kind == "weight":
        layer.weights[p.neuron, p.source] = value
    elif p.kind == "bias":
        layer.biases[p.neuron] = value
    else:
        assert layer.alpha is not None  # (checked by _value first)
        layer.alpha[p.neuron] = value
