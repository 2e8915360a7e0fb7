"""Graphics of the diagram's nodes and buttons, made by the scene's own factories.

Every item is created by ``QGraphicsScene.addEllipse``/``addSimpleText``/``addPixmap``
rather than instantiated from Python. An item instantiated from Python is a PySide
"shadow" subclass: each virtual call Qt makes while painting it first takes the GIL
to look for a Python override. While the training thread runs, each of those waits
for the GIL, and a repaint of a few hundred items took 150 ms instead of 10 ms.
Items made in C++ are plain Qt objects and paint without touching Python.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QGraphicsScene

__all__ = ["MAP_RING", "NodeItem", "add_button", "selection_colour"]

#: Text colours of the light and dark themes.
TEXT_LIGHT, TEXT_DARK = QColor(60, 60, 60), QColor(215, 215, 215)
_RING = QColor(120, 120, 120)
#: Lighter than this, a value ring would vanish on the light theme's paper.
_PAPER_LIGHTNESS = 235
#: Width in scene units of the ring in a node's value colour around its map: half of it
#: lies outside the node, and text beside the node keeps clear of it.
MAP_RING = 5.0


def selection_colour(dark: bool) -> QColor:
    """The ring of the selected neuron: a red that stands out on either background."""
    return QColor(255, 70, 90) if dark else QColor(215, 25, 45)


class NodeItem:
    """One node: a circle filled with its value's colour, or showing its output map.

    ``column`` 0 is the input layer; ``index`` the node in it. Small nodes get no
    map. Text beside a node (its bias, an input's name) is screen-size text
    (:mod:`neurongui.views.canvas_text`), owned by the canvas. A ``framed`` node is a
    square frame in its value's colour around a picture drawn under it (a neuron's
    weights over an input image, :mod:`neurongui.views.canvas_images`).
    """

    def __init__(
        self,
        scene: QGraphicsScene,
        column: int,
        index: int,
        radius: float,
        x: float,
        y: float,
        dark: bool = False,
        framed: bool = False,
    ):
        self.column, self.index, self.radius = column, index, radius
        self.selected = False
        self.framed = framed
        self._has_image = False
        # What the circle shows now: a refresh that changes nothing touches no item
        # (each setBrush or setText makes Qt repaint and re-measure the item).
        self._shown: tuple | None = None
        self._colour: QColor | None = None  # the value's colour, kept for set_selected
        self._selected_pen = QPen(selection_colour(dark), min(4.0, 0.4 * radius) if framed else 4.0)
        pen = QPen(_RING, 1.2) if radius > 4 else QPen(Qt.PenStyle.NoPen)
        box = QRectF(-radius, -radius, 2 * radius, 2 * radius)
        self.circle = scene.addRect(box, pen) if framed else scene.addEllipse(box, pen)
        self.circle.setPos(x, y)
        self.circle.setZValue(2)
        # A frame thin enough to leave most of a small picture in view.
        self._ring = min(MAP_RING, 0.3 * radius)
        self.map: QGraphicsPixmapItem | None = None
        if radius < 8 or framed:
            return
        # The map is a child clipped to the circle, so it shows as a round picture.
        self.circle.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        self.map = scene.addPixmap(QPixmap())
        self.map.setParentItem(self.circle)
        self.map.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.map.setVisible(False)

    def set_selected(self, selected: bool) -> None:
        """Ring the node in red, or not; its value's colour stays."""
        if selected != self.selected:
            self.selected = selected
            if self._colour is not None:
                self.set_fill(self._colour)

    @property
    def colour(self) -> QColor:
        """The colour of the node's value (its disc, or the ring around its map)."""
        return QColor(self._colour) if self._colour is not None else QColor()

    @property
    def has_image(self) -> bool:
        """True while the circle shows the node's output map."""
        return self._has_image

    def set_fill(self, colour: QColor) -> None:
        """Colour by value: the fill, or the ring around a map."""
        self._colour = colour
        shown = (colour.rgba(), self._has_image, self.selected)
        if shown == self._shown:
            return
        self._shown = shown
        if self._has_image or self.framed:
            self.circle.setBrush(Qt.BrushStyle.NoBrush)
            # A ring as light as the paper (an output near 0 on the light theme) would
            # leave the map's own white parts without an edge: the grey ring instead.
            ring = colour if colour.lightness() < _PAPER_LIGHTNESS else _RING
            pen = QPen(ring, self._ring if self.framed else MAP_RING)
        else:
            self.circle.setBrush(QBrush(colour))
            pen = QPen(_RING, 1.2) if self.radius > 4 else QPen(Qt.PenStyle.NoPen)
        if self.selected:
            pen = self._selected_pen
        self.circle.setPen(pen)

    def set_image(self, image: QImage | None) -> None:
        """Show ``image`` (the node's output over the input plane) inside the circle."""
        if self.map is None:
            return
        if self._has_image != (image is not None):
            self._shown = None  # the fill and ring change with it
        self._has_image = image is not None
        self.map.setVisible(self._has_image)
        if image is not None:
            pixmap = QPixmap.fromImage(image)
            size = 2 * self.radius
            self.map.setPixmap(pixmap)
            self.map.setScale(size / pixmap.width())
            self.map.setPos(-self.radius, -self.radius)


def add_button(
    scene: QGraphicsScene,
    text: str,
    tooltip: str,
    enabled: bool,
    anchor: QPointF,
    dx: float,
    dy: float,
) -> QGraphicsItem:
    """A small round button (a layer's + or −) ``dx``, ``dy`` pixels from the scene
    point ``anchor``, 20 px across at any zoom; the view maps it to its action."""
    colour = QColor(90, 90, 90) if enabled else QColor(190, 190, 190)
    button = scene.addEllipse(QRectF(-10, -10, 20, 20), QPen(colour, 1.2), QColor(245, 245, 245))
    button.setToolTip(tooltip)
    button.setZValue(5)
    button.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
    button.setPos(anchor)
    button.setTransform(QTransform.fromTranslate(dx, dy))
    label = scene.addSimpleText(text)
    label.setParentItem(button)
    font = QFont(label.font())
    font.setPixelSize(15)
    font.setBold(True)
    label.setFont(font)
    label.setBrush(colour)
    rect = label.boundingRect()
    label.setPos(-rect.width() / 2, -rect.height() / 2)
    label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return button
