"""The fitting rules of the coach (:mod:`.diagnostics`): a network that learns its
training data but not the test data, one too small (or held back by dropout) for the
data, and an output whose loss learns slowly.
"""

from __future__ import annotations

import numpy as np

from .errors import QT_TRANSLATE_NOOP, Message
from .numbers import format_number, format_percent
from .run_health import (
    WINDOW,
    Fix,
    Hint,
    Run,
    nice_rate,
    train_losses,
)

__all__ = ["overfitting", "slow_output", "underfitting"]


def overfitting(run: Run) -> Hint | None:
    span = 2 * WINDOW
    tests = [r.test_loss for r in run.history[-span:]]
    if len(tests) < span or any(t is None for t in tests):
        return None
    # Averages over 5 epochs: a small test set's loss jumps from epoch to epoch.
    test = np.convolve(np.array(tests, dtype=float), np.ones(5) / 5, mode="valid")
    train = np.convolve(train_losses(run)[-span:], np.ones(5) / 5, mode="valid")
    best = int(np.argmin(test))
    # A clear widening: the test loss up by a quarter, the training loss down by 5 %.
    if best > len(test) - 8 or test[-1] < 1.25 * test[best] or train[-1] > 0.95 * train[best]:
        return None
    rate = run.config.regularization_rate
    new_rate = nice_rate(max(rate * 10, 1e-3)) if run.config.regularization == "l2" else 1e-3
    return Hint(
        "overfitting",
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "averaged over 5 epochs, the test loss rose from {best} to {now} in the "
                "last {epochs} epochs while the training loss fell from {train_then} to "
                "{train_now}",
            ),
            best=format_number(test[best]),
            now=format_number(test[-1]),
            epochs=len(test) - 1 - best,
            train_then=format_number(train[best]),
            train_now=format_number(train[-1]),
        ),
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "The network is learning the training samples' noise, not the pattern: "
                "it gets better on them and worse on new data. L2 regularisation keeps the "
                "weights small, which smooths what the network can draw.",
            )
        ),
        Message(
            QT_TRANSLATE_NOOP("EngineErrors", "Use L2 regularisation with λ = {rate}"),
            rate=format_number(new_rate),
        ),
        Fix("settings", {"regularization": "l2", "regularization_rate": new_rate}),
        None,
    )


def underfitting(run: Run) -> Hint | None:
    if len(run.history) < 10 * WINDOW or run.task == "regression":
        return None
    acc = run.history[-1].train_accuracy
    loss = train_losses(run)[-2 * WINDOW :]
    hidden = run.network.sizes[1:-1]
    if acc is None or acc >= 0.8 or sum(hidden) > 8 or (loss[0] - loss[-1]) > 0.01 * loss[0]:
        return None
    if run.config.uses_dropout and hidden:
        return _dropout_underfitting(run, acc, sum(hidden))
    fix = Fix("add_neurons", layers=(0,), count=max(hidden[0], 2)) if hidden else Fix("add_layer")
    action = (
        Message(
            QT_TRANSLATE_NOOP("EngineErrors", "Add {count} neurons to hidden layer 1"),
            count=fix.count,
        )
        if hidden
        else Message(QT_TRANSLATE_NOOP("EngineErrors", "Add a hidden layer"))
    )
    return Hint(
        "underfitting",
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "after {epochs} epochs the training accuracy is {accuracy} and no longer "
                "rising, with {hidden} hidden neurons",
            ),
            epochs=len(run.history),
            accuracy=format_percent(acc),
            hidden=sum(hidden),
        ),
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "Each hidden neuron adds one line (one bend) to the boundary the network "
                "can draw. Too few cannot follow the data, however long they train.",
            )
        ),
        action,
        fix,
        "perceptron",
    )


def _dropout_underfitting(run: Run, accuracy: float, hidden: int) -> Hint:
    """Underfitting of a small network that drops neurons: the dropout is the cause
    (the same network without it may well learn), so the fix is to lower it."""
    rate = max(run.config.dropout_rates(len(run.network.layers)))  # the highest rate
    return Hint(
        "underfitting",
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "after {epochs} epochs the training accuracy is {accuracy} and no longer "
                "rising, with {hidden} hidden neurons and dropout {rate}",
            ),
            epochs=len(run.history),
            accuracy=format_percent(accuracy),
            hidden=hidden,
            rate=format_number(rate),
        ),
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "Dropout switches off each hidden neuron with probability {rate} at every "
                "step. With so few neurons, too few are left to draw the boundary: dropout "
                "suits networks with many more neurons than the data needs.",
            ),
            rate=format_number(rate),
        ),
        Message(QT_TRANSLATE_NOOP("EngineErrors", "Turn dropout off")),
        Fix("settings", {"dropout": 0.0}),
        None,
    )


def slow_output(run: Run) -> Hint | None:
    out = run.network.layers[-1].activation.name
    if run.config.loss != "mse" or out not in ("sigmoid", "softmax") or run.task == "regression":
        return None
    with np.errstate(all="ignore"):
        y_hat = run.network.forward(run.X)
    slope = y_hat * (1 - y_hat)  # σ′ and softmax's own ∂aⱼ/∂zⱼ
    stuck = ((slope < 0.01) & (np.abs(y_hat - run.Y) > 0.5)).any(axis=1).mean()
    if stuck < 0.2:
        return None
    good = "bce" if out == "sigmoid" else "cross_entropy"
    return Hint(
        "slow_output",
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "{share} of the samples get a confident wrong answer from the {activation} "
                "output, where its slope is under 0.01",
            ),
            share=format_percent(float(stuck)),
            activation=out,
        ),
        Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "With the square loss, δ = (ŷ − y) f′(z): the more confidently wrong the "
                "output, the flatter f and the slower it learns. With cross-entropy f′ "
                "cancels out and δ = ŷ − y.",
            )
        ),
        Message(QT_TRANSLATE_NOOP("EngineErrors", "Use the cross-entropy loss")),
        Fix("settings", {"loss": good}),
        "softmax",
    )
