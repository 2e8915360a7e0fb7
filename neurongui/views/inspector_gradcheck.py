"""The Inspector's gradient check: backprop's ∂L/∂w of the selected weight (or ∂L/∂b of
the selected bias) next to the central difference (L(w+ε) − L(w−ε)) / 2ε, on the same
batch, with their relative difference and a verdict a student can read.

The batch is the training set (every k-th sample of a large one, at most
:data:`~neurongui.engine.gradcheck.SAMPLE_LIMIT`), so the check does not depend on the
sample shown; ε and the batch are said in the panel. While training streams values in,
the check runs at most :data:`LIVE_HZ` times a second (one check of a 784-100-10 network
on 256 samples takes about 5 ms).
"""

from __future__ import annotations

from itertools import takewhile

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from neurongui.engine.gradcheck import (
    CheckedParameter,
    GradientCheck,
    check_rows,
    gradient_check,
)
from neurongui.engine.numbers import format_number
from neurongui.i18n import fill, keep_together
from neurongui.model import NetworkModel
from neurongui.views.throttle import Redraw

__all__ = ["LIVE_HZ", "GradientCheckBox"]

#: Checks a second while training streams values in.
LIVE_HZ = 2
#: Digits shown of the two gradients: enough to see how many agree.
_DIGITS = 10


class GradientCheckBox(QGroupBox):
    """The gradient check of the selected weight or bias of ``model``.

    Parameters
    ----------
    model
        The model whose selection, network and training set are checked.
    watch
        The view it belongs to: nothing is computed while that is hidden.
    """

    def __init__(self, model: NetworkModel, watch: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.setObjectName("gradientCheck")
        self.setTitle(self.tr("Gradient check: is backprop right?"))
        self.note = self._label("gradCheckNote")
        self.backprop = self._label("gradCheckBackprop", number=True)
        self.numeric = self._label("gradCheckNumeric", number=True)
        self.relative = self._label("gradCheckRelative", number=True)
        self.verdict = self._label("gradCheckVerdict")
        self._backprop_name = QLabel()
        self._backprop_name.setObjectName("gradCheckBackpropName")
        self._numeric_name = QLabel()
        relative_name = QLabel(self.tr("relative difference"))
        relative_name.setToolTip(self.tr("|a − b| / max(|a|, |b|), a and b the two numbers"))
        form = QFormLayout(self)
        form.setContentsMargins(4, 2, 4, 2)
        form.setVerticalSpacing(2)
        # The two numbers and the verdict first: in a short dock (1366 × 768) they are
        # what must be in sight; how the check was made follows.
        form.addRow(self._backprop_name, self.backprop)
        form.addRow(self._numeric_name, self.numeric)
        form.addRow(relative_name, self.relative)
        form.addRow(self.verdict)
        form.addRow(self.note)
        #: The last check shown (None when nothing checkable is selected).
        self.result: GradientCheck | None = None
        for signal in (
            model.selectionChanged,
            model.parametersChanged,
            model.structureChanged,
            model.sampleChanged,
            model.dataChanged,
            model.configChanged,
            model.networkReplaced,
        ):
            signal.connect(self._on_model_signal)
        self._redraw = Redraw(watch, self.update_check, hz=LIVE_HZ)
        self.update_check()

    def _label(self, name: str, number: bool = False) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if number:
            # Left-aligned, so that the digits the two numbers share stand over each other.
            label.setTextFormat(Qt.TextFormat.RichText)
        else:
            label.setWordWrap(True)
        return label

    def _on_model_signal(self) -> None:
        self._redraw.request(self.model.live)

    @property
    def pending(self) -> bool:
        """True while a check is scheduled."""
        return self._redraw.pending

    def update_check(self) -> None:
        """Run the check for the selection now and show it (hidden if none applies)."""
        parameter = self._parameter()
        # Every point erased: no batch to check on (the loss's mean over no sample
        # divided by zero).
        if parameter is None or not len(self.model.data.Y_train):
            self.result = None
            self.setVisible(False)
            return
        model, data = self.model, self.model.data
        n_total = len(data.Y_train)
        rows = check_rows(n_total)
        config = model.config
        try:
            result = gradient_check(
                model.network,
                data.inputs("train", rows),
                data.Y_train[rows],
                config.loss,
                parameter,
                regularization=config.regularization,
                rate=config.regularization_rate,
                n_total=n_total,
            )
        except ValueError:  # a set that does not fit the network (yet)
            self.result = None
            self.setVisible(False)
            return
        self.result = result
        self._show(result, "w" if parameter.kind == "weight" else "b")
        self.setVisible(True)

    def _parameter(self) -> CheckedParameter | None:
        s = self.model.selection
        if s.kind == "edge":
            return CheckedParameter("weight", s.layer, s.neuron, s.source)
        if s.kind == "neuron" and s.layer >= 0:
            return CheckedParameter("bias", s.layer, s.neuron)
        return None

    def _show(self, r: GradientCheck, symbol: str) -> None:
        if r.n_samples == r.n_total:
            batch = fill(self.tr("the whole training set (%1 samples)"), f"{r.n_total:,}")
        else:
            batch = fill(
                self.tr("%1 of the %2 training samples (1 in every %3)"),
                f"{r.n_samples:,}",
                f"{r.n_total:,}",
                f"{-(-r.n_total // r.n_samples):,}",
            )
        loss = self.tr("L = loss + penalty") if r.regularized else self.tr("L = the loss")
        note = fill(
            self.tr("Nudge %1 by ±ε (ε = %2) and see how L changes, on %3; %4."),
            symbol,
            format_number(r.epsilon),
            batch,
            loss,
        )
        if symbol == "w" and self.model.gradients is not None:
            note += " " + self.tr(
                "The last training step's ∂L/∂w above used only its mini-batch, so it differs."
            )
        self.note.setText(keep_together(note))
        self._backprop_name.setText(fill(self.tr("backprop ∂L/∂%1"), symbol))
        self._numeric_name.setText(fill("(L(%1+ε) − L(%1−ε)) / 2ε", symbol))
        a = format_number(r.backprop, digits=_DIGITS)
        b = format_number(r.numeric, digits=_DIGITS)
        shared = sum(1 for _ in takewhile(lambda pair: pair[0] == pair[1], zip(a, b, strict=False)))
        shared = 0 if r.verdict == "disagree" else shared
        for label, text in ((self.backprop, a), (self.numeric, b)):
            # The digits both share in bold: the agreement a student reads off.
            label.setText(f"<b>{text[:shared]}</b>{text[shared:]}" if shared else text)
        self.relative.setText(format_number(r.relative, digits=2))
        self.verdict.setText(keep_together(self._verdict(r)))

    def _verdict(self, r: GradientCheck) -> str:
        if r.verdict == "zero":
            return fill(
                self.tr(
                    "Both are 0 (to within %1, the rounding of the difference): "
                    "this parameter does not change L now, e.g. behind a dead ReLU."
                ),
                format_number(r.resolution, digits=1),
            )
        if r.verdict == "agree":
            return fill(self.tr("They agree to %1 digits — backprop is right."), str(r.digits))
        if r.kink:
            return self.tr(
                "They differ because a kink lies within ±ε (a ReLU's z, or an L1-penalised "
                "weight, crosses 0): there the difference is not the slope. Not a wrong "
                "backprop."
            )
        if r.verdict == "close":
            return fill(
                self.tr(
                    "They agree to only %1 digits: close, as rounding can make it. A wrong "
                    "backprop usually differs in the first digit."
                ),
                str(r.digits),
            )
        return self.tr("They differ — this gradient from backprop is wrong.")
