"""Training in a worker thread, fed by a command queue, reporting through snapshots.

The GUI thread and the worker share exactly three objects:

* a command queue (``queue.SimpleQueue``) the worker drains *between* training
  steps, so every pause, step, edit or setting arrives in order and is never lost;
* a single-slot mailbox holding the latest :class:`Snapshot`. The worker fills it
  at most ~30 times a second and posts one notification while it is full, so a
  slow GUI skips snapshots instead of queueing them: nothing grows. Epochs the
  GUI has not taken yet are carried over into the next snapshot (thinned past
  :data:`HISTORY_LIMIT`), so none is lost;
* the *floor*, an event the worker clears when it publishes and then waits on
  (at most :data:`FLOOR_TIMEOUT`) until the GUI has shown the snapshot. Both
  threads need the GIL; without this the GUI would wait up to one switch
  interval at every call from Qt into Python while the worker computes, and a
  frame of a few milliseconds would take a few hundred.

A snapshot holds copies (parameters, new epochs, gradients), never arrays the
worker goes on mutating. It is stamped with the number of the last edit the worker
has applied, so the GUI ignores values computed before the student's latest edit.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal

from neurongui.engine import Trainer
from neurongui.engine import losses as engine_losses
from neurongui.engine.config import TrainingConfig
from neurongui.engine.session import make_trainer
from neurongui.engine.trainer import EpochRecord, Status
from neurongui.model import NetworkModel

__all__ = ["HISTORY_LIMIT", "Snapshot", "TrainingController", "TrainingThread", "thin_history"]

PUBLISH_INTERVAL = 1 / 30
SWITCH_INTERVAL = 0.002
#: Longest the worker waits for the GUI to show a snapshot before it trains on.
FLOOR_TIMEOUT = 0.03
#: After that, the worker sleeps this long between steps until the GUI is done.
COURTESY_WAIT = 0.0005
#: The GUI keeps at most this many epoch records: every epoch of the latest half,
#: and an ever sparser sample of earlier ones (XOR runs ~500 epochs a second).
HISTORY_LIMIT = 10_000
_DATA_KEYS = ("dataset", "n_samples", "noise", "test_fraction", "seed")


@dataclass(frozen=True)
class Snapshot:
    """The worker's state at one moment (all arrays are copies)."""

    parameters: np.ndarray
    edit_seq: int
    #: Epochs completed since the previous snapshot the GUI took (oldest first).
    records: tuple[EpochRecord, ...]
    gradients: tuple[dict[str, np.ndarray], ...] | None
    running: bool
    status: str
    message: str
    steps: int
    #: Number of the last play/pause/step command the worker had obeyed.
    control: int
    #: Number of the trainer (one per "replace"): a new run starts a new history.
    run: int = 0


def thin_history(records: list, limit: int = HISTORY_LIMIT) -> list:
    """``records`` if there are at most ``limit``; else the newest ``limit // 2`` and
    every other (or every 4th, 8th…) one of the older part. Records carry their epoch number, so
    a thinned history still plots and exports against the right epochs."""
    if len(records) <= limit:
        return records
    keep = limit // 2
    older = records[:-keep]
    while len(older) > limit - keep:  # once while training; more after a long gap
        older = older[::2]
    return older + records[-keep:]


