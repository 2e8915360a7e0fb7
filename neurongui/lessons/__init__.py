"""Guided lessons that teach the math of a neuron, one idea at a time.

Each lesson is a :class:`~neurongui.lessons.base.Lesson` panel in its own module; the
Lessons menu lists them in teaching order. ``MainWindow.start_lesson(key)`` opens one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from neurongui.i18n import fill

if TYPE_CHECKING:
    from neurongui.lessons.base import Lesson
    from neurongui.lessons.host import LessonHost

__all__ = ["KEYS", "build_menu", "create_lesson", "titles"]

#: Lesson keys in teaching order; ``neurongui.lessons.<key>`` defines the lesson.
KEYS = (
    "one_neuron",
    "bias_threshold",
    "perceptron",
    "regression",
    "backprop",
    "softmax",
    "activations",
)


def titles() -> dict[str, str]:
    """The lessons' titles in the interface language, by key."""
    # Literal translate() calls: lupdate files each title under the "Lessons" context.
    translate = QCoreApplication.translate
    return {
        "one_neuron": translate("Lessons", "One neuron"),
        "bias_threshold": translate("Lessons", "Bias is a negative threshold"),
        "perceptron": translate("Lessons", "The perceptron"),
        "regression": translate("Lessons", "Linear regression and gradient descent"),
        "backprop": translate("Lessons", "Backpropagation step by step"),
        "softmax": translate("Lessons", "Softmax and cross-entropy"),
        "activations": translate("Lessons", "Choosing an activation"),
    }


def create_lesson(key: str, host: LessonHost) -> Lesson:
    """Make the panel of lesson ``key`` for ``host`` (the window; not started yet).

    Raises
    ------
    KeyError
        If there is no lesson ``key``.
    """
    if key not in KEYS:
        raise KeyError(f"there is no lesson {key!r}; lessons: {', '.join(KEYS)}")
    module = importlib.import_module(f"neurongui.lessons.{key}")  # a fixed name, above
    number = KEYS.index(key) + 1
    title = QCoreApplication.translate("Lessons", "Lesson %1 · %2")
    return module.LESSON(host, fill(title, str(number), titles()[key]))


def build_menu(
    parent: QWidget, start: Callable[[str], object], leave: Callable[[], object]
) -> QMenu:
    """Return the Lessons menu (owned by ``parent``, the main window).

    Parameters
    ----------
    parent
        The menu's owner.
    start
        Called with a lesson's key when the student picks it.
    leave
        Called by *Leave the lesson*.
    """
    menu = QMenu(QCoreApplication.translate("Lessons", "&Lessons"), parent)
    for number, (key, title) in enumerate(titles().items(), start=1):
        action = menu.addAction(f"&{number}  {title}", partial(start, key))
        action.setObjectName(f"lessonAction_{key}")
        action.setShortcut(QKeySequence(f"Alt+{number}"))
    menu.addSeparator()
    action = menu.addAction(QCoreApplication.translate("Lessons", "Leave the lesson"))
    action.setObjectName("leaveLessonAction")
    action.triggered.connect(leave)
    return menu
