"""Exported scripts with dropout and learning-rate schedules: evaluation without
dropout gives the app's outputs, each epoch's rate is the app's, and a training step
with a given dropout mask is the app's step with that mask."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from export_cases import SCHEDULE_SETTINGS, dropout_source

from neurongui.engine import losses
from neurongui.engine._kernels import Workspace
from neurongui.engine.dropout import dropout_pass
from neurongui.engine.export_common import COMMENTS, ExportSource
from neurongui.engine.export_numpy import numpy_script, write_numpy_export
from neurongui.engine.export_torch import torch_script, write_torch_export
from neurongui.engine.import_model import import_model

#: Epochs completed at which the scripts' rates are compared with the app's: both
#: sides of the step schedule's k and of the cosine's T (5), and long after.
TIMES = [0, 1, 2, 3, 4, 5, 6, 7, 10, 50]

SCHEDULED = ["step", "cosine"]


def load_script(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def app_rates(source: ExportSource, times=TIMES) -> list[float]:
    schedule = source.config.learning_rate_schedule()
    return [schedule.rate(source.config.learning_rate, t) for t in times]


def run_main(script, epochs=3):
    """Run the script as a student would; its printed lines."""
    result = subprocess.run(
        [sys.executable, str(script), "--epochs", str(epochs)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def check_printed_epochs(lines, source: ExportSource, tolerance: float) -> None:
    """The check's difference, then epochs numbered on from the app's with the app's
    rates (as printed: 6 significant digits) and finite losses."""
    assert float(lines[0].rpartition(": ")[2]) <= tolerance
    done = source.epochs_done if source.scheduled else 0
    epochs = [int(re.match(r"epoch (\d+):", line)[1]) for line in lines[1:]]
    assert epochs == [done + 1, done + 2, done + 3]
    loss_values = [float(re.search(r"training loss ([^,]+)", line)[1]) for line in lines[1:]]
    assert all(np.isfinite(loss_values))
    if source.scheduled:
        printed = [line.rpartition("learning rate ")[2] for line in lines[1:]]
        expected = app_rates(source, [done, done + 1, done + 2])
        assert printed == [f"{rate:.6g}" for rate in expected]
        assert len(set(printed)) > 1  # (the rate does change in these epochs)


@pytest.mark.parametrize("schedule", SCHEDULED)
def test_the_next_epochs_rate_is_the_one_the_apps_trainer_would_use(schedule):
    source, trainer = dropout_source(schedule)
    assert source.epochs_done == len(trainer.history) == 3
    assert trainer.optimizer.learning_rate == app_rates(source, [3])[0]


# -- NumPy -----------------------------------------------------------------------------


@pytest.fixture(params=sorted(SCHEDULE_SETTINGS))
def numpy_export(request, tmp_path):
    source, trainer = dropout_source(request.param)
    script, _ = write_numpy_export(source, tmp_path / f"dropout_{request.param}")
    return source, trainer, script, load_script(script, f"dropout_numpy_{request.param}")


def test_numpy_evaluation_without_masks_gives_the_apps_outputs(numpy_export):
    source, _, _, m = numpy_export
    X = source.data.inputs("train")
    outputs = m.forward(X)[1][3]
    assert np.abs(outputs - source.network.forward(X)).max() <= 1e-12
    assert m.DROPOUT == {1: 0.3, 2: 0.3}  # hidden layers only


def test_numpy_masks_keep_one_minus_p_scaled(numpy_export):
    _, _, _, m = numpy_export
    masks = m.dropout_masks(400)
    assert sorted(masks) == [1, 2]
    assert masks[1].shape == (400, 5) and masks[2].shape == (400, 4)
    for mask in masks.values():
        assert set(np.unique(mask)) == {0.0, 1 / 0.7}
        assert 0.6 < (mask > 0).mean() < 0.8  # (kept: 0.7 of 2000 or 1600 draws)


def test_a_numpy_step_with_a_fixed_mask_is_the_apps_step_with_that_mask(numpy_export):
    source, trainer, _, m = numpy_export
    net, X, Y = source.network, source.data.inputs("train")[:8], source.data.Y_train[:8]
    rng = np.random.default_rng(4)
    # The engine's masks: one row per neuron, a column per sample; the script's: the
    # transpose (one row per sample, as its activations).
    masks = [(rng.random((n, len(X))) >= 0.3) / 0.7 for n in (5, 4)] + [None]
    assert all((mask == 0).any() for mask in masks[:2])
    ws = Workspace(net, len(X))
    ws.inputs[:, :-1] = X
    grad = np.zeros(net.n_parameters)
    blocks = net._blocks(grad)
    dropped = [np.ones(a_t.shape) for a_t in ws.a_t]
    loss = losses.get("bce")
    value = dropout_pass(net.layers, ws.inputs, Y, loss, blocks, None, ws, True, masks, dropped)
    script_masks = {1: masks[0].T, 2: masks[1].T}
    assert m.loss_fn(m.forward(X, script_masks)[1][3], Y) == pytest.approx(value, rel=1e-12)
    dW, db, dalpha = m.backprop(X, Y, script_masks)
    for layer, (wb, alpha) in enumerate(blocks):
        np.testing.assert_allclose(dW[layer], wb[:, :-1], rtol=1e-9, atol=1e-14)
        np.testing.assert_allclose(db[layer], wb[:, -1], rtol=1e-9, atol=1e-14)
        if alpha is not None:
            np.testing.assert_allclose(dalpha[0], alpha, rtol=1e-9, atol=1e-14)
    assert len(dalpha) == 1
    # The step: θ − η ∂L/∂θ with the rate of the next epoch, the trainer's current one.
    eta = trainer.optimizer.learning_rate
    expected = [p - eta * g for p, g in zip(m.params, [*dW, *db, *dalpha], strict=True)]
    grads = [*m.penalised(dW), *db, *dalpha]
    if source.scheduled:
        m.update(grads, m.learning_rate(m.EPOCHS_DONE))
    else:
        m.update(grads)
    for ours, theirs in zip(m.params, expected, strict=True):
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)


def test_numpy_training_drops_neurons_in_every_mini_batch(numpy_export, monkeypatch):
    source, _, _, m = numpy_export
    seen = []
    backprop = m.backprop

    def spy(X, Y, masks=None):
        seen.append((len(X), masks))
        return backprop(X, Y, masks)

    monkeypatch.setattr(m, "backprop", spy)
    m.train_one_epoch(*([m.learning_rate(m.EPOCHS_DONE)] if source.scheduled else []))
    sizes = [min(8, len(m.X_train) - start) for start in range(0, len(m.X_train), 8)]
    assert [n for n, _ in seen] == sizes
    for n, masks in seen:
        assert sorted(masks) == [1, 2] and masks[1].shape == (n, 5) and masks[2].shape == (n, 4)
        assert set(np.unique(masks[1])) <= {0.0, 1 / 0.7}
    assert np.abs(m.forward(m.X_train)[1][3] - source.network.forward(m.X_train)).max() > 1e-6


@pytest.mark.parametrize("schedule", SCHEDULED)
def test_the_numpy_scripts_learning_rate_is_the_apps(schedule, tmp_path):
    source, _ = dropout_source(schedule)
    script, _ = write_numpy_export(source, tmp_path / "net")
    m = load_script(script, f"rate_numpy_{schedule}")
    assert m.EPOCHS_DONE == 3
    assert [m.learning_rate(t) for t in TIMES] == app_rates(source)


@pytest.mark.parametrize("schedule", ["constant", "cosine"])
def test_running_the_numpy_script_with_dropout_trains_on_from_the_apps_epochs(schedule, tmp_path):
    source, _ = dropout_source(schedule)
    script, _ = write_numpy_export(source, tmp_path / "net")
    check_printed_epochs(run_main(script), source, 1e-12)


# -- PyTorch ---------------------------------------------------------------------------

#: Imports each generated script (its main() does not run yet), then records: the
#: outputs in eval mode, whether two train-mode passes differ (dropout on), the
#: modules, learning_rate(t) at TIMES, and what main() prints for 3 epochs.
TORCH_RUNNER = """
import contextlib, importlib.util, io, json, sys
import torch
results, times, path = {}, json.loads(sys.argv[1]), sys.argv[2]
for n, script in enumerate(sys.argv[3:]):
    torch.manual_seed(0)
    spec = importlib.util.spec_from_file_location(f"exported{n}", script)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    with torch.no_grad():
        outputs = m.predict(m.X_train).numpy().tolist()
        m.model.train()
        differs = bool((m.model(m.X_train) != m.model(m.X_train)).any())
        m.model.eval()
        same = bool((m.model(m.X_train) == m.model(m.X_train)).all())
    rates = [m.learning_rate(t) for t in times] if hasattr(m, "learning_rate") else None
    sys.argv = [script, "--epochs", "3"]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        m.main()
    with torch.no_grad():
        trained = m.predict(m.X_train).numpy().tolist()
    if importlib.util.find_spec("safetensors") is not None:
        m.save_safetensors(script[:-3] + ".safetensors")
    results[script] = {
        "outputs": outputs,
        "train_differs": differs,
        "eval_same": same,
        "modules": [type(module).__name__ for module in m.model],
        "rates": rates,
        "printed": printed.getvalue().splitlines(),
        "training_after": m.model.training,
        "trained": trained,
        "script": script,
    }
