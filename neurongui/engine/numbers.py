"""Numbers as students read and type them.

Every number the window shows a student goes through :func:`format_number`: four
significant digits, the true minus sign U+2212 (never the ASCII hyphen), and no
negative zero: a value that rounds to zero at the precision shown is written "0" (or
"0.000" with fixed decimals), never "−0". :func:`parse_number` reads a typed number
back, whichever minus sign, decimal comma or full-width digits the student used.
"""

from __future__ import annotations

import math
import unicodedata

__all__ = ["MINUS", "SIGNIFICANT_DIGITS", "format_number", "format_percent", "parse_number"]

#: U+2212, the minus sign of mathematics (a hyphen is shorter and sits lower).
MINUS = "\u2212"
#: Significant digits the window shows.
SIGNIFICANT_DIGITS = 4
#: Below this magnitude numbers are written in scientific notation (1.234e−05).
_SMALL = 1e-6


def format_number(
    value: float,
    parenthesise: bool = False,
    *,
    digits: int = SIGNIFICANT_DIGITS,
    decimals: int | None = None,
) -> str:
    """``value`` as the window shows it.

    Parameters
    ----------
    value
        The number.
    parenthesise
        Put a negative number in brackets, as when it follows an operator: 2 × (−3).
    digits
        Significant digits (trailing zeros dropped, as ``:g`` does); numbers smaller than
        1e-6 in magnitude are written in scientific notation with as many digits (down
        to there a first-year reads 0.000001137 more easily than 1.137e−06).
    decimals
        Instead of ``digits``: exactly this many decimals (``0.250``).

    Returns
    -------
    str
        For example ``"1.5"``, ``"−1.5"``, ``"0"`` for −0.0, ``"−1e−09"`` for −1e-9 with
        ``digits=1``, ``"0.000"`` for −1e-9 with ``decimals=3``.
    """
    value = float(value)
    if decimals is not None:
        text = f"{value:.{decimals}f}"
    elif abs(value) >= 1e-4 or value == 0 or not math.isfinite(value):
        text = f"{value:.{digits}g}"
    elif abs(value) >= _SMALL:
        # :g would switch to e-notation below 1e-4: as many decimals as the digits need,
        # counted on the value rounded to them (9.9996e-5 rounds up to 1.000e-4).
        rounded = float(f"{abs(value):.{digits - 1}e}")
        places = digits - 1 - math.floor(math.log10(rounded))
        text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.{digits - 1}e}"
    if text.startswith("-") and math.isfinite(value) and float(text) == 0:
        text = text[1:]  # rounded to zero: "−0" and "−0.000" would read as a negative number
    negative = text.startswith("-")
    text = text.replace("-", MINUS)
    return f"({text})" if parenthesise and negative else text


def parse_number(text: str) -> float | None:
    """The number typed in ``text`` (true or full-width minus, decimal comma, full-width
    digits, scientific notation), or None if it is not a finite number."""
    text = unicodedata.normalize("NFKC", text).strip().replace(MINUS, "-").replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def format_percent(share: float) -> str:
    """``share`` (0…1) as the window shows a percentage: one decimal, none when it is
    whole ("97.1%", "100%"), the same in every panel and both languages."""
    text = f"{round(100 * share, 1):.1f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"
