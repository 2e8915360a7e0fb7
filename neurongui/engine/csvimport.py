"""Read a user's CSV file into a :class:`~neurongui.engine.datasets.Dataset`.

The file needs a header row and at least two columns. The target is the last
column unless another is named. A target column of text (or of a few whole
numbers) makes a classification; real numbers make a regression. Feature columns
must be numbers; they are standardised (mean 0, standard deviation 1) because
inputs in different units train poorly, and the mean and deviation are kept. A table
whose features are the pixels of square images (at least 16×16, every value a whole
number from 0 to 255, as in the MNIST CSVs) keeps them as uint8 images instead.

The file is read in pieces, row by row, straight into a float array (a full MNIST
CSV, 70,000 × 785 cells, needs little more memory than that array); a progress
callback hears the share of bytes read and a cancel callback can stop it.

Every problem raises :class:`CSVError` naming the row and column, as a spreadsheet
shows them (row 1 is the header).
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import numpy as np

from .datasets import Dataset, one_hot
from .errors import QT_TRANSLATE_NOOP, EngineError, Message, located
from .safeio import open_regular

__all__ = [
    "MAX_CELLS",
    "MAX_CLASSES",
    "MAX_MAGNITUDE",
    "CSVCancelled",
    "CSVError",
    "load_csv",
    "parse_csv",
]

#: Files with more cells than this are refused (60 million cells ≈ 480 MB as floats;
#: a full MNIST CSV has 70,000 × 785 = 54,950,000).
MAX_CELLS = 60_000_000
#: A text target with more distinct values than this is not a class label.
MAX_CLASSES = 100
_MAX_BYTES = 512 * 1024 * 1024
#: Numbers beyond ±1e150 are refused: their squares (in the mean and deviation that
#: standardise features, and in the square loss) would overflow to infinity.
MAX_MAGNITUDE = 1e150
#: Bytes decoded at a time (and how often progress is reported and cancel checked).
_CHUNK = 1 << 20
#: Rows standardised at a time (bounds the temporary arrays).
_BLOCK = 4096

Progress = Callable[[float], object]


class CSVError(EngineError):
    """A CSV file that cannot be used, with a message saying where and why."""


class CSVCancelled(Exception):
    """The import was cancelled; nothing was loaded."""


def load_csv(
    path: str | os.PathLike[str],
    target: str | int | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Dataset:
    """Read the CSV file at ``path``, in pieces; see :func:`parse_csv`.

    Parameters
    ----------
    progress
        Called with the share of the file read so far (0 to 1), about once a megabyte.
    cancelled
        Polled as often; when it returns True the import stops.

    Raises
    ------
    CSVError
        If the file cannot be read or is not a usable table.
    CSVCancelled
        If ``cancelled()`` turned True.
    """
    path = Path(path)
    # Never a pipe or a device (/dev/zero would be read until memory runs out).
    with open_regular(path, _MAX_BYTES, CSVError) as handle:
        size = os.fstat(handle.fileno()).st_size
        return _parse(handle, size, path.stem, target, progress, cancelled)


def parse_csv(
    raw: bytes | str,
    name: str = "csv",
    target: str | int | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Dataset:
    """Parse CSV text into a dataset.

    Parameters
    ----------
    raw
        The file's bytes (UTF-8, with or without a byte-order mark) or text.
    name
        Name of the dataset (the file name).
    target
        Name or index of the target column; default the last.
    progress, cancelled
        As for :func:`load_csv`.

    Raises
    ------
    CSVError
        Empty or binary file, fewer than two columns, ragged rows, a feature cell
        that is not a finite number, too many cells.
    CSVCancelled
        If ``cancelled()`` turned True.
    """
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    return _parse(io.BytesIO(data), len(data), name, target, progress, cancelled)


def _parse(
    handle: BinaryIO,
    size: int,
    name: str,
    target: str | int | None,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> Dataset:
    rows = _row_bound(handle, cancelled)
    lines = _lines(handle, size, progress, cancelled or (lambda: False))
    header, X, cells, t = _read_table(lines, rows, target)
    if progress is not None:
        progress(1.0)
    task, Y, classes = _targets(cells, header, t)
    features = tuple(header[i] for i in range(len(header)) if i != t)
    description = f"{len(X)} samples from {name}.csv"
    side = math.isqrt(X.shape[1])
    if side >= 16 and side * side == X.shape[1] and _pixels(X):
        # Pixels stay bytes, as MNIST's own files give them; the network sees X / 255.
        pixels = X.astype(np.uint8)
        del X
        return Dataset(
            name, pixels, Y, task, features, classes, description, image_shape=(side, side)
        )
    mean, std = _standardise(X)
    return Dataset(
        name, X, Y, task, features, classes, description, feature_mean=mean, feature_std=std
    )


def _row_bound(handle: BinaryIO, cancelled: Callable[[], bool] | None) -> int:
    """At most how many rows the file has (its line breaks + 1), read ahead and rewound.

    The float array is made that size once; growing it would copy it.
    """
    count = 1
    for chunk in iter(lambda: handle.read(_CHUNK), b""):
        if cancelled is not None and cancelled():
            raise CSVCancelled
        count += chunk.count(b"\n")
    handle.seek(0)
    return count


def _lines(
    handle: BinaryIO, size: int, progress: Progress | None, cancelled: Callable[[], bool]
) -> Iterator[str]:
    """The decoded lines of the file (each with its ``\\n``), read a chunk at a time."""
    head = handle.read(_CHUNK)
    if b"\x00" in head[:8192]:
        raise CSVError(QT_TRANSLATE_NOOP("EngineErrors", "this is a binary file, not a CSV table"))
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    offset, rest, chunk = 0, "", head
    while True:
        if cancelled():
            raise CSVCancelled
        pending = len(decoder.getstate()[0])
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise CSVError(
                QT_TRANSLATE_NOOP("EngineErrors", "the file is not UTF-8 text (byte {byte})"),
                byte=offset - pending + exc.start,
            ) from None
        offset += len(chunk)
        if progress is not None and size:
            progress(min(offset / size, 1.0) * 0.99)  # 1.0 once the table is built
        parts = (rest + text).split("\n")
        rest = parts.pop()
        for part in parts:
            yield part + "\n"
        if not chunk:
            break
        chunk = handle.read(_CHUNK)
    if rest:
        yield rest


class _Sniffed:
    """The lines with the first ones held back until the dialect is sniffed from them."""

    def __init__(self, lines: Iterator[str]):
        self.head: list[str] = []
        size = 0
        for line in lines:
            self.head.append(line)
            size += len(line)
            if size >= 4096:
                break
        self.rest = lines
        text = "".join(self.head)
        if not text.strip():
            self.head = []
        try:
            self.dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
                text[:4096], delimiters=",;\t"
            )
        except csv.Error:
            self.dialect = csv.excel

    def __iter__(self) -> Iterator[str]:
        yield from self.head
        yield from self.rest


def _read_table(
    lines: Iterator[str], capacity: int, target: str | int | None
) -> tuple[list[str], np.ndarray, list[str], int]:
    """The header, the features as floats (rows × features), the target cells and the
    target's column."""
    sniffed = _Sniffed(lines)
    reader = csv.reader(sniffed, sniffed.dialect)
    header: list[str] | None = None
    X = np.empty((0, 0))
    targets: list[str] = []
    t, n, cells, width = 0, 0, 0, 0
    try:
        for line_no, row in enumerate(reader, start=1):
            if not any(cell.strip() for cell in row):
                continue  # blank lines are harmless
            if header is None:
                header = [cell.strip() or f"column {i + 1}" for i, cell in enumerate(row)]
                if len(header) < 2:
                    raise CSVError(
                        QT_TRANSLATE_NOOP(
                            "EngineErrors",
                            "row {row}: the table needs at least two columns (inputs, target)",
                        ),
                        row=line_no,
                    )
                width = len(header)
                t = _target_index(header, target)
                X = np.empty((capacity, width - 1))
                continue
            if len(row) != width:
                raise CSVError(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors",
                        "row {row}: {count} cells, but the header has {columns} columns",
                    ),
                    row=line_no,
                    count=len(row),
                    columns=width,
                )
            cells += width
            if cells > MAX_CELLS:
                raise CSVError(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors", "row {row}: more than {limit:,} cells; the table is too big"
                    ),
                    row=line_no,
                    limit=MAX_CELLS,
                )
            targets.append(row[t].strip())
            _store(X, n, row, t, line_no, header)
            n += 1
    except csv.Error as exc:
        raise CSVError(located(_row(reader.line_num), _csv_reason(str(exc)))) from None
    if header is None or not n:
        if header:
            raise CSVError(
                QT_TRANSLATE_NOOP("EngineErrors", "the table has a header but no data rows")
            )
        raise CSVError(QT_TRANSLATE_NOOP("EngineErrors", "the file is empty"))
    return header, (X[:n] if n > capacity // 2 else X[:n].copy()), targets, t


def _store(X: np.ndarray, n: int, row: list[str], t: int, line_no: int, header: list[str]) -> None:
    """Row ``n`` of X from the cells of ``row`` without column ``t``; a cell that is not a
    finite number within ±1e150 is reported as :func:`_number` words it."""
    values = row[:t] + row[t + 1 :] if t < len(row) - 1 else row[:t]
    try:
        X[n] = values  # NumPy reads each text as float() does
        biggest = np.abs(X[n]).max()  # NaN if any cell is NaN
    except ValueError:
        biggest = math.nan
    if not biggest <= MAX_MAGNITUDE:
        for j, c in enumerate(i for i in range(len(row)) if i != t):
            X[n, j] = _number(row[c].strip(), line_no, c, header)


def _pixels(X: np.ndarray) -> bool:
    """True if every value is a whole number from 0 to 255 (checked a block at a time)."""
    for start in range(0, len(X), _BLOCK):
        block = X[start : start + _BLOCK]
        if block.min() < 0 or block.max() > 255 or not np.array_equal(block, np.round(block)):
            return False
    return True


def _standardise(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Standardise X in place, a block of rows at a time (no second full-size array);
    return the columns' means and deviations."""
    mean = X.mean(axis=0)
    square = np.zeros(X.shape[1])
    for start in range(0, len(X), _BLOCK):
        square += ((X[start : start + _BLOCK] - mean) ** 2).sum(axis=0)
    std = np.sqrt(square / len(X))
    std = np.where(std > 0, std, 1.0)
    for start in range(0, len(X), _BLOCK):
        block = X[start : start + _BLOCK]
        block -= mean
        block /= std
    if not np.isfinite(X).all():  # cannot happen within MAX_MAGNITUDE; never NaN inputs
        raise CSVError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "the feature columns cannot be standardised (the numbers are too large)",
            )
        )
    return mean, std


