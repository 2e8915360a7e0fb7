"""Every lesson fits a 1366×768 screen: the task and the controls in sight, no scrolling.

Each lesson state of the screenshot tour (tools/tour.py) is driven on a window of the
size of a common classroom laptop, in English and in Chinese. The current task and the
controls the lesson names for it (:meth:`Lesson.essentials`) must lie inside the lesson
column without scrolling, and no widget inside the column may scroll on its own.
"""

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

from neurongui.i18n import install_translators
from neurongui.lessons import KEYS
from neurongui.main_window import MainWindow

TOUR = Path(__file__).resolve().parents[2] / "tools" / "tour.py"
STAGES = ("start", "mid", "end")


def _tour():
    spec = importlib.util.spec_from_file_location("neurongui_tour_layout", TOUR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOUR_MODULE = _tour()


def _window(qtbot, size, language="en"):
    translators = install_translators(QApplication.instance(), language)
    win = MainWindow()
    win.language = language
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: (win.width(), win.height()) == size)
    return win, translators


@pytest.fixture
def small_window(qtbot, request):
    """A 1366×768 window in the language of the test's parameter (English by default)."""
    language = getattr(request, "param", "en")
    win, translators = _window(qtbot, (1366, 768), language)
    yield win
    win.training.shutdown()
    for translator in translators:
        QApplication.instance().removeTranslator(translator)


def _in_sight(lesson) -> None:
    """Assert that the lesson's essentials are visible without scrolling (retried)."""
    viewport = lesson.scroll_area.viewport()
    assert lesson.scroll_area.verticalScrollBar().value() == 0
    for widget in lesson.essentials():
        name = widget.objectName() or type(widget).__name__
        assert widget.isVisible(), f"{name} is hidden"
        # A view's own region is all covered by its viewport: look at that.
        shown = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
        assert not shown.visibleRegion().isEmpty(), f"{name} is covered"
        if viewport.isAncestorOf(widget):
            rect = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
            assert viewport.rect().contains(rect), f"{name} at {rect} is below the fold"
        else:
            rect = QRect(widget.mapTo(lesson, QPoint(0, 0)), widget.size())
            assert lesson.rect().contains(rect), f"{name} at {rect} is outside the lesson"
    window = lesson.host  # the main window, in this test
    dock = window.docks["lessonDock"]
    assert window.rect().contains(dock.geometry())
    # Nothing the lesson shows or hides makes the window taller than the screen.
    assert (window.width(), window.height()) == (1366, 768), window.size()


def _one_scroll_area(lesson) -> None:
    """Assert that no widget in the column shows a vertical scroll bar of its own."""
    for area in lesson.findChildren(QAbstractScrollArea):
        if area is lesson.scroll_area or not area.isVisible():
            continue
        name = area.objectName() or type(area).__name__
        assert not area.verticalScrollBar().isVisible(), f"{name} scrolls inside the lesson"


def _drive(window, state: str):
    TOUR_MODULE.STATES[state](TOUR_MODULE.Tour(window))
    return window.lesson


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("number", range(1, len(KEYS) + 1))
def test_each_lesson_state_shows_its_task_and_controls_at_1366x768(
    small_window, qtbot, number, stage
):
    lesson = _drive(small_window, f"lesson{number}-{stage}")
    qtbot.waitUntil(lambda: _in_sight(lesson), timeout=5000)
    _one_scroll_area(lesson)
    assert not lesson.scroll_area.verticalScrollBar().isVisible(), "the column itself scrolls"
    assert lesson.task_label.text().strip()


@pytest.mark.parametrize("small_window", ["zh_CN"], indirect=True)
@pytest.mark.parametrize("number", range(1, len(KEYS) + 1))
@pytest.mark.parametrize("stage", ["mid", "end"])
def test_chinese_lessons_fit_too(small_window, qtbot, number, stage):
    lesson = _drive(small_window, f"lesson{number}-{stage}")
    qtbot.waitUntil(lambda: _in_sight(lesson), timeout=5000)
    _one_scroll_area(lesson)
    assert not lesson.scroll_area.verticalScrollBar().isVisible(), "the column itself scrolls"
    assert "任务" in lesson.task_label.text()


@pytest.mark.parametrize("stage", STAGES)
def test_the_perceptron_plot_shows_all_four_inputs(small_window, qtbot, stage):
    lesson = _drive(small_window, f"lesson3-{stage}")
    X = small_window.model.data.X_train

    def all_in_view() -> None:
        (x0, x1), (y0, y1) = lesson.view.shown_range()
        assert x0 < X[:, 0].min() - 0.1 and x1 > X[:, 0].max() + 0.1
        assert y0 < X[:, 1].min() - 0.1 and y1 > X[:, 1].max() + 0.1

    qtbot.waitUntil(all_in_view, timeout=5000)
    qtbot.waitUntil(lambda: _in_sight(lesson), timeout=5000)


def test_the_lesson_column_uses_a_wide_screen(qtbot):
    win, _ = _window(qtbot, (1920, 1080))
    lesson = win.start_lesson("regression")
    dock = win.docks["lessonDock"]
    qtbot.waitUntil(lambda: dock.width() >= 700, timeout=5000)  # was 440 whatever the screen
    assert win.docks["chartsDock"].isHidden() and win.docks["inspectorDock"].isHidden()
    assert not lesson.scroll_area.verticalScrollBar().isVisible()
    win.leave_lesson()
    assert not win.docks["chartsDock"].isHidden() and not win.docks["inspectorDock"].isHidden()
    win.training.shutdown()


def test_leaving_a_lesson_gives_back_the_layout_without_growing_the_window(small_window, qtbot):
    docks = small_window.docks
    before = {name: dock.isHidden() for name, dock in docks.items()}
    _drive(small_window, "lesson5-end")  # the inspector showed the working of a neuron
    small_window.leave_lesson()
    qtbot.waitUntil(lambda: {n: d.isHidden() for n, d in docks.items()} == before, timeout=5000)
    QApplication.sendPostedEvents()  # the layout requests of the restored docks
    QApplication.processEvents()
    # A neuron's working left selected made the right column need 800 px.
    assert small_window.minimumSizeHint().height() <= 768
    assert (small_window.width(), small_window.height()) == (1366, 768)
