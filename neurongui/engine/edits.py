"""Edits of a network as small objects that can be applied and undone.

Every edit's :meth:`apply` changes a :class:`Network` in place and returns the edit
that undoes it, so an undo stack only needs to keep pairs of edits. The same edit
objects travel to the training thread, which applies them between two steps.

Edits that change the structure (neurons, layers, activations, inputs) are expressed
as :class:`ReplaceState` with a description made by :mod:`neurongui.engine.structure`.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from .errors import QT_TRANSLATE_NOOP, EngineError
from .network import Network

__all__ = ["Edit", "ReplaceState", "SetAlpha", "SetBias", "SetParameters", "SetWeight"]


class Edit(Protocol):
    """The protocol every edit follows."""

    def apply(self, network: Network) -> Edit:
        """Change ``network`` in place; return the edit that undoes this one."""
        ...

    @property
    def merge_key(self) -> tuple[Hashable, ...] | None:
        """Edits with the same key may merge into one undo step (one drag)."""
        ...

    @property
    def changes_structure(self) -> bool:
        """True if the edit changes layer sizes or activations."""
        ...


@dataclass(frozen=True)
class SetWeight:
    """Set the weight from ``source`` into ``neuron`` of ``layer`` to ``value``."""

    layer: int
    neuron: int
    source: int
    value: float
    changes_structure = False

    def apply(self, network: Network) -> SetWeight:
        """Set the weight; return the edit that restores the old one."""
        old = network.get_weight(self.layer, self.neuron, self.source)
        network.set_weight(self.layer, self.neuron, self.source, self.value)
        return SetWeight(self.layer, self.neuron, self.source, old)

    @property
    def merge_key(self) -> tuple[Hashable, ...]:
        return ("weight", self.layer, self.neuron, self.source)


@dataclass(frozen=True)
class SetBias:
    """Set the bias of ``neuron`` in ``layer`` to ``value``."""

    layer: int
    neuron: int
    value: float
    changes_structure = False

    def apply(self, network: Network) -> SetBias:
        """Set the bias; return the edit that restores the old one."""
        old = network.get_bias(self.layer, self.neuron)
        network.set_bias(self.layer, self.neuron, self.value)
        return SetBias(self.layer, self.neuron, old)

    @property
    def merge_key(self) -> tuple[Hashable, ...]:
        return ("bias", self.layer, self.neuron)


@dataclass(frozen=True)
class SetAlpha:
    """Set the PReLU slope α of ``neuron`` in ``layer`` to ``value``."""

    layer: int
    neuron: int
    value: float
    changes_structure = False

    def apply(self, network: Network) -> SetAlpha:
        """Set α; return the edit that restores the old one."""
        alpha = network.layers[self.layer].alpha
        old = float(alpha[self.neuron]) if alpha is not None else 0.0
        network.set_alpha(self.layer, self.neuron, self.value)
        return SetAlpha(self.layer, self.neuron, old)

    @property
    def merge_key(self) -> tuple[Hashable, ...]:
        return ("alpha", self.layer, self.neuron)


@dataclass(frozen=True, eq=False)
class SetParameters:
    """Set every parameter at once to ``values`` (shaped like ``Network.parameters``).

    One step of a learning rule made by hand in a lesson (a perceptron update, a
    gradient-descent step) is one edit, so that it can be undone and redone like a
    value typed in. ``description`` names it for menus.
    """

    values: np.ndarray
    description: str = "Update the parameters"
    changes_structure = False
    merge_key = None

    def __post_init__(self) -> None:
        values = np.array(self.values, dtype=float)  # a private copy: callers keep theirs
        if values.ndim != 1 or not np.isfinite(values).all():
            raise EngineError(
                QT_TRANSLATE_NOOP("EngineErrors", "parameters must be a vector of finite numbers")
            )
        values.flags.writeable = False
        object.__setattr__(self, "values", values)

    def apply(self, network: Network) -> SetParameters:
        """Copy the values in; return the edit that restores the old ones."""
        if self.values.shape != network.parameters.shape:
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "the network has {count} parameters, not {given}"
                ),
                count=network.n_parameters,
                given=self.values.size,
            )
        old = SetParameters(network.parameters, self.description)
        np.copyto(network.parameters, self.values)
        return old


@dataclass(frozen=True, eq=False)
class ReplaceState:
    """Replace the whole network (structure and parameters) with ``state``.

    ``state`` is a :meth:`Network.to_dict` description; ``description`` names the
    edit for menus ("Add a neuron to layer 2").
    """

    state: dict[str, Any]
    description: str = "Change the network"
    changes_structure = True
    merge_key = None

    def apply(self, network: Network) -> ReplaceState:
        """Load ``state`` into ``network``; return the edit that restores the old one."""
        old = network.to_dict()
        network.load_state(self.state)
        return ReplaceState(old, self.description)
