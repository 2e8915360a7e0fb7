"""The diagram's legend: what a node's colour means, what an edge's colour and width
mean, and which sample the numbers on the diagram belong to.

Rich text for the canvas's legend label (:func:`legend_html`), and where the label
sits (:class:`CanvasLegend`, a mixin of the canvas). The colour chips are computed by the same
function as the node fills (:func:`~neurongui.views.canvas_maps.rgb_for` on
:data:`~neurongui.views.canvas_maps.NODE_RANGE`), so the legend cannot drift from
what the nodes show.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from neurongui.engine.numbers import format_number
from neurongui.i18n import fill, keep_together
from neurongui.views.canvas_base import CanvasBase
from neurongui.views.canvas_maps import NEGATIVE, NODE_RANGE, POSITIVE, input_scale, rgb_for

__all__ = ["ZERO_EDGE", "CanvasLegend", "colour_chips", "legend_html", "sample_caption"]

translate = QCoreApplication.translate  # literal calls: lupdate files them by context

#: Colour of an edge whose weight is exactly 0 (drawn dashed): neither sign.
ZERO_EDGE = "#8c8c8c"
#: Values the legend shows a chip for; the ends and the middle are labelled.
CHIP_VALUES = (-1.0, -0.5, 0.0, 0.5, 1.0)
#: Inputs whose values the sample caption writes out; more are only counted.
MAX_LISTED_INPUTS = 4
#: Qt's "no maximum" for a widget's size (QWIDGETSIZE_MAX).
_NO_MAXIMUM = (1 << 24) - 1


def colour_chips(dark: bool, level: float = 1.0) -> str:
    """The node colour scale as chips, each filled with a node's colour for its value
    and labelled with it: −1, −0.5, 0, 0.5, 1 (times ``level``: the scale ±level of the
    weight pictures)."""
    lo, hi = NODE_RANGE
    values = [level * v for v in CHIP_VALUES]
    chips = []
    for value, (r, g, b) in zip(
        values, rgb_for(np.array(CHIP_VALUES), lo, hi, dark).tolist(), strict=True
    ):
        # Dark digits on a light chip, light ones on a strong colour (relative luminance).
        ink = "#111" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 140 else "#fff"
        label = format_number(value)
        chips.append(
            f"<span style='background-color:rgb({r},{g},{b}); color:{ink}'>"
            f"&nbsp;{label}&nbsp;</span>"
        )
    return "".join(chips)


def sample_caption(
    index: int,
    x: Sequence[float] | np.ndarray,
    image: tuple[int, int] | None = None,
    empty: bool = False,
) -> str:
    """Which sample the diagram computes with: its number (from 1) and, for a few
    inputs, their values, e.g. "Showing sample 3: x = (1, 0)"; for an ``image`` (rows,
    columns), what its grey levels mean. ``index`` −1 is the student's own input (a
    probe); ``empty`` says that there is no training sample to show (every point
    erased), whatever ``index`` is."""
    if empty and index >= 0:
        if image is not None or len(x) > MAX_LISTED_INPUTS:
            return translate("CanvasLegend", "No training samples: add some to see one here")
        values = ", ".join(format_number(v) for v in x)
        return fill(translate("CanvasLegend", "No training samples: showing x = (%1)"), values)
    if image is not None:
        if index < 0:
            text = translate(
                "CanvasLegend", "Showing your input: %1 × %2 pixels, white x = 0 … black x = 1"
            )
            return fill(text, str(image[0]), str(image[1]))
        return fill(
            translate(
                "CanvasLegend",
                "Showing sample %1: %2 × %3 pixels, white x = 0 … black x = 1",
            ),
            str(index + 1),
            str(image[0]),
            str(image[1]),
        )
    if index < 0:
        if len(x) > MAX_LISTED_INPUTS:
            return fill(translate("CanvasLegend", "Showing your input (%1 inputs)"), str(len(x)))
        values = ", ".join(format_number(v) for v in x)
        return fill(translate("CanvasLegend", "Showing your input: x = (%1)"), values)
    if len(x) > MAX_LISTED_INPUTS:
        return fill(
            translate("CanvasLegend", "Showing sample %1 (%2 inputs)"), str(index + 1), str(len(x))
        )
    values = ", ".join(format_number(v) for v in x)
    return fill(translate("CanvasLegend", "Showing sample %1: x = (%2)"), str(index + 1), values)


def legend_html(
    dark: bool,
    sample_index: int,
    sample: Sequence[float] | np.ndarray,
    scale: float,
    drawn: int,
    total: int,
    maps: bool = False,
    image: tuple[int, int] | None = None,
    weight_level: float | None = None,
    raw: Sequence[float] | np.ndarray | None = None,
    empty: bool = False,
) -> str:
    """The legend's rich text.

    Parameters
    ----------
    dark
        The theme: the chips take the node colours of that theme.
    sample_index, sample
        The sample the diagram shows (index from 0, its input values).
    scale
        What the inputs are divided by before colouring (1: their own values).
    drawn, total
        Edges drawn and edges in the network (a big network draws the strongest).
    maps
        True if neurons show their output over the input plane (2-D data).
    image
        (rows, columns) if the inputs are drawn as an image.
    weight_level
        The level ±L of the first layer's weight pictures, if they are drawn.
    raw
        The sample in the data's own units, if the network sees it standardised (Iris,
        CSV files): the numbers the student typed or finds in the file.
    empty
        True if the training set has no sample (every point erased).
    """
    caption = sample_caption(sample_index, sample, image, empty)
    if raw is not None and image is None and len(raw) <= MAX_LISTED_INPUTS:
        values = ", ".join(format_number(v) for v in raw)
        units = fill(translate("CanvasLegend", "(standardised; in the data: %1)"), values)
        if len(raw) <= 4:  # short: kept whole (word joiners), Chinese does not break mid-word
            units = "\u2060".join(units)
        caption += " " + units
    lines = [caption]
    nodes = fill(
        translate("CanvasLegend", "Neuron colour = its output (x or a): %1"), colour_chips(dark)
    )
    if scale > 1:
        nodes += " " + fill(translate("CanvasLegend", "(inputs: x ÷ %1)"), format_number(scale))
    lines.append(nodes)
    if weight_level is not None:
        lines.append(
            fill(
                translate(
                    "CanvasLegend",
                    "Pictures of layer 1: the weight w of each pixel %1 · ink on blue raises z, "
                    "on orange lowers it",
                ),
                colour_chips(dark, weight_level),
            )
        )
    if maps:
        lines.append(
            translate(
                "CanvasLegend",
                "Inside: the output over the whole input plane · ring:&nbsp;this&nbsp;sample",
            )
        )
    lines.append(
        fill(
            translate(
                "CanvasLegend",
                "<span style='color:%1'>━</span> positive weight &nbsp; "
                "<span style='color:%2'>━</span> negative weight &nbsp; "
                "<span style='color:%3'>┅</span>&nbsp;w&nbsp;=&nbsp;0 &nbsp; "
                "thicker&nbsp;=&nbsp;larger&nbsp;|w|",
            ),
            POSITIVE.name(),
            NEGATIVE.name(),
            ZERO_EDGE,
        )
    )
    if drawn < total:
        lines.append(
            fill(
                translate("CanvasLegend", "Showing the %1 strongest of %2 edges"),
                f"{drawn:,}",
                f"{total:,}",
            )
        )
    return keep_together("<br>".join(lines))  # no lone Chinese character on a last line


class CanvasLegend(CanvasBase):
    """Mixin of :class:`~neurongui.views.canvas.NetworkCanvas`: the legend's text and
    place. Expects ``_legend``, ``_zoom_buttons``, ``_dark`` and ``edge_count``."""

    @property
    def legend(self) -> QLabel:
        """The legend over the diagram's corner (which sample, colours, edges)."""
        return self._legend

    def maps_shown(self) -> bool:
        """True if the neurons show their output over the input plane (2-D data)."""
        return any(node.has_image for column in self._nodes for node in column)

    def _update_legend(self) -> None:
        drawn, total = self.edge_count()
        sample = self.model.sample
        text = legend_html(
            self._dark,
            -1 if self.model.probe is not None else self.model.sample_index,
            sample,
            input_scale(sample),
            drawn,
            total,
            self.maps_shown(),
            self._layout.grid,
            self.weight_level,
            self._raw_sample(sample),
            empty=not len(self.model.data.X_train),
        )
        if text != self._legend.text():  # re-laying out rich text costs a frame's worth
            height = self._legend.height()
            self._legend.setText(text)
            self._place_legend()
            if self._legend.height() != height and self._auto_fit:
                self._fit_now()  # keep the diagram clear of the legend

    def _raw_sample(self, sample: np.ndarray) -> np.ndarray | None:
        """``sample`` in the data's own units, if the network sees it standardised."""
        data = self.model.data
        if data.input_mean is None or data.input_scale is None:
            return None
        if len(sample) != len(data.input_mean):  # a structure being changed
            return None
        if not data.input_mean.any() and (data.input_scale == 1).all():  # kept as they are
            return None
        return sample * data.input_scale + data.input_mean

    def _place_legend(self) -> None:
        """Bottom left, as wide as its text or the room beside the zoom buttons (then
        wrapped): the buttons never cover it."""
        view = self.viewport()
        buttons = sum(b.sizeHint().width() + 2 for b in self._zoom_buttons)
        room = view.width() - buttons - 8 - 6 - 8
        if room < 200:  # a narrow view: the buttons go above the legend instead
            room = view.width() - 16
        legend = self._legend
        legend.setMinimumSize(0, 0)  # measure free of the last size it was fixed to
        legend.setMaximumSize(_NO_MAXIMUM, _NO_MAXIMUM)
        legend.setWordWrap(False)
        natural = legend.sizeHint()
        if natural.width() <= room:
            legend.setFixedSize(natural)
        else:
            width = max(room, 60)
            legend.setWordWrap(True)
            legend.setFixedSize(width, legend.heightForWidth(width))
        self._legend.move(8, view.height() - self._legend.height() - 8)
        self._place_zoom_controls()
