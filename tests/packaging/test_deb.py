"""Smoke tests of the .deb: metadata validators, install, run, remove (marker ``packaging``).

Installing needs root and dpkg (as in CI); without them those steps are skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from neurongui import __version__

pytestmark = pytest.mark.packaging

APP_ID = "io.github.neurongui.NeuronGUI"
DESKTOP = f"usr/share/applications/{APP_ID}.desktop"
METAINFO = f"usr/share/metainfo/{APP_ID}.metainfo.xml"
ICON_256 = f"usr/share/icons/hicolor/256x256/apps/{APP_ID}.png"


@pytest.fixture(scope="module")
def deb(build) -> Path:
    if "deb" not in build:
        pytest.skip("no .deb was built (not Linux, or dpkg-deb is missing)")
    return Path(build["deb"])


@pytest.fixture(scope="module")
def unpacked(deb, tmp_path_factory) -> Path:
    """The .deb's file tree, extracted with dpkg-deb (no installation)."""
    root = tmp_path_factory.mktemp("deb")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


def require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (apt-get install desktop-file-utils appstream)")
    return path


def deb_field(deb: Path, name: str) -> str:
    result = subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True)
    return result.stdout.strip()


def test_deb_control_fields(deb):
    assert deb_field(deb, "Package") == "neurongui"
    assert deb_field(deb, "Version") == __version__
    depends = deb_field(deb, "Depends")
    for library in ("libegl1", "libgl1", "libxkbcommon-x11-0", "libfontconfig1", "libxcb-cursor0"):
        assert library in depends


def test_deb_lays_out_a_desktop_app(unpacked):
    for path in (DESKTOP, METAINFO, ICON_256, "usr/bin/neurongui", "opt/neurongui/neurongui"):
        assert (unpacked / path).exists(), f"{path} is missing from the .deb"
    assert os.access(unpacked / "usr/bin/neurongui", os.X_OK)
    assert (unpacked / "usr/share/icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()


def test_desktop_file_validates(unpacked):
    tool = require("desktop-file-validate")
    result = subprocess.run([tool, str(unpacked / DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_metainfo_validates(unpacked):
    tool = require("appstreamcli")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(unpacked / METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f'version="{__version__}"' in (unpacked / METAINFO).read_text(encoding="utf-8")


def installed_files() -> list[str]:
    result = subprocess.run(["dpkg", "-L", "neurongui"], capture_output=True, text=True)
    return result.stdout.split() if result.returncode == 0 else []


def test_deb_installs_runs_and_removes_cleanly(deb, smoke, bundle_check):
    if shutil.which("dpkg") is None:
        pytest.skip("dpkg is missing: install test needs a Debian-based system")
    if os.geteuid() != 0:
        pytest.skip("installing the .deb with dpkg -i needs root (CI runs as root)")
    result = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True)
    try:
        assert result.returncode == 0, result.stdout + result.stderr
        files = installed_files()
        assert "/usr/bin/neurongui" in files and f"/{DESKTOP}" in files
        assert os.access("/usr/bin/neurongui", os.X_OK)
        smoke("/usr/bin/neurongui")
        smoke("/usr/bin/neurongui", NEURONGUI_LANG="zh_CN")
        bundle_check("/usr/bin/neurongui", Path("/opt/neurongui"))
    finally:
        removed = subprocess.run(["dpkg", "-r", "neurongui"], capture_output=True, text=True)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not Path("/opt/neurongui").exists(), "dpkg -r left files under /opt/neurongui"
    assert not Path("/usr/bin/neurongui").exists()
    assert not Path("/", DESKTOP).exists()
    assert not Path("/", METAINFO).exists()
