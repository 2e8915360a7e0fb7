"""A live label changes its text without re-laying out the window, yet always fits."""

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from neurongui.views.steady import steady


class _LayoutRequests(QObject):
    """Counts the relayouts a widget is asked for."""

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


@pytest.fixture
def panel(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    layout = QVBoxLayout(widget)
    widget.label = QLabel("Epoch 10 · loss 0.5")
    layout.addWidget(steady(widget.label))
    layout.addStretch(1)
    widget.requests = _LayoutRequests(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _settle(qapp) -> None:
    """Deliver the events setText posted (layout requests among them)."""
    qapp.processEvents()


def test_new_numbers_of_the_same_width_do_not_relayout_the_window(panel, qapp):
    _settle(qapp)
    before = panel.requests.count
    for epoch in range(11, 40):  # digits share one width
        panel.label.setText(f"Epoch {epoch} · loss 0.5")
        _settle(qapp)
    assert panel.requests.count == before
    assert panel.label.text() == "Epoch 39 · loss 0.5"


def test_a_longer_text_gets_the_room_it_needs(panel, qtbot):
    long = "Epoch 1,234,567 · loss 0.000123456 · test loss 0.000234567"
    panel.label.setText(long)
    qtbot.waitUntil(lambda: panel.label.width() >= panel.label.sizeHint().width())
    assert panel.label.height() >= panel.label.sizeHint().height()


def test_a_wrapped_label_grows_a_line_at_once_and_shrinks_after_a_pause(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(200, 300)
    layout = QVBoxLayout(widget)
    label = QLabel("one line")
    label.setWordWrap(True)
    layout.addWidget(steady(label))
    layout.addStretch(1)
    widget.show()
    qtbot.waitExposed(widget)
    one_line = label.height()
    label.setText("many words " * 20)
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.height() > 2 * one_line
    label.setText("one line")
    qtbot.waitUntil(lambda: label.height() == one_line, timeout=3000)
