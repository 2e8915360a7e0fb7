"""The training panel's number fields read scientific notation, or refuse with a reason."""

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def messages(window):
    shown: list[str] = []
    window.model.message.connect(shown.append)
    return shown


def _type(qtbot, box, text: str) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)


@pytest.mark.parametrize(("typed", "rate"), [("2.5e-3", 0.0025), ("1e1", 10.0), ("1E-2", 0.01)])
def test_a_learning_rate_in_scientific_notation_is_read_as_typed(window, qtbot, typed, rate):
    _type(qtbot, window.training_panel.rate, typed)
    assert window.model.config.learning_rate == pytest.approx(rate, rel=1e-9)


def test_a_learning_rate_out_of_range_is_refused_with_the_range(window, qtbot, messages):
    before = window.model.config.learning_rate
    box = window.training_panel.rate
    _type(qtbot, box, "1e9")
    box.clearFocus()  # editing ends: the box gives the number up
    assert window.model.config.learning_rate == before  # not 19, not 100
    assert box.value() == pytest.approx(before)
    assert messages == ["Learning rate η takes numbers from 0.00001 to 100, not 1e+09"]
    assert window.statusBar().currentMessage() == messages[-1]


def test_a_whole_number_field_reads_1e3_and_refuses_a_fraction(window, qtbot, messages):
    panel = window.training_panel
    panel.limit_box.setChecked(True)
    _type(qtbot, panel.limit, "1e3")
    assert window.model.config.epoch_limit == 1000
    _type(qtbot, panel.batch, "2.5")
    panel.batch.clearFocus()
    assert window.model.config.batch_size == 10
    assert messages[-1] == "Samples per step takes whole numbers from 1 to 1,024, not 2.5"


def test_the_number_fields_show_numbers_without_trailing_zeros(window, qtbot):
    # The review: "学习率 100.00000".
    panel = window.training_panel
    config = window.model.config.with_changes(learning_rate=100.0, noise=0.05)
    window.model.set_config(config)
    assert panel.rate.text() == "100"
    assert panel.noise.text() == "0.05"
    assert panel.reg_rate.text() == "0"
    window.model.set_config(config.with_changes(learning_rate=1e-5))
    assert panel.rate.text() == "0.00001"


@pytest.mark.parametrize("typed", ["0.0123456", "0.03", "2.5e-3"])
def test_a_number_typed_is_kept_and_shown_as_typed(window, qtbot, typed):
    box = window.training_panel.rate
    _type(qtbot, box, typed)
    assert window.model.config.learning_rate == float(typed)  # no rounding to 5 decimals
    assert float(box.text()) == float(typed)
    assert not box.text().endswith("0")


def test_stepping_a_field_gives_round_numbers(window, qtbot):
    box = window.training_panel.rate
    _type(qtbot, box, "0.03")
    box.stepUp()
    assert box.text() == "0.04"
    assert window.model.config.learning_rate == pytest.approx(0.04)
