"""The licences the installers carry, and the ``.deb``'s machine-readable copyright.

``resources/licences/`` holds NeuronGUI's own licence, the LGPLv3 and GPLv3 texts, the
Qt/PySide6 notice and the data sets' licences, plus the licence files of the Python
packages the bundle contains (NumPy, pyqtgraph, Python itself). The app shows them all
in Help ▸ About ▸ Licences, from a checkout, a wheel or a bundle alike.

The build refreshes the package licences from the versions actually installed
(:func:`write_package_texts`) and adds, for every system library PyInstaller copied
into the bundle, the copyright file of the Debian package it came from
(:func:`copy_system_copyrights`, into ``licences/system/``); :func:`copyright_file`
then writes the DEP-5 ``copyright`` of the ``.deb`` from all of it.

``python packaging/licences.py`` refreshes the checkout's copies.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sysconfig
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LICENCES = ROOT / "resources" / "licences"
INSTALLED = "/opt/neurongui/_internal/neurongui/resources/licences"
# Licence file in resources/licences -> the distribution whose licence files it holds.
PYTHON_PACKAGES = {"NumPy.txt": "numpy", "pyqtgraph.txt": "pyqtgraph"}


def _distribution_text(name: str) -> str:
    """The licence files of the installed distribution ``name``, one after the other."""
    dist = metadata.distribution(name)
    files = [
        f
        for f in dist.files or []
        if re.search(r"licen[cs]e|copying", f.name, re.IGNORECASE) and ".dist-info" in str(f)
    ]
    parts = [f"{dist.metadata['Name']} {dist.version}\n"]
    for file in sorted(files, key=lambda f: (len(f.parts), str(f))):
        text = Path(dist.locate_file(file)).read_text(encoding="utf-8", errors="replace")
        inside = str(file).split(".dist-info/", 1)[-1]
        parts.append(f"\n===== {inside} =====\n\n{text.strip()}\n")
    return "".join(parts)


def package_texts() -> dict[str, str]:
    """{file name: text} of the bundled Python packages' and Python's own licences."""
    texts = {file: _distribution_text(name) for file, name in PYTHON_PACKAGES.items()}
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if python_licence.is_file():
        texts["Python.txt"] = python_licence.read_text(encoding="utf-8", errors="replace")
    return texts


def write_package_texts(folder: Path) -> None:
    """Write :func:`package_texts` into ``folder`` (a staged ``licences`` folder)."""
    for name, text in package_texts().items():
        (folder / name).write_text(text, encoding="utf-8")


def _ldconfig_paths() -> dict[str, str]:
    tool = shutil.which("ldconfig") or "/sbin/ldconfig"
    listing = subprocess.run([tool, "-p"], capture_output=True, text=True).stdout
    paths = {}
    for line in listing.splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        paths.setdefault(name.split()[0] if name else "", path)
    return paths


def _usr_variants(path: str) -> list[str]:
    """``path`` and its twin across merged /usr (/lib/x <-> /usr/lib/x), real path too."""
    found = [path, str(Path(path).resolve())]
    for item in list(found):
        found.append(item[4:] if item.startswith("/usr/") else "/usr" + item)
    return list(dict.fromkeys(found))


def system_packages(app_dir: Path) -> dict[str, list[str]]:
    """{Debian package: bundled library names} for libraries copied from the system."""
    if shutil.which("dpkg") is None:
        return {}
    where = _ldconfig_paths()
    bundled = {  # libpython: Python.txt has its licence (PSF)
        p.name: where[p.name]
        for p in (app_dir / "_internal").glob("lib*.so*")
        if p.name in where and not p.name.startswith("libpython")
    }
    if not bundled:
        return {}
    # Merged /usr: dpkg knows a library under /lib or /usr/lib, whichever it shipped.
    variants = {v for path in bundled.values() for v in _usr_variants(path)}
    result = subprocess.run(["dpkg", "-S", *sorted(variants)], capture_output=True, text=True)
    owner = {}
    for line in result.stdout.splitlines():
        package, _, path = line.partition(": ")
        owner[path.strip()] = package.split(":")[0].split(",")[0].strip()
    packages: dict[str, list[str]] = {}
    for name, path in sorted(bundled.items()):
        package = next((owner[v] for v in _usr_variants(path) if v in owner), None)
        if package:
            packages.setdefault(package, []).append(name)
    return packages


def copy_system_copyrights(app_dir: Path, folder: Path) -> dict[str, list[str]]:
    """Copy each bundled system library's Debian copyright to ``folder/system``."""
    packages = system_packages(app_dir)
    target = folder / "system"
    for package in packages:
        source = Path("/usr/share/doc") / package / "copyright"
        if source.is_file():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / f"{package}.txt")
    return {p: libs for p, libs in packages.items() if (target / f"{p}.txt").is_file()}


