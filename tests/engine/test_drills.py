"""Drills: every number a drill accepts is the engine's, and each slip is named."""

import numpy as np
import pytest

from neurongui.engine.drills import KINDS, Drill
from neurongui.engine.network import Network


def mazur() -> Network:
    """Matt Mazur's worked example (lesson 5): 2-2-2 sigmoid, x = (0.05, 0.1)."""
    net = Network([2, 2, 2], "sigmoid", seed=0)
    hidden, out = net.layers
    hidden.weights = np.array([[0.15, 0.2], [0.25, 0.3]])
    hidden.biases = np.array([0.35, 0.35])
    out.weights = np.array([[0.4, 0.45], [0.5, 0.55]])
    out.biases = np.array([0.6, 0.6])
    return net


def mazur_drill() -> Drill:
    return Drill(mazur(), np.array([0.05, 0.1]), np.array([0.01, 0.99]), "mse", 0.5)


def test_the_worked_example_numbers():
    drill = mazur_drill()
    assert drill.question("z", 0, 0).check("0.3775").right
    assert drill.question("a", 0, 0).check("0.5933").right
    assert drill.question("loss", -1, 0).check("0.2984").right
    # ∂L/∂w₅ of the text: the first output neuron's weight from the first hidden one.
    assert drill.question("grad", 1, 0, 0).check("0.08217").right
    assert drill.question("new_w", 1, 0, 0).check("0.3589").right


@pytest.mark.parametrize(
    ("kind", "where", "typed", "slip"),
    [
        ("z", (0, 0), "0.0275", "no_bias"),  # 0.3775 − b
        ("z", (0, 0), "0.5933", "gave_a"),
        ("z", (0, 0), "0.375", "a_swap"),  # 0.15 × 0.1 + 0.2 × 0.05 + 0.35 (a₂ for a₁)
        ("a", (0, 0), "0.3775", "gave_z"),
        ("a", (0, 0), "0.3605", "other_function"),  # tanh(0.3775)
        ("loss", (-1, 0), "0.5967", "no_half"),
        ("delta", (1, 0), "-0.1385", "sign"),
        ("delta", (1, 0), "0.7414", "no_derivative"),  # ŷ − y without σ′(z)
        ("new_w", (1, 0, 0), "0.4411", "sign_update"),
        ("new_w", (1, 0, 0), "0.3178", "no_rate"),
        ("grad", (1, 0, 0), "-0.08217", "sign"),
    ],
)
def test_classic_slips_are_named(kind, where, typed, slip):
    verdict = mazur_drill().question(kind, *where).check(typed)
    assert verdict.kind == "slip" and verdict.slip == slip


def test_neighbouring_weights_do_not_pass_for_each_other():
    drill = mazur_drill()
    w5, w6 = drill.question("grad", 1, 0, 0), drill.question("grad", 1, 0, 1)
    assert not w5.check(f"{w6.value:.4g}").right
    assert not w6.check(f"{w5.value:.4g}").right


NETWORKS = [
    ([2, 3, 1], ["tanh", "sigmoid"], "bce"),
    ([3, 4, 3], ["relu", "softmax"], "cross_entropy"),
    ([2, 3, 2, 2], ["sigmoid", "tanh", "sigmoid"], "mse"),
    ([2, 3, 3], ["prelu", "softmax"], "mse"),  # softmax with the square loss: no shortcut
    ([4, 2, 1], ["softsign", "identity"], "mse"),
]


@pytest.mark.parametrize(("sizes", "acts", "loss"), NETWORKS)
def test_every_value_is_the_engines(sizes, acts, loss):
    rng = np.random.default_rng(sum(sizes))
    net = Network(sizes, acts, seed=3)
    x = rng.normal(size=sizes[0])
    y = np.eye(sizes[-1])[1] if sizes[-1] > 1 else np.array([1.0])
    drill = Drill(net, x, y, loss, 0.3)
    trace = net.forward_trace(x[None, :])
    grads = net.gradients(x[None, :], y[None, :], loss)
    for question in drill.questions(per_layer=3):
        layer, j, k = question.layer, question.neuron, question.source
        if question.kind == "z":
            expected = trace[layer][0][0, j]
        elif question.kind == "a":
            expected = trace[layer][1][0, j]
        elif question.kind == "loss":
            expected = net.loss(x[None, :], y[None, :], loss)
        elif question.kind == "delta":
            expected = grads[layer]["biases"][j]  # ∂L/∂b = δ for one sample
        elif question.kind == "grad":
            expected = grads[layer]["weights"][j, k]
        else:
            expected = net.layers[layer].weights[j, k] - 0.3 * grads[layer]["weights"][j, k]
        assert question.value == pytest.approx(expected, rel=1e-12, abs=1e-15), question


