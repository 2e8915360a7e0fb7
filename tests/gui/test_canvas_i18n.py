"""The diagram in Chinese: headers and the activation menu name activations in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from neurongui import i18n
from neurongui.engine import Network
from neurongui.engine.refs import NeuronRef
from neurongui.main_window import MainWindow


@pytest.fixture
def chinese_window(qapp, qtbot, monkeypatch):
    monkeypatch.setenv("NEURONGUI_LANG", "zh_CN")
    translators = i18n.install_translators(qapp, i18n.choose_language())
    assert translators, "the Chinese translation did not load"
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.model.set_modified(False)
    for t in translators:
        qapp.removeTranslator(t)


def test_the_diagram_headers_and_menu_name_activations_in_chinese(chinese_window):
    window = chinese_window
    window.model.set_network(Network([2, 3, 1], ["step", "sigmoid"], seed=0))
    step = QCoreApplication.translate("ActivationSymbols", "step")
    assert step == "阶跃"
    titles = [column[0].texts[0] for column in window.canvas.headers]
    assert titles[0] == "输入"
    assert step in titles[1] and "step" not in titles[1]
    menu = window.canvas.menu_for(NeuronRef(0, 0))
    names = [a.text() for a in menu.actions()[0].menu().actions()]
    assert step in names and "step" not in names
    assert [a.text() for a in (window.canvas.zoom_in_action, window.canvas.fit_action)] == [
        "放大",
        "适应窗口",
    ]
