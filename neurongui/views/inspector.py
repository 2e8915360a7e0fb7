"""Placeholder inspector (replaced by the canvas work of issue #3)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from neurongui.model import NetworkModel


class Inspector(QWidget):
    """Shows and edits the selected neuron or edge."""

    def __init__(self, model: NetworkModel, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.undo_stack = undo_stack
