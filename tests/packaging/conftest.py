"""Fixtures of the installer smoke tests (marker ``packaging``).

They build the installers once per session with ``packaging/build.py`` (about a
minute and a half), so they run only when ``NEURONGUI_PACKAGING=1`` is set, as
``.ci/run`` does; otherwise every test here is skipped and the normal suite stays fast.
``NEURONGUI_PACKAGING_REUSE=1`` reuses an existing ``dist/`` build instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"


def pytest_collection_modifyitems(config, items):
    """Mark every test here ``packaging``; skip them unless NEURONGUI_PACKAGING=1."""
    enabled = os.environ.get("NEURONGUI_PACKAGING") == "1"
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason="installer smoke tests run only with NEURONGUI_PACKAGING=1")
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.packaging)
            if not enabled:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def build() -> dict:
    """Build everything once (or reuse dist/); return dist/budgets.json's figures."""
    figures_file = DIST / "budgets.json"
    reuse = os.environ.get("NEURONGUI_PACKAGING_REUSE") == "1" and figures_file.exists()
    if not reuse:
        result = subprocess.run(
            [sys.executable, str(ROOT / "packaging" / "build.py")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
        print(result.stdout)
    return json.loads(figures_file.read_text())


@pytest.fixture(scope="session")
def built_files(build) -> Callable[..., set[Path]]:
    """Return ``files(folder, skip=suffixes)``: the files below ``folder`` the build saw.

    Relative to ``folder``, without ``__pycache__`` and files ending in ``skip``.
    """

    def files(folder: Path, skip: tuple[str, ...] = ()) -> set[Path]:
        return {
            p.relative_to(folder)
            for p in folder.rglob("*")
            if p.is_file()
            and p.suffix not in skip
            and "__pycache__" not in p.parts
            and built_from(build, p)
        }

    return files


@pytest.fixture(scope="session")
def app_dir(build) -> Path:
    """The one-folder app made by the build."""
    folder = DIST / "neurongui"
    assert folder.is_dir(), "the build made no dist/neurongui folder"
    return folder


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without anything that could point the app at the checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "NEURONGUI_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def run_screenshot(
    program: Path | str, out: Path, cwd: Path, **env: str
) -> subprocess.CompletedProcess:
    """Run ``program --screenshot out`` offscreen from ``cwd`` (not the checkout)."""
    return subprocess.run(
        [str(program), "--screenshot", str(out)],
        cwd=cwd,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def bundle_report(program: Path | str, tmp_path: Path) -> dict:
    """What the frozen ``program`` finds from inside (packaging/bundle_check.py)."""
    report = tmp_path / "bundle-check.json"
    result = subprocess.run(
        [str(program)],
        cwd=tmp_path,
        env=clean_env(NEURONGUI_BUNDLE_CHECK=str(report)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"bundle check failed:\n{result.stdout}\n{result.stderr}"
    assert report.is_file(), f"the bundle check wrote no report:\n{result.stderr}"
    return json.loads(report.read_text(encoding="utf-8"))


def built_from(build: dict, path: Path) -> bool:
    """True if ``path`` was last changed before the build started.

    Others may add modules and resources while the build runs or ``dist/`` is reused;
    only files that were there when the build began must be in the bundle.
    """
    return path.stat().st_mtime < build.get("started_epoch", float("inf"))


def source_modules(build: dict) -> set[str]:
    """Every module of the checkout's neurongui package (what the bundle must hold)."""
    package = ROOT / "neurongui"
    names = set()
    for path in package.rglob("*.py"):
        if not built_from(build, path):
            continue
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if all(part.isidentifier() for part in parts):
            names.add(".".join(parts))
    return names


def check_bundle_report(report: dict, app_dir: Path, build: dict) -> None:
    """Assert that the frozen app found every module and run-time file inside ``app_dir``."""
    app_dir = app_dir.resolve()
    assert report["frozen"], report
    assert "error" not in report, report["error"]
    resources = Path(report["resources"])
    assert resources.is_relative_to(app_dir), f"resources found outside the app: {resources}"
    modules = report["modules"]
    assert not modules.get("failed"), f"modules failing in the bundle: {modules}"
    missing = sorted(source_modules(build) - set(modules["imported"]))
    assert not missing, f"modules missing from the bundle: {missing}"
    for language, found in report["translations"].items():
        qm = found["qm"]
        assert qm and Path(qm).is_relative_to(resources), f"{language}: no bundled .qm: {found}"
        assert found["loaded"] and found["qt_loaded"], f"{language}: not loaded: {found}"
        assert found["installed"] == 2, f"{language}: app and Qt translators: {found}"
    for language, page in report["help"].items():
        assert Path(page) == resources / "help" / language / "index.html", (language, page)
    for key in ("datasets", "examples"):
        assert report[key] and "error" not in report[key], report[key]
        bad = {name: status for name, status in report[key].items() if status[:2] != "ok"}
        assert not bad, f"{key} failing in the bundle: {bad}"


def distinct_colours(png: Path) -> int:
    """Number of distinct colours on a 40 x 40 grid of sample points of ``png``."""
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert not image.isNull(), f"{png} is not a readable PNG"
    width, height = image.width(), image.height()
    return len(
        {
            image.pixel(x * (width - 1) // 39, y * (height - 1) // 39)
            for x in range(40)
            for y in range(40)
        }
    )


@pytest.fixture
def smoke(tmp_path) -> Callable[[Path | str], Path]:
    """Return a check: ``program --screenshot`` exits 0 and writes a non-blank window image.

    Keyword arguments are extra environment variables (``NEURONGUI_LANG="zh_CN"``).
    """

    def check(program: Path | str, **env: str) -> Path:
        out = tmp_path / "window.png"
        result = run_screenshot(program, out, cwd=tmp_path, **env)
        assert result.returncode == 0, f"{program} failed:\n{result.stdout}\n{result.stderr}"
        assert out.is_file() and out.stat().st_size > 0, "no screenshot was written"
        colours = distinct_colours(out)
        assert colours >= 8, f"the screenshot looks blank ({colours} colours)"
        return out

    return check


@pytest.fixture
def bundle_check(build, tmp_path) -> Callable[[Path | str, Path], dict]:
    """Return a check: the frozen ``program`` finds all it needs inside ``app_dir``."""

    def check(program: Path | str, app_dir: Path) -> dict:
        report = bundle_report(program, tmp_path)
        check_bundle_report(report, app_dir, build)
        return report

    return check
