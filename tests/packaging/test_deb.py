"""Smoke tests of the .deb: metadata validators, install, run, remove (marker ``packaging``).

Installing needs root and dpkg (as in CI); without them those steps are skipped.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pytest

from neurongui import __version__

pytestmark = pytest.mark.packaging

APP_ID = "io.github.neurongui.NeuronGUI"
DESKTOP = f"usr/share/applications/{APP_ID}.desktop"
METAINFO = f"usr/share/metainfo/{APP_ID}.metainfo.xml"
ICON_256 = f"usr/share/icons/hicolor/256x256/apps/{APP_ID}.png"
MIME_XML = "usr/share/mime/packages/neurongui.xml"
MIME_ICON = "usr/share/icons/hicolor/48x48/mimetypes/application-x-neurongui-network.png"
LICENCES = "opt/neurongui/_internal/neurongui/resources/licences"
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import elfdeps  # noqa: E402


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
    assert "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei" in depends


def test_deb_depends_on_the_glibc_its_files_need(deb, app_dir):
    # Read again from the bundle's files: the highest GLIBC_x.y symbol version any
    # bundled library or program asks for is what the .deb must require.
    needed = elfdeps.bundle_requirements(app_dir)["glibc"]
    assert needed and tuple(map(int, needed.split("."))) >= (2, 17)
    depends = deb_field(deb, "Depends")
    assert re.match(rf"^libc6 \(>= {re.escape(needed)}\)(,|$)", depends), depends
    metainfo = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True)
    with tarfile.open(fileobj=io.BytesIO(metainfo.stdout)) as tar:
        text = tar.extractfile(f"./{METAINFO}").read().decode("utf-8")
        launcher = tar.extractfile("./usr/bin/neurongui").read().decode("utf-8")
    assert f"GNU libc {needed} or newer" in text
    assert f"needed={needed}\n" in launcher


def test_deb_carries_the_licences(unpacked):
    licences = unpacked / LICENCES
    names = {p.name for p in licences.glob("*.txt")}
    assert {"NeuronGUI.txt", "LGPL-3.0.txt", "GPL-3.0.txt", "Qt-PySide6.txt"} <= names
    assert {"NumPy.txt", "pyqtgraph.txt", "Python.txt", "Datasets.txt"} <= names
    system = {p.stem for p in (licences / "system").glob("*.txt")}
    assert {"libxcb-cursor0", "libxkbcommon0", "libfreetype6"} <= system
    copyright_text = (unpacked / "usr/share/doc/neurongui/copyright").read_text()
    paragraphs = copyright_text.strip().split("\n\n")
    assert paragraphs[0].startswith("Format: https://www.debian.org/doc/packaging-manuals/")
    files = [p for p in paragraphs if p.startswith("Files:")]
    assert all(re.search(r"^Copyright: .+", p, re.M) for p in files)
    assert all(re.search(r"^License: \S+", p, re.M) for p in files)
    licences_named = set(re.findall(r"^License: (\S+)", copyright_text, re.M))
    assert {
        "MIT",
        "LGPL-3",
        "BSD-3-Clause",
        "PSF-2.0",
        "CC-BY-4.0",
        "CC-BY-SA-3.0",
    } <= licences_named
    # Every bundled system library has its own paragraph.
    for library in ("libxcb-cursor.so.0", "libfreetype.so.6"):
        assert f"opt/neurongui/_internal/{library}" in copyright_text


def test_deb_registers_the_network_file_type(unpacked, tmp_path):
    xml = (unpacked / MIME_XML).read_text(encoding="utf-8")
    assert 'type="application/x-neurongui-network"' in xml and "*.neuron" in xml
    desktop = (unpacked / DESKTOP).read_text(encoding="utf-8")
    assert "MimeType=application/x-neurongui-network;" in desktop.splitlines()
    assert "Exec=neurongui %f" in desktop.splitlines()
    assert (unpacked / MIME_ICON).is_file()
    tool = require("update-mime-database")
    mime = tmp_path / "mime"
    (mime / "packages").mkdir(parents=True)
    shutil.copy(unpacked / MIME_XML, mime / "packages")
    env = dict(os.environ, XDG_DATA_DIRS=str(tmp_path))  # else it notes the odd folder
    result = subprocess.run([tool, str(mime)], capture_output=True, text=True, env=env)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    assert "application/x-neurongui-network:*.neuron" in (mime / "globs2").read_text()
    assert "application/x-neurongui-network" in (mime / "magic").read_bytes().decode("latin-1")


def test_deb_release_hygiene(deb, unpacked):
    doc = unpacked / "usr/share/doc/neurongui"
    changelog = (doc / "changelog.gz").read_bytes()
    assert changelog[4:8] == b"\0\0\0\0", "gzip header carries a timestamp (use gzip -n)"
    assert gzip.decompress(changelog).decode().startswith(f"neurongui ({__version__}) ")
    assert (unpacked / "usr/share/man/man1/neurongui.1.gz").is_file()
    assert (unpacked / "usr/share/lintian/overrides/neurongui").is_file()
    control = subprocess.run(["dpkg-deb", "--ctrl-tarfile", str(deb)], capture_output=True)
    with tarfile.open(fileobj=io.BytesIO(control.stdout)) as tar:
        md5sums = tar.extractfile("./md5sums").read().decode()
    listed = dict(reversed(line.split("  ", 1)) for line in md5sums.splitlines())
    regular = {
        p.relative_to(unpacked).as_posix()
        for p in unpacked.rglob("*")
        if p.is_file() and not p.is_symlink()
    }
    assert set(listed) == regular
    for name in sorted(listed)[:: max(1, len(listed) // 50)]:  # a sample of 50
        assert hashlib.md5((unpacked / name).read_bytes()).hexdigest() == listed[name], name
    # Shared libraries are loaded, not run: no x bit (lintian).
    assert not os.access(unpacked / "opt/neurongui/_internal/libxcb-cursor.so.0", os.X_OK)


def test_sha256sums_cover_the_artefacts(build):
    sums = Path(build["sha256sums"]).read_text().splitlines()
    names = {line.split("  ")[1] for line in sums}
    assert Path(build["deb"]).name in names and Path(build["tarball"]).name in names
    for line in sums:
        digest, name = line.split("  ")
        path = Path(build["sha256sums"]).parent / name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, name


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


def opens_network_files(program: str) -> None:
    """``program FILE.neuron`` opens it (exit 0), a broken one is refused (exit 2)."""
    folder = Path(tempfile.mkdtemp())
    example = Path(__file__).resolve().parents[2] / "resources" / "examples" / "xor.json"
    shutil.copy(example, folder / "xor.neuron")
    (folder / "broken.neuron").write_text("{not json")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "NEURONGUI_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    for name, status in (("xor.neuron", 0), ("broken.neuron", 2)):
        result = subprocess.run(
            [program, str(folder / name), "--screenshot", str(folder / "shot.png")],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == status, f"{name}: {result.stderr}"
    shutil.rmtree(folder)


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
        assert f"/{MIME_XML}" in files
        # /opt is nobody's (base-files' postinst makes it): listed, dpkg -r would remove it.
        assert "/opt" not in files and "/opt/neurongui" in files
        smoke("/usr/bin/neurongui")
        smoke("/usr/bin/neurongui", NEURONGUI_LANG="zh_CN")
        bundle_check("/usr/bin/neurongui", Path("/opt/neurongui"))
        opens_network_files("/usr/bin/neurongui")
        old = subprocess.run(
            ["/usr/bin/neurongui", "--version"],
            env=dict(os.environ, NEURONGUI_GLIBC_VERSION="2.31"),
            capture_output=True,
            text=True,
        )
        assert old.returncode == 1 and "needs GNU libc" in old.stderr
    finally:
        removed = subprocess.run(["dpkg", "-r", "neurongui"], capture_output=True, text=True)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not Path("/opt/neurongui").exists(), "dpkg -r left files under /opt/neurongui"
    assert not Path("/usr/bin/neurongui").exists()
    assert not Path("/", DESKTOP).exists()
    assert not Path("/", METAINFO).exists()
