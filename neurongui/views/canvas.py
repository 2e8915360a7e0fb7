"""Placeholder network canvas (replaced by the canvas work of issue #3)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from neurongui.model import NetworkModel


class NetworkCanvas(QGraphicsView):
    """The network diagram."""

    def __init__(self, model: NetworkModel, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.undo_stack = undo_stack
        self.setScene(QGraphicsScene(self))

    def select_edge(self, layer: int, neuron: int, source: int) -> None:
        """Select the edge into ``neuron`` of ``layer`` from ``source``."""
        self.model.select_edge(layer, neuron, source)

    def select_neuron(self, layer: int, neuron: int) -> None:
        """Select ``neuron`` of ``layer``."""
        self.model.select_neuron(layer, neuron)

    def fit(self) -> None:
        """Fit the diagram to the view."""

    def actions_for_menu(self) -> list[QAction]:
        """Actions for the Network menu."""
        return []
