"""The IDX file format of MNIST (and Fashion-MNIST, KMNIST, …): read and write.

An IDX file is a header and a body. The header: two zero bytes, a type code (0x08
for unsigned bytes, the type of MNIST's pixels and labels), the number of
dimensions, then each dimension as a 4-byte big-endian count. The body: the values,
big-endian, row after row. MNIST's images are ``(60000, 28, 28)`` bytes, its labels
``(60000,)`` bytes; the files are usually gzip-compressed (``….gz``).

A file comes from the user or from the internet, so nothing in it is trusted: the
header is checked (magic, type code, 1 to 4 dimensions, each at least 1, at most
:data:`MAX_BYTES` of values) *before* anything is allocated, the body must hold
exactly the bytes the header promises, and a compressed file is never inflated
beyond that (a small file that inflates to gigabytes, a "gzip bomb", costs nothing).
Every refusal is an :class:`IDXError` that says what is wrong, with the numbers.
"""

from __future__ import annotations

import gzip
import math
import os
import zlib
from pathlib import Path
from typing import NoReturn

import numpy as np

from .errors import QT_TRANSLATE_NOOP, EngineError, Message
from .safeio import read_limited, write_atomic

__all__ = ["DTYPES", "MAX_BYTES", "IDXError", "parse_idx", "read_idx", "write_idx"]

#: The most bytes of values a file may declare (512 MB: full MNIST is 47 MB).
MAX_BYTES = 512 * 1024 * 1024

#: IDX type code → the big-endian NumPy type of its values.
DTYPES: dict[int, np.dtype] = {
    0x08: np.dtype(">u1"),
    0x09: np.dtype(">i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
_CODES = {dtype.newbyteorder("="): code for code, dtype in DTYPES.items()}
_GZIP_MAGIC = b"\x1f\x8b"


class IDXError(EngineError):
    """An IDX file that cannot be used, with a message saying what is wrong."""


def read_idx(path: str | os.PathLike[str], *, limit: int = MAX_BYTES) -> np.ndarray:
    """Read the IDX file at ``path``, raw or gzip-compressed.

    Compression is recognised by the file's first bytes (gzip's magic number), not
    by its name.

    Parameters
    ----------
    path
        The file.
    limit
        Most bytes of values accepted (the header's promise is checked against it
        before anything is read into an array).

    Returns
    -------
    numpy.ndarray
        A new array of the header's shape in native byte order (uint8 for MNIST).

    Raises
    ------
    IDXError
        If the file is missing, not a regular file, damaged, too large, or its
        header and body disagree.
    """
    path = Path(path)
    name = path.name or str(path)
    # gzip stores incompressible data a little larger than it is (5 bytes in 16 KB).
    bound = limit + limit // 256 + 4096
    try:
        raw = read_limited(path, bound, IDXError)
    except IDXError as exc:
        if "limit" not in exc.values:  # missing, a folder, a pipe, unreadable
            raise
        # Too big to read: the header (its first bytes) says why, in the file's terms.
        _explain_too_big(path, name, limit)
        raise
    if raw[:2] == _GZIP_MAGIC:
        return _parse_gzip(raw, name, limit)
    return parse_idx(raw, name, limit=limit)


def _explain_too_big(path: Path, name: str, limit: int) -> None:
    """Raise the header's own complaint about a file too big to read, if it has one."""
    try:
        # read_limited has checked that this is a regular file: reading cannot block.
        with open(path, "rb") as handle:
            start = handle.read(1 << 16)
    except OSError:
        return
    if start[:2] == _GZIP_MAGIC:
        inflater = _Inflater(start, name, complete=False)
        start = bytes(inflater.read(4 + 4 * 4))
    dtype, shape, size = _header(start, name, limit)  # raises for a promise over the limit
    raise IDXError(_size_mismatch(name, dtype, shape, size, None))


def parse_idx(raw: bytes, name: str = "idx", *, limit: int = MAX_BYTES) -> np.ndarray:
    """Parse the bytes of an (uncompressed) IDX file; see :func:`read_idx`.

    Parameters
    ----------
    raw
        The whole file.
    name
        The file's name, for messages.
    limit
        Most bytes of values accepted.

    Raises
    ------
    IDXError
        As :func:`read_idx`.
    """
    dtype, shape, size = _header(raw, name, limit)
    start = 4 + 4 * len(shape)
    if len(raw) - start != size:
        raise IDXError(_size_mismatch(name, dtype, shape, size, len(raw) - start))
    return _array(memoryview(raw)[start:], dtype, shape)


def write_idx(path: str | os.PathLike[str], array: np.ndarray) -> None:
    """Write ``array`` as an IDX file, gzip-compressed when the name ends with ``.gz``.

    The compressed bytes do not depend on the time (gzip's date field is 0), so the
    same array always gives the same file.

    Raises
    ------
    ValueError
        If the array has no IDX type or not 1 to 4 dimensions (a caller's mistake).
    OSError
        If the file cannot be written.
    """
    array = np.asarray(array)
    code = _CODES.get(array.dtype.newbyteorder("="))
    if code is None or not 1 <= array.ndim <= 4:
        raise ValueError(f"no IDX file for a {array.ndim}-D array of {array.dtype}")
    header = bytes([0, 0, code, array.ndim]) + b"".join(
        int(n).to_bytes(4, "big") for n in array.shape
    )
    data = header + np.ascontiguousarray(array, dtype=DTYPES[code]).tobytes()
    if str(path).endswith(".gz"):
        data = gzip.compress(data, compresslevel=9, mtime=0)
    write_atomic(path, data)


# -- the header ------------------------------------------------------------------------


def _header(head: bytes, name: str, limit: int) -> tuple[np.dtype, tuple[int, ...], int]:
    """Check the header at the start of ``head``; return (dtype, shape, body bytes)."""
    if len(head) < 4:
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "{name}: {size} bytes is too short for an IDX file's header"
            ),
            name=name,
            size=len(head),
        )
    if head[:2] != b"\0\0":
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{name}: not an IDX file (it starts with the bytes {start}, not 00 00)",
            ),
            name=name,
            start=head[:4].hex(" ").upper(),
        )
    code, ndim = head[2], head[3]
    dtype = DTYPES.get(code)
    if dtype is None:
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{name}: unknown IDX value type 0x{code:02X} "
                "(0x08 bytes, 0x09, 0x0B, 0x0C whole numbers, 0x0D, 0x0E decimals)",
            ),
            name=name,
            code=code,
        )
    if not 1 <= ndim <= 4:
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "{name}: the header declares {count} dimensions; 1 to 4 are read"
            ),
            name=name,
            count=ndim,
        )
    if len(head) < 4 + 4 * ndim:
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{name}: the header is cut short ({size} bytes, {count} dimensions need {need})",
            ),
            name=name,
            size=len(head),
            count=ndim,
            need=4 + 4 * ndim,
        )
    shape = tuple(int.from_bytes(head[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    if 0 in shape:
        # An empty set teaches nothing and its other dimensions cannot be checked.
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "{name}: dimension {index} is 0; the file holds no values"
            ),
            name=name,
            index=shape.index(0) + 1,
        )
    size = math.prod(shape) * dtype.itemsize  # Python integers: no overflow
    if size > limit:
        raise IDXError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{name}: the header promises {what} = {size:,} bytes, "
                "more than the limit of {limit:,} bytes",
            ),
            name=name,
            what=_what(shape),
            size=size,
            limit=limit,
        )
    return dtype, shape, size


