"""Edits of the training data as small objects that can be applied and undone.

The student's own samples: points added to a 2-D set with a click, moved by a drag,
erased, every point cleared or the generated points brought back; a drawn digit added
to an image set. Like the network edits of :mod:`neurongui.engine.edits`, every
edit's :meth:`~DataEdit.apply` returns the edit that undoes it; data is immutable
(:class:`~neurongui.engine.session.TrainingData` is frozen), so ``apply`` takes the
data and gives back ``(new data, inverse)``.

Rules the edits keep:

* New samples join the *training* set (at its end): a sample the student adds is one
  to learn from; the test set stays the generated one, a fair judge of the network.
* A moved point stays in its set; erasing takes points out of whichever set holds them.
* The network's inputs of a 2-D point are its features
  (:func:`~neurongui.engine.features.compute_features`), recomputed for the rows
  that change only; removed rows are kept whole by the inverse, so undo gives the
  very same arrays back.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from .errors import QT_TRANSLATE_NOOP, EngineError
from .features import compute_features
from .session import TrainingData

__all__ = [
    "LARGEST",
    "PARTS",
    "DataEdit",
    "InsertRows",
    "MovePoint",
    "RemoveRows",
    "ReplacePoints",
    "add_points",
    "add_rows",
    "nearest_point",
    "points_within",
    "with_features",
]

#: The two sets a sample can be in.
PARTS = ("train", "test")
#: The largest |x|, |y| or target of a point: a document file refuses more (a point
#: at 1e150 was added, then its x₁x₂ overflowed, and the saved file did not reopen).
LARGEST = 1e6


class DataEdit(Protocol):
    """The protocol every data edit follows."""

    def apply(self, data: TrainingData) -> tuple[TrainingData, DataEdit]:
        """The edited data, and the edit that undoes this one."""
        ...

    @property
    def merge_key(self) -> tuple[Hashable, ...] | None:
        """Edits with the same key replace each other in one undo step (one drag)."""
        ...


def _arrays(data: TrainingData, part: str) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    if part == "train":
        return data.X_train, data.Y_train, data.points_train
    if part == "test":
        return data.X_test, data.Y_test, data.points_test
    raise ValueError(f"part must be 'train' or 'test', not {part!r}")


def _with(
    data: TrainingData, part: str, X: np.ndarray, Y: np.ndarray, points: np.ndarray | None
) -> TrainingData:
    if part == "train":
        return replace(data, X_train=X, Y_train=Y, points_train=points, edited=True)
    return replace(data, X_test=X, Y_test=Y, points_test=points, edited=True)


def _frozen(array: np.ndarray | None) -> np.ndarray | None:
    """A private read-only copy: an edit on the undo stack never changes."""
    if array is None:
        return None
    array = np.array(array)
    array.flags.writeable = False
    return array


@dataclass(frozen=True, eq=False)
class InsertRows:
    """Insert samples into ``part``: inputs ``X``, targets ``Y`` and, for 2-D sets,
    their ``points``. ``at`` are the rows they take in the result (sorted; None: at
    the end)."""

    part: str
    X: np.ndarray
    Y: np.ndarray
    points: np.ndarray | None = None
    at: np.ndarray | None = None
    merge_key = None

    def __post_init__(self) -> None:
        for name in ("X", "Y", "points"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))
        if self.at is not None:
            object.__setattr__(self, "at", _frozen(np.asarray(self.at, dtype=np.intp)))

    def apply(self, data: TrainingData) -> tuple[TrainingData, RemoveRows]:
        """Insert the rows; the inverse removes them again."""
        X, Y, points = _arrays(data, self.part)
        m = len(self.X)
        if self.X.shape[1:] != X.shape[1:] or self.Y.shape[1:] != Y.shape[1:]:
            raise EngineError(
                QT_TRANSLATE_NOOP("EngineErrors", "these samples do not fit the dataset")
            )
        if (points is None) != (self.points is None):
            raise EngineError(
                QT_TRANSLATE_NOOP("EngineErrors", "these samples do not fit the dataset")
            )
        at = np.arange(len(X), len(X) + m) if self.at is None else self.at
        mask = np.zeros(len(X) + m, dtype=bool)
        mask[at] = True

        def put(old: np.ndarray, new: np.ndarray) -> np.ndarray:
            out = np.empty((len(mask), *old.shape[1:]), dtype=old.dtype)
            out[~mask] = old
            out[mask] = new
            return out

        new_points = None if points is None or self.points is None else put(points, self.points)
        new = _with(data, self.part, put(X, self.X), put(Y, self.Y), new_points)
        return new, RemoveRows(self.part, at)


@dataclass(frozen=True, eq=False)
class RemoveRows:
    """Remove the samples in rows ``rows`` of ``part`` (the training or test set)."""

    part: str
    rows: np.ndarray
    merge_key = None

    def __post_init__(self) -> None:
        rows = np.unique(np.asarray(self.rows, dtype=np.intp))  # sorted, once each
        object.__setattr__(self, "rows", _frozen(rows))

    def apply(self, data: TrainingData) -> tuple[TrainingData, InsertRows]:
        """Remove the rows; the inverse puts them back where they were."""
        X, Y, points = _arrays(data, self.part)
        rows = self.rows
        if len(rows) and (rows[0] < 0 or rows[-1] >= len(X)):
            raise EngineError(
                QT_TRANSLATE_NOOP("EngineErrors", "there is no sample {index}"),
                index=int(rows[-1] if rows[-1] >= len(X) else rows[0]),
            )
        keep = np.ones(len(X), dtype=bool)
        keep[rows] = False
        kept_points = None if points is None else points[keep]
        inverse = InsertRows(
            self.part, X[rows], Y[rows], None if points is None else points[rows], rows
        )
        return _with(data, self.part, X[keep], Y[keep], kept_points), inverse


@dataclass(frozen=True)
class MovePoint:
    """Move point ``index`` of ``part`` of a 2-D set to ``(x, y)``; its target stays."""

    part: str
    index: int
    x: float
    y: float

    def apply(self, data: TrainingData) -> tuple[TrainingData, MovePoint]:
        """Move the point (and recompute its features); the inverse moves it back."""
        X, Y, points = _arrays(data, self.part)
        if points is None:
            raise EngineError(QT_TRANSLATE_NOOP("EngineErrors", "only 2-D points can be moved"))
        if not 0 <= self.index < len(points):
            raise EngineError(
                QT_TRANSLATE_NOOP("EngineErrors", "there is no sample {index}"), index=self.index
            )
        if not (np.isfinite(self.x) and np.isfinite(self.y)):
            raise EngineError(QT_TRANSLATE_NOOP("EngineErrors", "a point needs finite x and y"))
        _check_reach(np.array([self.x, self.y]))
        old = points[self.index]
        points = points.copy()
        points[self.index] = (self.x, self.y)
        X = X.copy()
        X[self.index] = compute_features(points[self.index : self.index + 1], data.input_names)[0]
        inverse = MovePoint(self.part, self.index, float(old[0]), float(old[1]))
        return _with(data, self.part, X, Y, points), inverse

    @property
    def merge_key(self) -> tuple[Hashable, ...]:
        return ("move", self.part, self.index)


@dataclass(frozen=True, eq=False)
class ReplacePoints:
    """Replace every sample: ``data`` becomes the whole data set (Clear, Regenerate)."""

    data: TrainingData
    merge_key = None

    def apply(self, data: TrainingData) -> tuple[TrainingData, ReplacePoints]:
        """Use the new data; the inverse brings the old back."""
        if self.data.input_names != data.input_names:
            self_data = with_features(self.data, data.input_names)
        else:
            self_data = self.data
        return self_data, ReplacePoints(data)


def add_points(data: TrainingData, points: np.ndarray, targets: np.ndarray) -> InsertRows:
    """The edit that adds 2-D ``points`` (n, 2) with ``targets`` (n,) or (n, 1) to the
    training set, their inputs computed through the data's features.

    Raises
    ------
    EngineError
        If the data is not a 2-D set, or a coordinate or target is not finite, or a
        class target is not 0 or 1.
    """
    if not data.is_2d:
        raise EngineError(QT_TRANSLATE_NOOP("EngineErrors", "only 2-D sets take points"))
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    Y = np.asarray(targets, dtype=float).reshape(len(points), -1)
    if Y.shape[1] != data.n_outputs:
        raise EngineError(QT_TRANSLATE_NOOP("EngineErrors", "these samples do not fit the dataset"))
    check_targets(data.task, Y)
    if not np.isfinite(points).all():
        raise EngineError(QT_TRANSLATE_NOOP("EngineErrors", "a point needs finite x and y"))
    _check_reach(np.concatenate([points.ravel(), Y.ravel()]))
    return InsertRows("train", compute_features(points, data.input_names), Y, points)


def add_rows(data: TrainingData, inputs: np.ndarray, labels: np.ndarray) -> InsertRows:
    """The edit that adds samples of a dataset of columns (an image set) to the
    training set: ``inputs`` (n, features) as the network sees them (0 to 1 for
    images) and class ``labels`` (n,).

    Raises
    ------
    EngineError
        If the inputs do not fit the data, or a label is not one of its classes.
    """
    inputs = np.asarray(inputs, dtype=float).reshape(len(labels), -1)
    labels = np.asarray(labels)
    n_classes = data.n_outputs
    if inputs.shape[1] != data.X_train.shape[1] or not np.isfinite(inputs).all():
        raise EngineError(QT_TRANSLATE_NOOP("EngineErrors", "these samples do not fit the dataset"))
    if data.task != "multiclass" or not np.isin(labels, np.arange(n_classes)).all():
        raise EngineError(
            QT_TRANSLATE_NOOP("EngineErrors", "a label must be a class from 0 to {last}"),
            last=n_classes - 1,
        )
    X = inputs
    if data.X_train.dtype == np.uint8:  # pixels, as the set keeps them
        X = np.round(np.clip(inputs, 0, 1) * 255).astype(np.uint8)
    Y = np.zeros((len(labels), n_classes))
    Y[np.arange(len(labels)), labels.astype(int)] = 1.0
    return InsertRows("train", X.astype(data.X_train.dtype, copy=False), Y)


def check_targets(task: str, Y: np.ndarray) -> None:
    """Raise an :class:`EngineError` unless ``Y`` are targets of ``task``: 0 or 1 for
    two classes, finite numbers for regression."""
    if not np.isfinite(Y).all():
        raise EngineError(QT_TRANSLATE_NOOP("EngineErrors", "a target must be a finite number"))
    if task == "binary" and not np.isin(Y, (0.0, 1.0)).all():
        raise EngineError(QT_TRANSLATE_NOOP("EngineErrors", "a class must be 0 or 1"))


def _check_reach(values: np.ndarray) -> None:
    """Raise an :class:`EngineError` if a coordinate or target lies beyond
    :data:`LARGEST`: a file would refuse it, and its square overflows sooner or later."""
    if not (np.abs(values) <= LARGEST).all():
        raise EngineError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "a point's x, y and target must lie between −{limit} and {limit}"
            ),
            limit=f"{int(LARGEST):,}",
        )


def with_features(data: TrainingData, names: tuple[str, ...] | list[str]) -> TrainingData:
    """The same 2-D points with the network's inputs computed through ``names``."""
    names = tuple(names)
    assert data.points_train is not None and data.points_test is not None
    # compute_features gives (n, len(names)) already: a reshape to (0, -1) of an
    # erased set raised, inside an undo command's redo (which crashed PySide).
    return replace(
        data,
        input_names=names,
        X_train=compute_features(data.points_train, names),
        X_test=compute_features(data.points_test, names),
    )


