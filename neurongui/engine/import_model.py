"""Open a multilayer perceptron saved by another tool: safetensors or ONNX.

* **safetensors** (read by :mod:`.safetensors_io`, no package needed): the tensors of
  a PyTorch ``state_dict`` of linear layers, ``<layer>.weight`` (out, in) and
  ``<layer>.bias``, in the order of their names (``0``, ``2``, ``10``: numbers compare
  as numbers). A 1-D ``<module>.weight`` right after a linear layer is a PReLU's slopes.
  The file has no place for activations, so they come from its metadata
  ``neurongui.activations`` (written by the exported PyTorch script), else hidden
  layers are taken to be ReLU and the output linear, and :attr:`ImportedModel.guessed`
  says so.
* **ONNX** (through the optional ``onnx`` package): the graph's nodes, in order, may be
  ``Gemm`` or ``MatMul`` (+ ``Add``) for a linear layer, each followed by at most one
  activation: ``Sigmoid``, ``Tanh``, ``Relu``, ``LeakyRelu``, ``PRelu``, ``Softmax``,
  ``Clip(−1, 1)`` (hard tanh), ``Softsign``, the step and softsign as the app exports
  them; ``Identity``, ``Flatten`` and ``Dropout`` change nothing. Convolutions, other
  operators and weights stored outside the file are refused.

Pickles (PyTorch's ``.pt``/``.pth``, ``.pkl``) are refused on sight and never read:
unpickling runs whatever code the file names. Every problem raises
:class:`~.errors.NetworkFileError`, within the network loader's limits.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .errors import QT_TRANSLATE_NOOP, EngineError, Message, NetworkFileError, located
from .fileformat import MAX_FILE_BYTES
from .network import Network
from .safeio import read_limited
from .safetensors_io import read_safetensors
from .state import MAX_PARAMETERS, check_sizes

__all__ = ["ImportedModel", "import_model", "network_from_onnx", "network_from_safetensors"]

#: The metadata key that names the layers' activations (safetensors and ONNX).
ACTIVATIONS_KEY = "neurongui.activations"

_PICKLE_SUFFIXES = (".pt", ".pth", ".pkl", ".pickle", ".ckpt", ".bin")
_PICKLE_MAGIC = (b"\x80\x02", b"\x80\x03", b"\x80\x04", b"\x80\x05")
_ZIP_MAGIC = b"PK\x03\x04"  # torch.save's zip of pickles


@dataclass(frozen=True)
class ImportedModel:
    """A network read from another tool's file.

    Attributes
    ----------
    network
        The network, weights included.
    guessed
        True when the file did not say which activations the layers use (a plain
        safetensors file): hidden layers were taken to be ReLU, the output linear.
    """

    network: Network
    guessed: bool = False


def import_model(path: str | os.PathLike[str]) -> ImportedModel:
    """Read a safetensors (``.safetensors``) or ONNX (``.onnx``) file.

    Raises
    ------
    NetworkFileError
        If the file is a pickle, malformed, too big, or holds something the app cannot
        represent; the message says what and how to save a supported file.
    EngineError
        If the file is ONNX and the onnx package is missing.
    """
    path = Path(path)
    if path.suffix.lower() in _PICKLE_SUFFIXES:
        raise NetworkFileError(located(path.name, _pickle_message()))
    raw = read_limited(path, MAX_FILE_BYTES, NetworkFileError)
    try:
        if raw.startswith(_PICKLE_MAGIC) or raw.startswith(_ZIP_MAGIC):
            raise NetworkFileError(_pickle_message())
        if path.suffix.lower() == ".onnx":
            return ImportedModel(network_from_onnx(raw))
        return network_from_safetensors(raw)
    except NetworkFileError as exc:
        raise NetworkFileError(located(path.name, exc)) from None


def _pickle_message() -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "EngineErrors",
            "this is a PyTorch or Python pickle, which can run code when opened, so"
            " NeuronGUI never opens it. Save the weights as safetensors instead:\n"
            "'safetensors.torch.save_file(model.state_dict(), \"model.safetensors\")'\n"
            "or the model as ONNX:\n'torch.onnx.export(model, x, \"model.onnx\")'",
        )
    )


def _natural(name: str) -> list[Any]:
    """Sort key in which ``layers.10`` comes after ``layers.2``."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", name)
    ]


