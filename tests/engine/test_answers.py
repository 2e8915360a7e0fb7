"""Checking typed answers to the digits shown (issue 14, M3).

The numbers are those of lesson 5's network (Mazur's worked example), written out here:
δ₃ = 0.13849856, a₁ = 0.59326999, a₂ = 0.59688438, so ∂L/∂w₃₁ = δ₃a₁ = 0.08216704 and
∂L/∂w₃₂ = δ₃a₂ = 0.08266763, shown as 0.08217 and 0.08267.
"""

import numpy as np
import pytest

from neurongui.engine.answers import check_answer
from neurongui.engine.numbers import format_number

W31, W32, DELTA3 = 0.13849856 * 0.59326999, 0.13849856 * 0.59688438, 0.13849856
NEIGHBOURS = {"w32": W32, "b3": DELTA3, "sign": -W31}


def _check(text, right=W31, neighbours=NEIGHBOURS):
    return check_answer(text, right, neighbours)


def test_the_worked_numbers():
    assert format_number(W31) == "0.08217" and format_number(W32) == "0.08267"


@pytest.mark.parametrize(
    "text",
    [
        "0.08217",  # as shown
        "0.0822",  # the shown value rounded to one digit fewer
        "0.082172",  # 0.1385 × 0.5933, the shown factors multiplied, rounds to 0.08217
        "0.08216704",  # all the digits
        "0,08217",  # a decimal comma
        "8.217e-2",
        " 0.082170 ",
    ],
)
def test_right_answers(text):
    verdict = _check(text)
    assert verdict.kind == "right" and verdict.right


def test_the_neighbouring_weight_is_refused_and_named():
    verdict = _check("0.08267")
    assert verdict.kind == "slip" and verdict.slip == "w32" and not verdict.right
    assert _check("0.0827").slip == "w32"  # its rounding too


@pytest.mark.parametrize(
    ("text", "slip"), [("0.1385", "b3"), ("\u22120.08217", "sign"), ("-0.0822", "sign")]
)
def test_other_slips_are_named(text, slip):
    verdict = _check(text)
    assert (verdict.kind, verdict.slip) == ("slip", slip)


@pytest.mark.parametrize("text", ["0.08218", "0.08216", "0.0821", "0.0823", "0.5"])
def test_a_unit_off_in_the_last_digit_is_wrong(text):
    assert _check(text).kind == "wrong"


@pytest.mark.parametrize("text", ["0.082", "0.08", "0.1", "0"])
def test_too_few_digits_to_tell_is_neither_right_nor_wrong(text):
    verdict = _check(text)
    assert verdict.kind == "rough" and verdict.min_digits == 3


def test_empty_and_not_a_number():
    assert _check("  ").kind == "empty"
    assert _check("0.08x").kind == "not_a_number"
    assert _check("nan").kind == "not_a_number"


def test_rounding_of_the_shown_digits_is_decided_exactly():
    # Shown 0.08215: 0.0822 rounds the shown digits, 0.0821 the value itself (a hair
    # below); both are exactly half a unit of their last digit away, and accepted.
    right = 0.082149999
    assert format_number(right) == "0.08215"
    assert check_answer("0.0822", right).right
    assert check_answer("0.0821", right).right
    assert check_answer("0.0823", right).kind == "wrong"
    assert check_answer("0.08214", right).kind == "wrong"


def test_zero_and_exact_small_values():
    assert check_answer("0", 0.0).right
    assert check_answer("−0.000", 0.0).right
    assert check_answer("0.0001", 0.0).kind == "wrong"
    assert check_answer("-4", -4.0).right  # the chain-rule graph's ∂f/∂x
    assert check_answer("−4.000", -4.0).right
    assert check_answer("0.25", 0.25).right
    assert check_answer("0.3", 0.25).kind == "rough"
    assert check_answer("0.2549", 0.25).kind == "wrong"  # 0.25 is shown as 0.2500


def test_neighbours_shown_alike_are_not_slips():
    assert check_answer("-4", -4.0, {"dy": -4.0, "dz": 3.0}).right


def test_a_shown_neighbour_never_passes_for_the_answer():
    # Two quantities whose shown digits differ are never taken for each other.
    rng = np.random.default_rng(0)
    for _ in range(2000):
        right = float(rng.uniform(-2, 2) * 10.0 ** rng.integers(-6, 3))
        other = right * (1 + float(rng.uniform(-0.02, 0.02)))
        if format_number(other) == format_number(right):
            continue
        verdict = check_answer(format_number(other), right, {"other": other})
        assert verdict.kind == "slip", (right, other)
        assert check_answer(format_number(right), right, {"other": other}).right
