"""Lesson 5, backpropagation step by step: every number shown is the engine's."""

import re

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QDoubleSpinBox, QLineEdit, QPushButton

from neurongui.engine.compgraph import example_graph
from neurongui.engine.edits import SetWeight
from neurongui.engine.explain import format_number
from neurongui.lessons.backprop import ETA, TARGET, UPDATE, X
from neurongui.lessons.text import plain
from neurongui.views.canvas_overlay import OVERLAY_TAG

XS, YS = X[None, :], np.array([[TARGET]])


def _number(text: str) -> float:
    return float(text.replace("−", "-"))


def _shown(lesson, key: str) -> dict[str, float]:
    """The ``name = number`` lines of one overlay box, as numbers by name."""
    pairs = re.findall(r"(\S+) = (\S+)", lesson.overlay.texts()[key])
    return {name: _number(value) for name, value in pairs}


def _overlay_items(window) -> list:
    return [item for item in window.canvas.scene().items() if item.data(0) == OVERLAY_TAG]


def _network_page(window):
    lesson = window.start_lesson("backprop")
    lesson.findChild(QPushButton, "networkButton").click()
    return lesson


def _question(window):
    """The network part at its question, the gradients step."""
    lesson = _network_page(window)
    _to_stage(lesson, 6)
    return lesson


def _to_stage(lesson, stage: int) -> None:
    while lesson.stage < stage:
        lesson.findChild(QPushButton, "stageNext").click()
    assert lesson.stage == stage


def _central_difference(net, layer: int, j: int, k: int, h: float = 1e-6) -> float:
    plus, minus = net.copy(), net.copy()
    w = net.get_weight(layer, j, k)
    plus.set_weight(layer, j, k, w + h)
    minus.set_weight(layer, j, k, w - h)
    return (plus.loss(XS, YS, "mse") - minus.loss(XS, YS, "mse")) / (2 * h)


# -- part 1: the chain rule ---------------------------------------------------------------


def test_the_graph_shows_exact_values_and_gradients_that_match_finite_differences(window):
    page = window.start_lesson("backprop").graph
    last = page.n_stages - 1
    for _ in range(last):
        page.next.click()
    assert page.stage == last and not page.next.isEnabled()
    shown = {k: _number(v) for k, v in page.view.shown.items() if k != "f'" and "->" not in k}
    assert shown == {"x": -2, "y": 5, "z": -4, "q": 3, "f": -12}
    assert page.gradients == {"x": -4, "y": -4, "z": 3, "q": -4, "f": 1}
    edges = {key: value for key, value in page.view.shown.items() if "->" in key}
    assert {k: _number(v) for k, v in edges.items()} == {
        "x->q": -4,
        "y->q": -4,
        "q->f": -4,
        "z->f": 3,
    }
    h = 1e-4
    values = {"x": -2.0, "y": 5.0, "z": -4.0}
    for name in "xyz":
        up, down = dict(values), dict(values)
        up[name] += h
        down[name] -= h
        numeric = (example_graph(**up)["f"].value - example_graph(**down)["f"].value) / (2 * h)
        assert page.gradients[name] == pytest.approx(numeric, abs=1e-8)


def test_the_backward_pass_appears_edge_by_edge_from_the_output(window):
    page = window.start_lesson("backprop").graph
    assert set(page.view.shown) == {"x", "y", "z"}  # the inputs only
    page.next.click()
    assert set(page.view.shown) == {"x", "y", "z", "q", "f"}  # forward values
    page.next.click()
    assert page.view.shown["f'"] == "∂f/∂f = 1"
    seen = []
    while page.next.isEnabled():
        page.next.click()
        new = [k for k in page.view.shown if "->" in k and k not in seen]
        assert len(new) == 1  # one edge per step
        seen += new
    assert seen[:2] == ["q->f", "z->f"] and set(seen[2:]) == {"x->q", "y->q"}
    page.back.click()
    assert len([k for k in page.view.shown if "->" in k]) == 3


def test_every_number_of_the_graph_lies_inside_its_view(window):
    page = window.start_lesson("backprop").graph
    page.boxes["z"].setValue(-20.5)  # a wider box than the lesson's −4
    while True:
        scene = page.view.scene()
        assert page.view.sceneRect().contains(scene.itemsBoundingRect()), page.stage
        if not page.next.isEnabled():
            break
        page.next.click()


