"""What the script exporters share: the arrays written beside a script, the comments
in the student's language and a sentence about where the data came from.

A generated script (:mod:`.export_torch`, :mod:`.export_numpy`) reads one ``.npz``
file beside it: the weights (``W1``, ``b1``, ``alpha1`` … in the network's own
(n_out, n_in) layout, which is also PyTorch's), the training and test data exactly as
the network saw them, and the app's outputs on the training data, which the script
compares its own with. NumPy's ``.npz`` holds plain arrays: it is read with
``allow_pickle=False`` (NumPy's default), so nothing in it can run code.

The comments are English templates marked with ``QT_TRANSLATE_NOOP("ScriptComments",
…)``; the interface passes a ``translate`` function that looks them up in the app's
translations, so that a Chinese student reads Chinese comments.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .config import TrainingConfig
from .dropout import layer_rates
from .errors import QT_TRANSLATE_NOOP
from .network import Network
from .safeio import write_atomic
from .session import TrainingData

__all__ = [
    "COMMENTS",
    "Comments",
    "ExportSource",
    "Translate",
    "comment",
    "data_sentence",
    "docstring",
    "schedule_lines",
    "script_docstring",
    "shape_text",
    "write_arrays",
]

#: Looks an English comment up in the student's language (identity: English).
Translate = Callable[[str], str]

#: Every comment a generated script may carry, by key.
COMMENTS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("ScriptComments", "A network exported from NeuronGUI: {shape}."),
    "run": QT_TRANSLATE_NOOP("ScriptComments", "Run it with: python3 {script} --epochs 10"),
    "needs": QT_TRANSLATE_NOOP(
        "ScriptComments", "It reads the weights and the data from {arrays}, beside this file."
    ),
    "float64": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "NeuronGUI computes in float64; so does this script, so the numbers agree.",
    ),
    "data": QT_TRANSLATE_NOOP("ScriptComments", "The data, as the network saw it"),
    "data_2d": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "Data: the built-in set {name} ({count} points, noise {noise}, seed {seed}),"
        " features {features}; {train} training and {test} test samples.",
    ),
    "data_set": QT_TRANSLATE_NOOP(
        "ScriptComments", "Data: the set {name}; {train} training and {test} test samples."
    ),
    "pixels": QT_TRANSLATE_NOOP(
        "ScriptComments", "Images are stored as bytes 0–255; the network sees pixel / 255."
    ),
    "network": QT_TRANSLATE_NOOP("ScriptComments", "The network: {shape}"),
    "layer": QT_TRANSLATE_NOOP("ScriptComments", "layer {layer}: {n_in} → {n_out}"),
    "in_loss": QT_TRANSLATE_NOOP(
        "ScriptComments", "its {name} is applied inside the loss (see loss_fn)"
    ),
    "weights": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "The weights from NeuronGUI. W[j, k] is the weight from input k into neuron j:"
        " one row per neuron, the (out, in) layout of nn.Linear.",
    ),
    "weights_numpy": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "The weights from NeuronGUI. W[j, k] is the weight from input k into neuron j.",
    ),
    "predict": QT_TRANSLATE_NOOP(
        "ScriptComments", "The network's outputs, as NeuronGUI shows them."
    ),
    "activations": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "Each activation f(z), and how it passes a gradient back: ∂L/∂z from ∂L/∂a",
    ),
    "step": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "Step: 1 if z ≥ 0, else 0. Its derivative is 0 (+ 0·z keeps it in the graph).",
    ),
    "forward": QT_TRANSLATE_NOOP(
        "ScriptComments", "Forward pass: z = a_prev Wᵀ + b and a = f(z), layer by layer."
    ),
    "backprop": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "Backpropagation: ∂L/∂W and ∂L/∂b of every layer, from the output back to the input.",
    ),
    "delta_natural": QT_TRANSLATE_NOOP(
        "ScriptComments", "∂L/∂z of the output: {name} and this loss give (a − y) / n"
    ),
    "delta_chain": QT_TRANSLATE_NOOP(
        "ScriptComments", "∂L/∂z of the output: ∂L/∂a passed back through f"
    ),
    "loss": QT_TRANSLATE_NOOP("ScriptComments", "The loss: {formula}, as NeuronGUI computes it"),
    "loss_logits": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "PyTorch's {function} applies the {name} itself, from the output layer's z:"
        " more accurate than {name} followed by the loss.",
    ),
    "mse_half": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "(nn.MSELoss would also divide by the number of outputs and drop the ½.)",
    ),
    "penalty": QT_TRANSLATE_NOOP(
        "ScriptComments", "Regularisation: {formula} over the weights (not the biases)"
    ),
    "optimizer": QT_TRANSLATE_NOOP(
        "ScriptComments", "The optimiser and the settings from NeuronGUI's Training panel"
    ),
    "momentum_same": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "PyTorch writes momentum as v ← μv + g, θ ← θ − ηv: the same steps as NeuronGUI's.",
    ),
    "train": QT_TRANSLATE_NOOP(
        "ScriptComments", "One epoch: every training sample once, in mini-batches, in a new order."
    ),
    "train_mode": QT_TRANSLATE_NOOP(
        "ScriptComments", "(training mode: RReLU draws its random slopes only then)"
    ),
    "check": QT_TRANSLATE_NOOP(
        "ScriptComments", "First, check that this script computes what NeuronGUI computed."
    ),
    "continue": QT_TRANSLATE_NOOP("ScriptComments", "Then go on training from there."),
    "save": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "Save the trained weights as safetensors: NeuronGUI opens them with"
        " File ▸ Import model. (Never as a pickle: a pickle can run code.)",
    ),
    "rrelu_numpy": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "RReLU: a random slope k ~ U[l, u] while training (here one per mini-batch;"
        " NeuronGUI and PyTorch draw one per value), their mean (l + u) / 2 after.",
    ),
    "prelu_numpy": QT_TRANSLATE_NOOP(
        "ScriptComments", "PReLU: α is learned per neuron, ∂L/∂α = Σ ∂L/∂a · min(z, 0)."
    ),
    "no_penalty": QT_TRANSLATE_NOOP("ScriptComments", "(no regularisation)"),
    "grad_below": QT_TRANSLATE_NOOP("ScriptComments", "∂L/∂a of the layer below"),
    "dropout": QT_TRANSLATE_NOOP(
        "ScriptComments", "dropout: only in model.train(); kept outputs × 1/(1 − p)"
    ),
    "train_mode_dropout": QT_TRANSLATE_NOOP(
        "ScriptComments", "(training mode: dropout and RReLU's random slopes act only then)"
    ),
    "dropout_numpy": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "Dropout rate p of each hidden layer. While training, each output a is kept with"
        " probability 1 − p and divided by 1 − p (ã = m ⊙ a), so that on average the next"
        " layer gets the same input; the check and the evaluation use the whole network.",
    ),
    "masks": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "A new dropout mask per layer for n samples: 1/(1 − p) where kept, 0 where dropped.",
    ),
    "mask_forward": QT_TRANSLATE_NOOP("ScriptComments", "dropout: ã = m ⊙ a"),
    "mask_back": QT_TRANSLATE_NOOP("ScriptComments", "dropout: ∂L/∂a = m ⊙ ∂L/∂ã (the same mask)"),
    "schedule_step": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "The learning rate after t completed epochs, as in NeuronGUI: η multiplied by γ"
        " every k epochs.",
    ),
    "schedule_cosine": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "The learning rate after t completed epochs, as in NeuronGUI: from η at t = 0"
        " down to η_min at t = T along half a cosine wave, then η_min.",
    ),
    "cosine_torch": QT_TRANSLATE_NOOP(
        "ScriptComments", "(PyTorch's CosineAnnealingLR would climb again after T)"
    ),
    "epochs_done": QT_TRANSLATE_NOOP(
        "ScriptComments", "NeuronGUI trained {n} epochs: the schedule goes on from there."
    ),
    "set_rate": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "Give every parameter group this epoch's learning rate (from the schedule).",
    ),
    "momentum_rescale": QT_TRANSLATE_NOOP(
        "ScriptComments",
        "PyTorch's v adds up gradients and multiplies them by the η of today; NeuronGUI's"
        " adds up steps, each with its own η. Scaling v by old η / new η keeps the steps"
        " NeuronGUI's. (At η = 0 PyTorch stands still, while NeuronGUI's v coasts.)",
    ),
}


class Comments:
    """The comments of one script, translated with ``translate``."""

    def __init__(self, translate: Translate | None = None) -> None:
        self._translate = translate or (lambda text: text)

    def __call__(self, key: str, **values: Any) -> str:
        """The comment ``key``, translated, with ``values`` filled in."""
        text = self._translate(COMMENTS[key])
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):  # a broken translation: say it in English
            return COMMENTS[key].format(**values)


@dataclass(frozen=True)
class ExportSource:
    """What an exported script reproduces: the network, its settings and its data."""

    network: Network
    config: TrainingConfig
    data: TrainingData
    #: Epochs the app trained before the export: a schedule goes on from there.
    epochs_done: int = 0

    @property
    def scheduled(self) -> bool:
        """True when the learning rate changes from epoch to epoch."""
        return self.config.schedule != "constant"

    def dropout_rates(self) -> dict[int, float]:
        """The dropout rate p of each layer (1-based) that drops neurons: hidden only."""
        rates = layer_rates(self.config.dropout, len(self.network.layers))
        return {index: p for index, p in enumerate(rates, start=1) if p > 0}

    @property
    def pixels(self) -> bool:
        """True when the inputs are image bytes (the network sees them / 255)."""
        return self.data.X_train.dtype == np.uint8


def arrays(source: ExportSource) -> dict[str, np.ndarray]:
    """The arrays a script reads: weights, data and the app's outputs on the training data."""
    net, data = source.network, source.data
    out: dict[str, np.ndarray] = {}
    for index, layer in enumerate(net.layers, start=1):
        out[f"W{index}"] = np.array(layer.weights)
        out[f"b{index}"] = np.array(layer.biases)
        if layer.alpha is not None:
            out[f"alpha{index}"] = np.array(layer.alpha)
    out["X_train"], out["Y_train"] = np.asarray(data.X_train), np.asarray(data.Y_train)
    out["X_test"], out["Y_test"] = np.asarray(data.X_test), np.asarray(data.Y_test)
    out["outputs"] = net.forward(data.inputs("train"))
    return out


