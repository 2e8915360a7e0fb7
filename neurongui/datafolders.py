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
from neurongui.engine.documentfile import IDXSource
from neurongui.settings import data_dir

__all__ = ["FULL_MNIST", "MNIST_CLASSES", "full_mnist_source", "has_full_mnist", "mnist_folder"]

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
    paths = [str(folder / f.name) for f in MNIST_FILES]
    return IDXSource(*paths, class_names=MNIST_CLASSES, download="mnist")
