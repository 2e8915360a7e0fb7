"""The About dialog: version, licences of NeuronGUI, its libraries and its data."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import PySide6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from neurongui import __version__

__all__ = ["about_text", "show_about"]


def about_text(widget: QWidget | None = None) -> str:
    """The About text (HTML), in the current language."""

    rows = [
        ("NeuronGUI", __version__, "MIT"),
        ("PySide6 (Qt for Python)", PySide6.__version__, "LGPL-3.0"),
        ("pyqtgraph", pg.__version__, "MIT"),
        ("NumPy", np.__version__, "BSD-3-Clause"),
        (QCoreApplication.translate("About", "Iris data (Fisher 1936, UCI)"), "", "CC BY 4.0"),
        (
            QCoreApplication.translate("About", "Handwritten digits (Alpaydin & Kaynak 1998, UCI)"),
            "",
            "CC BY 4.0",
        ),
        (
            QCoreApplication.translate("About", "MNIST digits (LeCun, Cortes & Burges)"),
            "",
            "CC BY-SA 3.0",
        ),
    ]
    table = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    return (
        f"<h3>NeuronGUI {__version__}</h3>"
        + QCoreApplication.translate(
            "About", "<p>See and edit every weight of a neural network while it learns.</p>"
        )
        + "<table cellspacing='6'><tr><th align='left'>"
        + QCoreApplication.translate("About", "Component")
        + "</th><th align='left'>"
        + QCoreApplication.translate("About", "Version")
        + "</th><th align='left'>"
        + QCoreApplication.translate("About", "Licence")
        + "</th></tr>"
        + table
        + "</table>"
    )


def show_about(parent: QWidget) -> QMessageBox:
    """Open the About dialog (non-blocking) and return it."""
    box = QMessageBox(parent)
    box.setObjectName("aboutDialog")
    box.setWindowTitle(QCoreApplication.translate("About", "About NeuronGUI"))
    box.setText(about_text(parent))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    licences = box.addButton(
        QCoreApplication.translate("About", "Licences…"), QMessageBox.ButtonRole.ActionRole
    )
    licences.setObjectName("licencesButton")
    # Any button closes a QMessageBox; this one then opens the full texts.
    licences.clicked.connect(lambda: _open_licences(parent))
    box.open()
    return box


def _open_licences(parent: QWidget) -> None:
    from neurongui.dialogs.licences import show_licences

    show_licences(parent)  # owned by ``parent`` (Qt), found as "licencesDialog"
