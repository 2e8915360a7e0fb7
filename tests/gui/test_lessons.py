"""The lesson framework and lesson 1 (one neuron): numbers equal the engine's."""

import numpy as np
import pytest
from PySide6.QtWidgets import QDoubleSpinBox, QPushButton

from neurongui.engine.edits import SetWeight
from neurongui.lessons import KEYS
from neurongui.lessons.one_neuron import INPUTS


def _table(lesson) -> np.ndarray:
    t = lesson.table
    return np.array(
        [[float(t.item(r, c).text().replace("−", "-")) for c in range(4)] for r in range(4)]
    )


def test_one_neuron_table_shows_the_engines_z_and_y(window):
    lesson = window.start_lesson("one_neuron")
    assert window.docks["lessonDock"].isVisible() and window.lesson is lesson
    assert window.network.sizes == [2, 1]
    ((z, y),) = window.network.forward_trace(INPUTS)
    shown = _table(lesson)
    assert np.allclose(shown[:, :2], INPUTS)
    assert np.allclose(shown[:, 2], z[:, 0], atol=5e-4)
    assert np.allclose(shown[:, 3], y[:, 0], atol=5e-4)
    assert "σ" in lesson.table.horizontalHeaderItem(3).text()


def test_the_activation_panel_marks_the_selected_rows_z(window, qtbot):
    lesson = window.start_lesson("one_neuron")
    panel = window.activation_panel
    ((z, a),) = window.network.forward_trace(INPUTS)
    assert window.model.selection.kind == "none"  # a lesson starts with none selected
    for row in (1, 3, 2):  # the student picks rows (row 2 is selected at the start)
        lesson.table.selectRow(row)
        # The marker on the sigmoid is the selected input's (z, a).
        qtbot.waitUntil(
            lambda r=row: (
                panel.marker_position() is not None
                and np.allclose(panel.marker_position(), (z[r, 0], a[r, 0]))
            )
        )


def test_a_weight_typed_in_the_lesson_is_an_undoable_engine_edit(window):
    lesson = window.start_lesson("one_neuron")
    box = lesson.findChild(QDoubleSpinBox, "w1Box")
    box.setValue(3.0)
    assert window.network.get_weight(0, 0, 0) == 3.0
    assert _table(lesson)[2, 2] == pytest.approx(3.0 + window.network.get_bias(0, 0))
    window.undo_stack.undo()
    assert window.network.get_weight(0, 0, 0) == 0.5
    assert box.value() == pytest.approx(0.5)


def test_edits_made_elsewhere_show_in_the_lesson(window):
    lesson = window.start_lesson("one_neuron")
    window.editor.apply(SetWeight(0, 0, 1, -2.0), "edit")
    assert lesson.findChild(QDoubleSpinBox, "w2Box").value() == pytest.approx(-2.0)
    assert _table(lesson)[1, 2] == pytest.approx(-2.0)


def test_the_check_refuses_the_start_and_accepts_a_right_answer(window):
    lesson = window.start_lesson("one_neuron")
    check = lesson.findChild(QPushButton, "checkButton")
    check.click()
    assert not lesson.run_check() and "0.9" in lesson.feedback.text()
    lesson.findChild(QDoubleSpinBox, "w1Box").setValue(4.0)
    lesson.findChild(QDoubleSpinBox, "w2Box").setValue(-4.0)
    assert lesson.run_check()
    assert window.network.forward(np.array([1.0, 0.0]))[0] > 0.9


def test_leaving_keeps_the_network_to_play_with(window):
    lesson = window.start_lesson("one_neuron")
    lesson.findChild(QDoubleSpinBox, "bBox").setValue(-1.0)
    lesson.findChild(QPushButton, "leaveLessonButton").click()
    assert window.lesson is None and not window.docks["lessonDock"].isVisible()
    assert window.network.sizes == [2, 1] and window.network.get_bias(0, 0) == -1.0


def test_a_changed_shape_disables_the_controls_until_undone(window):
    lesson = window.start_lesson("one_neuron")
    window.canvas.add_layer()
    assert window.network.sizes != [2, 1]
    assert not lesson.body.isEnabled() and "shape" in lesson.feedback.text()
    window.undo_stack.undo()
    assert lesson.body.isEnabled() and window.network.sizes == [2, 1]


