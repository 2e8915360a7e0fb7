"""Train several copies of a network side by side, a few steps per timer tick, so that a
lesson can race them live while the window stays fluid (lessons 6 and 7)."""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from neurongui.engine import Network
from neurongui.engine.metrics import EpochRecord
from neurongui.engine.trainer import Trainer

__all__ = ["RaceRunner", "fresh_network"]


def fresh_network(network: Network, init: str, seed: int, hidden: str | None = None) -> Network:
    """A newly initialised network with ``network``'s sizes, inputs and activations.

    ``hidden`` replaces the activation of every hidden layer; the same ``init`` and
    ``seed`` give the same starting weights whatever the activations.
    """
    specs = [layer.activation.to_dict() for layer in network.layers]
    if hidden is not None:
        specs[:-1] = [{"name": hidden}] * (len(specs) - 1)
    return Network(network.sizes, specs, init=init, seed=seed, input_names=network.input_names)


class RaceRunner(QObject):
    """Trains engine :class:`Trainer` s side by side, a few epochs per timer tick.

    Every tick runs mini-batch steps, one per unfinished trainer in turn, until about
    ``budget_ms`` have passed, so the window stays fluid and the curves grow live.
    A run ends after ``epochs`` epochs or when it diverges.

    Attributes
    ----------
    losses, accuracies
        (runs, epochs) arrays of the training loss and test accuracy after every
        epoch, NaN where no epoch ran yet (the curves' preallocated data).
    """

    progressed = Signal()
    finished = Signal()

    def __init__(self, parent: QObject, budget_ms: float = 15, interval_ms: int = 10):
        super().__init__(parent)
        self._budget = budget_ms / 1000
        self._timer = QTimer(self)
        self._timer.setObjectName("raceTimer")
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self.trainers: list[Trainer] = []
        self.epochs = 0
        self.losses = np.empty((0, 0))
        self.accuracies = np.empty((0, 0))

    @property
    def running(self) -> bool:
        """True while the timer trains."""
        return self._timer.isActive()

    @property
    def started(self) -> bool:
        """True once a race was started (it may be paused or over)."""
        return bool(self.trainers)

    def finished_run(self, index: int) -> bool:
        """True when run ``index`` has all its epochs or diverged."""
        trainer = self.trainers[index]
        return trainer.diverged or trainer.epoch_count >= self.epochs

    @property
    def done(self) -> bool:
        """True when every run is over."""
        return self.started and all(self.finished_run(i) for i in range(len(self.trainers)))

    def start(self, trainers: Sequence[Trainer], epochs: int) -> None:
        """Race ``trainers`` (fresh ones) for ``epochs`` epochs each."""
        self.trainers, self.epochs = list(trainers), int(epochs)
        self.losses = np.full((len(trainers), self.epochs), np.nan)
        self.accuracies = np.full((len(trainers), self.epochs), np.nan)
        self._timer.start()
        self.progressed.emit()

    def pause(self) -> None:
        """Stop between two epochs; :meth:`resume` goes on."""
        self._timer.stop()

    def resume(self) -> None:
        """Go on after :meth:`pause`."""
        if self.started and not self.done:
            self._timer.start()

    stop = pause

    def _tick(self) -> None:
        # Mini-batch steps, not whole epochs, so a tick ends close to its budget even
        # when an epoch of three networks takes longer than that.
        deadline = time.perf_counter() + self._budget
        while not self.done and time.perf_counter() < deadline:
            for i, trainer in enumerate(self.trainers):
                if self.finished_run(i):
                    continue
                epochs = trainer.epoch_count
                trainer.step()  # a DIVERGED status (and restored weights) if it diverged
                if trainer.epoch_count > epochs:
                    self._record(i, trainer.history[-1])
        self.progressed.emit()
        if self.done:
            self._timer.stop()
            self.finished.emit()

    def _record(self, run: int, record: EpochRecord) -> None:
        self.losses[run, record.epoch - 1] = record.train_loss
        accuracy = record.test_accuracy
        if accuracy is None:
            accuracy = record.train_accuracy
        self.accuracies[run, record.epoch - 1] = np.nan if accuracy is None else accuracy
