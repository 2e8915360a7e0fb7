"""Image datasets from IDX files: MNIST-format sets and the shipped 10,000 MNIST digits.

:func:`load_idx_dataset` pairs a file of images with a file of labels (and, when
given, a test pair, kept as the dataset's fixed split). :func:`mnist` is the
built-in "MNIST digits (10,000)": 8,000 training and 2,000 test digits of 28×28
pixels shipped in ``resources/data`` (see its README), read once and kept.

Pixels stay bytes (uint8, 0–255); the network sees them divided by 255
(:func:`~neurongui.engine.datasets.network_inputs`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .datasets import Dataset, one_hot
from .errors import QT_TRANSLATE_NOOP, Message
from .idx import IDXError, read_idx

__all__ = ["MNIST_FILES", "feature_names", "load_idx_dataset", "mnist"]

#: The shipped subset's files in ``resources/data``: train images, train labels,
#: test images, test labels.
MNIST_FILES = (
    "mnist-10k-train-images-idx3-ubyte.gz",
    "mnist-10k-train-labels-idx1-ubyte.gz",
    "mnist-10k-test-images-idx3-ubyte.gz",
    "mnist-10k-test-labels-idx1-ubyte.gz",
)

_cache: dict[str, Dataset] = {}


def feature_names(rows: int, cols: int) -> tuple[str, ...]:
    """Names of the pixels, row then column: ``p00 … p77`` for 8×8, ``p0000 … p2727`` for 28×28.

    The same scheme as the digits' CSV (``p`` + row + column), each number padded
    to the same width so that the names stay unambiguous.
    """
    width = max(len(str(rows - 1)), len(str(cols - 1)))
    return tuple(f"p{r:0{width}d}{c:0{width}d}" for r in range(rows) for c in range(cols))


def load_idx_dataset(
    train_images: str | os.PathLike[str],
    train_labels: str | os.PathLike[str],
    test_images: str | os.PathLike[str] | None = None,
    test_labels: str | os.PathLike[str] | None = None,
    *,
    name: str,
    class_names: Sequence[str] | None = None,
    description: str = "",
) -> Dataset:
    """Read images and their labels from IDX files (raw or gzip) into a dataset.

    Parameters
    ----------
    train_images, train_labels
        Images ``(n, rows, cols)`` of bytes and their ``n`` labels (whole numbers).
    test_images, test_labels
        Optionally a test pair of images of the same size; it becomes the dataset's
        fixed split (``train_count`` = the number of training images).
    name
        The dataset's name.
    class_names
        The classes' names, label 0 first; default ``"0"`` … ``"9"``.
    description
        One sentence about the set.

    Returns
    -------
    Dataset
        ``X`` uint8 pixels ``(n, rows·cols)``, ``Y`` one-hot, ``image_shape`` (rows, cols).

    Raises
    ------
    IDXError
        If a file cannot be read, holds no images or labels, the counts or image
        sizes disagree, or a label is not one of the classes.
    """
    classes = tuple(class_names) if class_names is not None else tuple(map(str, range(10)))
    if len(classes) < 2:
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "a classification needs at least 2 classes, got {count}"
            ),
            count=len(classes),
        )
    pairs = [(train_images, train_labels)]
    if (test_images is None) != (test_labels is None):
        raise IDXError(
            QT_TRANSLATE_NOOP("EngineErrors", "the test images and the test labels go together")
        )
    if test_images is not None and test_labels is not None:
        pairs.append((test_images, test_labels))
    images: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    for image_path, label_path in pairs:
        x, y = _read_pair(image_path, label_path, len(classes))
        if images and x.shape[1:] != images[0].shape[1:]:
            raise IDXError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors",
                    "{name}: the test images are {rows}×{cols} pixels, "
                    "the training images {train_rows}×{train_cols}",
                ),
                name=Path(image_path).name,
                rows=x.shape[1],
                cols=x.shape[2],
                train_rows=images[0].shape[1],
                train_cols=images[0].shape[2],
            )
        images.append(x)
        labels.append(y)
    rows, cols = images[0].shape[1:]
    X = images[0] if len(images) == 1 else np.concatenate(images)
    y = labels[0] if len(labels) == 1 else np.concatenate(labels)
    return Dataset(
        name,
        X.reshape(len(X), rows * cols),
        one_hot(y, len(classes)),
        "multiclass",
        feature_names(rows, cols),
        classes,
        description,
        image_shape=(rows, cols),
        train_count=len(images[0]) if len(images) > 1 else None,
    )


def _read_pair(
    image_path: str | os.PathLike[str], label_path: str | os.PathLike[str], n_classes: int
) -> tuple[np.ndarray, np.ndarray]:
    """The images (n, rows, cols) uint8 and labels (n,) int64 of one pair of files."""
    image_name, label_name = Path(image_path).name, Path(label_path).name
    x = read_idx(image_path)
    if x.ndim != 3 or x.dtype != np.uint8:
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{name}: not a file of images (expected bytes in 3 dimensions: "
                "count, rows, columns; it holds {kind} in {count} dimensions)",
            ),
            name=image_name,
            kind=_kind(x),
            count=x.ndim,
        )
    y = read_idx(label_path)
    if y.ndim != 1 or y.dtype.kind not in "iu":
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{name}: not a file of labels (expected whole numbers in 1 dimension; "
                "it holds {kind} in {count} dimensions)",
            ),
            name=label_name,
            kind=_kind(y),
            count=y.ndim,
        )
    if len(x) != len(y):
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{images} holds {n_images:,} images but {labels} {n_labels:,} labels",
            ),
            images=image_name,
            labels=label_name,
            n_images=len(x),
            n_labels=len(y),
        )
    y = y.astype(np.int64)
    wrong = np.flatnonzero((y < 0) | (y >= n_classes))
    if wrong.size:
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{name}: label {label} (item {index:,}) is not one of the {count} classes "
                "0 to {last}",
            ),
            name=label_name,
            label=int(y[wrong[0]]),
            index=int(wrong[0]) + 1,
            count=n_classes,
            last=n_classes - 1,
        )
    return x, y


def _kind(values: np.ndarray) -> Message:
    if values.dtype == np.uint8:
        return Message(QT_TRANSLATE_NOOP("EngineErrors", "bytes"))
    if values.dtype.kind in "iu":
        return Message(QT_TRANSLATE_NOOP("EngineErrors", "whole numbers"))
    return Message(QT_TRANSLATE_NOOP("EngineErrors", "decimal numbers"))


def mnist() -> Dataset:
    """The shipped "MNIST digits (10,000)", read on first use and kept (it never changes).

    Its arrays are read-only: the one copy is shared by every caller.
    """
    cached = _cache.get("mnist")
    if cached is None:
        from .. import paths  # the resource finder is Qt-free

        files = [paths.resource_path("data", f) for f in MNIST_FILES]
        from .datasets import describe

        cached = load_idx_dataset(*files, name="mnist", description=describe("mnist"))
        cached.X.flags.writeable = False
        cached.Y.flags.writeable = False
        _cache["mnist"] = cached
    return cached
