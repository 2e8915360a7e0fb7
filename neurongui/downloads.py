"""Download files of known size and SHA-256 into a cache folder (no Qt, stdlib only).

The full MNIST is four gzipped IDX files. :func:`download_files` fetches each one
from the first mirror that delivers it, in chunks, reporting progress and checking a
cancel flag between chunks. A file is written to a temporary file in the cache
folder (named ``.<target>.<random>.tmp``, like :mod:`neurongui.engine.safeio`'s) and
moved into place only once its size and SHA-256 match: a truncated or altered
download never lands in the cache.

Proxies come from the environment (``https_proxy`` …) as :mod:`urllib.request` reads
them. Every failure raises :class:`DownloadError` with a message the interface
translates (offline, proxy, HTTP status, timeout, checksum, truncated, disk).

The engine does no network I/O; this module lives beside it, and the Qt dialog
(:mod:`neurongui.dialogs.download_dialog`) runs it in a worker thread.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import socket
import ssl
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from neurongui import __version__
from neurongui.engine.errors import QT_TRANSLATE_NOOP, EngineError, Message, os_reason
from neurongui.engine.safeio import remove_stale_temps

__all__ = [
    "MNIST_FILES",
    "MNIST_MIRRORS",
    "DownloadCancelled",
    "DownloadError",
    "Progress",
    "RemoteFile",
    "download_files",
    "is_cached",
]


@dataclass(frozen=True)
class RemoteFile:
    """A file to download: its name on the mirrors, its size in bytes and its SHA-256."""

    name: str
    size: int
    sha256: str


# Sizes and SHA-256 as TensorFlow Datasets records them in
# tensorflow/datasets: tensorflow_datasets/url_checksums/mnist.txt (commit 31f1255e);
# the same four hashes are in torchvision's and other projects' MNIST downloaders.
MNIST_FILES = (
    RemoteFile(
        "train-images-idx3-ubyte.gz",
        9_912_422,
        "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
    ),
    RemoteFile(
        "train-labels-idx1-ubyte.gz",
        28_881,
        "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
    ),
    RemoteFile(
        "t10k-images-idx3-ubyte.gz",
        1_648_877,
        "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
    ),
    RemoteFile(
        "t10k-labels-idx1-ubyte.gz",
        4_542,
        "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
    ),
)
#: Tried in order (yann.lecun.com itself now refuses most downloads).
MNIST_MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
)

_CHUNK = 64 * 1024


class DownloadError(EngineError):
    """A download that failed, with a message saying why in words a student can act on."""


class DownloadCancelled(Exception):
    """The student cancelled; nothing of the unfinished file was kept."""


@dataclass(frozen=True)
class Progress:
    """How far a download is.

    Attributes
    ----------
    index, count
        The file being fetched (0-based) and how many files there are.
    name
        Its name.
    done, total
        Bytes received of all the files, and the sum of their sizes.
    speed
        Bytes per second since the current file started.
    """

    index: int
    count: int
    name: str
    done: int
    total: int
    speed: float


def is_cached(folder: str | os.PathLike[str], files: Sequence[RemoteFile] = MNIST_FILES) -> bool:
    """True if every file is in ``folder`` with its size (only checked files get there)."""
    folder = Path(folder)
    try:
        return all((folder / f.name).stat().st_size == f.size for f in files)
    except OSError:
        return False


def download_files(
    folder: str | os.PathLike[str],
    files: Sequence[RemoteFile] = MNIST_FILES,
    mirrors: Sequence[str] = MNIST_MIRRORS,
    *,
    progress: Callable[[Progress], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
    timeout: float = 30.0,
    label: str = "MNIST",
) -> list[Path]:
    """Download ``files`` into ``folder``, each from the first mirror that delivers it.

    Files already in the folder with the right size and SHA-256 are kept.

    Parameters
    ----------
    folder
        The cache folder (created if missing).
    files
        What to fetch.
    mirrors
        Base URLs ending in ``/``, tried in order for each file.
    progress
        Called after every chunk with a :class:`Progress`.
    cancelled
        Polled between chunks; when it returns True the download stops.
    timeout
        Seconds to wait for a connection or for the next chunk.
    label
        The dataset's name for the checksum message ("not MNIST's").

    Returns
    -------
    list of Path
        The files in the cache, in the order of ``files``.

    Raises
    ------
    DownloadError
        Offline, proxy refused, an HTTP error, a timeout, a file that is not the
        expected one (size or SHA-256), or a cache folder that cannot be written.
    DownloadCancelled
        If ``cancelled()`` turned True; the unfinished file is removed.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _disk_error(folder, exc) from None
    job = _Job(files, progress, cancelled or (lambda: False), timeout, label)
    paths = []
    for index, remote in enumerate(files):
        target = folder / remote.name
        if not _verified(target, remote):
            last: DownloadError | None = None
            for mirror in mirrors:
                try:
                    job.fetch(index, mirror + remote.name, target, remote)
                    break
                except DownloadError as exc:
                    if exc.template == _DISK:  # another mirror will not help
                        raise
                    last = exc
            else:
                raise last or DownloadError(QT_TRANSLATE_NOOP("EngineErrors", "no mirror to try"))
        job.finished(index)
        paths.append(target)
    return paths


