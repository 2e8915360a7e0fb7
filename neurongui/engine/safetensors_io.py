"""A small, safe reader of the safetensors format (no dependency on its package).

A safetensors file is an 8-byte little-endian length N, N bytes of JSON header and a
buffer of raw little-endian numbers. The header maps each tensor's name to its
``dtype``, ``shape`` and ``data_offsets`` (begin, end) in the buffer, and may hold
``"__metadata__"``, a map of text to text. Nothing in it is executed: that is why the
format exists (a PyTorch ``.pt`` file is a pickle, which can run any code).

Every check happens before any array is made: the file stays within the network
loader's size limit (:data:`.fileformat.MAX_FILE_BYTES`), the header is strict JSON
(:mod:`.safejson`) inside the file, each tensor's numbers fit the parameter limit
(:data:`.state.MAX_PARAMETERS`) and its offsets match its shape and type exactly,
inside the buffer, without overlaps. Values must be finite. Every problem raises
:class:`~.errors.NetworkFileError`.
"""

from __future__ import annotations

import itertools
import math
import struct
from typing import Any

import numpy as np

from . import safejson
from .errors import QT_TRANSLATE_NOOP, NetworkFileError, kind_of
from .state import MAX_PARAMETERS

__all__ = ["DTYPES", "checked_count", "read_safetensors"]

#: The number types read (all become float64): safetensors' names and NumPy's.
DTYPES = {"F64": "<f8", "F32": "<f4", "F16": "<f2"}


def read_safetensors(raw: bytes) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """The tensors (float64 arrays, in the file's order) and the metadata of ``raw``.

    Raises
    ------
    NetworkFileError
        Saying what is wrong: truncated, a header that lies about its length or its
        tensors, a number type other than F64/F32/F16, too many numbers, NaN.
    """
    if len(raw) < 8:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "not a safetensors file: it is too short")
        )
    (length,) = struct.unpack("<Q", raw[:8])
    if length > len(raw) - 8:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "not a safetensors file, or a truncated one: the header says {length:,}"
                " bytes, the file has {size:,}",
            ),
            length=length,
            size=len(raw) - 8,
        )
    try:
        text = raw[8 : 8 + length].decode("utf-8")
    except UnicodeDecodeError:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "not a safetensors file: its header is not text")
        ) from None
    header = safejson.loads(text)
    if not isinstance(header, dict):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "safetensors header: expected an object, got {kind}"),
            kind=kind_of(header),
        )
    metadata = header.pop("__metadata__", None) or {}
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "safetensors header: __metadata__ must map text to text"
            )
        )
    buffer = memoryview(raw)[8 + length :]
    entries = [(name, _entry(name, spec)) for name, spec in header.items()]
    total = sum(math.prod(shape) for _, (_, shape, _) in entries)
    if total > MAX_PARAMETERS:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "the file holds {count:,} numbers; a network may have at most {limit:,}",
            ),
            count=total,
            limit=MAX_PARAMETERS,
        )
    spans = sorted((begin, end, name) for name, (_, _, (begin, end)) in entries)
    for (_, end, first), (begin, _, second) in itertools.pairwise(spans):
        if begin < end:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "tensors {first} and {second} overlap in the file"
                ),
                first=first,
                second=second,
            )
    tensors: dict[str, np.ndarray] = {}
    for name, (dtype, shape, (begin, end)) in entries:
        if end > len(buffer):
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors",
                    "tensor {name}: its data ends at byte {end:,}, past the end of the file"
                    " ({size:,} bytes of data): the file is truncated",
                ),
                name=name,
                end=end,
                size=len(buffer),
            )
        values = np.frombuffer(buffer[begin:end], dtype=DTYPES[dtype]).astype(np.float64)
        if not np.isfinite(values).all():
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors",
                    "tensor {name}: a value is not a finite number (NaN or infinity)",
                ),
                name=name,
            )
        tensors[name] = values.reshape(shape)
    return tensors, dict(metadata)


def checked_count(name: str, shape: list[int] | tuple[int, ...]) -> int:
    """The number of values of tensor ``name`` of ``shape``, refused above what any
    network may hold (checked before anything is allocated; ONNX files too)."""
    count = math.prod(shape)
    if any(d < 0 for d in shape) or count > MAX_PARAMETERS:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "tensor {name}: {count:,} numbers; a network may have at most {limit:,}",
            ),
            name=name,
            count=count,
            limit=MAX_PARAMETERS,
        )
    return count


def _entry(name: str, spec: Any) -> tuple[str, tuple[int, ...], tuple[int, int]]:
    """The checked dtype, shape and data offsets of one header entry."""
    if not isinstance(spec, dict):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "tensor {name}: expected an object, got {kind}"),
            name=name,
            kind=kind_of(spec),
        )
    dtype, shape, offsets = spec.get("dtype"), spec.get("shape"), spec.get("data_offsets")
    if dtype not in DTYPES:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "tensor {name}: numbers of type {dtype} are not read; save the weights as"
                " F64, F32 or F16 (floating point)",
            ),
            name=name,
            dtype=str(dtype)[:20],
        )
    if (
        not isinstance(shape, list)
        or len(shape) > 4
        or not all(isinstance(d, int) and not isinstance(d, bool) and d >= 0 for d in shape)
    ):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "tensor {name}: its shape is not a list of sizes"),
            name=name,
        )
    count = checked_count(name, shape)
    size = count * int(DTYPES[dtype][-1])
    if (
        not isinstance(offsets, list)
        or len(offsets) != 2
        or not all(isinstance(o, int) and not isinstance(o, bool) and o >= 0 for o in offsets)
        or offsets[1] - offsets[0] != size
    ):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "tensor {name}: its data offsets do not match its shape and number type",
            ),
            name=name,
        )
    return dtype, tuple(shape), (offsets[0], offsets[1])
