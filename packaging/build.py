"""Build NeuronGUI's installers: ``python packaging/build.py``.

One command on every system (run it from a checkout with ``pip install ".[package]"``):

* all systems: the PyInstaller one-folder app, ``dist/neurongui/``
  (``dist/NeuronGUI.app`` on macOS);
* Linux: ``dist/neurongui-<version>-linux-<arch>.tar.gz`` and, where ``dpkg-deb``
  exists, ``dist/neurongui_<version>_<arch>.deb``;
* Windows: ``dist/neurongui-<version>-windows-setup.exe`` when Inno Setup's ``iscc``
  is on the PATH (or in its default folder);
* macOS: ``dist/NeuronGUI-<version>.dmg`` made with ``hdiutil``.

Then it reports the budgets (app folder <= 200 MB, .deb <= 80 MB, build <= 3 min,
window shown <= 1.5 s after start) and writes them to ``dist/budgets.json``.
``--strict`` makes a budget overrun exit with status 1.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
APP_ID = "io.github.neurongui.NeuronGUI"
MB = 1024 * 1024
BUDGETS = {"app_mb": 200, "deb_mb": 80, "build_s": 180, "startup_s": 1.5}
# System libraries the bundled Qt loads from the machine (GL, EGL) or that its xcb
# platform plug-in needs; the same list .ci/run installs on a bare Debian.
DEB_DEPENDS = (
    "libc6, libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, "
    "libfreetype6, libdbus-1-3, libglib2.0-0t64 | libglib2.0-0, libx11-6, libx11-xcb1, "
    "libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, "
    "libxcb-randr0, libxcb-render0, libxcb-render-util0, libxcb-shape0, libxcb-shm0, "
    "libxcb-sync1, libxcb-xfixes0, libxcb-xkb1"
)
DEB_RECOMMENDS = "fonts-noto-cjk"  # the Simplified Chinese interface
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def read_version() -> str:
    """Return ``__version__`` from neurongui/__init__.py (its one home), without importing."""
    text = (ROOT / "neurongui" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise SystemExit("build.py: neurongui/__init__.py has no __version__ line")
    return match.group(1)


def folder_size(path: Path) -> int:
    """Bytes in the regular files below ``path`` (symbolic links not followed)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def lrelease() -> str | None:
    """Path of Qt's translation compiler shipped with PySide6, if any."""
    import PySide6

    exe = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    return str(exe) if exe.exists() else shutil.which("pyside6-lrelease")


def stage_resources() -> Path:
    """Copy resources/ to build/staging, compile .ts to .qm, leave out sources and scripts.

    The bundle cannot compile translations at run time (it has no lrelease), so the
    .qm files must be made here.
    """
    staged = BUILD / "staging" / "resources"
    shutil.rmtree(staged, ignore_errors=True)
    shutil.copytree(
        ROOT / "resources", staged, ignore=shutil.ignore_patterns("*.ts", "*.py", "__pycache__")
    )
    for ts in sorted((ROOT / "resources").rglob("*.ts")):
        qm = staged / ts.relative_to(ROOT / "resources").with_suffix(".qm")
        tool = lrelease()
        if tool is None:
            raise SystemExit(f"build.py: cannot compile {ts}: PySide6's lrelease is missing")
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        print(f"compiled {ts.relative_to(ROOT)} -> {qm.name}")
    return staged


def run_pyinstaller(staged: Path) -> Path:
    """Build the one-folder app with packaging/neurongui.spec; return its folder."""
    env = dict(os.environ, NEURONGUI_STAGED_RESOURCES=str(staged))
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller")]
    subprocess.run([*command, str(PACKAGING / "neurongui.spec")], check=True, env=env)
    app_dir = DIST / "neurongui"
    remove_dangling_links(app_dir)
    return app_dir


def remove_dangling_links(folder: Path) -> None:
    """Delete links to libraries the spec pruned (PyInstaller still makes the links)."""
    for path in folder.rglob("*"):
        if path.is_symlink() and not path.exists():
            path.unlink()


def executable(app_dir: Path) -> Path:
    """The bundled program inside ``app_dir``."""
    return app_dir / ("neurongui.exe" if os.name == "nt" else "neurongui")


