"""Fitting, zooming and the level of detail of the diagram's text.

The diagram's text is drawn at screen size (:mod:`neurongui.views.canvas_text`), so
the room it takes is counted in pixels around the nodes, whose size is counted in
scene units: the fit solves for the scale at which nodes plus pixel margins fill the
view. At any zoom each text shows in full, abbreviated or not at all, as room allows;
it never shrinks below its pixel size.

Fit stays on (the diagram refits as the view resizes) until the student zooms or pans;
:meth:`CanvasZoom.fit` turns it back on.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QTransform
from PySide6.QtWidgets import QToolButton

from neurongui.views.canvas_base import CanvasBase
from neurongui.views.canvas_items import MAP_RING
from neurongui.views.canvas_text import ScreenText

__all__ = ["CAPTION_GAP", "MAX_FIT_SCALE", "CanvasZoom"]

#: A fitted tiny network is drawn at most this large (1-1 would fill the screen).
MAX_FIT_SCALE = 1.6
#: Pixels above the top node: two header lines and the + and − buttons.
TOP_PX = 80.0
#: Pixels between the outside of a node's ring and the top of its bias caption: clear
#: of the selection ring drawn 3 px outside the node (3 px wide).
CAPTION_GAP = 5.0
#: Pixels below the bottom node: its bias caption (gap, a line of 11 px text, margin).
BOTTOM_PX = 28.0
#: A row of text beside nodes needs this many pixels between neighbouring nodes.
ROW_PX = 14.0
ZOOM_STEP = 1.25
#: ``data(0)`` of a lesson's boxes on the diagram (``canvas_overlay.OVERLAY_TAG``:
#: views do not import lessons).
LESSON_TAG = "lessonOverlay"


class CanvasZoom(CanvasBase):
    """Mixin of :class:`~neurongui.views.canvas.NetworkCanvas`: fit, zoom, detail.

    Expects ``_layout``, ``_legend``, ``_headers`` (per column, its ScreenTexts),
    ``_captions`` (column → ScreenTexts under nodes) and ``_side_labels`` (column →
    ScreenTexts beside nodes: input names left, class names right).
    """

    _auto_fit = True
    #: Pixels kept free beside the nodes for a lesson's labels (left, top, right, bottom).
    _reserved: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    _scrolling = False
    _panning = False  # the left button is down on the background

    def fit(self) -> None:
        """Zoom so that the whole diagram fits the view (and keep fitting on resize)."""
        self._auto_fit = True
        self._fit_now()

    def zoom_in(self) -> None:
        """Zoom in about the centre of the view, keeping the headers in view."""
        self._zoom_about_centre(ZOOM_STEP)

    def zoom_out(self) -> None:
        """Zoom out about the centre of the view, keeping the headers in view."""
        self._zoom_about_centre(1 / ZOOM_STEP)

    def reserve_margins(
        self, left: float = 0.0, top: float = 0.0, right: float = 0.0, bottom: float = 0.0
    ) -> None:
        """Keep at least this many pixels free around the nodes when fitting: room for
        the labels a lesson writes beside the outer columns (all zero: none)."""
        margins = (left, top, right, bottom)
        if margins != self._reserved:
            self._reserved = margins
            if self._auto_fit:
                self._fit_now()

    @property
    def headers(self) -> tuple[tuple[ScreenText, ...], ...]:
        """The texts above each column (its name, its size), left to right."""
        return tuple(tuple(column) for column in self._headers)

    @property
    def side_labels(self) -> dict[int, tuple[ScreenText, ...]]:
        """Texts beside the nodes by column: input names left, class names right."""
        return {column: tuple(texts) for column, texts in self._side_labels.items()}

    @property
    def captions(self) -> dict[int, tuple[ScreenText, ...]]:
        """The bias captions under the nodes, by column."""
        return {column: tuple(texts) for column, texts in self._captions.items()}

    @property
    def zoom_buttons(self) -> tuple[QToolButton, ...]:
        """Zoom in, zoom out and Fit, in the view's corner."""
        return tuple(self._zoom_buttons)

    @property
    def fitting(self) -> bool:
        """True while the diagram refits itself to the view (until a zoom or a pan)."""
        return self._auto_fit

    def scale_now(self) -> float:
        """The zoom: screen pixels per scene unit."""
        return self.transform().m11()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_legend()
        if self._auto_fit:
            self._fit_now()
        elif hasattr(self, "_layout"):
            self._apply_scale(self.scale_now())

    def _make_zoom_controls(self) -> None:
        """Zoom in, zoom out and fit: buttons in the view's corner, with shortcuts."""
        self.fit_action = QAction(self.tr("Fit diagram"), self)
        self.fit_action.setShortcuts([QKeySequence("Ctrl+0")])
        self.fit_action.triggered.connect(self.fit)
        self.zoom_in_action = QAction(self.tr("Zoom in"), self)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_in_action.triggered.connect(self.zoom_in)
        self.zoom_out_action = QAction(self.tr("Zoom out"), self)
        self.zoom_out_action.setShortcuts([QKeySequence("Ctrl+-")])
        self.zoom_out_action.triggered.connect(self.zoom_out)
        self._zoom_buttons: list[QToolButton] = []
        for action, text in (
            (self.zoom_in_action, "+"),
            (self.zoom_out_action, "−"),
            (self.fit_action, self.tr("Fit")),
        ):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text()} ({keys})")
            self.addAction(action)
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setText(text)
            button.setAutoRaise(False)
            button.setObjectName("canvasZoomButton")
            self._zoom_buttons.append(button)

    def _place_zoom_controls(self) -> None:
        """Bottom right, beside the legend; above it when the view is too narrow for
        both on one line (the buttons never cover the legend)."""
        for button in self._zoom_buttons:
            button.adjustSize()
        width = sum(b.width() + 2 for b in self._zoom_buttons)
        x = self.viewport().width() - 6
        y = self.viewport().height() - 6
        legend = self._legend.geometry()
        if not self._legend.isHidden() and x - width < legend.right() + 6:
            y = legend.top() - 4
        for button in reversed(self._zoom_buttons):
            x -= button.width()
            button.move(x, y - button.height())
            x -= 2

    def _buttons_above_legend(self) -> bool:
        """True if the zoom buttons stand above the legend (a narrow view)."""
        buttons = self._zoom_buttons
        return bool(buttons) and buttons[0].geometry().bottom() < self._legend.geometry().top()

    # -- the work ----------------------------------------------------------------

    def _reserve(self) -> float:
        # The legend floats over the bottom of the view: keep its height free.
        if not self._legend.isVisible():
            return 0.0
        above = self._zoom_buttons[0].height() + 4 if self._buttons_above_legend() else 0
        return self._legend.height() + 12 + above

    def _margins(self, labelled: bool) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) pixels of text around the nodes."""
        heads = [max(t.widths[0] for t in h) for h in self._headers] or [0.0]
        sides = {
            c: max((t.widths[0] for t in ts), default=0.0) for c, ts in self._side_labels.items()
        }
        last = len(self._layout.sizes) - 1
        left = max(heads[0] / 2, sides.get(0, 0.0) + 14 if labelled else 0.0) + 8
        right = max(heads[-1] / 2, sides.get(last, 0.0) + 14 if labelled else 0.0) + 8
        more_left, more_top, more_right, more_bottom = self._reserved
        bottom = max(BOTTOM_PX, more_bottom) + self._reserve()
        return max(left, more_left), max(TOP_PX, more_top), max(right, more_right), bottom

    def _labelled(self, scale: float) -> bool:
        """True if the rows of text beside the nodes have room at ``scale``."""
        return all(self._layout.gap(c) * scale >= ROW_PX for c in self._side_labels)

    def _fit_scale(self) -> float:
        _, _, width, height = self._layout.nodes_rect()
        view = self.viewport().rect()
        scale = MAX_FIT_SCALE
        for labelled in (True, False):
            left, top, right, bottom = self._margins(labelled)
            # A view too small for the text still shows the nodes, in a quarter of it.
            room_x = max(view.width() - 2 - left - right, view.width() / 4)
            room_y = max(view.height() - 2 - top - bottom, view.height() / 4)
            scale = min(room_x / max(width, 1.0), room_y / max(height, 1.0), MAX_FIT_SCALE)
            if self._labelled(scale):
                break
        return max(scale, 1e-3)

    def _apply_scale(self, scale: float) -> None:
        """Zoom to ``scale``, with room for the text around the nodes at that zoom."""
        left, top, right, bottom = self._margins(self._labelled(scale))
        x, y, width, height = self._layout.nodes_rect()
        rect = QRectF(
            x - left / scale,
            y - top / scale,
            width + (left + right) / scale,
            height + (top + bottom) / scale,
        )
        self._scrolling = True  # moves of the scroll bars here are not the student's
        try:
            self.setSceneRect(rect)
            self.setTransform(QTransform.fromScale(scale, scale))
        finally:
            self._scrolling = False
        self._update_detail(scale)
        self._on_selection_change()  # the ring keeps its distance in pixels

    def _fit_now(self) -> None:
        if not hasattr(self, "_layout"):
            return
        self._apply_scale(self._fit_scale())
        self._scroll_to(self.sceneRect().center())

    def _scroll_to(self, point: QPointF, keep_top: bool = False) -> None:
        self._scrolling = True
        try:
            self.centerOn(point)
            if keep_top:  # the headers and their buttons stay in view
                bar = self.verticalScrollBar()
                bar.setValue(bar.minimum())
        finally:
            self._scrolling = False

    def _zoom_about_centre(self, factor: float) -> None:
        self._auto_fit = False
        centre = self.mapToScene(self.viewport().rect().center())
        self._apply_scale(self.scale_now() * factor)
        self._scroll_to(centre, keep_top=True)

    def _zoom_about(self, view_point: QPointF, factor: float) -> None:
        """Zoom by ``factor`` keeping the scene point under ``view_point`` in place."""
        self._auto_fit = False
        under = self.mapToScene(view_point.toPoint())
        centre = self.mapToScene(self.viewport().rect().center())
        self._apply_scale(self.scale_now() * factor)
        self._scroll_to(under + (centre - under) / factor)

    def _lesson_boxes(self) -> bool:
        """True while a lesson shows boxes of text on the diagram."""
        return any(item.data(0) == LESSON_TAG for item in self.scene().items())

    def _on_scrolled(self) -> None:
        # Only a drag of the student's moves the view off the fit (a resize or a new
        # scene rect moves the scroll bars too).
        if self._panning and not self._scrolling:
            self._auto_fit = False

    def _update_detail(self, scale: float) -> None:
        """Show each text in full, shortened or not at all, as the zoom leaves room."""
        layout = self._layout
        xs = layout.x
        spacing = float(xs[1] - xs[0]) * scale if len(xs) > 1 else 1e9
        for texts in self._headers:
            for text in texts:
                text.fit(spacing - 12)
        labelled = self._labelled(scale)
        for column, texts in self._side_labels.items():
            # A lesson that writes its own boxes beside the outputs (softmax: the
            # species) replaces the plain class names.
            shown = labelled and not (column > 0 and self._lesson_boxes())
            _fit_all(texts, None if shown else -1.0)
        for column, texts in self._captions.items():
            # A caption needs its gap, its height and 3 px above the next node down;
            # with less room they all hide (level of detail), never overlap a node.
            free = (layout.gap(column) - 2 * layout.radii[column] - MAP_RING) * scale
            need = CAPTION_GAP + max((t.height for t in texts), default=0.0) + 3
            room = spacing - 2 * layout.radii[column] * scale - 12
            _fit_all(texts, room if free >= need else -1.0)
        self._fit_focus(scale)


def _fit_all(texts: list[ScreenText], room: float | None) -> None:
    for text in texts:
        text.fit(room)
