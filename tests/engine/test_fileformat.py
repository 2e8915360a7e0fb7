"""Network files: exact round trips, atomic saves, and every kind of bad file refused."""

import json
import os
import pickle

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neurongui.engine import (
    Network,
    NetworkFileError,
    fileformat,
    load_network,
    read_network_file,
    save_network,
)


def _net():
    net = Network([3, 4, 2], activations=[{"name": "prelu", "alpha": 0.1}, "softmax"], seed=3)
    net.layers[0].alpha[2] = 0.4
    return net


def _doc(net=None):
    return (net or Network([2, 3, 1], ["tanh", "sigmoid"], seed=0)).to_dict()


def _write(tmp_path, data, name="net.json"):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data).encode())
    return path


def test_round_trip_is_bit_exact(tmp_path):
    net = _net()
    net.input_names = ["sepal", "petal", "長さ"]
    save_network(net, tmp_path / "a.json", training={"learning_rate": 0.03})
    back, training = read_network_file(tmp_path / "a.json")
    assert np.array_equal(back.parameters, net.parameters)
    assert back.to_dict() == net.to_dict()
    assert back.input_names == ["sepal", "petal", "長さ"]
    assert training == {"learning_rate": 0.03}
    assert [layer.activation.name for layer in back.layers] == ["prelu", "softmax"]


def test_to_dict_from_dict_round_trip():
    net = Network([2, 5, 3, 1], ["leaky_relu", "rrelu", "identity"], init="he", seed=9)
    again = Network.from_dict(json.loads(json.dumps(net.to_dict())))
    assert again.to_dict() == net.to_dict()


def test_save_is_atomic_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "net.json"
    save_network(_net(), path)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileformat.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_network(Network([2, 1], "sigmoid", seed=1), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["net.json"]  # no temp file left


def test_version_1_files_migrate_forward(tmp_path):
    old = {
        "format": "neurongui.network",
        "version": 1,
        "sizes": [2, 2, 1],
        "activations": ["tanh", "sigmoid"],
        "weights": [[[1, 2], [3, 4]], [[5, 6]]],
        "biases": [[0.5, -0.5], [1]],
    }
    net = load_network(_write(tmp_path, old))
    assert net.get_weight(0, 1, 0) == 3.0 and net.get_bias(1, 0) == 1.0
    assert net.to_dict()["version"] == 2


def _with_number(text):
    """The JSON of a small network whose first weight is written as ``text``."""
    return (
        json.dumps(_corrupt(["layers", 0, "weights", 0, 0], 12345.5))
        .replace("12345.5", text)
        .encode()
    )


def _corrupt(path_in_doc, value):
    doc = _doc()
    target = doc
    for key in path_in_doc[:-1]:
        target = target[key]
    target[path_in_doc[-1]] = value
    return doc


BAD_DOCUMENTS = {
    "wrong format": ({**_doc(), "format": "other"}, "not a NeuronGUI network"),
    "future version": ({**_doc(), "version": 99}, "newer NeuronGUI"),
    "missing layers": ({k: v for k, v in _doc().items() if k != "layers"}, "'layers' is missing"),
    "weights of wrong shape": (_corrupt(["layers", 0, "weights"], [[1.0, 2.0]]), "3 rows"),
    "a string weight": (_corrupt(["layers", 1, "biases"], ["x"]), "layers[1].biases[0]"),
    "unknown activation": (_corrupt(["layers", 0, "activation"], {"name": "os.system"}), "unknown"),
    "activation parameter not allowed": (
        _corrupt(["layers", 0, "activation"], {"name": "tanh", "slope": 2}),
        "takes no parameter",
    ),
    "a billion neurons": (_corrupt(["layers", 0, "size"], 10**9), "a layer has 1 to"),
    "negative size": (_corrupt(["inputs", "size"], -2), "inputs.size: -2 neurons"),
    "softmax in a hidden layer": (
        _corrupt(["layers", 0, "activation"], {"name": "softmax"}),
        "only allowed in the output layer",
    ),
    "top level list": ([1, 2, 3], "JSON object"),
}


@pytest.mark.parametrize("case", list(BAD_DOCUMENTS))
def test_bad_documents_raise_a_located_error(tmp_path, case):
    doc, expected = BAD_DOCUMENTS[case]
    with pytest.raises(NetworkFileError) as info:
        load_network(_write(tmp_path, doc))
    message = str(info.value)
    assert "net.json" in message
    assert expected in message


def test_a_billion_neurons_are_refused_before_allocating(tmp_path):
    doc = _doc()
    doc["layers"][0]["size"] = 10**9  # the weights list is still tiny: nothing is allocated
    with pytest.raises(NetworkFileError, match="1,000,000,000 neurons"):
        load_network(_write(tmp_path, doc))


def test_too_many_parameters_in_total(tmp_path):
    doc = _doc()
    doc["inputs"]["size"] = 50_000
    doc["layers"][0]["size"] = 50_000
    with pytest.raises(NetworkFileError, match="parameters; at most 2,000,000"):
        load_network(_write(tmp_path, doc))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "empty"),
        (b'{"format": "neurongui.network", "version": 2, "lay', "not valid JSON at line 1"),
        (pickle.dumps({"a": 1}), "pickle"),
        (bytes(range(256)) * 4, "binary"),
        (b"\xff\xfe{}", "not UTF-8"),
        (_with_number("NaN"), "NaN is not a finite number"),
        (_with_number("-Infinity"), "Infinity"),
        (_with_number("1e999"), r"weights\[0\]\[0\]: inf is not a finite number"),
        (b'{"format": "a", "format": "b"}', "appears twice"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_bad_bytes_raise_network_file_error(tmp_path, raw, expected):
    with pytest.raises(NetworkFileError, match=expected):
        load_network(_write(tmp_path, raw))


def test_huge_files_are_refused_by_size(tmp_path, monkeypatch):
    monkeypatch.setattr(fileformat, "MAX_FILE_BYTES", 1000)
    path = _write(tmp_path, b" " * 2000)
    with pytest.raises(NetworkFileError, match="larger than"):
        load_network(path)


def test_a_100_mb_file_is_refused(tmp_path):
    path = tmp_path / "big.json"
    with open(path, "wb") as handle:  # sparse: costs no disk
        handle.truncate(100 * 2**20)
    with pytest.raises(NetworkFileError, match="100 MB is larger than the 64 MB limit"):
        load_network(path)


def test_missing_file(tmp_path):
    with pytest.raises(NetworkFileError, match="cannot read"):
        load_network(tmp_path / "nope.json")


def test_network_file_error_is_a_value_error():
    assert issubclass(NetworkFileError, ValueError)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_corruption_gives_a_network_or_network_file_error(data):
    raw = bytearray(json.dumps(_net().to_dict()).encode())
    for _ in range(data.draw(st.integers(1, 5))):
        kind = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        pos = data.draw(st.integers(0, max(len(raw) - 1, 0)))
        if kind == "flip" and raw:
            raw[pos] = data.draw(st.integers(0, 255))
        elif kind == "cut":
            del raw[pos:]
        else:
            raw[pos:pos] = data.draw(st.binary(max_size=8))
    try:
        net, _ = fileformat.network_from_json(bytes(raw))
    except NetworkFileError as exc:
        assert str(exc)
    else:
        assert np.isfinite(net.parameters).all()


def test_saved_files_get_normal_permissions_not_private_temp_ones(tmp_path):
    path = tmp_path / "net.json"
    save_network(_net(), path)
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
    path.chmod(0o640)
    save_network(_net(), path)
    assert path.stat().st_mode & 0o777 == 0o640  # an existing file keeps its mode
