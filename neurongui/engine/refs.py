"""Typed names of the parts of a network a student points at: a neuron or an edge.

The numbering is the engine's (and :class:`Selection`'s):

* ``layer`` counts the network's weight layers from 0, so layer 0 is the first hidden
  layer (or the output layer of a network without hidden layers) and the last layer is
  the output layer. ``layer == -1`` names the input layer, whose "neurons" are the
  input features: they can be pointed at (selected, explained) but hold no bias.
* ``neuron`` counts the neurons of that layer from 0.
* an edge's ``source`` counts the neurons of the layer before (the inputs when
  ``layer == 0``) from 0: the edge is the engine's weight ``W[layer][neuron, source]``.

Frozen dataclasses, so they compare by value and can be dictionary keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from .errors import QT_TRANSLATE_NOOP, EngineError

__all__ = ["EdgeRef", "NeuronRef", "Ref", "Selection", "check_ref"]


@dataclass(frozen=True)
class NeuronRef:
    """Neuron ``neuron`` of weight layer ``layer`` (``layer == -1``: input ``neuron``)."""

    layer: int
    neuron: int

    @property
    def is_input(self) -> bool:
        """True for an input of the network (it has no bias to edit)."""
        return self.layer < 0


@dataclass(frozen=True)
class EdgeRef:
    """The edge into ``neuron`` of weight layer ``layer`` from ``source`` of the layer
    before: the weight ``W[layer][neuron, source]``."""

    layer: int
    neuron: int
    source: int

    @property
    def target(self) -> NeuronRef:
        """The neuron the edge feeds."""
        return NeuronRef(self.layer, self.neuron)


#: A neuron or an edge of the diagram.
Ref: TypeAlias = NeuronRef | EdgeRef


def check_ref(sizes: Sequence[int], ref: Ref) -> None:
    """Check that ``ref`` names a weight or a bias of a network of layer ``sizes``
    (inputs first): NumPy would quietly read a negative index from the end.

    Raises
    ------
    EngineError
        If the network has no such weight or bias (an input has no bias).
    """
    layers = len(sizes) - 1
    if isinstance(ref, EdgeRef):
        if not (
            0 <= ref.layer < layers
            and 0 <= ref.neuron < sizes[ref.layer + 1]
            and 0 <= ref.source < sizes[ref.layer]
        ):
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "layer {layer} has no weight from {source} into neuron {neuron}"
                ),
                layer=ref.layer + 1,
                source=ref.source + 1,
                neuron=ref.neuron + 1,
            )
    elif ref.is_input:
        raise EngineError(QT_TRANSLATE_NOOP("EngineErrors", "an input has no bias"))
    elif not (0 <= ref.layer < layers and 0 <= ref.neuron < sizes[ref.layer + 1]):
        raise EngineError(
            QT_TRANSLATE_NOOP("EngineErrors", "layer {layer} has no neuron {neuron} with a bias"),
            layer=ref.layer + 1,
            neuron=ref.neuron + 1,
        )


@dataclass(frozen=True)
class Selection:
    """What the student selected: nothing, a neuron, or an edge.

    ``layer`` counts the network's layers (0 is the first hidden layer) and ``neuron``
    a neuron in it; an edge also has ``source``, the neuron of the previous layer
    (or the input) it comes from — the engine's ``W[layer][neuron, source]``.
    ``layer == -1`` selects input ``neuron``.
    """

    kind: str = "none"  # "none", "neuron" or "edge"
    layer: int = 0
    neuron: int = 0
    source: int = 0

    @property
    def ref(self) -> Ref | None:
        """The selected neuron or edge as a typed reference (None: nothing)."""
        if self.kind == "neuron":
            return NeuronRef(self.layer, self.neuron)
        if self.kind == "edge":
            return EdgeRef(self.layer, self.neuron, self.source)
        return None
