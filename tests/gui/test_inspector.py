"""The inspector: editing through spin boxes, undo, and the neuron's arithmetic."""

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QTableWidget

from neurongui.engine import Network
from neurongui.engine.explain import explain_neuron
from neurongui.engine.numbers import format_number
from neurongui.i18n import install_translators
from neurongui.main_window import MainWindow
from neurongui.paths import resource_path
from neurongui.undo import SettingsCommand
from neurongui.views.inspector_terms import term_rows


@pytest.fixture
def small_window(qtbot, request):
    """A 1366×768 window, the size of a classroom laptop's screen, in the language of
    the test's parameter (English by default; Chinese glyphs are taller)."""
    language = getattr(request, "param", "en")
    translators = install_translators(QApplication.instance(), language)
    win = MainWindow()
    win.language = language
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: (win.width(), win.height()) == (1366, 768))
    win.reset_layout()  # the default dock sizes, not a layout another test left saved
    yield win
    win.training.shutdown()
    win.model.set_modified(False)
    for translator in translators:
        QApplication.instance().removeTranslator(translator)


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


# -- every number current -------------------------------------------------------------


def _settled(inspector, qtbot):
    qtbot.waitUntil(lambda: not inspector.redraw_pending)


def _boxes_shown(inspector) -> dict[str, bool]:
    """Which editing boxes a student sees (a disabled box still shows its old value)."""
    return {
        box.objectName(): box.isVisibleTo(inspector)
        for box in (inspector.weight_spin, inspector.bias_spin, inspector.activation_combo)
    }


def _assert_blank(inspector) -> None:
    assert not any(_boxes_shown(inspector).values()), _boxes_shown(inspector)
    assert not inspector.weight_spin.isEnabled() and not inspector.bias_spin.isEnabled()
    assert not inspector.table.isVisibleTo(inspector)
    assert "Nothing selected" in inspector.title.text()
    assert "Click a neuron or an edge in the diagram" in inspector.details.text()


def test_with_nothing_selected_no_box_keeps_an_old_value(window, qtbot):
    inspector = window.inspector
    window.canvas.select_neuron(0, 1)
    _settled(inspector, qtbot)
    assert _boxes_shown(inspector) == {
        "weightSpinBox": False,
        "biasSpinBox": True,
        "activationCombo": True,
    }
    window.new_document()  # New
    _settled(inspector, qtbot)
    _assert_blank(inspector)
    window.canvas.select_neuron(0, 0)
    window.start_lesson("one_neuron")  # a lesson start brings its own network
    _settled(inspector, qtbot)
    _assert_blank(inspector)
    window.canvas.select_neuron(0, 0)
    window.leave_lesson()
    window.new_document()
    window.canvas.select_edge(0, 0, 0)
    config = window.model.config.with_changes(dataset="iris")  # 4 inputs: a new network
    window.undo_stack.push(SettingsCommand(window.model, config, "iris"))
    _settled(inspector, qtbot)
    _assert_blank(inspector)
    # Undo brings back the old network with the edge that was selected on it: the
    # Inspector shows that edge's weight now, not the neuron selected in between.
    window.canvas.select_neuron(0, 0)
    window.undo_stack.undo()
    _settled(inspector, qtbot)
    assert window.model.selection.kind == "edge"
    assert _boxes_shown(inspector) == {
        "weightSpinBox": True,
        "biasSpinBox": False,
        "activationCombo": False,
    }
    assert inspector.weight_spin.value() == pytest.approx(window.network.get_weight(0, 0, 0))
    window.canvas.select_neuron(0, 0)
    window.undo_stack.redo()  # the iris network again, with nothing selected on it
    _settled(inspector, qtbot)
    _assert_blank(inspector)
    window.model.set_modified(False)
    window.training.shutdown()


def test_an_edge_shows_its_weight_and_the_neuron_it_feeds_but_no_bias(window, qtbot):
    window.model.set_network(Network([2, 4, 1], ["tanh", "sigmoid"], seed=0))
    net = window.network
    window.canvas.select_edge(1, 0, 2)
    _settled(window.inspector, qtbot)
    assert _boxes_shown(window.inspector) == {
        "weightSpinBox": True,
        "biasSpinBox": False,
        "activationCombo": False,
    }
    h = np.tanh(net.layers[0].weights @ window.model.sample + net.layers[0].biases)
    z = float(net.layers[1].weights[0] @ h + net.layers[1].biases[0])
    a = 1 / (1 + np.exp(-z))
    text = window.inspector.details.text()
    # The layers by the diagram's names; which neuron the edge feeds, in one clear line.
    assert (
        "it feeds neuron 1 of the output layer (sigmoid): "
        f"z = {format_number(z)}, a = σ(z) = {format_number(a)}" in text
    )
    assert f"it carries x = {format_number(h[2])} from neuron 3 of hidden layer 1 (tanh)" in text
    assert f"its term in z: w·x = {format_number(net.get_weight(1, 0, 2) * h[2])}" in text
    assert "activation feeding it" not in text
    title = window.inspector.title.text()
    assert "from neuron 3 of hidden layer 1 (tanh) into neuron 1 of the output layer" in title
    assert "layer 2" not in title + text  # the diagram has no "layer 2" in this network


