"""Export a network as a runnable PyTorch script (``.py``) with its arrays (``.npz``).

The script builds an ``nn.Sequential`` of ``nn.Linear`` layers and the same
activations, copies in the exact weights, reads the data the network was trained on
and holds the training settings (loss, optimiser, learning rate, batch size,
regularisation) in a short training loop. It computes in float64, as the app does, so
its outputs on the training data match the app's to about 1e-15; the script prints the
largest difference before it trains on.

PyTorch is never imported here: this module only writes text.

Activations: each has a PyTorch module (``nn.Tanh()``, ``nn.PReLU(n)``,
``nn.RReLU(l, u)`` …) except the step, which gets a small class of its own. As in
PyTorch practice, a sigmoid output trained with binary cross-entropy and a softmax
output trained with cross-entropy stay out of the model: ``BCEWithLogitsLoss`` and
``cross_entropy`` apply them to the output layer's z themselves, and ``predict``
applies them to show probabilities.

Dropout and learning-rate schedules: a hidden layer with a dropout rate p gets an
``nn.Dropout(p)`` after its activation (inverted dropout, as the app's; on only in
``model.train()``). A schedule other than constant becomes ``learning_rate(t)``, the
app's formula written out (:mod:`.schedules`; PyTorch's ``CosineAnnealingLR`` climbs
again after T), which sets each epoch's rate, counting on from the epochs the app
trained (``EPOCHS_DONE``).
"""

from __future__ import annotations

import json
from pathlib import Path

from .activation_base import Activation
from .config import TrainingConfig
from .export_common import (
    Comments,
    ExportSource,
    Translate,
    comment,
    docstring,
    schedule_lines,
    script_docstring,
    shape_text,
    write_arrays,
)
from .network import Network
from .safeio import write_atomic

__all__ = ["torch_script", "write_torch_export"]

#: Activations inside the loss when the loss matches (see the module's doc).
_IN_LOSS = {("sigmoid", "bce"), ("softmax", "cross_entropy")}


def write_torch_export(
    source: ExportSource, path: str | Path, translate: Translate | None = None
) -> tuple[Path, Path]:
    """Write the script to ``path`` and its arrays beside it (same name, ``.npz``).

    Returns
    -------
    tuple of Path
        The script and the arrays file.

    Raises
    ------
    OSError
        If a file cannot be written.
    """
    script = Path(path)
    if script.suffix != ".py":
        script = script.with_name(script.name + ".py")
    arrays = script.with_suffix(".npz")
    write_arrays(source, arrays)
    write_atomic(script, torch_script(source, arrays.name, script.name, translate).encode("utf-8"))
    return script, arrays


def _module(activation: Activation, n_out: int) -> str:
    """The PyTorch module of an app activation ("" for the identity)."""
    name, params = activation.name, activation.params()
    simple = {
        "sigmoid": "nn.Sigmoid()",
        "tanh": "nn.Tanh()",
        "relu": "nn.ReLU()",
        "hardtanh": "nn.Hardtanh()",
        "softsign": "nn.Softsign()",
        "softmax": "nn.Softmax(dim=1)",
        "step": "Step()",
    }
    if name in simple:
        return simple[name]
    if name == "leaky_relu":
        return f"nn.LeakyReLU({params['slope']!r})"
    if name == "prelu":
        return f"nn.PReLU({n_out})"
    if name == "rrelu":
        return f"nn.RReLU({params['lower']!r}, {params['upper']!r})"
    return ""  # identity: nothing to add


def _loss_lines(loss: str, output: str, c: Comments) -> list[str]:
    """The ``loss_fn`` definition for ``loss`` with the output activation ``output``."""
    if (output, loss) == ("sigmoid", "bce"):
        body = [
            *comment(c("loss_logits", function="BCEWithLogitsLoss", name="sigmoid"), "    "),
            '    total = F.binary_cross_entropy_with_logits(z, y, reduction="sum")',
            "    return total / len(y)",
        ]
        formula = "−1/n Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]"
        head = "def loss_fn(z, y):"
    elif (output, loss) == ("softmax", "cross_entropy"):
        body = [
            *comment(c("loss_logits", function="F.cross_entropy", name="softmax"), "    "),
            "    return F.cross_entropy(z, y)",
        ]
        formula = "−1/n Σ y ln ŷ"
        head = "def loss_fn(z, y):"
    elif loss == "mse":
        body = [*comment(c("mse_half"), "    "), "    return 0.5 * ((a - y) ** 2).sum() / len(y)"]
        formula = "1/(2n) Σ ‖y − ŷ‖²"
        head = "def loss_fn(a, y):"
    elif loss == "bce":
        body = [
            "    a = a.clamp(1e-12, 1 - 1e-12)",
            '    return F.binary_cross_entropy(a, y, reduction="sum") / len(y)',
        ]
        formula = "−1/n Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]"
        head = "def loss_fn(a, y):"
    else:
        body = ["    return -(y * a.clamp_min(1e-12).log()).sum() / len(y)"]
        formula = "−1/n Σ y ln ŷ"
        head = "def loss_fn(a, y):"
    return [head, *docstring(c("loss", formula=formula), "    "), *body]


