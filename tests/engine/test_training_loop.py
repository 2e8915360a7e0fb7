"""The training loop without threads or Qt: commands in, snapshots out, errors reported.

The loop's clock is a fake one that the tests move, so nothing here waits in real time.
"""

import queue

import numpy as np
import pytest

from neurongui.engine import Network
from neurongui.engine.config import TrainingConfig
from neurongui.engine.edits import SetBias, SetWeight
from neurongui.engine.session import make_trainer, prepare_data
from neurongui.engine.training_loop import (
    PUBLISH_INTERVAL,
    ApplyEdit,
    Control,
    Mailbox,
    Quit,
    Replace,
    SetConfig,
    TrainingLoop,
)


class FakeClock:
    """Moves on by ``tick`` seconds every time it is read."""

    def __init__(self, tick: float = 0.0) -> None:
        self.now, self.tick = 100.0, tick

    def __call__(self) -> float:
        self.now += self.tick
        return self.now


@pytest.fixture
def xor():
    config = TrainingConfig(dataset="xor", n_samples=40, noise=0.0, learning_rate=0.1)
    data = prepare_data(config)
    net = Network([2, 3, 1], ["tanh", "sigmoid"], seed=0, input_names=data.input_names)
    return net, data, config


def make_loop(tick: float = 0.0):
    commands, mailbox, notes = queue.SimpleQueue(), Mailbox(), []
    clock = FakeClock(tick)
    loop = TrainingLoop(commands, mailbox, lambda: notes.append(1), clock=clock)
    return loop, commands, mailbox, notes


def test_a_slice_trains_until_a_snapshot_is_due_and_sends_copies(xor):
    net, data, config = xor
    # Each read of the clock is 1/300 s later: a snapshot is due after ~10 steps.
    loop, commands, mailbox, notes = make_loop(tick=PUBLISH_INTERVAL / 10)
    commands.put(Replace(net.copy(), data, config, edit_seq=7))
    commands.put(Control("play", 1))
    loop.run_once()  # the commands, then one slice of training
    snap = mailbox.take()
    assert snap.running and snap.edit_seq == 7 and snap.control == 1
    assert 5 <= snap.steps <= 12, snap.steps
    loop.run_once()
    later = mailbox.take()
    assert 5 <= later.steps - snap.steps <= 12
    assert not np.array_equal(later.parameters, snap.parameters)  # it trained on
    np.testing.assert_array_equal(later.parameters, loop.trainer.network.parameters)
    assert later.parameters is not loop.trainer.network.parameters
    np.testing.assert_array_equal(net.parameters, xor[0].parameters)  # on its own copy
    assert notes  # the reader was told each time the mailbox filled


def test_edits_apply_between_steps_and_stamp_the_snapshots(xor):
    net, data, config = xor
    loop, commands, mailbox, _ = make_loop()
    commands.put(Replace(net.copy(), data, config, edit_seq=1))
    commands.put(ApplyEdit(SetWeight(0, 1, 0, 2.5), edit_seq=2))
    commands.put(ApplyEdit(SetBias(1, 0, -0.75), edit_seq=3))
    commands.put(Control("step_batch", 1))
    loop.run_once()
    snap = mailbox.take()
    assert snap.edit_seq == 3 and snap.steps == 1 and not snap.running
    # The step started from the edited values: the same step from them agrees.
    edited = net.copy()
    edited.layers[0].weights[1, 0] = 2.5
    edited.layers[1].biases[0] = -0.75
    reference = make_trainer(edited, data, config)
    reference.step()
    np.testing.assert_array_equal(snap.parameters, edited.parameters)


def test_a_new_learning_rate_reaches_the_trainer_without_a_new_run(xor):
    net, data, config = xor
    loop, commands, mailbox, _ = make_loop()
    commands.put(Replace(net.copy(), data, config, edit_seq=0))
    loop.run_once()
    run = mailbox.take().run
    commands.put(SetConfig(config.with_changes(learning_rate=0.5, optimizer="adam")))
    commands.put(Control("step_epoch", 1))
    loop.run_once()
    snap = mailbox.take()
    assert loop.trainer.learning_rate == 0.5 and snap.run == run
    assert [r.epoch for r in snap.records] == [1]


