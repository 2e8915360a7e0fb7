"""The Training panel's "More" section: dropout and the learning-rate schedule.

Folded by default, so that the panel still fits a 1366 × 768 screen above a lesson's
tasks; its button says what is set inside ("More: dropout 0.2 · cosine"), so that a
setting in effect is never hidden. The panel owns the undo steps: each control here
is made by the panel's own factories and reports to its ``_on_control_change``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QToolButton, QVBoxLayout, QWidget

from neurongui.engine.config import LIMITS, TrainingConfig
from neurongui.engine.explain import format_number
from neurongui.i18n import fill

if TYPE_CHECKING:
    from neurongui.views.training_panel import TrainingPanel

__all__ = ["MoreSettings", "schedule_label"]


def schedule_label(kind: str) -> str:
    """The display name of a learning-rate schedule, in the interface's language."""
    names = {
        "constant": QCoreApplication.translate("MoreSettings", "Constant"),
        "step": QCoreApplication.translate("MoreSettings", "Step decay"),
        "cosine": QCoreApplication.translate("MoreSettings", "Cosine"),
    }
    return names.get(kind, kind)


class MoreSettings(QWidget):
    """Dropout and the schedule, behind a button that folds them away."""

    def __init__(self, panel: TrainingPanel):
        super().__init__(panel)
        self.setObjectName("moreSettings")
        self.toggle = QToolButton()
        self.toggle.setObjectName("moreToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._on_toggle)
        spin = panel._spin
        self.dropout = spin(
            "dropoutSpin",
            *LIMITS["dropout"],
            0.1,
            2,
            self.tr(
                "Dropout rate p of every hidden layer: during training steps each hidden "
                "neuron is switched off with probability p (0: never)"
            ),
        )
        self.schedule = panel._combo(
            "scheduleCombo",
            [(kind, schedule_label(kind)) for kind in ("constant", "step", "cosine")],
            self.tr("How the learning rate changes from epoch to epoch"),
        )
        self.decay_every = spin(
            "decayEverySpin", *LIMITS["decay_every"], 1, None, self.tr("Epochs between decays k")
        )
        self.decay_factor = spin(
            "decayFactorSpin", *LIMITS["decay_factor"], 0.1, 2, self.tr("Decay factor γ")
        )
        self.cosine_epochs = spin(
            "cosineEpochsSpin",
            *LIMITS["cosine_epochs"],
            10,
            None,
            self.tr("Epochs of the descent T"),
        )
        self.min_rate = spin(
            "minRateSpin",
            *LIMITS["min_learning_rate"],
            0.001,
            5,
            self.tr("Final learning rate η_min"),
        )
        #: Each setting's label, also the name its undo step goes by.
        self.names = {
            "dropout": self.tr("Dropout"),
            "schedule": self.tr("Learning-rate schedule"),
            "decay_every": self.tr("Every k epochs"),
            "decay_factor": self.tr("Factor γ"),
            "cosine_epochs": self.tr("Over T epochs"),
            "min_learning_rate": self.tr("Down to η_min"),
        }
        self.body = QWidget()
        self.form = QFormLayout(self.body)
        self.form.setContentsMargins(12, 0, 0, 0)
        for key, widget in (
            ("dropout", self.dropout),
            ("schedule", self.schedule),
            ("decay_every", self.decay_every),
            ("decay_factor", self.decay_factor),
            ("cosine_epochs", self.cosine_epochs),
            ("min_learning_rate", self.min_rate),
        ):
            self.form.addRow(self.names[key], widget)
        self.body.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body)

    def set_hidden_layers(self, count: int) -> None:
        """Enable dropout only for a network with hidden layers (an output neuron is
        never dropped)."""
        self.dropout.setEnabled(count > 0)
        if count:
            self.dropout.setToolTip(self.dropout.accessibleName())
        else:
            self.dropout.setToolTip(self.tr("This network has no hidden layer: nothing to drop"))

    def _on_toggle(self, shown: bool) -> None:
        self.body.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.toggle.setArrowType(arrow)

    def values(self) -> dict[str, Any]:
        """The settings as the controls show them, for ``TrainingConfig.with_changes``."""
        return {
            "dropout": round(self.dropout.value(), 4),
            "schedule": self.schedule.currentData(),
            "decay_every": int(self.decay_every.value()),
            "decay_factor": round(self.decay_factor.value(), 4),
            "cosine_epochs": int(self.cosine_epochs.value()),
            "min_learning_rate": self.min_rate.value(),
        }

    def show_config(self, c: TrainingConfig) -> None:
        """Show the settings of ``c`` (the caller blocks the change handler)."""
        self.dropout.setValue(c.dropout)
        self.schedule.setCurrentIndex(max(self.schedule.findData(c.schedule), 0))
        self.decay_every.setValue(c.decay_every)
        self.decay_factor.setValue(c.decay_factor)
        self.cosine_epochs.setValue(c.cosine_epochs)
        self.min_rate.setValue(c.min_learning_rate)
        for widget, kind in (
            (self.decay_every, "step"),
            (self.decay_factor, "step"),
            (self.cosine_epochs, "cosine"),
            (self.min_rate, "cosine"),
        ):
            self.form.setRowVisible(widget, c.schedule == kind)
        parts = []
        if c.dropout:
            parts.append(fill(self.tr("dropout %1"), format_number(c.dropout)))
        if c.schedule != "constant":
            parts.append(schedule_label(c.schedule))
        summary = " · ".join(parts)
        text = fill(self.tr("More: %1"), summary) if parts else self.tr("More settings")
        self.toggle.setText(text)
        self.toggle.setToolTip(self.tr("Dropout and the learning-rate schedule"))
        self.toggle.setAccessibleName(text)
