"""A screenshot tour of NeuronGUI: the real main window driven through named states.

Usage::

    python3 tools/tour.py OUT_DIR [--size 1366x768] [--lang en|zh_CN]
                                  [--theme light|dark] [--only NAME,...]

It starts ``neurongui.main_window.MainWindow`` as ``neurongui.app`` does (language,
theme, application names), with ``NEURONGUI_TESTING=1`` so that the user's settings,
recent files and autosaves are never touched, resizes it to ``--size`` and writes one
PNG per state, ``OUT_DIR/NN-name.png``, printing a line for each. The numbers are the
states' places in the whole tour, so ``--only`` keeps the file names. ``--list``
prints the state names. Without a display Qt runs offscreen, on a virtual screen of
the tour's size. Dialogs are drawn over the window at the place Qt centres them.

The window is driven through its public methods, as a student would through the
menus: ``open_example``, ``start_lesson``, ``window.training`` (play, then wait for
epochs in a Qt event loop, then pause), the lessons' own buttons, ``show_preferences``
and ``show_help``. File dialogs are bypassed by calling the methods that take a path.

In tests: ``run_tour(out_dir, (800, 600), states=["fresh", ...])`` reuses the running
QApplication (pytest-qt's ``qapp``) and returns the PNGs it wrote.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("single_neuron", "xor", "iris", "digits")
#: Epochs to train each example for its "trained" state.
EPOCHS = {"single_neuron": 60, "xor": 40, "iris": 30, "digits": 8}
STATES: dict[str, Callable[[Tour], object]] = {}


def state(name: str):
    """Register a state: a function that drives the window there (it may return a
    dialog, drawn over the window)."""

    def register(func):
        STATES[name] = func
        return func

    return register


class Tour:
    """The window under tour and the helpers the states use."""

    def __init__(self, window):
        self.window = window
        self.tmp = Path(tempfile.mkdtemp(prefix="neurongui-tour-"))

    def wait_until(self, condition: Callable[[], bool], timeout: float = 60.0) -> None:
        """Run the Qt event loop until ``condition()`` holds (TimeoutError after ``timeout`` s)."""
        from PySide6.QtCore import QEventLoop, QTimer

        deadline = time.monotonic() + timeout
        loop, timer = QEventLoop(), QTimer()
        timer.timeout.connect(lambda: (condition() or time.monotonic() > deadline) and loop.quit())
        timer.start(25)
        if not condition():
            loop.exec()
        timer.stop()
        if not condition():
            raise TimeoutError(f"the tour waited {timeout:g} s in vain")

    def settle(self, ms: int = 250) -> None:
        """Let queued and throttled redraws run."""
        end = time.monotonic() + ms / 1000
        self.wait_until(lambda: time.monotonic() >= end, timeout=ms / 1000 + 5)

    def reset(self) -> None:
        """Back to a new document: no lesson, no training, no dialog, default chart tab."""
        from PySide6.QtWidgets import QDialog

        w = self.window
        w.training.pause()
        w.leave_lesson()
        for dialog in w.findChildren(QDialog):
            dialog.close()
            dialog.deleteLater()
        w.new_document()
        w.reset_layout()  # every state starts from the same layout, whatever ran before
        w.charts.reset_tab()  # the tab a new window would show for this data
        w.statusBar().clearMessage()
        self.settle(50)

    def open_example(self, name: str) -> None:
        """File ▸ Examples ▸ ``name``."""
        from neurongui.paths import resource_path

        self.window.open_example(resource_path("examples", f"{name}.json"))

    def train(self, epochs: int, timeout: float = 120.0, until=None) -> None:
        """Play until the run has trained ``epochs`` epochs (or ``until()``), then pause."""
        training = self.window.training
        seen: list[int] = []
        training.epochChanged.connect(seen.append)
        try:
            training.play()
            self.wait_until(
                lambda: bool(seen) and (seen[-1] >= epochs or (until is not None and until())),
                timeout,
            )
        finally:
            training.pause()
            training.epochChanged.disconnect(seen.append)
        self.settle(300)

    def lesson(self, key: str):
        """Lessons ▸ ``key``; returns the lesson panel."""
        return self.window.start_lesson(key)

    def click(self, lesson, name: str) -> None:
        """Click the lesson's button ``name`` (by object name)."""
        from PySide6.QtWidgets import QPushButton

        lesson.findChild(QPushButton, name).click()

    def capture(self, dialog=None):
        """The window as a pixmap, with ``dialog`` drawn where it stands over it."""
        from PySide6.QtCore import QPoint, QRect, Qt
        from PySide6.QtGui import QColor, QPainter

        self.settle()
        shot = self.window.grab()
        if dialog is None:
            return shot
        inner, bar = dialog.grab(), 26  # a plain title bar: offscreen has no frames
        x = (shot.width() - inner.width()) // 2
        y = max(0, (shot.height() - inner.height() - bar) // 2)
        frame = QRect(x, y, inner.width(), inner.height() + bar)
        painter = QPainter(shot)
        painter.fillRect(frame, QColor(70, 72, 78))
        painter.setPen(QColor(240, 240, 240))
        title = QRect(x + 10, y, inner.width() - 20, bar)
        painter.drawText(title, int(Qt.AlignmentFlag.AlignVCenter), dialog.windowTitle())
        painter.drawPixmap(QPoint(x, y + bar), inner)
        painter.end()
        return shot


# -- the states ------------------------------------------------------------------------


@state("fresh")
def _fresh(t: Tour) -> None:
    pass  # the first state sees the window as it opened; later ones after reset()


def _example(t: Tour, name: str, epochs: int = 0, chart_tab: int = 0) -> None:
    t.open_example(name)
    if epochs:
        t.train(epochs)
    t.window.charts.tabs.setCurrentIndex(chart_tab)  # 1: Output, the confusion matrix


for _name in EXAMPLES:
    state(f"{_name}-open")(lambda t, n=_name: _example(t, n))
    state(f"{_name}-trained")(lambda t, n=_name: _example(t, n, EPOCHS[n]))
for _name in ("iris", "digits"):
    state(f"{_name}-confusion")(lambda t, n=_name: _example(t, n, EPOCHS[n], chart_tab=1))


# Lessons: each at its start, in the middle of its task and at its end (answer checked).


def _one_neuron(t: Tour, stage: str) -> None:
    lesson = t.lesson("one_neuron")
    if stage == "start":
        return
    w1, w2, b = (2.0, -1.0, 0.0) if stage == "mid" else (6.0, -6.0, -1.0)
    for box, value in zip(lesson.boxes, (w1, w2, b), strict=True):
        box.setValue(value)
    if stage == "end":
        lesson.run_check()


def _bias_threshold(t: Tour, stage: str) -> None:
    from neurongui.lessons.bias_threshold import H_TICKS

    lesson = t.lesson("bias_threshold")
    if stage == "start":
        return
    lesson.gate.setCurrentText("AND")
    lesson.slider.setValue(round((0.5 if stage == "mid" else 1.5) * H_TICKS))
    lesson.run_check()  # "Not yet" in the middle, "Right" at the end


def _perceptron(t: Tour, stage: str) -> None:
    lesson = t.lesson("perceptron")
    if stage == "start":
        return
    if stage == "mid":
        lesson.choose_gate("and")
        for _ in range(3):
            t.click(lesson, "stepButton")
        return
    lesson.choose_gate("xor_gate")
    for _ in range(3):
        t.click(lesson, "epochButton")  # the perceptron never gets XOR right
    t.click(lesson, "hiddenLayerButton")  # then backpropagation learns it
    t.wait_until(lambda: not t.window.training.running, timeout=120)


def _regression(t: Tour, stage: str) -> None:
    lesson = t.lesson("regression")
    if stage == "start":
        return
    t.click(lesson, "tooSmallButton" if stage == "mid" else "goodButton")
    t.click(lesson, "runButton")
    if stage == "end":
        t.click(lesson, "runButton")
        lesson.run_check()


def _backprop(t: Tour, stage: str) -> None:
    from PySide6.QtWidgets import QLineEdit

    lesson = t.lesson("backprop")
    if stage == "start":
        return
    t.click(lesson, "networkButton")
    for _ in range(3 if stage == "mid" else 6):
        t.click(lesson, "stageNext")
    if stage == "end":  # stage 7 of 8: the gradients; answer the question
        right = lesson.numbers().bp.gradients[1]["weights"][0, 0]
        lesson.findChild(QLineEdit, "networkAnswer").setText(f"{right:.4g}")
        lesson.run_check()


def _softmax(t: Tour, stage: str) -> None:
    lesson = t.lesson("softmax")
    if stage == "start":
        return
    if stage == "mid":
        lesson.tabs.setCurrentIndex(1)
        t.click(lesson, "compareButton")
        t.wait_until(lambda: lesson.runner.done, timeout=120)
        return
    t.train(40)  # then on until the 90 % the task asks for
    n = len(t.window.model.data.X_train)
    t.train(400, until=lambda: len(lesson.wrong_flowers()) <= 0.08 * n)
    wrong = lesson.wrong_flowers()
    if len(wrong):
        lesson.flower_box.setValue(int(wrong[0]) + 1)
    lesson.run_check()


def _activations(t: Tour, stage: str) -> None:
    lesson = t.lesson("activations")
    if stage == "start":
        return
    lesson.epochs_box.setValue(100)
    t.click(lesson, "raceStartButton")
    if stage == "mid":
        t.wait_until(lambda: all(len(tr.history) >= 30 for tr in lesson.runner.trainers))
        t.click(lesson, "racePauseButton")
        return
    t.wait_until(lambda: lesson.runner.done, timeout=120)
    lesson.answer_box.setCurrentIndex(lesson.answer_box.findData(lesson.winner()))
    lesson.run_check()


for _key, _drive in (
    ("lesson1", _one_neuron),
    ("lesson2", _bias_threshold),
    ("lesson3", _perceptron),
    ("lesson4", _regression),
    ("lesson5", _backprop),
    ("lesson6", _softmax),
    ("lesson7", _activations),
):
    for _stage in ("start", "mid", "end"):
        state(f"{_key}-{_stage}")(lambda t, d=_drive, s=_stage: d(t, s))


def _selected(t: Tour, kind: str) -> None:
    _example(t, "xor", epochs=5)  # a few epochs, so that there are gradients to show
    if kind == "neuron":
        t.window.model.select_neuron(0, 1)
    else:
        t.window.model.select_edge(1, 0, 2)


state("neuron-selected")(lambda t: _selected(t, "neuron"))
state("edge-selected")(lambda t: _selected(t, "edge"))


def _mnist(t: Tour, paused: bool) -> None:
    """A 784-100-10 network on the shipped MNIST digits (8,000 training, 2,000 test),
    trained for a while, a first-layer neuron selected, the confusion matrix on show."""
    from neurongui.engine import Network

    model = t.window.model
    config = model.config.with_changes(
        dataset="mnist", loss="cross_entropy", optimizer="adam", learning_rate=0.001
    )
    model.set_config(config)
    names = model.network.input_names  # the dataset's pixel names
    network = Network([784, 100, 10], ["relu", "softmax"], seed=0, input_names=names)
    model.set_network(network, config)
    t.window.docks["chartsDock"].raise_()  # where the activation panel shares its place
    t.window.charts.tabs.setCurrentIndex(1)  # Output: the confusion matrix
    model.select_sample(2)
    model.select_neuron(0, 11)
    if paused:
        t.train(2)
    else:
        t.window.training.play()  # captured while it runs; the next state's reset pauses
        t.wait_until(lambda: t.window.training.steps > 300, timeout=60)


state("mnist-training")(lambda t: _mnist(t, paused=False))
state("mnist-paused")(lambda t: _mnist(t, paused=True))


@state("loss-surface")
def _loss_surface(t: Tour) -> None:
    """XOR after some training: the loss over two first-layer weights, with the path."""
    _example(t, "xor", epochs=40)
    t.window.tools.show_dock("surfaceDock")
    panel = t.window.tools.surface
    panel.compute()
    t.wait_until(lambda: panel.thread_ is None or panel.thread_.isFinished())
    t.settle(500)


@state("layer-matrix")
def _layer_matrix(t: Tour) -> None:
    """Iris after some training: one layer's W · a + b = z as matrices, for sample 1."""
    _example(t, "iris", epochs=10)
    t.window.tools.show_dock("matrixDock")
    t.settle(300)


@state("dropout-cosine")
def _dropout_cosine(t: Tour) -> None:
    """XOR with two hidden layers, dropout 0.2 and 0.5 and a cosine schedule, the More
    section open, trained."""
    t.open_example("xor")
    model = t.window.model
    model.set_config(model.config.with_changes(dropout=0.2, schedule="cosine", cosine_epochs=50))
    t.window.editor.add_layer()  # two hidden layers: the rate of each can differ
    model.set_config(model.config.with_changes(dropout=(0.2, 0.5)))
    t.window.training_panel.more.toggle.setChecked(True)
    t.train(20)


@state("edit-points")
def _edit_points(t: Tour) -> None:
    """Circle with points the student added (Add tool on), trained a little."""
    import numpy as np

    window = t.window
    window.docks["chartsDock"].raise_()
    window.charts.tabs.setCurrentIndex(1)  # Output: the map
    editor = window.charts.point_editor
    editor.set_editing(True, "add")
    angles = np.linspace(0, 2 * np.pi, 12, endpoint=False)
    ring = np.column_stack([2.5 * np.cos(angles), 2.5 * np.sin(angles)])
    window.editor.add_points(ring, np.ones(len(ring)))
    t.train(5)


@state("divergence")
def _divergence(t: Tour) -> None:
    from neurongui.engine import Network

    model, training = t.window.model, t.window.training
    config = model.config.with_changes(dataset="plane", loss="mse", learning_rate=100.0)
    model.set_config(config)
    model.set_network(Network([2, 8, 1], ["relu", "identity"], seed=0), config)
    stopped: list[str] = []
    training.stopped.connect(stopped.append)
    training.play()
    t.wait_until(lambda: bool(stopped), timeout=60)
    training.stopped.disconnect(stopped.append)


@state("preferences")
def _preferences(t: Tour):
    return t.window.show_preferences()


@state("help")
def _help(t: Tour):
    return t.window.show_help()  # Help ▸ User guide (F1)


@state("csv-import")
def _csv_import(t: Tour) -> None:
    import numpy as np

    rng = np.random.default_rng(0)
    path = t.tmp / "plants.csv"
    rows = ["height,width,kind"]
    for _ in range(60):
        h, w = rng.normal(size=2)
        rows.append(f"{h:.3f},{w:.3f},{'tall' if h + 0.5 * w > 0 else 'short'}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    t.window.training_panel.import_csv(str(path))  # File ▸ Import CSV…, dialog bypassed


# -- running -------------------------------------------------------------------------------


def run_tour(
    out_dir: str | os.PathLike,
    size: tuple[int, int] = (1366, 768),
    language: str = "en",
    theme: str = "light",
    states: list[str] | None = None,
    echo: Callable[[str], object] = print,
) -> list[Path]:
    """Drive a new main window through ``states`` (all by default); return the PNGs.

    Uses the running QApplication if there is one (it must exist for tests); the
    language's translators are removed again and the light theme put back afterwards.
    """
    from neurongui.app import create_application
    from neurongui.i18n import install_translators
    from neurongui.main_window import MainWindow
    from neurongui.theme import ThemeManager

    unknown = set(states or []) - set(STATES)
    if unknown:
        raise KeyError(f"unknown states: {', '.join(sorted(unknown))}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()  # as neurongui.app.main sets up the window
    translators = install_translators(app, language)
    manager, window = ThemeManager(app, theme), MainWindow()
    window.ask_unsaved = lambda: "discard"  # a tour never saves
    window.ask_restore = lambda path: False
    window.theme_manager, window.language = manager, language
    window.resize(*size)
    window.show()
    tour, written = Tour(window), []
    saved = window.settings.theme, window.settings.language
    window.settings.theme, window.settings.language = theme, language  # as Preferences shows
    try:
        tour.settle(400)
        if (window.width(), window.height()) != tuple(size):
            print(
                f"tour: the window is {window.width()}x{window.height()}, not {size[0]}x{size[1]}"
                " (its minimum size)",
                file=sys.stderr,
            )
        for number, (name, drive) in enumerate(STATES.items(), start=1):
            if states is not None and name not in states:
                continue
            if name != "fresh" or written:
                tour.reset()
            dialog = drive(tour)
            path = out / f"{number:02d}-{name}.png"
            if not tour.capture(dialog).save(str(path)):
                raise OSError(f"cannot write {path}")
            written.append(path)
            echo(f"{path}")
            if dialog is not None:
                dialog.close()
    finally:
        window.training.shutdown()
        window.model.set_modified(False)
        window.close()
        window.deleteLater()
        window.settings.theme, window.settings.language = saved
        for translator in translators:
            app.removeTranslator(translator)
        manager.apply("light")
        manager.deleteLater()
        tour.settle(50)
    return written


def _report_qt_messages() -> None:
    """Print Qt's warnings to stderr (the test suite fails on them), but not the one
    the offscreen platform gives for every window."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handle(kind, _context, text: str) -> None:
        if kind != QtMsgType.QtDebugMsg and "propagateSizeHints" not in text:
            print(f"Qt {kind.name.removeprefix('Qt').removesuffix('Msg')}: {text}", file=sys.stderr)

    qInstallMessageHandler(handle)


def _parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default=".")
    parser.add_argument("--size", type=_parse_size, default=(1366, 768), help="WxH")
    parser.add_argument("--lang", choices=("en", "zh_CN"), default="en")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--only", default="", help="comma-separated state names")
    parser.add_argument("--list", action="store_true", help="print the state names and exit")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(STATES))
        return 0
    width, height = args.size
    os.environ["NEURONGUI_TESTING"] = "1"  # never the user's settings or autosaves
    os.environ["NEURONGUI_LANG"] = args.lang
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":  # a screen as big as the tour
        screen = {"name": "tour", "x": 0, "y": 0, "width": width, "height": height}
        config = Path(tempfile.mkdtemp(prefix="neurongui-tour-")) / "screen.json"
        config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    sys.path.insert(0, str(ROOT))  # this checkout's neurongui, whatever is installed
    _report_qt_messages()
    only = [s.strip() for s in args.only.split(",") if s.strip()] or None
    run_tour(args.out_dir, (width, height), args.lang, args.theme, only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
