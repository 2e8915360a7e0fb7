"""Editing the samples of a 2-D set: time per edit with 5,000 training points.

Run ``python benchmarks/point_edits.py``. On the circle set with 10,000 points (5,000
training, 5,000 test; the test points shown on the map) it prints the median of
several runs of

* engine: the data edit alone (``apply``: new arrays, features of the new rows);
* window: the edit as the student makes it — through the editor (one undo step) until
  the model's signals are handled, the Output tab's map is drawn again and its
  viewport painted into an image;

for adding one point, moving one (one step of a drag), erasing the points under the
mouse, adding 1,000 points at once (a script), and undo. Target: a click or a drag
step stays under 50 ms (a frame at 20 Hz), so drawing points feels immediate.
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from neurongui.engine.pointedits import MovePoint, RemoveRows, add_points, points_within
from neurongui.main_window import MainWindow
from neurongui.undo import new_gesture

#: The Erase tool's reach in data units (8 pixels of a map about 600 pixels wide).
REACH = 0.15


def _median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def main(n_samples: int = 10_000) -> None:
    """Time the edits on the circle set of ``n_samples`` points (half of them test)."""
    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    model, editor, charts = window.model, window.editor, window.charts
    model.set_config(model.config.with_changes(n_samples=n_samples, test_fraction=0.5))
    charts.tabs.setCurrentIndex(1)
    charts.show_test.setChecked(True)
    app.processEvents()
    data = model.data
    print(f"\n{len(data.X_train):,} training and {len(data.X_test):,} test points")
    rng = np.random.default_rng(0)

    # -- the engine alone ------------------------------------------------------------
    one = add_points(data, [[1.0, 1.0]], [1])
    many = add_points(data, rng.uniform(-6, 6, (1000, 2)), rng.integers(0, 2, 1000))
    rows = points_within(data, 0.0, 0.0, REACH)
    print(f"erasing takes {sum(map(len, rows.values()))} points under the mouse")
    engine = {
        "add a point": lambda: one.apply(data),
        "move a point": lambda: MovePoint("train", 7, 2.0, 2.0).apply(data),
        "erase points": lambda: RemoveRows("train", rows["train"]).apply(data),
        "add 1,000 points": lambda: many.apply(data),
    }
    for name, fn in engine.items():
        print(f"engine  {name:<18} {_median_ms(fn, 20):7.2f} ms")

    # -- in the window, until the map is drawn and painted ----------------------------
    viewport = charts.output_plot.viewport()
    image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)

    def shown() -> None:
        app.processEvents()
        charts.redraw(force=True)
        painter = QPainter(image)
        charts.output_plot.render(painter)
        painter.end()

    gesture = new_gesture()
    steps = iter(np.linspace(-5, 5, 1000))

    def move() -> None:
        x = float(next(steps))
        editor.move_point("train", 7, x, x, gesture)

    def erase() -> None:
        found = points_within(model.data, *rng.uniform(-5, 5, 2), REACH)
        editor.erase_points(found)

    window_cases = {
        "add a point": lambda: editor.add_points(rng.uniform(-6, 6, (1, 2)), [1]),
        "move a point": move,
        "erase points": erase,
        "add 1,000 points": lambda: editor.add_points(
            rng.uniform(-6, 6, (1000, 2)), rng.integers(0, 2, 1000)
        ),
        "undo": window.undo_stack.undo,
    }
    for name, fn in window_cases.items():

        def edit(fn=fn) -> None:
            fn()
            shown()

        print(f"window  {name:<18} {_median_ms(edit, 15):7.2f} ms")
    print(f"({len(model.data.X_train):,} training points at the end)")
    window.ask_unsaved = lambda: "discard"  # a benchmark saves nothing (no question)
    window.model.set_modified(False)
    window.close()
    window.deleteLater()


if __name__ == "__main__":
    main()
    main(500)  # the default size, for comparison
