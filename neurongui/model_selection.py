"""What the user points at: the selected neuron or edge, and the selected sample.

:class:`SelectionState` is a part of :class:`neurongui.model.NetworkModel`; it keeps
any selection to neurons and edges that exist in the network, and announces a change
only when the selection really changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from neurongui.engine.refs import EdgeRef, NeuronRef, Ref, Selection

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from neurongui.engine import Network
    from neurongui.engine.session import TrainingData

__all__ = ["SelectionState"]


class SelectionState:
    """The selection and the sample of :class:`neurongui.model.NetworkModel`."""

    # Set up by NetworkModel.
    _network: Network
    _data: TrainingData
    _selection: Selection
    _sample: int
    _probe: np.ndarray | None
    selectionChanged: SignalInstance
    sampleChanged: SignalInstance

    def select_neuron(self, layer: int, neuron: int) -> None:
        """Select ``neuron`` of ``layer`` (layer -1 is the input layer)."""
        self._select(Selection("neuron", layer, neuron, 0))

    def select_edge(self, layer: int, neuron: int, source: int) -> None:
        """Select the edge into ``neuron`` of ``layer`` from ``source``."""
        self._select(Selection("edge", layer, neuron, source))

    def select(self, ref: Ref | None) -> None:
        """Select the neuron or edge ``ref`` names (None: nothing)."""
        if isinstance(ref, NeuronRef):
            self.select_neuron(ref.layer, ref.neuron)
        elif isinstance(ref, EdgeRef):
            self.select_edge(ref.layer, ref.neuron, ref.source)
        else:
            self.clear_selection()

    def clear_selection(self) -> None:
        """Select nothing."""
        self._select(Selection())

    def select_sample(self, index: int) -> None:
        """Select training sample ``index`` (clamped to the training set); the views
        show it instead of a probe."""
        index = int(np.clip(index, 0, len(self._data.X_train) - 1))
        if index != self._sample or self._probe is not None:
            self._sample, self._probe = index, None
            self.sampleChanged.emit()

    def set_probe(self, values: np.ndarray | None) -> None:
        """Show the student's own input ``values`` (one number per network input, as
        the network sees them) everywhere a sample is shown; None: the selected
        training sample again. The data are not changed.

        Raises
        ------
        ValueError
            If ``values`` has the wrong length or a number that is not finite.
        """
        if values is None:
            if self._probe is not None:
                self._probe = None
                self.sampleChanged.emit()
            return
        probe = np.array(values, dtype=float).reshape(-1)
        if probe.shape != (self._network.n_inputs,) or not np.isfinite(probe).all():
            raise ValueError(f"a probe needs {self._network.n_inputs} finite numbers")
        if self._probe is None or not np.array_equal(probe, self._probe):
            self._probe = probe
            self.sampleChanged.emit()

    def _select(self, selection: Selection) -> None:
        selection = self._checked(selection)
        if selection != self._selection:
            self._selection = selection
            self.selectionChanged.emit()

    def _checked(self, selection: Selection) -> Selection:
        """``selection`` if it names a neuron or edge of the network, else none."""
        s, sizes = selection, self._network.sizes
        valid = s.kind == "none" or (
            s.kind in ("neuron", "edge")
            and -1 <= s.layer < len(sizes) - 1
            and 0 <= s.neuron < sizes[s.layer + 1]
            and (s.kind != "edge" or (s.layer >= 0 and 0 <= s.source < sizes[s.layer]))
        )
        return s if valid else Selection()