def _optimizer_lines(source: ExportSource, c: Comments) -> list[str]:
    config = source.config
    name = config.optimizer
    lines = [*comment(c("optimizer"), ""), f"LEARNING_RATE = {config.learning_rate!r}"]
    lines.append(f"BATCH_SIZE = {config.batch_size!r}")
    if name == "momentum":
        lines += comment(c("momentum_same"), "")
        make = "torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=0.9)"
    elif name == "adam":
        make = "torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, eps=1e-8)"
    else:
        make = "torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)"
    lines.append(f"optimizer = {make}")
    if source.scheduled:
        lines += ["", *schedule_lines(source, c, torch=True), "", "", *_set_rate_lines(name, c)]
    return lines


def _set_rate_lines(optimizer: str, c: Comments) -> list[str]:
    """``set_learning_rate(rate)``: the epoch's rate into every parameter group, and for
    momentum its velocity rescaled so that the steps stay the app's (v ← μv − ηg)."""
    rescale = [
        *comment(c("momentum_rescale"), "        "),
        '        for p in group["params"]:',
        '            v = optimizer.state[p].get("momentum_buffer")',
        "            if v is not None and rate > 0:",
        '                v.mul_(group["lr"] / rate)',
    ]
    return [
        "def set_learning_rate(rate):",
        *docstring(c("set_rate"), "    "),
        "    for group in optimizer.param_groups:",
        *(rescale if optimizer == "momentum" else []),
        '        group["lr"] = rate',
    ]


def _penalty_lines(config: TrainingConfig, c: Comments) -> list[str]:
    kind, rate = config.regularization, config.regularization_rate
    head = ["def penalty():"]
    weights = "linears"
    if kind == "l1" and rate:
        return [
            *head,
            *docstring(c("penalty", formula="λ Σ|w|"), "    "),
            f"    return {rate!r} * sum(m.weight.abs().sum() for m in {weights})",
        ]
    if kind == "l2" and rate:
        return [
            *head,
            *docstring(c("penalty", formula="(λ/2) Σ w²"), "    "),
            f"    return {rate / 2!r} * sum((m.weight**2).sum() for m in {weights})",
        ]
    return [*head, f"    return 0.0  # {c('no_penalty')}"]


