"""The main window: what a student sees on launch, opening and saving files."""

import json

import numpy as np

from neurongui.engine import Network, load_network
from neurongui.engine.refs import NeuronRef


def test_first_launch_shows_the_circle_dataset_with_a_2_4_2_1_tanh_network(window):
    assert window.model.config.dataset == "circle"
    assert window.network.sizes == [2, 4, 2, 1]
    assert [layer.activation.name for layer in window.network.layers] == ["tanh", "tanh", "sigmoid"]
    names = {"trainingDock", "inspectorDock", "chartsDock", "activationDock"}
    assert names <= set(window.docks)
    titles = [
        m.title().replace("&", "")
        for m in window.menuBar().findChildren(type(window.menus["file"]))
    ]
    for menu in ("File", "Edit", "View", "Network", "Training", "Help"):
        assert menu in titles


def test_save_then_open_restores_the_network(window, tmp_path):
    path = tmp_path / "mine.json"
    window.network.set_weight(layer=0, neuron=1, source=0, value=0.75)
    assert window.save_path(path)
    assert load_network(path).get_weight(0, 1, 0) == 0.75
    assert "mine.json" in window.windowTitle()
    other = Network([2, 3, 1], ["relu", "sigmoid"], seed=5)
    window.model.set_network(other)
    assert window.open_path(path)
    assert window.network.get_weight(0, 1, 0) == 0.75 and window.network.sizes == [2, 4, 2, 1]


def test_opening_a_bad_file_keeps_the_current_network_and_explains(window, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "neurongui.network", "version": 2, "inputs": {"size": 2}}))
    before = window.network.parameters.copy()
    assert not window.open_path(bad)
    assert "'layers' is missing" in window.last_error
    assert np.array_equal(window.network.parameters, before)


def test_the_window_opens_inside_the_screens_available_area(window):
    # The offscreen screen is 800×800, smaller than the window's preferred 1400×860:
    # the window takes the screen's height, and the least width its panels need,
    # which must fit a 1366×768 laptop.
    room, frame = window.screen().availableGeometry(), window.frameGeometry()
    assert room.height() < 860
    assert room.top() <= frame.top() and frame.bottom() <= room.bottom(), (room, frame)
    assert window.minimumSizeHint().width() < 1366 - 40
    assert frame.width() <= max(room.width(), window.minimumSizeHint().width() + 10)


def test_toolbar_buttons_stay_put_and_carry_no_mnemonics(window, qtbot):
    toolbar = window.toolbar
    texts = [a.iconText() for a in toolbar.actions() if not a.isSeparator()]
    assert not any("&" in t or "(" in t for t in texts), texts
    undo = next(a for a in toolbar.actions() if a.iconText() == "Undo")
    assert not undo.isEnabled()
    play = window.training_panel.actions_for_menu()[0]
    x_before = toolbar.widgetForAction(play).x()
    window.canvas.set_value(NeuronRef(0, 0), -5.0)
    qtbot.waitUntil(undo.isEnabled)
    assert "Set a bias to" in undo.toolTip()  # the description moved to the tooltip
    assert toolbar.widgetForAction(play).x() == x_before
    undo.trigger()
    assert window.network.get_bias(0, 0) != -5.0


def test_examples_menu_names_each_example_in_words(window):
    menu = window.findChild(type(window.menus["file"]), "examplesMenu")
    titles = [a.text() for a in menu.actions()]
    assert "XOR needs a hidden layer" in titles
    assert not any("_" in t for t in titles)


def test_on_a_short_screen_the_activation_plots_share_the_charts_column(window):
    # The offscreen screen is 800 px high: under the canvas the plots (382 px at least)
    # left the diagram about 290 px. Tabbed with the charts, the canvas gets the height.
    docks = window.docks
    assert docks["activationDock"] in window.tabifiedDockWidgets(docks["chartsDock"])
    assert window.canvas.height() > 0.6 * window.height()
    assert window.minimumSizeHint().width() <= 1024  # a classroom projector


def _choose_data(window, key: str) -> None:
    """Pick ``key`` in the training panel's Data list, as a click would."""
    combo = window.training_panel.dataset
    index = combo.findData(key)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_data_that_needs_a_new_network_clears_a_selection_it_no_longer_has(window):
    window.canvas.select_neuron(2, 0)  # the output neuron
    _choose_data(window, "iris")  # raised IndexError in the inspector before (issue 14, G2)
    assert window.network.sizes[0] == 4 and window.network.sizes[-1] == 3
    assert window.model.selection.kind == "none"
    window.undo_stack.undo()
    assert window.network.sizes == [2, 4, 2, 1] and window.model.config.dataset == "circle"


def test_data_that_keeps_the_network_keeps_the_selection_and_resets_the_sample(window):
    window.canvas.select_edge(1, 0, 1)
    window.model.select_sample(7)
    _choose_data(window, "xor")
    s = window.model.selection
    assert (s.kind, s.layer, s.neuron, s.source) == ("edge", 1, 0, 1)
    assert window.model.sample_index == 0 and window.model.history == []


def test_the_last_flower_of_lesson_6_then_a_logic_gate_starts_at_the_first_sample(window):
    lesson = window.start_lesson("softmax")
    lesson.flower_box.setValue(lesson.flower_box.maximum())
    assert window.model.sample_index == len(window.model.data.X_train) - 1
    _choose_data(window, "and")  # raised IndexError in model.sample before
    assert window.model.config.dataset == "and"
    assert window.model.sample_index == 0
    assert np.array_equal(window.model.sample, window.model.data.X_train[0])


def test_a_test_share_that_leaves_no_training_data_is_refused_and_changes_nothing(window, qtbot):
    _choose_data(window, "and")  # four samples
    before, steps = window.model.config, window.undo_stack.count()
    box = window.training_panel.test_ratio
    with qtbot.waitSignal(window.model.message) as said:
        box.setValue(box.maximum())  # raised ValueError out of the undo command before
    assert "no training samples" in said.args[0]
    assert window.model.config == before and window.undo_stack.count() == steps
    assert box.value() == before.test_fraction  # the box shows what applies
