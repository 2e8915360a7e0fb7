"""NeuronGUI: a desktop playground for learning how neural networks work.

The numerical core lives in :mod:`neurongui.engine` (NumPy only, no Qt); the
Qt application is started by :func:`neurongui.app.main`.
"""

__version__ = "0.1.0"
