"""What the diagram's colours, captions and legend tell a student, and that its text
never lands on a node or under the zoom buttons."""

import csv
import re

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QWidget

from neurongui.engine import Network
from neurongui.engine.numbers import format_number
from neurongui.main_window import MainWindow
from neurongui.paths import resource_path
from neurongui.views.canvas_maps import POSITIVE

#: The neutral colour of 0 (the palette's middle), light and dark theme.
NEUTRAL = {False: (250, 250, 250), True: (92, 96, 104)}
ORANGE, BLUE = (245, 147, 34), (8, 119, 189)


def _expected(value: float, dark: bool) -> tuple[int, int, int]:
    """The fill of a node of ``value``, computed here from the palette's three colours:
    linear from the neutral middle to orange at −1 and blue at +1, clipped beyond."""
    v = float(np.clip(value, -1.0, 1.0))
    end = BLUE if v >= 0 else ORANGE
    return tuple(round(m + abs(v) * (e - m)) for m, e in zip(NEUTRAL[dark], end, strict=True))


def _fill(node) -> tuple[int, int, int]:
    """The colour a node is drawn in: its disc, or the ring around its map."""
    colour = node.colour  # the disc, or the ring around a map (grey where too pale)
    return colour.red(), colour.green(), colour.blue()


def _close(a, b, tol=1):
    # The palette is a 1024-step table: a value lands within half a step, < 1 unit of colour.
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def _window(qtbot, size=(1366, 768)):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win


def _relu_net() -> Network:
    """x → 2 ReLU → 1 sigmoid: hidden neuron 1 is 0 for every sample (weights 0, b < 0)."""
    net = Network([2, 2, 1], ["relu", "sigmoid"], seed=0)
    for source in range(2):
        net.set_weight(0, 0, source, 0.0)
    net.set_bias(0, 0, -1.0)
    return net


@pytest.mark.parametrize("dark", [False, True])
def test_every_node_is_coloured_on_one_scale_with_zero_neutral(qtbot, dark):
    win = _window(qtbot)
    win.canvas.set_dark(dark)
    net = _relu_net()
    win.model.set_network(net)
    canvas, x = win.canvas, win.model.sample
    # Independently: the inputs divided by max(1, largest |x|), then the two layers.
    scale = max(1.0, float(np.abs(x).max()))
    h = np.maximum(net.layers[0].weights @ x + net.layers[0].biases, 0.0)
    y = 1 / (1 + np.exp(-(net.layers[1].weights @ h + net.layers[1].biases)))
    assert h[0] == 0.0
    for i in range(2):
        assert _close(_fill(canvas.nodes[0][i]), _expected(x[i] / scale, dark))
        assert _close(_fill(canvas.nodes[1][i]), _expected(h[i], dark))
    # A ReLU output of 0 is as neutral as an input of 0 would be, not orange.
    assert _fill(canvas.nodes[1][0]) == NEUTRAL[dark]
    # A sigmoid output is coloured by its value, not around 0.5: 0.5 is half blue.
    assert _close(_fill(canvas.nodes[2][0]), _expected(y[0], dark))
    assert _fill(canvas.nodes[2][0]) != _expected(y[0] - 0.5, dark) or y[0] == 0.5


def test_the_legend_explains_node_colours_with_the_nodes_own_colours(qtbot):
    win = _window(qtbot)
    win.model.set_network(_relu_net())
    text = win.canvas.legend.text()
    assert "Neuron colour = its output (x or a):" in text
    chips = re.findall(r"background-color:rgb\((\d+),(\d+),(\d+)\)[^>]*>&nbsp;([^&]+)&nbsp;", text)
    shown = {label: tuple(int(c) for c in rgb) for *rgb, label in chips}
    assert list(shown) == ["−1", "−0.5", "0", "0.5", "1"]
    for label, rgb in shown.items():
        assert _close(rgb, _expected(float(label.replace("−", "-")), False))
    # The chip of 0 is exactly the colour of the ReLU neuron whose output is 0.
    assert shown["0"] == _fill(win.canvas.nodes[1][0])
    assert "w&nbsp;=&nbsp;0" in text and "positive weight" in text


