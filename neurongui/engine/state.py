"""Validation of a network description (the ``layers`` part of a network file).

A description comes from a file the user picked, so nothing in it is trusted: every
type, shape and number is checked, sizes are checked *before* any array is
allocated, and every problem raises :class:`NetworkFileError` with a message that
says what is wrong and where (``layers[1].weights[2][0]``).

Limits (documented in the README): at most :data:`MAX_LAYERS` layers, at most
:data:`MAX_LAYER_SIZE` neurons in a layer (inputs included) and at most
:data:`MAX_PARAMETERS` parameters in all.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import activations as _activations
from ._checks import input_name
from .errors import QT_TRANSLATE_NOOP, EngineError, Message, NetworkFileError, kind_of, located

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_LAYERS",
    "MAX_LAYER_SIZE",
    "MAX_PARAMETERS",
    "ParsedLayer",
    "ParsedNetwork",
    "check_sizes",
    "parse_state",
]

FORMAT_NAME = "neurongui.network"
FORMAT_VERSION = 2
MAX_LAYERS = 64
MAX_LAYER_SIZE = 100_000
MAX_PARAMETERS = 2_000_000
MAX_NAME_LENGTH = 200
_PLAIN_NUMBERS = {int, float}
_NETWORK = Message(QT_TRANSLATE_NOOP("EngineErrors", "the network"))


@dataclass(frozen=True)
class ParsedLayer:
    """One validated dense layer: ``weights`` has shape (size, previous size)."""

    size: int
    activation: dict[str, Any]
    weights: np.ndarray
    biases: np.ndarray
    alpha: np.ndarray | None


@dataclass(frozen=True)
class ParsedNetwork:
    """A validated network description, ready for :meth:`Network.from_parsed`."""

    input_size: int
    input_names: tuple[str, ...]
    layers: tuple[ParsedLayer, ...]


def check_sizes(
    sizes: Sequence[Any], where: str | Message = "sizes", labels: Sequence[str] | None = None
) -> None:
    """Refuse layer sizes that are not positive integers or exceed the limits.

    Runs before anything is allocated, so a layer of 10⁹ neurons fails at once.
    ``labels`` name each entry in messages (default ``where[i]``).

    Raises
    ------
    NetworkFileError
        Naming the offending entry.
    """
    if len(sizes) > MAX_LAYERS + 1:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "{where}: {count} layers; at most {limit} allowed"),
            where=where,
            count=len(sizes) - 1,
            limit=MAX_LAYERS,
        )
    for i, size in enumerate(sizes):
        label = labels[i] if labels else f"{where}[{i}]"
        if isinstance(size, bool) or not isinstance(size, (int, np.integer)):
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "{where}: a size must be an integer, got {value}"
                ),
                where=label,
                value=kind_of(size),
            )
        if not 1 <= size <= MAX_LAYER_SIZE:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "{where}: {size:,} neurons; a layer has 1 to {limit:,}"
                ),
                where=label,
                size=int(size),
                limit=MAX_LAYER_SIZE,
            )
    total = sum(int(a) * int(b) + 2 * int(b) for a, b in itertools.pairwise(sizes))
    if total > MAX_PARAMETERS:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "{where}: about {count:,} parameters; at most {limit:,} allowed"
            ),
            where=where,
            count=total,
            limit=MAX_PARAMETERS,
        )


def parse_state(data: Any) -> ParsedNetwork:
    """Validate a version-2 network description and return it parsed.

    Parameters
    ----------
    data
        The decoded JSON object (``format``/``version`` are checked by the file
        layer; here only ``inputs`` and ``layers`` matter).

    Raises
    ------
    NetworkFileError
        If anything is missing, of the wrong type or shape, not finite, or too big.
    """
    obj = _mapping(data, _NETWORK)
    inputs = _mapping(_key(obj, "inputs", _NETWORK), "inputs")
    layers = _key(obj, "layers", _NETWORK)
    if not isinstance(layers, list) or not layers:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "layers: expected a non-empty list of layers")
        )
    n_in = _key(inputs, "size", "inputs")
    sizes = [n_in] + [
        _key(_mapping(e, f"layers[{i}]"), "size", f"layers[{i}]") for i, e in enumerate(layers)
    ]
    labels = ["inputs.size"] + [f"layers[{i}].size" for i in range(len(layers))]
    check_sizes(sizes, _NETWORK, labels)
    names = _names(inputs.get("names"), n_in)
    parsed = []
    for i, entry in enumerate(layers):
        parsed.append(_parse_layer(entry, sizes[i], f"layers[{i}]", last=i == len(layers) - 1))
    return ParsedNetwork(int(n_in), names, tuple(parsed))


def _parse_layer(entry: dict[str, Any], n_in: int, where: str, last: bool) -> ParsedLayer:
    size = int(entry["size"])
    spec = _key(entry, "activation", where)
    if isinstance(spec, str):
        spec = {"name": spec}
    spec = _mapping(spec, f"{where}.activation")
    try:
        act = _activations.from_dict(spec)
    except (ValueError, TypeError) as exc:
        reason = exc if isinstance(exc, EngineError) else str(exc)
        raise NetworkFileError(located(f"{where}.activation", reason)) from None
    if not act.elementwise and not last:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "{where}: {name} is only allowed in the output layer"
            ),
            where=f"{where}.activation",
            name=act.name,
        )
    weights = _matrix(_key(entry, "weights", where), size, n_in, f"{where}.weights")
    biases = _vector(_key(entry, "biases", where), size, f"{where}.biases")
    alpha = None
    if act.name == "prelu":
        raw = entry.get("alpha")
        alpha = None if raw is None else _vector(raw, size, f"{where}.alpha")
    return ParsedLayer(size, act.to_dict(), weights, biases, alpha)


def _mapping(value: Any, where: str | Message) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "{where}: expected an object, got {kind}"),
            where=where,
            kind=kind_of(value),
        )
    return value


def _key(obj: dict[str, Any], key: str, where: str | Message) -> Any:
    if key not in obj:
        raise missing_key(where, key)
    return obj[key]


def missing_key(where: str | Message, key: str) -> NetworkFileError:
    """The error for an object at ``where`` that lacks the required ``key``."""
    return NetworkFileError(
        QT_TRANSLATE_NOOP("EngineErrors", "{where}: the required key {key!r} is missing"),
        where=where,
        key=key,
    )


def _names(raw: Any, n_in: int) -> tuple[str, ...]:
    if raw is None:
        return tuple(input_name(i + 1) for i in range(n_in))
    if not isinstance(raw, list) or len(raw) != n_in:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "inputs.names: expected a list of {count} names"),
            count=n_in,
        )
    for i, name in enumerate(raw):
        if not isinstance(name, str) or not 0 < len(name) <= MAX_NAME_LENGTH:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "{where}: expected a name of 1 to {limit} characters"
                ),
                where=f"inputs.names[{i}]",
                limit=MAX_NAME_LENGTH,
            )
    return tuple(raw)


def _vector(raw: Any, size: int, where: str) -> np.ndarray:
    if not isinstance(raw, list):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "{where}: expected a list of {size} numbers, got {kind}"
            ),
            where=where,
            size=size,
            kind=kind_of(raw),
        )
    if len(raw) != size:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "{where}: expected {size} numbers, got {count}"),
            where=where,
            size=size,
            count=len(raw),
        )
    if not set(map(type, raw)) <= _PLAIN_NUMBERS:
        for i, value in enumerate(raw):  # find the culprit (or accept number subclasses)
            _number(value, f"{where}[{i}]")
    return _finite_array(raw, (size,), where)


def _matrix(raw: Any, rows: int, cols: int, where: str) -> np.ndarray:
    if not isinstance(raw, list):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "{where}: expected {rows} rows of {cols} numbers, got {kind}"
            ),
            where=where,
            rows=rows,
            cols=cols,
            kind=kind_of(raw),
        )
    if len(raw) != rows:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "{where}: expected {rows} rows (one per neuron), got {count}"
            ),
            where=where,
            rows=rows,
            count=len(raw),
        )
    # Checked a row at a time in C (a set of types, one array), not number by number:
    # a 90,000-input network has two million weights.
    for j, row in enumerate(raw):
        if type(row) is not list or len(row) != cols or not set(map(type, row)) <= _PLAIN_NUMBERS:
            _vector(row, cols, f"{where}[{j}]")
    return _finite_array(raw, (rows, cols), where)


def _finite_array(raw: list[Any], shape: tuple[int, ...], where: str) -> np.ndarray:
    """``raw`` (its numbers' types already checked) as floats; refuses any not finite."""
    try:
        out = np.array(raw, dtype=float)
    except OverflowError:  # a Python int beyond float range (JSON ones are bounded)
        for index in np.ndindex(*shape):
            value: Any = raw  # a nested list, then the number at ``index``
            for i in index:
                value = value[i]
            place = where + "".join(f"[{i}]" for i in index)
            try:
                float(value)
            except OverflowError:
                raise _too_large(place) from None
        raise
    bad = np.flatnonzero(~np.isfinite(out))
    if bad.size:
        index = np.unravel_index(bad[0], shape)
        place = where + "".join(f"[{int(i)}]" for i in index)
        raise _not_finite(place, out[index])
    return out


def _number(value: Any, where: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "{where}: expected a number, got {kind}"),
            where=where,
            kind=kind_of(value),
        )
    try:
        finite = math.isfinite(value)
    except OverflowError:  # a Python int beyond float range
        raise _too_large(where) from None
    if not finite:
        raise _not_finite(where, value)


def _too_large(where: str) -> NetworkFileError:
    return NetworkFileError(
        QT_TRANSLATE_NOOP("EngineErrors", "{where}: the number is too large"), where=where
    )


def _not_finite(where: str, value: Any) -> NetworkFileError:
    return NetworkFileError(
        QT_TRANSLATE_NOOP("EngineErrors", "{where}: {value} is not a finite number"),
        where=where,
        value=value,
    )
