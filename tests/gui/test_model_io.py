"""File ▸ Export ▸ PyTorch script / NumPy script / ONNX model and File ▸ Import model."""

from __future__ import annotations

import json
import struct

import numpy as np
import pytest
from PySide6.QtWidgets import QMenu, QMessageBox

from neurongui import i18n
from neurongui.documents import InstanceGuard
from neurongui.engine.network import Network
from neurongui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(guard=InstanceGuard(tmp_path / "data"))
    qtbot.addWidget(win)
    yield win
    win.training.shutdown()


def safetensors_file(path, net: Network, activations: bool = True) -> None:
    """``net`` as the safetensors file PyTorch's nn.Sequential of it would save."""
    tensors, index = {}, 0
    for layer in net.layers:
        tensors[f"{index}.weight"], tensors[f"{index}.bias"] = layer.weights, layer.biases
        index += 2
    header, data = {}, b""
    for name, value in tensors.items():
        raw = np.ascontiguousarray(value, "<f8").tobytes()
        offsets = [len(data), len(data) + len(raw)]
        header[name] = {"dtype": "F64", "shape": list(value.shape), "data_offsets": offsets}
        data += raw
    if activations:
        specs = json.dumps([layer.activation.to_dict() for layer in net.layers])
        header["__metadata__"] = {"neurongui.activations": specs}
    text = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(text)) + text + data)


def menu_texts(window, title):
    menus = [m for m in window.findChildren(QMenu) if m.title() == title]
    assert menus, f"no menu {title!r}"
    return [a.text() for a in menus[0].actions()]


def test_the_file_menu_offers_the_exports_and_the_import(window):
    assert {"PyTorch script…", "NumPy script…", "ONNX model…"} <= set(menu_texts(window, "&Export"))
    assert "&Import model…" in menu_texts(window, "&File")


def test_export_pytorch_and_numpy_writes_a_script_and_its_arrays(window, tmp_path):
    for kind in ("torch", "numpy"):
        assert window.export_model(kind, tmp_path / kind)
        script, arrays = tmp_path / f"{kind}.py", tmp_path / f"{kind}.npz"
        text = script.read_text(encoding="utf-8")
        compile(text, script.name, "exec")
        assert f'"{arrays.name}"' in text
        with np.load(arrays, allow_pickle=False) as data:
            np.testing.assert_array_equal(data["W1"], window.model.network.layers[0].weights)
            X = window.model.data.inputs("train")
            np.testing.assert_array_equal(data["outputs"], window.model.network.forward(X))
        assert window.statusBar().currentMessage() == f"Exported {kind}.py and {kind}.npz"


def test_export_onnx_or_say_what_is_missing(window, tmp_path, monkeypatch):
    pytest.importorskip("onnx")
    assert window.export_model("onnx", tmp_path / "net")
    assert (tmp_path / "net.onnx").stat().st_size > 100
    monkeypatch.setitem(__import__("sys").modules, "onnx", None)
    assert not window.export_model("onnx", tmp_path / "again.onnx")
    assert "pip install onnx" in window.last_error


def test_an_imported_model_opens_as_a_new_untitled_document(window, qtbot, tmp_path):
    net = Network([4, 6, 3], ["relu", "softmax"], seed=1)
    path = tmp_path / "iris_mlp.safetensors"
    safetensors_file(path, net)
    window.path = tmp_path / "old.json"
    assert window.import_model_path(path)
    shown = window.model.network
    assert shown.sizes == [4, 6, 3]
    assert [layer.activation.name for layer in shown.layers] == ["relu", "softmax"]
    X = np.random.default_rng(0).normal(size=(5, 4))
    np.testing.assert_array_equal(shown.forward(X), net.forward(X))
    assert window.path is None and not window.model.modified
    assert window.model.config.dataset == "iris"  # a 4 → 3 network trains on Iris
    assert window.statusBar().currentMessage() == "Imported iris_mlp.safetensors"
    assert not window.findChildren(QMessageBox, "importNotice")


def test_activations_that_the_file_does_not_name_are_assumed_and_said(window, tmp_path):
    path = tmp_path / "plain.safetensors"
    safetensors_file(path, Network([2, 3, 1], "tanh", seed=0), activations=False)
    assert window.import_model_path(path)
    names = [layer.activation.name for layer in window.model.network.layers]
    assert names == ["relu", "identity"]
    [box] = window.findChildren(QMessageBox, "importNotice")
    assert "plain.safetensors" in box.text() and "ReLU" in box.text()


def test_a_pickle_is_refused_and_the_network_stays(window, tmp_path):
    before = window.model.network.to_dict()
    path = tmp_path / "model.pt"
    path.write_bytes(b"\x80\x04\x95" + b"\x00" * 50)
    assert not window.import_model_path(path)
    assert "safetensors.torch.save_file" in window.last_error
    assert window.model.network.to_dict() == before


def test_script_comments_follow_the_interface_language(qapp, window, tmp_path, monkeypatch):
    monkeypatch.setenv("NEURONGUI_LANG", "zh_CN")
    translators = i18n.install_translators(qapp, i18n.choose_language())
    try:
        assert window.export_model("torch", tmp_path / "zh.py")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    text = (tmp_path / "zh.py").read_text(encoding="utf-8")
    assert (
        "从 NeuronGUI 导出的网络" in text
        and "# 先检查本脚本算出的结果与 NeuronGUI 的相同。" in text
    )


def test_the_scripts_go_on_from_the_epochs_the_app_trained(window, qtbot, tmp_path):
    config = window.model.config.with_changes(
        dropout=0.3, schedule="cosine", cosine_epochs=5, min_learning_rate=0.01
    )
    window.model.set_config(config)
    for n in range(1, 4):
        window.training.step()
        qtbot.waitUntil(lambda n=n: len(window.model.history) == n, timeout=5000)
    steps = window.training.steps
    window.training.step(whole_epoch=False)  # a step into epoch 4 completes no epoch
    qtbot.waitUntil(lambda: window.training.steps == steps + 1, timeout=5000)
    assert window.export_model("torch", tmp_path / "torch")
    assert window.export_model("numpy", tmp_path / "numpy")
    hidden = len(window.model.network.layers) - 1
    torch_text = (tmp_path / "torch.py").read_text(encoding="utf-8")
    assert torch_text.count("nn.Dropout(0.3),") == hidden
    namespace = {"__file__": str(tmp_path / "numpy.py"), "__name__": "exported"}
    exec(
        compile((tmp_path / "numpy.py").read_text(encoding="utf-8"), "numpy.py", "exec"), namespace
    )
    assert namespace["EPOCHS_DONE"] == 3 and "EPOCHS_DONE = 3\n" in torch_text
    rate = config.learning_rate_schedule().rate(config.learning_rate, 3)
    assert namespace["learning_rate"](namespace["EPOCHS_DONE"]) == rate
    assert namespace["DROPOUT"] == dict.fromkeys(range(1, hidden + 1), 0.3)
