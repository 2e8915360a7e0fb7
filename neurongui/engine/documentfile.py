"""The ``training`` object of a document: settings, history and CSV path, validated.

A document (see ``neurongui.documents``) is a network file whose ``training`` object
holds the training settings, optionally the training history (one record per epoch)
and the path of an imported CSV file. Everything in it comes from a file, so every
field of every record is checked here; charts and panels can then trust it.
"""

from __future__ import annotations

import math
from typing import Any

from .config import TrainingConfig
from .errors import NetworkFileError
from .trainer import EpochRecord

__all__ = ["MAX_EPOCH", "MAX_HISTORY", "MAX_PATH_LENGTH", "parse_history", "parse_training"]

#: More records than a document ever holds (the window keeps 10,000).
MAX_HISTORY = 1_000_000
#: Epoch and step counts beyond this are not from a real run (and are exact as floats).
MAX_EPOCH = 2**53
MAX_PATH_LENGTH = 4096

_FLOATS = ("train_loss", "test_loss", "train_accuracy", "test_accuracy")


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
    config = None
    if training:
        try:
            config = TrainingConfig.from_dict(training)
        except (ValueError, TypeError) as exc:
            raise NetworkFileError(f"training: {exc}") from None
    return config, history, csv_path


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
        raise NetworkFileError(f"{where}: expected a list of epoch records")
    if len(raw) > MAX_HISTORY:
        raise NetworkFileError(f"{where}: more than {MAX_HISTORY:,} records")
    records: list[EpochRecord] = []
    last = 0
    for i, entry in enumerate(raw):
        place = f"{where}[{i}]"
        if not isinstance(entry, dict):
            raise NetworkFileError(f"{place}: expected an object")
        epoch = _count(entry, "epoch", place)
        steps = _count(entry, "steps", place)
        if epoch < last:
            raise NetworkFileError(f"{place}.epoch: {epoch} comes after epoch {last}")
        last = epoch
        values = {name: _measure(entry, name, place) for name in _FLOATS}
        if values["train_loss"] is None:
            raise NetworkFileError(f"{place}.train_loss: expected a number, got null")
        # The regularisation penalty, saved since files record it; older files lack it.
        penalty = _measure(entry, "penalty", place) if "penalty" in entry else 0.0
        records.append(EpochRecord(epoch, steps, **values, penalty=penalty or 0.0))
    return records


def _count(entry: dict, name: str, place: str) -> int:
    if name not in entry:
        raise NetworkFileError(f"{place}: the required key {name!r} is missing")
    value = entry[name]
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_EPOCH:
        raise NetworkFileError(
            f"{place}.{name}: expected a whole number from 0 to {MAX_EPOCH:,}, got {_kind(value)}"
        )
    return value


def _measure(entry: dict, name: str, place: str) -> float | None:
    if name not in entry:
        raise NetworkFileError(f"{place}: the required key {name!r} is missing")
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
        wanted = "a number from 0 to 1" if accuracy else "a finite number, not negative"
        raise NetworkFileError(f"{place}.{name}: expected {wanted} or null, got {_kind(value)}")
    return float(value)


def _csv_path(raw: Any) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not 0 < len(raw) <= MAX_PATH_LENGTH or "\x00" in raw:
        raise NetworkFileError(
            f"training.csv_path: expected the path of a CSV file (1 to {MAX_PATH_LENGTH} "
            f"characters), got {_kind(raw)}"
        )
    return raw


def _kind(value: Any) -> str:
    if isinstance(value, str):
        return repr(value[:30])
    if isinstance(value, (dict, list)):
        return "an object" if isinstance(value, dict) else "a list"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    return repr(value)
