"""The main window: the network canvas in the centre, dockable panels around it,
and the document conventions of a desktop app (new, open, save, recent, export).

The File menu's commands and their file dialogs are in
:mod:`neurongui.window_file_actions`, the menus in :mod:`neurongui.window_menus`,
the docks' arrangement in :mod:`neurongui.window_layout`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from neurongui.documents import (
    Autosaver,
    Document,
    InstanceGuard,
    imported_dataset,
    load_document,
    save_document,
)
from neurongui.editing import Editor
from neurongui.engine import Network, NetworkFileError
from neurongui.engine.errors import EngineError
from neurongui.engine.pointfile import SavedSamples
from neurongui.i18n import error_text, fill, keep_together
from neurongui.lessons import create_lesson
from neurongui.lessons.base import Lesson
from neurongui.model import NetworkModel
from neurongui.settings import Settings
from neurongui.views.activation_plot import ActivationPlotPanel
from neurongui.views.canvas import NetworkCanvas
from neurongui.views.charts import ChartsPanel
from neurongui.views.inspector import Inspector
from neurongui.views.training_panel import TrainingPanel
from neurongui.whats_this import WhatsThisHelp
from neurongui.window_file_actions import FileActions
from neurongui.window_layout import (
    add_docks,
    default_dock_sizes,
    fit_to_screen,
    make_room_for_lesson,
    set_dock_widget,
)
from neurongui.window_menus import WindowMenus
from neurongui.window_tools import WindowTools
from neurongui.worker import TrainingController

__all__ = ["MainWindow"]


class MainWindow(QMainWindow, FileActions):
    """NeuronGUI's main window.

    Automation hooks (kept stable for tests and scripted lessons): :attr:`network`,
    :meth:`open_path`, :meth:`save_path`, :attr:`canvas` (with ``select_edge`` and
    ``select_neuron``), :attr:`model` and :attr:`undo_stack`. :meth:`ask_unsaved` and
    :meth:`ask_restore` are the two questions the window asks; tests replace them.
    """

    def __init__(
        self,
        model: NetworkModel | None = None,
        parent: QWidget | None = None,
        settings: Settings | None = None,
        guard: InstanceGuard | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.model = model or NetworkModel()
        self.settings = settings or Settings()
        self.guard = guard or InstanceGuard()
        self.language = "en"
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.editor = Editor(self.model, self.undo_stack, self)  # every user edit goes through it
        self.training = TrainingController(self.model, self.editor, self)
        self.path: Path | None = None
        self.last_error: str | None = None
        self.lesson: Lesson | None = None  # the open lesson panel, if any
        # While a lesson runs: the docks as they were before it (saveState).
        self._lesson_room: QByteArray | None = None

        self.canvas = NetworkCanvas(self.model, self.editor, self)
        self.canvas.setObjectName("networkCanvas")
        self.setCentralWidget(self.canvas)
        self.inspector = Inspector(self.model, self.editor, self)
        self.inspector.setObjectName("inspector")
        self.training_panel = TrainingPanel(self.model, self.training, self, self.editor)
        self.training_panel.setObjectName("trainingPanel")
        self.charts = ChartsPanel(self.model, self, controller=self.training)
        self.charts.setObjectName("chartsPanel")
        self.activation_panel = ActivationPlotPanel(self.model, self)
        self.activation_panel.setObjectName("activationPlot")

        self.docks = add_docks(
            self,
            {
                "trainingDock": (self.tr("Training"), self.training_panel),
                "inspectorDock": (self.tr("Inspector"), self.inspector),
                "chartsDock": (self.tr("Charts"), self.charts),
                "lessonDock": (self.tr("Lesson"), QWidget()),
                "activationDock": (self.tr("Activation functions"), self.activation_panel),
            },
        )
        self.window_menus = WindowMenus(self)
        self.tools = WindowTools(self)
        self.whats_this = WhatsThisHelp(self)  # once every panel it explains is built
        self.menus = self.window_menus.menus
        self.toolbar = self.window_menus.toolbar
        self.recent_menu = self.window_menus.recent_menu
        self.statusBar().showMessage(self.tr("Ready"))
        self.statusBar().messageChanged.connect(self._on_status_change)
        self.model.message.connect(self._show_message)
        self.model.modifiedChanged.connect(self._update_title)
        self.undo_stack.cleanChanged.connect(self._on_clean_change)
        self.model.networkReplaced.connect(self.undo_stack.clear)
        self.autosaver = Autosaver(self.guard, self.document, lambda: self.model.modified, self)
        fit_to_screen(self)
        default_dock_sizes(self, self.docks)
        self._default_state = self.saveState()
        self._restore_layout()
        self._update_title()

    # -- automation hooks ---------------------------------------------------------

    @property
    def network(self) -> Network:
        """The current engine network."""
        return self.model.network

    def document(self) -> Document:
        """The current document (network, settings, history and its data files, if any)."""
        model = self.model
        source = model.dataset_path(model.config.dataset)
        csv_path = source if isinstance(source, str) else None
        idx_source = None if isinstance(source, str) else source
        samples = model.saved_samples()  # the student's own points, if any
        return Document(model.network, model.config, model.history, csv_path, idx_source, samples)

    def open_path(self, path: str | Path) -> bool:
        """Open a network file; on error show a dialog and keep the current network.

        Returns
        -------
        bool
            True if the file was opened.
        """
        path = Path(path)
        # A network of 100,000 inputs takes seconds to read and draw: show it is busy.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            doc = load_document(path)
        except (NetworkFileError, ValueError) as exc:
            QApplication.restoreOverrideCursor()
            self._show_error(fill(self.tr("Cannot open %1"), path.name), error_text(exc))
            return False
        try:
            self.open_document(doc, path)
        finally:
            QApplication.restoreOverrideCursor()
        return True

    def open_document(self, doc: Document, path: Path) -> None:
        """Show ``doc``, read from ``path`` (with its CSV data, if it was trained on one)."""
        self._load(doc, path.parent)
        self.path = path
        self.settings.add_recent_file(path)
        self.settings.last_dir = str(path.parent)
        self.window_menus.refresh_recent()
        self._update_title()
        self._show_path_message(fill(self.tr("Opened %1"), path.name), path)

    def _load(self, doc: Document, folder: Path | None = None) -> None:
        self.leave_lesson()  # a lesson's controls belong to the network it set up
        self.training.stop()
        try:
            found = imported_dataset(doc, folder)
        except EngineError as exc:  # a CSV or IDX file missing or unreadable
            found = None
            data = doc.csv_path or (doc.idx_source.train_images if doc.idx_source else "")
            self._show_error(
                self.tr("The network's data is missing"),
                fill(
                    self.tr("It was trained on %1, which cannot be read: %2"),
                    Path(data).name,
                    error_text(exc),
                ),
            )
        if found is not None:
            self.model.add_dataset(*found)
        self.model.set_network(doc.network, doc.config)
        if isinstance(doc.samples, SavedSamples):
            try:
                self.model.restore_samples(doc.samples)
            except EngineError as exc:
                self._show_error(
                    self.tr("The samples saved with the network do not fit its data"),
                    error_text(exc),
                )
        if doc.history:
            self.model.set_history(doc.history)
        self.undo_stack.clear()
        self.model.set_modified(False)

    def save_path(self, path: str | Path) -> bool:
        """Save atomically to ``path`` (the old file becomes ``.bak``); show errors."""
        path = Path(path)
        try:
            save_document(path, self.document())
        except (OSError, NetworkFileError) as exc:
            self._show_error(fill(self.tr("Cannot save %1"), path.name), error_text(exc))
            return False
        self.path = path
        self.settings.add_recent_file(path)
        self.settings.last_dir = str(path.parent)
        self.window_menus.refresh_recent()
        self.undo_stack.setClean()
        self.model.set_modified(False)
        self._update_title()
        self._show_path_message(fill(self.tr("Saved %1"), path.name), path)
        return True

    def ask_unsaved(self) -> str:
        """Ask what to do with unsaved changes: ``"save"``, ``"discard"`` or ``"cancel"``."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The network has changes that are not saved. Save them first?"),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")

    def ask_restore(self, path: Path) -> bool:
        """Ask whether to restore the work a crashed session autosaved."""
        answer = QMessageBox.question(
            self,
            self.tr("Restore unsaved work?"),
            self.tr(
                "NeuronGUI did not close properly last time. Restore the work it saved "
                "automatically?"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def offer_recovery(self) -> bool:
        """After a crash, offer the autosaved work; True if it was restored."""
        path = self.guard.recoverable() if self.guard.crashed else None
        if path is None or not self.ask_restore(path):
            return False
        try:
            doc = load_document(path)
        except (NetworkFileError, ValueError) as exc:
            self._show_error(self.tr("Cannot restore the autosave"), error_text(exc))
            return False
        self._load(doc)
        self.model.set_modified(True)  # restored work is not saved anywhere yet
        self.path = None
        self._update_title()
        return True

    def maybe_save(self) -> bool:
        """Before discarding the document: True if it is safe to go on."""
        if not self.model.modified:
            return True
        choice = self.ask_unsaved()
        if choice == "save":
            return self.save()
        return choice == "discard"

    # -- lessons ----------------------------------------------------------------------

    def start_lesson(self, key: str):
        """Open lesson ``key`` (Lessons menu) beside the canvas; asks to save first.

        Returns
        -------
        Lesson or None
            The lesson panel, or None if the student kept their unsaved work.
        """
        if not self.maybe_save():
            return None
        self.leave_lesson()
        lesson = create_lesson(key, self)
        lesson.start()
        self.lesson = lesson
        dock = self.docks["lessonDock"]
        set_dock_widget(dock, lesson)
        dock.setWindowTitle(lesson.title)
        if self._lesson_room is None:  # the student's layout, given back by leave_lesson
            self._lesson_room = self.saveState()
        make_room_for_lesson(self, self.docks, lesson.hidden_docks, lesson.tabbed_when_narrow)
        self.canvas.fit()  # the diagram fills what the lesson leaves of the centre
        return lesson

    def leave_lesson(self) -> None:
        """Close the lesson panel; the network stays, to keep playing with."""
        lesson, self.lesson = self.lesson, None
        if lesson is None:
            return
        lesson.leave()
        dock = self.docks["lessonDock"]
        set_dock_widget(dock, QWidget())
        dock.hide()
        lesson.deleteLater()
        # The docks the lesson hid, tabs and widths as the student had them: shown one
        # by one they could stack in one column taller than the screen (the activation
        # plots leave their tab beside the charts) and stretch the window.
        if self._lesson_room is not None:
            self.restoreState(self._lesson_room)
            self._lesson_room = None

    def load_lesson_network(self, network: Network, config) -> None:
        """Start a lesson's untitled document: its network, its settings, no history."""
        self._load(Document(network, config))
        self.path = None
        self._update_title()

    # -- window ----------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._default_state is None:  # first show: sizes apply only to a laid-out window
            default_dock_sizes(self, self.docks)
            self._default_state = self.saveState()
            self._restore_layout()

    def reset_layout(self) -> None:
        """View ▸ Reset layout: every panel back where it started."""
        for dock in self.docks.values():
            dock.show()
        if self._default_state is not None:
            self.restoreState(self._default_state)
        default_dock_sizes(self, self.docks)

    def _restore_layout(self) -> None:
        q = self.settings.qsettings
        geometry, state = q.value("window/geometry"), q.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
            fit_to_screen(self, self.width(), self.height())  # saved on a larger screen?
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _save_layout(self) -> None:
        q = self.settings.qsettings
        q.setValue("window/geometry", self.saveGeometry())
        q.setValue("window/state", self.saveState())
        self.settings.sync()

    def show_help(self):
        """Help ▸ User guide."""
        from neurongui.dialogs.help import HelpDialog

        dialog = HelpDialog(self.language, self)
        dialog.show()
        return dialog

    def show_glossary(self):
        """Help ▸ Glossary: the terms in English and Chinese."""
        from neurongui.dialogs.glossary import GlossaryDialog

        dialog = GlossaryDialog(self.language, self)
        dialog.show()
        return dialog

    def show_preferences(self):
        """File ▸ Preferences…; a new theme applies at once."""
        from neurongui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self.model.config.to_dict(), self)
        dialog.accepted.connect(self._apply_preferences)
        dialog.open()
        return dialog

    @property
    def theme_manager(self):
        """The app's :class:`~neurongui.theme.ThemeManager` (None in bare windows)."""
        return getattr(self, "_theme_manager", None)

    @theme_manager.setter
    def theme_manager(self, manager) -> None:
        self._theme_manager = manager
        if manager is not None:
            from neurongui.theme import is_dark

            manager.changed.connect(self.canvas.set_dark)
            manager.changed.connect(self.charts.set_dark)
            manager.changed.connect(self.activation_panel.set_dark)
            manager.changed.connect(self.window_menus.update_icons)
            manager.changed.connect(self.tools.set_dark)
            self.tools.set_dark(is_dark())
            self.canvas.set_dark(is_dark())
            self.charts.set_dark(is_dark())
            self.activation_panel.set_dark(is_dark())

    def _apply_preferences(self) -> None:
        theme = getattr(self, "theme_manager", None)
        if theme is not None:
            theme.apply(self.settings.theme)

    def _show_about(self):
        from neurongui.dialogs.about import show_about

        return show_about(self)

    def _show_message(self, text: str) -> None:
        self.statusBar().setToolTip("")
        self.statusBar().showMessage(text, 8000)

    def _on_status_change(self, text: str) -> None:
        if not text:  # a file's message timed out: its path goes with it
            self.statusBar().setToolTip("")

    def _show_path_message(self, text: str, path: Path) -> None:
        """A short status message naming a file; its full path in the tooltip."""
        bar = self.statusBar()
        bar.showMessage(text, 5000)
        bar.setToolTip(str(path.resolve()))

    def _show_error(self, title: str, text: str) -> None:
        """Tell the user what went wrong, without blocking (tests read last_error)."""
        self.last_error = text
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            keep_together(text),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("errorDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _on_clean_change(self, clean: bool) -> None:
        self.model.set_modified(not clean or self.model.trained_since_saved)

    def _update_title(self, *_: object) -> None:
        name = self.path.name if self.path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — NeuronGUI")
        self.setWindowModified(self.model.modified)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.leave_lesson()
        self.training.shutdown()
        self.autosaver.timer.stop()
        self._save_layout()
        self.guard.release()
        super().closeEvent(event)
