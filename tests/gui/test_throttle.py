"""Costly views draw edits at once, training's stream at a walk, nothing while hidden."""

from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QWidget

from neurongui.views import throttle
from neurongui.views.throttle import Redraw


def _make_view(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.calls = []
    widget.redraw = Redraw(widget, lambda: widget.calls.append(1), hz=20)
    return widget


@pytest.fixture
def view(qtbot, monkeypatch):
    monkeypatch.setattr(Redraw, "_live_drawn", 0.0)  # no frame of an earlier test counts
    return _make_view(qtbot)


def test_an_edit_is_drawn_at_once(view):
    view.redraw.request(live=False)
    assert view.calls == [1]


def test_a_burst_of_streamed_values_is_drawn_once(view, qtbot):
    view.redraw.now()
    for _ in range(50):
        view.redraw.request(live=True)
    assert view.calls == [1] and view.redraw.pending  # not yet: one period has not passed
    qtbot.waitUntil(lambda: not view.redraw.pending)
    assert view.calls == [1, 1]


def test_streamed_values_are_drawn_in_the_frame_that_brought_them(view):
    view.redraw.request(live=True)  # due: nothing drawn for longer than a period
    assert view.calls == [1] and not view.redraw.pending


def test_one_view_a_frame_draws_streamed_values(view, qtbot):
    other = _make_view(qtbot)
    view.redraw.request(live=True)  # one snapshot reaches both views
    other.redraw.request(live=True)
    assert view.calls == [1] and other.calls == [] and other.redraw.pending
    qtbot.waitUntil(lambda: other.calls == [1])  # the next frame, or at last its timer
    assert view.calls == [1]


def test_a_costly_view_draws_streamed_values_less_often(view, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(throttle, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    view.redraw.now()
    view.redraw.add_cost(0.1)  # its paint took 100 ms: at 5% of the time, once in 0.6 s
    assert view.redraw.interval == pytest.approx(0.6)
    clock[0] += 0.2  # four periods of 20 Hz later
    view.redraw.request(live=True)
    assert view.calls == [1] and view.redraw.pending
    clock[0] += 0.5
    view.redraw.request(live=True)
    assert view.calls == [1, 1]


def test_a_hidden_view_draws_nothing_until_shown(view, qtbot):
    view.hide()
    view.redraw.request(live=False)
    view.redraw.request(live=True)
    assert view.calls == [] and not view.redraw.pending
    view.show()
    qtbot.waitUntil(lambda: view.calls == [1])


def test_the_inspector_follows_training_at_its_own_pace(window, qtbot):
    window.canvas.select_edge(0, 0, 0)
    window.model.live = True  # as while a training snapshot is applied
    try:
        window.model.parametersChanged.emit()
        window.model.parametersChanged.emit()
    finally:
        window.model.live = False
    assert window.inspector._redraw.pending
    qtbot.waitUntil(lambda: not window.inspector._redraw.pending)
