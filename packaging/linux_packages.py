"""The Linux packages made from the one-folder app: the ``.tar.gz`` and the ``.deb``.

Both are reproducible: every timestamp is ``SOURCE_DATE_EPOCH`` (else the last commit's
time), gzip headers carry no time or name, and files are stored sorted, owned by root.
The ``.deb`` states what the bundle needs from the system (``libc6 (>= x.y)`` derived by
``elfdeps.py`` from the bundled files' symbol versions), depends on a CJK font, carries
md5sums, a DEP-5 copyright, a changelog made from CHANGELOG.md, the MIME type of network
files, and lintian overrides for what a self-contained bundle in /opt cannot avoid.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
import shutil
import subprocess
import tarfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from debarchive import write_deb

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
APP_ID = "io.github.neurongui.NeuronGUI"
MIME_TYPE = "application/x-neurongui-network"
MIME_ICON = MIME_TYPE.replace("/", "-")
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
MAINTAINER = "The NeuronGUI team <neurongui@users.noreply.github.com>"
# System libraries the bundle loads from the machine (GL, EGL, xcb: elfdeps lists them
# as needed but not bundled) or that Qt opens at run time; the bundle carries the rest.
# Recommends: the libraries only the Wayland plug-in loads (without them: XWayland).
DEB_DEPENDS = (
    "libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, "
    "libfreetype6, libdbus-1-3, libglib2.0-0t64 | libglib2.0-0, libx11-6, libx11-xcb1, "
    "libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, "
    "libxcb-randr0, libxcb-render0, libxcb-render-util0, libxcb-shape0, libxcb-shm0, "
    "libxcb-sync1, libxcb-xfixes0, libxcb-xkb1"
)
# The Chinese interface is empty boxes without a font that covers CJK (Debian 12 names).
CJK_FONTS = "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"
DEB_RECOMMENDS = "libwayland-client0, libwayland-cursor0, libwayland-egl1"


SHARED_LIBRARY = re.compile(r"\.so(\.[\d.]+)?$")


@dataclass
class Release:
    """One ``## <version> — <date>`` section of CHANGELOG.md."""

    version: str
    date: str  # YYYY-MM-DD
    items: list[str]


def read_changelog(path: Path = ROOT / "CHANGELOG.md") -> list[Release]:
    """The releases in CHANGELOG.md, newest first; each item joined onto one line."""
    releases: list[Release] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## (\S+) [—-] (\d{4}-\d\d-\d\d)\s*$", line)
        if heading:
            releases.append(Release(heading.group(1), heading.group(2), []))
        elif releases and line.startswith("- "):
            releases[-1].items.append(line[2:].strip())
        elif releases and releases[-1].items and line.startswith("  ") and line.strip():
            releases[-1].items[-1] += " " + line.strip()
    if not releases:
        raise SystemExit(f"build.py: {path.name} has no '## <version> — <date>' release")
    return releases


def debian_changelog(releases: list[Release]) -> str:
    """The Debian changelog (``debian/changelog`` format) of ``releases``."""
    blocks = []
    for release in releases:
        when = datetime.strptime(release.date, "%Y-%m-%d").replace(tzinfo=timezone.utc)
        items = "\n".join(_wrap("  * ", item, "    ") for item in release.items)
        blocks.append(
            f"neurongui ({release.version}) unstable; urgency=medium\n\n{items}\n\n"
            f" -- {MAINTAINER}  {format_datetime(when)}\n"
        )
    return "\n".join(blocks)


def _wrap(first: str, text: str, rest: str, width: int = 78) -> str:
    lines, line = [], first
    for word in text.split():
        if len(line) + len(word) + 1 > width and line.strip():
            lines.append(line.rstrip())
            line = rest
        line += word + " "
    return "\n".join([*lines, line.rstrip()])


