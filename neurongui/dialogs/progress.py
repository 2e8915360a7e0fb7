"""Long work (a download, a big CSV) in a worker thread behind a progress dialog.

The work is a plain function ``work(report, cancelled)``: it calls ``report(value)``
as it goes and polls ``cancelled()``; it knows nothing of Qt. :class:`Task` runs it in
a QThread and passes the reports on at most 20 times a second (a report per chunk
would flood the event loop). :class:`TaskDialog` shows them with Cancel; closing the
dialog cancels too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QThread, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

__all__ = ["Task", "TaskDialog", "Work"]

#: ``work(report, cancelled)``: the function a :class:`Task` runs.
Work = Callable[[Callable[[object], None], Callable[[], bool]], object]
_STEPS = 1000


class Task(QThread):
    """Runs ``work`` in its own thread; :attr:`result` or :attr:`error` once finished."""

    #: The latest report of the work (throttled).
    progressed = Signal(object)

    def __init__(self, work: Work, parent: QWidget | None = None, interval: float = 0.05):
        super().__init__(parent)
        self._work = work
        self._interval = interval
        self._cancel = threading.Event()
        self._last = -interval
        self.result: object = None
        self.error: BaseException | None = None

    def run(self) -> None:  # in the worker thread
        try:
            self.result = self._work(self._report, self._cancel.is_set)
        except BaseException as exc:  # handed to the GUI thread, which shows or re-raises it
            self.error = exc

    def _report(self, value: object) -> None:
        now = time.monotonic()
        if now - self._last >= self._interval:
            self._last = now
            self.progressed.emit(value)

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel.is_set()


class TaskDialog(QProgressDialog):
    """A progress dialog with Cancel around a :class:`Task`.

    Parameters
    ----------
    parent
        The window it belongs to (it is window-modal).
    title, text
        The window title and the first line of the label.
    work
        What to run (see :data:`Work`).
    describe
        Turns a report into (fraction done, label text); by default a report is the
        fraction and the label stays ``text``.
    cancelled_types
        The exceptions by which the work says it was cancelled.
    delay_ms
        Show the dialog only if the work takes longer than this (0: at once).
    """

    #: The work's result.
    succeeded = Signal(object)
    #: The exception the work raised.
    failed = Signal(object)
    #: The student cancelled and the work has stopped.
    cancelled = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        work: Work,
        describe: Callable[[object], tuple[float, str]] | None = None,
        cancelled_types: tuple[type[BaseException], ...] = (),
        delay_ms: int = 0,
    ):
        super().__init__(text, self.tr("Cancel"), 0, _STEPS, parent)
        self.setWindowTitle(title)
        self.setObjectName("taskDialog")
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(delay_ms)
        self.setMinimumWidth(420)
        self._text = text
        self._describe = describe or (lambda value: (float(value), text))  # type: ignore[arg-type]
        self._cancelled_types = cancelled_types
        self.task = Task(work, self)
        self.task.progressed.connect(self._on_progress)
        self.task.finished.connect(self._on_finished)
        self.canceled.connect(self.task.cancel)
        self.outcome: str = "running"
        app = QCoreApplication.instance()
        if app is not None:  # quitting mid-task: stop the thread before Qt destroys it
            app.aboutToQuit.connect(self._stop)

    def start(self) -> None:
        """Start the work (returns at once; watch the signals)."""
        self.setValue(0)
        self.task.start()

    def run(self) -> object:
        """Start the work and wait for it (the window stays responsive).

        Returns
        -------
        object
            The work's result.

        Raises
        ------
        BaseException
            Whatever the work raised (a cancelled work raises its cancel exception).
        """
        loop = QEventLoop()
        self.task.finished.connect(loop.quit)
        self.start()
        if self.task.isRunning():
            loop.exec()
        self.task.wait()
        if self.task.error is not None:
            raise self.task.error
        return self.task.result

    def _on_progress(self, value: object) -> None:
        if self.outcome != "running" or self.task.cancel_requested:
            return
        fraction, text = self._describe(value)
        self.setLabelText(text)
        self.setValue(max(0, min(_STEPS - 1, round(fraction * _STEPS))))

    def _on_finished(self) -> None:
        error = self.task.error
        if error is None:
            self.outcome = "succeeded"
            self.setValue(_STEPS)
        elif isinstance(error, self._cancelled_types):
            self.outcome = "cancelled"
        else:
            self.outcome = "failed"
        self.hide()
        if self.outcome == "succeeded":
            self.succeeded.emit(self.task.result)
        elif self.outcome == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(error)

    def _stop(self) -> None:
        self.task.cancel()
        self.task.wait()

    def cancel(self) -> None:
        """Stop the work (the Cancel button, Esc, or a call) and hide the dialog."""
        self.task.cancel()
        super().cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window cancels the work (it stops at its next check)."""
        self.task.cancel()
        super().closeEvent(event)
