"""The status messages the model announces about the data it changed to, translated.

Kept apart from :mod:`neurongui.model`, which holds the state; the translation
context stays ``NetworkModel``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from neurongui.i18n import activation_label, fill

__all__ = ["fitted_output_text", "new_network_text"]


def fitted_output_text(task: str, activation: str | None, loss: str | None) -> str:
    """The status message of a refitted output, in the interface's language: "Output
    activation set to identity and loss to square loss for regression data" (or one
    of the two).

    Parameters
    ----------
    task
        The new data's task: ``"regression"``, ``"binary"`` or ``"multiclass"``.
    activation, loss
        The output activation and the loss set, or None for one kept.
    """
    translate = QCoreApplication.translate
    losses = {
        "mse": translate("NetworkModel", "square loss"),
        "bce": translate("NetworkModel", "binary cross-entropy"),
        "cross_entropy": translate("NetworkModel", "cross-entropy"),
    }
    data = {
        "regression": translate("NetworkModel", "regression data"),
        "binary": translate("NetworkModel", "data of two classes"),
        "multiclass": translate("NetworkModel", "data of several classes"),
    }.get(task, "")
    if loss is None:
        text = translate("NetworkModel", "Output activation set to %1 for %2")
        return fill(text, activation_label(activation or ""), data)
    if activation is None:
        return fill(translate("NetworkModel", "Loss set to %1 for %2"), losses[loss], data)
    text = translate("NetworkModel", "Output activation set to %1 and loss to %2 for %3")
    return fill(text, activation_label(activation), losses[loss], data)


def new_network_text(sizes: Sequence[int]) -> str:
    """The status message of new data that brought a new network of ``sizes``."""
    text = QCoreApplication.translate(
        "NetworkModel", "New network %1 for this data; Undo brings back the previous one"
    )
    return fill(text, "–".join(str(n) for n in sizes))
