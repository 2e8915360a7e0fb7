"""Undo and redo of every edit, on top of the engine's invertible edits.

Each :class:`EditCommand` wraps one engine edit (:mod:`neurongui.engine.edits`); its
redo applies the edit through the model and keeps the inverse the edit returned, its
undo applies that inverse. Successive value edits of the same weight, bias or slope
made by one gesture (a drag, a scroll, spin-box arrows) merge into a single step.
"""

from __future__ import annotations

import itertools

from PySide6.QtGui import QUndoCommand, QUndoStack

from neurongui.engine.edits import Edit
from neurongui.model import NetworkModel

__all__ = ["EditCommand", "new_gesture", "push_edit"]

_MERGE_ID = 1001
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
