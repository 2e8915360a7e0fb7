"""Draw a digit and see what the network makes of it.

The student draws with the mouse or a pen (thick, anti-aliased strokes; the right
button or the Erase tool rubs out) on a 280×280 board. The drawing is prepared the way
the dataset's digits were (:mod:`neurongui.engine.drawing`) and shown beside it at the
dataset's size; the network's answer for it appears as one labelled bar per class.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QShowEvent,
    QTabletEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine.drawing import prepare
from neurongui.engine.numbers import format_percent
from neurongui.i18n import data_name, error_text, fill, keep_together
from neurongui.model import NetworkModel

if TYPE_CHECKING:
    from neurongui.editing import Editor

__all__ = ["BOARD", "Board", "DrawingPanel"]

#: Side of the drawing board in pixels (ten board pixels per MNIST pixel).
BOARD = 280
#: Width of a stroke, in board pixels (about MNIST's pen at 28×28).
PEN = 22.0


class Board(QWidget):
    """The surface drawn on: ink from 0 to 1 in a grey image, drawn dark on paper."""

    #: The drawing changed (a stroke, an erase, Clear).
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawingBoard")
        self.setFixedSize(BOARD, BOARD)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.image = QImage(BOARD, BOARD, QImage.Format.Format_Grayscale8)
        self.image.fill(0)
        self.erasing = False
        self._last: QPointF | None = None
        self._erase_stroke = False

    def ink(self) -> np.ndarray:
        """The drawing as ink from 0 (paper) to 1 (full ink), BOARD × BOARD."""
        width = self.image.bytesPerLine()
        raw = np.frombuffer(self.image.constBits(), np.uint8, width * BOARD)
        return raw.reshape(BOARD, width)[:, :BOARD] / 255.0

    def clear(self) -> None:
        """Blank the board."""
        self.image.fill(0)
        self.update()
        self.changed.emit()

    def stroke(self, points: list[QPointF], erase: bool = False, width: float = PEN) -> None:
        """Draw (or erase) a line through ``points`` (board coordinates)."""
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(
            QColor(0, 0, 0) if erase else QColor(255, 255, 255), width * (1.6 if erase else 1)
        )
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        if len(points) == 1:
            painter.drawPoint(points[0])
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.end()
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._erase_stroke = self.erasing or event.button() == Qt.MouseButton.RightButton
        self._last = event.position()
        self.stroke([self._last], self._erase_stroke)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._last is not None:
            point = event.position()
            self.stroke([self._last, point], self._erase_stroke)
            self._last = point

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._last = None

    def tabletEvent(self, event: QTabletEvent) -> None:
        # A pen: the stroke follows its pressure; its eraser end rubs out.
        point = event.position()
        erase = self.erasing or event.pointerType() == event.pointerType().Eraser
        width = PEN * (0.5 + event.pressure())
        if event.type() == QTabletEvent.Type.TabletPress:
            self._last = point
            self.stroke([point], erase, width)
        elif event.type() == QTabletEvent.Type.TabletMove and self._last is not None:
            self.stroke([self._last, point], erase, width)
            self._last = point
        else:
            self._last = None
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paper = self.image.copy()
        paper.invertPixels()  # dark ink on white paper, as digits are written
        painter.drawImage(0, 0, paper)
        painter.setPen(QColor(160, 160, 160))
        painter.drawRect(QRect(0, 0, BOARD - 1, BOARD - 1))
        painter.end()


class _Picture(QLabel):
    """A small grey image shown enlarged without smoothing (its pixels visible)."""

    def __init__(self, side: int) -> None:
        super().__init__()
        self.setFixedSize(side, side)
        self.values = np.zeros((1, 1))

    def show_values(self, values: np.ndarray) -> None:
        """Show ``values`` (0 to 1: ink) as dark on white, each pixel a square."""
        self.values = values
        grey = np.ascontiguousarray((255 - np.clip(values, 0, 1) * 255).astype(np.uint8))
        rows, cols = grey.shape
        image = QImage(grey.data, cols, rows, cols, QImage.Format.Format_Grayscale8).copy()
        scaled = image.scaled(
            self.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )
        self.setPixmap(QPixmap.fromImage(scaled))


class DrawingPanel(QWidget):
    """The board, what the network sees, and its answer, for image datasets."""

    def __init__(
        self, model: NetworkModel, parent: QWidget | None = None, editor: Editor | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drawingPanel")
        self.model = model
        self.editor = editor  # the window's: a drawing can join the training data
        self.board = Board()
        self.board.changed.connect(self.refresh)
        self.erase = QCheckBox(self.tr("Erase"))
        self.erase.setToolTip(
            self.tr("Rub out with the left button (the right button always rubs out)")
        )
        self.erase.toggled.connect(lambda on: setattr(self.board, "erasing", on))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.board.clear)
        self._sent = False  # the model's probe is this drawing
        self._behind = False
        self._ready = False  # the first refresh sets everything up, shown or not
        self._shape: tuple[int, int] | None = None
        self.on_diagram = QCheckBox(self.tr("Show on the diagram"))
        self.on_diagram.setToolTip(
            self.tr(
                "The diagram and the Inspector compute with the drawing: watch the neurons light up"
            )
        )
        self.on_diagram.toggled.connect(lambda _: self._send_probe())
        self.add_button = QPushButton(self.tr("Add to the training data as"))
        self.add_button.setObjectName("addDrawingButton")
        self.add_button.setToolTip(
            self.tr(
                "Your drawing, prepared as the network sees it, joins the training set with "
                "the label you choose (Undo takes it out again)"
            )
        )
        self.add_button.clicked.connect(self.add_to_training)
        self.label_box = QComboBox()
        self.label_box.setObjectName("drawingLabelBox")
        self.label_box.setToolTip(self.tr("The digit your drawing shows"))
        self.seen = _Picture(84)
        self.seen_label = QLabel()
        self.seen_label.setWordWrap(True)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.bars = QGridLayout()
        self._bar_widgets: list[tuple[QLabel, QProgressBar, QLabel]] = []
        self.note = QLabel()
        self.note.setWordWrap(True)
        tools = QHBoxLayout()
        tools.addWidget(self.erase)
        tools.addWidget(self.clear_button)
        tools.addWidget(self.on_diagram)
        tools.addStretch(1)
        adding = QHBoxLayout()
        adding.addWidget(self.add_button)
        adding.addWidget(self.label_box)
        adding.addStretch(1)
        self.add_button.setVisible(editor is not None)
        self.label_box.setVisible(editor is not None)
        side = QVBoxLayout()
        side.addWidget(self.seen)
        side.addStretch(1)
        # One column: the Practice dock is about 300 px wide. The board, its tools, then
        # what the network sees beside its answer.
        seen_and_answer = QHBoxLayout()
        seen_and_answer.addLayout(side)
        answer = QVBoxLayout()
        answer.addWidget(self.answer)
        answer.addLayout(self.bars)
        answer.addStretch(1)
        seen_and_answer.addLayout(answer, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.board)
        layout.addLayout(tools)
        layout.addLayout(adding)
        layout.addWidget(self.seen_label)
        layout.addLayout(seen_and_answer)
        layout.addStretch(1)
        for signal in (
            model.parametersChanged,
            model.structureChanged,
            model.dataChanged,
            model.networkReplaced,
        ):
            signal.connect(self.refresh)
        self.refresh()
        self._ready = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._behind:
            self.refresh()

    def shape(self) -> tuple[int, int] | None:
        """The image shape the network takes, or None if it does not take images."""
        shape = self.model.data.dataset.image_shape
        if shape is None or shape[0] * shape[1] != self.model.network.n_inputs:
            return None
        return shape

    def inputs(self) -> np.ndarray | None:
        """The prepared drawing as the network's inputs, or None (no image network)."""
        shape = self.shape()
        return None if shape is None else prepare(self.board.ink(), shape).ravel()

    def probabilities(self) -> np.ndarray | None:
        """The network's outputs for the drawing (None without an image network)."""
        x = self.inputs()
        if x is None:
            return None
        with np.errstate(all="ignore"):
            return self.model.network.forward(x[None, :])[0]

    def refresh(self, *_: object) -> None:
        """Prepare the drawing again and show the network's answer (a hidden panel
        only notes that it is behind, and catches up when shown)."""
        hidden = not self.isVisible() and self._ready
        if hidden and not self._sent and self._shape == self.shape():
            self._behind = True
            return
        self._behind = False
        shape = self.shape()
        if shape != self._shape:  # another kind of image (or none): a fresh board
            self._shape = shape
            self.on_diagram.setChecked(False)
            if self.board.ink().any():
                self.board.clear()  # refreshes again
                return
        enabled = shape is not None
        for widget in (self.board, self.erase, self.clear_button, self.on_diagram):
            widget.setEnabled(enabled)
        self._fill_labels()
        self.label_box.setEnabled(enabled)
        self.add_button.setEnabled(enabled and bool(self.board.ink().any()))
        if shape is None:
            self.note.setText(
                keep_together(
                    self.tr(
                        "Choose an image dataset (Handwritten digits or MNIST) and a network "
                        "for it to draw a digit for the network."
                    )
                )
            )
            self._show_bars(None)
            return
        untrained = not self.model.history
        self.note.setText(
            keep_together(
                self.tr(
                    "Draw a digit. This network has not been trained yet: its answers are guesses."
                )
                if untrained
                else self.tr("Draw a digit: the network answers as you draw.")
            )
        )
        x = self.inputs()
        assert x is not None
        self.seen.show_values(x.reshape(shape))
        self.seen_label.setText(
            fill(self.tr("What the network sees (%1×%2, prepared like the dataset)"), *shape)
        )
        self._show_bars(self.probabilities() if x.any() else None)
        self._send_probe()

    def _fill_labels(self) -> None:
        names = [data_name(n) for n in self.model.data.dataset.class_names]
        if [self.label_box.itemText(i) for i in range(self.label_box.count())] != names:
            self.label_box.clear()
            self.label_box.addItems(names)

    def add_to_training(self) -> None:
        """Add the prepared drawing to the training set with the chosen label (one undo
        step, through the editor), then clear the board for the next one."""
        x = self.inputs()
        label = self.label_box.currentIndex()
        if self.editor is None or x is None or not x.any() or label < 0:
            return
        name = self.label_box.currentText()
        try:
            self.editor.add_samples(
                x[None, :],
                np.array([label]),
                fill(self.tr("Add a drawn %1 to the training data"), name),
            )
        except ValueError as exc:
            self.model.message.emit(error_text(exc))
            return
        count = len(self.model.data.X_train)
        self.model.message.emit(
            fill(self.tr("Your drawing is training sample %1, labelled %2."), f"{count:,}", name)
        )
        self.board.clear()

    def _send_probe(self) -> None:
        """Give the diagram the drawing (or the data back) when asked to."""
        x = self.inputs() if self.on_diagram.isChecked() else None
        if x is not None:
            self.model.set_probe(x)
            self._sent = True
        elif self._sent:  # only the drawing's own probe goes: a typed one stays
            self._sent = False
            self.model.set_probe(None)

    def _show_bars(self, outputs: np.ndarray | None) -> None:
        names = self.model.data.dataset.class_names
        while len(self._bar_widgets) < len(names):
            row = len(self._bar_widgets)
            label, bar, value = QLabel(), QProgressBar(), QLabel()
            bar.setRange(0, 1000)
            bar.setTextVisible(False)
            bar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            for column, widget in enumerate((label, bar, value)):
                self.bars.addWidget(widget, row, column)
            self._bar_widgets.append((label, bar, value))
        best = -1 if outputs is None else int(np.argmax(outputs))
        for row, (label, bar, value) in enumerate(self._bar_widgets):
            shown = outputs is not None and row < len(names) and row < len(outputs)
            for widget in (label, bar, value):
                widget.setVisible(shown)
            if not shown:
                continue
            p = float(np.clip(outputs[row], 0, 1))  # type: ignore[index]
            label.setText(data_name(names[row]))
            value.setText(format_percent(p))
            bar.setValue(round(1000 * p))
            font = label.font()
            font.setBold(row == best)  # the answer stands out
            label.setFont(font)
        if outputs is None:
            self.answer.setText("")
        else:
            best = int(np.argmax(outputs))
            self.answer.setText(
                fill(
                    self.tr("The network's answer: %1 (%2)"),
                    data_name(names[best]),
                    format_percent(float(outputs[best])),
                )
            )
