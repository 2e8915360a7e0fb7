"""The student's samples in a file: what is written reads back to the same arrays, and
what a hostile file says is refused with the field named."""

from __future__ import annotations

import json

import numpy as np
import pytest

from neurongui.engine.config import TrainingConfig
from neurongui.engine.errors import NetworkFileError
from neurongui.engine.pointedits import RemoveRows, add_points, add_rows
from neurongui.engine.pointfile import (
    MAX_ADDED,
    parse_samples,
    restore_samples,
    saved_samples,
)
from neurongui.engine.session import prepare_data


def _through_json(keys: dict) -> dict:
    return json.loads(json.dumps(keys, allow_nan=False))


def test_points_read_back_exactly():
    base = prepare_data(TrainingConfig(dataset="xor"), ("x₁", "x₂", "x₁x₂"))
    data, _ = add_points(base, [[0.1, 1 / 3]], [1]).apply(base)
    data, _ = RemoveRows("test", [0, 5]).apply(data)
    keys = _through_json(saved_samples(data, None))
    restored = restore_samples(base, parse_samples(keys, "binary"))
    for name in ("X_train", "Y_train", "X_test", "Y_test", "points_train", "points_test"):
        np.testing.assert_array_equal(getattr(restored, name), getattr(data, name))
    assert restored.edited


def test_every_point_erased_reads_back_as_an_empty_set():
    """Found by the random test: saving after Clear all, then opening, raised."""
    base = prepare_data(TrainingConfig(dataset="xor"), ("x₁", "x₂", "x₁x₂"))
    data, _ = RemoveRows("train", np.arange(len(base.X_train))).apply(base)
    data, _ = RemoveRows("test", np.arange(len(base.X_test))).apply(data)
    keys = _through_json(saved_samples(data, None))
    assert keys["points"] == {"train": [], "test": []}
    restored = restore_samples(base, parse_samples(keys, "binary"))
    assert restored.X_train.shape == (0, 3) and restored.X_test.shape == (0, 3)
    assert restored.Y_train.shape == (0, 1) and restored.points_train.shape == (0, 2)


def test_generated_data_stores_nothing():
    data = prepare_data(TrainingConfig())
    assert saved_samples(data, data) == {}
    assert parse_samples({"dataset": "circle"}, "binary") is None


def test_only_the_added_rows_of_a_set_of_columns_are_stored():
    base = prepare_data(TrainingConfig(dataset="digits"))
    image = np.linspace(0, 1, 64)
    data, _ = add_rows(base, image[None, :], [4]).apply(base)
    keys = _through_json(saved_samples(data, base))
    assert keys["added_samples"]["labels"] == [4] and len(keys["added_samples"]["inputs"]) == 1
    restored = restore_samples(base, parse_samples(keys, None))
    np.testing.assert_array_equal(restored.X_train, data.X_train)
    np.testing.assert_array_equal(restored.Y_train, data.Y_train)


@pytest.mark.parametrize(
    ("added", "where"),
    [
        ({"inputs": [[0.5]], "labels": [1, 2]}, "training.added_samples.labels"),
        ({"inputs": [[0.5]], "labels": [1.5]}, "training.added_samples.labels"),
        ({"inputs": [[0.5], [0.5, 0.5]], "labels": [1, 2]}, "training.added_samples.inputs"),
        ({"inputs": [[0.5]] * (MAX_ADDED + 1), "labels": [1]}, "training.added_samples.inputs"),
        ({"inputs": "pixels", "labels": [1]}, "training.added_samples.inputs"),
        ("many", "training.added_samples"),
    ],
)
def test_hostile_added_samples_are_refused(added, where):
    with pytest.raises(NetworkFileError) as caught:
        parse_samples({"added_samples": added}, None)
    assert str(caught.value).startswith(f"{where}:")


def test_samples_that_do_not_fit_the_data_are_refused():
    digits = prepare_data(TrainingConfig(dataset="digits"))
    wrong_size = parse_samples({"added_samples": {"inputs": [[0.5] * 3], "labels": [1]}}, None)
    with pytest.raises(ValueError):
        restore_samples(digits, wrong_size)
    points = parse_samples({"points": {"train": [[0, 0, 1]]}}, "binary")
    with pytest.raises(ValueError):
        restore_samples(digits, points)
