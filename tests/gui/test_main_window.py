"""The main window: what a student sees on launch, opening and saving files."""

import json

import numpy as np

from neurongui.engine import Network, load_network


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
