"""Dropout's mark on the diagram: "4 neurons · dropout 0.2" under a hidden layer's title.

A text in the header, not the dropped neurons of each step: a student reads at a
glance which layers drop neurons and how often, and it costs nothing per frame (the
masks change dozens of times a second, too fast to follow anyway).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from neurongui.engine.explain import format_number
from neurongui.i18n import fill

__all__ = ["dropout_counts"]


def dropout_counts(count: str, n: int, rate: float) -> list[str]:
    """A hidden layer's neuron count ``count`` (of ``n`` neurons) with its dropout rate,
    longest first: the diagram shows the longest text that fits its column."""
    if not rate:
        return [count]
    p = format_number(rate)
    both = QCoreApplication.translate("NetworkCanvas", "%1 · dropout %2")
    return [
        fill(both, count, p),
        fill(both, f"{n:,}", p),
        fill(QCoreApplication.translate("NetworkCanvas", "dropout %1"), p),
    ]
