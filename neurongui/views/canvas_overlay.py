"""Numbers written on the network diagram, next to neurons and on edges (by a lesson,
or by the Practice tools' stage-by-stage backprop).

A :class:`CanvasOverlay` keeps a few small boxes of text on the canvas's scene, all
children of one root item so they come and go together. The canvas clears its scene
whenever it rebuilds (a structure change, a theme change), which deletes the boxes
with everything else; the overlay notices (the root's wrapper is no longer valid)
and adds them again from its ``provider``, the lesson's function that says which
labels the current stage shows. Items are made by the scene's own factories, like the
canvas's, so painting them never calls into Python.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView

__all__ = ["OVERLAY_TAG", "CanvasOverlay", "Label", "value_colours"]

#: ``item.data(0)`` of every box the overlay adds, so tests can find them.
OVERLAY_TAG = "lessonOverlay"
#: Kinds of numbers and their colours on light and dark backgrounds.
_COLOURS = {
    False: {"forward": "#1f5fbf", "gradient": "#c0362c", "plain": "#303030"},
    True: {"forward": "#8ab8ff", "gradient": "#ff8f7a", "plain": "#e0e0e0"},
}
_FONT_SIZE = 9.0
_MIN_PX = 10  # the least text height on screen, in pixels
_PAD = 3.0


def value_colours(dark: bool) -> dict[str, QColor]:
    """Colours of forward values, gradients and plain text on a light or dark background."""
    return {kind: QColor(name) for kind, name in _COLOURS[dark].items()}


@dataclass(frozen=True)
class Label:
    """One box of text lines on the diagram.

    Attributes
    ----------
    key
        A name for the box (``"hidden0"``, ``"edge1_0_1"``), for tests and lookups.
    anchor
        The scene point the box is placed against.
    lines
        ``(text, kind)`` pairs, one a line; ``kind`` is ``"forward"``, ``"gradient"``
        or ``"plain"`` and picks the colour.
    side
        Where the box sits relative to ``anchor``: ``"right"`` (its left edge middle on
        the anchor), ``"left"``, ``"center"``, ``"above-right"`` (its bottom-left
        corner on the anchor) or ``"below-right"`` (its top-left corner on it).
    alternatives
        Further anchors, best first, tried in turn when the box at ``anchor`` would
        cover an earlier box, a neuron or a text of the diagram (a header, a bias).
    """

    key: str
    anchor: QPointF
    lines: tuple[tuple[str, str], ...]
    side: str = "right"
    alternatives: tuple[QPointF, ...] = ()


class CanvasOverlay:
    """Lesson-owned labels on ``view``'s scene, re-added after the scene is cleared.

    Parameters
    ----------
    view
        The network canvas.
    provider
        Returns the labels to show now (an empty list hides the overlay).
    dark
        Returns True on a dark background.
    obstacles
        Returns scene rectangles no box should cover (the neurons); the diagram's own
        texts (``view.screen_texts()``, when it has them) are avoided as well.
    """

    def __init__(
        self,
        view: QGraphicsView,
        provider: Callable[[], Sequence[Label]],
        dark: Callable[[], bool] = lambda: False,
        obstacles: Callable[[], Sequence[QRectF]] = lambda: (),
    ):
        self.view = view
        self.provider = provider
        self.dark = dark
        self.obstacles = obstacles
        self._root: QGraphicsItem | None = None
        self._texts: dict[str, str] = {}
        self._scale = 1.0
        # The canvas zooms to fit its view: a bigger view would blow the boxes up
        # (20 px text beside a 9 pt panel at 1920×1080). Redraw them when it zooms.
        self._watcher = _ZoomWatcher(self)
        view.viewport().installEventFilter(self._watcher)

    def update(self) -> None:
        """Show the provider's current labels (replacing the ones shown), with room for
        them beside the fitted diagram."""
        self._draw()
        # The boxes keep their size on screen: a canvas that makes room for them zooms
        # out, and they are drawn again at the new zoom (twice at most: it settles).
        for _ in range(2):
            if not self._make_room():
                break
            self._draw()

    def _draw(self) -> None:
        self.clear()
        self._scale = self.scale()
        labels = list(self.provider())
        if not labels:
            return
        scene = self.view.scene()
        # An empty rectangle without pen or brush: an invisible parent for the boxes.
        root = scene.addRect(QRectF(), QPen(Qt.PenStyle.NoPen))
        root.setZValue(10)  # above edges, nodes and captions
        root.setData(0, OVERLAY_TAG)
        colours = value_colours(self.dark())
        taken = [*self.obstacles(), *self._diagram_texts()]
        for label in labels:
            box = self._add_box(scene, root, label, colours)
            box.setPos(_free_place(label, box.rect(), taken))
            taken.append(box.sceneBoundingRect())
            self._texts[label.key] = "\n".join(text for text, _ in label.lines)
        self._root = root

    def _diagram_texts(self) -> list[QRectF]:
        """Scene rectangles of the diagram's headers and captions shown now."""
        texts = getattr(self.view, "screen_texts", None)
        if texts is None:
            return []
        rects = []
        for text in texts():
            if text.item.isVisible() and text.text:
                left, top, width, height = text.screen_rect(self.view)
                # A pixel of air around it: boxes land on whole pixels on screen.
                corner = self.view.mapToScene(int(left) - 2, int(top) - 2)
                far = self.view.mapToScene(int(left + width) + 3, int(top + height) + 3)
                rects.append(QRectF(corner, far))
        return rects

    def ensure(self, *_: object) -> None:
        """Add the labels again if the canvas cleared its scene (connect to scene.changed)."""
        if self._root is not None and not self._alive():
            self._root = None
            self._texts = {}
            self.update()

    def clear(self) -> None:
        """Remove every label from the diagram."""
        if self._root is not None and self._alive():
            self.view.scene().removeItem(self._root)
        self._root = None
        self._texts = {}

    def detach(self) -> None:
        """Remove every label and stop following the canvas's zoom (the lesson ends)."""
        self.clear()
        reserve = getattr(self.view, "reserve_margins", None)
        if reserve is not None:
            reserve()  # the diagram gets its whole panel back
        self.view.viewport().removeEventFilter(self._watcher)
        self._watcher.deleteLater()

    def texts(self) -> dict[str, str]:
        """The text of every box on the diagram now, by key (lines joined by newlines)."""
        return dict(self._texts) if self._root is not None and self._alive() else {}

    def boxes(self) -> list[QGraphicsItem]:
        """The boxes on the diagram now."""
        if self._root is None or not self._alive():
            return []
        return list(self._root.childItems())

    def scale(self) -> float:
        """Screen pixels per scene unit of the canvas now."""
        return float(self.view.transform().m11()) or 1.0

    def rescale(self) -> None:
        """Redraw the boxes if the canvas zoomed since they were drawn."""
        if self._root is not None and abs(self.scale() / self._scale - 1) > 0.02:
            self.update()

    def _make_room(self) -> bool:
        """Ask the canvas to keep free the pixels where boxes stick out beside its nodes;
        True if it zoomed to do so."""
        view = self.view
        reserve = getattr(view, "reserve_margins", None)
        nodes_rect = getattr(view, "nodes_rect", None)
        if reserve is None or nodes_rect is None:
            return False
        nodes = nodes_rect()
        if self._root is not None and self._alive() and self._root.childItems():
            boxes = self._root.childrenBoundingRect()
            s, gap = self._scale, 6.0
            reserve(
                max(0.0, nodes.left() - boxes.left()) * s + gap,
                0.0,
                max(0.0, boxes.right() - nodes.right()) * s + gap,
                max(0.0, boxes.bottom() - nodes.bottom()) * s + gap,
            )
        else:
            reserve()
        return abs(self.scale() / self._scale - 1) > 0.02

    def _alive(self) -> bool:
        # scene.clear() deletes the items and invalidates their wrappers.
        root = self._root
        return root is not None and shiboken6.isValid(root) and root.scene() is self.view.scene()

    def _add_box(
        self, scene: QGraphicsScene, root: QGraphicsItem, label: Label, colours: dict
    ) -> QGraphicsRectItem:
        # Never larger on screen than the panel's text, and never smaller than the
        # diagram's own captions (MIN_PX): scaled with a small fitted diagram it was
        # 6-7 px, unreadable. Between the two it follows the diagram, which leaves a
        # narrow lesson canvas room for its boxes.
        font = QFont(self.view.font())
        panel_px = _FONT_SIZE * self.view.logicalDpiY() / 72
        on_screen = min(panel_px, max(_MIN_PX, panel_px * self._scale))
        shrink = panel_px * self._scale / on_screen
        font.setPointSizeF(_FONT_SIZE / shrink)
        pad = _PAD / shrink
        texts, width, height = [], 0.0, 0.0
        for text, kind in label.lines:
            item = scene.addSimpleText(text)
            item.setFont(font)
            item.setBrush(colours.get(kind, colours["plain"]))
            rect = item.boundingRect()
            texts.append((item, height))
            width, height = max(width, rect.width()), height + rect.height()
        dark = self.dark()
        box = scene.addRect(
            QRectF(0, 0, width + 2 * pad, height + 2 * pad),
            QPen(QColor(150, 150, 150) if dark else QColor(180, 180, 180), 0.8 / shrink),
            QBrush(QColor(40, 42, 46, 235) if dark else QColor(255, 255, 255, 235)),
        )
        box.setData(0, OVERLAY_TAG)
        box.setData(1, label.key)
        box.setParentItem(root)
        for item, y in texts:
            item.setParentItem(box)
            item.setPos(pad, pad + y)
        return box


