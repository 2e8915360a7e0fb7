"""The student's own samples are saved with the network: reopening the file gives the
same points (or the drawn digits added to a set), and a hostile file is refused."""

from __future__ import annotations

import json

import numpy as np
import pytest

from neurongui.documents import load_document
from neurongui.engine.errors import NetworkFileError
from neurongui.engine.pointfile import MAX_POINTS


def _points(window) -> tuple[np.ndarray, ...]:
    data = window.model.data
    return data.points_train, data.Y_train, data.points_test, data.Y_test, data.X_train


def test_edited_points_come_back_when_the_file_opens(window, tmp_path):
    window.editor.add_points([[1.25, -2.5], [3.0, 3.0]], [0, 1])
    window.editor.erase_points({"test": np.array([0, 1, 2])})
    window.editor.set_inputs(["x₁", "x₂", "x₁x₂"])  # the points' features are saved too
    saved = _points(window)
    path = tmp_path / "mine.json"
    assert window.save_path(path)
    window.new_document()
    assert len(window.model.data.X_test) == 250 and not window.model.data.edited
    assert window.open_path(path)
    for old, new in zip(saved, _points(window), strict=True):
        np.testing.assert_array_equal(old, new)
    assert window.model.data.edited and not window.model.modified
    assert window.undo_stack.count() == 0


def test_a_set_as_generated_stores_no_points(window, tmp_path):
    path = tmp_path / "plain.json"
    assert window.save_path(path)
    training = json.loads(path.read_text(encoding="utf-8"))["training"]
    assert "points" not in training and "added_samples" not in training


def test_undoing_a_settings_change_brings_the_edited_points_back(window):
    window.editor.add_points([[1.25, -2.5]], [0])
    edited = window.model.data.points_train.copy()
    window.editor.change_settings(window.model.config.with_changes(noise=0.3), "Noise")
    assert len(window.model.data.points_train) == 250
    window.undo_stack.undo()
    np.testing.assert_array_equal(window.model.data.points_train, edited)
    window.undo_stack.undo()  # and the point's own step still undoes
    assert len(window.model.data.points_train) == 250


def _hostile(tmp_path, window, points) -> str:
    path = tmp_path / "hostile.json"
    window.editor.add_points([[0.0, 0.0]], [1])
    assert window.save_path(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["training"]["points"] = points
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("points", "where"),
    [
        ({"train": [[0, 0, 1]] * (MAX_POINTS + 1), "test": []}, "training.points.train"),
        ({"train": [[0, 0]], "test": []}, "training.points.train"),
        ({"train": [[0, 0, 1], [1, 2]], "test": []}, "training.points.train"),
        ({"train": [[0, 0, 0.5]], "test": []}, "training.points.train"),
        ({"train": [[1e300, 0, 1]], "test": []}, "training.points.train"),
        ({"train": [[10**30, 0, 1]], "test": []}, "training.points.train"),
        ({"train": [[0, "x", 1]], "test": []}, "training.points.train"),
        ({"train": [[0, 0, 1]], "test": [[0, 0, 2]]}, "training.points.test"),
        ({"train": "many"}, "training.points.train"),
        ([1, 2, 3], "training.points"),
        ({"train": [[True, 0, 1]], "test": []}, "training.points.train"),
    ],
)
def test_hostile_points_are_refused(window, tmp_path, points, where):
    path = _hostile(tmp_path, window, points)
    with pytest.raises(NetworkFileError) as caught:
        load_document(path)
    assert f"{where}:" in str(caught.value)
    # The window says so and keeps what it had.
    before = window.model.data
    assert not window.open_path(path)
    assert window.model.data is before


def test_nan_in_a_file_is_refused(window, tmp_path):
    path = tmp_path / "nan.json"
    window.editor.add_points([[0.0, 0.0]], [1])
    assert window.save_path(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["training"]["points"]["train"][0][0] = float("nan")
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(NetworkFileError):
        load_document(path)
