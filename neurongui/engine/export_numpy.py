"""Export a network as a NumPy-only script (``.py``) with its arrays (``.npz``).

The script is the engine's readable version (:mod:`.textbook`) cut down to the
network at hand: each activation it uses with its backward rule, a forward pass, the
loss, backpropagation, the optimiser and a short training loop, in a few dozen lines.
It needs nothing but NumPy, reproduces the app's outputs on the training data
(it prints the largest difference) and trains on from the exported weights, with the
app's dropout (masks in the training passes only) and learning-rate schedule.
"""

from __future__ import annotations

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
    write_arrays,
)
from .safeio import write_atomic

__all__ = ["numpy_script", "write_numpy_export"]

#: Output activation and loss whose pairing gives ∂L/∂z = (a − y) / n.
_NATURAL = {("identity", "mse"), ("sigmoid", "bce"), ("softmax", "cross_entropy")}

#: f(z) and its backward rule (∂L/∂z from ∂L/∂a) of each activation, as script text.
_FUNCTIONS = {
    "identity": ("return z", "return grad_a"),
    "step": ("return (z >= 0).astype(float)", "return 0 * grad_a"),
    "sigmoid": (
        "return 1 / (1 + np.exp(-np.maximum(z, -700)))",
        "return grad_a * a * (1 - a)",
    ),
    "tanh": ("return np.tanh(z)", "return grad_a * (1 - a * a)"),
    "hardtanh": ("return np.clip(z, -1, 1)", "return grad_a * ((z > -1) & (z < 1))"),
    "softsign": ("return z / (1 + np.abs(z))", "return grad_a / (1 + np.abs(z)) ** 2"),
    "relu": ("return np.maximum(z, 0)", "return grad_a * (z > 0)"),
    "softmax": (
        "e = np.exp(z - z.max(axis=1, keepdims=True))\n    return e / e.sum(axis=1, keepdims=True)",
        "return a * (grad_a - (grad_a * a).sum(axis=1, keepdims=True))",
    ),
}

_LOSSES = {
    "mse": (
        "1/(2n) Σ ‖y − a‖²",
        "return 0.5 * ((a - y) ** 2).sum() / len(y)",
        "return (a - y) / len(y)",
    ),
    "bce": (
        "−1/n Σ [y ln a + (1 − y) ln(1 − a)]",
        "p = np.clip(a, 1e-12, 1 - 1e-12)\n"
        "    return -(y * np.log(p) + (1 - y) * np.log1p(-p)).sum() / len(y)",
        "p = np.clip(a, 1e-12, 1 - 1e-12)\n    return (p - y) / (p * (1 - p)) / len(y)",
    ),
    "cross_entropy": (
        "−1/n Σ y ln a",
        "return -(y * np.log(np.clip(a, 1e-12, 1))).sum() / len(y)",
        "return -y / np.clip(a, 1e-12, 1) / len(y)",
    ),
}


