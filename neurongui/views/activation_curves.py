"""The curves the activation panel draws, and the range of its z histogram.

Plain NumPy, apart from the panel's widgets, so that the numbers drawn can be checked
against the engine's.
"""

from __future__ import annotations

import numpy as np

from neurongui.engine import activations

__all__ = ["N_POINTS", "contrast_ratio", "curve_points", "histogram_range", "legible"]

#: Points along each curve.
N_POINTS = 401


def curve_points(act: activations.Activation, lo: float, hi: float, n: int = N_POINTS):
    """Return ``(z, f(z), f′(z))`` for plotting ``act`` on [lo, hi].

    Step is drawn honestly: a NaN splits both curves at z = 0, so the line jumps
    instead of drawing a steep slope that the function does not have (its
    derivative does not exist at 0).
    """
    z = np.linspace(lo, hi, n)
    if act.name == "step" and lo < 0 < hi:
        z = np.concatenate([z[z < 0], [0.0, np.nan, 0.0], z[z > 0]])
        f = np.where(np.isnan(z), np.nan, act.forward(np.nan_to_num(z)))
        f[np.flatnonzero(np.isnan(z))[0] - 1] = 0.0  # the left branch ends at (0, 0)
        d = np.where(np.isnan(z), np.nan, 0.0)
        d[np.flatnonzero(np.isnan(z))[0] - 1] = np.nan  # f′(0) does not exist
        return z, f, d
    return z, act.forward(z), act.derivative(z)


def histogram_range(values: np.ndarray) -> tuple[float, float]:
    """The histogram's range: the values' own, at least 1e-6 of their size wide.

    40 bins over (1e6 − 1e-10, 1e6) would be narrower than a double can tell apart
    there, and np.histogram raises; so would any range over ±inf.
    """
    if len(values) == 0:
        return 0.0, 1.0
    lo, hi = float(values.min()), float(values.max())
    mid, size = (lo + hi) / 2, max(abs(lo), abs(hi))
    if hi - lo < 1e-6 * max(size, 1.0):  # (nearly) one value: numpy's own ±0.5
        half = 0.5 * max(1.0, 1e-6 * size)
        return mid - half, mid + half
    return lo, hi


def _luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an sRGB colour (0-255 per channel)."""
    c = np.asarray(rgb, dtype=float) / 255
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return float(linear @ [0.2126, 0.7152, 0.0722])


def contrast_ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def legible(
    rgb: tuple[int, int, int], background: tuple[int, int, int], ratio: float = 3.0
) -> tuple[int, int, int]:
    """``rgb`` darkened (on a light background) or lightened (on a dark one) just
    enough to reach ``ratio`` against ``background`` (3:1: WCAG's minimum for lines
    and large text); its hue is kept."""
    toward = 0.0 if _luminance(background) > 0.18 else 255.0
    colour = np.asarray(rgb, dtype=float)
    for step in np.linspace(0.0, 1.0, 41):
        r, g, b = (int(v) for v in np.rint(colour + (toward - colour) * step))
        if contrast_ratio((r, g, b), background) >= ratio:
            return (r, g, b)
    return (0, 0, 0) if toward == 0.0 else (255, 255, 255)