def _target_index(header: list[str], target: str | int | None) -> int:
    if target is None:
        return len(header) - 1
    if isinstance(target, int):
        if not -len(header) <= target < len(header):
            raise CSVError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "there is no column {target}; the table has {count}"
                ),
                target=target,
                count=len(header),
            )
        return target % len(header)
    if target not in header:
        raise CSVError(
            QT_TRANSLATE_NOOP("EngineErrors", "there is no column named {target!r}"), target=target
        )
    return header.index(target)


def _row(row: int) -> Message:
    return Message(QT_TRANSLATE_NOOP("EngineErrors", "row {row}"), row=row)


def _cell(row: int, col: int, header: list[str]) -> Message:
    """The place of a cell: ``row 3, column 2 ('width')``."""
    return Message(
        QT_TRANSLATE_NOOP("EngineErrors", "row {row}, column {column} ({name!r})"),
        row=row,
        column=col + 1,
        name=header[col],
    )


#: What Python's csv module says, in words a student can follow.
_CSV_REASONS = {
    "line contains NUL": QT_TRANSLATE_NOOP("EngineErrors", "the line holds a NUL character"),
    "unexpected end of data": QT_TRANSLATE_NOOP("EngineErrors", "the file ends inside a cell"),
}


def _csv_reason(text: str) -> Message | str:
    if text.startswith("field larger than field limit"):
        return Message(
            QT_TRANSLATE_NOOP("EngineErrors", "a cell is longer than {limit:,} characters"),
            limit=csv.field_size_limit(),
        )
    if text.startswith("new-line character seen in unquoted field"):
        return Message(
            QT_TRANSLATE_NOOP("EngineErrors", "a line break inside a cell that has no quotes")
        )
    template = _CSV_REASONS.get(text)
    return text if template is None else Message(template)


