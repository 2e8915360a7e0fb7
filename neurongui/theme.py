"""Light and dark themes that follow the system, with an override in Preferences.

The Fusion style with an explicit palette looks the same on every platform. Views
that draw their own colours (the charts) read :func:`is_dark` and listen to
:attr:`ThemeManager.changed`.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

__all__ = ["ThemeManager", "is_dark"]

_current_dark = False


def is_dark() -> bool:
    """True while the dark theme is applied."""
    return _current_dark


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor(35, 37, 41), QColor(48, 50, 55), QColor(225, 225, 225)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: window,
        QPalette.ColorRole.ToolTipBase: QColor(60, 62, 68),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.Highlight: QColor(8, 119, 189),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Link: QColor(90, 170, 230),
        # Qt's default placeholder is dark grey: unreadable on the dark base.
        QPalette.ColorRole.PlaceholderText: QColor(150, 150, 150),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(120, 120, 120))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(120, 120, 120))
    return p


class ThemeManager(QObject):
    """Applies ``"system"``, ``"light"`` or ``"dark"``; emits :attr:`changed` (dark?)."""

    changed = Signal(bool)

    def __init__(self, app: QApplication, choice: str = "system"):
        super().__init__(app)
        self._app = app
        self._choice = choice
        app.setStyle("Fusion")
        self._light = QPalette(app.style().standardPalette())
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._on_system_change)
        self.apply(choice)

    @property
    def choice(self) -> str:
        """The user's choice."""
        return self._choice

    def system_is_dark(self) -> bool:
        """What the desktop asks for (Qt 6.5+), light when unknown."""
        hints = QGuiApplication.styleHints()
        scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else None
        return scheme == Qt.ColorScheme.Dark

    def apply(self, choice: str) -> None:
        """Switch theme now."""
        global _current_dark
        self._choice = choice
        dark = self.system_is_dark() if choice == "system" else choice == "dark"
        self._app.setPalette(_dark_palette() if dark else self._light)
        pg.setConfigOption("background", (35, 37, 41) if dark else "w")
        pg.setConfigOption("foreground", (220, 220, 220) if dark else (60, 60, 60))
        _current_dark = dark
        self.changed.emit(dark)

    def _on_system_change(self, *_: object) -> None:
        if self._choice == "system":
            self.apply("system")
