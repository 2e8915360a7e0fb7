"""The training timeline: scrub back to an earlier epoch, and go on from there.

While the network trains, the bar keeps the parameters at the end of each epoch
(:class:`neurongui.engine.timeline.Timeline`, thinned to a bounded memory). When
training is paused, dragging the slider shows the network as it was at that epoch —
the diagram, the maps, the boundary and the Inspector all follow, because the
weights really go back, as one undoable step per release of the slider. Play then
goes on from there; Undo returns to where the run was.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from neurongui.editing import Editor
from neurongui.engine.edits import SetParameters
from neurongui.engine.timeline import Timeline
from neurongui.i18n import fill
from neurongui.model import NetworkModel

__all__ = ["TimelineBar"]


class TimelineBar(QWidget):
    """A slider over the kept epochs of the run and a label saying which is shown."""

    def __init__(self, model: NetworkModel, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timelineBar")
        self.model, self.editor = model, editor
        self.timeline = Timeline()
        self.running = False
        self._branch: int | None = None  # the epoch the student went back to
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimumWidth(220)
        self.slider.setObjectName("timelineSlider")
        self.slider.setToolTip(self.tr("Drag to see the network as it was at an earlier epoch"))
        self.slider.valueChanged.connect(self._on_slide)
        self.slider.sliderReleased.connect(self._go)
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Timeline")))
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        model.historyChanged.connect(self._on_history_change)
        model.networkReplaced.connect(self._new_run)
        model.structureChanged.connect(self._new_run)
        self._new_run()

    def set_running(self, running: bool) -> None:
        """While training runs the bar follows the newest epoch and cannot be dragged."""
        self.running = running
        self._sync()

    def _new_run(self) -> None:
        self.timeline.clear()
        self._branch = None
        if self.model.history:
            self.timeline.add(len(self.model.history), self.model.network.parameters)
        self._sync()

    def _on_history_change(self) -> None:
        history = self.model.history
        if not history:
            self.timeline.clear()
        elif not self.timeline.epochs or len(history) > self.timeline.epochs[-1]:
            if self._branch is not None:  # went back, then on: the old future is gone
                self.timeline.drop_after(self._branch)
                self._branch = None
                self.slider.blockSignals(True)
                self.slider.setValue(self.slider.maximum())  # and the bar follows the run
                self.slider.blockSignals(False)
            self.timeline.add(len(history), self.model.network.parameters)
        elif len(history) < self.timeline.epochs[-1]:  # the history started again
            self.timeline.clear()
            self.timeline.add(len(history), self.model.network.parameters)
        self._sync()

    def _sync(self) -> None:
        """Slider range = the kept epochs; at the newest while training."""
        count = len(self.timeline)
        at_end = self.slider.value() >= self.slider.maximum()
        self.slider.blockSignals(True)
        if count == 1:  # one epoch kept (a file opened): the handle at the end, not the start
            self.slider.setRange(0, 1)
            self.slider.setValue(1)
        else:
            self.slider.setRange(0, max(count - 1, 0))
            if self.running or at_end:  # follow the newest epoch unless the student went back
                self.slider.setValue(max(count - 1, 0))
        self.slider.blockSignals(False)
        self.slider.setEnabled(count > 1 and not self.running)
        self._show_label()

    def _show_label(self) -> None:
        epochs = self.timeline.epochs
        if not epochs:
            self.label.setText(self.tr("no epochs yet"))
            return
        index = min(self.slider.value(), len(epochs) - 1)
        text = fill(self.tr("epoch %1 of %2"), epochs[index], epochs[-1])
        # A width that only grows: the status bar is not laid out again at every epoch.
        width = self.label.fontMetrics().horizontalAdvance(text) + 8
        if width > self.label.minimumWidth():
            self.label.setMinimumWidth(width + self.label.fontMetrics().horizontalAdvance("000"))
        self.label.setText(text)

    def _on_slide(self, _index: int) -> None:
        """The student moved the slider: keys and clicks go at once, a drag on release."""
        self._show_label()
        if not self.slider.isSliderDown():
            self._go()

    def _go(self) -> None:
        """Put the weights of the chosen epoch into the network (one undo step)."""
        epochs = self.timeline.epochs
        if self.running or not epochs:
            return
        epoch, values = self.timeline.nearest(epochs[min(self.slider.value(), len(epochs) - 1)])
        now = self.model.network.parameters
        # Another structure (a feature toggled before the timeline heard of it): not this run.
        if values.shape != now.shape or np.array_equal(values, now):
            return
        text = fill(self.tr("Go back to epoch %1"), epoch)
        self.editor.apply(SetParameters(values, text), text)
        self._branch = epoch

    def shown_epoch(self) -> int | None:
        """The epoch the slider points at (None before the first epoch)."""
        epochs = self.timeline.epochs
        return epochs[min(self.slider.value(), len(epochs) - 1)] if epochs else None