def measure_startup(program: Path, runs: int = 3) -> float:
    """Best wall time of ``program --screenshot`` offscreen, in seconds.

    The app exits right after its window is shown and painted, so this is an upper
    bound of the time to window shown. The first run also warms the disk cache.
    """
    out = BUILD / "startup.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [str(program), "--screenshot", str(out)],
            env=env,
            check=True,
            capture_output=True,
            timeout=60,
        )
        times.append(time.perf_counter() - start)
    return min(times)


def make_tarball(app_dir: Path, version: str, arch: str) -> Path:
    """``dist/neurongui-<version>-linux-<arch>.tar.gz`` holding ``neurongui-<version>/``."""
    target = DIST / f"neurongui-{version}-linux-{arch}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(app_dir, arcname=f"neurongui-{version}")
    return target


def deb_arch() -> str:
    """Debian's name for this machine's architecture."""
    if shutil.which("dpkg"):
        return subprocess.run(
            ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
        ).stdout.strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def fill(template: Path, **values: str) -> str:
    """The text of ``template`` with every ``@KEY@`` replaced by ``values[key]``."""
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key.upper()}@", value)
    if re.search(r"@[A-Z_]+@", text):
        raise SystemExit(f"build.py: {template.name} has an unfilled @KEY@ placeholder")
    return text


def write(path: Path, text: str | bytes, mode: int = 0o644) -> None:
    """Create ``path`` (and its folders) with ``text`` and permission bits ``mode``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def linux_desktop_files(root: Path, version: str) -> None:
    """Launcher, menu entry, icons, AppStream metadata and copyright below ``root``/usr."""
    linux = PACKAGING / "linux"
    usr = root / "usr"
    write(usr / "bin" / "neurongui", (linux / "neurongui.sh").read_text(), 0o755)
    desktop = (linux / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    write(usr / "share" / "applications" / f"{APP_ID}.desktop", desktop)
    metainfo = fill(
        linux / f"{APP_ID}.metainfo.xml.in",
        version=version,
        date=time.strftime("%Y-%m-%d", time.gmtime(source_date())),
    )
    write(usr / "share" / "metainfo" / f"{APP_ID}.metainfo.xml", metainfo)
    icons = ROOT / "resources" / "icons"
    hicolor = usr / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        png = (icons / f"neurongui-{size}.png").read_bytes()
        write(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png", png)
    write(hicolor / "scalable" / "apps" / f"{APP_ID}.svg", (icons / "neurongui.svg").read_bytes())
    write(usr / "share" / "doc" / "neurongui" / "copyright", copyright_text())


def copyright_text() -> str:
    """Debian copyright file: the MIT licence of NeuronGUI."""
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8").strip()
    body = "\n".join(" " + (line if line.strip() else ".") for line in licence.splitlines())
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: NeuronGUI\n\nFiles: *\nCopyright: The NeuronGUI team\n"
        f"License: MIT\n{body}\n\n"
        "Comment: /opt/neurongui also holds Python, Qt (LGPLv3), PySide6, NumPy and\n"
        " pyqtgraph, each under its own licence.\n"
    )


def source_date() -> int:
    """Release timestamp: SOURCE_DATE_EPOCH if set (reproducible builds), else now."""
    return int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))


def make_deb(app_dir: Path, version: str, arch: str) -> Path:
    """Build ``dist/neurongui_<version>_<arch>.deb`` with dpkg-deb; return its path."""
    root = BUILD / "deb" / f"neurongui_{version}_{arch}"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(app_dir, root / "opt" / "neurongui", symlinks=True)
    linux_desktop_files(root, version)
    installed_kb = (folder_size(root) + 1023) // 1024
    control = fill(
        PACKAGING / "linux" / "control.in",
        version=version,
        arch=arch,
        installed_size=str(installed_kb),
        depends=DEB_DEPENDS,
        recommends=DEB_RECOMMENDS,
    )
    write(root / "DEBIAN" / "control", control)
    for path in root.rglob("*"):  # a umask of 077 must not leak into the package
        if path.is_dir():
            path.chmod(0o755)
    target = DIST / f"neurongui_{version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target


def find_iscc() -> str | None:
    """Inno Setup's command-line compiler, on the PATH or in its default folder."""
    found = shutil.which("iscc")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        candidate = Path(base or "") / "Inno Setup 6" / "ISCC.exe"
        if base and candidate.exists():
            return str(candidate)
    return None


