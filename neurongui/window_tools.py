"""The window's practice and coaching tools: their docks, their menu, the timeline.

* Practice ▸ Compute it yourself — :class:`~neurongui.views.drill_panel.DrillPanel`,
  beside the training form;
* Practice ▸ The layer as a matrix — under the diagram, beside the activation plots;
* Practice ▸ Loss surface — beside the charts;
* Practice ▸ Coach — the hints and the training health, beside the Inspector; when the
  coach has something to say while its dock is closed, the status bar says so;
* the timeline — in the status bar.

The docks start hidden; the menu shows one and brings it to the front.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFrame, QMenu, QScrollArea, QTabWidget, QWidget

from neurongui.lessons import titles
from neurongui.views.chart_style import ChartColours
from neurongui.views.coach_panel import CoachPanel
from neurongui.views.drawing_board import DrawingPanel
from neurongui.views.drill_panel import DrillPanel
from neurongui.views.health_panel import HealthPanel
from neurongui.views.layer_matrix import LayerMatrixPanel
from neurongui.views.loss_surface import LossSurfacePanel
from neurongui.views.sample_panel import SamplePanel
from neurongui.views.stages_panel import StagesPanel
from neurongui.views.timeline_bar import TimelineBar
from neurongui.window_layout import set_dock_widget

if TYPE_CHECKING:
    from neurongui.main_window import MainWindow

__all__ = ["WindowTools"]

_AREA = Qt.DockWidgetArea


class WindowTools(QObject):
    """Builds the tools of ``window`` and the Practice menu that opens them.

    Attributes
    ----------
    drill, matrix, surface, coach, health, timeline
        The panels.
    docks
        The tools' docks by name (``practiceDock``, ``matrixDock``, ``surfaceDock``,
        ``coachDock``), listed in the View menu.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        model, editor = window.model, window.editor
        self.drill = DrillPanel(model, editor)
        self.stages = StagesPanel(model, window.canvas)
        practice = QTabWidget()
        practice.setObjectName("practiceTabs")
        practice.addTab(_scrolled(self.drill), self.tr("By hand"))
        practice.addTab(_scrolled(self.stages), self.tr("Backprop steps"))
        self.drawing = DrawingPanel(model, editor=editor)
        practice.addTab(_scrolled(self.drawing), self.tr("Draw"))
        self.practice_tabs = practice
        self.matrix = LayerMatrixPanel(model)
        self.surface = LossSurfacePanel(model)
        self.coach = CoachPanel(model, editor, lesson_titles=titles())
        self.health = HealthPanel(model)
        coach_tabs = QTabWidget()
        coach_tabs.setObjectName("coachTabs")
        coach_tabs.addTab(self.coach, self.tr("Hints"))  # it scrolls its own cards
        coach_tabs.addTab(_scrolled(self.health), self.tr("Health"))
        self.coach_tabs = coach_tabs
        self.samples = SamplePanel(model)
        places = {
            "sampleDock": (
                self.tr("Samples and your input"),
                _scrolled(self.samples),
                "trainingDock",  # the tall left column: the table needs the height
            ),
            "practiceDock": (self.tr("Practice"), practice, "trainingDock"),
            "matrixDock": (self.tr("Layer as a matrix"), self.matrix, "activationDock"),
            "surfaceDock": (self.tr("Loss surface"), self.surface, "chartsDock"),
            "coachDock": (self.tr("Coach"), coach_tabs, "inspectorDock"),
        }
        self.docks: dict[str, QDockWidget] = {}
        self._beside: dict[str, str] = {}
        for name, (title, panel, beside) in places.items():
            dock = QDockWidget(title, window)
            dock.setObjectName(name)
            set_dock_widget(dock, panel)
            # Added hidden and joined to its neighbour's tabs only when first shown: a
            # tab added now would change which of the neighbour's tabs is in front.
            window.addDockWidget(window.dockWidgetArea(window.docks[beside]), dock)
            dock.hide()
            self.docks[name] = dock
            self._beside[name] = beside
        # Not in window.docks: those are the panels Reset layout shows; the tools start
        # closed. View lists them after the panels.
        view = window.window_menus.menus["view"]
        view.addSeparator()
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        self.timeline = TimelineBar(model, editor)
        # In the status bar's row: a row of its own would cost a laptop's lesson its
        # fold, and the main toolbar's row has no room left at 1366 px.
        window.statusBar().addPermanentWidget(self.timeline)  # messages keep the left
        window.training.runningChanged.connect(self.timeline.set_running)
        self.coach.diagnosed.connect(self._on_diagnosed)
        self.coach.lessonRequested.connect(window.start_lesson)
        self.menu = QMenu(self.tr("&Practice"), window)
        help_menu = window.window_menus.menus["help"]
        window.menuBar().insertMenu(help_menu.menuAction(), self.menu)  # Help stays last
        self.menu.setObjectName("practiceMenu")
        for name, text in (
            ("practiceDock", self.tr("Compute It &Yourself")),
            ("stagesAction", self.tr("&Backprop Stage by Stage")),
            ("drawAction", self.tr("&Draw a Digit")),
            ("matrixDock", self.tr("The Layer as a &Matrix")),
            ("surfaceDock", self.tr("&Loss Surface")),
            ("coachDock", self.tr("&Coach: Why Isn't It Learning?")),
            ("sampleDock", self.tr("Choose the &Input…")),
        ):
            action = QAction(text, window)
            action.setObjectName(name.replace("Dock", "Action"))
            action.triggered.connect(lambda _=False, n=name: self.show_dock(n))
            self.menu.addAction(action)
        self.menu.addSeparator()
        show_timeline = QAction(self.tr("&Timeline"), window, checkable=True, checked=True)
        show_timeline.toggled.connect(self.timeline.setVisible)
        self.menu.addAction(show_timeline)
        self._told: set[str] = set()

    def set_dark(self, dark: bool) -> None:
        """Follow the light or dark theme (the tools' plots)."""
        colours = ChartColours(bool(dark))
        self.surface.set_colours(colours)
        self.health.set_colours(colours)

    def show_dock(self, name: str) -> None:
        """Show the dock ``name`` and bring it to the front of its tabs (``stagesAction``:
        the practice dock at its stage-by-stage tab)."""
        tabs = ("practiceDock", "stagesAction", "drawAction")
        if name in tabs:
            self.practice_tabs.setCurrentIndex(tabs.index(name))
            name = "practiceDock"
        dock = self.docks[name]
        beside = self._beside.pop(name, None)
        window = self._window
        if beside is not None and not window.docks[beside].isHidden():
            window.tabifyDockWidget(window.docks[beside], dock)
        dock.show()
        dock.raise_()

    def _on_diagnosed(self, rules: list[str]) -> None:
        """Say once per hint in the status bar when the coach's dock is closed."""
        new = [rule for rule in rules if rule not in self._told]
        self._told &= set(rules)
        self._told.update(rules)
        # A lesson sets up its runs on purpose (lesson 4's learning rate that diverges):
        # the coach keeps quiet in the status bar while one is open.
        if new and not self.docks["coachDock"].isVisible() and self._window.lesson is None:
            self._window.statusBar().showMessage(
                self.tr("The coach has a hint about this run: Practice ▸ Coach."), 8000
            )


def _scrolled(panel: QWidget) -> QScrollArea:
    """``panel`` in a scroll area: a tall panel's least height would otherwise stretch
    its column of docks past a laptop's screen, even while its dock is closed."""
    area = QScrollArea()
    area.setWidget(panel)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
