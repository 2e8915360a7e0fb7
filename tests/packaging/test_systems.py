"""The .deb where users are: lintian, Wayland, bare Debian 11-13 roots (marker ``systems``).

Slow (lintian takes about a minute and a half; each root several minutes the first time,
then it is reused from build/chroots) and needs root, debootstrap and Debian's mirror, so
it runs only with NEURONGUI_PACKAGING_SYSTEMS=1, as ``.ci/run-systems`` does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.packaging, pytest.mark.systems]

ROOT = Path(__file__).resolve().parents[2]
CHROOTS = ROOT / "build" / "chroots"
# NEURONGUI_DEBIAN_MIRROR overrides (e.g. http://archive.debian.org/debian once Debian 11
# leaves deb.debian.org).
MIRROR = os.environ.get("NEURONGUI_DEBIAN_MIRROR", "http://deb.debian.org/debian")


@pytest.fixture(scope="module")
def deb(build) -> Path:
    if "deb" not in build:
        pytest.skip("no .deb was built")
    return Path(build["deb"])


def test_lintian_reports_nothing_beyond_the_overrides(deb):
    tool = shutil.which("lintian")
    if tool is None:
        pytest.skip("lintian is not installed (apt-get install lintian)")
    result = subprocess.run(
        [tool, "--tag-display-limit", "0", str(deb)], capture_output=True, text=True
    )
    problems = [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert not problems, "\n".join(problems)


def debian_root(suite: str) -> Path:
    """A minimal Debian ``suite`` root made by debootstrap (reused when present)."""
    if os.geteuid() != 0 or shutil.which("debootstrap") is None:
        pytest.skip("a Debian root needs root and debootstrap (apt-get install debootstrap)")
    root = CHROOTS / suite
    if not (root / "usr" / "bin" / "apt-get").exists():
        shutil.rmtree(root, ignore_errors=True)
        CHROOTS.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            ["debootstrap", "--variant=minbase", suite, str(root), MIRROR],
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if result.returncode != 0:
            pytest.skip(f"debootstrap {suite} failed (mirror?): {result.stderr[-500:]}")
    return root


def in_root(root: Path, command: str, timeout: int = 900) -> subprocess.CompletedProcess:
    """Run ``command`` with sh inside ``root`` (with /proc, /dev and /sys mounted)."""
    script = (
        f"mount -t proc proc {root}/proc && mount --rbind /dev {root}/dev && "
        f"mount --rbind /sys {root}/sys; "
        f"chroot {root} /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "
        f"DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 sh -c '{command}'; status=$?; "
        f"umount -R {root}/sys; umount -R {root}/dev; umount {root}/proc; exit $status"
    )
    return subprocess.run(["sh", "-c", script], capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("suite", ["bookworm", "trixie"])  # Debian 12 and 13
def test_deb_installs_and_starts_on_bare_debian(deb, suite):
    root = debian_root(suite)
    shutil.copy(deb, root / "tmp" / "neurongui.deb")
    installed = in_root(
        root,
        "apt-get update -qq && apt-get install -y -qq --no-install-recommends "
        "/tmp/neurongui.deb xvfb xauth",
    )
    assert installed.returncode == 0, installed.stdout[-2000:] + installed.stderr[-2000:]
    started = in_root(
        root,
        'rm -f /tmp/shot.png; xvfb-run -a -s "-screen 0 1366x768x24" '
        "neurongui --screenshot /tmp/shot.png && test -s /tmp/shot.png",
        timeout=300,
    )
    assert started.returncode == 0, started.stdout[-2000:] + started.stderr[-2000:]
    assert (root / "tmp" / "shot.png").stat().st_size > 10_000
    removed = in_root(root, "apt-get remove -y -qq neurongui")
    assert removed.returncode == 0, removed.stderr[-2000:]
    assert not (root / "opt" / "neurongui").exists()
    assert (root / "opt").is_dir(), "/opt belongs to base-files and must stay"


def test_deb_is_refused_on_debian_11(deb):
    root = debian_root("bullseye")
    shutil.copy(deb, root / "tmp" / "neurongui.deb")
    result = in_root(
        root,
        "apt-get update -qq; apt-get install -y -q --no-install-recommends /tmp/neurongui.deb",
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert re.search(r"Depends: libc6 \(>= 2\.3[6-9]\) but 2\.31", output), output[-2000:]
    assert not (root / "opt" / "neurongui").exists()


def test_bundle_runs_natively_on_wayland(app_dir, tmp_path):
    """The bundled Wayland plug-in connects to a (headless) Wayland compositor."""
    weston = shutil.which("weston")
    if weston is None:
        pytest.skip("weston is not installed (apt-get install weston)")
    runtime = tmp_path / "xdg"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "NEURONGUI_"))}
    env.update(XDG_RUNTIME_DIR=str(runtime), WAYLAND_DISPLAY="neurongui-test")
    env.pop("DISPLAY", None)  # no X server to fall back to
    compositor = subprocess.Popen(
        [weston, "--backend=headless-backend.so", "--socket=neurongui-test", "--idle-time=0"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket = runtime / "neurongui-test"
        deadline = time.monotonic() + 10  # a separate process: poll for its socket
        while not socket.exists() and compositor.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert socket.exists(), "weston did not start"
        shot = tmp_path / "wayland.png"
        result = subprocess.run(
            [str(app_dir / "neurongui"), "--screenshot", str(shot)],
            env=dict(env, QT_QPA_PLATFORM="wayland"),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        assert shot.stat().st_size > 10_000
    finally:
        compositor.terminate()
        compositor.wait(timeout=30)


def test_deb_and_tarball_are_reproducible(build, app_dir, monkeypatch):
    """Packing the same bundle again gives the same bytes (SOURCE_DATE_EPOCH, sorted
    members, no gzip/xz timestamps). About half a minute, hence here."""
    import hashlib
    import sys

    sys.path.insert(0, str(ROOT / "packaging"))
    import licences
    import linux_packages

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(build["source_date_epoch"]))
    needs = build["requirements"]
    version = build["version"]
    arch = linux_packages.deb_arch()
    before = {k: hashlib.sha256(Path(build[k]).read_bytes()).hexdigest() for k in ("deb",)}
    bundled = app_dir / "_internal" / "neurongui" / "resources" / "licences"
    text = licences.copyright_file(bundled, needs["system_packages"])
    deb = linux_packages.make_deb(app_dir, version, arch, needs, text)
    assert hashlib.sha256(deb.read_bytes()).hexdigest() == before["deb"]
    tarball = Path(build["tarball"])
    first = hashlib.sha256(tarball.read_bytes()).hexdigest()
    readme = ROOT / "packaging" / "linux" / "README-tarball.txt"
    extras = {  # as build.py makes them
        "README.txt": linux_packages.fill(readme, version=version, glibc=needs["glibc"]),
        "LICENSE": (ROOT / "LICENSE").read_text(encoding="utf-8"),
    }
    again = linux_packages.make_tarball(
        app_dir, version, arch, needs["glibc"], {k: v.encode() for k, v in extras.items()}
    )
    assert hashlib.sha256(again.read_bytes()).hexdigest() == first
