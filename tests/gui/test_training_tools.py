"""Dropout and the learning-rate schedule in the Training panel's More section and on
the diagram: undoable, saved with the file, given to a running trainer."""

import queue

from neurongui.documents import InstanceGuard
from neurongui.engine import Network
from neurongui.engine.metrics import EpochRecord
from neurongui.engine.training_loop import Control, Mailbox, Replace, SetConfig, TrainingLoop
from neurongui.main_window import MainWindow


def _type(box, value) -> None:
    box.setValue(value)  # (keyboard tracking is off: one valueChanged, as after Enter)


def _choose(combo, key) -> None:
    index = combo.findData(key)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # as when the student picks it


def _header_texts(canvas) -> list[str]:
    return [text.item.text() for column in canvas._headers for text in column]


def test_the_more_section_is_folded_and_says_what_is_set_inside(window):
    more, model = window.training_panel.more, window.model
    assert not more.body.isVisibleTo(window) and more.toggle.text() == "More settings"
    more.toggle.click()
    assert more.body.isVisibleTo(window)
    _type(more.dropout, 0.2)
    assert model.config.dropout == 0.2
    assert more.toggle.text() == "More: dropout 0.2"
    _choose(more.schedule, "cosine")
    assert more.toggle.text() == "More: dropout 0.2 · Cosine"
    # Only the chosen schedule's parameters are shown.
    shown = {box.objectName() for box in (more.decay_every, more.cosine_epochs)
             if box.isVisibleTo(window)}  # fmt: skip
    assert shown == {"cosineEpochsSpin"}


def test_each_change_is_one_undo_step(window):
    more, model, stack = window.training_panel.more, window.model, window.undo_stack
    _type(more.dropout, 0.3)
    assert stack.undoText() == "Change “Dropout”"
    _choose(more.schedule, "step")
    assert stack.undoText() == "Change “Learning-rate schedule”"
    _type(more.decay_factor, 0.25)
    assert stack.undoText() == "Change “Factor γ”"
    assert (model.config.schedule, model.config.decay_factor) == ("step", 0.25)
    stack.undo()
    assert model.config.decay_factor == 0.5 and more.decay_factor.value() == 0.5
    stack.undo()
    assert model.config.schedule == "constant" and more.schedule.currentData() == "constant"
    stack.undo()
    assert model.config.dropout == 0.0 and more.dropout.value() == 0.0
    assert more.toggle.text() == "More settings"


def test_the_current_learning_rate_is_shown_as_the_schedule_gives_it(window):
    panel, model = window.training_panel, window.model
    _choose(panel.more.schedule, "step")
    _type(panel.more.decay_every, 2)
    assert "learning rate now η = 0.03" in panel.epoch_label.text()
    model.set_history([EpochRecord(e, e, 0.5, None, None, None) for e in range(1, 5)])
    # After 4 epochs: η = 0.03 · 0.5^⌊4/2⌋ = 0.0075.
    assert "learning rate now η = 0.0075" in panel.epoch_label.text()
    _choose(panel.more.schedule, "constant")
    assert "learning rate now" not in panel.epoch_label.text()


def test_the_diagram_marks_the_hidden_layers_that_drop_neurons(window, qtbot):
    canvas, more = window.canvas, window.training_panel.more
    assert window.model.network.sizes == [2, 4, 2, 1]
    assert not any("dropout" in text for text in _header_texts(canvas))
    _type(more.dropout, 0.2)
    texts = _header_texts(canvas)
    assert texts.count("4 neurons · dropout 0.2") == 1
    assert texts.count("2 neurons · dropout 0.2") == 1
    assert "1 neuron" in texts  # the output layer drops nothing
    window.undo_stack.undo()
    assert not any("dropout" in text for text in _header_texts(canvas))


