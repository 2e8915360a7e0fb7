"""The inspector: editing through spin boxes, undo, and the neuron's arithmetic."""

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QTableWidget


def test_weight_spin_box_edits_the_engine_weight_with_undo_and_redo(window):
    window.canvas.select_edge(0, 2, 1)
    spin = window.inspector.findChild(QDoubleSpinBox, "weightSpinBox")
    assert spin.isEnabled() and spin.value() == pytest.approx(
        window.network.get_weight(0, 2, 1), abs=1e-4
    )
    before = window.network.get_weight(0, 2, 1)
    spin.setValue(1.25)
    assert window.network.get_weight(0, 2, 1) == 1.25
    assert window.isWindowModified()
    window.undo_stack.undo()
    assert window.network.get_weight(0, 2, 1) == before
    assert spin.value() == pytest.approx(before, abs=1e-4)
    window.undo_stack.redo()
    assert window.network.get_weight(0, 2, 1) == 1.25


def test_spin_arrow_run_merges_into_one_undo_step(window):
    window.canvas.select_neuron(1, 0)
    spin = window.inspector.findChild(QDoubleSpinBox, "biasSpinBox")
    for _ in range(4):
        spin.stepUp()
    assert window.network.get_bias(1, 0) == pytest.approx(0.2)
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert window.network.get_bias(1, 0) == 0.0


def test_explain_table_shows_the_engines_numbers(window):
    window.canvas.select_neuron(0, 1)
    table = window.inspector.findChild(QTableWidget, "explainTable")
    net, x = window.network, window.model.sample
    z, a = net.forward_trace(x)[0]
    assert table.rowCount() == 2 + 3
    products = [float(table.item(i, 3).text().replace("−", "-")) for i in range(2)]
    expected = net.layers[0].weights[1] * x
    assert np.allclose(products, expected, rtol=1e-3)
    assert float(table.item(3, 3).text().replace("−", "-")) == pytest.approx(
        z[1], rel=1e-3, abs=1e-4
    )
    assert float(table.item(4, 3).text().replace("−", "-")) == pytest.approx(
        a[1], rel=1e-3, abs=1e-4
    )


def test_activation_combo_changes_the_layer_undoably(window):
    window.canvas.select_neuron(0, 0)
    combo = window.inspector.findChild(QComboBox, "activationCombo")
    assert "softmax" not in [combo.itemData(i) for i in range(combo.count())]  # hidden layer
    assert combo.itemText(combo.findData("leaky_relu")) == "Leaky ReLU"  # a name, not a key
    combo.activated.emit(combo.findData("relu"))
    assert window.network.layers[0].activation.name == "relu"
    window.undo_stack.undo()
    assert window.network.layers[0].activation.name == "tanh"


def test_gradient_shown_once_a_step_has_run(window):
    window.canvas.select_edge(0, 0, 0)
    assert "appears once" in window.inspector.details.text()
    grads = window.network.gradients(window.model.data.X_train, window.model.data.Y_train, "bce")
    window.model.set_gradients(grads)
    g = grads[0]["weights"][0, 0]
    assert f"{g:.4g}".replace("-", "−") in window.inspector.details.text()
