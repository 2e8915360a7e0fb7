"""User settings (QSettings) and the user's data folder, isolated under tests.

With ``NEURONGUI_TESTING=1`` (set by the test suite) settings go to an INI file and
data to a folder inside a temporary directory of this process, so tests never read
or change a real user's preferences, recent files or autosaves.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

__all__ = ["MAX_RECENT", "Settings", "data_dir"]

MAX_RECENT = 10
THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "en", "zh_CN")


@cache
def _test_root() -> Path:
    return Path(tempfile.mkdtemp(prefix="neurongui-test-"))


def testing() -> bool:
    """True while the test suite runs (settings and data are then isolated)."""
    return os.environ.get("NEURONGUI_TESTING") == "1"


def data_dir() -> Path:
    """The folder for autosaves and the instance lock (created if missing)."""
    if testing():
        path = _test_root() / "data"
    else:
        location = QStandardPaths.StandardLocation.AppDataLocation
        path = Path(QStandardPaths.writableLocation(location) or Path.home() / ".neurongui")
    path.mkdir(parents=True, exist_ok=True)
    return path


class Settings:
    """Typed access to NeuronGUI's persistent settings."""

    def __init__(self) -> None:
        if testing():
            self._q = QSettings(str(_test_root() / "settings.ini"), QSettings.Format.IniFormat)
        else:
            self._q = QSettings("NeuronGUI", "NeuronGUI")

    @property
    def qsettings(self) -> QSettings:
        """The underlying QSettings (for window geometry and dock state)."""
        return self._q

    def _text(self, key: str, default: str, allowed: tuple[str, ...]) -> str:
        value = self._q.value(key, default)
        return value if isinstance(value, str) and value in allowed else default

    @property
    def theme(self) -> str:
        """``"system"``, ``"light"`` or ``"dark"``."""
        return self._text("appearance/theme", "system", THEMES)

    @theme.setter
    def theme(self, value: str) -> None:
        self._q.setValue("appearance/theme", value if value in THEMES else "system")

    @property
    def language(self) -> str:
        """``"system"``, ``"en"`` or ``"zh_CN"`` (applied at the next start)."""
        return self._text("appearance/language", "system", LANGUAGES)

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue("appearance/language", value if value in LANGUAGES else "system")

    @property
    def last_dir(self) -> str:
        """The folder of the last file opened or saved."""
        value = self._q.value("files/last_dir", "")
        return value if isinstance(value, str) and os.path.isdir(value) else str(Path.home())

    @last_dir.setter
    def last_dir(self, value: str) -> None:
        self._q.setValue("files/last_dir", value)

    def recent_files(self) -> list[str]:
        """Recently used files, newest first, existing ones only."""
        value = self._q.value("files/recent", [])
        # QSettings gives a lone entry as a string, and no entries as None on some systems.
        paths = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [p for p in paths if isinstance(p, str) and os.path.exists(p)][:MAX_RECENT]

    def add_recent_file(self, path: str | os.PathLike) -> None:
        """Put ``path`` first in the recent files (keeping at most :data:`MAX_RECENT`)."""
        path = str(Path(path).resolve())
        files = [path] + [p for p in self.recent_files() if p != path]
        self._q.setValue("files/recent", files[:MAX_RECENT])

    def clear_recent_files(self) -> None:
        """Forget the recent files."""
        self._q.setValue("files/recent", [])

    def default_training(self) -> dict:
        """Saved default hyperparameters (a TrainingConfig dict; empty if none)."""
        import json

        raw = self._q.value("training/defaults", "")
        try:
            value = json.loads(raw) if isinstance(raw, str) and raw else {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def set_default_training(self, values: dict) -> None:
        """Store default hyperparameters (from TrainingConfig.to_dict())."""
        import json

        self._q.setValue("training/defaults", json.dumps(values))

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._q.sync()
