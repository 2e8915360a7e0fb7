"""Placeholder training controller (replaced by the training work of issue #4)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from neurongui.model import NetworkModel


class TrainingController(QObject):
    """Owns the training thread and talks to it through queues."""

    def __init__(self, model: NetworkModel, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model

    def stop(self) -> None:
        """Pause training (if running)."""

    def shutdown(self) -> None:
        """Stop the thread for good (window closing)."""
