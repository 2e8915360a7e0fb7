"""The layer as a matrix: every cell is the engine's number for the selected sample,
softmax's steps add up, hovering names a term, clicking selects its edge."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from neurongui.engine import Network
from neurongui.model import NetworkModel
from neurongui.views.layer_matrix import LayerMatrixPanel


@pytest.fixture
def panel(qtbot) -> LayerMatrixPanel:
    widget = LayerMatrixPanel(NetworkModel())
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    return widget


def _centre(panel: LayerMatrixPanel, row: int, column: int) -> QPoint:
    cell = panel.view.cell
    return QPoint(
        column * cell.width() + cell.width() // 2,
        panel.view.header + row * cell.height() + cell.height() // 2,
    )


def test_each_block_is_the_engines_numbers(panel):
    model = panel.model
    for index in range(len(model.network.layers)):
        panel.layer_box.setCurrentIndex(index)
        f = panel.figure
        trace = model.network.forward_trace(model.sample[None, :])
        assert np.array_equal(f.z, trace[index][0][0])
        assert np.array_equal(f.a_out, trace[index][1][0])
        assert np.allclose(f.weights @ f.a_in + f.biases, f.z, rtol=0, atol=1e-12)
        assert [b.title for b in f.blocks[:4]] == ["W", "a", "b", "z"]


def test_softmax_steps_and_temperature(qtbot, panel):
    model = panel.model
    model.set_config(model.config.with_changes(dataset="iris", loss="cross_entropy"))
    panel.layer_box.setCurrentIndex(panel.layer_box.count() - 1)
    assert panel.temperature.isVisible()
    f = panel.figure
    network_out = model.network.forward(model.sample[None, :])[0]
    assert np.allclose(f.a_out, network_out, rtol=1e-12)
    assert f.total == pytest.approx(np.exp(f.z - f.z.max()).sum())
    panel.temperature.setValue(2.0)
    hot = np.exp((f.z - f.z.max()) / 2.0)
    assert np.allclose(panel.figure.a_out, hot / hot.sum())
    assert np.allclose(model.network.forward(model.sample[None, :])[0], network_out)


def test_softmax_steps_of_an_infinite_z_are_shown_not_warned(qtbot, panel):
    """Found by the random test: z of ±inf (weights of ±1e308) made z − max an
    inf − inf in the softmax steps (a warning in the panel's refresh)."""
    model = panel.model
    model.set_config(model.config.with_changes(dataset="iris", loss="cross_entropy"))
    net = model.network
    last = len(net.layers) - 1
    a_in = net.forward_trace(model.sample[None, :])[last - 1][1][0]
    layer = net.layers[last]
    layer.weights[0, :], layer.biases[0] = 1e308 * np.sign(a_in), 1e308  # z₀ = +inf
    layer.weights[1, :], layer.biases[1] = -1e308 * np.sign(a_in), -1e308  # z₁ = −inf
    model.set_network(net, model.config)
    panel.layer_box.setCurrentIndex(last)
    panel.refresh()
    f = panel.figure
    assert f.z[0] == np.inf and f.z[1] == -np.inf
    assert [b.title for b in f.blocks[4:7]] == ["(z − max)/T", "e^(…)", "÷ Σ"]
    assert np.isnan(f.blocks[4].values[0, 0])  # inf − inf


def test_hover_names_the_term_and_click_selects_the_edge(qtbot, panel):
    f = panel.figure
    qtbot.mouseMove(panel.view, _centre(panel, 1, 0))
    qtbot.waitUntil(lambda: panel.view.hover == (1, 0))
    w, a, product = f.term(1, 0)
    assert np.isclose(product, w * a)
    assert panel.term.text().startswith("w₂,₁ · a₁ = ")
    selection = panel.model.selection  # the hovered weight's edge is marked on the diagram
    assert (selection.kind, selection.layer, selection.neuron, selection.source) == (
        "edge",
        0,
        1,
        0,
    )
    qtbot.mouseClick(panel.view, Qt.MouseButton.LeftButton, pos=_centre(panel, 1, 0))
    selection = panel.model.selection
    assert (selection.kind, selection.layer, selection.neuron, selection.source) == (
        "edge",
        0,
        1,
        0,
    )


def test_a_784_input_layer_scrolls_at_a_readable_size(qtbot, panel):
    model = panel.model
    model.set_network(Network([784, 30, 10], ["sigmoid", "sigmoid"], seed=0))
    panel.layer_box.setCurrentIndex(0)
    view = panel.view
    assert view.cell.width() >= view.fontMetrics().horizontalAdvance("−0.0000")
    assert view.width() > 784 * view.cell.width()  # a scroll bar, not tiny cells
    assert panel.figure.weights.shape == (30, 784)


def test_a_narrow_panel_puts_b_and_z_below_w_a_instead_of_past_the_edge(qtbot, panel):
    model = panel.model
    model.set_network(Network([4, 8, 3], ["tanh", "softmax"], seed=0))
    panel.layer_box.setCurrentIndex(0)
    view = panel.view
    w = view.cell.width()
    wide_enough = 20 * w
    panel.resize(wide_enough + 80, 500)
    qtbot.waitUntil(lambda: view.room >= wide_enough)
    assert {y for _, _, y in view.places} == {0}  # one line: W · a + b = z → tanh(z)
    panel.resize(9 * w + 40, 500)  # room for W · a (7 cells), not for the rest
    qtbot.waitUntil(lambda: len({y for _, _, y in view.places}) > 1)
    places = {block.title: (x, y) for block, x, y in view.places}
    assert places["W"] == (0, 0) and places["a"][1] == 0  # the product stays together
    assert places["b"][1] > 0 and places["b"][0] < places["a"][0]  # on a band below
    assert view.width() <= panel.scroll_area.viewport().width()  # no horizontal scrolling
    # W still answers the pointer where it is drawn
    assert view.cell_at(_centre(panel, 2, 1)) == (2, 1)
