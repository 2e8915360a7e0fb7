"""Learning-rate schedules: the step size η of each epoch, from the base rate η₀.

With t the number of epochs completed before the epoch (0 for the first):

* ``constant``: η_t = η₀
* ``step``:     η_t = η₀ · γ^⌊t / k⌋   (multiplied by γ every k epochs)
* ``cosine``:   η_t = η_min + (η₀ − η_min) · (1 + cos(π · min(t, T) / T)) / 2
                (from η₀ at t = 0 down to η_min at t = T, then η_min; Loshchilov &
                Hutter's SGDR without restarts, as PyTorch's CosineAnnealingLR for t ≤ T)

The rate is constant within an epoch, so a student can read η off the epoch number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .errors import QT_TRANSLATE_NOOP, EngineError

__all__ = ["SCHEDULES", "Schedule"]

#: The schedules' names, in the order the Training panel lists them.
SCHEDULES = ("constant", "step", "cosine")


@dataclass(frozen=True)
class Schedule:
    """How the learning rate changes from epoch to epoch (see the module docstring).

    Parameters
    ----------
    kind
        ``"constant"``, ``"step"`` or ``"cosine"``.
    decay_every, decay_factor
        Step decay's k (epochs, ≥ 1) and γ (0 < γ ≤ 1).
    cosine_epochs, min_rate
        Cosine's T (epochs, ≥ 1) and η_min (≥ 0).
    """

    kind: str = "constant"
    decay_every: int = 10
    decay_factor: float = 0.5
    cosine_epochs: int = 100
    min_rate: float = 0.0

    def __post_init__(self) -> None:
        ok = (
            self.kind in SCHEDULES
            and _whole(self.decay_every)
            and self.decay_every >= 1
            and _whole(self.cosine_epochs)
            and self.cosine_epochs >= 1
            and _finite(self.decay_factor)
            and 0 < self.decay_factor <= 1
            and _finite(self.min_rate)
            and self.min_rate >= 0
        )
        if not ok:
            raise EngineError(
                QT_TRANSLATE_NOOP("EngineErrors", "invalid learning-rate schedule: {schedule}"),
                schedule=repr(self)[:120],
            )

    def rate(self, base: float, epoch: int) -> float:
        """η of the epoch after ``epoch`` completed ones, for the base rate ``base``."""
        if self.kind == "step":
            return base * self.decay_factor ** (epoch // self.decay_every)
        if self.kind == "cosine":
            t = min(epoch, self.cosine_epochs)
            cosine = (1 + math.cos(math.pi * t / self.cosine_epochs)) / 2
            return self.min_rate + (base - self.min_rate) * cosine
        return base


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _finite(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
