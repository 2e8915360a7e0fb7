"""Help ▸ About ▸ Licences: the licence texts of NeuronGUI and of everything it bundles.

The texts live in ``resources/licences`` (found by :mod:`neurongui.paths` the same way
from a checkout, a wheel and an installer's bundle); the installers add the licence
files of the Python packages and system libraries they carry (``licences/system``).
The data sets' sources and licences are ``resources/data/README.md``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine.errors import QT_TRANSLATE_NOOP  # typed: returns str
from neurongui.paths import resource_path

__all__ = ["LicencesDialog", "licence_files", "show_licences"]

# Shown first, in this order; the rest follow by name.
_ORDER = (
    "NeuronGUI.txt",
    "Qt-PySide6.txt",
    "LGPL-3.0.txt",
    "GPL-3.0.txt",
    "NumPy.txt",
    "pyqtgraph.txt",
    "Python.txt",
    "Datasets.txt",
)


# Display names (lupdate finds them here; translated when shown).
_TITLES = {
    "NeuronGUI.txt": QT_TRANSLATE_NOOP("Licences", "NeuronGUI (MIT)"),
    "Qt-PySide6.txt": QT_TRANSLATE_NOOP("Licences", "Qt and PySide6 (LGPL-3.0): notice and source"),
    "LGPL-3.0.txt": QT_TRANSLATE_NOOP("Licences", "GNU LGPL version 3"),
    "GPL-3.0.txt": QT_TRANSLATE_NOOP("Licences", "GNU GPL version 3"),
    "NumPy.txt": QT_TRANSLATE_NOOP("Licences", "NumPy (BSD-3-Clause)"),
    "pyqtgraph.txt": QT_TRANSLATE_NOOP("Licences", "pyqtgraph (MIT)"),
    "Python.txt": QT_TRANSLATE_NOOP("Licences", "Python (PSF-2.0)"),
    "Datasets.txt": QT_TRANSLATE_NOOP("Licences", "Data sets (CC BY 4.0, CC BY-SA 3.0)"),
    "README.md": QT_TRANSLATE_NOOP("Licences", "Data sets: sources and changes"),
}


def _title(path: Path) -> str:
    if path.parent.name == "system":
        text = QCoreApplication.translate("Licences", "System library: %1")
        return text.replace("%1", path.stem)
    if path.name in _TITLES:
        return QCoreApplication.translate("Licences", _TITLES[path.name])
    return path.stem


def licence_files() -> list[Path]:
    """The licence files to show, NeuronGUI's first, then the data sets' README."""
    folder = resource_path("licences")
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    files.sort(key=lambda p: (_ORDER.index(p.name) if p.name in _ORDER else len(_ORDER), p.name))
    readme = resource_path("data", "README.md")
    if readme.is_file():
        files.append(readme)
    if (folder / "system").is_dir():
        files += sorted((folder / "system").glob("*.txt"))
    return files


class LicencesDialog(QDialog):
    """A list of components on the left, the chosen licence text on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("licencesDialog")
        self.setWindowTitle(QCoreApplication.translate("Licences", "Licences"))
        self.files = licence_files()
        self.list = QListWidget()
        self.list.setObjectName("licenceList")
        self.text = QPlainTextEdit()
        self.text.setObjectName("licenceText")
        self.text.setReadOnly(True)
        # Licence texts are laid out for a fixed-width font (numbered sections, indents).
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        for path in self.files:
            item = QListWidgetItem(_title(path))
            item.setToolTip(str(path))
            self.list.addItem(item)
        self.list.currentRowChanged.connect(self._show)
        self.list.setMinimumWidth(self.list.sizeHintForColumn(0) + 24)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list, 0)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(980, 620)
        if self.files:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.files):
            text = self.files[row].read_text(encoding="utf-8", errors="replace")
            self.text.setPlainText(text)


def show_licences(parent: QWidget | None = None) -> LicencesDialog:
    """Open the Licences dialog (non-blocking) and return it."""
    dialog = LicencesDialog(parent)
    dialog.open()
    return dialog