def metainfo_releases(releases: list[Release]) -> str:
    """AppStream ``<release>`` elements of ``releases`` (with their items)."""
    out = []
    for release in releases:
        items = "".join(f"<li>{escape(item.replace('`', ''))}</li>" for item in release.items)
        out.append(
            f'    <release version="{release.version}" date="{release.date}">\n'
            f"      <description><ul>{items}</ul></description>\n    </release>"
        )
    return "\n".join(out)


def source_date() -> int:
    """Release timestamp: SOURCE_DATE_EPOCH, else the last commit's time, else now."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
        )
        return int(result.stdout.strip())
    except (OSError, ValueError):
        return int(time.time())


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
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    path.chmod(mode)


def gzip_bytes(data: bytes) -> bytes:
    """``gzip -n -9``: no name, no timestamp in the header (reproducible)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=buffer, mtime=0) as gz:
        gz.write(data)
    return buffer.getvalue()


def launcher(version: str, glibc: str) -> str:
    """The shell launcher that checks glibc before the bundle's loader runs."""
    return fill(LINUX / "neurongui.sh", version=version, glibc=glibc)


def depends(requirements: dict) -> str:
    """The ``Depends`` field: the derived glibc (and libstdc++), libraries and a CJK font."""
    fields = [f"libc6 (>= {requirements['glibc']})"]
    if requirements.get("libstdcxx_gcc"):
        fields.append(f"libstdc++6 (>= {requirements['libstdcxx_gcc']})")
    return ", ".join([*fields, DEB_DEPENDS, CJK_FONTS])


def desktop_files(root: Path, version: str, glibc: str, copyright_text: str) -> None:
    """Launcher, menu entry, MIME type, icons, AppStream metadata and docs below root/usr."""
    usr = root / "usr"
    write(usr / "bin" / "neurongui", launcher(version, glibc), 0o755)
    write(
        usr / "share" / "applications" / f"{APP_ID}.desktop",
        (LINUX / f"{APP_ID}.desktop").read_bytes(),
    )
    write(
        usr / "share" / "mime" / "packages" / "neurongui.xml",
        (LINUX / "neurongui-mime.xml").read_bytes(),
    )
    releases = read_changelog()
    metainfo = fill(
        LINUX / f"{APP_ID}.metainfo.xml.in",
        glibc=glibc,
        releases=metainfo_releases(releases),
    )
    write(usr / "share" / "metainfo" / f"{APP_ID}.metainfo.xml", metainfo)
    icons = ROOT / "resources" / "icons"
    hicolor = usr / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        png = (icons / f"neurongui-{size}.png").read_bytes()
        write(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png", png)
        write(hicolor / f"{size}x{size}" / "mimetypes" / f"{MIME_ICON}.png", png)
    svg = (icons / "neurongui.svg").read_bytes()
    write(hicolor / "scalable" / "apps" / f"{APP_ID}.svg", svg)
    write(hicolor / "scalable" / "mimetypes" / f"{MIME_ICON}.svg", svg)
    manual = fill(LINUX / "neurongui.1", version=version, glibc=glibc)
    write(usr / "share" / "man" / "man1" / "neurongui.1.gz", gzip_bytes(manual.encode("utf-8")))
    doc = usr / "share" / "doc" / "neurongui"
    write(doc / "copyright", copyright_text)
    # A native version (no "-1" revision): lintian expects changelog.gz in Debian format.
    write(doc / "changelog.gz", gzip_bytes(debian_changelog(releases).encode("utf-8")))
    overrides = (LINUX / "lintian-overrides").read_text(encoding="utf-8")
    write(usr / "share" / "lintian" / "overrides" / "neurongui", overrides)


def md5sums(root: Path) -> str:
    """DEBIAN/md5sums: the MD5 of every regular file below ``root`` (dpkg --verify)."""
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.parts[len(root.parts)] != "DEBIAN":
            digest = hashlib.md5(path.read_bytes()).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}")
    return "\n".join(lines) + "\n"


