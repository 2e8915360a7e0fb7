"""The lessons' fixed-decimal boxes write and read numbers the way the window does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator

from neurongui.views.number_spin import DecimalSpinBox


@pytest.fixture
def box(qtbot) -> DecimalSpinBox:
    widget = DecimalSpinBox()
    widget.setRange(-99, 99)
    widget.setDecimals(2)
    qtbot.addWidget(widget)
    return widget


def test_a_negative_value_is_written_with_the_true_minus_sign(box):
    box.setValue(-2)
    assert box.text() == "−2.00"
    box.setValue(-0.001)  # rounds to zero: no "−0.00"
    assert box.text() == "0.00"


@pytest.mark.parametrize("typed", ["−1.5", "-1.5", "-1,5", "−15e−1"])
def test_typed_numbers_are_read_as_the_window_reads_them(qtbot, box, typed):
    box.lineEdit().setText(typed)  # (QTest types ASCII only: "−" is set, not typed)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.value() == -1.5


def test_words_and_numbers_out_of_range_are_not_accepted(box):
    assert box.validate("abc", 3)[0] == QValidator.State.Invalid
    assert box.validate("−", 1)[0] == QValidator.State.Intermediate  # still being typed
    assert box.validate("500", 3)[0] != QValidator.State.Acceptable
