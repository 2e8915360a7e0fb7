"""Undo and redo of every edit, on top of the engine's invertible edits.

Each :class:`EditCommand` wraps one engine edit (:mod:`neurongui.engine.edits`); its
redo applies the edit through the model and keeps the inverse the edit returned, its
undo applies that inverse. Successive value edits of the same weight, bias or slope
made by one gesture (a drag, a scroll, spin-box arrows) merge into a single step.

A :class:`SettingsCommand` changes the training settings. When a new dataset brings a
new network, it keeps the old one, so that undo puts back the network the student
had trained, weights and all.
"""

from __future__ import annotations

import itertools
from dataclasses import fields

from PySide6.QtGui import QUndoCommand, QUndoStack

from neurongui.engine import Network
from neurongui.engine.config import TrainingConfig
from neurongui.engine.edits import Edit
from neurongui.model import NetworkModel

__all__ = ["EditCommand", "SettingsCommand", "changed_settings", "new_gesture", "push_edit"]

_MERGE_ID = 1001
_SETTINGS_MERGE_ID = 1002
_gestures = itertools.count(1)


def new_gesture() -> int:
    """Return a fresh gesture id: edits pushed with the same id merge into one step."""
    return next(_gestures)


class EditCommand(QUndoCommand):
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
        super().__init__(text)
        self._model = model
        self._edit = edit
        self._inverse: Edit | None = None
        self._gesture = gesture

    @property
    def edit(self) -> Edit:
        """The edit this command applies."""
        return self._edit

    def redo(self) -> None:
        self._inverse = self._model.apply_edit(self._edit)

    def undo(self) -> None:
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
        If the edit is invalid; nothing is pushed then.
    """
    # Validate by applying to a scratch copy first: QUndoStack.push runs redo() and a
    # failing redo would leave a broken command on the stack.
    edit.apply(model.network.copy())
    stack.push(EditCommand(model, edit, text, gesture))


class SettingsCommand(QUndoCommand):
    """An undoable change of the training settings (and of the network, if the new
    dataset needs another one).

    Successive changes of the same one setting (spin-box arrows, typing) merge into a
    single step, unless one of them brought a new network.
    """

    def __init__(self, model: NetworkModel, config: TrainingConfig, text: str):
        super().__init__(text)
        self._model = model
        self._before, self._after = model.config, config
        self._changed = changed_settings(self._before, config)
        # Copies of the networks before and after, if the change replaced the network.
        self._networks: tuple[Network, Network] | None = None

    def redo(self) -> None:
        model = self._model
        if self._networks is not None:
            model.restore(self._after, self._networks[1].copy())
            return
        old = model.network
        model.set_config(self._after, undoable=True)
        self._after = model.config  # the loss may follow the new task
        if model.network is not old:
            self._networks = (old.copy(), model.network.copy())

    def undo(self) -> None:
        if self._networks is not None:
            self._model.restore(self._before, self._networks[0].copy())
        else:
            self._model.set_config(self._before, undoable=True)

    def id(self) -> int:
        return _SETTINGS_MERGE_ID if len(self._changed) == 1 else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SettingsCommand) or other._changed != self._changed:
            return False
        if self._networks is not None or other._networks is not None:
            return False
        self._after = other._after
        self.setText(other.text())
        self.setObsolete(self._after == self._before)  # back where it started: no step
        return True


def changed_settings(old: TrainingConfig, new: TrainingConfig) -> frozenset[str]:
    """Names of the settings that differ between ``old`` and ``new``."""
    return frozenset(f.name for f in fields(new) if getattr(old, f.name) != getattr(new, f.name))
