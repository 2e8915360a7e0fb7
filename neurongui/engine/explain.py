"""The arithmetic of one neuron for one sample, term by term, for display.

:func:`explain_neuron` returns every product wᵢ·xᵢ, the bias, z = Σ wᵢxᵢ + b and
a = f(z), computed exactly as the network's forward pass computes them, so the
numbers a student reads in the inspector or a tooltip are the engine's own.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .network import Network
from .numbers import format_number  # the shared formatter, kept importable from here

__all__ = [
    "NeuronExplanation",
    "explain_neuron",
    "format_number",
    "lone_softmax",
    "source_names",
]

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


@dataclass(frozen=True)
class NeuronExplanation:
    """z = Σ wᵢ·xᵢ + b and a = f(z) for neuron ``neuron`` of ``layer``.

    ``inputs`` are the values feeding the neuron (the sample's features for the first
    layer, the previous layer's activations otherwise), ``names`` their symbols.
    """

    layer: int
    neuron: int
    names: tuple[str, ...]
    inputs: np.ndarray
    weights: np.ndarray
    bias: float
    z: float
    a: float
    activation: str

    @property
    def products(self) -> np.ndarray:
        """The terms wᵢ·xᵢ (±inf where a typed 1e308 overflows, like z)."""
        with np.errstate(over="ignore", invalid="ignore"):
            return self.weights * self.inputs

    def formula(
        self, max_terms: int = 6, more_terms: str = "{n} terms", activation: str | None = None
    ) -> str:
        """``z = w·x + … + b = 0.5×1.2 + … + 0.1 = 0.7`` with the numbers filled in.

        Parameters
        ----------
        max_terms
            Terms written out; the rest are summed as one.
        more_terms
            How that sum is named, with ``{n}`` for the number of terms (a translation).
        activation
            The activation's name as shown (default: the engine's name).
        """
        n = len(self.weights)
        shown = range(min(n, max_terms))
        symbols = " + ".join(f"w{i + 1}".translate(_SUB) + self.names[i] for i in shown)
        numbers = " + ".join(
            f"{format_number(self.weights[i], True)}×{format_number(self.inputs[i], True)}"
            for i in shown
        )
        if n > max_terms:
            rest = float(self.products[max_terms:].sum())
            symbols += " + … (" + more_terms.format(n=n) + ")"
            numbers += f" + {format_number(rest, True)}"
        return (
            f"z = {symbols} + b\n  = {numbers} + {format_number(self.bias, True)}\n"
            f"  = {format_number(self.z)}\n"
            f"a = {activation or self.activation}(z) = {format_number(self.a)}"
        )


def lone_softmax(network: Network) -> bool:
    """True if the output layer is softmax over a single neuron.

    Softmax of one z is eᶻ / eᶻ = 1 whatever z is: the output never changes, every
    loss of it is constant and every gradient 0, so such a network cannot learn. The
    window allows it (a student may try it) but says so wherever it shows up.
    """
    last = network.layers[-1]
    return last.activation.name == "softmax" and last.n_out == 1


def source_names(network: Network, layer: int) -> tuple[str, ...]:
    """Symbols of the values feeding ``layer``: the input names, or a⁽ˡ⁾ₖ."""
    if layer == 0:
        return tuple(network.input_names)
    n = network.sizes[layer]
    return tuple(f"a{k + 1}".translate(_SUB) + f"({layer})".translate(_SUP) for k in range(n))


def explain_neuron(network: Network, x: np.ndarray, layer: int, neuron: int) -> NeuronExplanation:
    """Break down neuron ``neuron`` of ``layer`` for the single sample ``x``.

    Raises
    ------
    IndexError
        If the layer or neuron does not exist.
    """
    if not 0 <= layer < len(network.layers) or not 0 <= neuron < network.sizes[layer + 1]:
        raise IndexError(f"there is no neuron {neuron} in layer {layer}")
    x = np.asarray(x, dtype=float).ravel()
    with np.errstate(all="ignore"):
        trace = network.forward_trace(x)
    inputs = x if layer == 0 else trace[layer - 1][1]
    z, a = trace[layer]
    w = network.layers[layer].weights[neuron].copy()
    return NeuronExplanation(
        layer,
        neuron,
        source_names(network, layer),
        np.array(inputs, dtype=float),
        w,
        float(network.layers[layer].biases[neuron]),
        float(z[neuron]),
        float(a[neuron]),
        network.layers[layer].activation.name,
    )
