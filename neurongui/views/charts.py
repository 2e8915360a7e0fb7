"""Placeholder charts panel (replaced by the training work of issue #4)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from neurongui.model import NetworkModel


class ChartsPanel(QWidget):
    """Live training charts."""

    def __init__(self, model: NetworkModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
