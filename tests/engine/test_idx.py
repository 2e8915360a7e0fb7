"""The IDX reader: good files in every form, and every kind of bad file refused with
a message, before anything big is allocated."""

from __future__ import annotations

import gzip
import os
import tracemalloc

import numpy as np
import pytest

from neurongui.engine import datasets
from neurongui.engine.idx import IDXError, parse_idx, read_idx, write_idx

FASHION = "/usr/share/datasets/fashion-mnist"


def _header(code: int, shape: tuple[int, ...]) -> bytes:
    return bytes([0, 0, code, len(shape)]) + b"".join(n.to_bytes(4, "big") for n in shape)


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize(
    "values",
    [
        np.arange(12, dtype=np.uint8).reshape(2, 2, 3),
        np.array([3, 1, 4, 1, 5], dtype=np.uint8),
        np.array([[-1.5, 2.25]], dtype=np.float32),
        np.array([-7, 300], dtype=np.int32),
    ],
)
def test_what_is_written_is_read_back(tmp_path, values, gz):
    path = tmp_path / ("v.idx.gz" if gz else "v.idx")
    write_idx(path, values)
    back = read_idx(path)
    assert back.dtype == values.dtype.newbyteorder("=") and np.array_equal(back, values)


def test_gzip_is_told_by_its_bytes_not_its_name(tmp_path):
    path = tmp_path / "labels"  # no .gz, but gzipped
    path.write_bytes(gzip.compress(_header(8, (3,)) + bytes([1, 2, 3])))
    assert list(read_idx(path)) == [1, 2, 3]


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"", "not an IDX file"),
        (b"\x01\x00\x08\x01" + (1).to_bytes(4, "big") + b"\x00", "not an IDX file"),
        (_header(0x07, (1,)) + b"\x00", "unknown IDX value type 0x07"),
        (bytes([0, 0, 8, 0]), "0 dimensions"),
        (bytes([0, 0, 8, 5]) + b"\x00" * 20, "5 dimensions"),
        (bytes([0, 0, 8, 3, 0, 0]), "ends inside its header"),
        (_header(8, (2, 0)), "at least 1"),
        (_header(8, (4,)) + b"\x01\x02", "promises 4 values (4 bytes) but the file holds 2"),
        (_header(8, (2,)) + b"\x01\x02\x03", "holds 3 bytes after the header"),
        (_header(0x0D, (1,)) + np.array([np.nan], ">f4").tobytes(), "NaN or infinite"),
    ],
)
def test_malformed_files_are_refused_with_a_reason(raw, says):
    with pytest.raises(IDXError, match=says.replace("(", r"\(").replace(")", r"\)")):
        parse_idx(raw, "bad")


def test_a_lying_header_is_refused_before_anything_is_allocated():
    raw = _header(8, (1_000_000_000, 28, 28)) + b"\x00" * 100
    tracemalloc.start()
    try:
        with pytest.raises(IDXError, match="at most 100,000,000"):
            parse_idx(raw, "huge")
        assert tracemalloc.get_traced_memory()[1] < 1_000_000
    finally:
        tracemalloc.stop()


def test_a_gzip_bomb_is_refused_after_what_its_header_promises(tmp_path):
    path = tmp_path / "bomb.gz"
    # 10 promised bytes, 50 MB of zeros after them: about 50 kB compressed.
    path.write_bytes(gzip.compress(_header(8, (10,)) + bytes(50_000_000), 9))
    tracemalloc.start()
    try:
        with pytest.raises(IDXError, match="file holds 11 bytes"):
            read_idx(path)
        assert tracemalloc.get_traced_memory()[1] < 5_000_000
    finally:
        tracemalloc.stop()


