"""The one owner of the live state: the network, its data, the settings, the selection.

Views read from the model and listen to its signals; they never write to engine arrays.
Every change to the network goes through :meth:`NetworkModel.apply_edit` (called by
undo commands, see :mod:`neurongui.undo`) or, while training, through
:meth:`NetworkModel.update_parameters` with values the worker sent.

Signals follow napari's habit of one signal per kind of change; views bind them to
``_on_<thing>_change`` handlers.

Every change first makes the whole state consistent (network, data, settings, a
selection and a sample that exist in them) and only then announces itself, through
:meth:`NetworkModel._announce`, in one fixed order: the undo history, settings,
data, structure, then history, gradients, sample and selection last. A view that
redraws on a signal can therefore read anything from the model, and a view that
keeps items per neuron hears of a new structure before any selection refers to it.

Two parts of the model live in modules of their own: the selection and the selected
sample (:mod:`neurongui.model_selection`), the imported datasets
(:mod:`neurongui.model_datasets`) and the student's edits of the data
(:mod:`neurongui.model_points`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal

from neurongui.engine import Network, pairing, structure
from neurongui.engine.config import TrainingConfig
from neurongui.engine.datasets import Dataset
from neurongui.engine.documentfile import IDXSource
from neurongui.engine.edits import Edit
from neurongui.engine.metrics import EpochRecord
from neurongui.engine.pointedits import with_features
from neurongui.engine.refs import Selection
from neurongui.engine.session import (
    TrainingData,
    default_loss,
    default_network,
    fit_data,
    new_data_needed,
    prepare_data,
)
from neurongui.model_datasets import ImportedDatasets
from neurongui.model_points import EditedData
from neurongui.model_selection import SelectionState
from neurongui.model_text import fitted_output_text, new_network_text

__all__ = ["NetworkModel", "Selection", "Snapshot"]


@dataclass(frozen=True)
class Snapshot:
    """Everything a settings change may replace, kept so that undo can put it back:
    the settings, a copy of the network, the training history, the latest gradients,
    the selected sample and the selection (see :meth:`NetworkModel.snapshot`)."""

    config: TrainingConfig
    network: Network
    history: tuple[EpochRecord, ...]
    gradients: list[dict[str, np.ndarray]] | None
    sample: int
    selection: Selection
    #: The data, kept when the student edited it (a regenerated set would lose that).
    data: TrainingData | None = None


class NetworkModel(QObject, SelectionState, ImportedDatasets, EditedData):
    """The live network, its training data, settings, selection and history."""

    parametersChanged = Signal()
    structureChanged = Signal()
    dataChanged = Signal()
    configChanged = Signal()
    selectionChanged = Signal()
    sampleChanged = Signal()
    historyChanged = Signal()
    gradientsChanged = Signal()
    #: An engine edit was applied; the training worker applies it too.
    editApplied = Signal(object)
    modifiedChanged = Signal(bool)
    #: The network was replaced by another one (not by an edit): undo history is void.
    networkReplaced = Signal()
    #: A short message for the status bar.
    message = Signal(str)

    def __init__(
        self,
        config: TrainingConfig | None = None,
        network: Network | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._config = config or TrainingConfig()
        self._imported: dict[str, Dataset] = {}
        self._paths: dict[str, str | IDXSource] = {}
        if network is None:
            self._data = prepare_data(self._config)
            self._network = default_network(self._data, self._config)
        else:
            self._network = network
            self._data, self._config = fit_data(
                self._config, network.input_names, network.n_outputs
            )
        self._selection = Selection()
        self._sample = 0
        self._probe: np.ndarray | None = None
        self._history: list[EpochRecord] = []
        self._gradients: list[dict[str, np.ndarray]] | None = None
        self._edit_seq = 0
        self._modified = False
        self._trained = False
        self._pending_message = ""
        #: True while values streamed from training are being applied (not an edit):
        #: costly views may then draw at their own pace (see views/throttle.py).
        self.live = False

    # -- read access ----------------------------------------------------------------

    @property
    def network(self) -> Network:
        """The live network. Read it; change it only through :meth:`apply_edit`."""
        return self._network

    @property
    def config(self) -> TrainingConfig:
        """The current training settings."""
        return self._config

    @property
    def data(self) -> TrainingData:
        """The current dataset, split into training and test sets."""
        return self._data

    @property
    def selection(self) -> Selection:
        """The selected neuron or edge."""
        return self._selection

    @property
    def sample_index(self) -> int:
        """Index of the selected sample in the training set."""
        return self._sample

    @property
    def sample(self) -> np.ndarray:
        """The inputs shown: the student's own (:attr:`probe`), or the selected
        training sample's."""
        probe = self._probe
        if probe is not None and probe.shape == (self._network.n_inputs,):
            return probe.copy()
        if not len(self._data.X_train):  # every point erased: the origin stands in
            return np.zeros(self._network.n_inputs)
        return self._data.inputs("train", self._sample)

    @property
    def probe(self) -> np.ndarray | None:
        """The student's own input (typed or drawn), or None when a training sample is
        shown; a probe that no longer fits the network's inputs counts as none."""
        probe = self._probe
        if probe is None or probe.shape != (self._network.n_inputs,):
            return None
        return probe.copy()

    @property
    def history(self) -> list[EpochRecord]:
        """Per-epoch metrics of the current training run."""
        return self._history

    @property
    def gradients(self) -> list[dict[str, np.ndarray]] | None:
        """∂L/∂θ from the latest training step, or None before any step."""
        return self._gradients

    @property
    def edit_seq(self) -> int:
        """How many edits were applied; the worker stamps its snapshots with it."""
        return self._edit_seq

    @property
    def modified(self) -> bool:
        """True if the document changed since it was last saved or opened."""
        return self._modified

    # -- changes ------------------------------------------------------------------

    def apply_edit(self, edit: Edit) -> Edit:
        """Apply an engine edit to the network; return its inverse.

        Raises
        ------
        ValueError
            If the edit is invalid (nothing changes then).
        """
        inverse = edit.apply(self._network)
        changes: dict[str, bool] = {}
        if edit.changes_structure:
            try:
                changes = self._fit_to_structure()
            except Exception:
                # Data that cannot follow the new structure: the network goes back too,
                # so that network and data never disagree.
                inverse.apply(self._network)
                raise
        self._edit_seq += 1
        if edit.changes_structure:
            self.editApplied.emit(edit)  # before dataChanged: the worker applies it first
            self._announce(structure=True, gradients=True, **changes)
        else:
            self.editApplied.emit(edit)
            self.parametersChanged.emit()
        self.set_modified(True)
        return inverse

    def _fit_to_structure(self) -> dict[str, bool]:
        """Fit the data, sample and selection to an edited network (silently); return
        which of them changed, for :meth:`_announce`."""
        self._gradients = None
        config = self._config
        new_data = tuple(self._network.input_names) != tuple(self._data.input_names)
        if new_data and self._data.edited and self._data.is_2d:
            # The student's own points, seen through the new features.
            self._data = with_features(self._data, self._network.input_names)
        elif new_data:
            self._data, self._config = fit_data(
                self._config, self._network.input_names, self._network.n_outputs
            )
        sample, selection = self._sample, self._selection
        self._sample = max(0, min(self._sample, len(self._data.X_train) - 1))
        self._selection = self._checked(self._selection)
        return {
            "config": config != self._config,  # no built-in dataset fitted: another one
            "data": new_data,
            "sample": sample != self._sample,
            "selection": selection != self._selection,
        }

    def update_parameters(self, values: np.ndarray, edit_seq: int) -> bool:
        """Copy parameter values from the training worker; emit parametersChanged.

        Values computed before the worker saw the latest edit are ignored (the next
        snapshot will include the edit), so an edit never flickers back.
        """
        if edit_seq != self._edit_seq or values.shape != self._network.parameters.shape:
            return False
        np.copyto(self._network.parameters, values)
        self.parametersChanged.emit()
        return True

    def set_network(self, network: Network, config: TrainingConfig | None = None) -> None:
        """Replace the network (and optionally the settings), as when opening a file."""
        self._install(network, config or self._config, new_document=True)

    def _install(
        self,
        network: Network,
        config: TrainingConfig,
        new_document: bool,
        snapshot: Snapshot | None = None,
    ) -> None:
        """Use ``network`` with ``config``; with ``snapshot``, also its history,
        gradients, sample and selection (else none)."""
        self._network = network
        self._edit_seq += 1  # snapshots of the old network must not land on this one
        imported = self._imported.get(config.dataset)
        self._data, self._config = fit_data(
            config, network.input_names, network.n_outputs, imported
        )
        if snapshot is not None and snapshot.data is not None:
            old = snapshot.data  # the student's edited points come back with the settings
            if (
                old.dataset.name == self._data.dataset.name
                and old.n_outputs == self._data.n_outputs
            ):
                if old.is_2d and old.input_names != self._data.input_names:
                    old = with_features(old, self._data.input_names)
                if old.input_names == self._data.input_names:
                    self._data = old
        self._reset_view_state()
        if snapshot is not None:
            self._history = list(snapshot.history)
            self._gradients = snapshot.gradients
            self._sample = max(0, min(snapshot.sample, len(self._data.X_train) - 1))
            self._selection = self._checked(snapshot.selection)
        self._announce(
            replaced=new_document,
            config=True,
            data=True,
            structure=True,
            history=True,
            gradients=True,
            sample=True,
            selection=True,
        )

    def check_config(self, config: TrainingConfig) -> None:
        """Check that ``config`` gives usable data, changing nothing.

        Raises
        ------
        ValueError
            If it does not (e.g. a test share that leaves no training samples), or if
            a new loss cannot measure the current targets (see :mod:`~neurongui.
            engine.pairing`; new data brings a loss that suits it).
        """
        if self._data_for(config) is None and config.loss != self._config.loss:
            output = self._network.layers[-1].activation.name
            pairing.check_loss(config.loss, output, self._data.Y_train)

    def check_edit(self, edit: Edit) -> None:
        """Check that ``edit`` applies to the network and keeps an output that can reach
        the targets, changing nothing.

        Raises
        ------
        ValueError
            If the edit is invalid, or changes the output activation (or the number of
            outputs) to one that cannot give the targets (see
            :func:`neurongui.engine.pairing.check_output`).
        """
        scratch = self._network.copy()
        edit.apply(scratch)
        old, new = self._network.layers[-1], scratch.layers[-1]
        if (new.activation.name, new.n_out) != (old.activation.name, old.n_out):
            pairing.check_output(new.activation.name, new.n_out, self._data.Y_train)

    def _data_for(self, config: TrainingConfig) -> TrainingData | None:
        """The data ``config`` asks for, or None if it asks for the current data."""
        old = self._config
        if not new_data_needed(old, config):
            return None
        keep = self._network.input_names if old.dataset == config.dataset else None
        return prepare_data(config, keep, self._imported.get(config.dataset))

    def set_config(self, config: TrainingConfig, undoable: bool = False) -> None:
        """Change the training settings; a new dataset may bring a new network.

        A new network voids the undo history (networkReplaced) unless ``undoable``: an
        undo command that can put the old one back (see :mod:`neurongui.undo`) does it.

        Raises
        ------
        ValueError
            If the settings give no usable data (nothing changes then; see
            :meth:`check_config`).
        """
        data = self._data_for(config)
        self._config = config
        self._pending_message = ""
        new_data = data is not None
        new_network = refit = False
        if data is not None:
            old_task = self._data.task
            self._data = data
            if data.input_names != tuple(self._network.input_names) or (
                data.n_outputs != self._network.n_outputs
            ):
                self._network = default_network(data, self._config)
                self._edit_seq += 1
                new_network = True
                if data.task != old_task:  # a new network for new task: its usual loss
                    self._config = self._config.with_changes(loss=default_loss(data.task))
            refit = self._fit_output(old_task)
            # New data: the history and the gradients were of other samples. A network
            # kept keeps its selection; a new one starts with none.
            selection = self._selection
            self._reset_view_state()
            if not new_network:
                self._selection = selection
        self._announce(
            replaced=new_network and not undoable,
            config=True,
            data=new_data,
            structure=new_network or refit,
            history=new_data,
            gradients=new_data,
            sample=new_data,
            selection=new_network,
        )
        self.set_modified(True)
        # Said once the change is complete; a new network's message says the most.
        if new_network:
            self.message.emit(new_network_text(self._network.sizes))
        elif self._pending_message:
            self.message.emit(self._pending_message)

    def _fit_output(self, old_task: str) -> bool:
        """Give the network the output activation and loss that suit the new data (see
        :func:`~neurongui.engine.pairing.refit_output`), and keep the status message
        that says so. Return True if the network changed (silently:
        see _announce)."""
        out = self._network.layers[-1]
        activation, loss = pairing.refit_output(
            out.activation.name,
            out.n_out,
            self._config.loss,
            old_task,
            self._data.task,
            self._data.Y_train,
        )
        if activation is not None:
            last = len(self._network.layers) - 1
            self._network.load_state(structure.set_activation(self._network, last, activation))
            self._edit_seq += 1
        if loss is not None:
            self._config = self._config.with_changes(loss=loss)
        if activation or loss:
            self._pending_message = fitted_output_text(self._data.task, activation, loss)
        return activation is not None

    def snapshot(self) -> Snapshot:
        """What :meth:`restore` needs to put the current state back (a settings change
        with new data replaces the history, the gradients and maybe the network)."""
        return Snapshot(
            self._config,
            self._network.copy(),
            tuple(self._history),
            self._gradients,
            self._sample,
            self._selection,
            self._data if self._data.edited else None,
        )

    def restore(self, snapshot: Snapshot) -> None:
        """Put back settings together with the network, history, gradients, sample and
        selection they had: the undo (or redo) of a settings change that brought new
        data. The undo history stays valid."""
        self._install(snapshot.network.copy(), snapshot.config, False, snapshot)
        self.set_modified(True)

    def set_history(self, records: list[EpochRecord]) -> None:
        """Replace the training history (the worker sends it as it grows)."""
        self._history = list(records)
        self.historyChanged.emit()

    def set_gradients(self, gradients: list[dict[str, np.ndarray]] | None) -> None:
        """Store ∂L/∂θ of the latest step (copies from the worker)."""
        self._gradients = gradients
        self.gradientsChanged.emit()

    def mark_trained(self) -> None:
        """Training changed the weights: the document needs saving, though no undoable
        edit was made (undoing back to the saved state keeps it modified)."""
        self._trained = True
        self.set_modified(True)

    @property
    def trained_since_saved(self) -> bool:
        """True if training changed the weights since the document was saved or opened."""
        return self._trained

    def set_modified(self, modified: bool) -> None:
        """Mark the document as changed (or saved)."""
        if not modified:
            self._trained = False
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)

    def _reset_view_state(self) -> None:
        """Forget what belonged to the old data or network (silently: see _announce)."""
        self._history = []
        self._gradients = None
        self._sample = 0
        self._probe = None
        self._selection = Selection()

    def _announce(
        self,
        *,
        replaced: bool = False,
        config: bool = False,
        data: bool = False,
        structure: bool = False,
        history: bool = False,
        gradients: bool = False,
        sample: bool = False,
        selection: bool = False,
    ) -> None:
        """Emit the signals of a change that is complete, in the one order views rely on.

        The state is consistent before the first signal, so any slot may read all of
        it. Structure comes before sample and selection: a view that keeps items per
        neuron rebuilds them before it is told which one is selected.
        """
        for wanted, signal in (
            (replaced, self.networkReplaced),  # the undo history is void
            (config, self.configChanged),
            (data, self.dataChanged),
            (structure, self.structureChanged),
            (history, self.historyChanged),
            (gradients, self.gradientsChanged),
            (sample, self.sampleChanged),
            (selection, self.selectionChanged),
        ):
            if wanted:
                signal.emit()
