"""The one entry point for every user edit: :class:`Editor`.

Views, lessons and the training controller never apply an edit to the model or push a
command on the undo stack themselves: they tell the window's editor what the student
did (set a weight, add a neuron, change the settings, ...), and it checks the edit and
pushes one invertible command. So every change a student makes can be undone, the
undo menu's texts are written in one place, and there is one place to look for how
edits happen (Orange3 keeps its undo the same way).

Every method raises ``ValueError`` (an :class:`~neurongui.engine.errors.EngineError`
whose message :func:`neurongui.i18n.error_text` translates) for an edit that does not
fit the network, and changes nothing then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from neurongui.engine import pointedits, structure
from neurongui.engine.config import TrainingConfig
from neurongui.engine.edits import Edit, ReplaceState, SetBias, SetWeight
from neurongui.engine.network import Network
from neurongui.engine.numbers import format_number
from neurongui.engine.refs import EdgeRef, NeuronRef, Ref, check_ref
from neurongui.engine.session import prepare_data
from neurongui.engine.structure import State
from neurongui.i18n import activation_label, fill
from neurongui.model import NetworkModel
from neurongui.undo import DataCommand, SettingsCommand, new_gesture, push_edit

__all__ = ["Editor"]


class Editor(QObject):
    """Apply user edits to ``model`` as undoable commands on ``stack``.

    Value edits (:meth:`set_weight`, :meth:`set_bias`) take a ``gesture`` id
    (:func:`neurongui.undo.new_gesture`): edits of the same value with the same
    non-zero gesture (one drag, one scroll) merge into a single undo step.

    Parameters
    ----------
    model
        The owner of the live network.
    stack
        The window's undo stack.
    parent
        The QObject that owns the editor (a QObject for ``tr``: the undo texts are
        translated).
    """

    def __init__(self, model: NetworkModel, stack: QUndoStack, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.stack = stack

    # -- values ------------------------------------------------------------------------

    def set_weight(self, edge: EdgeRef, value: float, gesture: int = 0) -> None:
        """Set the weight of ``edge`` to ``value`` (one undo step per gesture)."""
        check_ref(self.model.network.sizes, edge)
        text = fill(self.tr("Set a weight to %1"), format_number(value))
        self.apply(SetWeight(edge.layer, edge.neuron, edge.source, value), text, gesture)

    def set_bias(self, neuron: NeuronRef, value: float, gesture: int = 0) -> None:
        """Set the bias of ``neuron`` to ``value`` (one undo step per gesture)."""
        check_ref(self.model.network.sizes, neuron)
        text = fill(self.tr("Set a bias to %1"), format_number(value))
        self.apply(SetBias(neuron.layer, neuron.neuron, value), text, gesture)

    def set_value(self, ref: Ref, value: float, gesture: int = 0) -> None:
        """Set the weight of an edge or the bias of a neuron to ``value``."""
        if isinstance(ref, EdgeRef):
            self.set_weight(ref, value, gesture)
        else:
            self.set_bias(ref, value, gesture)

    def reset_weights(self, seed: int) -> None:
        """Give the network new initial weights (the settings' initialisation, drawn
        with ``seed``), keeping its structure."""
        net = self.model.network.copy()
        net.initialize(self.model.config.init, seed)
        text = self.tr("Reset the weights")
        self.apply(ReplaceState(net.to_dict(), text), text)

    # -- structure ---------------------------------------------------------------------

    def set_activation(self, layer: int, activation: str) -> None:
        """Give weight layer ``layer`` the activation named ``activation``."""
        self._structure(
            lambda net: structure.set_activation(net, layer, activation),
            fill(self.tr("Use %1 in layer %2"), activation_label(activation), str(layer + 1)),
        )

    def add_neuron(self, layer: int) -> None:
        """Add a neuron to hidden ``layer``."""
        self._structure(
            lambda net: structure.add_neuron(net, layer),
            fill(self.tr("Add a neuron to layer %1"), str(layer + 1)),
        )

    def remove_neuron(self, layer: int, neuron: int | None = None) -> None:
        """Remove ``neuron`` (default the last) from hidden ``layer``; a layer keeps
        its only neuron (the error says so)."""
        self._structure(
            lambda net: structure.remove_neuron(
                net, layer, net.sizes[layer + 1] - 1 if neuron is None else neuron
            ),
            fill(self.tr("Remove a neuron from layer %1"), str(layer + 1)),
        )

    def add_layer(self) -> None:
        """Add a hidden layer of 2 neurons before the output layer, with the activation
        of the hidden layer before it (tanh if there is none)."""

        def state(net: Network) -> State:
            index = len(net.layers) - 1
            activation = net.layers[index - 1].activation.to_dict() if index else "tanh"
            return structure.insert_layer(net, index, 2, activation)

        self._structure(state, self.tr("Add a hidden layer"))

    def remove_layer(self) -> None:
        """Remove the last hidden layer."""
        self._structure(
            lambda net: structure.remove_layer(net, len(net.layers) - 2),
            self.tr("Remove a hidden layer"),
        )

    def set_inputs(self, names: Sequence[str]) -> None:
        """Feed the network the input features ``names`` (2-D datasets)."""
        self._structure(
            lambda net: structure.set_inputs(net, names), self.tr("Change the input features")
        )

    def _structure(self, make_state: Callable[[Network], State], text: str) -> None:
        self.apply(ReplaceState(make_state(self.model.network), text), text)

    # -- the data ----------------------------------------------------------------------

    def add_points(self, points: np.ndarray, targets: np.ndarray, gesture: int = 0) -> None:
        """Add 2-D ``points`` (n, 2) with ``targets`` (n,) to the training set: one
        undo step however many (a script's 1,000 points too)."""
        edit = pointedits.add_points(self.model.data, points, targets)
        n = len(edit.X)
        text = self.tr("Add a point") if n == 1 else fill(self.tr("Add %1 points"), f"{n:,}")
        self.apply_data(edit, text, gesture)

    def move_point(self, part: str, index: int, x: float, y: float, gesture: int = 0) -> None:
        """Move point ``index`` of ``part`` (``"train"`` or ``"test"``) to (x, y); the
        moves of one drag (one ``gesture``) are one undo step."""
        self.apply_data(pointedits.MovePoint(part, index, x, y), self.tr("Move a point"), gesture)

    def erase_points(self, rows: dict[str, np.ndarray], gesture: int = 0) -> None:
        """Erase the points in ``rows`` (rows by part, as
        :func:`~neurongui.engine.pointedits.points_within` gives them)."""
        gesture = gesture or new_gesture()  # the sets' removals merge into one step
        for part, r in rows.items():
            if len(r):
                self.apply_data(pointedits.RemoveRows(part, r), self.tr("Erase points"), gesture)

    def clear_points(self) -> None:
        """Remove every sample, training and test (one undo step)."""
        data = self.model.data
        empty = pointedits.RemoveRows("train", np.arange(len(data.X_train)))
        cleared, _ = empty.apply(data)
        cleared, _ = pointedits.RemoveRows("test", np.arange(len(data.X_test))).apply(cleared)
        self.apply_data(pointedits.ReplacePoints(cleared), self.tr("Clear the points"))

    def regenerate_points(self) -> None:
        """Go back to the generated data of the settings (one undo step)."""
        fresh = prepare_data(self.model.config, self.model.network.input_names)
        self.apply_data(pointedits.ReplacePoints(fresh), self.tr("Regenerate the points"))

    def add_samples(self, inputs: np.ndarray, labels: np.ndarray, text: str) -> None:
        """Add samples of an image set (``inputs`` as the network sees them, 0 to 1,
        and class ``labels``) to the training set, as one undo step named ``text``."""
        self.apply_data(pointedits.add_rows(self.model.data, inputs, labels), text)

    def apply_data(self, edit: pointedits.DataEdit, text: str, gesture: int = 0) -> None:
        """Apply a data edit as one undo step (merged with the step of the same
        non-zero ``gesture``).

        Raises
        ------
        ValueError
            If the edit does not fit the data; nothing is pushed then.
        """
        edit.apply(self.model.data)  # check first: a failing redo would stay on the stack
        self.stack.push(DataCommand(self.model, edit, text, gesture))

    # -- settings and anything else ----------------------------------------------------

    def change_settings(self, config: TrainingConfig, text: str) -> None:
        """Change the training settings (and the network, if new data needs one) as one
        undo step named ``text``.

        Raises
        ------
        ValueError
            If the settings give no usable data; nothing changes then.
        """
        self.model.check_config(config)
        self.stack.push(SettingsCommand(self.model, config, text))

    @contextmanager
    def group(self, text: str) -> Iterator[None]:
        """Make the edits inside the ``with`` block one undo step named ``text`` (a
        coach's fix that adds three neurons is undone with one Undo)."""
        self.stack.beginMacro(text)
        try:
            yield
        finally:
            self.stack.endMacro()

    def apply(self, edit: Edit, text: str, gesture: int = 0) -> None:
        """Apply any engine ``edit`` as one undo step named ``text`` (for edits the
        methods above do not name, such as a lesson's training step).

        Edits of the same value with the same non-zero ``gesture`` merge into a single
        step.

        Raises
        ------
        ValueError
            If the edit does not fit the network (an :class:`EngineError` with a
            message for the student); nothing changes then.
        """
        push_edit(self.stack, self.model, edit, text, gesture)