def _what(shape: tuple[int, ...]) -> Message:
    """60,000 images of 28×28; 60,000 labels; values of shape 5×2×3×4."""
    if len(shape) == 1:
        return Message(QT_TRANSLATE_NOOP("EngineErrors", "{count:,} labels"), count=shape[0])
    if len(shape) == 3:
        return Message(
            QT_TRANSLATE_NOOP("EngineErrors", "{count:,} images of {rows}×{cols}"),
            count=shape[0],
            rows=shape[1],
            cols=shape[2],
        )
    return Message(
        QT_TRANSLATE_NOOP("EngineErrors", "values of shape {shape}"),
        shape="×".join(f"{n:,}" for n in shape),
    )


def _size_mismatch(
    name: str, dtype: np.dtype, shape: tuple[int, ...], size: int, actual: int | None
) -> Message:
    if actual is None:  # a compressed body that goes on: how far is not worth inflating
        return Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{name}: the header promises {what} = {size:,} bytes but the file holds more",
            ),
            name=name,
            what=_what(shape),
            size=size,
        )
    return Message(
        QT_TRANSLATE_NOOP(
            "EngineErrors",
            "{name}: the header promises {what} = {size:,} bytes but the file holds {actual:,}",
        ),
        name=name,
        what=_what(shape),
        size=size,
        actual=actual,
    )


def _array(
    body: bytes | bytearray | memoryview, dtype: np.dtype, shape: tuple[int, ...]
) -> np.ndarray:
    """A writable array in native byte order that keeps nothing else of the file alive."""
    if isinstance(body, bytearray) and dtype.itemsize == 1:
        return np.frombuffer(body, dtype=dtype.newbyteorder("=")).reshape(shape)  # no copy
    return np.frombuffer(body, dtype=dtype).reshape(shape).astype(dtype.newbyteorder("="))


# -- gzip, inflated no further than the header promises ----------------------------------


def _parse_gzip(raw: bytes, name: str, limit: int) -> np.ndarray:
    inflater = _Inflater(raw, name)
    head = inflater.read(4)
    if len(head) == 4 and head[:2] == b"\0\0" and 1 <= head[3] <= 4:
        head += inflater.read(4 * head[3])
    dtype, shape, size = _header(bytes(head), name, limit)
    body = inflater.read(size + 1)  # one byte more tells a longer body from an exact one
    if len(body) != size:
        actual = None if len(body) > size else len(body)
        raise IDXError(_size_mismatch(name, dtype, shape, size, actual))
    return _array(body, dtype, shape)


class _Inflater:
    """Inflates gzip members (one or several, as ``cat a.gz b.gz``) a bounded amount."""

    def __init__(self, raw: bytes, name: str, complete: bool = True) -> None:
        self.name = name
        self.complete = complete  # False for the first bytes of a file: no "cut short"
        self.data = raw
        self.member = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def read(self, n: int) -> bytearray:
        """Up to ``n`` more bytes (fewer only at the end of the data)."""
        out = bytearray()
        while len(out) < n:
            if self.member.eof:
                rest = self.member.unused_data
                if not any(rest):  # the end, or gzip's zero padding
                    break
                self.member = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self.data = rest
            try:
                # max_length bounds what one call inflates: never more than asked for.
                chunk = self.member.decompress(self.data, n - len(out))
            except zlib.error as exc:
                self._damaged(str(exc))
            self.data = self.member.unconsumed_tail
            if not chunk and not self.data and not self.member.eof:
                if not self.complete:
                    break
                # All the input is in, nothing more comes out, and the member never ended.
                self._damaged(Message(QT_TRANSLATE_NOOP("EngineErrors", "it is cut short")))
            out += chunk
        return out

    def _damaged(self, reason: str | Message) -> NoReturn:
        raise IDXError(
            QT_TRANSLATE_NOOP("EngineErrors", "{name}: the compressed data is damaged ({reason})"),
            name=self.name,
            reason=reason,
        )