def _too_large(where: Message, cell: str) -> CSVError:
    return CSVError(
        QT_TRANSLATE_NOOP(
            "EngineErrors", "{where}: {cell!r} is too large; numbers must lie within ±1e150"
        ),
        where=where,
        cell=cell[:40],
    )


def _number(cell: str, row: int, col: int, header: list[str]) -> float:
    where = _cell(row, col, header)
    if cell == "":
        raise CSVError(QT_TRANSLATE_NOOP("EngineErrors", "{where}: the cell is empty"), where=where)
    try:
        value = float(cell)
    except ValueError:
        raise CSVError(
            QT_TRANSLATE_NOOP("EngineErrors", "{where}: {cell!r} is not a number"),
            where=where,
            cell=cell[:40],
        ) from None
    if not math.isfinite(value):
        raise CSVError(
            QT_TRANSLATE_NOOP("EngineErrors", "{where}: {cell!r} is not a finite number"),
            where=where,
            cell=cell[:40],
        )
    if abs(value) > MAX_MAGNITUDE:
        raise _too_large(where, cell)
    return value


def _targets(
    cells: list[str], header: list[str], t: int
) -> tuple[str, np.ndarray, tuple[str, ...]]:
    """Classify text or small-integer targets; regress on other numbers.

    Returns the task, the targets Y (one column, or one-hot) and the class names
    (for regression, the column's name).
    """
    values: list[float] = []
    numeric = True
    for cell in cells:
        try:
            values.append(float(cell))
        except ValueError:
            numeric = False
            break
    if numeric:
        for r, v in enumerate(values):
            where = _cell(r + 2, t, header)
            if not math.isfinite(v):
                raise CSVError(
                    QT_TRANSLATE_NOOP("EngineErrors", "{where}: {cell!r} is not a finite number"),
                    where=where,
                    cell=cells[r][:40],
                )
            if abs(v) > MAX_MAGNITUDE:
                raise _too_large(where, cells[r])
    distinct = sorted(set(cells), key=lambda c: (float(c) if numeric else 0, c))
    integral = numeric and all(v.is_integer() for v in values)
    if numeric and not (integral and len(distinct) <= 20):
        return "regression", np.array(values)[:, None], (header[t],)
    if len(distinct) < 2:
        raise CSVError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "column {column} ({name!r}): the target has only one class"
            ),
            column=t + 1,
            name=header[t],
        )
    if len(distinct) > MAX_CLASSES:
        raise CSVError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "column {column} ({name!r}): {count} different labels; at most {limit} classes",
            ),
            column=t + 1,
            name=header[t],
            count=len(distinct),
            limit=MAX_CLASSES,
        )
    if "" in distinct:
        r = cells.index("")
        raise CSVError(
            QT_TRANSLATE_NOOP("EngineErrors", "{where}: the label is empty"),
            where=_cell(r + 2, t, header),
        )
    index = {c: i for i, c in enumerate(distinct)}
    labels = np.array([index[c] for c in cells])
    if len(distinct) == 2:
        return "binary", labels.astype(float)[:, None], tuple(distinct)
    return "multiclass", one_hot(labels, len(distinct)), tuple(distinct)
