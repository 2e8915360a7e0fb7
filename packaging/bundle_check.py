"""Self-check of a frozen NeuronGUI, run by ``launcher.py`` under NEURONGUI_BUNDLE_CHECK.

A bundle can start and show its window while still missing what is only reached later:
a module imported by name (the lessons), the Chinese ``.qm``, the help pages, the datasets
read from CSV. This looks them all up the way the app does, from inside the bundle, and
writes what it found as JSON; ``tests/packaging`` compares that with the checkout.
It needs no display (Qt's offscreen platform) and writes nothing else.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import sys
import traceback
from pathlib import Path


def _error(exc: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()


def _modules() -> dict:
    """Import every module of the bundled ``neurongui`` package."""
    import neurongui

    imported, failed = ["neurongui"], {}

    def onerror(name: str) -> None:
        failed[name] = _error(sys.exc_info()[1])

    for info in pkgutil.walk_packages(neurongui.__path__, "neurongui.", onerror=onerror):
        try:
            importlib.import_module(info.name)
        except Exception as exc:
            failed[info.name] = _error(exc)
        else:
            imported.append(info.name)
    return {"imported": sorted(imported), "failed": failed}


def _translations(app) -> dict:
    """Where each language's .qm is found, and whether Qt loads it."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from neurongui import i18n

    found = {}
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for language in i18n.SUPPORTED:
        if language == "en":
            continue
        qm = i18n.qm_file(language)
        ours = QTranslator()
        qt = QTranslator()
        found[language] = {
            "qm": str(qm) if qm else None,
            "loaded": bool(qm) and ours.load(str(qm)) and not ours.isEmpty(),
            "qt_loaded": qt.load(f"qtbase_{language}", qt_dir) and not qt.isEmpty(),
            "installed": len(i18n.install_translators(app, language)),
        }
    return found


def _help() -> dict:
    from neurongui import i18n
    from neurongui.dialogs.help import guide_path

    return {language: str(guide_path(language)) for language in i18n.SUPPORTED}


def _datasets() -> dict:
    from neurongui.engine import datasets

    results = {}
    for name in datasets.names():
        try:
            data = datasets.load_dataset(name, n=50)
            results[name] = f"ok: {len(data.X)} samples"
        except Exception as exc:
            results[name] = _error(exc)
    return results


def _examples() -> dict:
    from neurongui.documents import load_document
    from neurongui.paths import resource_path

    results = {}
    for path in sorted(resource_path("examples").glob("*.json")):
        try:
            load_document(path)
            results[path.name] = "ok"
        except Exception as exc:
            results[path.name] = _error(exc)
    return results


def check(report: str) -> int:
    """Run every check, write the JSON report to ``report``; exit status 0 if it ran."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    result: dict = {
        "frozen": bool(getattr(sys, "frozen", False)),
        "bundle": str(Path(getattr(sys, "_MEIPASS", "")).resolve()),
    }
    steps = [("modules", _modules), ("help", _help), ("datasets", _datasets)]
    steps.append(("examples", _examples))
    try:
        from neurongui.app import create_application
        from neurongui.paths import resources_dir

        app = create_application(["neurongui"])
        result["resources"] = str(resources_dir().resolve())
        steps.append(("translations", lambda: _translations(app)))
    except Exception as exc:
        result["error"] = _error(exc)
    for key, step in steps:
        try:
            result[key] = step()
        except Exception as exc:
            result[key] = {"error": _error(exc)}
    Path(report).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0
