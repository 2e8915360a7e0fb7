"""PyInstaller entry script: the frozen ``neurongui`` executable runs this."""

import sys

from neurongui.app import main

if __name__ == "__main__":
    sys.exit(main())
