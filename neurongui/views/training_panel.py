"""The training panel: dataset and hyperparameters, Play/Pause, Step and Reset."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from neurongui.editing import Editor
from neurongui.engine import datasets
from neurongui.engine.config import TrainingConfig
from neurongui.engine.explain import format_number, lone_softmax
from neurongui.engine.metrics import EpochRecord
from neurongui.engine.numbers import format_percent
from neurongui.i18n import dataset_label, error_text, fill, keep_together
from neurongui.model import NetworkModel
from neurongui.undo import changed_settings
from neurongui.views.number_spin import NumberSpinBox, WholeSpinBox
from neurongui.views.steady import steady
from neurongui.views.training_data import IMPORT_ENTRIES, DataImports
from neurongui.views.training_more import MoreSettings
from neurongui.worker import TrainingController

__all__ = ["TrainingPanel"]


class TrainingPanel(DataImports, QWidget):
    """Edits the model's TrainingConfig and drives the TrainingController (the Data
    list's imports: :class:`~neurongui.views.training_data.DataImports`)."""

    def __init__(
        self,
        model: NetworkModel,
        controller: TrainingController,
        parent: QWidget | None = None,
        editor: Editor | None = None,
    ):
        super().__init__(parent)
        self.model = model
        self.controller = controller
        self.editor = editor  # settings changes are undoable when there is one
        self._updating = False
        self._build_controls()
        self._build_buttons()
        self._actions = self._make_actions()
        controller.runningChanged.connect(self._on_running_change)
        controller.stopped.connect(self._on_stopped)
        model.configChanged.connect(self._on_config_change)
        model.historyChanged.connect(self._on_history_change)
        model.modifiedChanged.connect(self._on_history_change)  # "saved with the file"
        model.dataChanged.connect(self._on_config_change)
        model.structureChanged.connect(self._on_structure_change)
        # A stop message (divergence, limit reached) is about the run that stopped:
        # once the settings, the data or the network change it no longer applies.
        for signal in (
            model.configChanged,
            model.dataChanged,
            model.structureChanged,
            model.editApplied,
            model.networkReplaced,
        ):
            signal.connect(self._clear_status)
        self._lone_softmax = lone_softmax(model.network)
        self.more.set_hidden_layers(len(model.network.layers) - 1)
        self._on_config_change()
        self._on_history_change()
        self._show_note()

    # -- building ----------------------------------------------------------------------

    def _spin(self, name, lo, hi, step, decimals=None, tip=""):
        # Boxes that read "1e9" and "2.5e-3" as numbers (Qt's own read "1e9" as 19).
        # ``decimals`` only says "not whole": a NumberSpinBox keeps what is typed and
        # shows it without trailing zeros ("100", not "100.00000").
        box = NumberSpinBox() if decimals is not None else WholeSpinBox()
        box.refused.connect(lambda value: self._on_refused(box, tip, value))
        box.setRange(lo, hi)
        box.setSingleStep(step)
        box.setObjectName(name)
        box.setKeyboardTracking(False)
        box.setToolTip(tip)
        box.setAccessibleName(tip)
        box.valueChanged.connect(self._on_control_change)
        return box

    def _on_refused(self, box: QSpinBox | QDoubleSpinBox, name: str, value: float) -> None:
        """A number typed outside the box's range: say so (the box keeps its value)."""
        short = format_number  # as the fields and every panel write numbers
        if isinstance(box, QSpinBox):
            text = self.tr("%1 takes whole numbers from %2 to %3, not %4")
            low, high = f"{box.minimum():,}", f"{box.maximum():,}"
        else:
            text = self.tr("%1 takes numbers from %2 to %3, not %4")
            low, high = short(box.minimum()), short(box.maximum())
        self.model.message.emit(fill(text, name, low, high, short(value)))

    def _combo(self, name, items, tip=""):
        box = QComboBox()
        box.setObjectName(name)
        for key, text in items:
            box.addItem(text, key)
        box.setToolTip(tip)
        box.setAccessibleName(tip)
        box.activated.connect(self._on_control_change)
        return box

    def _build_controls(self) -> None:
        items = [(key, dataset_label(key)) for key in datasets.names()] + self.data_items()
        self.dataset = self._combo("datasetCombo", items, self.tr("The data to learn from"))
        self.noise = self._spin("noiseSpin", 0, 0.5, 0.05, 2, self.tr("Noise added to the points"))
        self.test_ratio = self._spin(
            "testRatioSpin", 0, 0.9, 0.1, 2, self.tr("Share of the data kept for testing")
        )
        self.batch = self._spin("batchSpin", 1, 1024, 1, None, self.tr("Samples per step"))
        self.rate = self._spin("learningRateSpin", 1e-5, 100, 0.01, 5, self.tr("Learning rate η"))
        self.optimizer = self._combo(
            "optimizerCombo",
            [
                ("sgd", self.tr("Gradient descent")),
                ("momentum", self.tr("Momentum")),
                ("adam", "Adam"),
            ],
            self.tr("How each step uses the gradient"),
        )
        self.loss = self._combo(
            "lossCombo",
            [
                ("mse", self.tr("Square loss")),
                ("bce", self.tr("Binary cross-entropy")),
                ("cross_entropy", self.tr("Cross-entropy (softmax)")),
            ],
            self.tr("The loss the training minimises"),
        )
        self.regularization = self._combo(
            "regularizationCombo",
            [(None, self.tr("None")), ("l1", "L1"), ("l2", "L2")],
            self.tr("Penalty on large weights"),
        )
        self.reg_rate = self._spin("regRateSpin", 0, 10, 0.001, 4, self.tr("Regularisation rate λ"))
        self.init = self._combo(
            "initCombo",
            [
                ("xavier", "Xavier"),
                ("he", "He"),
                ("uniform", self.tr("Uniform ±0.5")),
                ("zeros", self.tr("Zeros")),
            ],
            self.tr("How Reset draws the initial weights"),
        )
        self.seed = self._spin("seedSpin", 0, 2**31 - 1, 1, None, self.tr("Random seed"))
        self.precision = self._combo(
            "precisionCombo",
            [("float64", self.tr("float64 (exact)")), ("float32", self.tr("float32 (faster)"))],
            self.tr("The numbers training computes with: float32 trains large networks faster; "
                    "the weights shown stay float64"),
        )  # fmt: skip
        self.limit_box = QCheckBox(self.tr("Stop after"))
        self.limit_box.setObjectName("epochLimitCheck")
        self.limit_box.toggled.connect(self._on_control_change)
        self.limit = self._spin("epochLimitSpin", 1, 1_000_000, 10, None, self.tr("Epoch limit"))
        self.target_box = QCheckBox(self.tr("Stop at loss"))
        self.target_box.setObjectName("targetLossCheck")
        self.target_box.toggled.connect(self._on_control_change)
        self.target = self._spin("targetLossSpin", 0, 100, 0.001, 4, self.tr("Target loss"))

        # Each setting's label, also the name its undo step goes by.
        self._names = {
            "dataset": self.tr("Data"),
            "noise": self.tr("Noise"),
            "test_fraction": self.tr("Test share"),
            "batch_size": self.tr("Batch size"),
            "learning_rate": self.tr("Learning rate"),
            "optimizer": self.tr("Optimiser"),
            "loss": self.tr("Loss"),
            "regularization": self.tr("Regularisation"),
            "regularization_rate": self.tr("Rate λ"),
            "init": self.tr("Initialisation"),
            "seed": self.tr("Seed"),
            "precision": self.tr("Precision"),
            "epoch_limit": self.tr("Stop after"),
            "target_loss": self.tr("Stop at loss"),
        }
        form = QFormLayout()
        for key, widget in (
            ("dataset", self.dataset),
            ("noise", self.noise),
            ("test_fraction", self.test_ratio),
            ("batch_size", self.batch),
            ("learning_rate", self.rate),
            ("optimizer", self.optimizer),
            ("loss", self.loss),
            ("regularization", self.regularization),
            ("regularization_rate", self.reg_rate),
            ("init", self.init),
            ("seed", self.seed),
            ("precision", self.precision),
        ):
            form.addRow(self._names[key], widget)
        row = QHBoxLayout()
        row.addWidget(self.limit_box)
        row.addWidget(self.limit)
        form.addRow(row)
        row = QHBoxLayout()
        row.addWidget(self.target_box)
        row.addWidget(self.target)
        form.addRow(row)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(form)
        self.more = MoreSettings(self)  # dropout and the schedule, folded
        self._names.update(self.more.names)
        self._layout.addWidget(self.more)

    def _build_buttons(self) -> None:
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.setObjectName("playButton")
        self.play_button.setToolTip(self.tr("Train continuously (Space)"))
        self.play_button.clicked.connect(self.controller.toggle)
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.setObjectName("stepButton")
        self.step_button.setToolTip(self.tr("One epoch (S); with Shift, one mini-batch"))
        self.step_button.clicked.connect(self._on_step_click)
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setObjectName("resetButton")
        self.reset_button.setToolTip(self.tr("New initial weights (R); undoable"))
        self.reset_button.clicked.connect(self.controller.reset)
        buttons = QHBoxLayout()
        for b in (self.play_button, self.step_button, self.reset_button):
            b.setAccessibleName(b.text())
            buttons.addWidget(b)
        self.epoch_label = QLabel()
        self.epoch_label.setObjectName("epochLabel")
        self.epoch_label.setWordWrap(True)  # epoch, loss and accuracy: two lines if narrow
        self.progress = QProgressBar()
        self.progress.setObjectName("epochProgress")
        self.status = QLabel()
        self.status.setObjectName("trainingStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("QLabel { color: #c0392b; }")
        #: Why this network cannot learn (softmax on a single output neuron).
        self.note = QLabel()
        self.note.setObjectName("trainingNote")
        self.note.setWordWrap(True)
        self._layout.addLayout(buttons)
        self._layout.addWidget(steady(self.epoch_label))  # changes 30 times a second
        self._layout.addWidget(self.progress)
        self._layout.addWidget(self.status)
        self._layout.addWidget(self.note)
        self._layout.addStretch(1)

    def _make_actions(self) -> list[QAction]:
        play = QAction(self.tr("Play"), self)  # "Pause" while training runs
        play.setObjectName("playAction")
        play.setShortcut(QKeySequence(Qt.Key.Key_Space))
        play.triggered.connect(self.controller.toggle)
        step = QAction(self.tr("Step one epoch"), self)
        step.setShortcut(QKeySequence(Qt.Key.Key_S))
        step.triggered.connect(lambda: self.controller.step(True))
        reset = QAction(self.tr("Reset weights"), self)
        reset.setShortcut(QKeySequence(Qt.Key.Key_R))
        reset.triggered.connect(self.controller.reset)
        return [play, step, reset]

    def actions_for_menu(self) -> list[QAction]:
        """Actions for the Training menu and the toolbar (Space, S, R)."""
        return self._actions

    # -- reacting ------------------------------------------------------------------------

    def _on_step_click(self) -> None:
        shift = QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
        self.controller.step(whole_epoch=not shift)

    def _on_running_change(self, running: bool) -> None:
        self.play_button.setText(self.tr("Pause") if running else self.tr("Play"))
        self._actions[0].setText(self.tr("Pause") if running else self.tr("Play"))
        if running:
            self.status.clear()

    def _on_stopped(self, message: str) -> None:
        self.status.setText(keep_together(message))

    def _clear_status(self, *_: object) -> None:
        self.status.clear()

    def _on_history_change(self, *_: object) -> None:
        history = self.model.history
        # Records carry their epoch: a long run's history is thinned, not truncated.
        epoch = history[-1].epoch if history else 0
        if history and not self.model.modified:
            # Curves the student did not train in this session: they came with the file.
            text = fill(self.tr("Epoch %1 (saved with the file)"), f"{epoch:,}")
        else:
            text = fill(self.tr("Epoch %1"), f"{epoch:,}")
        if history:
            text += self._loss_text(history[-1])
        config = self.model.config
        if config.schedule != "constant":  # η of the epoch trained now (or next)
            rate = config.learning_rate_schedule().rate(config.learning_rate, epoch)
            text += "\n" + fill(self.tr("learning rate now η = %1"), format_number(rate))
        self.epoch_label.setText(keep_together(text))
        limit = self.model.config.epoch_limit
        self.progress.setVisible(limit is not None)
        if limit:
            self.progress.setRange(0, limit)
            self.progress.setValue(min(epoch, limit))

    def _loss_text(self, record: EpochRecord) -> str:
        """The training loss and accuracy after "Epoch n"; with a penalty, a second line
        with L + penalty."""
        loss = format_number(record.train_loss)
        accuracy = ""
        if record.train_accuracy is not None:
            percent = format_percent(record.train_accuracy)
            accuracy = " · " + fill(self.tr("training accuracy %1"), percent)
        if not record.penalty:
            return " · " + fill(self.tr("training loss %1"), loss) + accuracy
        kind = self.model.config.regularization
        if kind == "l2":
            objective = self.tr("minimised: L + (λ/2)·Σw² = %1 + %2 = %3")
        elif kind == "l1":
            objective = self.tr("minimised: L + λ·Σ|w| = %1 + %2 = %3")
        else:  # regularisation was switched off after this epoch
            objective = self.tr("minimised: L + penalty = %1 + %2 = %3")
        return (
            " · "
            + fill(self.tr("training loss L = %1"), loss)
            + accuracy
            + "\n"
            + fill(objective, loss, format_number(record.penalty), format_number(record.objective))
        )

    def _on_structure_change(self) -> None:
        lone = lone_softmax(self.model.network)
        if lone and not self._lone_softmax:
            self.model.message.emit(self.lone_softmax_text())  # in the status bar, once
        self._lone_softmax = lone
        self._show_note()
        self.more.set_hidden_layers(len(self.model.network.layers) - 1)

    def lone_softmax_text(self) -> str:
        """Why softmax on one output neuron cannot learn, in the interface's language."""
        return self.tr(
            "Softmax on a single output neuron always gives 1: eᶻ / eᶻ = 1 whatever z "
            "is. The loss cannot change and every gradient is 0, so this network cannot "
            "learn. For one output use sigmoid; softmax needs one output neuron per class."
        )

    def _show_note(self) -> None:
        self.note.setText(keep_together(self.lone_softmax_text()) if self._lone_softmax else "")
        self.note.setVisible(self._lone_softmax)

    def _on_config_change(self) -> None:
        c = self.model.config
        self._updating = True
        try:
            self._set_combo(self.dataset, c.dataset, dataset_label(c.dataset))
            self.noise.setValue(c.noise)
            self.noise.setEnabled(c.dataset in datasets.TWO_D or c.dataset == "line")
            self.test_ratio.setValue(c.test_fraction)
            # A set with its own split (MNIST's 60,000 + 10,000, the shipped 8,000 + 2,000)
            # ignores the test share.
            self.test_ratio.setEnabled(self.model.data.dataset.train_count is None)
            self.batch.setValue(c.batch_size)
            self.rate.setValue(c.learning_rate)
            self._set_combo(self.optimizer, c.optimizer)
            self._set_combo(self.loss, c.loss)
            self._set_combo(self.regularization, c.regularization)
            self.reg_rate.setValue(c.regularization_rate)
            self.reg_rate.setEnabled(c.regularization is not None)
            self._set_combo(self.init, c.init)
            self.seed.setValue(c.seed)
            self._set_combo(self.precision, c.precision)
            self.limit_box.setChecked(c.epoch_limit is not None)
            self.limit.setEnabled(c.epoch_limit is not None)
            self.limit.setValue(c.epoch_limit or 100)
            self.target_box.setChecked(c.target_loss is not None)
            self.target.setEnabled(c.target_loss is not None)
            self.target.setValue(c.target_loss if c.target_loss is not None else 0.01)
            self.more.show_config(c)
        finally:
            self._updating = False
        self._on_history_change()

    def _set_combo(self, combo: QComboBox, key, text: str | None = None) -> None:
        index = combo.findData(key)
        if index < 0 and text is not None:  # an imported dataset, before the imports
            combo.insertItem(combo.count() - IMPORT_ENTRIES, text, key)
            index = combo.findData(key)
        combo.setCurrentIndex(max(index, 0))

    def _on_control_change(self, *_: object) -> None:
        if self._updating:
            return
        if self.data_action(self.dataset.currentData()):  # an import, not a dataset
            return
        try:
            config = self.model.config.with_changes(
                dataset=self.dataset.currentData(),
                noise=round(self.noise.value(), 4),
                test_fraction=round(self.test_ratio.value(), 4),
                batch_size=int(self.batch.value()),
                learning_rate=self.rate.value(),
                optimizer=self.optimizer.currentData(),
                loss=self.loss.currentData(),
                regularization=self.regularization.currentData(),
                regularization_rate=self.reg_rate.value(),
                init=self.init.currentData(),
                seed=int(self.seed.value()),
                precision=self.precision.currentData(),
                epoch_limit=int(self.limit.value()) if self.limit_box.isChecked() else None,
                target_loss=self.target.value() if self.target_box.isChecked() else None,
                **self.more.values(),
            )
        except ValueError as exc:
            self.model.message.emit(error_text(exc))
            self._on_config_change()
            return
        if config != self.model.config:
            self._use(config)
        else:
            self._on_config_change()

    def _use(self, config: TrainingConfig) -> None:
        """Apply ``config``: an undoable step when the panel has an editor."""
        changed = changed_settings(self.model.config, config)
        if len(changed) == 1:
            text = fill(self.tr("Change “%1”"), self._names.get(next(iter(changed)), ""))
        else:
            text = self.tr("Change the training settings")
        try:
            if self.editor is None:
                self.model.check_config(config)
                self.model.set_config(config)
            else:
                self.editor.change_settings(config, text)
        except ValueError as exc:  # e.g. a test share that leaves no training data
            self.model.message.emit(error_text(exc))
            self._on_config_change()
