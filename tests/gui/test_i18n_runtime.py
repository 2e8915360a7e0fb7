"""Chinese at run time: every message built while the window runs comes out in Chinese.

Each test drives one kind of run-time message under zh_CN (malformed network files,
bad CSV tables, a divergence, a training error, a save that fails, a refused edit, …)
and collects every text the student then sees: the status bar, the error dialogs,
visible labels, combo boxes and menus. :func:`english_words` finds ASCII words outside
a short allow-list; any is a message that escaped translation.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMenu, QMessageBox

from neurongui import i18n
from neurongui.documents import InstanceGuard
from neurongui.engine import Network, csvimport, safeio
from neurongui.engine.errors import EngineError, Message
from neurongui.engine.trainer import Trainer
from neurongui.main_window import MainWindow

#: Words that stay as they are in a Chinese interface, and why:
ALLOWED = {
    # Names of functions and methods, written so in Chinese textbooks too.
    *("ReLU", "PReLU", "RReLU", "Leaky", "sigmoid", "tanh", "hard", "softsign", "softmax"),
    *("Adam", "SGD", "MSE", "BCE", "L1", "L2", "Xavier", "He"),
    # Formats and standards the student meets under these names.
    *("CSV", "JSON", "NaN", "inf", "UTF-8", "Unicode", "NUL", "MB", "PNG", "SVG", "NPZ"),
    *("NumPy", "IDX", "HTTP", "SHA-256", "gzip", "PyTorch", "ONNX", "safetensors"),
    # Keys of a network file, named as the file spells them (like training.history[3]).
    *("format", "version", "inputs", "layers", "training", "sizes", "activations"),
    *("weights", "biases", "names"),
    *("Python", "pickle", "null", "true", "false"),
    # Datasets and logic gates, known by these names.
    *("MNIST", "Fashion-MNIST", "KMNIST", "Iris", "XOR", "AND", "OR", "NAND", "NOR"),
    # The program's name; keyboard keys; functions in formulas (the features sin x₁).
    *("NeuronGUI", "Ctrl", "Shift", "Space", "sin", "cos", "exp", "log", "sign"),
}


_ALLOWED = {word.lower() for word in ALLOWED}


def english_words(text: str) -> list[str]:
    """ASCII words in ``text`` that are not allowed to stay English.

    Allowed besides :data:`ALLOWED`: one-letter symbols (w, x, z, b, k), tokens with a
    digit first (1e150, 8×8), tokens with ``.``, ``[``, ``_`` or ``/`` (file names
    and field paths such as ``training.history[3].epoch``), and anything in quotes
    ('abc': a value the file or the student wrote).
    """
    text = re.sub(r"'[^']*'|\"[^\"]*\"|“[^”]*”", " ", text)  # quoted values
    text = re.sub(r"<[^>]+>|&[a-z]+;|&(?=\w)", " ", text)  # rich text, entities, mnemonics
    words = []
    for token in re.findall(r"[A-Za-z0-9_.\[\]/\\:+-]+", text):
        token = token.strip(".:-+")
        if not re.search(r"[A-Za-z]{2}", token) or re.match(r"\d", token):
            continue
        if any(c in token for c in "._[/\\"):
            continue
        for word in re.findall(r"[A-Za-z][A-Za-z0-9-]*", token):
            if len(word) > 1 and word.lower() not in _ALLOWED and word.lower()[:-1] not in _ALLOWED:
                words.append(word)
    return words


def test_the_checker_itself():
    assert english_words("无法打开 net.json：training.history[3].epoch：应为数") == []
    assert english_words("第 2 行第 1 列（'abc'）：'x y' 不是数") == []
    assert english_words("the file is empty") == ["the", "file", "is", "empty"]
    assert english_words("<b>第 1 层 · ReLU</b> w = 0.5, 1e150") == []
    assert english_words("输出 · step") == ["step"]


@pytest.fixture
def chinese(qapp, monkeypatch):
    monkeypatch.setenv("NEURONGUI_LANG", "zh_CN")
    translators = i18n.install_translators(qapp, i18n.choose_language())
    assert translators, "the Chinese translation did not load"
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def window(qtbot, chinese, tmp_path):
    win = MainWindow(guard=InstanceGuard(tmp_path / "data"))
    win.language = "zh_CN"
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.training.shutdown()
    win.model.set_modified(False)


def shown_texts(window: MainWindow, skip: tuple | None = None) -> list[str]:
    """Every text the window shows now: status bar, error dialogs (then closed),
    visible labels, combo items and menus (not the file names of Examples/Recent).

    ``skip`` widgets are left out: by default the activation panel, which shows the
    engine's names of the activations until it calls i18n.activation_label (see the
    expected failure below). The details of a training error (after "详细信息：")
    are the exception's own words, kept for a bug report: left out too.
    """
    if skip is None:
        skip = (window.activation_panel,)
    texts = [window.statusBar().currentMessage(), window.last_error or ""]
    for box in window.findChildren(QMessageBox):
        texts += [box.windowTitle(), box.text()]
        box.close()
    for label in window.findChildren(QLabel):
        if label.isVisible() and not any(label is s or s.isAncestorOf(label) for s in skip):
            texts.append(label.text())
    for combo in window.findChildren(QComboBox):
        if not any(combo is s or s.isAncestorOf(combo) for s in skip):
            texts += [combo.itemText(i) for i in range(combo.count())]
    for menu in window.findChildren(QMenu):
        if menu.objectName() not in ("examplesMenu", "recentMenu"):
            texts += [menu.title()] + [a.text() for a in menu.actions()]
    return [t.replace("\u2060", "").partition("详细信息：")[0] for t in texts if t]


def assert_chinese(texts: list[str]) -> None:
    bad = {text: english_words(text) for text in texts if english_words(text)}
    assert bad == {}, f"English left in the Chinese interface: {bad}"


def _error_of(window: MainWindow) -> str:
    """The last error dialog's text, which must have been shown."""
    assert window.last_error, "no error was shown"
    return window.last_error


