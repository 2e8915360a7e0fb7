"""Where the main window's panels go: its size on the screen, the docks' default sizes,
and the room a lesson makes for itself.

Functions of a :class:`~PySide6.QtWidgets.QMainWindow` and its docks by name
(``trainingDock``, ``inspectorDock``, ``chartsDock``, ``lessonDock``,
``activationDock``), so that :mod:`neurongui.main_window` keeps to documents and lessons.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

__all__ = [
    "add_docks",
    "default_dock_sizes",
    "fit_to_screen",
    "make_room_for_lesson",
    "set_dock_widget",
    "short_screen",
]

_RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


def add_docks(
    window: QMainWindow, panels: Mapping[str, tuple[str, QWidget]]
) -> dict[str, QDockWidget]:
    """Put each panel in a dock named by its key (``trainingDock``, ``inspectorDock``,
    ``chartsDock``, ``lessonDock``, ``activationDock``), titled by its text: the
    training form and the lesson (tabbed, the lesson hidden until one starts) on the
    left, the inspector and the charts on the right, the activation plots under the
    canvas, or beside the charts on a short screen."""
    area = Qt.DockWidgetArea
    # The side columns (training form and lessons; inspector and charts) are tall:
    # they get the full height, the activation plots sit under the canvas.
    window.setCorner(Qt.Corner.BottomLeftCorner, area.LeftDockWidgetArea)
    window.setCorner(Qt.Corner.BottomRightCorner, area.RightDockWidgetArea)
    areas = {
        "trainingDock": area.LeftDockWidgetArea,
        "inspectorDock": area.RightDockWidgetArea,
        "chartsDock": area.RightDockWidgetArea,
        "lessonDock": area.LeftDockWidgetArea,
        "activationDock": area.BottomDockWidgetArea,
    }
    docks = {}
    for name, (title, widget) in panels.items():
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        set_dock_widget(dock, widget)
        window.addDockWidget(areas[name], dock)
        docks[name] = dock
    window.tabifyDockWidget(docks["trainingDock"], docks["lessonDock"])
    docks["lessonDock"].hide()  # until a lesson starts
    if short_screen(window):
        # Under the canvas the plots would leave the diagram ~290 px of a 768-px
        # laptop screen: they share the right column with the charts instead.
        window.tabifyDockWidget(docks["chartsDock"], docks["activationDock"])
        docks["chartsDock"].raise_()
    return docks


def short_screen(widget: QWidget) -> bool:
    """True on screens less than 900 px high (a 1366×768 laptop, a projector)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen is not None and screen.availableGeometry().height() < 900


def fit_to_screen(window: QWidget, width: int = 1400, height: int = 860) -> None:
    """Size ``window`` to ``width`` × ``height`` or less, inside the screen's available
    area (a 1366×768 laptop has about 1366×730 once its panel is drawn)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    room = screen.availableGeometry()
    # Title bar and borders: known once shown; before that, leave room for typical ones.
    frame = window.frameGeometry().size() - window.geometry().size()
    if not window.isVisible():
        frame = frame.expandedTo(QSize(16, 40))
    width = min(width, room.width() - frame.width())
    height = min(height, room.height() - frame.height())
    window.resize(width, height)
    if not room.contains(window.frameGeometry()):
        window.move(room.topLeft())


def default_dock_sizes(window: QMainWindow, docks: Mapping[str, QDockWidget]) -> None:
    """The docks' first sizes: the canvas gets most of the room."""
    vertical = Qt.Orientation.Vertical
    window.resizeDocks([docks["inspectorDock"], docks["chartsDock"]], [330, 500], vertical)
    if not short_screen(window):
        window.resizeDocks([docks["activationDock"]], [250], vertical)  # the canvas first
    window.resizeDocks(
        [docks["inspectorDock"], docks["trainingDock"]], [360, 300], Qt.Orientation.Horizontal
    )


#: Narrower than this, a window has no room for a lesson, the diagram and a third column.
NARROW_WINDOW = 1600


def make_room_for_lesson(
    window: QMainWindow,
    docks: Mapping[str, QDockWidget],
    hidden: Iterable[str],
    tabbed_when_narrow: Iterable[str] = (),
) -> None:
    """Hide the docks named in ``hidden`` (a lesson has no use for them), show the lesson
    dock and widen it into the room they leave: about 40 % of the window (440–780 px), a
    third beside the right-hand docks. In a window narrower than :data:`NARROW_WINDOW`
    the docks in ``tabbed_when_narrow`` become tabs beside the lesson."""
    names = list(hidden)
    if window.width() < NARROW_WINDOW:
        for name in tabbed_when_narrow:
            window.tabifyDockWidget(docks["lessonDock"], docks[name])
    if window.dockWidgetArea(docks["activationDock"]) == _RIGHT and "inspectorDock" not in names:
        # On a short screen the plots share the right column as a tab of the charts;
        # without the charts they would stack under the inspector, taller than the
        # screen: the inspector the lesson uses keeps the column.
        names.append("activationDock")
    for name in names:
        docks[name].hide()
    dock = docks["lessonDock"]
    dock.show()
    dock.raise_()
    # On a short screen the activation plots may share the right column too.
    right = any(not d.isHidden() and window.dockWidgetArea(d) == _RIGHT for d in docks.values())
    share, most = (0.34, 700) if right else (0.40, 780)
    width = int(min(most, max(440, share * window.width())))
    window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)


def set_dock_widget(dock: QDockWidget, widget: QWidget) -> None:
    """Put ``widget`` in ``dock``, painting its own background.

    An opaque panel spares the dock a repaint whenever the panel redraws a live value:
    the Fusion style's dock paint loads its title-bar icons from files every time,
    which cost more than the panels themselves while training.
    """
    widget.setAutoFillBackground(True)
    dock.setWidget(widget)
