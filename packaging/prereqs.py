"""Check, before anything is built, that this machine can make a complete bundle.

PyInstaller copies the system libraries that the bundled Qt plug-ins link to (xcb,
xkbcommon, fontconfig...) from the build machine. If one is missing it only logs a
warning and the bundle then depends on whatever the user's machine has; lrelease dies
with exit status 127; a Python without its shared library cannot be frozen. So
:func:`missing` looks for all of it first and :func:`check` stops the build with one
message naming every missing Debian package and the ``apt-get`` line that adds them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from bundle_contents import qt_library_kept, qt_plugin_kept
from elfdeps import read_elf

__all__ = ["check", "missing", "system_libraries"]

# Debian package of each system library the bundle copies or the tools load; a soname
# not listed here is reported by its own name.
PACKAGE_OF = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libbrotlidec.so.1": "libbrotli1",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libpng16.so.16": "libpng16-16",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libdrm.so.2": "libdrm2",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    **{
        name: "libc6"
        for name in ("libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1")
    },
    "libresolv.so.2": "libc6",
    "ld-linux-x86-64.so.2": "libc6",
    "ld-linux-aarch64.so.1": "libc6",
}


def ldconfig_sonames() -> set[str]:
    """Sonames the dynamic loader finds on this machine (``ldconfig -p``)."""
    tool = shutil.which("ldconfig") or "/sbin/ldconfig"
    try:
        listing = subprocess.run([tool, "-p"], capture_output=True, text=True).stdout
    except OSError:
        return set()
    return {line.split()[0] for line in listing.splitlines()[1:] if line.strip()}


def system_libraries(qt_dir: Path) -> set[str]:
    """Sonames the kept Qt libraries and plug-ins need that the wheel does not carry."""
    files = [
        p for p in (qt_dir / "lib").glob("*.so*") if not p.is_symlink() and qt_library_kept(p.name)
    ]
    plugins = qt_dir / "plugins"
    files += [p for p in plugins.rglob("*.so") if qt_plugin_kept(str(p.relative_to(qt_dir.parent)))]
    carried = {p.name for p in (qt_dir / "lib").iterdir()}
    needed: set[str] = set()
    for path in files:
        info = read_elf(path)
        if info is not None:
            needed |= {name for name in info.needed if name not in carried}
    return needed


def _libpython_found(sonames: set[str]) -> bool:
    """Whether this Python's shared library exists (its own LIBDIR, or the loader's)."""
    name = sysconfig.get_config_var("INSTSONAME") or (
        f"libpython{sys.version_info.major}.{sys.version_info.minor}.so.1.0"
    )
    libdir = Path(sysconfig.get_config_var("LIBDIR") or "/nonexistent")
    return (libdir / name).exists() or name in sonames


def _lrelease_problem() -> str | None:
    """Why PySide6's lrelease does not run, or None when it does."""
    try:
        import PySide6
    except ImportError:
        return "PySide6"
    tool = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    if not tool.exists():
        return "lrelease (PySide6-Essentials)"
    result = subprocess.run([str(tool), "-version"], capture_output=True, text=True)
    if result.returncode == 0:
        return None
    libraries = re.findall(r"(lib[\w.+-]+\.so[.\d]*)", result.stderr)
    names = {PACKAGE_OF.get(lib, lib) for lib in libraries}
    return " ".join(sorted(names)) if names else f"lrelease: {result.stderr.strip()}"


def missing(available: set[str] | None = None) -> dict[str, str]:
    """What the build lacks: {Debian package or tool: why it is needed}.

    ``available`` overrides the sonames ``ldconfig -p`` lists (for tests).
    """
    found: dict[str, str] = {}
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        found["pyinstaller"] = 'PyInstaller: python3 -m pip install ".[package]"'
    if sys.platform.startswith("linux"):
        have = ldconfig_sonames() if available is None else available
        if not _libpython_found(have):
            version = f"{sys.version_info.major}.{sys.version_info.minor}"
            found[f"libpython{version}"] = (
                "PyInstaller needs the Python shared library (Debian's python3 has it in "
                "this package; a self-built Python needs --enable-shared)"
            )
        for tool in ("objdump", "objcopy", "strip"):
            if shutil.which(tool) is None:
                found["binutils"] = f"PyInstaller runs {tool}"
        if shutil.which("dpkg-deb") is None and shutil.which("dpkg") is not None:
            found["dpkg"] = "dpkg-deb builds the .deb"
        lrelease = _lrelease_problem()
        if lrelease:
            for package in lrelease.split():
                found.setdefault(package, "lrelease compiles the translations")
        try:
            import PySide6

            qt_dir = Path(PySide6.__file__).parent / "Qt"
        except ImportError:
            qt_dir = None
        if qt_dir is not None and qt_dir.is_dir():
            for soname in sorted(system_libraries(qt_dir) - have):
                package = PACKAGE_OF.get(soname, soname)
                found.setdefault(package, f"the bundled Qt needs {soname}")
    return found


def check() -> None:
    """Stop the build with one message if anything it needs is missing."""
    found = missing()
    if not found:
        return
    lines = [f"  {name:<22} {why}" for name, why in sorted(found.items())]
    packages = " ".join(sorted(n for n in found if n != "pyinstaller" and ".so" not in n))
    hint = f"\nOn Debian or Ubuntu: sudo apt-get install {packages}" if packages else ""
    raise SystemExit(
        "build.py: this machine lacks what the build needs:\n"
        + "\n".join(lines)
        + hint
        + "\n(packaging/README.md, 'Building on a bare Debian 12', lists every step.)"
    )
