"""The engine must stay free of Qt: scripts and the worker thread rely on it."""

import subprocess
import sys

CHECK = """
import importlib
import pkgutil
import sys
import neurongui.engine
# Every engine module, not only those that neurongui.engine's __init__ imports.
for module in pkgutil.iter_modules(neurongui.engine.__path__):
    importlib.import_module("neurongui.engine." + module.name)
from neurongui.engine import Network, Trainer, datasets
net = Network([2, 3, 1], seed=0)
X, Y = datasets.load("xor", n=20, seed=0)
Trainer(net, X, Y, seed=0).epoch()
GUI = {"PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6"}
gui = sorted(m for m in sys.modules if m.split(".")[0] in GUI)
print(",".join(gui))
"""


def test_engine_imports_no_qt_in_a_fresh_interpreter():
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "", f"the engine loaded GUI modules: {result.stdout}"
