"""The network canvas: selecting, nudging and editing values, structure edits, big networks."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QWheelEvent
from PySide6.QtWidgets import QLineEdit

from neurongui.engine import Network
from neurongui.engine.explain import explain_neuron
from neurongui.engine.refs import EdgeRef, NeuronRef
from neurongui.main_window import MainWindow
from neurongui.paths import resource_path
from neurongui.views.canvas_maps import NEGATIVE, POSITIVE
from neurongui.views.canvas_zoom import LESSON_TAG


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.canvas.fit()
    return win


def _view_point(canvas, scene_point) -> QPoint:
    return canvas.mapFromScene(scene_point)


def _laptop(window, qtbot) -> None:
    """A 1366x768 window: edges far enough apart on screen for a mouse to pick one (the
    fixture's default window leaves the canvas a few hundred pixels)."""
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.canvas.viewport().width() > 500)


def _screen_rect(canvas, item) -> QRectF:
    """Where ``item`` is drawn in the viewport, in pixels (screen-size items too)."""
    return item.deviceTransform(canvas.viewportTransform()).mapRect(item.boundingRect())


def test_clicking_an_edge_selects_it_and_a_neuron_selects_it(window, qtbot):
    _laptop(window, qtbot)
    canvas = window.canvas
    qtbot.mouseClick(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=_view_point(canvas, canvas.edge_point(1, 0, 1, 0.3)),
    )
    s = window.model.selection
    assert (s.kind, s.layer, s.neuron, s.source) == ("edge", 1, 0, 1)
    qtbot.mouseClick(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=_view_point(canvas, canvas.node_position(0, 2)),
    )
    s = window.model.selection
    assert (s.kind, s.layer, s.neuron) == ("neuron", 0, 2)


