"""Choosing the input on the Output tab with the mouse: a click on a dot chooses that
sample everywhere, a drag tries the student's own input, and every plot marks it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDockWidget

from neurongui.engine.features import compute_features
from neurongui.engine.refs import NeuronRef
from neurongui.views.canvas_maps import colours_for
from neurongui.views.map_pointer import PICK_PIXELS

OUTPUT = 1


@pytest.fixture
def charts(window, qtbot):
    """The charts on the Output tab, the map of the default 2-D data drawn."""
    window.resize(1400, 860)
    charts = window.charts
    charts.tabs.setCurrentIndex(OUTPUT)
    qtbot.waitUntil(lambda: _shown(charts.train_points) > 0)
    return charts


def _shown(item) -> int:
    x = item.getData()[0]
    return 0 if x is None else len(x)


def _view_pos(charts, x: float, y: float) -> QPoint:
    """Where the data point (x, y) is on the plot's viewport: data → scene → view."""
    box = charts.output_plot.getPlotItem().getViewBox()
    scene = box.mapViewToScene(QPointF(x, y))
    return charts.output_plot.mapFromScene(scene)


def _positions(charts, x, y) -> np.ndarray:
    """Viewport positions of many data points, one by one, as (n, 2)."""
    points = [_view_pos(charts, a, b) for a, b in zip(x, y, strict=True)]
    return np.array([[p.x(), p.y()] for p in points])


def _data_at(charts, pos: QPoint) -> tuple[float, float]:
    """The data coordinates under the viewport position ``pos``: view → scene → data."""
    box = charts.output_plot.getPlotItem().getViewBox()
    point = box.mapSceneToView(charts.output_plot.mapToScene(pos))
    return point.x(), point.y()


def _lonely_sample(charts, which: str = "train") -> int:
    """A dot with no other dot within 3 pixels, so a click on it means it alone."""
    item = charts.train_points if which == "train" else charts.test_points
    x, y = item.getData()
    pos = _positions(charts, x, y)
    for i in range(len(pos)):
        d = np.hypot(*(pos - pos[i]).T)
        d[i] = np.inf
        if d.min() > 3 and 20 < pos[i, 0] < charts.output_plot.width() - 20:
            return i
    raise AssertionError("no dot stands alone")


def _empty_spot(charts) -> QPoint:
    """A place on the plot far from every dot."""
    dots = _positions(charts, *charts.train_points.getData())
    box = charts.output_plot.getPlotItem().getViewBox().sceneBoundingRect()
    return next(
        QPoint(px, py)
        for px in range(int(box.left()) + 10, int(box.right()) - 10, 5)
        for py in range(int(box.top()) + 10, int(box.bottom()) - 10, 5)
        if np.hypot(*(dots - (px, py)).T).min() > 4 * PICK_PIXELS
    )


