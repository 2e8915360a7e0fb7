"""Structure edits the engine refuses say why in a translatable message."""

import pytest

from neurongui.engine import Network, structure
from neurongui.engine.errors import EngineError


@pytest.mark.parametrize(
    ("edit", "text"),
    [
        (
            lambda net: structure.remove_neuron(net, 0, 0),
            "hidden layer 1 has only one neuron; remove the layer instead",
        ),
        (lambda net: structure.remove_neuron(net, 1, 0), "layer 2 is not a hidden layer"),
        (lambda net: structure.add_neuron(net, 5), "layer 6 is not a hidden layer"),
        (lambda net: structure.remove_layer(net, 1), "layer 2 is not a hidden layer"),
        (
            lambda net: structure.insert_layer(net, 3, 2),
            "a hidden layer can be inserted at positions 1 to 2",
        ),
        (lambda net: structure.set_activation(net, 4, "tanh"), "the network has no layer 5"),
        (lambda net: structure.set_inputs(net, []), "a network needs at least one input"),
        (
            lambda net: structure.set_inputs(net, ["x₁", "x1"]),
            "unknown input feature 'x1'; choose from x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂",
        ),
        (
            lambda net: structure.set_inputs(net, ["x₁", "x₁"]),
            "the input feature x₁ is chosen twice",
        ),
    ],
)
def test_a_refused_structure_edit_raises_an_engine_error_that_says_why(edit, text):
    net = Network([2, 1, 1], seed=0)
    before = net.to_dict()
    with pytest.raises(EngineError) as info:
        edit(net)
    assert str(info.value) == text
    assert net.to_dict() == before


def test_a_missing_neuron_is_named_as_the_student_counts():
    with pytest.raises(EngineError, match=r"^hidden layer 1 has no neuron 4$"):
        structure.remove_neuron(Network([2, 3, 1], seed=0), 0, 3)
