"""Loss values against their definitions, computed by hand."""

import math

import numpy as np
import pytest

from neurongui.engine import losses


def test_square_loss_by_hand():
    y_pred = np.array([[0.5], [2.0]])
    y_true = np.array([[1.0], [0.0]])
    # 1/(2n) Σ (y − ŷ)² = 1/4 (0.25 + 4)
    assert losses.get("mse").value(y_pred, y_true) == pytest.approx(4.25 / 4)


def test_binary_cross_entropy_by_hand():
    y_pred = np.array([[0.9], [0.2]])
    y_true = np.array([[1.0], [0.0]])
    expected = -(math.log(0.9) + math.log(0.8)) / 2
    assert losses.get("bce").value(y_pred, y_true) == pytest.approx(expected)


def test_cross_entropy_by_hand():
    y_pred = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    y_true = np.array([[1.0, 0, 0], [0, 0, 1.0]])
    expected = -(math.log(0.7) + math.log(0.8)) / 2
    assert losses.get("cross_entropy").value(y_pred, y_true) == pytest.approx(expected)


@pytest.mark.parametrize("name", ["bce", "cross_entropy"])
def test_finite_when_predictions_are_exactly_zero_or_one(name):
    y_pred = np.array([[0.0, 1.0], [1.0, 0.0]])
    y_true = np.array([[1.0, 0.0], [1.0, 0.0]])
    lf = losses.get(name)
    assert math.isfinite(lf.value(y_pred, y_true))
    assert np.isfinite(lf.gradient(y_pred, y_true)).all()


def test_shape_mismatch_is_a_clear_error():
    with pytest.raises(ValueError, match="shape"):
        losses.get("mse").value(np.zeros((3, 1)), np.zeros((3, 2)))


def test_unknown_loss():
    with pytest.raises(ValueError, match="unknown loss"):
        losses.get("hinge")


def test_values_are_the_textbook_formulas_bit_for_bit():
    # The losses clip without np.clip (its wrapper is slow): same numbers, NaN included.
    rng = np.random.default_rng(3)
    y_pred = np.concatenate([rng.random((6, 3)), [[0.0, 1.0, np.nan]]])
    y_true = np.eye(3)[rng.integers(0, 3, len(y_pred))]
    n, p = len(y_pred), np.clip(y_pred, losses.EPSILON, 1 - losses.EPSILON)
    bce = -(y_true * np.log(p) + (1 - y_true) * np.log1p(-p)).sum() / n
    ce = -(y_true * np.log(np.clip(y_pred, losses.EPSILON, 1.0))).sum() / n
    ok = slice(0, 6)
    assert losses.get("bce").value(y_pred[ok], y_true[ok]) == (
        -(y_true[ok] * np.log(p[ok]) + (1 - y_true[ok]) * np.log1p(-p[ok])).sum() / 6
    )
    assert np.isnan(losses.get("bce").value(y_pred, y_true)) and np.isnan(bce)
    assert losses.get("cross_entropy").value(y_pred[ok], y_true[ok]) == (
        -(y_true[ok] * np.log(np.clip(y_pred[ok], losses.EPSILON, 1.0))).sum() / 6
    )
    assert np.isnan(losses.get("cross_entropy").value(y_pred, y_true)) and np.isnan(ce)
    grad = losses.get("bce").gradient(y_pred, y_true)
    assert grad.tobytes() == ((p - y_true) / (p * (1 - p)) / n).tobytes()
