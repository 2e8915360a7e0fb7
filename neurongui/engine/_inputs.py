"""How the trainer hands a set's inputs to the passes (private).

The passes of :mod:`._kernels` take each batch with a column of ones appended. Float
inputs are kept that way, copied once. Pixels (uint8) stay pixels: a batch's rows are
gathered and divided by 255 into the workspace's own input buffer, the same numbers
:func:`.datasets.network_inputs` gives, and a pass over the whole set runs
:data:`CHUNK_ROWS` rows at a time. So 60,000 MNIST images cost their 47 MB, never the
376 MB of a float64 copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import DTypeLike

from ._checks import with_ones
from ._kernels import Workspace, forward_pass
from .datasets import PIXEL_MAX

if TYPE_CHECKING:
    from .network import Layer, Network

__all__ = ["CHUNK_ROWS", "WHOLE_ROWS", "Batches", "Inputs"]

#: Rows per forward pass over a set of pixels: 1024 × 785 float64 inputs are 6.4 MB,
#: and a pass in chunks this big is as fast as one over the whole set.
CHUNK_ROWS = 1024
#: Float inputs exist already: a pass over up to this many rows goes in one piece (as
#: fast as it gets for small sets); only larger sets go in chunks, which keeps the
#: hidden layers' arrays of a pass small (at 60,000 rows × 110 neurons they'd be 100 MB).
WHOLE_ROWS = 16 * CHUNK_ROWS

#: Training sets larger than this are gathered batch by batch instead of being
#: copied in shuffled order every epoch: the batch then stays in cache for its matmul.
GATHER_BYTES = 1 << 20

Rows = slice | np.ndarray


class Inputs:
    """One set's inputs (n, n_in), float or uint8 pixels, ready for the passes.

    Attributes
    ----------
    pixels : bool
        True when the inputs are uint8 pixels, divided by 255 only batch by batch.
    source : ndarray
        Float inputs with their column of ones (n, n_in + 1), or the pixels (n, n_in).
    public : ndarray
        The inputs as the caller sees them: a view of the float inputs without the
        ones, or the pixels themselves.
    """

    def __init__(self, X: np.ndarray):
        self.pixels = X.dtype == np.uint8
        self.source = X if self.pixels else with_ones(X)
        self.public = X if self.pixels else self.source[:, :-1]

    def __len__(self) -> int:
        return len(self.source)

    @property
    def float_rows(self) -> np.ndarray | None:
        """The float inputs with their ones (n, n_in + 1), or None for pixels."""
        return None if self.pixels else self.source

    def fill(self, rows: Rows, out: np.ndarray) -> np.ndarray:
        """Write the network's inputs of ``rows`` into ``out`` (a workspace's inputs,
        whose last column already holds the ones), in ``out``'s dtype; return ``out``."""
        if self.pixels:
            raw = self.source[rows] if isinstance(rows, slice) else self._take(rows)
            # Division in out's dtype, as network_inputs computes it (not * 1/255).
            np.divide(raw, PIXEL_MAX, out=out[:, :-1], dtype=out.dtype)
        elif isinstance(rows, slice):
            out[...] = self.source[rows]
        else:
            out[...] = self._take(rows)
        return out

    def _take(self, index: np.ndarray) -> np.ndarray:
        # mode="clip" avoids the buffered copy "raise" makes; the indices are valid.
        return np.take(self.source, index, axis=0, mode="clip")

    def forward(
        self, network: Network, layers: list[Layer], cache: dict[tuple[int, bool], Workspace]
    ) -> np.ndarray:
        """The network's output (n, n_out) for the whole set, ``CHUNK_ROWS`` rows at a time.

        ``cache`` keeps evaluation workspaces between calls, shared by the training
        and test sets (keyed by rows and :attr:`pixels`): the full chunk's, and those
        of small sets (a small workspace costs more to make than to keep). A large
        set's last, shorter chunk gets a workspace of its own for the pass, so that
        the kept ones stay few.
        A set of at most one chunk gives the workspace's own output array.
        """
        n = len(self)
        chunk = n if not self.pixels and n <= WHOLE_ROWS else min(n, CHUNK_ROWS)
        out = None if n <= chunk else np.empty((n, network.n_outputs))
        for lo in range(0, n, chunk):
            hi = min(lo + chunk, n)
            key = (hi - lo, self.pixels)
            ws = cache.get(key)
            if ws is None:
                # (float inputs are passed as they are: no input buffer to fill)
                ws = Workspace(network, hi - lo, backward=False, inputs=self.pixels)
                if hi - lo == chunk or hi - lo <= CHUNK_ROWS // 8:
                    cache[key] = ws
            if self.pixels:
                inputs = self.fill(slice(lo, hi), ws.inputs)
            else:
                inputs = self.source[lo:hi]
            result = forward_pass(layers, inputs, ws, None)
            if out is None:
                return result
            out[lo:hi] = result
        assert out is not None
        return out


class Batches:
    """A training set's mini-batches in one epoch's order, in the steps' dtype.

    Float64 steps on float inputs read the inputs as they are kept (with their ones);
    pixels and float32 steps have each batch written into the workspace's own inputs.
    """

    def __init__(self, inputs: Inputs, Y: np.ndarray, dtype: DTypeLike):
        self.inputs, self.dtype = inputs, dtype
        self.Y = Y if dtype is np.float64 else Y.astype(dtype)
        self.order: np.ndarray | None = None
        self._buffers: dict[int, tuple[np.ndarray | None, np.ndarray]] = {}

    def arrange(self, order: np.ndarray | None) -> None:
        """Take the samples in ``order`` (None: as they are) from now on."""
        self.order = order
        rows = self.inputs.float_rows if self.dtype is np.float64 else None
        self._copied = False
        if order is not None and self.inputs.public.nbytes <= GATHER_BYTES:
            self._copied = True
            # One copy per epoch makes every batch a contiguous slice (no copy per step);
            # np.take copies rows at a third of the cost of fancy indexing.
            self._Ys = np.take(self.Y, order, axis=0)
            self._Xs = None if rows is None else np.take(rows, order, axis=0)
        else:
            self._Xs, self._Ys = rows, self.Y

    def get(self, lo: int, hi: int, ws: Workspace) -> tuple[np.ndarray, np.ndarray]:
        """Samples lo:hi of the order: the inputs with their ones column, and the
        targets. ``ws`` is the workspace of hi − lo samples, whose inputs may be used."""
        order, Xs = self.order, self._Xs
        in_order = order is None or self._copied  # (slices of _Xs and _Ys)
        if in_order and Xs is not None:
            return Xs[lo:hi], self._Ys[lo:hi]
        if Xs is None:  # into the workspace's own inputs
            self.inputs.fill(slice(lo, hi) if order is None else order[lo:hi], ws.inputs)
            if in_order:
                return ws.inputs, self._Ys[lo:hi]
        assert order is not None
        n = hi - lo
        if n not in self._buffers:
            xb = None if Xs is None else np.empty((n, Xs.shape[1]))
            self._buffers[n] = (xb, np.empty((n, self.Y.shape[1]), self.dtype))
        xb, yb = self._buffers[n]
        index = order[lo:hi]
        # mode="clip" avoids the buffered copy "raise" makes; the indices are valid.
        np.take(self.Y, index, axis=0, out=yb, mode="clip")
        if Xs is None or xb is None:
            return ws.inputs, yb
        return np.take(Xs, index, axis=0, out=xb, mode="clip"), yb
