"""Editing the network from the diagram: structure, values, menus and tooltips.

Every change goes through an undoable edit (:func:`neurongui.undo.push_edit`); the
view never writes engine arrays. An edit the engine refuses (a layer's only neuron)
is explained in the status bar, in the interface's language (``error_text``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMenu

from neurongui.engine import activations as engine_activations
from neurongui.engine import structure
from neurongui.engine.edits import ReplaceState, SetBias, SetWeight
from neurongui.engine.explain import explain_neuron, format_number
from neurongui.engine.features import FEATURES
from neurongui.i18n import activation_label, data_name, error_text, fill
from neurongui.undo import push_edit

__all__ = ["MAX_HIDDEN_LAYERS", "CanvasEdits"]

MAX_HIDDEN_LAYERS = 6


class CanvasEdits:
    """Mixin of :class:`~neurongui.views.canvas.NetworkCanvas`: structure and value
    edits, the context menu, tooltips, the inline editor and the Network menu's actions.
    """

    _editor: QLineEdit | None = None

    # -- editing ---------------------------------------------------------------------

    def add_neuron(self, layer: int) -> None:
        """Add a neuron to hidden ``layer`` (undoable)."""
        self._push_structure(
            lambda net: structure.add_neuron(net, layer),
            fill(self.tr("Add a neuron to layer %1"), str(layer + 1)),
        )

    def remove_neuron(self, layer: int, neuron: int | None = None) -> None:
        """Remove ``neuron`` (default the last) from hidden ``layer`` (undoable); a
        layer's only neuron stays (the status bar says why)."""
        self._push_structure(
            lambda net: structure.remove_neuron(
                net, layer, net.sizes[layer + 1] - 1 if neuron is None else neuron
            ),
            fill(self.tr("Remove a neuron from layer %1"), str(layer + 1)),
        )

    def add_layer(self) -> None:
        """Add a hidden layer of 2 tanh neurons before the output layer (undoable)."""

        def state(net):
            index = len(net.layers) - 1
            activation = net.layers[index - 1].activation.to_dict() if index else "tanh"
            return structure.insert_layer(net, index, 2, activation)

        self._push_structure(state, self.tr("Add a hidden layer"))

    def remove_layer(self) -> None:
        """Remove the last hidden layer (undoable)."""
        self._push_structure(
            lambda net: structure.remove_layer(net, len(net.layers) - 2),
            self.tr("Remove a hidden layer"),
        )

    def set_activation(self, layer: int, name: str) -> None:
        """Give ``layer`` the activation ``name`` (undoable)."""
        self._push_structure(
            lambda net: structure.set_activation(net, layer, name),
            fill(self.tr("Use %1 in layer %2"), activation_label(name), str(layer + 1)),
        )

    def set_features(self, names: list[str]) -> None:
        """Use the input features ``names`` (2-D datasets only; undoable)."""
        self._push_structure(
            lambda net: structure.set_inputs(net, names), self.tr("Change the input features")
        )

    def _push_structure(self, make_state, text: str) -> None:
        # The engine refuses an impossible edit (a layer's only neuron, a layer that is
        # not hidden) with ValueError: the student reads why, nothing changes.
        try:
            state = make_state(self.model.network)
            push_edit(self.undo_stack, self.model, ReplaceState(state, text), text)
        except ValueError as exc:
            self.model.message.emit(error_text(exc))

    def set_value(self, target: tuple, value: float, gesture: int = 0) -> None:
        """Set a weight (``("edge", layer, neuron, source)``) or a bias
        (``("neuron", layer, neuron)``) through an undoable edit."""
        if target[0] == "edge":
            _, layer, neuron, source = target
            edit = SetWeight(layer, neuron, source, value)
            text = fill(self.tr("Set a weight to %1"), format_number(value))
        else:
            _, layer, neuron = target
            edit = SetBias(layer, neuron, value)
            text = fill(self.tr("Set a bias to %1"), format_number(value))
        try:
            push_edit(self.undo_stack, self.model, edit, text, gesture)
        except ValueError as exc:
            self.model.message.emit(error_text(exc))

    def _value(self, target: tuple) -> float:
        net = self.model.network
        if target[0] == "edge":
            return net.get_weight(*target[1:])
        return net.get_bias(*target[1:])

    def contextMenuEvent(self, event) -> None:
        target = self.target_at(self.mapToScene(event.pos()))
        menu = self.menu_for(target)
        if menu is None and target is None:
            menu = QMenu(self)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.addActions([self.fit_action, self.zoom_in_action, self.zoom_out_action])
        if menu is not None:
            menu.popup(event.globalPos())

    def menu_for(self, target: tuple | None) -> QMenu | None:
        """The context menu of a hidden or output neuron (None for anything else)."""
        if target is None or target[0] != "neuron" or target[1] < 0:
            return None
        net, layer = self.model.network, target[1]
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sub = menu.addMenu(fill(self.tr("Activation of layer %1"), str(layer + 1)))
        last = layer == len(net.layers) - 1
        for name in engine_activations.names():
            if name == "softmax" and not last:
                continue
            action = sub.addAction(activation_label(name, short=True))
            action.setCheckable(True)
            action.setChecked(name == net.layers[layer].activation.name)
            action.triggered.connect(lambda _=False, n=name: self.set_activation(layer, n))
        if not last:
            remove = menu.addAction(
                self.tr("Remove this neuron"), lambda: self.remove_neuron(layer, target[2])
            )
            remove.setObjectName("removeNeuronAction")
            if net.sizes[layer + 1] < 2:  # like the − button: a layer keeps one neuron
                remove.setEnabled(False)
                remove.setToolTip(self.tr("A layer keeps at least one neuron"))
                menu.setToolTipsVisible(True)
        return menu

    # -- tooltips and inline editing ------------------------------------------------

    def tooltip_for(self, target: tuple) -> str:
        """Tooltip text of a neuron or edge, with the numbers of the selected sample."""
        net = self.model.network
        if target[0] == "edge":
            _, layer, neuron, source = target
            src = (
                data_name(net.input_names[source])
                if layer == 0
                else fill(self.tr("neuron %1 of layer %2"), str(source + 1), str(layer))
            )
            return fill(
                self.tr("weight w = %1\nfrom %2 into neuron %3 of layer %4"),
                format_number(net.get_weight(layer, neuron, source)),
                src,
                str(neuron + 1),
                str(layer + 1),
            )
        _, layer, neuron = target
        if layer < 0:
            value = self.model.sample[neuron]
            return f"{data_name(net.input_names[neuron])} = {format_number(value)}"
        return explain_neuron(net, self.model.sample, layer, neuron).formula()

    def edit_inline(self, target: tuple, pos) -> None:
        """Open a small editor at ``pos`` (viewport coordinates) for ``target``'s value."""
        self._close_editor()
        editor = QLineEdit(self.viewport())
        editor.setObjectName("inlineEditor")
        editor.setText(repr(round(self._value(target), 6)))
        editor.selectAll()
        editor.setFixedWidth(90)
        editor.move(pos)
        editor.setToolTip(self.tr("Type a number and press Enter; Esc cancels"))
        editor.returnPressed.connect(lambda: self._commit_editor(target))
        self._editor = editor
        editor.show()
        editor.setFocus()

    def _commit_editor(self, target: tuple) -> None:
        editor = self._editor
        if editor is None:
            return
        text = editor.text().strip().replace("−", "-").replace(",", ".")
        try:
            value = float(text)
            if not np.isfinite(value):
                raise ValueError
        except ValueError:
            editor.setStyleSheet("QLineEdit { border: 2px solid #d33; }")
            self.model.message.emit(
                fill(
                    self.tr("“%1” is not a number; type a value such as 0.5 or -1.2"), editor.text()
                )
            )
            return
        self._close_editor()
        self.set_value(target, value)

    def _close_editor(self) -> None:
        if self._editor is not None:
            self._editor.deleteLater()
            self._editor = None

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self._editor is not None:
            self._close_editor()
            return
        super().keyPressEvent(event)

    # -- actions -----------------------------------------------------------------------

    def _make_actions(self) -> list[QAction]:
        self.add_layer_action = QAction(self.tr("Add hidden layer"), self)
        self.add_layer_action.triggered.connect(self.add_layer)
        self.remove_layer_action = QAction(self.tr("Remove hidden layer"), self)
        self.remove_layer_action.triggered.connect(self.remove_layer)
        self.features_menu = QMenu(self.tr("Input features"), self)
        self._feature_actions: dict[str, QAction] = {}
        for name in FEATURES:
            action = self.features_menu.addAction(name)
            action.setCheckable(True)
            action.toggled.connect(self._on_feature_toggle)
            self._feature_actions[name] = action
        return [self.add_layer_action, self.remove_layer_action, self.features_menu.menuAction()]

    def _update_actions(self) -> None:
        n_hidden = len(self.model.network.layers) - 1
        self.add_layer_action.setEnabled(n_hidden < MAX_HIDDEN_LAYERS)
        self.remove_layer_action.setEnabled(n_hidden > 0)
        is_2d = self.model.data.is_2d
        self.features_menu.setEnabled(is_2d)
        names = set(self.model.network.input_names)
        for name, action in self._feature_actions.items():
            action.blockSignals(True)
            action.setChecked(name in names)
            action.blockSignals(False)

    def _on_feature_toggle(self) -> None:
        names = [n for n, a in self._feature_actions.items() if a.isChecked()]
        if not names:
            self.model.message.emit(self.tr("Keep at least one input feature"))
            self._update_actions()
            return
        self.set_features(names)
