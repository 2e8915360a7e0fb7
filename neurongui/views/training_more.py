"""The Training panel's "More" section: dropout and the learning-rate schedule.

Dropout has one rate for every hidden layer, or one per layer: with two or more hidden
layers a chooser beside the rate says which it sets ("every hidden layer", "hidden
layer 2").

Folded by default, so that the panel still fits a 1366 × 768 screen above a lesson's
tasks; its button says what is set inside ("More: dropout 0.2 · cosine"), so that a
setting in effect is never hidden. The panel owns the undo steps: each control here
is made by the panel's own factories and reports to its ``_on_control_change``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

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
        self.panel = panel
        self.dropout = spin(
            "dropoutSpin",
            *LIMITS["dropout"],
            0.1,
            2,
            self.tr(
                "Dropout rate p: during training steps each hidden neuron of the chosen "
                "layers is switched off with probability p (0: never)"
            ),
        )
        # Which hidden layers the rate is for: choosing does not change the settings,
        # it shows that layer's rate (an edit of the rate does).
        self.dropout_layer = QComboBox()
        self.dropout_layer.setObjectName("dropoutLayerCombo")
        self.dropout_layer.setAccessibleName(self.tr("Layers the dropout rate is for"))
        self.dropout_layer.currentIndexChanged.connect(lambda _: self._show_rate())
        #: The rate the spin box showed last, to tell an edit of it from another setting's.
        self._shown_rate = 0.0
        dropout_row = QWidget()
        row = QHBoxLayout(dropout_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.dropout_layer, 1)
        row.addWidget(self.dropout, 1)
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
            ("dropout", dropout_row),
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
        never dropped); offer a choice of layer when there are two or more."""
        self.dropout.setEnabled(count > 0)
        if count:
            self.dropout.setToolTip(self.dropout.accessibleName())
        else:
            self.dropout.setToolTip(self.tr("This network has no hidden layer: nothing to drop"))
        box = self.dropout_layer
        if box.count() != count + 1:
            keep = box.currentIndex()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("every hidden layer"), -1)
            for layer in range(count):
                box.addItem(fill(self.tr("hidden layer %1"), layer + 1), layer)
            box.setCurrentIndex(keep if 0 <= keep < box.count() else 0)
            box.blockSignals(False)
        box.setVisible(count > 1)
        self._show_rate()

    def _rates(self, config: TrainingConfig) -> tuple[float, ...]:
        """The dropout rate of each hidden layer of the network on screen."""
        return config.dropout_rates(len(self.panel.model.network.layers))

    def _show_rate(self, config: TrainingConfig | None = None) -> None:
        """Show the rate of the chosen layer (of the first, for every hidden layer)."""
        rates = self._rates(config or self.panel.model.config)
        layer = self.dropout_layer.currentData()
        rate = (
            rates[layer]
            if layer is not None and 0 <= layer < len(rates)
            else rates[0]
            if rates
            else 0.0
        )
        self._shown_rate = rate
        self.dropout.blockSignals(True)
        self.dropout.setValue(rate)
        self.dropout.blockSignals(False)
        if len(set(rates)) > 1:
            listed = ", ".join(format_number(r) for r in rates)
            self.dropout_layer.setToolTip(fill(self.tr("Dropout by hidden layer: %1"), listed))
        else:
            self.dropout_layer.setToolTip(self.dropout_layer.accessibleName())

    def _dropout_value(self) -> float | tuple[float, ...]:
        """The dropout setting the controls ask for: the settings' own if the rate was
        not edited (another control changed), else the rate for the chosen layers."""
        config = self.panel.model.config
        rate = round(self.dropout.value(), 4)
        if rate == round(self._shown_rate, 4):
            return config.dropout
        layer = self.dropout_layer.currentData()
        rates = list(self._rates(config))
        if layer is None or layer < 0 or not 0 <= layer < len(rates):
            return rate
        rates[layer] = rate
        return rates[0] if len(set(rates)) == 1 else tuple(rates)

    def _on_toggle(self, shown: bool) -> None:
        self.body.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.toggle.setArrowType(arrow)

    def values(self) -> dict[str, Any]:
        """The settings as the controls show them, for ``TrainingConfig.with_changes``."""
        return {
            "dropout": self._dropout_value(),
            "schedule": self.schedule.currentData(),
            "decay_every": int(self.decay_every.value()),
            "decay_factor": round(self.decay_factor.value(), 4),
            "cosine_epochs": int(self.cosine_epochs.value()),
            "min_learning_rate": self.min_rate.value(),
        }

    def show_config(self, c: TrainingConfig) -> None:
        """Show the settings of ``c`` (the caller blocks the change handler)."""
        self._show_rate(c)
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
        if c.uses_dropout:
            rates = self._rates(c)
            mixed = len(set(rates)) > 1  # one rate per layer, first hidden layer first
            shown = " / ".join(format_number(r) for r in (rates if mixed else rates[:1]))
            parts.append(fill(self.tr("dropout %1"), shown))
        if c.schedule != "constant":
            parts.append(schedule_label(c.schedule))
        summary = " · ".join(parts)
        text = fill(self.tr("More: %1"), summary) if parts else self.tr("More settings")
        self.toggle.setText(text)
        self.toggle.setToolTip(self.tr("Dropout and the learning-rate schedule"))
        self.toggle.setAccessibleName(text)