def test_an_exception_in_training_is_reported_and_training_can_start_again(xor, monkeypatch):
    net, data, config = xor
    loop, commands, mailbox, _notes = make_loop(tick=PUBLISH_INTERVAL / 4)
    commands.put(Replace(net.copy(), data, config, edit_seq=0))
    commands.put(Control("play", 1))
    loop.run_once()
    mailbox.take()

    def broken_step():
        raise FloatingPointError("a bug deep in the backward pass")

    monkeypatch.setattr(loop.trainer, "step", broken_step)
    loop.run_once()  # must not raise
    snap = mailbox.take()
    assert snap.error == "FloatingPointError: a bug deep in the backward pass"
    assert not snap.running and not loop.running and loop.trainer is None
    assert not loop.quit
    # Play does nothing without a network; the reader sends the one it shows.
    commands.put(Control("play", 2))
    loop.run_once()
    assert not loop.running
    commands.put(Replace(net.copy(), data, config, edit_seq=0))
    commands.put(Control("play", 3))
    loop.run_once()
    loop.run_once()
    snap = mailbox.take()
    assert snap.running and snap.steps > 0 and not snap.error


def test_an_error_is_not_lost_when_a_later_snapshot_lands_first(xor):
    net, data, config = xor
    loop, commands, mailbox, _ = make_loop()
    loop.fail(RuntimeError("boom"))
    commands.put(Replace(net.copy(), data, config, edit_seq=0))
    loop.run_once()  # publishes the new run's first snapshot over the error
    assert mailbox.take().error == "RuntimeError: boom"


def test_a_bad_command_is_reported_not_raised(xor):
    loop, commands, mailbox, _ = make_loop()
    commands.put(Control("dance", 1))
    loop.run_once()
    assert "dance" in mailbox.take().error


def test_quit_ends_run(xor):
    net, data, config = xor
    loop, commands, _, _ = make_loop(tick=PUBLISH_INTERVAL / 4)
    commands.put(Replace(net.copy(), data, config, edit_seq=0))
    commands.put(Control("play", 1))
    commands.put(Quit())
    loop.run()  # returns: Quit arrived with the other commands
    assert loop.quit


def test_a_divergence_stops_the_loop_with_the_trainers_message():
    config = TrainingConfig(dataset="line", n_samples=40, loss="mse", learning_rate=1e6)
    data = prepare_data(config)
    net = Network([1, 1], ["identity"], seed=0, input_names=data.input_names)
    loop, commands, mailbox, _ = make_loop(tick=PUBLISH_INTERVAL / 1000)
    big = config
    commands.put(Replace(net.copy(), data, big, edit_seq=0))
    commands.put(Control("play", 1))
    for _ in range(50):
        loop.run_once()
        if not loop.running:
            break
    snap = mailbox.take()
    assert not loop.running and snap.status == "diverged" and "diverged" in snap.message
    assert np.isfinite(snap.parameters).all()


def test_a_run_goes_on_from_the_epochs_already_trained(xor):
    net, data, config = xor
    config = config.with_changes(schedule="step", decay_every=2, decay_factor=0.5)
    loop, commands, mailbox, _ = make_loop()
    commands.put(Replace(net.copy(), data, config, edit_seq=0, epochs_done=5))
    commands.put(Control("step_epoch", 1))
    loop.run_once()
    snap = mailbox.take()
    assert [record.epoch for record in snap.records] == [6]  # numbered on, not from 1
    # the schedule went on too: after 6 epochs, halved ⌊6/2⌋ = 3 times
    assert loop.trainer.current_learning_rate == 0.1 * 0.5**3
