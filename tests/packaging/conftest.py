"""Fixtures of the installer smoke tests (marker ``packaging``).

They build the installers once per session with ``packaging/build.py`` (about a
minute and a half), so they run only when ``NEURONGUI_PACKAGING=1`` is set, as
``.ci/run`` does; otherwise every test here is skipped and the normal suite stays fast.
``NEURONGUI_PACKAGING_REUSE=1`` reuses an existing ``dist/`` build instead.
"""

from __future__ import annotations

import importlib.util
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
    """Mark every test here ``packaging``; skip those that need the build unless
    NEURONGUI_PACKAGING=1, and the slow system ones unless NEURONGUI_PACKAGING_SYSTEMS=1.

    Tests of the packaging code that need no build (test_linux_units.py) always run.
    """
    enabled = os.environ.get("NEURONGUI_PACKAGING") == "1"
    systems = os.environ.get("NEURONGUI_PACKAGING_SYSTEMS") == "1"
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason="installer smoke tests run only with NEURONGUI_PACKAGING=1")
    skip_systems = pytest.mark.skip(
        reason="lintian and the Debian chroots run only with NEURONGUI_PACKAGING_SYSTEMS=1"
    )
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.packaging)
            if "build" in getattr(item, "fixturenames", ()) and not enabled:
                item.add_marker(skip)
            if item.get_closest_marker("systems") and not systems:
                item.add_marker(skip_systems)


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


def load_bundle_check():
    """packaging/bundle_check.py as a module (it runs and judges the frozen app's check)."""
    path = ROOT / "packaging" / "bundle_check.py"
    spec = importlib.util.spec_from_file_location("neurongui_bundle_check", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def built_from(build: dict, path: Path) -> bool:
    """True if ``path`` was last changed before the build started.

    Others may add modules and resources while the build runs or ``dist/`` is reused;
    only files that were there when the build began must be in the bundle.
    """
    return path.stat().st_mtime < build.get("started_epoch", float("inf"))


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
    """Return a check: the frozen ``program`` finds all it needs inside ``app_dir``.

    Every module of the checkout's neurongui package that existed when the build started
    must import, and the translations, help, datasets and examples must be found inside.
    """
    checker = load_bundle_check()

    def check(program: Path | str, app_dir: Path) -> dict:
        report = checker.run_frozen(program, tmp_path, env=clean_env())
        modules = checker.package_modules(ROOT / "neurongui", lambda p: built_from(build, p))
        found = checker.problems(report, app_dir, modules)
        assert not found, "the frozen app misses:\n" + "\n".join(found)
        return report

    return check
