"""Choose a sample, or try your own input, with the mouse on the Output tab's plot.

On the output map (2-D data, or a file's two columns) and on the curve y(x):

* a click on a dot chooses that sample: the whole window then computes with it. A
  training sample is selected by its number; a test sample (black rim) has no number
  in the sample chooser, which lists the training data, so it is shown as your own
  input at its place;
* pressing on a dot, or on the cross of your own input, and dragging moves your own
  input (a *probe*) with the mouse; so does a drag that starts with Shift held, from
  anywhere. Every neuron on the diagram follows during the drag;
* a click on empty space changes nothing (a drag there pans the plot, as before).

While a data-editing tool is in use (the chart's ``edit_tool`` is not None) the mouse
belongs to data editing and this does nothing.

A drag asks for the whole window to be recomputed on every step, which costs more on
a big network: the cross follows the mouse at once, but the probe is set at most
every :data:`MIN_GAP` seconds, and less often if setting it took long: setting it
takes at most 30 % of the time, and the paint that follows about as much again, so
the mouse stays fluid (``benchmarks/probe_drag.py`` measures it).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QTransform

from neurongui.model import NetworkModel
from neurongui.views.sample_marks import CROSS_SIZE, SampleMarks, network_input, plot_kind

if TYPE_CHECKING:
    from neurongui.views.chart_output import OutputChart

__all__ = ["DRAG_PIXELS", "MIN_GAP", "PICK_PIXELS", "MapPointer"]

#: A dot is hit within this many screen pixels of its centre.
PICK_PIXELS = 8.0
#: The mouse must move this far with the button down before a press becomes a drag.
DRAG_PIXELS = 4.0
#: Shortest time in seconds between two probes set during a drag (60 a second).
MIN_GAP = 1 / 60
#: Setting the probe takes at most this share of the time during a drag (the paint
#: it sets off roughly as much again).
_SHARE = 0.3


class MapPointer(QObject):
    """The mouse on ``chart``'s plot chooses ``model``'s sample or moves its probe."""

    def __init__(self, chart: OutputChart, model: NetworkModel) -> None:
        super().__init__(chart)
        self.chart, self.model = chart, model
        self.marks = SampleMarks(chart, model)
        self.plot = chart.output_plot
        self._press: tuple[QPointF, tuple[str, int]] | None = None
        self._dragging = False
        self._pending: tuple[np.ndarray, tuple[float, float]] | None = None
        self._last = 0.0  # time.monotonic() of the last probe set
        #: Seconds that setting a probe took, a moving average (drag throttling).
        self.cost = 0.0
        #: Probes set by drags so far (for tests and the benchmark).
        self.updates = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._apply)
        self.plot.viewport().installEventFilter(self)
        self.plot.setToolTip(
            self.tr(
                "Click a dot to choose that sample. Drag a dot, or the ✕ of your own "
                "input, to try other inputs: the diagram follows. Shift+drag puts your "
                "own input anywhere."
            )
        )

    # -- where the mouse is --------------------------------------------------------------

    def data_point(self, pos: QPointF) -> tuple[float, float]:
        """The plot's data coordinates at viewport position ``pos``."""
        point = self._transform().inverted()[0].map(QPointF(pos))
        return point.x(), point.y()

    def _transform(self) -> QTransform:
        """Data coordinates to viewport positions."""
        view = self.plot.getPlotItem().getViewBox()
        return view.childGroup.sceneTransform() * self.plot.viewportTransform()

    def to_viewport(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Viewport positions of data points (an affine map, applied to whole arrays)."""
        t = self._transform()
        return t.m11() * x + t.m21() * y + t.dx(), t.m12() * x + t.m22() * y + t.dy()

    def hit(self, pos: QPointF) -> tuple[str, int] | None:
        """What is under ``pos``: ``("probe", 0)``, ``("train", i)``, ``("test", i)``
        (the nearest dot within :data:`PICK_PIXELS`) or None."""
        best: tuple[float, tuple[str, int]] | None = None
        cross = self.marks.cross_at
        candidates = [("probe", np.array([cross[0]]), np.array([cross[1]]))] if cross else []
        for which, item in (("train", self.chart.train_points), ("test", self.chart.test_points)):
            x, y = item.getData()
            if x is not None and len(x) and item.isVisible():
                candidates.append((which, np.asarray(x, float), np.asarray(y, float)))
        for which, x, y in candidates:
            # A cross put at a typed 1e308 overflows to an infinite distance: not hit.
            with np.errstate(over="ignore", invalid="ignore"):
                vx, vy = self.to_viewport(x, y)
                d = np.hypot(vx - pos.x(), vy - pos.y())
            i = int(np.argmin(d))
            if d[i] <= PICK_PIXELS and (best is None or d[i] < best[0]):
                best = (float(d[i]), (which, i))
        return None if best is None else best[1]

    def _active(self) -> bool:
        """True if the mouse is ours: a map or curve shows and no data editing runs."""
        if getattr(self.chart, "edit_tool", None) is not None:
            return False
        return plot_kind(self.model.data) in ("map", "table", "fit")

    # -- events ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
        ):
            return False
        if not self._active():
            self._press, self._dragging = None, False
            return False
        assert isinstance(event, QMouseEvent)
        pos = event.position()
        if kind == QEvent.Type.MouseMove:
            return self._on_move(event, pos)
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if kind == QEvent.Type.MouseButtonRelease:
            return self._on_release()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        target = ("space", 0) if shift else self.hit(pos)  # Shift: the probe, even on a dot
        if target is None:
            return False  # empty space: pyqtgraph pans as before
        if kind == QEvent.Type.MouseButtonPress:
            self._press, self._dragging = (pos, target), False
            if target[0] == "space":  # Shift held: the probe jumps to the mouse
                self._start_drag(pos)
        return True

    def _on_move(self, event: QMouseEvent, pos: QPointF) -> bool:
        if self._press is None:
            under = self.hit(pos) if event.buttons() == Qt.MouseButton.NoButton else None
            if under is None:
                self.plot.viewport().unsetCursor()
            else:
                shape = Qt.CursorShape.OpenHandCursor if under[0] == "probe" else None
                self.plot.viewport().setCursor(shape or Qt.CursorShape.PointingHandCursor)
            return False
        start = self._press[0]
        if not self._dragging and (pos - start).manhattanLength() >= DRAG_PIXELS:
            self._start_drag(pos)
        if self._dragging:
            self._move_probe(pos)
        return True

    def _on_release(self) -> bool:
        if self._press is None:
            return False
        target, dragging = self._press[1], self._dragging
        self._press, self._dragging = None, False
        self.plot.viewport().unsetCursor()
        if dragging:
            self._apply()  # where the mouse let go, without waiting
        elif target[0] == "train":
            self.model.select_sample(target[1])
        elif target[0] == "test":
            self._show_test_sample(target[1])
        return True

    def _show_test_sample(self, index: int) -> None:
        x, y = self.chart.test_points.getData()
        self.marks.probe_hint = (float(x[index]), float(y[index]))
        self.model.set_probe(self.model.data.inputs("test", index))

    # -- dragging the probe -------------------------------------------------------------

    def _start_drag(self, pos: QPointF) -> None:
        self._dragging = True
        self.plot.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        self._move_probe(pos)

    def _move_probe(self, pos: QPointF) -> None:
        """The cross follows the mouse at once; the probe when the throttle allows."""
        # Kept on the plot, so the whole cross stays in sight (beyond the data all the
        # same): half a cross in from each edge.
        view = self.plot.getPlotItem().getViewBox()
        (x0, x1), (y0, y1) = view.viewRange()
        px, py = view.viewPixelSize()
        mx, my = min(CROSS_SIZE / 2 * px, (x1 - x0) / 2), min(CROSS_SIZE / 2 * py, (y1 - y0) / 2)
        x, y = self.data_point(pos)
        x, y = min(max(x, x0 + mx), x1 - mx), min(max(y, y0 + my), y1 - my)
        data, net = self.model.data, self.model.network
        with np.errstate(all="ignore"):
            inputs = network_input(data, net, x, y)
            if plot_kind(data) == "fit":  # the cross rides on the curve y(x)
                y = float(net.forward(inputs[None, :])[0, 0])
        self._pending = (inputs, (x, y))
        self.marks.show_cross((x, y))
        if not self._timer.isActive():
            wait = self._last + self.interval - time.monotonic()
            self._timer.start(max(0, round(wait * 1000)))

    @property
    def interval(self) -> float:
        """The least time in seconds between two probes set during a drag."""
        return max(MIN_GAP, self.cost / _SHARE)

    def _apply(self) -> None:
        """Set the latest dragged probe (all views recompute with it)."""
        self._timer.stop()
        if self._pending is None:
            return
        inputs, point = self._pending
        self._pending = None
        if not np.isfinite(inputs).all():
            return  # far outside, sin or a square overflowed: keep the last probe
        start = time.monotonic()
        self.marks.probe_hint = point
        self.model.set_probe(inputs)
        self._last = time.monotonic()
        self.cost += 0.3 * (self._last - start - self.cost)
        self.updates += 1