class _Mailbox:
    """One slot: the latest snapshot wins, but its new epochs add to those not taken."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value: Snapshot | None = None

    def put(self, value: Snapshot) -> bool:
        """Store ``value``; True if the slot was empty (the GUI needs a notification)."""
        with self._lock:
            old = self._value
            if old is not None and old.run == value.run and old.records:
                records = thin_history(list(old.records + value.records))
                value = replace(value, records=tuple(records))
            self._value = value
            return old is None

    def take(self) -> Snapshot | None:
        with self._lock:
            value, self._value = self._value, None
            return value


class _EpochLog(list):
    """The worker's Trainer history: counts every epoch, keeps only those not yet sent.

    The Trainer numbers epochs by ``len(history)`` and reads ``history[-1]``; the GUI
    keeps the records it was sent. Keeping them all here as well would grow by about
    300 bytes an epoch, over 100 MB in ten minutes of XOR.
    """

    def __init__(self) -> None:
        super().__init__()
        self._forgotten = 0

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


class TrainingThread(QThread):
    """Runs the Trainer at full speed while playing; obeys commands between steps."""

    #: A snapshot arrived in an empty mailbox (emitted from the worker thread).
    published = Signal()

    def __init__(
        self,
        commands: queue.SimpleQueue,
        mailbox: _Mailbox,
        floor: threading.Event | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self._commands, self._mailbox = commands, mailbox
        self._floor = floor or threading.Event()
        self._trainer: Trainer | None = None
        self._run = 0
        self._sent = 0
        self._config: TrainingConfig | None = None
        self._edit_seq = 0
        self._running = False
        self._quit = False
        self._last_publish = 0.0
        self._floor_ignored_until = 0.0
        self._control = 0

    def run(self) -> None:
        while not self._quit:
            if self._running and self._commands.empty():
                command = None  # the common case: no exception to raise and catch
            else:
                # Paused: sleep in the queue until something arrives.
                try:
                    command = self._commands.get(timeout=None if not self._running else 0)
                except queue.Empty:
                    command = None
            while command is not None:
                self._apply(command)
                try:
                    command = self._commands.get_nowait()
                except queue.Empty:
                    command = None
            if self._running and not self._quit:
                if not self._floor.is_set():
                    self._wait_for_gui()
                self._train()

    # -- commands -------------------------------------------------------------------

    def _apply(self, command: tuple) -> None:
        kind = command[0]
        if kind == "quit":
            self._quit = True
        elif kind == "replace":
            _, network, data, config, seq = command
            self._trainer, self._config, self._edit_seq = (
                make_trainer(network, data, config),
                config,
                seq,
            )
            self._trainer.history = _EpochLog()
            self._run += 1
            self._sent = 0
            self._publish(force=True)
        elif kind == "edit":
            _, edit, seq = command
            if self._trainer is not None:
                edit.apply(self._trainer.network)
            self._edit_seq = seq
        elif kind == "config":
            self._set_config(command[1])
        elif kind in ("play", "pause", "step_epoch", "step_batch"):
            self._control = command[1]
            self._control_command(kind)

    def _control_command(self, kind: str) -> None:
        if kind == "play":
            self._running = self._trainer is not None
            if self._trainer is not None and self._trainer.done:
                self._trainer.status = Status.OK  # play again past a reached limit
            self._publish(force=True)
        elif kind == "pause":
            self._running = False
            self._publish(force=True)
        elif kind in ("step_epoch", "step_batch"):
            self._running = False
            self._manual_step(kind == "step_epoch")

    def _set_config(self, config: TrainingConfig) -> None:
        trainer, old = self._trainer, self._config
        self._config = config
        if trainer is None or old is None:
            return
        if config.learning_rate != old.learning_rate:
            trainer.learning_rate = config.learning_rate
        if config.batch_size != old.batch_size:
            trainer.batch_size = min(config.batch_size, len(trainer.X))
        if config.optimizer != old.optimizer:
            trainer.set_optimizer(config.optimizer)
        if config.loss != old.loss:
            trainer.loss = engine_losses.get(config.loss)
        trainer.set_regularization(config.regularization, config.regularization_rate)
        trainer.epoch_limit, trainer.target_loss = config.epoch_limit, config.target_loss

    # -- training -------------------------------------------------------------------

    def _train(self) -> None:
        """Train step by step until a command comes, the GUI takes the floor, a snapshot
        is due or training stops by itself (divergence, a limit reached).

        The checks between steps are the cheapest there are (a step of a small network
        takes ~30 µs, so going back through run() for each would cost a few percent).
        """
        trainer, commands, floor, clock = self._trainer, self._commands, self._floor, time.monotonic
        due = self._last_publish + PUBLISH_INTERVAL
        ok = Status.OK
        while True:
            trainer.step()
            if trainer.status is not ok:
                self._running = False
                self._publish(force=True)
                return
            if clock() >= due:
                self._publish()
                return
            if not commands.empty() or not floor.is_set():
                return

    def _wait_for_gui(self) -> None:
        """Leave the GIL to the GUI while it shows a snapshot (see the module's doc).

        The worker closes the floor when it publishes, the GUI when it starts a frame;
        either way the worker stops at the next step. It waits at most FLOOR_TIMEOUT,
        so that a GUI busy for long cannot stop training; after that it trains on but
        sleeps COURTESY_WAIT between steps, so that the GUI still gets the GIL at once.
        """
        now = time.monotonic()
        if now < self._floor_ignored_until:
            # The GUI is still drawing: train on, but leave it the GIL between steps;
            # else each of its calls into Python waits a switch interval.
            self._floor.wait(COURTESY_WAIT)
            return
        opened = self._floor.wait(FLOOR_TIMEOUT)
        now = time.monotonic()
        if opened:
            # Then train for at least half an interval, however long the GUI took.
            self._last_publish = max(self._last_publish, now - PUBLISH_INTERVAL / 2)
        else:
            # Snapshots stay due meanwhile: the mailbox holds only the latest.
            self._floor_ignored_until = now + FLOOR_TIMEOUT / 2

    def _manual_step(self, whole_epoch: bool) -> None:
        trainer = self._trainer
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
        now = time.monotonic()
        if not force and now - self._last_publish < PUBLISH_INTERVAL:
            return False
        self._last_publish = now
        trainer = self._trainer
        if trainer is None:
            return False
        gradients = trainer.gradients()
        if gradients is not None:
            gradients = tuple(gradients)
        history = trainer.history
        if isinstance(history, _EpochLog):
            records = history.take_new(self._sent)
        else:
            records = tuple(history[self._sent :])
        self._sent = len(history)
        self._floor.clear()  # before the GUI can see the snapshot and open it again
        snapshot = Snapshot(
            trainer.network.parameters.copy(),
            self._edit_seq,
            records,
            gradients,
            self._running,
            trainer.status.value,
            trainer.message,
            trainer.step_count,
            self._control,
            self._run,
        )
        if self._mailbox.put(snapshot):
            self.published.emit()
        return True


class TrainingController(QObject):
    """The GUI side: sends commands, applies snapshots to the model.

    The thread starts on the first command and stops in :meth:`shutdown`.
    """

    runningChanged = Signal(bool)
    #: The number of the latest epoch, as training reaches it.
    epochChanged = Signal(int)
    #: Training stopped by itself (divergence, epoch limit, target loss): the reason.
    stopped = Signal(str)
    #: A snapshot was applied to the model: views that draw live values redraw now,
    #: while the worker leaves the GIL to the GUI.
    snapshotApplied = Signal()

    def __init__(self, model: NetworkModel, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self._commands: queue.SimpleQueue = queue.SimpleQueue()
        self._mailbox = _Mailbox()
        self._floor = threading.Event()
        self._floor.set()
        self._thread: TrainingThread | None = None
        self._running = False
        self._steps = 0
        self._control = 0
        self._run = 0
        self._fresh_run = False
        self._opening = False
        model.editApplied.connect(self._on_edit_applied)
        model.dataChanged.connect(self._on_data_change)
        model.configChanged.connect(self._on_config_change)
        self._config = model.config

    @property
    def running(self) -> bool:
        """True while training plays."""
        return self._running

    @property
    def steps(self) -> int:
        """Mini-batch steps taken since the last reset or new data."""
        return self._steps

    # -- commands -------------------------------------------------------------------

    def play(self) -> None:
        """Start or resume training."""
        self._control_send("play")
        self._set_running(True)

    def pause(self) -> None:
        """Pause between two steps."""
        if self._thread is not None:
            self._control_send("pause")
        self._set_running(False)

    stop = pause

    def toggle(self) -> None:
        """Play if paused, pause if playing."""
        self.pause() if self._running else self.play()

    def step(self, whole_epoch: bool = True) -> None:
        """Run one epoch (or one mini-batch) and pause."""
        self._control_send("step_epoch" if whole_epoch else "step_batch")
        self._set_running(False)

    def reset(self) -> None:
        """New initial weights (an undoable edit) and a fresh history."""
        from neurongui.engine.edits import ReplaceState
        from neurongui.undo import push_edit

        self.pause()
        net = self.model.network.copy()
        seed = int(np.random.default_rng().integers(2**31))
        net.initialize(self.model.config.init, seed)
        stack = getattr(self.parent(), "undo_stack", None)
        edit = ReplaceState(net.to_dict(), "Reset the weights")
        if stack is not None:
            push_edit(stack, self.model, edit, self.tr("Reset the weights"))
        else:
            self.model.apply_edit(edit)
        self.model.set_history([])
        self.model.set_gradients(None)
        self._replace()

    def shutdown(self) -> None:
        """Stop the thread for good (the window closes); returns within about 1 s."""
        if self._thread is not None:
            self._commands.put(("quit",))
            self._floor.set()  # a worker waiting for the GUI must not wait for this
            if not self._thread.wait(1000):
                self._thread.terminate()  # never leave a running thread behind
                self._thread.wait()
            self._thread = None
        self._set_running(False)

    # -- plumbing -----------------------------------------------------------------

    def _ensure_thread(self) -> None:
        if self._thread is None:
            # The GUI thread needs the GIL for every Python call it makes; a short
            # switch interval (default 5 ms) lets it in quickly while training runs.
            sys.setswitchinterval(SWITCH_INTERVAL)
            self._thread = TrainingThread(self._commands, self._mailbox, self._floor, self)
            self._thread.setObjectName("trainingThread")
            self._thread.published.connect(self._poll)  # queued: it is emitted in the worker
            self._replace()
            self._thread.start()

    def _control_send(self, kind: str) -> None:
        """Send play/pause/step, numbered, so that older snapshots cannot undo it."""
        self._ensure_thread()
        self._control += 1
        self._commands.put((kind, self._control))

    def _replace(self) -> None:
        model = self.model
        self._steps = 0
        self._commands.put(
            ("replace", model.network.copy(), model.data, model.config, model.edit_seq)
        )

    def _on_edit_applied(self, edit) -> None:
        if self._thread is not None:
            self._commands.put(("edit", edit, self.model.edit_seq))

    def _on_data_change(self) -> None:
        if self._thread is not None:
            self.pause()
            self._replace()

    def _on_config_change(self) -> None:
        old, new = self._config, self.model.config
        self._config = new
        if self._thread is None:
            return
        if any(getattr(old, k) != getattr(new, k) for k in _DATA_KEYS):
            return  # dataChanged follows (or preceded) and replaces the trainer
        self._commands.put(("config", new))

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self.runningChanged.emit(running)

    def _poll(self) -> None:
        # The worker stops at its next step until this frame is painted: every call
        # from Qt into Python would otherwise wait for the GIL.
        self._floor.clear()
        try:
            self._apply_snapshot()
        finally:
            self._open_floor_when_idle()

    def _apply_snapshot(self) -> None:
        snap = self._mailbox.take()
        if snap is None:
            return
        model = self.model
        self._steps = snap.steps  # before the views hear of the new values
        model.live = True
        try:
            self._apply_to_model(snap)
        finally:
            model.live = False
        self.snapshotApplied.emit()

    def _apply_to_model(self, snap: Snapshot) -> None:
        model = self.model
        model.update_parameters(snap.parameters, snap.edit_seq)
        if snap.run != self._run:
            self._run = snap.run
            self._fresh_run = True  # the first epoch of a new trainer replaces the history
        if snap.records:
            old = [] if self._fresh_run else model.history
            self._fresh_run = False
            model.set_history(thin_history(old + list(snap.records)))
            self.epochChanged.emit(snap.records[-1].epoch)
        if snap.gradients is not None and snap.edit_seq == model.edit_seq:
            model.set_gradients(list(snap.gradients))
        if snap.control == self._control and self._running and not snap.running:
            self._set_running(False)
            if snap.message:
                self.stopped.emit(snap.message)
                model.message.emit(snap.message)

    def _open_floor_when_idle(self) -> None:
        """Let the worker train again once the GUI has painted this frame.

        A zero-delay timer runs when no event is pending; the one it starts runs after
        the paints that the first one's predecessors posted (two steps, because a
        view's own zero-delay redraw may be queued just before ours).
        """
        if not self._opening:
            self._opening = True
            QTimer.singleShot(0, self._open_floor_soon)

    def _open_floor_soon(self) -> None:
        QTimer.singleShot(0, self._open_floor)

    def _open_floor(self) -> None:
        self._opening = False
        self._floor.set()
