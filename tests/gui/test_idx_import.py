"""IDX sets in the window: imported from a folder, the full MNIST "downloaded" from a
local mirror, trained, saved with the network file by their files and reopened."""

from __future__ import annotations

import gzip
import hashlib
import struct
from pathlib import Path

import numpy as np
import pytest
from local_mirror import LocalMirror

from neurongui import datafolders
from neurongui.datafolders import FULL_MNIST, find_idx_files, guess_class_names
from neurongui.dialogs.download_dialog import DownloadDialog
from neurongui.dialogs.idx_import import ImportIDXDialog
from neurongui.documents import InstanceGuard
from neurongui.downloads import RemoteFile
from neurongui.main_window import MainWindow
from neurongui.views import training_data


def idx_bytes(array: np.ndarray) -> bytes:
    """An IDX file of uint8 ``array``: magic (0, 0, 8, ndim), big-endian sizes, data."""
    header = bytes([0, 0, 8, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def write_set(folder, train=12, test=4, gz=True, seed=0):
    """A small MNIST-format set (6×6 images, 3 classes); returns its images and labels."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {
        "train-images-idx3-ubyte": rng.integers(0, 256, (train, 6, 6)),
        "train-labels-idx1-ubyte": np.arange(train) % 3,
        "t10k-images-idx3-ubyte": rng.integers(0, 256, (test, 6, 6)),
        "t10k-labels-idx1-ubyte": np.arange(test) % 3,
    }
    for name, array in arrays.items():
        raw = idx_bytes(np.asarray(array))
        if gz:
            (folder / (name + ".gz")).write_bytes(gzip.compress(raw, mtime=0))
        else:
            (folder / name).write_bytes(raw)
    return arrays


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("NEURONGUI_MNIST_DIR", str(tmp_path / "cache"))
    # The IDX dialog answers at once instead of waiting for the student.
    monkeypatch.setattr(ImportIDXDialog, "exec", lambda self: (self.accept(), self.result())[1])
    win = MainWindow(guard=InstanceGuard(tmp_path / "data"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.training.shutdown()


def _reopen(qtbot, tmp_path, path):
    other = MainWindow(guard=InstanceGuard(tmp_path / "other"))
    qtbot.addWidget(other)
    assert other.open_path(path), other.last_error
    return other


def test_standard_names_are_found_and_fashion_gets_its_class_names(tmp_path):
    write_set(tmp_path / "fashion-mnist", gz=False)
    found = find_idx_files(tmp_path / "fashion-mnist")
    assert sorted(found) == ["test_images", "test_labels", "train_images", "train_labels"]
    assert found["train_images"].name == "train-images-idx3-ubyte"
    assert guess_class_names(tmp_path / "fashion-mnist")[0] == "T-shirt/top"
    assert guess_class_names(tmp_path / "kmnist") is None


def test_an_imported_set_trains_is_saved_by_its_files_and_reopens(window, qtbot, tmp_path):
    arrays = write_set(tmp_path / "digits-idx")
    assert window.training_panel.import_idx(str(tmp_path / "digits-idx"))
    model = window.model
    assert model.config.dataset == "digits-idx"
    assert window.training_panel.dataset.currentText() == "digits-idx"
    # The set's own split: 12 training and 4 test images, pixels as bytes.
    assert len(model.data.X_train) == 12 and len(model.data.X_test) == 4
    assert np.array_equal(model.data.X_test, arrays["t10k-images-idx3-ubyte"].reshape(4, 36))
    assert not window.training_panel.test_ratio.isEnabled()  # the set's split, not a share
    window.training.step()
    qtbot.waitUntil(lambda: len(model.history) == 1, timeout=10000)
    doc = tmp_path / "net.json"
    assert window.save_path(doc)
    saved = window.document().idx_source
    assert saved.train_images.endswith("train-images-idx3-ubyte.gz") and saved.download is None
    other = _reopen(qtbot, tmp_path, doc)
    assert other.model.config.dataset == "digits-idx"
    assert np.array_equal(other.model.data.X_train, model.data.X_train)
    assert len(other.model.history) == 1
    other.model.set_modified(False)
    window.model.set_modified(False)


def test_a_folder_without_the_files_or_with_a_bad_file_keeps_the_dialog_open(qtbot, tmp_path):
    (tmp_path / "empty").mkdir()
    dialog = ImportIDXDialog(None, str(tmp_path / "empty"))
    qtbot.addWidget(dialog)
    assert "No training images and labels of the standard names" in dialog.error.text()
    dialog.accept()
    assert dialog.result() == 0 and dialog.error.text() == (
        "Choose the training images and their labels."
    )
    write_set(tmp_path / "set")
    dialog.use_folder(str(tmp_path / "set"))
    dialog.files["test_labels"].clear()
    dialog.accept()
    assert "come as a pair" in dialog.error.text() and dialog.result() == 0
    (tmp_path / "set" / "t10k-labels-idx1-ubyte.gz").write_bytes(b"not gzip at all")
    dialog.use_folder(str(tmp_path / "set"))
    dialog.accept()
    assert dialog.error.text().startswith("Cannot import: ") and dialog.result() == 0
    assert dialog.files["train_images"].text()  # nothing the student entered is lost


def test_the_full_mnist_is_downloaded_selected_saved_and_reopened(
    window, qtbot, tmp_path, monkeypatch
):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    arrays = write_set(tmp_path / "served", train=20, test=5)
    mirror = LocalMirror().start()
    try:
        files = []
        for name in arrays:
            body = (tmp_path / "served" / (name + ".gz")).read_bytes()
            mirror.serve(name + ".gz", body)
            files.append(RemoteFile(name + ".gz", len(body), hashlib.sha256(body).hexdigest()))
        monkeypatch.setattr(datafolders, "MNIST_FILES", tuple(files))
        panel = window.training_panel
        combo = panel.dataset
        assert combo.findData(training_data.GET_MNIST) >= 0  # "Get the full MNIST…"
        dialog = DownloadDialog(panel, datafolders.mnist_folder(), files, [mirror.url])
        assert panel.get_full_mnist(dialog)
    finally:
        mirror.stop()
    model = window.model
    assert model.config.dataset == FULL_MNIST and combo.currentText() == FULL_MNIST
    assert combo.findData(training_data.GET_MNIST) == -1  # the entry is now the dataset
    assert len(model.data.X_train) == 20 and len(model.data.X_test) == 5
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted(f.name for f in files)
    doc = tmp_path / "mnist.json"
    assert window.save_path(doc)
    assert window.document().idx_source.download == "mnist"
    other = _reopen(qtbot, tmp_path, doc)
    assert other.model.config.dataset == FULL_MNIST
    assert np.array_equal(other.model.data.X_train, model.data.X_train)
    window.model.set_modified(False)


FASHION = Path("/usr/share/datasets/fashion-mnist")


@pytest.mark.skipif(
    not (FASHION / "train-images-idx3-ubyte.gz").exists(),
    reason="Debian's dataset-fashion-mnist is not installed",
)
def test_the_real_fashion_mnist_imports_with_its_split_and_class_names(window):
    assert window.training_panel.import_idx(str(FASHION))
    data = window.model.data
    assert window.model.config.dataset == "fashion-mnist"
    assert data.X_train.shape == (60_000, 784) and data.X_test.shape == (10_000, 784)
    assert data.X_train.dtype == np.uint8
    dataset = window.model.imported["fashion-mnist"]
    assert dataset.class_names[0] == "T-shirt/top" and dataset.image_shape == (28, 28)
    window.model.set_modified(False)
