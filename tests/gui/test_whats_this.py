"""Help ▸ What's This? and Help ▸ Glossary, in English and in Chinese."""

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QTableWidget, QWhatsThis, QWidget

from neurongui import i18n
from neurongui.engine.glossary import TERMS
from neurongui.engine.numbers import format_number
from neurongui.main_window import MainWindow
from neurongui.whats_this import CONTROL_TYPES

#: The popup raises itself and grabs the keyboard, which the offscreen platform cannot.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing"
)


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture(autouse=True)
def _no_popup_left(qtbot):
    """The popup goes with the test that showed it (its hiding warns offscreen too)."""
    yield
    QWhatsThis.hideText()
    qtbot.waitUntil(lambda: not _popup_shown())


@pytest.fixture(params=["en", "zh_CN"])
def any_window(qtbot, request):
    """A shown window in English or, with the translators the app loads, Chinese."""
    translators = i18n.install_translators(QApplication.instance(), request.param)
    win = MainWindow()
    win.language = request.param
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    QWhatsThis.hideText()
    win.training.shutdown()
    for translator in translators:
        QApplication.instance().removeTranslator(translator)


def _popup_shown() -> bool:
    """Whether the what's-this popup is on screen.

    Qt keeps its popups on a stack; asking for the top one avoids wrapping every top-level
    widget, which in a long run included windows half-way through their destruction (a crash
    on CI).
    """
    popup = QApplication.activePopupWidget()
    return popup is not None and popup.metaObject().className() == "QWhatsThat"


def test_every_visible_training_control_is_explained(any_window):
    panel, helper = any_window.training_panel, any_window.whats_this
    controls = [
        w for w in panel.findChildren(QWidget) if isinstance(w, CONTROL_TYPES) and w.isVisible()
    ]
    assert len(controls) >= 17
    chinese = any_window.language == "zh_CN"
    for control in controls:
        static, now = control.whatsThis(), helper.text_for(control)
        assert static and now.startswith(static[: static.index("</b>")]), control.objectName()
        # The title and the explanation both, in the interface's language.
        assert now.count("<p>") >= 2, (control.objectName(), now)
        assert _chinese(now) == chinese, (control.objectName(), now)


@OFFSCREEN_POPUP
def test_asking_the_learning_rate_shows_its_value(any_window, qtbot):
    spin = any_window.training_panel.findChild(QWidget, "learningRateSpin")
    spin.setValue(0.25)
    helper = any_window.whats_this
    # A click in what's-this mode lands on the line edit inside: it asks its parent.
    event = helper.help_event(spin.findChild(QLineEdit))
    QApplication.sendEvent(spin.findChild(QLineEdit), event)
    text = helper.last_text.replace("\u2060", "")  # (the word joiners of keep_together)
    if any_window.language == "en":
        assert "Learning rate η" in text
        assert "Now 0.25: each step moves every weight by 0.25 × its gradient." in text
    else:
        assert "学习率 η" in text and "当前为 0.25：每一步把每个权重移动 0.25 × 它的梯度。" in text
    qtbot.waitUntil(_popup_shown)


@OFFSCREEN_POPUP
def test_the_diagram_names_the_neuron_and_the_weight_under_the_pointer(any_window):
    window = any_window
    canvas, helper, net = window.canvas, window.whats_this, window.network
    viewport = canvas.viewport()
    centre = canvas.mapFromScene(canvas.node_position(0, 0))  # hidden layer 1
    target = canvas.target_at(canvas.mapToScene(centre))
    assert target is not None and target.layer == 0 and target.neuron == 0
    z, a = net.forward_trace(window.model.sample)[0]
    QApplication.sendEvent(viewport, helper.help_event(viewport, QPointF(centre)))
    text = helper.last_text
    assert format_number(float(a[0])) in text and format_number(float(z[0])) in text
    # Off every neuron and edge: what the diagram is.
    QApplication.sendEvent(viewport, helper.help_event(viewport, QPointF(2, 2)))
    text = helper.last_text.replace("\u2060", "")
    assert ("Network diagram" if window.language == "en" else "网络图") in text


def test_an_edge_says_its_weight(window):
    canvas, helper, net = window.canvas, window.whats_this, window.network
    start = canvas.node_position(-1, 0)  # input 1
    end = canvas.node_position(0, 0)
    middle = canvas.mapFromScene((start + end) / 2)
    target = canvas.target_at(canvas.mapToScene(middle))
    assert type(target).__name__ == "EdgeRef"
    w = net.get_weight(target.layer, target.neuron, target.source)
    text = helper.text_for(canvas.viewport(), middle).replace("\u00a0", " ")
    assert f"Now w = {format_number(w)}" in text


@OFFSCREEN_POPUP
def test_shift_f1_enters_whats_this_mode(window, qtbot):
    action = window.findChild(type(window.menus["help"].actions()[0]), "whatsThisAction")
    assert action in window.menus["help"].actions()
    assert action.shortcut() == QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F1)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    try:
        assert QWhatsThis.inWhatsThisMode()
    finally:
        QWhatsThis.leaveWhatsThisMode()


def test_glossary_shows_both_languages_and_searches(any_window):
    dialog = any_window.show_glossary()
    try:
        table = dialog.findChild(QTableWidget, "glossaryTable")
        assert table.rowCount() == len(TERMS)
        rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
        row = rows["epoch"]
        assert table.item(row, 1).text() == "轮次"
        explanation = table.item(row, 2).text()
        assert _chinese(explanation) == (any_window.language == "zh_CN")
        dialog.findChild(QLineEdit, "glossarySearch").setText("反向传播")
        found = [table.item(r, 0).text() for r in range(table.rowCount())]
        assert found[0] == "backpropagation" and "gradient" not in found
        help_menu = [a.text() for a in any_window.menus["help"].actions()]
        assert ("G&lossary…" if any_window.language == "en" else "术语表(&L)…") in help_menu
    finally:
        dialog.close()


@OFFSCREEN_POPUP
def test_every_dock_and_the_timeline_say_what_they_are(window):
    """A click on any part of a panel without its own text reaches its dock's."""
    from PySide6.QtWidgets import QDockWidget

    docks = window.findChildren(QDockWidget)
    assert len(docks) >= 10
    for dock in docks:
        assert dock.whatsThis(), dock.objectName()
    timeline = window.findChild(QWidget, "timelineBar")
    assert "epoch" in window.whats_this.text_for(timeline)
    # A part of the sample panel without a text of its own: its dock answers.
    table = window.findChild(QWidget, "sampleTable")
    QApplication.sendEvent(table, window.whats_this.help_event(table))
    assert "Samples and your input" in window.whats_this.last_text


def test_a_layers_plus_button_and_the_legend_are_explained(window):
    canvas, helper = window.canvas, window.whats_this
    transform = canvas.viewportTransform()
    button = next(iter(canvas._buttons))
    centre = button.deviceTransform(transform).mapRect(button.boundingRect()).center()
    text = helper.text_for(canvas.viewport(), centre.toPoint())
    assert button.toolTip() in text and "Ctrl+Z" in text
    legend = canvas.findChild(QWidget, "canvasLegend")
    assert "Legend" in helper.text_for(legend)
