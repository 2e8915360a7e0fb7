"""A new dataset gets an output and a loss that can reach its targets, in one undo step
that brings back the network, the loss chart and the gradients together; pairings
that cannot work are refused with the reason."""

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox

from neurongui.engine.edits import SetWeight


@pytest.fixture
def messages(window):
    shown: list[str] = []
    window.model.message.connect(shown.append)
    return shown


def _choose(combo: QComboBox, key) -> None:
    index = combo.findData(key)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # as when the student picks it


def _output(window) -> str:
    return window.network.layers[-1].activation.name


def _pairing(window) -> tuple[str, str, str]:
    return window.model.config.dataset, _output(window), window.model.config.loss


def test_regression_data_gets_identity_and_square_loss_on_the_kept_network(window, messages):
    panel, model, stack = window.training_panel, window.model, window.undo_stack
    assert _pairing(window) == ("circle", "sigmoid", "bce")
    window.editor.apply(SetWeight(0, 0, 0, 0.75), "weight")  # the student's own weight
    steps = stack.count()
    _choose(panel.dataset, "plane")
    assert (_output(window), model.config.loss) == ("identity", "mse")
    assert window.network.layers[0].weights[0, 0] == 0.75  # the network is kept
    assert messages[-1] == (
        "Output activation set to identity and loss to square loss for regression data"
    )
    assert window.statusBar().currentMessage() == messages[-1]
    assert panel.loss.currentData() == "mse"
    assert stack.count() == steps + 1
    # The predictions can now reach the targets (sigmoid stayed within 0…1).
    targets = model.data.Y_train
    assert targets.min() < -0.9
    assert stack.undoText() == "Change “Data”"
    stack.undo()
    assert _pairing(window) == ("circle", "sigmoid", "bce")
    assert window.network.layers[0].weights[0, 0] == 0.75
    assert panel.loss.currentData() == "bce"
    stack.redo()
    assert _pairing(window) == ("plane", "identity", "mse")


def test_back_to_two_classes_gets_sigmoid_and_binary_cross_entropy(window, messages):
    _choose(window.training_panel.dataset, "plane")
    _choose(window.training_panel.dataset, "xor")
    assert (_output(window), window.model.config.loss) == ("sigmoid", "bce")
    assert messages[-1] == (
        "Output activation set to sigmoid and loss to binary cross-entropy for data of two classes"
    )


def test_a_dataset_that_needs_a_new_network_says_so(window, messages):
    _choose(window.training_panel.dataset, "iris")
    assert window.network.sizes == [4, 8, 3]
    assert (_output(window), window.model.config.loss) == ("softmax", "cross_entropy")
    assert messages[-1] == "New network 4–8–3 for this data; Undo brings back the previous one"
    window.undo_stack.undo()
    assert window.network.sizes == [2, 4, 2, 1]


def test_an_output_that_cannot_reach_the_targets_is_refused(window, messages):
    _choose(window.training_panel.dataset, "plane")
    steps = window.undo_stack.count()
    window.canvas.set_activation(len(window.network.layers) - 1, "sigmoid")
    assert _output(window) == "identity"
    assert messages[-1].startswith(
        "sigmoid gives outputs from 0 to 1, but the targets run from −0.9"
    )
    window.canvas.set_activation(len(window.network.layers) - 1, "tanh")  # −1…1 fits
    assert _output(window) == "tanh"
    assert window.undo_stack.count() == steps + 1


def test_a_loss_that_cannot_measure_the_targets_is_refused(window, messages):
    panel = window.training_panel
    _choose(panel.dataset, "plane")
    _choose(panel.loss, "bce")
    assert window.model.config.loss == "mse" and panel.loss.currentData() == "mse"
    assert messages[-1].startswith("cross-entropy needs targets from 0 to 1")


def test_undoing_a_dataset_change_brings_back_the_history_and_gradients(training_window, qtbot):
    window = training_window
    model, stack = window.model, window.undo_stack
    for epochs in (1, 2, 3):
        window.training.step()
        qtbot.waitUntil(lambda n=epochs: len(model.history) == n, timeout=5000)
    history, gradients = list(model.history), model.gradients
    weights = model.network.parameters.copy()
    model.select_sample(7)
    model.select_neuron(0, 1)
    assert gradients is not None
    _choose(window.training_panel.dataset, "plane")
    assert model.history == [] and model.gradients is None
    stack.undo()
    assert len(model.history) == 3 and model.history[-1].train_loss == history[-1].train_loss
    assert model.history == history
    assert model.gradients is gradients
    assert np.array_equal(model.network.parameters, weights)
    assert (model.sample_index, model.selection.layer, model.selection.neuron) == (7, 0, 1)
    assert window.training_panel.epoch_label.text().startswith("Epoch 3")
    stack.redo()
    assert model.history == [] and model.config.dataset == "plane"
    stack.undo()
    assert model.history == history  # again, after a redo


def test_a_csv_that_needs_a_new_network_says_so_and_undo_brings_the_trained_one_back(
    training_window, qtbot, tmp_path
):
    window = training_window
    model, stack = window.model, window.undo_stack
    shown: list[str] = []
    model.message.connect(shown.append)
    window.training.step()
    qtbot.waitUntil(lambda: len(model.history) == 1, timeout=5000)
    trained, history = model.network.parameters.copy(), list(model.history)
    csv = tmp_path / "weather.csv"
    rows = [(c, 1.8 * c + 32) for c in range(-10, 41, 2)]
    csv.write_text("celsius,fahrenheit\n" + "\n".join(f"{c},{f}" for c, f in rows) + "\n")
    assert window.training_panel.import_csv(str(csv))
    assert model.network.sizes == [1, 8, 1] and _output(window) == "identity"
    assert shown[-1] == "New network 1–8–1 for this data; Undo brings back the previous one"
    stack.undo()
    assert model.config.dataset == "circle" and model.history == history
    assert np.array_equal(model.network.parameters, trained)
