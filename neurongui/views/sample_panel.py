"""Choose the input the window computes with: a training sample, or your own.

The sample chosen here is the one the diagram colours, the Inspector's terms, the
activation plots' markers and the drills use (the model's ``sample``). Samples can
be stepped through, typed by number, or found in a searchable table of their features
and targets. *Your own input* takes a value for every feature, in the data's own units
(centimetres for Iris: they are standardised as the data were), and shows the whole
network for it without changing the data; values outside the data's range are
allowed and said to be so.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine.numbers import format_number, parse_number
from neurongui.engine.session import TrainingData
from neurongui.i18n import data_name, fill, keep_together
from neurongui.model import NetworkModel

__all__ = ["MAX_COLUMNS", "MAX_TYPED", "SamplePanel", "SampleTable"]

#: The table lists at most this many feature columns (an image's 784 pixels are not).
MAX_COLUMNS = 8
#: Datasets with more features than this are not typed in (images are drawn instead).
MAX_TYPED = 16

_Index = QModelIndex | QPersistentModelIndex


def raw_inputs(data: TrainingData, rows: Any = None) -> np.ndarray:
    """The training inputs in the data's own units (undoing a standardisation)."""
    x = data.inputs("train", rows)
    if data.input_mean is not None and data.input_scale is not None:
        return x * data.input_scale + data.input_mean
    return x


def target_text(data: TrainingData, row: int) -> str:
    """A training sample's target as a student reads it: the class's name, or the value."""
    y = data.Y_train[row]
    names = data.dataset.class_names
    if data.task == "multiclass":
        return data_name(names[int(np.argmax(y))])
    if data.task == "binary":
        return data_name(names[int(y[0] >= 0.5)]) if len(names) == 2 else format_number(y[0])
    return ", ".join(format_number(v) for v in y)


class SampleTable(QAbstractTableModel):
    """The training samples as rows: number, first features, target."""

    def __init__(self, data: TrainingData) -> None:
        super().__init__()
        self.set_data(data)

    def set_data(self, data: TrainingData) -> None:
        """Show ``data``'s training samples."""
        self.beginResetModel()
        self.data_ = data
        features = len(data.input_names)
        self.columns = list(range(features)) if features <= MAX_COLUMNS else []
        self._raw = raw_inputs(data, slice(None)) if self.columns else None
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self.data_.X_train)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns) + 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if column == 0:
            return str(row + 1)
        if column <= len(self.columns):
            assert self._raw is not None
            return format_number(self._raw[row, self.columns[column - 1]])
        return target_text(self.data_, row)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return "#"
        if section <= len(self.columns):
            return data_name(self.data_.input_names[self.columns[section - 1]])
        return self.tr("target")


