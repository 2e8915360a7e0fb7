"""The numbers the window shows match the math (issue 14): the objective with
regularisation, its gradient, softmax on one output neuron, the minus sign."""

import re

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from neurongui.engine import Network
from neurongui.engine.explain import format_number
from neurongui.engine.numbers import parse_number

_NUMBER = r"([−\d.e+]+)"


def _shown(text: str, pattern: str) -> tuple[float, ...]:
    match = re.search(pattern, text)
    assert match, (pattern, text)
    return tuple(parse_number(g) for g in match.groups())


def _half_unit(text: str) -> float:
    """Half a unit in the last digit of a number shown with 4 significant digits."""
    value = abs(parse_number(text))
    return 0.5 * 10 ** (np.floor(np.log10(value)) - 3)


def _one_step_l2(window, qtbot, lam=0.5):
    data = window.model.data
    window.model.set_config(
        window.model.config.with_changes(
            regularization="l2", regularization_rate=lam, batch_size=len(data.X_train)
        )
    )
    before = window.network.copy()
    window.training.step()  # one epoch of one mini-batch: the whole training set
    qtbot.waitUntil(
        lambda: len(window.model.history) == 1 and window.model.gradients is not None,
        timeout=10000,
    )
    return before, data


def _hand_l2(net, lam):
    return lam / 2 * sum(w * w for layer in net.layers for w in layer.weights.ravel().tolist())


def test_epoch_label_shows_the_objective_beside_the_loss(window, qtbot):
    lam = 0.5
    _, data = _one_step_l2(window, qtbot, lam)
    net, loss_name = window.network, window.model.config.loss
    loss = net.loss(data.X_train, data.Y_train, loss_name)
    penalty = _hand_l2(net, lam)  # from the weights the window now has
    text = window.training_panel.epoch_label.text()
    assert f"loss L = {format_number(loss)}" in text
    assert (
        f"L + (λ/2)·Σw² = {format_number(loss)} + {format_number(penalty)} = "
        f"{format_number(loss + penalty)}"
    ) in text
    assert penalty > loss  # λ = 0.5: the penalty is most of what is minimised


def test_inspector_gradient_is_that_of_the_objective_by_finite_differences(window, qtbot):
    lam = 0.5
    before, data = _one_step_l2(window, qtbot, lam)
    window.canvas.select_edge(1, 0, 2)
    text = window.inspector.details.text()
    loss_name = window.model.config.loss
    X, Y = data.X_train, data.Y_train

    def values(w):
        net = before.copy()
        net.set_weight(1, 0, 2, w)
        return net.loss(X, Y, loss_name), _hand_l2(net, lam)

    w0, h = before.get_weight(1, 0, 2), 1e-6
    (l_up, p_up), (l_down, p_down) = values(w0 + h), values(w0 - h)
    d_loss = (l_up - l_down) / (2 * h)
    d_objective = (l_up + p_up - l_down - p_down) / (2 * h)
    (loss_part,) = _shown(text, rf"∂L/∂w = {_NUMBER} \(the loss alone")
    (penalty_part,) = _shown(text, rf"λ·w = {_NUMBER}")
    a, b, total = _shown(text, rf"∂\(L \+ penalty\)/∂w = {_NUMBER} \+ \(?{_NUMBER}\)? = {_NUMBER}")
    assert (a, b) == (loss_part, penalty_part)
    tail = text.split("∂(L + penalty)/∂w = ")[1].split(" = ")[1].split(":")[0]
    assert abs(total - d_objective) <= _half_unit(tail) + 1e-8
    assert abs(penalty_part - lam * w0) <= 1e-12 + abs(lam * w0) * 5e-4
    assert abs(loss_part - d_loss) <= abs(d_loss) * 5e-4 + 1e-8
    assert abs(total - d_loss) > 0.01  # the penalty's share is not small here


def test_lone_softmax_is_refused_with_the_reason_in_the_status_bar(window, qtbot):
    messages = []
    window.model.message.connect(messages.append)
    last = len(window.network.layers) - 1
    assert window.network.layers[last].n_out == 1
    window.canvas.select_neuron(last, 0)
    combo = window.inspector.findChild(QComboBox, "activationCombo")
    index = combo.findText("softmax")
    assert "cannot learn" in combo.itemData(index, Qt.ItemDataRole.ToolTipRole)
    combo.activated.emit(index)
    assert window.network.layers[last].activation.name == "sigmoid"
    assert messages[-1] == (
        "softmax on a single output neuron always gives 1, so the network cannot learn; "
        "use sigmoid for one output"
    )
    assert window.training_panel.note.isHidden()
    assert not window.undo_stack.canUndo()


def _lone_softmax_from_a_file(window) -> None:
    """A network opened from a file may still have softmax on its one output."""
    net = window.network
    lone = Network(net.sizes, [*(["tanh"] * (len(net.sizes) - 2)), "softmax"], seed=0)
    window.model.set_network(lone, window.model.config.with_changes(loss="cross_entropy"))


def test_a_files_lone_softmax_is_explained_in_both_places(window, qtbot):
    _lone_softmax_from_a_file(window)
    last = len(window.network.layers) - 1
    window.canvas.select_neuron(last, 0)
    assert "cannot learn" in window.inspector.details.text()
    note = window.training_panel.note
    assert not note.isHidden() and "single output neuron" in note.text()


def test_lone_softmax_trains_without_drifting_and_shows_loss_0(window, qtbot):
    _lone_softmax_from_a_file(window)
    before = window.network.parameters.copy()
    window.training.step()
    qtbot.waitUntil(lambda: len(window.model.history) == 1, timeout=10000)
    assert np.array_equal(window.network.parameters, before)
    assert "training loss 0 · " in window.training_panel.epoch_label.text()


def test_activation_status_uses_the_true_minus_sign(qtbot):
    from PySide6.QtGui import QUndoStack

    from neurongui.engine.edits import SetBias
    from neurongui.model import NetworkModel
    from neurongui.undo import push_edit
    from neurongui.views.activation_plot import ActivationPlotPanel

    model = NetworkModel()
    panel = ActivationPlotPanel(model)
    qtbot.addWidget(panel)
    push_edit(QUndoStack(), model, SetBias(0, 0, -3.0), "bias")  # z < 0, tanh(z) < 0
    model.select_neuron(0, 0)
    panel.refresh_now()
    z, a = model.network.forward_trace(model.sample)[0]
    text = panel.status_label.text()
    assert z[0] < 0 and a[0] < 0
    assert f"z = {format_number(z[0])} · f(z) = {format_number(a[0])}" in text
    assert "-" not in text and "z = \u2212" in text
