"""Network files: JSON, validated on load, written atomically.

A file looks like::

    {"format": "neurongui.network", "version": 2,
     "inputs": {"size": 2, "names": ["x₁", "x₂"]},
     "layers": [{"size": 3, "activation": {"name": "tanh"},
                 "weights": [[...], [...], [...]], "biases": [...]}, ...],
     "training": {...}}                      # optional settings of the session

Loading never unpickles, evaluates or imports anything named in the file: it parses
JSON (refusing NaN, Infinity and duplicate keys), checks the size of the file before
reading it, migrates older versions forward and validates the result with
:func:`~neurongui.engine.state.parse_state`. Every problem raises
:class:`NetworkFileError`. Saving writes a temporary file beside the target, flushes
it to disk and renames it over the target, so a crash never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .errors import NetworkFileError
from .network import Network
from .state import FORMAT_NAME, FORMAT_VERSION, parse_state

__all__ = [
    "MAX_FILE_BYTES",
    "load_network",
    "migrate",
    "network_from_json",
    "read_network_file",
    "save_network",
]

#: Files larger than this are refused before being read (a 2M-parameter network
#: takes about 45 MB of JSON).
MAX_FILE_BYTES = 64 * 1024 * 1024

_PICKLE_MAGIC = (b"\x80\x02", b"\x80\x03", b"\x80\x04", b"\x80\x05")


def save_network(
    net: Network, path: str | os.PathLike, training: dict[str, Any] | None = None
) -> None:
    """Write ``net`` (and optional training settings) to ``path`` atomically.

    Raises
    ------
    OSError
        If the file cannot be written; an existing file is then left untouched.
    """
    text = json.dumps(net.to_dict(training), ensure_ascii=False, indent=1, allow_nan=False)
    write_atomic(Path(path), text.encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or new file, never half."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode a new file would get,
        # or the mode of the file it replaces.
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def load_network(path: str | os.PathLike) -> Network:
    """Read a network file and return the network.

    Raises
    ------
    NetworkFileError
        If the file is missing, unreadable, too big, not JSON or not a valid network.
    """
    return read_network_file(path)[0]


def read_network_file(path: str | os.PathLike) -> tuple[Network, dict[str, Any] | None]:
    """Read a network file; return the network and its saved training settings (or None)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise NetworkFileError(
                f"{path.name}: {size / 2**20:.0f} MB is larger than the "
                f"{MAX_FILE_BYTES // 2**20} MB limit for network files"
            )
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except NetworkFileError:
        raise
    except OSError as exc:
        raise NetworkFileError(f"{path.name}: cannot read the file ({exc.strerror})") from None
    try:
        return network_from_json(raw)
    except NetworkFileError as exc:
        raise NetworkFileError(f"{path.name}: {exc}") from None


def network_from_json(raw: bytes | str) -> tuple[Network, dict[str, Any] | None]:
    """Parse the text of a network file; see :func:`read_network_file`."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise NetworkFileError("the file is larger than the limit for network files")
        if raw.startswith(_PICKLE_MAGIC):
            raise NetworkFileError("this is a Python pickle, not a network file; it is not opened")
        if b"\x00" in raw[:4096]:
            raise NetworkFileError("this is a binary file, not a network file (JSON text)")
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise NetworkFileError(f"not UTF-8 text (byte {exc.start})") from None
    if not raw.strip():
        raise NetworkFileError("the file is empty")
    try:
        data = json.loads(raw, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise NetworkFileError(
            f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise NetworkFileError("the JSON is nested too deeply") from None
    data = migrate(data)
    training = data.get("training")
    if training is not None and not isinstance(training, dict):
        raise NetworkFileError("training: expected an object of settings")
    return Network.from_parsed(parse_state(data)), training


def migrate(data: Any) -> dict[str, Any]:
    """Check the format header and bring an older description up to the current version.

    Version 1 (NeuronGUI 0.0.x) stored ``"sizes": [n_in, ...]``, ``"activations":
    ["tanh", ...]`` and per-layer ``weights``/``biases`` lists side by side.
    """
    if not isinstance(data, dict):
        raise NetworkFileError("expected a JSON object at the top level")
    if data.get("format") != FORMAT_NAME:
        raise NetworkFileError(f"not a NeuronGUI network file (format is not {FORMAT_NAME!r})")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise NetworkFileError(f"version: expected an integer, got {version!r}")
    if version > FORMAT_VERSION:
        raise NetworkFileError(
            f"version {version} was written by a newer NeuronGUI; this one reads up to "
            f"version {FORMAT_VERSION}"
        )
    if version < 1:
        raise NetworkFileError(f"version: {version} is not a valid version")
    if version == 1:
        data = _migrate_v1(data)
    return data


def _migrate_v1(data: dict[str, Any]) -> dict[str, Any]:
    for key in ("sizes", "activations", "weights", "biases"):
        if not isinstance(data.get(key), list):
            raise NetworkFileError(f"{key}: a version-1 file needs a list here")
    sizes, acts = data["sizes"], data["activations"]
    n = len(sizes) - 1
    if n < 1 or not len(acts) == len(data["weights"]) == len(data["biases"]) == n:
        raise NetworkFileError("sizes, activations, weights and biases do not match in length")
    layers = [
        {
            "size": sizes[i + 1],
            "activation": acts[i],
            "weights": data["weights"][i],
            "biases": data["biases"][i],
        }
        for i in range(n)
    ]
    out = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "inputs": {"size": sizes[0]},
        "layers": layers,
    }
    if "input_names" in data:
        out["inputs"]["names"] = data["input_names"]
    if "training" in data:
        out["training"] = data["training"]
    return out


def _reject_constant(name: str) -> None:
    raise NetworkFileError(f"{name} is not a finite number; network files hold only numbers")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise NetworkFileError(f"the key {key!r} appears twice in one object")
        out[key] = value
    return out
