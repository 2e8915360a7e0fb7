"""The loss surface panel: computed off the GUI thread, exact at the current weights,
stopped by its time budget, errors reported, and the path follows the weights."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from neurongui.editing import Editor
from neurongui.engine.numbers import format_number
from neurongui.engine.refs import EdgeRef
from neurongui.model import NetworkModel
from neurongui.views.loss_surface import STEPS, LossSurfacePanel, SurfaceThread, edge_name


@pytest.fixture
def panel(qtbot) -> LossSurfacePanel:
    widget = LossSurfacePanel(NetworkModel())
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.stop()


def test_the_surface_at_the_current_weights_is_the_current_loss(qtbot, panel):
    with qtbot.waitSignal(panel.compute_button.clicked):
        panel.compute_button.click()
    with qtbot.waitSignal(panel.thread_.ended, timeout=20000) as ended:
        pass
    surface, complete = ended.args
    assert complete and surface.values.shape == (STEPS, STEPS)
    model = panel.model
    data = model.data
    centre = surface.values[STEPS // 2, STEPS // 2]
    expected = model.network.loss(data.inputs("train"), data.Y_train, model.config.loss)
    assert centre == pytest.approx(expected, rel=1e-12)
    assert f"over {len(data.X_train):,} training samples" in panel.note.text()


def test_the_time_budget_stops_early_and_says_so(qtbot, panel):
    ticks = iter(range(0, 10_000, 100))  # a fake clock: 100 s pass at every look
    pair = panel.chosen()
    assert pair is not None
    from neurongui.engine.surface import grid_around, surface_rows

    model = panel.model
    rows = surface_rows(
        model.network.copy(),
        model.data.X_train,
        model.data.Y_train,
        "bce",
        *pair,
        grid_around(0, 1, 5),
        grid_around(0, 1, 5),
    )
    thread = SurfaceThread(rows, budget_s=10, clock=lambda: next(ticks))
    thread.ended.connect(panel.show_result)
    with qtbot.waitSignal(thread.ended) as ended:
        thread.start()
    thread.wait()
    surface, complete = ended.args
    assert not complete and surface.rows_done == 1
    assert "Stopped after 1 of 5 rows" in panel.note.text()


def test_an_error_is_reported_not_swallowed(qtbot):
    def broken():
        raise ValueError("choose two different weights")
        yield  # pragma: no cover

    thread = SurfaceThread(broken())
    with qtbot.waitSignal(thread.failed) as failed:
        thread.start()
    thread.wait()
    assert "different weights" in failed.args[0]


def test_the_path_follows_the_two_weights(qtbot, panel):
    editor = Editor(panel.model, QUndoStack())
    a, b = panel.chosen()
    start = len(panel.path)
    editor.set_weight(a, 1.25)
    assert len(panel.path) == start + 1 and panel.path[-1][0] == 1.25
    editor.set_weight(EdgeRef(1, 0, 1) if EdgeRef(1, 0, 1) not in (a, b) else EdgeRef(1, 1, 0), 0.5)
    assert len(panel.path) == start + 1  # another weight: the same point


def test_the_selected_edge_can_be_chosen(qtbot, panel):
    edge = EdgeRef(1, 1, 3)
    panel.model.select_edge(edge.layer, edge.neuron, edge.source)
    panel.use_selected(panel.second)
    assert panel.second.currentData() == edge
    assert panel.second.currentText() == edge_name(edge) == "w₂₄⁽²⁾"


def test_the_colour_bar_is_ticked_with_the_lowest_and_highest_loss(qtbot, panel):
    panel.compute_button.click()
    with qtbot.waitSignal(panel.thread_.ended, timeout=20000) as ended:
        pass
    finite = ended.args[0].values
    lo, hi = float(finite.min()), float(finite.max())
    ticks = panel.colour_bar.axis._tickLevels[0]
    labels = [label for _, label in ticks]
    assert labels[0] == format_number(lo) and labels[-1] == format_number(hi)
    # the highest loss sits at the top of the bar, the lowest at the bottom
    low, high = panel.colour_bar.levels()
    assert ticks[0][0] == pytest.approx(low) and ticks[-1][0] == pytest.approx(high)
    assert panel.plot.getPlotItem().getAxis("bottom").labelText == edge_name(panel.chosen()[0])