# -- network files ------------------------------------------------------------------

_LAYER = '{"size": 1, "activation": "sigmoid", "weights": [[0.5, -0.5]], "biases": [0]}'
_GOOD = (
    '{"format": "neurongui.network", "version": 2, "inputs": {"size": 2}, '
    f'"layers": [{_LAYER}]%s}}'
)
BAD_NETWORK_FILES = {
    "broken JSON": '{"format": "neurongui.network", "version": 2,',
    "extra data": _GOOD % "" + " 42",
    "wrong format": '{"format": "something else", "version": 2}',
    "newer version": '{"format": "neurongui.network", "version": 99}',
    "top level list": "[1, 2, 3]",
    "huge number": _GOOD.replace("0.5", "1" * 5000) % "",
    "number too large": _GOOD.replace("0.5", "1e999") % "",
    "NaN": _GOOD.replace("0.5", "NaN") % "",
    "wrong row": _GOOD.replace("[[0.5, -0.5]]", "[[0.5]]") % "",
    "text weights": _GOOD.replace("[[0.5, -0.5]]", '"abc"') % "",
    "no layers": '{"format": "neurongui.network", "version": 2, "inputs": {"size": 2}}',
    "softmax hidden": (
        '{"format": "neurongui.network", "version": 2, "inputs": {"size": 2}, "layers": ['
        + _LAYER.replace("sigmoid", "softmax")
        + ", "
        + _LAYER.replace("[[0.5, -0.5]]", "[[1]]")
        + "]}"
    ),
    "unknown activation": _GOOD.replace('"sigmoid"', '"swish"') % "",
    "duplicate key": '{"format": "neurongui.network", "format": "x"}',
    "bad setting": _GOOD % ', "training": {"learning_rate": -1}',
    "bad history": _GOOD
    % (
        ', "training": {"history": [{"epoch": 1, "steps": 1, "train_loss": 0.5, '
        '"test_loss": null, "train_accuracy": null, "test_accuracy": null}, '
        '{"epoch": 0, "steps": 2, "train_loss": 0.4, "test_loss": null, '
        '"train_accuracy": null, "test_accuracy": null}]}'
    ),
    "empty": "",
    "binary": "\x00\x01\x02",
}


@pytest.mark.parametrize("kind", sorted(BAD_NETWORK_FILES))
def test_a_malformed_network_file_is_explained_in_chinese(window, tmp_path, kind):
    path = tmp_path / "broken.json"
    path.write_text(BAD_NETWORK_FILES[kind], encoding="utf-8")
    assert not window.open_path(path)
    error = _error_of(window)
    assert english_words(error) == [], error
    assert_chinese(shown_texts(window))


