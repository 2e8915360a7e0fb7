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
from .errors import QT_TRANSLATE_NOOP, EngineError, Message, NetworkFileError, kind_of, located
from .metrics import EpochRecord
from .state import missing_key

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
            reason = exc if isinstance(exc, EngineError) else str(exc)
            raise NetworkFileError(located("training", reason)) from None
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
