"""The Data list's imports: a CSV file, IDX files, and the full MNIST (downloaded once).

A mixin of :class:`~neurongui.views.training_panel.TrainingPanel`: each import reads
the data (a big CSV or the download in a worker thread with a progress dialog and
Cancel), adds it to the model with where it came from (saved with the network file)
and selects it as an undoable settings change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QWidget

from neurongui.datafolders import FULL_MNIST, full_mnist_source, has_full_mnist, load_idx_source
from neurongui.dialogs.download_dialog import DownloadDialog
from neurongui.dialogs.idx_import import ImportIDXDialog
from neurongui.dialogs.progress import TaskDialog
from neurongui.downloads import DownloadCancelled, DownloadError
from neurongui.engine import CSVError, load_csv
from neurongui.engine.csvimport import CSVCancelled
from neurongui.engine.datasets import Dataset
from neurongui.engine.documentfile import IDXSource
from neurongui.engine.errors import EngineError
from neurongui.i18n import error_text, fill

if TYPE_CHECKING:
    from neurongui.engine.config import TrainingConfig
    from neurongui.model import NetworkModel
    from neurongui.worker import TrainingController

__all__ = ["GET_MNIST", "IMPORT_CSV", "IMPORT_ENTRIES", "IMPORT_IDX", "DataImports"]

IMPORT_CSV = "__import_csv__"
IMPORT_IDX = "__import_idx__"
GET_MNIST = "__get_mnist__"
#: How many entries of the Data list are imports (they stay at its end).
IMPORT_ENTRIES = 3

translate = QCoreApplication.translate  # literal calls: lupdate files them by context


class DataImports:
    """Import actions of the training panel (which provides model, controller, _use)."""

    dataset: QComboBox
    model: NetworkModel
    controller: TrainingController
    _on_config_change: Callable[..., None]
    _use: Callable[[TrainingConfig], None]

    def _widget(self) -> QWidget:
        return cast(QWidget, self)

    def data_items(self) -> list[tuple[str, str]]:
        """The Data list's entries after the built-in datasets."""
        if has_full_mnist():
            mnist = (FULL_MNIST, FULL_MNIST)
        else:
            mnist = (GET_MNIST, translate("DataImports", "Get the full MNIST…"))
        return [
            mnist,
            (IMPORT_IDX, translate("DataImports", "Import IDX files…")),
            (IMPORT_CSV, translate("DataImports", "Import CSV…")),
        ]

    def data_action(self, key: object) -> bool:
        """Handle a Data-list entry that is an action; False if ``key`` is a dataset."""
        if key == IMPORT_CSV:
            self.import_csv()
        elif key == IMPORT_IDX:
            self.import_idx()
        elif key == GET_MNIST or (key == FULL_MNIST and FULL_MNIST not in self.model.imported):
            self.get_full_mnist()
        else:
            return False
        return True

    def _report(self, title: str, exc: BaseException, hint: str = "") -> None:
        window = self._widget().window()
        if hasattr(window, "_show_error"):
            window._show_error(title, error_text(exc) + ("\n\n" + hint if hint else ""))
        self.model.message.emit(error_text(exc))
        self._on_config_change()

    def _select(self, dataset: Dataset, source: str | IDXSource) -> bool:
        self.controller.pause()
        self.model.add_dataset(dataset, source)
        self._use(self.model.config.with_changes(dataset=dataset.name))
        return True

    def import_csv(self, path: str | None = None) -> bool:
        """Import a CSV file as the dataset (asks for the file when ``path`` is None).

        A big file is read in a worker thread behind a progress dialog with Cancel.
        """
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self._widget(),
                translate("DataImports", "Import CSV"),
                "",
                translate("DataImports", "CSV tables (*.csv);;All files (*)"),
            )
        if not path:
            self._on_config_change()
            return False
        name = Path(path).name

        def work(report, cancelled):
            return load_csv(path, progress=report, cancelled=cancelled)

        dialog = TaskDialog(
            self._widget(),
            translate("DataImports", "Import CSV"),
            fill(translate("DataImports", "Reading %1…"), name),
            work,
            cancelled_types=(CSVCancelled,),
            delay_ms=400,  # a small table is read before a dialog could flash
        )
        try:
            dataset = dialog.run()
        except CSVCancelled:
            self._on_config_change()
            return False
        except CSVError as exc:
            self._report(fill(translate("DataImports", "Cannot import %1"), name), exc)
            return False
        finally:
            dialog.deleteLater()
        assert isinstance(dataset, Dataset)
        return self._select(dataset, str(Path(path).resolve()))

    def import_idx(self, folder: str | None = None) -> bool:
        """Ask for the files of an IDX set (MNIST, Fashion-MNIST…) and use them."""
        dialog = ImportIDXDialog(self._widget(), folder)
        accepted = dialog.exec()
        dialog.deleteLater()
        if not accepted or dialog.dataset is None or dialog.source is None:
            self._on_config_change()
            return False
        return self._select(dialog.dataset, dialog.source)

    def get_full_mnist(self, dialog: DownloadDialog | None = None) -> bool:
        """Use the full MNIST (60,000 + 10,000 images), downloading it first if needed."""
        if not has_full_mnist():
            dialog = dialog or DownloadDialog(self._widget())
            try:
                dialog.run()
            except DownloadCancelled:
                self._on_config_change()
                return False
            except DownloadError as exc:
                hint = translate(
                    "DataImports",
                    "Nothing was kept. Try again later, or copy the four files from a computer "
                    "that has them and use File ▸ Data ▸ Import IDX files…",
                )
                self._report(translate("DataImports", "Cannot download MNIST"), exc, hint)
                return False
            finally:
                dialog.deleteLater()
            self._offer_full_mnist()
        source = full_mnist_source()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            dataset = load_idx_source(source, FULL_MNIST)
        except (EngineError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            self._report(translate("DataImports", "Cannot read MNIST"), exc)
            return False
        QApplication.restoreOverrideCursor()
        return self._select(dataset, source)

    def _offer_full_mnist(self) -> None:
        """Once downloaded, the Data list offers "MNIST (70,000)" instead of "Get…"."""
        index = self.dataset.findData(GET_MNIST)
        if index >= 0:
            self.dataset.setItemData(index, FULL_MNIST)
            self.dataset.setItemText(index, FULL_MNIST)
