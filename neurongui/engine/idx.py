"""The IDX format of MNIST, Fashion-MNIST, KMNIST…: read and write, checked first.

An IDX file is a 4-byte header — two zero bytes, a type code (0x08 for unsigned
bytes) and the number of dimensions — then one big-endian 32-bit size per dimension,
then the values, row after row. ``train-images-idx3-ubyte`` holds (60000, 28, 28)
bytes, ``train-labels-idx1-ubyte`` (60000,) bytes; the files are usually gzipped.

:func:`read_idx` checks the magic number, the type, the dimensions and the size the
header promises against the limit and against the bytes there are *before* it
allocates anything, and decompresses a gzipped file only up to the size the header
promises (a small file that inflates to gigabytes is refused after that many bytes).
Nothing in a file is ever evaluated or unpickled.
"""

from __future__ import annotations

import gzip
import os
import zlib
from pathlib import Path

import numpy as np

from .errors import QT_TRANSLATE_NOOP, EngineError
from .safeio import read_limited, write_atomic

__all__ = ["MAX_CELLS", "IDXError", "parse_idx", "read_idx", "write_idx"]

#: The most values a file may hold: 100 million bytes (MNIST's training images are 47).
MAX_CELLS = 100_000_000
#: The largest compressed file read.
_MAX_FILE = 512 * 1024 * 1024
#: IDX type codes: the value type, big-endian.
_TYPES: dict[int, np.dtype] = {
    0x08: np.dtype(np.uint8),
    0x09: np.dtype(np.int8),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
_CODES = {dtype: code for code, dtype in _TYPES.items()}


class IDXError(EngineError):
    """An IDX file that cannot be used, with a message that says what is wrong."""


def read_idx(path: str | os.PathLike[str], limit: int = MAX_CELLS) -> np.ndarray:
    """Read the IDX file at ``path`` (gzipped or not).

    Parameters
    ----------
    path
        The file; a special file (pipe, device, folder) is refused before reading.
    limit
        The most values accepted.

    Returns
    -------
    numpy.ndarray
        The values in the file's shape, in native byte order (uint8 for MNIST).

    Raises
    ------
    IDXError
        If the file cannot be read or is not a valid IDX file within ``limit``.
    """
    path = Path(path)
    raw = read_limited(path, _MAX_FILE, IDXError)
    if raw[:2] == b"\x1f\x8b":  # gzip's magic number: whatever the file is called
        raw = _inflate(raw, path.name, limit)
    return parse_idx(raw, path.name, limit)


def parse_idx(raw: bytes, name: str = "idx", limit: int = MAX_CELLS) -> np.ndarray:
    """Parse the bytes of an (uncompressed) IDX file; see :func:`read_idx`."""
    dtype, shape = _header(raw, name, limit)
    start = 4 + 4 * len(shape)
    expected = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    if len(raw) - start != expected:
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{name}: the header promises {shape} values ({expected:,} bytes) but the "
                "file holds {actual:,} bytes after the header",
            ),
            name=name,
            shape=" × ".join(f"{n:,}" for n in shape),
            expected=expected,
            actual=len(raw) - start,
        )
    values = np.frombuffer(raw, dtype=dtype, offset=start).reshape(shape)
    out = values.astype(dtype.newbyteorder("="), copy=True)  # native order, writable
    if out.dtype.kind == "f" and not np.isfinite(out).all():
        raise IDXError(
            QT_TRANSLATE_NOOP("EngineErrors", "{name}: the file holds NaN or infinite values"),
            name=name,
        )
    return out


def _header(raw: bytes, name: str, limit: int) -> tuple[np.dtype, tuple[int, ...]]:
    """The value type and shape the header declares, checked."""
    if len(raw) < 4 or raw[:2] != b"\x00\x00":
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{name}: not an IDX file (it should start with two zero bytes, a type "
                "and the number of dimensions)",
            ),
            name=name,
        )
    code, ndim = raw[2], raw[3]
    if code not in _TYPES:
        raise IDXError(
            QT_TRANSLATE_NOOP("EngineErrors", "{name}: unknown IDX value type 0x{code:02X}"),
            name=name,
            code=code,
        )
    if not 1 <= ndim <= 4:
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "{name}: {ndim} dimensions; an IDX data set has 1 to 4"
            ),
            name=name,
            ndim=ndim,
        )
    if len(raw) < 4 + 4 * ndim:
        raise IDXError(
            QT_TRANSLATE_NOOP("EngineErrors", "{name}: the file ends inside its header"),
            name=name,
        )
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    cells = 1
    for n in shape:
        cells *= n  # Python integers: a lying header cannot overflow the check
    if 0 in shape or cells > limit:
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{name}: the header declares {shape} values; at least 1 and at most "
                "{limit:,} are accepted",
            ),
            name=name,
            shape=" × ".join(f"{n:,}" for n in shape),
            limit=limit,
        )
    return _TYPES[code], shape


def _inflate(raw: bytes, name: str, limit: int) -> bytes:
    """Decompress gzip data, never past the size its own IDX header promises (plus one
    byte, to tell a longer file)."""
    stream = zlib.decompressobj(zlib.MAX_WBITS | 16)  # the gzip wrapper
    pending = raw

    def more(count: int) -> bytes:
        nonlocal pending
        chunk = stream.decompress(pending, count)
        pending = stream.unconsumed_tail
        return chunk

    try:
        out = bytearray()
        need = 4
        while len(out) < need:
            chunk = more(need - len(out))
            if not chunk:
                break
            out += chunk
            if len(out) == 4 and need == 4 and 1 <= out[3] <= 4:
                need = 4 + 4 * out[3]  # now the sizes of the dimensions
        dtype, shape = _header(bytes(out), name, limit)
        total = need + int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
        while len(out) <= total:
            chunk = more(min(total + 1 - len(out), 1 << 24))
            if not chunk:
                break
            out += chunk
    except zlib.error as exc:
        raise IDXError(
            QT_TRANSLATE_NOOP("EngineErrors", "{name}: damaged gzip data ({reason})"),
            name=name,
            reason=str(exc),
        ) from None
    return bytes(out)


def write_idx(path: str | os.PathLike[str], values: np.ndarray) -> None:
    """Write ``values`` (1 to 4 dimensions, an IDX type) as an IDX file, gzipped when
    ``path`` ends in ``.gz`` (with no time stamp: the same values, the same bytes)."""
    values = np.asarray(values)
    big = values.dtype.newbyteorder(">") if values.dtype.itemsize > 1 else values.dtype
    if big not in _CODES or not 1 <= values.ndim <= 4:
        raise ValueError(f"IDX holds 1 to 4 dimensions of {list(_TYPES.values())}")
    header = bytes([0, 0, _CODES[big], values.ndim])
    header += b"".join(int(n).to_bytes(4, "big") for n in values.shape)
    data = header + values.astype(big).tobytes()
    if str(path).endswith(".gz"):
        data = gzip.compress(data, compresslevel=9, mtime=0)
    write_atomic(path, data)
