"""The coach: "why isn't it learning?", answered with the run's own numbers.

After each epoch (at most twice a second) the rules of
:mod:`neurongui.engine.diagnostics` look at the run; each hint that applies is shown
with its evidence, a "Why?" that opens the explanation, and a button that applies
its fix as one undoable step. A dismissed hint stays away for the rest of the run
(a new run begins when the network is replaced, its structure changes, the data
changes, or the history starts again).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from neurongui.editing import Editor
from neurongui.engine.diagnostics import Fix, Hint, Run, diagnose, sample_rows, update_ratios
from neurongui.i18n import error_text, fill, keep_together, message_text
from neurongui.model import NetworkModel

__all__ = ["CoachPanel"]

#: Seconds between two looks at the run while it trains.
INTERVAL_S = 0.5


class HintCard(QFrame):
    """One hint: its evidence, a Why? toggle with the explanation, Apply and Dismiss."""

    def __init__(
        self, hint: Hint, lesson_titles: Mapping[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.hint = hint
        self.setObjectName(f"hint_{hint.rule}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.evidence = QLabel(keep_together(_sentence(message_text(hint.evidence))))
        self.evidence.setWordWrap(True)
        self.why = QLabel(keep_together(message_text(hint.why)))
        self.why.setWordWrap(True)
        self.why.hide()
        self.why_button = QPushButton(self.tr("Why?"))
        self.why_button.setCheckable(True)
        self.why_button.toggled.connect(self.why.setVisible)
        self.apply_button = QPushButton(message_text(hint.action))
        self.apply_button.setEnabled(hint.fix is not None)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.lesson_button: QPushButton | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.why_button)
        if hint.lesson is not None and hint.lesson in lesson_titles:  # the lesson behind it
            title = lesson_titles[hint.lesson]
            self.lesson_button = QPushButton(fill(self.tr("Lesson: %1"), title))
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.evidence)
        layout.addWidget(self.why)
        layout.addWidget(self.apply_button)  # its own row: the fix is a sentence
        if self.lesson_button is not None:  # a lesson's title is long: a row of its own
            layout.addWidget(self.lesson_button)
        layout.addLayout(buttons)


class CoachPanel(QWidget):
    """The hints that apply to the run now.

    Parameters
    ----------
    model, editor
        The live network (read) and where fixes go (one undo step each).
    lesson_titles
        The lessons' titles by key: a hint whose lesson is listed links to it.
    clock
        Seconds, for the throttle (a fake in tests).
    """

    #: Emitted after the rules have looked at the run, with the rules that spoke.
    diagnosed = Signal(list)
    #: The student asked for the lesson behind a hint (its key).
    lessonRequested = Signal(str)

    def __init__(
        self,
        model: NetworkModel,
        editor: Editor,
        parent: QWidget | None = None,
        clock: Callable[[], float] = time.monotonic,
        lesson_titles: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("coachPanel")
        self.lesson_titles = dict(lesson_titles or {})
        self.model, self.editor, self._clock = model, editor, clock
        self.dismissed: set[str] = set()
        self.hints: list[Hint] = []
        self._cards: list[HintCard] = []
        self._last_look = -1e9
        self._weights: list[np.ndarray] | None = None
        self._ratios: list[float] | None = None
        self._epochs = 0
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.cards = QVBoxLayout()
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.addLayout(self.cards)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll = scroll
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addStretch(0)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.look)
        model.historyChanged.connect(self._on_history_change)
        for signal in (model.networkReplaced, model.structureChanged, model.dataChanged):
            signal.connect(self.new_run)
        model.parametersChanged.connect(self._schedule)
        self._show([])
        self.new_run()

    # -- the run ------------------------------------------------------------------

    def new_run(self) -> None:
        """Forget dismissals and the weights' last values: a new run starts."""
        self.dismissed.clear()
        self._weights, self._ratios, self._epochs = None, None, 0
        self.look()

    def _on_history_change(self) -> None:
        history = self.model.history
        if len(history) < self._epochs:  # the history started again
            self.new_run()
            return
        if len(history) > self._epochs:  # an epoch ended: how far did the weights move?
            now = [layer.weights.copy() for layer in self.model.network.layers]
            if self._weights is not None and len(self._weights) == len(now):
                if all(a.shape == b.shape for a, b in zip(self._weights, now, strict=True)):
                    self._ratios = update_ratios(self._weights, now)
            self._weights, self._epochs = now, len(history)
        self._schedule()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.look()  # closed, it looked only every 5 s: opened, it is up to date

    def _schedule(self) -> None:
        """Look now, or as soon as the last look is INTERVAL_S old."""
        # Closed, it still looks (the status bar mentions new hints), but ten times less
        # often: a look is a forward pass over up to 1,000 samples on the GUI thread.
        interval = INTERVAL_S if self.isVisible() else 10 * INTERVAL_S
        wait = self._last_look + interval - self._clock()
        if wait <= 0:
            self.look()
        elif not self._timer.isActive():
            self._timer.start(int(wait * 1000) + 1)

    def look(self) -> None:
        """Ask every rule about the run and show the hints that apply."""
        self._last_look = self._clock()
        model = self.model
        data = model.data
        if not len(data.X_train):  # every sample erased: nothing to judge
            if self.hints:
                self._show([])
            return
        try:
            rows = sample_rows(len(data.X_train))
            run = Run(
                model.history,
                model.network,
                data.inputs("train", rows),
                data.Y_train[rows],
                model.config,
                data.task,
                self._ratios,
            )
            hints = diagnose(run, skip=tuple(self.dismissed))
        except Exception as exc:  # a rule's bug must not take the window down
            self.summary.setText(error_text(exc))
            return
        if [h.rule for h in hints] != [h.rule for h in self.hints] or any(
            str(a.evidence) != str(b.evidence) for a, b in zip(hints, self.hints, strict=False)
        ):
            self._show(hints)
        self.diagnosed.emit([h.rule for h in hints])

    # -- showing -------------------------------------------------------------------

    def _show(self, hints: list[Hint]) -> None:
        self.hints = hints
        for old in self._cards:
            self.cards.removeWidget(old)
            old.deleteLater()
        self._cards = []
        for hint in hints:
            card = HintCard(hint, self.lesson_titles)
            self._cards.append(card)
            card.apply_button.clicked.connect(lambda _=False, h=hint: self.apply(h))
            card.dismiss_button.clicked.connect(lambda _=False, h=hint: self.dismiss(h.rule))
            if card.lesson_button is not None:
                card.lesson_button.clicked.connect(
                    lambda _=False, key=hint.lesson: self.lessonRequested.emit(key)
                )
            self.cards.addWidget(card)
        self._scroll.setVisible(bool(hints))  # no empty box under "Nothing to report"
        if hints:
            self.summary.setText(keep_together(self.tr("The coach sees something worth a look:")))
        else:
            self.summary.setText(
                keep_together(
                    self.tr(
                        "Nothing to report: the coach watches the run and speaks up when "
                        "the network is not learning well."
                    )
                )
            )

    def card(self, rule: str) -> HintCard | None:
        """The card of hint ``rule``, if it is shown."""
        return next((card for card in self._cards if card.hint.rule == rule), None)

    def dismiss(self, rule: str) -> None:
        """Hide hint ``rule`` for the rest of this run."""
        self.dismissed.add(rule)
        self.look()

    def apply(self, hint: Hint) -> None:
        """Apply ``hint``'s fix as one undoable step."""
        if hint.fix is None:
            return
        try:
            with self.editor.group(message_text(hint.action)):
                self._apply(hint.fix)
        except ValueError as exc:
            self.summary.setText(error_text(exc))
            return
        self.dismissed.add(hint.rule)  # done: do not ask again for this run
        self.look()

    def _apply(self, fix: Fix) -> None:
        editor, model = self.editor, self.model
        if fix.kind == "settings":
            config = model.config.with_changes(**fix.settings)
            editor.change_settings(config, self.tr("Apply the coach's advice"))
        elif fix.kind == "activation":
            for layer in fix.layers:
                editor.set_activation(layer, fix.activation)
        elif fix.kind == "reset_weights":
            editor.reset_weights(int(np.random.default_rng().integers(2**31)))
        elif fix.kind == "add_neurons":
            for _ in range(fix.count):
                editor.add_neuron(fix.layers[0])
        elif fix.kind == "add_layer":
            editor.add_layer()


def _sentence(text: str) -> str:
    """A rule's evidence as a sentence: capital first letter (English)."""
    return text[:1].upper() + text[1:] if text else text
