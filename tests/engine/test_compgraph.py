"""The chain-rule graph: exact forward values and gradients, checked by finite differences."""

import math

import pytest

from neurongui.engine import compgraph as cg


def test_lesson_example_values_and_gradients_are_exact():
    g = cg.example_graph()
    assert g["q"].value == 3.0
    assert g["f"].value == -12.0
    grads = cg.backward(g["f"])
    assert grads == {"x": -4.0, "y": -4.0, "q": -4.0, "z": 3.0, "f": 1.0}


def test_edges_carry_local_derivative_times_upstream():
    g = cg.example_graph()
    cg.backward(g["f"])
    by_pair = {(e.parent.name, e.child.name): e for e in cg.edges(g["f"])}
    assert set(by_pair) == {("x", "q"), ("y", "q"), ("q", "f"), ("z", "f")}
    assert by_pair["q", "f"].local == -4.0 and by_pair["q", "f"].gradient == -4.0
    assert by_pair["z", "f"].local == 3.0 and by_pair["z", "f"].gradient == 3.0
    assert by_pair["x", "q"].local == 1.0 and by_pair["x", "q"].gradient == -4.0


def _f(x, y, z):
    return cg.example_graph(x, y, z)["f"].value


@pytest.mark.parametrize("point", [(-2.0, 5.0, -4.0), (0.3, -1.7, 2.2), (4.0, 4.0, 0.0)])
def test_gradients_match_central_differences(point):
    g = cg.example_graph(*point)
    grads = cg.backward(g["f"])
    h = 1e-6
    for i, name in enumerate("xyz"):
        up = list(point)
        down = list(point)
        up[i] += h
        down[i] -= h
        numeric = (_f(*up) - _f(*down)) / (2 * h)
        assert grads[name] == pytest.approx(numeric, abs=1e-7)


def test_shared_node_sums_gradients_and_sigmoid_matches_differences():
    def build(a):
        x = cg.var("x", a)
        s = cg.sigmoid(cg.mul(x, x, "x²"), "s")
        return x, s

    x, s = build(0.7)
    cg.backward(s)
    h = 1e-6
    numeric = (build(0.7 + h)[1].value - build(0.7 - h)[1].value) / (2 * h)
    assert x.grad == pytest.approx(numeric, rel=1e-7)
    sig = 1 / (1 + math.exp(-0.49))
    assert x.grad == pytest.approx(sig * (1 - sig) * 2 * 0.7, rel=1e-12)


def test_backward_twice_does_not_accumulate_and_bad_input_is_named():
    g = cg.example_graph()
    cg.backward(g["f"])
    assert cg.backward(g["f"])["x"] == -4.0
    with pytest.raises(ValueError, match="x must be a finite number"):
        cg.var("x", float("nan"))
