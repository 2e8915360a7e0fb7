"""Noticing a blow-up before the numbers turn into NaN.

A learning rate that is too large shows itself long before a weight overflows: the
loss jumps far above the best it had reached, or climbs epoch after epoch, or the
weights grow without bound. :class:`DivergenceWatch` looks at each epoch's training
loss and the parameters, keeps a copy of the parameters of the best epoch so far, and
reports a :class:`Divergence` with the numbers a student needs to understand it.

The thresholds are deliberately loose: no shipped example or lesson comes near them,
while a run that has blown up passes them within a few epochs. A loss still below that of
guessing the mean target for every sample is never called a blow-up, however far it rose
from a start near zero: Adam's first steps on a trained network, after an input was added
while it trained, took XOR from 0.02 to 0.08 (the guess costs 0.125), and a blow-up there
restored weights from hundreds of epochs ago.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = [
    "JUMP",
    "PARAMETER_BOUND",
    "RISING_EPOCHS",
    "Divergence",
    "DivergenceWatch",
    "guess_loss",
]

#: A loss this many times the one training started from (or the best, if larger) is
#: a blow-up.
JUMP = 4.0
#: This many epochs of rising loss, ending above the start and twice the best, is a
#: blow-up too.
RISING_EPOCHS = 8
#: Parameters past this size (times the largest target, at least 1) have run away.
PARAMETER_BOUND = 1e6


def guess_loss(loss: Any, targets: np.ndarray) -> float:
    """The loss of predicting the mean target for every sample (0 if it is not finite).

    For the square loss this is half the targets' variance; for cross-entropy, the entropy
    of the class shares: what a network that learnt nothing but the averages would score.
    """
    Y = np.asarray(targets, dtype=float)
    if not Y.size:
        return 0.0
    with np.errstate(all="ignore"):
        value = float(loss.value(np.broadcast_to(Y.mean(axis=0), Y.shape), Y))
    return value if math.isfinite(value) else 0.0


@dataclass(frozen=True)
class Divergence:
    """What gave a blow-up away, with its numbers.

    ``kind`` is ``"jump"`` (the loss jumped), ``"rising"`` (it kept rising),
    ``"parameters"`` (a parameter ran away) or ``"overflow"`` (NaN or infinity).
    """

    kind: str
    epoch: int
    loss: float
    best_loss: float
    best_epoch: int
    learning_rate: float
    largest_parameter: float

    def describe(self) -> str:
        """One English sentence with the numbers (the GUI translates its own)."""
        what = {
            "jump": f"the loss jumped to {self.loss:.4g}",
            "rising": f"the loss rose for {RISING_EPOCHS} epochs, to {self.loss:.4g}",
            "parameters": f"a parameter grew to {self.largest_parameter:.3g}",
            "overflow": "a weight overflowed",
        }[self.kind]
        kept = (
            f"the weights of epoch {self.best_epoch} (loss {self.best_loss:.4g}) were restored"
            if self.best_epoch
            else "the weights from before training were restored"
        )
        return (
            f"Training diverged at epoch {self.epoch}: {what}; {kept}. "
            f"Try a learning rate below {self.learning_rate:g}."
        )


class DivergenceWatch:
    """Watches a run epoch by epoch; remembers the parameters of its best epoch.

    Parameters
    ----------
    target_scale
        The largest absolute target value; parameters may grow in proportion to it.
    guess_loss
        The loss of guessing the mean target for every sample: a loss below it has not
        blown up.
    """

    def __init__(self, target_scale: float = 1.0, guess_loss: float = 0.0) -> None:
        self._bound = PARAMETER_BOUND * max(1.0, float(target_scale))
        self._guess = float(guess_loss) if math.isfinite(guess_loss) else 0.0
        self.reset(None)

    def reset(self, parameters: np.ndarray | None, loss: float = math.inf) -> None:
        """Start watching afresh from ``parameters``, whose loss is ``loss``."""
        self.best_loss = loss if math.isfinite(loss) else math.inf
        self.best_epoch = 0
        self.best_parameters = None if parameters is None else parameters.copy()
        self._start_loss = self.best_loss
        self._last_loss = math.inf
        self._rising = 0

    def alarm(
        self, kind: str, epoch: int, loss: float, learning_rate: float, parameters: np.ndarray
    ) -> Divergence:
        """The :class:`Divergence` of a blow-up of ``kind`` found at ``epoch`` by the
        trainer itself (an overflow in a step), with this watch's best so far."""
        largest = float(np.max(np.abs(parameters), initial=0.0))
        return Divergence(
            kind, epoch, loss, self.best_loss, self.best_epoch, learning_rate, largest
        )

    def check(
        self, epoch: int, loss: float, parameters: np.ndarray, learning_rate: float
    ) -> Divergence | None:
        """Look at the end of ``epoch``; a :class:`Divergence` if the run blew up."""
        largest = float(np.max(np.abs(parameters))) if parameters.size else 0.0
        kind = None
        if not (math.isfinite(loss) and math.isfinite(largest)):
            kind = "overflow"
        elif largest > self._bound:
            kind = "parameters"
        else:
            self._rising = self._rising + 1 if loss > self._last_loss else 0
            start = self._start_loss
            if loss <= self._guess:
                pass  # still better than knowing nothing
            elif math.isfinite(start) and loss > JUMP * max(start, self.best_loss):
                kind = "jump"
            elif self._rising >= RISING_EPOCHS and loss > max(2 * self.best_loss, start):
                kind = "rising"
        if kind is not None:
            return Divergence(
                kind, epoch, loss, self.best_loss, self.best_epoch, learning_rate, largest
            )
        if not math.isfinite(self._start_loss):
            self._start_loss = loss
        self._last_loss = loss
        if loss < self.best_loss:
            self.best_loss, self.best_epoch = loss, epoch
            if self.best_parameters is None or self.best_parameters.shape != parameters.shape:
                self.best_parameters = parameters.copy()
            else:
                self.best_parameters[...] = parameters
        return None
