"""Live charts: loss and accuracy, what the network outputs, and the selected weight.

Each tab is a widget of its own (:mod:`~neurongui.views.chart_loss`,
:mod:`~neurongui.views.chart_output`, :mod:`~neurongui.views.chart_weight`); this
panel decides when they draw. Charts never redraw on every signal. Signals only mark
what is stale, and stale charts are redrawn at most every :data:`REDRAW_MS`: at once
when the training controller has applied a snapshot (the worker leaves the GIL to the
GUI then), else from a single-shot timer. Only the tab that shows is drawn, so the
cost does not grow with training speed or with the number of tabs.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QElapsedTimer, QObject, QTimer
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from neurongui.model import NetworkModel
from neurongui.theme import is_dark
from neurongui.views.chart_loss import CURVE_POINTS, LossChart
from neurongui.views.chart_output import GRID, OutputChart
from neurongui.views.chart_style import ChartColours, nice_ceiling, settled_ceiling
from neurongui.views.chart_weight import WEIGHT_POINTS, WeightChart
from neurongui.views.map_pointer import MapPointer
from neurongui.views.point_editor import PointEditor

__all__ = [
    "CURVE_POINTS",
    "GRID",
    "WEIGHT_POINTS",
    "ChartsPanel",
    "nice_ceiling",
    "settled_ceiling",
]

#: Shortest time between two frames of the same chart (30 Hz).
REDRAW_MS = 33
#: A snapshot of the trainer is drawn at once unless the last frame is this recent.
MIN_FRAME_MS = 15


class ChartsPanel(QWidget):
    """Tabs: loss and accuracy; the output (map, fit or confusion); the selected weight."""

    def __init__(
        self,
        model: NetworkModel,
        parent: QWidget | None = None,
        controller: QObject | None = None,
    ):
        """Charts of ``model``.

        Parameters
        ----------
        model
            The model whose history, network and data are drawn.
        parent
            The parent widget (the dock reparents the panel later).
        controller
            The :class:`~neurongui.worker.TrainingController`: its snapshots are drawn
            as they are applied, and it counts the training steps. By default the
            parent's ``training`` attribute, if it has one (the main window's).
        """
        super().__init__(parent)
        self.model = model
        self._controller = controller or getattr(parent, "training", None)
        self._stale: set[str] = {"loss", "output", "weight"}
        self.frames = 0
        self.loss_tab, self.output_tab, self.weight_tab = LossChart(), OutputChart(), WeightChart()
        # The plots and curves, by the names tests and File ▸ Export use.
        for name in ("loss_plot", "accuracy_plot", "train_curve", "test_curve", "legend"):
            setattr(self, name, getattr(self.loss_tab, name))
        for name in ("train_acc_curve", "test_acc_curve", "empty_hint", "log_scale"):
            setattr(self, name, getattr(self.loss_tab, name))
        for name in ("output_plot", "image", "train_points", "test_points", "fit_curve"):
            setattr(self, name, getattr(self.output_tab, name))
        for name in ("misclassified", "output_note", "show_test", "discretize"):
            setattr(self, name, getattr(self.output_tab, name))
        for name in ("weight_plot", "weight_curve", "weight_note"):
            setattr(self, name, getattr(self.weight_tab, name))
        # Clicks on the map or curve choose a sample; a drag moves the student's input.
        self.map_pointer = MapPointer(self.output_tab, model)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("chartTabs")
        self.tabs.addTab(self.loss_tab, self.tr("Loss"))
        self.tabs.addTab(self.output_tab, self.tr("Output"))
        self.tabs.addTab(self.weight_tab, self.tr("Weight"))
        self.tabs.currentChanged.connect(self._on_tab_change)
        #: The student (or a lesson) picked a tab: new data no longer picks one.
        self.tab_chosen = False
        self._picking = False
        self.loss_tab.log_scale.toggled.connect(lambda _: self._mark("loss"))
        self.output_tab.show_test.toggled.connect(self._on_points_change)
        self.output_tab.discretize.toggled.connect(lambda _: self._mark("output"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._clock = QElapsedTimer()
        self._clock.start()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.redraw)
        # Bound methods, not lambdas: Qt drops them when the panel is deleted.
        model.historyChanged.connect(self._on_history_change)
        model.parametersChanged.connect(self._on_parameters_change)
        model.structureChanged.connect(self._on_structure_change)
        model.dataChanged.connect(self._on_data_change)
        model.selectionChanged.connect(self._on_selection_change)
        snapshot = getattr(self._controller, "snapshotApplied", None)
        if snapshot is not None:
            snapshot.connect(self._on_snapshot)
        running = getattr(self._controller, "runningChanged", None)
        if running is not None:  # paused: the exact confusion matrix, at once
            running.connect(self._on_running_change)
        diverged = getattr(self._controller, "diverged", None)
        if diverged is not None:
            diverged.connect(self._on_divergence)
        self._marked_history: list | None = None  # the history of a run that blew up
        editor = getattr(parent, "editor", None)  # the window's: points can be edited
        self.point_editor = PointEditor(self.output_tab, model, editor) if editor else None
        self.set_dark(is_dark())
        self._on_data_change()

    @property
    def pending(self) -> frozenset[str]:
        """The tabs (``"loss"``, ``"output"``, ``"weight"``) waiting to be redrawn."""
        return frozenset(self._stale)

    def current_plot(self) -> pg.PlotWidget:
        """The main plot of the tab on show (for File ▸ Export ▸ Chart)."""
        plots = (self.loss_tab.loss_plot, self.output_tab.output_plot, self.weight_tab.weight_plot)
        return plots[self.tabs.currentIndex()]

    def set_dark(self, dark: bool) -> None:
        """Follow the theme: every plot, axis, label and legend, at once."""
        colours = ChartColours(dark)
        for tab in (self.loss_tab, self.output_tab, self.weight_tab):
            tab.set_colours(colours)
        self._stale.update({"loss", "output", "weight"})
        self._schedule()

    # -- signals -----------------------------------------------------------------------

    def _mark(self, what: str) -> None:
        self._stale.add(what)
        self._schedule()

    def _schedule(self) -> None:
        """Redraw once REDRAW_MS have passed since the last frame (or a snapshot comes)."""
        if not self._timer.isActive():
            self._timer.start(max(0, REDRAW_MS - self._clock.elapsed()))

    def _on_snapshot(self) -> None:
        # The worker waits while the GUI draws this snapshot: draw it now.
        if self._stale and self._clock.elapsed() >= MIN_FRAME_MS:
            self.redraw()

    def _on_running_change(self, running: bool) -> None:
        if not running:
            self._mark("output")

    def _on_divergence(self, divergence) -> None:
        self.loss_tab.mark_divergence(divergence.epoch)
        self._marked_history = self.model.history  # the run the mark belongs to
        # The blow-up is shown where it happened, on the loss curve, whatever tab was
        # on show (the Output map of 2-D data opens first).
        self._picking = True
        try:
            self.tabs.setCurrentWidget(self.loss_tab)
        finally:
            self._picking = False
        self._mark("loss")  # the epoch axis reaches the mark

    def _on_history_change(self) -> None:
        # A new, empty history is a new run (Reset, new data): the mark of the old run
        # goes, even if the loss tab never drew a record of it (it was not on show).
        history = self.model.history
        if not history and history is not self._marked_history:
            self.loss_tab.blow_up.setVisible(False)
        self._mark("loss")

    def _on_points_change(self) -> None:
        self.output_tab.points_stale = True
        self._mark("output")

    def _on_parameters_change(self) -> None:
        self._record_weight()
        self._mark("output")

    def _on_structure_change(self) -> None:
        self.output_tab.forget_grid()
        self._mark("output")

    def _on_tab_change(self, _index: int) -> None:
        if not self._picking:
            self.tab_chosen = True
        self._schedule()

    def reset_tab(self) -> None:
        """Forget the tab picked by hand and show the one the data suggests."""
        self.tab_chosen = False
        self._pick_tab()

    def _pick_tab(self) -> None:
        """Show what the data is best seen through, until a tab is picked by hand: the
        Output tab's decision map for points on a plane (what a first network is
        learning; also two columns of a file), the Loss tab otherwise."""
        if self.tab_chosen:
            return
        self._picking = True
        try:
            data = self.model.data
            plane = data.is_2d or (data.X_train.shape[1] == 2 and data.task == "binary")
            self.tabs.setCurrentIndex(1 if plane else 0)
        finally:
            self._picking = False

    def _on_data_change(self) -> None:
        data = self.model.data
        self.loss_tab.set_data(data)
        self.output_tab.set_data(data)
        self._pick_tab()
        self._stale.update({"output", "loss"})
        self._schedule()

    def _on_selection_change(self) -> None:
        self.weight_tab.clear()
        self._record_weight()
        self._mark("weight")

    def _record_weight(self) -> None:
        s = self.model.selection
        if s.kind != "edge":
            return
        value = self.model.network.get_weight(s.layer, s.neuron, s.source)
        self.weight_tab.record(value, getattr(self._controller, "steps", None))
        self._stale.add("weight")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._schedule()  # whatever went stale while the panel was hidden

    # -- drawing ------------------------------------------------------------------------

    def redraw(self, force: bool = False) -> None:
        """Redraw the stale parts of the tab that shows (at most every REDRAW_MS);
        ``force`` draws it even while the panel is hidden (for an export)."""
        self._timer.stop()
        if not self._stale or not (self.isVisible() or force):
            return
        self._clock.restart()
        drawn = ("loss", "output", "weight")[self.tabs.currentIndex()]
        if drawn not in self._stale:
            return
        self._stale.discard(drawn)
        model = self.model
        with np.errstate(all="ignore"):
            if drawn == "loss":
                self.loss_tab.draw(model.history)
            elif drawn == "output":
                live = bool(getattr(self._controller, "running", False))
                self.output_tab.draw(model.data, model.network, live)
            else:
                self.weight_tab.draw(model.selection, model.network)
        self.frames += 1
