"""A run's past: the parameters at the end of epochs, thinned to a bounded memory.

:class:`Timeline` keeps (epoch, parameters) pairs. When it holds more than its budget
allows, every second snapshot goes (the first and the last stay), so a long run keeps
snapshots spread over its whole length, ever further apart, in a fixed amount of memory.
"""

from __future__ import annotations

import bisect

import numpy as np

__all__ = ["BUDGET_BYTES", "Timeline"]

#: The most memory the snapshots of one run may take.
BUDGET_BYTES = 64 * 1024 * 1024


class Timeline:
    """Snapshots of a network's parameters, by epoch.

    Parameters
    ----------
    budget_bytes
        Memory the snapshots may take; at least 8 snapshots are kept whatever the size.
    """

    def __init__(self, budget_bytes: int = BUDGET_BYTES) -> None:
        self.budget_bytes = budget_bytes
        self.epochs: list[int] = []
        self._snapshots: list[np.ndarray] = []
        self._stride = 1  # kept snapshots lie on epochs first + k · stride

    def __len__(self) -> int:
        return len(self.epochs)

    @property
    def capacity(self) -> int:
        """How many snapshots of the current size fit the budget (at least 8)."""
        if not self._snapshots:
            return 8
        return max(8, self.budget_bytes // max(self._snapshots[0].nbytes, 1))

    def clear(self) -> None:
        """Forget every snapshot (a new run)."""
        self.epochs.clear()
        self._snapshots.clear()

    def add(self, epoch: int, parameters: np.ndarray) -> None:
        """Keep a copy of ``parameters`` as they were at the end of ``epoch``.

        A snapshot of another size (the structure changed) starts the timeline again;
        an epoch not after the last one replaces the snapshots from it on.
        """
        if self._snapshots and self._snapshots[0].shape != parameters.shape:
            self.clear()
        cut = bisect.bisect_left(self.epochs, epoch)
        del self.epochs[cut:], self._snapshots[cut:]
        if not self.epochs:
            self._stride = 1
        elif not self._on_grid(self.epochs[-1]):
            # The newest snapshot is always kept; once a newer one comes, an old one
            # off the grid goes.
            self.epochs.pop()
            self._snapshots.pop()
        self.epochs.append(int(epoch))
        self._snapshots.append(np.array(parameters, dtype=float, copy=True))
        while len(self.epochs) > self.capacity:
            self._stride *= 2  # every second grid point goes: evenly spread, ever sparser
            keep = [i for i, e in enumerate(self.epochs) if self._on_grid(e)]
            if keep[-1] != len(self.epochs) - 1:
                keep.append(len(self.epochs) - 1)
            self.epochs = [self.epochs[i] for i in keep]
            self._snapshots = [self._snapshots[i] for i in keep]

    def drop_after(self, epoch: int) -> None:
        """Forget the snapshots after ``epoch`` (the run went back there and goes on)."""
        cut = bisect.bisect_right(self.epochs, epoch)
        del self.epochs[cut:], self._snapshots[cut:]

    def _on_grid(self, epoch: int) -> bool:
        return (epoch - self.epochs[0]) % self._stride == 0

    def nearest(self, epoch: int) -> tuple[int, np.ndarray]:
        """The kept snapshot closest to ``epoch`` (ties: the earlier), as (epoch, a copy).

        Raises
        ------
        LookupError
            If the timeline is empty.
        """
        if not self.epochs:
            raise LookupError("no snapshot yet")
        i = bisect.bisect_left(self.epochs, epoch)
        candidates = [j for j in (i - 1, i) if 0 <= j < len(self.epochs)]
        best = min(candidates, key=lambda j: (abs(self.epochs[j] - epoch), self.epochs[j]))
        return self.epochs[best], self._snapshots[best].copy()

    @property
    def nbytes(self) -> int:
        """Memory the snapshots take."""
        return sum(s.nbytes for s in self._snapshots)
