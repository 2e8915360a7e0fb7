"""Preferences: theme, language, and default training settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from neurongui.settings import Settings

__all__ = ["PreferencesDialog"]


class PreferencesDialog(QDialog):
    """Edits :class:`Settings`; :meth:`accept` stores them."""

    def __init__(self, settings: Settings, current_training: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self._training = current_training
        self.theme = QComboBox()
        self.theme.setObjectName("themeCombo")
        for key, text in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(text, key)
        self.theme.setCurrentIndex(max(self.theme.findData(settings.theme), 0))
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        for key, text in (
            ("system", self.tr("Follow the system")),
            ("en", "English"),
            ("zh_CN", "简体中文"),
        ):
            self.language.addItem(text, key)
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        note = QLabel(self.tr("A new language applies the next time NeuronGUI starts."))
        note.setWordWrap(True)
        defaults = QPushButton(self.tr("Use the current training settings as defaults"))
        defaults.setObjectName("saveDefaultsButton")
        defaults.clicked.connect(self._save_defaults)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", note)
        form.addRow("", defaults)
        form.addRow(buttons)

    def _save_defaults(self) -> None:
        self.settings.set_default_training(self._training)

    def accept(self) -> None:
        """Store the choices."""
        self.settings.theme = self.theme.currentData()
        self.settings.language = self.language.currentData()
        self.settings.sync()
        super().accept()
