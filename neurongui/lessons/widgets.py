"""Pieces of lesson panels shared by several lessons: plots, pages of tabs, legends,
and a record of a lesson's own learning steps that follows the undo stack."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLayout,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from neurongui.lessons.text import keep_together
from neurongui.theme import is_dark
from neurongui.views.chart_style import set_y_title

if TYPE_CHECKING:
    from neurongui.lessons.base import Lesson

__all__ = [
    "LessonPlot",
    "StepHistory",
    "fit_combo",
    "follow_theme",
    "legend_label",
    "legend_text",
    "page",
    "plot_widget",
]


class LessonPlot(pg.PlotWidget):
    """A plot that asks for no more than its minimum height.

    A graphics view's size hint follows its current size, so a plot that once grew
    would ask a column to stay that tall, and the column would scroll instead of
    shrinking it. Asking for the minimum lets the layout hand out the spare height.
    """

    def sizeHint(self) -> QSize:
        return QSize(200, self.minimumHeight())


def plot_widget(name: str, x_label: str, y_label: str, height: int = 160) -> pg.PlotWidget:
    """A plot that follows the palette, with labelled axes, readable in a narrow dock.

    ``height`` is its minimum height: the plot grows into whatever height the lesson
    column has to spare, so the controls above it stay in sight on a small screen.
    """
    plot = LessonPlot(background=None)
    plot.setObjectName(name)
    plot.setLabel("bottom", x_label)
    set_y_title(plot, y_label)  # Chinese stands upright over the axis, not sideways
    plot.setMinimumHeight(height)
    plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    plot.showGrid(x=True, y=True, alpha=0.2)
    plot.setMenuEnabled(False)
    plot.getPlotItem().hideButtons()
    for axis in ("left", "bottom"):
        plot.getAxis(axis).enableAutoSIPrefix(False)  # "loss (×0.001)" confuses
    return plot


def fit_combo(box: QComboBox) -> None:
    """Make ``box`` wide enough to show its longest item uncut, and no wider.

    The Fusion style's size hint leaves the text field a few pixels short of the text
    (the last character of "（请选择）" went under the arrow), so the box is widened by
    what its text field lacks.
    """
    box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    box.resize(box.sizeHint())
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
    )
    metrics = box.fontMetrics()
    text = max(metrics.horizontalAdvance(box.itemText(i)) for i in range(box.count()))
    # A few pixels of air between the text and the field's edge.
    box.setFixedWidth(box.width() + max(0, text + 6 - field.width()))


def page(*items: QWidget | QLayout, margins: int = 0) -> QWidget:
    """A column of ``items`` (a tab of a lesson): plots share the spare height, and
    without a plot the items are packed at the top. It never scrolls by itself."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(margins, margins, margins, margins)
    stretches = False
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
            continue
        grows = isinstance(item, pg.PlotWidget)
        stretches |= grows
        layout.addWidget(item, 1 if grows else 0)
    if not stretches:
        layout.addStretch(1)
    return widget


def legend_text(entries: list[tuple[str, str, str]]) -> str:
    """The rich text of a legend of (symbol, colour, text) entries."""
    # Each entry stays on one line: "ŷ = 1" never wraps away from its symbol.
    parts = [
        f'<span style="color:{colour}">{symbol}</span>{keep_together(" " + text)}'
        for symbol, colour, text in entries
    ]
    return " &nbsp; ".join(parts)


def legend_label(entries: list[tuple[str, str, str]]) -> QLabel:
    """A legend under a plot, where it hides no data: (symbol, colour, text) entries."""
    label = QLabel(legend_text(entries))
    label.setObjectName("plotLegend")
    label.setWordWrap(True)
    return label


def follow_theme(
    lesson: Lesson,
    plots: Sequence[pg.PlotWidget],
    also: Callable[[bool], object] | None = None,
) -> None:
    """Keep the axes and legends of ``plots`` readable when the theme changes
    (their background follows the palette by itself); ``also(dark)`` recolours the
    lesson's own items."""

    def apply(dark: bool) -> None:
        if also is not None:
            also(dark)
        colour = (220, 220, 220) if dark else (60, 60, 60)
        for plot in plots:
            for name in ("left", "bottom"):
                plot.getAxis(name).setPen(colour)
                plot.getAxis(name).setTextPen(colour)
            item = plot.getPlotItem()
            if item.legend is not None:
                item.legend.setLabelTextColor(colour)
            # An upright (Chinese) y title is the plot's title: give it the axes' colour.
            item.chart_foreground = QColor(*colour).name()
            title = getattr(item, "y_title", None)
            if title:
                set_y_title(plot, title)

    apply(is_dark())
    manager = lesson.host.theme_manager
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
