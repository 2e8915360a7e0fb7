"""Every control can be named by a screen reader, and the toolbar has its icons."""

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollBar,
    QWidget,
)

from neurongui.lessons import KEYS

_CONTROLS = (QAbstractButton, QAbstractSpinBox, QComboBox, QAbstractSlider, QLineEdit)


def _unnamed(root: QWidget) -> list[str]:
    """Visible controls with neither an accessible name, a tooltip, text nor a label."""
    labelled = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, _CONTROLS) or isinstance(widget, QScrollBar):
            continue
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # the line edit inside a spin box or combo box
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if widget.accessibleName() or widget.toolTip() or text or id(widget) in labelled:
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_of_the_main_window_has_a_name(window):
    assert _unnamed(window) == []


@pytest.mark.parametrize("key", KEYS)
def test_every_control_of_every_lesson_has_a_name(window, key):
    lesson = window.start_lesson(key)
    assert _unnamed(lesson) == []


def test_toolbar_actions_have_icons_and_play_turns_to_pause(window, qtbot):
    actions = [a for a in window.toolbar.actions() if not a.isSeparator()]
    assert actions and all(not a.icon().isNull() for a in actions)
    play = window.window_menus.play_action
    before = play.icon().pixmap(24).toImage()
    window.training.play()
    qtbot.waitUntil(lambda: window.training.running)
    assert play.icon().pixmap(24).toImage() != before
    window.training.pause()
    qtbot.waitUntil(lambda: not window.training.running)
    assert play.icon().pixmap(24).toImage() == before
