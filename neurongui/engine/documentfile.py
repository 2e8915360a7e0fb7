"""The ``training`` object of a document: settings, history and data files, validated.

A document (see ``neurongui.documents``) is a network file whose ``training`` object
holds the training settings, optionally the training history (one record per epoch)
and where imported data came from: the path of a CSV file (``csv_path``) or the
files of an IDX set (``idx_files``, e.g. MNIST or Fashion-MNIST). Everything in it
comes from a file, so every field of every record is checked here; charts and panels
can then trust it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .config import TrainingConfig
from .errors import QT_TRANSLATE_NOOP, EngineError, Message, NetworkFileError, kind_of, located
from .metrics import EpochRecord
from .state import missing_key

__all__ = [
    "DOWNLOADS",
    "MAX_EPOCH",
    "MAX_HISTORY",
    "MAX_PATH_LENGTH",
    "IDXSource",
    "parse_history",
    "parse_idx_source",
    "parse_training",
]

#: More records than a document ever holds (the window keeps 10,000).
MAX_HISTORY = 1_000_000
#: Epoch and step counts beyond this are not from a real run (and are exact as floats).
MAX_EPOCH = 2**53
MAX_PATH_LENGTH = 4096

_FLOATS = ("train_loss", "test_loss", "train_accuracy", "test_accuracy")
#: Downloaded sets that a document names instead of paths (found in this computer's
#: download folder when the document opens).
DOWNLOADS = ("mnist",)
_IDX_PATHS = ("train_images", "train_labels", "test_images", "test_labels")
_MAX_CLASS_NAMES = 100


@dataclass(frozen=True)
class IDXSource:
    """Where an IDX dataset was read from: the files of its images and labels.

    Attributes
    ----------
    train_images, train_labels
        Paths of the training images and labels (``.gz`` or raw IDX files).
    test_images, test_labels
        The test pair, or None (then the set is split at random).
    class_names
        The names of the classes, or None for "0", "1", ….
    download
        ``"mnist"``: the full MNIST from the download folder (the paths are then where
        it was on the computer that saved the file); None for files the student chose.
    """

    train_images: str
    train_labels: str
    test_images: str | None = None
    test_labels: str | None = None
    class_names: tuple[str, ...] | None = None
    download: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``idx_files`` object of a document."""
        data: dict[str, Any] = {name: getattr(self, name) for name in _IDX_PATHS}
        data["class_names"] = list(self.class_names) if self.class_names else None
        data["download"] = self.download
        return data

    def paths(self) -> list[str]:
        """The files, train images and labels first; the test pair if there is one."""
        return [p for p in (getattr(self, name) for name in _IDX_PATHS) if p is not None]


def parse_training(
    training: dict[str, Any] | None,
) -> tuple[TrainingConfig | None, list[EpochRecord], str | None]:
    """Split a file's ``training`` object into settings, history and CSV path.

    Raises
    ------
    NetworkFileError
        Naming the setting or record that is wrong (``training.history[3].epoch``).
    """
    training = dict(training or {})
    history = parse_history(training.pop("history", None))
    csv_path = _csv_path(training.pop("csv_path", None))
    training.pop("idx_files", None)  # see parse_idx_source
    config = None
    if training:
        try:
            config = TrainingConfig.from_dict(training)
        except (ValueError, TypeError) as exc:
            reason = exc if isinstance(exc, EngineError) else str(exc)
            raise NetworkFileError(located("training", reason)) from None
    return config, history, csv_path


def parse_idx_source(training: dict[str, Any] | None) -> IDXSource | None:
    """The IDX files a document's data came from (``training.idx_files``), or None.

    Raises
    ------
    NetworkFileError
        Naming the field that is wrong (``training.idx_files.train_images``).
    """
    raw = (training or {}).get("idx_files")
    if raw is None:
        return None
    where = "training.idx_files"
    if not isinstance(raw, dict):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "{where}: expected an object, got {kind}"),
            where=where,
            kind=kind_of(raw),
        )
    paths: dict[str, str | None] = {}
    for name in _IDX_PATHS:
        value = raw.get(name)
        if value is None and name.startswith("test"):
            paths[name] = None
            continue
        paths[name] = _path(value, f"{where}.{name}")
    if (paths["test_images"] is None) != (paths["test_labels"] is None):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "{where}: the test images and labels come as a pair"),
            where=where,
        )
    names = raw.get("class_names")
    if names is not None and not (
        isinstance(names, list)
        and 0 < len(names) <= _MAX_CLASS_NAMES
        and all(isinstance(n, str) and 0 < len(n) <= 100 and "\x00" not in n for n in names)
    ):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{where}.class_names: expected a list of at most {limit} names, got {kind}",
            ),
            where=where,
            limit=_MAX_CLASS_NAMES,
            kind=_kind(names),
        )
    download = raw.get("download")
    if download is not None and download not in DOWNLOADS:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "{where}.download: expected {allowed}, got {kind}"),
            where=where,
            allowed=" or ".join(repr(d) for d in DOWNLOADS) + " or null",
            kind=_kind(download),
        )
    return IDXSource(
        str(paths["train_images"]),
        str(paths["train_labels"]),
        paths["test_images"],
        paths["test_labels"],
        class_names=tuple(names) if names else None,
        download=download,
    )


