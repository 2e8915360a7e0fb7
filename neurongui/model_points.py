"""The student's own samples: edits of the training data (points added to a 2-D set,
moved, erased; a drawn digit added to an image set).

:class:`EditedData` is a part of :class:`neurongui.model.NetworkModel`. The edits
themselves are :mod:`neurongui.engine.pointedits`; undo commands
(:class:`neurongui.undo.DataCommand`) call :meth:`EditedData.apply_data_edit`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from neurongui.engine.pointedits import DataEdit
    from neurongui.engine.session import TrainingData

__all__ = ["EditedData"]


class EditedData:
    """The data edits of :class:`neurongui.model.NetworkModel`."""

    # Set up by NetworkModel.
    _data: TrainingData
    _sample: int
    _announce: Callable[..., None]
    set_modified: Callable[[bool], None]

    def apply_data_edit(self, edit: DataEdit) -> DataEdit:
        """Apply an edit of the training data (:mod:`~neurongui.engine.pointedits`);
        return its inverse. The worker hears of it through dataChanged.

        Raises
        ------
        ValueError
            If the edit does not fit the data (nothing changes then).
        """
        self._data, inverse = edit.apply(self._data)
        sample = self._sample
        self._sample = max(0, min(self._sample, len(self._data.X_train) - 1))
        self._announce(data=True, sample=sample != self._sample or not len(self._data.X_train))
        self.set_modified(True)
        return inverse

    def set_data(self, data: TrainingData) -> None:
        """Use ``data`` (the same dataset with the student's samples, as a file saved
        them), as it is opened: no undo step."""
        self._data = data
        self._sample = 0
        self._announce(data=True, sample=True)
