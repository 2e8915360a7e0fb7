"""Text on the diagram drawn at screen size, whatever the zoom.

A diagram fitted to a small panel is drawn at a fraction of its size; text scaled with
it was 6-7 px high and unreadable. Each text item here ignores the view's zoom
(``ItemIgnoresTransformations``): it is anchored at a scene point but always drawn
at its pixel size, so a caption is at least :data:`MIN_PX` high. When the diagram is
too small for it, the text is hidden or abbreviated (:class:`ScreenText`), never shrunk.

Items come from the scene's own factory (``addSimpleText``), so painting them never
calls into Python (see :mod:`neurongui.views.canvas_items`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

__all__ = ["MIN_PX", "ScreenText"]

#: The smallest text the diagram draws, in pixels.
MIN_PX = 11


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


def _widths(font: QFont, texts: list[str]) -> list[float]:
    """Width in pixels of each text: of its longest line."""
    metrics = QFontMetricsF(font)
    return [max(metrics.horizontalAdvance(line) for line in t.split("\n")) for t in texts]


class ScreenText:
    """One text anchored at a scene point, drawn at ``px`` pixels whatever the zoom.

    Parameters
    ----------
    scene
        The scene to add it to.
    texts
        The text, then shorter forms of it for when room is scarce (the longest that
        fits is shown; none fits: the item hides).
    anchor
        The scene point it is placed against.
    align
        ``"center"``, ``"left"`` (the text ends left of the anchor) or ``"right"``
        (it starts right of it), vertically centred on the anchor; or ``"below"``:
        centred under the anchor with its top ``offset[1]`` pixels below it.
    offset
        A further shift in pixels (x, y), e.g. a header line above the nodes.
    plate
        If given, a rectangle of this colour is drawn under the text (edges that
        cross it stop short of the letters).
    """

    def __init__(
        self,
        scene: QGraphicsScene,
        texts: list[str],
        anchor: QPointF,
        colour: QColor,
        px: int = MIN_PX,
        align: str = "center",
        offset: tuple[float, float] = (0.0, 0.0),
        bold: bool = False,
        plate: QColor | None = None,
    ):
        self.texts = [t for t in texts if t] or [""]
        self.align, self.offset = align, offset
        self.item = scene.addSimpleText(self.texts[0])
        self.item.setFont(_font(px, bold))
        self.item.setBrush(colour)
        self.item.setZValue(4)
        self.item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.item.setPos(anchor)
        self.widths = _widths(self.item.font(), self.texts)
        self.height = QFontMetricsF(self.item.font()).height() * (self.texts[0].count("\n") + 1)
        self._shown = 0
        # A plate of the background colour under the text: edges crossing it stop
        # short of the letters (a bias caption sits where a node's edges fan out).
        self.plate = None
        if plate is not None:
            self.plate = scene.addRect(QRectF(), QPen(Qt.PenStyle.NoPen), QBrush(plate))
            self.plate.setZValue(3.9)
            self.plate.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            self.plate.setPos(anchor)
        self._place()

    @property
    def text(self) -> str:
        """The text shown now ("" when hidden)."""
        return self.item.text() if self.item.isVisible() else ""

    def set_text(self, text: str) -> None:
        """Show ``text`` (one form only)."""
        self.set_texts([text])

    def set_texts(self, texts: list[str]) -> None:
        """Show ``texts``: the text, then its shorter forms (see :meth:`fit`)."""
        texts = [t for t in texts if t] or [""]
        if texts != self.texts:
            self.texts = texts
            self.widths = _widths(self.item.font(), texts)
            lines = texts[0].count("\n") + 1
            self.height = QFontMetricsF(self.item.font()).height() * lines
            self._shown = 0
            self.item.setText(texts[0])
            self._place()

    def fit(self, room: float | None) -> None:
        """Show the longest form at most ``room`` pixels wide (None: the full text)."""
        choice = 0
        if room is not None:
            choice = next((i for i, w in enumerate(self.widths) if w <= room), -1)
        self.item.setVisible(choice >= 0 and bool(self.texts[choice]))
        if self.plate is not None:
            self.plate.setVisible(self.item.isVisible())
        if choice >= 0 and choice != self._shown:
            self._shown = choice
            self.item.setText(self.texts[choice])
            self._place()

    def set_tooltip(self, text: str) -> None:
        """A tooltip on the text (and its plate), e.g. the full value of a rounded one."""
        if self.item.toolTip() != text:
            self.item.setToolTip(text)
            if self.plate is not None:
                self.plate.setToolTip(text)

    def width(self) -> float:
        """Width in pixels of the form shown now."""
        return self.widths[self._shown]

    def _place(self) -> None:
        width = self.widths[self._shown]
        dx = {"center": -width / 2, "left": -width, "right": 0.0, "below": -width / 2}[self.align]
        # "below": centred under the anchor, its top ``offset`` pixels down.
        top = self.offset[1] - (0.0 if self.align == "below" else self.height / 2)
        # The item's own transform still applies under ItemIgnoresTransformations: it
        # shifts the text in pixels, so it keeps its place beside its anchor at any zoom.
        shift = QTransform.fromTranslate(dx + self.offset[0], top)
        self.item.setTransform(shift)
        if self.plate is not None:
            self.plate.setRect(QRectF(-2, 0, width + 4, self.height))
            self.plate.setTransform(shift)

    def screen_rect(self, view) -> tuple[float, float, float, float]:
        """(left, top, width, height) in ``view``'s viewport pixels, for tests."""
        rect = self.item.deviceTransform(view.viewportTransform()).mapRect(self.item.boundingRect())
        return rect.left(), rect.top(), rect.width(), rect.height()
