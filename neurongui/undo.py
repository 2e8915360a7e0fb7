"""Undo and redo of every edit, on top of the engine's invertible edits.

Each :class:`EditCommand` wraps one engine edit (:mod:`neurongui.engine.edits`); its
redo applies the edit through the model and keeps the inverse the edit returned, its
undo applies that inverse. Successive value edits of the same weight, bias or slope
made by one gesture (a drag, a scroll, spin-box arrows) merge into a single step.

A :class:`DataCommand` edits the training data (:mod:`neurongui.engine.pointedits`):
the edits of one gesture (a drag that moves a point, or erases point after point)
gather into one step.

A :class:`SettingsCommand` changes the training settings. When a new dataset brings a
new network, it keeps the old one, so that undo puts back the network the student
had trained, weights and all.

No exception leaves a command's redo or undo: Qt calls them from C++ (in
``QUndoStack.push``, ``undo`` and ``redo``), and PySide ends the whole app on an exception
raised there. A step that fails is reported in the status bar and dropped from the
stack (:class:`GuardedCommand`).
"""

from __future__ import annotations

import itertools
import sys
import traceback
from collections.abc import Callable
from dataclasses import fields

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from neurongui.engine.config import TrainingConfig
from neurongui.engine.edits import Edit
from neurongui.engine.pointedits import DataEdit
from neurongui.engine.session import new_data_needed
from neurongui.i18n import fill
from neurongui.model import NetworkModel, Snapshot

__all__ = [
    "DataCommand",
    "EditCommand",
    "GuardedCommand",
    "SettingsCommand",
    "changed_settings",
    "new_gesture",
    "push_edit",
]

_MERGE_ID = 1001
_SETTINGS_MERGE_ID = 1002
_DATA_MERGE_ID = 1003
_gestures = itertools.count(1)


def new_gesture() -> int:
    """Return a fresh gesture id: edits pushed with the same id merge into one step."""
    return next(_gestures)


class GuardedCommand(QUndoCommand):
    """A command whose redo and undo report an exception instead of raising it.

    Subclasses implement :meth:`do` and :meth:`undo_step`. A step that raises is
    printed (for a bug report), said in the status bar, and the command is made
    obsolete: QUndoStack deletes it rather than keep a step that cannot be taken.
    """

    def __init__(self, model: NetworkModel, text: str):
        super().__init__(text)
        self._model = model

    def do(self) -> None:
        """Apply the change (redo)."""
        raise NotImplementedError

    def undo_step(self) -> None:
        """Take the change back (undo)."""
        raise NotImplementedError

    def redo(self) -> None:
        self._guard(self.do)

    def undo(self) -> None:
        self._guard(self.undo_step)

    def _guard(self, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception as exc:  # see the module's doc: never into Qt
            traceback.print_exc(file=sys.stderr)
            self.setObsolete(True)
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            text = QCoreApplication.translate(
                "UndoCommands", "“%1” could not be done and was left out. Details: %2"
            )
            self._model.message.emit(fill(text, self.text(), detail))


class EditCommand(GuardedCommand):
    """An undoable engine edit.

    Parameters
    ----------
    model
        The model that applies the edit.
    edit
        The engine edit to apply on redo.
    text
        The menu text ("Set weight w₁₂ to 0.5").
    gesture
        Edits with the same non-zero gesture id and merge key merge.
    """

    def __init__(self, model: NetworkModel, edit: Edit, text: str, gesture: int = 0):
        super().__init__(model, text)
        self._edit = edit
        self._inverse: Edit | None = None
        self._gesture = gesture

    @property
    def edit(self) -> Edit:
        """The edit this command applies."""
        return self._edit

    def do(self) -> None:
        self._inverse = self._model.apply_edit(self._edit)

    def undo_step(self) -> None:
        if self._inverse is not None:
            self._model.apply_edit(self._inverse)

    def id(self) -> int:
        return _MERGE_ID if self._gesture and self._edit.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other._gesture != self._gesture:
            return False
        if other._edit.merge_key != self._edit.merge_key:
            return False
        # Keep our inverse (the value before the gesture) and take the latest value.
        self._edit = other._edit
        self.setText(other.text())
        return True


def push_edit(
    stack: QUndoStack, model: NetworkModel, edit: Edit, text: str, gesture: int = 0
) -> None:
    """Apply ``edit`` through an undoable command on ``stack``.

    Raises
    ------
    ValueError
        If the edit is invalid, or gives an output activation that cannot reach the
        targets (:meth:`NetworkModel.check_edit`); nothing is pushed then.
    """
    # Validate first (on a scratch copy): QUndoStack.push runs redo() and a failing
    # redo would leave a broken command on the stack.
    model.check_edit(edit)
    stack.push(EditCommand(model, edit, text, gesture))


class DataCommand(GuardedCommand):
    """An undoable edit of the training data; the edits of one non-zero ``gesture``
    merge into this one step.

    It keeps the (edit, inverse) pairs of its gesture: redo applies the edits in
    order, undo the inverses in reverse. Successive moves of the same point keep only
    the first inverse and the latest move.
    """

    def __init__(self, model: NetworkModel, edit: DataEdit, text: str, gesture: int = 0):
        super().__init__(model, text)
        self._steps: list[tuple[DataEdit, DataEdit | None]] = [(edit, None)]
        self._gesture = gesture

    def do(self) -> None:
        model = self._model
        self._steps = [(edit, model.apply_data_edit(edit)) for edit, _ in self._steps]

    def undo_step(self) -> None:
        for _, inverse in reversed(self._steps):
            if inverse is not None:
                self._model.apply_data_edit(inverse)

    def id(self) -> int:
        return _DATA_MERGE_ID if self._gesture else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, DataCommand) or other._gesture != self._gesture:
            return False
        last, inverse = self._steps[-1]
        (edit, _), *rest = other._steps
        if not rest and last.merge_key is not None and last.merge_key == edit.merge_key:
            self._steps[-1] = (edit, inverse)  # one move from where the drag started
        else:
            self._steps.extend(other._steps)
        return True


