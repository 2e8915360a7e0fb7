"""Numbers typed into the inspector and the activation panel: read as written or refused
with a reason, never misread ("1e9" once became 19)."""

import pytest
from PySide6.QtCore import Qt

from neurongui.views.inspector_number import NumberBox


def _type(qtbot, box, text: str) -> None:
    """Select the box's text, type ``text`` as a student would, press Enter."""
    edit = box.lineEdit()
    edit.setFocus()
    edit.selectAll()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:  # QTest types ASCII only: U+2212 and full-width digits come as input
        edit.insert(text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("text", "value"),
    [("2.5E-3", 0.0025), ("1e1", 10.0), ("\u22120.5", -0.5), ("-3", -3.0), ("0,25", 0.25)],
)
def test_the_bias_box_reads_scientific_notation_and_the_true_minus(window, qtbot, text, value):
    window.canvas.select_neuron(0, 1)
    box = window.inspector.bias_spin
    _type(qtbot, box, text)
    assert window.network.get_bias(0, 1) == value
    assert box.text() == box.textFromValue(value)
    window.undo_stack.undo()
    assert window.network.get_bias(0, 1) == 0.0


def test_a_huge_weight_is_refused_with_a_message_and_nothing_changes(window, qtbot):
    messages = []
    window.model.message.connect(messages.append)
    window.canvas.select_edge(0, 0, 1)
    before = window.network.get_weight(0, 0, 1)
    box = window.inspector.weight_spin
    _type(qtbot, box, "1e9")
    assert window.network.get_weight(0, 0, 1) == before  # not 19, not 1e4
    assert window.undo_stack.count() == 0
    assert messages == ["1e9 is too large for Weight w: type a number from −10000 to 10000."]
    assert box.text() == box.textFromValue(before)  # the box shows the weight again


def test_enter_on_a_rounded_value_is_not_an_edit(window, qtbot):
    window.canvas.select_edge(0, 0, 0)
    w = window.network.get_weight(0, 0, 0)
    assert box_text_rounds(window.inspector.weight_spin, w)
    qtbot.keyClick(window.inspector.weight_spin.lineEdit(), Qt.Key.Key_Return)
    assert window.network.get_weight(0, 0, 0) == w  # not the 6 digits shown
    assert window.undo_stack.count() == 0


def box_text_rounds(box, value) -> bool:
    """True if the box shows ``value`` rounded (so Enter could have changed it)."""
    return float(box.text().replace("\u2212", "-")) != value


def test_not_a_number_is_refused_with_a_reason(qtbot):
    box = NumberBox(-1.0, 1.0)
    qtbot.addWidget(box)
    box.setAccessibleName("PReLU α")
    box.show()
    box.setValue(0.25)
    reasons = []
    box.refused.connect(reasons.append)
    _type(qtbot, box, "2e")  # a number on its way, left unfinished
    assert box.value() == 0.25
    assert reasons == ["“2e” is not a number. Type e.g. 0.5, −2 or 2.5e−3."]
    _type(qtbot, box, "-5")
    assert box.value() == 0.25
    assert reasons[-1] == "-5 is too large for PReLU α: type a number from −1 to 1."
    _type(qtbot, box, "5e-2")
    assert box.value() == 0.05 and len(reasons) == 2


def test_a_box_of_a_small_range_has_room_for_the_digits_it_shows(qtbot):
    box = NumberBox(-1.0, 1.0)  # Qt would size it for "−1" and "1"
    qtbot.addWidget(box)
    box.setValue(-0.0123456)
    text = box.lineEdit().text()
    assert text == "−0.0123456"
    assert box.minimumSizeHint().width() >= box.fontMetrics().horizontalAdvance(text)
