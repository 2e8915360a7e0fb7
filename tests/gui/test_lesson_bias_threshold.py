"""Lesson 2: the threshold slider sets b = −h, and the step unit computes the gates."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSlider

from neurongui.lessons.bias_threshold import GATES, H_TICKS, INPUTS
from neurongui.lessons.text import plain


def _table(lesson) -> np.ndarray:
    t = lesson.table
    return np.array(
        [[float(t.item(r, c).text().replace("−", "-")) for c in range(5)] for r in range(4)]
    )


def test_the_slider_sets_the_bias_to_minus_the_threshold(window):
    lesson = window.start_lesson("bias_threshold")
    slider = lesson.findChild(QSlider, "thresholdSlider")
    slider.setValue(round(1.5 * H_TICKS))
    assert window.network.get_bias(0, 0) == pytest.approx(-1.5)
    assert lesson.h_line.value() == pytest.approx(1.5)
    assert "−1.5" in lesson.rule.text()
    window.undo_stack.undo()
    assert window.network.get_bias(0, 0) == pytest.approx(-2.5)
    assert slider.value() == round(2.5 * H_TICKS)


def test_the_table_shows_the_engines_sums_and_outputs(window):
    lesson = window.start_lesson("bias_threshold")
    lesson.findChild(QSlider, "thresholdSlider").setValue(round(0.5 * H_TICKS))
    net = window.network
    w, b = net.layers[0].weights[0], net.get_bias(0, 0)
    shown = _table(lesson)
    assert np.allclose(shown[:, 2], INPUTS @ w)
    assert np.allclose(shown[:, 3], INPUTS @ w + b)
    assert np.array_equal(shown[:, 4], net.forward(INPUTS)[:, 0])
    assert np.array_equal(shown[:, 4], GATES["OR"])  # h = 0.5 makes an OR gate


def test_a_drag_of_the_slider_is_one_undo_step(window, qtbot):
    lesson = window.start_lesson("bias_threshold")
    slider = lesson.findChild(QSlider, "thresholdSlider")
    slider.setSliderDown(True)
    for ticks in (40, 35, 30):
        slider.setValue(ticks)
    slider.setSliderDown(False)
    assert window.network.get_bias(0, 0) == pytest.approx(-1.5)
    window.undo_stack.undo()
    assert window.network.get_bias(0, 0) == pytest.approx(-2.5)


@pytest.mark.parametrize(
    ("gate", "h_ok", "h_wrong", "works"),
    [("AND", 1.5, 0.5, "1 &lt; h ≤ 2"), ("OR", 0.5, 1.5, "0 &lt; h ≤ 1")],
)
def test_the_check_accepts_a_threshold_that_computes_the_gate(window, gate, h_ok, h_wrong, works):
    lesson = window.start_lesson("bias_threshold")
    lesson.findChild(QComboBox, "gateCombo").setCurrentText(gate)
    slider = lesson.findChild(QSlider, "thresholdSlider")
    slider.setValue(round(h_wrong * H_TICKS))
    assert not lesson.run_check() and gate in lesson.feedback.text()
    slider.setValue(round(h_ok * H_TICKS))
    assert lesson.run_check()
    # The answer to the task's "which values of h work?": the whole range, with w = (1, 1).
    assert works in plain(lesson.feedback.text())


def test_keyboard_steps_of_the_slider_are_separate_undo_steps(window, qtbot):
    lesson = window.start_lesson("bias_threshold")
    slider = lesson.findChild(QSlider, "thresholdSlider")
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert window.network.get_bias(0, 0) == pytest.approx(-2.4)
    window.undo_stack.undo()
    assert window.network.get_bias(0, 0) == pytest.approx(-2.45)
