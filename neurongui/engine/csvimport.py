"""Read a user's CSV file into a :class:`~neurongui.engine.datasets.Dataset`.

The file needs a header row and at least two columns. The target is the last
column unless another is named. A target column of text (or of a few whole
numbers) makes a classification; real numbers make a regression. Feature columns
must be numbers; they are standardised (mean 0, standard deviation 1) because
inputs in different units train poorly, and the mean and deviation are kept.

Every problem raises :class:`CSVError` naming the row and column, as a spreadsheet
shows them (row 1 is the header).
"""

from __future__ import annotations

import csv
import io
import math
import os
from pathlib import Path

import numpy as np

from .datasets import Dataset, one_hot
from .errors import QT_TRANSLATE_NOOP, EngineError, Message, located
from .safeio import read_limited

__all__ = ["MAX_CELLS", "MAX_CLASSES", "MAX_MAGNITUDE", "CSVError", "load_csv", "parse_csv"]

#: Files with more cells than this are refused (10 million cells ≈ 80 MB as floats).
MAX_CELLS = 10_000_000
#: A text target with more distinct values than this is not a class label.
MAX_CLASSES = 100
_MAX_BYTES = 512 * 1024 * 1024
#: Numbers beyond ±1e150 are refused: their squares (in the mean and deviation that
#: standardise features, and in the square loss) would overflow to infinity.
MAX_MAGNITUDE = 1e150


class CSVError(EngineError):
    """A CSV file that cannot be used, with a message saying where and why."""


def load_csv(path: str | os.PathLike[str], target: str | int | None = None) -> Dataset:
    """Read the CSV file at ``path``; see :func:`parse_csv`.

    Raises
    ------
    CSVError
        If the file cannot be read or is not a usable table.
    """
    path = Path(path)
    # Never a pipe or a device (/dev/zero would be read until memory runs out).
    raw = read_limited(path, _MAX_BYTES, CSVError)
    return parse_csv(raw, name=path.stem, target=target)


def parse_csv(raw: bytes | str, name: str = "csv", target: str | int | None = None) -> Dataset:
    """Parse CSV text into a dataset.

    Parameters
    ----------
    raw
        The file's bytes (UTF-8, with or without a byte-order mark) or text.
    name
        Name of the dataset (the file name).
    target
        Name or index of the target column; default the last.

    Raises
    ------
    CSVError
        Empty or binary file, fewer than two columns, ragged rows, a feature cell
        that is not a finite number, too many cells.
    """
    text = _decode(raw)
    header, rows = _read_rows(text)
    t = _target_index(header, target)
    features = [i for i in range(len(header)) if i != t]
    X = np.empty((len(rows), len(features)))
    for r, row in enumerate(rows):
        for j, c in enumerate(features):
            X[r, j] = _number(row[c], r + 2, c, header)
    task, Y, classes = _targets([row[t] for row in rows], header, t)
    mean, std = X.mean(axis=0), X.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    inputs = (X - mean) / std
    if not np.isfinite(inputs).all():  # cannot happen within MAX_MAGNITUDE; never NaN inputs
        raise CSVError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "the feature columns cannot be standardised (the numbers are too large)",
            )
        )
    return Dataset(
        name,
        inputs,
        Y,
        task,
        tuple(header[i] for i in features),
        classes,
        f"{len(rows)} samples from {name}.csv",
        feature_mean=mean,
        feature_std=std,
    )


def _decode(raw: bytes | str) -> str:
    if isinstance(raw, str):
        text = raw
    else:
        if b"\x00" in raw[:8192]:
            raise CSVError(
                QT_TRANSLATE_NOOP("EngineErrors", "this is a binary file, not a CSV table")
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CSVError(
                QT_TRANSLATE_NOOP("EngineErrors", "the file is not UTF-8 text (byte {byte})"),
                byte=exc.start,
            ) from None
    if not text.strip():
        raise CSVError(QT_TRANSLATE_NOOP("EngineErrors", "the file is empty"))
    return text


def _read_rows(text: str) -> tuple[list[str], list[list[str]]]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header: list[str] | None = None
    rows: list[list[str]] = []
    cells = 0
    try:
        for line_no, row in enumerate(reader, start=1):
            if not any(cell.strip() for cell in row):
                continue  # blank lines are harmless
            row = [cell.strip() for cell in row]
            if header is None:
                header = [cell or f"column {i + 1}" for i, cell in enumerate(row)]
                if len(header) < 2:
                    raise CSVError(
                        QT_TRANSLATE_NOOP(
                            "EngineErrors",
                            "row {row}: the table needs at least two columns (inputs, target)",
                        ),
                        row=line_no,
                    )
                continue
            if len(row) != len(header):
                raise CSVError(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors",
                        "row {row}: {count} cells, but the header has {columns} columns",
                    ),
                    row=line_no,
                    count=len(row),
                    columns=len(header),
                )
            cells += len(row)
            if cells > MAX_CELLS:
                raise CSVError(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors", "row {row}: more than {limit:,} cells; the table is too big"
                    ),
                    row=line_no,
                    limit=MAX_CELLS,
                )
            rows.append(row)
    except csv.Error as exc:
        raise CSVError(located(_row(reader.line_num), _csv_reason(str(exc)))) from None
    if header is None or not rows:
        if header:
            raise CSVError(
                QT_TRANSLATE_NOOP("EngineErrors", "the table has a header but no data rows")
            )
        raise CSVError(QT_TRANSLATE_NOOP("EngineErrors", "the file is empty"))
    return header, rows


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
