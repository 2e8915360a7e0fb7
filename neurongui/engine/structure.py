"""Structure edits: new network descriptions with a neuron or layer added or removed.

Each function takes a :class:`Network`, leaves it untouched and returns the
:meth:`Network.to_dict` description of the edited network, ready for
:class:`~neurongui.engine.edits.ReplaceState` (which makes the edit undoable).
Weights that still make sense are kept; new ones are drawn from U[−0.5, 0.5).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .activations import Activation
from .activations import get as _get_activation
from .errors import QT_TRANSLATE_NOOP, EngineError
from .features import FEATURES
from .network import Network

__all__ = [
    "add_neuron",
    "insert_layer",
    "remove_layer",
    "remove_neuron",
    "set_activation",
    "set_inputs",
]

State = dict[str, Any]


def _random(rng: np.random.Generator, *shape: int) -> list[Any]:
    return rng.uniform(-0.5, 0.5, size=shape).tolist()


def add_neuron(network: Network, layer: int, seed: int | None = None) -> State:
    """Add a neuron at the end of hidden ``layer``.

    Its incoming weights are random and its outgoing weights 0, so the network's
    output does not change until training moves them.
    """
    _check_hidden(network, layer)
    state = network.to_dict()
    rng = np.random.default_rng(seed)
    entry, after = state["layers"][layer], state["layers"][layer + 1]
    entry["weights"].append(_random(rng, network.layers[layer].n_in))
    entry["biases"].append(0.0)
    if "alpha" in entry:
        entry["alpha"].append(0.25)
    entry["size"] += 1
    for row in after["weights"]:
        row.append(0.0)
    return state


def remove_neuron(network: Network, layer: int, neuron: int) -> State:
    """Remove ``neuron`` from hidden ``layer`` (which keeps at least one neuron)."""
    _check_hidden(network, layer)
    n_out = network.layers[layer].n_out
    if n_out < 2:
        raise EngineError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "hidden layer {layer} has only one neuron; remove the layer instead",
            ),
            layer=layer + 1,
        )
    if not 0 <= neuron < n_out:
        raise EngineError(
            QT_TRANSLATE_NOOP("EngineErrors", "hidden layer {layer} has no neuron {neuron}"),
            layer=layer + 1,
            neuron=neuron + 1,
        )
    state = network.to_dict()
    entry, after = state["layers"][layer], state["layers"][layer + 1]
    for key in ("weights", "biases", "alpha"):
        if key in entry:
            del entry[key][neuron]
    entry["size"] -= 1
    for row in after["weights"]:
        del row[neuron]
    return state


def insert_layer(
    network: Network,
    index: int,
    size: int,
    activation: str | dict[str, Any] | Activation = "tanh",
    seed: int | None = None,
) -> State:
    """Insert a hidden layer of ``size`` neurons so that it becomes layer ``index``.

    The new layer's weights and the weights of the layer after it are drawn anew.
    """
    if not 0 <= index < len(network.layers):
        raise EngineError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "a hidden layer can be inserted at positions 1 to {last}"
            ),
            last=len(network.layers),
        )
    state = network.to_dict()
    rng = np.random.default_rng(seed)
    n_in = network.sizes[index]
    spec = _spec(activation)
    new = {
        "size": size,
        "activation": spec,
        "weights": _random(rng, size, n_in),
        "biases": [0.0] * size,
    }
    if spec["name"] == "prelu":
        new["alpha"] = [0.25] * size
    after = state["layers"][index]
    after["weights"] = _random(rng, after["size"], size)
    state["layers"].insert(index, new)
    return state


def remove_layer(network: Network, index: int, seed: int | None = None) -> State:
    """Remove hidden layer ``index``; the layer after it gets new random weights."""
    _check_hidden(network, index)
    state = network.to_dict()
    rng = np.random.default_rng(seed)
    del state["layers"][index]
    after = state["layers"][index]
    after["weights"] = _random(rng, after["size"], network.sizes[index])
    return state


def set_activation(
    network: Network, layer: int, activation: str | dict[str, Any] | Activation
) -> State:
    """Change the activation of ``layer``, keeping its weights and biases."""
    if not 0 <= layer < len(network.layers):
        raise EngineError(
            QT_TRANSLATE_NOOP("EngineErrors", "the network has no layer {layer}"), layer=layer + 1
        )
    state = network.to_dict()
    entry = state["layers"][layer]
    spec = _spec(activation)
    entry.pop("alpha", None)
    if spec["name"] == "prelu":
        entry["alpha"] = [float(spec.pop("alpha", 0.25))] * entry["size"]
    entry["activation"] = spec
    return state


def set_inputs(network: Network, names: Sequence[str], seed: int | None = None) -> State:
    """Change the input features of a network on 2-D data to ``names`` (each a key of
    :data:`~.features.FEATURES`, at most once), keeping the weights of features kept."""
    names = list(names)
    if not names:
        raise EngineError(QT_TRANSLATE_NOOP("EngineErrors", "a network needs at least one input"))
    for i, name in enumerate(names):
        if name not in FEATURES:
            # Any other name would make the model look for data that has no such column.
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "unknown input feature {name}; choose from {known}"
                ),
                name=repr(name),
                known=", ".join(FEATURES),
            )
        if name in names[:i]:
            raise EngineError(
                QT_TRANSLATE_NOOP("EngineErrors", "the input feature {name} is chosen twice"),
                name=name,
            )
    state = network.to_dict()
    rng = np.random.default_rng(seed)
    old = network.input_names
    first = network.layers[0].weights
    columns = [
        first[:, old.index(name)].tolist() if name in old else _random(rng, first.shape[0])
        for name in names
    ]
    state["layers"][0]["weights"] = np.array(columns).T.reshape(first.shape[0], len(names)).tolist()
    state["inputs"] = {"size": len(names), "names": names}
    return state


def _spec(activation: str | dict[str, Any] | Activation) -> dict[str, Any]:
    if isinstance(activation, dict):
        return dict(activation)
    return _get_activation(activation).to_dict()


def _check_hidden(network: Network, layer: int) -> None:
    if not 0 <= layer < len(network.layers) - 1:
        raise EngineError(
            QT_TRANSLATE_NOOP("EngineErrors", "layer {layer} is not a hidden layer"),
            layer=layer + 1,
        )
