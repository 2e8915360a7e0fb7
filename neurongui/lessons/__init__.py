"""Guided lessons (filled in by the lessons work of issue #5)."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QWidget

__all__ = ["build_menu"]


def build_menu(window: QWidget) -> QMenu:
    """Return the Lessons menu for ``window`` (the main window)."""
    return QMenu(window.tr("&Lessons"), window)
