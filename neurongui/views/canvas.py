"""The network diagram: see every weight, click it, nudge it, undo it.

Layers run left to right. Edges are coloured by the sign of their weight and drawn
wider as |w| grows, batched into a dozen path items (:mod:`~neurongui.views.canvas_edges`);
hit testing is geometric (:class:`~neurongui.views.canvas_layout.Layout`), not one
item per edge. A layer of hundreds of neurons is one picture, not one item per neuron
(:mod:`~neurongui.views.canvas_columns`), and so are the pixels of an image dataset's
inputs and the first layer's weight pictures (:mod:`~neurongui.views.canvas_images`):
a 90,000-input network is a few dozen items.

Text is drawn at screen size (:mod:`~neurongui.views.canvas_text`); fitting, zooming
and the text's level of detail are in :mod:`~neurongui.views.canvas_zoom`, the mouse in
:mod:`~neurongui.views.canvas_mouse`. Every change goes through the window's
:class:`~neurongui.editing.Editor` (one undo step each); the view never writes engine
arrays. Neurons and edges are named by :class:`~neurongui.engine.refs.NeuronRef` and
:class:`~neurongui.engine.refs.EdgeRef`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QWidget,
)

from neurongui.editing import Editor
from neurongui.engine.explain import format_number
from neurongui.i18n import activation_label, data_name, fill
from neurongui.model import NetworkModel
from neurongui.views.canvas_columns import ColumnPicture
from neurongui.views.canvas_dropout import dropout_counts
from neurongui.views.canvas_edges import CanvasEdges
from neurongui.views.canvas_edits import CanvasEdits
from neurongui.views.canvas_images import CanvasImages
from neurongui.views.canvas_items import (
    MAP_RING,
    TEXT_DARK,
    TEXT_LIGHT,
    NodeItem,
    add_button,
    selection_colour,
)
from neurongui.views.canvas_layout import (
    STRIP_NODES,
    STRIP_WIDTH,
    Layout,
)
from neurongui.views.canvas_legend import CanvasLegend
from neurongui.views.canvas_maps import (
    NODE_RANGE,
    MapGrid,
    colours_for,
    input_scale,
    rgb_for,
)
from neurongui.views.canvas_mouse import CanvasMouse
from neurongui.views.canvas_text import ScreenText
from neurongui.views.canvas_zoom import CAPTION_GAP, CanvasZoom
from neurongui.views.throttle import Redraw

__all__ = ["NetworkCanvas"]

MAX_NEURONS_FROM_BUTTONS = 8
#: Digits of a bias in its caption's tooltip: as many as the Inspector's box shows.
BIAS_DIGITS = 6
EDGE_HZ = 12


class NetworkCanvas(
    CanvasEdits, CanvasEdges, CanvasMouse, CanvasZoom, CanvasLegend, CanvasImages, QGraphicsView
):
    """The network diagram of ``model``; the student's edits go through ``editor``."""

    def __init__(self, model: NetworkModel, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.editor = editor
        scene = QGraphicsScene(self)
        # Every value update touches most items; a BSP index would be rebuilt each time
        # (it cost more than painting). Hit tests are geometric and need no index.
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
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
        self._drawn: tuple | None = None  # what the scene was built for
        self.setBackgroundBrush(QColor(255, 255, 255))
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Network diagram"))
        self._maps = MapGrid()
        self._nodes: list[list[NodeItem]] = []
        self._pictures: dict[int, ColumnPicture] = {}
        self._headers: list[list[ScreenText]] = []
        self._captions: dict[int, list[ScreenText]] = {}
        self._side_labels: dict[int, list[ScreenText]] = {}
        self._buttons: dict[QGraphicsItem, Callable[[], None]] = {}
        self._edge_items: list[QGraphicsPathItem] = []
        self._visible: list[np.ndarray] = []
        self._inline: QLineEdit | None = None
        self._legend = QLabel(self)
        self._legend.setObjectName("canvasLegend")
        self._legend.setStyleSheet(
            "QLabel { background: rgba(255,255,255,220); border: 1px solid #ccc;"
            " border-radius: 4px; padding: 4px; color: #333; }"
        )
        self._actions = self._make_actions()
        self._make_zoom_controls()
        # No scroll bars: the student pans by dragging and zooms with + / − / Fit. Shown
        # as needed, a bar that a refit made appear shrank the view, which refitted and
        # hid it again: the window could resize itself for ever (random-use test).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalScrollBar().valueChanged.connect(self._on_scrolled)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        model.structureChanged.connect(self._on_structure_change)
        model.configChanged.connect(self._on_config_change)
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

    def set_dark(self, dark: bool) -> None:
        """Follow the theme: a dark background with light text, or the reverse."""
        self._dark = dark
        self.setBackgroundBrush(QColor(35, 37, 41) if dark else QColor(255, 255, 255))
        self._legend.setStyleSheet(
            "QLabel { background: %s; border: 1px solid #888; border-radius: 4px;"
            " padding: 4px; color: %s; }"
            % (("rgba(40,42,46,220)", "#ddd") if dark else ("rgba(255,255,255,220)", "#333"))
        )
        self._rebuild(force=True)

    def _text_colour(self) -> QColor:
        return TEXT_DARK if self._dark else TEXT_LIGHT

    def actions_for_menu(self) -> list[QAction]:
        """Actions for the Network menu (structure edits and input features)."""
        return self._actions

    def node_position(self, layer: int, neuron: int) -> QPointF:
        """Scene position of a node (layer -1 is the input layer), for tests and lessons."""
        x, y = self._layout.node(layer + 1, neuron)
        return QPointF(x, y)

    @property
    def nodes(self) -> tuple[tuple[NodeItem, ...], ...]:
        """The drawn neurons by column (0: the inputs), each with its value's
        :attr:`~neurongui.views.canvas_items.NodeItem.colour` and whether it is selected;
        a column drawn as one picture has none."""
        return tuple(tuple(column) for column in self._nodes)

    @property
    def selection_mark(self) -> QGraphicsPathItem:
        """The red mark of the selection: a ring around a neuron, a line over an edge."""
        return self._highlight

    def nodes_rect(self) -> QRectF:
        """Scene rectangle of the nodes' centres (the diagram without its text)."""
        return QRectF(*self._layout.nodes_rect())

    def screen_texts(self) -> list[ScreenText]:
        """Every text of the diagram (shown or hidden), for tests."""
        texts = [t for column in self._headers for t in column]
        for group in (self._captions, self._side_labels):
            texts += [t for column in group.values() for t in column]
        if self._focus is not None:
            texts += [self._focus.title, self._focus.hint]
        return texts

    # -- building -----------------------------------------------------------------

    def _scene_key(self) -> tuple:
        """What the scene's items depend on: the same key, the same items."""
        net, data = self.model.network, self.model.data
        return (
            tuple(net.sizes),
            tuple(layer.activation.name for layer in net.layers),
            tuple(net.input_names),
            data.dataset.name,
            tuple(data.dataset.class_names),
            data.dataset.image_shape,
            data.is_2d,
            self.model.config.dropout,  # marked under the hidden layers' headers
            self._dark,
        )

    def _rebuild(self, force: bool = False) -> None:
        """Lay out the scene for the current structure (once per change: a second
        signal for the same structure only refreshes the values)."""
        key = self._scene_key()
        if key == self._drawn and not force:
            self._refresh()
            return
        self._drawn = key
        scene = self.scene()
        scene.clear()
        self._buttons = {}
        net, data = self.model.network, self.model.data
        shape = data.dataset.image_shape
        grid = shape if shape is not None and shape[0] * shape[1] == net.sizes[0] else None
        self._layout = Layout(net.sizes, grid)
        self._add_edge_items(sum(w.size for w in self._weights()) > 600)
        pen = QPen(selection_colour(self._dark), 3.0)
        pen.setCosmetic(True)  # 3 px on screen at any zoom
        self._highlight = scene.addPath(QPainterPath(), pen)
        self._highlight.setZValue(6)
        self._add_nodes()
        self._add_images()
        self._add_headers()
        self._update_actions()
        self._refresh()
        if self._auto_fit:
            self.fit()
        else:
            self._apply_scale(self.scale_now())

    def _add_nodes(self) -> None:
        net, scene, layout = self.model.network, self.scene(), self._layout
        colour, last = self._text_colour(), len(net.sizes) - 1
        self._nodes, self._pictures, self._captions, self._side_labels = [], {}, {}, {}
        frame = QColor(120, 120, 120)
        framed = self._first_layer_framed()  # weight pictures, drawn by CanvasImages
        for column, n in enumerate(net.sizes):
            radius = layout.radii[column]
            if column == 0 and layout.grid is not None:  # the input image: CanvasImages
                self._nodes.append([])
                continue
            if n > STRIP_NODES:
                x = float(layout.x[column])
                height = float(layout.ys[column][-1] - layout.ys[column][0]) + layout.gap(column)
                top = float(layout.ys[column][0]) - layout.gap(column) / 2
                rect = QRectF(x - STRIP_WIDTH / 2, top, STRIP_WIDTH, height)
                self._pictures[column] = ColumnPicture(scene, rect, (n, 1), frame)
                self._nodes.append([])
                continue
            nodes = []
            for i in range(n):
                x, y = layout.node(column, i)
                square = framed and column == 1
                nodes.append(NodeItem(scene, column, i, radius, x, y, self._dark, square))
            self._nodes.append(nodes)
            at = [QPointF(*layout.node(column, i)) for i in range(n)]
            if column == 0:
                self._side_labels[0] = [
                    ScreenText(
                        scene,
                        [data_name(name)],
                        QPointF(p.x() - radius, p.y()),
                        colour,
                        12,
                        "left",
                        (-6, 0),
                    )
                    for name, p in zip(net.input_names, at, strict=True)
                ]
            else:
                # Under the node, clear of its ring (and of the selection ring outside
                # it), on a plate that hides the edges fanning out below the node.
                plate = QColor(self.backgroundBrush().color())
                plate.setAlpha(215)
                self._captions[column] = [
                    ScreenText(
                        scene,
                        [""],
                        QPointF(p.x(), p.y() + radius + MAP_RING / 2),
                        colour,
                        11,
                        "below",
                        (0, CAPTION_GAP),
                        plate=plate,
                    )
                    for p in at
                ]
            names = self.model.data.dataset.class_names
            if column == last and self.model.data.task != "regression" and len(names) == n > 1:
                self._side_labels[last] = [
                    ScreenText(
                        scene,
                        [data_name(name)],
                        QPointF(p.x() + radius, p.y()),
                        colour,
                        12,
                        "right",
                        (6, 0),
                        bold=True,
                    )
                    for name, p in zip(names, at, strict=True)
                ]

    def _header_x(self, column: int) -> float:
        grid = self._layout.grid_rect()
        if column == 0 and grid is not None:
            left, _, width, _ = grid
            return left + width / 2
        return float(self._layout.x[column])

    def _add_headers(self) -> None:
        net, scene = self.model.network, self.scene()
        n_hidden = len(net.layers) - 1
        top = self._layout.top()  # one baseline for every header, above the tallest column
        colour = self._text_colour()
        self._headers = []
        for column in range(len(net.sizes)):
            anchor = QPointF(self._header_x(column), top)
            if column == 0:
                titles = [self.tr("Input")]
            else:
                name = activation_label(net.layers[column - 1].activation.name, short=True)
                if column == len(net.sizes) - 1:
                    titles = [fill(self.tr("Output · %1"), name), name]
                else:
                    titles = [fill(self.tr("Hidden layer %1 · %2"), str(column), name), name]
            n = net.sizes[column]
            counts = [self.tr("1 neuron") if n == 1 else fill(self.tr("%1 neurons"), f"{n:,}")]
            if 0 < column <= n_hidden:
                rate = self.model.config.dropout_rates(len(net.layers))[column - 1]
                counts = dropout_counts(counts[0], n, rate)
            grid = self._layout.grid
            if column == 0 and grid is not None:  # the inputs are an image's pixels
                shape = f"{grid[0]} × {grid[1]}"
                counts = [fill(self.tr("%1 pixels = %2 inputs"), shape, f"{n:,}"), shape]
            self._headers.append(
                [
                    ScreenText(scene, titles, anchor, colour, 14, offset=(0, -44), bold=True),
                    ScreenText(scene, [*counts, f"{n:,}"], anchor, colour, 12, offset=(0, -26)),
                ]
            )
            if 0 < column <= n_hidden:
                layer, size = column - 1, net.sizes[column]
                enabled = (size < MAX_NEURONS_FROM_BUTTONS, size > 1)
                for text, tip, dx, ok, action in (
                    ("+", self.tr("Add a neuron"), -14, enabled[0], self.add_neuron),
                    ("−", self.tr("Remove a neuron"), 14, enabled[1], self.remove_neuron),
                ):
                    button = add_button(scene, text, tip, ok, anchor, dx, -66)
                    if ok:
                        self._buttons[button] = partial(action, layer)

    # -- refreshing ----------------------------------------------------------------

    def _refresh(self) -> None:
        """Redraw edges, node colours, captions and maps from the current values."""
        self._refreshed = True
        self._refresh_edges()
        self._refresh_nodes()
        self._on_selection_change()
        self._update_legend()

    def paintEvent(self, event: QPaintEvent) -> None:
        start = time.monotonic()
        super().paintEvent(event)
        if self._refreshed:  # painting a big network costs more than refreshing it
            self._refreshed = False
            self._redraw.add_cost(time.monotonic() - start)

    def _refresh_nodes(self) -> None:
        net, sample = self.model.network, self.model.sample
        with np.errstate(all="ignore"):
            trace = net.forward_trace(sample)
        small = all(n <= STRIP_NODES for n in net.sizes)
        images = self._maps.compute(net, self._dark) if self.model.data.is_2d and small else None
        # One scale for every node (the legend's): 0 neutral, −1 orange, +1 blue.
        values = [(sample / input_scale(sample), *NODE_RANGE)]
        values += [(a, *NODE_RANGE) for _, a in trace]
        for column, (v, lo, hi) in enumerate(values):
            # One colour computation per column, not one NumPy call per node.
            if column == 0 and self._layout.grid is not None:
                self._refresh_images(sample)  # the image, in grey; weight pictures
                continue
            if column in self._pictures:
                self._pictures[column].set_colours(rgb_for(v, lo, hi, self._dark))
                continue
            for j, (node, colour) in enumerate(
                zip(self._nodes[column], colours_for(v, lo, hi, self._dark), strict=True)
            ):
                node.set_image(images[column][j] if images else None)
                node.set_fill(colour)
        for column, captions in self._captions.items():
            biases = net.layers[column - 1].biases
            for j, caption in enumerate(captions):
                caption.set_text("b = " + format_number(biases[j]))
                # Rounded for room; the full value (as the Inspector's box has it) on hover.
                caption.set_tooltip(
                    fill(
                        self.tr("b = %1 (rounded to 4 digits on the diagram)"),
                        format_number(biases[j], digits=BIAS_DIGITS),
                    )
                )
        self._update_detail(self.scale_now())

    # -- model signals ---------------------------------------------------------------

    def _on_structure_change(self) -> None:
        self._close_inline()
        self._rebuild()

    def _on_config_change(self) -> None:
        if self._scene_key() != self._drawn:  # dropout's marks under the headers
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
        """True if the scene was built for the model's network (not a former one)."""
        return self._drawn == self._scene_key()

    def _on_selection_change(self) -> None:
        if not self._drawn_for_network():
            self._rebuild()  # draws the selection too
            return
        s = self.model.selection  # the model keeps it valid for its network
        for nodes in self._nodes:
            for node in nodes:
                node.set_selected(
                    s.kind == "neuron" and node.column == s.layer + 1 and node.index == s.neuron
                )
        path = QPainterPath()
        if s.kind == "neuron" and s.layer + 1 not in self._pictures:
            # A ring outside the node, drawn over its map: the node's own ring is
            # hidden under a map or lost in a colour close to red.
            x, y = self._layout.node(s.layer + 1, s.neuron)
            r = self._layout.radii[s.layer + 1] + 3.0 / max(self.scale_now(), 1e-6)
            if s.layer == 0 and self._first_layer_framed():  # a weight picture's frame
                path.addRect(QRectF(x - r, y - r, 2 * r, 2 * r))
            else:
                path.addEllipse(QPointF(x, y), r, r)
        if s.kind == "edge":
            x0, y0, x1, y1 = (
                float(a[s.neuron * self._layout.sizes[s.layer] + s.source])
                for a in self._layout.segments(s.layer)
            )
            path.moveTo(x0, y0)
            path.lineTo(x1, y1)
        elif s.kind == "neuron" and s.layer + 1 in self._pictures:
            # A pixel or a row of a picture: ring its place.
            column = s.layer + 1
            x, y = self._layout.node(column, s.neuron)
            rx = self._layout.radii[column]
            ry = max(self._layout.gap(column) / 2, 2.0 / max(self.scale_now(), 1e-6))
            path.addRect(QRectF(x - rx, y - ry, 2 * rx, 2 * ry))
        self._highlight.setPath(path)
        self._show_focus()
