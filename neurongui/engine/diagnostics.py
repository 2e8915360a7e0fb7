"""Why isn't it learning? Rules that watch a run and say what they see, with numbers.

Each rule looks at a :class:`~neurongui.engine.run_health.Run` (the history of the
epochs, the network now, a sample of the training data, the settings) and returns a
:class:`Hint` when it applies: the evidence with its numbers, why it matters, and a
:class:`Fix` the window can apply as one undoable step. The rules are plain functions
of the run, so a test builds a run that triggers each one and a run that must not.

=============== ===================================================================
``lr_high``      the loss rose in at least half of the last 10 epochs (with dropout,
                 only a rising trend counts: its masks make the loss bounce)
``lr_low``       the loss has stalled far from its goal while the weights barely move
``dead_relu``    half or more of a ReLU layer outputs 0 for every sample
``saturated``    half or more of a sigmoid/tanh layer sits on its flat ends
``vanishing``    three or more sigmoid layers in a row: the gradient shrinks ×4 per layer
``overfitting``  the test loss has risen for 5+ epochs while the training loss fell
``underfitting`` a small network stuck at a low accuracy (with dropout: turn it off)
``slow_output``  a sigmoid/softmax output with the square loss, wrong and saturated
``unscaled``     inputs in the hundreds: steps that suit one input overshoot another
``symmetric``    neurons with the same weights and bias: they will stay the same
=============== ===================================================================
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .diagnostics_fitting import overfitting, slow_output, underfitting
from .errors import QT_TRANSLATE_NOOP, Message
from .numbers import format_number, format_percent
from .run_health import (
    FLAT,
    MAX_SAMPLES,
    WINDOW,
    Fix,
    Hint,
    LayerHealth,
    Run,
    hidden_zs,
    layer_health,
    nice_rate,
    sample_rows,
    train_losses,
    update_ratios,
)

__all__ = [
    "MAX_SAMPLES",
    "RULES",
    "Fix",
    "Hint",
    "LayerHealth",
    "Run",
    "diagnose",
    "layer_health",
    "sample_rows",
    "update_ratios",
]


def _rate_fix(eta: float) -> tuple[Message, Fix]:
    """The action and fix that set the learning rate to ``eta``."""
    action = Message(QT_TRANSLATE_NOOP("EngineErrors", "Set η to {eta}"), eta=format_number(eta))
    return action, Fix("settings", {"learning_rate": eta})


# -- the learning rate ----------------------------------------------------------------


def lr_high(run: Run) -> Hint | None:
    loss = train_losses(run)[-(WINDOW + 1) :]
    if len(loss) < WINDOW + 1:
        return None
    every = train_losses(run)
    rises = int((np.diff(loss) > 1e-9 * np.abs(loss[:-1])).sum())
    accuracy = run.history[-1].train_accuracy
    # Rising: the last five epochs clearly worse (by a tenth) than the five before, and
    # well above the best so far. Near the bottom, rising now and then is noise.
    rising = loss[-5:].mean() >= 1.1 * loss[:5].mean() and loss[-1] >= 1.2 * every.min()
    # Bouncing: jumps of a twentieth of the loss per epoch on average, no new low in the
    # last five epochs, and a classifier still far from right.
    # (Not with dropout: its random masks make the loss bounce whatever η is.)
    bouncing = (
        not run.config.uses_dropout
        and np.abs(np.diff(loss)).mean() > 0.05 * loss.mean()
        and loss[-5:].min() >= 0.95 * every[:-5].min()
        and accuracy is not None
        and accuracy < 0.8
    )
    if rises < WINDOW // 2 - 1 or not ((rising and rises >= WINDOW // 2) or bouncing):
        return None
    if (accuracy or 0.0) >= 0.95:  # a network that already does well: not worth a word
        return None
    eta = run.config.learning_rate
    return Hint(
        "lr_high",
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "the loss rose in {rises} of the last {window} epochs; η = {eta}"
            ),
            rises=rises,
            window=WINDOW,
            eta=format_number(eta),
        ),
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "Each step overshoots the valley of the loss and lands higher on the other "
                "side. A smaller learning rate takes smaller steps.",
            )
        ),
        *_rate_fix(nice_rate(eta / 3)),
        "regression",
    )


def lr_low(run: Run) -> Hint | None:
    loss = train_losses(run)
    if len(loss) < 2 * WINDOW or not np.isfinite(loss).all():
        return None
    recent = loss[-WINDOW:]
    stalled = (recent[0] - recent[-1]) < 0.005 * recent[0]
    far = loss[-1] > 0.5 * loss[0]
    accurate = (run.history[-1].train_accuracy or 0.0) >= 0.95
    ratio = max(run.update_ratio) if run.update_ratio else None
    tiny = ratio is not None and ratio < 1e-3
    if not (stalled and far and tiny) or accurate:
        return None
    eta = run.config.learning_rate
    return Hint(
        "lr_low",
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "the loss fell by {drop} over the last {window} epochs and the weights "
                "change by {ratio} of their size per epoch; η = {eta}",
            ),
            drop=format_percent((recent[0] - recent[-1]) / recent[0]),
            window=WINDOW,
            ratio=f"{ratio:.1e}",
            eta=format_number(eta),
        ),
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "The steps are so small that the network would need thousands of epochs "
                "to get anywhere. A larger learning rate takes larger steps.",
            )
        ),
        *_rate_fix(nice_rate(eta * 3)),
        "regression",
    )


# -- the activations ------------------------------------------------------------------


def dead_relu(run: Run) -> Hint | None:
    for layer, name, z in hidden_zs(run.network, run.X):
        if name != "relu" or z.shape[1] < 2:
            continue
        dead = int((z <= 0).all(axis=0).sum())
        if dead >= 2 and dead >= 0.5 * z.shape[1]:
            return Hint(
                "dead_relu",
                Message(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors",
                        "{dead} of the {total} ReLU neurons of layer {layer} output 0 for "
                        "every training sample",
                    ),
                    dead=dead,
                    total=z.shape[1],
                    layer=layer + 1,
                ),
                Message(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors",
                        "Where z < 0, ReLU's slope is 0, so no gradient reaches these "
                        "neurons' weights: they can never come back. Leaky ReLU keeps a "
                        "small slope below 0.",
                    )
                ),
                Message(
                    QT_TRANSLATE_NOOP("EngineErrors", "Use leaky ReLU in layer {layer}"),
                    layer=layer + 1,
                ),
                Fix("activation", layers=(layer,), activation="leaky_relu"),
                "activations",
            )
    return None


def saturated(run: Run) -> Hint | None:
    for layer, name, z in hidden_zs(run.network, run.X):
        if name not in FLAT:
            continue
        flat = (np.abs(z) > FLAT[name]).mean(axis=0) >= 0.9
        if flat.sum() >= max(1, 0.5 * z.shape[1]):
            return Hint(
                "saturated",
                Message(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors",
                        "{count} of the {total} {activation} neurons of layer {layer} have "
                        "|z| > {limit} for 90% of the samples",
                    ),
                    count=int(flat.sum()),
                    total=z.shape[1],
                    activation=name,
                    layer=layer + 1,
                    limit=format_number(FLAT[name]),
                ),
                Message(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors",
                        "On its flat ends the activation's slope f′(z) is almost 0, and δ is "
                        "multiplied by it: these neurons barely learn. Smaller starting "
                        "weights put z back where the curve is steep.",
                    )
                ),
                Message(QT_TRANSLATE_NOOP("EngineErrors", "Start again from new small weights")),
                Fix("reset_weights"),
                "activations",
            )
    return None


def vanishing(run: Run) -> Hint | None:
    names = [layer.activation.name for layer in run.network.layers[:-1]]
    sigmoids = [i for i, name in enumerate(names) if name == "sigmoid"]
    if len(sigmoids) < 3:
        return None
    return Hint(
        "vanishing",
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{count} hidden layers use sigmoid, whose slope is at most 0.25",
            ),
            count=len(sigmoids),
        ),
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "Backpropagation multiplies δ by f′(z) once per layer: through {count} "
                "sigmoid layers the first layer's gradient is at most 0.25^{count} = "
                "{factor} of the last one's. ReLU's slope is 1.",
            ),
            count=len(sigmoids),
            factor=format_number(0.25 ** len(sigmoids), digits=2),
        ),
        Message(QT_TRANSLATE_NOOP("EngineErrors", "Use ReLU in the hidden layers")),
        Fix("activation", layers=tuple(sigmoids), activation="relu"),
        "activations",
    )


# -- the data and the start ---------------------------------------------------------


def unscaled(run: Run) -> Hint | None:
    if run.X.size == 0:
        return None
    reach = np.abs(run.X).max(axis=0)
    worst = int(np.argmax(reach))
    if reach[worst] < 50:
        return None
    name = run.network.input_names[worst] if run.network.input_names else str(worst + 1)
    eta = run.config.learning_rate
    return Hint(
        "unscaled",
        Message(
            QT_TRANSLATE_NOOP("EngineErrors", "input {name} reaches {value}"),
            name=name,
            value=format_number(float(reach[worst])),
        ),
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "∂L/∂w is proportional to the input the weight multiplies: a step that "
                "suits a weight on a small input throws a weight on a large one far off. "
                "Standardised inputs (mean 0, spread 1) train evenly; until then, smaller "
                "steps help.",
            )
        ),
        *_rate_fix(nice_rate(eta / 10)),
        None,
    )


def symmetric(run: Run) -> Hint | None:
    for index, layer in enumerate(run.network.layers[:-1]):
        rows = np.column_stack([layer.weights, layer.biases])
        if len(rows) < 2:
            continue
        same = np.unique(rows, axis=0)
        if len(same) < len(rows):
            return Hint(
                "symmetric",
                Message(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors",
                        "{count} neurons of layer {layer} have exactly the same weights and bias",
                    ),
                    count=len(rows) - len(same) + 1,
                    layer=index + 1,
                ),
                Message(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors",
                        "Neurons that start alike compute the same z, get the same δ and "
                        "the same update: they stay alike for ever, so the layer works as "
                        "one neuron. Random starting weights break the tie.",
                    )
                ),
                Message(QT_TRANSLATE_NOOP("EngineErrors", "Start again from random weights")),
                Fix("reset_weights"),
                "backprop",
            )
    return None


#: Every rule, in the order hints are listed.
RULES: dict[str, Callable[[Run], Hint | None]] = {
    "lr_high": lr_high,
    "symmetric": symmetric,
    "dead_relu": dead_relu,
    "saturated": saturated,
    "vanishing": vanishing,
    "slow_output": slow_output,
    "unscaled": unscaled,
    "overfitting": overfitting,
    "lr_low": lr_low,
    "underfitting": underfitting,
}


def diagnose(run: Run, skip: Sequence[str] = ()) -> list[Hint]:
    """The hints that apply to ``run`` (rules named in ``skip`` are not asked)."""
    hints = []
    for name, rule in RULES.items():
        if name in skip:
            continue
        hint = rule(run)
        if hint is not None:
            hints.append(hint)
    return hints
