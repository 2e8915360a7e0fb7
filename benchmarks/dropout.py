"""What dropout costs: seconds per MNIST epoch of 784-100-10 with p = 0 and p = 0.5.

Run ``python benchmarks/dropout.py`` (``--data`` as in ``benchmarks/mnist.py``: the
shipped ``mnist-10k`` digits by default, 8,000 training images, or ``fashion`` or a
folder of IDX files). The network is ``benchmarks/mnist.py``'s setup (b): 784-100-10
ReLU/softmax, cross-entropy, Adam η = 0.001, batch 128; and the same at batch 10, where
the cost per step of drawing masks weighs most. Running epoch metrics, one BLAS thread,
float64 and float32 steps; the median of ``--repeats`` epochs taken in turns.

Dropout draws one uniform number per hidden neuron and sample, compares it with p and
scales the kept outputs: three passes over the (100, batch) hidden outputs, next to
the two matrix products with the 784 inputs that dominate a step. Drawing the masks
of a batch of 128 takes about 100 µs (float64; 76 µs float32), of a step's 1,500 to
2,500 µs. A run on the development machine (2 cores shared with five other jobs, load
about 5: the absolute times drift by ±50 %, the ratios within a row by ±10 %; 8,000
images, 15 epochs per column)::

    seconds per epoch             f64 p=0    f64 p=0.5  f32 p=0    f32 p=0.5
    784-100-10 Adam b=128           0.273      0.286      0.142      0.151
                                  dropout costs ×1.05 (f64), ×1.06 (f32)
    784-100-10 Adam b=10            1.115      1.150      0.610      0.652
                                  dropout costs ×1.03 (f64), ×1.07 (f32)
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the app does

import numpy as np
from mnist import in_turns, load

from neurongui.engine import Network, Trainer


def epochs(data, precision: str, dropout: float, batch: int):
    """A Trainer; each call of the result trains one epoch."""
    X, y = data[:2]  # (the test images are not used: running metrics)
    net = Network([X.shape[1], 100, 10], ["relu", "softmax"], seed=0)
    trainer = Trainer(
        net, X, np.eye(10)[y], loss="cross_entropy", optimizer="adam", learning_rate=0.001,
        batch_size=batch, seed=0, epoch_metrics="running", precision=precision,
        dropout=dropout,
    )  # fmt: skip
    return trainer.epoch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="mnist-10k", help="mnist-10k, fashion or a folder")
    parser.add_argument("--repeats", type=int, default=5, help="epochs timed per column")
    args = parser.parse_args()
    data = load(args.data)
    columns = [(p, d) for p in ("float64", "float32") for d in (0.0, 0.5)]
    print(f"{len(data[0]):,} training images")
    heads = "".join(f"{'f' + p[-2:]:>6} p={d:<3g}" for p, d in columns)
    print(f"{'seconds per epoch':<29}{heads}")
    for batch in (128, 10):
        runs = {f"{p} {d}": epochs(data, p, d, batch) for p, d in columns}
        times = in_turns(runs, args.repeats)
        cells = "".join(f"{t:11.3f}" for t in times.values())
        print(f"{f'784-100-10 Adam b={batch}':<29}{cells}")
        base64, drop64, base32, drop32 = times.values()
        print(f"{'':<29}dropout costs ×{drop64 / base64:.2f} (f64), ×{drop32 / base32:.2f} (f32)")


if __name__ == "__main__":
    main()
