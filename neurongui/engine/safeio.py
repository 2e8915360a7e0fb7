"""Reading and writing user files safely: only regular files, bounded reads, atomic writes.

A path the user (or a document) names may be a named pipe, a device such as
``/dev/zero`` or a folder. Opening a pipe blocks until someone writes to it and
reading a device may never end, so :func:`read_limited` refuses anything that is not
a regular file *before* reading a byte, and never reads more than its limit.

:func:`write_atomic` writes a temporary file beside the target and renames it over
the target. A process killed mid-write leaves that temporary behind; temporaries are
named ``.<target>.<random>.tmp`` so that :func:`remove_stale_temps` can recognise
(and remove) exactly ours, and nothing else.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import time
from pathlib import Path
from typing import BinaryIO

from .errors import QT_TRANSLATE_NOOP, EngineError, Message, os_reason

__all__ = [
    "STALE_TEMP_SECONDS",
    "copy_atomic",
    "open_regular",
    "read_limited",
    "remove_stale_temps",
    "write_atomic",
]

#: A temporary file younger than this may belong to a save still under way (another
#: window, another instance); only older ones are removed.
STALE_TEMP_SECONDS = 10.0

_READ_CHUNK = 1 << 20
_KINDS = (
    (stat.S_ISDIR, QT_TRANSLATE_NOOP("EngineErrors", "a folder")),
    (stat.S_ISFIFO, QT_TRANSLATE_NOOP("EngineErrors", "a named pipe")),
    (stat.S_ISCHR, QT_TRANSLATE_NOOP("EngineErrors", "a device")),
    (stat.S_ISBLK, QT_TRANSLATE_NOOP("EngineErrors", "a device")),
    (stat.S_ISSOCK, QT_TRANSLATE_NOOP("EngineErrors", "a socket")),
)


def read_limited(path: str | os.PathLike[str], limit: int, error: type[EngineError]) -> bytes:
    """Return the bytes of the regular file ``path``, refusing special files and big files.

    Parameters
    ----------
    path
        The file to read.
    limit
        Most bytes accepted; a file that turns out longer (whatever its size said)
        is refused after reading ``limit + 1`` bytes.
    error
        The exception class to raise (e.g. ``NetworkFileError``, an
        :class:`~neurongui.engine.errors.EngineError`); it gets a message that starts
        with the file's name.

    Raises
    ------
    error
        If the file is missing, unreadable, not a regular file or larger than ``limit``.
    """
    name = Path(path).name or str(path)
    with open_regular(path, limit, error) as file:
        chunks, total = [], 0
        try:
            while total <= limit:  # pieces: a small file never costs limit + 1 bytes
                chunk = file.read(min(_READ_CHUNK, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        except OSError as exc:
            raise error(
                QT_TRANSLATE_NOOP("EngineErrors", "{name}: cannot read the file ({reason})"),
                name=name,
                reason=os_reason(exc),
            ) from None
    if total > limit:  # longer than its size said (a file still being written)
        raise error(_too_big(name, total, limit))
    return b"".join(chunks)


def open_regular(path: str | os.PathLike[str], limit: int, error: type[EngineError]) -> BinaryIO:
    """Open the regular file ``path`` for reading in binary, for files read in pieces.

    The checks of :func:`read_limited` (a regular file, at most ``limit`` bytes by its
    size) are made before anything is read; the caller reads and closes it.

    Raises
    ------
    error
        If the file is missing, unreadable, not a regular file or larger than ``limit``.
    """
    path = Path(path)
    name = path.name or str(path)
    try:
        # Check before opening (opening some devices has effects) and again on the open
        # descriptor, in case the path was swapped in between. O_NONBLOCK keeps open()
        # of a pipe without a writer from blocking.
        _check_regular(os.stat(path).st_mode, name, error)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            info = os.fstat(fd)
            _check_regular(info.st_mode, name, error)
            if info.st_size > limit:
                raise error(_too_big(name, info.st_size, limit))
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
            return os.fdopen(fd, "rb")
        except BaseException:
            os.close(fd)
            raise
    except OSError as exc:
        raise error(
            QT_TRANSLATE_NOOP("EngineErrors", "{name}: cannot read the file ({reason})"),
            name=name,
            reason=os_reason(exc),
        ) from None
    except ValueError as exc:  # a path with a NUL character in it
        if isinstance(exc, error):
            raise
        raise error(
            QT_TRANSLATE_NOOP("EngineErrors", "{name}: not a valid file name"), name=name
        ) from None


def _check_regular(mode: int, name: str, error: type[EngineError]) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next(
        (text for test, text in _KINDS if test(mode)),
        QT_TRANSLATE_NOOP("EngineErrors", "a special file"),
    )
    raise error(
        QT_TRANSLATE_NOOP("EngineErrors", "{name}: this is {kind}, not a file; it is not read"),
        name=name,
        kind=Message(kind),
    )


def _too_big(name: str, size: int, limit: int) -> Message:
    if limit >= 2**20:
        return Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "{name}: {size:.0f} MB is larger than the {limit} MB limit"
            ),
            name=name,
            size=size / 2**20,
            limit=limit // 2**20,
        )
    return Message(
        QT_TRANSLATE_NOOP(
            "EngineErrors", "{name}: {size:,} bytes is larger than the limit of {limit:,} bytes"
        ),
        name=name,
        size=size,
        limit=limit,
    )


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or new file, never half.

    Raises
    ------
    OSError
        If the file cannot be written; an existing file is then left untouched.
    """
    path = Path(path)
    remove_stale_temps(path)
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
        _unlink_quietly(tmp)
        raise


def copy_atomic(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
    """Copy ``src`` over ``dst`` through a temporary file (``dst`` is never half written).

    Raises
    ------
    OSError
        If the copy fails; ``dst`` is then left as it was.
    """
    dst = Path(dst)
    remove_stale_temps(dst)
    fd, tmp = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".tmp", dir=dst.parent)
    os.close(fd)
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dst)
    except BaseException:
        _unlink_quietly(tmp)
        raise


def remove_stale_temps(target: str | os.PathLike[str], min_age: float | None = None) -> int:
    """Remove temporaries of ``target`` left by a save that was killed; return how many.

    Only regular files named ``.<target name>.<random>.tmp`` in the target's folder and
    older than ``min_age`` seconds (default :data:`STALE_TEMP_SECONDS`) are removed;
    errors are ignored (the save itself will report a folder it cannot write).
    """
    target = Path(target)
    age = STALE_TEMP_SECONDS if min_age is None else min_age
    pattern = re.compile(re.escape(f".{target.name}.") + r"[A-Za-z0-9_]{6,16}\.tmp")
    removed = 0
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return 0
    now = time.time()
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime >= age:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
