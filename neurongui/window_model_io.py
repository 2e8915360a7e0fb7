"""File ▸ Export ▸ PyTorch script / NumPy script / ONNX model, and File ▸ Import model:
the bridge to the tools a student meets next.

:class:`ModelTransfer` is a part of :class:`neurongui.main_window.MainWindow` (through
:class:`neurongui.window_file_actions.FileActions`). The writers and the reader are in
the engine (:mod:`neurongui.engine.export_torch`, :mod:`~neurongui.engine.export_numpy`,
:mod:`~neurongui.engine.export_onnx`, :mod:`~neurongui.engine.import_model`); the
scripts' comments are translated here, in the context ``ScriptComments``. An imported
model opens as a new, untitled document, as an example does.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from neurongui.documents import Document
from neurongui.engine.errors import EngineError
from neurongui.engine.export_common import ExportSource
from neurongui.engine.export_numpy import write_numpy_export
from neurongui.engine.export_onnx import write_onnx
from neurongui.engine.export_torch import write_torch_export
from neurongui.engine.import_model import import_model
from neurongui.i18n import error_text, fill, keep_together

if TYPE_CHECKING:
    from neurongui.model import NetworkModel
    from neurongui.settings import Settings

__all__ = ["ModelTransfer", "script_translator"]

if TYPE_CHECKING:
    _Base = QWidget
else:
    _Base = object


def script_translator(text: str) -> str:
    """A generated script's comment in the interface's language."""
    return QCoreApplication.translate("ScriptComments", text)


class ModelTransfer(_Base):
    """Exports that run elsewhere (PyTorch, NumPy, ONNX) and the import of small models."""

    # Set up by MainWindow.
    path: Path | None
    model: NetworkModel
    settings: Settings
    maybe_save: Callable[[], bool]
    _load: Callable[[Document], None]
    _update_title: Callable[[], None]
    _show_error: Callable[[str, str], None]
    _show_path_message: Callable[[str, Path], None]
    last_notice: str = ""

    def export_model(self, kind: str, path: str | Path | None = None) -> bool:
        """Export ``"torch"`` or ``"numpy"`` (a script and its ``.npz``) or ``"onnx"``
        to ``path`` (asks when None); errors show a dialog."""
        filters = {
            "torch": QCoreApplication.translate("MainWindow", "PyTorch script (*.py)"),
            "numpy": QCoreApplication.translate("MainWindow", "NumPy script (*.py)"),
            "onnx": QCoreApplication.translate("MainWindow", "ONNX model (*.onnx)"),
        }
        names = {"torch": "network_torch.py", "numpy": "network_numpy.py", "onnx": "network.onnx"}
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("MainWindow", "Export"),
                str(Path(self.settings.last_dir) / names[kind]),
                filters[kind],
            )
            if not path:
                return False
        done = self.model.history[-1].epoch if self.model.history else 0  # epochs trained
        source = ExportSource(self.model.network, self.model.config, self.model.data, done)
        try:
            if kind == "onnx":
                written = [write_onnx(source.network, path)]
            elif kind == "torch":
                written = list(write_torch_export(source, path, script_translator))
            else:
                written = list(write_numpy_export(source, path, script_translator))
        except (OSError, EngineError) as exc:
            self._show_error(
                fill(QCoreApplication.translate("MainWindow", "Cannot export %1"), Path(path).name),
                error_text(exc),
            )
            return False
        text = (
            fill(QCoreApplication.translate("MainWindow", "Exported %1"), written[0].name)
            if len(written) == 1
            else fill(
                QCoreApplication.translate("MainWindow", "Exported %1 and %2"),
                written[0].name,
                written[1].name,
            )
        )
        self._show_path_message(text, written[0])
        return True

    def import_model_dialog(self) -> None:
        """File ▸ Import model…"""
        if not self.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("MainWindow", "Import model"),
            self.settings.last_dir,
            QCoreApplication.translate(
                "MainWindow",
                "Models (*.safetensors *.onnx);;ONNX (*.onnx);;All files (*)",
            ),
        )
        if name:
            self.import_model_path(name)

    def import_model_path(self, path: str | Path) -> bool:
        """Open the model in ``path`` as a new, untitled document; errors show a dialog."""
        path = Path(path)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            imported = import_model(path)
        except (OSError, EngineError) as exc:
            QApplication.restoreOverrideCursor()
            self._show_error(
                fill(QCoreApplication.translate("MainWindow", "Cannot import %1"), path.name),
                error_text(exc),
            )
            return False
        try:
            self._load(Document(imported.network, self.model.config))
        finally:
            QApplication.restoreOverrideCursor()
        self.path = None
        self.settings.last_dir = str(path.parent)
        self._update_title()
        self._show_path_message(
            fill(QCoreApplication.translate("MainWindow", "Imported %1"), path.name), path
        )
        if imported.guessed:
            self._notify_guessed(path.name)
        return True

    def _notify_guessed(self, name: str) -> None:
        """Say that the activations were assumed (a safetensors file holds none)."""
        self.last_notice = QCoreApplication.translate(
            "MainWindow",
            "%1 holds weights but does not say which activations the layers use."
            " NeuronGUI took ReLU for the hidden layers and the identity for the output;"
            " change them in the inspector if the model used others.",
        ).replace("%1", name)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("MainWindow", "Activations assumed"),
            keep_together(self.last_notice),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("importNotice")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
