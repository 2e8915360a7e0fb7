"""Spin boxes that read what a student types the way :func:`parse_number` does.

Qt's own spin boxes drop the characters they do not expect, so "1e9" typed into a
learning rate became 19. These read scientific notation ("2.5e-3"), the true minus
sign, a decimal comma and full-width digits; a number outside the box's range is
refused with :attr:`NumberSpinBox.refused` (the panel says why) instead of being
changed silently.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget

from neurongui.engine.numbers import format_number, parse_number

__all__ = ["KEPT_DECIMALS", "DecimalSpinBox", "NumberSpinBox", "WholeSpinBox", "shown_number"]

#: Decimals a NumberSpinBox keeps (Qt rounds its value to them): enough for any
#: number a student types into a setting; what is shown drops the trailing zeros.
KEPT_DECIMALS = 10


def shown_number(value: float) -> str:
    """``value`` as a number box shows it: the app's format (true minus sign), with
    as many digits as were typed and no trailing zeros ("100", "0.03", "1e−05")."""
    text = format_number(value, digits=KEPT_DECIMALS)
    if "e" in text:  # scientific notation keeps its zeros: 1.000000000e−05
        mantissa, exponent = text.split("e")
        text = mantissa.rstrip("0").rstrip(".") + "e" + exponent
    return text


#: What may still become a number while it is being typed: "", "−", "2.", "1e", "1e−".
_PARTIAL = re.compile(r"^[+\-−]?\d*(?:[.,]\d*)?(?:[eE][+\-−]?\d*)?$")


def _state(text: str, low: float, high: float, whole: bool) -> QValidator.State:
    value = parse_number(text)
    if value is not None and low <= value <= high and (not whole or value == int(value)):
        return QValidator.State.Acceptable
    if value is not None or _PARTIAL.match(text.strip()):
        return QValidator.State.Intermediate  # out of range: fixup() refuses it
    return QValidator.State.Invalid


if TYPE_CHECKING:  # the mixin below is a spin box's, for the type checker only
    from PySide6.QtWidgets import QAbstractSpinBox as _SpinBox
else:
    _SpinBox = object


class _Refusing(_SpinBox):
    """Emit ``refused`` once per typed text (Qt calls fixup on Return and again when
    the focus leaves)."""

    refused: Signal
    _refused_text: str | None = None

    def fixup(self, text: str, /) -> str:
        value = parse_number(text)
        if value is not None and text != self._refused_text:
            self._refused_text = text
            self.refused.emit(value)
        return text

    def _on_text_edited(self, _text: str) -> None:
        self._refused_text = None


class NumberSpinBox(_Refusing, QDoubleSpinBox):
    """A QDoubleSpinBox that reads "1e9", "2.5e-3", "−0,5" as numbers."""

    #: The number typed (a float) lies outside the range: nothing changed.
    refused = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(KEPT_DECIMALS)
        self.lineEdit().textEdited.connect(self._on_text_edited)

    def validate(self, text: str, pos: int, /) -> tuple[QValidator.State, str, int]:
        return _state(text, self.minimum(), self.maximum(), False), text, pos

    def textFromValue(self, value: float, /) -> str:
        return shown_number(value)

    def valueFromText(self, text: str) -> float:
        value = parse_number(text)
        return self.value() if value is None else value


class DecimalSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox with a fixed number of decimals that writes the true minus sign
    ("−2.00", not "-2.00") and reads what :func:`parse_number` reads: for the lessons'
    weights and the tools' settings, where the digits shown are part of the lesson."""

    def validate(self, text: str, pos: int, /) -> tuple[QValidator.State, str, int]:
        body = text.removeprefix(self.prefix()).removesuffix(self.suffix())
        return _state(body, self.minimum(), self.maximum(), False), text, pos

    def textFromValue(self, value: float, /) -> str:
        text = f"{value:.{self.decimals()}f}"
        if text.startswith("-") and float(text) == 0:  # no "−0.00"
            text = text[1:]
        return text.replace("-", "\u2212")

    def valueFromText(self, text: str, /) -> float:
        value = parse_number(text.removeprefix(self.prefix()).removesuffix(self.suffix()))
        return self.value() if value is None else value


class WholeSpinBox(_Refusing, QSpinBox):
    """A QSpinBox that reads "1e3" as 1000 (and refuses "2.5" or "1e12")."""

    #: The number typed (a float) lies outside the range or is not whole.
    refused = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lineEdit().textEdited.connect(self._on_text_edited)

    def validate(self, text: str, pos: int, /) -> tuple[QValidator.State, str, int]:
        return _state(text, self.minimum(), self.maximum(), True), text, pos

    def valueFromText(self, text: str) -> int:
        value = parse_number(text)
        return self.value() if value is None else int(value)