def _click(qtbot, charts, pos: QPoint, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(charts.output_plot.viewport(), Qt.MouseButton.LeftButton, modifier, pos)


def _dot(charts, index: int, which: str = "train") -> QPoint:
    item = charts.train_points if which == "train" else charts.test_points
    x, y = item.getData()
    return _view_pos(charts, x[index], y[index])


def test_a_click_on_a_dot_chooses_it_and_the_inspector_computes_with_it(window, charts, qtbot):
    model = window.model
    window.canvas.select_neuron(0, 1)
    index = _lonely_sample(charts)
    assert index != model.sample_index
    _click(qtbot, charts, _dot(charts, index))
    assert model.sample_index == index and model.probe is None
    # The Inspector's z and a, against a forward pass computed here from the weights.
    x = model.data.inputs("train", index)
    layer = model.network.layers[0]
    assert layer.activation.name == "tanh"
    z = float(layer.weights[1] @ x + layer.biases[1])
    qtbot.waitUntil(lambda: f"for sample {index + 1}" in window.inspector.title.text())
    table = window.inspector.table
    shown = [float(table.item(row, 3).text().replace("−", "-")) for row in (3, 4)]
    assert shown == pytest.approx([z, np.tanh(z)], rel=1e-3, abs=1e-4)
    products = [float(table.item(i, 3).text().replace("−", "-")) for i in range(2)]
    assert products == pytest.approx(layer.weights[1] * x, rel=1e-3, abs=1e-4)
    # The activation plot's marker sits at the same (z, a) (its dock may share a tab).
    panel = window.activation_panel
    window.findChild(QDockWidget, "activationDock").raise_()
    qtbot.waitUntil(lambda: panel.marker_position() is not None)
    assert panel.marker_position() == pytest.approx((z, np.tanh(z)))


def test_the_chosen_sample_is_ringed_on_the_map_and_selected_in_the_table(window, charts, qtbot):
    model, marks = window.model, charts.map_pointer.marks
    window.tools.show_dock("sampleDock")
    index = _lonely_sample(charts)
    _click(qtbot, charts, _dot(charts, index))
    point = tuple(model.data.points_train[index])
    assert marks.ring_at == pytest.approx(point) and marks.cross_at is None
    for item in marks.ring:
        assert item.isVisible()
        assert (item.getData()[0][0], item.getData()[1][0]) == pytest.approx(point)
    assert f"Sample {index + 1} (target" in marks.note.text()
    panel = window.tools.samples
    rows = panel.table.selectionModel().selectedRows()
    assert [panel.proxy.mapToSource(r).row() for r in rows] == [index]


def test_a_click_on_empty_space_keeps_the_sample(window, charts, qtbot):
    model = window.model
    model.select_sample(3)
    _click(qtbot, charts, _empty_spot(charts))
    assert model.sample_index == 3 and model.probe is None
    assert charts.map_pointer.marks.ring_at == pytest.approx(tuple(model.data.points_train[3]))


def test_while_data_editing_has_the_mouse_a_click_chooses_nothing(window, charts, qtbot):
    model = window.model
    index = _lonely_sample(charts)
    charts.output_tab.edit_tool = "add"  # as the data editor sets it
    _click(qtbot, charts, _dot(charts, index))
    assert model.sample_index == 0 and model.probe is None
    charts.output_tab.edit_tool = None
    _click(qtbot, charts, _dot(charts, index))
    assert model.sample_index == index


def test_dragging_a_dot_moves_your_own_input_and_the_diagram_follows(window, charts, qtbot):
    model, pointer = window.model, charts.map_pointer
    viewport = charts.output_plot.viewport()
    start = _dot(charts, _lonely_sample(charts))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    path = [start + QPoint(6 * k, -4 * k) for k in range(1, 8)]
    for pos in path[:-1]:
        qtbot.mouseMove(viewport, pos)
    qtbot.waitUntil(lambda: pointer.updates >= 1)  # set during the drag, not only at the end
    assert model.probe is not None
    qtbot.mouseMove(viewport, path[-1])
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=path[-1])
    point = _data_at(charts, path[-1])
    expected = compute_features(np.array([point]), model.network.input_names)[0]
    assert model.probe == pytest.approx(expected)
    assert pointer.marks.cross_at == pytest.approx(point) and pointer.marks.ring_at is None
    assert "Your own input at x₁ = " in pointer.marks.note.text()
    # The diagram's output node takes the colour of the output for the probe,
    # computed here layer by layer from the weights.
    a = expected
    for layer in model.network.layers:
        z = layer.weights @ a + layer.biases
        a = np.tanh(z) if layer.activation.name == "tanh" else 1 / (1 + np.exp(-z))
    output = window.canvas._nodes[-1][0]
    qtbot.waitUntil(lambda: output.colour == colours_for(a, -1.0, 1.0, False)[0])
    # The sample panel's own-input fields follow the drag.
    fields = window.tools.samples.fields
    assert [float(f.text().replace("−", "-")) for f in fields] == pytest.approx(
        list(expected), rel=1e-3, abs=1e-3
    )


def test_shift_click_puts_your_own_input_where_the_mouse_is(window, charts, qtbot):
    model = window.model
    model.select_sample(5)
    box = charts.output_plot.getPlotItem().getViewBox()
    pos = _view_pos(charts, -4.5, 4.5)
    assert box.sceneBoundingRect().contains(QPointF(pos))
    _click(qtbot, charts, pos, Qt.KeyboardModifier.ShiftModifier)
    assert model.probe == pytest.approx(np.array(_data_at(charts, pos)))
    # A click on a dot goes back to the data.
    index = _lonely_sample(charts)
    _click(qtbot, charts, _dot(charts, index))
    assert model.probe is None and model.sample_index == index


def test_a_test_dot_is_shown_as_your_own_input_at_its_place(window, charts, qtbot):
    charts.show_test.setChecked(True)
    qtbot.waitUntil(lambda: _shown(charts.test_points) > 0)
    model = window.model
    index = _lonely_sample(charts, "test")
    _click(qtbot, charts, _dot(charts, index, "test"))
    assert model.probe == pytest.approx(model.data.inputs("test", index))
    marks = charts.map_pointer.marks
    assert marks.cross_at == pytest.approx(tuple(model.data.points_test[index]))


def test_the_curve_plot_chooses_and_rings_a_sample_too(window, charts, qtbot):
    model = window.model
    model.set_config(model.config.with_changes(dataset="line", loss="mse"))
    charts.tabs.setCurrentIndex(OUTPUT)
    qtbot.waitUntil(lambda: _shown(charts.fit_curve) == 200)
    index = _lonely_sample(charts)
    _click(qtbot, charts, _dot(charts, index))
    assert model.sample_index == index
    marks = charts.map_pointer.marks
    x, y = charts.train_points.getData()
    assert marks.ring_at == pytest.approx((x[index], y[index]))


