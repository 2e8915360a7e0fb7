"""Refresh the translation sources from the code: ``python resources/i18n/update_translations.py``.

Runs pyside6-lupdate over every module of the ``neurongui`` package. New strings
appear as unfinished entries (translate them in Qt Linguist, ``pyside6-linguist``);
strings gone from the code are dropped. Prints the number of unfinished entries and
exits 1 if there are any, so that it can guard a release.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("zh_CN",)


def sources() -> list[str]:
    """Every Python module of the package, sorted (stable .ts files)."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "neurongui").rglob("*.py"))


def lupdate(ts: Path) -> None:
    """Merge the strings of the code into ``ts`` (existing translations are kept)."""
    import PySide6

    tool = Path(PySide6.__file__).parent / ("lupdate.exe" if sys.platform == "win32" else "lupdate")
    subprocess.run(
        [str(tool), "-silent", "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )
    # lupdate reads a Python "#:" comment as a note to translators and pins it on the
    # next string; here "#:" documents a constant, and such notes only mislead.
    text = ts.read_text(encoding="utf-8")
    ts.write_text(_NOTE.sub("", text), encoding="utf-8")


_NOTE = re.compile(r"\n\s*<extracomment>.*?</extracomment>", re.S)


def unfinished(ts: Path) -> list[str]:
    """Source strings of ``ts`` without a finished translation."""
    import xml.etree.ElementTree as ET  # our own .ts file, not user input

    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        forms = [] if translation is None else list(translation.iter("numerusform"))
        text = "".join(f.text or "" for f in forms) if forms else (translation.text or "")
        if translation is None or translation.get("type") in ("unfinished", "obsolete") or not text:
            missing.append(message.findtext("source") or "")
    return missing


def main() -> int:
    status = 0
    for language in LANGUAGES:
        ts = ROOT / "resources" / "i18n" / f"neurongui_{language}.ts"
        lupdate(ts)
        missing = unfinished(ts)
        print(f"{ts.name}: {len(missing)} unfinished")
        status |= bool(missing)
    return status


if __name__ == "__main__":
    sys.exit(main())