with open(path, "w") as file:
    json.dump(results, file)
"""


@pytest.fixture(scope="module")
def torch_runs(tmp_path_factory):
    """The dropout case with every schedule, exported and run through PyTorch once."""
    if importlib.util.find_spec("torch") is None:
        pytest.skip("PyTorch is not installed")
    folder = tmp_path_factory.mktemp("torch_dropout")
    sources = {name: dropout_source(name)[0] for name in sorted(SCHEDULE_SETTINGS)}
    scripts = {name: write_torch_export(s, folder / name)[0] for name, s in sources.items()}
    out = folder / "results.json"
    command = [sys.executable, "-c", TORCH_RUNNER, json.dumps(TIMES), str(out)]
    result = subprocess.run(
        [*command, *map(str, scripts.values())], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    return {name: (sources[name], results[str(scripts[name])]) for name in sources}


def script_of(run) -> Path:
    return Path(run["script"])


@pytest.mark.parametrize("schedule", sorted(SCHEDULE_SETTINGS))
def test_the_torch_script_with_dropout_evaluates_like_the_app_and_trains(schedule, torch_runs):
    source, run = torch_runs[schedule]
    expected = source.network.forward(source.data.inputs("train"))
    assert np.abs(np.array(run["outputs"]) - expected).max() <= 1e-6
    # Dropout after each hidden activation; PReLU's α copied into the module after
    # its Linear (else the outputs above would differ); the sigmoid is in the loss.
    modules = ["Linear", "PReLU", "Dropout", "Linear", "Tanh", "Dropout", "Linear"]
    assert run["modules"] == modules
    assert run["train_differs"] and run["eval_same"] and not run["training_after"]
    check_printed_epochs(run["printed"], source, 1e-6)
    saved = script_of(run).with_suffix(".safetensors")
    if importlib.util.find_spec("safetensors") is not None:  # back in the app
        assert saved.exists()  # (the Dropout modules hold no weights: gaps in the keys)
        back = import_model(saved).network
        got = back.forward(source.data.inputs("train"))
        assert np.abs(got - np.array(run["trained"])).max() <= 1e-12


@pytest.mark.parametrize("schedule", SCHEDULED)
def test_the_torch_scripts_learning_rate_is_the_apps(schedule, torch_runs):
    source, run = torch_runs[schedule]
    assert run["rates"] == app_rates(source)


def test_a_constant_rate_leaves_the_torch_script_as_it_was():
    source, _ = dropout_source("constant")
    text = torch_script(source, "n.npz")
    assert "learning_rate(" not in text and "EPOCHS_DONE" not in text
    assert "import math" not in text
    assert "    for epoch in range(1, args.epochs + 1):\n        train_one_epoch()\n" in text
    # The epochs trained change nothing without a schedule.
    moved = ExportSource(source.network, source.config, source.data, epochs_done=40)
    assert torch_script(moved, "n.npz") == text


@pytest.mark.parametrize("script", [torch_script, numpy_script], ids=["torch", "numpy"])
def test_a_translated_script_has_no_english_comments_left(script):
    """Every comment translated (here into a marker): what is left in the comments is
    formulas and names, no English words."""
    source, _ = dropout_source("cosine", optimizer="momentum")
    text = script(source, "n.npz", translate=lambda s: "注释" if s in COMMENTS.values() else s)
    comments = [line.partition("# ")[2] for line in text.splitlines() if "# " in line]
    words = {word for line in comments for word in re.findall(r"[A-Za-z]{3,}", line)}
    assert words <= {"pip", "install", "safetensors", "min", "sign", "prev"}, words  # (a_prev)


#: Imports the script, trains 3 epochs on from the app's with set_learning_rate (and,
#: for comparison, once more with only the groups' "lr" set), and records the weights.
RESCALE_RUNNER = """
import importlib.util, json, sys
import torch
out, script = sys.argv[1], sys.argv[2]
results = {}
for variant in ("script", "lr only"):
    spec = importlib.util.spec_from_file_location(f"exported_{len(results)}", script)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    for epoch in range(m.EPOCHS_DONE + 1, m.EPOCHS_DONE + 4):
        rate = m.learning_rate(epoch - 1)
        if variant == "script":
            m.set_learning_rate(rate)
        else:
            for group in m.optimizer.param_groups:
                group["lr"] = rate
        m.train_one_epoch()
    results[variant] = [p.detach().double().numpy().tolist() for p in m.model.parameters()]
