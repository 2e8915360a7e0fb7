"""The chain-rule half of the backpropagation lesson: f(x, y, z) = (x + y)·z as a graph.

The student sets x, y and z, steps through the forward pass (q = x + y, f = q·z) and
then the backward pass, which starts with ∂f/∂f = 1 at the output and hands a
gradient back along one edge at a time. Every number is the engine's
(:mod:`neurongui.engine.compgraph`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine.answers import Verdict, check_answer
from neurongui.engine.compgraph import Edge, Node, backward, edges, example_graph
from neurongui.engine.numbers import SIGNIFICANT_DIGITS, format_number, parse_number
from neurongui.i18n import fill, keep_together
from neurongui.theme import is_dark
from neurongui.views.canvas_overlay import value_colours
from neurongui.views.number_spin import DecimalSpinBox

__all__ = ["ChainRuleGraph", "ChainRulePage", "backward_order", "parse_number", "rough_reply"]

#: Where each node of f = (x + y)·z sits in the view's scene.
POSITIONS = {
    "x": (0.0, 0.0),
    "y": (0.0, 75.0),
    "z": (0.0, 165.0),
    "q": (160.0, 37.5),
    "f": (320.0, 100.0),
}
_RADIUS = 19.0
#: Stages before the edges: the inputs, the forward pass, ∂f/∂f = 1.
_FIRST_EDGE_STAGE = 3


def _typed(verdict: Verdict) -> str:
    """The number the student typed ("–" for a verdict without one)."""
    return "–" if verdict.value is None else format_number(verdict.value)


def rough_reply(verdict: Verdict) -> str:
    """The reply to an answer with too few digits to tell it from a neighbouring one."""
    return fill(
        QCoreApplication.translate(
            "Answers",
            "%1 has too few digits to check: the lesson shows its numbers to %2 "
            "significant digits; give at least %3 of them.",
        ),
        _typed(verdict),
        str(SIGNIFICANT_DIGITS),
        str(verdict.min_digits),
    )


def backward_order(output: Node) -> list[Edge]:
    """The graph's edges in the order the backward pass visits them: output first."""
    forward = edges(output)
    children: list[Node] = []
    for edge in reversed(forward):
        if edge.child not in children:
            children.append(edge.child)
    return [e for child in children for e in forward if e.child is child]