def test_a_neuron_is_named_by_its_layer_as_the_diagram_names_it(window, qtbot):
    window.model.set_network(Network([2, 3, 2, 1], ["tanh", "relu", "sigmoid"], seed=0))
    inspector = window.inspector
    for layer, name in ((0, "hidden layer 1"), (1, "hidden layer 2"), (2, "the output layer")):
        window.canvas.select_neuron(layer, 0)
        _settled(inspector, qtbot)
        assert f"Neuron 1 of {name}</b>" in inspector.title.text()
    # The diagram's header of the same layer, in full (it may be shortened on screen).
    assert "Hidden layer 2 · ReLU" in [t.texts[0] for t in window.canvas.screen_texts()]


def test_a_tiny_value_is_written_out_in_full_not_in_scientific_notation(window, qtbot):
    net = Network([2, 1], ["sigmoid"], seed=0)
    net.set_weight(0, 0, 0, 0.0)
    net.set_weight(0, 0, 1, 0.0)
    net.set_bias(0, 0, -13.7)  # a = σ(−13.7) = 1.1220e−06 whatever the sample
    window.model.set_network(net)
    window.canvas.select_edge(0, 0, 0)
    _settled(window.inspector, qtbot)
    a = 1 / (1 + np.exp(13.7))
    assert f"{a:.3e}" == "1.122e-06"  # the independent value, to 4 digits
    text = window.inspector.details.text()
    assert "a = σ(z) = 0.000001122" in text
    assert "e−0" not in text
    window.canvas.select_neuron(0, 0)
    _settled(window.inspector, qtbot)
    table = window.inspector.table
    assert _cells(table, table.rowCount() - 1)[3] == "0.000001122"


def test_the_bias_box_says_it_shows_more_digits_than_the_diagram(window, qtbot):
    window.canvas.select_neuron(0, 0)
    _settled(window.inspector, qtbot)
    assert "6 significant digits" in window.inspector.bias_spin.toolTip()


def _cells(table, row):
    return [table.item(row, c).text() for c in range(4)]


@pytest.mark.parametrize("small_window", ["en", "zh_CN"], indirect=True)
def test_eight_inputs_show_every_term_bias_z_and_a_without_scrolling_at_1366x768(
    small_window, qtbot
):
    window = small_window
    window.model.set_network(Network([2, 8, 1], ["relu", "sigmoid"], seed=3))
    window.model.set_modified(False)
    window.model.select_sample(5)
    window.canvas.select_neuron(1, 0)
    inspector = window.inspector
    _settled(inspector, qtbot)
    net, x = window.network, window.model.sample
    h = np.maximum(net.layers[0].weights @ x + net.layers[0].biases, 0)  # computed here
    w, b = net.layers[1].weights[0], float(net.layers[1].biases[0])
    z = float(w @ h + b)
    table = inspector.table
    assert table.rowCount() == 8 + 3
    for i in range(8):
        assert _cells(table, i)[1:] == [format_number(v) for v in (h[i], w[i], w[i] * h[i])]
    assert _cells(table, 8)[1:] == ["", "", format_number(b)]
    assert _cells(table, 9) == ["z = Σ w·x + b", "", "", format_number(z)]
    assert _cells(table, 10) == ["a = σ(z)", "", "", format_number(1 / (1 + np.exp(-z)))]
    # In sight in the dock as the window lays it out: no row cut off, nothing scrolled;
    # only the gradient check below the table may need scrolling to.
    viewport = inspector.scroll_area.viewport()

    def in_sight() -> bool:
        bottom = table.mapTo(viewport, table.rect().bottomLeft()).y()
        return bottom <= viewport.height() and table.isVisible()

    qtbot.waitUntil(in_sight)  # once the layout has run
    assert inspector.scroll_area.verticalScrollBar().value() == 0
    check = inspector.gradient_check
    qtbot.waitUntil(
        lambda: (
            check.mapTo(viewport, check.rect().topLeft()).y()
            >= table.mapTo(viewport, table.rect().bottomLeft()).y()
        )
    )
    assert table.verticalScrollBar().maximum() == 0
    assert (window.width(), window.height()) == (1366, 768)