def write_arrays(source: ExportSource, path: str | Path) -> None:
    """Write :func:`arrays` to ``path`` as a compressed ``.npz``, atomically.

    Raises
    ------
    OSError
        If the file cannot be written.
    """
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays(source))  # type: ignore[arg-type]
    write_atomic(Path(path), buffer.getvalue())


def data_sentence(source: ExportSource, c: Comments) -> str:
    """Where the data came from, in the script's language."""
    config, data = source.config, source.data
    name, train, test = repr(data.dataset.name), len(data.X_train), len(data.X_test)
    if data.is_2d:
        return c(
            "data_2d",
            name=name,
            count=config.n_samples,
            noise=f"{config.noise:g}",
            seed=config.seed,
            features=", ".join(data.input_names),
            train=train,
            test=test,
        )
    return c("data_set", name=name, train=train, test=test)


def script_docstring(
    source: ExportSource, c: Comments, script_name: str, arrays_name: str
) -> list[str]:
    """The module docstring a script starts with: what network, how to run it, where
    its arrays are, what data it trains on."""
    return [
        '"""' + c("title", shape=shape_text(source.network)),
        "",
        c("run", script=script_name),
        c("needs", arrays=arrays_name),
        *(line[2:] for line in comment(data_sentence(source, c))),
        '"""',
    ]