def write_numpy_export(
    source: ExportSource, path: str | Path, translate: Translate | None = None
) -> tuple[Path, Path]:
    """Write the script to ``path`` and its arrays beside it (same name, ``.npz``).

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
    write_atomic(script, numpy_script(source, arrays.name, script.name, translate).encode("utf-8"))
    return script, arrays


def _activation_defs(acts: list[Activation], c: Comments) -> list[str]:
    """``def tanh(z)`` / ``def tanh_back(z, a, grad_a)`` for every activation used."""
    lines: list[str] = []
    for name in dict.fromkeys(act.name for act in acts):
        if name in _FUNCTIONS:
            forward, backward = _FUNCTIONS[name]
            lines += [f"def {name}(z):", f"    {forward}", "", ""]
            lines += [f"def {name}_back(z, a, grad_a):", f"    {backward}", "", ""]
        elif name in ("leaky_relu", "rrelu", "prelu"):
            if name == "rrelu":
                lines += comment(c("rrelu_numpy"))
            if name == "prelu":
                lines += comment(c("prelu_numpy"))
            lines += [
                f"def {name}(z, k):",
                "    return np.where(z > 0, z, k * z)",
                "",
                "",
                f"def {name}_back(z, a, grad_a, k):",
                "    return grad_a * np.where(z > 0, 1.0, k)",
                "",
                "",
            ]
    return lines


def _slope(act: Activation, index: int) -> str:
    """The negative-side slope argument of a sloped ReLU in layer ``index`` (1-based)."""
    params = act.params()
    if act.name == "leaky_relu":
        return repr(params["slope"])
    if act.name == "prelu":
        return f"alpha[{index}]"
    return f"SLOPE[{index}]"  # rrelu: drawn per batch while training


def _optimizer_lines(source: ExportSource, c: Comments) -> list[str]:
    """The settings, ``learning_rate(t)`` with a schedule, and ``update``: with a
    schedule, ``update(grads, lr)`` takes the epoch's rate."""
    config = source.config
    lines = [
        *comment(c("optimizer")),
        f"LEARNING_RATE = {config.learning_rate!r}",
        f"BATCH_SIZE = {config.batch_size!r}",
    ]
    if source.scheduled:
        lines += ["", *schedule_lines(source, c), "", ""]
        head, eta = "def update(grads, lr):", "lr"
    else:
        head, eta = "def update(grads):", "LEARNING_RATE"
    gap = [] if source.scheduled else ["", ""]
    if config.optimizer == "momentum":
        return [
            *lines,
            "velocity = [np.zeros_like(p) for p in params]",
            "",
            "",
            head,
            "    for p, v, g in zip(params, velocity, grads):",
            "        v *= 0.9  # v ← μv − ηg;  θ ← θ + v",
            f"        v -= {eta} * g",
            "        p += v",
        ]
    if config.optimizer == "adam":
        return [
            *lines,
            "m = [np.zeros_like(p) for p in params]",
            "s = [np.zeros_like(p) for p in params]",
            "t = 0",
            "",
            "",
            head,
            "    global t",
            "    t += 1",
            "    for p, m_, s_, g in zip(params, m, s, grads):",
            "        m_[...] = 0.9 * m_ + 0.1 * g",
            "        s_[...] = 0.999 * s_ + 0.001 * g * g",
            "        m_hat, s_hat = m_ / (1 - 0.9**t), s_ / (1 - 0.999**t)",
            f"        p -= {eta} * m_hat / (np.sqrt(s_hat) + 1e-8)",
        ]
    return [
        *lines,
        *gap,
        head,
        "    for p, g in zip(params, grads):",
        f"        p -= {eta} * g  # θ ← θ − η ∂L/∂θ",
    ]