def test_files_that_are_not_files_are_explained_in_chinese(window, tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.json"
    folder.mkdir()
    pickle = tmp_path / "model.json"
    pickle.write_bytes(b"\x80\x04\x95" + b"\x00" * 20)
    for path in (fifo, folder, pickle, tmp_path / "missing.json"):
        window.last_error = None
        assert not window.open_path(path)
        assert english_words(_error_of(window)) == [], window.last_error
    assert "命名管道" in window.last_error or window.open_path(fifo) is False
    assert_chinese(shown_texts(window))


def test_a_too_big_network_file_is_refused_in_chinese(window, tmp_path, monkeypatch):
    from neurongui.engine import fileformat

    path = tmp_path / "big.json"
    path.write_text(_GOOD % "", encoding="utf-8")
    monkeypatch.setattr(fileformat, "MAX_FILE_BYTES", 50)
    assert not window.open_path(path)
    assert "字节" in _error_of(window) and english_words(window.last_error) == []


def test_a_missing_csv_of_a_document_and_a_broken_autosave_in_chinese(window, tmp_path):
    doc = tmp_path / "trained.json"
    doc.write_text(
        _GOOD % ', "training": {"dataset": "my_data", "csv_path": "/nowhere/my_data.csv"}',
        encoding="utf-8",
    )
    window.open_path(doc)
    assert "my_data.csv" in _error_of(window)
    assert_chinese(shown_texts(window))
    autosave = tmp_path / "autosave.json"
    autosave.write_text("{", encoding="utf-8")
    window.guard.crashed = True
    window.guard.recoverable = lambda: autosave
    window.ask_restore = lambda path: True
    window.last_error = None
    assert not window.offer_recovery()
    assert_chinese(shown_texts(window))


# -- CSV tables ---------------------------------------------------------------------

BAD_CSV = {
    "not numbers": "a,b,label\n1,2,x\nthree,4,y\n",
    "no rows": "a,b,label\n",
    "one column": "a\n1\n2\n",
    "ragged": "a,b,label\n1,2,x\n1,2\n",
    "too large": "a,b,label\n1,2,x\n1e200,2,y\n",
    "infinite": "a,b,label\n1,2,x\ninf,2,y\n",
    "one class": "a,b,label\n1,2,x\n3,4,x\n",
    "empty cell": "a,b,label\n1,,x\n3,4,y\n",
    "empty label": "a,b,label\n1,2,x\n3,4,\n5,6,y\n",
    "empty": "",
    "binary": "a,b\x00\n",
    "not UTF-8": None,
    "many labels": "a,label\n" + "".join(f"{i},c{i}\n" for i in range(300)),
}


@pytest.mark.parametrize("kind", sorted(BAD_CSV))
def test_a_bad_csv_table_is_explained_in_chinese(window, tmp_path, kind):
    path = tmp_path / "table.csv"
    if BAD_CSV[kind] is None:
        path.write_bytes(b"a,b\n1,\xff\xfe\n")
    else:
        path.write_text(BAD_CSV[kind], encoding="utf-8")
    assert not window.training_panel.import_csv(str(path))
    assert english_words(_error_of(window)) == [], window.last_error
    assert_chinese(shown_texts(window))


def test_a_csv_with_too_many_cells_is_refused_in_chinese(window, tmp_path, monkeypatch):
    monkeypatch.setattr(csvimport, "MAX_CELLS", 5)
    path = tmp_path / "big.csv"
    path.write_text("a,b\n1,0\n2,1\n3,0\n", encoding="utf-8")
    assert not window.training_panel.import_csv(str(path))
    assert "表格太大" in _error_of(window)
    assert_chinese(shown_texts(window))


def test_a_csv_without_header_names_its_columns_in_chinese(window, tmp_path):
    path = tmp_path / "plain.csv"
    rows = "".join(f"{x},{x % 2}\n" for x in range(20))
    path.write_text(",\n" + rows, encoding="utf-8")
    assert window.training_panel.import_csv(str(path)), window.last_error
    assert i18n.data_name("column 1") == "第 1 列"


# -- training -----------------------------------------------------------------------


def test_divergence_is_told_in_chinese(window, qtbot):
    config = window.model.config.with_changes(dataset="circle", learning_rate=10.0)
    window.model.set_config(config)
    with qtbot.waitSignal(window.training.diverged, timeout=20000):
        window.training.play()
    qtbot.waitUntil(lambda: not window.training.running, timeout=5000)
    status = window.training_panel.status.text()
    assert "发散" in status and english_words(status) == []
    assert_chinese(shown_texts(window))


def test_a_training_error_is_told_in_chinese(window, qtbot, monkeypatch):
    def broken(self):
        raise IndexError("index 7 is out of bounds")

    monkeypatch.setattr(Trainer, "step", broken)
    with qtbot.waitSignal(window.training.failed, timeout=20000) as blocker:
        window.training.play()
    title, text = blocker.args
    # What the student reads is Chinese; the details after "详细信息：" are the
    # exception's own words, kept for a bug report.
    words, _, details = text.partition("详细信息：")
    assert "IndexError" in details
    assert english_words(title) == [] and english_words(words) == []
    window.last_error = None
    assert_chinese(shown_texts(window))


def test_settings_that_leave_no_training_data_are_refused_in_chinese(window, qtbot):
    panel = window.training_panel
    panel.dataset.setCurrentIndex(panel.dataset.findData("and"))
    panel.test_ratio.setValue(0.9)  # 4 samples: all would be test samples
    assert "训练" in window.statusBar().currentMessage()
    assert_chinese(shown_texts(window))


def test_the_output_set_for_new_data_is_told_in_chinese(window):
    panel = window.training_panel
    index = panel.dataset.findData("plane")
    panel.dataset.setCurrentIndex(index)
    panel.dataset.activated.emit(index)
    message = window.statusBar().currentMessage()
    assert message == "已为回归数据将输出激活函数设为恒等函数，损失设为平方损失"


def test_an_output_that_cannot_reach_the_targets_is_refused_in_chinese(window):
    window.model.set_config(window.model.config.with_changes(dataset="plane"))
    window.canvas.set_activation(len(window.network.layers) - 1, "sigmoid")
    message = window.statusBar().currentMessage()
    assert message.startswith("sigmoid 的输出在 0 到 1 之间"), message
    assert english_words(message) == [], message


def test_a_number_out_of_range_is_refused_in_chinese(window, qtbot):
    from PySide6.QtCore import Qt

    box = window.training_panel.rate
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "1e9")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    expected = "学习率 η 只能取 0.00001 到 100 之间的数，不能取 1e+09"
    assert window.statusBar().currentMessage() == expected


