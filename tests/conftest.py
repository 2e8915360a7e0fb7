"""Settings shared by every test.

``QT_QPA_PLATFORM=offscreen`` must be in the environment before any
QApplication exists, so it is set here, at import time, before pytest-qt
creates one.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep user settings, autosaves and locks of the test run away from the real ones.
os.environ.setdefault("NEURONGUI_TESTING", "1")
# No test downloads MNIST from the real mirrors (port 9 of this computer refuses).
os.environ["NEURONGUI_MNIST_MIRRORS"] = "http://127.0.0.1:9/"
