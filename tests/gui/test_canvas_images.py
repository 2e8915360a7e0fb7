"""Image data on the diagram: the sample's pixels in grey, each first-layer neuron's
weights as a picture, the selected one large (issue 15)."""

import numpy as np
import pytest
from mnist_helpers import use_mnist_like
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage

from neurongui.engine.refs import EdgeRef
from neurongui.paths import resource_path
from neurongui.views.canvas_images import ink_rgb, weight_level, weight_rgb
from neurongui.views.canvas_maps import POSITIVE


def _rgb(image: QImage) -> np.ndarray:
    """(rows, cols, 3) bytes of ``image``."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    rows, cols, line = rgb.height(), rgb.width(), rgb.bytesPerLine()
    data = np.array(rgb.constBits(), dtype=np.uint8)[: line * rows]  # a copy
    return data.reshape(rows, line)[:, : 3 * cols].reshape(rows, cols, 3)


@pytest.fixture
def mnist_window(window):
    window.resize(1366, 768)
    use_mnist_like(window)
    return window


@pytest.mark.parametrize("dark", [False, True])
def test_the_input_is_the_samples_image_in_grey_on_white_paper(mnist_window, dark):
    window = mnist_window
    window.canvas.set_dark(dark)
    for index in (0, 7):
        window.model.select_sample(index)
        pixels = _rgb(window.canvas.input_picture())
        x = window.model.data.inputs("train", index).reshape(28, 28)
        expected = 255 - np.rint(255 * x)
        assert pixels.shape == (28, 28, 3)
        assert np.array_equal(pixels[..., 0], expected) and np.array_equal(
            pixels[..., 0], pixels[..., 2]
        )
    # The bytes themselves: an MNIST pixel b is drawn as grey 255 − b.
    raw = window.model.data.X_train[7].reshape(28, 28)
    assert np.array_equal(pixels[..., 1], 255 - raw)


def test_a_first_layer_neurons_picture_is_its_weights_and_follows_an_edit(mnist_window):
    window, canvas = mnist_window, mnist_window.canvas
    W = window.network.layers[0].weights
    level = canvas.weight_level
    assert level == weight_level(W)
    assert np.mean(np.abs(W) <= level) >= 0.99  # nearly every weight within the scale
    for neuron in (0, 41, 99):
        picture = _rgb(canvas.weight_picture(neuron))
        assert np.array_equal(picture, weight_rgb(W[neuron].reshape(28, 28), level, False))
    # An edit through the Editor: the pixel's colour follows (full blue at +level).
    window.editor.set_weight(EdgeRef(0, 41, 28 * 10 + 3), level)
    picture = _rgb(canvas.weight_picture(41))
    assert tuple(picture[10, 3]) == (POSITIVE.red(), POSITIVE.green(), POSITIVE.blue())
    window.undo_stack.undo()
    assert np.array_equal(
        _rgb(canvas.weight_picture(41)), weight_rgb(W[41].reshape(28, 28), level, False)
    )


def test_the_selected_neuron_is_drawn_large_enough_to_project(mnist_window):
    canvas = mnist_window.canvas
    assert canvas.focus_picture() is None
    assert canvas.focus_title == "Click a neuron\nof hidden layer 1\nto see what it looks for"
    canvas.select_neuron(0, 41)
    big = canvas.focus_picture()
    assert np.array_equal(_rgb(big), _rgb(canvas.weight_picture(41)))
    assert canvas.focus_title in (
        "What neuron 42 of hidden layer 1 looks for",
        "Neuron 42 looks for",
    )
    # On a 1366×768 window each weight is a square of several screen pixels.
    rect = canvas.focus_rect()
    assert rect.width() * canvas.scale_now() >= 28 * 5
    # An edge from a pixel into neuron 7 shows neuron 7's picture.
    canvas.select_edge(0, 6, 100)
    assert canvas.focus_title.startswith(("What neuron 7 ", "Neuron 7 "))
    canvas.select_neuron(1, 2)  # an output neuron: no picture of pixels
    assert canvas.focus_picture() is None


def test_a_784_100_10_network_is_a_few_hundred_items(mnist_window):
    items = mnist_window.canvas.scene().items()
    # 100 framed neurons with their bias captions and 10 outputs; the 784 pixels, the
    # 78,400 weights of the pictures and the large picture are a handful of pixmaps.
    assert len(items) < 400

    def pictures() -> int:
        return sum(i.type() == 7 and not i.pixmap().isNull() for i in canvas.scene().items())

    canvas = mnist_window.canvas
    assert pictures() == 2  # the input image, all of the first layer's weight pictures
    canvas.select_neuron(0, 5)
    assert pictures() == 3 and len(canvas.scene().items()) == len(items)  # and the large one


def test_the_8x8_digits_show_8x8_weight_pictures(window):
    window.open_example(resource_path("examples", "digits.json"))
    canvas = window.canvas
    W = window.network.layers[0].weights
    picture = canvas.weight_picture(3)
    assert (picture.width(), picture.height()) == (8, 8)
    assert np.array_equal(_rgb(picture), weight_rgb(W[3].reshape(8, 8), canvas.weight_level, False))


def test_ink_and_levels():
    assert ink_rgb(np.array([0.0, 1.0, 51 / 255]))[:, 0].tolist() == [255, 0, 204]
    assert weight_level(np.array([0.03, -0.07])) == pytest.approx(0.1)
    assert weight_level(np.array([1.5])) == 2.0 and weight_level(np.array([0.0])) == 1.0
    assert weight_level(np.array([0.2])) == pytest.approx(0.2)


def test_the_weight_pictures_follow_training_while_it_runs(training_window, qtbot):
    window = training_window
    use_mnist_like(window, hidden=30)
    canvas = window.canvas
    canvas.select_neuron(0, 4)
    before = _rgb(canvas.weight_picture(4)).copy()
    window.training.play()
    # Snapshots redraw the pictures while it runs: no pause needed to see them change.
    qtbot.waitUntil(
        lambda: (
            window.training.running and not np.array_equal(_rgb(canvas.weight_picture(4)), before)
        ),
        timeout=20000,
    )
    assert window.training.running
    window.training.pause()
    qtbot.waitUntil(lambda: not window.training.running)
    W = window.network.layers[0].weights
    qtbot.waitUntil(
        lambda: np.array_equal(
            _rgb(canvas.focus_picture()),
            weight_rgb(W[4].reshape(28, 28), canvas.weight_level, False),
        )
    )


def test_a_click_on_the_large_picture_selects_that_pixels_weight(mnist_window, qtbot):
    window, canvas = mnist_window, mnist_window.canvas
    canvas.select_neuron(0, 41)
    rect = canvas.focus_rect()
    side = rect.width() / 28
    centre = QPointF(rect.left() + 3.5 * side, rect.top() + 10.5 * side)  # row 10, column 3
    point = canvas.mapFromScene(centre)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
    s = window.model.selection
    assert (s.kind, s.layer, s.neuron, s.source) == ("edge", 0, 41, 28 * 10 + 3)
    assert canvas.focus_picture() is not None  # the picture of neuron 42 stays
    # Hovering it names that weight: w from p10_3 into neuron 42.
    qtbot.mouseMove(canvas.viewport(), point + QPoint(1, 0))
    qtbot.waitUntil(lambda: "p10_3" in canvas.viewport().toolTip())


def test_the_texts_stay_readable_and_in_view_at_any_zoom(mnist_window):
    canvas = mnist_window.canvas
    canvas.select_neuron(0, 41)
    view = QRectF(canvas.viewport().rect())
    for action in [None, *["zoom_out_action"] * 3, *["zoom_in_action"] * 6]:
        if action:
            getattr(canvas, action).trigger()
        else:
            canvas.fit()
        title = canvas.focus_title
        for text in canvas.screen_texts():
            if text.text:
                left, top, width, height = text.screen_rect(canvas)
                assert height >= 10, text.text  # drawn at screen size, never shrunk
                if action is None:  # fitted: everything in view
                    assert view.contains(QRectF(left, top, width, height)), text.text
        assert title in ("", "What neuron 42 of hidden layer 1 looks for", "Neuron 42 looks for")


def test_a_drawn_input_shows_in_the_input_picture(mnist_window):
    window, canvas = mnist_window, mnist_window.canvas
    drawing = np.zeros(784)
    drawing[28 * 14 : 28 * 15] = 1.0  # a horizontal stroke across row 14
    window.model.set_probe(drawing)
    pixels = _rgb(canvas.input_picture())
    assert (pixels[14, :, 0] == 0).all() and (pixels[13, :, 0] == 255).all()
    assert canvas.legend.text().startswith("Showing your input: 28 × 28 pixels")
