"""Export a network as an ONNX model, through the optional ``onnx`` package.

The graph takes ``x``, a float64 batch (n, n_in), and gives ``y`` (n, n_out), the
app's outputs: each layer is a ``Gemm`` (z = x Wᵀ + b, with W in the app's (n_out,
n_in) layout and ``transB=1``) followed by its activation's operator. ONNX has most of
the app's activations; the rest are built from basic operators:

=========== ==================================================
identity    nothing
step        Cast(GreaterOrEqual(z, 0))
sigmoid     Sigmoid         tanh      Tanh        relu    Relu
leaky_relu  LeakyRelu(α = slope)
prelu       PRelu(z, α)     (α per neuron, an initializer)
rrelu       LeakyRelu(α = (l + u) / 2), its slope after training
hardtanh    Clip(z, −1, 1)
softsign    Div(z, Add(1, Abs(z)))  (onnxruntime has no float64 Softsign)
softmax     Softmax(axis = −1)
=========== ==================================================

The opset is :data:`OPSET` (17: onnxruntime since 1.11, PyTorch and Netron read it).
The model's metadata ``neurongui.activations`` keeps the activations as the app
describes them, so that importing the file back restores RReLU's range exactly.
The model is checked with ``onnx.checker.check_model`` before it is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from .errors import QT_TRANSLATE_NOOP, EngineError
from .network import Network
from .safeio import write_atomic

__all__ = ["OPSET", "onnx_model", "require_onnx", "write_onnx"]

#: The ONNX operator set the exported models use.
OPSET = 17
#: ONNX's IR version for opset 17 (onnx 1.12), so that older runtimes load the file.
IR_VERSION = 8
#: The metadata key holding the app's activation descriptions.
ACTIVATIONS_KEY = "neurongui.activations"


def require_onnx() -> Any:
    """Import and return the ``onnx`` package.

    Raises
    ------
    EngineError
        If it is not installed, saying how to install it.
    """
    try:
        import onnx
    except ImportError:
        raise EngineError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "ONNX files need the onnx package, which is not installed."
                " Install it with: pip install onnx",
            )
        ) from None
    return onnx


def write_onnx(network: Network, path: str | Path) -> Path:
    """Write ``network`` as an ONNX model to ``path`` (``.onnx`` added if missing).

    Raises
    ------
    EngineError
        If the onnx package is missing.
    OSError
        If the file cannot be written.
    """
    target = Path(path)
    if target.suffix.lower() != ".onnx":
        target = target.with_name(target.name + ".onnx")
    model = onnx_model(network)
    write_atomic(target, model.SerializeToString())
    return target


def onnx_model(network: Network) -> Any:
    """The checked ``onnx.ModelProto`` of ``network``; see the module's doc."""
    onnx = require_onnx()
    helper, numpy_helper = onnx.helper, onnx.numpy_helper
    nodes: list[Any] = []
    inits = []
    if any(layer.activation.name == "step" for layer in network.layers):
        inits.append(numpy_helper.from_array(np.array(0.0), "zero"))
    current = "x"
    for index, layer in enumerate(network.layers, start=1):
        w, b, z = f"W{index}", f"b{index}", f"z{index}"
        inits += [
            numpy_helper.from_array(np.array(layer.weights, dtype=np.float64), w),
            numpy_helper.from_array(np.array(layer.biases, dtype=np.float64), b),
        ]
        nodes.append(helper.make_node("Gemm", [current, w, b], [z], f"layer{index}", transB=1))
        last = index == len(network.layers)
        out = "y" if last else f"a{index}"
        act = layer.activation
        name, params = act.name, act.params()
        tag = f"layer{index}_{name}"
        if name == "identity":
            nodes.append(helper.make_node("Identity", [z], [out], tag))
        elif name in ("sigmoid", "tanh", "relu"):
            op = {"sigmoid": "Sigmoid", "tanh": "Tanh", "relu": "Relu"}[name]
            nodes.append(helper.make_node(op, [z], [out], tag))
        elif name in ("leaky_relu", "rrelu"):
            slope = (
                params["slope"]
                if name == "leaky_relu"
                else 0.5 * (params["lower"] + params["upper"])
            )
            nodes.append(helper.make_node("LeakyRelu", [z], [out], tag, alpha=float(slope)))
        elif name == "prelu":
            alpha = f"alpha{index}"
            assert layer.alpha is not None  # a PReLU layer has its slopes
            inits.append(numpy_helper.from_array(np.array(layer.alpha, dtype=np.float64), alpha))
            nodes.append(helper.make_node("PRelu", [z, alpha], [out], tag))
        elif name == "hardtanh":
            if "minus_one" not in {t.name for t in inits}:
                inits.append(numpy_helper.from_array(np.array(-1.0), "minus_one"))
                inits.append(numpy_helper.from_array(np.array(1.0), "one"))
            nodes.append(helper.make_node("Clip", [z, "minus_one", "one"], [out], tag))
        elif name == "softsign":
            if "one" not in {t.name for t in inits}:
                inits.append(numpy_helper.from_array(np.array(1.0), "one"))
            nodes += [
                helper.make_node("Abs", [z], [f"{tag}_abs"], f"{tag}_abs"),
                helper.make_node("Add", [f"{tag}_abs", "one"], [f"{tag}_den"], f"{tag}_add"),
                helper.make_node("Div", [z, f"{tag}_den"], [out], tag),
            ]
        elif name == "softmax":
            nodes.append(helper.make_node("Softmax", [z], [out], tag, axis=-1))
        elif name == "step":
            nodes += [
                helper.make_node("GreaterOrEqual", [z, "zero"], [f"{tag}_ge"], f"{tag}_ge"),
                helper.make_node("Cast", [f"{tag}_ge"], [out], tag, to=onnx.TensorProto.DOUBLE),
            ]
        else:  # pragma: no cover - every activation of the app is listed above
            raise ValueError(f"no ONNX form for activation {name!r}")
        current = out
    double = onnx.TensorProto.DOUBLE
    graph = helper.make_graph(
        nodes,
        "neurongui_network",
        [helper.make_tensor_value_info("x", double, ["n", network.n_inputs])],
        [helper.make_tensor_value_info("y", double, ["n", network.n_outputs])],
        inits,
        doc_string=repr(network),
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET)],
        producer_name="NeuronGUI",
        ir_version=IR_VERSION,
    )
    specs = [layer.activation.to_dict() for layer in network.layers]
    helper.set_model_props(model, {ACTIVATIONS_KEY: json.dumps(specs)})
    onnx.checker.check_model(model, full_check=True)
    return model