def numpy_script(
    source: ExportSource,
    arrays_name: str,
    script_name: str = "network.py",
    translate: Translate | None = None,
) -> str:
    """The text of the NumPy script; see the module's doc."""
    c = Comments(translate)
    net, config = source.network, source.config
    acts = [layer.activation for layer in net.layers]
    n_layers = len(acts)
    output, loss = acts[-1].name, config.loss
    lines = [
        *script_docstring(source, c, script_name, arrays_name),
        "",
        "import argparse",
        *(["import math"] if config.schedule == "cosine" else []),
        "from pathlib import Path",
        "",
        "import numpy as np",
        "",
        f'ARRAYS = np.load(Path(__file__).with_name("{arrays_name}"))',
        "",
        *comment("--- " + c("data")),
    ]
    for name in ("X_train", "Y_train", "X_test", "Y_test"):
        scale = " / 255.0" if name.startswith("X") and source.pixels else ""
        lines.append(f'{name} = ARRAYS["{name}"]{scale}')
    lines += ["", *comment("--- " + c("weights_numpy"))]
    lines.append(f'W = {{l: ARRAYS[f"W{{l}}"] for l in range(1, {n_layers + 1})}}')
    lines.append(f'b = {{l: ARRAYS[f"b{{l}}"] for l in range(1, {n_layers + 1})}}')
    prelu = [i for i, a in enumerate(acts, start=1) if a.name == "prelu"]
    lines.append(f'alpha = {{l: ARRAYS[f"alpha{{l}}"] for l in {prelu!r}}}')
    params = "[*W.values(), *b.values(), *alpha.values()]"
    lines += [f"params = {params}", "", "", *comment("--- " + c("activations")), "", ""]
    lines += _activation_defs(acts, c)
    rrelu = [i for i, a in enumerate(acts, start=1) if a.name == "rrelu"]
    if rrelu:
        lines.append(
            "SLOPE = {"
            + ", ".join(
                f"{i}: {0.5 * (acts[i - 1].params()['lower'] + acts[i - 1].params()['upper'])!r}"
                for i in rrelu
            )
            + "}  # (l + u) / 2"
        )
        lines.append("rng = np.random.default_rng(0)")
        lines.append("")
    forwards, backs = [], []
    for i, act in enumerate(acts, start=1):
        if act.name in _SLOPED:
            k = _slope(act, i)
            forwards.append(f"{i}: lambda z: {act.name}(z, {k})")
            backs.append(f"{i}: lambda z, a, g: {act.name}_back(z, a, g, {k})")
        else:
            forwards.append(f"{i}: {act.name}")
            backs.append(f"{i}: {act.name}_back")
    lines += ["f = {", *(f"    {entry}," for entry in forwards), "}"]
    lines += ["f_back = {", *(f"    {entry}," for entry in backs), "}"]
    formula, value, gradient = _LOSSES[loss]
    lines += [
        "",
        "",
        "def loss_fn(a, y):",
        *docstring(c("loss", formula=formula), "    "),
        f"    {value}",
    ]
    if (output, loss) not in _NATURAL:  # (else ∂L/∂z is (a − y) / n, without ∂L/∂a)
        lines += ["", "", "def loss_grad(a, y):", '    """∂L/∂a."""', f"    {gradient}"]
    dropout = source.dropout_rates()
    if dropout:
        lines += ["", "", *_dropout_lines(dropout, rng_defined=bool(rrelu), c=c)]
    lines += ["", "", *_forward_lines(n_layers, bool(dropout), c)]
    lines += [
        "",
        "",
        "def backprop(X, Y, masks=None):" if dropout else "def backprop(X, Y):",
        *docstring(c("backprop"), "    "),
        *(
            ["    masks = masks or {}", "    zs, a = forward(X, masks)"]
            if dropout
            else ["    zs, a = forward(X)"]
        ),
    ]
    if (output, loss) in _NATURAL:
        lines += [
            *comment(c("delta_natural", name=output), "    "),
            f"    delta = (a[{n_layers}] - Y) / len(Y)",
        ]
    else:
        lines += [
            *comment(c("delta_chain"), "    "),
            f"    grad_a = loss_grad(a[{n_layers}], Y)",
            f"    delta = f_back[{n_layers}](zs[{n_layers}], a[{n_layers}], grad_a)",
        ]
    lines += [
        "    dW, db, dalpha = {}, {}, {}",
        f"    for l in range({n_layers}, 0, -1):",
    ]
    if dropout:
        lines += [
            "        below = a[l - 1] * masks[l - 1] if l - 1 in masks else a[l - 1]",
            "        dW[l] = delta.T @ below  # ∂L/∂W = δᵀ ã_prev",
        ]
    else:
        lines.append("        dW[l] = delta.T @ a[l - 1]  # ∂L/∂W = δᵀ a_prev")
    lines += [
        "        db[l] = delta.sum(axis=0)  # ∂L/∂b = Σ δ",
        "        if l > 1:",
        f"            grad_a = delta @ W[l]  # {c('grad_below')}",
    ]
    if dropout:
        lines += [
            "            if l - 1 in masks:",
            f"                grad_a = grad_a * masks[l - 1]  # {c('mask_back')}",
        ]
    if prelu:
        lines += [
            "            if l - 1 in alpha:",
            "                dalpha[l - 1] = (grad_a * np.minimum(zs[l - 1], 0)).sum(axis=0)",
        ]
    lines += [
        "            delta = f_back[l - 1](zs[l - 1], a[l - 1], grad_a)",
        "    return [*dW.values()][::-1], [*db.values()][::-1], [*dalpha.values()][::-1]",
        "",
        "",
        *_penalty_lines(config, c),
        "",
        "",
        *_optimizer_lines(source, c),
        "",
        "",
        "def train_one_epoch(lr):" if source.scheduled else "def train_one_epoch():",
        *docstring(c("train"), "    "),
        "    order = np.random.permutation(len(X_train))",
        "    for start in range(0, len(X_train), BATCH_SIZE):",
        "        batch = order[start : start + BATCH_SIZE]",
    ]
    if rrelu:
        lines += [*comment(c("rrelu_numpy"), "        ")]
        for i in rrelu:
            p = acts[i - 1].params()
            lines.append(f"        SLOPE[{i}] = rng.uniform({p['lower']!r}, {p['upper']!r})")
    if dropout:
        lines += [
            "        masks = dropout_masks(len(batch))",
            "        dW, db, dalpha = backprop(X_train[batch], Y_train[batch], masks)",
        ]
    else:
        lines.append("        dW, db, dalpha = backprop(X_train[batch], Y_train[batch])")
    rate = ", lr" if source.scheduled else ""
    lines.append(f"        update([*penalised(dW), *db, *dalpha]{rate})")
    if rrelu:
        for i in rrelu:
            p = acts[i - 1].params()
            lines.append(f"    SLOPE[{i}] = {0.5 * (p['lower'] + p['upper'])!r}")
    lines += [
        "",
        "",
        "def main():",
        "    parser = argparse.ArgumentParser()",
        '    parser.add_argument("--epochs", type=int, default=10)',
        "    args = parser.parse_args()",
        *comment(c("check"), "    "),
        f"    outputs = forward(X_train)[1][{n_layers}]",
        '    difference = np.abs(outputs - ARRAYS["outputs"]).max()',
        '    print(f"largest difference from NeuronGUI\'s outputs: {difference:.3g}")',
        *comment(c("continue"), "    "),
        *_loop_lines(source, n_layers),
        "",
        "",
        'if __name__ == "__main__":',
        "    main()",
        "",
    ]
    return "\n".join(lines)


