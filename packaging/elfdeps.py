"""What the bundle's ELF files need from the system: symbol versions and libraries.

A shared library or program built against a newer glibc records, in its
``.gnu.version_r`` section, the versions of the symbols it takes from ``libc.so.6``
(``GLIBC_2.34``...). The loader refuses to run it on an older glibc ("GLIBC_2.35 not
found"), so the highest such version over every bundled ELF file is the bundle's real
minimum, which the ``.deb`` states as ``libc6 (>= 2.x)`` and the launcher checks.

Pure Python (no binutils), reading the section headers, ``SHT_GNU_verneed`` and
``SHT_DYNAMIC`` of ELF32/ELF64 files in either byte order.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "ElfInfo",
    "bundle_requirements",
    "drop_absolute_runpaths",
    "highest_version",
    "read_elf",
]

SHT_DYNAMIC = 6
SHT_GNU_VERNEED = 0x6FFFFFFE
DT_NEEDED = 1
DT_SONAME = 14
DT_RPATH = 15
DT_RUNPATH = 29
# gcc release that first shipped each libstdc++ symbol version (Debian's libstdc++6
# is versioned after gcc): only needed when the system's libstdc++ is used.
GLIBCXX_TO_GCC = {29: "11", 30: "12", 31: "13", 32: "13.2", 33: "14", 34: "15"}


@dataclass
class ElfInfo:
    """What one ELF file declares: its soname, needed libraries and symbol versions."""

    soname: str | None = None
    runpaths: list[str] = field(default_factory=list)
    # file offset of each RPATH/RUNPATH string (to rewrite it in place)
    runpath_offsets: list[int] = field(default_factory=list)
    needed: list[str] = field(default_factory=list)
    # needed library -> the symbol versions taken from it ("libc.so.6" -> {"GLIBC_2.34"})
    versions: dict[str, set[str]] = field(default_factory=dict)


def _cstring(data: bytes, offset: int) -> str:
    end = data.index(b"\0", offset)
    return data[offset:end].decode("ascii", "replace")


def read_elf(path: Path) -> ElfInfo | None:
    """Parse ``path``; None if it is not an ELF file (or is truncated)."""
    data = Path(path).read_bytes()
    if data[:4] != b"\x7fELF":
        return None
    try:
        return _parse(data)
    except (struct.error, ValueError, IndexError):
        return None


def _parse(data: bytes) -> ElfInfo:
    is64 = data[4] == 2
    order = "<" if data[5] == 1 else ">"
    if is64:
        (shoff,) = struct.unpack_from(order + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x3A)
        section_format = order + "IIQQQQIIQQ"
        dyn_format = order + "qQ"
    else:
        (shoff,) = struct.unpack_from(order + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x2E)
        section_format = order + "IIIIIIIIII"
        dyn_format = order + "iI"
    # (type, offset, size, link, info) of each section
    sections = []
    for index in range(shnum):
        fields = struct.unpack_from(section_format, data, shoff + index * shentsize)
        sections.append((fields[1], fields[4], fields[5], fields[6], fields[7]))
    info = ElfInfo()
    for kind, offset, size, link, count in sections:
        strings = sections[link][1] if link < len(sections) else 0
        if kind == SHT_DYNAMIC:
            step = struct.calcsize(dyn_format)
            for at in range(offset, offset + size, step):
                tag, value = struct.unpack_from(dyn_format, data, at)
                if tag == DT_NEEDED:
                    info.needed.append(_cstring(data, strings + value))
                elif tag == DT_SONAME:
                    info.soname = _cstring(data, strings + value)
                elif tag in (DT_RPATH, DT_RUNPATH):
                    info.runpaths.append(_cstring(data, strings + value))
                    info.runpath_offsets.append(strings + value)
                elif tag == 0:
                    break
        elif kind == SHT_GNU_VERNEED:
            at = offset
            for _ in range(count):
                _version, aux_count, file_name, aux, following = struct.unpack_from(
                    order + "HHIII", data, at
                )
                library = _cstring(data, strings + file_name)
                names = info.versions.setdefault(library, set())
                aux_at = at + aux
                for _ in range(aux_count):
                    _hash, _flags, _other, name, aux_next = struct.unpack_from(
                        order + "IHHII", data, aux_at
                    )
                    names.add(_cstring(data, strings + name))
                    aux_at += aux_next
                if not following:
                    break
                at += following
    return info


def drop_absolute_runpaths(folder: Path) -> list[str]:
    """Point RPATH/RUNPATH entries that name build-machine folders at ``$ORIGIN``.

    A Python built by pyenv links its extension modules and libpython with
    ``RUNPATH=/root/.pyenv/versions/X/lib``: on a user's machine the loader would look
    there first. The string is overwritten in place with ``$ORIGIN`` (the library's own
    folder, where the bundle keeps libpython) and padded with NULs, so no offset moves.
    Returns the files changed, relative to ``folder``.
    """
    changed = []
    for path in sorted(Path(folder).rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        info = read_elf(path)
        if info is None or not any(p.startswith("/") for p in info.runpaths):
            continue
        data = bytearray(path.read_bytes())
        for runpath, offset in zip(info.runpaths, info.runpath_offsets, strict=True):
            kept = [p for p in runpath.split(":") if p and not p.startswith("/")]
            new = ":".join(kept or ["$ORIGIN"]).encode("ascii")
            if len(new) <= len(runpath):
                data[offset : offset + len(runpath)] = new.ljust(len(runpath), b"\0")
        path.write_bytes(bytes(data))
        changed.append(str(path.relative_to(folder)))
    return changed


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def highest_version(names: set[str], prefix: str) -> str | None:
    """The highest ``PREFIX_x.y[.z]`` among ``names``, as "x.y[.z]"; None if none.

    >>> highest_version({"GLIBC_2.17", "GLIBC_2.34", "GLIBC_PRIVATE"}, "GLIBC")
    '2.34'
    """
    pattern = re.compile(rf"^{prefix}_(\d+(?:\.\d+)+)$")
    found = [m.group(1) for m in map(pattern.match, names) if m]
    return max(found, key=_version_key) if found else None


def bundle_requirements(folder: Path) -> dict:
    """What the ELF files below ``folder`` need from the system.

    Returns
    -------
    dict
        ``glibc``: the highest GLIBC_ symbol version any file needs (e.g. "2.36");
        ``glibc_files``: the files that need exactly that version;
        ``libstdcxx``: the highest GLIBCXX_ version, if the bundle does not carry its
        own ``libstdc++.so.6``, else None; ``libstdcxx_gcc``: the gcc release of it;
        ``system_libraries``: sorted needed sonames that no bundled file provides
        (the ones the system must have: libc, GL, xkbcommon...).
    """
    infos = {}
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and not path.is_symlink():
            info = read_elf(path)
            if info is not None:
                infos[path] = info
    provided = {p.name for p in Path(folder).rglob("*")} | {
        i.soname for i in infos.values() if i.soname
    }
    glibc: dict[Path, str] = {}
    glibcxx: set[str] = set()
    system: set[str] = set()
    for path, info in infos.items():
        names = set().union(*info.versions.values()) if info.versions else set()
        version = highest_version(names, "GLIBC")
        if version:
            glibc[path] = version
        glibcxx |= info.versions.get("libstdc++.so.6", set())
        system |= {name for name in info.needed if name not in provided}
    lowest = max(glibc.values(), key=_version_key) if glibc else None
    stdcxx = None if "libstdc++.so.6" in provided else highest_version(glibcxx, "GLIBCXX")
    gcc = GLIBCXX_TO_GCC.get(int(stdcxx.split(".")[-1])) if stdcxx else None
    return {
        "glibc": lowest,
        "glibc_files": sorted(str(p.relative_to(folder)) for p, v in glibc.items() if v == lowest),
        "libstdcxx": stdcxx,
        "libstdcxx_gcc": gcc,
        "system_libraries": sorted(system),
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(bundle_requirements(Path(sys.argv[1])), indent=2))
