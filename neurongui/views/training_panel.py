"""Placeholder training panel (replaced by the training work of issue #4)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from neurongui.model import NetworkModel
from neurongui.worker import TrainingController


class TrainingPanel(QWidget):
    """Dataset and hyperparameters, play/step/reset."""

    def __init__(
        self, model: NetworkModel, controller: TrainingController, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.model = model
        self.controller = controller

    def actions_for_menu(self) -> list[QAction]:
        """Actions for the Training menu and the toolbar."""
        return []