def parse_history(raw: Any, where: str = "training.history") -> list[EpochRecord]:
    """Records of a saved history, each field checked; ``[]`` for null or no history.

    Epochs and steps are whole numbers from 0 to :data:`MAX_EPOCH` that never go back;
    losses are finite and not negative; accuracies lie between 0 and 1; test values
    and accuracies may be null.

    Raises
    ------
    NetworkFileError
        Naming the record and field.
    """
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "{where}: expected a list of epoch records"),
            where=where,
        )
    if len(raw) > MAX_HISTORY:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "{where}: more than {limit:,} records"),
            where=where,
            limit=MAX_HISTORY,
        )
    records: list[EpochRecord] = []
    last = 0
    for i, entry in enumerate(raw):
        place = f"{where}[{i}]"
        if not isinstance(entry, dict):
            raise NetworkFileError(
                QT_TRANSLATE_NOOP("EngineErrors", "{where}: expected an object, got {kind}"),
                where=place,
                kind=kind_of(entry),
            )
        epoch = _count(entry, "epoch", place)
        steps = _count(entry, "steps", place)
        if epoch < last:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP("EngineErrors", "{where}: {epoch} comes after epoch {last}"),
                where=f"{place}.epoch",
                epoch=epoch,
                last=last,
            )
        last = epoch
        values = {name: _measure(entry, name, place) for name in _FLOATS}
        train_loss = values.pop("train_loss")
        if train_loss is None:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP("EngineErrors", "{where}: expected a number, got {kind}"),
                where=f"{place}.train_loss",
                kind=kind_of(None),
            )
        # The regularisation penalty, saved since files record it; older files lack it.
        penalty = _measure(entry, "penalty", place) if "penalty" in entry else 0.0
        records.append(EpochRecord(epoch, steps, train_loss, **values, penalty=penalty or 0.0))
    return records


def _count(entry: dict[str, Any], name: str, place: str) -> int:
    if name not in entry:
        raise missing_key(place, name)
    value = entry[name]
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_EPOCH:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "{where}: expected a whole number from 0 to {limit:,}, got {kind}"
            ),
            where=f"{place}.{name}",
            limit=MAX_EPOCH,
            kind=_kind(value),
        )
    return value


def _measure(entry: dict[str, Any], name: str, place: str) -> float | None:
    if name not in entry:
        raise missing_key(place, name)
    value = entry[name]
    if value is None:
        return None
    accuracy = name.endswith("accuracy")
    try:
        ok = (
            not isinstance(value, bool)
            and isinstance(value, (int, float))
            and math.isfinite(value)
            and value >= 0
            and (value <= 1 or not accuracy)
        )
    except OverflowError:  # a Python int beyond float range
        ok = False
    if not ok:
        if accuracy:
            wanted = QT_TRANSLATE_NOOP(
                "EngineErrors", "{where}: expected a number from 0 to 1 or null, got {kind}"
            )
        else:
            wanted = QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{where}: expected a finite number, not negative, or null, got {kind}",
            )
        raise NetworkFileError(wanted, where=f"{place}.{name}", kind=_kind(value))
    return float(value)


def _path(raw: Any, where: str) -> str:
    if not isinstance(raw, str) or not 0 < len(raw) <= MAX_PATH_LENGTH or "\x00" in raw:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{where}: expected the path of a file (1 to {limit} characters), got {kind}",
            ),
            where=where,
            limit=MAX_PATH_LENGTH,
            kind=_kind(raw),
        )
    return raw


def _csv_path(raw: Any) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not 0 < len(raw) <= MAX_PATH_LENGTH or "\x00" in raw:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "training.csv_path: expected the path of a CSV file (1 to {limit} characters), "
                "got {kind}",
            ),
            limit=MAX_PATH_LENGTH,
            kind=_kind(raw),
        )
    return raw


def _kind(value: Any) -> str | Message:
    if isinstance(value, str):
        return repr(value[:30])
    if isinstance(value, (dict, list)):
        return kind_of(value)
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return Message(
            QT_TRANSLATE_NOOP("EngineErrors", "a number of about {digits} digits"),
            digits=int(value.bit_length() * 0.30103) + 1,
        )
    return repr(value)
