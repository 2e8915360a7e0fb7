"""Graphics items of the diagram: nodes (with their output maps) and small buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

__all__ = ["ButtonItem", "NodeItem"]

_TEXT = QColor(60, 60, 60)
_SELECTED = QColor(220, 40, 40)


class NodeItem(QGraphicsItem):
    """One node: a circle filled with its value's colour, or with its output map.

    ``column`` 0 is the input layer; ``index`` the node in it. The view sets
    :attr:`fill`, :attr:`image`, :attr:`caption` (bias or name) and :attr:`selected`.
    """

    def __init__(self, column: int, index: int, radius: float, label_left: str = ""):
        super().__init__()
        self.column, self.index, self.radius = column, index, radius
        self.fill = QColor(250, 250, 250)
        self.ring = QColor(120, 120, 120)
        self.image: QImage | None = None
        self.caption = ""
        self.label_left = label_left
        self.selected = False
        self.setZValue(2)

    def boundingRect(self) -> QRectF:
        r = self.radius
        left = 80.0 if self.label_left else 0.0
        return QRectF(-r - 4 - left, -r - 4, 2 * r + 8 + left + 40, 2 * r + 26)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self.radius
        rect = QRectF(-r, -r, 2 * r, 2 * r)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, r > 4)
        if self.image is not None and r >= 8:
            path = QPainterPath()
            path.addEllipse(rect)
            painter.save()
            painter.setClipPath(path)
            painter.drawImage(rect, self.image)
            painter.restore()
            pen = QPen(self.fill, 4 if not self.selected else 3)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(pen)
            painter.drawEllipse(rect.adjusted(-1.5, -1.5, 1.5, 1.5))
        else:
            painter.setBrush(QBrush(self.fill))
            painter.setPen(QPen(self.ring, 1.2) if r > 4 else Qt.PenStyle.NoPen)
            painter.drawEllipse(rect)
        if self.selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(_SELECTED, 2.5))
            painter.drawEllipse(rect.adjusted(-4, -4, 4, 4))
        if r < 8:
            return
        painter.setPen(_TEXT)
        font = QFont(painter.font())
        font.setPointSizeF(8)
        painter.setFont(font)
        if self.caption:
            painter.drawText(
                QRectF(-r - 30, r + 2, 2 * r + 60, 16), Qt.AlignmentFlag.AlignHCenter, self.caption
            )
        if self.label_left:
            font.setPointSizeF(10)
            painter.setFont(font)
            painter.drawText(
                QRectF(-r - 84, -10, 78, 20),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.label_left,
            )


class ButtonItem(QGraphicsItem):
    """A small rounded button in the scene (the + and − of a layer)."""

    def __init__(self, text: str, tooltip: str, action: Callable[[], None], enabled: bool = True):
        super().__init__()
        self.text, self.action, self.enabled = text, action, enabled
        self.setToolTip(tooltip)
        self.setZValue(3)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)

    def boundingRect(self) -> QRectF:
        return QRectF(-11, -11, 22, 22)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(90, 90, 90) if self.enabled else QColor(190, 190, 190)
        painter.setPen(QPen(colour, 1.2))
        painter.setBrush(QColor(245, 245, 245))
        painter.drawEllipse(QPointF(0, 0), 10, 10)
        font = QFont(painter.font())
        font.setPointSizeF(11)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, self.text)

    def mousePressEvent(self, event) -> None:
        if self.enabled:
            self.action()
        event.accept()
