"""The main window: the network canvas in the centre, dockable panels around it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QWidget

from neurongui import __version__
from neurongui.engine import Network, NetworkFileError, read_network_file, save_network
from neurongui.engine.config import TrainingConfig
from neurongui.lessons import build_menu as build_lessons_menu
from neurongui.model import NetworkModel
from neurongui.views.activation_plot import ActivationPlotPanel
from neurongui.views.canvas import NetworkCanvas
from neurongui.views.charts import ChartsPanel
from neurongui.views.inspector import Inspector
from neurongui.views.training_panel import TrainingPanel
from neurongui.worker import TrainingController

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    """NeuronGUI's main window.

    Automation hooks (kept stable for tests and scripted lessons): :attr:`network`,
    :meth:`open_path`, :meth:`save_path`, :attr:`canvas` (with ``select_edge`` and
    ``select_neuron``), :attr:`model` and :attr:`undo_stack`.
    """

    def __init__(self, model: NetworkModel | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.model = model or NetworkModel()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.training = TrainingController(self.model, self)
        self.path: Path | None = None
        self.last_error: str | None = None
        self.menus: dict[str, object] = {}
        self.docks: dict[str, QDockWidget] = {}

        self.canvas = NetworkCanvas(self.model, self.undo_stack, self)
        self.canvas.setObjectName("networkCanvas")
        self.setCentralWidget(self.canvas)
        self.inspector = Inspector(self.model, self.undo_stack, self)
        self.inspector.setObjectName("inspector")
        self.training_panel = TrainingPanel(self.model, self.training, self)
        self.training_panel.setObjectName("trainingPanel")
        self.charts = ChartsPanel(self.model, self)
        self.charts.setObjectName("chartsPanel")
        self.activation_panel = ActivationPlotPanel(self.model, self)
        self.activation_panel.setObjectName("activationPlot")

        self._add_dock(
            "trainingDock",
            self.tr("Training"),
            self.training_panel,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self._add_dock(
            "inspectorDock",
            self.tr("Inspector"),
            self.inspector,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self._add_dock(
            "chartsDock", self.tr("Charts"), self.charts, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self._add_dock(
            "activationDock",
            self.tr("Activation functions"),
            self.activation_panel,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self._build_menus()
        self.statusBar().showMessage(self.tr("Ready"))
        self.model.message.connect(self.statusBar().showMessage)
        self.model.modifiedChanged.connect(self._update_title)
        self.undo_stack.cleanChanged.connect(self._on_clean_change)
        self._update_title()
        self.resize(1400, 860)

    # -- automation hooks ---------------------------------------------------------

    @property
    def network(self) -> Network:
        """The current engine network."""
        return self.model.network

    def open_path(self, path: str | Path) -> bool:
        """Open a network file; on error show a dialog and keep the current network.

        Returns
        -------
        bool
            True if the file was opened.
        """
        path = Path(path)
        try:
            network, training = read_network_file(path)
            config = TrainingConfig.from_dict(training) if training else None
        except (NetworkFileError, ValueError) as exc:
            self._show_error(self.tr("Cannot open %1").replace("%1", path.name), str(exc))
            return False
        self.training.stop()
        self.model.set_network(network, config)
        self.undo_stack.clear()
        self.path = path
        self.model.set_modified(False)
        self._update_title()
        self.statusBar().showMessage(self.tr("Opened %1").replace("%1", str(path)), 5000)
        return True

    def save_path(self, path: str | Path) -> bool:
        """Save the network and settings to ``path`` (atomically); show errors."""
        path = Path(path)
        try:
            save_network(self.model.network, path, training=self.model.config.to_dict())
        except OSError as exc:
            self._show_error(self.tr("Cannot save %1").replace("%1", path.name), str(exc))
            return False
        self.path = path
        self.undo_stack.setClean()
        self.model.set_modified(False)
        self._update_title()
        return True

    # -- window ----------------------------------------------------------------------

    def _add_dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[name] = dock

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        edit_menu = bar.addMenu(self.tr("&Edit"))
        view_menu = bar.addMenu(self.tr("&View"))
        network_menu = bar.addMenu(self.tr("&Network"))
        training_menu = bar.addMenu(self.tr("&Training"))
        lessons_menu = build_lessons_menu(self)
        lessons_menu.setObjectName("lessonsMenu")
        bar.addMenu(lessons_menu)
        help_menu = bar.addMenu(self.tr("&Help"))
        self.menus.update(
            file=file_menu,
            edit=edit_menu,
            view=view_menu,
            network=network_menu,
            training=training_menu,
            lessons=lessons_menu,
            help=help_menu,
        )
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolBar")
        self.toolbar = toolbar

        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        edit_menu.addActions([undo, redo])
        toolbar.addActions([undo, redo])

        fit = QAction(self.tr("&Fit diagram to window"), self)
        fit.setShortcut(QKeySequence("F"))
        fit.triggered.connect(self.canvas.fit)
        view_menu.addAction(fit)
        view_menu.addSeparator()
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())

        for action in self.training_panel.actions_for_menu():
            training_menu.addAction(action)
            toolbar.addAction(action)
        for action in self.canvas.actions_for_menu():
            network_menu.addAction(action)

        about = QAction(self.tr("&About NeuronGUI"), self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About NeuronGUI"),
            self.tr("NeuronGUI %1 — see and edit every weight of a neural network.").replace(
                "%1", __version__
            ),
        )

    def _show_error(self, title: str, text: str) -> None:
        """Tell the user what went wrong, without blocking (tests read last_error)."""
        self.last_error = text
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("errorDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _on_clean_change(self, clean: bool) -> None:
        self.model.set_modified(not clean)

    def _update_title(self, *_: object) -> None:
        name = self.path.name if self.path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — NeuronGUI")
        self.setWindowModified(self.model.modified)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.training.shutdown()
        super().closeEvent(event)
