"""Documents that never lose work: backups, autosave, and recovery after a crash.

A document is a network file (:mod:`neurongui.engine.fileformat`) whose ``training``
object holds the training settings (including the dataset's name) and, optionally,
the training history. An imported dataset is *referenced* by its path (``csv_path``
for a CSV file, ``idx_files`` for an IDX set such as MNIST), not embedded, so
documents stay small. It is read again when the document opens (from the document's
own folder if it moved along with it; the full MNIST from the download folder); if it
cannot be found, the document still opens with its network.

* Saving is atomic and first keeps the previous version as ``NAME.neuron.bak``.
* While the document has unsaved changes, :class:`Autosaver` writes it every 60 s
  to the user's data folder.
* :class:`InstanceGuard` holds a lock file (QLockFile) while the app runs. A lock
  left by a process that no longer exists means that process crashed; if its
  autosave exists, the next start offers to restore it. A lock held by a live
  process is a second running copy, which then neither autosaves nor restores.
"""

from __future__ import annotations

import os
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, QTimer

from neurongui.datafolders import load_idx_source, mnist_folder
from neurongui.engine import Network, load_csv, read_network_file
from neurongui.engine.config import TrainingConfig
from neurongui.engine.datasets import Dataset
from neurongui.engine.documentfile import IDXSource, parse_idx_source, parse_training
from neurongui.engine.errors import NetworkFileError, located
from neurongui.engine.fileformat import network_to_json
from neurongui.engine.metrics import EpochRecord
from neurongui.engine.pointfile import SavedSamples, dataset_task, parse_samples
from neurongui.engine.safeio import copy_atomic, remove_stale_temps, write_atomic
from neurongui.settings import data_dir

__all__ = [
    "AUTOSAVE_MS",
    "NETWORK_SUFFIX",
    "Autosaver",
    "Document",
    "InstanceGuard",
    "imported_dataset",
    "load_document",
    "save_document",
]

AUTOSAVE_MS = 60_000
# Network files' own extension (JSON inside; the MIME type application/x-neurongui-network
# of packaging/linux/neurongui-mime.xml), so desktops open them with NeuronGUI. Files are
# read by their content: ".json" files saved before still open.
NETWORK_SUFFIX = ".neuron"
_AUTOSAVE_NAME = "autosave.json"
_LOCK_NAME = "instance.lock"


class Document:
    """What a file holds: the network, the settings and (optionally) the history."""

    def __init__(
        self,
        network: Network,
        config: TrainingConfig | None,
        history: list[EpochRecord] | None = None,
        csv_path: str | None = None,
        idx_source: IDXSource | None = None,
        samples: SavedSamples | dict[str, Any] | None = None,
    ):
        self.network, self.config = network, config
        self.history = history or []
        self.csv_path = csv_path
        self.idx_source = idx_source
        #: The student's own samples: as read from a file (SavedSamples), or the keys
        #: to write (see neurongui.engine.pointfile).
        self.samples = samples

    def training(self, include_history: bool = True) -> dict[str, Any]:
        """The ``training`` object written into the file."""
        data: dict[str, Any] = self.config.to_dict() if self.config else {}
        if include_history and self.history:
            data["history"] = [asdict(record) for record in self.history]
        if self.csv_path:
            data["csv_path"] = self.csv_path
        if self.idx_source is not None:
            data["idx_files"] = self.idx_source.to_dict()
        if isinstance(self.samples, dict):
            data.update(self.samples)
        return data


def save_document(path: str | os.PathLike, document: Document, backup: bool = True) -> None:
    """Save atomically; an existing file is first kept as ``<name>.bak``.

    Raises
    ------
    NetworkFileError
        If the document cannot be written as a file (text that is not valid Unicode,
        a number that is not finite); nothing is written.
    OSError
        If the folder is not writable or the disk is full; the existing file and
        its backup are then left as they were.
    """
    path = Path(path)
    try:
        data = network_to_json(document.network, document.training())
    except NetworkFileError as exc:
        raise NetworkFileError(located(path.name, exc)) from None
    if backup and path.exists():
        copy_atomic(path, path.with_name(path.name + ".bak"))
    write_atomic(path, data)


