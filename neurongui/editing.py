"""The one entry point for every user edit: :class:`Editor`.

Views, lessons and the training controller never apply an edit to the model or push a
command on the undo stack themselves: they hand the engine edit (see
:mod:`neurongui.engine.edits`) or the new settings to the window's editor, which checks
it and pushes one invertible command. So every change a student makes can be undone,
and there is one place to look for how edits happen (Orange3 keeps its undo the same
way).
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from neurongui.engine.config import TrainingConfig
from neurongui.engine.edits import Edit
from neurongui.model import NetworkModel
from neurongui.undo import SettingsCommand, push_edit

__all__ = ["Editor"]


class Editor:
    """Apply user edits to ``model`` as undoable commands on ``stack``.

    Parameters
    ----------
    model
        The owner of the live network.
    stack
        The window's undo stack.
    """

    def __init__(self, model: NetworkModel, stack: QUndoStack):
        self.model = model
        self.stack = stack

    def apply(self, edit: Edit, text: str, gesture: int = 0) -> None:
        """Apply ``edit`` as one undo step named ``text``.

        Edits of the same value with the same non-zero ``gesture`` (one drag, one
        scroll) merge into a single step.

        Raises
        ------
        ValueError
            If the edit does not fit the network (an :class:`EngineError` with a
            message for the student); nothing changes then.
        """
        push_edit(self.stack, self.model, edit, text, gesture)

    def change_settings(self, config: TrainingConfig, text: str) -> None:
        """Change the training settings (and the network, if new data needs one) as one
        undo step named ``text``.

        Raises
        ------
        ValueError
            If the settings give no usable data; nothing changes then.
        """
        self.model.check_config(config)
        self.stack.push(SettingsCommand(self.model, config, text))
