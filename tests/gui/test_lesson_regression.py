"""Lesson 4, linear regression and gradient descent: the surface is the engine's loss,
a step is θ − η∇L with the engine's gradients, steps undo, a good rate finds the
least-squares line and a divergent one is stopped with finite weights."""

import numpy as np
import pytest
from PySide6.QtWidgets import QDoubleSpinBox, QPushButton

from neurongui.engine.explain import format_number
from neurongui.lessons.regression import BLOWUP, PRESETS, START
from neurongui.lessons.text import plain


def _start(window):
    return window.start_lesson("regression")


def _click(lesson, name):
    lesson.findChild(QPushButton, name).click()


def _loss_at(window, w, b):
    net = window.network.copy()
    net.set_weight(0, 0, 0, w)
    net.set_bias(0, 0, b)
    data = window.model.data
    return net.loss(data.X_train, data.Y_train, "mse")


def test_the_lesson_starts_at_the_fixed_point_on_the_line_data(window):
    lesson = _start(window)
    net = window.network
    assert net.sizes == [1, 1] and net.layers[0].activation.name == "identity"
    assert net.parameters.tolist() == list(START)
    config = window.model.config
    assert config.dataset == "line" and config.loss == "mse" and config.test_fraction == 0
    x = window.model.data.X_train[:, 0]
    lam = np.linalg.eigvalsh([[np.mean(x * x), np.mean(x)], [np.mean(x), 1.0]])[-1]
    info = plain(lesson.info.text())
    assert f"λ<sub>max</sub> = {format_number(lam)}" in info
    assert f"2/λ<sub>max</sub> = {format_number(2 / lam)}" in info
    assert "Hessian" in lesson.info.toolTip() and "Hessian" not in info  # for first-years


def test_the_closed_form_surface_is_the_engines_loss(window):
    lesson = _start(window)
    for w, b in [(-1.5, 1.5), (0.0, 0.0), (0.8, -0.5), (2.5, -3.0), (-7.0, 11.0)]:
        assert lesson.moments.loss(w, b) == pytest.approx(_loss_at(window, w, b), rel=1e-12)
    # The image drawn is log₁₀ of that loss on its grid.
    w0, b0, w1, b1 = lesson.plots.bounds
    image = lesson.surface.image
    # The image reaches a side of the square beyond it on every side.
    side = w1 - w0
    ws = np.linspace(w0 - side, w1 + side, image.shape[1])
    bs = np.linspace(b0 - side, b1 + side, image.shape[0])
    for i, j in [(0, 0), (60, 17), (120, 120), (33, 90), (240, 360)]:
        assert 10 ** image[i, j] == pytest.approx(_loss_at(window, ws[j], bs[i]), rel=1e-9)
    # So the equal scales leave no blank band: the image covers all the plot shows.
    (x0, x1), (y0, y1) = lesson.plots.loss_plot.viewRange()
    drawn = lesson.surface.mapRectToParent(lesson.surface.boundingRect())
    assert drawn.left() <= x0 and drawn.right() >= x1
    assert drawn.top() <= y0 and drawn.bottom() >= y1
    # The minimum marked is where the engine's gradient vanishes.
    ((w_opt, b_opt),) = lesson.minimum.data[["x", "y"]].tolist()
    net = window.network.copy()
    np.copyto(net.parameters, [w_opt, b_opt])
    data = window.model.data
    grads = net.gradients(data.X_train, data.Y_train, "mse")[0]
    assert abs(grads["weights"][0, 0]) < 1e-9 and abs(grads["biases"][0]) < 1e-9


def test_the_rate_presets_come_from_the_hessian(window):
    lesson = _start(window)
    x = window.model.data.X_train[:, 0]
    hessian = np.array([[np.mean(x * x), np.mean(x)], [np.mean(x), 1.0]])
    lam = np.linalg.eigvalsh(hessian)[-1]
    rate = lesson.findChild(QDoubleSpinBox, "rateBox")
    for name, factor in zip(
        ("tooSmallButton", "goodButton", "divergesButton"), PRESETS, strict=True
    ):
        _click(lesson, name)
        assert rate.value() == pytest.approx(factor / lam, abs=1e-4)
        assert window.model.config.learning_rate == rate.value()
    assert "2/λ<sub>max</sub> = " in plain(lesson.info.text())


