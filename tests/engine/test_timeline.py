"""The timeline keeps a run's snapshots within a memory budget, spread over the run."""

import numpy as np
import pytest

from neurongui.engine.timeline import Timeline


def test_snapshots_are_copies_found_by_the_nearest_epoch():
    timeline = Timeline()
    params = np.zeros(3)
    for epoch in (1, 2, 5):
        params[:] = epoch
        timeline.add(epoch, params)
    assert timeline.nearest(4) == (5, pytest.approx(np.full(3, 5.0)))
    epoch, values = timeline.nearest(3)  # a tie between 2 and 5? no: 2 is nearer
    assert epoch == 2 and np.array_equal(values, np.full(3, 2.0))
    values[:] = 99  # a copy: the timeline keeps its own
    assert np.array_equal(timeline.nearest(2)[1], np.full(3, 2.0))


def test_a_long_run_stays_within_the_budget_and_keeps_its_ends():
    params = np.zeros(1000)  # 8,000 bytes
    timeline = Timeline(budget_bytes=20 * params.nbytes)
    for epoch in range(1, 1001):
        timeline.add(epoch, params)
        assert timeline.nbytes <= 21 * params.nbytes
    assert timeline.epochs[0] == 1 and timeline.epochs[-1] == 1000
    gaps = np.diff(timeline.epochs)
    assert gaps.max() <= 4 * gaps.min() + 1  # spread over the run, not bunched at one end


def test_going_back_replaces_the_future_and_a_new_structure_starts_again():
    timeline = Timeline()
    for epoch in range(1, 6):
        timeline.add(epoch, np.full(2, float(epoch)))
    timeline.add(3, np.full(2, 30.0))  # resumed from epoch 2: epoch 3 is new
    assert timeline.epochs == [1, 2, 3]
    assert timeline.nearest(3)[1][0] == 30.0
    timeline.add(4, np.zeros(5))  # the structure changed
    assert timeline.epochs == [4]


def test_an_empty_timeline_says_so():
    with pytest.raises(LookupError):
        Timeline().nearest(1)