def _first(pattern: str, text: str, default: str) -> str:
    match = re.search(pattern, text, re.MULTILINE)
    return match.group(1).strip() if match else default


def _indent(text: str) -> str:
    """A DEP-5 field body: every line indented, empty lines as ' .'."""
    return "\n".join(" " + line if line.strip() else " ." for line in text.strip().splitlines())


def copyright_file(folder: Path, system: dict[str, list[str]]) -> str:
    """The ``.deb``'s DEP-5 copyright, from the staged licences ``folder``."""
    neurongui = (folder / "NeuronGUI.txt").read_text(encoding="utf-8")
    bundle = "opt/neurongui/_internal"
    stanzas = [
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: NeuronGUI\n"
        "Upstream-Contact: https://github.com/neurongui/neurongui/issues\n"
        "Source: https://github.com/neurongui/neurongui\n"
        "Comment: /opt/neurongui is a self-contained build: it bundles Python, Qt,\n"
        " PySide6, NumPy, pyqtgraph and some system libraries. The full texts of\n"
        f" every licence named here are installed in {INSTALLED}.",
        f"Files: *\nCopyright: {_first(r'^Copyright (.+)$', neurongui, 'The NeuronGUI team')}\n"
        "License: MIT",
        f"Files: {bundle}/PySide6/* {bundle}/shiboken6/* {bundle}/libpyside6* "
        f"{bundle}/libshiboken6* {bundle}/libQt6* {bundle}/libicu*\n"
        "Copyright: The Qt Company Ltd. and other contributors\n"
        "License: LGPL-3\n"
        " On Debian systems the full text is in /usr/share/common-licenses/LGPL-3\n"
        " (and GPL-3). The Qt notice, with where to get the source, is\n"
        f" {INSTALLED}/Qt-PySide6.txt.",
        f"Files: {bundle}/numpy/* {bundle}/numpy.libs/*\n"
        "Copyright: NumPy Developers and the authors of its bundled libraries\n"
        f"License: BSD-3-Clause\n The texts (with OpenBLAS and gfortran's) are in\n"
        f" {INSTALLED}/NumPy.txt",
        f"Files: {bundle}/pyqtgraph/*\nCopyright: Luke Campagnola and the pyqtgraph developers\n"
        f"License: Expat\n The text is in {INSTALLED}/pyqtgraph.txt",
        f"Files: {bundle}/libpython* {bundle}/base_library.zip {bundle}/lib-dynload/*\n"
        "Copyright: Python Software Foundation\n"
        f"License: PSF-2.0\n The text is in {INSTALLED}/Python.txt",
        f"Files: {bundle}/neurongui/resources/data/iris.csv "
        f"{bundle}/neurongui/resources/data/digits.csv.gz\n"
        "Copyright: R. A. Fisher (1936); E. Alpaydin and C. Kaynak (1998)\n"
        "License: CC-BY-4.0\n https://creativecommons.org/licenses/by/4.0/ (sources:\n"
        f" {INSTALLED}/Datasets.txt and ../data/README.md)",
        f"Files: {bundle}/neurongui/resources/data/mnist-10k-*\n"
        "Copyright: Y. LeCun, C. Cortes, C. J. C. Burges (MNIST); 2015 Juan Cazala\n"
        "License: CC-BY-SA-3.0\n https://creativecommons.org/licenses/by-sa/3.0/ (sources:\n"
        f" {INSTALLED}/Datasets.txt)",
    ]
    for package, libraries in sorted(system.items()):
        text = (folder / "system" / f"{package}.txt").read_text(encoding="utf-8", errors="replace")
        holder = _first(r"^Copyright:\s*(.+)$", text, f"see {package}.txt")
        licence = _first(r"^License:\s*(\S+)", text, "other")
        files = " ".join(f"{bundle}/{name}" for name in libraries)
        stanzas.append(
            f"Files: {files}\nCopyright: {holder}\nLicense: {licence}\n"
            f" Copied from Debian's {package} package; its copyright file is\n"
            f" {INSTALLED}/system/{package}.txt"
        )
    stanzas.append(f"License: MIT\n{_indent(neurongui.split(chr(10), 3)[-1])}")
    return "\n\n".join(stanzas) + "\n"


if __name__ == "__main__":
    write_package_texts(LICENCES)
    print(f"refreshed {', '.join(sorted(package_texts()))} in {LICENCES}")
