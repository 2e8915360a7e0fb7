"""Mouse and wheel handling of the network diagram.

Click selects a neuron or an edge (a pixel of the large weight picture is the edge
from that pixel); the wheel zooms; dragging the background pans (a
click alone keeps the fit); Ctrl+wheel over an edge or neuron nudges its weight or
bias, and so does Alt+drag (one gesture is one undo step); double-click edits a value
inline.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem

from neurongui.engine.refs import EdgeRef, NeuronRef, Ref
from neurongui.undo import new_gesture
from neurongui.views.canvas_base import CanvasBase

__all__ = ["CanvasMouse"]

_NUDGE = 0.05


class CanvasMouse(CanvasBase):
    """Mixin of :class:`~neurongui.views.canvas.NetworkCanvas`: the mouse."""

    #: An Alt+drag of a value: what, the pointer's starting y, the starting value and
    #: the gesture that makes the drag one undo step.
    _drag: tuple[Ref, float, float, int] | None = None
    _hover: Ref | None = None
    _wheel_target: Ref | None = None
    _wheel_gesture = 0
    _wheel_clock: QElapsedTimer | None = None

    def target_at(self, scene_pos: QPointF) -> Ref | None:
        """The neuron or edge under a scene point, or None (an input is a neuron of
        layer -1)."""
        pixel = self._focus_edge(scene_pos.x(), scene_pos.y())  # in the large picture
        if pixel is not None:
            return pixel
        hit = self._layout.node_at(scene_pos.x(), scene_pos.y())
        if hit is not None:
            return NeuronRef(hit[0] - 1, hit[1])
        tolerance = 5.0 / max(self.transform().m11(), 1e-6)
        edge = self._layout.edge_at(scene_pos.x(), scene_pos.y(), tolerance, self._visible)
        if edge is not None:
            return EdgeRef(edge.layer, edge.neuron, edge.source)
        return None

    def button_at(self, view_pos: QPointF) -> QGraphicsItem | None:
        """The + or − button under a viewport point (they are drawn at screen size)."""
        transform = self.viewportTransform()
        for button in self._buttons:
            rect = button.deviceTransform(transform).mapRect(button.boundingRect())
            if rect.contains(view_pos):
                return button
        return None

    def _editable(self, target: Ref | None) -> bool:
        return isinstance(target, EdgeRef) or (
            isinstance(target, NeuronRef) and not target.is_input
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        button = self.button_at(event.position())
        if button is not None:
            if event.button() == Qt.MouseButton.LeftButton:
                self._buttons[button]()
            event.accept()
            return
        self._close_inline()
        target = self.target_at(self.mapToScene(event.position().toPoint()))
        if event.button() == Qt.MouseButton.LeftButton and target is not None:
            self.model.select(target)
            if event.modifiers() & Qt.KeyboardModifier.AltModifier and self._editable(target):
                self._drag = (target, event.position().y(), self._value(target), new_gesture())
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            # A click on the background clears the selection; only an actual pan (the
            # scroll bars move) turns the fit off.
            self.model.clear_selection()
            self._panning = True
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
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

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._panning = False
        if self._drag is not None:
            self._drag = None
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        target = self.target_at(self.mapToScene(event.position().toPoint()))
        if target is not None and self._editable(target):
            self.edit_inline(target, event.position().toPoint())
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            target = self.target_at(self.mapToScene(event.position().toPoint()))
            if target is not None and self._editable(target):
                steps = event.angleDelta().y() / 120.0
                # A run of wheel clicks on one target within a second is one undo step.
                clock = self._wheel_clock
                if target != self._wheel_target or clock is None or clock.elapsed() > 1000:
                    self._wheel_gesture = new_gesture()
                    clock = self._wheel_clock = QElapsedTimer()
                self._wheel_target = target
                clock.start()
                value = round(self._value(target) + steps * _NUDGE, 6)
                self.set_value(target, value, self._wheel_gesture)
                event.accept()
                return
        self._zoom_about(event.position(), 1.0015 ** event.angleDelta().y())
        event.accept()