def test_the_confusion_matrix_outlines_the_chosen_samples_cell(window, charts, qtbot):
    model = window.model
    model.set_config(model.config.with_changes(dataset="iris", loss="cross_entropy"))
    charts.tabs.setCurrentIndex(OUTPUT)
    marks = charts.map_pointer.marks
    qtbot.waitUntil(lambda: len(charts.output_tab.cell_texts) == 9)
    for index in (0, 7):
        model.select_sample(index)
        out = model.network.forward(model.data.inputs("train", index)[None, :])[0]
        cell = (int(np.argmax(model.data.Y_train[index])), int(np.argmax(out)))
        assert marks.cell_at == cell
        true, chosen = cell
        assert marks.cell[1].isVisible()
        assert marks.cell[1].rect().center().x() == pytest.approx(chosen + 0.5)
        assert marks.cell[1].rect().center().y() == pytest.approx(3 - true - 0.5)
    model.set_probe(model.data.inputs("train", 1) + 0.5)
    assert marks.cell_at is None and not marks.cell[1].isVisible()


def test_another_sample_moves_the_histograms_marker_without_recounting(window, qtbot):
    """A drag sets a new sample many times a second; the histogram of the training
    set stays as it is (recounting cost 30 ms a step on a 784-wide layer)."""
    panel = window.activation_panel
    window.findChild(QDockWidget, "activationDock").raise_()
    window.canvas.select_neuron(0, 1)
    qtbot.waitUntil(lambda: panel.marker_position() is not None)
    counts = []
    original = panel._draw_histogram
    panel._draw_histogram = lambda *args: (counts.append(args), original(*args))
    model = window.model
    model.set_probe(np.array([0.5, -0.25]))
    layer = model.network.layers[0]
    z = float(layer.weights[1] @ np.array([0.5, -0.25]) + layer.biases[1])
    qtbot.waitUntil(lambda: panel.marker_position() == pytest.approx((z, np.tanh(z))))
    assert panel.hist_marker.value() == pytest.approx(z) and counts == []
    window.editor.set_bias(NeuronRef(0, 1), 0.5)  # the weights changed: so do the counts
    qtbot.waitUntil(lambda: len(counts) == 1)


def test_a_probe_dragged_off_the_data_stays_in_sight_and_is_called_a_guess(window, charts, qtbot):
    model, marks = window.model, charts.map_pointer.marks
    viewport = charts.output_plot.viewport()
    start = _dot(charts, _lonely_sample(charts))
    end = QPoint(viewport.width() - 1, start.y())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(20, 0))
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    box = charts.output_plot.getPlotItem().getViewBox()
    x1 = box.viewRange()[0][1]
    x = model.probe[0]
    assert x > model.data.points_train[:, 0].max()  # beyond every training sample
    assert x < x1 and marks.cross_at[0] == pytest.approx(x)  # the whole cross in sight
    assert "outside the training data" in marks.note.text()


def _hover(widget, pos: QPoint) -> None:
    """A move with no button down, sent straight to ``widget`` (QTest's moves can be
    dropped as repeats of an earlier test's position)."""
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_the_pointer_becomes_a_hand_over_a_dot(window, charts, qtbot):
    viewport = charts.output_plot.viewport()
    _hover(viewport, _dot(charts, _lonely_sample(charts)))
    assert viewport.cursor().shape() == Qt.CursorShape.PointingHandCursor
    _hover(viewport, _empty_spot(charts))
    assert viewport.cursor().shape() != Qt.CursorShape.PointingHandCursor


def test_a_probe_with_every_point_erased_is_called_a_guess(window, charts):
    """Found by the random test: the range of no training sample raised in the slot."""
    window.editor.clear_points()
    window.model.set_probe(np.array([40.0, 0.5]))
    marks = charts.map_pointer.marks
    marks.refresh()
    assert "Your own input at" in marks.note.text()
    assert "outside the training data" in marks.note.text()


def test_a_click_on_a_dot_with_the_probe_at_1e308_chooses_the_dot(window, charts, qtbot):
    """Found by the random test: the viewport position of a cross at −1e308 overflowed
    in the mouse's event filter (a warning, an exception in the tests)."""
    model = window.model
    model.set_probe(np.array([-1e308, 0.5]))
    assert charts.map_pointer.marks.cross_at[0] == -1e308
    index = _lonely_sample(charts)
    _click(qtbot, charts, _dot(charts, index))
    assert model.sample_index == index and model.probe is None
