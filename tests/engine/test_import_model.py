"""Importing MLPs from safetensors and ONNX: the same outputs, and every malformed or
unsupported file refused with NetworkFileError, within the loader's limits, without
ever unpickling."""

from __future__ import annotations

import json
import pickle
import struct

import numpy as np
import pytest

from neurongui.engine import fileformat
from neurongui.engine.errors import NetworkFileError
from neurongui.engine.import_model import import_model
from neurongui.engine.network import Network


def safetensors_bytes(
    tensors: dict, metadata: dict | None = None, dtype: str = "F64", **changes: dict
) -> bytes:
    """A safetensors file written by hand (the format is 8 + N + data bytes);
    ``changes`` replace fields of a tensor's header entry (to make it lie)."""
    header: dict = {}
    data = b""
    for name, value in tensors.items():
        raw = np.ascontiguousarray(value, dtype={"F64": "<f8", "F32": "<f4"}[dtype]).tobytes()
        header[name] = {
            "dtype": dtype,
            "shape": list(np.shape(value)),
            "data_offsets": [len(data), len(data) + len(raw)],
        }
        data += raw
    for name, fields in changes.items():
        header[name[1:].replace("_", ".")].update(fields)
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header).encode()
    return struct.pack("<Q", len(text)) + text + data


def state_dict(net: Network) -> dict:
    """The tensors of the PyTorch nn.Sequential the app exports, by their names."""
    out, index = {}, 0
    for layer in net.layers:
        out[f"{index}.weight"], out[f"{index}.bias"] = layer.weights, layer.biases
        index += 1
        if layer.alpha is not None:
            out[f"{index}.weight"] = layer.alpha
        if layer.activation.name != "identity":
            index += 1
    return out


def test_safetensors_from_the_package_opens_with_the_same_outputs(tmp_path):
    st = pytest.importorskip("safetensors.numpy")
    net = Network([3, 12, 4, 2], ["tanh", "prelu", "softmax"], seed=4)
    net.layers[1].alpha[...] = [0.1, 0.2, 0.3, 0.4]
    specs = json.dumps([layer.activation.to_dict() for layer in net.layers])
    path = tmp_path / "net.safetensors"
    tensors = {k: np.array(v) for k, v in state_dict(net).items()}
    st.save_file(tensors, str(path), metadata={"neurongui.activations": specs})
    imported = import_model(path)
    assert not imported.guessed
    X = np.random.default_rng(1).normal(size=(30, 3))
    np.testing.assert_array_equal(imported.network.forward(X), net.forward(X))


def test_layers_sort_as_numbers_and_float32_is_read(tmp_path):
    net = Network([2, 3, 3, 3, 3, 3, 3, 1], "relu", seed=0)  # names 0, 2, …, 12
    net.layers[-1].activation  # noqa: B018 - (identity is guessed for the output)
    path = tmp_path / "deep.safetensors"
    tensors = state_dict(net)
    path.write_bytes(safetensors_bytes(tensors, dtype="F32"))
    imported = import_model(path)
    assert imported.guessed  # no metadata: ReLU hidden layers, a linear output
    names = [layer.activation.name for layer in imported.network.layers]
    assert names == ["relu"] * 6 + ["identity"]
    for ours, theirs in zip(imported.network.layers, net.layers, strict=True):
        np.testing.assert_array_equal(ours.weights, theirs.weights.astype(np.float32))


GOOD = safetensors_bytes({"0.weight": np.ones((3, 2)), "0.bias": np.zeros(3)})


def _header_length_lies(raw: bytes) -> bytes:
    return struct.pack("<Q", 2**40) + raw[8:]


