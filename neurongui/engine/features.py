"""Input features computed from 2-D points, as in TensorFlow Playground.

A 2-D dataset gives each sample (x₁, x₂); the network may see any of the features
below instead, e.g. x₁² and x₂² make a circle linearly separable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

__all__ = ["DEFAULT_FEATURES", "FEATURES", "compute_features"]

#: Every feature, by the name shown on the input node, with its formula.
FEATURES: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "x₁": lambda x1, x2: x1,
    "x₂": lambda x1, x2: x2,
    "x₁²": lambda x1, x2: x1 * x1,
    "x₂²": lambda x1, x2: x2 * x2,
    "x₁x₂": lambda x1, x2: x1 * x2,
    "sin x₁": lambda x1, x2: np.sin(x1),
    "sin x₂": lambda x1, x2: np.sin(x2),
}
DEFAULT_FEATURES = ("x₁", "x₂")


def compute_features(points: np.ndarray, names: Sequence[str]) -> np.ndarray:
    """Return the features ``names`` of 2-D ``points`` (n, 2) as an (n, len(names)) array.

    Raises
    ------
    ValueError
        For an unknown feature name or points that are not (n, 2).
    """
    points = np.asarray(points, dtype=float)
    if points.ndim != 2 or points.shape[1] != 2:
        raise ValueError(f"features are computed from (n, 2) points, got {points.shape}")
    unknown = [name for name in names if name not in FEATURES]
    if unknown:
        raise ValueError(f"unknown feature {unknown[0]!r}; choose from {', '.join(FEATURES)}")
    x1, x2 = points[:, 0], points[:, 1]
    return (
        np.column_stack([FEATURES[name](x1, x2) for name in names])
        if names
        else np.empty((len(points), 0))
    )
