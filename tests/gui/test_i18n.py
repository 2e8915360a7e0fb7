"""Languages: every visible string has a Chinese translation, and it loads."""

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from neurongui import i18n

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "resources" / "i18n"))
import update_translations  # noqa: E402  (the project's own tool, next to the .ts)


def test_every_string_in_the_code_has_a_finished_chinese_translation(tmp_path):
    ts = tmp_path / "check.ts"
    shutil.copy(ROOT / "resources" / "i18n" / "neurongui_zh_CN.ts", ts)
    update_translations.lupdate(ts)  # adds any string of the code the .ts lacks
    missing = update_translations.unfinished(ts)
    assert missing == [], f"untranslated: {missing[:10]}"


def test_language_choice_follows_env_then_preference(monkeypatch):
    monkeypatch.setenv("NEURONGUI_LANG", "zh_CN")
    assert i18n.choose_language("en") == "zh_CN"
    monkeypatch.delenv("NEURONGUI_LANG")
    assert i18n.choose_language("en") == "en"
    assert i18n.choose_language("zh_CN") == "zh_CN"


@pytest.fixture
def chinese(qapp):
    app = qapp  # the test may run first, before any other made an application
    translators = i18n.install_translators(app, "zh_CN")
    yield translators
    for t in translators:
        app.removeTranslator(t)


def test_chinese_translation_compiles_and_loads(chinese):
    assert i18n.qm_file("zh_CN") is not None
    assert QCoreApplication.translate("WindowMenus", "&File") == "文件(&F)"
    assert QCoreApplication.translate("NetworkCanvas", "%1 neurons") == "%1 个神经元"


def test_main_window_speaks_chinese(qtbot, chinese, tmp_path):
    from neurongui.documents import InstanceGuard
    from neurongui.main_window import MainWindow

    win = MainWindow(guard=InstanceGuard(tmp_path / "data"))
    qtbot.addWidget(win)
    titles = [m.title() for m in win.menuBar().findChildren(type(win.menus["file"]))]
    assert "文件(&F)" in titles and "帮助(&H)" in titles
    assert win.docks["inspectorDock"].windowTitle() == "检查器"


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _menu_texts(menu) -> list[str]:
    """Texts of a menu's entries and of its submenus', recursively."""
    if menu.objectName() in ("examplesMenu", "recentMenu"):
        return []  # file names, not interface text
    texts = [menu.title()]
    for action in menu.actions():
        if action.menu() is not None:
            texts += _menu_texts(action.menu())
        elif action.text() and not action.isSeparator():
            texts.append(action.text())
    return texts


def test_every_menu_entry_and_lesson_title_comes_out_in_chinese(qtbot, chinese, tmp_path):
    # A string can be translated in the .ts under one context and looked up under
    # another at run time; only the running window shows that.
    from neurongui.dialogs.about import show_about
    from neurongui.documents import InstanceGuard
    from neurongui.engine.features import FEATURES
    from neurongui.lessons import titles
    from neurongui.main_window import MainWindow

    win = MainWindow(guard=InstanceGuard(tmp_path / "data"))
    qtbot.addWidget(win)
    texts = [t for a in win.menuBar().actions() if a.menu() for t in _menu_texts(a.menu())]
    assert len(texts) > 40
    math = set(FEATURES)  # the input features' formulas (x₁², sin x₁) are not words
    assert [t for t in texts if not _has_chinese(t) and t not in math] == []
    assert [t for t in titles().values() if not _has_chinese(t)] == []
    win.start_lesson("perceptron")
    assert _has_chinese(win.docks["lessonDock"].windowTitle().split("·")[-1])
    box = show_about(win)
    assert _has_chinese(box.windowTitle())
    box.close()


def test_fill_replaces_every_placeholder_once_in_any_order():
    fill = i18n.fill
    # A translation may reorder the placeholders; a value containing "%2" stays as typed.
    assert fill("%2 的第 %1 个", "a%2", "b") == "b 的第 a%2 个"
    assert fill("%1% of %2 (%1)", "40", "10") == "40% of 10 (40)"
    assert fill("%1 and %3", "x") == "x and %3"  # a missing value leaves its placeholder


def test_iris_speaks_chinese_in_the_diagram_inspector_and_confusion_matrix(
    qtbot, chinese, tmp_path
):
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    from neurongui.documents import InstanceGuard
    from neurongui.main_window import MainWindow

    win = MainWindow(guard=InstanceGuard(tmp_path / "data"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    model = win.model
    model.set_config(model.config.with_changes(dataset="iris", loss="cross_entropy"))
    assert model.network.input_names[0] == "sepal length"  # the file keeps English names
    texts = {
        item.text()
        for item in win.canvas.scene().items()
        if isinstance(item, QGraphicsSimpleTextItem)
    }
    assert {"花萼长度", "花萼宽度", "花瓣长度", "花瓣宽度"} <= texts
    win.canvas.select_edge(0, 0, 0)
    assert "花萼长度" in win.inspector.title.text()
    win.canvas.select_edge(1, 0, 0)
    assert "从第 1 隐藏层的神经元 1（" in win.inspector.title.text()
    charts = win.charts
    charts.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(charts.output_tab.cell_texts) == 9)
    ticks = [label for _, label in charts.output_plot.getAxis("bottom")._tickLevels[0]]
    assert ticks == ["山鸢尾", "变色鸢尾", "维吉尼亚鸢尾"]
    model.set_modified(False)
