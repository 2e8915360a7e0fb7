"""Training-step time of the engine, next to scikit-learn and the unavoidable matmuls.

Run ``python benchmarks/engine.py``. For each network it prints

* the engine's time per ``Trainer.step()`` (mini-batch forward, backward, update,
  divergence check, with epoch bookkeeping amortised), the median of several runs,
  twice: with exact epoch metrics (the default: a forward pass over the whole
  training set after every epoch) and with running metrics (the mean over the
  epoch's mini-batches, which is what scikit-learn computes);
* scikit-learn's ``MLPClassifier`` (solver "sgd", same sizes, activation and batch)
  per mini-batch, when scikit-learn is installed;
* the time of the matrix products a step cannot avoid: a⁽ˡ⁻¹⁾W⁽ˡ⁾ᵀ forward,
  δ⁽ˡ⁾ᵀa⁽ˡ⁻¹⁾ for ∂L/∂W and δ⁽ˡ⁾W⁽ˡ⁾ for every layer but the first.

Targets (issue #2): 2-8-8-1 below 30 µs per step; 784-128-10 at most 1.3× its matmuls.
An exact evaluation costs a forward pass per sample, a third of a step's matmuls, so
the 1.3× target is read with running metrics, like scikit-learn's.

The step and its matmuls are timed in turns (exact, running, matmuls, exact, ...), so
that on a shared machine the ratio compares runs made under the same load. BLAS uses
one thread, as in the app (neurongui/app.py sets it before NumPy loads), so that the
ratio describes the engine as it runs there. With OpenBLAS's default of a thread per
core the matmuls would use both cores and the rest of the step one, and on a busy
two-core machine every threaded call can wait milliseconds for its second thread (a
step makes one more such call than its matmuls: θ·θ over 100k parameters). Set
OPENBLAS_NUM_THREADS to measure another count; it applies to every column.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import time
import warnings
from collections.abc import Callable

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the app does, see the docstring

import numpy as np

from neurongui.engine import Network, Trainer

CASES = [
    # sizes, hidden activation, output activation, loss, batch, samples
    ([2, 8, 8, 1], "tanh", "sigmoid", "bce", 10, 500),
    ([4, 8, 3], "tanh", "softmax", "cross_entropy", 16, 150),
    ([64, 128, 10], "relu", "softmax", "cross_entropy", 64, 1797),
    ([784, 128, 10], "relu", "softmax", "cross_entropy", 128, 2048),
]


def _data(sizes: list[int], samples: int, rng: np.random.Generator):
    X = rng.normal(size=(samples, sizes[0]))
    k = sizes[-1]
    labels = rng.integers(0, max(k, 2), samples)
    Y = labels[:, None].astype(float) if k == 1 else np.eye(k)[labels]
    return X, Y, labels


def engine_run(sizes, hidden, output, loss, batch, X, Y, metrics: str) -> Callable[[], float]:
    """A warmed-up Trainer; calling the result times a run of steps (seconds per step)."""
    acts = [hidden] * (len(sizes) - 2) + [output]
    net = Network(sizes, activations=acts, seed=0)
    trainer = Trainer(
        net, X, Y, loss=loss, learning_rate=0.01, batch_size=batch, seed=0, epoch_metrics=metrics
    )
    steps = max(50, int(2e6 / (net.n_parameters * batch + 1000)))
    for _ in range(steps // 5):
        trainer.step()

    def run() -> float:
        start = time.perf_counter()
        for _ in range(steps):
            trainer.step()
        return (time.perf_counter() - start) / steps

    return run


def time_sklearn(sizes, hidden, batch, X, labels, repeats: int) -> float | None:
    """Median seconds per mini-batch of scikit-learn's MLPClassifier, or None."""
    try:
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier
    except ImportError:
        return None
    epochs = max(2, int(2e5 / len(X) / (sum(sizes) + 10)))
    runs = []
    for _ in range(repeats):
        clf = MLPClassifier(
            hidden_layer_sizes=tuple(sizes[1:-1]),
            activation=hidden,
            solver="sgd",
            batch_size=batch,
            max_iter=epochs,
            tol=0,
            n_iter_no_change=10**9,
            shuffle=True,
            random_state=0,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            start = time.perf_counter()
            clf.fit(X, labels)
            elapsed = time.perf_counter() - start
        runs.append(elapsed / (epochs * -(-len(X) // batch)))
    return statistics.median(runs)


def matmul_run(sizes, batch) -> Callable[[], float]:
    """Calling the result times the matrix products one step cannot avoid (seconds).

    They are the engine's own calls: ndarray.dot into preallocated C-contiguous arrays,
    transposes as views, the same shapes.
    """
    rng = np.random.default_rng(0)
    acts = [rng.normal(size=(batch, n)) for n in sizes]
    weights = [rng.normal(size=(o, i)) for i, o in itertools.pairwise(sizes)]
    outs_z = [np.empty((batch, o)) for o in sizes[1:]]
    outs_w = [np.empty(w.shape) for w in weights]
    outs_d = [np.empty((batch, i)) for i in sizes[:-1]]

    def one() -> None:
        for layer, w in enumerate(weights):
            acts[layer].dot(w.T, outs_z[layer])
            acts[layer + 1].T.dot(acts[layer], outs_w[layer])
            if layer:
                acts[layer + 1].dot(w, outs_d[layer])

    n = max(50, int(2e6 / (sum(w.size for w in weights) * batch + 1000)))
    one()  # first touch of the outputs

    def run() -> float:
        start = time.perf_counter()
        for _ in range(n):
            one()
        return (time.perf_counter() - start) / n

    return run


def in_turns(runs: list[Callable[[], float]], repeats: int) -> list[float]:
    """The median of each run's timings, the runs taking turns ``repeats`` times."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeats):
        for run, samples in zip(runs, times, strict=True):
            samples.append(run())
    return [statistics.median(samples) for samples in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    header = (
        f"{'network':<14}{'batch':>6}{'exact µs':>10}{'running µs':>12}{'sklearn µs':>12}"
        f"{'matmuls µs':>12}{'running/matmul':>16}"
    )
    print(header)
    print("-" * len(header))
    for sizes, hidden, output, loss, batch, samples in CASES:
        X, Y, labels = _data(sizes, samples, rng)
        case = (sizes, hidden, output, loss, batch, X, Y)
        runs = [engine_run(*case, "exact"), engine_run(*case, "running"), matmul_run(sizes, batch)]
        exact, running, mm = in_turns(runs, args.repeats)
        del runs  # free the trainers before scikit-learn runs
        sk = time_sklearn(sizes, hidden, batch, X, labels, max(3, args.repeats // 2))
        name = "-".join(map(str, sizes))
        sk_text = f"{sk * 1e6:12.1f}" if sk is not None else f"{'n/a':>12}"
        print(
            f"{name:<14}{batch:>6}{exact * 1e6:10.1f}{running * 1e6:12.1f}{sk_text}"
            f"{mm * 1e6:12.1f}{running / mm:16.2f}"
        )
    print("\ntargets: 2-8-8-1 < 30 µs per step (exact); 784-128-10 running/matmul <= 1.3")
    print(f"BLAS threads: OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}")


if __name__ == "__main__":
    main()
