"""Read the linear layers and activations of an ONNX graph (see :mod:`.import_model`).

The graph is walked node by node along the one path from its input to its output.
Weights come from the graph's initializers and ``Constant`` nodes, each checked before
it becomes an array: stored in the file (not outside it), a floating-point type, no
more numbers than a network may have, and finite.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .errors import QT_TRANSLATE_NOOP, NetworkFileError
from .safetensors_io import checked_count

__all__ = ["read_graph"]

_CONVOLUTIONS = ("Conv", "ConvTranspose", "ConvInteger", "QLinearConv", "MaxPool", "AveragePool")
_SIMPLE = {"Sigmoid": "sigmoid", "Tanh": "tanh", "Relu": "relu", "Softsign": "softsign"}
_PASS_THROUGH = ("Identity", "Flatten", "Dropout")
_SUPPORTED = "Gemm, MatMul, Add, Sigmoid, Tanh, Relu, LeakyRelu, PRelu, Softmax, Softsign, Clip"


def _array(onnx: Any, tensor: Any) -> np.ndarray:
    """A checked float64 array of an ONNX TensorProto."""
    name = tensor.name or "(constant)"
    if tensor.data_location == onnx.TensorProto.EXTERNAL:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "tensor {name}: its numbers are stored in another file, which NeuronGUI"
                " does not read; save the model with its weights inside",
            ),
            name=name,
        )
    kinds = (onnx.TensorProto.FLOAT, onnx.TensorProto.DOUBLE, onnx.TensorProto.FLOAT16)
    if tensor.data_type not in kinds:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "tensor {name}: numbers of type {dtype} are not read; save the weights as"
                " float32 or float64",
            ),
            name=name,
            dtype=onnx.TensorProto.DataType.Name(tensor.data_type),
        )
    dims = [int(d) for d in tensor.dims]
    count = checked_count(name, dims)
    try:
        values = onnx.numpy_helper.to_array(tensor).astype(np.float64)
    except Exception:  # raw data shorter or longer than its dims say
        values = None
    if values is None or values.size != count:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "tensor {name}: its data does not match its shape {shape}"
            ),
            name=name,
            shape=tuple(dims),
        )
    if not np.isfinite(values).all():
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "tensor {name}: a value is not a finite number (NaN or infinity)"
            ),
            name=name,
        )
    return values.reshape(dims)


def _unsupported(op: str) -> NetworkFileError:
    if op in _CONVOLUTIONS:
        return NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "the model has a convolution or pooling layer ({op}); NeuronGUI opens"
                " networks of linear layers only (multilayer perceptrons)",
            ),
            op=op,
        )
    return NetworkFileError(
        QT_TRANSLATE_NOOP(
            "EngineErrors",
            "the operator {op} cannot be represented in NeuronGUI, which opens linear layers"
            " and activations ({supported})",
        ),
        op=op,
        supported=_SUPPORTED,
    )


def _attr(onnx: Any, node: Any, name: str, default: Any) -> Any:
    for attribute in node.attribute:
        if attribute.name == name:
            return onnx.helper.get_attribute_value(attribute)
    return default


def read_graph(onnx: Any, model: Any) -> tuple[list[dict[str, Any]], list[Any]]:
    """The layers (weights, biases, alpha) and activation specs of ``model``'s graph."""
    graph = model.graph
    consts = {t.name: t for t in graph.initializer}
    inputs = [i.name for i in graph.input if i.name not in consts]
    if len(inputs) != 1 or len(graph.output) != 1:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "the model must have one input and one output")
        )
    current = inputs[0]
    layers: list[dict[str, Any]] = []
    acts: list[Any] = []
    values: dict[str, np.ndarray] = {}

    def const(name: str) -> np.ndarray:
        if name not in values:
            if name not in consts:
                raise NetworkFileError(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors",
                        "{name} is computed in the graph, not stored; NeuronGUI reads weights"
                        " stored in the file",
                    ),
                    name=name,
                )
            values[name] = _array(onnx, consts[name])
        return values[name]

    def activation(spec: Any) -> None:
        if not layers or acts[-1] is not None:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "an activation ({name}) without a linear layer before it"
                ),
                name=spec if isinstance(spec, str) else spec["name"],
            )
        acts[-1] = spec

    nodes = list(graph.node)
    for node in nodes:
        op, ins = node.op_type, list(node.input)
        if op == "Constant":
            value = _attr(onnx, node, "value", None)
            if value is None:
                raise _unsupported("Constant")
            consts[node.output[0]] = value
            continue
        if current not in ins:
            if op in _CONVOLUTIONS:
                raise _unsupported(op)
            continue  # a side computation (shapes): it must not feed the path
        if op in _PASS_THROUGH:
            pass
        elif op == "Gemm":
            if _attr(onnx, node, "transA", 0):
                raise _unsupported("Gemm(transA=1)")
            w = const(ins[1])
            w = w if _attr(onnx, node, "transB", 0) else w.T
            b = const(ins[2]) if len(ins) > 2 and ins[2] else np.zeros(len(w))
            w = w * _attr(onnx, node, "alpha", 1.0)
            b = np.broadcast_to(b * _attr(onnx, node, "beta", 1.0), (len(w),)).copy()
            layers.append({"weights": w, "biases": b})
            acts.append(None)
        elif op == "MatMul" and ins[0] == current:
            w = const(ins[1])
            if w.ndim != 2:
                raise _unsupported("MatMul")
            layers.append({"weights": w.T.copy(), "biases": np.zeros(w.shape[1])})
            acts.append(None)
        elif op == "Add" and layers and acts[-1] is None and len(ins) == 2:
            other = ins[1] if ins[0] == current else ins[0]
            bias = const(other)
            layers[-1]["biases"] = np.broadcast_to(
                layers[-1]["biases"] + bias.reshape(-1), layers[-1]["biases"].shape
            ).copy()
        elif op in _SIMPLE:
            activation(_SIMPLE[op])
        elif op == "LeakyRelu":
            # ONNX keeps α as float32: 0.2 arrives as 0.2000000029…; the shortest decimal
            # that rounds to the same float32 is the slope that was meant.
            slope = float(str(np.float32(_attr(onnx, node, "alpha", 0.01))))
            activation({"name": "leaky_relu", "slope": slope})
        elif op == "PRelu":
            activation("prelu")
            layers[-1]["alpha"] = np.broadcast_to(
                const(ins[1]).reshape(-1), layers[-1]["biases"].shape
            ).copy()
        elif op == "Softmax" and _attr(onnx, node, "axis", -1) in (-1, 1):
            activation("softmax")
        elif op == "Clip" and _clip_bounds(onnx, node, const) == (-1.0, 1.0):
            activation("hardtanh")
        elif op == "Abs":  # the softsign the app exports: z / (1 + |z|)
            activation("softsign")
            current = _skip_softsign(nodes, node, current)
            continue
        elif op == "GreaterOrEqual":  # the step the app exports: Cast(z >= 0)
            activation("step")
        elif op == "Cast" and acts and acts[-1] == "step":
            pass
        else:
            raise _unsupported(op)
        current = node.output[0]
    if current != graph.output[0].name:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "the model's output is not computed by a chain of layers from its input",
            )
        )
    return layers, [a if a is not None else "identity" for a in acts]


def _clip_bounds(onnx: Any, node: Any, const: Any) -> tuple[float, float]:
    ins = list(node.input)
    if len(ins) >= 3 and ins[1] and ins[2]:
        return float(const(ins[1]).reshape(-1)[0]), float(const(ins[2]).reshape(-1)[0])
    return float(_attr(onnx, node, "min", -math.inf)), float(_attr(onnx, node, "max", math.inf))


def _skip_softsign(nodes: list[Any], abs_node: Any, z: str) -> str:
    """The output of ``Div(z, Add(Abs(z), 1))`` that starts at ``abs_node``."""
    absolute = abs_node.output[0]
    add = next((n for n in nodes if n.op_type == "Add" and absolute in n.input), None)
    div = next(
        (
            n
            for n in nodes
            if n.op_type == "Div" and add is not None and list(n.input) == [z, add.output[0]]
        ),
        None,
    )
    if add is None or div is None:
        raise _unsupported("Abs")
    return div.output[0]  # (the walk passes Add and Div by: they do not take the output)
