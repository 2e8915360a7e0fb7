"""The main window's menu bar and toolbar, built from the window's actions.

Kept apart from :mod:`neurongui.main_window`, which owns the documents, the docks and
the lessons: here is only where each command appears, with its shortcut, its tip and
its toolbar icon.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QToolButton, QWhatsThis, QWidget

from neurongui.icons import themed_icon
from neurongui.lessons import build_menu as build_lessons_menu
from neurongui.paths import resource_path

if TYPE_CHECKING:
    from neurongui.main_window import MainWindow

__all__ = ["WindowMenus"]


class WindowMenus(QObject):
    """The menus (File, Edit, View, Network, Training, Lessons, Help) and the toolbar of
    ``window``.

    Attributes
    ----------
    menus
        The menus by name: ``"file"``, ``"edit"``, ``"view"``, ``"network"``,
        ``"training"``, ``"lessons"`` and ``"help"``.
    toolbar
        The main toolbar.
    recent_menu
        File ▸ Open Recent.
    play_action
        Play/Pause, whose icon follows the training state.
    """

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self.menus: dict[str, QMenu] = {}
        self._icons: list[tuple[QAction, str]] = []  # actions with a toolbar icon
        self._build()

    def action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        tip: str = "",
    ) -> QAction:
        """A window action named ``text`` that calls ``slot``, with an optional shortcut
        and a tip (tooltip and status bar)."""
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build(self) -> None:
        w = self._window
        bar = w.menuBar()
        names = ("file", "edit", "view", "network", "training")
        titles = (
            self.tr("&File"),
            self.tr("&Edit"),
            self.tr("&View"),
            self.tr("&Network"),
            self.tr("&Training"),
        )
        for name, title in zip(names, titles, strict=True):
            self.menus[name] = bar.addMenu(title)
        lessons_menu = build_lessons_menu(w, w.start_lesson, w.leave_lesson)
        lessons_menu.setObjectName("lessonsMenu")
        bar.addMenu(lessons_menu)
        self.menus["lessons"] = lessons_menu
        self.menus["help"] = bar.addMenu(self.tr("&Help"))
        toolbar = w.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolBar")
        self.toolbar = toolbar
        self._build_file_menu(self.menus["file"], toolbar)
        self._build_edit_and_view(self.menus["edit"], self.menus["view"], toolbar)
        training_actions = w.training_panel.actions_for_menu()
        for action in training_actions:
            self.menus["training"].addAction(action)
            toolbar.addAction(action)
        self.play_action = training_actions[0]
        self._icons += list(zip(training_actions[1:], ("step", "reset"), strict=True))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        w.training.runningChanged.connect(self.update_icons)
        w.training.failed.connect(w._show_error)
        self.update_icons()
        self._steady_play_button()
        for action in w.canvas.actions_for_menu():
            self.menus["network"].addAction(action)
        help_menu = self.menus["help"]
        help_menu.addAction(
            self.action(self.tr("User &guide"), w.show_help, QKeySequence.StandardKey.HelpContents)
        )
        # Shift+F1, then a click on anything: what it is and what its value means.
        whats_this = QWhatsThis.createAction(w)
        whats_this.setText(self.tr("What's &This?"))
        whats_this.setObjectName("whatsThisAction")
        help_menu.addAction(whats_this)
        help_menu.addAction(self.action(self.tr("G&lossary…"), w.show_glossary))
        help_menu.addAction(self.action(self.tr("&About NeuronGUI"), w._show_about))

    def _build_file_menu(self, menu, toolbar) -> None:
        w = self._window
        key = QKeySequence.StandardKey
        new = self.action(
            self.tr("&New"),
            w.new_document,
            key.New,
            self.tr("Start again with the default network"),
        )
        open_ = self.action(
            self.tr("&Open…"), w.open_dialog, key.Open, self.tr("Open a network file")
        )
        save = self.action(self.tr("&Save"), w.save, key.Save, self.tr("Save the network"))
        save_as = self.action(self.tr("Save &As…"), w.save_as, key.SaveAs)
        menu.addActions([new, open_])
        self.recent_menu = menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.refresh_recent()
        examples = menu.addMenu(self.tr("&Examples"))
        examples.setObjectName("examplesMenu")
        folder = resource_path("examples")
        titles = {
            "single_neuron": self.tr("One neuron learns AND"),
            "xor": self.tr("XOR needs a hidden layer"),
            "iris": self.tr("Iris flowers: softmax over three species"),
            "digits": self.tr("Handwritten digits (8×8 pixels)"),
        }
        for path in sorted(folder.glob("*.json")) if folder.exists() else []:
            title = titles.get(path.stem, path.stem.replace("_", " "))
            examples.addAction(title, lambda p=path: w.open_example(p))
        data = menu.addMenu(self.tr("&Data"))
        data.setObjectName("dataMenu")
        panel = w.training_panel
        data.addAction(
            self.action(
                self.tr("Get the full &MNIST…"),
                lambda: panel.get_full_mnist(),  # not triggered's `checked`
                tip=self.tr("Download MNIST's 70,000 handwritten digits (12 MB) and train on them"),
            )
        )
        data.addAction(
            self.action(
                self.tr("Import &IDX files…"),
                lambda: panel.import_idx(),
                tip=self.tr("Read an MNIST-format set from disk: MNIST, Fashion-MNIST, KMNIST…"),
            )
        )
        data.addAction(self.action(self.tr("Import &CSV…"), lambda: panel.import_csv()))
        menu.addAction(
            self.action(
                self.tr("&Import model…"),
                w.import_model_dialog,
                tip=self.tr("Open a network saved by PyTorch (safetensors) or as ONNX"),
            )
        )
        menu.addSeparator()
        menu.addActions([save, save_as])
        export = menu.addMenu(self.tr("&Export"))
        export.addAction(self.tr("Diagram as PNG…"), lambda: w.export("png"))
        export.addAction(self.tr("Diagram as SVG…"), lambda: w.export("svg"))
        export.addAction(self.tr("Chart as PNG or SVG…"), lambda: w.export("chart"))
        export.addAction(self.tr("Training history as CSV…"), lambda: w.export("history"))
        export.addAction(self.tr("Weights as NPZ or CSV…"), lambda: w.export("weights"))
        export.addSeparator()  # what runs elsewhere: the next tools a student meets
        export.addAction(self.tr("PyTorch script…"), lambda: w.export_model("torch"))
        export.addAction(self.tr("NumPy script…"), lambda: w.export_model("numpy"))
        export.addAction(self.tr("ONNX model…"), lambda: w.export_model("onnx"))
        menu.addSeparator()
        menu.addAction(self.action(self.tr("&Preferences…"), w.show_preferences, key.Preferences))
        menu.addSeparator()
        menu.addAction(self.action(self.tr("&Quit"), w.close, key.Quit))
        new.setIconText(self.tr("New"))  # toolbar texts carry no mnemonic, "新建(N)"
        open_.setIconText(self.tr("Open"))
        save.setIconText(self.tr("Save"))
        toolbar.addActions([new, open_, save])
        self._icons += [(new, "new"), (open_, "open"), (save, "save")]

    def _build_edit_and_view(self, edit_menu, view_menu, toolbar) -> None:
        w = self._window
        undo = w.undo_stack.createUndoAction(w, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = w.undo_stack.createRedoAction(w, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        edit_menu.addActions([undo, redo])
        # The menu says what will be undone; the toolbar keeps a short, steady text, so
        # that its buttons do not move as that description grows.
        undo_button = _toolbar_button(w.undo_stack, False, self.tr("Undo"), w)
        redo_button = _toolbar_button(w.undo_stack, True, self.tr("Redo"), w)
        toolbar.addActions([undo_button, redo_button])
        fit = self.action(self.tr("&Fit diagram to window"), w.canvas.fit, QKeySequence("F"))
        view_menu.addAction(fit)
        self._icons += [(undo, "undo"), (redo, "redo"), (fit, "fit")]
        self._icons += [(undo_button, "undo"), (redo_button, "redo")]
        view_menu.addSeparator()
        for dock in w.docks.values():
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addAction(self.action(self.tr("&Reset layout"), w.reset_layout))

    def update_icons(self, *_: object) -> None:
        """Draw the toolbar icons in the theme's colours; Play shows Pause while running."""
        w = self._window
        for action, name in self._icons:
            action.setIcon(themed_icon(name))
        self.play_action.setIcon(themed_icon("pause" if w.training.running else "play"))

    def _steady_play_button(self) -> None:
        """Give the Play button the width of its widest text ("Play" or "Pause"), so
        that the buttons after it stay put when training starts and stops."""
        button = self.toolbar.widgetForAction(self.play_action)
        if not isinstance(button, QToolButton):
            return
        text = self.play_action.text()
        widths = []
        for candidate in (self.tr("Play"), self.tr("Pause")):
            button.setText(candidate)
            widths.append(button.sizeHint().width())
        button.setText(text)
        button.setMinimumWidth(max(widths))

    def refresh_recent(self) -> None:
        """Fill File ▸ Open Recent from the settings."""
        w = self._window
        menu = self.recent_menu
        menu.clear()
        files = w.settings.recent_files()
        for path in files:
            menu.addAction(Path(path).name, lambda p=path: w.open_recent(p)).setToolTip(path)
        if files:
            menu.addSeparator()
            menu.addAction(self.tr("Clear the list"), self._clear_recent)
        menu.setEnabled(bool(files))

    def _clear_recent(self) -> None:
        w = self._window
        w.settings.clear_recent_files()
        self.refresh_recent()


def _toolbar_button(stack: QUndoStack, redo: bool, text: str, parent: QWidget) -> QAction:
    """Undo (or redo) for the toolbar: a fixed ``text``, the step it would undo in the
    tooltip, enabled while there is one."""
    action = QAction(text, parent)
    action.triggered.connect(stack.redo if redo else stack.undo)
    can, described = (
        (stack.canRedoChanged, stack.redoTextChanged)
        if redo
        else (stack.canUndoChanged, stack.undoTextChanged)
    )
    can.connect(action.setEnabled)
    described.connect(action.setToolTip)
    action.setEnabled(stack.canRedo() if redo else stack.canUndo())
    return action
