"""The health panel: per-layer gradient sizes and update ratios as the run reports
them, weight histograms against the start, dead and saturated shares."""

from __future__ import annotations

import numpy as np
import pytest

from neurongui.engine import Network
from neurongui.engine.diagnostics import update_ratios
from neurongui.engine.session import make_trainer
from neurongui.model import NetworkModel
from neurongui.views.health_panel import CAPACITY, HealthPanel, Track


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def panel(qtbot) -> HealthPanel:
    widget = HealthPanel(NetworkModel(), clock=Clock())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _train(panel: HealthPanel, epochs: int) -> list[list[float]]:
    """Train as the worker does, sending each epoch's state to the model; return the
    update ratios an independent computation gives."""
    model = panel.model
    trainer = make_trainer(model.network.copy(), model.data, model.config)
    ratios = []
    for _ in range(epochs):
        before = [layer.weights.copy() for layer in model.network.layers]
        trainer.epoch()
        model.update_parameters(trainer.network.parameters.copy(), model.edit_seq)
        model.set_gradients(trainer.gradients())
        model.set_history(trainer.history)
        ratios.append(update_ratios(before, [layer.weights for layer in model.network.layers]))
    return ratios


def test_curves_follow_the_epochs(qtbot, panel):
    ratios = _train(panel, 5)
    grads = panel.model.gradients
    for index, track in enumerate(panel.gradient_tracks):
        assert track.n == 5
        assert track.y[4] == pytest.approx(np.linalg.norm(grads[index]["weights"]))
        assert list(track.x[:5]) == [1, 2, 3, 4, 5]
    for index, track in enumerate(panel.ratio_tracks):
        assert track.n == 5  # the first epoch against the run's start
        assert np.allclose(track.y[:5], [r[index] for r in ratios], rtol=1e-12)
    panel.redraw()
    x, _ = panel.gradient_curves[0].getData()
    assert len(x) == 5


def test_histograms_compare_now_with_the_start(qtbot, panel):
    start = panel.model.network.layers[0].weights.copy()
    _train(panel, 3)
    panel.redraw()
    _, start_counts = panel.start_hist.getData()
    _, now_counts = panel.now_hist.getData()
    assert start_counts.sum() == now_counts.sum() == start.size
    edges = panel.start_hist.getData()[0]
    assert np.array_equal(start_counts, np.histogram(start.ravel(), bins=edges)[0])


def test_dead_relus_are_reported_per_layer(qtbot, panel):
    model = panel.model
    net = Network(model.network.sizes, ["relu", "tanh", "sigmoid"], seed=0)
    net.layers[0].biases = np.array([-50.0, -50.0, -50.0, 0.1])
    model.set_network(net, model.config)
    panel.redraw()
    assert "Hidden layer 1 (ReLU): 75% of the neurons dead" in panel.shares.text()
    assert "Hidden layer 2 (tanh): 0% of the neurons saturated" in panel.shares.text()


def test_with_every_point_erased_the_shares_say_there_are_no_samples(qtbot, panel):
    """Found by the random test: the saturated share over no sample warned."""
    from PySide6.QtGui import QUndoStack

    from neurongui.editing import Editor

    Editor(panel.model, QUndoStack()).clear_points()
    panel.redraw()
    assert panel.shares.text() == "There are no training samples."


def test_a_full_track_keeps_every_second_point():
    track = Track()
    for i in range(CAPACITY + 1):
        track.add(float(i), 1.0)
    assert track.n == CAPACITY // 2 + 1
    assert track.x[0] == 0 and track.x[1] == 2 and track.x[track.n - 1] == CAPACITY
