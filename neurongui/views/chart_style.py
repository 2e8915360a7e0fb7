"""What every chart shares: pens, theme colours, plain axes and "nice" axis ranges."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from neurongui.views.canvas_maps import NEGATIVE, POSITIVE

__all__ = [
    "AXIS_WIDTH",
    "TEST_PEN",
    "TRAIN_PEN",
    "ChartColours",
    "MinusAxis",
    "chart",
    "nice_ceiling",
    "plain_axes",
    "set_y_title",
    "settled_ceiling",
]

#: Width of the y axes in pixels, the same for stacked plots so that they line up.
AXIS_WIDTH = 52
#: (train, test) pens: solid blue and dashed orange, told apart without colour too.
TRAIN_PEN = pg.mkPen(POSITIVE, width=2)
TEST_PEN = pg.mkPen(NEGATIVE, width=2, style=Qt.PenStyle.DashLine)
_STEPS = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


class MinusAxis(pg.AxisItem):
    """An axis whose negative ticks carry the true minus sign, "−2" and not "-2", like
    every other number in the window (:func:`~neurongui.engine.numbers.format_number`)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [text.replace("-", "\u2212") for text in super().tickStrings(values, scale, spacing)]


def chart(**kwargs: object) -> pg.PlotWidget:
    """A plot widget with :class:`MinusAxis` axes on its left and bottom."""
    axes = {"left": MinusAxis("left"), "bottom": MinusAxis("bottom")}
    return pg.PlotWidget(axisItems=axes, **kwargs)


@dataclass(frozen=True)
class ChartColours:
    """The background and text colours of the light or the dark theme."""

    dark: bool

    @property
    def background(self) -> QColor:
        return QColor(35, 37, 41) if self.dark else QColor(255, 255, 255)

    @property
    def foreground(self) -> QColor:
        return QColor(220, 220, 220) if self.dark else QColor(60, 60, 60)

    def apply(self, plot: pg.PlotWidget) -> None:
        """Colour ``plot``'s background, axes and axis labels."""
        plot.setBackground(self.background)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(self.foreground)
            axis.setTextPen(self.foreground)
            if axis.labelText:  # the label keeps the colour it was set with
                axis.setLabel(axis.labelText, axis.labelUnits, color=self.foreground.name())
        item = plot.getPlotItem()
        item.chart_foreground = self.foreground.name()
        if getattr(item, "y_title", None):
            _show_title(item)


def set_y_title(plot: pg.PlotWidget, text: str | None) -> None:
    """Title ``plot``'s y axis with ``text`` (None: no title).

    A Latin title runs along the axis, turned a quarter as usual. Chinese turned on
    its side reads sideways, so a title with Chinese characters stands upright at the
    top of the axis instead, over the plot's top left corner.
    """
    item = plot.getPlotItem()
    upright = text is not None and any("\u2e80" <= ch <= "\u9fff" for ch in text)
    item.y_title = text if upright else None
    if upright:
        plot.setLabel("left", None)
        _show_title(item)
    else:
        item.setTitle(None)
        plot.setLabel("left", text)


#: Height of the title row that holds an upright y-axis title (pyqtgraph's is 30).
_TITLE_HEIGHT = 20


def _show_title(item: pg.PlotItem) -> None:
    # Left-aligned over the plot, so it starts at the axis line: over the axis itself
    # it would cover the top tick label, which juts out above the plot.
    label = item.titleLabel
    colour = getattr(item, "chart_foreground", None)
    style = {"justify": "left"} if colour is None else {"justify": "left", "color": colour}
    item.setTitle(item.y_title, **style)
    item.layout.setRowFixedHeight(0, _TITLE_HEIGHT)
    label.setMaximumHeight(_TITLE_HEIGHT)


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.5, 2, 3, 4, 5, 6, 8 times a power of ten that is >= ``value``.

    Axis ranges grow in these steps, so that an axis is re-laid out a few times per
    decade instead of on every frame, and the data still fill most of the plot.
    """
    if not value > 0 or not math.isfinite(value):
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for step in _STEPS:
        if step * power >= value * (1 - 1e-9):
            return step * power
    return 10.0 * power


def settled_ceiling(value: float, current: float | None) -> float:
    """``current`` while it holds ``value`` and is at most twice too big, else the
    :func:`nice_ceiling` of ``value``.

    Data that wander about one of the nice steps would otherwise flip an axis between
    two ranges, and lay it out again, many times a second.
    """
    if current is not None and current / 2 < value <= current:
        return current
    return nice_ceiling(value)


def plain_axes(plot: pg.PlotWidget, width: int | None = AXIS_WIDTH) -> None:
    """Cached axes of a fixed width, no auto-range button, no context menu."""
    plot.hideButtons()
    plot.setMenuEnabled(False)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        # Redrawn only when the axis itself changes, not on every repaint of the plot.
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        axis.enableAutoSIPrefix(False)  # "loss (x0.001)" over 0…800 puzzles a beginner
    if width is not None:
        plot.getAxis("left").setWidth(width)
