"""Self-check of a frozen NeuronGUI, run by ``launcher.py`` under NEURONGUI_BUNDLE_CHECK.

A bundle can start and show its window while still missing what is only reached later:
a module imported by name (the lessons), the Chinese ``.qm``, the help pages, the datasets
read from CSV, the file format's schema (package data). :func:`check` looks them all up
the way the app does, from inside the bundle, and writes what it found as JSON. It needs
no display (Qt's offscreen platform) and writes nothing else.

From a checkout, ``python packaging/bundle_check.py dist/neurongui`` runs the frozen app
that way and compares the report with the checkout (:func:`problems`); exit status 1 if
something is missing. ``tests/packaging`` and the installers workflow use it.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Iterable
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
            "qm": str(qm.resolve()) if qm else None,
            "loaded": bool(qm) and ours.load(str(qm)) and not ours.isEmpty(),
            "qt_loaded": qt.load(f"qtbase_{language}", qt_dir) and not qt.isEmpty(),
            "installed": len(i18n.install_translators(app, language)),
        }
    return found


# Paths in the report are resolved: in a macOS .app, Contents/Frameworks links to the
# files in Contents/Resources.
def _help() -> dict:
    from neurongui import i18n
    from neurongui.dialogs.help import guide_path

    return {language: str(guide_path(language).resolve()) for language in i18n.SUPPORTED}


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


def _schemas() -> dict:
    """The published schema, read through importlib.resources as package data."""
    from neurongui.engine.schemas import network_schema

    try:
        return {"network-v2": f"ok: {network_schema(2)['$id']}"}
    except Exception as exc:
        return {"network-v2": _error(exc)}


def check(report: str) -> int:
    """Run every check, write the JSON report to ``report``; exit status 0 if it ran."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    result: dict = {
        "frozen": bool(getattr(sys, "frozen", False)),
        "bundle": str(Path(getattr(sys, "_MEIPASS", "")).resolve()),
    }
    steps = [("modules", _modules), ("help", _help), ("datasets", _datasets)]
    steps += [("examples", _examples), ("schemas", _schemas)]
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


# ---- Outside the bundle: run the frozen app's check and judge its report. ----


def program_in(app_dir: Path) -> Path:
    """The frozen executable in the one-folder app or macOS ``.app`` ``app_dir``."""
    if app_dir.suffix == ".app":
        return app_dir / "Contents" / "MacOS" / "neurongui"
    return app_dir / ("neurongui.exe" if os.name == "nt" else "neurongui")


def run_frozen(program: Path | str, workdir: Path, env: dict[str, str] | None = None) -> dict:
    """Run the frozen ``program`` with NEURONGUI_BUNDLE_CHECK; return its report.

    ``env`` replaces the environment, which by default is this one without the variables
    that could point the app elsewhere (PYTHON*, NEURONGUI_*); QT_QPA_PLATFORM=offscreen
    and the report's path are added. Raises RuntimeError if the program fails or writes
    no report.
    """
    report = Path(workdir) / "bundle-check.json"
    report.unlink(missing_ok=True)
    if env is None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "NEURONGUI_"))}
    env = dict(env)
    env.update(QT_QPA_PLATFORM="offscreen", NEURONGUI_BUNDLE_CHECK=str(report))
    result = subprocess.run(
        [str(program)], cwd=workdir, env=env, capture_output=True, text=True, timeout=180
    )
    if result.returncode != 0 or not report.is_file():
        raise RuntimeError(
            f"{program} ran no bundle check (exit status {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return json.loads(report.read_text(encoding="utf-8"))


def package_modules(package: Path, keep=lambda path: True) -> set[str]:
    """Names of the modules in the package tree ``package`` whose file passes ``keep``."""
    names = set()
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if keep(path) and all(part.isidentifier() for part in parts):
            names.add(".".join(parts))
    return names


def problems(report: dict, app_dir: Path, modules: Iterable[str]) -> list[str]:
    """What the frozen app inside ``app_dir`` failed to find; ``modules`` it must hold."""
    found: list[str] = []
    if not report.get("frozen"):
        found.append("the report does not come from a frozen app")
    if "error" in report:
        return [*found, f"the check could not start: {report['error']}"]
    resources = Path(report["resources"])
    if not resources.is_relative_to(Path(app_dir).resolve()):
        found.append(f"resources found outside the app: {resources}")
    if "error" in report["modules"]:
        found.append(f"modules: {report['modules']['error']}")
    imported = report["modules"].get("imported", [])
    for name, error in report["modules"].get("failed", {}).items():
        found.append(f"module {name} fails: {error}")
    found += [f"module {name} is missing" for name in sorted(set(modules) - set(imported))]
    translations = report["translations"]
    if "error" in translations:
        found.append(f"translations: {translations['error']}")
        translations = {}
    for language, result in translations.items():
        qm = result["qm"]
        if not qm or not Path(qm).is_relative_to(resources):
            found.append(f"{language}: no .qm inside the app ({qm})")
        if not (result["loaded"] and result["qt_loaded"] and result["installed"] == 2):
            found.append(f"{language}: translations not loaded: {result}")
    help_pages = report["help"]
    for language, page in help_pages.items():
        if Path(page) != resources / "help" / language / "index.html":
            found.append(f"{language}: help page {page}")
    for key in ("datasets", "examples", "schemas"):
        results = report.get(key, {})
        if not results:
            found.append(f"no {key} found")
        found += [
            f"{key} {name}: {status}" for name, status in results.items() if status[:2] != "ok"
        ]
    return found


def main(argv: list[str] | None = None) -> int:
    """``python packaging/bundle_check.py APP_DIR``: check a built app folder."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(
            "usage: python packaging/bundle_check.py APP_DIR (dist/neurongui, dist/NeuronGUI.app)"
        )
        return 2
    app_dir = Path(args[0]).resolve()
    checkout = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as workdir:
        report = run_frozen(program_in(app_dir), Path(workdir))
    print(json.dumps(report, indent=2, ensure_ascii=False))
    found = problems(report, app_dir, package_modules(checkout / "neurongui"))
    for problem in found:
        print(f"bundle check: {problem}", file=sys.stderr)
    print(f"bundle check: {len(found)} problem(s) in {app_dir}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
