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
def app_dir(build) -> Path:
    """The one-folder app made by the build."""
    folder = DIST / "neurongui"
    assert folder.is_dir(), "the build made no dist/neurongui folder"
    return folder


def run_screenshot(program: Path | str, out: Path, cwd: Path) -> subprocess.CompletedProcess:
    """Run ``program --screenshot out`` offscreen from ``cwd`` (not the checkout)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "NEURONGUI_RES"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(program), "--screenshot", str(out)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


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
    """Return a check: ``program --screenshot`` exits 0 and writes a non-blank window image."""

    def check(program: Path | str) -> Path:
        out = tmp_path / "window.png"
        result = run_screenshot(program, out, cwd=tmp_path)
        assert result.returncode == 0, f"{program} failed:\n{result.stdout}\n{result.stderr}"
        assert out.is_file() and out.stat().st_size > 0, "no screenshot was written"
        colours = distinct_colours(out)
        assert colours >= 8, f"the screenshot looks blank ({colours} colours)"
        return out

    return check
