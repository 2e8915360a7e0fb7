"""The user guide, shown in the app from the HTML files under ``resources/help``."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from neurongui.paths import resource_path

__all__ = ["HelpDialog", "guide_path"]


def guide_path(language: str):
    """The guide's start page in ``language`` (English if there is no translation)."""
    path = resource_path("help", language, "index.html")
    return path if path.exists() else resource_path("help", "en", "index.html")


class HelpDialog(QDialog):
    """A browser over the user guide."""

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("NeuronGUI user guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path(language))))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        self.resize(720, 640)