# -- saving and exporting -----------------------------------------------------------


def test_a_save_that_fails_is_explained_in_chinese(window, tmp_path, monkeypatch):
    assert not window.save_path(tmp_path / "no such folder" / "net.json")
    assert english_words(_error_of(window)) == [], window.last_error
    assert_chinese(shown_texts(window))

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safeio.tempfile, "mkstemp", denied)
    assert not window.save_path(tmp_path / "net.json")
    assert "没有权限" in window.last_error
    assert_chinese(shown_texts(window))


def test_saved_opened_and_exported_name_the_file_not_its_path(window, tmp_path):
    path = tmp_path / "net.json"
    assert window.save_path(path)
    assert window.statusBar().currentMessage() == "已保存 net.json"
    assert window.statusBar().toolTip() == str(path.resolve())
    assert window.open_path(path)
    assert window.statusBar().currentMessage() == "已打开 net.json"
    assert not window.export("history", tmp_path / "missing" / "h.csv")
    assert english_words(_error_of(window)) == []
    assert_chinese(shown_texts(window))


# -- names --------------------------------------------------------------------------


def test_activation_dataset_and_example_names_are_chinese(window):
    window.canvas.select_neuron(0, 0)
    combo = window.inspector.activation_combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "Leaky ReLU（带泄漏线性整流）" in labels and "阶跃函数" in labels
    assert all(english_words(t) == [] for t in labels), labels
    data = window.training_panel.dataset
    assert all(english_words(data.itemText(i)) == [] for i in range(data.count()))
    examples = window.findChild(QMenu, "examplesMenu")
    titles = [a.text() for a in examples.actions()]
    assert titles and all(re.search("[\u4e00-\u9fff]", t) for t in titles), titles
    assert_chinese(shown_texts(window))


def test_the_activation_panel_and_diagram_headers_name_activations_in_chinese(window):
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    window.canvas.set_activation(len(window.network.layers) - 1, "step")
    texts = shown_texts(window, skip=())
    texts += [
        item.text()
        for item in window.canvas.scene().items()
        if isinstance(item, QGraphicsSimpleTextItem)
    ]
    assert_chinese(texts)


def test_a_refused_structure_edit_is_explained_in_chinese(window):
    window.model.set_network(Network([2, 1, 1], seed=0), window.model.config)
    window.canvas.remove_neuron(0)  # the layer's only neuron
    message = window.statusBar().currentMessage()
    assert message and english_words(message) == [], message


# -- the helpers --------------------------------------------------------------------


