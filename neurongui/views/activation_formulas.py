"""The activations' formulas in the student's language.

The engine writes each formula in plain text (``f(z) = 1 if z ≥ 0, else 0``); the
symbols are the same in every language, the words "if", "else", "while training" are
not. The formulas with words are listed here for lupdate, and :func:`formula_text`
gives their translation (a formula without words, or one not listed, as it is).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["WORDED_FORMULAS", "formula_text"]

_CONTEXT = "ActivationFormulas"

#: The engine's formulas and derivatives that contain words (a test checks the list
#: against neurongui.engine.activations).
WORDED_FORMULAS = (
    QT_TRANSLATE_NOOP("ActivationFormulas", "f(z) = 1 if z ≥ 0, else 0"),
    QT_TRANSLATE_NOOP("ActivationFormulas", "f′(z) = 1 if −1 < z < 1, else 0"),
    QT_TRANSLATE_NOOP("ActivationFormulas", "f′(z) = 1 if z > 0, else 0"),
    QT_TRANSLATE_NOOP("ActivationFormulas", "f(z) = z if z > 0, else k·z"),
    QT_TRANSLATE_NOOP("ActivationFormulas", "f′(z) = 1 if z > 0, else k"),
    QT_TRANSLATE_NOOP("ActivationFormulas", "f(z) = z if z > 0, else α·z  (α learned)"),
    QT_TRANSLATE_NOOP("ActivationFormulas", "f′(z) = 1 if z > 0, else α;  ∂f/∂α = min(z, 0)"),
    QT_TRANSLATE_NOOP(
        "ActivationFormulas",
        "f(z) = z if z > 0, else k·z,  k ~ U[l, u] while training, (l + u)/2 after",
    ),
)


def formula_text(formula: str) -> str:
    """``formula`` (an activation's ``formula`` or ``derivative_formula``) translated."""
    if formula not in WORDED_FORMULAS:
        return formula
    return QCoreApplication.translate(_CONTEXT, formula)
