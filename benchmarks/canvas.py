"""Network canvas: scene build, repaint and edit-to-screen times (offscreen).

Run ``python benchmarks/canvas.py``. For 2-4-2-1 (circle data, with per-neuron maps),
7-(8×6)-1 (all seven features, maps) and 784-128-10 (level of detail: the strongest
edges) it prints the median of several runs of

* build: laying out the scene for a new structure (what opening a file costs);
* repaint: painting the whole view into an image of its size;
* edit: one undoable weight edit until the diagram, maps and outputs are redrawn
  (``push_edit`` → model → canvas refresh → repaint).

Targets (issue #3): repaint at 784-128-10 within 33 ms; an edit of the 6×8 network
within 50 ms. It then times opening a 90000-2-1 network (issue 14, F7: ``set_network``
until the events are processed and the view painted); target under 1 s of canvas work.
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from neurongui.engine import Network
from neurongui.engine.edits import SetWeight
from neurongui.main_window import MainWindow
from neurongui.undo import push_edit

FEATURES = ["x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂"]
CASES = [
    ("2-4-2-1", lambda: Network([2, 4, 2, 1], ["tanh", "tanh", "sigmoid"], seed=0)),
    (
        "7-(8×6)-1",
        lambda: Network(
            [7] + [8] * 6 + [1], ["tanh"] * 6 + ["sigmoid"], seed=0, input_names=FEATURES
        ),
    ),
    ("784-128-10", lambda: Network([784, 128, 10], ["relu", "softmax"], seed=0)),
]


def _median_ms(fn, repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1e3)
    return statistics.median(runs)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    canvas = window.canvas
    viewport = canvas.viewport()
    print(f"{'network':<12}{'build ms':>10}{'repaint ms':>12}{'edit ms':>10}{'drawn/edges':>16}")
    for name, make in CASES:
        network = make()
        window.model.set_network(network)
        app.processEvents()
        build = _median_ms(lambda: canvas._rebuild(force=True), 5)
        image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)

        def repaint(image=image) -> None:
            painter = QPainter(image)
            canvas.render(painter)
            painter.end()

        paint = _median_ms(repaint, 9)
        value = [0.1]

        def edit(value=value, repaint=repaint) -> None:
            value[0] = -value[0]
            net = window.model.network
            push_edit(window.undo_stack, window.model, SetWeight(0, 0, 0, value[0]), "bench")
            repaint()
            assert net.get_weight(0, 0, 0) == value[0]

        edit_ms = _median_ms(edit, 9)
        drawn, total = canvas.edge_count()
        print(f"{name:<12}{build:10.1f}{paint:12.1f}{edit_ms:10.1f}{f'{drawn:,}/{total:,}':>16}")
    print("\ntargets: repaint at 784-128-10 <= 33 ms; edit of 7-(8×6)-1 <= 50 ms")
    big = Network([90_000, 2, 1], ["tanh", "sigmoid"], seed=0)
    start = time.perf_counter()
    window.model.set_network(big)
    app.processEvents()
    viewport.grab()
    opened = (time.perf_counter() - start) * 1e3
    items = len(canvas.scene().items())
    print(f"open 90000-2-1: {opened:.0f} ms, {items} scene items (target < 1000 ms)")
    # The edits marked the document modified: closing would ask (a modal box that
    # never returns offscreen) whether to save them.
    window.model.set_modified(False)
    window.close()


if __name__ == "__main__":
    main()
