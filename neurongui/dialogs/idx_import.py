"""The "Import IDX files" dialog: any MNIST-format set (MNIST, Fashion-MNIST, KMNIST…).

Choosing a folder fills in the files of the standard names (``train-images-idx3-ubyte``
and the others, gzipped or not); each file can also be picked alone. The training
pair is needed, the test pair is optional (with it, the set keeps its own split).
Errors (a file that is not IDX, counts that do not match) are shown in the dialog,
which stays open with everything the student entered.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from neurongui.datafolders import find_idx_files, guess_class_names, load_idx_source
from neurongui.engine import datasets
from neurongui.engine.datasets import Dataset
from neurongui.engine.documentfile import IDXSource
from neurongui.engine.errors import EngineError
from neurongui.i18n import error_text, fill, keep_together

__all__ = ["ImportIDXDialog"]

_ROLES = ("train_images", "train_labels", "test_images", "test_labels")


class ImportIDXDialog(QDialog):
    """Asks for the files of an IDX set, reads them, and keeps the result.

    Attributes
    ----------
    dataset, source
        After the dialog is accepted: the dataset read and the files it came from.
    """

    def __init__(self, parent: QWidget | None = None, folder: str | None = None):
        super().__init__(parent)
        self.setObjectName("importIdxDialog")
        self.setWindowTitle(self.tr("Import IDX files"))
        self.dataset: Dataset | None = None
        self.source: IDXSource | None = None
        intro = QLabel(
            keep_together(
                self.tr(
                    "Images and labels in MNIST's IDX format (MNIST, Fashion-MNIST, "
                    "KMNIST…), gzipped or not. Choose their folder, or each file."
                )
            )
        )
        intro.setWordWrap(True)
        self.folder = QLineEdit()
        self.folder.setObjectName("idxFolder")
        self.folder.setReadOnly(True)
        folder_row = self._with_button(self.folder, self.tr("Folder…"), self._choose_folder)
        labels = (
            self.tr("Training images"),
            self.tr("Training labels"),
            self.tr("Test images (optional)"),
            self.tr("Test labels (optional)"),
        )
        self.files: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        for role, label in zip(_ROLES, labels, strict=True):
            edit = QLineEdit()
            edit.setObjectName(role)
            edit.setAccessibleName(label)
            self.files[role] = edit
            form.addRow(label, self._with_button(edit, "…", lambda r=role: self._choose_file(r)))
        self.name = QLineEdit()
        self.name.setObjectName("idxName")
        self.name.setAccessibleName(self.tr("Name"))
        form.addRow(self.tr("Name"), self.name)
        self.classes = QLineEdit()
        self.classes.setObjectName("idxClasses")
        self.classes.setPlaceholderText(self.tr("0, 1, 2, … (the labels' numbers)"))
        self.classes.setToolTip(self.tr("Names of the classes in label order, separated by commas"))
        form.addRow(self.tr("Class names"), self.classes)
        self.error = QLabel()
        self.error.setObjectName("idxError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel { color: #c0392b; }")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        if folder:
            self.use_folder(folder)

    def _with_button(self, edit: QLineEdit, text: str, slot) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        button = QPushButton(text)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return row

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of the IDX files"))
        if folder:
            self.use_folder(folder)

    def _choose_file(self, role: str) -> None:
        start = self.files[role].text() or self.folder.text()
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose an IDX file"),
            start,
            self.tr("IDX files (*-ubyte *-ubyte.gz *.idx* *.gz);;All files (*)"),
        )
        if path:
            self.files[role].setText(path)

    def use_folder(self, folder: str) -> None:
        """Fill in the files of standard names in ``folder``, its name and class names."""
        self.folder.setText(folder)
        found = find_idx_files(folder)
        for role, edit in self.files.items():
            edit.setText(str(found[role]) if role in found else "")
        name = Path(folder).name
        # A set called "mnist" must not hide the shipped "mnist" (or any built-in).
        self.name.setText(f"{name} (IDX)" if name in datasets.names() else name)
        classes = guess_class_names(folder)
        self.classes.setText(", ".join(classes) if classes else "")
        self.classes.setCursorPosition(0)  # the first names, not the last
        if "train_images" in found and "train_labels" in found:
            self.error.clear()
        else:
            self.error.setText(
                keep_together(
                    self.tr(
                        "No training images and labels of the standard names "
                        "(train-images-idx3-ubyte, train-labels-idx1-ubyte) in this "
                        "folder: choose the files."
                    )
                )
            )

    def _source(self) -> IDXSource | None:
        paths = {role: edit.text().strip() or None for role, edit in self.files.items()}
        if not (paths["train_images"] and paths["train_labels"]):
            self.error.setText(self.tr("Choose the training images and their labels."))
            return None
        if (paths["test_images"] is None) != (paths["test_labels"] is None):
            self.error.setText(
                self.tr("The test images and labels come as a pair: choose both, or neither.")
            )
            return None
        names = tuple(n.strip() for n in self.classes.text().split(",") if n.strip())
        return IDXSource(
            paths["train_images"],
            paths["train_labels"],
            paths["test_images"],
            paths["test_labels"],
            class_names=names or None,
        )

    def accept(self) -> None:
        """Read the files; stay open and say why if they cannot be used."""
        source = self._source()
        if source is None:
            return
        name = self.name.text().strip() or Path(source.train_images).parent.name or "idx"
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            dataset = load_idx_source(source, name)
        except (EngineError, OSError) as exc:
            self.error.setText(keep_together(fill(self.tr("Cannot import: %1"), error_text(exc))))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.dataset, self.source = dataset, source
        super().accept()