MALFORMED = {
    "truncated": (GOOD[: len(GOOD) - 20], "truncated"),
    "too short": (b"\x01\x00", "too short"),
    "lying header length": (_header_length_lies(GOOD), "header says"),
    "header not JSON": (struct.pack("<Q", 5) + b"{abc}", "not valid JSON"),
    "huge shape": (
        safetensors_bytes({"0.weight": np.ones((1, 1))}, _0_weight={"shape": [10**5, 10**5]}),
        "at most",
    ),
    "offsets past the end": (
        safetensors_bytes({"0.weight": np.ones((1, 1))}, _0_weight={"data_offsets": [800, 808]}),
        "past the end",
    ),
    "offsets against the shape": (
        safetensors_bytes({"0.weight": np.ones((2, 1))}, _0_weight={"data_offsets": [0, 8]}),
        "offsets",
    ),
    "NaN": (safetensors_bytes({"0.weight": np.array([[np.nan, 1.0]])}), "finite"),
    "wrong dtype": (
        safetensors_bytes({"0.weight": np.ones((1, 1))}, _0_weight={"dtype": "I64"}),
        "I64",
    ),
    "overlap": (
        safetensors_bytes(
            {"0.weight": np.ones((1, 1)), "0.bias": np.ones(1)}, _0_bias={"data_offsets": [0, 8]}
        ),
        "overlap",
    ),
    "convolution": (safetensors_bytes({"0.weight": np.ones((2, 1, 3, 3))}), "convolution"),
    "batch norm": (
        safetensors_bytes(
            {"0.weight": np.ones((2, 2)), "1.running_mean": np.ones(2), "1.weight": np.ones(2)}
        ),
        "linear",
    ),
    "no weights": (safetensors_bytes({}), "no weights"),
    "layers that do not chain": (
        safetensors_bytes({"0.weight": np.ones((3, 2)), "1.weight": np.ones((1, 4))}),
        "layer 2 takes 4 inputs",
    ),
}


@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_malformed_safetensors_are_refused_with_the_file_error(kind, tmp_path):
    raw, words = MALFORMED[kind]
    path = tmp_path / "bad.safetensors"
    path.write_bytes(raw)
    with pytest.raises(NetworkFileError, match=words) as info:
        import_model(path)
    assert str(info.value).startswith("bad.safetensors: ")


def test_a_file_over_the_loaders_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.safetensors"
    with path.open("wb") as file:  # sparse: costs no disk
        file.truncate(fileformat.MAX_FILE_BYTES + 1)
    with pytest.raises(NetworkFileError, match="larger than"):
        import_model(path)