_SLOPED = ("leaky_relu", "prelu", "rrelu")


def _dropout_lines(dropout: dict[int, float], rng_defined: bool, c: Comments) -> list[str]:
    """``DROPOUT`` (rate per hidden layer) and ``dropout_masks(n)``."""
    rates = ", ".join(f"{index}: {p!r}" for index, p in dropout.items())
    return [
        *comment(c("dropout_numpy")),
        f"DROPOUT = {{{rates}}}",
        *([] if rng_defined else ["rng = np.random.default_rng(0)"]),
        "",
        "",
        "def dropout_masks(n):",
        *docstring(c("masks"), "    "),
        "    return {l: (rng.random((n, len(b[l]))) >= p) / (1 - p) for l, p in DROPOUT.items()}",
    ]


def _forward_lines(n_layers: int, dropout: bool, c: Comments) -> list[str]:
    """``forward(X)``; with dropout, ``forward(X, masks=None)`` applies the masks."""
    if not dropout:
        return [
            "def forward(X):",
            *docstring(c("forward"), "    "),
            "    zs, activations = {}, {0: X}",
            f"    for l in range(1, {n_layers + 1}):",
            "        zs[l] = activations[l - 1] @ W[l].T + b[l]",
            "        activations[l] = f[l](zs[l])",
            "    return zs, activations",
        ]
    return [
        "def forward(X, masks=None):",
        *docstring(c("forward"), "    "),
        "    masks = masks or {}",
        "    zs, activations = {}, {0: X}",
        f"    for l in range(1, {n_layers + 1}):",
        "        below = activations[l - 1]",
        "        if l - 1 in masks:",
        f"            below = below * masks[l - 1]  # {c('mask_forward')}",
        "        zs[l] = below @ W[l].T + b[l]",
        "        activations[l] = f[l](zs[l])",
        "    return zs, activations",
    ]


def _loop_lines(source: ExportSource, n_layers: int) -> list[str]:
    """The training loop of ``main``; with a schedule, epochs count on from the app's."""
    loss = f"        loss = loss_fn(forward(X_train)[1][{n_layers}], Y_train)"
    if not source.scheduled:
        return [
            "    for epoch in range(1, args.epochs + 1):",
            "        train_one_epoch()",
            loss,
            '        print(f"epoch {epoch}: training loss {loss:.6f}")',
        ]
    return [
        "    for epoch in range(EPOCHS_DONE + 1, EPOCHS_DONE + args.epochs + 1):",
        "        lr = learning_rate(epoch - 1)",
        "        train_one_epoch(lr)",
        loss,
        '        print(f"epoch {epoch}: training loss {loss:.6f}, learning rate {lr:.6g}")',
    ]


def _penalty_lines(config: TrainingConfig, c: Comments) -> list[str]:
    kind, rate = config.regularization, config.regularization_rate
    head = ["def penalised(dW):"]
    if kind == "l1" and rate:
        return [
            *head,
            *docstring(c("penalty", formula="λ Σ|w|"), "    "),
            "    # + λ sign(w)",
            f"    return [g + {rate!r} * np.sign(w) for g, w in zip(dW, W.values())]",
        ]
    if kind == "l2" and rate:
        return [
            *head,
            *docstring(c("penalty", formula="(λ/2) Σ w²"), "    "),
            "    # + λ w",
            f"    return [g + {rate!r} * w for g, w in zip(dW, W.values())]",
        ]
    return [*head, f"    return dW  # {c('no_penalty')}"]
