"""The shipped MNIST subset in the window: listed by its name, a 784-30-10 network
for it, and it trains."""

from PySide6.QtWidgets import QComboBox


def _choose(combo: QComboBox, key) -> None:
    index = combo.findData(key)
    assert index >= 0, key
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # as when the student picks it


def test_mnist_is_listed_after_the_8x8_digits_and_trains(window, qtbot):
    combo = window.training_panel.dataset
    keys = [combo.itemData(i) for i in range(combo.count())]
    assert keys.index("mnist") == keys.index("digits") + 1
    assert combo.itemText(keys.index("mnist")) == "MNIST digits (10,000)"

    _choose(combo, "mnist")
    assert window.network.sizes == [784, 30, 10]
    assert [layer.activation.name for layer in window.network.layers] == ["tanh", "softmax"]
    assert window.model.config.loss == "cross_entropy"
    data = window.model.data
    assert (len(data.X_train), len(data.X_test)) == (8000, 2000)  # MNIST's own split
    assert data.dataset.image_shape == (28, 28)
    assert not window.training_panel.test_ratio.isEnabled()  # the set's split, not a share
    _choose(combo, "iris")
    assert window.training_panel.test_ratio.isEnabled()
    _choose(combo, "mnist")

    window.training.step()  # one epoch
    qtbot.waitUntil(lambda: len(window.model.history) > 0, timeout=30000)
    # One epoch of 8,000 real digits: far above chance (10 %).
    assert window.model.history[-1].test_accuracy > 0.8
