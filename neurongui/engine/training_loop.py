"""The training loop that runs beside the window: commands in, snapshots out. No Qt.

A :class:`TrainingLoop` owns one :class:`~neurongui.engine.trainer.Trainer` and shares
exactly three objects with whoever drives it (the GUI's worker thread, or a test):

* a command queue (``queue.SimpleQueue``) of the commands below, drained *between*
  training steps, so every pause, step, edit or setting arrives in order and none is
  lost;
* a :class:`Mailbox` holding the latest :class:`Snapshot`. The loop fills it at most
  ~30 times a second and calls ``notify`` when it was empty, so a slow reader skips
  snapshots instead of queueing them: nothing grows. Epochs the reader has not taken
  are carried into the next snapshot (thinned past :data:`HISTORY_LIMIT`);
* the *floor*, an event the loop clears when it publishes and then waits on (at most
  :data:`FLOOR_TIMEOUT`) until the reader has shown the snapshot. In the app both
  threads need the GIL; without this the GUI would wait up to one switch interval at
  every call from Qt into Python while the loop computes.

A snapshot holds copies, never arrays the loop goes on mutating. It is stamped with
the number of the last edit the loop applied, so the reader ignores values computed
before the student's latest edit.

Nothing raised while training escapes silently: :meth:`TrainingLoop.run_once`
catches it, stops, drops the trainer (its network may be half-updated) and publishes a
snapshot whose ``error`` says what happened. The reader still holds the last good
network and sends :class:`Replace` to train again.
"""

from __future__ import annotations

import queue
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from .config import TrainingConfig
from .divergence import Divergence
from .edits import Edit
from .metrics import EpochRecord, Status
from .network import Network
from .session import TrainingData, make_trainer, update_trainer
from .trainer import Trainer

__all__ = [
    "COURTESY_WAIT",
    "FLOOR_TIMEOUT",
    "HISTORY_LIMIT",
    "PUBLISH_INTERVAL",
    "ApplyEdit",
    "Command",
    "Control",
    "EpochLog",
    "Mailbox",
    "Quit",
    "Replace",
    "SetConfig",
    "Snapshot",
    "TrainingLoop",
    "thin_history",
]

#: Seconds between two snapshots while training runs.
PUBLISH_INTERVAL = 1 / 30
#: Longest the loop waits for the reader to show a snapshot before it trains on.
FLOOR_TIMEOUT = 0.03
#: After that, the loop sleeps this long between steps until the reader is done.
COURTESY_WAIT = 0.0005
#: The reader keeps at most this many epoch records: every epoch of the latest half,
#: and an ever sparser sample of earlier ones (XOR runs ~500 epochs a second).
HISTORY_LIMIT = 10_000


# -- commands ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Quit:
    """Stop the loop for good."""


@dataclass(frozen=True)
class Replace:
    """Train ``network`` (a copy the loop owns) on ``data`` from now on: a new run.

    ``epochs_done`` is how many epochs the network has been trained (its history): the
    run numbers its epochs on from there, and a learning-rate schedule goes on from
    there, so that a reopened network continues where it stopped.
    """

    network: Network
    data: TrainingData
    config: TrainingConfig
    edit_seq: int
    epochs_done: int = 0


@dataclass(frozen=True)
class ApplyEdit:
    """Apply the student's edit to the trained network; ``edit_seq`` numbers it."""

    edit: Edit
    edit_seq: int


@dataclass(frozen=True)
class SetConfig:
    """New training settings that keep the data (learning rate, optimiser, …)."""

    config: TrainingConfig


@dataclass(frozen=True)
class Control:
    """Play, pause or step; ``number`` lets the reader tell old snapshots from new.

    ``action`` is ``"play"``, ``"pause"``, ``"step_epoch"`` or ``"step_batch"``.
    """

    action: str
    number: int


Command = Quit | Replace | ApplyEdit | SetConfig | Control


# -- what goes back ---------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """The loop's state at one moment (all arrays are copies)."""

    parameters: np.ndarray
    edit_seq: int
    #: Epochs completed since the previous snapshot the reader took (oldest first).
    records: tuple[EpochRecord, ...]
    gradients: tuple[dict[str, np.ndarray], ...] | None
    running: bool
    status: str
    message: str
    steps: int
    #: Number of the last play/pause/step command the loop had obeyed.
    control: int
    #: Number of the trainer (one per Replace): a new run starts a new history.
    run: int = 0
    #: What went wrong, if training raised: the trainer is gone until the next Replace.
    error: str = ""
    #: How the run blew up, if it just did (its weights were put back).
    divergence: Divergence | None = None


def thin_history(records: list[EpochRecord], limit: int = HISTORY_LIMIT) -> list[EpochRecord]:
    """``records`` if there are at most ``limit``; else the newest ``limit // 2`` and
    every other (or every 4th, 8th…) one of the older part. Records carry their epoch
    number, so a thinned history still plots and exports against the right epochs."""
    if len(records) <= limit:
        return records
    keep = limit // 2
    older = records[:-keep]
    while len(older) > limit - keep:  # once while training; more after a long gap
        older = older[::2]
    return older + records[-keep:]


