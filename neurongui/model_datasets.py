"""The datasets imported in a session (CSV files), kept by name with the file each
came from, so that settings can name them and a saved document can refer to them.

:class:`ImportedDatasets` is a part of :class:`neurongui.model.NetworkModel`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from neurongui.engine.config import TrainingConfig
    from neurongui.engine.datasets import Dataset

__all__ = ["ImportedDatasets"]


class ImportedDatasets:
    """The imported datasets of :class:`neurongui.model.NetworkModel`."""

    # Set up by NetworkModel.
    _imported: dict[str, Dataset]
    _paths: dict[str, str]
    _config: TrainingConfig
    set_config: Callable[[TrainingConfig], None]

    def add_dataset(self, dataset: Dataset, path: str | None = None) -> None:
        """Make ``dataset`` (an imported CSV file) available under its own name;
        ``path`` is the file it came from, which a saved document refers to."""
        self._imported[dataset.name] = dataset
        if path is not None:
            self._paths[dataset.name] = path

    def dataset_path(self, name: str) -> str | None:
        """The file an imported dataset was read from, if it came from one."""
        return self._paths.get(name) if name in self._imported else None

    def import_dataset(self, dataset: Dataset) -> None:
        """Use ``dataset`` (an imported CSV file) for training, under its own name."""
        self.add_dataset(dataset)
        self.set_config(self._config.with_changes(dataset=dataset.name))

    @property
    def imported(self) -> dict[str, Dataset]:
        """Datasets imported in this session, by name."""
        return dict(self._imported)