def test_the_legend_says_which_sample_the_diagram_shows_and_follows_it(qtbot):
    win = _window(qtbot)
    model, legend = win.model, win.canvas.legend
    x = model.sample
    values = ", ".join(format_number(v) for v in x)
    assert f"Showing sample {model.sample_index + 1}: x = ({values})" in legend.text()
    with qtbot.waitSignal(model.sampleChanged):
        model.select_sample(4)
    x = model.data.X_train[4]
    values = ", ".join(format_number(v) for v in x)
    qtbot.waitUntil(lambda: f"Showing sample 5: x = ({values})" in legend.text())


def test_with_every_point_erased_the_legend_names_no_sample(qtbot):
    win = _window(qtbot)
    model, legend = win.model, win.canvas.legend
    win.editor.clear_points()
    values = ", ".join(format_number(v) for v in model.sample)
    qtbot.waitUntil(lambda: f"No training samples: showing x = ({values})" in legend.text())
    assert "Showing sample" not in legend.text()
    win.undo_stack.undo()  # the points are back, and so is sample 1
    qtbot.waitUntil(lambda: "Showing sample 1: x = (" in legend.text())


def test_a_standardised_sample_is_also_given_in_the_data_s_own_units(qtbot):
    win = _window(qtbot)
    model = win.model
    assert "standardised" not in win.canvas.legend.text()  # 2-D points are their own x
    model.set_config(model.config.with_changes(dataset="iris", loss="cross_entropy"))
    model.select_sample(3)
    # iris.csv's fourth flower, read here from the file, not from the window's data
    rows = list(csv.reader(resource_path("data", "iris.csv").open()))
    data = model.data
    raw = model.sample * data.input_scale + data.input_mean
    assert any(np.allclose([float(v) for v in row[:4]], raw) for row in rows[1:]), (
        "the units shown are a flower of the file"
    )
    values = ", ".join(format_number(v) for v in raw)
    # (word joiners, invisible, keep the short note on one line)
    shown = lambda: win.canvas.legend.text().replace("\u2060", "")  # noqa: E731
    qtbot.waitUntil(lambda: f"(standardised; in the data: {values})" in shown())


def test_inputs_beyond_one_are_scaled_and_the_legend_says_by_what(qtbot):
    win = _window(qtbot)
    model = win.model
    big = [i for i, x in enumerate(model.data.X_train) if np.abs(x).max() > 1]
    assert big, "the default data has inputs beyond ±1"
    with qtbot.waitSignal(model.sampleChanged):
        model.select_sample(big[0])
    scale = float(np.abs(model.sample).max())
    qtbot.waitUntil(lambda: f"(inputs: x ÷ {format_number(scale)})" in win.canvas.legend.text())
    small = [i for i, x in enumerate(model.data.X_train) if np.abs(x).max() <= 1]
    if small:
        model.select_sample(small[0])
        qtbot.waitUntil(lambda: "inputs: x ÷" not in win.canvas.legend.text())


def test_a_zero_weight_is_drawn_grey_and_dashed_not_as_a_positive_edge(qtbot):
    win = _window(qtbot)
    net = Network([2, 1], ["sigmoid"], seed=0)
    net.set_weight(0, 0, 0, 0.0)
    net.set_weight(0, 0, 1, 0.8)
    win.model.set_network(net)
    items = win.canvas.edge_items
    zero = items[-1]
    pen = zero.pen()
    assert pen.style() == Qt.PenStyle.DashLine
    assert pen.color() != POSITIVE and pen.color().saturation() < 20  # a grey
    assert zero.path().elementCount() == 2  # the one edge of w = 0: a start and an end
    start = win.canvas.edge_point(0, 0, 0, 0.0)
    assert zero.path().elementAt(0).x == pytest.approx(start.x())
    assert zero.path().elementAt(0).y == pytest.approx(start.y())
    # The positive bins hold only the edge of 0.8.
    assert sum(item.path().elementCount() for item in items[:6]) == 2


def _node_rects(canvas) -> list[QRectF]:
    rects = []
    for nodes in canvas.nodes:
        for node in nodes:
            rects.append(
                node.circle.deviceTransform(canvas.viewportTransform()).mapRect(
                    node.circle.boundingRect()
                )
            )
    return rects


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize(
    "sizes, acts",
    [
        ([4, 8, 3], ["tanh", "softmax"]),
        ([2, 4, 1], ["tanh", "sigmoid"]),
        ([2, 8, 8, 1], ["tanh", "tanh", "sigmoid"]),
        ([2, 3, 3, 2], ["relu", "tanh", "softmax"]),
    ],
)
def test_bias_captions_never_overlap_a_node(qtbot, size, sizes, acts):
    win = _window(qtbot, size)
    win.model.set_network(Network(sizes, acts, seed=1))
    canvas = win.canvas
    canvas.fit()
    nodes = _node_rects(canvas)
    shown = 0
    for column, captions in canvas.captions.items():
        for caption in captions:
            if not caption.item.isVisible():
                assert not caption.plate.isVisible()
                continue
            shown += 1
            assert caption.plate.isVisible()
            rect = QRectF(*caption.screen_rect(canvas))
            for node in nodes:
                assert not rect.intersects(node), (column, caption.text)
    if sizes == [2, 4, 1]:
        assert shown == 5  # a small network has room for every caption