def test_changing_x_recomputes_the_graph(window):
    page = window.start_lesson("backprop").graph
    while page.next.isEnabled():
        page.next.click()
    page.findChild(QDoubleSpinBox, "xInput").setValue(1.0)
    assert _number(page.view.shown["q"]) == 6 and _number(page.view.shown["f"]) == -24
    assert _number(page.view.shown["z->f"]) == 6  # ∂f/∂z = q
    assert page.gradients["x"] == -4
    page.findChild(QDoubleSpinBox, "zInput").setValue(2.5)
    assert page.gradients["x"] == 2.5 and page.view.shown["x->q"] == "2.5"


def test_the_graph_question_refuses_wrong_and_non_numeric_answers(window):
    lesson = window.start_lesson("backprop")
    answer = lesson.findChild(QLineEdit, "graphAnswer")
    check = lesson.findChild(QPushButton, "checkButton")
    check.click()
    assert "first" in lesson.feedback.text()
    answer.setText("minus four")
    check.click()
    assert "not a number" in lesson.feedback.text()
    answer.setText("4")
    assert not lesson.run_check() and "sign is flipped" in lesson.feedback.text()
    answer.setText("3")  # q = x + y = −2 + 5
    assert not lesson.run_check() and "∂f/∂z = q" in lesson.feedback.text()
    answer.setText("−4.1")
    assert not lesson.run_check() and "Not yet: −4.1 is not ∂f/∂x" in lesson.feedback.text()
    answer.setText("−4")  # the true minus sign is accepted
    assert lesson.run_check() and "Right" in lesson.feedback.text()
    lesson.findChild(QDoubleSpinBox, "zInput").setValue(3.0)
    assert not lesson.run_check()  # ∂f/∂x follows z
    answer.setText("3")
    assert lesson.run_check()


# -- part 2: a network ----------------------------------------------------------------


def test_the_lesson_trains_on_its_one_sample(window):
    lesson = _network_page(window)
    assert window.network.sizes == [2, 2, 1]
    assert np.array_equal(window.model.data.X_train, XS)
    assert np.array_equal(window.model.data.Y_train, YS)
    assert not window.model.modified
    assert lesson.stage_label.text().startswith("Step 1 of 8")


def test_every_stage_shows_the_engines_forward_and_backward_values(window):
    lesson = _network_page(window)
    bp = window.network.backprop(XS, YS, "mse")
    z, a, d = [v[0] for v in bp.zs], [v[0] for v in bp.activations], [v[0] for v in bp.deltas]
    assert bp.loss == pytest.approx(0.5 * (TARGET - a[1][0]) ** 2)
    assert _shown(lesson, "input0") == {"x₁": 0.05} and _shown(lesson, "input1") == {"x₂": 0.1}
    assert "hidden0" not in lesson.overlay.texts()
    expected = {
        1: {"hidden0": {"z₁": z[0][0], "a₁": a[0][0]}, "hidden1": {"z₂": z[0][1], "a₂": a[0][1]}},
        2: {"output": {"z₃": z[1][0], "ŷ": a[1][0]}},
        3: {"output": {"L": bp.loss}},
        4: {"output": {"δ₃": d[1][0]}},
        5: {"hidden0": {"δ₁": d[0][0]}, "hidden1": {"δ₂": d[0][1]}},
    }
    for stage, boxes in expected.items():
        _to_stage(lesson, stage)
        working = lesson.working.text()
        for key, values in boxes.items():
            shown = _shown(lesson, key)
            for name, value in values.items():
                assert shown[name] == pytest.approx(value, rel=5e-4), (stage, name)
                assert format_number(value) in working, (stage, name)
    numbers = lesson.numbers()
    for mine, engine in zip(numbers.bp.deltas, bp.deltas, strict=True):
        assert np.array_equal(mine, engine)


def test_the_gradient_stage_hides_the_asked_value_until_it_is_answered(window):
    lesson = _network_page(window)
    assert not lesson.answer.isVisibleTo(lesson)  # no question before its step
    _to_stage(lesson, 6)
    right = window.network.backprop(XS, YS, "mse").gradients[1]["weights"][0, 0]
    shown = format_number(right)  # 0.08217
    assert lesson.answer.isVisibleTo(lesson) and "∂L/∂w₃₁" in plain(lesson.task_label.text())
    assert shown not in lesson.working.text() and "?" in lesson.working.text()
    assert lesson.overlay.texts()["edge1_0_0"] == "?"
    assert not any(shown in text for text in lesson.overlay.texts().values())
    lesson.answer.setText(shown)
    assert lesson.run_check()
    assert shown in lesson.working.text() and lesson.overlay.texts()["edge1_0_0"] == shown


