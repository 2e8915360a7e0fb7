"""The Inspector's gradient check: the two numbers a student compares, and its verdict."""

import re

import numpy as np
import pytest
from PySide6.QtWidgets import QGroupBox, QLabel

from neurongui.engine import gradcheck, textbook
from neurongui.engine.numbers import parse_number
from neurongui.undo import SettingsCommand

EPS = 1e-5


def _number(inspector, name: str) -> float:
    text = re.sub("<[^>]+>", "", inspector.findChild(QLabel, name).text())  # (bold digits)
    value = parse_number(text)
    assert value is not None
    return value


def _text(inspector, name: str) -> str:
    return inspector.findChild(QLabel, name).text()


def _independent(model, layer, neuron, source):
    """∂L/∂w by the textbook's backprop and (L(w+ε) − L(w−ε)) / 2ε by its forward pass,
    on the whole training set (the default one has fewer than 256 samples)."""
    net, data = model.network, model.data
    X, Y = data.inputs("train"), data.Y_train
    assert len(X) <= gradcheck.SAMPLE_LIMIT
    grad = textbook.backprop(net, X.T, Y.T, model.config.loss)[layer]["weights"]

    def loss(w: float) -> float:
        copy = net.copy()
        copy.layers[layer].weights[neuron, source] = w
        p = np.clip(textbook.forward(copy, X.T)[1][-1].T, 1e-12, 1 - 1e-12)
        return float(-(Y * np.log(p) + (1 - Y) * np.log(1 - p)).sum() / len(X))

    w = net.get_weight(layer, neuron, source)
    return float(grad[neuron, source]), (loss(w + EPS) - loss(w - EPS)) / (2 * EPS)


def test_selecting_an_edge_shows_backprop_and_the_difference(window):
    assert window.model.config.loss == "bce"
    inspector = window.inspector
    box = inspector.findChild(QGroupBox, "gradientCheck")
    window.canvas.select_edge(0, 2, 1)
    assert box.isVisible()
    a, b = _independent(window.model, 0, 2, 1)
    assert abs(a) > 1e-4  # a gradient worth checking, not two zeros
    assert _number(inspector, "gradCheckBackprop") == pytest.approx(a, rel=1e-9)
    assert _number(inspector, "gradCheckNumeric") == pytest.approx(b, rel=1e-8)
    relative = _number(inspector, "gradCheckRelative")
    assert relative == pytest.approx(abs(a - b) / max(abs(a), abs(b)), rel=0.1, abs=1e-11)
    assert relative < 1e-6
    verdict = _text(inspector, "gradCheckVerdict")
    assert "backprop is right" in verdict and f"agree to {box.result.digits} digits" in verdict
    n = len(window.model.data.Y_train)
    note = _text(inspector, "gradCheckNote")
    assert f"the whole training set ({n} samples)" in note and "ε = 0.00001" in note
    # The digits the two share are in bold: at least 6 significant ones here.
    for name in ("gradCheckBackprop", "gradCheckNumeric"):
        shared = re.match("<b>([^<]*)</b>", inspector.findChild(QLabel, name).text())
        assert shared and len(re.sub(r"\D", "", shared[1]).lstrip("0")) >= 6


def test_an_edit_and_a_bias_update_the_check(window, qtbot):
    inspector, model = window.inspector, window.model
    window.canvas.select_edge(1, 0, 2)
    before = _number(inspector, "gradCheckBackprop")
    inspector.weight_spin.setValue(2.5)
    qtbot.waitUntil(lambda: _number(inspector, "gradCheckBackprop") != before)
    a, b = _independent(model, 1, 0, 2)
    assert _number(inspector, "gradCheckBackprop") == pytest.approx(a, rel=1e-9)
    assert _number(inspector, "gradCheckNumeric") == pytest.approx(b, rel=1e-8)
    # A neuron: its bias is checked, and the labels say b.
    window.canvas.select_neuron(0, 1)
    box = inspector.findChild(QGroupBox, "gradientCheck")
    assert box.isVisible() and box.result is not None
    bias = textbook.backprop(
        model.network, model.data.inputs("train").T, model.data.Y_train.T, "bce"
    )
    assert _number(inspector, "gradCheckBackprop") == pytest.approx(bias[0]["biases"][1], rel=1e-9)
    assert _text(inspector, "gradCheckBackpropName") == "backprop ∂L/∂b"