def normalise(root: Path, epoch: int) -> None:
    """Permissions 0755/0644 (keeping the x bit) and every mtime set to ``epoch``."""
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_symlink():
            os.utime(path, (epoch, epoch), follow_symlinks=False)
            continue
        if path.is_dir():
            path.chmod(0o755)
        elif SHARED_LIBRARY.search(path.name):
            path.chmod(0o644)  # loaded, never run: no x bit (lintian)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)
        os.utime(path, (epoch, epoch))
    os.utime(root, (epoch, epoch))


def make_deb(
    app_dir: Path, version: str, arch: str, requirements: dict, copyright_text: str
) -> Path:
    """Build ``dist/neurongui_<version>_<arch>.deb``; return its path."""
    root = BUILD / "deb" / f"neurongui_{version}_{arch}"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(app_dir, root / "opt" / "neurongui", symlinks=True)
    desktop_files(root, version, requirements["glibc"], copyright_text)
    epoch = source_date()
    normalise(root, epoch)  # before md5sums/size: only modes and times change
    installed_kb = sum(
        (p.lstat().st_size + 1023) // 1024 for p in root.rglob("*") if not p.is_dir()
    )
    control = fill(
        LINUX / "control.in",
        version=version,
        arch=arch,
        installed_size=str(installed_kb),
        depends=depends(requirements),
        recommends=DEB_RECOMMENDS,
    )
    write(root / "DEBIAN" / "control", control)
    write(root / "DEBIAN" / "md5sums", md5sums(root))
    # The .deb does not list /opt (debarchive.py), so it must exist before unpacking.
    preinst = "#!/bin/sh\nset -e\n[ -d /opt ] || mkdir -m 755 /opt\n"
    write(root / "DEBIAN" / "preinst", preinst, 0o755)
    normalise(root / "DEBIAN", epoch)
    os.utime(root, (epoch, epoch))  # creating DEBIAN/ changed it; tar stores "./"
    target = DIST / f"neurongui_{version}_{arch}.deb"
    # Not dpkg-deb --build: it would make the package own /opt (debarchive.py says why).
    write_deb(root, target, epoch)
    return target


def make_tarball(
    app_dir: Path, version: str, arch: str, glibc: str, extras: dict[str, bytes]
) -> Path:
    """``dist/neurongui-<version>-linux-<arch>.tar.gz`` holding ``neurongui-<version>/``.

    ``extras`` adds files at the top (README.txt, LICENSE...); ``neurongui.sh`` there is
    the launcher that checks glibc first.
    """
    target = DIST / f"neurongui-{version}-linux-{arch}.tar.gz"
    top = f"neurongui-{version}"
    epoch = source_date()

    def reset(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.mtime = min(info.mtime, epoch)
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    files = {"neurongui.sh": launcher(version, glibc).encode("utf-8"), **extras}
    # Level 3: half the CPU time of level 6 for a file ~5 % bigger; no name or time in
    # the gzip header, files in sorted order (tarfile sorts folders): reproducible.
    with (
        target.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", compresslevel=3, fileobj=raw, mtime=0) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.GNU_FORMAT) as tar,
    ):
        tar.add(app_dir, arcname=top, filter=reset)
        for name, data in sorted(files.items()):
            info = tarfile.TarInfo(f"{top}/{name}")
            info.size, info.mtime = len(data), epoch
            info.mode = 0o755 if name.endswith(".sh") else 0o644
            tar.addfile(reset(info), io.BytesIO(data))
    return target


def write_sha256sums(paths: list[Path]) -> Path:
    """``dist/SHA256SUMS`` for ``paths`` (``sha256sum -c SHA256SUMS`` checks them)."""
    lines = []
    for path in sorted(paths):
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        lines.append(f"{digest.hexdigest()}  {path.name}")
    target = DIST / "SHA256SUMS"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def deb_arch() -> str:
    """Debian's name for this machine's architecture."""
    import platform

    if shutil.which("dpkg"):
        return subprocess.run(
            ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
        ).stdout.strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())
