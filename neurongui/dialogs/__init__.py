"""Dialogs: preferences, about, and the user guide."""
