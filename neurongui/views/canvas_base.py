"""What the diagram's mixins may use of each other: a base for the type checker only.

:class:`~neurongui.views.canvas.NetworkCanvas` is a ``QGraphicsView`` put together from
mixins (:mod:`~neurongui.views.canvas_edits`, :mod:`~neurongui.views.canvas_mouse`,
:mod:`~neurongui.views.canvas_legend`, :mod:`~neurongui.views.canvas_images`,
:mod:`~neurongui.views.canvas_zoom`) that call the view and one another. For mypy each
mixin derives from :class:`CanvasBase`, a ``QGraphicsView`` that declares the
attributes and methods the parts share; at run time ``CanvasBase`` is ``object``, so
the canvas's method resolution order is the mixins' and then ``QGraphicsView``'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["CanvasBase"]

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy as np
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QAction, QColor
    from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QLabel, QToolButton

    from neurongui.editing import Editor
    from neurongui.engine.refs import EdgeRef, Ref
    from neurongui.model import NetworkModel
    from neurongui.views.canvas_columns import ColumnPicture
    from neurongui.views.canvas_items import NodeItem
    from neurongui.views.canvas_layout import Layout
    from neurongui.views.canvas_text import ScreenText

    class CanvasBase(QGraphicsView):
        """The network canvas as its mixins see it."""

        model: NetworkModel
        editor: Editor
        _layout: Layout
        _legend: QLabel
        _headers: list[list[ScreenText]]
        _captions: dict[int, list[ScreenText]]
        _side_labels: dict[int, list[ScreenText]]
        _nodes: list[list[NodeItem]]
        _pictures: dict[int, ColumnPicture]
        _buttons: dict[QGraphicsItem, Callable[[], None]]
        _visible: list[np.ndarray]
        _zoom_buttons: list[QToolButton]
        _dark: bool

        @property
        def weight_level(self) -> float | None: ...

        _auto_fit: bool
        fit_action: QAction
        zoom_in_action: QAction
        zoom_out_action: QAction

        # canvas.py
        def _on_selection_change(self) -> None: ...
        def edge_count(self) -> tuple[int, int]: ...
        def _text_colour(self) -> QColor: ...

        # canvas_legend.py
        def _update_legend(self) -> None: ...
        def _place_legend(self) -> None: ...

        # canvas_edits.py
        def set_value(self, target: Ref, value: float, gesture: int = 0) -> None: ...
        def _value(self, target: Ref) -> float: ...
        def tooltip_for(self, target: Ref) -> str: ...
        def edit_inline(self, target: Ref, pos: QPoint) -> None: ...
        def _close_inline(self) -> None: ...
        def layer_name(self, layer: int) -> str: ...

        # canvas_mouse.py
        def target_at(self, scene_pos: QPointF) -> Ref | None: ...

        # canvas_images.py
        def _fit_focus(self, scale: float) -> None: ...
        def _focus_edge(self, x: float, y: float) -> EdgeRef | None: ...

        # canvas_zoom.py
        def scale_now(self) -> float: ...
        def _fit_now(self) -> None: ...
        def _place_zoom_controls(self) -> None: ...
        def _zoom_about(self, view_point: QPointF, factor: float) -> None: ...

else:
    CanvasBase = object