def test_a_bias_caption_rounds_and_its_tooltip_has_the_inspectors_digits(qtbot):
    win = _window(qtbot, (1920, 1080))
    net = Network([2, 2, 1], ["tanh", "sigmoid"], seed=0)
    net.set_bias(1, 0, -2.0637412)
    win.model.set_network(net)
    caption = win.canvas.captions[2][0]
    assert caption.text == "b = −2.064"
    assert "b = −2.06374 " in caption.item.toolTip()
    win.canvas.select_neuron(1, 0)
    qtbot.waitUntil(lambda: win.inspector.bias_spin.text() == "−2.06374")


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (1000, 700)])
def test_the_zoom_buttons_never_cover_the_legend(qtbot, size):
    win = _window(qtbot, size)
    canvas = win.canvas
    legend = canvas.legend.geometry()
    view = canvas.viewport().rect()
    assert view.contains(legend)
    for button in canvas.zoom_buttons:
        assert not button.geometry().intersects(legend)
        assert view.contains(button.geometry())
    # And the diagram's lowest text ends above the legend (and the buttons over it).
    bottom = canvas.mapFromScene(canvas.sceneRect().bottomLeft()).y()
    top = min([legend.top()] + [b.geometry().top() for b in canvas.zoom_buttons])
    assert bottom <= top or bottom <= legend.top()


def test_the_inspector_offers_no_removal_of_a_lone_neuron(qtbot):
    """The Inspector has no remove control at all (the diagram's menu disables removal
    of a layer's only neuron: tests/gui/test_canvas.py)."""
    win = _window(qtbot)
    win.model.set_network(Network([2, 1, 1], ["tanh", "sigmoid"], seed=0))
    win.canvas.select_neuron(0, 0)
    qtbot.waitUntil(lambda: not win.inspector.redraw_pending)
    shown = [w for w in win.inspector.findChildren(QWidget) if w.isVisibleTo(win.inspector)]
    texts = [getattr(w, "text", lambda: "")() for w in shown] + [
        a.text() for a in win.inspector.actions()
    ]
    assert not any("emove" in str(t) for t in texts)


def test_an_edge_tooltip_names_layers_as_the_headers_do(qtbot):
    from neurongui.engine.refs import EdgeRef

    win = _window(qtbot)
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    win.model.set_network(net)
    tip = win.canvas.tooltip_for(EdgeRef(1, 0, 2))
    assert tip == (
        f"weight w = {format_number(net.get_weight(1, 0, 2))}\n"
        "from neuron 3 of hidden layer 1 into neuron 1 of the output layer"
    )


def test_the_legend_explains_the_maps_inside_neurons_only_where_they_are_drawn(qtbot):
    win = _window(qtbot)  # the default network learns points of a plane: maps inside
    assert win.canvas.maps_shown()
    assert "Inside: the output over the whole input plane" in win.canvas.legend.text()
    config = win.model.config.with_changes(dataset="iris")  # four features: no plane
    win.model.set_config(config)
    qtbot.waitUntil(lambda: not win.canvas.maps_shown())
    assert "Inside:" not in win.canvas.legend.text()


def test_a_map_whose_output_is_zero_keeps_a_visible_ring_on_the_light_theme(qtbot):
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QGraphicsScene

    from neurongui.views.canvas_items import NodeItem

    scene = QGraphicsScene()
    node = NodeItem(scene, 1, 0, radius=20, x=0, y=0, dark=False)
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor(250, 250, 250))  # a map as white as the paper
    node.set_image(image)
    node.set_fill(QColor(250, 250, 250))  # and an output of 0: the neutral colour
    assert node.circle.pen().color().lightness() < 200  # an edge the eye can find
    node.set_fill(QColor(31, 119, 180))  # a clear value: the ring takes its colour
    assert node.circle.pen().color() == QColor(31, 119, 180)