def test_damaged_gzip_and_special_files_are_refused(tmp_path):
    path = tmp_path / "damaged.gz"
    path.write_bytes(gzip.compress(_header(8, (100,)) + bytes(100))[:-30] + b"\xff" * 30)
    with pytest.raises(IDXError):
        read_idx(path)
    with pytest.raises(IDXError, match="folder"):
        read_idx(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(IDXError, match="named pipe"):
        read_idx(fifo)


def _pair(tmp_path, n=6, shape=(4, 4), labels=None, prefix="train"):
    rng = np.random.default_rng(n)
    write_idx(tmp_path / f"{prefix}-images.gz", rng.integers(0, 256, (n, *shape), dtype=np.uint8))
    values = np.arange(n, dtype=np.uint8) % 10 if labels is None else labels
    write_idx(tmp_path / f"{prefix}-labels.gz", values)
    return tmp_path / f"{prefix}-images.gz", tmp_path / f"{prefix}-labels.gz"


def test_an_idx_dataset_keeps_bytes_the_split_and_the_image_shape(tmp_path):
    train = _pair(tmp_path, 6)
    test = _pair(tmp_path, 3, prefix="test")
    ds = datasets.load_idx_dataset(*train, *test, name="tiny")
    assert ds.X.shape == (9, 16) and ds.X.dtype == np.uint8
    assert ds.train_count == 6 and ds.image_shape == (4, 4)
    assert np.array_equal(ds.X[:6].reshape(6, 4, 4), read_idx(train[0]))
    assert list(ds.labels()) == [0, 1, 2, 3, 4, 5, 0, 1, 2]
    assert ds.class_names == tuple(str(d) for d in range(10))


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: (*_pair(p, 6), *_pair(p, 3, shape=(5, 5), prefix="test")), "5×5 images"),
        (lambda p: (_pair(p, 6)[0], _pair(p, 4, prefix="other")[1]), "6 images but"),
        (lambda p: (_pair(p, 3)[1], _pair(p, 3)[1]), "expected images"),
        (lambda p: (*_pair(p, 3), _pair(p, 3, prefix="t")[0], None), "test labels"),
    ],
)
def test_files_that_do_not_fit_together_are_refused(tmp_path, make, says):
    with pytest.raises(IDXError, match=says):
        datasets.load_idx_dataset(*make(tmp_path), name="bad", class_names=None)


def test_labels_beyond_the_named_classes_are_refused(tmp_path):
    pair = _pair(tmp_path, 3, labels=np.array([0, 1, 12], np.uint8))
    with pytest.raises(IDXError, match="labels run from 0 to 12; expected 0 to 9"):
        datasets.load_idx_dataset(*pair, name="bad", class_names=[str(d) for d in range(10)])
    more = datasets.load_idx_dataset(*pair, name="kmnist-like")  # unnamed: as many as needed
    assert len(more.class_names) == 13


def test_the_shipped_mnist_subset():
    ds = datasets.load_dataset("mnist")
    assert ds.X.shape == (10_000, 784) and ds.image_shape == (28, 28)
    assert ds.train_count == 8_000
    labels = ds.labels()
    for part in (labels[:8000], labels[8000:]):
        assert set(part) == set(range(10))
    assert abs(np.bincount(labels[8000:]) / np.bincount(labels) - 0.2).max() < 0.002


def test_the_data_readme_names_each_file_and_its_checksum():
    import hashlib

    from neurongui.paths import resource_path

    readme = resource_path("data", "README.md").read_text()
    for name in ("train-images-idx3", "train-labels-idx1", "test-images-idx3", "test-labels-idx1"):
        path = resource_path("data", f"mnist-10k-{name}-ubyte.gz")
        assert hashlib.sha256(path.read_bytes()).hexdigest() in readme
    for needed in ("LeCun", "Cortes", "Burges", "CC BY-SA 3.0", "MIT", "Cazala"):
        assert needed in readme


@pytest.mark.skipif(
    not os.path.exists(f"{FASHION}/train-images-idx3-ubyte.gz"),
    reason="Debian's dataset-fashion-mnist is not installed",
)
def test_the_real_fashion_mnist_loads():
    ds = datasets.load_idx_dataset(
        f"{FASHION}/train-images-idx3-ubyte.gz",
        f"{FASHION}/train-labels-idx1-ubyte.gz",
        f"{FASHION}/t10k-images-idx3-ubyte.gz",
        f"{FASHION}/t10k-labels-idx1-ubyte.gz",
        name="fashion",
    )
    assert ds.X.shape == (70_000, 784) and ds.train_count == 60_000
    assert (np.bincount(ds.labels()) == 7_000).all()
