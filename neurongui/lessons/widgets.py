"""Pieces of lesson panels shared by several lessons: plots, scrolling pages, legends,
and a record of a lesson's own learning steps that follows the undo stack."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from neurongui.theme import is_dark

if TYPE_CHECKING:
    from neurongui.lessons.base import Lesson

__all__ = [
    "StepHistory",
    "follow_theme",
    "legend_label",
    "plot_widget",
    "scroll_body",
    "scroll_page",
]


def plot_widget(
    name: str, x_label: str, y_label: str, height: int = 220, fixed: bool = False
) -> pg.PlotWidget:
    """A plot that follows the palette, with labelled axes, readable in a narrow dock.

    ``height`` is the plot's minimum height, or its fixed height with ``fixed`` (in a
    scrolling page a growing plot would push the tables below it out of sight).
    """
    plot = pg.PlotWidget(background=None)
    plot.setObjectName(name)
    plot.setLabel("bottom", x_label)
    plot.setLabel("left", y_label)
    if fixed:
        plot.setFixedHeight(height)
    else:
        plot.setMinimumHeight(height)
    plot.showGrid(x=True, y=True, alpha=0.2)
    plot.setMenuEnabled(False)
    plot.getPlotItem().hideButtons()
    for axis in ("left", "bottom"):
        plot.getAxis(axis).enableAutoSIPrefix(False)  # "loss (×0.001)" confuses
    return plot


def _scroll_area(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(inner)
    return area


def scroll_body(body: QVBoxLayout) -> QVBoxLayout:
    """Put a scroll area into ``body`` and return the layout to fill inside it.

    Plots and tables need more height than the lesson dock may have; scrolling keeps
    them readable instead of squeezing them.
    """
    inner = QWidget()
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(0, 0, 4, 0)
    area = _scroll_area(inner)
    area.setObjectName("lessonScroll")
    body.addWidget(area)
    return layout


def scroll_page(*widgets: QWidget) -> QScrollArea:
    """A vertically scrolling page holding ``widgets`` (a tab of a narrow dock)."""
    page = QWidget()
    layout = QVBoxLayout(page)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return _scroll_area(page)


def legend_label(entries: list[tuple[str, str, str]]) -> QLabel:
    """A legend under a plot, where it hides no data: (symbol, colour, text) entries."""
    parts = [
        f'<span style="color:{colour}">{symbol}</span>&nbsp;{text}'
        for symbol, colour, text in entries
    ]
    label = QLabel(" &nbsp; ".join(parts))
    label.setObjectName("plotLegend")
    label.setWordWrap(True)
    return label


def follow_theme(lesson: Lesson, plots: Sequence[pg.PlotWidget]) -> None:
    """Keep the axes and legends of ``plots`` readable when the theme changes
    (their background follows the palette by itself)."""

    def apply(dark: bool) -> None:
        colour = (220, 220, 220) if dark else (60, 60, 60)
        for plot in plots:
            for name in ("left", "bottom"):
                plot.getAxis(name).setPen(colour)
                plot.getAxis(name).setTextPen(colour)
            legend = plot.getPlotItem().legend
            if legend is not None:
                legend.setLabelTextColor(colour)

    apply(is_dark())
    manager = lesson.window.theme_manager
    if manager is not None:
        lesson.listen(manager.changed, apply)


def _top_command(stack: QUndoStack, index: int) -> Any:
    """The command that brought ``stack`` to ``index`` (the last one inside a macro)."""
    if index <= 0:
        return None
    command: QUndoCommand = stack.command(index - 1)
    while command is not None and command.childCount():
        command = command.child(command.childCount() - 1)
    return command


class StepHistory:
    """A lesson's record of its own learning steps, kept in line with the undo stack.

    The lesson adds items after it pushed the step's edit (or found that nothing
    changes). An item stays valid while the command that was on top of the stack when
    it was added is still done and in place: undoing hides the items added after it,
    redoing shows them again, and another edit pushed after an undo drops them.

    Parameters
    ----------
    stack
        The window's undo stack.
    """

    def __init__(self, stack: QUndoStack):
        self.stack = stack
        self._entries: list[tuple[int, Any, Any]] = []

    def _valid(self, entry: tuple[int, Any, Any]) -> bool:
        position, anchor, _ = entry
        return position <= self.stack.index() and _top_command(self.stack, position) is anchor

    def items(self) -> list[Any]:
        """The valid items, oldest first."""
        out = []
        for entry in self._entries:
            if not self._valid(entry):
                break
            out.append(entry[2])
        return out

    def add(self, *items: Any) -> None:
        """Record ``items`` as happening now (after the edits they made were pushed)."""
        valid = len(self.items())
        del self._entries[valid:]  # undone steps cannot come back after a new one
        index = self.stack.index()
        anchor = _top_command(self.stack, index)
        self._entries.extend((index, anchor, item) for item in items)