def load_document(path: str | os.PathLike) -> Document:
    """Read a document.

    Raises
    ------
    NetworkFileError
        Whatever is wrong with the file, with a message that says what and where.
    """
    network, training = read_network_file(path)
    try:
        config, history, csv_path = parse_training(training)
        idx_source = parse_idx_source(training)
        task = dataset_task(config.dataset) if config is not None else None
        samples = parse_samples(training, task)
    except NetworkFileError as exc:
        raise NetworkFileError(located(Path(path).name, exc)) from None
    return Document(network, config, history, csv_path, idx_source, samples)


def imported_dataset(
    document: Document, folder: Path | None = None
) -> tuple[Dataset, str | IDXSource] | None:
    """The dataset ``document`` was trained on, if it was imported, and where it came
    from: its CSV file's path (a string) or its IDX files.

    Each file is looked for where the document says, then under its name in
    ``folder`` (the document's) in case it moved there too; the full MNIST is looked
    for in the download folder. None if the document names no imported data.

    Raises
    ------
    EngineError
        :class:`~neurongui.engine.CSVError` or ``IDXError`` if a file cannot be found
        or read.
    """
    if document.config is None:
        return None
    if document.idx_source is not None:
        source = _found_idx(document.idx_source, folder)
        dataset = load_idx_source(source, document.config.dataset)
        return dataset, source
    if not document.csv_path:
        return None
    path = _found(document.csv_path, folder)
    dataset = load_csv(path)
    # Under the name the settings use, even if the file was renamed since.
    return replace(dataset, name=document.config.dataset), str(path)


def _found(saved: str, folder: Path | None) -> Path:
    path = Path(saved)
    if not path.exists() and folder is not None and (folder / path.name).exists():
        path = folder / path.name
    return path


def _found_idx(source: IDXSource, folder: Path | None) -> IDXSource:
    if source.download == "mnist":
        cache = mnist_folder()
        paths = [str(cache / Path(p).name) for p in source.paths()]
    else:
        paths = [str(_found(p, folder)) for p in source.paths()]
    test: list[str | None] = [*paths[2:4]] or [None, None]
    return replace(
        source,
        train_images=paths[0],
        train_labels=paths[1],
        test_images=test[0],
        test_labels=test[1],
    )


class InstanceGuard:
    """The per-instance lock; tells a crash from a second running copy."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else data_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        # An autosave killed mid-write leaves a temporary file behind.
        remove_stale_temps(self.folder / _AUTOSAVE_NAME)
        path = self.folder / _LOCK_NAME
        existed = path.exists()
        self._lock = QLockFile(str(path))
        self._lock.setStaleLockTime(0)  # only a dead owner makes a lock stale
        self.primary = self._lock.tryLock(100)
        #: True when the previous run ended without unlocking, i.e. it crashed.
        self.crashed = self.primary and existed

    @property
    def autosave_path(self) -> Path:
        """Where this instance autosaves."""
        return self.folder / _AUTOSAVE_NAME

    def recoverable(self) -> Path | None:
        """The autosave a crashed run left, if there is one to offer."""
        if self.primary and self.autosave_path.exists():
            return self.autosave_path
        return None

    def release(self) -> None:
        """Clean exit: remove the autosave and the lock."""
        if self.primary:
            self.autosave_path.unlink(missing_ok=True)
            self._lock.unlock()
            self.primary = False


class Autosaver(QObject):
    """Writes the document to the autosave file every minute while it is modified."""

    def __init__(self, guard: InstanceGuard, get_document, is_modified, parent=None):
        super().__init__(parent)
        self._guard, self._get, self._modified = guard, get_document, is_modified
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)
        if guard.primary:
            self.timer.start()

    def save_now(self) -> bool:
        """Autosave now if there are unsaved changes; True if a file was written."""
        if not (self._guard.primary and self._modified()):
            return False
        try:
            save_document(self._guard.autosave_path, self._get(), backup=False)
        except (OSError, NetworkFileError):
            # A full disk (or, say, a name that cannot be written) must not interrupt
            # the student; the next save reports it, the autosave tries again later.
            return False
        return True