def test_the_gradient_stage_shows_dl_dw_on_every_edge(window):
    lesson = _network_page(window)
    _to_stage(lesson, 6)
    right = window.network.backprop(XS, YS, "mse").gradients[1]["weights"][0, 0]
    lesson.answer.setText(format_number(right))
    assert lesson.run_check()  # the asked value shows once answered
    net, texts = window.network, lesson.overlay.texts()
    grads = net.backprop(XS, YS, "mse").gradients
    for layer, j, k in ((0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1)):
        shown = _number(texts[f"edge{layer}_{j}_{k}"])
        assert shown == pytest.approx(grads[layer]["weights"][j, k], rel=5e-4)
        assert shown == pytest.approx(_central_difference(net, layer, j, k), rel=1e-3)
        assert format_number(grads[layer]["weights"][j, k]) in lesson.working.text()
    for layer in (0, 1):
        for b in grads[layer]["biases"]:
            assert format_number(b) in lesson.working.text()  # ∂L/∂b = δ
    assert "∂L/∂b₁" in texts["hidden0"] and "∂L/∂b₃" in texts["output"]


def test_the_update_is_one_undoable_step_down_the_gradient(window):
    lesson = _network_page(window)
    net = window.network
    before, loss = net.parameters.copy(), net.loss(XS, YS, "mse")
    step = lesson.numbers().gradient_vector
    _to_stage(lesson, UPDATE - 1)
    count = window.undo_stack.count()
    lesson.findChild(QPushButton, "stageNext").click()
    assert lesson.stage == UPDATE and window.undo_stack.count() == count + 1
    assert np.array_equal(net.parameters, before - ETA * step)
    new_loss = net.loss(XS, YS, "mse")
    assert new_loss < loss
    assert _number(lesson.overlay.texts()["edge1_0_0"].split("← ")[1]) == pytest.approx(
        net.get_weight(1, 0, 0), rel=5e-4
    )
    assert format_number(new_loss) in lesson.working.text()
    assert format_number(new_loss) in lesson.overlay.texts()["output"]
    lesson.findChild(QPushButton, "stageBack").click()
    assert lesson.stage == UPDATE - 1 and np.array_equal(net.parameters, before)
    assert window.undo_stack.index() == count
    window.undo_stack.redo()  # the step can be redone like any edit
    assert np.array_equal(net.parameters, before - ETA * step)


def test_undoing_the_update_from_the_edit_menu_goes_back_a_stage(window):
    lesson = _network_page(window)
    before = window.network.parameters.copy()
    _to_stage(lesson, UPDATE)
    window.undo_stack.undo()
    assert lesson.stage == UPDATE - 1 and np.array_equal(window.network.parameters, before)
    assert "∂L/∂b₃" in lesson.overlay.texts()["output"]


def test_the_update_stays_when_the_network_changed_after_it(window):
    lesson = _network_page(window)
    _to_stage(lesson, UPDATE)
    window.editor.apply(SetWeight(0, 0, 0, 1.0), "edit")
    lesson.findChild(QPushButton, "stageBack").click()
    assert lesson.stage == UPDATE and "Undo those changes" in lesson.feedback.text()
    assert window.network.get_weight(0, 0, 0) == 1.0


def test_another_step_starts_over_from_the_updated_network(window):
    lesson = _network_page(window)
    first = window.network.loss(XS, YS, "mse")
    _to_stage(lesson, UPDATE)
    lesson.findChild(QPushButton, "stageNext").click()  # "Another step"
    assert lesson.stage == 0
    _to_stage(lesson, 3)
    assert _shown(lesson, "output")["L"] < first
    now = window.network.loss(XS, YS, "mse")
    assert _shown(lesson, "output")["L"] == pytest.approx(now, rel=5e-4)


def test_a_weight_edited_meanwhile_recomputes_the_stage(window):
    lesson = _network_page(window)
    _to_stage(lesson, 1)
    window.editor.apply(SetWeight(0, 0, 0, 2.0), "edit")
    z1 = 2.0 * 0.05 + 0.2 * 0.1 + 0.35
    assert _shown(lesson, "hidden0")["z₁"] == pytest.approx(z1, rel=5e-4)
    assert format_number(z1) in lesson.working.text()


def test_the_canvas_selection_follows_the_stage(window):
    lesson = _network_page(window)
    _to_stage(lesson, 1)
    s = window.model.selection
    assert (s.kind, s.layer, s.neuron) == ("neuron", 0, 0)
    _to_stage(lesson, 2)
    s = window.model.selection
    assert (s.kind, s.layer, s.neuron) == ("neuron", 1, 0)


