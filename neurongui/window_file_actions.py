"""The File menu's commands of the main window: new, open (a file, a recent one, an
example), save, save as and export, with the file dialogs that ask for a name.

:class:`FileActions` is a part of :class:`neurongui.main_window.MainWindow`, which
reads and writes the documents themselves (``open_path``, ``save_path``). Its strings
keep the window's translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from neurongui.documents import NETWORK_SUFFIX, Document
from neurongui.export import (
    export_chart,
    export_history_csv,
    export_scene_png,
    export_scene_svg,
    export_weights,
)
from neurongui.i18n import error_text, fill
from neurongui.model import NetworkModel
from neurongui.window_model_io import ModelTransfer

if TYPE_CHECKING:
    from neurongui.settings import Settings
    from neurongui.views.canvas import NetworkCanvas
    from neurongui.views.charts import ChartsPanel

__all__ = ["FileActions"]


class FileActions(ModelTransfer):
    """File ▸ New, Open…, Open Recent, Examples, Save, Save As… and Export.

    The exports that run elsewhere (PyTorch, NumPy, ONNX) and File ▸ Import model come
    from :class:`~neurongui.window_model_io.ModelTransfer`, which is also the dialogs'
    parent: to mypy a QWidget, at run time the window's own.
    """

    # Set up by MainWindow.
    path: Path | None
    model: NetworkModel
    settings: Settings
    canvas: NetworkCanvas
    charts: ChartsPanel
    maybe_save: Callable[[], bool]
    open_path: Callable[[str | Path], bool]
    save_path: Callable[[str | Path], bool]
    _load: Callable[[Document], None]
    _update_title: Callable[[], None]
    _show_error: Callable[[str, str], None]
    _show_path_message: Callable[[str, Path], None]

    def new_document(self) -> None:
        """Start afresh with the default network (asks first if there are changes)."""
        if not self.maybe_save():
            return
        fresh = NetworkModel()
        self._load(Document(fresh.network, fresh.config))
        self.path = None
        self._update_title()

    def open_dialog(self) -> None:
        """File ▸ Open…"""
        if not self.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("MainWindow", "Open network"),
            self.settings.last_dir,
            QCoreApplication.translate(
                "MainWindow", "NeuronGUI networks (*.neuron *.json);;All files (*)"
            ),
        )
        if name:
            self.open_path(name)

    def open_recent(self, path: str) -> None:
        """Open a recent file (asks first if there are changes)."""
        if self.maybe_save():
            self.open_path(path)

    def open_example(self, path: Path) -> None:
        """Open an example as a new, untitled document."""
        if self.maybe_save() and self.open_path(path):
            self.path = None
            self._update_title()

    def save(self) -> bool:
        """File ▸ Save (asks for a name the first time)."""
        return self.save_path(self.path) if self.path else self.save_as()

    def save_as(self) -> bool:
        """File ▸ Save As…"""
        start = str(self.path or Path(self.settings.last_dir) / f"network{NETWORK_SUFFIX}")
        as_json = QCoreApplication.translate("MainWindow", "NeuronGUI network, plain JSON (*.json)")
        name, chosen = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("MainWindow", "Save network"),
            start,
            # The file type of its own first: desktops open *.neuron with NeuronGUI.
            QCoreApplication.translate("MainWindow", "NeuronGUI network (*.neuron)")
            + ";;"
            + as_json
            + ";;"
            + QCoreApplication.translate("MainWindow", "All files (*)"),
        )
        if not name:
            return False
        if Path(name).suffix.lower() not in (NETWORK_SUFFIX, ".json"):
            name += ".json" if chosen == as_json else NETWORK_SUFFIX
        return self.save_path(name)

    def export(self, kind: str, path: str | Path | None = None) -> bool:
        """Export ``"png"``, ``"svg"`` (diagram), ``"chart"`` (the chart on show, PNG or
        SVG), ``"history"`` (CSV) or ``"weights"`` (``.npz`` or ``.csv``) to ``path`` (asks
        when None); errors show a dialog."""
        filters = {
            "png": QCoreApplication.translate("MainWindow", "PNG image (*.png)"),
            "svg": QCoreApplication.translate("MainWindow", "SVG drawing (*.svg)"),
            "history": QCoreApplication.translate("MainWindow", "CSV table (*.csv)"),
            "weights": QCoreApplication.translate(
                "MainWindow", "NumPy arrays (*.npz);;CSV table (*.csv)"
            ),
            "chart": QCoreApplication.translate(
                "MainWindow", "PNG image (*.png);;SVG drawing (*.svg)"
            ),
        }
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("MainWindow", "Export"),
                self.settings.last_dir,
                filters[kind],
            )
            if not path:
                return False
        try:
            if kind == "png":
                export_scene_png(self.canvas.scene(), path)
            elif kind == "svg":
                export_scene_svg(self.canvas.scene(), path)
            elif kind == "history":
                export_history_csv(self.model.history, path)
            elif kind == "chart":
                self.charts.redraw(force=True)  # never export a stale chart
                export_chart(self.charts.current_plot(), path)
            else:
                export_weights(self.model.network, path)
        except OSError as exc:
            self._show_error(
                fill(QCoreApplication.translate("MainWindow", "Cannot export %1"), Path(path).name),
                error_text(exc),
            )
            return False
        self._show_path_message(
            fill(QCoreApplication.translate("MainWindow", "Exported %1"), Path(path).name),
            Path(path),
        )
        return True
