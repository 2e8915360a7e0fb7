"""Training with the window live: throughput, responsiveness, chart rate, memory.

Run ``python benchmarks/gui_training.py [--seconds 30] [--only mnist]`` (offscreen).
For XOR on 2-4-2-1, digits on 64-32-10 and 28×28 images on 784-100-10 (60,000
training images: Fashion-MNIST where Debian's ``dataset-fashion-mnist`` put it, else
synthetic bytes of the same shape) it reports, from one run each:

* steps/s with the window live ÷ steps/s of the bare Trainer (target >= 0.8). The
  run alternates a bare slice (0.5 s, on the GUI thread while the window is paused)
  with a live one (``--slices`` of them); the median of the slices' ratios is shown;
* lateness of a 10 ms QTimer heartbeat on the GUI thread, p99 and max (targets
  < 30 ms and < 100 ms): how fluid the window stays while training runs;
* chart frames per second (target >= 25);
* resident memory growth from the first to the last second (target < 20 MB over
  a 10-minute run: pass ``--seconds 600`` to measure that).

The machine may be shared, and its speed then drifts by tens of percent within
seconds: hence the slices. ``--repeat N`` runs every case N times and prints the
median of each column. ``--without
activationDock`` (or another dock's name) removes that dock's panel first, to see
what it costs; a hidden panel would still redraw.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NEURONGUI_TESTING", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the app does, see neurongui/app.py

import numpy as np
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from neurongui.engine import Network, datasets
from neurongui.engine.config import TrainingConfig
from neurongui.engine.session import make_trainer, prepare_data
from neurongui.main_window import MainWindow

FASHION = "/usr/share/datasets/fashion-mnist"
PIXELS = tuple(f"p{r}_{c}" for r in range(28) for c in range(28))


def mnist_scale() -> datasets.Dataset:
    """60,000 training and 10,000 test images of 28×28 bytes, ten classes (a fixed
    split): Fashion-MNIST if installed, else random bytes with random labels."""
    files = [
        os.path.join(FASHION, f"{part}-{kind}-ubyte.gz")
        for part in ("train", "t10k")
        for kind in ("images-idx3", "labels-idx1")
    ]
    loader = getattr(datasets, "load_idx_dataset", None)
    if loader is not None and all(os.path.exists(f) for f in files):
        return loader(*files, name="fashion-mnist")
    rng = np.random.default_rng(0)
    X = rng.integers(0, 256, (70_000, 784), dtype=np.uint8)
    labels = rng.integers(0, 10, 70_000)
    names = tuple(str(k) for k in range(10))
    Y = datasets.one_hot(labels, 10)
    return datasets.Dataset(
        "fashion-mnist", X, Y, "multiclass", PIXELS, names, image_shape=(28, 28), train_count=60_000
    )


CASES = [
    (
        "xor 2-4-2-1",
        lambda: Network([2, 4, 2, 1], ["tanh", "tanh", "sigmoid"], seed=0),
        TrainingConfig(dataset="xor", loss="bce", learning_rate=0.03, batch_size=10),
    ),
    (
        "digits 64-32-10",
        lambda: Network(
            [64, 32, 10],
            ["relu", "softmax"],
            seed=0,
            input_names=[f"p{r}{c}" for r in range(8) for c in range(8)],
        ),
        TrainingConfig(dataset="digits", loss="cross_entropy", learning_rate=0.03, batch_size=32),
    ),
    (
        "mnist 784-100-10",
        lambda: Network([784, 100, 10], ["relu", "softmax"], seed=0, input_names=list(PIXELS)),
        TrainingConfig(
            dataset="fashion-mnist",
            loss="cross_entropy",
            optimizer="adam",
            learning_rate=0.001,
            batch_size=32,
        ),
    ),
]


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _bare_slice(trainer, seconds: float) -> float:
    """Steps per second of a bare Trainer over about ``seconds``."""
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for _ in range(50):
            trainer.step()
        steps += 50
    return steps / (time.perf_counter() - start)


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def live_run(
    app: QApplication,
    make,
    config: TrainingConfig,
    seconds: float,
    without: tuple[str, ...] = (),
    slices: int = 10,
) -> dict:
    """Train with the window live for ``seconds`` in ``slices`` parts, each after a
    bare Trainer's slice on the GUI thread (the window paused and idle meanwhile).

    On a shared machine the speed of both drifts by tens of percent within seconds;
    a ratio of neighbouring slices compares like with like.
    """
    window = MainWindow()
    window.resize(1400, 860)
    window.show()
    for name in without:  # delete the panel: its signal connections go with it
        dock = window.docks[name]
        panel = dock.widget()
        dock.setWidget(QWidget())
        dock.hide()
        panel.deleteLater()
    dataset = None
    if config.dataset == "fashion-mnist":
        dataset = mnist_scale()
        window.model.add_dataset(dataset)
    window.model.set_network(make(), config)
    window.canvas.select_edge(0, 0, 0)
    window.charts.tabs.setCurrentIndex(int(os.environ.get("BENCH_TAB", "1")))  # 1: output
    # A student sees the window drawn before pressing Play: its first paint (fonts,
    # glyphs, every plot laid out) is not part of training.
    _wait(500)
    bare = make()
    trainer = make_trainer(bare, prepare_data(config, bare.input_names, dataset=dataset), config)
    lateness: list[float] = []  # ms, each live slice's first beat left out
    clock = QElapsedTimer()
    heartbeat = QTimer()
    heartbeat.setInterval(10)

    def beat() -> None:
        late = max(clock.restart() - 10, 0)
        if beats:  # the first beat after play() also measures starting the slice
            lateness.append(late)
        beats.append(late)

    heartbeat.timeout.connect(beat)
    marks: list[tuple[float, int]] = []  # (time, steps) at each snapshot shown
    controller = window.training
    controller.snapshotApplied.connect(
        lambda: marks.append((time.perf_counter(), controller.steps))
    )
    ratios, bare_rates, live_rates = [], [], []
    frames = live_time = 0.0
    start_rss = None
    for _ in range(slices):
        beats: list[float] = []
        bare_rates.append(_bare_slice(trainer, min(0.5, seconds / slices)))
        marks.clear()
        frames0, started = window.charts.frames, time.perf_counter()
        controller.play()
        clock.start()
        heartbeat.start()
        _wait(int(1000 * seconds / slices))
        heartbeat.stop()
        live_time += time.perf_counter() - started
        frames += window.charts.frames - frames0
        controller.pause()
        _wait(50)  # let the last snapshot arrive
        if start_rss is None:
            start_rss = rss_mb()
        inside = [m for m in marks if m[0] - started > 0.2]  # once training runs
        if len(inside) >= 2:
            (t0, s0), (t1, s1) = inside[0], inside[-1]
            live_rates.append((s1 - s0) / (t1 - t0))
            ratios.append(live_rates[-1] / bare_rates[-1])
    end_rss = rss_mb()
    controller.shutdown()
    window.model.set_modified(False)
    window.close()
    late = np.array(lateness or [0.0])
    return {
        "bare": statistics.median(bare_rates),
        "rate": statistics.median(live_rates) if live_rates else 0.0,
        "ratio": statistics.median(ratios) if ratios else 0.0,
        "p99": float(np.percentile(late, 99)),
        "max": float(late.max()),
        "fps": frames / live_time,
        "rss": end_rss - (start_rss or end_rss),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each live run")
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; medians shown")
    parser.add_argument(
        "--slices", type=int, default=10, help="alternations of bare and live training per run"
    )
    parser.add_argument(
        "--without", action="append", default=[], metavar="DOCK", help="remove a dock's panel"
    )
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    columns = ("headless/s", "live/s", "ratio", "p99 ms", "max ms", "fps", "ΔRSS MB")
    formats = ("12.0f", "10.0f", "7.2f", "8.1f", "8.1f", "6.1f", "9.1f")
    widths = [int(f.split(".")[0]) for f in formats]
    header = zip(columns, widths, strict=True)
    print(f"{'case':<22}" + "".join(f"{c:>{w}}" for c, w in header))

    def row(name: str, values: tuple) -> None:
        print(
            f"{name:<22}" + "".join(f"{v:{f}}" for v, f in zip(values, formats, strict=True)),
            flush=True,
        )

    for name, make, config in [c for c in CASES if args.only in c[0]]:
        runs = []
        for index in range(args.repeat):
            live = live_run(app, make, config, args.seconds, tuple(args.without), args.slices)
            values = (live["bare"], live["rate"], live["ratio"], live["p99"], live["max"])
            runs.append((*values, live["fps"], live["rss"]))
            row(name if args.repeat == 1 else f"{name} #{index + 1}", runs[-1])
        if args.repeat > 1:
            row(f"{name} median", tuple(statistics.median(c) for c in zip(*runs, strict=True)))
    print("\ntargets: ratio >= 0.8; p99 < 30 ms; max < 100 ms; fps >= 25; ΔRSS < 20 MB / 10 min")


if __name__ == "__main__":
    main()