def test_error_text_translates_nested_messages_and_keeps_numbers_and_paths(chinese):
    inner = EngineError(
        "{where}: expected a whole number from 0 to {limit:,}, got {kind}",
        where="training.history[3].epoch",
        limit=2**53,
        kind=Message("a list"),
    )
    outer = EngineError("{where}: {reason}", where="net.json", reason=inner)
    assert str(outer) == (
        "net.json: training.history[3].epoch: expected a whole number from 0 to "
        "9,007,199,254,740,992, got a list"
    )
    assert i18n.error_text(outer) == (
        "net.json：training.history[3].epoch：应为 0 到 9,007,199,254,740,992 之间的整数，"
        "实际是列表"
    )
    assert i18n.error_text(PermissionError(13, "Permission denied")) == "没有权限"
    assert i18n.error_text(OSError(99999, "Odd failure")) == "Odd failure"
    assert i18n.error_text(RuntimeError("bug")) == "bug"


def test_a_broken_translation_falls_back_to_english(monkeypatch):
    translate = QCoreApplication.translate
    monkeypatch.setattr(
        i18n.QCoreApplication,
        "translate",
        lambda context, text, *a: "{nonsense} 坏了" if context == "EngineErrors" else text,
    )
    exc = EngineError("row {row}: the cell is empty", row=3)
    assert i18n.error_text(exc) == "row 3: the cell is empty"
    monkeypatch.setattr(i18n.QCoreApplication, "translate", translate)


def test_engine_templates_are_extracted_by_lupdate():
    ts = Path(i18n.ts_file("zh_CN")).read_text(encoding="utf-8")
    assert "<name>EngineErrors</name>" in ts
    assert "{where}: expected a list of epoch records" in ts


def test_keep_together_joins_the_last_chinese_characters():
    wj = "\u2060"
    assert i18n.keep_together("训练无效。") == f"训{wj}练{wj}无{wj}效。"
    assert i18n.keep_together("Training failed.") == "Training failed."
    assert (
        i18n.keep_together("第一段。\n第二段很长。")
        == f"第{wj}一{wj}段。\n第二{wj}段{wj}很{wj}长。"
    )
    assert i18n.keep_together("<i>试试 sigmoid。</i>") == "<i>试试 sigmoid。</i>"
    assert i18n.keep_together("<b>见下文说明。</b>").endswith(f"文{wj}说{wj}明。</b>")


def _last_line(text: str, width: float) -> str:
    layout = QTextLayout(text, QApplication.font())
    layout.beginLayout()
    last = ""
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        last = text[line.textStart() : line.textStart() + line.textLength()]
    layout.endLayout()
    return last.replace("\u2060", "")


def test_no_wrapped_chinese_line_ends_with_an_orphan(qapp):
    text = "学习率太大时，每一步都会越过最低点，损失反而上升，这样的训练无效。"
    orphans = 0
    for width in np.arange(40, 400, 7):
        orphans += len(_last_line(text, width).rstrip("。")) < 2
        kept = _last_line(i18n.keep_together(text), width)
        assert len(kept.rstrip("。")) >= 4 or kept.rstrip("。") == text.rstrip("。"), width
    assert orphans, "the text never orphaned: the test shows nothing"


def test_compiled_translations_are_cached_by_content_not_age(tmp_path, monkeypatch):
    source = tmp_path / "neurongui_zh_CN.ts"
    text = i18n.ts_file("zh_CN").read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")

    class Paths:
        StandardLocation = i18n.QStandardPaths.StandardLocation

        @staticmethod
        def writableLocation(_):
            return str(tmp_path / "cache")

    monkeypatch.setattr(i18n, "QStandardPaths", Paths)
    monkeypatch.setattr(i18n, "ts_file", lambda language: source)
    monkeypatch.setattr(i18n, "resource_path", lambda name: tmp_path / "no shipped")
    first = i18n.qm_file("zh_CN")
    assert first is not None and first.exists()
    # Another checkout's older .ts, given a newer date: a different compiled file.
    source.write_text(text.replace("无法打开 %1", "打不开 %1"), encoding="utf-8")
    os.utime(source, (1, 1))
    second = i18n.qm_file("zh_CN")
    assert second is not None and second != first
    assert i18n.qm_file("zh_CN") == second  # and reused


@pytest.mark.parametrize("name", ["model.pt", "bad.safetensors"])
def test_a_model_that_cannot_be_imported_is_explained_in_chinese(window, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\x80\x04" if name.endswith(".pt") else b"\x10" + b"\x00" * 7 + b"{}")
    assert not window.import_model_path(path)
    assert _error_of(window).startswith(f"{name}：")
    assert_chinese(shown_texts(window))