@pytest.mark.parametrize(
    ("key", "datasets"), [("one_neuron", ("digits", "nand")), ("perceptron", ("digits",))]
)
def test_check_after_new_data_replaced_the_network_says_the_shape_changed(window, key, datasets):
    """Found by the random test: the Data list's new network (a hidden layer, or 64
    inputs) reached the lesson's check, which raised in the button's slot."""
    lesson = window.start_lesson(key)
    combo = window.training_panel.dataset
    for dataset in datasets:
        index = combo.findData(dataset)
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
    assert window.lesson is lesson and window.model.config.dataset == datasets[-1]
    assert not lesson.fits()
    assert not lesson.body.isEnabled() and "shape" in lesson.feedback.text()  # said at once
    lesson.say("")
    assert lesson.run_check() is False
    assert "no longer has this lesson's shape" in lesson.feedback.text()


def test_opening_a_file_ends_the_lesson(window, tmp_path):
    window.start_lesson("one_neuron")
    path = tmp_path / "net.json"
    assert window.save_path(path)
    assert window.open_path(path)
    assert window.lesson is None


def test_unsaved_work_is_not_replaced_by_a_lesson_without_asking(window, monkeypatch):
    window.canvas.add_neuron(0)
    sizes = window.network.sizes
    monkeypatch.setattr(type(window), "ask_unsaved", lambda self: "cancel")
    assert window.start_lesson("one_neuron") is None
    assert window.network.sizes == sizes and window.lesson is None


def test_unknown_lessons_are_refused():
    from neurongui.lessons import create_lesson

    with pytest.raises(KeyError, match="no lesson"):
        create_lesson("nope", None)


@pytest.mark.parametrize("key", KEYS)
def test_every_lesson_opens_with_its_text_in_both_languages(window, key):
    from neurongui.lessons.base import lesson_text
    from neurongui.paths import resource_path

    for language in ("en", "zh_CN"):
        assert resource_path("lessons", language, f"{key}.html").is_file()
        assert len(lesson_text(key, language)) > 200
    lesson = window.start_lesson(key)
    assert lesson.key == key and window.lesson is lesson
    assert lesson.text.text().strip() and lesson.task_label.text().strip()
    window.leave_lesson()
    assert window.lesson is None


def _lines(html: str, width: float) -> list[str]:
    """The lines Qt's rich text breaks ``html`` into at ``width`` pixels."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    document.setTextWidth(width)
    document.size()  # lays it out
    lines, block = [], document.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append(block.text()[line.textStart() : line.textStart() + line.textLength()])
        block = block.next()
    return lines


def test_formulas_and_chinese_paragraph_ends_never_break(qapp):
    from neurongui.lessons.text import plain, tidy

    english = tidy(
        "the step w ← w − η <nobr>∂L/∂w</nobr> and <nobr>η &lt; 2/λ<sub>max</sub></nobr>"
    )
    chinese = tidy(
        "<p>梯度下降在这个曲面上向下走一步，学习率足够小时它总会收敛到最小值，这很有效。</p>"
    )
    for width in range(90, 300, 7):  # from six characters a line
        for line in _lines(english, width):
            assert not plain(line).rstrip().endswith(("∂L/", "2/")), (width, line)
        last = plain(_lines(chinese, width)[-1]).strip()
        assert len(last) >= 4, (width, last)  # never "效。" alone


@pytest.mark.parametrize("key", KEYS)
def test_every_lesson_text_has_an_intro_a_task_and_more_in_both_languages(key):
    from neurongui.lessons.text import lesson_parts

    for language in ("en", "zh_CN"):
        parts = lesson_parts(key, language)
        assert parts.intro and parts.task and parts.more, (key, language)
        assert ("Your task" if language == "en" else "任务") in parts.task


def test_a_lesson_hides_the_docks_it_does_not_use_and_gives_them_back(window):
    docks = window.docks
    window.start_lesson("backprop")  # the inspector follows its steps; the charts do not
    assert docks["chartsDock"].isHidden() and not docks["inspectorDock"].isHidden()
    window.start_lesson("one_neuron")
    assert docks["inspectorDock"].isHidden() and not docks["activationDock"].isHidden()
    window.leave_lesson()
    assert not any(docks[n].isHidden() for n in ("chartsDock", "inspectorDock", "activationDock"))
