"""A drawn digit is prepared the way the dataset's digits were."""

import numpy as np
import pytest

from neurongui.engine import datasets
from neurongui.engine.drawing import (
    bounding_box,
    prepare,
    prepare_mnist,
    prepare_optdigits,
    resample,
)


def _stroke(size=280, rows=(60, 220), col=140, width=16):
    """A vertical bar (a "1") drawn on a canvas of ``size`` × ``size``."""
    ink = np.zeros((size, size))
    ink[rows[0] : rows[1], col - width // 2 : col + width // 2] = 1.0
    return ink


def test_resampling_keeps_the_average_ink():
    rng = np.random.default_rng(0)
    image = rng.random((37, 53))
    small = resample(image, 7, 11)
    assert small.shape == (7, 11)
    assert small.mean() == pytest.approx(image.mean())
    assert np.allclose(resample(np.ones((10, 10)), 3, 3), 1.0)


def test_mnist_fits_the_box_into_20_and_centres_the_mass():
    out = prepare_mnist(_stroke(col=40))  # drawn far to the left
    assert out.shape == (28, 28) and 0 <= out.min() and out.max() <= 1
    top, bottom, _, _ = bounding_box(out)
    assert bottom - top == 20  # the long side fills 20 pixels
    rows, cols = np.indices(out.shape)
    cy, cx = (rows * out).sum() / out.sum(), (cols * out).sum() / out.sum()
    assert abs(cy - 13.5) <= 0.5 and abs(cx - 13.5) <= 0.5


def test_the_same_digit_drawn_small_or_big_gives_the_same_image():
    big = prepare_mnist(_stroke(rows=(20, 260), width=24))
    small = prepare_mnist(_stroke(rows=(100, 160), width=6))
    assert np.abs(big - small).max() < 0.05


def test_optdigits_counts_blocks_of_a_thresholded_32x32():
    out = prepare_optdigits(_stroke())
    assert out.shape == (8, 8)
    assert set(np.unique(out * 16)) <= set(range(17))  # whole counts
    assert out[:, 3:5].sum() > 0 and out[:, 0].sum() == 0  # a centred bar


def test_a_prepared_drawing_looks_like_the_datasets_digits():
    ds = datasets.load_dataset("digits")
    ones = datasets.network_inputs(ds.X[ds.labels() == 1]).mean(axis=0).reshape(8, 8)
    drawn = prepare_optdigits(_stroke(width=40))
    # The ink sits in the same middle columns as the average "1" of the data.
    assert np.argmax(drawn.sum(axis=0)) in (np.argsort(ones.sum(axis=0))[-3:])


def test_a_blank_drawing_gives_zeros_and_other_shapes_are_fitted():
    assert not prepare_mnist(np.zeros((50, 50))).any()
    assert not prepare_optdigits(np.zeros((50, 50))).any()
    out = prepare(_stroke(), (10, 6))
    assert out.shape == (10, 6) and out.any()
