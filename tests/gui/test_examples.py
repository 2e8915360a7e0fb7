"""Every example of File ▸ Examples reaches its goal when the student presses Play.

Each is trained headless from the file's own state, as the window's worker would (a new
Trainer over the file's network and settings), and must reach the goal stated here
within a few hundred epochs.
"""

import pytest

from neurongui.documents import load_document
from neurongui.engine.session import fit_data, make_trainer
from neurongui.paths import resource_path

#: name: (what is measured, the least value, within this many epochs)
GOALS = {
    "single_neuron": ("train_accuracy", 1.0, 100),  # AND is linearly separable
    "xor": ("train_accuracy", 0.95, 300),  # the hidden layer solves XOR
    "iris": ("test_accuracy", 0.9, 100),
    "digits": ("test_accuracy", 0.95, 20),
}


def test_every_shipped_example_has_a_goal():
    shipped = {p.stem for p in resource_path("examples").glob("*.json")}
    assert shipped == set(GOALS)


@pytest.mark.parametrize("name", sorted(GOALS))
def test_each_example_reaches_its_goal_from_the_files_state(name):
    metric, goal, epochs = GOALS[name]
    doc = load_document(resource_path("examples") / f"{name}.json")
    data, config = fit_data(doc.config, doc.network.input_names, doc.network.n_outputs)
    trainer = make_trainer(doc.network, data, config)
    reached = []
    for _ in range(epochs):
        trainer.epoch()
        reached.append(getattr(trainer.history[-1], metric))
        if reached[-1] >= goal:
            break
    assert reached[-1] >= goal, f"{name}: best {metric} {max(reached):.3f} in {epochs} epochs"
    assert trainer.divergence is None  # no false alarm on the way


@pytest.mark.parametrize("name", sorted(GOALS))
def test_no_hint_fires_while_an_example_trains_on_its_defaults(name):
    from neurongui.engine.diagnostics import Run, diagnose, sample_rows, update_ratios

    doc = load_document(resource_path("examples") / f"{name}.json")
    data, config = fit_data(doc.config, doc.network.input_names, doc.network.n_outputs)
    trainer = make_trainer(doc.network, data, config)
    rows = sample_rows(len(data.X_train))
    X, Y = data.inputs("train", rows), data.Y_train[rows]
    for _ in range(GOALS[name][2]):
        before = [layer.weights.copy() for layer in trainer.network.layers]
        trainer.epoch()
        after = [layer.weights for layer in trainer.network.layers]
        run = Run(
            trainer.history, trainer.network, X, Y, config, data.task, update_ratios(before, after)
        )
        hints = diagnose(run)
        assert hints == [], f"{name}, epoch {len(trainer.history)}: {hints[0].evidence}"
