"""Exports: the diagram as PNG and SVG, the history as CSV, the weights without pickle."""

import csv

import numpy as np
import pytest
from PySide6.QtGui import QImage

from neurongui.documents import InstanceGuard
from neurongui.engine.metrics import EpochRecord
from neurongui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(guard=InstanceGuard(tmp_path / "data"))
    qtbot.addWidget(win)
    return win


def test_diagram_png_is_a_real_picture(window, tmp_path):
    path = tmp_path / "d.png"
    assert window.export("png", path)
    image = QImage(str(path))
    assert image.width() > 500
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20  # edges, maps and text, not a blank page


def test_diagram_svg_has_the_edges_as_vectors(window, tmp_path):
    path = tmp_path / "d.svg"
    assert window.export("svg", path)
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "<path" in text


def test_history_csv(window, tmp_path):
    window.model.set_history([EpochRecord(1, 50, 0.5, None, 0.75, None)])
    path = tmp_path / "h.csv"
    assert window.export("history", path)
    rows = list(csv.reader(path.open()))
    assert rows[0][:3] == ["epoch", "steps", "train_loss"] and rows[1] == [
        "1",
        "50",
        "0.5",
        "",
        "0.75",
        "",
    ]


def test_weights_npz_loads_without_pickle_and_csv_has_every_parameter(window, tmp_path):
    assert window.export("weights", tmp_path / "w.npz")
    with np.load(tmp_path / "w.npz", allow_pickle=False) as data:
        assert np.array_equal(data["W0"], window.network.layers[0].weights)
        assert np.array_equal(data["b2"], window.network.layers[2].biases)
    assert window.export("weights", tmp_path / "w.csv")
    rows = list(csv.reader((tmp_path / "w.csv").open()))
    assert len(rows) - 1 == window.network.n_parameters


def test_export_to_a_missing_folder_explains(window, tmp_path):
    assert not window.export("history", tmp_path / "nope" / "h.csv")
    assert window.last_error


def test_the_chart_on_show_exports_as_png_and_svg(window, qtbot, tmp_path):
    from PySide6.QtGui import QImage

    window.docks["chartsDock"].show()
    window.charts.tabs.setCurrentIndex(1)  # the output map
    assert window.export("chart", tmp_path / "c.png")
    image = QImage(str(tmp_path / "c.png"))
    assert image.width() >= 2 * window.charts.current_plot().width() - 2
    assert len({image.pixel(x, image.height() // 2) for x in range(0, image.width(), 7)}) > 5
    assert window.export("chart", tmp_path / "c.svg")
    assert "<svg" in (tmp_path / "c.svg").read_text(encoding="utf-8")
    assert not window.export("chart", tmp_path / "nope" / "c.png") and window.last_error