class ChainRuleGraph(QGraphicsView):
    """The graph of f = (x + y)·z: forward values on the nodes, gradients on the edges."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("chainRuleGraph")
        self.setAccessibleName(self.tr("Computational graph of f = (x + y)·z"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumHeight(150)
        self.setScene(QGraphicsScene(self))
        # Room below z for its value box (centred 30 below the node, 18 high).
        self.setSceneRect(QRectF(-45, -35, 475, 255))
        #: The text shown on each node's value box and each edge's gradient box.
        self.shown: dict[str, str] = {}

    def draw(self, nodes: dict[str, Node], order: list[Edge], stage: int) -> None:
        """Draw ``nodes`` as far as ``stage`` goes (see :class:`ChainRulePage`)."""
        scene = self.scene()
        scene.clear()
        self.shown = {}
        colours = value_colours(is_dark())
        plain = self.palette().text().color()
        for edge in order:
            self._arrow(edge.parent.name, edge.child.name, plain)
        for name, node in nodes.items():
            x, y = POSITIONS[name]
            scene.addEllipse(
                QRectF(x - _RADIUS, y - _RADIUS, 2 * _RADIUS, 2 * _RADIUS),
                QPen(plain, 1.4),
                QBrush(self.palette().base().color()),
            ).setZValue(1)
            self._text(name, QPointF(x, y), plain, bold=True, box=False)
            if node.op != "input":
                formula = f"{name} = x + y" if node.op == "+" else f"{name} = q·z"
                self._text(formula, QPointF(x, y - _RADIUS - 11), plain, box=False)
            if node.op == "input" or stage >= 1:
                self._value(name, format_number(node.value), QPointF(x, y + _RADIUS + 11), colours)
        if stage >= 2:
            fx, fy = POSITIONS["f"]
            text = "∂f/∂f = " + format_number(nodes["f"].grad)
            self._text(text, QPointF(fx + 62, fy), colours["gradient"])
            self.shown["f'"] = text
        for edge in order[: max(0, stage - _FIRST_EDGE_STAGE + 1)]:
            self._gradient(edge, colours["gradient"])

    def _arrow(self, parent: str, child: str, colour: QColor) -> None:
        (x0, y0), (x1, y1) = POSITIONS[parent], POSITIONS[child]
        length = math.hypot(x1 - x0, y1 - y0)
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        start = QPointF(x0 + ux * _RADIUS, y0 + uy * _RADIUS)
        tip = QPointF(x1 - ux * _RADIUS, y1 - uy * _RADIUS)
        pen = QPen(colour, 1.2)
        self.scene().addLine(start.x(), start.y(), tip.x(), tip.y(), pen)
        head = QPolygonF(
            [
                tip,
                QPointF(tip.x() - 9 * ux - 4 * uy, tip.y() - 9 * uy + 4 * ux),
                QPointF(tip.x() - 9 * ux + 4 * uy, tip.y() - 9 * uy - 4 * ux),
            ]
        )
        self.scene().addPolygon(head, pen, QBrush(colour))

    def _value(self, name: str, text: str, at: QPointF, colours: dict) -> None:
        self._text(text, at, colours["forward"])
        self.shown[name] = text

    def _gradient(self, edge: Edge, colour: QColor) -> None:
        (x0, y0), (x1, y1) = POSITIONS[edge.parent.name], POSITIONS[edge.child.name]
        text = format_number(edge.gradient)
        self._text(text, QPointF((x0 + x1) / 2, (y0 + y1) / 2), colour)
        self.shown[f"{edge.parent.name}->{edge.child.name}"] = text

    def _text(
        self, text: str, centre: QPointF, colour: QColor, bold: bool = False, box: bool = True
    ) -> QGraphicsSimpleTextItem:
        item = self.scene().addSimpleText(text)
        font = QFont(self.font())
        font.setPointSizeF(10.5)
        font.setBold(bold)
        item.setFont(font)
        item.setBrush(colour)
        rect = item.boundingRect()
        item.setPos(centre.x() - rect.width() / 2, centre.y() - rect.height() / 2)
        item.setZValue(3)
        if box:
            frame = self.scene().addRect(
                rect.adjusted(-3, -1, 3, 1).translated(item.pos()),
                QPen(colour, 1.0),
                QBrush(self.palette().base().color()),
            )
            frame.setZValue(2)
        return item

    def sizeHint(self) -> QSize:
        # No more than the minimum: the lesson column hands it the height to spare.
        return QSize(300, self.minimumHeight())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


class ChainRulePage(QWidget):
    """x, y, z to set, the graph, Back/Next through the passes, and a question."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("chainRulePage")
        self.stage = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._inputs())
        self.view = ChainRuleGraph()
        layout.addWidget(self.view, 1)
        layout.addWidget(self._legend())
        layout.addLayout(self._steps())
        self.working = QLabel()
        self.working.setObjectName("graphWorking")
        self.working.setWordWrap(True)
        self.working.setTextFormat(Qt.TextFormat.RichText)
        self.working.setMinimumHeight(3 * self.fontMetrics().height())
        layout.addWidget(self.working)
        row = QHBoxLayout()
        question = QLabel(self.tr("What is ∂f/∂x?"))
        self.answer = QLineEdit()
        self.answer.setObjectName("graphAnswer")
        self.answer.setPlaceholderText(self.tr("a number, e.g. 2.5"))
        self.answer.setAccessibleName(self.tr("Your value of ∂f/∂x"))
        question.setBuddy(self.answer)
        row.addWidget(question)
        row.addWidget(self.answer, 1)
        layout.addLayout(row)
        self.recompute()

    def _inputs(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.boxes: dict[str, DecimalSpinBox] = {}
        for name, value in (("x", -2.0), ("y", 5.0), ("z", -4.0)):
            box = DecimalSpinBox()
            box.setObjectName(f"{name}Input")
            box.setRange(-99.0, 99.0)
            box.setDecimals(2)
            box.setValue(value)
            box.setKeyboardTracking(False)
            box.setAccessibleName(fill(self.tr("Input %1 of the graph"), name))
            box.valueChanged.connect(self.recompute)
            label = QLabel(f"<i>{name}</i> =")
            label.setBuddy(box)
            row.addWidget(label)
            row.addWidget(box, 1)
            self.boxes[name] = box
        return row

    def _legend(self) -> QLabel:
        self.legend = QLabel()
        self.legend.setObjectName("graphLegend")
        self.legend.setWordWrap(True)
        self.recolour()
        return self.legend

    def recolour(self) -> None:
        """Follow the theme: the legend's and the graph's colours."""
        colours = value_colours(is_dark())
        self.legend.setText(
            fill(
                self.tr(
                    "<span style='color:%1'>■</span> forward value &nbsp; "
                    "<span style='color:%2'>■</span> gradient ∂f/∂(·) flowing back"
                ),
                colours["forward"].name(),
                colours["gradient"].name(),
            )
        )
        if hasattr(self, "nodes"):
            self.go(self.stage)

    def _steps(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.back = QPushButton(self.tr("◀ Back"))
        self.back.setObjectName("graphBack")
        self.back.clicked.connect(lambda: self.go(self.stage - 1))
        self.next = QPushButton(self.tr("Next ▶"))
        self.next.setObjectName("graphNext")
        self.next.clicked.connect(lambda: self.go(self.stage + 1))
        self.stage_label = QLabel()
        self.stage_label.setObjectName("graphStage")
        self.stage_label.setWordWrap(True)
        row.addWidget(self.back)
        row.addWidget(self.stage_label, 1)
        row.addWidget(self.next)
        return row

    # -- the numbers -------------------------------------------------------------------

    @property
    def n_stages(self) -> int:
        """Inputs, forward, ∂f/∂f = 1, then one stage per edge."""
        return _FIRST_EDGE_STAGE + len(self.order)

    def recompute(self) -> None:
        """Run the engine's forward and backward pass for the x, y, z in the boxes."""
        self.nodes = example_graph(*(self.boxes[n].value() for n in "xyz"))
        self.gradients = backward(self.nodes["f"])
        self.order = backward_order(self.nodes["f"])
        self.go(self.stage)

    def go(self, stage: int) -> None:
        """Show ``stage`` (clamped to the stages there are)."""
        self.stage = max(0, min(stage, self.n_stages - 1))
        self.view.draw(self.nodes, self.order, self.stage)
        self.back.setEnabled(self.stage > 0)
        self.next.setEnabled(self.stage < self.n_stages - 1)
        self.stage_label.setText(  # it wraps in a narrow column: no lone last character
            keep_together(
                fill(
                    self.tr("Step %1 of %2 · %3"),
                    str(self.stage + 1),
                    str(self.n_stages),
                    self._stage_name(),
                )
            )
        )
        self.working.setText(self._working())

    def _stage_name(self) -> str:
        if self.stage == 0:
            return self.tr("inputs")
        if self.stage == 1:
            return self.tr("forward pass")
        return self.tr("backward pass")

    def _working(self) -> str:
        n = self.nodes
        v = {k: format_number(node.value) for k, node in n.items()}
        p = {k: format_number(node.value, parenthesise=True) for k, node in n.items()}
        if self.stage == 0:
            text = self.tr("Inputs: x = %1, y = %2, z = %3. Press Next for the forward pass.")
            return fill(text, v["x"], v["y"], v["z"])
        if self.stage == 1:
            return (
                f"q = x + y = {v['x']} + {p['y']} = {v['q']}<br>"
                f"f = q·z = {p['q']} × {p['z']} = {v['f']}"
            )
        if self.stage == 2:
            return self.tr(
                "The backward pass starts at the output: ∂f/∂f = 1. "
                "Each step multiplies the gradient that arrives by the local derivative."
            )
        return self._edge_working(self.order[self.stage - _FIRST_EDGE_STAGE])

    def _edge_working(self, edge: Edge) -> str:
        c, p = edge.child.name, edge.parent.name
        if edge.child.op == "+":
            why = fill(self.tr("an add gate passes the gradient on: ∂%1/∂%2 = 1"), c, p)
        else:
            other = next(q for q in edge.child.parents if q is not edge.parent).name
            why = fill(self.tr("a multiply gate swaps its inputs: ∂%1/∂%2 = %3"), c, p, other)
        formula = (
            f"∂f/∂{p} = ∂f/∂{c} · ∂{c}/∂{p} = {format_number(edge.child.grad)} × "
            f"{format_number(edge.local, parenthesise=True)} = "
            f"<b>{format_number(edge.gradient)}</b>"
        )
        return formula + "<br>(" + why + ")"

    def check(self) -> tuple[bool, str]:
        """Compare the typed ∂f/∂x with the engine's, to the digits shown."""
        text = self.answer.text()
        n, right = self.nodes, self.gradients["x"]
        slips = {
            "dz": (
                self.gradients["z"],
                self.tr(
                    "Not yet: %1 is ∂f/∂z = q = x + y. A multiply gate swaps its inputs: "
                    "∂f/∂q = z, not q, and the add gate passes that on to x."
                ),
            ),
            "sign": (
                -right,
                self.tr("Not yet: %1 is −∂f/∂x, the sign is flipped. ∂f/∂x = z × 1."),
            ),
            "f": (
                n["f"].value,
                self.tr(
                    "Not yet: %1 is f itself, the result of the forward pass. The question "
                    "asks for the gradient ∂f/∂x."
                ),
            ),
        }
        verdict = check_answer(text, right, {key: v for key, (v, _) in slips.items()})
        if verdict.kind == "empty":
            return False, self.tr("Type your value of ∂f/∂x first, e.g. −3.5.")
        if verdict.kind == "not_a_number":
            return False, fill(
                self.tr("“%1” is not a number. Type a number such as −3.5."), text.strip()
            )
        if verdict.right:
            return True, fill(
                self.tr(
                    "Right: ∂f/∂x = ∂f/∂q · ∂q/∂x = z × 1 = %1. Nudging x by a little ε changes f "
                    "by about %1·ε."
                ),
                format_number(right),
            )
        if verdict.slip is not None:  # kind "slip": a neighbouring quantity
            return False, fill(slips[verdict.slip][1], _typed(verdict))
        if verdict.kind == "rough":
            return False, rough_reply(verdict)
        return False, fill(
            self.tr(
                "Not yet: %1 is not ∂f/∂x. Follow the gradient back from f: first through the "
                "multiply gate to q, then through the add gate to x."
            ),
            _typed(verdict),
        )
