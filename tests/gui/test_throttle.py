"""Costly views draw edits at once, training's stream at a walk, nothing while hidden."""

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


class FakeClock:
    """time.monotonic for the throttle, moved by hand: no test waits for real time."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(throttle, "time", fake)
    return fake


@pytest.fixture
def view(qtbot, monkeypatch, clock):
    monkeypatch.setattr(Redraw, "_live_drawn", 0.0)  # no frame of an earlier test counts
    return _make_view(qtbot)


def test_an_edit_is_drawn_at_once(view):
    view.redraw.request(live=False)
    assert view.calls == [1]


def test_a_burst_of_streamed_values_is_drawn_once_a_period(view, clock):
    view.redraw.now()
    for _ in range(50):
        view.redraw.request(live=True)
    assert view.calls == [1] and view.redraw.pending  # not yet: one period has not passed
    clock.advance(0.049)  # 20 Hz: a period is 50 ms
    view.redraw.request(live=True)
    assert view.calls == [1]
    clock.advance(0.002)
    view.redraw.request(live=True)  # the next snapshot after the period draws
    assert view.calls == [1, 1] and not view.redraw.pending


def test_the_last_values_of_a_stream_are_drawn_when_it_stops(view, qtbot):
    view.redraw.now()
    view.redraw.request(live=True)  # no snapshot follows: the timer draws it
    assert view.calls == [1] and view.redraw.pending
    qtbot.waitUntil(lambda: view.calls == [1, 1])
    assert not view.redraw.pending


def test_streamed_values_are_drawn_in_the_frame_that_brought_them(view):
    view.redraw.request(live=True)  # due: nothing drawn for longer than a period
    assert view.calls == [1] and not view.redraw.pending


def test_one_view_a_frame_draws_streamed_values(view, qtbot, clock):
    other = _make_view(qtbot)
    view.redraw.request(live=True)  # one snapshot reaches both views
    other.redraw.request(live=True)
    assert view.calls == [1] and other.calls == [] and other.redraw.pending
    clock.advance(0.06)  # the next snapshot, a frame later: the other view's turn
    other.redraw.request(live=True)
    assert other.calls == [1] and view.calls == [1]


def test_a_costly_view_draws_streamed_values_less_often(view, clock):
    view.redraw.now()
    view.redraw.add_cost(0.1)  # its paint took 100 ms: at 5% of the time, once in 0.6 s
    assert view.redraw.interval == pytest.approx(0.6)
    clock.advance(0.2)  # four periods of 20 Hz later
    view.redraw.request(live=True)
    assert view.calls == [1] and view.redraw.pending
    clock.advance(0.5)
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
    assert window.inspector.redraw_pending
    qtbot.waitUntil(lambda: not window.inspector.redraw_pending)
