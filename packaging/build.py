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
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the modules beside this file
import elfdeps
import licences
import linux_packages
import prereqs

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
APP_ID = "io.github.neurongui.NeuronGUI"
MB = 1024 * 1024
BUDGETS = {"app_mb": 200, "deb_mb": 80, "build_s": 180, "startup_s": 1.5}


def read_version() -> str:
    """Return ``__version__`` from neurongui/__init__.py (its one home), without importing."""
    text = (ROOT / "neurongui" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise SystemExit("build.py: neurongui/__init__.py has no __version__ line")
    return match.group(1)


def cpu_seconds() -> float:
    """User and system CPU time of this process and its finished children, in seconds."""
    if os.name == "nt":
        return time.process_time()  # Windows: no getrusage; own time only
    import resource

    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


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
    # The licences of the Python packages as installed now, i.e. as bundled.
    licences.write_package_texts(staged / "licences")
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


def process_cpu_seconds(pid: int) -> float | None:
    """CPU time (user and system) used so far by process ``pid``, where /proc tells it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # after "pid (name)": state is field 3
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_startup(program: Path, runs: int = 5) -> dict[str, float]:
    """Best figures of ``program --screenshot`` offscreen over ``runs`` runs, in seconds.

    ``startup_s``: wall time until the PNG appears. The app writes it right after its
    window is shown and painted, so this is an upper bound of the time to window shown.
    ``startup_cpu_s`` (Linux): the CPU time the app had used by then. Start-up runs on one
    core, so on an idle machine the two agree; on a busy, shared one the wall time grows
    and the CPU time does not. ``startup_exit_s``: wall time until the process ended
    (closing the window, Python and Qt tearing down). Best of ``runs``: the first run also
    warms the disk cache, and the others' load on a shared machine only adds time.
    """
    out, log = BUILD / "startup.png", BUILD / "startup.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("NEURONGUI_LANG", None)
    shown, shown_cpu, ended = [], [], []
    for _ in range(runs):
        out.unlink(missing_ok=True)
        with log.open("wb") as stderr:
            start = time.perf_counter()
            process = subprocess.Popen(
                [str(program), "--screenshot", str(out)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
            written = None
            while process.poll() is None:
                if written is None and out.exists():
                    written = time.perf_counter() - start
                    cpu = process_cpu_seconds(process.pid)
                    if cpu is not None:
                        shown_cpu.append(cpu)
                if time.perf_counter() - start > 60:
                    process.kill()
                time.sleep(0.002)
            ended.append(time.perf_counter() - start)
        if process.returncode != 0 or not out.exists():
            messages = log.read_text(errors="replace")
            raise SystemExit(f"build.py: {program} --screenshot failed:\n{messages}")
        shown.append(written if written is not None else ended[-1])
    figures = {"startup_s": min(shown), "startup_exit_s": min(ended)}
    if shown_cpu:
        figures["startup_cpu_s"] = min(shown_cpu)
    return figures


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
    if "build_cpu_s" in figures:
        print(f"  (the build used {figures['build_cpu_s']:.1f} s of CPU time)")
    if "startup_cpu_s" in figures:
        print(f"  (the app had used {figures['startup_cpu_s']:.2f} s of CPU time by then)")
    if "startup_exit_s" in figures:
        print(f"  (the app had exited {figures['startup_exit_s']:.2f} s after start)")
    return ok


def linux_requirements(app_dir: Path) -> dict:
    """What the bundle needs from the system, checked against the .deb's Depends.

    The lowest glibc comes from the bundled files' symbol versions (elfdeps.py). Every
    library the bundle loads from the system must come from a package the .deb depends
    on; the bundled system libraries' copyright files join the licences.
    """
    rewritten = elfdeps.drop_absolute_runpaths(app_dir)
    if rewritten:
        print(f"RUNPATH of the build machine replaced by $ORIGIN in {len(rewritten)} files")
    needs = elfdeps.bundle_requirements(app_dir)
    if not needs["glibc"]:
        raise SystemExit("build.py: no GLIBC_ symbol version found in the bundle")
    # Recommends counts: the Wayland libraries serve only the optional Wayland plug-in.
    declared = linux_packages.depends(needs) + ", " + linux_packages.DEB_RECOMMENDS
    declared_packages = set(re.findall(r"[a-z0-9][a-z0-9.+-]+", re.sub(r"\(.*?\)", "", declared)))
    undeclared = [
        name
        for name in needs["system_libraries"]
        if prereqs.PACKAGE_OF.get(name, name) not in declared_packages
    ]
    if undeclared:
        raise SystemExit(
            "build.py: the bundle loads these system libraries, but no package in the "
            f".deb's Depends or Recommends provides them: {', '.join(undeclared)} "
            "(add them to DEB_DEPENDS in packaging/linux_packages.py)"
        )
    bundled_licences = app_dir / "_internal" / "neurongui" / "resources" / "licences"
    needs["system_packages"] = licences.copy_system_copyrights(app_dir, bundled_licences)
    print(
        f"the bundle needs glibc {needs['glibc']} (from {', '.join(needs['glibc_files'])})"
        f" and {len(needs['system_libraries'])} system libraries"
    )
    return needs


def make_linux_packages(app_dir: Path, version: str, needs: dict, args) -> dict:
    """The .tar.gz and (where dpkg-deb exists) the .deb; their paths and sizes."""
    figures: dict = {}
    arch = linux_packages.deb_arch()
    if not args.no_tar:
        readme = PACKAGING / "linux" / "README-tarball.txt"
        extras = {
            "README.txt": linux_packages.fill(readme, version=version, glibc=needs["glibc"]),
            "LICENSE": (ROOT / "LICENSE").read_text(encoding="utf-8"),
        }
        tarball = linux_packages.make_tarball(
            app_dir, version, arch, needs["glibc"], {k: v.encode() for k, v in extras.items()}
        )
        figures["tarball"] = str(tarball)
    if not args.no_deb and shutil.which("dpkg-deb"):
        bundled_licences = app_dir / "_internal" / "neurongui" / "resources" / "licences"
        text = licences.copyright_file(bundled_licences, needs["system_packages"])
        deb = linux_packages.make_deb(app_dir, version, arch, needs, text)
        figures["deb"], figures["deb_mb"] = str(deb), deb.stat().st_size / MB
    elif not args.no_deb:
        print("dpkg-deb not found: skipping the .deb")
    return figures


def build(args: argparse.Namespace) -> dict:
    """Run every step this system supports; return the measured figures and outputs."""
    started = time.perf_counter()
    steps: dict[str, float] = {}

    def timed(name: str, step, *step_args):
        begin = time.perf_counter()
        result = step(*step_args)
        steps[name] = round(time.perf_counter() - begin, 2)
        return result

    prereqs.check()  # one message listing everything missing, before any work
    # Files changed after this are not expected in the bundle (tests/packaging).
    started_epoch = time.time()
    cpu_started = cpu_seconds()
    version = read_version()
    print(f"Building NeuronGUI {version} on {sys.platform}")
    staged = timed("resources", stage_resources)
    app_dir = timed("pyinstaller", run_pyinstaller, staged)
    figures: dict = {"version": version, "started_epoch": started_epoch}
    figures["source_date_epoch"] = linux_packages.source_date()
    figures["app_mb"] = folder_size(app_dir) / MB
    if sys.platform.startswith("linux"):
        needs = timed("requirements", linux_requirements, app_dir)
        figures["requirements"] = needs
        figures.update(timed("packages", make_linux_packages, app_dir, version, needs, args))
    elif sys.platform == "win32":
        setup = timed("setup", make_windows_setup, version)
        if setup:
            figures["setup"] = str(setup)
    elif sys.platform == "darwin":
        figures["dmg"] = str(timed("dmg", make_dmg, version))
    artefacts = [Path(figures[k]) for k in ("tarball", "deb", "setup", "dmg") if k in figures]
    if artefacts:
        figures["sha256sums"] = str(linux_packages.write_sha256sums(artefacts))
    figures["build_s"] = time.perf_counter() - started
    # CPU time (this process and its children): unlike the wall time, it hardly changes
    # with what else runs on the machine, so it tells a slow build from a busy machine.
    figures["build_cpu_s"] = cpu_seconds() - cpu_started
    figures["steps_s"] = steps
    if not args.no_startup:
        figures.update(measure_startup(executable(app_dir)))
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
    if figures.get("steps_s"):
        print("steps: " + ", ".join(f"{k} {v:.1f} s" for k, v in figures["steps_s"].items()))
    info = ("build_cpu_s", "startup_exit_s", "startup_cpu_s")
    within = report({k: v for k, v in figures.items() if k in BUDGETS or k in info})
    (DIST / "budgets.json").write_text(json.dumps({"budgets": BUDGETS, **figures}, indent=2))
    return 0 if within or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
