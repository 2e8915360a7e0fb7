"""Points you can edit: add, move and erase the samples of a 2-D set on the Output map.

:class:`PointEditor` attaches to an :class:`~neurongui.views.chart_output.OutputChart`:
an "Edit points" button joins the row under the map, and when it is down a tool row
(Add / Move / Erase, the class or target of new points, Clear, Regenerate) appears
and the editor owns the mouse over the map (``chart.edit_tool`` is then not None, so
that other mouse handlers of the map stand back). Every change goes through the
window's :class:`~neurongui.editing.Editor`: a click is one undo step, and so is a
whole drag.

The mouse is read by an event filter on the plot's scene, in the data's coordinates
(``ViewBox.mapSceneToView``); a point is "under the mouse" within :data:`REACH`
pixels, whatever the zoom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGraphicsSceneMouseEvent,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from neurongui.engine.pointedits import nearest_point, points_within
from neurongui.i18n import error_text
from neurongui.undo import new_gesture
from neurongui.views.number_spin import NumberSpinBox

if TYPE_CHECKING:
    from neurongui.editing import Editor
    from neurongui.model import NetworkModel
    from neurongui.views.chart_output import OutputChart

__all__ = ["REACH", "TOOLS", "PointEditor"]

#: How near (in screen pixels) the mouse must be to a point to move or erase it.
REACH = 8.0
#: The editing tools, in the order of their buttons.
TOOLS = ("add", "move", "erase")

_Press = QEvent.Type.GraphicsSceneMousePress
_Move = QEvent.Type.GraphicsSceneMouseMove
_Release = QEvent.Type.GraphicsSceneMouseRelease
_DoubleClick = QEvent.Type.GraphicsSceneMouseDoubleClick
_CURSORS = {
    "add": Qt.CursorShape.CrossCursor,
    "move": Qt.CursorShape.OpenHandCursor,
    "erase": Qt.CursorShape.PointingHandCursor,
}


class PointEditor(QObject):
    """The editing mode of ``chart``'s map: its buttons and its mouse handling.

    Parameters
    ----------
    chart
        The Output tab (its ``output_plot`` shows the map).
    model
        The model whose data is edited.
    editor
        The window's editor: every edit is an undo step.
    """

    def __init__(self, chart: OutputChart, model: NetworkModel, editor: Editor) -> None:
        super().__init__(chart)
        self.chart, self.model, self.editor = chart, model, editor
        self._gesture = 0
        self._dragged: tuple[str, int] | None = None  # (part, row) of the moving point
        # A tool button: no taller than the check boxes beside it (a push button made
        # the row, and with it the window's least height, 12 px taller).
        self.edit_button = QToolButton()
        self.edit_button.setText(self.tr("Edit points"))
        self.edit_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.edit_button.setObjectName("editPointsButton")
        self.edit_button.setCheckable(True)
        self.edit_button.setToolTip(
            self.tr("Add, move and erase the samples on the map with the mouse")
        )
        self.edit_button.toggled.connect(self._on_editing)
        chart.controls_row.addWidget(self.edit_button)
        self.tools = QWidget()
        self.tools.setObjectName("pointTools")
        row = QHBoxLayout(self.tools)
        row.setContentsMargins(0, 0, 0, 0)
        self.tool_buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        tips = {
            "add": self.tr("Click to add a point (Shift+click erases the nearest)"),
            "move": self.tr("Drag a point to move it"),
            "erase": self.tr("Click or drag over points to erase them"),
        }
        names = {"add": self.tr("Add"), "move": self.tr("Move"), "erase": self.tr("Erase")}
        for tool in TOOLS:
            button = QToolButton()
            button.setObjectName(f"{tool}PointTool")
            button.setText(names[tool])
            button.setToolTip(tips[tool])
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self._mark(button, True)  # as wide as it is in bold: choosing does not shift
            button.setMinimumWidth(button.sizeHint().width())
            self._mark(button, False)
            self._group.addButton(button)
            button.toggled.connect(lambda on, t=tool: self._set_tool(t) if on else None)
            button.toggled.connect(lambda on, b=button: self._mark(b, on))
            row.addWidget(button)
            self.tool_buttons[tool] = button
        self.tool_buttons["add"].setChecked(True)
        self.class_label = QLabel(self.tr("New class:"))
        self.class_box = QComboBox()
        self.class_box.setObjectName("pointClassBox")
        self.class_box.addItems([self.tr("0 (orange)"), self.tr("1 (blue)")])
        self.class_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Never narrower than its text (the row would squeeze it at 1366 px).
        self.class_box.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.class_box.setCurrentIndex(1)
        self.class_box.setToolTip(self.tr("The class of the points you add"))
        self.target = NumberSpinBox()
        self.target.setObjectName("pointTargetBox")
        self.target.setRange(-1.0, 1.0)
        self.target.setSingleStep(0.25)
        self.target.setValue(1.0)
        self.target.setToolTip(
            self.tr("The target of the points you add, from −1 (orange) to +1 (blue)")
        )
        self.clear_button = QPushButton(self.tr("Clear all"))
        self.clear_button.setObjectName("clearPointsButton")
        self.clear_button.setToolTip(self.tr("Remove every sample, training and test"))
        self.clear_button.clicked.connect(lambda: self._do(self.editor.clear_points))
        self.regenerate_button = QPushButton(self.tr("Regenerate"))
        self.regenerate_button.setObjectName("regeneratePointsButton")
        self.regenerate_button.setToolTip(
            self.tr("Go back to the generated points of the dataset (Undo brings yours back)")
        )
        self.regenerate_button.clicked.connect(lambda: self._do(self.editor.regenerate_points))
        row.addSpacing(8)
        for widget in (self.class_label, self.class_box, self.target):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        row.addWidget(self.regenerate_button)
        self.tools.hide()
        layout = chart.layout()
        assert layout is not None  # the Output tab's column
        layout.addWidget(self.tools)
        chart.output_plot.scene().installEventFilter(self)
        model.dataChanged.connect(self._on_data_change)
        self._on_data_change()

    # -- state -------------------------------------------------------------------------

    @property
    def tool(self) -> str:
        """The tool chosen (``"add"``, ``"move"`` or ``"erase"``), editing or not."""
        return next(t for t, b in self.tool_buttons.items() if b.isChecked())

    def set_editing(self, on: bool, tool: str | None = None) -> None:
        """Turn the editing mode on or off (with ``tool``, if given)."""
        if tool is not None:
            self.tool_buttons[tool].setChecked(True)
        self.edit_button.setChecked(on)

    def _on_editing(self, on: bool) -> None:
        self.tools.setVisible(on)
        # Room for the longest class name and the arrow, measured in the styled font
        # (the size hint left "1（蓝色）" cut at 1366 px in the dark theme).
        box, metrics = self.class_box, self.class_box.fontMetrics()
        text = max(metrics.horizontalAdvance(box.itemText(i)) for i in range(box.count()))
        box.setMinimumWidth(text + 3 * metrics.height())
        self._set_tool(self.tool if on else None)
        if on:  # where new points go, and that nothing is lost for good
            self.model.message.emit(
                self.tr(
                    "Editing points: click to add a sample, Shift+click to erase one, "
                    "Ctrl+Z to undo"
                )
            )

    def _set_tool(self, tool: str | None) -> None:
        if tool is not None and not self.edit_button.isChecked():
            return  # a tool chosen while not editing waits for the mode
        if tool != self.chart.edit_tool:
            self.chart.edit_tool = tool
            self.chart.editToolChanged.emit()
        view = self.chart.output_plot.viewport()
        if tool is None:
            view.unsetCursor()
        else:
            view.setCursor(_CURSORS[tool])

    @staticmethod
    def _mark(button: QToolButton, on: bool) -> None:
        """The chosen tool in bold: a pressed button barely shows in the dark theme."""
        font = button.font()
        font.setBold(on)
        button.setFont(font)

    def _on_data_change(self) -> None:
        data = self.model.data
        self.edit_button.setVisible(data.is_2d)
        if not data.is_2d:
            self.set_editing(False)
            return
        regression = data.task == "regression"
        self.class_box.setVisible(not regression)
        self.target.setVisible(regression)
        self.class_label.setText(self.tr("New target:") if regression else self.tr("New class:"))

    def new_target(self) -> float:
        """The class (0 or 1) or the target value of the points added next."""
        if self.model.data.task == "regression":
            return float(self.target.value())
        return float(self.class_box.currentIndex())

    # -- the mouse ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Own the map's mouse while editing; let everything through otherwise."""
        tool = self.chart.edit_tool
        kind = event.type()
        if tool is None or kind not in (_Press, _Move, _Release, _DoubleClick):
            return False
        assert isinstance(event, QGraphicsSceneMouseEvent)
        box = self.chart.output_plot.getViewBox()
        inside = box.sceneBoundingRect().contains(event.scenePos())
        if kind == _Press and inside and event.button() == Qt.MouseButton.LeftButton:
            self._press(tool, box.mapSceneToView(event.scenePos()), event.modifiers())
        elif kind == _Move and self._gesture and event.buttons() & Qt.MouseButton.LeftButton:
            self._drag(tool, box.mapSceneToView(event.scenePos()))
        elif kind == _Release:
            self._end()
        return inside or bool(self._gesture)  # the map neither pans nor picks meanwhile

    def _reach(self) -> float:
        size = self.chart.output_plot.getViewBox().viewPixelSize()
        return REACH * max(abs(size[0]), abs(size[1]))

    def _parts(self) -> tuple[str, ...]:
        shown = self.chart.show_test.isChecked() and len(self.model.data.X_test) > 0
        return ("train", "test") if shown else ("train",)

    def _press(self, tool: str, at: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        self._gesture = new_gesture()
        x, y = at.x(), at.y()
        if tool == "add" and modifiers & Qt.KeyboardModifier.ShiftModifier:
            found = nearest_point(self.model.data, x, y, self._reach(), self._parts())
            if found is not None:
                rows = {found[0]: np.array([found[1]])}
                self._do(lambda: self.editor.erase_points(rows, self._gesture))
        elif tool == "add":
            self._do(
                lambda: self.editor.add_points(np.array([[x, y]]), np.array([self.new_target()]))
            )
            self._gesture = 0  # one click, one point
        elif tool == "move":
            self._dragged = nearest_point(self.model.data, x, y, self._reach(), self._parts())
            if self._dragged is None:
                self._gesture = 0
            else:
                self.chart.output_plot.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        else:
            self._erase_at(x, y)

    def _drag(self, tool: str, at: QPointF) -> None:
        if tool == "move" and self._dragged is not None:
            part, row = self._dragged
            x, y = at.x(), at.y()
            self._do(lambda: self.editor.move_point(part, row, x, y, self._gesture))
        elif tool == "erase":
            self._erase_at(at.x(), at.y())

    def _erase_at(self, x: float, y: float) -> None:
        rows = points_within(self.model.data, x, y, self._reach(), self._parts())
        if rows:
            self._do(lambda: self.editor.erase_points(rows, self._gesture))

    def _end(self) -> None:
        if self._dragged is not None:
            self._set_tool(self.chart.edit_tool)  # the open hand again
        self._gesture, self._dragged = 0, None

    def _do(self, action) -> None:
        """Run an edit; a refusal is said in the status bar (nothing changed)."""
        try:
            action()
        except ValueError as exc:
            self.model.message.emit(error_text(exc))
