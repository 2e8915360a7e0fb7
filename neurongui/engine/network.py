"""A feed-forward network of dense layers.

Layer l computes, for a batch of samples stacked in rows,

    z⁽ˡ⁾ = a⁽ˡ⁻¹⁾ W⁽ˡ⁾ᵀ + b⁽ˡ⁾,    a⁽ˡ⁾ = f⁽ˡ⁾(z⁽ˡ⁾),

which is z = W·a_prev + b for each sample, with ``W[j, k]`` the weight from neuron k of
the previous layer into neuron j. a⁽⁰⁾ is the input.

All parameters (weights, biases and PReLU slopes) live in one contiguous float64
vector, :attr:`Network.parameters`; each layer's arrays are views into it. That lets an
optimiser update every parameter with one vectorised operation, which is what keeps a
training step of a small network in the tens of microseconds.

Each layer's weights and biases are stored side by side as one block [W | b] of shape
(n_out, n_in + 1). The passes that compute with it (for speed, not for reading) are in
the private module :mod:`._kernels`; :mod:`.textbook` has the same math written to be
read, and the tests hold both to the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import activations as _activations
from . import losses as _losses
from ._checks import finite_number, input_name
from ._kernels import Workspace, backpropagate, forward_pass, parameter_blocks
from .activations import Activation, PReLU
from .errors import QT_TRANSLATE_NOOP, EngineError, Message
from .layer import Layer
from .state import FORMAT_NAME, FORMAT_VERSION, ParsedNetwork, check_sizes, parse_state

__all__ = ["INITIALIZERS", "Backprop", "Layer", "Network"]

#: Weight initialisation schemes.
INITIALIZERS = ("xavier", "he", "uniform", "zeros")
#: An activation as a name ("tanh"), a description ({"name": "leaky_relu", "slope": 0.1})
#: or an :class:`Activation`.
ActivationSpec = str | dict[str, Any] | Activation
_PRELU_ALPHA = 0.25


@dataclass(frozen=True)
class Backprop:
    """Everything one forward and backward pass computed, for teaching views.

    Attributes
    ----------
    loss : float
        The mean loss over the batch.
    inputs : ndarray
        The input batch a⁽⁰⁾, shape (n, n_in).
    zs, activations : list of ndarray
        z⁽ˡ⁾ and a⁽ˡ⁾ of every layer.
    deltas : list of ndarray
        δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾ of every layer.
    gradients : list of dict
        ∂L/∂W, ∂L/∂b (and ∂L/∂α for PReLU) of every layer, keyed
        ``"weights"``, ``"biases"`` (and ``"alpha"``).
    """

    loss: float
    inputs: np.ndarray
    zs: list[np.ndarray]
    activations: list[np.ndarray]
    deltas: list[np.ndarray]
    gradients: list[dict[str, np.ndarray]]


class Network:
    """A feed-forward network of dense layers.

    Parameters
    ----------
    sizes
        Neurons per layer, input first: ``[2, 3, 1]`` has 2 inputs, a hidden layer of 3
        and one output.
    activations
        One activation for every layer, or a list with one per layer (hidden layers
        first, output last). Each is a name, a dict such as
        ``{"name": "leaky_relu", "slope": 0.1}``, or an :class:`Activation`.
    init
        ``"xavier"`` (default): W ~ U[−r, r] with r = √(6 / (n_in + n_out)), b = 0
        (Glorot & Bengio, 2010); ``"he"``: W ~ N(0, 2 / n_in), b = 0 (He et al., 2015);
        ``"uniform"``: W ~ U[−0.5, 0.5), b = 0.1, like TensorFlow Playground;
        ``"zeros"``: everything 0.
    seed
        Seed of the initialisation, for reproducible networks.
    input_names
        Names of the input features (default x₁, x₂, …).
    """

    def __init__(
        self,
        sizes: Sequence[int],
        activations: ActivationSpec | Sequence[ActivationSpec] = "tanh",
        init: str = "xavier",
        seed: int | None = None,
        input_names: Sequence[str] | None = None,
    ):
        sizes = [int(s) for s in sizes] if _all_ints(sizes) else list(sizes)
        if len(sizes) < 2:
            raise ValueError(f"a network needs an input size and at least one layer, got {sizes}")
        check_sizes(sizes)
        specs = _layer_specs(activations, len(sizes) - 1)
        if init not in INITIALIZERS:
            raise ValueError(f"unknown initialisation {init!r}; choose one of {INITIALIZERS}")
        self._build(sizes[0], sizes[1:], specs, input_names)
        self.initialize(init, seed)

    # -- construction -------------------------------------------------------------

    def _build(
        self,
        n_in: int,
        sizes: list[int],
        specs: list[dict[str, Any]],
        names: Sequence[str] | None,
    ) -> None:
        """Allocate the parameter vector and lay the layers' views over it."""
        acts = [_activations.from_dict(s) for s in specs]
        for i, act in enumerate(acts[:-1]):
            if not act.elementwise:
                raise EngineError(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors", "{where}: {name} is only allowed in the output layer"
                    ),
                    where=Message(QT_TRANSLATE_NOOP("EngineErrors", "layer {layer}"), layer=i),
                    name=act.name,
                )
        counts = []
        prev = n_in
        for size, act in zip(sizes, acts, strict=False):
            counts.append((size * (prev + 1), size if act.name == "prelu" else 0))
            prev = size
        self._flat = np.zeros(sum(sum(c) for c in counts))
        self.layers: list[Layer] = []
        self._alpha_init: dict[int, float] = {}
        blocks = parameter_blocks(self._flat, n_in, sizes, counts)
        for (wb, alpha), act in zip(blocks, acts, strict=False):
            if alpha is not None and isinstance(act, PReLU):  # (only PReLU has slopes)
                self._alpha_init[len(self.layers)] = float(act.alpha)
                alpha[...] = self._alpha_init[len(self.layers)]
                act.alpha = alpha
            self.layers.append(Layer(wb, alpha, act))
        self.input_names = _input_names(names, n_in)
        self.structure_version = getattr(self, "structure_version", -1) + 1

    def initialize(self, init: str = "xavier", seed: int | None = None) -> None:
        """Draw new weights and biases; PReLU slopes return to their initial value.

        See :class:`Network` for the schemes. PReLU slopes start at 0.25 (He et al.,
        2015) unless the layer's activation was given another ``alpha``.
        """
        if init not in INITIALIZERS:
            raise ValueError(f"unknown initialisation {init!r}; choose one of {INITIALIZERS}")
        rng = np.random.default_rng(seed)
        for index, layer in enumerate(self.layers):
            n_out, n_in = layer.weights.shape
            if init == "xavier":
                r = np.sqrt(6.0 / (n_in + n_out))
                layer.weights[...] = rng.uniform(-r, r, size=(n_out, n_in))
                layer.biases[...] = 0.0
            elif init == "he":
                layer.weights[...] = rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_out, n_in))
                layer.biases[...] = 0.0
            elif init == "uniform":
                layer.weights[...] = rng.uniform(-0.5, 0.5, size=(n_out, n_in))
                layer.biases[...] = 0.1
            else:
                layer.weights[...] = 0.0
                layer.biases[...] = 0.0
            if layer.alpha is not None:
                layer.alpha[...] = self._alpha_init[index]

    @classmethod
    def from_parsed(cls, parsed: ParsedNetwork) -> Network:
        """Build a network from a validated :class:`~neurongui.engine.state.ParsedNetwork`."""
        net = cls.__new__(cls)
        net._build(
            parsed.input_size,
            [layer.size for layer in parsed.layers],
            [dict(layer.activation) for layer in parsed.layers],
            parsed.input_names,
        )
        for layer, src in zip(net.layers, parsed.layers, strict=False):
            layer.weights[...] = src.weights
            layer.biases[...] = src.biases
            if layer.alpha is not None and src.alpha is not None:
                layer.alpha[...] = src.alpha
        return net

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Network:
        """Build a network from :meth:`to_dict` output.

        Raises
        ------
        NetworkFileError
            If the description is malformed; the message says what and where.
        """
        return cls.from_parsed(parse_state(data))

    def to_dict(self, training: dict[str, Any] | None = None) -> dict[str, Any]:
        """Return a JSON-ready description that :meth:`from_dict` restores exactly."""
        layers = []
        for layer in self.layers:
            entry: dict[str, Any] = {
                "size": layer.n_out,
                "activation": layer.activation.to_dict(),
                "weights": layer.weights.tolist(),
                "biases": layer.biases.tolist(),
            }
            if layer.alpha is not None:
                entry["alpha"] = layer.alpha.tolist()
            layers.append(entry)
        data: dict[str, Any] = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "inputs": {"size": self.n_inputs, "names": list(self.input_names)},
            "layers": layers,
        }
        if training is not None:
            data["training"] = dict(training)
        return data

    def load_state(self, data: dict[str, Any]) -> None:
        """Replace this network's structure and parameters in place with ``data``.

        Used by structure edits (and their undo), so that everyone holding this
        network object sees the change; :attr:`structure_version` increases.
        """
        other = Network.from_dict(data)
        self._flat, self.layers, self.input_names = other._flat, other.layers, other.input_names
        self._alpha_init = other._alpha_init
        self.structure_version += 1

    def copy(self) -> Network:
        """Return an independent copy (parameters, activations and names)."""
        net = Network.__new__(Network)
        net._build(
            self.n_inputs,
            self.sizes[1:],
            [layer.activation.to_dict() for layer in self.layers],
            self.input_names,
        )
        net._flat[...] = self._flat
        return net

    # -- introspection ------------------------------------------------------------

    @property
    def sizes(self) -> list[int]:
        """Neurons per layer, input first."""
        return [self.n_inputs] + [layer.n_out for layer in self.layers]

    @property
    def n_inputs(self) -> int:
        """Number of input features."""
        return self.layers[0].n_in

    @property
    def n_outputs(self) -> int:
        """Number of output neurons."""
        return self.layers[-1].n_out

    @property
    def parameters(self) -> np.ndarray:
        """Every parameter in one vector (a view: writing to it changes the network)."""
        return self._flat

    @property
    def n_parameters(self) -> int:
        """Number of weights, biases and PReLU slopes."""
        return self._flat.size

    def __repr__(self) -> str:
        acts = ", ".join(layer.activation.name for layer in self.layers)
        return f"Network({self.sizes}, activations=[{acts}])"

    # -- single-value edits ----------------------------------------------------------

    def set_weight(self, layer: int, neuron: int, source: int, value: float) -> None:
        """Set the weight from neuron ``source`` of the previous layer into ``neuron``."""
        self.layers[layer].weights[neuron, source] = _finite("weight", value)

    def get_weight(self, layer: int, neuron: int, source: int) -> float:
        """Return the weight from ``source`` into ``neuron`` of ``layer``."""
        return float(self.layers[layer].weights[neuron, source])

    def set_bias(self, layer: int, neuron: int, value: float) -> None:
        """Set the bias of ``neuron`` in ``layer``."""
        self.layers[layer].biases[neuron] = _finite("bias", value)

    def get_bias(self, layer: int, neuron: int) -> float:
        """Return the bias of ``neuron`` in ``layer``."""
        return float(self.layers[layer].biases[neuron])

    def set_alpha(self, layer: int, neuron: int, value: float) -> None:
        """Set the PReLU slope of ``neuron`` in ``layer`` (a PReLU layer)."""
        alpha = self.layers[layer].alpha
        if alpha is None:
            raise ValueError(f"layer {layer} is not a PReLU layer")
        alpha[neuron] = _finite("alpha", value)

    def set_activation(self, layer: int, activation: ActivationSpec) -> None:
        """Change the activation of ``layer``; weights and biases are kept."""
        data = self.to_dict()
        spec = (
            _activations.get(activation).to_dict()
            if isinstance(activation, (str, Activation))
            else dict(activation)
        )
        entry = data["layers"][layer]
        entry["activation"] = spec
        entry.pop("alpha", None)
        if spec["name"] == "prelu":
            entry["alpha"] = [float(spec.get("alpha", _PRELU_ALPHA))] * entry["size"]
            spec.pop("alpha", None)
        self.load_state(data)

    # -- computation --------------------------------------------------------------

    def forward(self, X: np.ndarray) -> np.ndarray:
        """Return the network's output for ``X`` (n, n_in); a 1-D X is one sample."""
        X, single = self._check_inputs(X)
        a = np.ascontiguousarray(self._forward(X).activations[-1])
        return a[0] if single else a

    def forward_trace(self, X: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """Return ``[(z, a), ...]`` for every layer (1-D arrays for a 1-D X)."""
        X, single = self._check_inputs(X)
        ws = self._forward(X)
        trace = []
        for z, a in zip(ws.zs, ws.activations, strict=True):
            z, a = np.ascontiguousarray(z), np.ascontiguousarray(a)
            trace.append((z[0], a[0]) if single else (z, a))
        return trace

    def _forward(self, X: np.ndarray) -> Workspace:
        # The training loop's own forward pass, so that every number shown is computed
        # the same way, to the last bit, as the ones training uses.
        ws = Workspace(self, len(X), backward=False)
        ws.inputs[:, :-1] = X
        # A typed weight of 1e308 overflows to ±inf (NaN past inf − inf): that is the
        # answer shown, not a fault to warn of in every view that asks for it.
        with np.errstate(over="ignore", invalid="ignore"):
            forward_pass(self.layers, ws.inputs, ws, None)
        return ws

    def loss(self, X: np.ndarray, Y: np.ndarray, loss: str = "mse") -> float:
        """Return the mean loss of the network's output for ``X`` against targets ``Y``."""
        X, _ = self._check_inputs(X)
        return _losses.get(loss).value(self.forward(X), self._check_targets(Y, len(X)))

    def gradients(
        self, X: np.ndarray, Y: np.ndarray, loss: str = "mse"
    ) -> list[dict[str, np.ndarray]]:
        """Return ∂L/∂(every parameter) by backpropagation, one dict per layer.

        Each dict has ``"weights"`` (same shape as the layer's weights), ``"biases"``
        and, for PReLU layers, ``"alpha"``.
        """
        return self.backprop(X, Y, loss).gradients

    def backprop(self, X: np.ndarray, Y: np.ndarray, loss: str = "mse") -> Backprop:
        """Run a forward and a backward pass and return every intermediate value."""
        X, _ = self._check_inputs(X)
        Y = self._check_targets(Y, len(X))
        grad = np.empty_like(self._flat)
        ws = Workspace(self, len(X))
        with np.errstate(over="ignore", invalid="ignore"):  # shown as ±inf/NaN, as in _forward
            value = backpropagate(self, X, Y, _losses.get(loss), grad, ws=ws)
        assert value is not None  # compute_loss (the default) returns the loss
        grads = [{k: v.copy() for k, v in g.items()} for g in self._views(grad)]
        zs, acts, deltas = (
            [np.ascontiguousarray(a) for a in arrays]
            for arrays in (ws.zs, ws.activations, ws.deltas)
        )
        return Backprop(value, X, zs, acts, deltas, grads)

    def gradient_views(self, vector: np.ndarray) -> list[dict[str, np.ndarray]]:
        """Lay the layers' shapes over ``vector`` (shaped like :attr:`parameters`)."""
        if vector.shape != self._flat.shape:
            raise ValueError(f"expected a vector of {self._flat.size} numbers")
        return self._views(vector)

    def _views(self, vector: np.ndarray) -> list[dict[str, np.ndarray]]:
        views = []
        for wb, alpha in self._blocks(vector):
            entry = {"weights": wb[:, :-1], "biases": wb[:, -1]}
            if alpha is not None:
                entry["alpha"] = alpha
            views.append(entry)
        return views

    def _blocks(self, vector: np.ndarray) -> list[tuple[np.ndarray, np.ndarray | None]]:
        """Each layer's [W | b] block and PReLU slopes, as views of ``vector``."""
        counts = [
            (layer._wb.size, 0 if layer._alpha is None else layer.n_out) for layer in self.layers
        ]
        return parameter_blocks(vector, self.n_inputs, self.sizes[1:], counts)

    def _check_inputs(self, X: np.ndarray) -> tuple[np.ndarray, bool]:
        X = np.asarray(X, dtype=float)
        single = X.ndim == 1
        if single:
            X = X[np.newaxis, :]
        if X.ndim != 2 or X.shape[1] != self.n_inputs:
            raise ValueError(
                f"the network has {self.n_inputs} inputs but X has shape {np.shape(X)}"
            )
        return X, single

    def _check_targets(self, Y: np.ndarray, n: int) -> np.ndarray:
        Y = np.asarray(Y, dtype=float)
        if Y.ndim == 1 and Y.size % n == 0:
            Y = Y.reshape(n, -1)  # (n,) targets of one output, or (k,) of one sample
        if Y.shape != (n, self.n_outputs):
            raise ValueError(
                f"the network has {self.n_outputs} outputs, so Y must have shape "
                f"({n}, {self.n_outputs}), got {np.shape(Y)}"
            )
        return Y


def _all_ints(values: Sequence[Any]) -> bool:
    return all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in values)


def _layer_specs(activations: Any, n_layers: int) -> list[dict[str, Any]]:
    if isinstance(activations, (str, dict, Activation)):
        activations = [activations] * n_layers
    activations = list(activations)
    if len(activations) != n_layers:
        raise ValueError(f"{n_layers} layers need {n_layers} activations, got {len(activations)}")
    specs = []
    for act in activations:
        act = _activations.from_dict(act) if not isinstance(act, Activation) else act
        specs.append(act.to_dict())
    return specs


def _input_names(names: Sequence[str] | None, n: int) -> list[str]:
    if names is None:
        return [input_name(i + 1) for i in range(n)]
    names = [str(name) for name in names]
    if len(names) != n:
        raise ValueError(f"{n} inputs need {n} names, got {len(names)}")
    return names


_VALUE_NAMES = {
    "weight": Message(QT_TRANSLATE_NOOP("EngineErrors", "a weight")),
    "bias": Message(QT_TRANSLATE_NOOP("EngineErrors", "a bias")),
    "alpha": Message(QT_TRANSLATE_NOOP("EngineErrors", "an alpha")),
}


def _finite(what: str, value: Any) -> float:
    return finite_number(_VALUE_NAMES.get(what, what), value)
