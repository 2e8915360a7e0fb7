"""Editing the network from the diagram: structure, values, menus and tooltips.

Every change goes through the window's :class:`~neurongui.editing.Editor` (one undo
step each); the view never writes engine arrays. An edit the engine refuses (a layer's only neuron)
is explained in the status bar, in the interface's language (``error_text``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QMenu

from neurongui.engine import activations as engine_activations
from neurongui.engine.explain import explain_neuron, format_number
from neurongui.engine.features import FEATURES
from neurongui.engine.numbers import parse_number
from neurongui.engine.refs import EdgeRef, NeuronRef, Ref
from neurongui.i18n import activation_label, data_name, error_text, fill
from neurongui.views.canvas_base import CanvasBase

__all__ = ["MAX_HIDDEN_LAYERS", "CanvasEdits"]

MAX_HIDDEN_LAYERS = 6


class CanvasEdits(CanvasBase):
    """Mixin of :class:`~neurongui.views.canvas.NetworkCanvas`: structure and value
    edits, the context menu, tooltips, the inline editor and the Network menu's actions.
    """

    _inline: QLineEdit | None = None  # the open inline editor of a value

    # -- editing ---------------------------------------------------------------------

    def add_neuron(self, layer: int) -> None:
        """Add a neuron to hidden ``layer`` (undoable)."""
        self._edit(lambda: self.editor.add_neuron(layer))

    def remove_neuron(self, layer: int, neuron: int | None = None) -> None:
        """Remove ``neuron`` (default the last) from hidden ``layer`` (undoable); a
        layer's only neuron stays (the status bar says why)."""
        self._edit(lambda: self.editor.remove_neuron(layer, neuron))

    def add_layer(self) -> None:
        """Add a hidden layer of 2 neurons before the output layer (undoable)."""
        self._edit(self.editor.add_layer)

    def remove_layer(self) -> None:
        """Remove the last hidden layer (undoable)."""
        self._edit(self.editor.remove_layer)

    def set_activation(self, layer: int, name: str) -> None:
        """Give ``layer`` the activation ``name`` (undoable)."""
        self._edit(lambda: self.editor.set_activation(layer, name))

    def set_features(self, names: list[str]) -> None:
        """Use the input features ``names`` (2-D datasets only; undoable)."""
        self._edit(lambda: self.editor.set_inputs(names))

    def set_value(self, target: Ref, value: float, gesture: int = 0) -> None:
        """Set the weight of an edge or the bias of a neuron (undoable; edits with the
        same non-zero ``gesture`` are one undo step)."""
        self._edit(lambda: self.editor.set_value(target, value, gesture))

    def _edit(self, do: Callable[[], None]) -> None:
        # The editor refuses an impossible edit (a layer's only neuron, a layer that is
        # not hidden) with ValueError: the student reads why, nothing changes.
        try:
            do()
        except ValueError as exc:
            self.model.message.emit(error_text(exc))

    def _value(self, target: Ref) -> float:
        net = self.model.network
        if isinstance(target, EdgeRef):
            return net.get_weight(target.layer, target.neuron, target.source)
        return net.get_bias(target.layer, target.neuron)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        target = self.target_at(self.mapToScene(event.pos()))
        menu = self.menu_for(target)
        if menu is None and target is None:
            menu = QMenu(self)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.addActions([self.fit_action, self.zoom_in_action, self.zoom_out_action])
        if menu is not None:
            menu.popup(event.globalPos())

    def menu_for(self, target: Ref | None) -> QMenu | None:
        """The context menu of a hidden or output neuron (None for anything else)."""
        if not isinstance(target, NeuronRef) or target.is_input:
            return None
        net, layer, neuron = self.model.network, target.layer, target.neuron
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
                self.tr("Remove this neuron"), lambda: self.remove_neuron(layer, neuron)
            )
            remove.setObjectName("removeNeuronAction")
            if net.sizes[layer + 1] < 2:  # like the − button: a layer keeps one neuron
                remove.setEnabled(False)
                remove.setToolTip(self.tr("A layer keeps at least one neuron"))
                menu.setToolTipsVisible(True)
        return menu

    # -- tooltips and inline editing ------------------------------------------------

    def layer_name(self, layer: int) -> str:
        """The name of engine layer ``layer`` as the headers and the Inspector give it:
        "the output layer" or "hidden layer 1"."""
        if layer == len(self.model.network.layers) - 1:
            return self.tr("the output layer")
        return fill(self.tr("hidden layer %1"), str(layer + 1))

    def tooltip_for(self, target: Ref) -> str:
        """Tooltip text of a neuron or edge, with the numbers of the selected sample."""
        net = self.model.network
        if isinstance(target, EdgeRef):
            layer, neuron, source = target.layer, target.neuron, target.source
            src = (
                data_name(net.input_names[source])
                if layer == 0
                else fill(self.tr("neuron %1 of %2"), str(source + 1), self.layer_name(layer - 1))
            )
            return fill(
                self.tr("weight w = %1\nfrom %2 into neuron %3 of %4"),
                format_number(net.get_weight(layer, neuron, source)),
                src,
                str(neuron + 1),
                self.layer_name(layer),
            )
        layer, neuron = target.layer, target.neuron
        if target.is_input:
            value = self.model.sample[neuron]
            return f"{data_name(net.input_names[neuron])} = {format_number(value)}"
        return explain_neuron(net, self.model.sample, layer, neuron).formula()

    def edit_inline(self, target: Ref, pos: QPoint) -> None:
        """Open a small editor at ``pos`` (viewport coordinates) for ``target``'s value."""
        self._close_inline()
        editor = QLineEdit(self.viewport())
        editor.setObjectName("inlineEditor")
        editor.setText(repr(round(self._value(target), 6)))
        editor.selectAll()
        editor.setFixedWidth(90)
        editor.move(pos)
        editor.setToolTip(self.tr("Type a number and press Enter; Esc cancels"))
        editor.returnPressed.connect(lambda: self._commit_inline(target))
        self._inline = editor
        editor.show()
        editor.setFocus()

    def _commit_inline(self, target: Ref) -> None:
        editor = self._inline
        if editor is None:
            return
        value = parse_number(editor.text())  # "−0,75", "2.5e-3", full-width digits
        if value is None:
            editor.setStyleSheet("QLineEdit { border: 2px solid #d33; }")
            self.model.message.emit(
                fill(
                    self.tr("“%1” is not a number; type a value such as 0.5 or -1.2"), editor.text()
                )
            )
            return
        self._close_inline()
        self.set_value(target, value)

    def _close_inline(self) -> None:
        if self._inline is not None:
            self._inline.deleteLater()
            self._inline = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._inline is not None:
            self._close_inline()
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
