"""The maps' single-precision pass shows what the exact network computes."""

import numpy as np
import pytest

from neurongui.engine import Network, activations
from neurongui.engine.config import TrainingConfig
from neurongui.engine.datasets import EXTENT
from neurongui.views.canvas_maps import display_activations, palette_rgb
from neurongui.views.charts import GRID

# Softmax needs a layer of its own width; the others go in a hidden layer.
HIDDEN = [name for name in activations.names() if name != "softmax"]


@pytest.mark.parametrize("hidden", HIDDEN)
def test_every_layer_matches_the_exact_forward_pass(hidden):
    net = Network([2, 5, 3], [hidden, "softmax"], seed=3)
    X = np.random.default_rng(0).uniform(-6, 6, size=(400, 2))
    exact = [a for _, a in net.forward_trace(X)]
    shown = display_activations(net, X)
    assert [a.dtype for a in shown] == [np.float32, np.float32]
    for a, b in zip(shown, exact, strict=True):
        # A map's colour table resolves 1/1024 of its range; this is far finer.
        np.testing.assert_allclose(a, b, atol=1e-5)


def test_the_output_map_shows_the_exact_output_to_a_colour_step(window):
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=1)
    window.model.set_network(net, TrainingConfig(dataset="xor", loss="bce"))
    charts = window.charts
    charts.tabs.setCurrentIndex(1)
    charts.redraw(force=True)
    axis = np.linspace(-EXTENT, EXTENT, GRID)
    gx, gy = np.meshgrid(axis, axis)
    exact = net.forward(np.column_stack([gx.ravel(), gy.ravel()]))[:, 0]
    expected = palette_rgb(exact.reshape(GRID, GRID).T, 0.0, 1.0)  # x is the first axis
    shown = charts.image.image
    assert shown.shape == (GRID, GRID, 3) == (100, 100, 3)
    # Equal, or one step of the 1024-step colour table apart where rounding differs.
    assert np.abs(shown.astype(int) - expected.astype(int)).max() <= 1


def test_huge_and_infinite_values_get_the_end_colours_without_an_overflow_warning():
    rgb = palette_rgb(np.array([1e308, -1e308, np.inf, -np.inf]), -1.0, 1.0)
    assert np.array_equal(rgb[0], rgb[2]) and np.array_equal(rgb[1], rgb[3])
    assert np.array_equal(rgb[0], palette_rgb(np.array([1.0]), -1.0, 1.0)[0])
