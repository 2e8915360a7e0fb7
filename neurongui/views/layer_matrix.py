"""The layer as a matrix: W · a + b = z → f(z), every cell a number of the sample.

One weight layer of the live network for the selected sample, written as the textbook
writes it, with the shapes: W (n_out × n_in) times the column a of the layer below,
plus b, gives z; the activation turns z into the layer's output. For a softmax layer
the steps z − max, e^(z − max) and ÷ Σ follow, with a temperature to explore (it
changes this view only, not the network). Hovering a weight names the term it adds
to z and marks its edge on the diagram (the edge is selected).

Only the visible cells are painted, so a 784-input layer scrolls instead of shrinking.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine.numbers import format_number
from neurongui.i18n import fill, keep_together, sentences
from neurongui.model import NetworkModel
from neurongui.views.canvas_maps import NEGATIVE, POSITIVE, tint

__all__ = ["LayerMatrixPanel", "MatrixFigure", "MatrixView"]


@dataclass(frozen=True)
class Block:
    """One column of cells (a matrix is several): its title, values and the operator
    drawn before it ("·", "+", "=", "→"); the view places the blocks."""

    title: str
    values: np.ndarray  # (rows, columns)
    operator: str = ""


class MatrixFigure:
    """The numbers of one layer for one sample, laid out in blocks of cells.

    Parameters
    ----------
    weights, biases
        W (n_out × n_in) and b of the layer.
    a_in
        The column the layer multiplies: the sample's inputs or the layer below's a.
    z, a_out
        The layer's weighted inputs and activations (from the engine's forward pass).
    activation
        The activation's name (``"softmax"`` adds the softmax steps).
    temperature
        T of the softmax steps: e^((z − max)/T) (1 is the network's own softmax).
    """

    def __init__(
        self,
        weights: np.ndarray,
        biases: np.ndarray,
        a_in: np.ndarray,
        z: np.ndarray,
        a_out: np.ndarray,
        activation: str,
        temperature: float = 1.0,
    ) -> None:
        self.weights, self.biases, self.a_in, self.z = weights, biases, a_in, z
        blocks = [Block("W", weights)]
        for title, values, op in (("a", a_in[:, None], "·"), ("b", biases[:, None], "+")):
            blocks.append(Block(title, values, op))
        blocks.append(Block("z", z[:, None], "="))
        #: Σ e^(…) of the softmax steps (None for other activations).
        self.total: float | None = None
        if activation == "softmax":
            # A z of ±inf (typed weights of 1e308) gives inf − inf: NaN, shown as such.
            with np.errstate(all="ignore"):
                shifted = (z - z.max()) / temperature
                exps = np.exp(shifted)
                self.a_out = exps / exps.sum()
            for title, values in (("(z − max)/T", shifted), ("e^(…)", exps), ("÷ Σ", self.a_out)):
                blocks.append(Block(title, values[:, None], "→"))
            self.total = float(exps.sum())
        else:
            self.a_out = a_out
            blocks.append(Block(f"{activation}(z)", a_out[:, None], "→"))
        self.blocks = blocks

    def term(self, row: int, column: int) -> tuple[float, float, float]:
        """w, a and their product: the term weight (row, column) adds to z[row]."""
        w, a = float(self.weights[row, column]), float(self.a_in[column])
        return w, a, w * a


class MatrixView(QWidget):
    """Paints a :class:`MatrixFigure`, cell by visible cell."""

    #: A weight cell was clicked: (row, column) of W.
    weightClicked = Signal(int, int)
    #: The pointer is over weight (row, column), or (-1, -1) over nothing.
    weightHovered = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.figure: MatrixFigure | None = None
        self.hover = (-1, -1)
        self.dark = False
        #: The width to fit the blocks into, and each block's (block, x, y) in pixels.
        self.room = 1 << 20
        self.places: list[tuple[Block, int, int]] = []
        self._measure()

    def _measure(self) -> None:
        metrics = self.fontMetrics()
        self.cell = QSize(metrics.horizontalAdvance("−0.0000") + 10, metrics.height() + 8)
        self.header = 2 * self.cell.height()

    def set_figure(self, figure: MatrixFigure | None) -> None:
        """Show ``figure`` (None: nothing)."""
        old = self.figure
        if old is None or figure is None or old.weights.shape != figure.weights.shape:
            self.hover = (-1, -1)  # a cell of the old layer may not exist in the new one
        self.figure = figure
        self._measure()
        self._lay_out()

    def set_room(self, width: int) -> None:
        """Fit the blocks into ``width`` pixels: what does not fit beside W · a goes on
        a band below, instead of past the right edge (a scroll bar only if W · a alone
        is wider)."""
        if width != self.room:
            self.room = width
            self._lay_out()

    def _lay_out(self) -> None:
        f = self.figure
        self.places = []
        if f is None:
            self.update()
            return
        w, h = self.cell.width(), self.cell.height()
        room = max(self.room // w - 1, 1)  # in cells; one spare for a wide last title
        column, band, widest = 0, 0, 0
        bands: list[list[tuple[Block, int]]] = [[]]
        for block in f.blocks:
            cols = block.values.shape[1]
            start = column + (1 if block.operator else 0)  # the operator's cell
            # W and the column it multiplies stay together: W · a is one product.
            if start + max(cols, 2) > room and bands[band] and block.title != "a":
                band, start = band + 1, 1
                bands.append([])
            bands[band].append((block, start))
            column = start + cols
            widest = max(widest, start + max(cols, 2))
        top = 0
        for members in bands:
            for block, start in members:
                self.places.append((block, start * w, top))
            top += self.header + (max(b.values.shape[0] for b, _ in members) + 1) * h
        self.setFixedSize((widest + 1) * w, top)
        self.update()

    def cell_at(self, pos: QPoint) -> tuple[int, int]:
        """(row, column) of the weight under ``pos``, or (-1, -1)."""
        f = self.figure
        if f is None:
            return (-1, -1)
        row = (pos.y() - self.header) // self.cell.height()
        column = pos.x() // self.cell.width()
        n_out, n_in = f.weights.shape
        if 0 <= row < n_out and 0 <= column < n_in:
            return (int(row), int(column))
        return (-1, -1)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hover = self.cell_at(event.position().toPoint())
        if hover != self.hover:
            self.hover = hover
            self.weightHovered.emit(*hover)
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row, column = self.cell_at(event.position().toPoint())
        if row >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.weightClicked.emit(row, column)

    def leaveEvent(self, event: QEvent) -> None:
        if self.hover != (-1, -1):
            self.hover = (-1, -1)
            self.weightHovered.emit(-1, -1)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        f = self.figure
        if f is None:
            return
        painter = QPainter(self)
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        exposed = event.rect()
        w, h = self.cell.width(), self.cell.height()
        bold = QFont(self.font())
        bold.setBold(True)
        row_hi, col_hi = self.hover
        for block, x0, y0 in self.places:
            rows, cols = block.values.shape
            if x0 > exposed.right() or x0 + cols * w < exposed.left() - w:
                continue
            if y0 > exposed.bottom() or y0 + self.header + rows * h < exposed.top():
                continue
            painter.setFont(bold)
            painter.setPen(text)
            shape = f"{block.title}  ({rows} × {cols})"
            painter.drawText(
                QRect(x0, y0, max(cols, 2) * w, self.header), Qt.AlignmentFlag.AlignBottom, shape
            )
            top = y0 + self.header
            if block.operator:
                painter.drawText(
                    QRect(x0 - w, top, w, h), Qt.AlignmentFlag.AlignCenter, block.operator
                )
            painter.setFont(self.font())
            scale = float(np.max(np.abs(block.values), initial=0.0)) or 1.0
            first = max(0, (exposed.top() - top) // h)
            last = min(rows, (exposed.bottom() - top) // h + 1)
            c_first = max(0, (exposed.left() - x0) // w)
            c_last = min(cols, (exposed.right() - x0) // w + 1)
            for r in range(first, last):
                for c in range(c_first, c_last):
                    value = float(block.values[r, c])
                    rect = QRect(x0 + c * w, top + r * h, w - 1, h - 1)
                    strength = min(abs(value) / scale, 1.0) if np.isfinite(value) else 1.0
                    colour = tint(
                        POSITIVE if value >= 0 else NEGATIVE, background, 0.15 + 0.6 * strength
                    )
                    lit = self._lit(block, r, c, row_hi, col_hi)
                    painter.fillRect(rect, colour)
                    if lit:
                        painter.setPen(text)
                        painter.drawRect(rect.adjusted(0, 0, -1, -1))
                    painter.setPen(QColor(255, 255, 255) if strength > 0.6 else text)
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, format_number(value))
        painter.end()

    @staticmethod
    def _lit(block: Block, r: int, c: int, row: int, column: int) -> bool:
        """Is this cell one of the terms of the hovered weight's sum?"""
        if row < 0:
            return False
        if block.title == "W":
            return r == row
        if block.title == "a":
            return r == column
        return r == row


class LayerMatrixPanel(QWidget):
    """Chooses a layer, shows it as a :class:`MatrixView`, explains the hovered term."""

    def __init__(self, model: NetworkModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerMatrixPanel")
        self.model = model
        self._behind = False
        self.layer_box = QComboBox()
        self.layer_box.setObjectName("matrixLayer")
        self.layer_box.currentIndexChanged.connect(lambda _: self.refresh())
        self.temperature = QDoubleSpinBox()
        self.temperature.setObjectName("matrixTemperature")
        self.temperature.setRange(0.05, 20.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setValue(1.0)
        self.temperature.setToolTip(
            self.tr("Softmax temperature T: only this view; the network keeps T = 1")
        )
        self.temperature.valueChanged.connect(lambda _: self.refresh())
        self.temperature_label = QLabel(self.tr("Temperature T"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer")))
        top.addWidget(self.layer_box, 1)
        top.addWidget(self.temperature_label)
        top.addWidget(self.temperature)
        self.equation = QLabel()
        self.equation.setWordWrap(True)
        self.view = MatrixView()
        self.view.weightHovered.connect(self._on_hover)
        self.view.weightHovered.connect(self._point_at_edge)
        self.view.weightClicked.connect(self._on_click)
        scroll = QScrollArea()
        scroll.setWidget(self.view)
        scroll.setWidgetResizable(False)
        scroll.viewport().installEventFilter(self)  # its width is the room the blocks get
        self.scroll_area = scroll
        self.term = QLabel()
        self.term.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.equation)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.term)
        for signal in (model.parametersChanged, model.sampleChanged, model.networkReplaced):
            signal.connect(self.refresh)
        model.structureChanged.connect(self._fill_layers)
        model.selectionChanged.connect(self._on_selection_change)
        self._fill_layers()

    def _fill_layers(self) -> None:
        net = self.model.network
        self.layer_box.blockSignals(True)
        keep = max(self.layer_box.currentIndex(), 0)
        self.layer_box.clear()
        last = len(net.layers) - 1
        for i, layer in enumerate(net.layers):
            name = self.tr("output layer") if i == last else fill(self.tr("hidden layer %1"), i + 1)
            self.layer_box.addItem(f"{name}: {layer.n_in} → {layer.n_out}")
        self.layer_box.setCurrentIndex(min(keep, last))
        self.layer_box.blockSignals(False)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            self.view.set_room(self.scroll_area.viewport().width())
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._behind:
            self.refresh()

    def _on_selection_change(self) -> None:
        selection = self.model.selection
        if selection.kind != "none" and selection.layer >= 0:
            self.layer_box.setCurrentIndex(selection.layer)

    @property
    def figure(self) -> MatrixFigure | None:
        """What the view shows (None before a network is shown)."""
        return self.view.figure

    def refresh(self) -> None:
        """Recompute the numbers of the chosen layer for the selected sample (a hidden
        panel only notes that it is behind, and catches up when shown)."""
        if not self.isVisible() and self.view.figure is not None:
            self._behind = True
            return
        self._behind = False
        index = self.layer_box.currentIndex()
        net = self.model.network
        if not 0 <= index < len(net.layers):
            return
        layer = net.layers[index]
        with np.errstate(all="ignore"):  # typed weights of 1e308 overflow: shown as ±inf
            trace = net.forward_trace(self.model.sample[None, :])
        a_in = self.model.sample if index == 0 else trace[index - 1][1][0]
        z, a_out = trace[index][0][0], trace[index][1][0]
        name = layer.activation.name
        softmax = name == "softmax"
        self.temperature.setVisible(softmax)
        self.temperature_label.setVisible(softmax)
        figure = MatrixFigure(
            layer.weights, layer.biases, a_in, z, a_out, name, self.temperature.value()
        )
        self.view.set_figure(figure)
        n_out, n_in = layer.weights.shape
        self.equation.setText(
            keep_together(
                fill(
                    self.tr(
                        "Sample %1: W (%2 × %3) · a (%3 × 1) + b (%2 × 1) = z (%2 × 1), "
                        "then a = f(z). Row j of W holds the weights into neuron j."
                    ),
                    self.model.sample_index + 1,
                    n_out,
                    n_in,
                )
            )
        )
        if softmax and figure.total is not None:
            total = fill(
                self.tr("Σ e^((z − max z)/T) = %1, the softmax's denominator."),
                format_number(figure.total),
            )
            self.equation.setText(keep_together(sentences(self.equation.text(), total)))
        self._on_hover(*self.view.hover)

    def _on_hover(self, row: int, column: int) -> None:
        f = self.view.figure
        if f is None or not (0 <= row < f.weights.shape[0] and 0 <= column < f.weights.shape[1]):
            self.term.setText(self.tr("Point at a weight to see the term it adds to z."))
            return
        w, a, product = f.term(row, column)
        self.term.setText(
            fill(
                self.tr("%1 · %2 = %3 × %4 = %5: one of the %6 terms of %7 = %8"),
                f"w{_sub(row + 1)},{_sub(column + 1)}",
                f"a{_sub(column + 1)}",
                format_number(w),
                format_number(a, True),
                format_number(product),
                f.weights.shape[1],
                f"z{_sub(row + 1)}",
                format_number(float(f.z[row])),
            )
        )

    def _point_at_edge(self, row: int, column: int) -> None:
        """The hovered weight's edge is selected, so the diagram marks it (and the
        Inspector shows it) while the pointer is on its cell."""
        if row >= 0:
            self.model.select_edge(self.layer_box.currentIndex(), row, column)

    def _on_click(self, row: int, column: int) -> None:
        self.model.select_edge(self.layer_box.currentIndex(), row, column)


def _sub(number: int) -> str:
    """``number`` in subscript digits (w₂,₁)."""
    return str(number).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
