"""Build hook: compile the Qt translations (.ts → .qm) into the wheel.

Runs pyside6-lrelease from the build environment (PySide6-Essentials is a build
requirement). If it cannot run, the wheel is still built and NeuronGUI compiles the
translations on first use instead (see ``neurongui/i18n.py``).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    """Adds ``neurongui/resources/i18n/*.qm`` to the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        sources = sorted(Path(self.root, "resources", "i18n").glob("*.ts"))
        tool = _lrelease()
        if not sources or tool is None:
            return
        out = Path(tempfile.mkdtemp(prefix="neurongui-qm-"))
        for ts in sources:
            qm = out / (ts.stem + ".qm")
            result = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=False)
            if result.returncode == 0 and qm.exists():
                build_data["force_include"][str(qm)] = f"neurongui/resources/i18n/{qm.name}"
            else:
                print(f"warning: lrelease could not compile {ts.name}", file=sys.stderr)


def _lrelease() -> str | None:
    try:
        import PySide6
    except ImportError:
        return None
    exe = Path(PySide6.__file__).parent / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )
    return str(exe) if exe.exists() else None