def test_many_inputs_show_the_largest_terms_and_the_sum_of_the_rest(window, qtbot):
    window.model.set_network(Network([2, 64, 1], ["tanh", "sigmoid"], seed=1))
    window.canvas.select_neuron(1, 0)
    _settled(window.inspector, qtbot)
    net, x = window.network, window.model.sample
    h = np.tanh(net.layers[0].weights @ x + net.layers[0].biases)
    w, b = net.layers[1].weights[0], float(net.layers[1].biases[0])
    terms = w * h
    largest = sorted(np.argsort(-np.abs(terms))[:7])
    rest = np.setdiff1d(np.arange(64), largest)
    table = window.inspector.table
    assert table.rowCount() == 7 + 1 + 3
    for row, i in enumerate(largest):
        assert _cells(table, row) == [
            f"a{i + 1}".translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")) + "⁽¹⁾",
            format_number(h[i]),
            format_number(w[i]),
            format_number(terms[i]),
        ]
    assert _cells(table, 7) == ["… 57 more terms", "", "", format_number(terms[rest].sum())]
    assert _cells(table, 9)[3] == format_number(terms.sum() + b)
    assert table.verticalScrollBar().maximum() == 0


def test_the_activation_is_written_with_its_symbol(window, qtbot):
    window.model.set_network(Network([2, 4, 1], ["tanh", "sigmoid"], seed=0))
    window.canvas.select_neuron(1, 0)  # the sigmoid output
    _settled(window.inspector, qtbot)
    table = window.inspector.table
    assert table.item(table.rowCount() - 1, 0).text() == "a = σ(z)"
    window.canvas.select_neuron(0, 0)  # a tanh neuron
    _settled(window.inspector, qtbot)
    assert table.item(table.rowCount() - 1, 0).text() == "a = tanh(z)"


@pytest.mark.parametrize("small_window", ["en", "zh_CN"], indirect=True)
@pytest.mark.parametrize("tab", ["chartsDock", "activationDock"])
def test_selecting_never_makes_a_1366x768_window_taller(small_window, qtbot, tab):
    window = small_window
    window.docks[tab].raise_()  # on a short screen the two share the right column
    for name, inputs in (("xor", 2), ("iris", 4), ("digits", 64)):
        window.open_example(resource_path("examples", f"{name}.json"))
        assert window.network.sizes[0] == inputs
        for select in (
            lambda: window.canvas.select_neuron(0, 0),
            lambda: window.canvas.select_edge(0, 0, 0),
        ):
            select()
            _settled(window.inspector, qtbot)
            QApplication.processEvents()  # the layout requests the selection made
            # What would make the window grow: its least height, over the room a 768-px
            # screen leaves (a 40-px panel, a 30-px title bar).
            assert window.minimumSizeHint().height() <= 768 - 40 - 30, name
            assert (window.width(), window.height()) == (1366, 768), name


@pytest.mark.parametrize("small_window", ["zh_CN"], indirect=True)
def test_the_table_names_inputs_and_terms_in_chinese(small_window, qtbot):
    window = small_window
    window.open_example(resource_path("examples", "iris.json"))
    window.canvas.select_neuron(0, 0)
    _settled(window.inspector, qtbot)
    table = window.inspector.table
    assert [table.item(i, 0).text() for i in range(4)] == [
        "花萼长度",
        "花萼宽度",
        "花瓣长度",
        "花瓣宽度",
    ]
    assert table.item(4, 0).text() == "偏置 b"
    window.open_example(resource_path("examples", "digits.json"))
    window.canvas.select_neuron(0, 0)
    _settled(window.inspector, qtbot)
    assert table.item(7, 0).text() == "… 其余 57 项"


def test_a_90000_input_neuron_is_summarised_in_eight_rows_that_add_up_to_z():
    net = Network([90_000, 2, 1], seed=0)
    x = np.random.default_rng(0).random(90_000)
    e = explain_neuron(net, x, 0, 0)
    rows = term_rows(e)
    terms = net.layers[0].weights[0] * x  # computed here, not by the inspector
    assert len(rows) == 8 and rows[-1].rest == 90_000 - 7
    shown = {float(r.product) for r in rows[:-1]}
    assert shown == {float(t) for t in terms[np.argsort(-np.abs(terms))[:7]]}
    z = float(net.layers[0].weights[0] @ x + net.layers[0].biases[0])
    assert sum(r.product for r in rows) + e.bias == pytest.approx(z, abs=1e-9)
