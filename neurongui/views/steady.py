"""A holder that keeps a label's changing text from re-laying out the whole window.

When a QLabel's text changes, Qt invalidates the layout it sits in, and every layout
above it re-lays out in turn, up to the main window with all its docks. Labels that
show live numbers (the epoch counter, a neuron's z and a) change up to 30 times a
second while training runs, and those relayouts cost more than drawing the numbers.

Put such a label in :func:`steady`. Its parent is then a widget without a layout, which
absorbs the request. The holder lets the layout around it know only when the label
needs more room (at once) or much less (after a pause, so that text shrinking and
growing while training runs does not make the panel jitter).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, QTimer
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["SteadyHolder", "steady"]

#: How long a label must need less room before the layout shrinks it.
SHRINK_DELAY_MS = 400


class SteadyHolder(QWidget):
    """Holds one label and sizes itself by it, relaying out only when the room changes."""

    def __init__(self, label: QLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        self.setSizePolicy(label.sizePolicy())
        #: The room the layout last made for the label.
        self._room = (0, 0)
        self._shrink = QTimer(self)
        self._shrink.setSingleShot(True)
        self._shrink.setInterval(SHRINK_DELAY_MS)
        self._shrink.timeout.connect(self._refit)

    def sizeHint(self) -> QSize:
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return self.label.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return self.label.heightForWidth(width)

    def resizeEvent(self, event) -> None:
        self.label.resize(event.size())
        self._room = self._needed()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # posted by the label's setText
            self._check()
        return super().event(event)

    def _needed(self) -> tuple[int, int]:
        """(width, height) the label needs; a wrapped label's width is the layout's."""
        label = self.label
        if label.hasHeightForWidth():
            return 0, label.heightForWidth(self.width())
        hint = label.sizeHint()
        return hint.width(), hint.height()

    def _check(self) -> None:
        need, room = self._needed(), self._room
        if need[0] > room[0] or need[1] > room[1]:
            self._shrink.stop()
            self._refit()
        elif need != room and not self._shrink.isActive():
            self._shrink.start()

    def _refit(self) -> None:
        need = self._needed()
        if need != self._room:
            self._room = need
            self.updateGeometry()


def steady(label: QLabel) -> SteadyHolder:
    """Wrap ``label`` for a layout; keep using ``label`` itself to set its text."""
    # Opaque: a new text repaints the label alone, not the panels beneath it.
    label.setAutoFillBackground(True)
    return SteadyHolder(label)
