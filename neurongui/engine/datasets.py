"""Datasets: TensorFlow-Playground-style 2-D sets, logic gates, Iris, digits and MNIST.

Every loader returns a :class:`Dataset` whose targets ``Y`` are 2-D: one column of
0/1 labels for a binary task, one-hot rows for a multi-class task, real values for
a regression. :func:`load` gives just ``(X, Y)`` for scripting.

The 2-D point sets live on the square [-6, 6]² like TensorFlow Playground's, and
``noise`` (0 to 1) scales the jitter in the same way its 0–50 % slider does
(``noise=0.5`` is its 50 %). The same ``seed`` always gives the same points.
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .errors import QT_TRANSLATE_NOOP, EngineError

__all__ = [
    "IRIS_FEATURES",
    "IRIS_SPECIES",
    "PIXEL_MAX",
    "TWO_D",
    "Dataset",
    "describe",
    "load",
    "load_dataset",
    "load_idx_dataset",
    "names",
    "network_inputs",
    "one_hot",
    "train_test_split",
]

#: Half the side of the square the 2-D datasets live on.
EXTENT = 6.0

#: Images are kept as bytes (uint8, 0–255) until a batch needs them; the network sees
#: each pixel divided by this, a number from 0 to 1.
PIXEL_MAX = 255.0


def network_inputs(X: np.ndarray, dtype: type = np.float64) -> np.ndarray:
    """The numbers a network sees for the rows ``X``.

    Pixels stored as uint8 are divided by :data:`PIXEL_MAX` (a new float array);
    any other array is returned as ``dtype`` (without a copy when it already is).
    """
    if X.dtype == np.uint8:
        out: np.ndarray = X.astype(dtype)
        out /= PIXEL_MAX  # division, not * (1/255): exactly the value a student computes
        return out
    return np.asarray(X, dtype=dtype)


@dataclass(frozen=True, eq=False)
class Dataset:
    """Samples and targets with the names a user sees.

    Attributes
    ----------
    name
        Short identifier (``"circle"``, ``"iris"``, a CSV file's name).
    X, Y
        Inputs (n, features) and targets (n, outputs), float64; the inputs of an
        image dataset are pixels kept as uint8 (see :func:`network_inputs`).
    task
        ``"binary"``, ``"multiclass"`` or ``"regression"``.
    feature_names, class_names
        Column names of X; names of the classes (or of the regression target).
    image_shape
        (rows, columns) when each sample is an image (digits), else None.
    feature_mean, feature_std
        Set when X was standardised on loading (CSV), to map values back.
    train_count
        A fixed split (MNIST's own): the first ``train_count`` rows train, the rest
        test, whatever the test fraction; None to split at random.
    """

    name: str
    X: np.ndarray
    Y: np.ndarray
    task: str
    feature_names: tuple[str, ...]
    class_names: tuple[str, ...]
    description: str = ""
    image_shape: tuple[int, int] | None = None
    feature_mean: np.ndarray | None = field(default=None, repr=False)
    feature_std: np.ndarray | None = field(default=None, repr=False)
    train_count: int | None = None

    @property
    def n_samples(self) -> int:
        """Number of samples."""
        return self.X.shape[0]

    @property
    def n_features(self) -> int:
        """Number of input columns."""
        return self.X.shape[1]

    @property
    def n_outputs(self) -> int:
        """Number of target columns."""
        return self.Y.shape[1]

    @property
    def is_2d(self) -> bool:
        """True for the 2-D point sets drawn on the plane (and their features)."""
        return self.name in TWO_D

    def labels(self) -> np.ndarray:
        """Class index of every sample (classification only)."""
        if self.task == "multiclass":
            return self.Y.argmax(axis=1)
        return (self.Y[:, 0] >= 0.5).astype(int)


def one_hot(labels: np.ndarray, n_classes: int) -> np.ndarray:
    """Return rows with a 1 in column ``labels[i]`` and 0 elsewhere."""
    out = np.zeros((len(labels), n_classes))
    out[np.arange(len(labels)), labels] = 1.0
    return out


# -- 2-D point sets (after TensorFlow Playground's dataset.ts) --------------------------


def _circle(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Class 1 inside radius 2.5, class 0 on a ring from 3.5 to 5."""
    r_max = 5.0
    half = n // 2
    radius = np.concatenate(
        [rng.uniform(0, 0.5 * r_max, half), rng.uniform(0.7 * r_max, r_max, n - half)]
    )
    angle = rng.uniform(0, 2 * np.pi, n)
    points = np.column_stack([radius * np.sin(angle), radius * np.cos(angle)])
    # As in Playground, noise moves the point used for the label, so labels overlap.
    jittered = points + rng.uniform(-r_max, r_max, (n, 2)) * noise
    inside = np.hypot(jittered[:, 0], jittered[:, 1]) < 0.5 * r_max
    return points, inside.astype(float)[:, None]


def _xor(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Uniform points kept 0.3 away from the axes; class 1 where x₁·x₂ > 0."""
    pad = 0.3
    points = rng.uniform(-5, 5, (n, 2))
    points += np.where(points > 0, pad, -pad)
    jittered = points + rng.uniform(-5, 5, (n, 2)) * noise
    label = jittered[:, 0] * jittered[:, 1] > 0
    return points, label.astype(float)[:, None]


def _gauss(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Two Gaussian blobs at (2, 2) (class 1) and (−2, −2) (class 0)."""
    sd = 0.5 + 3.5 * noise
    half = n // 2
    centres = np.repeat([[2.0, 2.0], [-2.0, -2.0]], [half, n - half], axis=0)
    points = centres + rng.normal(0, sd, (n, 2))
    label = np.arange(n) < half
    return points, label.astype(float)[:, None]


def _spiral(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved spirals of 1.75 turns."""
    half = n // 2
    out, labels = [], []
    for cls, (m, delta) in enumerate(((half, 0.0), (n - half, np.pi))):
        t = np.arange(m) / max(m, 1)
        r = 5 * t
        angle = 1.75 * t * 2 * np.pi + delta
        pts = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
        out.append(pts + rng.uniform(-1, 1, (m, 2)) * noise)
        labels.append(np.full(m, 1.0 - cls))
    return np.vstack(out), np.concatenate(labels)[:, None]


def _plane(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Regression: y = (x₁ + x₂) / 12 plus noise, in [−1, 1]."""
    points = rng.uniform(-EXTENT, EXTENT, (n, 2))
    y = (points[:, 0] + points[:, 1]) / (2 * EXTENT)
    y = y + rng.uniform(-1, 1, n) * noise * 0.5
    return points, y[:, None]


def _multigauss(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Regression: a sum of signed Gaussian bumps, like Playground's multi-Gaussian."""
    centres = np.array(
        [[-4, 2.5], [0, 2.5], [4, 2.5], [-4, -2.5], [0, -2.5], [4, -2.5]], dtype=float
    )
    signs = np.array([-1, 1, -1, 1, -1, 1], dtype=float)
    points = rng.uniform(-EXTENT, EXTENT, (n, 2))
    d2 = ((points[:, None, :] - centres[None]) ** 2).sum(axis=2)
    y = (signs * np.exp(-d2 / 2)).sum(axis=1)
    y = np.clip(y + rng.uniform(-1, 1, n) * noise * 0.5, -1, 1)
    return points, y[:, None]


def _linear(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Linearly separable: class 1 above the line x₂ = 0.5·x₁ + 0.5 (a perceptron's task)."""
    points = rng.uniform(-5, 5, (n, 2))
    jittered = points + rng.uniform(-5, 5, (n, 2)) * noise
    label = jittered[:, 1] > 0.5 * jittered[:, 0] + 0.5
    return points, label.astype(float)[:, None]


def _line(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """1-D regression: y = 0.8x − 0.5 on x in [−3, 3], plus Gaussian noise of sd 2·noise."""
    x = np.sort(rng.uniform(-3, 3, n))
    y = 0.8 * x - 0.5 + rng.normal(0, 2 * noise, n) if noise else 0.8 * x - 0.5
    return x[:, None], y[:, None]


#: Draws ``n`` points with the given noise: (X, Y).
PointSet = Callable[[int, float, np.random.Generator], tuple[np.ndarray, np.ndarray]]

_POINT_SETS: dict[str, tuple[PointSet, str]] = {
    "circle": (_circle, "binary"),
    "xor": (_xor, "binary"),
    "gauss": (_gauss, "binary"),
    "spiral": (_spiral, "binary"),
    "linear": (_linear, "binary"),
    "plane": (_plane, "regression"),
    "multigauss": (_multigauss, "regression"),
}

#: Names of the 2-D point sets.
TWO_D = tuple(_POINT_SETS)

_GATES = {
    "and": (0, 0, 0, 1),
    "or": (0, 1, 1, 1),
    "nand": (1, 1, 1, 0),
    "xor_gate": (0, 1, 1, 0),
}

#: Names of the logic gates (four points each, inputs 0 and 1).
GATES = tuple(_GATES)

_DESCRIPTIONS = {
    "circle": "A disc of one class inside a ring of the other.",
    "xor": "Quadrants: one class where x₁ and x₂ have the same sign.",
    "gauss": "Two Gaussian clouds; a straight line separates them.",
    "spiral": "Two interleaved spirals: hard, needs depth or features.",
    "linear": "Two classes split by a straight line: the perceptron's task.",
    "plane": "Regression: the target rises steadily across the plane.",
    "multigauss": "Regression: bumps and dips of six Gaussians.",
    "line": "1-D regression: noisy points around the line y = 0.8x − 0.5.",
    "and": "Logic gate AND: 1 only when both inputs are 1.",
    "or": "Logic gate OR: 1 when either input is 1.",
    "nand": "Logic gate NAND: 0 only when both inputs are 1.",
    "xor_gate": "Logic gate XOR: no single neuron can learn it.",
    "iris": "Fisher's Iris flowers (1936): 150 samples, 4 measurements, 3 species.",
    "digits": "Handwritten digits 0–9 as 8×8 images (UCI optdigits): 1,797 samples.",
    "mnist": (
        "Handwritten digits 0–9 from MNIST as 28×28 images: 8,000 for training, 2,000 for testing."
    ),
}


def names() -> list[str]:
    """Return the names of the built-in datasets, in the order a menu shows them."""
    return [*TWO_D, "line", *_GATES, "iris", "digits", "mnist"]


def describe(name: str) -> str:
    """One sentence about a built-in dataset."""
    return _DESCRIPTIONS.get(name, "")


def load(
    name: str, n: int = 500, noise: float = 0.0, seed: int | None = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(X, Y)`` of the built-in dataset ``name``; see :func:`load_dataset`."""
    ds = load_dataset(name, n=n, noise=noise, seed=seed)
    return ds.X, ds.Y


def load_dataset(name: str, n: int = 500, noise: float = 0.0, seed: int | None = 0) -> Dataset:
    """Return the built-in dataset ``name``.

    Parameters
    ----------
    name
        One of :func:`names`.
    n, noise, seed
        Number of points, jitter (0 to 1) and seed of the 2-D point sets; ignored by
        the gates, Iris, digits and MNIST, which are fixed. MNIST is read once and
        kept (its arrays are read-only and shared).

    Raises
    ------
    ValueError
        For an unknown name or an out-of-range ``n`` or ``noise``.
    """
    if name in _POINT_SETS:
        if not 2 <= int(n) <= 1_000_000:
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "the number of points must be 2 to 1,000,000, got {count}"
                ),
                count=n,
            )
        if not 0 <= noise <= 1:
            raise EngineError(
                QT_TRANSLATE_NOOP("EngineErrors", "noise must be between 0 and 1, got {noise}"),
                noise=noise,
            )
        make, task = _POINT_SETS[name]
        X, Y = make(int(n), float(noise), np.random.default_rng(seed))
        classes = ("target",) if task == "regression" else ("0", "1")
        return Dataset(name, X, Y, task, ("x₁", "x₂"), classes, describe(name))
    if name == "line":
        if not 2 <= int(n) <= 1_000_000 or not 0 <= noise <= 1:
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors",
                    "line needs 2 to 1,000,000 points and noise in [0, 1], got {count}, {noise}",
                ),
                count=n,
                noise=noise,
            )
        X, Y = _line(int(n), float(noise), np.random.default_rng(seed))
        return Dataset(name, X, Y, "regression", ("x",), ("y",), describe(name))
    if name in _GATES:
        X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
        Y = np.array(_GATES[name], dtype=float)[:, None]
        return Dataset(name, X, Y, "binary", ("x₁", "x₂"), ("0", "1"), describe(name))
    if name == "iris":
        return _iris()
    if name == "digits":
        return _digits()
    if name == "mnist":
        from .imagesets import mnist  # imagesets builds on this module

        return mnist()
    raise EngineError(
        QT_TRANSLATE_NOOP("EngineErrors", "unknown dataset {name!r}; choose one of {names}"),
        name=name,
        names=", ".join(names()),
    )


def _read_shipped(filename: str) -> tuple[list[str], list[list[str]]]:
    from .. import paths  # the resource finder is Qt-free

    path = paths.resource_path("data", filename)
    raw = path.read_bytes()
    if filename.endswith(".gz"):
        raw = gzip.decompress(raw)
    lines = io.StringIO(raw.decode("utf-8")).read().splitlines()
    return lines[0].split(","), [line.split(",") for line in lines[1:] if line]


#: Iris's measurements (cm) and species, the names the GUI translates.
IRIS_FEATURES = ("sepal length", "sepal width", "petal length", "petal width")
IRIS_SPECIES = ("setosa", "versicolor", "virginica")


def _iris() -> Dataset:
    _, rows = _read_shipped("iris.csv")
    X = np.array([r[:4] for r in rows], dtype=float)
    labels = np.array([IRIS_SPECIES.index(r[4]) for r in rows])
    return Dataset(
        "iris",
        X,
        one_hot(labels, 3),
        "multiclass",
        IRIS_FEATURES,
        IRIS_SPECIES,
        describe("iris"),
    )


def _digits() -> Dataset:
    header, rows = _read_shipped("digits.csv.gz")
    data = np.array(rows, dtype=float)
    # Pixels count ink from 0 to 16; scaled to [0, 1] they suit any activation.
    X, labels = data[:, :-1] / 16.0, data[:, -1].astype(int)
    return Dataset(
        "digits",
        X,
        one_hot(labels, 10),
        "multiclass",
        tuple(header[:-1]),
        tuple(str(d) for d in range(10)),
        describe("digits"),
        image_shape=(8, 8),
    )


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
    """Read images and labels from MNIST-format IDX files (raw or gzip) into a dataset.

    The images (``(n, rows, cols)`` bytes) are kept as uint8 rows of ``rows·cols``
    pixels, the labels become one-hot rows; a test pair becomes the fixed split.
    See :func:`neurongui.engine.imagesets.load_idx_dataset` for the parameters.

    Raises
    ------
    neurongui.engine.idx.IDXError
        If a file cannot be read or the files do not make a dataset.
    """
    from .imagesets import load_idx_dataset as load  # imagesets builds on this module

    return load(
        train_images,
        train_labels,
        test_images,
        test_labels,
        name=name,
        class_names=class_names,
        description=description,
    )


def train_test_split(
    X: np.ndarray,
    Y: np.ndarray,
    test_fraction: float = 0.5,
    seed: int | np.random.Generator | None = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Shuffle and split; return ``X_train, Y_train, X_test, Y_test``.

    ``round(n · test_fraction)`` samples go to the test set; the same seed always
    gives the same split (a Generator is used as it is).

    Raises
    ------
    ValueError
        If the fraction is outside [0, 1) or leaves no training sample.
    """
    if not 0 <= test_fraction < 1:
        raise EngineError(
            QT_TRANSLATE_NOOP("EngineErrors", "the test fraction must be in [0, 1), got {value!r}"),
            value=test_fraction,
        )
    if len(X) != len(Y):
        raise ValueError(f"X has {len(X)} samples but Y has {len(Y)}")  # a caller's bug
    n_test = round(len(X) * test_fraction)
    if n_test >= len(X):
        raise EngineError(
            QT_TRANSLATE_NOOP("EngineErrors", "the test fraction leaves no training samples")
        )
    order = np.random.default_rng(seed).permutation(len(X))
    test, train = order[:n_test], order[n_test:]
    return X[train], Y[train], X[test], Y[test]
