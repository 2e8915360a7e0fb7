"""Choosing the input: a sample by step, number or search, or the student's own values,
and every panel computes with it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from neurongui.views.sample_panel import SamplePanel


@pytest.fixture
def iris(window, qtbot):
    model = window.model
    model.set_config(model.config.with_changes(dataset="iris", loss="cross_entropy"))
    panel = window.tools.samples
    window.tools.show_dock("sampleDock")
    return window, panel


def test_next_sample_moves_the_inspector_to_the_engines_numbers(qtbot, iris):
    window, panel = iris
    window.canvas.select_neuron(0, 0)
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    model = window.model
    assert model.sample_index == 2 and panel.number.value() == 3
    x = model.data.inputs("train", 2)
    z = model.network.forward_trace(x[None, :])[0][0][0, 0]
    qtbot.waitUntil(lambda: "for sample 3" in window.inspector.title.text())
    assert window.inspector.table.item(window.inspector.table.rowCount() - 2, 3) is not None
    from neurongui.engine.explain import explain_neuron

    assert explain_neuron(model.network, model.sample, 0, 0).z == pytest.approx(z)


def test_the_table_finds_samples_by_class_and_a_click_selects_one(qtbot, iris):
    window, panel = iris
    panel.search.setText("virginica")
    proxy = panel.proxy
    assert 0 < proxy.rowCount() < len(window.model.data.X_train)
    last = proxy.columnCount() - 1
    assert all(proxy.index(r, last).data() == "virginica" for r in range(proxy.rowCount()))
    first = proxy.index(0, 0)
    rect = panel.table.visualRect(first)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.model.sample_index == int(first.data()) - 1


def test_own_values_in_centimetres_are_standardised_like_the_data(qtbot, iris):
    window, panel = iris
    model, data = window.model, window.model.data
    typed = [5.0, 3.5, 1.4, 0.2]
    for field, value in zip(panel.fields, typed, strict=True):
        field.setText(str(value))
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    expected = (np.array(typed) - data.input_mean) / data.input_scale
    assert np.allclose(model.sample, expected) and model.probe is not None
    assert "within the training data's range" in panel.note.text()
    qtbot.waitUntil(lambda: "Showing your input" in window.canvas.legend.text())
    panel.back_button.click()
    assert model.probe is None


def test_a_value_outside_the_data_is_allowed_and_said_to_be(qtbot, iris):
    window, panel = iris
    panel.fields[2].setText("40")
    panel.show_probe()
    assert "outside the data" in panel.note.text() and "guess" in panel.note.text()
    assert window.model.probe is not None


def test_text_that_is_not_a_number_is_refused(qtbot, iris):
    window, panel = iris
    panel.fields[0].setText("five")
    panel.show_probe()
    assert "“five” is not a number" in panel.note.text()
    assert window.model.probe is None


def test_a_value_too_large_once_standardised_is_refused_and_said_to_be(qtbot, iris):
    """Found by the random test: 1e308 cm divided by the data's scale (0.43) overflowed
    (a warning), and the probe of ∞ raised in the slot."""
    window, panel = iris
    panel.fields[1].setText("1e308")  # finite, but over 0.43: beyond 1.8e308
    panel.show_probe()
    assert panel.note.text().startswith("sepal width: 1e308 is too large")
    assert window.model.probe is None
    panel.fields[1].setText("1e300")  # large, but finite once standardised
    panel.show_probe()
    assert window.model.probe[1] == pytest.approx((1e300 - 3.05733333) / 0.43441097, rel=1e-8)


def test_images_are_not_typed_in(qtbot):
    from neurongui.model import NetworkModel

    model = NetworkModel()
    model.set_config(model.config.with_changes(dataset="digits", loss="cross_entropy"))
    panel = SamplePanel(model)
    qtbot.addWidget(panel)
    assert panel.fields == [] and not panel.show_button.isVisibleTo(panel)
    assert panel.table_model.columnCount() == 2  # number and target: no 64 pixel columns


def test_typed_values_with_every_point_erased_say_there_is_no_data(qtbot, window):
    """Found by the random test: the range of no training sample raised in the slot."""
    window.tools.show_dock("sampleDock")
    panel = window.tools.samples
    window.editor.clear_points()
    panel.fields[0].setText("0.5")
    panel.fields[1].setText("−2")
    panel.show_probe()
    assert window.model.probe.tolist() == [0.5, -2.0]
    assert panel.note.text().startswith("There are no training samples.")
    assert "guess" in panel.note.text()
