"""Built-in datasets: shapes, labels that mean what they say, determinism, shipped data."""

import numpy as np
import pytest

from neurongui.engine import datasets


@pytest.mark.parametrize("name", datasets.names())
def test_every_dataset_has_consistent_shapes_and_finite_values(name):
    ds = datasets.load_dataset(name, n=200, noise=0.2, seed=3)
    assert ds.X.ndim == ds.Y.ndim == 2 and len(ds.X) == len(ds.Y)
    assert np.isfinite(ds.X).all() and np.isfinite(ds.Y).all()
    assert len(ds.feature_names) == ds.n_features
    assert datasets.describe(name)
    if ds.task == "multiclass":
        assert np.array_equal(ds.Y.sum(axis=1), np.ones(len(ds.Y)))
        assert ds.n_outputs == len(ds.class_names)
    elif ds.task == "binary":
        assert set(np.unique(ds.Y)) == {0.0, 1.0}


@pytest.mark.parametrize("name", datasets.TWO_D)
def test_point_sets_are_reproducible_and_seed_dependent(name):
    a = datasets.load(name, n=100, noise=0.1, seed=7)
    b = datasets.load(name, n=100, noise=0.1, seed=7)
    c = datasets.load(name, n=100, noise=0.1, seed=8)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])
    assert np.abs(a[0]).max() <= 6.0 + 5.0 * 0.1  # the plane Playground draws, plus noise


def test_circle_without_noise_is_labelled_by_radius():
    X, Y = datasets.load("circle", n=400, noise=0.0, seed=0)
    r = np.hypot(X[:, 0], X[:, 1])
    assert np.array_equal(Y[:, 0] == 1, r < 2.5)
    assert 0.4 < Y.mean() < 0.6


def test_xor_labels_follow_the_sign_of_the_product():
    X, Y = datasets.load("xor", n=300, seed=1)
    assert np.array_equal(Y[:, 0] == 1, X[:, 0] * X[:, 1] > 0)
    assert np.abs(X).min() >= 0.3  # padded away from the axes


def test_noise_makes_labels_overlap():
    X, Y = datasets.load("circle", n=400, noise=0.5, seed=0)
    r = np.hypot(X[:, 0], X[:, 1])
    assert not np.array_equal(Y[:, 0] == 1, r < 2.5)


def test_logic_gates():
    X, Y = datasets.load("and")
    assert X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert Y[:, 0].tolist() == [0, 0, 0, 1]
    assert datasets.load("xor_gate")[1][:, 0].tolist() == [0, 1, 1, 0]


def test_iris_matches_fishers_data():
    ds = datasets.load_dataset("iris")
    assert ds.X.shape == (150, 4) and ds.Y.shape == (150, 3)
    assert ds.class_names == ("setosa", "versicolor", "virginica")
    assert ds.Y.sum(axis=0).tolist() == [50, 50, 50]
    assert ds.X[0].tolist() == [5.1, 3.5, 1.4, 0.2]
    # Fisher's published means (cm) of the four measurements over all 150 flowers.
    assert np.allclose(ds.X.mean(axis=0), [5.843, 3.057, 3.758, 1.199], atol=1e-3)


def test_digits_are_8x8_images_scaled_to_unit_range():
    ds = datasets.load_dataset("digits")
    assert ds.X.shape == (1797, 64) and ds.image_shape == (8, 8)
    assert ds.X.min() == 0.0 and ds.X.max() == 1.0
    counts = ds.Y.sum(axis=0)
    assert counts.sum() == 1797 and counts.min() >= 174


def test_train_test_split_is_a_reproducible_partition():
    X = np.arange(20, dtype=float)[:, None]
    Y = X * 2
    a = datasets.train_test_split(X, Y, 0.25, seed=4)
    b = datasets.train_test_split(X, Y, 0.25, seed=4)
    assert all(np.array_equal(p, q) for p, q in zip(a, b, strict=True))
    X_train, Y_train, X_test, Y_test = a
    assert len(X_test) == 5 and len(X_train) == 15
    assert sorted(np.concatenate([X_train, X_test])[:, 0]) == list(range(20))
    assert np.array_equal(Y_train, X_train * 2) and np.array_equal(Y_test, X_test * 2)


@pytest.mark.parametrize("fraction", [-0.1, 1.0, 0.999])
def test_bad_split_fractions(fraction):
    with pytest.raises(ValueError, match="test fraction"):
        datasets.train_test_split(np.zeros((10, 1)), np.zeros((10, 1)), fraction)


def test_unknown_dataset_names_the_choices():
    with pytest.raises(ValueError, match="unknown dataset 'nope'; choose one of circle"):
        datasets.load("nope")


def test_line_is_one_dimensional_regression_on_a_known_line():
    ds = datasets.load_dataset("line", n=50, noise=0.0, seed=0)
    assert ds.X.shape == (50, 1) and ds.task == "regression" and not ds.is_2d
    assert np.allclose(ds.Y[:, 0], 0.8 * ds.X[:, 0] - 0.5)
    noisy = datasets.load_dataset("line", n=2000, noise=0.25, seed=0)
    assert np.std(noisy.Y[:, 0] - (0.8 * noisy.X[:, 0] - 0.5)) == pytest.approx(0.5, rel=0.1)
