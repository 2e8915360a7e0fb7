"""App → NumPy script (outputs and gradients match the app's) and app → ONNX →
onnxruntime (outputs match to 1e-6) → app again."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import numpy as np
import pytest
from export_cases import CASES, make_source, pixel_source

from neurongui.engine.errors import EngineError
from neurongui.engine.export_numpy import numpy_script, write_numpy_export
from neurongui.engine.network import Network


def load_script(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_numpy_script_computes_the_apps_outputs_and_gradients(case, tmp_path):
    source = make_source(case)
    script, _ = write_numpy_export(source, tmp_path / "net")
    m = load_script(script, f"numpy_{case}")
    X, Y = source.data.inputs("train"), source.data.Y_train
    net = source.network
    np.testing.assert_allclose(m.forward(X)[1][len(net.layers)], net.forward(X), atol=1e-12)
    dW, db, dalpha = m.backprop(X, Y)
    app = net.gradients(X, Y, source.config.loss)
    for layer, grads in enumerate(app):
        np.testing.assert_allclose(dW[layer], grads["weights"], rtol=1e-9, atol=1e-13)
        np.testing.assert_allclose(db[layer], grads["biases"], rtol=1e-9, atol=1e-13)
    alphas = [g["alpha"] for g in app if "alpha" in g]
    assert len(alphas) == len(dalpha)
    for ours, theirs in zip(alphas, dalpha, strict=True):
        np.testing.assert_allclose(theirs, ours, rtol=1e-9, atol=1e-13)
    assert m.loss_fn(net.forward(X), Y) == pytest.approx(net.loss(X, Y, source.config.loss))


def test_running_the_numpy_script_checks_itself_and_trains(tmp_path):
    script, _ = write_numpy_export(pixel_source(), tmp_path / "pixels.py")
    result = subprocess.run(
        [sys.executable, str(script), "--epochs", "3"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert float(lines[0].rpartition(": ")[2]) <= 1e-12
    losses = [float(line.rpartition(" ")[2]) for line in lines[1:]]
    assert len(losses) == 3 and all(np.isfinite(losses))


def test_the_numpy_script_is_short_and_imports_only_numpy():
    text = numpy_script(make_source("circle_tanh_bce_sgd_l2", trained=False), "n.npz")
    imports = {line for line in text.splitlines() if line.startswith(("import ", "from "))}
    assert imports == {"import argparse", "from pathlib import Path", "import numpy as np"}
    code = [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    assert len(code) < 120  # a few dozen lines of computing, plus the data and the loop
    assert max(len(line) for line in text.splitlines()) <= 100


# -- ONNX ------------------------------------------------------------------------------

ALL_ACTIVATIONS = [
    ["tanh", "prelu", "sigmoid"],
    ["step", {"name": "leaky_relu", "slope": 0.2}, "softmax"],
    ["hardtanh", "softsign", "identity"],
    ["relu", {"name": "rrelu", "lower": 0.1, "upper": 0.3}, "tanh"],
]


#: Runs a model with onnxruntime in a subprocess (its native threads stay out of the
#: test process, which also runs Qt).
ORT = """
import sys
import numpy as np
import onnxruntime as ort
model, inputs, outputs = sys.argv[1:]
session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
np.save(outputs, session.run(None, {"x": np.load(inputs)})[0])
"""


@pytest.mark.skipif(
    importlib.util.find_spec("onnxruntime") is None, reason="onnxruntime is not installed"
)
@pytest.mark.parametrize("acts", ALL_ACTIVATIONS, ids=lambda a: "-".join(map(str, a)))
def test_onnx_runtime_gives_the_apps_outputs_and_the_app_reads_it_back(acts, tmp_path):
    onnx = pytest.importorskip("onnx")
    from neurongui.engine.export_onnx import OPSET, write_onnx
    from neurongui.engine.import_model import import_model

    net = Network([3, 5, 4, 2], acts, seed=2)
    if net.layers[1].alpha is not None:
        net.layers[1].alpha[...] = np.linspace(-0.5, 0.5, 4)
    path = write_onnx(net, tmp_path / "model")
    assert path.name == "model.onnx"
    model = onnx.load(str(path))
    onnx.checker.check_model(model, full_check=True)
    assert [o.version for o in model.opset_import] == [OPSET]
    X = np.random.default_rng(0).normal(size=(200, 3)) * 3
    np.save(tmp_path / "x.npy", X)
    run = [sys.executable, "-c", ORT, str(path), str(tmp_path / "x.npy"), str(tmp_path / "y.npy")]
    result = subprocess.run(run, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    y = np.load(tmp_path / "y.npy")
    assert np.abs(y - net.forward(X)).max() <= 1e-6
    back = import_model(path).network
    assert back.to_dict() == net.to_dict()


def test_the_onnx_export_says_how_to_install_onnx_when_it_is_missing(monkeypatch, tmp_path):
    from neurongui.engine.export_onnx import write_onnx

    monkeypatch.setitem(sys.modules, "onnx", None)  # import onnx now fails
    with pytest.raises(EngineError, match="pip install onnx"):
        write_onnx(Network([2, 1]), tmp_path / "m.onnx")
    assert not (tmp_path / "m.onnx").exists()
