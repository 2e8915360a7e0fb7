"""Dragging your own input over the output map: what one update costs, how fluid it stays.

Run ``python benchmarks/probe_drag.py [--seconds 3]`` (offscreen). For the default
network on the circle data (2-4-2-1) and for 784-wide hidden layers (2-784-784-1) it
reports, with the whole window shown (diagram, Inspector with a neuron selected,
sample panel, charts):

* the cost of one probe update: ``model.set_probe`` and the redraws it sets off at
  once, then the events that follow (the paint), median and max over 40 points;
* a drag with real mouse events at 60 moves a second for ``--seconds``: probes set
  per second (the throttle of :mod:`neurongui.views.map_pointer`), and how late a
  10 ms heartbeat timer ran on the GUI thread (p99, max): the mouse and the cross stay
  fluid while that stays low.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NEURONGUI_TESTING", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
from PySide6.QtCore import QElapsedTimer, QPoint, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from neurongui.engine import Network
from neurongui.main_window import MainWindow


def _view_pos(window, x: float, y: float) -> QPoint:
    plot = window.charts.output_plot
    return plot.mapFromScene(plot.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y)))


def _settle(app: QApplication, ms: int = 200) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()


def measure(window, app: QApplication, seconds: float) -> dict[str, float]:
    """One case: the update cost and a timed drag on ``window``'s map."""
    pointer = window.charts.map_pointer
    window.canvas.select_neuron(0, 0)
    _settle(app)
    sync, paint = [], []
    for t in np.linspace(0, 2 * np.pi, 40):
        pointer._pending = (np.array([3 * np.cos(t), 3 * np.sin(t)]), (0.0, 0.0))
        start = time.perf_counter()
        pointer._apply()
        middle = time.perf_counter()
        app.processEvents()
        sync.append(middle - start)
        paint.append(time.perf_counter() - middle)
    # A drag: press on the first sample, move in a circle at 60 moves a second.
    viewport = window.charts.output_plot.viewport()
    x, y = window.charts.train_points.getData()
    start_pos = _view_pos(window, x[0], y[0])
    lateness: list[float] = []
    clock = QElapsedTimer()
    beat = QTimer()
    beat.setInterval(10)
    beat.timeout.connect(lambda: lateness.append(clock.restart() - 10))
    updates = pointer.updates
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start_pos)
    clock.start()
    beat.start()
    end = time.monotonic() + seconds
    step = 0
    while time.monotonic() < end:
        step += 1
        angle = step / 20
        pos = _view_pos(window, 3 * np.cos(angle), 3 * np.sin(angle))
        QTest.mouseMove(viewport, pos)
        next_move = time.monotonic() + 1 / 60
        while time.monotonic() < next_move:
            app.processEvents()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=pos)
    beat.stop()
    late = sorted(lateness[1:]) or [0.0]
    return {
        "set_probe ms": 1000 * statistics.median(sync),
        "set_probe max": 1000 * max(sync),
        "paint ms": 1000 * statistics.median(paint),
        "probes/s": (pointer.updates - updates) / seconds,
        "moves/s": step / seconds,
        "late p99 ms": late[int(0.99 * (len(late) - 1))],
        "late max ms": late[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.ask_unsaved = lambda: "discard"
    window.resize(1366, 768)
    window.show()
    window.tools.show_dock("sampleDock")
    window.charts.tabs.setCurrentIndex(1)
    _settle(app, 400)
    for name, sizes in (("2-4-2-1 (default)", None), ("2-784-784-1", [2, 784, 784, 1])):
        if sizes is not None:
            names = window.model.network.input_names
            net = Network(sizes, ["tanh", "tanh", "sigmoid"], seed=0, input_names=names)
            window.model.set_network(net)
            window.charts.tabs.setCurrentIndex(1)
            _settle(app, 600)
        result = measure(window, app, args.seconds)
        print(f"{name}: " + ", ".join(f"{k} {v:.1f}" for k, v in result.items()))
    window.training.shutdown()
    window.model.set_modified(False)
    window.close()


if __name__ == "__main__":
    main()