with open(out, "w") as file:
    json.dump(results, file)
"""


def test_torch_momentum_goes_on_with_the_apps_steps_when_the_rate_changes(tmp_path):
    """PyTorch's SGD keeps Σ μᵏ g and multiplies it by today's η; the app keeps
    Σ μᵏ η g. With η halved every epoch, the script's rescaled velocity gives the app's
    weights; setting only the rate does not."""
    if importlib.util.find_spec("torch") is None:
        pytest.skip("PyTorch is not installed")
    from export_cases import parameters

    from neurongui.engine.config import TrainingConfig
    from neurongui.engine.network import Network
    from neurongui.engine.session import make_trainer, prepare_data
    from neurongui.engine.training_loop import EpochLog

    config = TrainingConfig(
        dataset="circle",
        n_samples=60,
        noise=0.1,
        loss="bce",
        optimizer="momentum",
        learning_rate=0.5,
        batch_size=100,  # the whole training set: one step per epoch, in any order
        schedule="step",
        decay_every=1,
        decay_factor=0.5,
        seed=3,
    )
    data = prepare_data(config)
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=5, input_names=data.input_names)
    first = make_trainer(net, data, config)
    for _ in range(2):
        first.epoch()
    script, _ = write_torch_export(ExportSource(net.copy(), config, data, 2), tmp_path / "m")
    # The app goes on as after reopening the file: a new trainer, epochs counted on.
    trainer = make_trainer(net, data, config)
    trainer.history = EpochLog(2)
    trainer.schedule = trainer.schedule
    for _ in range(3):
        trainer.epoch()
    out = tmp_path / "weights.json"
    result = subprocess.run(
        [sys.executable, "-c", RESCALE_RUNNER, str(out), str(script)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    runs = json.loads(out.read_text(encoding="utf-8"))
    app = parameters(net)
    for ours, theirs in zip(app, runs["script"], strict=True):
        np.testing.assert_allclose(
            np.array(theirs).reshape(ours.shape), ours, rtol=1e-9, atol=1e-12
        )
    apart = max(
        np.abs(np.array(theirs).reshape(ours.shape) - ours).max()
        for ours, theirs in zip(app, runs["lr only"], strict=True)
    )
    assert apart > 1e-4
