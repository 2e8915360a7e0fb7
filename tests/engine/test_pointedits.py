"""Edits of the training data: each one's inverse gives the very same arrays back,
new samples join the training set with their features, and bad edits are refused."""

from __future__ import annotations

import numpy as np
import pytest

from neurongui.engine.config import TrainingConfig
from neurongui.engine.errors import EngineError
from neurongui.engine.features import FEATURES, compute_features
from neurongui.engine.pointedits import (
    LARGEST,
    InsertRows,
    MovePoint,
    RemoveRows,
    ReplacePoints,
    add_points,
    add_rows,
    nearest_point,
    points_within,
    with_features,
)
from neurongui.engine.session import TrainingData, prepare_data

FIELDS = ("X_train", "Y_train", "X_test", "Y_test", "points_train", "points_test")


@pytest.fixture
def data() -> TrainingData:
    """The circle set (250 training, 250 test points) seen through x₁, x₂, x₁², sin x₁."""
    return prepare_data(TrainingConfig(), ("x₁", "x₂", "x₁²", "sin x₁"))


def _same(a: TrainingData, b: TrainingData) -> bool:
    pairs = [(getattr(a, f), getattr(b, f)) for f in FIELDS]
    return all(
        (x is None and y is None) or (np.array_equal(x, y) and x.dtype == y.dtype) for x, y in pairs
    )


def _round_trip(data: TrainingData, edit) -> TrainingData:
    edited, inverse = edit.apply(data)
    back, again = inverse.apply(edited)
    assert _same(back, data)
    redone, _ = again.apply(back)
    assert _same(redone, edited)
    return edited


def test_added_points_join_the_training_set_with_their_features(data):
    edit = add_points(data, [[1.5, -2.0], [0.0, 3.0]], [1, 0])
    edited = _round_trip(data, edit)
    assert len(edited.X_train) == 252 and len(edited.X_test) == 250
    assert edited.points_train[-2:].tolist() == [[1.5, -2.0], [0.0, 3.0]]
    assert edited.Y_train[-2:, 0].tolist() == [1.0, 0.0]
    expected = compute_features(np.array([[1.5, -2.0]]), data.input_names)[0]
    np.testing.assert_array_equal(edited.X_train[-2], expected)
    assert edited.edited and not data.edited


def test_a_thousand_points_are_one_edit(data):
    rng = np.random.default_rng(1)
    edit = add_points(data, rng.uniform(-6, 6, (1000, 2)), rng.integers(0, 2, 1000))
    assert len(_round_trip(data, edit).X_train) == 1250


def test_removing_rows_of_either_set_puts_them_back_in_place(data):
    edited = _round_trip(data, RemoveRows("train", [7, 3, 200, 3]))
    assert len(edited.X_train) == 247
    np.testing.assert_array_equal(edited.points_train[3], data.points_train[4])
    _round_trip(data, RemoveRows("test", np.arange(250)))


def test_a_moved_point_keeps_its_target_and_gets_new_features(data):
    edited = _round_trip(data, MovePoint("test", 5, 2.0, -1.0))
    assert edited.points_test[5].tolist() == [2.0, -1.0]
    assert edited.Y_test[5] == data.Y_test[5]
    np.testing.assert_allclose(edited.X_test[5], [2.0, -1.0, 4.0, np.sin(2.0)])
    assert MovePoint("test", 5, 2.0, -1.0).merge_key == MovePoint("test", 5, 0, 0).merge_key


def test_replacing_everything_and_back(data):
    empty, _ = RemoveRows("train", np.arange(250)).apply(data)
    empty, _ = RemoveRows("test", np.arange(250)).apply(empty)
    cleared = _round_trip(data, ReplacePoints(empty))
    assert len(cleared.X_train) == len(cleared.X_test) == 0
    assert cleared.X_train.shape == (0, 4)


def test_features_follow_the_network(data):
    plain = with_features(data, ("x₁", "x₂"))
    np.testing.assert_array_equal(plain.X_train, data.points_train)
    # A replacement made with other features is seen through the data's own.
    edited, _ = ReplacePoints(plain).apply(data)
    assert edited.input_names == data.input_names
    np.testing.assert_array_equal(edited.X_train, data.X_train)


