"""Redraw policy for views that are costly to redraw: edits at once, training at a walk.

An edit is one change a student waits to see, so it is drawn immediately. Values that
stream in from training change many times a second, and every redraw is Python work
on the GUI thread that the training thread then waits for (they share the GIL), so a
secondary view draws them at most ``hz`` times a second, and not at all while hidden:
it catches up when it is shown again.

Streamed values are drawn inside the frame of the snapshot that brought them, while
the training thread waits for the GUI, and only one view draws them per frame: every
view at once would make one frame of 20-30 ms, a stutter the student sees. A view
that is costly to draw (the diagram of a big network) draws streamed values less
often than ``hz``, so that it takes at most ``share`` of the time from training.

superqt's ``qthrottled`` was the first choice, but it throttles to a fixed period:
it cannot draw inside the snapshot's frame, let one view a frame draw, or stretch the
period with the cost of a paint, and those three are what keep a 784-input diagram
from stealing a third of training's time (``benchmarks/gui_training.py``).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

__all__ = ["Redraw"]


#: Two live redraws closer than this belong to one snapshot's frame.
_SAME_FRAME = 0.010
#: Weight of the latest redraw in the moving average of a redraw's cost.
_NEW_COST = 0.3


class Redraw(QObject):
    """Schedules ``redraw`` of ``widget`` by the kind of change.

    Parameters
    ----------
    widget
        The view; nothing is drawn while it is hidden.
    redraw
        Draws the view from the model.
    hz
        The most redraws a second for values streamed from training.
    edit_delay_ms
        0 draws an edit at once; a few ms merge a burst of signals into one redraw.
    share
        The most of the time that drawing streamed values may take.
    """

    #: When a view last finished drawing streamed values (shared by all views).
    _live_drawn = 0.0

    def __init__(
        self,
        widget: QWidget,
        redraw: Callable[[], None],
        hz: float = 8,
        edit_delay_ms: int = 0,
        share: float = 0.05,
    ):
        super().__init__(widget)
        self._widget, self._redraw = widget, redraw
        self._period, self._share = 1.0 / hz, share
        self._cost = 0.0  # seconds per redraw, a moving average
        self._edit_delay = edit_delay_ms
        self._last = 0.0
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.now)
        widget.installEventFilter(self)

    def request(self, live: bool = False) -> None:
        """Ask for a redraw; ``live`` if the change came from training."""
        if not self._widget.isVisible():
            self._dirty = True  # drawn when shown
            return
        if live:
            now = time.monotonic()
            wait = self._last + self.interval - now
            if wait <= 0 and now - Redraw._live_drawn >= _SAME_FRAME:
                # Draw now, inside the snapshot's frame, while the worker leaves the GIL
                # to the GUI; from a timer, every call from Qt into Python (each plot
                # item paints in Python) would wait for it, stretching 5 ms into 30.
                self.now()
                Redraw._live_drawn = time.monotonic()
            elif not self._timer.isActive():
                # Only for the last values, once the stream stops: a later snapshot
                # usually draws first.
                self._timer.start(round((max(wait, 0) + self.interval) * 1000))
        elif self._edit_delay:
            if not self._timer.isActive() or self._timer.remainingTime() > self._edit_delay:
                self._timer.start(self._edit_delay)
        else:
            self.now()

    @property
    def interval(self) -> float:
        """The least time in seconds between two redraws of streamed values."""
        return max(self._period, self._cost / self._share)

    def add_cost(self, seconds: float) -> None:
        """Count ``seconds`` of work that the last redraw caused later (its paint)."""
        self._cost += _NEW_COST * seconds

    @property
    def pending(self) -> bool:
        """True while a redraw is scheduled."""
        return self._timer.isActive()

    def now(self) -> None:
        """Redraw at once."""
        self._timer.stop()
        self._dirty = False
        self._last = time.monotonic()
        self._redraw()
        cost = time.monotonic() - self._last
        self._cost += _NEW_COST * (cost - self._cost)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._dirty:
            QTimer.singleShot(0, self.now)  # after the show has laid the view out
            self._dirty = False
        return False
