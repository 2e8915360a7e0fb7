"""Smoke tests of the PyInstaller one-folder app and its .tar.gz (marker ``packaging``)."""

from __future__ import annotations

import re
import subprocess
import tarfile
from pathlib import Path

import pytest

from neurongui import __version__

pytestmark = pytest.mark.packaging

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
# Qt modules the spec leaves out; none of their libraries may reach the bundle.
UNWANTED = re.compile(
    r"Qt6?(Qml|Quick|WebEngine|Pdf|3D|Multimedia|Charts|DataVisualization|Network)"
)


def bundled_resources(app_dir: Path) -> Path:
    """Where neurongui/paths.py finds resources inside the bundle."""
    return app_dir / "_internal" / "neurongui" / "resources"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_bundled_app_shows_its_window(app_dir, smoke, language):
    smoke(app_dir / "neurongui", NEURONGUI_LANG=language)


def test_chinese_interface_differs_from_english(app_dir, smoke):
    english = smoke(app_dir / "neurongui", NEURONGUI_LANG="en").read_bytes()
    chinese = smoke(app_dir / "neurongui", NEURONGUI_LANG="zh_CN").read_bytes()
    assert chinese != english, "the zh_CN window looks like the English one: no translation?"


def test_bundled_app_finds_modules_translations_help_and_data(app_dir, bundle_check):
    bundle_check(app_dir / "neurongui", app_dir)


def test_bundled_app_reports_the_package_version(app_dir):
    result = subprocess.run(
        [str(app_dir / "neurongui"), "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"NeuronGUI {__version__}"


def test_bundle_carries_every_resource(app_dir, built_files):
    inside = bundled_resources(app_dir)
    shipped = built_files(RESOURCES, skip=(".ts", ".py", ".pyc"))
    missing = sorted(str(p) for p in shipped if not (inside / p).is_file())
    assert not missing, f"resources missing from the bundle: {missing}"


def test_bundle_carries_the_package_data_files(app_dir, built_files):
    package = RESOURCES.parent / "neurongui"
    data = built_files(package, skip=(".py", ".pyc"))
    inside = app_dir / "_internal" / "neurongui"
    missing = sorted(str(p) for p in data if not (inside / p).is_file())
    assert not missing, f"files of the neurongui package missing from the bundle: {missing}"


def test_bundle_has_compiled_translations_only(app_dir):
    i18n = bundled_resources(app_dir) / "i18n"
    for ts in (RESOURCES / "i18n").glob("*.ts"):
        assert (i18n / ts.with_suffix(".qm").name).is_file(), f"{ts.name} was not compiled"
    assert not list(i18n.glob("*.ts")), "translation sources should not ship"


def test_bundle_leaves_out_unused_qt_modules(app_dir):
    unwanted = [str(p.relative_to(app_dir)) for p in app_dir.rglob("*") if UNWANTED.search(p.name)]
    assert not unwanted, f"unused Qt parts in the bundle: {unwanted}"
    plugins = app_dir / "_internal" / "PySide6" / "Qt" / "plugins"
    folders = {p.name for p in plugins.iterdir()}
    assert {"platforms", "imageformats", "iconengines"} <= folders
    assert not folders & {"qmltooling", "sqldrivers", "tls", "designer", "egldeviceintegrations"}
    platforms = {p.name for p in (plugins / "platforms").iterdir()}
    assert {"libqxcb.so", "libqoffscreen.so"} <= platforms
    assert (plugins / "imageformats" / "libqsvg.so").is_file()


def test_bundle_has_no_dangling_links(app_dir):
    dangling = [str(p) for p in app_dir.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling


def test_bundle_and_deb_within_size_budgets(build):
    budgets = build["budgets"]
    assert build["app_mb"] <= budgets["app_mb"], f"app folder is {build['app_mb']:.1f} MB"
    if "deb_mb" in build:
        assert build["deb_mb"] <= budgets["deb_mb"], f".deb is {build['deb_mb']:.1f} MB"


def test_tarball_unpacks_to_a_working_app(build, smoke, tmp_path):
    if "tarball" not in build:
        pytest.skip("the .tar.gz is built on Linux only")
    with tarfile.open(build["tarball"]) as tar:
        names = tar.getnames()
        assert all(n.startswith(f"neurongui-{__version__}") for n in names)
        assert {m.uid for m in tar.getmembers()} == {0}
        tar.extractall(tmp_path / "unpacked", filter="tar")
    top = tmp_path / "unpacked" / f"neurongui-{__version__}"
    smoke(top / "neurongui")
    smoke(top / "neurongui.sh")  # the launcher that checks glibc first


def test_tarball_says_what_the_system_needs_and_carries_the_licences(build):
    if "tarball" not in build:
        pytest.skip("the .tar.gz is built on Linux only")
    top = f"neurongui-{__version__}"
    with tarfile.open(build["tarball"]) as tar:
        readme = tar.extractfile(f"{top}/README.txt").read().decode("utf-8")
        licence = tar.extractfile(f"{top}/LICENSE").read().decode("utf-8")
        names = set(tar.getnames())
    glibc = build["requirements"]["glibc"]
    assert f"GNU libc {glibc} or newer" in readme
    assert "fonts-noto-cjk" in readme and "fcitx5" in readme
    assert licence.startswith("MIT License")
    licences = f"{top}/_internal/neurongui/resources/licences"
    for name in ("NeuronGUI.txt", "LGPL-3.0.txt", "Qt-PySide6.txt", "NumPy.txt"):
        assert f"{licences}/{name}" in names


def test_tarball_is_reproducible(build):
    if "tarball" not in build:
        pytest.skip("the .tar.gz is built on Linux only")
    data = Path(build["tarball"]).read_bytes()
    assert data[4:8] == b"\0\0\0\0", "gzip header carries a timestamp"
    with tarfile.open(build["tarball"]) as tar:
        times = {m.mtime for m in tar.getmembers()}
    assert max(times) <= build["source_date_epoch"]


def test_bundle_has_the_wayland_platform_and_no_gpl_readline(app_dir):
    plugins = app_dir / "_internal" / "PySide6" / "Qt" / "plugins"
    assert (plugins / "platforms" / "libqwayland.so").is_file()
    assert list((plugins / "wayland-shell-integration").glob("*.so"))
    assert not list(app_dir.rglob("libreadline*")), "GPL-3 readline bundled"
