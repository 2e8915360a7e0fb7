"""The z histogram at MNIST scale: a fixed, stated subset of a big training set."""

import numpy as np
from mnist_helpers import mnist_like

from neurongui.engine import Network
from neurongui.model import NetworkModel
from neurongui.views.activation_curves import histogram_range
from neurongui.views.activation_histogram import HISTOGRAM_SAMPLES, histogram_rows
from neurongui.views.activation_plot import ActivationPlotPanel


def _panel(qtbot, n: int) -> ActivationPlotPanel:
    model = NetworkModel()
    dataset = mnist_like(n, train=1.0)
    model.add_dataset(dataset)
    config = model.config.with_changes(dataset=dataset.name, loss="cross_entropy")
    net = Network([784, 30, 10], ["relu", "softmax"], seed=0, input_names=dataset.feature_names)
    model.set_network(net, config)
    panel = ActivationPlotPanel(model)
    qtbot.addWidget(panel)
    panel.show()
    model.select_neuron(0, 1)
    panel.refresh_now()
    return panel


def test_a_big_training_set_is_counted_over_one_sample_in_k_and_says_so(qtbot):
    panel = _panel(qtbot, 4500)  # one in 5: rows 0, 5, …, 4495
    model = panel.model
    rows = np.arange(0, 4500, 5)
    zs = model.network.forward_trace(model.data.inputs("train", rows))[0][0]
    _, counts = panel.hist_curve.getData()
    assert counts.sum() == zs.size == 900 * 30
    expected, _ = np.histogram(zs, bins=40, range=histogram_range(zs))
    assert np.array_equal(counts, expected)  # the z of exactly those samples
    assert panel.histogram_label.text().startswith("Over 900 of 4,500 training samples (1 in 5).")


def test_a_small_training_set_is_counted_whole(qtbot):
    panel = _panel(qtbot, HISTOGRAM_SAMPLES)
    _, counts = panel.hist_curve.getData()
    assert counts.sum() == HISTOGRAM_SAMPLES * 30
    assert panel.histogram_label.text().startswith("Over the training set.")


def test_the_subset_of_mnists_60000_is_every_60th_image():
    rows, step = histogram_rows(60_000)
    assert step == 60 and len(range(60_000)[rows]) == HISTOGRAM_SAMPLES
    assert histogram_rows(HISTOGRAM_SAMPLES + 1) == (slice(0, HISTOGRAM_SAMPLES + 1, 2), 2)