def torch_script(
    source: ExportSource,
    arrays_name: str,
    script_name: str = "network.py",
    translate: Translate | None = None,
) -> str:
    """The text of the PyTorch script; see the module's doc."""
    c = Comments(translate)
    net, config = source.network, source.config
    output = net.layers[-1].activation.name
    in_loss = (output, config.loss) in _IN_LOSS
    uses_step = any(layer.activation.name == "step" for layer in net.layers)
    lines = [
        *script_docstring(source, c, script_name, arrays_name),
        "",
        "import argparse",
        *(["import math"] if config.schedule == "cosine" else []),
        "from pathlib import Path",
        "",
        "import numpy as np",
        "import torch",
        "import torch.nn.functional as F",
        "from torch import nn",
        "",
        *comment(c("float64"), ""),
        "torch.set_default_dtype(torch.float64)",
        f'ARRAYS = np.load(Path(__file__).with_name("{arrays_name}"))',
        "",
        *comment("--- " + c("data"), ""),
    ]
    for name in ("X_train", "Y_train", "X_test", "Y_test"):
        if name.startswith("X") and source.pixels:
            lines.append(f'{name} = torch.from_numpy(ARRAYS["{name}"] / 255.0)  # {c("pixels")}')
        else:
            lines.append(f'{name} = torch.from_numpy(ARRAYS["{name}"])')
    if uses_step:
        lines += [
            "",
            "",
            "class Step(nn.Module):",
            *docstring(c("step"), "    "),
            "",
            "    def forward(self, z):",
            "        return (z >= 0).to(z.dtype) + 0 * z",
        ]
    lines += [
        "",
        "",
        *comment("--- " + c("network", shape=shape_text(net)), ""),
        "model = nn.Sequential(",
    ]
    dropout = source.dropout_rates()
    linear_index: list[int] = []
    position = 0  # each module's index in the Sequential, for the weights' copies
    for index, layer in enumerate(net.layers, start=1):
        note = c("layer", layer=index, n_in=layer.n_in, n_out=layer.n_out)
        lines.append(f"    nn.Linear({layer.n_in}, {layer.n_out}),  # {note}")
        linear_index.append(position)
        position += 1
        module = _module(layer.activation, layer.n_out)
        if index == len(net.layers) and in_loss:
            lines += comment(c("in_loss", name=output), "    ")
        elif module:
            lines.append(f"    {module},")
            position += 1
        if index in dropout:  # after the activation, as the app drops a neuron's output
            p = dropout[index]
            lines.append(f"    nn.Dropout({p!r}),  # {c('dropout')}")
            position += 1
    lines += [")", "", *comment(c("weights"), ""), "with torch.no_grad():"]
    for index, layer in enumerate(net.layers, start=1):
        at = linear_index[index - 1]
        lines.append(f'    model[{at}].weight.copy_(torch.from_numpy(ARRAYS["W{index}"]))')
        lines.append(f'    model[{at}].bias.copy_(torch.from_numpy(ARRAYS["b{index}"]))')
        if layer.alpha is not None:
            lines.append(
                f'    model[{at + 1}].weight.copy_(torch.from_numpy(ARRAYS["alpha{index}"]))'
            )
    lines += [
        "model.eval()",
        "linears = [m for m in model if isinstance(m, nn.Linear)]",
        "",
        "",
        "def predict(x):",
        *docstring(c("predict"), "    "),
    ]
    if in_loss:
        apply = (
            "torch.sigmoid(model(x))" if output == "sigmoid" else "torch.softmax(model(x), dim=1)"
        )
        lines.append(f"    return {apply}")
    else:
        lines.append("    return model(x)")
    lines += ["", "", *_loss_lines(config.loss, output, c), "", ""]
    lines += [*_penalty_lines(config, c), "", ""]
    lines += [*_optimizer_lines(source, c), "", ""]
    lines += [
        "def train_one_epoch():",
        *docstring(c("train"), "    "),
        f"    model.train()  # {c('train_mode_dropout' if dropout else 'train_mode')}",
        "    order = torch.randperm(len(X_train))",
        "    for start in range(0, len(X_train), BATCH_SIZE):",
        "        batch = order[start : start + BATCH_SIZE]",
        "        loss = loss_fn(model(X_train[batch]), Y_train[batch]) + penalty()",
        "        optimizer.zero_grad()",
        "        loss.backward()",
        "        optimizer.step()",
        "    model.eval()",
        "",
        "",
        "def save_safetensors(path):",
        *docstring(c("save"), "    "),
        "    from safetensors.torch import save_file  # pip install safetensors",
        "",
        "    tensors = {name: t.contiguous() for name, t in model.state_dict().items()}",
        f"    activations = {_activation_json(net)!r}",
        '    save_file(tensors, path, metadata={"neurongui.activations": activations})',
        "",
        "",
        "def main():",
        "    parser = argparse.ArgumentParser()",
        '    parser.add_argument("--epochs", type=int, default=10)',
        '    parser.add_argument("--save", help="a .safetensors file for the trained weights")',
        "    args = parser.parse_args()",
        *comment(c("check"), "    "),
        "    with torch.no_grad():",
        '        app = torch.from_numpy(ARRAYS["outputs"])',
        "        difference = (predict(X_train) - app).abs().max().item()",
        '    print(f"largest difference from NeuronGUI\'s outputs: {difference:.3g}")',
        *comment(c("continue"), "    "),
        *_loop_lines(source, c),
        "    if args.save:",
        "        save_safetensors(args.save)",
        "",
        "",
        'if __name__ == "__main__":',
        "    main()",
        "",
    ]
    return "\n".join(lines)


def _loop_lines(source: ExportSource, c: Comments) -> list[str]:
    """The training loop of ``main``; with a schedule, epochs count on from the app's."""
    if not source.scheduled:
        return [
            "    for epoch in range(1, args.epochs + 1):",
            "        train_one_epoch()",
            "        with torch.no_grad():",
            "            loss = loss_fn(model(X_train), Y_train).item()",
            '        print(f"epoch {epoch}: training loss {loss:.6f}")',
        ]
    return [
        "    for epoch in range(EPOCHS_DONE + 1, EPOCHS_DONE + args.epochs + 1):",
        "        set_learning_rate(learning_rate(epoch - 1))",
        "        train_one_epoch()",
        "        with torch.no_grad():",
        "            loss = loss_fn(model(X_train), Y_train).item()",
        '        lr = optimizer.param_groups[0]["lr"]',
        '        print(f"epoch {epoch}: training loss {loss:.6f}, learning rate {lr:.6g}")',
    ]


def _activation_json(net: Network) -> str:
    """The layers' activations as JSON, for the safetensors file's metadata."""
    specs = [layer.activation.to_dict() for layer in net.layers]
    return json.dumps(specs, separators=(",", ":"))