class _Boom:
    """Unpickling this would create a file: proof that nothing was unpickled."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


@pytest.mark.parametrize("name", ["model.pt", "model.pth", "model.safetensors", "model.onnx"])
def test_pickles_are_never_opened_and_the_message_says_how_to_save(name, tmp_path):
    marker = tmp_path / "unpickled"
    path = tmp_path / name
    path.write_bytes(pickle.dumps(_Boom(marker), protocol=4))
    with pytest.raises(NetworkFileError) as info:
        import_model(path)
    assert not marker.exists()
    text = str(info.value)
    assert "pickle" in text and "safetensors.torch.save_file" in text and "torch.onnx" in text


def test_a_pytorch_zip_archive_is_refused_as_a_pickle(tmp_path):
    path = tmp_path / "weights.safetensors"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)  # torch.save's format
    with pytest.raises(NetworkFileError, match="pickle"):
        import_model(path)


# -- ONNX ------------------------------------------------------------------------------


@pytest.fixture
def onnx():
    return pytest.importorskip("onnx")


def _model(onnx, nodes, inits, n_in=2, n_out=1):
    helper = onnx.helper
    double = onnx.TensorProto.DOUBLE
    graph = helper.make_graph(
        nodes,
        "g",
        [helper.make_tensor_value_info("x", double, ["n", n_in])],
        [helper.make_tensor_value_info("y", double, ["n", n_out])],
        inits,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def _write(tmp_path, model_or_bytes):
    path = tmp_path / "bad.onnx"
    raw = (
        model_or_bytes if isinstance(model_or_bytes, bytes) else model_or_bytes.SerializeToString()
    )
    path.write_bytes(raw)
    return path


def test_matmul_add_from_pytorch_style_graphs_is_read(onnx, tmp_path):
    h, nh = onnx.helper, onnx.numpy_helper
    W1, b1 = np.arange(6.0).reshape(2, 3) / 10, np.array([0.1, -0.2, 0.3])  # x @ W1: (in, out)
    W2 = np.array([[0.5], [-0.5], [0.25]])
    nodes = [
        h.make_node("MatMul", ["x", "W1"], ["m1"]),
        h.make_node("Add", ["m1", "b1"], ["z1"]),
        h.make_node("Relu", ["z1"], ["a1"]),
        h.make_node("Gemm", ["a1", "W2", "b2"], ["y"]),  # transB=0: W2 is (in, out)
    ]
    inits = [nh.from_array(W1, "W1"), nh.from_array(b1, "b1"), nh.from_array(W2, "W2")]
    inits.append(nh.from_array(np.array([0.05]), "b2"))
    net = import_model(_write(tmp_path, _model(onnx, nodes, inits))).network
    X = np.array([[1.0, 2.0], [-1.0, 0.5]])
    expected = np.maximum(X @ W1 + b1, 0) @ W2 + 0.05
    np.testing.assert_allclose(net.forward(X), expected, rtol=1e-15)
    assert [layer.activation.name for layer in net.layers] == ["relu", "identity"]


def _raw_tensor(onnx, dims, raw):
    """A tensor whose raw data need not match its dims (onnx.helper would refuse it)."""
    tensor = onnx.TensorProto()
    tensor.name, tensor.data_type, tensor.raw_data = "W", onnx.TensorProto.DOUBLE, raw
    tensor.dims.extend(dims)
    return tensor


def _onnx_cases(onnx):
    h, nh, tp = onnx.helper, onnx.numpy_helper, onnx.TensorProto
    W = nh.from_array(np.ones((1, 2)), "W")
    conv = _model(onnx, [h.make_node("Conv", ["x", "W"], ["y"])], [W])
    unknown = _model(
        onnx,
        [h.make_node("Gemm", ["x", "W"], ["z"], transB=1), h.make_node("Sin", ["z"], ["y"])],
        [W],
    )
    nan = _model(
        onnx,
        [h.make_node("Gemm", ["x", "W"], ["y"], transB=1)],
        [nh.from_array(np.array([[np.nan, 1.0]]), "W")],
    )
    huge = _raw_tensor(onnx, [100_000, 100_000], b"\x00" * 16)
    big = _model(onnx, [h.make_node("Gemm", ["x", "W"], ["y"], transB=1)], [huge])
    short = _raw_tensor(onnx, [1, 2], b"\x00" * 8)
    lying = _model(onnx, [h.make_node("Gemm", ["x", "W"], ["y"], transB=1)], [short])
    ints = _model(
        onnx,
        [h.make_node("Gemm", ["x", "W"], ["y"], transB=1)],
        [nh.from_array(np.ones((1, 2), dtype=np.int64), "W")],
    )
    external = nh.from_array(np.ones((1, 2)), "W")
    external.data_location = tp.EXTERNAL
    external.ClearField("raw_data")
    outside = _model(onnx, [h.make_node("Gemm", ["x", "W"], ["y"], transB=1)], [external])
    good = _model(onnx, [h.make_node("Gemm", ["x", "W"], ["y"], transB=1)], [W]).SerializeToString()
    return {
        "convolution": (conv, "convolution"),
        "unknown operator": (unknown, "Sin"),
        "NaN weight": (nan, "finite"),
        "huge shape": (big, "at most"),
        "data shorter than the shape": (lying, "does not match"),
        "integer weights": (ints, "INT64"),
        "external data": (outside, "another file"),
        "truncated": (good[: len(good) // 2], "ONNX"),
        "not protobuf": (b"\xff" * 64, "ONNX"),
    }


@pytest.mark.parametrize(
    "kind",
    [
        "convolution",
        "unknown operator",
        "NaN weight",
        "huge shape",
        "data shorter than the shape",
        "integer weights",
        "external data",
        "truncated",
        "not protobuf",
    ],
)
def test_malformed_or_unsupported_onnx_is_refused_with_the_file_error(kind, onnx, tmp_path):
    model, words = _onnx_cases(onnx)[kind]
    with pytest.raises(NetworkFileError, match=words):
        import_model(_write(tmp_path, model))
