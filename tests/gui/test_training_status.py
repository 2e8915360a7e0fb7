"""The line under the training buttons: which epoch, the training loss and accuracy,
and whether the curves came with the file."""

from PySide6.QtCore import QCoreApplication, QEvent
from training_helpers import use_xor

from neurongui.engine.numbers import format_number, format_percent


def _step(window, qtbot) -> None:
    with qtbot.waitSignal(window.training.epochChanged, timeout=10000):
        window.training.step()


def test_the_status_line_names_the_training_loss_and_accuracy(training_window, qtbot):
    window = training_window
    use_xor(window)
    _step(window, qtbot)
    record = window.model.history[-1]
    assert window.training_panel.epoch_label.text() == (
        f"Epoch 1 · training loss {format_number(record.train_loss)}"
        f" · training accuracy {format_percent(record.train_accuracy)}"
    )


def test_regression_has_a_loss_and_no_accuracy(training_window, qtbot):
    window = training_window
    window.model.set_config(window.model.config.with_changes(dataset="line"))
    _step(window, qtbot)
    record = window.model.history[-1]
    assert record.train_accuracy is None
    text = window.training_panel.epoch_label.text()
    assert text == f"Epoch 1 · training loss {format_number(record.train_loss)}"


def test_a_file_with_saved_curves_says_so_until_it_trains(training_window, qtbot, tmp_path):
    # The review: the "-open" states showed epoch 30 and its curves without saying whence.
    window = training_window
    use_xor(window)
    for _ in range(3):
        _step(window, qtbot)
    assert window.save_path(tmp_path / "xor.json")
    window.new_document()
    assert window.open_path(tmp_path / "xor.json")
    label = window.training_panel.epoch_label
    assert label.text().startswith("Epoch 3 (saved with the file) · training loss")
    _step(window, qtbot)
    # Trained now: the curves are this session's (the run restarts its epoch count).
    assert "saved" not in label.text() and " · training loss " in label.text()


def _lay_out() -> None:
    """Run the layouts a text change asked for (Qt posts them)."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def test_the_toolbar_stays_put_when_training_starts_and_stops(training_window, qtbot):
    # The review: "Play / Pause" became "Play" and the buttons after it moved sideways.
    window = training_window
    use_xor(window)
    menus = window.window_menus
    toolbar = menus.toolbar
    play = toolbar.widgetForAction(menus.play_action)
    following = [toolbar.widgetForAction(a) for a in toolbar.actions()]
    following = following[following.index(play) + 1 :]
    assert following  # Step and Reset
    before = [button.x() for button in following]
    with qtbot.waitSignal(window.training.runningChanged):
        window.training.play()
    assert play.text() == "Pause"
    _lay_out()
    assert [button.x() for button in following] == before
    with qtbot.waitSignal(window.training.runningChanged):
        window.training.pause()
    assert play.text() == "Play"
    _lay_out()
    assert [button.x() for button in following] == before