def test_the_overlay_survives_a_rebuilt_canvas_and_leaves_with_the_lesson(window, qtbot):
    lesson = _network_page(window)
    _to_stage(lesson, 6)
    assert len(_overlay_items(window)) == 1 + 11  # the root and its boxes
    window.canvas.set_dark(True)  # clears and rebuilds the scene without a model signal
    qtbot.waitUntil(lambda: len(_overlay_items(window)) == 12)
    lesson.findChild(QPushButton, "chainRuleButton").click()
    assert _overlay_items(window) == []
    lesson.findChild(QPushButton, "networkButton").click()
    assert len(_overlay_items(window)) == 12
    window.leave_lesson()
    assert _overlay_items(window) == []


def test_a_structure_change_clears_the_numbers_until_undone(window):
    lesson = _network_page(window)
    _to_stage(lesson, 2)
    window.canvas.add_neuron(0)
    assert not lesson.body.isEnabled() and _overlay_items(window) == []
    window.undo_stack.undo()
    assert lesson.body.isEnabled() and "z₃" in lesson.overlay.texts()["output"]
    window.canvas.set_activation(0, "tanh")  # σ′ = σ(1 − σ) no longer holds
    assert not lesson.body.isEnabled() and _overlay_items(window) == []
    assert "sigmoid" in lesson.feedback.text()


def test_the_network_question_checks_dl_dw31(window):
    lesson = _question(window)
    answer = lesson.findChild(QLineEdit, "networkAnswer")
    answer.setText("0,08 2")
    assert not lesson.run_check() and "not a number" in lesson.feedback.text()
    answer.setText("0.5")
    assert not lesson.run_check() and "Not yet" in lesson.feedback.text()
    right = window.network.backprop(XS, YS, "mse").gradients[1]["weights"][0, 0]
    answer.setText(f"{right:.4f}")
    assert lesson.run_check()
    assert format_number(right) in lesson.feedback.text()


# The worked numbers of Mazur's example, written out: δ₃ = 0.13849856, a₁ = 0.59326999,
# a₂ = 0.59688438; ∂L/∂w₃₁ = δ₃a₁ = 0.08216704 (shown 0.08217), ∂L/∂w₃₂ = 0.08266763.


@pytest.mark.parametrize("typed", ["0.08217", "0.0822", "0.082172", "0,08217"])
def test_the_network_question_accepts_the_shown_digits_and_their_rounding(window, typed):
    lesson = _question(window)
    lesson.findChild(QLineEdit, "networkAnswer").setText(typed)
    assert lesson.run_check(), lesson.feedback.text()
    assert "Right: ∂L/∂w₃₁ = δ₃·a₁ = 0.1385 × 0.5933 = 0.08217." in lesson.feedback.text()


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("0.08267", "is ∂L/∂w₃₂ = δ₃·a₂. You used a₂ where w₃₁ multiplies a₁"),
        ("0.0827", "is ∂L/∂w₃₂"),
        ("0.1385", "is δ₃ = ∂L/∂b₃"),
        ("−0.08217", "the sign is flipped"),
        ("0.3589", "the updated weight"),  # 0.4 − 0.5 × 0.08217 = 0.358915
        ("0.08218", "Not yet: 0.08218 is not ∂L/∂w₃₁"),
        ("0.082", "too few digits"),
    ],
)
def test_the_network_question_names_the_slip(window, typed, named):
    lesson = _question(window)
    lesson.findChild(QLineEdit, "networkAnswer").setText(typed)
    assert not lesson.run_check()
    assert named in lesson.feedback.text()


def test_the_network_question_names_the_missing_slope(window):
    # (ŷ − y)·a₁ = (0.75136507 − 0.01) × 0.59326999 = 0.43983...: δ₃ without σ′(z₃).
    lesson = _question(window)
    lesson.findChild(QLineEdit, "networkAnswer").setText("0.4398")
    assert not lesson.run_check()
    assert "without σ′(z₃)" in lesson.feedback.text()


def test_the_question_follows_the_page(window):
    lesson = _network_page(window)
    assert not lesson.run_check() and "step 7" in lesson.feedback.text()
    _to_stage(lesson, 6)
    lesson.findChild(QLineEdit, "graphAnswer").setText("-4")
    assert not lesson.run_check()  # the network's question is asked here
    lesson.findChild(QPushButton, "chainRuleButton").click()
    assert lesson.run_check()
    assert lesson.pages.currentWidget().objectName() == "chainRulePage"
    assert lesson.findChild(QPushButton, "chainRuleButton").isChecked()
    assert not lesson.findChild(QPushButton, "networkButton").isChecked()


