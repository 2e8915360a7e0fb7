"""The "Get the full MNIST" dialog: the four files, MB done of MB total, MB/s, Cancel.

The download itself is :func:`neurongui.downloads.download_files` (no Qt), run in a
worker thread by :class:`~neurongui.dialogs.progress.TaskDialog`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QWidget

from neurongui.datafolders import mnist_folder
from neurongui.dialogs.progress import TaskDialog
from neurongui.downloads import (
    MNIST_FILES,
    MNIST_MIRRORS,
    DownloadCancelled,
    Progress,
    RemoteFile,
    download_files,
)
from neurongui.i18n import fill

__all__ = ["DownloadDialog"]

_MB = 1_000_000


class DownloadDialog(TaskDialog):
    """Downloads ``files`` into ``folder`` (default: the MNIST folder) with progress.

    Parameters
    ----------
    parent
        The window.
    folder
        Where the files go; default :func:`neurongui.datafolders.mnist_folder`.
    files, mirrors
        What to fetch and from where (default MNIST's files, and the mirrors named in
        ``NEURONGUI_MNIST_MIRRORS``, separated by spaces, or else MNIST's public ones).
    timeout
        Seconds to wait for a connection or the next chunk.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        folder: str | os.PathLike[str] | None = None,
        files: Sequence[RemoteFile] = MNIST_FILES,
        mirrors: Sequence[str] | None = None,
        timeout: float = 30.0,
    ):
        self.folder = Path(folder) if folder is not None else mnist_folder()
        if mirrors is None:  # a classroom's own mirror first, if it has one
            mirrors = os.environ.get("NEURONGUI_MNIST_MIRRORS", "").split() or MNIST_MIRRORS
        total = sum(f.size for f in files)
        self._heading = fill(self.tr("Downloading MNIST: %1 files, %2 MB"), len(files), _mb(total))

        def work(report, cancelled):
            return download_files(
                self.folder, files, mirrors, progress=report, cancelled=cancelled, timeout=timeout
            )

        super().__init__(
            parent,
            self.tr("Get the full MNIST"),
            self._heading + "\n" + self.tr("Connecting…") + "\n",
            work,
            self._describe,
            (DownloadCancelled,),
        )
        self.setObjectName("downloadDialog")

    def _describe(self, value: object) -> tuple[float, str]:
        assert isinstance(value, Progress)
        lines = (
            self._heading,
            fill(self.tr("File %1 of %2: %3"), value.index + 1, value.count, value.name),
            fill(
                self.tr("%1 of %2 MB · %3 MB/s"),
                _mb(value.done),
                _mb(value.total),
                _mb(value.speed),
            ),
        )
        return value.done / value.total if value.total else 0.0, "\n".join(lines)


def _mb(size: float) -> str:
    return f"{size / _MB:.1f}"