def test_a_step_is_theta_minus_eta_times_the_engines_gradient(window):
    lesson = _start(window)
    _click(lesson, "tooSmallButton")
    eta = lesson.eta
    data = window.model.data
    for _ in range(3):
        theta = window.network.parameters.copy()
        g = window.network.gradients(data.X_train, data.Y_train, "mse")[0]
        gradient = np.array([g["weights"][0, 0], g["biases"][0]])
        _click(lesson, "stepButton")
        assert np.allclose(window.network.parameters, theta - eta * gradient, rtol=1e-14)
    text = plain(lesson.step_label.text())
    assert f"∂L/∂w = {format_number(gradient[0])}," in text
    assert f"∂L/∂b = {format_number(gradient[1])}," in text
    loss = window.network.loss(data.X_train, data.Y_train, "mse")
    assert f"L = {format_number(loss)}." in text
    w, b = window.network.parameters
    assert f"w = {format_number(w)}, b = {format_number(b)}" in text
    assert len(lesson.path_points()) == 4


def test_undo_restores_the_weights_and_shortens_the_path(window):
    lesson = _start(window)
    _click(lesson, "tooSmallButton")
    _click(lesson, "stepButton")
    one = window.network.parameters.copy()
    _click(lesson, "runButton")
    assert len(lesson.steps()) == 21 and window.undo_stack.count() == 2
    window.undo_stack.undo()  # the twenty steps, at once
    assert np.array_equal(window.network.parameters, one) and len(lesson.path_points()) == 2
    window.undo_stack.undo()
    assert window.network.parameters.tolist() == list(START) and len(lesson.path_points()) == 0
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert len(lesson.steps()) == 21


def test_the_good_rate_finds_the_least_squares_line_and_passes_the_check(window):
    lesson = _start(window)
    assert not lesson.run_check() and "Not yet" in lesson.feedback.text()
    _click(lesson, "goodButton")
    # The slow direction of the valley shrinks by 1 − λ_min/λ_max ≈ 0.7 a step here.
    for _ in range(3):
        _click(lesson, "runButton")
    data = window.model.data
    slope, intercept = np.polyfit(data.X_train[:, 0], data.Y_train[:, 0], 1)
    assert np.allclose(window.network.parameters, [slope, intercept], atol=1e-6)
    assert lesson.run_check() and "Right" in lesson.feedback.text()


def test_a_too_small_rate_is_still_far_after_twenty_steps(window):
    lesson = _start(window)
    _click(lesson, "tooSmallButton")
    start = lesson.current_loss()
    _click(lesson, "runButton")
    losses = [s.loss_after for s in lesson.steps()]
    assert losses[0] < start and all(np.diff(losses) < 0)
    assert lesson.current_loss() > lesson.target() and not lesson.run_check()


def test_a_divergent_rate_grows_the_loss_and_stops_with_finite_weights(window):
    lesson = _start(window)
    _click(lesson, "divergesButton")
    assert "diverges" in lesson.info.text()
    start = lesson.current_loss()
    for _ in range(10):
        if lesson.run_steps() == 0:
            break
    else:
        pytest.fail("the divergent run never stopped")
    losses = [s.loss_after for s in lesson.steps()]
    assert all(np.diff(losses) > 0) and losses[-1] > BLOWUP * start
    assert "diverged" in lesson.feedback.text() and "2/λ_max" in lesson.feedback.text()
    assert np.all(np.isfinite(window.network.parameters))
    stuck = window.network.parameters.copy()
    _click(lesson, "stepButton")
    assert np.array_equal(window.network.parameters, stuck)
    # A good rate brings it back; Reset returns to the start with a fresh path.
    _click(lesson, "goodButton")
    _click(lesson, "stepButton")
    assert lesson.current_loss() < start
    _click(lesson, "resetButton")
    assert window.network.parameters.tolist() == list(START) and lesson.steps() == []


def test_the_check_refuses_another_network(window):
    lesson = _start(window)
    window.canvas.add_layer()
    assert not lesson.body.isEnabled()
    assert not lesson.run_check() and "Ctrl+Z" in lesson.feedback.text()
    window.undo_stack.undo()
    assert lesson.body.isEnabled() and window.network.sizes == [1, 1]


def test_gradients_at_the_minimum_read_as_zero_not_in_scientific_notation(window):
    lesson = _start(window)
    _click(lesson, "goodButton")
    for _ in range(3):
        _click(lesson, "runButton")
    text = plain(lesson.step_label.text())
    assert "∂L/∂w ≈ 0" in text
    assert "e−" not in text and "e-" not in text