def test_the_settings_are_saved_with_the_file(window, qtbot, tmp_path):
    more = window.training_panel.more
    _type(more.dropout, 0.4)
    _choose(more.schedule, "cosine")
    _type(more.cosine_epochs, 30)
    _type(more.min_rate, 0.002)
    path = tmp_path / "tools.json"
    assert window.save_path(path)
    other = MainWindow(guard=InstanceGuard(tmp_path / "other"))
    qtbot.addWidget(other)
    assert other.open_path(path)
    c = other.model.config
    assert (c.dropout, c.schedule, c.cosine_epochs, c.min_learning_rate) == (
        0.4,
        "cosine",
        30,
        0.002,
    )
    shown = other.training_panel.more
    assert shown.dropout.value() == 0.4 and shown.schedule.currentData() == "cosine"
    assert shown.toggle.text() == "More: dropout 0.4 · Cosine"


def test_a_running_trainer_gets_the_new_settings_between_steps(window):
    model, more = window.model, window.training_panel.more
    loop = TrainingLoop(queue.SimpleQueue(), Mailbox())
    loop.handle(Replace(model.network.copy(), model.data, model.config, 0))
    loop.handle(Control("step_epoch", 1))
    _type(more.dropout, 0.5)
    _choose(more.schedule, "step")
    _type(more.decay_every, 1)
    loop.handle(SetConfig(model.config))
    trainer = loop.trainer
    assert trainer.dropout == 0.5
    assert trainer.current_learning_rate == 0.03 * 0.5  # one epoch done: halved once
    loop.handle(Control("step_epoch", 2))
    assert trainer.epoch_count == 2 and trainer.current_learning_rate == 0.03 * 0.25


def test_dropout_is_off_limits_for_a_network_without_hidden_layers(window):
    more = window.training_panel.more
    assert more.dropout.isEnabled()
    window.start_lesson("one_neuron")  # a single neuron: 2 inputs, 1 output
    assert window.model.network.sizes == [2, 1]
    assert not more.dropout.isEnabled()
    assert "no hidden layer" in more.dropout.toolTip()


def test_each_hidden_layer_can_have_its_own_dropout_rate(window, qtbot, tmp_path):
    model, more, canvas = window.model, window.training_panel.more, window.canvas
    more.toggle.click()
    assert model.network.sizes == [2, 4, 2, 1]  # two hidden layers: a layer chooser
    layers = more.dropout_layer
    assert layers.isVisibleTo(window)
    assert [layers.itemText(i) for i in range(layers.count())] == [
        "every hidden layer",
        "hidden layer 1",
        "hidden layer 2",
    ]
    _choose(layers, 1)  # hidden layer 2
    assert model.config.dropout == 0.0  # choosing a layer changes nothing
    _type(more.dropout, 0.5)
    assert model.config.dropout == (0.0, 0.5)
    assert model.config.dropout_rates(3) == (0.0, 0.5)
    texts = _header_texts(canvas)
    assert "2 neurons · dropout 0.5" in texts and "4 neurons" in texts
    assert more.toggle.text() == "More: dropout 0 / 0.5"
    # another setting leaves the layers' rates alone
    _choose(more.schedule, "cosine")
    assert model.config.dropout == (0.0, 0.5)
    _choose(layers, 0)  # hidden layer 1 shows its own rate
    assert more.dropout.value() == 0.0
    # the engine's trainer drops neurons in the second hidden layer only
    from neurongui.engine.session import make_trainer

    trainer = make_trainer(model.network.copy(), model.data, model.config)
    assert trainer.dropout == (0.0, 0.5)
    # saved and reopened
    path = tmp_path / "layers.json"
    assert window.save_path(path)
    other = MainWindow(guard=InstanceGuard(tmp_path / "other"))
    qtbot.addWidget(other)
    assert other.open_path(path) and other.model.config.dropout == (0.0, 0.5)
    # one rate for every hidden layer again, then undo back to the per-layer rates
    _choose(layers, -1)
    _type(more.dropout, 0.2)
    assert model.config.dropout == 0.2
    window.undo_stack.undo()
    assert model.config.dropout == (0.0, 0.5)
    assert "2 neurons · dropout 0.5" in _header_texts(canvas)


def test_a_single_hidden_layer_needs_no_layer_chooser(window):
    window.model.set_network(Network([2, 3, 1], ["tanh", "sigmoid"], seed=0))
    more = window.training_panel.more
    more.toggle.click()
    assert not more.dropout_layer.isVisibleTo(window) and more.dropout.isEnabled()
