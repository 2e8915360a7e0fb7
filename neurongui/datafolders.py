"""Where downloaded datasets live, and the full MNIST as a dataset of the Data list.

The downloader (:mod:`neurongui.downloads`) is Qt-free and takes its folder as an
argument; this module gives it the user's data folder (QStandardPaths'
AppDataLocation, ``datasets/mnist`` inside it). ``NEURONGUI_MNIST_DIR`` overrides it
(a classroom's shared copy, or a test's temporary folder).
"""

from __future__ import annotations

import os
from pathlib import Path

from neurongui.downloads import MNIST_FILES, is_cached
from neurongui.engine.datasets import Dataset
from neurongui.engine.documentfile import IDXSource
from neurongui.settings import data_dir

__all__ = [
    "FASHION_CLASSES",
    "FULL_MNIST",
    "MNIST_CLASSES",
    "find_idx_files",
    "full_mnist_source",
    "guess_class_names",
    "has_full_mnist",
    "load_idx_source",
    "mnist_folder",
]

#: The full MNIST's name in the Data list and in saved files.
FULL_MNIST = "MNIST (70,000)"
MNIST_CLASSES = tuple(str(digit) for digit in range(10))


def mnist_folder() -> Path:
    """The folder the full MNIST is downloaded to (not created here)."""
    override = os.environ.get("NEURONGUI_MNIST_DIR")
    if override:
        return Path(override)
    return data_dir() / "datasets" / "mnist"


def has_full_mnist() -> bool:
    """True once the four files are in :func:`mnist_folder`."""
    return is_cached(mnist_folder(), MNIST_FILES)


def full_mnist_source() -> IDXSource:
    """The four downloaded files: 60,000 training and 10,000 test images (MNIST's split)."""
    folder = mnist_folder()
    ti, tl, vi, vl = (str(folder / f.name) for f in MNIST_FILES)
    return IDXSource(ti, tl, vi, vl, class_names=MNIST_CLASSES, download="mnist")


#: The standard file names of an MNIST-format set, by role (with or without .gz;
#: some copies spell the dot before idx).
_ROLES = {
    "train_images": ("train-images-idx3-ubyte", "train-images.idx3-ubyte"),
    "train_labels": ("train-labels-idx1-ubyte", "train-labels.idx1-ubyte"),
    "test_images": ("t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte"),
    "test_labels": ("t10k-labels-idx1-ubyte", "t10k-labels.idx1-ubyte"),
}
#: Fashion-MNIST's classes, in label order (Zalando Research's README).
FASHION_CLASSES = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)


def find_idx_files(folder: str | os.PathLike[str]) -> dict[str, Path]:
    """The files of an MNIST-format set in ``folder``, by role (``"train_images"`` …);
    roles without a file of a standard name are missing."""
    folder = Path(folder)
    found: dict[str, Path] = {}
    for role, stems in _ROLES.items():
        for stem in stems:
            for name in (stem + ".gz", stem):
                if (folder / name).is_file():
                    found.setdefault(role, folder / name)
    return found


def guess_class_names(folder: str | os.PathLike[str]) -> tuple[str, ...] | None:
    """Fashion-MNIST's class names for a folder called so; else None (labels' numbers)."""
    name = Path(folder).name.lower().replace("_", "-")
    return FASHION_CLASSES if "fashion" in name else None


def load_idx_source(source: IDXSource, name: str) -> Dataset:
    """Read the IDX set ``source`` describes, as the dataset ``name``.

    Raises
    ------
    EngineError
        ``IDXError`` if a file is missing, unreadable or not a matching IDX file.
    """
    from neurongui.engine.datasets import load_idx_dataset

    return load_idx_dataset(
        source.train_images,
        source.train_labels,
        source.test_images,
        source.test_labels,
        name=name,
        class_names=source.class_names,
    )
