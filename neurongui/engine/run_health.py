"""What the coach's rules look at, and the measures the health view shares with them.

:class:`Run` is a training run as the rules see it; :class:`Hint` and :class:`Fix` are
what a rule says and proposes (:mod:`neurongui.engine.diagnostics` holds the rules).
:func:`layer_health`, :func:`update_ratios` and :func:`sample_rows` are the measures
both the rules and the window's health view use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .config import TrainingConfig
from .errors import Message
from .metrics import EpochRecord
from .network import Network

__all__ = [
    "FLAT",
    "MAX_SAMPLES",
    "WINDOW",
    "Fix",
    "Hint",
    "LayerHealth",
    "Run",
    "hidden_zs",
    "layer_health",
    "nice_rate",
    "sample_rows",
    "train_losses",
    "update_ratios",
]

#: The rules that look at activations use at most this many training samples.
MAX_SAMPLES = 1000

#: Epochs the trend rules look back over.
WINDOW = 10


@dataclass(frozen=True)
class Fix:
    """A one-click remedy, in terms the window's editor knows.

    ``kind`` is ``"settings"`` (``settings``: TrainingConfig fields to change),
    ``"activation"`` (``layers`` get ``activation``), ``"reset_weights"``,
    ``"add_neurons"`` (``count`` neurons in layer ``layers[0]``) or ``"add_layer"``.
    """

    kind: str
    settings: dict[str, object] = field(default_factory=dict)
    layers: tuple[int, ...] = ()
    activation: str = ""
    count: int = 0


@dataclass(frozen=True)
class Hint:
    """What a rule saw (``evidence``), why it matters (``why``), and what to do."""

    rule: str
    evidence: Message
    why: Message
    action: Message
    fix: Fix | None
    #: The lesson that explains it (a lesson key), if one does.
    lesson: str | None = None


@dataclass(frozen=True)
class Run:
    """What the rules look at.

    Attributes
    ----------
    history
        The epochs so far (this run's).
    network
        The network now.
    X, Y
        Training inputs (as the network sees them) and targets: all, or a sample.
    config
        The training settings.
    task
        ``"binary"``, ``"multiclass"`` or ``"regression"``.
    update_ratio
        Per weight layer, ‖ΔW‖/‖W‖ over the last epoch (None if unknown).
    """

    history: Sequence[EpochRecord]
    network: Network
    X: np.ndarray
    Y: np.ndarray
    config: TrainingConfig
    task: str
    update_ratio: Sequence[float] | None = None


def update_ratios(before: Sequence[np.ndarray], after: Sequence[np.ndarray]) -> list[float]:
    """‖ΔW‖/‖W‖ of each weight layer between two lists of weight matrices (NaN for a
    layer with a weight that is not finite)."""
    ratios = []
    for a, b in zip(before, after, strict=True):
        # In units of the largest |w|: the norms of typed weights near 1e308 overflowed
        # (a warning) although their ratio is an ordinary number.
        scale = max(float(np.abs(a).max(initial=0.0)), float(np.abs(b).max(initial=0.0)))
        if not np.isfinite(scale) or scale == 0.0:
            ratios.append(0.0 if scale == 0.0 else float("nan"))
            continue
        a, b = a / scale, b / scale
        ratios.append(float(np.linalg.norm(b - a) / max(float(np.linalg.norm(b)), 1e-12 / scale)))
    return ratios


def sample_rows(n: int) -> np.ndarray:
    """The rows (evenly spaced, the same every time) the rules look at of ``n``."""
    return np.linspace(0, n - 1, min(n, MAX_SAMPLES)).round().astype(int)


def train_losses(run: Run) -> np.ndarray:
    """The training loss of every epoch of ``run``."""
    return np.array([r.train_loss for r in run.history], dtype=float)


def nice_rate(value: float) -> float:
    """``value`` rounded to two significant digits (a learning rate a student types)."""
    return float(f"{value:.2g}")


#: |z| beyond which sigmoid and tanh are flat: f′ is under 1 % of its largest value.
FLAT = {"sigmoid": 6.9, "tanh": 3.0}


def hidden_zs(network: Network, X: np.ndarray) -> list[tuple[int, str, np.ndarray]]:
    """(layer, activation, z) of every hidden layer on the inputs ``X``."""
    with np.errstate(all="ignore"):
        trace = network.forward_trace(X)
    layers = network.layers
    return [(i, layers[i].activation.name, trace[i][0]) for i in range(len(layers) - 1)]


@dataclass(frozen=True)
class LayerHealth:
    """How a hidden layer's neurons fare on the samples: the share that never fires
    (ReLU-like: z ≤ 0 for every sample) and the share on a flat end (sigmoid/tanh:
    |z| beyond :data:`FLAT` for 90 % of the samples)."""

    layer: int
    activation: str
    dead: float
    saturated: float


def layer_health(network: Network, X: np.ndarray) -> list[LayerHealth]:
    """:class:`LayerHealth` of every hidden layer of ``network`` on inputs ``X`` (none
    for no inputs: no sample shows a neuron dead or flat)."""
    if not len(X):  # every point erased: the shares over no sample were NaN, with a warning
        return []
    out = []
    for layer, name, z in hidden_zs(network, X):
        dead = float((z <= 0).all(axis=0).mean()) if name == "relu" else 0.0
        flat = FLAT.get(name)
        sat = float(((np.abs(z) > flat).mean(axis=0) >= 0.9).mean()) if flat else 0.0
        out.append(LayerHealth(layer, name, dead, sat))
    return out
