"""Training in a worker thread: a thin Qt shell around the Qt-free training loop.

:class:`~neurongui.engine.training_loop.TrainingLoop` does the work (commands in,
snapshots out; read its module's doc for the queue, the mailbox and the floor).
:class:`TrainingThread` only runs it and turns "a snapshot is waiting" into a signal.
:class:`TrainingController`, in the GUI thread, sends the commands and applies the
snapshots to the model. When training raises, the loop reports it in a snapshot; the
controller stops, tells the student (status bar and :attr:`TrainingController.failed`),
keeps the network the window shows, and gives the loop a fresh copy so that Play works
again.

The loop is superqt's worker idea (the work apart from its thread, an error signal
that is always sent) without the dependency: it also needs commands between two steps
and a mailbox that keeps only the latest snapshot, which superqt's generator workers
would have to be bent to carry.
"""

from __future__ import annotations

import queue
import sys
import threading
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal

from neurongui.engine.divergence import Divergence
from neurongui.engine.edits import ReplaceState
from neurongui.engine.explain import format_number
from neurongui.engine.session import TrainingData, new_data_needed
from neurongui.engine.training_loop import (
    HISTORY_LIMIT,
    ApplyEdit,
    Control,
    Mailbox,
    Quit,
    Replace,
    SetConfig,
    Snapshot,
    TrainingLoop,
    thin_history,
)
from neurongui.i18n import fill
from neurongui.model import NetworkModel

if TYPE_CHECKING:
    from neurongui.editing import Editor

__all__ = ["HISTORY_LIMIT", "Snapshot", "TrainingController", "TrainingThread", "thin_history"]

#: The GUI thread needs the GIL for every Python call it makes; a short switch
#: interval (default 5 ms) lets it in quickly while training runs.
SWITCH_INTERVAL = 0.002