class _ZoomWatcher(QObject):
    """Tells the overlay when the canvas's viewport was resized (it zooms to fit)."""

    def __init__(self, overlay: CanvasOverlay):
        super().__init__(overlay.view)
        self.overlay = overlay

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Wheel):
            # After the canvas has fitted itself to the new size.
            QTimer.singleShot(0, self.overlay.rescale)
        return False


def _free_place(label: Label, rect: QRectF, taken: Sequence[QRectF]) -> QPointF:
    """Top-left corner of the box at the first of ``label``'s anchors where it covers
    nothing ``taken``; if every anchor covers something, where it covers least."""
    best, least = QPointF(), float("inf")
    for anchor in (label.anchor, *label.alternatives):
        corner = _place(label, rect, anchor)
        placed = rect.translated(corner)
        covered = 0.0
        for other in taken:
            common = placed.intersected(other)
            if not common.isEmpty():
                covered += common.width() * common.height()
        if covered == 0.0:
            return corner
        if covered < least:
            best, least = corner, covered
    return best


def _place(label: Label, rect: QRectF, anchor: QPointF | None = None) -> QPointF:
    """Top-left corner of a box of size ``rect`` put on ``label.side`` of ``anchor``
    (by default the label's own)."""
    anchor = label.anchor if anchor is None else anchor
    x, y, w, h = anchor.x(), anchor.y(), rect.width(), rect.height()
    return {
        "right": QPointF(x, y - h / 2),
        "left": QPointF(x - w, y - h / 2),
        "center": QPointF(x - w / 2, y - h / 2),
        "above-right": QPointF(x, y - h),
        "below-right": QPointF(x, y),
    }[label.side]
