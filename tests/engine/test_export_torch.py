"""App → PyTorch script: run with PyTorch, the script reproduces the app's outputs on the
training data to 1e-6, takes the same training step, trains on, and saves safetensors
that the app opens again with the same outputs."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import numpy as np
import pytest
from export_cases import CASES, RANDOM, app_step, make_source, pixel_source

from neurongui.engine.export_torch import torch_script, write_torch_export
from neurongui.engine.import_model import import_model

# Looked for, not imported: PyTorch runs in a subprocess, and loaded into the test
# process beside Qt it would share its threads and native libraries with the GUI tests.
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("torch") is None, reason="PyTorch is not installed"
)

#: Imports each generated script as a module (its main() does not run), then checks:
#: outputs, one full-batch training step, an epoch of its own loop and the save.
#: One interpreter for every case: importing PyTorch takes seconds.
RUNNER = """
import importlib.util, sys
import numpy as np
import torch
has_safetensors = importlib.util.find_spec("safetensors") is not None
for n, script in enumerate(sys.argv[1:]):
    torch.manual_seed(0)
    spec = importlib.util.spec_from_file_location(f"exported{n}", script)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    with torch.no_grad():
        outputs = m.predict(m.X_train).numpy()
    loss = m.loss_fn(m.model(m.X_train), m.Y_train) + m.penalty()
    m.optimizer.zero_grad()
    loss.backward()
    m.optimizer.step()
    stepped = [p.detach().numpy().copy() for p in m.model.parameters()]
    m.train_one_epoch()
    with torch.no_grad():
        trained = m.predict(m.X_train).numpy()
        after = float(m.loss_fn(m.model(m.X_train), m.Y_train))
    if has_safetensors:
        m.save_safetensors(script[:-3] + ".safetensors")
    arrays = {"outputs": outputs, "trained": trained, "after": np.array(after)}
    arrays.update({f"p{i}": p for i, p in enumerate(stepped)})
    np.savez(script[:-3] + "_result.npz", **arrays)
"""


def run_exported(scripts):
    """Run RUNNER over ``scripts``; each one's results and its safetensors (or None)."""
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, *map(str, scripts)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    out = []
    for script in scripts:
        saved = script.with_suffix(".safetensors")
        results = dict(np.load(script.with_name(script.stem + "_result.npz")))
        out.append((results, saved if saved.exists() else None))
    return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Every case exported and run through PyTorch once."""
    folder = tmp_path_factory.mktemp("torch")
    sources = {case: make_source(case) for case in sorted(CASES)}
    scripts = [write_torch_export(s, folder / case)[0] for case, s in sources.items()]
    runs = run_exported(scripts)
    return {case: (sources[case], *run) for case, run in zip(sources, runs, strict=True)}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_pytorch_script_reproduces_the_app_and_trains_on(case, exported):
    source, result, saved = exported[case]
    expected = source.network.forward(source.data.inputs("train"))
    assert np.abs(result["outputs"] - expected).max() <= 1e-6
    if case not in RANDOM:  # the same step as the app's (RReLU draws its own slopes)
        app = app_step(source)
        stepped = [result[f"p{i}"] for i in range(len(app))]
        for ours, theirs in zip(app, stepped, strict=True):
            np.testing.assert_allclose(theirs, ours, rtol=1e-9, atol=1e-12)
    assert np.isfinite(result["after"])
    if saved is not None:  # safetensors → app: the trained network, the same outputs
        back = import_model(saved)
        assert not back.guessed
        assert [a.activation.name for a in back.network.layers] == [
            a.activation.name for a in source.network.layers
        ]
        got = back.network.forward(source.data.inputs("train"))
        assert np.abs(got - result["trained"]).max() <= 1e-12


def test_pixels_are_divided_by_255_as_the_app_does(tmp_path):
    source = pixel_source()
    script, _ = write_torch_export(source, tmp_path / "pixels.py")
    assert "/ 255.0" in script.read_text(encoding="utf-8")
    [(result, _)] = run_exported([script])
    expected = source.network.forward(source.data.inputs("train"))
    assert np.abs(result["outputs"] - expected).max() <= 1e-6


def test_running_the_script_prints_the_check_and_the_epochs(tmp_path):
    script, _ = write_torch_export(make_source("circle_tanh_bce_sgd_l2"), tmp_path / "net")
    result = subprocess.run(
        [sys.executable, str(script), "--epochs", "2"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path.parent,  # not beside it: the script finds its .npz itself
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    difference = float(lines[0].rpartition(": ")[2])
    assert difference <= 1e-6
    assert [line.split(":")[0] for line in lines[1:]] == ["epoch 1", "epoch 2"]


def test_the_script_reads_like_pytorch_and_never_pickles():
    text = torch_script(make_source("iris_prelu_softmax_adam_l1", trained=False), "n.npz")
    assert "nn.Linear(4, 6)" in text and "nn.PReLU(6)" in text
    assert "F.cross_entropy(z, y)" in text  # softmax is left to the loss, as in PyTorch
    assert "torch.softmax(model(x), dim=1)" in text  # ... and shown by predict
    assert "torch.optim.Adam" in text and "0.001 * sum(m.weight.abs().sum()" in text
    assert "pickle.load" not in text and "import pickle" not in text
    assert "torch.load" not in text and "allow_pickle=True" not in text
    compile(text, "n.py", "exec")  # valid Python
    assert max(len(line) for line in text.splitlines()) <= 100


def test_comments_come_in_the_students_language():
    table = {
        "The data, as the network saw it": "数据，与网络所见相同",
        "First, check that this script computes what NeuronGUI computed.": "先检查。",
    }
    text = torch_script(
        make_source("xor_softsign_relu_sigmoid_mse", trained=False),
        "n.npz",
        translate=lambda s: table.get(s, s),
    )
    assert "# --- 数据，与网络所见相同" in text and "# 先检查。" in text
