"""The activation dock: curves equal the engine's, the marker sits at the engine's (z, f(z))."""

import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit

from neurongui import theme
from neurongui.engine import Network, activations
from neurongui.engine.edits import SetBias, SetWeight
from neurongui.engine.refs import EdgeRef
from neurongui.i18n import activation_label, choose_language, install_translators
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


def _choose(panel, name):
    """Pick activation ``name`` (the engine's key) in the panel's function box."""
    panel.function_combo.setCurrentIndex(panel.function_combo.findData(name))


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
    assert panel.redraw_pending  # coalesced: drawn on the next tick, not per signal
    qtbot.waitUntil(lambda: not panel.redraw_pending)
    assert panel.marker_position() == _engine_point(model, 1, 0)


def test_follows_the_selected_layers_activation_and_compare_mode(panel):
    model = panel.model
    model.select_neuron(0, 0)
    panel.refresh_now()
    name = model.network.layers[0].activation.name
    assert panel.function_combo.currentData() == name
    assert activation_label(name) in panel.formula_label.text()
    panel.compare_check.setChecked(True)
    panel.refresh_now()
    visible = {n for n, (f, _) in panel.curves.items() if f.isVisible()}
    assert {"sigmoid", "relu", name} <= visible
    assert panel.curves[name][0].opts["pen"].width() == 4  # highlighted


def test_curves_equal_engine_values_and_parameters_apply(panel):
    model = panel.model
    model.clear_selection()
    panel.follow_check.setChecked(False)  # explore any function, not the output layer's
    _choose(panel, "leaky_relu")
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
    panel.follow_check.setChecked(False)
    _choose(panel, "softmax")
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


def test_the_histogram_follows_the_output_layer_until_a_neuron_is_selected(panel):
    panel.model.clear_selection()
    panel.follow_check.setChecked(True)
    panel.refresh_now()
    assert panel.hist_curve.isVisible()  # the output layer's z, as the curve panel shows
    _, counts = panel.hist_curve.getData()
    assert counts.sum() == panel.model.data.X_train.shape[0] * panel.model.network.sizes[-1]
    panel.follow_check.setChecked(False)  # exploring a function: no layer to count
    panel.refresh_now()
    assert not panel.hist_curve.isVisible()
    panel.follow_check.setChecked(True)
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


# -- never stale ------------------------------------------------------------------------


def test_with_nothing_selected_it_shows_the_output_layers_activation(panel, qtbot):
    model = panel.model
    model.set_network(Network([2, 3, 1], ["relu", "tanh"], seed=0))
    model.select_neuron(0, 1)
    panel.refresh_now()
    assert panel.current_activation().name == "relu"
    model.clear_selection()
    panel.refresh_now()
    assert panel.current_activation().name == "tanh"  # not the relu just seen
    assert panel.function_combo.currentData() == "tanh"
    assert panel.formula_label.text().startswith("<b>Output layer: tanh</b>")
    assert panel.marker_position() is None and panel.marker.getData()[0].size == 0
    model.set_network(Network([2, 2], ["sigmoid"], seed=0))  # New, Open, a lesson...
    qtbot.waitUntil(lambda: not panel.redraw_pending)
    assert panel.function_combo.currentData() == "sigmoid"
    assert "sigmoid" in panel.formula_label.text() and "tanh" not in panel.formula_label.text()


def _shown_parameters(panel) -> set[str]:
    return {key for key, box in panel.params.items() if box.isVisibleTo(panel)}


def test_only_the_parameters_of_the_function_shown_have_boxes(panel):
    panel.model.clear_selection()
    panel.follow_check.setChecked(False)
    for name, keys in [
        ("sigmoid", set()),
        ("leaky_relu", {"slope"}),
        ("prelu", {"alpha"}),
        ("rrelu", {"lower", "upper"}),
        ("relu", set()),
    ]:
        _choose(panel, name)
        panel.refresh_now()
        assert _shown_parameters(panel) == keys, name
    panel.model.set_network(Network([2, 1], [{"name": "prelu", "alpha": 0.3}], seed=0))
    panel.follow_check.setChecked(True)
    panel.model.select_neuron(0, 0)
    panel.refresh_now()
    alpha = panel.params["alpha"]
    assert _shown_parameters(panel) == {"alpha"}
    assert alpha.value() == 0.3 and not alpha.isEnabled()  # the layer's own, read-only


def test_a_parameter_typed_in_scientific_notation_reshapes_the_curve(panel, qtbot):
    panel.model.clear_selection()
    panel.follow_check.setChecked(False)
    _choose(panel, "leaky_relu")
    panel.refresh_now()
    box = panel.params["slope"]
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "2.5E-1")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == 0.25
    panel.refresh_now()
    z, f = panel.curves["leaky_relu"][0].getData()
    np.testing.assert_array_equal(f, np.where(z > 0, z, 0.25 * z))


def _luminance(colour) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_the_marker_label_reads_on_the_plot_in_both_themes(panel, monkeypatch, dark):
    monkeypatch.setattr(theme, "_current_dark", dark)
    background = (35, 37, 41) if dark else (255, 255, 255)  # the themes' plot colours
    panel.model.select_neuron(0, 0)
    panel.refresh_now()
    text = panel.marker_text
    colour = text.textItem.defaultTextColor().getRgb()
    box = text.fill.color()
    assert box.alpha() >= 200  # the label sits on its own box, over curves and grid
    assert _contrast(colour, box.getRgb()) >= 4.5  # WCAG AA for text
    assert _contrast(colour, background) >= 4.5