def test_ctrl_wheel_nudges_a_weight_and_one_run_is_one_undo_step(window, qtbot):
    _laptop(window, qtbot)
    canvas, net = window.canvas, window.network
    before = net.get_weight(1, 0, 1)
    pos = _view_point(canvas, canvas.edge_point(1, 0, 1, 0.3))
    for _ in range(3):  # pytest-qt has no wheel helper: send the events directly
        event = QWheelEvent(
            QPointF(pos),
            QPointF(canvas.viewport().mapToGlobal(pos)),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.ControlModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        canvas.wheelEvent(event)
    assert net.get_weight(1, 0, 1) == pytest.approx(before + 0.15)
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert net.get_weight(1, 0, 1) == before


def test_alt_drag_is_one_undoable_gesture(window, qtbot):
    _laptop(window, qtbot)
    canvas, net = window.canvas, window.network
    before = net.get_weight(0, 1, 0)
    start = _view_point(canvas, canvas.edge_point(0, 1, 0, 0.3))
    qtbot.mousePress(
        canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier, start
    )
    for dy in (10, 20, 30):
        qtbot.mouseMove(canvas.viewport(), start - QPoint(0, dy))
    qtbot.mouseRelease(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.AltModifier,
        start - QPoint(0, 30),
    )
    assert net.get_weight(0, 1, 0) == pytest.approx(before + 0.3, abs=1e-4)
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert net.get_weight(0, 1, 0) == before


def test_inline_editor_sets_a_bias_and_refuses_text(window, qtbot):
    canvas, net = window.canvas, window.network
    canvas.edit_inline(NeuronRef(0, 1), QPoint(50, 50))
    editor = canvas.findChild(QLineEdit, "inlineEditor")
    with qtbot.waitSignal(window.model.message) as blocker:
        editor.setText("abc")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "not a number" in blocker.args[0]
    assert net.get_bias(0, 1) == 0.0
    editor.setText("−0.75")  # a real minus sign, as students copy it
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert net.get_bias(0, 1) == -0.75
    qtbot.waitUntil(lambda: canvas.findChild(QLineEdit, "inlineEditor") is None)  # closed
    canvas.edit_inline(NeuronRef(0, 1), QPoint(50, 50))
    editor = canvas.findChild(QLineEdit, "inlineEditor")
    editor.setText("－0.25")  # a full-width minus, as a Chinese input method types it
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert net.get_bias(0, 1) == -0.25
    assert window.isWindowModified()


def test_structure_buttons_add_and_remove_and_undo(window):
    canvas, model = window.canvas, window.model
    canvas.add_neuron(0)
    assert window.network.sizes == [2, 5, 2, 1]
    canvas.add_layer()
    assert window.network.sizes == [2, 5, 2, 2, 1]
    canvas.remove_layer()
    canvas.remove_neuron(1)
    assert window.network.sizes == [2, 5, 1, 1]
    for _ in range(4):
        window.undo_stack.undo()
    assert window.network.sizes == [2, 4, 2, 1]
    assert len(canvas.nodes) == 4 and len(canvas.nodes[1]) == 4  # the scene followed
    canvas.set_activation(0, "relu")
    assert model.network.layers[0].activation.name == "relu"


def test_input_features_can_be_changed_for_2d_data(window):
    actions = {a.text(): a for a in window.canvas.features_menu.actions()}
    actions["x₁²"].setChecked(True)
    assert window.network.input_names == ["x₁", "x₂", "x₁²"]
    assert window.model.data.X_train.shape[1] == 3
    window.undo_stack.undo()
    assert window.network.input_names == ["x₁", "x₂"]


def test_tooltip_formula_uses_the_engines_numbers(window):
    text = window.canvas.tooltip_for(NeuronRef(0, 0))
    e = explain_neuron(window.network, window.model.sample, 0, 0)
    z, a = window.network.forward_trace(window.model.sample)[0]
    assert e.z == z[0] and e.a == a[0]
    assert text.startswith("z = w₁x₁ + w₂x₂ + b")
    assert f"{a[0]:.4g}".replace("-", "−") in text


def test_a_784_128_10_network_draws_few_items(window, qtbot):
    net = Network([784, 128, 10], ["relu", "softmax"], seed=0)
    window.model.set_network(net)
    drawn, total = window.canvas.edge_count()
    assert total == 784 * 128 + 128 * 10 and drawn <= 4000
    items = len(window.canvas.scene().items())
    assert items < 1200  # ~922 nodes and a few dozen paths, not 100k edge items
    image = window.canvas.viewport().grab().toImage()
    assert not image.isNull()
    # The strongest weight is among those drawn.
    flat = np.abs(net.layers[0].weights).ravel()
    assert int(np.argmax(flat)) in set(window.canvas.drawn_edges(0).tolist())


def test_plus_button_on_the_canvas_adds_a_neuron(window, qtbot):
    canvas = window.canvas
    plus = next(item for item in canvas.scene().items() if item.toolTip() == "Add a neuron")
    pos = _screen_rect(canvas, plus).center().toPoint()  # drawn at screen size
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sorted(window.network.sizes[1:3]) in ([2, 5], [3, 4])
    assert window.undo_stack.count() == 1


def _fitted_canvas(qtbot, network: Network):
    """The canvas of a 1400×860 window showing ``network``, fitted to its view."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    win.model.set_network(network)
    win.canvas.fit()
    return win.canvas


def test_the_legend_never_covers_a_neuron_of_a_tall_layer(qtbot):
    canvas = _fitted_canvas(qtbot, Network([2, 8, 8, 1], ["tanh", "tanh", "sigmoid"], seed=0))
    legend = canvas.findChild(type(canvas.legend), "canvasLegend")
    lowest = canvas.mapFromScene(canvas.node_position(0, 7))
    assert lowest.y() < legend.y()
    # Nor the caption under it: the whole diagram ends above the legend.
    assert canvas.mapFromScene(canvas.sceneRect().bottomLeft()).y() <= legend.y()


def test_a_layer_of_eight_is_drawn_large_enough_to_read(qtbot):
    canvas = _fitted_canvas(qtbot, Network([4, 8, 3], ["tanh", "softmax"], seed=0))  # Iris
    # The diagram's text shows at this fraction of its size; 0.46 (9 px headers, 5 px
    # captions) when an 8-node column was 532 units tall and the legend's room was
    # kept above the diagram too.
    assert canvas.transform().m11() >= 0.55
    # Everything, up to the + and − buttons above the headers, lies within the view.
    buttons = [item for item in canvas.scene().items() if item.toolTip() == "Add a neuron"]
    assert buttons
    view = QRectF(canvas.viewport().rect())
    for item in buttons:
        assert view.contains(_screen_rect(canvas, item))


def test_columns_up_to_a_few_dozen_nodes_stay_compact_and_nodes_never_touch():
    from neurongui.views.canvas_layout import COMFORTABLE_COLUMN, MAX_COLUMN, STRIP_NODES, Layout

    for n in (1, 2, 5, 8, 10, 27, 64, 784, 5000):
        layout = Layout([n, 3])
        ys, radius = layout.ys[0], layout.radii[0]
        height = ys[-1] - ys[0]
        assert height <= MAX_COLUMN
        if 2 <= n <= 8:
            assert height <= COMFORTABLE_COLUMN
        if 1 < n <= STRIP_NODES:
            assert np.min(np.diff(ys)) > 2 * radius  # a gap between neighbours
        if n > STRIP_NODES:  # a strip: each neuron its own row
            assert layout.node_at(layout.x[0], ys[n // 2]) == (0, n // 2)


def test_each_edge_is_drawn_once_coloured_by_sign_and_thicker_for_larger_weights(window):
    net = Network([2, 2, 1], ["tanh", "sigmoid"], seed=0)
    net.layers[0].weights[:] = [[2.5, -0.05], [0.2, -1.5]]
    net.layers[1].weights[:] = [[0.7, -0.4]]
    window.model.set_network(net)
    drawn = {}  # (colour, pen width) -> number of edges in that path
    for item in window.canvas.edge_items:
        path = item.path()
        if not path.isEmpty():
            key = (item.pen().color().name(), item.pen().widthF())
            drawn[key] = path.elementCount() // 2  # a move and a line per edge
    assert sum(drawn.values()) == 6
    by_width = sorted(drawn.items(), key=lambda kv: kv[0][1])
    (thinnest, _), (thickest, count) = by_width[0], by_width[-1]
    assert thickest[0] == POSITIVE.name() and count == 1  # w = 2.5
    assert thinnest[0] == NEGATIVE.name()  # w = -0.05


# -- a selection never outlives its neuron (issue 14, G1) ----------------------------


def _untick_x2(window):
    action = next(a for a in window.canvas.features_menu.actions() if a.text() == "x₂")
    action.trigger()  # as a click in Network ▸ Input features does


@pytest.mark.parametrize(
    ("select", "change"),
    [
        (
            NeuronRef(0, 3),
            lambda w: w.open_example(resource_path("examples", "single_neuron.json")),
        ),
        (NeuronRef(0, 3), lambda w: w.new_document()),
        (NeuronRef(0, 3), lambda w: w.start_lesson("one_neuron")),
        (NeuronRef(1, 1), lambda w: w.canvas.remove_layer_action.trigger()),
        (NeuronRef(0, 3), lambda w: w.canvas.remove_neuron(0)),  # the − of layer 1
        (EdgeRef(0, 0, 1), _untick_x2),
    ],
    ids=["open", "new", "lesson", "remove-layer", "minus", "untick-input"],
)
def test_a_change_that_removes_the_selected_neuron_or_edge_clears_the_selection(
    window, select, change
):
    if isinstance(select, NeuronRef):
        kind = "neuron"
        window.canvas.select_neuron(select.layer, select.neuron)
    else:
        kind = "edge"
        window.canvas.select_edge(select.layer, select.neuron, select.source)
    assert window.model.selection.kind == kind
    change(window)  # raised IndexError in the canvas before (pytest-qt fails on it)
    assert window.model.selection.kind == "none"
    sizes = [len(column) for column in window.canvas.nodes]
    assert sizes == window.network.sizes
    assert not any(node.selected for column in window.canvas.nodes for node in column)


def test_opening_lesson_2_with_neuron_2_selected_draws_the_lessons_network(window):
    window.canvas.select_neuron(0, 1)  # "neuron 2"
    window.start_lesson("bias_threshold")
    assert window.model.selection.kind == "none"
    assert [len(column) for column in window.canvas.nodes] == window.network.sizes


def test_a_kept_neuron_stays_selected_and_ringed_after_a_structure_edit(window):
    window.canvas.select_neuron(0, 1)
    window.canvas.remove_neuron(0)  # the last neuron of layer 1 goes, neuron 2 stays
    s = window.model.selection
    assert (s.kind, s.layer, s.neuron) == ("neuron", 0, 1)
    ringed = [(n.column, n.index) for column in window.canvas.nodes for n in column if n.selected]
    assert ringed == [(1, 1)]


# -- a layer keeps its last neuron (issue 14, G3) -------------------------------------


def test_the_only_neuron_of_a_layer_cannot_be_removed_from_its_menu(window, qtbot):
    canvas = window.canvas
    for _ in range(3):
        canvas.remove_neuron(0)  # "−" on layer 1, three times
    assert window.network.sizes == [2, 1, 2, 1]
    menu = canvas.menu_for(NeuronRef(0, 0))
    remove = menu.findChild(QAction, "removeNeuronAction")
    assert not remove.isEnabled()
    assert remove.toolTip() == "A layer keeps at least one neuron"
    with qtbot.waitSignal(window.model.message) as said:
        canvas.remove_neuron(0, 0)  # the action's own code refuses, it never raises
    assert "only one neuron" in said.args[0]
    assert window.network.sizes == [2, 1, 2, 1]
    assert window.undo_stack.count() == 3


def test_a_neuron_of_a_bigger_layer_is_removed_from_its_menu(window):
    menu = window.canvas.menu_for(NeuronRef(0, 1))
    remove = menu.findChild(QAction, "removeNeuronAction")
    assert remove.isEnabled()
    remove.trigger()
    assert window.network.sizes == [2, 3, 2, 1]
    assert window.canvas.menu_for(NeuronRef(2, 0)).findChild(QAction, "removeNeuronAction") is None
    assert window.canvas.menu_for(NeuronRef(-1, 0)) is None


# -- big networks and readable text (issue 14 F7, issue 13 item 3) -----------------


def test_a_90000_input_network_is_a_few_dozen_items(qtbot):
    canvas = _fitted_canvas(qtbot, Network([90_000, 2, 1], ["tanh", "sigmoid"], seed=0))
    # One picture for the 90,000 inputs, a dozen edge paths, headers: not 270,000 items.
    assert len(canvas.scene().items()) < 100
    drawn, total = canvas.edge_count()
    assert (drawn, total) == (1500, 180_002)
    # An input is still found under the mouse, and named in its tooltip.
    target = canvas.target_at(canvas.node_position(-1, 45_000))
    assert target == NeuronRef(-1, 45_000)


def _check_text_readable(canvas) -> None:
    shown = [t for t in canvas.screen_texts() if t.text]
    assert shown
    view = QRectF(canvas.viewport().rect())
    for text in shown:
        left, top, width, height = text.screen_rect(canvas)
        assert height >= 10, text.text  # pixels on screen, whatever the zoom
        assert view.contains(QRectF(left, top, width, height)), text.text
    headers = [t.text for column in canvas.headers for t in column]
    assert all(headers), headers  # every header shows, in full or short


@pytest.mark.parametrize(
    "sizes",
    [[4, 8, 3], [64, 32, 10], [1, 8, 1], [90_000, 2, 1], [784, 128, 10]],
    ids=["iris", "digits", "1-8-1", "90000", "784"],
)
def test_the_diagrams_text_is_at_least_10_px_at_the_fitted_zoom(qtbot, sizes):
    acts = ["tanh"] * (len(sizes) - 2) + ["softmax" if sizes[-1] > 1 else "sigmoid"]
    canvas = _fitted_canvas(qtbot, Network(sizes, acts, seed=0))
    _check_text_readable(canvas)


def test_iris_and_digits_show_their_class_names_and_the_digit_image(window, qtbot):
    window.resize(1366, 768)
    window.open_example(resource_path("examples", "iris.json"))
    names = [t.text for t in window.canvas.side_labels[2]]
    assert names == ["setosa", "versicolor", "virginica"]
    _check_text_readable(window.canvas)
    window.open_example(resource_path("examples", "digits.json"))
    canvas = window.canvas
    assert [t.text for t in canvas.side_labels[2]] == [str(d) for d in range(10)]
    # Only the strongest few per node: 6 × 106 nodes of the 2,368 edges.
    assert canvas.edge_count() == (636, 2368)
    image = canvas.input_picture()
    assert (image.width(), image.height()) == (8, 8)
    # A pixel of the image is an input: clicking it selects that input.
    pixel = canvas.node_position(-1, 8 * 3 + 5)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=_view_point(canvas, pixel))
    s = window.model.selection
    assert (s.kind, s.layer, s.neuron) == ("neuron", -1, 29)
    _check_text_readable(canvas)


def test_fit_survives_a_click_on_empty_canvas_but_not_a_zoom(window, qtbot):
    canvas = window.canvas
    empty = QPoint(canvas.viewport().width() - 40, 20)
    assert canvas.target_at(canvas.mapToScene(empty)) is None
    fitted = canvas.scale_now()
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    assert canvas.fitting
    window.resize(window.width() + 200, window.height())
    qtbot.waitUntil(lambda: canvas.scale_now() != fitted)  # refitted to the wider view
    canvas.zoom_in_action.trigger()
    assert not canvas.fitting
    zoomed = canvas.scale_now()
    window.resize(window.width() - 200, window.height())
    qtbot.waitUntil(lambda: canvas.viewport().width() < 2000)
    assert canvas.scale_now() == pytest.approx(zoomed)  # a resize keeps the zoom
    canvas.fit_action.trigger()
    assert canvas.fitting and canvas.scale_now() != pytest.approx(zoomed)


def test_wheel_zoom_turns_fit_off(window):
    canvas = window.canvas
    pos = QPointF(50, 50)
    event = QWheelEvent(
        pos,
        QPointF(canvas.viewport().mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    before = canvas.scale_now()
    canvas.wheelEvent(event)
    assert canvas.scale_now() == pytest.approx(before * 1.0015**120)
    assert not canvas.fitting


def test_zoom_in_and_out_keep_the_headers_and_buttons_in_view(qtbot):
    canvas = _fitted_canvas(qtbot, Network([4, 8, 3], ["tanh", "softmax"], seed=0))
    view = QRectF(canvas.viewport().rect())
    for action in ["zoom_in_action"] * 3 + ["zoom_out_action"] * 5:
        getattr(canvas, action).trigger()
        for column in canvas.headers:
            title = column[0]
            _, top, _, height = title.screen_rect(canvas)
            assert 0 <= top and top + height <= view.height()
        buttons = ("Add a neuron", "Remove a neuron")
        for button in [i for i in canvas.scene().items() if i.toolTip() in buttons]:
            rect = _screen_rect(canvas, button)
            assert 0 <= rect.top() and rect.bottom() <= view.height()


def test_opening_a_network_builds_the_scene_once(window, monkeypatch):
    canvas, built = window.canvas, []
    clear = canvas.scene().clear
    monkeypatch.setattr(canvas.scene(), "clear", lambda: (built.append(1), clear()))
    window.model.set_network(Network([5, 3, 1], ["tanh", "sigmoid"], seed=0))
    assert len(built) == 1


def test_the_lesson_tag_is_the_overlays():
    from neurongui.views.canvas_overlay import OVERLAY_TAG
    from neurongui.views.canvas_zoom import LESSON_TAG

    assert LESSON_TAG == OVERLAY_TAG


@pytest.mark.parametrize("dark", [False, True])
def test_the_selected_neuron_is_ringed_outside_its_map_in_both_themes(window, dark):
    canvas = window.canvas
    canvas.set_dark(dark)
    canvas.select_neuron(0, 1)
    ring = canvas.selection_mark
    centre = canvas.node_position(0, 1)
    rect = ring.path().boundingRect()
    radius = canvas.nodes[1][1].radius
    assert rect.center() == centre and rect.width() / 2 > radius  # around, not on, the map
    colour = ring.pen().color()
    assert ring.pen().isCosmetic() and ring.pen().widthF() == 3.0
    background = canvas.backgroundBrush().color()
    # Red, and far from the background in either theme.
    assert colour.red() > 200 and abs(colour.lightness() - background.lightness()) > 80


def test_the_softmax_lessons_species_boxes_replace_the_class_names(window, qtbot):
    window.resize(1366, 768)
    window.start_lesson("softmax")
    canvas = window.canvas
    labels = canvas.side_labels[len(window.network.layers)]
    qtbot.waitUntil(lambda: any(item.data(0) == LESSON_TAG for item in canvas.scene().items()))
    window.model.select_sample(1)  # a redraw of the diagram
    assert [t.text for t in labels] == ["", "", ""]  # the lesson's own boxes show them
