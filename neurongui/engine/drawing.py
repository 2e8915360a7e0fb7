"""A digit drawn by hand, prepared the way the dataset's digits were.

MNIST's digits were written on paper, scanned, their bounding box scaled (keeping its
shape) to fit 20×20 pixels with grey levels from the anti-aliasing, and that box placed
in a 28×28 image so that its centre of mass sits at the centre. The 8×8 digits (UCI
optdigits) were scaled to fit 32×32, thresholded to black and white, and each 4×4 block
counted (0–16 pixels of ink). A network trained on either only knows digits made that
way, so a drawing gets the same treatment before the network sees it:
:func:`prepare_mnist` and :func:`prepare_optdigits` take the drawing as a 2-D array of
ink from 0 to 1 (any size) and give the dataset's image, as the network's inputs
(0 to 1).
"""

from __future__ import annotations

import numpy as np

__all__ = ["bounding_box", "prepare", "prepare_mnist", "prepare_optdigits", "resample"]


def bounding_box(ink: np.ndarray, threshold: float = 0.05) -> tuple[int, int, int, int] | None:
    """(top, bottom, left, right) of the ink (bottom and right exclusive), or None if
    there is none above ``threshold``."""
    rows = np.flatnonzero((ink > threshold).any(axis=1))
    cols = np.flatnonzero((ink > threshold).any(axis=0))
    if not len(rows):
        return None
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


def resample(image: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """``image`` scaled to ``rows`` × ``cols`` by averaging the area each new pixel
    covers (what a scanner does; no pixel is lost however small it gets)."""
    h, w = image.shape

    # Each output pixel covers [i·h/rows, (i+1)·h/rows) of the input: integrate by
    # cumulative sums over a grid refined to the least common multiple of the sizes.
    def weights(n_in: int, n_out: int) -> np.ndarray:
        edges = np.arange(n_out + 1) * n_in / n_out
        lo, hi = edges[:-1, None], edges[1:, None]
        pixel = np.arange(n_in)[None, :]
        overlap = np.clip(np.minimum(hi, pixel + 1) - np.maximum(lo, pixel), 0, None)
        return overlap / overlap.sum(axis=1, keepdims=True)

    return weights(h, rows) @ image @ weights(w, cols).T


def _fit(ink: np.ndarray, box: int) -> np.ndarray | None:
    """The ink's bounding box scaled, keeping its shape, to fit ``box`` × ``box``."""
    found = bounding_box(ink)
    if found is None:
        return None
    top, bottom, left, right = found
    crop = ink[top:bottom, left:right]
    h, w = crop.shape
    scale = box / max(h, w)
    rows, cols = max(1, round(h * scale)), max(1, round(w * scale))
    return resample(crop, rows, cols)


def prepare_mnist(ink: np.ndarray) -> np.ndarray:
    """A drawing as an MNIST digit: 28×28, the ink's box fitted to 20×20 and its centre
    of mass moved to the centre; values 0 to 1. A blank drawing gives zeros."""
    out = np.zeros((28, 28))
    fitted = _fit(np.clip(ink, 0, 1), 20)
    if fitted is None:
        return out
    h, w = fitted.shape
    total = fitted.sum()
    rows, cols = np.indices(fitted.shape)
    cy, cx = (rows * fitted).sum() / total, (cols * fitted).sum() / total
    # Put the centre of mass on the image's centre (13.5, 13.5 between pixels 13 and 14),
    # kept inside the frame.
    top = int(np.clip(round(13.5 - cy), 0, 28 - h))
    left = int(np.clip(round(13.5 - cx), 0, 28 - w))
    out[top : top + h, left : left + w] = fitted
    return np.clip(out, 0, 1)


def prepare_optdigits(ink: np.ndarray) -> np.ndarray:
    """A drawing as an 8×8 digit of UCI optdigits: the ink fitted to 32×32 (centred),
    black and white, each 4×4 block counted; values 0 to 1 (the count ÷ 16)."""
    fitted = _fit(np.clip(ink, 0, 1), 32)
    if fitted is None:
        return np.zeros((8, 8))
    h, w = fitted.shape
    bitmap = np.zeros((32, 32))
    top, left = (32 - h) // 2, (32 - w) // 2
    bitmap[top : top + h, left : left + w] = fitted > 0.5
    counts = bitmap.reshape(8, 4, 8, 4).sum(axis=(1, 3))
    return counts / 16.0


def prepare(ink: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """A drawing prepared for a dataset of ``shape`` images (28×28 or 8×8); other
    shapes get the drawing's box fitted to the whole image."""
    if shape == (28, 28):
        return prepare_mnist(ink)
    if shape == (8, 8):
        return prepare_optdigits(ink)
    fitted = _fit(np.clip(ink, 0, 1), min(shape))
    out = np.zeros(shape)
    if fitted is not None:
        h, w = fitted.shape
        top, left = (shape[0] - h) // 2, (shape[1] - w) // 2
        out[top : top + h, left : left + w] = fitted
    return out