def network_from_safetensors(raw: bytes) -> ImportedModel:
    """The network held in the bytes of a safetensors file; see the module's doc."""
    tensors, metadata = read_safetensors(raw)
    modules: dict[str, dict[str, np.ndarray]] = {}
    for name, value in tensors.items():
        prefix, _, leaf = name.rpartition(".")
        modules.setdefault(prefix, {})[leaf] = value
    layers: list[dict[str, Any]] = []
    for prefix in sorted(modules, key=_natural):
        parts = modules[prefix]
        weight, bias = parts.pop("weight", None), parts.pop("bias", None)
        label = prefix or "(top)"
        if parts or weight is None:
            extra = next(iter(parts), "weight")
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors",
                    "{name}: not a part of a linear layer; NeuronGUI opens networks of linear"
                    " layers (weight and bias) with PReLU slopes",
                ),
                name=f"{prefix}.{extra}" if prefix else extra,
            )
        if weight.ndim == 1 and bias is None and layers and "alpha" not in layers[-1]:
            n_out = len(layers[-1]["biases"])
            if weight.size not in (1, n_out):
                raise NetworkFileError(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors", "{name}: {count} PReLU slopes for a layer of {size} neurons"
                    ),
                    name=f"{label}.weight",
                    count=weight.size,
                    size=n_out,
                )
            layers[-1]["alpha"] = np.broadcast_to(weight, (n_out,)).copy()
            continue
        if weight.ndim != 2:
            raise _not_linear(f"{label}.weight", weight.shape)
        if bias is None:
            bias = np.zeros(weight.shape[0])
        if bias.shape != (weight.shape[0],):
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors", "{name}: {count} biases for a layer of {size} neurons"
                ),
                name=f"{label}.bias",
                count=bias.size,
                size=weight.shape[0],
            )
        layers.append({"weights": weight, "biases": bias})
    specs, guessed = _activation_specs(metadata.get(ACTIVATIONS_KEY), layers)
    return ImportedModel(_build(layers, specs), guessed)


def _not_linear(name: str, shape: tuple[int, ...]) -> NetworkFileError:
    return NetworkFileError(
        QT_TRANSLATE_NOOP(
            "EngineErrors",
            "{name} has the shape {shape}, not that of a linear layer's weights (out, in):"
            " a convolution or another layer NeuronGUI cannot represent",
        ),
        name=name,
        shape=tuple(int(d) for d in shape),
    )


def _activation_specs(
    described: str | None, layers: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], bool]:
    """The activations named in the metadata, or ReLU hidden layers and a linear output."""
    if described is not None:
        try:
            specs = json.loads(described)
        except ValueError:
            specs = None
        if isinstance(specs, list) and len(specs) == len(layers):
            return [s if isinstance(s, dict) else {"name": s} for s in specs], False
    guessed = [{"name": "prelu" if "alpha" in layer else "relu"} for layer in layers]
    if guessed and "alpha" not in layers[-1]:
        guessed[-1] = {"name": "identity"}
    return guessed, True


def _build(layers: list[dict[str, Any]], specs: list[dict[str, Any]]) -> Network:
    """A network of ``layers`` (weights, biases, maybe alpha) with activations ``specs``."""
    if not layers:
        raise NetworkFileError(QT_TRANSLATE_NOOP("EngineErrors", "the file holds no weights"))
    sizes = [layers[0]["weights"].shape[1]]
    for index, layer in enumerate(layers, start=1):
        n_out, n_in = layer["weights"].shape
        if n_in != sizes[-1]:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors",
                    "layer {layer} takes {n_in} inputs, but the layer before it has"
                    " {n_out} neurons",
                ),
                layer=index,
                n_in=n_in,
                n_out=sizes[-1],
            )
        sizes.append(n_out)
    check_sizes(sizes)
    total = sum(n_out * (n_in + 1) for n_in, n_out in itertools.pairwise(sizes))
    if total > MAX_PARAMETERS:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "the network has {count:,} parameters; at most {limit:,} are allowed",
            ),
            count=total,
            limit=MAX_PARAMETERS,
        )
    try:
        for spec, layer in zip(specs, layers, strict=True):
            if (spec.get("name") == "prelu") != ("alpha" in layer):
                spec.clear()  # slopes and activation disagree: the slopes say PReLU
                spec["name"] = "prelu" if "alpha" in layer else "identity"
        net = Network(sizes, specs, init="zeros")
    except NetworkFileError:
        raise
    except (EngineError, ValueError, TypeError) as exc:
        raise NetworkFileError(
            str(exc) if not isinstance(exc, EngineError) else exc.message
        ) from None
    for target, layer in zip(net.layers, layers, strict=True):
        target.weights = layer["weights"]
        target.biases = layer["biases"]
        if target.alpha is not None:
            target.alpha[...] = layer["alpha"]
    return net


def network_from_onnx(raw: bytes) -> Network:
    """The network held in the bytes of an ONNX model; see the module's doc."""
    from .export_onnx import require_onnx
    from .onnx_reader import read_graph

    onnx = require_onnx()
    try:
        model = onnx.load_from_string(raw)
    except Exception:  # protobuf's DecodeError and kin: the bytes are not a model
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "not an ONNX model: its contents cannot be parsed")
        ) from None
    layers, names = read_graph(onnx, model)
    props = {p.key: p.value for p in model.metadata_props}
    specs: list[dict[str, Any]] = [
        {"name": name} if isinstance(name, str) else name for name in names
    ]
    described = props.get(ACTIVATIONS_KEY)
    if described is not None:  # restores RReLU's range, which ONNX keeps as one slope
        from_meta, guessed = _activation_specs(described, layers)
        if not guessed:
            for i, (spec, meta) in enumerate(zip(specs, from_meta, strict=True)):
                if spec.get("name") == "leaky_relu" and meta.get("name") == "rrelu":
                    lo, hi = meta.get("lower", 1 / 8), meta.get("upper", 1 / 3)
                    if math.isclose(0.5 * (lo + hi), spec["slope"], rel_tol=1e-6):
                        specs[i] = meta
    return _build(layers, specs)