def test_features_of_an_erased_set_follow_the_network(data):
    """Found by the random test: with every point erased, a feature toggle raised."""
    empty, _ = RemoveRows("test", np.arange(len(data.X_test))).apply(data)
    empty, _ = RemoveRows("train", np.arange(len(data.X_train))).apply(empty)
    plain = with_features(empty, ("x₁", "x₂", "x₂²"))
    assert plain.X_train.shape == (0, 3) and plain.X_test.shape == (0, 3)
    assert plain.input_names == ("x₁", "x₂", "x₂²")


def test_finding_points_near_a_click(data):
    x, y = data.points_train[10]
    assert nearest_point(data, x + 0.01, y, 0.1) == ("train", 10)
    assert nearest_point(data, 100.0, 100.0, 0.1) is None
    assert nearest_point(data, x, y, 0.1, parts=("test",)) != ("train", 10)
    found = points_within(data, 0.0, 0.0, 20.0)
    assert len(found["train"]) == 250 and len(found["test"]) == 250


@pytest.mark.parametrize(
    ("points", "targets"),
    [([[np.nan, 0.0]], [1]), ([[0.0, 0.0]], [0.5]), ([[0.0, 0.0]], [np.inf])],
)
def test_bad_points_are_refused(data, points, targets):
    with pytest.raises(EngineError):
        add_points(data, points, targets)


def test_points_beyond_a_million_are_refused_as_a_file_would_refuse_them(data):
    """Found by the random test: a point moved to 1e200 was taken, then x₁x₂ of it
    overflowed (a warning inside an undo command), and a file saved with it did not
    reopen (its points must lie within ±1e6)."""
    assert LARGEST == 1e6
    for point in ([[1e150, 0.0]], [[0.0, -1000000.5]]):
        with pytest.raises(EngineError, match="between −1,000,000 and 1,000,000"):
            add_points(data, point, [1])
    with pytest.raises(EngineError, match="between"):
        MovePoint("train", 3, 1.0, 1e200).apply(data)
    regression = prepare_data(TrainingConfig(dataset="plane"), ("x₁", "x₂"))
    with pytest.raises(EngineError, match="target"):
        add_points(regression, [[0.0, 0.0]], [2e6])
    # At the limit: taken, and every feature of it finite (x₁x₂ = −1e12).
    edited, _ = add_points(data, [[1e6, -1e6]], [1]).apply(data)
    wide = with_features(edited, tuple(FEATURES))
    assert np.isfinite(wide.X_train).all() and wide.X_train[-1, 4] == -1e12
    moved, _ = MovePoint("train", 3, -1e6, 1e6).apply(data)
    assert moved.points_train[3].tolist() == [-1e6, 1e6]


def test_bad_edits_change_nothing(data):
    with pytest.raises(EngineError):
        RemoveRows("train", [250]).apply(data)
    with pytest.raises(EngineError):
        MovePoint("train", -1, 0.0, 0.0).apply(data)
    with pytest.raises(EngineError):
        InsertRows("train", np.zeros((1, 3)), np.zeros((1, 1)), np.zeros((1, 2))).apply(data)
    assert len(data.X_train) == 250 and not data.edited


def test_regression_targets_are_any_finite_number():
    data = prepare_data(TrainingConfig(dataset="plane"))
    edited = _round_trip(data, add_points(data, [[1.0, 1.0]], [-0.75]))
    assert edited.Y_train[-1, 0] == -0.75


def test_a_drawn_digit_joins_the_training_set_as_pixels():
    data = prepare_data(TrainingConfig(dataset="digits"))
    image = np.linspace(0, 1, 64)
    edited = _round_trip(data, add_rows(data, image[None, :], [7]))
    assert len(edited.X_train) == len(data.X_train) + 1
    np.testing.assert_array_equal(edited.X_train[-1], image)
    assert edited.Y_train[-1].argmax() == 7 and edited.Y_train[-1].sum() == 1
    with pytest.raises(EngineError):
        add_rows(data, image[None, :], [10])
    with pytest.raises(EngineError):
        add_rows(data, np.zeros((1, 63)), [1])
