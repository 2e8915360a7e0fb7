"""The Output tab at MNIST scale: the confusion matrix of 28×28 images, counted at a
walk while training and exactly when paused, and the strip of misclassified images."""

import numpy as np
import pytest
from mnist_helpers import mnist_like, use_mnist_like

from neurongui.documents import InstanceGuard
from neurongui.engine import Network
from neurongui.engine.config import TrainingConfig
from neurongui.engine.session import prepare_data
from neurongui.main_window import MainWindow
from neurongui.views import chart_confusion
from neurongui.views.chart_output import OutputChart

OUTPUT = 1


class FrozenClock:
    """time.monotonic for the confusion matrix, moved only by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = FrozenClock()
    monkeypatch.setattr(chart_confusion, "time", fake)
    return fake


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(guard=InstanceGuard(tmp_path / "data"))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.training.shutdown()


def _matrix(chart: OutputChart) -> np.ndarray:
    return chart.confusion_counts


def _exact(window) -> np.ndarray:
    data, net = window.model.data, window.network
    truth = data.Y_test.argmax(axis=1)
    pred = net.forward(data.inputs("test")).argmax(axis=1)
    return np.bincount(truth * 10 + pred, minlength=100).reshape(10, 10)


def test_a_chart_recounts_at_most_once_a_period_while_live_and_exactly_when_paused(qtbot, clock):
    chart = OutputChart()
    qtbot.addWidget(chart)
    dataset = mnist_like(300)
    config = TrainingConfig(dataset=dataset.name, loss="cross_entropy")
    data = prepare_data(config, dataset.feature_names, dataset=dataset)
    net = Network([784, 20, 10], ["relu", "softmax"], seed=0, input_names=dataset.feature_names)
    chart.set_data(data)
    chart.draw(data, net, live=True)
    assert chart.confusion_passes == 1 and not chart.confusion_exact
    for _ in range(10):  # ten snapshots within one period: no new pass
        chart.draw(data, net, live=True)
    assert chart.confusion_passes == 1
    clock.now += chart_confusion.CONFUSION_PERIOD
    chart.draw(data, net, live=True)
    assert chart.confusion_passes == 2
    chart.draw(data, net)  # paused: at once, in double precision
    assert chart.confusion_passes == 3 and chart.confusion_exact
    assert "twice a second" not in chart.output_note.text()


def test_a_live_count_takes_one_chunk_a_snapshot(qtbot, clock, monkeypatch):
    monkeypatch.setattr(chart_confusion, "CHUNK", 25)
    chart = OutputChart()
    qtbot.addWidget(chart)
    dataset = mnist_like(500)  # 100 test images: four chunks
    config = TrainingConfig(dataset=dataset.name, loss="cross_entropy")
    data = prepare_data(config, dataset.feature_names, dataset=dataset)
    net = Network([784, 20, 10], ["relu", "softmax"], seed=0, input_names=dataset.feature_names)
    chart.set_data(data)
    chart.draw(data, net)  # the exact count, at once
    assert chart.confusion_passes == 1
    clock.now += chart_confusion.CONFUSION_PERIOD
    for _ in range(3):  # three snapshots: three chunks, no matrix yet
        chart.draw(data, net, live=True)
    assert chart.confusion_passes == 1 and chart.confusion_exact
    chart.draw(data, net, live=True)  # the fourth chunk completes the count
    assert chart.confusion_passes == 2 and not chart.confusion_exact
    truth = data.Y_test.argmax(axis=1)
    pred = net.forward(data.inputs("test")).argmax(axis=1)
    exact = np.bincount(truth * 10 + pred, minlength=100).reshape(10, 10)
    # Single precision picks the same classes here (the weights did not move).
    assert np.array_equal(_matrix(chart), exact)


def test_while_training_the_matrix_waits_and_when_paused_it_is_exact(window, qtbot, clock):
    use_mnist_like(window, hidden=30, n=400)
    charts, chart = window.charts, window.charts.output_tab
    charts.tabs.setCurrentIndex(OUTPUT)
    qtbot.waitUntil(lambda: chart.confusion_exact)
    assert np.array_equal(_matrix(chart), _exact(window))
    before, snapshots = chart.confusion_passes, []
    window.training.snapshotApplied.connect(lambda: snapshots.append(1))
    window.training.play()
    qtbot.waitUntil(lambda: len(snapshots) >= 5, timeout=20000)
    assert chart.confusion_passes == before  # within the period of the last count
    clock.now += chart_confusion.CONFUSION_PERIOD
    qtbot.waitUntil(lambda: chart.confusion_passes == before + 1, timeout=20000)
    assert not chart.confusion_exact
    seen = len(snapshots)
    qtbot.waitUntil(lambda: len(snapshots) >= seen + 10, timeout=20000)
    # The clock stands still: one count while training, however many snapshots came.
    assert chart.confusion_passes == before + 1
    assert "twice a second" in chart.output_note.text()
    window.training.pause()
    qtbot.waitUntil(lambda: chart.confusion_exact, timeout=10000)
    qtbot.waitUntil(lambda: np.array_equal(_matrix(chart), _exact(window)), timeout=10000)


def test_the_strip_shows_28x28_thumbnails_ink_on_paper(window, qtbot):
    use_mnist_like(window, hidden=30, n=400)
    charts, chart = window.charts, window.charts.output_tab
    charts.tabs.setCurrentIndex(OUTPUT)
    qtbot.waitUntil(lambda: chart.confusion_exact)
    data = window.model.data
    pred = window.network.forward(data.inputs("test")).argmax(axis=1)
    wrong = np.flatnonzero(pred != data.Y_test.argmax(axis=1))
    count = chart.strip_size((28, 28))
    assert len(wrong) >= count >= 4
    strip = chart.strip.image[:, ::-1].T  # back to rows × columns, as drawn
    assert strip.shape == (30, 30 * count)  # digits' names: no margin for a second line
    first = strip[1:29, 1:29]
    assert np.array_equal(first, 1.0 - data.inputs("test", wrong[0]).reshape(28, 28))
    # Each thumbnail is a few times its 28 pixels on screen.
    box = charts.misclassified.getViewBox()
    assert box.width() / box.viewRange()[0][1] * 28 >= 40
    labels = [t.text() for t in chart.strip_labels]
    assert len(labels) == count and all("→" in label for label in labels)


def test_a_new_network_on_mnist_while_the_worker_lives(window, qtbot):
    """The worker compared the new data with the data it sent by ==, which compares
    arrays: MNIST prepared again (its cached Dataset, new arrays) raised ValueError."""
    model = window.model
    model.set_config(model.config.with_changes(dataset="mnist", loss="cross_entropy"))
    window.training.step()  # the worker thread starts and gets this data
    qtbot.waitUntil(lambda: len(model.history) == 1, timeout=30000)
    # A new network for the same data: the data is prepared again (new arrays).
    net = Network(
        [784, 16, 10], ["relu", "softmax"], seed=1, input_names=window.network.input_names
    )
    model.set_network(net, model.config)
    window.training.step()
    qtbot.waitUntil(
        lambda: len(model.history) == 1 and model.data.dataset.name == "mnist", timeout=30000
    )