class Mailbox:
    """One slot: the latest snapshot wins, but its new epochs add to those not taken."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value: Snapshot | None = None

    def put(self, value: Snapshot) -> bool:
        """Store ``value``; True if the slot was empty (the reader needs a notification)."""
        with self._lock:
            old = self._value
            if old is not None and old.run == value.run and old.records:
                records = thin_history(list(old.records + value.records))
                value = replace(value, records=tuple(records))
            if old is not None and old.error and not value.error:
                value = replace(value, error=old.error)  # an error is never overwritten
            self._value = value
            return old is None

    def take(self) -> Snapshot | None:
        """The latest snapshot, emptying the slot; None if there is none."""
        with self._lock:
            value, self._value = self._value, None
            return value


class EpochLog(list[EpochRecord]):
    """The loop's Trainer history: counts every epoch, keeps only those not yet sent.

    The Trainer numbers epochs by ``len(history)`` and reads ``history[-1]``; the reader
    keeps the records it was sent. Keeping them all here as well would grow by about
    300 bytes an epoch, over 100 MB in ten minutes of XOR.
    """

    def __init__(self, done: int = 0) -> None:
        super().__init__()
        self._forgotten = done  # epochs trained before this log began (counted, not kept)

    def __len__(self) -> int:
        return self._forgotten + super().__len__()

    def clear(self) -> None:
        super().clear()
        self._forgotten = 0

    def take_new(self, sent: int) -> tuple[EpochRecord, ...]:
        """The records after the first ``sent`` epochs; forget all but the latest."""
        kept = super().__len__()
        new = tuple(self[max(sent - self._forgotten, 0) :])
        if kept > 1:
            del self[: kept - 1]
            self._forgotten += kept - 1
        return new


# -- the loop ---------------------------------------------------------------------------


class TrainingLoop:
    """Runs a Trainer at full speed while playing; obeys commands between steps.

    Parameters
    ----------
    commands
        Where commands arrive (see :data:`Command`).
    mailbox
        Where snapshots go.
    notify
        Called (from the loop's thread) when a snapshot lands in an empty mailbox.
    floor
        Set while the reader is not drawing (see the module's doc); None for a reader
        that never draws (a script, a test): the loop then never waits.
    clock
        Seconds, monotonic; tests pass a fake one.
    """

    def __init__(
        self,
        commands: queue.SimpleQueue[Command],
        mailbox: Mailbox,
        notify: Callable[[], Any] = lambda: None,
        floor: threading.Event | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._commands, self._mailbox, self._notify = commands, mailbox, notify
        self._floor: threading.Event | _OpenFloor = floor or _OpenFloor()
        self._clock = clock
        self.trainer: Trainer | None = None
        self._config: TrainingConfig | None = None
        self._run = 0
        self._sent = 0
        self._edit_seq = 0
        self.running = False
        self.quit = False
        self._last_publish = -PUBLISH_INTERVAL
        self._floor_ignored_until = 0.0
        self._control = 0

    def run(self) -> None:
        """Obey commands and train until :class:`Quit` arrives."""
        while not self.quit:
            self.run_once(block=True)

    def run_once(self, block: bool = False) -> None:
        """Apply the waiting commands, then train one slice if playing.

        A slice ends at the next command, when a snapshot is due, or when the reader
        takes the floor. Paused with ``block``, wait in the queue for a command.
        Anything raised is caught and reported (see the module's doc).
        """
        try:
            self._drain(block and not self.running)
            if self.running and not self.quit:
                if not self._floor.is_set():
                    self._wait_for_reader()
                self._train()
        except Exception as exc:  # any bug must reach the student, not end the thread
            self.fail(exc)

    def fail(self, exc: BaseException) -> None:
        """Stop after ``exc``: forget the trainer and tell the reader why."""
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        self.running = False
        parameters = np.empty(0)
        steps = 0
        if self.trainer is not None:
            steps = self.trainer.step_count
        self.trainer = None  # its network may be half-updated; the reader has the last good one
        snapshot = Snapshot(
            parameters, self._edit_seq, (), None, False, "error", "", steps,
            self._control, self._run, error=detail or type(exc).__name__,
        )  # fmt: skip
        self._floor.clear()
        if self._mailbox.put(snapshot):
            self._notify()

    # -- commands -----------------------------------------------------------------------

    def _drain(self, block: bool) -> None:
        commands = self._commands
        if not block and commands.empty():
            return  # the common case while training: no exception to raise and catch
        try:
            command: Command | None = commands.get() if block else commands.get_nowait()
        except queue.Empty:
            return
        while command is not None:
            self.handle(command)
            try:
                command = commands.get_nowait()
            except queue.Empty:
                command = None

    def handle(self, command: Command) -> None:
        """Obey one command."""
        match command:
            case Quit():
                self.quit = True
            case Replace(network, data, config, edit_seq, epochs_done):
                self.trainer = make_trainer(network, data, config)
                self.trainer.history = EpochLog(epochs_done)
                self.trainer.schedule = self.trainer.schedule  # η of epoch epochs_done + 1
                self._config, self._edit_seq = config, edit_seq
                self._run += 1
                self._sent = 0
                self._publish(force=True)
            case ApplyEdit(edit, edit_seq):
                if self.trainer is not None:
                    edit.apply(self.trainer.network)
                    self.trainer.note_edit()
                self._edit_seq = edit_seq
            case SetConfig(config):
                if self.trainer is not None and self._config is not None:
                    update_trainer(self.trainer, self._config, config)
                self._config = config
            case Control(action, number):
                self._control = number
                self._obey(action)
            case _:
                raise TypeError(f"unknown training command {command!r}")

    def _obey(self, action: str) -> None:
        trainer = self.trainer
        if action == "play":
            self.running = trainer is not None
            if trainer is not None and trainer.done:
                trainer.status = Status.OK  # play again past a reached limit
            self._publish(force=True)
        elif action == "pause":
            self.running = False
            self._publish(force=True)
        elif action in ("step_epoch", "step_batch"):
            self.running = False
            self._manual_step(action == "step_epoch")
        else:
            raise ValueError(f"unknown training control {action!r}")

    # -- training -----------------------------------------------------------------------

    def _train(self) -> None:
        """Train step by step until a command comes, the reader takes the floor, a
        snapshot is due or training stops by itself (divergence, a limit reached).

        The checks between steps are the cheapest there are (a step of a small network
        takes ~30 µs, so going back through run_once() for each would cost a few percent).
        """
        trainer, commands, floor, clock = self.trainer, self._commands, self._floor, self._clock
        assert trainer is not None
        due = self._last_publish + PUBLISH_INTERVAL
        ok = Status.OK
        while True:
            trainer.step()
            if trainer.status is not ok:
                self.running = False
                self._publish(force=True)
                return
            if clock() >= due:
                self._publish()
                return
            if not commands.empty() or not floor.is_set():
                return

    def _wait_for_reader(self) -> None:
        """Leave the GIL to the reader while it shows a snapshot (see the module's doc).

        The loop closes the floor when it publishes, the reader when it starts a frame;
        either way the loop stops at the next step. It waits at most FLOOR_TIMEOUT, so
        that a reader busy for long cannot stop training; after that it trains on but
        sleeps COURTESY_WAIT between steps, so that the reader still gets the GIL at once.
        """
        now = self._clock()
        if now < self._floor_ignored_until:
            self._floor.wait(COURTESY_WAIT)
            return
        opened = self._floor.wait(FLOOR_TIMEOUT)
        now = self._clock()
        if opened:
            # Then train for at least half an interval, however long the reader took.
            self._last_publish = max(self._last_publish, now - PUBLISH_INTERVAL / 2)
        else:
            # Snapshots stay due meanwhile: the mailbox holds only the latest.
            self._floor_ignored_until = now + FLOOR_TIMEOUT / 2

    def _manual_step(self, whole_epoch: bool) -> None:
        trainer = self.trainer
        if trainer is None:
            return
        if trainer.done:
            trainer.status = Status.OK
        start = trainer.epoch_count
        while True:
            trainer.step()
            if trainer.status is Status.DIVERGED or not whole_epoch:
                break
            if trainer.epoch_count != start:
                break
            if not self._commands.empty():  # stay responsive during a long epoch
                self._publish()
                break
        self._publish(force=True)

    def _publish(self, force: bool = False) -> bool:
        """Put a snapshot in the mailbox (at most every PUBLISH_INTERVAL unless forced);
        True if one was put."""
        now = self._clock()
        if not force and now - self._last_publish < PUBLISH_INTERVAL:
            return False
        self._last_publish = now
        trainer = self.trainer
        if trainer is None:
            return False
        gradients = trainer.gradients()
        history = trainer.history
        if isinstance(history, EpochLog):
            records = history.take_new(self._sent)
        else:
            records = tuple(history[self._sent :])
        self._sent = len(history)
        self._floor.clear()  # before the reader can see the snapshot and open it again
        snapshot = Snapshot(
            trainer.network.parameters.copy(),
            self._edit_seq,
            records,
            None if gradients is None else tuple(gradients),
            self.running,
            trainer.status.value,
            trainer.message,
            trainer.step_count,
            self._control,
            self._run,
            divergence=trainer.divergence if trainer.status is Status.DIVERGED else None,
        )
        if self._mailbox.put(snapshot):
            self._notify()
        return True


class _OpenFloor:
    """The floor of a reader that never draws: always open."""

    def is_set(self) -> bool:
        return True

    def set(self) -> None:
        pass

    def clear(self) -> None:
        pass

    def wait(self, timeout: float | None = None) -> bool:
        return True
