"""What a lesson needs from the window it runs in, and nothing more.

A lesson reads the live model, edits it through the window's editor, groups and
follows its steps on the undo stack, pauses training, labels the canvas and follows
the theme. :class:`LessonHost` names exactly
those parts, so a lesson runs in anything that has them: the main window (which
satisfies the Protocol structurally, without naming it) or a few parts put together
in a test. Lessons never import the main window, not even for their type hints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from neurongui.editing import Editor
    from neurongui.engine import Network
    from neurongui.engine.config import TrainingConfig
    from neurongui.model import NetworkModel
    from neurongui.theme import ThemeManager
    from neurongui.views.canvas import NetworkCanvas
    from neurongui.worker import TrainingController

__all__ = ["LessonHost"]


class LessonHost(Protocol):
    """The window a lesson runs in, as the lesson sees it.

    Attributes are read-only for lessons: they use the parts, never replace them.
    """

    @property
    def model(self) -> NetworkModel:
        """The one owner of the live network, its settings and data."""
        ...

    @property
    def editor(self) -> Editor:
        """Where every edit goes: each of its methods is one undo step."""
        ...

    @property
    def undo_stack(self) -> QUndoStack:
        """The history the editor writes: lessons group their steps in macros and
        follow undo and redo (``indexChanged``); they never push on it themselves."""
        ...

    @property
    def training(self) -> TrainingController:
        """The training loop, paused before a lesson's own steps."""
        ...

    @property
    def canvas(self) -> NetworkCanvas:
        """The network diagram, where some lessons put labels."""
        ...

    @property
    def theme_manager(self) -> ThemeManager | None:
        """The app's theme, to follow light and dark (None where nothing changes it)."""
        ...

    @property
    def language(self) -> str:
        """The interface language, e.g. ``"en"`` or ``"zh_CN"`` (picks the lesson text)."""
        ...

    def load_lesson_network(self, network: Network, config: TrainingConfig) -> None:
        """Start the lesson's document: its network and settings, no history."""
        ...

    def leave_lesson(self) -> None:
        """Close the lesson panel (its *Leave lesson* button)."""
        ...