class TrainingThread(QThread):
    """Runs a :class:`TrainingLoop` until it is told to quit. Nothing more."""

    #: A snapshot arrived in an empty mailbox (emitted from the worker thread).
    published = Signal()
    #: The loop itself broke (not a training error, which comes in a snapshot).
    crashed = Signal(str)

    def __init__(
        self,
        commands: queue.SimpleQueue,
        mailbox: Mailbox,
        floor: threading.Event | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.loop = TrainingLoop(commands, mailbox, self.published.emit, floor)

    def run(self) -> None:
        try:
            self.loop.run()
        except BaseException as exc:  # the loop reports training errors; this is a last net
            self.crashed.emit(f"{type(exc).__name__}: {exc}")


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
    #: Training raised an error and stopped: a title and the text, for a dialog.
    failed = Signal(str, str)
    #: Training blew up and was stopped: the :class:`Divergence` (its weights are back).
    diverged = Signal(object)

    def __init__(
        self, model: NetworkModel, editor: Editor | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.model = model
        self.editor = editor  # Reset is an undoable edit when there is one
        self._commands: queue.SimpleQueue = queue.SimpleQueue()
        self._mailbox = Mailbox()
        self._floor = threading.Event()
        self._floor.set()
        self._thread: TrainingThread | None = None
        self._running = False
        self._steps = 0
        self._control = 0
        self._run = 0
        self._fresh_run = False
        self._opening = False
        self._trained_steps = 0
        self._inputs: tuple[str, ...] = ()  # the inputs of the network the loop trains
        self._sent: tuple[TrainingData, int] | None = None  # the data and edit it was sent with
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
        self._set_running(len(self.model.data.X_train) > 0)

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
        self.pause()
        seed = int(np.random.default_rng().integers(2**31))
        if self.editor is not None:
            self.editor.reset_weights(seed)
        else:
            net = self.model.network.copy()
            net.initialize(self.model.config.init, seed)
            self.model.apply_edit(ReplaceState(net.to_dict(), "Reset the weights"))
        self.model.set_history([])
        self.model.set_gradients(None)
        self._replace()

    def shutdown(self) -> None:
        """Stop the thread for good (the window closes).

        The loop reads its commands between two steps, so this waits at most one
        mini-batch step (milliseconds, about a second for the largest networks).
        """
        if self._thread is not None:
            self._commands.put(Quit())
            self._floor.set()  # a worker waiting for the GUI must not wait for this
            self._thread.wait()
            self._thread = None
        self._set_running(False)

    # -- plumbing -----------------------------------------------------------------

    def _ensure_thread(self) -> None:
        if self._thread is None:
            sys.setswitchinterval(SWITCH_INTERVAL)
            self._thread = TrainingThread(self._commands, self._mailbox, self._floor, self)
            self._thread.setObjectName("trainingThread")
            self._thread.published.connect(self._poll)  # queued: it is emitted in the worker
            self._thread.crashed.connect(self._on_crash)
            self._replace()
            self._thread.start()

    def _control_send(self, kind: str) -> None:
        """Send play/pause/step, numbered, so that older snapshots cannot undo it."""
        if kind != "pause" and not len(self.model.data.X_train):
            # Every sample erased: a trainer needs at least one.
            self.model.message.emit(
                self.tr("There is nothing to train on: add some samples first.")
            )
            return
        self._ensure_thread()
        self._control += 1
        self._commands.put(Control(kind, self._control))

    def _replace(self) -> None:
        model = self.model
        self._steps = 0
        self._inputs = tuple(model.network.input_names)
        self._sent = (model.data, model.edit_seq)
        done = model.history[-1].epoch if model.history else 0  # (a thinned history too)
        self._commands.put(
            Replace(model.network.copy(), model.data, model.config, model.edit_seq, done)
        )

    def _on_edit_applied(self, edit) -> None:
        if self._thread is None:
            return
        model = self.model
        if edit.changes_structure and tuple(model.network.input_names) != self._inputs:
            # New inputs need new data (the model has it ready): the loop gets both at
            # once in a Replace, never a step with one and not the other.
            self.pause()
            self._replace()
            return
        self._commands.put(ApplyEdit(edit, model.edit_seq))

    def _on_data_change(self) -> None:
        model = self.model
        sent = self._sent
        # By identity: TrainingData's own == compares its arrays (ambiguous, it raised
        # when MNIST came back: the same cached Dataset, new arrays).
        if self._thread is None or (
            sent is not None and sent[0] is model.data and sent[1] == model.edit_seq
        ):
            return  # the loop already has this data (an edit of the inputs sent it)
        data = model.data
        if not len(data.X_train):  # every sample erased: nothing to train on
            self.pause()
            return
        if data.edited and sent is not None and data.dataset is sent[0].dataset:
            # The student's own samples (a point added while it trains): the same
            # network trains on, with the new data.
            self._replace()
            return
        self.pause()
        self._replace()

    def _on_config_change(self) -> None:
        old, new = self._config, self.model.config
        self._config = new
        if self._thread is None:
            return
        if new_data_needed(old, new):
            return  # dataChanged follows (or preceded) and replaces the trainer
        self._commands.put(SetConfig(new))

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
        if not snap.error:
            self._steps = snap.steps  # before the views hear of the new values
        model.live = True
        try:
            self._apply_to_model(snap)
        finally:
            model.live = False
        self.snapshotApplied.emit()

    def _apply_to_model(self, snap: Snapshot) -> None:
        model = self.model
        if snap.error:
            self._on_failure(snap.error)
            return
        # A new run's trainer starts at step 0.
        trained = snap.steps > (self._trained_steps if snap.run == self._run else 0)
        self._trained_steps = snap.steps
        if model.update_parameters(snap.parameters, snap.edit_seq) and trained:
            model.mark_trained()  # trained weights are work to save (and to autosave)
        if snap.run != self._run:
            self._run = snap.run
            self._fresh_run = True  # the first epoch of a new trainer goes on from its own
        if snap.records:
            old = model.history
            if self._fresh_run:  # keep the epochs before the new run's (none after a reset)
                first = snap.records[0].epoch
                old = [record for record in old if record.epoch < first]
            self._fresh_run = False
            model.set_history(thin_history(old + list(snap.records)))
            self.epochChanged.emit(snap.records[-1].epoch)
        if snap.gradients is not None and snap.edit_seq == model.edit_seq:
            model.set_gradients(list(snap.gradients))
        if snap.control == self._control and self._running and not snap.running:
            self._set_running(False)
            message = snap.message
            if snap.divergence is not None:
                message = self.explain(snap.divergence)
                self.diverged.emit(snap.divergence)
            elif snap.status == "target_reached":
                message = fill(
                    self.tr("Training stopped: the loss reached the target %1."),
                    format_number(model.config.target_loss or 0.0),
                )
            elif snap.status == "epoch_limit":
                message = fill(
                    self.tr("Training stopped at the limit of %1 epochs."),
                    f"{model.config.epoch_limit or 0:,}",
                )
            if message:
                self.stopped.emit(message)
                model.message.emit(message)

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

    # -- failures -------------------------------------------------------------------

    def explain(self, divergence: Divergence) -> str:
        """What happened and what to try, in the student's language, with the numbers."""
        d = divergence
        if d.kind == "jump":
            what = fill(
                self.tr("the loss jumped to %1, more than four times where it started"),
                format_number(d.loss),
            )
        elif d.kind == "rising":
            what = fill(self.tr("the loss rose epoch after epoch, to %1"), format_number(d.loss))
        elif d.kind == "parameters":
            what = fill(self.tr("a weight or bias grew to %1"), format_number(d.largest_parameter))
        else:
            what = self.tr("a weight grew too large to compute (overflow)")
        if d.best_epoch:
            kept = fill(
                self.tr("The weights of epoch %1 (loss %2) are back."),
                f"{d.best_epoch:,}",
                format_number(d.best_loss),
            )
        else:
            kept = self.tr("The weights from before training are back.")
        return fill(
            self.tr(
                "Training diverged at epoch %1: %2. %3 The learning rate %4 makes steps "
                "too large here: try %5."
            ),
            f"{d.epoch:,}",
            what,
            kept,
            format_number(d.learning_rate),
            format_number(d.learning_rate / 10),
        )

    def _on_failure(self, detail: str) -> None:
        """Training raised: stop, say so, and give the loop a fresh copy of the network
        the window shows (the last good one), so that Play works again."""
        self._set_running(False)
        title = self.tr("Training stopped because of an error")
        text = fill(
            self.tr(
                "NeuronGUI hit an error while training and stopped. The network keeps the "
                "weights shown before the error; press Play to train again.\n\n"
                "Details: %1"
            ),
            detail,
        )
        self.model.message.emit(title)
        self.failed.emit(title, text)
        if self._thread is not None:
            self._replace()

    def _on_crash(self, detail: str) -> None:
        # The loop catches training errors itself; this is only its last net. The
        # thread has ended: the next command starts a new one.
        if self._thread is not None:
            self._thread.wait()
            self._thread = None
        self._on_failure(detail)
