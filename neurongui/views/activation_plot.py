"""Placeholder activation plots (replaced by the work of issue #5)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from neurongui.model import NetworkModel


class ActivationPlotPanel(QWidget):
    """Activation functions and their derivatives."""

    def __init__(self, model: NetworkModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
