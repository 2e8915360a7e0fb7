"""Checking a number a student typed against the right one, to the digits shown.

The lessons show every number to :data:`~neurongui.engine.numbers.SIGNIFICANT_DIGITS`
significant digits, and a student works from those. An answer is right when it is the
shown value, when it rounds to the shown value (a student who multiplied the shown
factors and typed more digits), or when it is the shown value rounded to one digit
fewer (0.0822 for 0.08217). Nothing wider: a relative tolerance such as 1 % would
accept the gradient of the neighbouring weight (0.08267 for 0.08217, 0.6 % apart).

A lesson may name neighbouring quantities, the numbers a classic slip gives (the
other edge's gradient, the δ without its activation, the wrong sign): an answer that
matches one of them and not the right value is reported as that slip, so the lesson
can say what went wrong. An answer too rough to tell the right value from a neighbour
is neither right nor wrong: the student is asked for more digits.

The comparisons are made in decimal arithmetic on the digits typed and shown, so a
boundary such as 0.08215 → 0.0822 is decided exactly, not by binary rounding.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .numbers import MINUS, SIGNIFICANT_DIGITS

__all__ = ["Verdict", "check_answer"]


@dataclass(frozen=True)
class Verdict:
    """The outcome of :func:`check_answer`.

    Attributes
    ----------
    kind
        ``"right"``; ``"slip"``: it is a neighbouring quantity (named by ``slip``);
        ``"rough"``: too few digits to tell; ``"wrong"``; ``"empty"``: nothing typed;
        ``"not_a_number"``.
    value
        The number typed, or None if there is none.
    slip
        The key (from ``neighbours``) of the quantity the answer matches, for ``"slip"``.
    min_digits
        The fewest significant digits an answer may have (for the ``"rough"`` reply).
    """

    kind: str
    value: float | None = None
    slip: str | None = None
    min_digits: int = SIGNIFICANT_DIGITS - 1

    @property
    def right(self) -> bool:
        """True for a right answer."""
        return self.kind == "right"


def check_answer(
    text: str,
    right: float,
    neighbours: Mapping[str, float] | None = None,
    digits: int = SIGNIFICANT_DIGITS,
) -> Verdict:
    """Check the answer typed in ``text`` against ``right``, shown to ``digits``
    significant digits.

    Parameters
    ----------
    text
        What the student typed (true or full-width minus, decimal comma, e-notation).
    right
        The right value, unrounded.
    neighbours
        Quantities a classic slip gives, by a key the lesson names them by. Those that
        show as the same digits as ``right`` are ignored (they cannot be told apart).
    digits
        Significant digits the lesson shows numbers with.

    Returns
    -------
    Verdict
        See :class:`Verdict`.
    """
    typed = _decimal(text)
    minimum = max(digits - 1, 1)
    if typed is None:
        kind = "empty" if not text.strip() else "not_a_number"
        return Verdict(kind, min_digits=minimum)
    value = float(typed)
    shown_right = _shown(right, digits)
    rank = _RANK[_match(typed, right, digits)]
    slip, slip_rank = None, 0
    for key, other in (neighbours or {}).items():
        if _shown(other, digits) == shown_right:
            continue  # the same digits: the student cannot tell them apart either
        other_rank = _RANK[_match(typed, other, digits)]
        if other_rank > slip_rank:
            slip, slip_rank = key, other_rank
    # The closer agreement wins: typing a neighbour's shown digits is that slip even
    # if they are also a rougher rounding of the answer.
    if rank >= _RANK["rounded"] and rank > slip_rank:
        return Verdict("right", value, min_digits=minimum)
    if slip_rank > rank:
        return Verdict("slip", value, slip, minimum)
    if rank == slip_rank == 0:
        return Verdict("wrong", value, min_digits=minimum)
    # Too few digits, or as close to a neighbour as to the answer.
    return Verdict("rough", value, min_digits=minimum)


#: How closely an answer agrees with a value (see _match): the closer one wins.
_RANK = {"shown": 3, "rounded": 2, "rough": 1, None: 0}


def _decimal(text: str) -> Decimal | None:
    """The number typed, exactly as typed (its last digit tells its precision)."""
    text = unicodedata.normalize("NFKC", text).strip().replace(MINUS, "-").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _shown(value: float, digits: int) -> Decimal:
    """``value`` rounded to ``digits`` significant digits, as the window shows it."""
    return Decimal(f"{float(value):.{digits - 1}e}")


def _match(typed: Decimal, target: float, digits: int) -> str | None:
    """How ``typed`` agrees with ``target`` shown to ``digits`` significant digits.

    ``"shown"``: it is the shown value, or rounds to it; ``"rounded"``: it is the shown
    value rounded to one digit fewer; ``"rough"``: a rounding of it to fewer digits still;
    None: it does not agree.
    """
    shown = _shown(target, digits)
    if typed == shown:
        return "shown"
    if shown.is_zero():
        return None  # only 0 itself is 0 to the digits shown
    unit_shown = Decimal(1).scaleb(shown.adjusted() - digits + 1)
    exponent = typed.as_tuple().exponent
    if not isinstance(exponent, int):  # NaN or infinity: parse_number gives neither
        return None
    unit_typed = Decimal(1).scaleb(exponent)
    distance = abs(typed - shown)
    if unit_typed <= unit_shown:
        return "shown" if distance <= unit_shown / 2 else None
    if distance > unit_typed / 2:
        return None
    significant = typed.adjusted() - exponent + 1
    return "rounded" if significant >= digits - 1 else "rough"
