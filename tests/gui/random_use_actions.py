"""The random-use driver's actions on the newer features (see ``test_random_use.py``).

Editing 2-D points (through the window's editor, the point editor's controls and the
mouse on the Output map), the probe (set in code and typed in the Samples panel), the
Practice and Coach docks and their controls, the Inspector's gradient check, the
script exports, the glossary and What's This. Each action returns its log line.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QSlider,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from neurongui.engine.refs import EdgeRef, NeuronRef

#: The tool docks and the Practice menu's entries that open them.
DOCKS = ("practiceDock", "stagesAction", "drawAction", "matrixDock", "surfaceDock")
DOCKS += ("coachDock", "sampleDock")
#: Text a student may type as an input of their own.
TYPED = ("0.5", "−2", "1e308", "-1e308", "1e309", "abc", "", "nan", "1,5", "5e-324", "1000")
#: Probe values: ordinary, far out and huge.
PROBES = (0.0, 0.5, -3.0, 40.0, -1e6, 1e308, -1e308, 5e-324)


class ToolActions:
    """Actions for :class:`Driver` (which provides ``window``, ``rng``, ``qtbot``,
    ``tmp``, ``log`` and ``pick``)."""

    window: object
    rng: random.Random
    tmp: Path

    def tool_actions(self) -> list[tuple[int, object]]:
        """(weight, action) of the actions below."""
        return [
            (4, self.edit_points),
            (2, self.point_tools),
            (2, self.map_mouse),
            (2, self.empty_set),
            (2, self.probe),
            (2, self.typed_probe),
            (3, self.tool_dock),
            (3, self.dock_control),
            (2, self.gradient_check),
            (1, self.export_script),
            (1, self.glossary),
            (1, self.whats_this),
        ]

    # -- points ------------------------------------------------------------------------

    def _targets(self, n: int) -> np.ndarray:
        data = self.window.model.data
        if data.task == "regression":
            return np.array([self.rng.uniform(-1.0, 1.0) for _ in range(n)])
        return np.array([float(self.rng.randrange(2)) for _ in range(n)])

    def edit_points(self) -> str:
        model, editor = self.window.model, self.window.editor
        data = model.data
        if not data.is_2d:
            return "points: the data are not 2-D"
        how = self.pick(["add", "add", "far", "move", "erase", "clear", "regenerate"])
        try:
            if how in ("add", "far"):
                n = self.rng.choice([1, 1, 3, 40])
                scale = 6.0 if how == "add" else self.pick([50.0, 1e6, 1e150])
                points = np.array([[self.rng.uniform(-scale, scale)] * 2 for _ in range(n)])
                points[:, 1] *= self.rng.uniform(-1, 1)
                editor.add_points(points, self._targets(n))
                return f"add {n} points within ±{scale:g}"
            if how == "move":
                part = self.pick(["train", "test"])
                points = data.points_train if part == "train" else data.points_test
                if not len(points):
                    return f"move: no {part} point"
                index = self.rng.randrange(len(points))
                x, y = (self.rng.uniform(-1, 1) * self.pick([3.0, 1e3, 1e200]) for _ in "xy")
                editor.move_point(part, index, x, y)
                return f"move {part} point {index} to ({x:g}, {y:g})"
            if how == "erase":
                n = len(data.points_train)
                rows = np.array(sorted(self.rng.sample(range(n), min(n, self.rng.randint(1, 5)))))
                editor.erase_points({"train": rows.astype(int)})
                return f"erase train rows {rows.tolist()}"
            if how == "clear":
                editor.clear_points()
                return "Clear all points"
            editor.regenerate_points()
            return "Regenerate the points"
        except ValueError as exc:  # refused, as the map's tools say in the status bar
            return f"points {how}: refused ({exc})"

    def point_tools(self) -> str:
        tools = self.window.charts.point_editor
        if not self.window.model.data.is_2d:
            return "point tools: hidden (not 2-D)"
        self.window.charts.tabs.setCurrentIndex(1)
        if not tools.edit_button.isChecked() or self.rng.random() < 0.2:
            tools.edit_button.click()
            return f"Edit points (on={tools.edit_button.isChecked()})"
        controls = [
            w
            for w in tools.tools.findChildren(QWidget)
            if isinstance(w, QAbstractButton | QComboBox | QAbstractSpinBox)
            and w.isEnabled()
            and w.isVisibleTo(tools.tools)
        ]
        return "point tools: " + poke(self.rng, self.pick(controls))

    def map_mouse(self) -> str:
        """A real click or drag on the Output plot, editing or choosing."""
        charts = self.window.charts
        charts.tabs.setCurrentIndex(1)
        plot = charts.output_tab.output_plot
        if not plot.isVisible():
            return "map mouse: no map shown"
        view = plot.viewport()
        w, h = view.width(), view.height()
        data = self.window.model.data
        points = data.points_train if data.is_2d else None
        spots = []
        for _ in range(self.rng.choice([1, 1, 2, 5])):
            if points is not None and len(points) and self.rng.random() < 0.5:  # on a dot
                x, y = points[self.rng.randrange(len(points))]
                scene = plot.getViewBox().mapViewToScene(QPointF(float(x), float(y)))
                spot = plot.mapFromScene(scene)
            else:  # anywhere, the margins and beyond the edge too
                spot = QPoint(self.rng.randint(-5, w + 5), self.rng.randint(-5, h + 5))
            spots.append(spot)
        shift = self.rng.random() < 0.3
        modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
        left = Qt.MouseButton.LeftButton
        self.qtbot.mousePress(view, left, modifier, spots[0])
        for spot in spots[1:]:
            pos = QPointF(spot)
            event = QMouseEvent(
                QMouseEvent.Type.MouseMove, pos, view.mapToGlobal(pos), Qt.MouseButton.NoButton,
                left, modifier,
            )  # fmt: skip
            QApplication.sendEvent(view, event)
        self.qtbot.mouseRelease(view, left, modifier, spots[-1])
        tool = charts.output_tab.edit_tool or "choose"
        where = ", ".join(f"({p.x()}, {p.y()})" for p in spots)
        return f"mouse on the map ({tool}, shift={shift}): {where}"

    def empty_set(self) -> str:
        """Clear every point, then do something that needs samples."""
        if not self.window.model.data.is_2d:
            return "empty set: the data are not 2-D"
        self.window.editor.clear_points()
        then = self.pick(
            [self.train, self.sample, self.gradient_check, self.probe, self.dock_control]
        )
        return "Clear all, then " + then()

    # -- the probe -----------------------------------------------------------------------

    def probe(self) -> str:
        model = self.window.model
        if self.rng.random() < 0.25:
            model.set_probe(None)
            return "probe: none"
        n = model.network.n_inputs
        values = [self.pick(PROBES) for _ in range(n)]
        model.set_probe(np.array(values))
        return f"probe {values}"

    def typed_probe(self) -> str:
        tools = self.window.tools
        tools.show_dock("sampleDock")
        panel = tools.samples
        if not panel.fields:
            return "typed probe: no fields"
        typed = [self.pick(TYPED) for _ in panel.fields]
        for field, text in zip(panel.fields, typed, strict=True):
            field.setText(text)
        if self.rng.random() < 0.5:
            panel.show_button.click()
        else:
            panel.fields[-1].returnPressed.emit()  # Enter
        return f"typed probe {typed}"

    # -- tools -------------------------------------------------------------------------

    def tool_dock(self) -> str:
        tools = self.window.tools
        if self.rng.random() < 0.35:
            name = self.pick(tools.docks)
            tools.docks[name].close()
            return f"close {name}"
        name = self.pick(DOCKS)
        tools.show_dock(name)
        return f"open {name}"

    def dock_control(self) -> str:
        """Poke an enabled control of an open tool dock (the timeline's too)."""
        tools = self.window.tools
        places = [d for d in tools.docks.values() if d.isVisible()] or [tools.timeline]
        place = self.pick(places)
        controls = [
            w
            for w in place.findChildren(QWidget)
            if isinstance(w, QAbstractSpinBox | QComboBox | QAbstractButton | QSlider | QTabWidget)
            and w.isEnabled()
            and w.isVisible()
            # Floating a dock: the offscreen platform warns it cannot raise() a window.
            and w.objectName() != "qt_dockwidget_floatbutton"
        ]
        if not controls:
            return f"{place.objectName()}: no enabled control"
        return f"{place.objectName()}: " + poke(self.rng, self.pick(controls))

    def gradient_check(self) -> str:
        net, canvas = self.window.network, self.window.canvas
        layer = self.rng.randrange(len(net.layers))
        neuron = self.rng.randrange(net.sizes[layer + 1])
        if self.rng.random() < 0.6:
            source = self.rng.randrange(net.sizes[layer])
            canvas.select_edge(layer, neuron, source)
            ref: object = EdgeRef(layer, neuron, source)
        else:
            canvas.select_neuron(layer, neuron)
            ref = NeuronRef(layer, neuron)
        box = self.window.inspector.gradient_check
        box.update_check()
        verdict = box.result.verdict if box.result is not None else "none"
        return f"gradient check of {ref}: {verdict}"

    # -- files and help ----------------------------------------------------------------

    def export_script(self) -> str:
        kind = self.pick(["numpy", "torch"])
        path = self.tmp / f"net{len(self.log)}_{kind}.py"
        done = self.window.export_model(kind, path)
        return f"export {kind} script (done={done})"

    def glossary(self) -> str:
        dialog = self.window.show_glossary()
        text = self.pick(["", "loss", "梯度", "zzz", "relu", "Σ", "w"])
        dialog.search.setText(text)
        rows = dialog.table.rowCount()
        dialog.close()
        dialog.deleteLater()
        return f"glossary: search {text!r} ({rows} rows)"

    def whats_this(self) -> str:
        widgets = [w for w in self.window.findChildren(QWidget) if w.isVisible()]
        widget = self.pick(widgets)
        text = self.window.whats_this.text_for(widget)
        name = widget.objectName() or type(widget).__name__
        return f"what's this {name}: {len(text)} characters"


def poke(rng: random.Random, widget: QWidget) -> str:
    """Change ``widget`` as a user would: a spin box to an end or a value inside, a
    combo box to an entry, a click on a button, a tab."""
    name = widget.objectName() or type(widget).__name__
    if isinstance(widget, QSpinBox | QDoubleSpinBox | QSlider):
        lo, hi = widget.minimum(), widget.maximum()
        value = rng.choice([lo, hi, lo + (hi - lo) * rng.random()])
        if isinstance(widget, QSpinBox | QSlider):
            value = round(value)
        widget.setValue(value)
        if isinstance(widget, QAbstractSpinBox):
            widget.editingFinished.emit()
        return f"{name} = {value!r}"
    if isinstance(widget, QComboBox):
        index = rng.randrange(widget.count()) if widget.count() else -1
        widget.setCurrentIndex(index)
        widget.activated.emit(index)
        return f"{name} → {widget.itemText(index)!r}"
    if isinstance(widget, QTabWidget):
        index = rng.randrange(widget.count())
        widget.setCurrentIndex(index)
        return f"{name} tab {index}"
    widget.click()
    return f"click {name} {getattr(widget, 'text', lambda: '')()!r}"