def test_regularisation_is_in_both_numbers(window, qtbot):
    model = window.model
    config = model.config.with_changes(regularization="l2", regularization_rate=0.1)
    window.undo_stack.push(SettingsCommand(model, config, "l2"))
    window.canvas.select_edge(0, 2, 1)
    inspector = window.inspector
    a, _ = _independent(model, 0, 2, 1)
    w = model.network.get_weight(0, 2, 1)
    assert _number(inspector, "gradCheckBackprop") == pytest.approx(a + 0.1 * w, rel=1e-9)
    assert "L = loss + penalty" in _text(inspector, "gradCheckNote")
    assert "backprop is right" in _text(inspector, "gradCheckVerdict")


def test_a_wrong_backprop_is_caught(window, monkeypatch):
    """A gradient that is half what it should be: the verdict says it is wrong."""

    def halved(network, X, Y, loss):
        return [{k: v / 2 for k, v in g.items()} for g in network.gradients(X, Y, loss)]

    monkeypatch.setattr(gradcheck, "_backprop", halved)
    window.canvas.select_edge(0, 2, 1)
    inspector = window.inspector
    assert _number(inspector, "gradCheckRelative") == pytest.approx(0.5, rel=1e-6)
    assert "this gradient from backprop is wrong" in _text(inspector, "gradCheckVerdict")


def test_a_large_set_is_checked_on_a_stated_subset(window):
    """784-100-10 on 2,400 training images: 1 in every 10 of them, and the panel says so."""
    from mnist_helpers import use_mnist_like

    use_mnist_like(window, hidden=100, n=3000)
    window.canvas.select_edge(0, 3, 400)
    box = window.inspector.findChild(QGroupBox, "gradientCheck")
    result = box.result
    assert (result.n_samples, result.n_total) == (240, 2400)
    note = _text(window.inspector, "gradCheckNote").replace("\u2060", "")
    assert "240 of the 2,400 training samples (1 in every 10)" in note
    assert "L = the loss" in note
    assert result.verdict in ("agree", "zero")


def test_training_snapshots_are_checked_at_a_walk_and_the_last_is_shown(window, qtbot):
    """Values streamed from training: not a check per snapshot, but the last one's."""
    model, inspector = window.model, window.inspector
    box = inspector.findChild(QGroupBox, "gradientCheck")
    window.canvas.select_edge(0, 2, 1)
    checks = []
    original = box.update_check

    def counted():
        checks.append(model.network.get_weight(0, 2, 1))
        original()

    box._redraw._redraw = counted  # (count the checks the throttle lets through)
    model.live = True
    try:
        for w in (0.5, 0.75, 1.0, 1.25):
            values = model.network.parameters.copy()
            model.network.gradient_views(values)[0]["weights"][2, 1] = w
            assert model.update_parameters(values, model.edit_seq)
        assert len(checks) <= 1 and box.pending  # the rest wait for the throttle
        qtbot.waitUntil(lambda: not box.pending)
    finally:
        model.live = False
    assert checks[-1] == 1.25 and len(checks) <= 2
    a, b = _independent(model, 0, 2, 1)
    assert _number(inspector, "gradCheckBackprop") == pytest.approx(a, rel=1e-9)
    assert _number(inspector, "gradCheckNumeric") == pytest.approx(b, rel=1e-8)


def test_with_every_point_erased_the_check_hides_instead_of_dividing_by_zero(window):
    """Found by the random test: the mean loss over no sample divided by zero."""
    box = window.inspector.findChild(QGroupBox, "gradientCheck")
    window.canvas.select_edge(0, 2, 1)
    assert box.result is not None
    window.editor.clear_points()
    box.update_check()
    assert box.result is None and not box.isVisible()
    window.undo_stack.undo()  # the points are back, and so is the check
    box.update_check()
    assert box.result is not None and box.isVisible()
