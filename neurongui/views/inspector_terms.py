"""The rows of the inspector's w·x table: every term for a few inputs, a summary for many.

A neuron of the digits network has 64 inputs (an image network 90,000): a row per term
would push the bias, z and f(z) out of sight. Up to :data:`MAX_TERMS` inputs every term
gets a row; beyond that the largest terms by |w·x| get one, and the rest are summed in
one row ("… 56 more terms"), so z = Σ w·x + b always adds up on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neurongui.engine import activations
from neurongui.engine.explain import NeuronExplanation
from neurongui.i18n import activation_label

__all__ = ["MAX_TERMS", "TermRow", "function_symbol", "term_rows"]

#: Inputs up to which every term has its own row.
MAX_TERMS = 8
#: Terms written out when there are more inputs than MAX_TERMS (the rest are summed).
SHOWN_TERMS = MAX_TERMS - 1


@dataclass(frozen=True)
class TermRow:
    """One row of the table: an input's term, or (``rest`` > 0) the sum of the others."""

    name: str
    x: float | None
    w: float | None
    product: float
    rest: int = 0


def term_rows(e: NeuronExplanation) -> list[TermRow]:
    """The terms to show for ``e``: all of them, or the largest and a sum of the rest.

    The sum of the rows' products is z − b as the engine computes it (the rest's sum
    is taken from the same products).
    """
    products = e.products
    n = len(products)
    if n <= MAX_TERMS:
        return [TermRow(e.names[i], e.inputs[i], e.weights[i], products[i]) for i in range(n)]
    with np.errstate(invalid="ignore"):
        size = np.nan_to_num(np.abs(products), nan=np.inf)
    # A partition, not a sort: 90,000 inputs redrawn 8 times a second while training.
    largest = np.sort(np.argpartition(-size, SHOWN_TERMS - 1)[:SHOWN_TERMS])
    rows = [TermRow(e.names[i], e.inputs[i], e.weights[i], products[i]) for i in largest]
    others = np.ones(n, dtype=bool)
    others[largest] = False
    with np.errstate(all="ignore"):
        rest = float(products[others].sum())
    rows.append(TermRow("", None, None, rest, rest=int(others.sum())))
    return rows


def function_symbol(name: str) -> str:
    """The symbol the activation's formula uses for f: σ for sigmoid, tanh, or its name.

    The activation panel writes σ(z) = 1 / (1 + e⁻ᶻ); the inspector's a = σ(z) uses the
    same letter. Functions whose formula says f(z) are named by their short label.
    """
    try:
        formula = activations.get(name).formula
    except ValueError:
        return name
    head = formula.split("(z)", 1)[0] if "(z)" in formula else ""
    if head and head != "f" and " " not in head:
        return head
    return activation_label(name, short=True)
