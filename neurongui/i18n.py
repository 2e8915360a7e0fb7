"""Languages: English (the source strings) and Simplified Chinese.

Translations live in ``resources/i18n/neurongui_<lang>.ts`` (Qt Linguist source).
The compiled ``.qm`` is made by the build (``hatch_build.py`` runs pyside6-lrelease
when the wheel is built; the PyInstaller build does the same). A source checkout
has only the ``.ts``: it is then compiled on first use into the user's cache folder
with the ``lrelease`` that ships in PySide6. So the same lookup works from a
checkout, an installed wheel and a bundled app.

The language is chosen by ``NEURONGUI_LANG`` if set, else the Preferences choice,
else the system locale.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QStandardPaths, QTranslator
from PySide6.QtWidgets import QApplication

from neurongui.engine.datasets import IRIS_FEATURES, IRIS_SPECIES
from neurongui.paths import resource_path

__all__ = [
    "SUPPORTED",
    "choose_language",
    "data_name",
    "fill",
    "install_translators",
    "qm_file",
    "ts_file",
]

SUPPORTED = ("en", "zh_CN")


def choose_language(preference: str = "system") -> str:
    """``"en"`` or ``"zh_CN"``: from NEURONGUI_LANG, ``preference`` or the system."""
    for candidate in (os.environ.get("NEURONGUI_LANG", ""), preference):
        if candidate and candidate != "system":
            return "zh_CN" if candidate.lower().startswith("zh") else "en"
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def fill(text: str, *values: object) -> str:
    """``text`` with its placeholders %1, %2, … replaced by ``values``, as QString.arg does.

    Translated strings keep Qt's numbered placeholders, so a translation may put them in
    another order. All are replaced in one pass: a value that itself contains "%2" stays
    as it is (replacing one placeholder after another would expand it too).
    """
    return _PLACEHOLDER.sub(
        lambda m: str(values[int(m[1]) - 1]) if 0 < int(m[1]) <= len(values) else m[0], text
    )


_PLACEHOLDER = re.compile(r"%(\d+)")


def data_name(name: str) -> str:
    """A feature or class name of a shipped dataset, in the interface's language.

    Networks, files and the engine keep the English names; any other name (a CSV
    file's columns, x₁, a digit) is shown as it is.
    """
    if name not in IRIS_FEATURES and name not in IRIS_SPECIES:
        return name  # most names (digits, x₁, a CSV's columns): no lookup at all
    names = {  # spelled out in full, as lupdate recognises them
        "sepal length": QCoreApplication.translate("Datasets", "sepal length"),
        "sepal width": QCoreApplication.translate("Datasets", "sepal width"),
        "petal length": QCoreApplication.translate("Datasets", "petal length"),
        "petal width": QCoreApplication.translate("Datasets", "petal width"),
        "setosa": QCoreApplication.translate("Datasets", "setosa"),
        "versicolor": QCoreApplication.translate("Datasets", "versicolor"),
        "virginica": QCoreApplication.translate("Datasets", "virginica"),
    }
    return names[name]


def ts_file(language: str) -> Path:
    """The translation source of ``language``."""
    return resource_path("i18n") / f"neurongui_{language}.ts"


def _lrelease() -> str | None:
    import PySide6

    exe = Path(PySide6.__file__).parent / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )
    return str(exe) if exe.exists() else shutil.which("pyside6-lrelease")


def qm_file(language: str) -> Path | None:
    """The compiled translation of ``language``: shipped, or compiled now into the cache."""
    shipped = resource_path("i18n") / f"neurongui_{language}.qm"
    source = ts_file(language)
    if shipped.exists() and (
        not source.exists() or shipped.stat().st_mtime >= source.stat().st_mtime
    ):
        return shipped
    if not source.exists():
        return None
    cache = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation) or "."
    )
    target = cache / "i18n" / f"neurongui_{language}.qm"
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    tool = _lrelease()
    if tool is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [tool, "-silent", str(source), "-qm", str(target)], capture_output=True, check=False
    )
    return target if result.returncode == 0 and target.exists() else None


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load NeuronGUI's and Qt's own translations of ``language`` into ``app``.

    Returns the installed translators (keep them alive as long as the app runs).
    """
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    path = qm_file(language)
    ours = QTranslator(app)
    if path is not None and ours.load(str(path)):
        app.installTranslator(ours)
        installed.append(ours)
    return installed
