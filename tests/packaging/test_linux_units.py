"""The Linux packaging code without a build: ELF reading, the launcher's glibc check,
the build's prerequisite check, changelog and reproducibility helpers. Always run."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import elfdeps
import linux_packages
import prereqs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux packaging")


def objdump_glibc(path: Path) -> str | None:
    """The highest GLIBC_ version ``objdump -T`` lists for ``path`` (a second opinion)."""
    output = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
    versions = set(re.findall(r"\bGLIBC_(\d+(?:\.\d+)+)\b", output))
    return max(versions, key=lambda v: tuple(map(int, v.split(".")))) if versions else None


def system_library(name: str) -> Path:
    for folder in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib"):
        if (Path(folder) / name).exists():
            return (Path(folder) / name).resolve()
    pytest.skip(f"{name} not found")


def test_elf_reader_agrees_with_objdump(tmp_path):
    if shutil.which("objdump") is None:
        pytest.skip("binutils missing")
    files = [Path(sys.executable).resolve(), system_library("libexpat.so.1")]
    for path in files:
        shutil.copy(path, tmp_path / path.name)
        info = elfdeps.read_elf(path)
        names = set().union(*info.versions.values())
        assert elfdeps.highest_version(names, "GLIBC") == objdump_glibc(path), path
    needs = elfdeps.bundle_requirements(tmp_path)
    expected = max((objdump_glibc(p) for p in files), key=lambda v: tuple(map(int, v.split("."))))
    assert needs["glibc"] == expected
    assert "libc.so.6" in needs["system_libraries"]


def test_highest_version_compares_numbers_not_text():
    names = {"GLIBC_2.9", "GLIBC_2.17", "GLIBC_2.2.5", "GLIBC_PRIVATE", "GLIBCXX_3.4.30"}
    assert elfdeps.highest_version(names, "GLIBC") == "2.17"
    assert elfdeps.highest_version(names, "GLIBCXX") == "3.4.30"
    assert elfdeps.highest_version({"GLIBC_PRIVATE"}, "GLIBC") is None
    assert elfdeps.read_elf(Path(__file__)) is None  # not an ELF file


def test_absolute_runpaths_become_origin(tmp_path):
    libdir = Path(sysconfig.get_config_var("LIBDIR") or "/nonexistent")
    found = [
        p
        for p in sorted(libdir.glob("libpython3*.so*"))
        if not p.is_symlink() and any(r.startswith("/") for r in elfdeps.read_elf(p).runpaths)
    ]
    if not found:
        pytest.skip("this Python's libpython has no absolute RUNPATH to rewrite")
    copy = tmp_path / found[0].name
    shutil.copy(found[0], copy)
    assert elfdeps.drop_absolute_runpaths(tmp_path) == [copy.name]
    assert elfdeps.read_elf(copy).runpaths == ["$ORIGIN"]
    assert elfdeps.read_elf(copy).needed == elfdeps.read_elf(found[0]).needed
    assert copy.stat().st_size == found[0].stat().st_size


@pytest.fixture
def fake_tarball(tmp_path):
    """A tarball-like folder: the launcher beside a stand-in for the bundled program."""
    top = tmp_path / "neurongui-9.9"
    (top / "_internal").mkdir(parents=True)
    program = top / "neurongui"
    program.write_text('#!/bin/sh\necho "started with $*"\n')
    program.chmod(0o755)
    launcher = top / "neurongui.sh"
    launcher.write_text(linux_packages.launcher("9.9", "2.36"))
    launcher.chmod(0o755)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    notifier = bin_dir / "notify-send"
    notifier.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{tmp_path}/notified"\n')
    notifier.chmod(0o755)
    return top, tmp_path


def run_launcher(top: Path, tmp: Path, glibc: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NEURONGUI_GLIBC_VERSION=glibc)
    env["PATH"] = f"{tmp / 'bin'}:{env['PATH']}"
    return subprocess.run(
        [str(top / "neurongui.sh"), "net.neuron"], env=env, capture_output=True, text=True
    )


def test_launcher_refuses_an_old_glibc_with_a_message_and_a_notification(fake_tarball):
    top, tmp = fake_tarball
    result = run_launcher(top, tmp, "2.31")  # Debian 11
    assert result.returncode == 1
    assert "started" not in result.stdout
    assert "needs GNU libc 2.36 or newer" in result.stderr
    assert "this system has 2.31" in result.stderr
    assert "需要 GNU libc 2.36 或更新版本" in result.stderr
    notified = (tmp / "notified").read_text()
    assert "NeuronGUI 9.9 cannot run on this system" in notified


@pytest.mark.parametrize("glibc", ["2.36", "2.41", "3.0"])
def test_launcher_starts_the_program_on_a_new_enough_glibc(fake_tarball, glibc):
    top, tmp = fake_tarball
    result = run_launcher(top, tmp, glibc)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "started with net.neuron"
    assert not (tmp / "notified").exists()


def test_launcher_reads_this_systems_glibc(fake_tarball):
    top, _ = fake_tarball
    env = {k: v for k, v in os.environ.items() if k != "NEURONGUI_GLIBC_VERSION"}
    result = subprocess.run([str(top / "neurongui.sh")], env=env, capture_output=True, text=True)
    have = os.confstr("CS_GNU_LIBC_VERSION").split()[-1]
    ok = tuple(map(int, have.split("."))) >= (2, 36)
    assert (result.returncode == 0) == ok, result.stderr


def test_prerequisites_name_the_missing_debian_packages(monkeypatch):
    found = prereqs.missing(available=set())  # as if no system library were installed
    for package in ("libxcb-cursor0", "libxkbcommon-x11-0", "libfontconfig1", "libegl1"):
        assert package in found, sorted(found)
    monkeypatch.setattr(prereqs, "missing", lambda: found)
    with pytest.raises(SystemExit) as stop:
        prereqs.check()
    message = str(stop.value)
    assert "sudo apt-get install " in message
    line = next(x for x in message.splitlines() if "apt-get install" in x)
    assert "libxcb-cursor0" in line.split() and "libc.so.6" not in line


def test_prerequisites_pass_on_a_prepared_machine(monkeypatch):
    monkeypatch.setattr(prereqs, "missing", lambda: {})
    prereqs.check()  # no exception


def test_changelog_becomes_debian_and_appstream_entries():
    releases = linux_packages.read_changelog()
    from neurongui import __version__

    assert releases[0].version == __version__, "CHANGELOG.md's newest release"
    text = linux_packages.debian_changelog(releases)
    head = rf"^neurongui \({re.escape(__version__)}\) unstable; urgency=medium$"
    assert re.search(head, text, re.MULTILINE)
    assert re.search(r"^ -- .+ <.+>  \w{3}, \d\d \w{3} \d{4} 00:00:00 \+0000$", text, re.M)
    assert all(len(line) <= 80 for line in text.splitlines() if line.startswith("  "))
    xml = linux_packages.metainfo_releases(releases)
    assert f'<release version="{__version__}" date="{releases[0].date}">' in xml


def test_gzip_is_reproducible():
    data = linux_packages.gzip_bytes(b"hello")
    assert data[4:8] == b"\0\0\0\0"  # no timestamp
    assert not data[3] & 0x08  # no file name
    assert gzip.decompress(data) == b"hello"


def test_depends_carries_the_derived_glibc_and_a_cjk_font():
    depends = linux_packages.depends({"glibc": "2.36", "libstdcxx_gcc": None})
    assert depends.startswith("libc6 (>= 2.36), ")
    assert "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei" in depends
    assert "libstdc++6" not in depends
    with_cxx = linux_packages.depends({"glibc": "2.35", "libstdcxx_gcc": "12"})
    assert "libstdc++6 (>= 12)" in with_cxx
