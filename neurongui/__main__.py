"""``python -m neurongui`` starts the desktop application."""

import sys

from neurongui.app import main

if __name__ == "__main__":
    sys.exit(main())