class SettingsCommand(GuardedCommand):
    """An undoable change of the training settings (and of the network, if the new
    dataset needs another one or another output activation).

    A change that brings new data keeps a :class:`~neurongui.model.Snapshot` of the
    model before and after it: undo puts back the network the student had trained,
    weights, loss chart, gradients and selection and all, and redo the state right
    after the change.

    Successive changes of the same one setting (spin-box arrows, typing) merge into a
    single step, unless one of them brought a new network.
    """

    def __init__(self, model: NetworkModel, config: TrainingConfig, text: str):
        super().__init__(model, text)
        self._before, self._after = model.config, config
        self._changed = changed_settings(self._before, config)
        # The model before and after a change that brings new data.
        self._snapshots: tuple[Snapshot, Snapshot] | None = None
        self._new_network = False

    def do(self) -> None:
        model = self._model
        if self._snapshots is not None:
            model.restore(self._snapshots[1])
            return
        before = model.snapshot() if new_data_needed(model.config, self._after) else None
        old = model.network
        model.set_config(self._after, undoable=True)
        self._after = model.config  # the loss may follow the new task
        self._new_network = model.network is not old
        if before is not None:
            self._snapshots = (before, model.snapshot())

    def undo_step(self) -> None:
        if self._snapshots is not None:
            self._model.restore(self._snapshots[0])
        else:
            self._model.set_config(self._before, undoable=True)

    def id(self) -> int:
        return _SETTINGS_MERGE_ID if len(self._changed) == 1 else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SettingsCommand) or other._changed != self._changed:
            return False
        if self._new_network or other._new_network:
            return False
        if (self._snapshots is None) != (other._snapshots is None):
            return False
        self._after = other._after
        if self._snapshots is not None and other._snapshots is not None:
            self._snapshots = (self._snapshots[0], other._snapshots[1])
        self.setText(other.text())
        # Back where it started: no step (unless new data wiped a history undo restores).
        self.setObsolete(self._after == self._before and self._snapshots is None)
        return True


def changed_settings(old: TrainingConfig, new: TrainingConfig) -> frozenset[str]:
    """Names of the settings that differ between ``old`` and ``new``."""
    return frozenset(f.name for f in fields(new) if getattr(old, f.name) != getattr(new, f.name))
