"""The network diagram: see every weight, click it, nudge it, undo it.

Layers run left to right. Edges are coloured by the sign of their weight and drawn
wider as |w| grows; they are batched into a dozen path items (sign × width bin) so a
784-128-10 network (100,352 edges) draws as fast as a small one, and past
:data:`~neurongui.views.canvas_layout.MAX_DRAWN_EDGES` only the strongest edges are
drawn. Hit testing is geometric (:class:`~neurongui.views.canvas_layout.Layout`), not
one item per edge.

Interaction: click selects a neuron or an edge; the wheel zooms; dragging the
background pans; Ctrl+wheel over an edge or neuron nudges its weight or bias, and so
does Alt+drag (one gesture is one undo step); double-click edits a value inline.
Every change goes through an undoable edit; the view never writes engine arrays.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QElapsedTimer, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QPainter, QPainterPath, QPen, QUndoStack
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from neurongui.engine import activations as engine_activations
from neurongui.engine import structure
from neurongui.engine.edits import ReplaceState, SetBias, SetWeight
from neurongui.engine.explain import explain_neuron, format_number
from neurongui.engine.features import FEATURES
from neurongui.i18n import data_name, error_text, fill
from neurongui.model import NetworkModel
from neurongui.undo import new_gesture, push_edit
from neurongui.views.canvas_items import TEXT_DARK, TEXT_LIGHT, NodeItem, add_button
from neurongui.views.canvas_layout import Layout, strongest_edges
from neurongui.views.canvas_maps import (
    NEGATIVE,
    POSITIVE,
    MapGrid,
    colours_for,
    levels_for,
    tint,
)
from neurongui.views.throttle import Redraw

__all__ = ["NetworkCanvas"]

MAX_HIDDEN_LAYERS = 6
MAX_NEURONS_FROM_BUTTONS = 8
_WIDTH_BINS = np.array([0.1, 0.3, 0.6, 1.0, 2.0])
_WIDTHS = (0.6, 1.2, 2.0, 3.0, 4.2, 5.5)
_NUDGE = 0.05
EDGE_HZ = 12


class NetworkCanvas(QGraphicsView):
    """The network diagram of ``model``; edits are pushed onto ``undo_stack``."""

    def __init__(self, model: NetworkModel, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.undo_stack = undo_stack
        scene = QGraphicsScene(self)
        # Every value update touches most items; a BSP index would be rebuilt each time
        # (it cost more than painting). Hit tests are geometric and need no index.
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        # A diagram shorter than the view hangs from the top, leaving the legend's room
        # below it free (centred, its last captions would slip under the legend).
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self._dark = False
        self._auto_fit = True  # refit on resize until the student zooms or pans
        # While training streams new values the diagram is redrawn at most EDGE_HZ
        # times a second, and less often when a redraw costs more than 5% of the time
        # (a 64-32-10 network's costs ~18 ms, paint included); edits redraw at once.
        self._redraw = Redraw(self, self._refresh, hz=EDGE_HZ)
        self._edit_pending = False
        self._refreshed = False
        self.setBackgroundBrush(QColor(255, 255, 255))
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Network diagram"))
        self._maps = MapGrid()
        self._nodes: list[list[NodeItem]] = []
        self._edge_items: list[QGraphicsPathItem] = []
        self._visible: list[np.ndarray] = []
        self._drag: tuple | None = None
        self._hover: tuple | None = None
        self._wheel_clock = QElapsedTimer()
        self._wheel_target: tuple | None = None
        self._wheel_gesture = 0
        self._editor: QLineEdit | None = None
        self._legend = QLabel(self)
        self._legend.setObjectName("canvasLegend")
        self._legend.setStyleSheet(
            "QLabel { background: rgba(255,255,255,220); border: 1px solid #ccc;"
            " border-radius: 4px; padding: 4px; color: #333; }"
        )
        self._actions = self._make_actions()
        model.structureChanged.connect(self._on_structure_change)
        model.dataChanged.connect(self._on_structure_change)
        model.parametersChanged.connect(self._on_parameters_change)
        model.editApplied.connect(self._on_edit)
        model.selectionChanged.connect(self._on_selection_change)
        model.sampleChanged.connect(self._on_parameters_change)
        self._rebuild()

    # -- public hooks -------------------------------------------------------------

    def select_edge(self, layer: int, neuron: int, source: int) -> None:
        """Select the edge into ``neuron`` of ``layer`` from ``source`` (engine indexing)."""
        self.model.select_edge(layer, neuron, source)

    def select_neuron(self, layer: int, neuron: int) -> None:
        """Select ``neuron`` of ``layer`` (layer -1 is the input layer)."""
        self.model.select_neuron(layer, neuron)

    def fit(self) -> None:
        """Zoom so that the whole diagram fits the view (and keep fitting on resize)."""
        self._auto_fit = True
        self._fit_above_legend()

    def _fit_above_legend(self) -> None:
        # The legend floats over the bottom of the view: keep its height free below the
        # diagram or it hides neurons (only below: the diagram gets the rest, as large
        # as it can be, with its headers at the top).
        rect, view = self.sceneRect(), self.viewport().rect()
        reserve = self._legend.height() + 12 if self._legend.isVisible() else 0
        if rect.isEmpty() or view.height() <= reserve + 40:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            return
        scale = min(view.width() / rect.width(), (view.height() - reserve) / rect.height())
        extra = reserve / scale
        self.fitInView(rect.adjusted(0, 0, 0, extra), Qt.AspectRatioMode.KeepAspectRatio)

    def set_dark(self, dark: bool) -> None:
        """Follow the theme: a dark background with light text, or the reverse."""
        self._dark = dark
        self.setBackgroundBrush(QColor(35, 37, 41) if dark else QColor(255, 255, 255))
        self._legend.setStyleSheet(
            "QLabel { background: %s; border: 1px solid #888; border-radius: 4px;"
            " padding: 4px; color: %s; }"
            % (("rgba(40,42,46,220)", "#ddd") if dark else ("rgba(255,255,255,220)", "#333"))
        )
        self._rebuild()

    def _text_colour(self) -> QColor:
        return TEXT_DARK if self._dark else TEXT_LIGHT

    def actions_for_menu(self) -> list[QAction]:
        """Actions for the Network menu (structure edits and input features)."""
        return self._actions

    def edge_count(self) -> tuple[int, int]:
        """(edges drawn, edges in the network): the level of detail in numbers."""
        return sum(len(v) for v in self._visible), sum(w.size for w in self._weights())

    def node_position(self, layer: int, neuron: int) -> QPointF:
        """Scene position of a node (layer -1 is the input layer), for tests and lessons."""
        x, y = self._layout.node(layer + 1, neuron)
        return QPointF(x, y)

    def edge_point(self, layer: int, neuron: int, source: int, t: float = 0.5) -> QPointF:
        """Scene position of the point a fraction ``t`` along an edge."""
        (x0, y0), (x1, y1) = self._layout.node(layer, source), self._layout.node(layer + 1, neuron)
        return QPointF(x0 + t * (x1 - x0), y0 + t * (y1 - y0))

    # -- building -----------------------------------------------------------------

    def _weights(self) -> list[np.ndarray]:
        return [layer.weights for layer in self.model.network.layers]

    def _rebuild(self) -> None:
        """Lay out the scene for the current structure."""
        scene = self.scene()
        scene.clear()
        self._buttons: dict = {}
        net = self.model.network
        self._layout = Layout(net.sizes)
        self._edge_items = []
        dense = sum(w.size for w in self._weights()) > 600
        background = QColor(35, 37, 41) if self._dark else QColor(255, 255, 255)
        for sign in (1, -1):
            for index, width in enumerate(_WIDTHS):
                colour = QColor(POSITIVE if sign > 0 else NEGATIVE)
                if dense:
                    # Thousands of edges: opaque hairlines, tinted towards the background
                    # as |w| shrinks. Translucent lines cost 5-20 times more to draw,
                    # and a wide pen's bounding box is found by stroking every segment.
                    pen = QPen(tint(colour, background, 0.3 + 0.14 * index), 0)
                else:
                    pen = QPen(colour, width)
                item = scene.addPath(QPainterPath(), pen)
                item.setZValue(index / 10)  # stronger bins on top
                # No item cache: every bin changes at each refresh while training, and
                # re-rendering twelve view-sized pixmaps cost twice drawing the lines
                # (even a repaint of unchanged bins blended the pixmaps more slowly).
                self._edge_items.append(item)
        self._highlight = scene.addPath(QPainterPath(), QPen(QColor(220, 40, 40, 200), 3))
        self._highlight.setZValue(1)
        self._nodes = []
        for column, n in enumerate(net.sizes):
            radius = self._layout.radii[column]
            items = []
            for i in range(n):
                label = data_name(net.input_names[i]) if column == 0 and radius >= 8 else ""
                x, y = self._layout.node(column, i)
                items.append(NodeItem(scene, column, i, radius, x, y, label, self._text_colour()))
            self._nodes.append(items)
        self._add_headers()
        left, top, width, height = self._layout.bounds()
        self.setSceneRect(left, top, width, height)
        self._update_actions()
        self._refresh()
        if self._auto_fit:
            self.fit()

    def _add_headers(self) -> None:
        net, scene = self.model.network, self.scene()
        n_hidden = len(net.layers) - 1
        # One baseline for every header, above the tallest column.
        top = min(
            float(ys[0]) - r for ys, r in zip(self._layout.ys, self._layout.radii, strict=True)
        )
        for column in range(len(net.sizes)):
            x = float(self._layout.x[column])
            if column == 0:
                title = self.tr("Input")
            elif column == len(net.sizes) - 1:
                title = fill(self.tr("Output · %1"), net.layers[-1].activation.name)
            else:
                title = fill(
                    self.tr("Layer %1 · %2"), str(column), net.layers[column - 1].activation.name
                )
            n = net.sizes[column]
            count = self.tr("1 neuron") if n == 1 else fill(self.tr("%1 neurons"), f"{n:,}")
            for text, dy, size in ((title, -44, 11.0), (count, -26, 9.0)):
                label = scene.addSimpleText(text)
                font = label.font()
                font.setPointSizeF(size)
                label.setFont(font)
                label.setBrush(self._text_colour())
                rect = label.boundingRect()
                label.setPos(x - rect.width() / 2, top + dy - rect.height() / 2)
            if 0 < column <= n_hidden:
                layer, size = column - 1, net.sizes[column]
                enabled = (size < MAX_NEURONS_FROM_BUTTONS, size > 1)
                for text, tip, dx, ok, action in (
                    ("+", self.tr("Add a neuron"), -14, enabled[0], self.add_neuron),
                    ("−", self.tr("Remove a neuron"), 14, enabled[1], self.remove_neuron),
                ):
                    button = add_button(scene, text, tip, ok)
                    button.setPos(x + dx, top - 72)
                    if ok:
                        self._buttons[button] = lambda layer=layer, act=action: act(layer)

    # -- refreshing ----------------------------------------------------------------

    def _refresh(self) -> None:
        """Redraw edges, node colours, captions and maps from the current values."""
        self._refreshed = True
        self._refresh_edges()
        self._refresh_nodes()
        self._on_selection_change()
        self._update_legend()

    def paintEvent(self, event) -> None:
        start = time.monotonic()
        super().paintEvent(event)
        if self._refreshed:  # painting a big network costs more than refreshing it
            self._refreshed = False
            self._redraw.add_cost(time.monotonic() - start)

    def _refresh_edges(self) -> None:
        weights = self._weights()
        self._visible = strongest_edges(weights)
        parts = [
            (*(a[shown] for a in self._layout.segments(layer)), w.ravel()[shown])
            for layer, (w, shown) in enumerate(zip(weights, self._visible, strict=True))
        ]
        x0, y0, x1, y1, values = (np.concatenate(c) for c in zip(*parts, strict=True))
        # One path per bin of sign and width: a dozen items, however many edges.
        bins = np.searchsorted(_WIDTH_BINS, np.abs(values)) + np.where(values < 0, 6, 0)
        order = np.argsort(bins, kind="stable")
        ends = 2 * np.cumsum(np.bincount(bins, minlength=len(self._edge_items)))
        xs = np.column_stack([x0, x1])[order].ravel()  # start and end of each edge
        ys = np.column_stack([y0, y1])[order].ravel()
        for item, start, stop in zip(self._edge_items, [0, *ends[:-1]], ends, strict=True):
            if stop > start:
                item.setPath(pg.arrayToQPath(xs[start:stop], ys[start:stop], "pairs", False))
            elif not item.path().isEmpty():
                item.setPath(QPainterPath())

    def _refresh_nodes(self) -> None:
        net, sample = self.model.network, self.model.sample
        with np.errstate(all="ignore"):
            trace = net.forward_trace(sample)
        images = self._maps.compute(net) if self.model.data.is_2d else None
        scale = max(float(np.abs(sample).max()), 1e-12)
        # One colour computation per column, not one NumPy call per node.
        inputs = colours_for(sample / scale)
        for i, node in enumerate(self._nodes[0]):
            node.set_image(images[0][i] if images else None)
            node.set_fill(inputs[i])
        for column, (layer, (_, a)) in enumerate(zip(net.layers, trace, strict=True), start=1):
            lo, hi = levels_for(layer.activation.name)
            roomy = self._layout.gap(column) >= 40  # captions of dense columns would overlap
            colours = colours_for(a, lo, hi)
            for j, node in enumerate(self._nodes[column]):
                node.set_image(images[column][j] if images else None)
                node.set_fill(colours[j])
                node.set_caption("b = " + format_number(layer.biases[j]) if roomy else "")

    def _update_legend(self) -> None:
        drawn, total = self.edge_count()
        pos, neg = POSITIVE.name(), NEGATIVE.name()
        text = fill(
            self.tr(
                "<span style='color:%1'>━</span> positive weight &nbsp; "
                "<span style='color:%2'>━</span> negative weight &nbsp; thicker = larger |w|"
            ),
            pos,
            neg,
        )
        if drawn < total:
            text += "<br>" + fill(
                self.tr("Showing the %1 strongest of %2 edges"), f"{drawn:,}", f"{total:,}"
            )
        if text != self._legend.text():  # re-laying out rich text costs a frame's worth
            self._legend.setText(text)
            self._legend.adjustSize()
            self._place_legend()

    def _place_legend(self) -> None:
        self._legend.move(8, self.viewport().height() - self._legend.height() - 8)

    # -- model signals ---------------------------------------------------------------

    def _on_structure_change(self) -> None:
        self._close_editor()
        self._rebuild()

    def _on_edit(self, _edit) -> None:
        self._edit_pending = True  # the parametersChanged that follows redraws at once

    def _on_parameters_change(self) -> None:
        if not self._drawn_for_network():
            self._rebuild()
            return
        live, self._edit_pending = self.model.live and not self._edit_pending, False
        self._redraw.request(live)

    def _drawn_for_network(self) -> bool:
        """True if the scene's nodes are those of the model's network (not a former one)."""
        return [len(column) for column in self._nodes] == list(self.model.network.sizes)

    def _on_selection_change(self) -> None:
        if not self._drawn_for_network():
            self._rebuild()  # draws the selection too
            return
        s = self.model.selection  # the model keeps it valid for its network
        for column in self._nodes:
            for node in column:
                node.set_selected(
                    s.kind == "neuron" and node.column == s.layer + 1 and node.index == s.neuron
                )
        path = QPainterPath()
        if s.kind == "edge":
            (x0, y0), (x1, y1) = (
                self._layout.node(s.layer, s.source),
                self._layout.node(s.layer + 1, s.neuron),
            )
            path.moveTo(x0, y0)
            path.lineTo(x1, y1)
        self._highlight.setPath(path)

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
            fill(self.tr("Use %1 in layer %2"), name, str(layer + 1)),
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

    # -- hit testing -----------------------------------------------------------------

    def target_at(self, scene_pos: QPointF) -> tuple | None:
        """What lies under a scene point: ``("neuron", layer, i)``, ``("edge", l, j, k)``
        or None (layer -1 is the input layer)."""
        hit = self._layout.node_at(scene_pos.x(), scene_pos.y())
        if hit is not None:
            return ("neuron", hit[0] - 1, hit[1])
        tolerance = 5.0 / max(self.transform().m11(), 1e-6)
        edge = self._layout.edge_at(scene_pos.x(), scene_pos.y(), tolerance, self._visible)
        if edge is not None:
            return ("edge", edge.layer, edge.neuron, edge.source)
        return None

    def _editable(self, target: tuple | None) -> bool:
        return target is not None and (target[0] == "edge" or target[1] >= 0)

    # -- mouse and keyboard ----------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        point = self.mapToScene(event.position().toPoint())
        item = next((b for b in self._buttons if b.sceneBoundingRect().contains(point)), None)
        if item is not None:
            if event.button() == Qt.MouseButton.LeftButton:
                self._buttons[item]()
            event.accept()
            return
        self._close_editor()
        target = self.target_at(self.mapToScene(event.position().toPoint()))
        if event.button() == Qt.MouseButton.LeftButton and target is not None:
            if target[0] == "neuron":
                self.model.select_neuron(target[1], target[2])
            else:
                self.model.select_edge(*target[1:])
            if event.modifiers() & Qt.KeyboardModifier.AltModifier and self._editable(target):
                self._drag = (target, event.position().y(), self._value(target), new_gesture())
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self.model.clear_selection()
            self._auto_fit = False  # a drag on the background pans
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        # Tooltips are set as the mouse moves (not in viewportEvent, which would put a
        # Python call on every paint and make painting wait for the training thread).
        target = self.target_at(self.mapToScene(event.position().toPoint()))
        if target != self._hover:
            self._hover = target
            self.viewport().setToolTip(self.tooltip_for(target) if target else "")
        if self._drag is not None:
            target, y0, start, gesture = self._drag
            value = round(start + (y0 - event.position().y()) * 0.01, 4)
            self.set_value(target, value, gesture)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._drag is not None:
            self._drag = None
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        target = self.target_at(self.mapToScene(event.position().toPoint()))
        if self._editable(target):
            self.edit_inline(target, event.position().toPoint())
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event) -> None:
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            target = self.target_at(self.mapToScene(event.position().toPoint()))
            if self._editable(target):
                steps = event.angleDelta().y() / 120.0
                # A run of wheel clicks on one target within a second is one undo step.
                if target != self._wheel_target or self._wheel_clock.elapsed() > 1000:
                    self._wheel_gesture = new_gesture()
                self._wheel_target = target
                self._wheel_clock.start()
                value = round(self._value(target) + steps * _NUDGE, 6)
                self.set_value(target, value, self._wheel_gesture)
                event.accept()
                return
        factor = 1.0015 ** event.angleDelta().y()
        self._auto_fit = False
        self.scale(factor, factor)
        event.accept()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_legend()
        if self._auto_fit:
            self._fit_above_legend()

    def contextMenuEvent(self, event) -> None:
        menu = self.menu_for(self.target_at(self.mapToScene(event.pos())))
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
            action = sub.addAction(name)
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
