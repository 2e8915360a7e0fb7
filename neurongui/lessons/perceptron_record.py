"""What lesson 3 records of the perceptron rule, and how it tells it.

The lesson keeps one :class:`Update` per application of the rule and a :class:`Restart`
where counting starts again; :func:`log_lines` and :func:`mistakes_text` turn them
into the sentences the student reads. Apart from the lesson's widgets so that the
words can be read (and tested) on their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from neurongui.engine.perceptron import PerceptronStep
from neurongui.i18n import fill
from neurongui.lessons.perceptron_plot import number as _number
from neurongui.lessons.perceptron_plot import vector as _vector

__all__ = ["XOR_EPOCHS", "Restart", "Update", "log_lines", "mistakes_text"]

# The sentences keep the lesson's translation context ("PerceptronLesson"): they were
# its own before they moved here.

#: Epochs, all with mistakes, after which the lesson explains why XOR fails.
XOR_EPOCHS = 3


@dataclass(frozen=True)
class Update:
    """One application of the rule: the gate, η, what the engine did, the new parameters."""

    gate: str
    eta: float
    step: PerceptronStep
    after: np.ndarray


@dataclass(frozen=True)
class Restart:
    """Counting starts again (Reset, or another gate)."""

    gate: str


def log_lines(updates: Sequence[Update]) -> list[str]:
    """One line for every update in ``updates``, oldest first (four samples an epoch)."""
    lines = []
    for n, u in enumerate(updates):
        s = u.step
        head = fill(
            QCoreApplication.translate("PerceptronLesson", "Epoch %1 · x = (%2): y = %3, ŷ = %4"),
            str(n // 4 + 1),
            _vector(s.x),
            _number(s.y[0]),
            _number(s.y_hat[0]),
        )
        if s.mistake:
            tail = fill(
                QCoreApplication.translate("PerceptronLesson", "mistake, Δw = (%1), Δb = %2"),
                _vector(s.delta_weights),
                _number(s.delta_biases[0]),
            )
        else:
            tail = QCoreApplication.translate("PerceptronLesson", "right, no change")
        lines.append(f"{head} · {tail}")
    return lines


def mistakes_text(counts: Sequence[int], gate: str, next_x: str) -> tuple[str, str | None]:
    """The status under the plot: mistakes per epoch and the next sample, and a verdict:
    ``"converged"`` (an epoch without a mistake), ``"never"`` (XOR keeps failing) or
    None."""
    if not counts:
        text = fill(
            QCoreApplication.translate(
                "PerceptronLesson",
                "No complete epoch yet. Next sample (the diagram shows it): x = (%1).",
            ),
            next_x,
        )
        return text, None
    text = fill(
        QCoreApplication.translate(
            "PerceptronLesson",
            "Mistakes per epoch: %1. Next sample (the diagram shows it): x = (%2).",
        ),
        ", ".join(str(c) for c in counts),
        next_x,
    )
    if counts[-1] == 0:
        converged = QCoreApplication.translate(
            "PerceptronLesson",
            "Converged: a whole epoch without a mistake, so the weights stop changing.",
        )
        return f"{text} {converged}", "converged"
    if gate == "xor_gate" and len(counts) >= XOR_EPOCHS and min(counts) > 0:
        never = QCoreApplication.translate(
            "PerceptronLesson",
            "Every epoch has a mistake, and always will: no straight line puts "
            "(0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the other. "
            "XOR is not linearly separable, so one step unit cannot compute it.",
        )
        return f"{text} {never}", "never"
    return text, None