def make_windows_setup(version: str) -> Path | None:
    """Compile packaging/windows/neurongui.iss into dist/ (needs Inno Setup 6)."""
    iscc = find_iscc()
    if iscc is None:
        print("Inno Setup (iscc) not found: skipping setup.exe; see packaging/README.md")
        return None
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={version}",
            f"/DBundleDir={DIST / 'neurongui'}",
            f"/O{DIST}",
            str(PACKAGING / "windows" / "neurongui.iss"),
        ],
        check=True,
    )
    return DIST / f"neurongui-{version}-windows-setup.exe"


def make_dmg(version: str) -> Path:
    """Pack dist/NeuronGUI.app with a link to /Applications into a compressed .dmg."""
    folder = BUILD / "dmg"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copytree(DIST / "NeuronGUI.app", folder / "NeuronGUI.app", symlinks=True)
    (folder / "Applications").symlink_to("/Applications")
    target = DIST / f"NeuronGUI-{version}.dmg"
    target.unlink(missing_ok=True)
    command = [
        "hdiutil",
        "create",
        "-volname",
        f"NeuronGUI {version}",
        "-srcfolder",
        str(folder),
        "-ov",
        "-format",
        "UDZO",
        str(target),
    ]
    for attempt in range(3):  # hdiutil fails now and then with "Resource busy"
        if subprocess.run(command).returncode == 0:
            break
        time.sleep(5 * (attempt + 1))
    else:
        raise SystemExit("build.py: hdiutil could not create the .dmg")
    return target


def report(figures: dict[str, float]) -> bool:
    """Print the budget table; return True if every measured figure is within budget."""
    rows = [
        ("app folder", "app_mb", "MB"),
        (".deb", "deb_mb", "MB"),
        ("build time", "build_s", "s"),
        ("window shown", "startup_s", "s"),
    ]
    ok = True
    print("\nBudgets:")
    for label, key, unit in rows:
        if key not in figures:
            print(f"  {label:<13} not built here")
            continue
        within = figures[key] <= BUDGETS[key]
        ok &= within
        verdict = "ok" if within else "OVER BUDGET"
        print(
            f"  {label:<13} {figures[key]:8.2f} {unit:<2} (budget {BUDGETS[key]} {unit}) {verdict}"
        )
    return ok


def build(args: argparse.Namespace) -> dict[str, float | str]:
    """Run every step this system supports; return the measured figures and outputs."""
    started = time.perf_counter()
    version = read_version()
    print(f"Building NeuronGUI {version} on {sys.platform}")
    app_dir = run_pyinstaller(stage_resources())
    figures: dict[str, float | str] = {"version": version}
    figures["app_mb"] = folder_size(app_dir) / MB
    if sys.platform.startswith("linux"):
        arch = deb_arch()
        if not args.no_tar:
            figures["tarball"] = str(make_tarball(app_dir, version, arch))
        if not args.no_deb and shutil.which("dpkg-deb"):
            deb = make_deb(app_dir, version, arch)
            figures["deb"], figures["deb_mb"] = str(deb), deb.stat().st_size / MB
        elif not args.no_deb:
            print("dpkg-deb not found: skipping the .deb")
    elif sys.platform == "win32":
        setup = make_windows_setup(version)
        if setup:
            figures["setup"] = str(setup)
    elif sys.platform == "darwin":
        figures["dmg"] = str(make_dmg(version))
    figures["build_s"] = time.perf_counter() - started
    if not args.no_startup:
        figures["startup_s"] = measure_startup(executable(app_dir))
    return figures


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-tar", action="store_true", help="skip the .tar.gz (Linux)")
    parser.add_argument("--no-deb", action="store_true", help="skip the .deb (Linux)")
    parser.add_argument(
        "--no-startup", action="store_true", help="skip timing the bundled app's start"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when over a budget")
    args = parser.parse_args(argv)
    figures = build(args)
    for key in ("tarball", "deb", "setup", "dmg"):
        if key in figures:
            print(f"wrote {figures[key]}")
    print(f"app folder: {DIST / 'neurongui'}")
    within = report({k: v for k, v in figures.items() if k in BUDGETS})
    (DIST / "budgets.json").write_text(json.dumps({"budgets": BUDGETS, **figures}, indent=2))
    return 0 if within or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