@pytest.mark.parametrize(("sizes", "acts", "loss"), NETWORKS)
def test_weight_gradients_match_finite_differences(sizes, acts, loss):
    rng = np.random.default_rng(7)
    net = Network(sizes, acts, seed=5)
    x, y = rng.normal(size=sizes[0]), np.eye(sizes[-1])[0]
    drill = Drill(net, x, y, loss, 0.1)
    h = 1e-6
    for l, layer in enumerate(net.layers):  # noqa: E741
        for j in range(layer.n_out):
            for k in range(layer.n_in):
                w = layer.weights[j, k]
                plus, minus = net.copy(), net.copy()
                plus.set_weight(l, j, k, w + h)
                minus.set_weight(l, j, k, w - h)
                numeric = plus.loss(x[None], y[None], loss) - minus.loss(x[None], y[None], loss)
                assert drill.gradient(l, j, k) == pytest.approx(numeric / (2 * h), abs=1e-7)


def test_a_drill_is_not_changed_by_later_edits():
    net = mazur()
    drill = Drill(net, np.array([0.05, 0.1]), np.array([0.01, 0.99]), "mse", 0.5)
    net.set_weight(0, 0, 0, 9.0)
    assert drill.question("z", 0, 0).check("0.3775").right


def test_worked_lines_carry_the_numbers():
    drill = mazur_drill()
    z = drill.question("z", 0, 0)
    assert z.work == "z₁⁽¹⁾ = 0.15 × 0.05 + 0.2 × 0.1 + 0.35 = 0.3775"
    assert z.formula == "z₁⁽¹⁾ = w₁₁⁽¹⁾·x₁ + w₁₂⁽¹⁾·x₂ + b₁⁽¹⁾"
    assert drill.question("new_w", 1, 0, 0).work.endswith("= 0.3589")


def test_the_order_follows_the_passes_and_random_questions_cover_every_kind():
    drill = mazur_drill()
    kinds = [q.kind for q in drill.questions()]
    assert kinds.index("loss") > max(i for i, k in enumerate(kinds) if k == "a")
    assert kinds.index("loss") < kinds.index("delta") < kinds.index("grad")
    rng = np.random.default_rng(0)
    seen = {drill.random_question(rng).kind for _ in range(200)}
    assert seen == set(KINDS)


def test_a_large_layer_makes_a_short_drill_with_a_readable_sum():
    net = Network([784, 30, 10], ["sigmoid", "sigmoid"], seed=1)
    x = np.linspace(0, 1, 784)
    drill = Drill(net, x, np.eye(10)[3], "mse", 3.0)
    questions = drill.questions()
    assert len(questions) < 20
    assert "… (781)" in questions[0].work and len(questions[0].work) < 120


def test_given_numbers_are_what_the_worked_line_uses_and_negatives_are_bracketed():
    net = mazur()
    net.set_weight(0, 0, 1, -0.2)
    drill = Drill(net, np.array([0.05, 0.1]), np.array([0.01, 0.99]), "mse", 0.5)
    z = drill.question("z", 0, 0)
    assert z.given == (
        ("w₁₁⁽¹⁾", 0.15),
        ("x₁", 0.05),
        ("w₁₂⁽¹⁾", -0.2),
        ("x₂", 0.1),
        ("b₁⁽¹⁾", 0.35),
    )
    assert z.work == "z₁⁽¹⁾ = 0.15 × 0.05 + (−0.2) × 0.1 + 0.35 = 0.3375"
    new_w = drill.question("new_w", 1, 0, 0)
    assert [symbol for symbol, _ in new_w.given] == ["w₁₁⁽²⁾", "η", "∂L/∂w₁₁⁽²⁾"]
    hidden = drill.question("delta", 0, 0)
    assert ("δ₁⁽²⁾", drill.deltas[1][0]) in hidden.given


def test_the_other_function_slip_of_a_hugely_negative_tanh_z_is_the_engines_sigmoid():
    """Found by the random test: σ(z) of the slip overflowed in e^(−z) at z = −1e6."""
    net = Network([2, 1, 1], ["tanh", "sigmoid"], seed=0)
    net.layers[0].biases[:] = -1e6
    question = Drill(net, np.array([0.5, 0.5]), np.array([1.0]), "mse", 0.5).question("a", 0, 0)
    assert question.value == -1.0  # tanh(−1e6)
    sigmoid = Network([1, 1], "sigmoid").layers[0].activation
    # σ(−1e6) as the engine gives it (σ(−700), about 1e−304: zero for every purpose).
    assert question.slips["other_function"] == sigmoid.forward(np.array([-1e6]))[0] < 1e-300


def test_every_question_of_a_weight_of_minus_1e308_is_asked_without_a_warning():
    """Found by the random test: the swapped-inputs slip w·x overflowed in the matmul."""
    net = Network([2, 2, 1], "tanh", seed=0)
    net.layers[0].weights[0] = [-1e308, -1e308]
    drill = Drill(net, np.array([2.0, 1.5]), np.array([1.0]), "mse", 0.5)
    question = drill.question("z", 0, 0)
    assert question.value == -np.inf  # −1e308·2 − 1e308·1.5: shown as −∞
    assert "a_swap" not in question.slips  # −∞ too: not a slip to name
    assert len(drill.questions()) == 14  # the whole pass, every question asked
