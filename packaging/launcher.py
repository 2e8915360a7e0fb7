"""PyInstaller entry script: the frozen ``neurongui`` executable runs this.

With ``NEURONGUI_BUNDLE_CHECK=<report.json>`` in the environment it starts no window:
it checks, from inside the frozen app, that every module and run-time file is found
(see ``bundle_check.py``), writes the report there and exits. The installer smoke tests
use it; ``packaging/build.py`` never sets it.
"""

import os
import sys


def run() -> int:
    """Start NeuronGUI, or run the bundle check if asked to."""
    report = os.environ.get("NEURONGUI_BUNDLE_CHECK")
    if report:
        from bundle_check import check

        return check(report)
    from neurongui.app import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