def _verified(path: Path, remote: RemoteFile) -> bool:
    try:
        if path.stat().st_size != remote.size:
            return False
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return False
    return digest.hexdigest() == remote.sha256


class _Job:
    """The state shared by the files of one download: sizes, callbacks, the opener."""

    def __init__(self, files, progress, cancelled, timeout, label):
        self.sizes = [f.size for f in files]
        self.progress, self.cancelled = progress, cancelled
        self.timeout, self.label = timeout, label
        self.names = [f.name for f in files]
        # build_opener() includes the ProxyHandler that reads the environment's proxies.
        self.opener = urllib.request.build_opener()

    def report(self, index: int, done: int, speed: float) -> None:
        if self.progress is not None:
            before = sum(self.sizes[:index])
            self.progress(
                Progress(
                    index, len(self.sizes), self.names[index], before + done, sum(self.sizes), speed
                )
            )

    def finished(self, index: int) -> None:
        self.report(index, self.sizes[index], 0.0)

    def fetch(self, index: int, url: str, target: Path, remote: RemoteFile) -> None:
        """Download ``url`` to ``target`` through a checked temporary file."""
        if self.cancelled():
            raise DownloadCancelled
        host = urlsplit(url).hostname or url
        request = urllib.request.Request(url, headers={"User-Agent": f"NeuronGUI/{__version__}"})
        try:
            response = self.opener.open(request, timeout=self.timeout)
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            raise _network_error(exc, host, self.timeout) from None
        with response:
            length = response.headers.get("Content-Length")
            if length is not None and length.isdigit() and int(length) != remote.size:
                raise DownloadError(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors",
                        "{name}: the server offers {size:,} bytes, but {label}'s file has "
                        "{expected:,}; it is not the right file",
                    ),
                    name=remote.name,
                    size=int(length),
                    expected=remote.size,
                    label=self.label,
                )
            self._receive(index, response, host, target, remote)

    def _receive(self, index, response, host: str, target: Path, remote: RemoteFile) -> None:
        folder = target.parent
        remove_stale_temps(target)
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise _disk_error(folder, exc) from None
        try:
            with os.fdopen(fd, "wb") as out:
                digest = hashlib.sha256()
                done, start = 0, time.monotonic()
                while True:
                    if self.cancelled():
                        raise DownloadCancelled
                    try:
                        # One byte more than expected shows a file that is too long.
                        chunk = response.read(min(_CHUNK, remote.size + 1 - done))
                    except http.client.IncompleteRead:
                        chunk = b""  # the server closed before its Content-Length
                    except (OSError, http.client.HTTPException) as exc:
                        raise _network_error(exc, host, self.timeout) from None
                    if not chunk:
                        break
                    done += len(chunk)
                    if done > remote.size:
                        break
                    digest.update(chunk)
                    try:
                        out.write(chunk)
                    except OSError as exc:
                        raise _disk_error(folder, exc) from None
                    elapsed = time.monotonic() - start
                    self.report(index, done, done / elapsed if elapsed > 0 else 0.0)
                if done < remote.size:
                    raise DownloadError(
                        QT_TRANSLATE_NOOP(
                            "EngineErrors",
                            "{name}: the download stopped after {done:,} of {size:,} bytes "
                            "(the connection was cut)",
                        ),
                        name=remote.name,
                        done=done,
                        size=remote.size,
                    )
                if done > remote.size:
                    raise DownloadError(
                        QT_TRANSLATE_NOOP(
                            "EngineErrors",
                            "{name}: more than {size:,} bytes arrived; it is not {label}'s file",
                        ),
                        name=remote.name,
                        size=remote.size,
                        label=self.label,
                    )
                if digest.hexdigest() != remote.sha256:
                    raise DownloadError(
                        QT_TRANSLATE_NOOP(
                            "EngineErrors",
                            "{name}: the file that arrived is not {label}'s: its SHA-256 is "
                            "{actual}, {label}'s is {expected}",
                        ),
                        name=remote.name,
                        label=self.label,
                        actual=digest.hexdigest(),
                        expected=remote.sha256,
                    )
                try:
                    out.flush()
                    os.fsync(out.fileno())
                except OSError as exc:
                    raise _disk_error(folder, exc) from None
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise _disk_error(folder, exc) from None
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise


