"""Drills: the numbers of one forward and backward pass, asked one at a time.

A :class:`Drill` takes a network, one sample and the training settings, and works out
everything a student computes by hand for that sample (the textbook's notation, see
:mod:`neurongui.engine.textbook`):

======== ==============================================================
``z``     a neuron's weighted input  zⱼ = Σₖ wⱼₖ aₖ + bⱼ
``a``     its activation             aⱼ = f(zⱼ)
``loss``  the loss of the sample     L (½ Σ (ŷ − y)² for the square loss)
``delta`` a neuron's error           δⱼ = ∂L/∂zⱼ (output layer, then hidden layers)
``grad``  a weight's gradient        ∂L/∂wⱼₖ = δⱼ aₖ
``new_w`` the weight after one step  w − η ∂L/∂w (plain gradient descent)
======== ==============================================================

Each :class:`Question` carries the exact value, the formula, the worked line with the
numbers, and the values the classic slips give (a forgotten bias, a₂ for a₁, the
wrong derivative, the sign of the update, the ½ of the square loss…), so that
:func:`~neurongui.engine.answers.check_answer` can name the slip. Nothing here is Qt:
the window asks, this module knows the answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import textbook
from .answers import Verdict, check_answer
from .network import Layer, Network
from .numbers import format_number

__all__ = ["KINDS", "Drill", "Question"]

#: The quantities a drill asks for, in the order a forward and backward pass meets them.
KINDS = ("z", "a", "loss", "delta", "grad", "new_w")

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
#: A sum of more terms than this is written with its first terms and "…".
_TERMS_SHOWN = 4


@dataclass(frozen=True)
class Question:
    """One quantity to compute.

    Attributes
    ----------
    kind
        One of :data:`KINDS`.
    layer
        Index into ``network.layers`` (the first hidden layer is 0); -1 for the loss.
    neuron
        The neuron in that layer (0-based); 0 for the loss.
    source
        For ``grad`` and ``new_w``: the neuron of the layer below the weight comes
        from (0-based; an input for the first layer); else None.
    value
        The right value.
    symbol, formula, work
        The quantity's symbol (``z₁⁽¹⁾``), its formula in symbols, and the formula
        with the numbers put in and the result: the worked line shown after two tries.
    slips
        The value each classic slip gives, by name (``"no_bias"``, ``"a_swap"``…).
    given
        The numbers the computation starts from, as (symbol, value) pairs: what the
        student reads off the diagram (the first few of a long sum).
    """

    kind: str
    layer: int
    neuron: int
    source: int | None
    value: float
    symbol: str
    formula: str
    work: str
    slips: dict[str, float] = field(default_factory=dict)
    given: tuple[tuple[str, float], ...] = ()

    def __post_init__(self) -> None:
        # A slip that gives no number (a derivative of ±inf) cannot be typed.
        finite = {k: float(v) for k, v in self.slips.items() if np.isfinite(v)}
        object.__setattr__(self, "slips", finite)

    def check(self, text: str) -> Verdict:
        """Check a typed answer (to the digits the window shows; slips named)."""
        return check_answer(text, self.value, self.slips)


class Drill:
    """Every hand-computable number of one sample's forward and backward pass.

    Parameters
    ----------
    network
        The network (copied: later edits to it do not change the drill).
    x, y
        One sample's inputs (n_in,) and targets (n_out,).
    loss
        ``"mse"``, ``"bce"`` or ``"cross_entropy"``.
    learning_rate
        η of the ``new_w`` questions (one step of plain gradient descent).
    """

    def __init__(
        self, network: Network, x: np.ndarray, y: np.ndarray, loss: str, learning_rate: float
    ) -> None:
        self.network = network.copy()
        self.x = np.asarray(x, dtype=float).reshape(-1)
        self.y = np.asarray(y, dtype=float).reshape(-1)
        self.loss = loss
        self.eta = float(learning_rate)
        with np.errstate(all="ignore"):  # typed weights of 1e308: ±inf, shown as such
            zs, acts = textbook.forward(self.network, self.x[:, None])
            self.z = [z[:, 0] for z in zs]
            #: a[0] is x; a[l + 1] is the activation of layer l.
            self.a = [a[:, 0] for a in acts]
            self.deltas = self._deltas()

    # -- the numbers --------------------------------------------------------------

    def _deltas(self) -> list[np.ndarray]:
        layers = self.network.layers
        delta, dl_da = textbook._output_delta(
            layers[-1], self.z[-1][:, None], self.a[-1][:, None], self.y[:, None], self.loss, 1
        )
        #: ∂L/∂ŷ of the output neurons (None for the natural pairs, where δ = ŷ − y).
        self.dl_da = None if dl_da is None else dl_da[:, 0]
        deltas = [delta[:, 0]]
        for l in range(len(layers) - 1, 0, -1):  # noqa: E741 (the textbook's letter)
            below = layers[l - 1]
            prime = textbook._f_prime(below, self.z[l - 1][:, None])[:, 0]
            deltas.insert(0, (layers[l].weights.T @ deltas[0]) * prime)
        return deltas

    def loss_value(self) -> float:
        """L of the sample, as the engine computes it."""
        return _loss(self.loss, self.a[-1], self.y)

    def gradient(self, layer: int, neuron: int, source: int) -> float:
        """∂L/∂w of the weight from ``source`` to ``neuron`` in ``layer``."""
        return float(self.deltas[layer][neuron] * self.a[layer][source])

    # -- the questions ----------------------------------------------------------------

    def questions(self, per_layer: int = 2) -> list[Question]:
        """The drill in the order of a forward then a backward pass.

        At most ``per_layer`` neurons of each layer (and weights of each neuron) are
        asked, so that a 784-30-10 network still makes a drill of a few minutes.
        """
        out: list[Question] = []
        layers = self.network.layers
        for l in range(len(layers)):  # noqa: E741
            for j in range(min(per_layer, layers[l].n_out)):
                out += [self.question("z", l, j), self.question("a", l, j)]
        out.append(self.question("loss", -1, 0))
        for l in range(len(layers) - 1, -1, -1):  # noqa: E741
            for j in range(min(per_layer, layers[l].n_out)):
                out.append(self.question("delta", l, j))
        for l in range(len(layers) - 1, -1, -1):  # noqa: E741
            out.append(self.question("grad", l, 0, 0))
            out.append(self.question("new_w", l, 0, 0))
        return out

    def random_question(self, rng: np.random.Generator) -> Question:
        """A question of a random kind about a random neuron (and weight)."""
        kind = str(rng.choice(KINDS))
        if kind == "loss":
            return self.question("loss", -1, 0)
        layer = int(rng.integers(len(self.network.layers)))
        n_in, n_out = self.network.layers[layer].n_in, self.network.layers[layer].n_out
        source = int(rng.integers(n_in)) if kind in ("grad", "new_w") else None
        return self.question(kind, layer, int(rng.integers(n_out)), source)

    def question(self, kind: str, layer: int, neuron: int, source: int | None = None) -> Question:
        """The question of ``kind`` about one neuron (and, for weights, its ``source``)."""
        # As in the pass itself: the slips of typed weights of 1e308 (w·x with the
        # inputs swapped, say) overflow to ±inf, which no answer matches.
        with np.errstate(all="ignore"):
            if kind == "loss":
                return self._loss_question()
            if kind in ("grad", "new_w"):
                return self._weight_question(kind, layer, neuron, 0 if source is None else source)
            make = {"z": self._z_question, "a": self._a_question, "delta": self._delta_question}
            return make[kind](layer, neuron)

    def _z_question(self, l: int, j: int) -> Question:  # noqa: E741
        layer = self.network.layers[l]
        w, b, a_in = layer.weights[j], float(layer.biases[j]), self.a[l]
        value = float(self.z[l][j])
        terms = [(_sym("w", l, j, k), _sym_a(l, k)) for k in range(layer.n_in)]
        formula = f"{_sym('z', l, j)} = {_sum([f'{p}·{q}' for p, q in terms])} + {_sym('b', l, j)}"
        numbers = [f"{_n(w[k], k > 0)} × {_n(a_in[k], True)}" for k in range(layer.n_in)]
        shown = range(min(layer.n_in, _TERMS_SHOWN))
        given = [g for k in shown for g in ((terms[k][0], w[k]), (terms[k][1], a_in[k]))]
        given.append((_sym("b", l, j), b))
        work = f"{_sym('z', l, j)} = {_sum(numbers)} + {_n(b, True)} = {_n(value)}"
        slips = {"no_bias": value - b, "gave_a": float(self.a[l + 1][j])}
        if layer.n_in >= 2:
            swapped = a_in.copy()
            swapped[[0, 1]] = swapped[[1, 0]]
            slips["a_swap"] = float(w @ swapped + b)
        if layer.n_out >= 2:
            slips["other_neuron"] = float(self.z[l][1 - j if j < 2 else j - 1])
        return Question("z", l, j, None, value, _sym("z", l, j), formula, work, slips, _g(given))

    def _a_question(self, l: int, j: int) -> Question:  # noqa: E741
        layer = self.network.layers[l]
        z, value = float(self.z[l][j]), float(self.a[l + 1][j])
        name = layer.activation.name
        if name == "softmax":
            zs = self.z[l]
            exps = " + ".join(f"e^{_n(v, True)}" for v in zs[:_TERMS_SHOWN])
            more = " + …" if len(zs) > _TERMS_SHOWN else ""
            formula = f"{_sym('a', l, j)} = e^{_sym('z', l, j)} / Σₖ e^{_sym('z', l, 'k')}"
            work = f"{_sym('a', l, j)} = e^{_n(z, True)} / ({exps}{more}) = {_n(value)}"
        else:
            formula = f"{_sym('a', l, j)} = {name}({_sym('z', l, j)})"
            work = f"{_sym('a', l, j)} = {name}({_n(z)}) = {_n(value)}"
        given = [(_sym("z", l, k), self.z[l][k]) for k in range(layer.n_out)]
        given = given[:_TERMS_SHOWN] if name == "softmax" else [given[j]]
        slips = {"gave_z": z}
        other = {"sigmoid": "tanh", "tanh": "sigmoid"}.get(name)
        if other is not None:
            slips["other_function"] = float(np.tanh(z) if other == "tanh" else _sigmoid(z))
        return Question("a", l, j, None, value, _sym("a", l, j), formula, work, slips, _g(given))

    def _loss_question(self) -> Question:
        y_hat, y, value = self.a[-1], self.y, self.loss_value()
        pairs = list(zip(y_hat, y, strict=True))
        if self.loss == "mse":
            formula = "L = ½ Σⱼ (ŷⱼ − yⱼ)²"
            terms = [f"({_n(p)} − {_n(t, True)})²" for p, t in pairs]
            work = f"L = ½ × ({_sum(terms, '+')}) = {_n(value)}"
            slips = {"no_half": 2 * value, "no_square": float(0.5 * np.abs(y_hat - y).sum())}
        elif self.loss == "bce":
            formula = "L = −[y ln ŷ + (1 − y) ln(1 − ŷ)]"
            p, t = pairs[0]
            work = f"L = −[{_n(t)} × ln {_n(p)} + {_n(1 - t)} × ln {_n(1 - p)}] = {_n(value)}"
            slips = {"log10": value / np.log(10), "sign": -value}
        else:
            formula = "L = −Σⱼ yⱼ ln ŷⱼ"
            terms = [f"{_n(t)} × ln {_n(p)}" for p, t in pairs if t != 0] or ["0"]
            work = f"L = −({_sum(terms, '+')}) = {_n(value)}"
            every = float(-np.log(np.clip(y_hat, 1e-12, 1.0)).sum())
            slips = {"log10": value / np.log(10), "sign": -value, "all_classes": every}
        return Question("loss", -1, 0, None, value, "L", formula, work, slips, self._outputs())

    def _delta_question(self, l: int, j: int) -> Question:  # noqa: E741
        layers = self.network.layers
        layer = layers[l]
        value = float(self.deltas[l][j])
        z, a = float(self.z[l][j]), float(self.a[l + 1][j])
        d = _sym("δ", l, j)
        given = [(_sym("z", l, j), z)]
        prime_z = _prime(layer, j, z)
        prime_a = _prime(layer, j, a)
        if l == len(layers) - 1:
            y = float(self.y[j])
            given = [*self._outputs(), *given]
            if self.dl_da is None:  # a natural pair: δ = ŷ − y
                formula = f"{d} = ŷ{str(j + 1).translate(_SUB)} − y{str(j + 1).translate(_SUB)}"
                work = f"{d} = {_n(a)} − {_n(y, True)} = {_n(value)}"
                slips = {"sign": -value, "with_derivative": value * prime_z}
            elif layer.activation.name == "softmax":  # every output's a depends on zⱼ
                g, p = self.dl_da, self.a[-1]
                mixed = float(g @ p)
                formula = f"{d} = ŷⱼ (∂L/∂ŷⱼ − Σₖ ŷₖ ∂L/∂ŷₖ)"
                work = f"{d} = {_n(a)} × ({_n(g[j])} − {_n(mixed, True)}) = {_n(value)}"
                slips = {"sign": -value, "no_derivative": float(g[j]), "no_sum": a * float(g[j])}
            else:
                dl_da = float(self.dl_da[j])
                formula = f"{d} = ∂L/∂{_sym('a', l, j)} · f′({_sym('z', l, j)})"
                work = f"{d} = {_n(dl_da)} × {_n(prime_z, True)} = {_n(value)}"
                slips = {"sign": -value, "no_derivative": dl_da, "derivative_at_a": dl_da * prime_a}
        else:
            above = layers[l + 1]
            back = float(above.weights[:, j] @ self.deltas[l + 1])
            terms = [(_sym("w", l + 1, k, j), _sym("δ", l + 1, k)) for k in range(above.n_out)]
            formula = f"{d} = ({_sum([f'{p}·{q}' for p, q in terms])}) · f′({_sym('z', l, j)})"
            nums = [
                f"{_n(above.weights[k, j], k > 0)} × {_n(self.deltas[l + 1][k], True)}"
                for k in range(above.n_out)
            ]
            shown = range(min(above.n_out, _TERMS_SHOWN))
            given = [
                g
                for k in shown
                for g in ((terms[k][0], above.weights[k, j]), (terms[k][1], self.deltas[l + 1][k]))
            ] + given
            work = f"{d} = ({_sum(nums)}) × {_n(prime_z, True)} = {_n(value)}"
            slips = {"sign": -value, "no_derivative": back, "derivative_at_a": back * prime_a}
            if layer.n_out >= 2:  # the row of W instead of its column
                other = 1 - j if j < 2 else j - 1
                slips["other_weights"] = (
                    float(above.weights[:, other] @ self.deltas[l + 1]) * prime_z
                )
        return Question("delta", l, j, None, value, d, formula, work, slips, _g(given))

    def _weight_question(self, kind: str, l: int, j: int, k: int) -> Question:  # noqa: E741
        layer = self.network.layers[l]
        delta, a_in = float(self.deltas[l][j]), self.a[l]
        grad = self.gradient(l, j, k)
        w = float(layer.weights[j, k])
        dw = f"∂L/∂{_sym('w', l, j, k)}"
        slips = {"sign": -grad, "gave_delta": delta}
        if layer.n_in >= 2:
            slips["a_swap"] = delta * float(a_in[1 - k if k < 2 else k - 1])
        if kind == "grad":
            formula = f"{dw} = {_sym('δ', l, j)} · {_sym_a(l, k)}"
            work = f"{dw} = {_n(delta)} × {_n(a_in[k], True)} = {_n(grad)}"
            slips["own_output"] = delta * float(self.a[l + 1][j])
            given = _g([(_sym("δ", l, j), delta), (_sym_a(l, k), a_in[k])])
            return Question(kind, l, j, k, grad, dw, formula, work, slips, given)
        value = w - self.eta * grad
        symbol = _sym("w", l, j, k)
        formula = f"{symbol} ← {symbol} − η · {dw}"
        work = f"{symbol} ← {_n(w)} − {_n(self.eta)} × {_n(grad, True)} = {_n(value)}"
        slips = {
            "sign_update": w + self.eta * grad,
            "no_rate": w - grad,
            "step_only": -self.eta * grad,
        }
        given = _g([(symbol, w), ("η", self.eta), (dw, grad)])
        return Question(kind, l, j, k, value, symbol, formula, work, slips, given)

    def _outputs(self) -> tuple[tuple[str, float], ...]:
        """ŷ and y of the output neurons (the first few)."""
        shown = range(min(len(self.y), _TERMS_SHOWN))
        sub = [str(j + 1).translate(_SUB) for j in shown]
        return _g(
            [(f"ŷ{sub[j]}", self.a[-1][j]) for j in shown]
            + [(f"y{sub[j]}", self.y[j]) for j in shown]
        )


# -- helpers -------------------------------------------------------------------------


def _g(
    pairs: list[tuple[str, float]] | list[tuple[str, np.floating]],
) -> tuple[tuple[str, float], ...]:
    return tuple((symbol, float(value)) for symbol, value in pairs)


def _n(value: float, parenthesise: bool = False) -> str:
    return format_number(float(value), parenthesise)


def _sum(terms: list[str], plus: str = "+") -> str:
    if len(terms) > _TERMS_SHOWN:
        more = len(terms) - _TERMS_SHOWN + 1
        terms = [*terms[: _TERMS_SHOWN - 1], f"… ({more})"]
    return f" {plus} ".join(terms)


def _sym(letter: str, layer: int, *indices: int | str) -> str:
    """``z₁⁽¹⁾``: the letter, the neuron's index (from 1) and its layer's (from 1)."""
    subscript = "".join(str(i + 1 if isinstance(i, int) else i) for i in indices)
    return f"{letter}{subscript.translate(_SUB)}{f'({layer + 1})'.translate(_SUP)}"


def _sym_a(layer: int, k: int) -> str:
    """aₖ of the layer below ``layer``: an input xₖ for the first layer."""
    return f"x{str(k + 1).translate(_SUB)}" if layer == 0 else _sym("a", layer - 1, k)


def _prime(layer: Layer, j: int, z: float) -> float:
    """f′ at ``z`` for neuron ``j`` of ``layer`` (softmax: its own aⱼ(1 − aⱼ))."""
    if layer.activation.name == "softmax":
        return float("nan")
    column = np.full((layer.n_out, 1), z)
    return float(textbook._f_prime(layer, column)[j, 0])


def _sigmoid(z: float) -> float:
    # z floored at −700 as the engine's sigmoid does: e^(−z) of a tanh neuron's typed
    # z of −1e6 overflowed (a warning).
    return float(1.0 / (1.0 + np.exp(-max(z, -700.0))))


def _loss(kind: str, y_hat: np.ndarray, y: np.ndarray) -> float:
    from . import losses

    return float(losses.get(kind).value(y_hat[None, :], y[None, :]))
