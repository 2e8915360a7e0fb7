"""Network files: JSON, validated on load, written atomically.

A file looks like::

    {"format": "neurongui.network", "version": 2,
     "inputs": {"size": 2, "names": ["x₁", "x₂"]},
     "layers": [{"size": 3, "activation": {"name": "tanh"},
                 "weights": [[...], [...], [...]], "biases": [...]}, ...],
     "training": {...}}                      # optional settings of the session

Loading never unpickles, evaluates or imports anything named in the file: it reads
only regular files, no more than :data:`MAX_FILE_BYTES` (:mod:`.safeio`), parses JSON
strictly (:mod:`.safejson`: no NaN, Infinity, duplicate keys, numbers too long for a
float or text that could not be saved again), migrates older versions forward and
validates the result with :func:`~neurongui.engine.state.parse_state`. Every problem raises
:class:`NetworkFileError`. Saving writes a temporary file beside the target, flushes
it to disk and renames it over the target, so a crash never leaves half a file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from . import safejson
from .errors import QT_TRANSLATE_NOOP, NetworkFileError, located
from .network import Network
from .safeio import read_limited, write_atomic
from .safejson import unencodable_path
from .state import FORMAT_NAME, FORMAT_VERSION, parse_state

__all__ = [
    "MAX_FILE_BYTES",
    "load_network",
    "migrate",
    "network_from_json",
    "network_to_json",
    "read_network_file",
    "save_network",
    "write_atomic",
]

#: Files larger than this are refused before being read (a 2M-parameter network
#: takes about 45 MB of JSON).
MAX_FILE_BYTES = 64 * 1024 * 1024

_PICKLE_MAGIC = (b"\x80\x02", b"\x80\x03", b"\x80\x04", b"\x80\x05")


def save_network(
    net: Network, path: str | os.PathLike[str], training: dict[str, Any] | None = None
) -> None:
    """Write ``net`` (and optional training settings) to ``path`` atomically.

    Raises
    ------
    NetworkFileError
        If the network or the settings cannot be written as a network file (a number
        that is not finite, text that is not valid Unicode); nothing is written.
    OSError
        If the file cannot be written; an existing file is then left untouched.
    """
    write_atomic(Path(path), network_to_json(net, training))


def network_to_json(net: Network, training: dict[str, Any] | None = None) -> bytes:
    """The bytes of the network file of ``net``; see :func:`save_network`.

    Raises
    ------
    NetworkFileError
        Naming what cannot be written.
    """
    data = net.to_dict(training)
    try:
        text = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
    except ValueError:  # NaN or infinity somewhere
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "cannot be saved: a number is not finite (did the training diverge?)",
            )
        ) from None
    except (TypeError, RecursionError) as exc:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "cannot be saved: {reason}"), reason=str(exc)
        ) from None
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        where = unencodable_path(data)
        if not where:  # None, or "" for a key at the top level
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors",
                    "cannot be saved: the text holds a character that is not valid Unicode",
                )
            ) from None
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "cannot be saved: {where} holds a character that is not valid Unicode",
            ),
            where=where,
        ) from None


def load_network(path: str | os.PathLike[str]) -> Network:
    """Read a network file and return the network.

    Raises
    ------
    NetworkFileError
        If the file is missing, unreadable, too big, not JSON or not a valid network.
    """
    return read_network_file(path)[0]


def read_network_file(path: str | os.PathLike[str]) -> tuple[Network, dict[str, Any] | None]:
    """Read a network file; return the network and its saved training settings (or None)."""
    path = Path(path)
    raw = read_limited(path, MAX_FILE_BYTES, NetworkFileError)
    try:
        return network_from_json(raw)
    except NetworkFileError as exc:
        raise NetworkFileError(located(path.name, exc)) from None


def network_from_json(raw: bytes | str) -> tuple[Network, dict[str, Any] | None]:
    """Parse the text of a network file; see :func:`read_network_file`."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "the file is larger than the limit for network files"
                )
            )
        if raw.startswith(_PICKLE_MAGIC):
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "this is a Python pickle, not a network file; it is not opened"
                )
            )
        if b"\x00" in raw[:4096]:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "this is a binary file, not a network file (JSON text)"
                )
            )
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP("EngineErrors", "not UTF-8 text (byte {byte})"), byte=exc.start
            ) from None
    if not raw.strip():
        raise NetworkFileError(QT_TRANSLATE_NOOP("EngineErrors", "the file is empty"))
    data = safejson.loads(raw)
    data = migrate(data)
    training = data.get("training")
    if training is not None and not isinstance(training, dict):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "training: expected an object of settings")
        )
    return Network.from_parsed(parse_state(data)), training


def migrate(data: Any) -> dict[str, Any]:
    """Check the format header and bring an older description up to the current version.

    Version 1 (NeuronGUI 0.0.x) stored ``"sizes": [n_in, ...]``, ``"activations":
    ["tanh", ...]`` and per-layer ``weights``/``biases`` lists side by side.
    """
    if not isinstance(data, dict):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "expected a JSON object at the top level")
        )
    if data.get("format") != FORMAT_NAME:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "not a NeuronGUI network file (format is not {name!r})"
            ),
            name=FORMAT_NAME,
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "version: expected an integer, got {value!r}"),
            value=version,
        )
    if version > FORMAT_VERSION:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "version {version} was written by a newer NeuronGUI; this one reads up to "
                "version {newest}",
            ),
            version=version,
            newest=FORMAT_VERSION,
        )
    if version < 1:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "version: {version} is not a valid version"),
            version=version,
        )
    if version == 1:
        data = _migrate_v1(data)
    return data


def _migrate_v1(data: dict[str, Any]) -> dict[str, Any]:
    for key in ("sizes", "activations", "weights", "biases"):
        if not isinstance(data.get(key), list):
            raise NetworkFileError(
                QT_TRANSLATE_NOOP("EngineErrors", "{key}: a version-1 file needs a list here"),
                key=key,
            )
    sizes, acts = data["sizes"], data["activations"]
    n = len(sizes) - 1
    if n < 1 or not len(acts) == len(data["weights"]) == len(data["biases"]) == n:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "sizes, activations, weights and biases do not match in length"
            )
        )
    layers = [
        {
            "size": sizes[i + 1],
            "activation": acts[i],
            "weights": data["weights"][i],
            "biases": data["biases"][i],
        }
        for i in range(n)
    ]
    inputs: dict[str, Any] = {"size": sizes[0]}
    if "input_names" in data:
        inputs["names"] = data["input_names"]
    out: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "inputs": inputs,
        "layers": layers,
    }
    if "training" in data:
        out["training"] = data["training"]
    return out