def points_within(
    data: TrainingData, x: float, y: float, radius: float, parts: tuple[str, ...] = PARTS
) -> dict[str, np.ndarray]:
    """Rows of the points of each of ``parts`` within ``radius`` of ``(x, y)``."""
    found: dict[str, np.ndarray] = {}
    for part in parts:
        points = _arrays(data, part)[2]
        if points is None or not len(points):
            continue
        d2 = (points[:, 0] - x) ** 2 + (points[:, 1] - y) ** 2
        rows = np.flatnonzero(d2 <= radius * radius)
        if len(rows):
            found[part] = rows
    return found


def nearest_point(
    data: TrainingData, x: float, y: float, radius: float, parts: tuple[str, ...] = PARTS
) -> tuple[str, int] | None:
    """The (part, row) of the point nearest ``(x, y)`` within ``radius``, or None."""
    best: tuple[float, str, int] | None = None
    for part in parts:
        points = _arrays(data, part)[2]
        if points is None or not len(points):
            continue
        d2 = (points[:, 0] - x) ** 2 + (points[:, 1] - y) ** 2
        row = int(np.argmin(d2))
        if d2[row] <= radius * radius and (best is None or d2[row] < best[0]):
            best = (float(d2[row]), part, row)
    return None if best is None else (best[1], best[2])
