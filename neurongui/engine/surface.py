"""The loss over a grid of two weights, the other parameters fixed.

Lesson 4 draws the loss of a linear regression over its two parameters; this module
does the same for any two weights of any network: L(u, v) where u and v replace the
two chosen weights and everything else stays as it is. The grid is computed row by
row (:func:`surface_rows` yields each row), so a caller on another thread can show
progress, stop early or give up after a time budget; a large training set is
represented by a fixed, evenly spaced subset of it (said in :attr:`Surface.samples`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from . import losses
from .datasets import network_inputs
from .network import Network
from .refs import EdgeRef, check_ref

__all__ = ["MAX_SAMPLES", "Surface", "grid_around", "surface_rows"]

#: At most this many training samples are used: beyond that the surface looks the same
#: and each of the grid's forward passes costs more.
MAX_SAMPLES = 2000


@dataclass
class Surface:
    """L over a grid: ``values[i, j]`` is the loss with weight ``a`` = ``us[j]`` and
    weight ``b`` = ``vs[i]`` (rows follow v, as an image's rows follow y). Rows not yet
    computed are NaN."""

    a: EdgeRef
    b: EdgeRef
    us: np.ndarray
    vs: np.ndarray
    values: np.ndarray
    samples: int
    rows_done: int = 0

    @property
    def done(self) -> bool:
        """True once every row is computed."""
        return self.rows_done == len(self.vs)


def grid_around(centre: float, half_width: float, steps: int) -> np.ndarray:
    """``steps`` evenly spaced values from ``centre − half_width`` to ``centre + half_width``."""
    return np.linspace(centre - half_width, centre + half_width, steps)


def surface_rows(
    network: Network,
    X: np.ndarray,
    Y: np.ndarray,
    loss: str,
    a: EdgeRef,
    b: EdgeRef,
    us: np.ndarray,
    vs: np.ndarray,
) -> Iterator[tuple[int, Surface]]:
    """Compute the surface row by row; yield ``(row, surface)`` after each row.

    Parameters
    ----------
    network
        The network (copied: it is not changed).
    X, Y
        The training inputs (uint8 pixels allowed) and targets.
    loss
        The loss's name.
    a, b
        The two weights (different edges).
    us, vs
        The values tried for ``a`` (columns) and ``b`` (rows).
    """
    check_ref(network.sizes, a)
    check_ref(network.sizes, b)
    if a == b:
        raise ValueError("choose two different weights")
    if len(X) > MAX_SAMPLES:  # evenly spaced: the same subset every time
        pick = np.linspace(0, len(X) - 1, MAX_SAMPLES).round().astype(int)
        X, Y = X[pick], Y[pick]
    X = network_inputs(np.asarray(X))
    net = network.copy()
    values = np.full((len(vs), len(us)), np.nan)
    surface = Surface(a, b, np.asarray(us, float), np.asarray(vs, float), values, len(X))
    measure = losses.get(loss)
    for i, v in enumerate(surface.vs):
        net.set_weight(b.layer, b.neuron, b.source, float(v))
        # Not held across the yield: the generator may be closed from another thread.
        with np.errstate(all="ignore"):  # a far corner may overflow: shown as +inf
            for j, u in enumerate(surface.us):
                net.set_weight(a.layer, a.neuron, a.source, float(u))
                values[i, j] = measure.value(net.forward(X), Y)
        surface.rows_done = i + 1
        yield i, surface