_DISK = QT_TRANSLATE_NOOP("EngineErrors", "cannot write into the data folder {folder} ({reason})")


def _disk_error(folder: Path, exc: OSError) -> DownloadError:
    return DownloadError(_DISK, folder=str(folder), reason=os_reason(exc))


def _network_error(exc: BaseException, host: str, timeout: float) -> DownloadError:
    """What went wrong on the network, in words a student can act on."""
    if isinstance(exc, urllib.error.HTTPError):
        if exc.code == 407:
            return DownloadError(_PROXY)
        known = _HTTP_REASONS.get(exc.code // 100 * 100 if exc.code >= 500 else exc.code)
        return DownloadError(
            QT_TRANSLATE_NOOP("EngineErrors", "{host} answered HTTP {code} ({reason})"),
            host=host,
            code=exc.code,
            reason=Message(known) if known else str(exc.reason or ""),
        )
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    text = str(reason)
    if isinstance(reason, socket.gaierror):
        return DownloadError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "cannot find {host}: the name is not known (is this computer offline?)",
            ),
            host=host,
        )
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in text:
        return DownloadError(
            QT_TRANSLATE_NOOP("EngineErrors", "{host} did not answer within {seconds:g} seconds"),
            host=host,
            seconds=timeout,
        )
    if "407" in text or "Tunnel connection failed" in text:
        return DownloadError(_PROXY)
    if isinstance(reason, ConnectionRefusedError):
        return DownloadError(
            QT_TRANSLATE_NOOP("EngineErrors", "{host} refused the connection"), host=host
        )
    if isinstance(reason, ssl.SSLError):
        return DownloadError(
            QT_TRANSLATE_NOOP("EngineErrors", "no secure connection to {host} ({reason})"),
            host=host,
            reason=text,
        )
    return DownloadError(
        QT_TRANSLATE_NOOP("EngineErrors", "cannot download from {host} ({reason})"),
        host=host,
        reason=text or type(reason).__name__,
    )


#: What common HTTP statuses mean for the student (5xx: any server error).
_HTTP_REASONS = {
    403: QT_TRANSLATE_NOOP("EngineErrors", "access refused"),
    404: QT_TRANSLATE_NOOP("EngineErrors", "the file is not there"),
    500: QT_TRANSLATE_NOOP("EngineErrors", "a problem on the server; try again later"),
}

_PROXY = QT_TRANSLATE_NOOP(
    "EngineErrors",
    "the proxy refused the connection (407: it asks for a user name and password; "
    "set them in the https_proxy variable or ask the network's administrator)",
)
