"""The student's own samples: edits of the training data (points added to a 2-D set,
moved, erased; a drawn digit added to an image set).

:class:`EditedData` is a part of :class:`neurongui.model.NetworkModel`. The edits
themselves are :mod:`neurongui.engine.pointedits`; undo commands
(:class:`neurongui.undo.DataCommand`) call :meth:`EditedData.apply_data_edit`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from neurongui.engine import pointfile
from neurongui.engine.session import prepare_data

if TYPE_CHECKING:
    from collections.abc import Callable

    from neurongui.engine.config import TrainingConfig
    from neurongui.engine.datasets import Dataset
    from neurongui.engine.pointedits import DataEdit
    from neurongui.engine.pointfile import SavedSamples
    from neurongui.engine.session import TrainingData

__all__ = ["EditedData"]


class EditedData:
    """The data edits of :class:`neurongui.model.NetworkModel`."""

    # Set up by NetworkModel.
    _data: TrainingData
    _sample: int
    _config: TrainingConfig
    _imported: dict[str, Dataset]
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

    def saved_samples(self) -> dict[str, Any]:
        """What a document stores of the student's samples (see
        :mod:`neurongui.engine.pointfile`): nothing for data as generated."""
        data = self._data
        if not data.edited:
            return {}
        base = None
        if not data.is_2d:  # the set as generated: the rows beyond it were added
            base = prepare_data(self._config, dataset=self._imported.get(self._config.dataset))
        return pointfile.saved_samples(data, base)

    def restore_samples(self, saved: SavedSamples) -> None:
        """Put back the samples a document stored (no undo step: as it is opened).

        Raises
        ------
        EngineError
            If they do not fit the data (nothing changes then).
        """
        self._data = pointfile.restore_samples(self._data, saved)
        self._sample = 0
        self._announce(data=True, sample=True)
