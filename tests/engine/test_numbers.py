"""The shared number formatter and parser (issue 14, M4): expected strings written by hand."""

import pytest

from neurongui.engine import explain
from neurongui.engine.numbers import MINUS, format_number, format_percent, parse_number


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (-0.0, {}, "0"),
        (0.0, {}, "0"),
        (-1e-9, {}, "\u22121.000e\u221209"),
        (-1e-9, {"decimals": 3}, "0.000"),
        (-1e-9, {"decimals": 3, "parenthesise": True}, "0.000"),
        (-0.0, {"parenthesise": True}, "0"),
        (-0.00004, {"decimals": 4}, "0.0000"),
        (-0.00005001, {"decimals": 4}, "\u22120.0001"),
        (-1.5, {}, "\u22121.5"),
        (-1.5, {"parenthesise": True}, "(\u22121.5)"),
        (1.5, {}, "1.5"),
        (1.5, {"parenthesise": True}, "1.5"),
        (0.08216704, {}, "0.08217"),
        (-2.5e-5, {}, "\u22120.000025"),  # written out down to 1e-6
        (-2.5e-7, {}, "\u22122.500e\u221207"),
        (9.9996e-5, {}, "0.0001"),  # rounded to 4 digits first
        (123456.0, {}, "1.235e+05"),
        (0.1234, {"digits": 3}, "0.123"),
        (-0.25, {"decimals": 3}, "\u22120.250"),
    ],
)
def test_format_number(value, kwargs, expected):
    assert format_number(value, **kwargs) == expected


def test_no_ascii_minus_anywhere():
    for value in (-1.5, -1e-9, -2.5e-5, -123456.0, -0.3):
        text = format_number(value)
        assert "-" not in text and text.startswith(MINUS)


def test_explain_uses_the_shared_formatter():
    assert explain.format_number is format_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.0822", 0.0822),
        ("\u22120.5", -0.5),
        ("-0.5", -0.5),
        ("\uff0d\uff13", -3.0),  # full-width minus and digit
        ("0,25", 0.25),
        (" 8.267e-2 ", 0.08267),
        ("abc", None),
        ("", None),
        ("inf", None),
        ("nan", None),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("share", "shown"),
    [
        (0.0, "0%"),
        (1.0, "100%"),
        (0.97143, "97.1%"),
        (0.9995, "100%"),
        (0.58, "58%"),
        (0.0004, "0%"),
    ],
)
def test_a_percentage_has_one_decimal_unless_it_is_whole(share, shown):
    assert format_percent(share) == shown
