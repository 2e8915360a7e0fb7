"""A tiny computational graph for teaching the chain rule.

Each :class:`Node` holds its forward value and, after :func:`backward`, the
gradient ∂f/∂node of the graph's output f. Every edge parent → child carries the
local derivative ∂child/∂parent; the gradient that flows back along it is
∂f/∂child · ∂child/∂parent (the chain rule), and a node's gradient is the sum of
what flows back along all its outgoing edges.

The classic example (Stanford CS231n) is f(x, y, z) = (x + y)·z at x = −2, y = 5,
z = −4::

    g = example_graph()   # q = x + y = 3, f = q·z = −12
    backward(g["f"])      # ∂f/∂x = ∂f/∂y = z = −4, ∂f/∂z = q = 3

NumPy-free and Qt-free on purpose: scalars only, exact for these operations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

__all__ = ["Edge", "Node", "add", "backward", "edges", "example_graph", "mul", "sigmoid", "var"]


@dataclass(eq=False)
class Node:
    """One value in the graph: an input (``op == "input"``) or an operation's result."""

    name: str
    op: str
    value: float
    parents: tuple[Node, ...] = ()
    #: ∂child/∂parent for each parent, in the order of :attr:`parents`.
    local: tuple[float, ...] = ()
    grad: float = field(default=0.0)

    def __repr__(self) -> str:
        return f"Node({self.name}={self.value:g}, grad={self.grad:g})"


@dataclass(frozen=True)
class Edge:
    """An edge parent → child with its local derivative and the gradient it carries back."""

    parent: Node
    child: Node
    local: float

    @property
    def gradient(self) -> float:
        """∂f/∂child · ∂child/∂parent: this edge's share of ∂f/∂parent."""
        return self.child.grad * self.local


def _number(name: str, value: float) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return number


def var(name: str, value: float) -> Node:
    """An input of the graph."""
    return Node(name, "input", _number(name, value))


def add(a: Node, b: Node, name: str) -> Node:
    """a + b; both local derivatives are 1 (an add gate passes the gradient on)."""
    return Node(name, "+", a.value + b.value, (a, b), (1.0, 1.0))


def mul(a: Node, b: Node, name: str) -> Node:
    """a·b; ∂/∂a = b and ∂/∂b = a (a multiply gate swaps its inputs)."""
    return Node(name, "×", a.value * b.value, (a, b), (b.value, a.value))


def sigmoid(a: Node, name: str) -> Node:
    """σ(a) = 1 / (1 + e^(−a)); ∂/∂a = σ(a)(1 − σ(a))."""
    s = 0.5 * (1.0 + math.tanh(0.5 * a.value))  # the same as 1/(1+e^−a), without overflow
    return Node(name, "σ", s, (a,), (s * (1.0 - s),))


def _topological(output: Node) -> list[Node]:
    """Nodes from the inputs to ``output``, each after all of its parents."""
    order: list[Node] = []
    seen: set[int] = set()
    stack: list[tuple[Node, bool]] = [(output, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
        elif id(node) not in seen:
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((p, False) for p in node.parents)
    return order


def backward(output: Node) -> dict[str, float]:
    """Fill in ∂output/∂node for every node; return them by name.

    ∂f/∂f = 1 starts the pass; each node then hands ∂f/∂node · local derivative to
    its parents, visiting nodes from the output back to the inputs.
    """
    order = _topological(output)
    for node in order:
        node.grad = 0.0
    output.grad = 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local, strict=True):
            parent.grad += node.grad * local
    return {node.name: node.grad for node in order}


def edges(output: Node) -> list[Edge]:
    """Every edge of the graph feeding ``output``, inputs first."""
    return [
        Edge(parent, node, local)
        for node in _topological(output)
        for parent, local in zip(node.parents, node.local, strict=True)
    ]


def example_graph(x: float = -2.0, y: float = 5.0, z: float = -4.0) -> dict[str, Node]:
    """f(x, y, z) = (x + y)·z with the intermediate q = x + y, nodes by name."""
    nx, ny, nz = var("x", x), var("y", y), var("z", z)
    q = add(nx, ny, "q")
    f = mul(q, nz, "f")
    return {"x": nx, "y": ny, "z": nz, "q": q, "f": f}
