"""Backprop stage by stage on the network on screen: the stages follow the network's
layers, and every box on the diagram is the engine's number."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QUndoStack

from neurongui.editing import Editor
from neurongui.engine import Network
from neurongui.engine.numbers import format_number
from neurongui.model import NetworkModel
from neurongui.views.canvas import NetworkCanvas
from neurongui.views.stages_panel import MAX_BOXES, StagesPanel, stages_of


@pytest.fixture
def panel(qtbot) -> StagesPanel:
    model = NetworkModel()
    canvas = NetworkCanvas(model, Editor(model, QUndoStack()))
    qtbot.addWidget(canvas)
    canvas.resize(700, 500)
    canvas.show()
    widget = StagesPanel(model, canvas)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _kinds(panel: StagesPanel) -> list[str]:
    return [f"{s.kind}{s.layer}" for s in panel.stages]


def test_the_stages_follow_the_layers():
    assert [f"{s.kind}{s.layer}" for s in stages_of(3)] == [
        "inputs-1", "forward0", "forward1", "forward2", "loss-1",
        "delta2", "delta1", "delta0", "grad2", "grad1", "grad0", "update-1",
    ]  # fmt: skip


ARCHITECTURES = [
    None,  # the default 2-4-2-1 tanh/tanh/sigmoid with cross-entropy
    ([2, 3, 1], ["relu", "sigmoid"], "mse"),  # sigmoid under the square loss: f′ stays
    ([2, 5, 1], ["prelu", "identity"], "mse"),
    ([2, 3, 3, 1], ["sigmoid", "leaky_relu", "sigmoid"], "bce"),
]


@pytest.mark.parametrize("architecture", ARCHITECTURES)
def test_every_box_is_the_engines_number(qtbot, panel, architecture):
    model = panel.model
    if architecture is not None:
        sizes, acts, loss = architecture
        model.set_config(model.config.with_changes(loss=loss))
        model.set_network(Network(sizes, acts, seed=4), model.config)
        qtbot.waitUntil(lambda: len(panel.canvas.nodes) == len(sizes))
    x = model.sample
    trace = model.network.forward_trace(x[None, :])
    y = model.data.Y_train[model.sample_index]
    grads = model.network.gradients(x[None, :], y[None, :], model.config.loss)
    seen = set()
    for index, stage in enumerate(panel.stages):
        panel.go(index)
        texts = panel.overlay.texts()
        assert texts, stage
        for key, text in texts.items():
            if stage.kind == "forward":
                j = int(key.split("_")[1])
                z, a = trace[stage.layer][0][0, j], trace[stage.layer][1][0, j]
                assert text == f"z = {format_number(z)}\na = {format_number(a)}"
            elif stage.kind == "delta":
                j = int(key.split("_")[1])
                assert text == f"δ = {format_number(grads[stage.layer]['biases'][j])}"
            elif stage.kind == "grad":
                _, j, k = (int(v) for v in key[1:].split("_"))
                value = format_number(grads[stage.layer]["weights"][j, k])
                assert text.startswith("∂L/∂w") and text.endswith(f" = {value}")
            elif stage.kind == "loss" and key == "loss":
                loss = model.network.loss(x[None, :], y[None, :], model.config.loss)
                assert text == f"L = {format_number(loss)}"
        seen.add(stage.kind)
    assert seen == {"inputs", "forward", "loss", "delta", "grad", "update"}


def test_a_big_layer_shows_a_few_boxes_and_its_strongest_gradients(qtbot, panel):
    model = panel.model
    model.set_network(Network([2, 40, 1], ["relu", "sigmoid"], seed=0), model.config)
    qtbot.waitUntil(lambda: len(panel.canvas.nodes[1]) == 40)
    kinds = _kinds(panel)
    panel.go(kinds.index("forward0"))
    assert len(panel.overlay.texts()) == MAX_BOXES
    panel.go(kinds.index("grad0"))
    shown = [float(t.split("= ")[1].replace("−", "-")) for t in panel.overlay.texts().values()]
    drill = panel.drill
    grads = np.abs(np.outer(drill.deltas[0], drill.a[0]))
    assert min(abs(v) for v in shown) >= np.sort(grads, axis=None)[-MAX_BOXES] * 0.999


def test_the_boxes_go_when_the_panel_is_hidden(qtbot, panel):
    panel.go(1)
    assert panel.overlay.boxes()
    panel.hide()
    assert panel.overlay.boxes() == []


def test_the_students_own_input_walks_forward_only(qtbot, panel):
    model = panel.model
    probe = np.array([1.5, -2.0])
    model.set_probe(probe)
    assert [s.kind for s in panel.stages] == ["inputs", "forward", "forward", "forward"]
    panel.go(1)
    z = model.network.forward_trace(probe[None, :])[0][0][0, 0]
    assert panel.overlay.texts()["n0_0"].startswith(f"z = {format_number(z)}")
    panel.go(3)
    assert "no target" in panel.text.text()
    model.set_probe(None)
    assert len(panel.stages) == 12