def test_the_panel_names_activations_in_chinese(qapp, qtbot, monkeypatch):
    from test_i18n_runtime import english_words

    monkeypatch.setenv("NEURONGUI_LANG", "zh_CN")
    translators = install_translators(qapp, choose_language())
    try:
        model = NetworkModel()
        model.set_network(Network([2, 3, 1], ["step", "sigmoid"], seed=0))
        widget = ActivationPlotPanel(model)
        qtbot.addWidget(widget)
        widget.show()
        widget.compare_check.setChecked(True)
        model.select_neuron(0, 0)
        widget.refresh_now()
        combo, listing = widget.function_combo, widget.compare_list
        texts = [combo.itemText(i) for i in range(combo.count())]
        texts += [listing.item(i).text() for i in range(listing.count())]
        texts += [label.text for _, label in widget.legend.items]
        texts += [widget.formula_label.text(), widget.status_label.text()]
        texts += [widget.histogram_label.text(), widget.follow_check.text()]
        assert "阶跃函数" in texts and "阶跃函数" in widget.formula_label.text()
        assert {t: english_words(t) for t in texts if english_words(t)} == {}
        # Wrapped Chinese paragraphs end with their last characters joined (no orphan).
        assert "\u2060" in widget.formula_label.text()
        model.clear_selection()
        widget.refresh_now()
        assert "\u2060" in widget.status_label.text()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_every_formula_with_words_is_offered_for_translation():
    from neurongui.views.activation_formulas import WORDED_FORMULAS

    worded = set()
    for name in activations.names():
        act = activations.get(name)
        for formula in (act.formula, act.derivative_formula):
            words = re.findall(r"[A-Za-z]{2,}", formula)
            if set(words) - {"tanh", "max", "min"}:
                worded.add(formula)
    assert worded == set(WORDED_FORMULAS)


@pytest.mark.parametrize("dark", [False, True])
def test_every_curve_colour_has_3_to_1_contrast_on_the_theme_background(qtbot, dark):
    # The review: yellow-green sigmoid on white (1.4:1) in the light theme.
    from neurongui.model import NetworkModel
    from neurongui.views.activation_curves import contrast_ratio
    from neurongui.views.activation_plot import ActivationPlotPanel

    panel = ActivationPlotPanel(NetworkModel())
    qtbot.addWidget(panel)
    panel.set_dark(dark)
    background = panel.plot.backgroundBrush().color().getRgb()[:3]
    assert background == ((35, 37, 41) if dark else (255, 255, 255))
    panel.refresh_now()
    sigmoid, derivative = panel.curves["sigmoid"]
    for item in (sigmoid, derivative):
        drawn = item.opts["pen"].color().getRgb()[:3]
        assert contrast_ratio(drawn, background) >= 3.0
    for name in panel.curves:
        assert contrast_ratio(panel.curve_colour(name), background) >= 3.0


def test_the_contrast_ratio_is_wcags():
    from neurongui.views.activation_curves import contrast_ratio, legible

    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    # A colour that already reads is kept as it is.
    assert legible((0, 0, 200), (255, 255, 255)) == (0, 0, 200)


def test_the_dashed_derivative_has_a_legend_entry(qtbot):
    from neurongui.model import NetworkModel
    from neurongui.views.activation_plot import ActivationPlotPanel

    panel = ActivationPlotPanel(NetworkModel())
    qtbot.addWidget(panel)
    panel.refresh_now()
    labels = [label.text for _, label in panel.legend.items]
    assert labels[-1] == "derivative f′(z)"
    panel.derivative_check.setChecked(False)
    panel.refresh_now()
    assert "derivative f′(z)" not in [label.text for _, label in panel.legend.items]


def test_softmax_shows_its_explanation_instead_of_an_empty_plot(qtbot):
    from neurongui.engine import Network
    from neurongui.model import NetworkModel
    from neurongui.views.activation_plot import ActivationPlotPanel

    model = NetworkModel()
    panel = ActivationPlotPanel(model)
    qtbot.addWidget(panel)
    panel.show()
    model.set_network(Network([2, 3, 3], ["tanh", "softmax"], seed=0))
    panel.refresh_now()
    assert panel.plot.isHidden()
    assert "no single f(z)" in panel.formula_label.text()
    panel.compare_check.setChecked(True)  # the functions compared have curves
    panel.refresh_now()
    assert not panel.plot.isHidden()


def test_the_z_histogram_labels_three_counts(qtbot):
    from neurongui.model import NetworkModel
    from neurongui.views.activation_plot import ActivationPlotPanel

    model = NetworkModel()
    panel = ActivationPlotPanel(model)
    qtbot.addWidget(panel)
    model.select_neuron(0, 0)
    panel.refresh_now()
    # Three labels: 0, half way and the top of the counts axis (six were crammed).
    top = panel.hist_plot.getViewBox().viewRange()[1][1]
    labels = [label for _, label in panel.hist_plot.getAxis("left")._tickLevels[0]]
    values = [value for value, _ in panel.hist_plot.getAxis("left")._tickLevels[0]]
    assert labels[0] == "0" and len(labels) == 3
    assert values[2] == pytest.approx(top, rel=0.05)  # the top (the view pads by 2 %)
