"""NeuronGUI's numerical core: NumPy and the standard library only, never Qt.

The public scripting API, kept stable::

    from neurongui.engine import (Network, Trainer, datasets, activations, losses,
                                  load_network, save_network, NetworkFileError)
    net = Network([2, 3, 1], activations=["tanh", "sigmoid"], seed=0)
    X, Y = datasets.load("xor", n=200, noise=0.1, seed=1)
    trainer = Trainer(net, X, Y, loss="bce", learning_rate=0.1, seed=0)
    trainer.epoch()
    save_network(net, "net.json")

To read the math itself, open :mod:`neurongui.engine.textbook`: forward, backprop and
the optimisers in a page, checked against the fast path to 1e-12.
"""

from . import activations, datasets, edits, losses, optimizers, perceptron, structure, textbook
from .csvimport import CSVError, load_csv
from .errors import NetworkFileError
from .fileformat import load_network, read_network_file, save_network
from .metrics import EpochRecord, Status
from .network import Backprop, Layer, Network
from .perceptron import PerceptronTrainer
from .trainer import Trainer

__all__ = [
    "Backprop",
    "CSVError",
    "EpochRecord",
    "Layer",
    "Network",
    "NetworkFileError",
    "PerceptronTrainer",
    "Status",
    "Trainer",
    "activations",
    "datasets",
    "edits",
    "load_csv",
    "load_network",
    "losses",
    "optimizers",
    "perceptron",
    "read_network_file",
    "save_network",
    "structure",
    "textbook",
]