class SamplePanel(QWidget):
    """Previous/next, a number, a searchable table, and your own input."""

    def __init__(self, model: NetworkModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("samplePanel")
        self.model = model
        self.previous = QPushButton("◀")
        self.next = QPushButton("▶")
        self.previous.setToolTip(self.tr("Previous sample"))
        self.next.setToolTip(self.tr("Next sample"))
        self.number = QSpinBox()
        self.number.setObjectName("sampleNumber")
        self.of = QLabel()
        self.target = QLabel()
        self.previous.clicked.connect(lambda: model.select_sample(model.sample_index - 1))
        self.next.clicked.connect(lambda: model.select_sample(model.sample_index + 1))
        self.number.valueChanged.connect(lambda n: model.select_sample(n - 1))
        row = QHBoxLayout()
        for widget in (QLabel(self.tr("Sample")), self.previous, self.number, self.next, self.of):
            row.addWidget(widget)
        row.addStretch(1)
        self.search = QLineEdit()
        self.search.setObjectName("sampleSearch")
        self.search.setPlaceholderText(self.tr("Search: a number, a class or a value"))
        self.table_model = SampleTable(model.data)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.table_model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName("sampleTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.clicked.connect(self._on_row_clicked)
        own = self.tr("Your own input")
        self.own_title = QLabel(f"<b>{own}</b>")
        self.fields: list[QLineEdit] = []
        self._typed = False  # True while the typed values are being shown
        self.field_grid = QGridLayout()
        self.show_button = QPushButton(self.tr("Show the network for these values"))
        self.show_button.setObjectName("probeShow")
        self.show_button.clicked.connect(self.show_probe)
        self.back_button = QPushButton(self.tr("Back to the data"))
        self.back_button.clicked.connect(lambda: model.set_probe(None))
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.target)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.own_title)
        layout.addLayout(self.field_grid)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        model.sampleChanged.connect(self._on_sample_change)
        for signal in (model.dataChanged, model.structureChanged, model.networkReplaced):
            signal.connect(self._on_data_change)
        self._on_data_change()

    # -- the data ---------------------------------------------------------------------

    def _on_data_change(self, *_: object) -> None:
        data = self.model.data
        self.table_model.set_data(data)
        n = len(data.X_train)
        self.number.blockSignals(True)
        self.number.setRange(1, max(n, 1))
        self.number.blockSignals(False)
        self.of.setText(fill(self.tr("of %1"), f"{n:,}"))
        self._build_fields()
        self._on_sample_change()

    def _build_fields(self) -> None:
        for field in self.fields:
            field.deleteLater()
        while self.field_grid.count():
            item = self.field_grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.fields = []
        names = self.model.network.input_names
        typed = 0 < len(names) <= MAX_TYPED and len(names) == len(self.model.data.input_names)
        for widget in (self.show_button, self.own_title):
            widget.setVisible(typed)
        if not typed:
            return
        for i, name in enumerate(names):
            field = QLineEdit()
            field.setObjectName(f"probe_{i}")
            field.returnPressed.connect(self.show_probe)
            self.field_grid.addWidget(QLabel(data_name(name)), i // 2, 2 * (i % 2))
            self.field_grid.addWidget(field, i // 2, 2 * (i % 2) + 1)
            self.fields.append(field)
        self._fill_fields()

    def _fill_fields(self) -> None:
        """Start the fields at the selected sample's values (in the data's units)."""
        if not self.fields or not len(self.model.data.X_train):
            return  # (every sample erased: the fields keep what they show)
        values = raw_inputs(self.model.data, self.model.sample_index)
        for field, value in zip(self.fields, values, strict=False):
            field.setText(format_number(value))

    def _on_sample_change(self) -> None:
        model = self.model
        index = model.sample_index
        self.number.blockSignals(True)
        self.number.setValue(index + 1)
        self.number.blockSignals(False)
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < len(model.data.X_train) - 1)
        probe = model.probe
        self.back_button.setVisible(probe is not None)
        if probe is not None:
            self.target.setText(self.tr("The window shows your own input (it has no target)."))
            self.table.clearSelection()
            self._follow_probe(probe)
        elif not len(model.data.X_train):
            self.target.setText(self.tr("There are no training samples."))
        else:
            self.target.setText(
                fill(self.tr("Target of sample %1: %2"), index + 1, target_text(model.data, index))
            )
            self._fill_fields()
            self.note.setText("")
            self._select_row(index)

    def _select_row(self, index: int) -> None:
        """Select and show the chosen sample's row (unless the search hides it)."""
        row = self.proxy.mapFromSource(self.table_model.index(index, 0))
        if not row.isValid():
            self.table.clearSelection()
            return
        if self.table.currentIndex().row() != row.row():
            self.table.setCurrentIndex(row)  # selects the whole row (SelectRows)
        self.table.scrollTo(row)

    def _follow_probe(self, probe: np.ndarray) -> None:
        """Show a probe set elsewhere (dragged on the map) in the typed fields."""
        if self._typed or not self.fields or any(field.hasFocus() for field in self.fields):
            return  # no fields, or the student is typing in them
        data = self.model.data
        raw = probe
        if data.input_mean is not None and data.input_scale is not None:
            raw = probe * data.input_scale + data.input_mean
        for field, value in zip(self.fields, raw, strict=False):
            field.setText(format_number(value))
        self.note.setText(keep_together(self._range_note(raw)))

    def _on_row_clicked(self, index: QModelIndex) -> None:
        row = self.proxy.mapToSource(index).row()
        self.model.select_sample(row)

    # -- your own input ------------------------------------------------------------------

    def show_probe(self) -> None:
        """Read the typed values and show the network for them (not a number: say so)."""
        data = self.model.data
        values = []
        for field, name in zip(self.fields, self.model.network.input_names, strict=True):
            value = parse_number(field.text())
            if value is None:
                self.note.setText(
                    keep_together(
                        fill(self.tr("%1: “%2” is not a number."), data_name(name), field.text())
                    )
                )
                field.setFocus()
                field.selectAll()
                return
            values.append(value)
        raw = np.array(values)
        x = raw
        if data.input_mean is not None and data.input_scale is not None:
            with np.errstate(over="ignore", invalid="ignore"):  # checked just below
                x = (raw - data.input_mean) / data.input_scale  # as the data were standardised
        # A typed 1e308 divided by a scale below 1 overflows: the probe needs finite numbers.
        too_large = [i for i in range(len(x)) if not np.isfinite(x[i])]
        if too_large:
            i = too_large[0]
            name, field = self.model.network.input_names[i], self.fields[i]
            self.note.setText(
                keep_together(
                    fill(
                        self.tr(
                            "%1: %2 is too large: scaled like the training data, it exceeds "
                            "the largest number the computer can hold."
                        ),
                        data_name(name),
                        field.text(),
                    )
                )
            )
            field.setFocus()
            field.selectAll()
            return
        self._typed = True  # the fields keep what was typed, not a rounded copy
        try:
            self.model.set_probe(x)
        finally:
            self._typed = False
        self.note.setText(keep_together(self._range_note(raw)))

    def _range_note(self, raw: np.ndarray) -> str:
        """Which typed values lie outside the training data's range."""
        data_raw = raw_inputs(self.model.data, slice(None))
        guess = self.tr("The network has never seen such inputs: its answer is a guess.")
        if not len(data_raw):  # every point erased: no range to compare with
            return "\n".join([self.tr("There are no training samples."), guess])
        lo, hi = data_raw.min(axis=0), data_raw.max(axis=0)
        outside = [
            fill(
                self.tr("%1 = %2 is outside the data (%3 to %4)"),
                data_name(name),
                format_number(v),
                format_number(a),
                format_number(b),
            )
            for name, v, a, b in zip(self.model.network.input_names, raw, lo, hi, strict=True)
            if v < a or v > b
        ]
        if not outside:
            return self.tr("Every value lies within the training data's range.")
        return "\n".join([*outside, guess])
