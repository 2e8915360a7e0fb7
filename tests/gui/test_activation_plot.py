"""The activation dock: curves equal the engine's, the marker sits at the engine's (z, f(z))."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit

from neurongui.engine import activations
from neurongui.engine.edits import SetBias, SetWeight
from neurongui.engine.refs import EdgeRef
from neurongui.model import NetworkModel
from neurongui.undo import push_edit
from neurongui.views.activation_plot import ActivationPlotPanel, curve_points


@pytest.fixture
def panel(qtbot):
    model = NetworkModel()
    widget = ActivationPlotPanel(model)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _engine_point(model, layer, neuron):
    z, a = model.network.forward_trace(model.sample)[layer]
    return float(z[neuron]), float(a[neuron])


def test_marker_is_the_engine_z_and_activation_of_the_selected_neuron(panel):
    model = panel.model
    model.select_neuron(0, 2)
    panel.refresh_now()
    assert panel.marker_position() == _engine_point(model, 0, 2)
    x, y = panel.marker.getData()
    assert (x[0], y[0]) == _engine_point(model, 0, 2)
    assert "z = " in panel.status_label.text()


def test_marker_follows_sample_and_edits_through_the_coalescing_timer(panel, qtbot):
    model = panel.model
    model.select_neuron(1, 0)
    panel.refresh_now()
    model.select_sample(7)
    from PySide6.QtGui import QUndoStack

    stack = QUndoStack()
    push_edit(stack, model, SetBias(1, 0, 2.5), "bias")
    assert panel._redraw.pending  # coalesced: drawn on the next tick, not per signal
    qtbot.waitUntil(lambda: not panel._redraw.pending)
    assert panel.marker_position() == _engine_point(model, 1, 0)


def test_follows_the_selected_layers_activation_and_compare_mode(panel):
    model = panel.model
    model.select_neuron(0, 0)
    panel.refresh_now()
    name = model.network.layers[0].activation.name
    assert panel.function_combo.currentText() == name
    assert name in panel.formula_label.text()
    panel.compare_check.setChecked(True)
    panel.refresh_now()
    visible = {n for n, (f, _) in panel.curves.items() if f.isVisible()}
    assert {"sigmoid", "relu", name} <= visible
    assert panel.curves[name][0].opts["pen"].width() == 4  # highlighted


def test_curves_equal_engine_values_and_parameters_apply(panel):
    model = panel.model
    model.clear_selection()
    panel.function_combo.setCurrentText("leaky_relu")
    panel.params["slope"].setValue(0.2)
    panel.refresh_now()
    z, f = panel.curves["leaky_relu"][0].getData()
    engine = activations.get("leaky_relu", slope=0.2)
    np.testing.assert_array_equal(f, engine.forward(z))
    assert panel.params["slope"].isEnabled() and not panel.params["alpha"].isEnabled()
    assert panel.marker_position() is None


def test_step_is_drawn_with_a_jump_not_a_slope():
    z, f, d = curve_points(activations.get("step"), -2, 2, 41)
    assert np.isnan(d[np.flatnonzero(np.isnan(z))[0] - 1])  # no f′(0)
    gap = np.flatnonzero(np.isnan(z))[0]
    assert z[gap - 1] == 0.0 and f[gap - 1] == 0.0
    assert z[gap + 1] == 0.0 and f[gap + 1] == 1.0
    assert np.all(np.diff(z[:gap]) > 0)


def test_softmax_shows_a_note_instead_of_a_curve(panel):
    panel.function_combo.setCurrentText("softmax")
    panel.refresh_now()
    assert "Softmax is not drawn" in panel.formula_label.text()
    assert not any(f.isVisible() for f, _ in panel.curves.values())


def test_histogram_counts_the_layers_z_over_the_training_set(panel):
    model = panel.model
    model.select_neuron(0, 1)
    panel.refresh_now()
    zs = model.network.forward_trace(model.data.X_train)[0][0]
    _, counts = panel.hist_curve.getData()
    assert counts.sum() == zs.size
    assert "%" in panel.histogram_label.text() or "ReLU" in panel.histogram_label.text()


def test_the_histogram_is_empty_until_a_neuron_is_selected(panel):
    panel.model.clear_selection()
    panel.refresh_now()
    assert not panel.hist_curve.isVisible()
    panel.model.select_neuron(0, 1)
    panel.refresh_now()
    assert panel.hist_curve.isVisible()
    _, counts = panel.hist_curve.getData()
    # every z of the layer: one per neuron and training sample
    assert counts.sum() == panel.model.data.X_train.shape[0] * panel.model.network.sizes[1]


def test_a_typed_weight_of_1e308_is_shown_without_an_error(window, qtbot):
    """Issue 14, G4: np.histogram raised on z = ±inf and the marker flew off the plot."""
    canvas, panel = window.canvas, window.activation_panel
    canvas.edit_inline(EdgeRef(0, 0, 0), QPoint(50, 50))
    editor = canvas.findChild(QLineEdit, "inlineEditor")
    editor.setText("1e308")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.network.get_weight(0, 0, 0) == 1e308
    canvas.select_neuron(0, 0)
    panel.refresh_now()
    with np.errstate(all="ignore"):
        zs = window.network.forward_trace(window.model.data.X_train)[0][0]
    overflowed = int(np.sum(~np.isfinite(zs)))
    assert overflowed > 0  # the circle's |x₁| reaches 5: 5e308 is inf
    assert f"{overflowed} values overflowed" in panel.histogram_label.text()
    _, counts = panel.hist_curve.getData()
    assert counts.sum() == zs.size - overflowed
    z, a = panel.marker_position()
    assert "z = " in panel.status_label.text()
    x, y = panel.marker.getData()
    if np.isfinite(z) and np.isfinite(a):  # the marker waits at the edge of the curves
        (lo, hi), (bottom, top) = panel.plot.getViewBox().viewRange()
        assert lo <= x[0] <= hi and bottom <= y[0] <= top
    else:
        assert len(x) == 0


def test_a_layer_whose_z_are_nearly_one_huge_value_gets_a_histogram(panel):
    """40 bins over 1e6 ± 1e-11 are narrower than a double resolves: np.histogram raised."""
    model, stack = panel.model, QUndoStack()
    for edit in (SetWeight(0, 0, 0, 1e-12), SetWeight(0, 0, 1, 1e-12), SetBias(0, 0, 1e6)):
        push_edit(stack, model, edit, "edit")
    model.select_neuron(0, 0)
    panel.refresh_now()
    _, counts = panel.hist_curve.getData()
    assert counts.sum() == model.data.X_train.shape[0] * model.network.sizes[1]
