"""The Practice menu opens each tool beside its neighbours; the coach's status-bar
mention stays quiet during lessons."""

from __future__ import annotations

import pytest

from neurongui.engine.metrics import EpochRecord


@pytest.mark.parametrize(
    ("name", "tab"),
    [("practiceDock", 0), ("stagesAction", 1), ("drawAction", 2)],
)
def test_the_practice_menu_opens_its_tab(window, qtbot, name, tab):
    window.tools.show_dock(name)
    dock = window.tools.docks["practiceDock"]
    qtbot.waitUntil(dock.isVisible)
    assert window.tools.practice_tabs.currentIndex() == tab
    assert window.tabifiedDockWidgets(window.docks["trainingDock"]) == [dock] or dock in (
        window.tabifiedDockWidgets(window.docks["trainingDock"])
    )


def test_every_tool_dock_is_closed_in_the_default_layout_and_opens_from_the_menu(window, qtbot):
    texts = [a.text() for a in window.tools.menu.actions() if not a.isSeparator()]
    assert len(texts) == 8 and "&Timeline" in texts
    window.reset_layout()  # not a layout an earlier test left saved
    for name, dock in window.tools.docks.items():
        assert not dock.isVisible()
        window.tools.show_dock(name)
        qtbot.waitUntil(dock.isVisible)


def _rising(n=11):
    losses = [0.5, 0.6, 0.55, 0.7, 0.65, 0.8, 0.75, 0.9, 0.85, 1.0, 0.95][:n]
    return [EpochRecord(i + 1, 10, v, None, 0.5, None) for i, v in enumerate(losses)]


def test_the_status_bar_mentions_a_hint_but_not_during_a_lesson(window, qtbot):
    window.reset_layout()  # the coach's dock closed
    model = window.model
    model.set_config(model.config.with_changes(learning_rate=3.0))
    window.tools.coach.look()
    model.set_history(_rising())
    window.tools.coach.look()
    assert "coach has a hint" in window.statusBar().currentMessage()
    window.statusBar().clearMessage()
    window.start_lesson("regression")
    model.set_history([])  # the hint goes, so its next appearance would be news...
    window.tools.coach.look()
    model.set_history(_rising())
    window.tools.coach.look()  # ...but not during a lesson
    assert "coach has a hint" not in window.statusBar().currentMessage()