def shape_text(net: Network) -> str:
    """``2 → 4 (tanh) → 1 (sigmoid)``: the layer sizes with their activations."""
    parts = [str(net.n_inputs)]
    parts += [f"{layer.n_out} ({layer.activation.name})" for layer in net.layers]
    return " → ".join(parts)


def width_of(text: str) -> int:
    """Columns ``text`` takes in an editor: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def comment(text: str, indent: str = "", width: int = 88) -> list[str]:
    """``text`` as ``#`` comment lines of at most ``width`` columns.

    English breaks at spaces; Chinese, which has none, between any two characters
    (never before a closing punctuation mark).
    """
    room = max(20, width - len(indent) - 2)
    lines: list[str] = []
    line = ""
    for token in re.findall(r" |[\u2e80-\uffff]|[^ \u2e80-\uffff]+", text):
        if token == " " and not line:
            continue
        if width_of(line + token) > room and line.strip() and token not in _NO_BREAK_BEFORE:
            carry = line[-1] if line[-1] in "（「『《“" else ""  # (opening marks go along)
            lines.append(line[: len(line) - len(carry)].rstrip())
            line = carry + ("" if token == " " else token)
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return [f"{indent}# {part}".rstrip() for part in lines]


#: Chinese punctuation that must not start a line.
_NO_BREAK_BEFORE = set("，。；：、）」』》！？")


def docstring(text: str, indent: str = "    ", width: int = 88) -> list[str]:
    """``text`` as a docstring of lines of at most ``width`` characters."""
    lines = [line[len(indent) + 2 :] for line in comment(text, indent, width - 6)]
    if len(lines) == 1:
        return [f'{indent}"""{lines[0]}"""']
    return [f'{indent}"""{lines[0]}', *(f"{indent}{line}" for line in lines[1:]), f'{indent}"""']


def schedule_lines(source: ExportSource, c: Comments, torch: bool = False) -> list[str]:
    """``EPOCHS_DONE``, the schedule's constants and ``learning_rate(t)``: the app's
    formula (:meth:`.schedules.Schedule.rate`) written out, after ``LEARNING_RATE``.

    Empty for a constant rate. A cosine schedule needs ``import math`` in the script;
    ``torch`` adds why it is not PyTorch's ``CosineAnnealingLR``.
    """
    config = source.config
    if not source.scheduled:
        return []
    lines = [
        *comment(c("epochs_done", n=source.epochs_done)),
        f"EPOCHS_DONE = {source.epochs_done}",
    ]
    if config.schedule == "step":
        lines += [
            f"DECAY_EVERY = {config.decay_every!r}  # k",
            f"DECAY_FACTOR = {config.decay_factor!r}  # γ",
            "",
            "",
            "def learning_rate(t):",
            *docstring(c("schedule_step")),
            "    return LEARNING_RATE * DECAY_FACTOR ** (t // DECAY_EVERY)",
        ]
    else:
        lines += [
            f"COSINE_EPOCHS = {config.cosine_epochs!r}  # T",
            f"MIN_LEARNING_RATE = {config.min_learning_rate!r}  # η_min",
            "",
            "",
            "def learning_rate(t):",
            *docstring(c("schedule_cosine")),
            "    t = min(t, COSINE_EPOCHS)" + (f"  # {c('cosine_torch')}" if torch else ""),
            "    cosine = (1 + math.cos(math.pi * t / COSINE_EPOCHS)) / 2",
            "    return MIN_LEARNING_RATE + (LEARNING_RATE - MIN_LEARNING_RATE) * cosine",
        ]
    return lines
