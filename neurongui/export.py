"""Exports for slides, papers and other tools: the diagram, the history, the weights.

Every writer raises ``OSError`` when the file cannot be written; none uses pickle.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene

from neurongui.engine import Network
from neurongui.engine.fileformat import write_atomic
from neurongui.engine.metrics import EpochRecord

__all__ = [
    "export_chart",
    "export_history_csv",
    "export_scene_png",
    "export_scene_svg",
    "export_weights",
]


def export_chart(plot: pg.PlotWidget, path: str | os.PathLike) -> None:
    """Write a chart: SVG for a ``.svg`` path, else PNG at twice its size on screen.

    The PNG comes from pyqtgraph's ImageExporter. pyqtgraph's SVGExporter cannot parse
    the SVG that Qt 6.11 writes, so the SVG is Qt's own rendering of the chart's scene.
    """
    item = plot.getPlotItem()
    if str(path).lower().endswith(".svg"):
        export_scene_svg(plot.scene(), path, title="NeuronGUI chart")
        return
    exporter = ImageExporter(item)
    exporter.parameters()["width"] = int(2 * max(1.0, item.sceneBoundingRect().width()))
    Path(path).unlink(missing_ok=True)
    exporter.export(str(path))
    if not Path(path).is_file():  # QImage.save reports failure only by its return value
        raise OSError(f"could not write {path}")


def export_scene_png(scene: QGraphicsScene, path: str | os.PathLike, scale: float = 2.0) -> None:
    """Render the whole diagram to a PNG at ``scale`` × its scene size (sharp on slides)."""
    rect = scene.sceneRect()
    image = QImage(
        QSize(int(rect.width() * scale), int(rect.height() * scale)), QImage.Format.Format_ARGB32
    )
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), rect, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    # PySide6's stub asks for bytes as the format, yet only a str is accepted at run time.
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
        raise OSError(f"could not write {path}")


def export_scene_svg(scene: QGraphicsScene, path: str | os.PathLike, title: str = "") -> None:
    """Render the diagram as SVG (vector: edges and circles stay sharp at any size)."""
    rect = scene.sceneRect()
    buffer = io.BytesIO()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    device = QBuffer(data)
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(device)
    generator.setSize(QSize(int(rect.width()), int(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(title or "NeuronGUI network")
    painter = QPainter(generator)
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    device.close()
    buffer.write(bytes(data.data()))
    write_atomic(Path(path), buffer.getvalue())


def export_history_csv(history: list[EpochRecord], path: str | os.PathLike) -> None:
    """One row per epoch: epoch, steps, losses and accuracies (empty when not measured)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = ["epoch", "steps", "train_loss", "test_loss", "train_accuracy", "test_accuracy"]
    writer.writerow(columns)
    for r in history:
        writer.writerow(["" if getattr(r, c) is None else repr(getattr(r, c)) for c in columns])
    write_atomic(Path(path), out.getvalue().encode("utf-8"))


def export_weights(network: Network, path: str | os.PathLike) -> None:
    """Write every layer's weights and biases: ``.npz`` (NumPy, no pickle) or ``.csv``.

    The ``.npz`` holds ``W0, b0, W1, b1, …`` (``W`` of shape (n_out, n_in)); the
    ``.csv`` has one row per parameter: layer, kind, neuron, source, value.
    """
    path = Path(path)
    if path.suffix.lower() == ".npz":
        arrays = {}
        for i, layer in enumerate(network.layers):
            arrays[f"W{i}"] = layer.weights.copy()
            arrays[f"b{i}"] = layer.biases.copy()
        archive = io.BytesIO()
        np.savez(archive, **arrays)
        write_atomic(path, archive.getvalue())
        return
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["layer", "kind", "neuron", "source", "value"])
    for i, layer in enumerate(network.layers):
        for j in range(layer.n_out):
            for k in range(layer.n_in):
                writer.writerow([i, "weight", j, k, repr(float(layer.weights[j, k]))])
            writer.writerow([i, "bias", j, "", repr(float(layer.biases[j]))])
    write_atomic(path, out.getvalue().encode("utf-8"))