def test_the_lessons_update_is_the_apps_own_training_step(window, qtbot):
    lesson = _network_page(window)
    net = window.network
    expected = net.parameters - ETA * lesson.numbers().gradient_vector
    with qtbot.waitSignal(window.training.epochChanged, timeout=10_000):
        window.training.step()  # one epoch of the one sample, batch size 1, η = 0.5
    qtbot.waitUntil(lambda: np.allclose(net.parameters, expected, rtol=1e-12, atol=1e-12))


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("stage", [6, UPDATE])
def test_the_diagrams_boxes_neither_overlap_nor_leave_the_diagram(window, qtbot, stage, size):
    window.resize(*size)  # a laptop and a projector; the boxes keep their text size
    lesson = _network_page(window)
    _to_stage(lesson, stage)
    canvas = window.canvas
    boxes = lesson.overlay.boxes()
    assert len(boxes) == 11  # 2 inputs, 2 hidden, 1 output, 6 edges
    scale, dpi = canvas.transform().m11(), canvas.logicalDpiY()
    for box in boxes:  # readable: 10 px or more on screen, never above the panel's 9 pt
        for text in box.childItems():
            px = text.font().pointSizeF() * scale * dpi / 72
            assert 10 - 1e-6 <= px <= 9 * dpi / 72 + 1e-6
    # Whole on screen: the canvas made room for the boxes beside its nodes.
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    rects = {box.data(1): box.sceneBoundingRect() for box in boxes}
    keys = sorted(rects)
    for i, a in enumerate(keys):
        assert canvas.sceneRect().contains(rects[a]), f"{a} leaves the diagram"
        assert shown.contains(rects[a]), f"{a} is cut off at the panel's edge"
        for b in keys[i + 1 :]:
            assert not rects[a].intersects(rects[b]), f"{a} and {b} overlap"
    # No box covers a neuron.
    for layer, count in ((-1, 2), (0, 2), (1, 1)):
        for j in range(count):
            at = canvas.node_position(layer, j)
            for key, rect in rects.items():
                assert not rect.contains(at), f"{key} covers neuron {layer}, {j}"
    # Nor a header or a bias caption (the inputs' boxes stand in for their names).
    on_screen = {key: canvas.mapFromScene(r).boundingRect() for key, r in rects.items()}
    texts = [t for t in canvas.screen_texts() if t.item.isVisible() and t.text]
    assert any(t.text.startswith("b = ") for t in texts)  # the biases are found
    for text in texts:
        if text.text in ("x₁", "x₂"):
            continue
        left, top, width, height = text.screen_rect(canvas)
        shown_text = QRectF(left, top, width, height)
        for key, rect in on_screen.items():
            assert not QRectF(rect).intersects(shown_text), f"{key} covers {text.text!r}"


def test_the_boxes_are_never_larger_than_the_panels_text_on_a_big_screen(window, qtbot):
    lesson = _network_page(window)
    _to_stage(lesson, 6)
    window.resize(1920, 1080)
    canvas = window.canvas
    qtbot.waitUntil(lambda: canvas.transform().m11() > 1.2, timeout=5000)

    def small() -> None:
        scale = canvas.transform().m11()
        for box in lesson.overlay.boxes():
            for text in box.childItems():
                assert text.font().pointSizeF() * scale <= 9.0 + 1e-6

    qtbot.waitUntil(small, timeout=5000)


def _luminance(colour) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_answer_boxes_placeholders_are_readable_in_both_themes(window, qtbot, theme):
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from neurongui.theme import ThemeManager

    manager = ThemeManager(QApplication.instance(), theme)
    try:
        lesson = window.start_lesson("backprop")
        for name in ("graphAnswer", "networkAnswer"):
            box = lesson.findChild(QLineEdit, name)
            assert box.placeholderText()
            base = QApplication.palette().color(QPalette.ColorRole.Base)
            # The new palette reaches the widgets through posted events.
            qtbot.waitUntil(lambda b=box, c=base: b.palette().color(QPalette.ColorRole.Base) == c)
            palette = box.palette()
            hint = palette.color(QPalette.ColorRole.PlaceholderText)
            base = palette.color(QPalette.ColorRole.Base)
            # The hint is painted over the base with its alpha (Qt's default is 50 % black).
            a = hint.alphaF()
            hint = QColor.fromRgbF(
                *(
                    a * h + (1 - a) * b
                    for h, b in zip(hint.getRgbF()[:3], base.getRgbF()[:3], strict=True)
                )
            )
            light, dark = sorted((_luminance(hint), _luminance(base)), reverse=True)
            # WCAG's contrast for large or incidental text: a hint must be seen.
            assert (light + 0.05) / (dark + 0.05) >= 3.0, (name, hint.name(), base.name())
    finally:
        manager.apply("light")
