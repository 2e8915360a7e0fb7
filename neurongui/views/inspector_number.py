"""A number box that reads what students type: scientific notation, the true minus sign,
a decimal comma, and says why it refuses a number instead of misreading it.

QDoubleSpinBox's own validator drops the characters it does not expect, so "1e9"
became 19. :class:`NumberBox` reads its text with :func:`neurongui.engine.numbers.parse_number`
and shows values with :func:`format_number` (U+2212, no "−0").
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from neurongui.engine.numbers import format_number, parse_number
from neurongui.i18n import fill

__all__ = ["NumberBox"]

#: Significant digits shown; the value kept is the one typed, to these digits.
DIGITS = 6
#: Characters a number can still grow from: "1e", "−", "2.5E-" are on their way.
_PARTIAL = set("+-\u2212eE.,")


class NumberBox(QDoubleSpinBox):
    """A QDoubleSpinBox that accepts ``1e9``, ``2.5E-3``, ``−0.5`` and refuses with a reason.

    Signals
    -------
    refused(str)
        The typed text was not taken; the argument says why, for the student.
    """

    refused = Signal(str)

    def __init__(self, lo: float, hi: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(12)  # the value is kept as typed; the text shows DIGITS digits
        self.setRange(lo, hi)
        self.setKeyboardTracking(False)  # typed numbers apply on Enter, not per keystroke
        self._reason = ""  # why the text being edited was refused, said once it ends
        self.editingFinished.connect(self._say_refusal)

    def sizeHint(self) -> QSize:
        return self._room_for_digits(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._room_for_digits(super().minimumSizeHint())

    def _room_for_digits(self, hint: QSize) -> QSize:
        """Qt sizes a spin box by its range's ends ("1" for ±1); values show DIGITS."""
        metrics = self.fontMetrics()
        longest = metrics.horizontalAdvance(self.textFromValue(-0.0123456))
        ends = max(
            metrics.horizontalAdvance(self.textFromValue(v))
            for v in (self.minimum(), self.maximum())
        )
        return QSize(hint.width() + max(0, longest - ends), hint.height())

    def textFromValue(self, value: float) -> str:
        return format_number(value, digits=DIGITS)

    def valueFromText(self, text: str) -> float:
        if self._bare(text) == self.textFromValue(self.value()):
            # The value shown, rounded to DIGITS: Enter on it is not an edit of the rest.
            return self.value()
        value = parse_number(self._bare(text))
        return self.value() if value is None else value

    def validate(self, text: str, pos: int, /) -> tuple[QValidator.State, str, int]:
        bare = self._bare(text)
        value = parse_number(bare)
        if value is None:
            partial = bare == "" or bare[-1] in _PARTIAL
            state = QValidator.State.Intermediate if partial else QValidator.State.Invalid
            if state == QValidator.State.Invalid and any(c.isdigit() for c in bare):
                state = QValidator.State.Intermediate  # a typo to be fixed, not lost keys
            return state, text, pos
        if not self.minimum() <= value <= self.maximum():
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        """Called when editing ends on text that is not a usable number: say why."""
        bare = self._bare(text)
        if bare:
            self._reason = self.reason(bare)  # Qt calls fixup more than once per edit
        return text

    def _say_refusal(self) -> None:
        if self._reason:
            self.refused.emit(self._reason)
            self._reason = ""

    def reason(self, text: str) -> str:
        """Why ``text`` is refused, in words a student can act on."""
        value = parse_number(text)
        low, high = self.textFromValue(self.minimum()), self.textFromValue(self.maximum())
        if value is None:
            return fill(self.tr("“%1” is not a number. Type e.g. 0.5, −2 or 2.5e−3."), text.strip())
        return fill(
            self.tr("%1 is too large for %2: type a number from %3 to %4."),
            text.strip(),
            self.accessibleName() or self.tr("this box"),
            low,
            high,
        )

    def _bare(self, text: str) -> str:
        """``text`` without the prefix and suffix."""
        text = text.strip()
        if self.prefix() and text.startswith(self.prefix()):
            text = text[len(self.prefix()) :]
        if self.suffix() and text.endswith(self.suffix()):
            text = text[: -len(self.suffix())]
        return text.strip()
